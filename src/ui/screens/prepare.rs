//! Preparation of a draft meeting: its details and its agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::domain::model::{Category, MeetingForm};
use crate::domain::text::{clean_line, pad, truncate, width};
use crate::store::StoreError;
use crate::store::ids::MeetingId;
use crate::store::meetings::{ItemRow, MeetingRow};
use crate::strings::written_ui as wu;
use crate::strings::{self, Lang, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::forms::written as written_forms;
use crate::ui::forms::{meeting, paper};
use crate::ui::item_detail::item_detail;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded, reread};
use crate::ui::screens::moved;
use crate::ui::theme;
use crate::ui::widgets::columns::{Col, fit};

pub struct Prepare {
    pub meeting: Option<MeetingRow>,
    pub id: MeetingId,
    pub items: Vec<ItemRow>,
    pub sel: usize,
    /// The form of the meeting, a written one's dates, the day its notice was posted.
    pub form: MeetingForm,
    pub dates: Option<(String, String)>,
    pub noticed: Option<String>,
}

impl Prepare {
    pub fn load(ctx: &mut Ctx, id: MeetingId) -> Prepare {
        loaded(
            ctx,
            Prepare {
                meeting: None,
                id,
                items: Vec::new(),
                sel: 0,
                form: MeetingForm::Collective,
                dates: None,
                noticed: None,
            },
        )
    }
}

impl Prepare {
    /// "形式：书面征求意见 2026-11-20 至 2026-12-10  通知公告：2026-11-04".
    fn form_line(&self, ctx: &Ctx) -> String {
        let colon = crate::strings::ui::colon(ctx.lang);
        let mut line = match (&self.form, &self.dates) {
            (MeetingForm::Written, Some((o, c))) => format!(
                "{}{colon}{} {o} {} {c}",
                ctx.t(wu::FORM_LINE),
                ctx.t(wu::FORM_WRITTEN),
                ctx.t(wu::TO)
            ),
            _ => format!(
                "{}{colon}{}",
                ctx.t(wu::FORM_LINE),
                ctx.t(wu::FORM_COLLECTIVE)
            ),
        };
        if let Some(n) = &self.noticed {
            line.push_str(&format!("  {}{colon}{n}", ctx.t(wu::NOTICE_LINE)));
        }
        line
    }
}

/// Open the meeting: the agenda, with attendance on top to take the roll first; a
/// written consultation, its own screen (its ballots are numbered now). `short_ok`: the
/// user confirmed opening an owners' assembly less than 15 days after its notice.
fn open_meeting(ctx: &mut Ctx, m: MeetingId, short_ok: bool) -> Nav {
    let opened = if short_ok {
        ctx.store_do(|st| st.start_meeting_confirmed(m))
    } else {
        ctx.store_do(|st| st.start_meeting(m))
    };
    if opened.is_none() {
        return Nav::Stay;
    }
    if ctx.store.meeting_form(m).ok() == Some(MeetingForm::Written) {
        ctx.info(ctx.t(wu::WRITTEN_OPENED));
        return Nav::Reset(vec![Route::Written { meeting: m }]);
    }
    ctx.info(ctx.t(s::MEETING_OPENED));
    Nav::Reset(vec![
        Route::Agenda { meeting: m },
        Route::Attendance { meeting: m },
    ])
}

