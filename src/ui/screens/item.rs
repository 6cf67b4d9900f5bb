//! One agenda item under discussion: the proposal (wrapped by display width), the
//! speakers' queue with the current speaker's time, amendments, and the start of the vote.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::model::ItemStatus;
use crate::domain::text::{clean_line, clean_multiline, wrap};
use crate::store::meetings::ItemRow;
use crate::store::session::RemarkRow;
use crate::strings::{self, ui as s};
use crate::ui::app::{App, Nav, Pending};
use crate::ui::form::Purpose;
use crate::ui::keymap::Act;
use crate::ui::screens::prepare::scope_text;
use crate::ui::{forms, theme};

pub struct ItemView {
    pub id: i64,
    pub item: Option<ItemRow>,
    pub remarks: Vec<RemarkRow>,
    pub scroll: usize,
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
    pub fn load(app: &mut App, id: i64) -> ItemView {
        let mut v = ItemView {
            id,
            item: None,
            remarks: Vec::new(),
            scroll: 0,
        };
        v.reload(app);
        // Remember where the meeting is, so a restart comes back here.
        if let Some(it) = &v.item {
            let _ = app.store.set_position(it.meeting_id, Some(id), None);
        }
        v
    }

    pub fn reload(&mut self, app: &App) {
        self.item = app.store.item(self.id).ok();
        self.remarks = app.store.remarks(self.id).unwrap_or_default();
    }

    fn speaking(&self) -> Option<&RemarkRow> {
        self.remarks.iter().find(|r| r.state == "speaking")
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        let Some(it) = self.item.clone() else {
            return Nav::Back;
        };
        match act {
            Act::Up | Act::PageUp => {
                self.scroll = self
                    .scroll
                    .saturating_sub(if act == Act::Up { 1 } else { 10 });
                Nav::Stay
            }
            Act::Down | Act::PageDown => {
                self.scroll += if act == Act::Down { 1 } else { 10 };
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::AddSpeaker => Nav::Form(Box::new(forms::one_line(
                app,
                s::K_ADD_SPEAKER,
                s::F_SPEAKER,
                "",
                Purpose::Speaker { item: self.id },
            ))),
            Act::NextSpeaker => {
                if app.store_do(|st| st.next_speaker(self.id)).is_some() {
                    self.reload(app);
                }
                Nav::Stay
            }
            Act::Remark => {
                // The one speaking, else the last one heard.
                let target = self
                    .speaking()
                    .or_else(|| self.remarks.iter().rev().find(|r| r.state == "done"));
                match target {
                    Some(r) => Nav::Form(Box::new(forms::multi_line(
                        app,
                        s::F_REMARK,
                        s::F_REMARK,
                        &r.text,
                        Purpose::Remark { remark: r.id },
                    ))),
                    None => {
                        app.info(app.t(s::NO_ONE_SPEAKING));
                        Nav::Stay
                    }
                }
            }
            Act::Amend => Nav::Form(Box::new(forms::multi_line(
                app,
                s::F_AMEND,
                s::PROPOSAL,
                &it.proposal,
                Purpose::Amend { item: self.id },
            ))),
            // No 回避 under art. 278 (a clear line why, before any form).
            Act::Recuse if !it.rule.kind.allows_recusal() => {
                app.error(app.t(crate::strings::record::RECUSAL_ART278));
                Nav::Stay
            }
            Act::Recuse => Nav::Form(Box::new(forms::one_line(
                app,
                s::K_RECUSE,
                s::F_RECUSE,
                "",
                Purpose::Recuse {
                    meeting: it.meeting_id,
                    item: self.id,
                },
            ))),
            // Refused at once when it cannot start (before attendance, another vote
            // open), never after a yes.
            Act::StartVote => match app.store.vote_check(self.id) {
                Err(e) => {
                    let text = if e.to_string() == crate::store::session::ATTENDANCE_FIRST {
                        app.t(crate::strings::record::ATTENDANCE_FIRST).to_string()
                    } else {
                        crate::strings::store_error(app.lang, &e)
                    };
                    app.error(text);
                    Nav::Stay
                }
                Ok(()) => Nav::Ask(
                    app.t(s::CONFIRM_VOTE).to_string(),
                    Pending::StartVote(self.id),
                ),
            },
            Act::FinishItem if it.status != ItemStatus::Closed => Nav::Ask(
                app.t(s::CONFIRM_FINISH).to_string(),
                Pending::FinishItem(self.id),
            ),
            _ => Nav::Stay,
        }
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(app.lang);
        let l = app.lang;
        let Some(it) = &self.item else { return };
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Min(24)]).areas(area);
        let title = format!(
            " {} {}{colon}{} ",
            app.t(s::ITEM_TITLE),
            it.position,
            clean_line(&it.title)
        );
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(left);
        f.render_widget(block, left);
        let w = inner.width as usize;
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{}{colon}", app.t(s::RULE)), theme::heading()),
            Span::raw(strings::rule_name(l, it.rule.kind.code())),
            Span::raw(format!(
                "   {}{colon}{}",
                app.t(s::SCOPE),
                scope_text(l, it)
            )),
        ])];
        for x in wrap(strings::rule_explain(l, it.rule.kind.code()), w) {
            lines.push(Line::from(Span::styled(x, theme::dim())));
        }
        lines.push(Line::from(Span::styled(
            format!(
                "{}（{} {}）",
                app.t(s::PROPOSAL),
                app.t(s::REVISION),
                it.revisions
            ),
            theme::heading(),
        )));
        for x in wrap(&clean_multiline(&it.proposal), w) {
            lines.push(Line::from(x));
        }
        let scroll = self.scroll.min(lines.len().saturating_sub(1));
        f.render_widget(
            Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
            inner,
        );

        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", app.t(s::SPEAKERS)));
        let inner = block.inner(right);
        f.render_widget(block, right);
        let w = inner.width as usize;
        let mut lines: Vec<Line<'_>> = Vec::new();
        if self.remarks.is_empty() {
            lines.push(Line::from(app.t(s::NO_SPEAKERS)));
        }
        if let Some(r) = self.speaking() {
            let secs = r.started_at.as_deref().and_then(elapsed).unwrap_or(0);
            lines.push(Line::from(Span::styled(
                format!(
                    "▶ {} {} {:02}:{:02}",
                    clean_line(&r.speaker),
                    app.t(s::SPEAKING),
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
                format!("… {} ({})", clean_line(&r.speaker), app.t(s::QUEUED)),
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
