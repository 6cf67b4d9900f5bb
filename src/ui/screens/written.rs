//! A written consultation's own screen: its progress (ballots returned and valid by
//! headcount and area, each item against its participation threshold, the approval so
//! far, days left, the extensions), and the way to its ballots, deliveries and paper, to
//! an extension with its reason, and to closing, which fixes the outcomes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::minutes::body::fmt_check;
use crate::domain::rules::numbers::fmt_area;
use crate::domain::text::clean_line;
use crate::store::StoreError;
use crate::store::ids::MeetingId;
use crate::store::written::close::Progress;
use crate::strings::{written as w, written_ui as wu};
use crate::ui::ctx::Ctx;
use crate::ui::forms::{paper, written as forms};
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded};
use crate::ui::theme;

pub struct Written {
    pub meeting: MeetingId,
    pub title: String,
    pub progress: Option<Progress>,
    /// The extensions: (from, to, reason).
    pub extensions: Vec<(String, String, String)>,
    pub first_closing: String,
    /// How far the items' figures are scrolled (a small window shows only some).
    pub scroll: u16,
}

impl Written {
    pub fn load(ctx: &mut Ctx, meeting: MeetingId) -> Written {
        loaded(
            ctx,
            Written {
                meeting,
                title: String::new(),
                progress: None,
                extensions: Vec::new(),
                first_closing: String::new(),
                scroll: 0,
            },
        )
    }

    fn close(&self, ctx: &mut Ctx) -> Nav {
        let m = self.meeting;
        let today = forms::today();
        let Some(early) = ctx.store_do(|st| st.closing_is_early(m, &today)) else {
            return Nav::Stay;
        };
        let text = match &self.progress {
            Some(p) if early => wu::close_early_q(ctx.lang, &p.deadline, p.days_left),
            _ => ctx.t(wu::CLOSE_Q).to_string(),
        };
        Nav::ask(text, move |ctx| {
            // Early only when the user has just confirmed closing early.
            if ctx
                .store_do(|st| st.close_written(m, &forms::today(), early))
                .is_none()
            {
                return Nav::Reload;
            }
            ctx.info(ctx.t(wu::CLOSED));
            Nav::Reset(vec![Route::Minutes { meeting: m }])
        })
    }
}

impl Written {
    /// The items' lines less one: the farthest the figures scroll.
    fn lines_max(&self) -> u16 {
        let n = self.progress.as_ref().map_or(0, |p| {
            p.items
                .iter()
                .map(|(.., ip)| ip.outcome.checks.len() + 2)
                .sum::<usize>()
        }) + self.extensions.len()
            + 2;
        u16::try_from(n.saturating_sub(1)).unwrap_or(u16::MAX)
    }
}

impl Screen for Written {
    fn keys(&self) -> &'static [Binding] {
        keys::WRITTEN
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        let m = ctx.store.meeting(self.meeting)?;
        self.title = m.title;
        self.progress = Some(ctx.store.written_progress(self.meeting, &forms::today())?);
        self.first_closing = ctx
            .store
            .written_dates(self.meeting)?
            .map(|d| d.1)
            .unwrap_or_default();
        let rec = ctx.store.meeting_record(self.meeting)?;
        self.extensions = rec
            .form
            .written
            .map(|wr| {
                wr.extensions
                    .into_iter()
                    .map(|e| (e.from, e.to, e.reason))
                    .collect()
            })
            .unwrap_or_default();
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let m = self.meeting;
        match act {
            Act::EnterBallots => Nav::Open(Route::Ballots { meeting: m }),
            Act::Deliveries => Nav::Open(Route::Deliveries { meeting: m }),
            Act::Print => paper::print_nav(ctx, m),
            Act::Extend => match &self.progress {
                Some(p) => Nav::form(forms::extend_form(ctx, m, &p.deadline)),
                None => Nav::Stay,
            },
            Act::CloseWritten => self.close(ctx),
            Act::Up | Act::PageUp | Act::Top => {
                self.scroll = match act {
                    Act::Up => self.scroll.saturating_sub(1),
                    Act::PageUp => self.scroll.saturating_sub(10),
                    _ => 0,
                };
                Nav::Stay
            }
            Act::Down | Act::PageDown => {
                let step = if act == Act::Down { 1 } else { 10 };
                self.scroll = self.scroll.saturating_add(step).min(self.lines_max());
                Nav::Stay
            }
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let Some(p) = &self.progress else {
            f.render_widget(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(wu::HUB_TITLE))),
                area,
            );
            return;
        };
        let [head, body] =
            Layout::vertical([Constraint::Length(7), Constraint::Min(3)]).areas(area);
        self.draw_head(ctx, f, head, p);
        self.draw_items(ctx, f, body, p);
    }
}

