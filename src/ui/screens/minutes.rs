//! Reading minutes: the secretary's review after adjourning (summary, signatures) and the
//! archive's reading view (verification status at the top, jump between items, export).
//! The text is wrapped by display width and can be opened at a search match.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::model::MeetingStatus;
use crate::domain::signing::verify::Role;
use crate::domain::signing::verify::VerifyStatus;
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::StoreError;
use crate::store::ids::MeetingId;
use crate::store::meetings::MeetingRow;
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::forms::minutes;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::{md_view, theme};

pub struct Minutes {
    pub id: MeetingId,
    pub meeting: Option<MeetingRow>,
    /// The minutes with addenda and the signature block, as the export shows them.
    pub text: String,
    pub status: Option<VerifyStatus>,
    pub status_line: String,
    pub scroll: usize,
    /// A search match to open at and highlight.
    pub find: Option<String>,
    /// Wrapped width of the last frame (for item jumps and opening at a match).
    pub width: std::cell::Cell<usize>,
    /// The Markdown line of a search match to open at: placed on the top line at the
    /// width of the frame it is drawn in (the width is known only then), until a key
    /// moves the page.
    pub anchor: std::cell::Cell<Option<usize>>,
}

impl Minutes {
    pub fn load(ctx: &mut Ctx, id: MeetingId) -> Minutes {
        loaded(
            ctx,
            Minutes {
                id,
                meeting: None,
                text: String::new(),
                status: None,
                status_line: String::new(),
                scroll: 0,
                find: None,
                width: std::cell::Cell::new(96),
                anchor: std::cell::Cell::new(None),
            },
        )
    }

    /// Open at the first line containing `q` (from the archive's search).
    pub fn open_at(ctx: &mut Ctx, id: MeetingId, q: &str) -> Minutes {
        let mut m = Minutes::load(ctx, id);
        if !q.trim().is_empty() {
            m.find = Some(q.trim().to_string());
            m.anchor.set(md_view::first_match(&m.text, q.trim()));
        }
        m
    }

    fn lines(&self, width: usize) -> Vec<md_view::Shown> {
        md_view::layout(&self.text, width)
    }

    /// The top line: the anchor's first shown line while there is one.
    fn top(&self, lines: &[md_view::Shown]) -> usize {
        match self.anchor.get() {
            Some(src) => lines.iter().position(|l| l.src == src).unwrap_or(0),
            None => self.scroll,
        }
    }

    /// Scroll to the next (or previous) item heading.
    fn jump(&mut self, forward: bool) {
        let lines = self.lines(self.width.get());
        let heads: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == md_view::Kind::Heading)
            .map(|(i, _)| i)
            .collect();
        let target = if forward {
            heads.iter().copied().find(|&i| i > self.scroll)
        } else {
            heads.iter().rev().copied().find(|&i| i < self.scroll)
        };
        if let Some(t) = target {
            self.scroll = t;
        }
    }

    fn status(&self) -> MeetingStatus {
        self.meeting
            .as_ref()
            .map(|m| m.status)
            .unwrap_or(MeetingStatus::Adjourned)
    }
}

