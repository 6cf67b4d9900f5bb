//! One agenda item under discussion: the proposal (wrapped by display width), the
//! speakers' queue with the current speaker's time, amendments, and the start of the vote.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::model::ItemStatus;
use crate::domain::text::wrap::wrap;
use crate::domain::text::{clean_line, clean_multiline, width};
use crate::store::ids::ItemId;
use crate::store::meetings::ItemRow;
use crate::store::session::RemarkRow;
use crate::store::{Refusal, StoreError};
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::forms::floor;
use crate::ui::item_detail::scope_text;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded, reread};
use crate::ui::widgets::scroll::Scroll;
use crate::ui::{room, theme};

pub struct ItemView {
    pub id: ItemId,
    pub item: Option<ItemRow>,
    pub remarks: Vec<RemarkRow>,
    pub scroll: Scroll,
}

/// Seconds since an RFC 3339 time, for the speaker's clock.
fn elapsed(since: &str) -> Option<i64> {
    let t = chrono::DateTime::parse_from_rfc3339(since).ok()?;
    Some(
        (chrono::Local::now().fixed_offset() - t)
            .num_seconds()
            .max(0),
    )
}

impl ItemView {
    pub fn load(ctx: &mut Ctx, id: ItemId) -> ItemView {
        let v = loaded(
            ctx,
            ItemView {
                id,
                item: None,
                remarks: Vec::new(),
                scroll: Scroll::default(),
            },
        );
        // Remember where the meeting is, so a restart comes back here.
        if let Some(it) = &v.item {
            let _ = ctx.store.set_position(it.meeting_id, Some(id), None);
        }
        v
    }

    fn speaking(&self) -> Option<&RemarkRow> {
        self.remarks.iter().find(|r| r.state == "speaking")
    }
}

impl Screen for ItemView {
    fn keys(&self) -> &'static [Binding] {
        keys::ITEM
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.item = Some(ctx.store.item(self.id)?);
        self.remarks = ctx.store.remarks(self.id)?;
        Ok(())
    }

    fn has_room(&self) -> bool {
        true
    }

    fn draw_room(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) -> bool {
        let heading = self
            .item
            .as_ref()
            .map(|i| clean_line(&i.title))
            .unwrap_or_default();
        room::draw(ctx, f, area, heading, None);
        true
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let Some(it) = self.item.clone() else {
            return Nav::Back;
        };
        match act {
            Act::Civic(_) => Nav::Open(Route::Cost { item: it.id }),
            Act::Up | Act::PageUp | Act::Down | Act::PageDown => {
                self.scroll.on(act);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            // Where "attendance first" sends the host, and back here with Esc.
            Act::Attendance => Nav::Open(Route::Attendance {
                meeting: it.meeting_id,
            }),
            Act::AddSpeaker => Nav::form(floor::speaker_form(ctx, self.id)),
            Act::NextSpeaker => {
                if ctx.store_do(|st| st.next_speaker(self.id)).is_some() {
                    reread(ctx, self);
                }
                Nav::Stay
            }
            Act::Remark => {
                // The one speaking, else the last one heard.
                let target = self
                    .speaking()
                    .or_else(|| self.remarks.iter().rev().find(|r| r.state == "done"));
                match target {
                    Some(r) => Nav::form(floor::remark_form(ctx, r.id, &r.text)),
                    None => {
                        ctx.info(ctx.t(s::NO_ONE_SPEAKING));
                        Nav::Stay
                    }
                }
            }
            Act::Amend => Nav::form(floor::amend_form(ctx, self.id, &it.proposal)),
            // No 回避 under art. 278 (a clear line why, before any form).
            Act::Recuse if !it.rule.kind.allows_recusal() => {
                ctx.error(ctx.t(crate::strings::roll_call::RECUSAL_ART278));
                Nav::Stay
            }
            Act::Recuse => Nav::form(floor::recuse_form(ctx, it.meeting_id, self.id)),
            // Refused at once when it cannot start (before attendance, another vote
            // open), never after a yes.
            Act::StartVote => {
                if let Err(e) = ctx.store.vote_check(self.id) {
                    let text = match e {
                        StoreError::Refused(Refusal::AttendanceFirst) => ctx
                            .t(crate::strings::roll_call::ATTENDANCE_FIRST)
                            .to_string(),
                        e => ctx.say(&e),
                    };
                    ctx.error(text);
                    return Nav::Stay;
                }
                let id = self.id;
                Nav::ask(ctx.t(s::CONFIRM_VOTE).to_string(), move |ctx| {
                    match ctx.store_do(|st| st.start_vote(id)) {
                        Some(_) => Nav::Replace(Route::Vote { item: id }),
                        None => Nav::Stay,
                    }
                })
            }
            Act::FinishItem if it.status != ItemStatus::Closed => {
                let id = self.id;
                Nav::ask(ctx.t(s::CONFIRM_FINISH).to_string(), move |ctx| {
                    match ctx.store_do(|st| st.finish_discussion(id)) {
                        Some(_) => Nav::Back,
                        None => Nav::Stay,
                    }
                })
            }
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let Some(it) = &self.item else { return };
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Min(24)]).areas(area);
        self.draw_proposal(ctx, f, left, it);
        self.draw_speakers(ctx, f, right);
    }
}