impl Written {
    /// The title, the dates, and the ballots issued, served, returned and valid.
    fn draw_head(&self, ctx: &Ctx, f: &mut Frame<'_>, head: Rect, p: &Progress) {
        let l = ctx.lang;
        let colon = crate::strings::ui::colon(l);
        let c = &p.counts;
        let share = |n: i64, a: i64| {
            format!(
                "{n}/{}  {} / {} m²",
                c.voters,
                fmt_area(a),
                fmt_area(c.area)
            )
        };
        let mut top = vec![
            Line::styled(clean_line(&self.title), theme::heading()),
            Line::from(format!(
                "{}{colon}{} {} {}  {}",
                ctx.t(wu::DATES),
                p.opens_on,
                ctx.t(wu::TO),
                p.deadline,
                wu::days_left(l, p.days_left)
            )),
            Line::from(format!(
                "{}{colon}{}  {} m²  {}{colon}{}/{}  {}{colon}{}",
                ctx.t(w::ISSUED),
                c.voters,
                fmt_area(c.area),
                ctx.t(w::SERVED),
                c.served,
                c.voters,
                ctx.t(w::INVALID),
                c.invalid
            )),
            Line::from(format!(
                "{}{colon}{}",
                ctx.t(w::RETURNED),
                share(c.returned, c.returned_area)
            )),
            Line::from(format!(
                "{}{colon}{}",
                ctx.t(w::VALID),
                share(c.valid, c.valid_area)
            )),
        ];
        if !self.extensions.is_empty() {
            top[1].spans.push(Span::styled(
                format!(
                    "  {}{colon}{}",
                    ctx.t(wu::FIRST_CLOSING),
                    self.first_closing
                ),
                theme::dim(),
            ));
        }
        f.render_widget(
            Paragraph::new(top).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(wu::HUB_TITLE))),
            ),
            head,
        );
    }

    /// Each item's figures as they stand, then the extensions (scrolled).
    fn draw_items(&self, ctx: &Ctx, f: &mut Frame<'_>, body: Rect, p: &Progress) {
        let l = ctx.lang;
        let colon = crate::strings::ui::colon(l);
        let mut lines: Vec<Line<'_>> = Vec::new();
        for (_, pos, title, ip) in &p.items {
            let passes = ip.outcome.passed;
            lines.push(Line::from(vec![
                Span::styled(format!("{pos}. {}  ", clean_line(title)), theme::heading()),
                Span::styled(
                    ctx.t(if passes {
                        wu::PASSES_NOW
                    } else {
                        wu::FAILS_NOW
                    }),
                    if passes { theme::pass() } else { theme::fail() },
                ),
            ]));
            for ch in &ip.outcome.checks {
                let style = if ch.met { theme::pass() } else { theme::fail() };
                lines.push(Line::styled(format!("    {}", fmt_check(l, ch)), style));
            }
            lines.push(Line::from(""));
        }
        if !self.extensions.is_empty() {
            lines.push(Line::from(""));
            lines.push(Line::styled(ctx.t(wu::EXTENSIONS), theme::heading()));
            for (from, to, reason) in &self.extensions {
                lines.push(Line::from(format!(
                    "  {from} → {to}{colon}{}",
                    clean_line(reason)
                )));
            }
        }
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .block(Block::default().borders(Borders::ALL)),
            body,
        );
    }
}
