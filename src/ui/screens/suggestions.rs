//! Residents' suggestions (居民意见箱): the list, longest waiting first with
//! the days shown; log one in a few keys; acknowledge, answer, hand over, put on a draft
//! meeting's agenda (the item is made with its source), mark done or close; each change
//! with its note in the history beside the list; print the public list of responses.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row};

use crate::domain::model::{Category, MeetingStatus};
use crate::domain::suggestions::{Channel, SuggestionStatus};
use crate::domain::text::{clean_line, truncate, width};
use crate::store::StoreError;
use crate::store::actions::today;
use crate::store::ids::{CommunityId, MeetingId, SuggestionId};
use crate::store::suggestions::{SuggestionEvent, SuggestionInput, SuggestionRow};
use crate::strings::{self, suggestions as w, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::keys::act::CivicAct;
use crate::ui::keys::suggestions;
use crate::ui::keys::{Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::widgets::table::ListTable;
use crate::ui::{forms, theme};

pub struct Suggestions {
    pub rows: Vec<SuggestionRow>,
    pub history: Vec<SuggestionEvent>,
    pub contact: String,
    /// The contact is shown only after `i` (the laptop may be projected), and hidden
    /// again when another suggestion is selected.
    pub show_contact: bool,
    pub sel: usize,
    /// The community new suggestions are logged for (the one chosen on home).
    pub community: Option<CommunityId>,
    pub today: String,
}

impl Suggestions {
    pub fn load(ctx: &mut Ctx, community: Option<CommunityId>) -> Suggestions {
        loaded(
            ctx,
            Suggestions {
                rows: Vec::new(),
                history: Vec::new(),
                contact: String::new(),
                show_contact: false,
                sel: 0,
                community,
                today: today(),
            },
        )
    }

    fn load_side(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.show_contact = false;
        match self.rows.get(self.sel) {
            Some(r) => {
                self.history = ctx.store.suggestion_history(r.id)?;
                self.contact = ctx.store.suggestion_contact(r.id)?;
            }
            None => {
                self.history.clear();
                self.contact.clear();
            }
        }
        Ok(())
    }

    fn current(&self) -> Option<&SuggestionRow> {
        self.rows.get(self.sel)
    }
}

/// Log a suggestion: channel, who, contact (private), text, category, date.
pub fn log_form(ctx: &Ctx, community: CommunityId) -> Form<Nav> {
    let l = ctx.lang;
    let mut fields = Fields::default();
    let channel_field = fields.pick(
        "channel",
        w::F_CHANNEL,
        &Channel::ALL,
        Channel::Box,
        |c| c.as_db().to_string(),
        |c| w::channel(l, c).to_string(),
    );
    let who_field = fields.text(Field::text("who", w::F_WHO, "").max(100));
    let contact_field = fields.text(Field::text("contact", w::F_CONTACT, "").max(100));
    let text_field = fields.text(Field::multi("text", w::F_TEXT, "").max(4000));
    let category_field = fields.pick(
        "category",
        w::F_CATEGORY,
        Category::ALL,
        Category::Other,
        |c| c.as_db().to_string(),
        |c| strings::category(l, c).to_string(),
    );
    let date_field = fields.text(Field::text("date", w::F_DATE, &today()));
    Form::new(ctx.t(w::NEW_TITLE), fields, move |f, ctx| {
        let input = SuggestionInput {
            channel: f.pick(&channel_field),
            raised_by: f.get(who_field),
            contact: f.get(contact_field),
            text: f.get(text_field),
            category: f.pick(&category_field),
            raised_on: f.get(date_field),
        };
        ctx.store.add_suggestion(community, &input)?;
        Ok(forms::saved(ctx))
    })
    .changes_record()
}

/// A status change with its note (the answer, to whom, why closed).
fn note_form(
    ctx: &Ctx,
    id: SuggestionId,
    status: SuggestionStatus,
    title: crate::strings::Tr,
) -> Form<Nav> {
    let field = if status == SuggestionStatus::Answered {
        Field::multi("text", title, "")
    } else {
        Field::text("text", title, "")
    };
    forms::one_field(ctx, title, field, move |note, ctx| {
        ctx.store.set_suggestion_status(id, status, &note)?;
        Ok(forms::saved(ctx))
    })
    .changes_record()
}

/// Choose the draft meeting whose agenda the suggestion goes on.
fn agenda_form(ctx: &mut Ctx, r: &SuggestionRow) -> Nav {
    let drafts: Vec<_> = ctx
        .store_do(|st| st.meetings(None))
        .unwrap_or_default()
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Draft && m.community == r.community)
        .collect();
    if drafts.is_empty() {
        ctx.error(ctx.t(w::NO_DRAFT));
        return Nav::Stay;
    }
    let options: Vec<(String, String)> = drafts
        .iter()
        .map(|m| {
            (
                m.id.to_string(),
                format!(
                    "{} {}",
                    m.starts_at.get(..10).unwrap_or(&m.starts_at),
                    clean_line(&m.title)
                ),
            )
        })
        .collect();
    let first = options[0].0.clone();
    let id = r.id;
    let mut fields = Fields::default();
    let meeting_field = fields.choice(Field::choice("meeting", w::PICK_TITLE, options, &first));
    Nav::form(
        Form::new(ctx.t(w::PICK_MEETING), fields, move |f, ctx| {
            let meeting = MeetingId(f.pick(&meeting_field).parse().unwrap_or(0));
            let item = ctx.store.put_on_agenda(id, meeting)?;
            let title = ctx.store.item(item).map(|i| i.title).unwrap_or_default();
            ctx.info(format!("{}{}", ctx.t(w::PUT_ON), clean_line(&title)));
            Ok(Nav::Reload)
        })
        .changes_record(),
    )
}

/// Print the public list of responses (names masked, never a contact) to a new file.
fn print_form(ctx: &Ctx) -> Form<Nav> {
    let name = format!("responses-{}.html", today());
    forms::one_field(
        ctx,
        w::K_PRINT,
        Field::text("text", w::PRINT_PATH, &name).with_hint(s::F_PATH_HINT),
        move |path, ctx| {
            let path = std::path::PathBuf::from(path.trim());
            let rows = ctx.store.suggestions(None, None, &today())?;
            let html = crate::report::responses_html(&rows, ctx.lang);
            let shown = clean_line(&path.display().to_string());
            crate::files::write_new(&path, html.as_bytes(), Some(ctx.store.path()), false)
                .map_err(|why| crate::store::Refusal::ExportFile {
                    path: shown.clone(),
                    why,
                })?;
            ctx.info(format!("{}{}", ctx.t(w::PRINTED), shown));
            Ok(Nav::Stay)
        },
    )
}

impl Screen for Suggestions {
    fn keys(&self) -> &'static [Binding] {
        suggestions::SUGGESTIONS
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.rows = ctx.store.suggestions(None, None, &self.today)?;
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
        self.load_side(ctx)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let cur = self.current().cloned();
        let Act::Civic(c) = act else {
            return match act {
                Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                    self.sel = moved(self.sel, self.rows.len(), act, 10);
                    if let Err(e) = self.load_side(ctx) {
                        ctx.error(ctx.say(&e));
                    }
                    Nav::Stay
                }
                Act::Back => Nav::Back,
                _ => Nav::Stay,
            };
        };
        if c == CivicAct::Log {
            let community = self.community.or_else(|| {
                ctx.store
                    .communities()
                    .ok()
                    .and_then(|v| v.first().map(|c| c.id))
            });
            return match community {
                Some(id) => Nav::form(log_form(ctx, id)),
                None => Nav::Stay,
            };
        }
        if c == CivicAct::PrintResponses {
            return Nav::form(print_form(ctx));
        }
        if c == CivicAct::ShowContact {
            self.show_contact = !self.show_contact;
            return Nav::Stay;
        }
        let Some(r) = cur else {
            return Nav::Stay;
        };
        match c {
            CivicAct::Acknowledge => {
                if ctx
                    .store_do(|st| {
                        st.set_suggestion_status(r.id, SuggestionStatus::Acknowledged, "")
                    })
                    .is_some()
                {
                    ctx.info(ctx.t(w::SAVED));
                }
                Nav::Reload
            }
            CivicAct::Answer => Nav::form(note_form(
                ctx,
                r.id,
                SuggestionStatus::Answered,
                w::ANSWER_TITLE,
            )),
            CivicAct::HandOver => Nav::form(note_form(
                ctx,
                r.id,
                SuggestionStatus::HandedOver,
                w::HAND_TITLE,
            )),
            CivicAct::Done => {
                Nav::form(note_form(ctx, r.id, SuggestionStatus::Done, w::NOTE_TITLE))
            }
            CivicAct::Close => Nav::form(note_form(
                ctx,
                r.id,
                SuggestionStatus::Closed,
                w::NOTE_TITLE,
            )),
            CivicAct::PutOnAgenda => agenda_form(ctx, &r),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let [list, side] =
            Layout::horizontal([Constraint::Min(46), Constraint::Length(32)]).areas(area);
        self.draw_table(ctx, f, list);
        let lines = match self.current() {
            Some(r) => self.detail_lines(ctx, r),
            None => vec![Line::from(ctx.t(w::EMPTY))],
        };
        f.render_widget(
            Paragraph::new(crate::ui::widgets::wrap_lines(
                lines,
                usize::from(side.width.saturating_sub(2)),
            ))
            .block(Block::default().borders(Borders::ALL)),
            side,
        );
    }
}