impl ItemView {
    /// The item: its rule and scope, the rule's explanation, the proposal (scrolled).
    fn draw_proposal(&self, ctx: &Ctx, f: &mut Frame<'_>, left: Rect, it: &ItemRow) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let title = format!(
            " {} {}{colon}{} ",
            ctx.t(s::ITEM_TITLE),
            it.position,
            clean_line(&it.title)
        );
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(left);
        f.render_widget(block, left);
        let w = inner.width as usize;
        // Rule and scope on one line when they fit, else the scope on its own (a
        // narrow window cut "范围：3栋2单元" at the border).
        let rule = format!("{}{colon}", ctx.t(s::RULE));
        let name = strings::rule_name(l, it.rule.kind.rule_code());
        let scope = format!("{}{colon}{}", ctx.t(s::SCOPE), scope_text(l, it));
        let mut lines = if width(&rule) + width(name) + 3 + width(&scope) <= w {
            vec![Line::from(vec![
                Span::styled(rule, theme::heading()),
                Span::raw(name),
                Span::raw(format!("   {scope}")),
            ])]
        } else {
            let mut v = vec![Line::from(vec![
                Span::styled(rule, theme::heading()),
                Span::raw(name),
            ])];
            v.extend(wrap(&scope, w).into_iter().map(Line::from));
            v
        };
        for x in wrap(strings::rule_explain(l, it.rule.kind.rule_code()), w) {
            lines.push(Line::from(Span::styled(x, theme::dim())));
        }
        lines.push(Line::from(Span::styled(
            format!(
                "{}（{} {}）",
                ctx.t(s::PROPOSAL),
                ctx.t(s::REVISION),
                it.revisions
            ),
            theme::heading(),
        )));
        lines.extend(crate::ui::widgets::wrap_text(
            &clean_multiline(&it.proposal),
            w,
        ));
        f.render_widget(Paragraph::new(self.scroll.shown(lines)), inner);
    }

    /// The speaker now (with the clock), those queued, and those heard, latest first.
    fn draw_speakers(&self, ctx: &Ctx, f: &mut Frame<'_>, right: Rect) {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", ctx.t(s::SPEAKERS)));
        let inner = block.inner(right);
        f.render_widget(block, right);
        let w = inner.width as usize;
        let mut lines: Vec<Line<'_>> = Vec::new();
        if self.remarks.is_empty() {
            lines.push(Line::from(ctx.t(s::NO_SPEAKERS)));
        }
        if let Some(r) = self.speaking() {
            let secs = r.started_at.as_deref().and_then(elapsed).unwrap_or(0);
            lines.push(Line::from(Span::styled(
                format!(
                    "▶ {} {} {:02}:{:02}",
                    clean_line(&r.speaker),
                    ctx.t(s::SPEAKING),
                    secs / 60,
                    secs % 60
                ),
                theme::pass(),
            )));
            for x in wrap(&clean_multiline(&r.text), w.saturating_sub(2)) {
                lines.push(Line::from(format!("  {x}")));
            }
        }
        for r in self.remarks.iter().filter(|r| r.state == "queued") {
            lines.push(Line::from(Span::styled(
                format!("… {} ({})", clean_line(&r.speaker), ctx.t(s::QUEUED)),
                theme::focus(),
            )));
        }
        for r in self.remarks.iter().rev().filter(|r| r.state == "done") {
            lines.push(Line::from(Span::styled(
                clean_line(&r.speaker),
                theme::heading(),
            )));
            for x in wrap(&clean_multiline(&r.text), w.saturating_sub(2)) {
                lines.push(Line::from(format!("  {x}")));
            }
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}