impl Screen for Minutes {
    fn keys(&self) -> &'static [Binding] {
        if self.status() == MeetingStatus::Signed {
            keys::MINUTES_SIGNED
        } else {
            keys::MINUTES
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.meeting = Some(ctx.store.meeting(self.id)?);
        self.text = match ctx.store.minutes_text(self.id, ctx.lang) {
            Ok(t) => clean_multiline(&t),
            Err(e) => strings::store_error(ctx.lang, &e),
        };
        match ctx.store.verify_meeting(self.id) {
            Ok(r) => {
                let signers: Vec<String> = r
                    .signatures
                    .iter()
                    .map(|s| clean_line(&s.signer_name))
                    .collect();
                self.status_line = strings::verify_line(
                    ctx.lang,
                    None,
                    &clean_line(&r.title),
                    &r.status,
                    &signers.join("、"),
                );
                self.status = Some(r.status);
            }
            Err(e) => {
                self.status_line = strings::store_error(ctx.lang, &e);
                self.status = None;
            }
        }
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let lines = self.lines(self.width.get());
        let last = lines.len().saturating_sub(1);
        // The page moves on from where the match put it.
        self.scroll = self.top(&lines);
        self.anchor.set(None);
        match act {
            Act::Up => self.scroll = self.scroll.saturating_sub(1),
            Act::Down => self.scroll = (self.scroll + 1).min(last),
            Act::PageUp => self.scroll = self.scroll.saturating_sub(15),
            Act::PageDown => self.scroll = (self.scroll + 15).min(last),
            Act::Top => self.scroll = 0,
            Act::Bottom => self.scroll = last,
            Act::NextItem => self.jump(true),
            Act::PrevItem => self.jump(false),
            Act::Back => return Nav::Back,
            Act::Summary if self.status() == MeetingStatus::Signed => {
                ctx.error(ctx.t(crate::strings::forms::SUMMARY_LOCKED));
            }
            Act::Summary
                if ctx
                    .store_do(|st| st.signatures(self.id))
                    .is_some_and(|s| !s.is_empty()) =>
            {
                // Refused before the form opens, not on its save.
                ctx.error(ctx.t(crate::strings::forms::SUMMARY_SIGNING));
            }
            Act::Summary => {
                let summary = self
                    .meeting
                    .as_ref()
                    .map(|m| m.summary.clone())
                    .unwrap_or_default();
                return Nav::form(minutes::summary_form(ctx, self.id, &summary));
            }
            Act::Register => return Nav::form(minutes::register_form(ctx, self.id)),
            Act::Sign
                if self.status() != MeetingStatus::Draft
                    && self.status() != MeetingStatus::Open =>
            {
                let Some(signed) = ctx.store_do(|st| st.signatures(self.id)) else {
                    return Nav::Stay;
                };
                // An addendum's signature (its role is no `Role`) is not the host's.
                let host_signed = signed
                    .iter()
                    .any(|s| Role::from_db(&s.role) == Some(Role::Host));
                let (role, name) = match &self.meeting {
                    Some(m) if !host_signed => (Role::Host, m.host.clone()),
                    Some(m) => (Role::Secretary, m.secretary.clone()),
                    None => (Role::Host, String::new()),
                };
                return Nav::form(minutes::sign_form(ctx, self.id, role, &name));
            }
            Act::Export => return Nav::form(minutes::export_form(ctx, self.id)),
            Act::Print => return crate::ui::forms::paper::print_nav(ctx, self.id),
            Act::Withdraw if self.status() == MeetingStatus::Adjourned => {
                let id = self.id;
                return Nav::ask(ctx.t(s::CONFIRM_WITHDRAW).to_string(), move |ctx| {
                    if ctx.store_do(|st| st.withdraw_signatures(id)).is_none() {
                        return Nav::Stay;
                    }
                    ctx.info(ctx.t(s::WITHDRAWN));
                    Nav::Reload
                });
            }
            Act::Addendum if self.status() == MeetingStatus::Signed => {
                return Nav::form(minutes::addendum_form(ctx, self.id));
            }
            Act::ExportNotice => return Nav::form(minutes::notice_form(ctx, self.id)),
            _ => {}
        }
        Nav::Stay
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let title = self
            .meeting
            .as_ref()
            .map(|m| clean_line(&m.title))
            .unwrap_or_default();
        let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
        let style = match &self.status {
            Some(VerifyStatus::Valid) => theme::pass(),
            Some(VerifyStatus::Invalid(_)) => theme::error(),
            _ => theme::focus(),
        };
        f.render_widget(
            Paragraph::new(Span::styled(self.status_line.clone(), style)).wrap(Wrap { trim: true }),
            top,
        );
        let block = Block::default().borders(Borders::ALL).title(format!(
            " {}{colon}{} ",
            ctx.t(s::MINUTES_TITLE),
            title
        ));
        let inner = block.inner(body);
        f.render_widget(block, body);
        self.width.set(inner.width as usize);
        let lines = self.lines(inner.width as usize);
        let scroll = self.top(&lines).min(lines.len().saturating_sub(1));
        let shown: Vec<Line<'_>> = lines
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .map(|l| md_view::to_line(l, self.find.as_deref()))
            .collect();
        f.render_widget(Paragraph::new(shown), inner);
    }
}