impl Suggestions {
    /// The list, longest waiting first: number, days, status, who, the first line.
    fn draw_table(&self, ctx: &Ctx, f: &mut Frame<'_>, list: Rect) {
        let l = ctx.lang;
        // The status and who columns as wide as their longest word in this language
        // ("Acknowledged", "Raised by"), not cut.
        let status_w = SuggestionStatus::ALL
            .iter()
            .map(|&st| width(w::status(l, st)))
            .chain([width(ctx.t(w::COL_STATUS))])
            .max()
            .unwrap_or(10);
        let who_w = width(ctx.t(w::COL_WHO)).max(8);
        let rows: Vec<Row<'_>> = self
            .rows
            .iter()
            .map(|r| {
                let style = match r.status {
                    st if st.waiting() && r.days > 7 => theme::fail(),
                    st if st.waiting() => theme::focus(),
                    SuggestionStatus::Done | SuggestionStatus::Closed => theme::dim(),
                    _ => theme::pass(),
                };
                Row::new(vec![
                    Cell::from(format!("#{}", r.id)),
                    Cell::from(w::days(l, r.days)),
                    Cell::from(w::status(l, r.status)).style(style),
                    Cell::from(truncate(&clean_line(&r.raised_by), who_w)),
                    Cell::from(truncate(
                        &clean_line(r.text.lines().next().unwrap_or("")),
                        usize::from(list.width)
                            .saturating_sub(24 + status_w + who_w)
                            .max(4),
                    )),
                ])
            })
            .collect();
        ListTable {
            title: format!(" {} ", ctx.t(w::TITLE)),
            header: [
                w::COL_NO,
                w::COL_WAIT,
                w::COL_STATUS,
                w::COL_WHO,
                w::COL_TEXT,
            ]
            .into_iter()
            .map(|h| Cell::from(ctx.t(h)))
            .collect(),
            widths: vec![
                Constraint::Length(4),
                Constraint::Length(7),
                Constraint::Length(status_w as u16),
                Constraint::Length(who_w as u16),
                Constraint::Min(10),
            ],
            rows,
            selected: (!self.rows.is_empty()).then_some(self.sel),
        }
        .render(f, list);
    }