impl Screen for Prepare {
    fn keys(&self) -> &'static [Binding] {
        keys::PREPARE
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.meeting = Some(ctx.store.meeting(self.id)?);
        self.items = ctx.store.items(self.id)?;
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
        self.form = ctx.store.meeting_form(self.id)?;
        self.dates = ctx.store.written_dates(self.id)?;
        self.noticed = ctx.store.notice_date(self.id)?;
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let current = self.items.get(self.sel).cloned();
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.items.len(), act, 5);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::Civic(_) => match &current {
                Some(it) => Nav::Open(Route::Cost { item: it.id }),
                None => Nav::Stay,
            },
            Act::EditMeeting => match &self.meeting {
                Some(m) => Nav::form(meeting::meeting_form(ctx, m.community_id, Some(m))),
                None => Nav::Stay,
            },
            Act::AddItem => meeting::item_nav(ctx, self.id, None),
            Act::EditItem => meeting::item_nav(ctx, self.id, current.as_ref()),
            Act::MoveUp | Act::MoveDown => {
                if let Some(it) = current {
                    let d = if act == Act::MoveUp { -1 } else { 1 };
                    if ctx.store_do(|st| st.move_item(it.id, d)).is_some() {
                        reread(ctx, self);
                        self.sel = moved(
                            self.sel,
                            self.items.len(),
                            if d < 0 { Act::Up } else { Act::Down },
                            1,
                        );
                    }
                }
                Nav::Stay
            }
            Act::RemoveItem => match current {
                Some(it) => {
                    let id = it.id;
                    Nav::ask(
                        format!("{}「{}」", ctx.t(s::CONFIRM_REMOVE), clean_line(&it.title)),
                        move |ctx| match ctx.store_do(|st| st.remove_item(id)) {
                            Some(()) => Nav::Reload,
                            None => Nav::Stay,
                        },
                    )
                }
                None => Nav::Stay,
            },
            Act::OpenMeeting => {
                let id = self.id;
                match ctx.store_do(|st| st.notice_shortfall(id)) {
                    None => Nav::Stay,
                    Some(Some(days)) => Nav::ask(wu::short_notice_q(ctx.lang, days), move |ctx| {
                        open_meeting(ctx, id, true)
                    }),
                    Some(None) => {
                        let mut text = if self.form == MeetingForm::Written {
                            ctx.t(wu::CONFIRM_OPEN_WRITTEN).to_string()
                        } else {
                            ctx.t(s::CONFIRM_OPEN).to_string()
                        };
                        // A meeting in the room opened on another day than it was called
                        // for (the wrong draft, or a rehearsal): said before it starts.
                        let today = written_forms::today();
                        if let Some(m) = &self.meeting
                            && self.form != MeetingForm::Written
                            && m.starts_at.get(..10).is_some_and(|d| d != today)
                        {
                            text.push_str(&s::open_other_day(ctx.lang, &m.starts_at, &today));
                        }
                        Nav::ask(text, move |ctx| open_meeting(ctx, id, false))
                    }
                }
            }
            Act::MeetingForm => match written_forms::form_form(ctx, self.id) {
                Ok(f) => Nav::form(f),
                Err(e) => {
                    ctx.error(ctx.say(&e));
                    Nav::Stay
                }
            },
            Act::Print => paper::print_nav(ctx, self.id),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let [head, body] =
            Layout::vertical([Constraint::Length(5), Constraint::Min(5)]).areas(area);
        if let Some(m) = &self.meeting {
            let lines = vec![
                Line::from(vec![
                    Span::styled(clean_line(&m.title), theme::heading()),
                    Span::raw(format!(
                        "  {}  {}",
                        strings::meeting_kind(l, m.kind),
                        strings::meeting_status(l, m.status)
                    )),
                ]),
                Line::from(format!(
                    "{}{colon}{}  {}{colon}{}  {}{colon}{}  {}{colon}{}",
                    ctx.t(s::F_TIME),
                    m.starts_at,
                    ctx.t(s::F_VENUE),
                    clean_line(&m.venue),
                    ctx.t(s::F_HOST),
                    clean_line(&m.host),
                    ctx.t(s::F_SECRETARY),
                    clean_line(&m.secretary)
                )),
                Line::from(self.form_line(ctx)),
            ];
            f.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(format!(" {} ", ctx.t(s::PREPARE_TITLE))),
                ),
                head,
            );
        }
        let [list_area, detail] =
            Layout::horizontal([Constraint::Percentage(42), Constraint::Min(20)]).areas(body);
        let items: Vec<ListItem<'_>> = if self.items.is_empty() {
            vec![ListItem::new(ctx.t(s::NO_ITEMS))]
        } else {
            let rows: Vec<(&str, Category)> = self
                .items
                .iter()
                .map(|it| (it.title.as_str(), it.category))
                .collect();
            agenda_rows(l, &rows, list_area.width.saturating_sub(2))
                .into_iter()
                .map(ListItem::new)
                .collect()
        };
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(s::AGENDA_TITLE))),
            )
            .highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state = ListState::default().with_selected(if self.items.is_empty() {
            None
        } else {
            Some(self.sel)
        });
        f.render_stateful_widget(list, list_area, &mut state);
        let block = Block::default().borders(Borders::ALL);
        let inner = block.inner(detail);
        f.render_widget(block, detail);
        if let Some(it) = self.items.get(self.sel) {
            f.render_widget(
                Paragraph::new(item_detail(l, it, inner.width as usize)),
                inner,
            );
        }
    }
}

/// The agenda list's rows, cut to `inner` columns (inside the borders) by ui::columns:
/// the category gives first, then the title, each cut ending in "…".
fn agenda_rows(l: Lang, items: &[(&str, Category)], inner: u16) -> Vec<String> {
    let rows: Vec<(String, String, String)> = items
        .iter()
        .enumerate()
        .map(|(i, (title, category))| {
            (
                format!("{}.", i + 1),
                clean_line(title),
                format!("[{}]", strings::category(l, *category)),
            )
        })
        .collect();
    let want = |f: fn(&(String, String, String)) -> &String| {
        rows.iter().map(|r| width(f(r))).max().unwrap_or(0)
    };
    let cols = [
        Col::fixed(want(|r| &r.0)),
        Col::new(want(|r| &r.1), 6, 2),
        Col::new(want(|r| &r.2), 4, 1),
    ];
    // The highlight symbol "> " takes two columns.
    let w = fit(inner, 2, &cols);
    // A category cut to "[前…" tells nothing: where it does not fit whole, the title takes
    // its room (the category is in the item's detail beside the list).
    if (w[2] as usize) < want(|r| &r.2) {
        let w = fit(inner, 2, &cols[..2]);
        return rows
            .iter()
            .map(|(n, t, _)| format!("{} {}", pad(n, w[0] as usize), truncate(t, w[1] as usize)))
            .collect();
    }
    rows.iter()
        .map(|(n, t, c)| {
            format!(
                "{} {} {}",
                pad(n, w[0] as usize),
                pad(t, w[1] as usize),
                truncate(c, w[2] as usize)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_is_cut_with_the_mark_and_the_row_fits() {
        let title = "关于小区东门电动伸缩门与门禁系统整体更换及维护合同续签的议案";
        let it = [(title, Category::Other)];
        for inner in [20u16, 30, 40] {
            let rows = agenda_rows(Lang::Zh, &it, inner);
            assert!(
                width(&rows[0]) <= inner as usize - 2,
                "{inner}: {}",
                rows[0]
            );
            assert!(rows[0].contains('…'), "{inner}: {}", rows[0]);
        }
        let rows = agenda_rows(Lang::Zh, &it, 120);
        assert!(rows[0].contains(title) && !rows[0].contains('…'));
    }
}