    /// The selected suggestion: who, when, its text, its agenda item, its history.
    fn detail_lines(&self, ctx: &Ctx, r: &SuggestionRow) -> Vec<Line<'static>> {
        let l = ctx.lang;
        let c = s::colon(l);
        let mut lines: Vec<Line<'static>> = Vec::new();
        lines.push(Line::from(Span::styled(
            format!("#{} {}", r.id, w::status(l, r.status)),
            theme::heading(),
        )));
        lines.push(Line::from(format!(
            "{} {} {}",
            r.raised_on,
            w::channel(l, r.channel),
            strings::category(l, r.category)
        )));
        lines.push(Line::from(format!(
            "{}{c}{}",
            ctx.t(w::COL_WHO),
            clean_line(&r.raised_by)
        )));
        if !self.contact.is_empty() {
            let shown = if self.show_contact {
                clean_line(&self.contact)
            } else {
                ctx.t(w::CONTACT_HIDDEN).to_string()
            };
            lines.push(Line::from(format!("{}{c}{shown}", ctx.t(w::CONTACT))));
        }
        for t in r.text.lines() {
            lines.push(Line::from(clean_line(t)));
        }
        if let Some((_, _, title)) = &r.item {
            lines.push(Line::from(format!(
                "{}{c}{}",
                ctx.t(w::ITEM),
                clean_line(title)
            )));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            ctx.t(w::HISTORY),
            theme::heading(),
        )));
        for h in &self.history {
            let mut t = format!(
                "{} {}",
                h.at.get(..10).unwrap_or(&h.at),
                w::status(l, h.status)
            );
            if !h.note.is_empty() {
                t.push_str(&format!("{c}{}", clean_line(&h.note)));
            }
            lines.push(Line::from(t));
        }
        lines
    }
}
