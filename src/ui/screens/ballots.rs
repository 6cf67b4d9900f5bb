//! Entering returned ballots of a written consultation: type or scan the ballot number,
//! Enter; the voter and their units appear; one key per item (the roll call's keys), each
//! answer saved at once; refusals said as sentences; a correction of the last ballot is
//! asked for and kept. The progress panel beside it: ballots out and back by headcount and
//! area, each item's figures under its rule, days left.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::minutes::body::fmt_checks;
use crate::domain::model::Choice;
use crate::domain::rules::numbers::fmt_area;
use crate::domain::text::clean_line;
use crate::store::StoreError;
use crate::store::ids::MeetingId;
use crate::store::written::close::Progress;
use crate::store::written::{BallotEntry, Purpose};
use crate::strings::{self, written as w};
use crate::ui::ctx::Ctx;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded, reread};
use crate::ui::theme;

pub struct Ballots {
    pub meeting: MeetingId,
    pub title: String,
    pub secretary: String,
    /// The digits typed so far.
    pub typed: String,
    /// The ballot being entered (or corrected), and the item it stands at.
    pub entry: Option<BallotEntry>,
    pub at: usize,
    pub correcting: bool,
    /// The last ballot entered, for a correction.
    pub last: Option<String>,
    pub progress: Option<Progress>,
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

impl Ballots {
    pub fn load(ctx: &mut Ctx, meeting: MeetingId) -> Ballots {
        loaded(
            ctx,
            Ballots {
                meeting,
                title: String::new(),
                secretary: String::new(),
                typed: String::new(),
                entry: None,
                at: 0,
                correcting: false,
                last: None,
                progress: None,
            },
        )
    }

    fn open(&mut self, ctx: &mut Ctx, number: &str, purpose: Purpose) {
        let m = self.meeting;
        if let Some(e) = ctx.store_do(|st| st.open_ballot(m, number, purpose)) {
            self.at = match purpose {
                Purpose::Entry => e.items.iter().position(|i| i.3.is_none()).unwrap_or(0),
                Purpose::Correction => 0,
            };
            self.correcting = purpose == Purpose::Correction;
            self.entry = Some(e);
            ctx.msg = None;
        }
        self.typed.clear();
    }

    /// The ballot is done: back to the number, the panel re-read.
    fn finish(&mut self, ctx: &mut Ctx, text: &str) {
        self.last = self.entry.take().map(|e| e.ballot.number);
        self.correcting = false;
        self.at = 0;
        ctx.info(text.to_string());
        reread(ctx, self);
    }

    fn answer(&mut self, ctx: &mut Ctx, choice: Choice) -> Nav {
        let Some(e) = &self.entry else {
            return Nav::Stay;
        };
        let Some((item, _, _, was)) = e.items.get(self.at).cloned() else {
            return Nav::Stay;
        };
        let (m, voter) = (self.meeting, e.ballot.voter_id);
        if self.correcting {
            if was == Some(choice) {
                return self.next(ctx);
            }
            let text = format!(
                "{} {}：{} → {}",
                ctx.t(w::CORRECT_Q),
                clean_line(&e.ballot.name),
                was.map(|c| strings::choice(ctx.lang, c)).unwrap_or("—"),
                strings::choice(ctx.lang, choice)
            );
            // The cursor moves on whether or not the change is confirmed.
            self.at += 1;
            // Enter only: y is an answer here, the next ballot's perhaps.
            return Nav::ask_enter(text, move |ctx| {
                ctx.store_do(|st| st.correct_ballot(m, voter, item, choice));
                Nav::Reload
            });
        }
        let by = self.secretary.clone();
        if ctx
            .store_do(|st| st.enter_answer(m, voter, item, choice, &by))
            .is_some()
        {
            if let Some(e) = &mut self.entry {
                e.items[self.at].3 = Some(choice);
            }
            return self.next(ctx);
        }
        Nav::Stay
    }

    fn next(&mut self, ctx: &mut Ctx) -> Nav {
        self.at += 1;
        let len = self.entry.as_ref().map_or(0, |e| e.items.len());
        if self.at >= len {
            self.finish(ctx, ctx.t(w::BALLOT_DONE));
        }
        Nav::Stay
    }
}

impl Screen for Ballots {
    fn keys(&self) -> &'static [Binding] {
        if self.entry.is_some() {
            keys::BALLOT_ANSWER
        } else {
            keys::BALLOT_NUMBER
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        let m = ctx.store.meeting(self.meeting)?;
        self.title = m.title;
        self.secretary = m.secretary;
        self.progress = Some(ctx.store.written_progress(self.meeting, &today())?);
        // A confirmed correction: the ballot as it now stands, at its next item.
        if self.correcting
            && let Some(e) = &self.entry
        {
            let number = e.ballot.number.clone();
            let entry = ctx
                .store
                .open_ballot(self.meeting, &number, Purpose::Correction)?;
            if self.at >= entry.items.len() {
                self.entry = None;
                self.correcting = false;
                self.at = 0;
            } else {
                self.entry = Some(entry);
            }
        }
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Digit(d) if self.typed.len() < 24 => {
                self.typed.push(char::from(b'0' + d));
                Nav::Stay
            }
            Act::DelDigit => {
                self.typed.pop();
                Nav::Stay
            }
            Act::Open if !self.typed.is_empty() => {
                let n = std::mem::take(&mut self.typed);
                self.open(ctx, &n, Purpose::Entry);
                Nav::Stay
            }
            Act::Correct => {
                if let Some(n) = self.last.clone() {
                    self.open(ctx, &n, Purpose::Correction);
                }
                Nav::Stay
            }
            Act::Answer(c) => self.answer(ctx, c),
            Act::Invalid(reason) => {
                let Some(e) = &self.entry else {
                    return Nav::Stay;
                };
                let (m, voter, by) = (self.meeting, e.ballot.voter_id, self.secretary.clone());
                if ctx
                    .store_do(|st| st.enter_invalid(m, voter, reason, "", &by))
                    .is_some()
                {
                    self.finish(ctx, ctx.t(w::INVALID_SAVED));
                }
                Nav::Stay
            }
            Act::Back if self.entry.is_some() => {
                self.entry = None;
                self.correcting = false;
                reread(ctx, self);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let [left, right] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(52)]).areas(area);
        self.draw_entry(ctx, f, left);
        self.draw_progress(ctx, f, right);
    }
}

impl Ballots {
    /// The number typed, and the ballot it found with each item's answer so far.
    fn draw_entry(&self, ctx: &Ctx, f: &mut Frame<'_>, left: Rect) {
        let l = ctx.lang;
        let mut lines = vec![
            Line::styled(clean_line(&self.title), theme::heading()),
            Line::from(format!("{}：{}▏", ctx.t(w::NUMBER), self.typed)),
            Line::from(""),
        ];
        if let Some(e) = &self.entry {
            let b = &e.ballot;
            lines.push(Line::styled(
                format!(
                    "{}  {}{}",
                    clean_line(&b.name),
                    crate::domain::written::ballot_number::grouped(&b.number),
                    if self.correcting {
                        format!("  ({})", ctx.t(w::CORRECTING))
                    } else {
                        String::new()
                    }
                ),
                theme::heading(),
            ));
            let units: Vec<String> = b.units.iter().map(|u| clean_line(u)).collect();
            lines.push(Line::from(format!(
                "{}：{}  {} m²",
                ctx.t(w::UNITS),
                units.join("、"),
                fmt_area(b.area)
            )));
            for (i, (_, pos, title, choice)) in e.items.iter().enumerate() {
                let mark = if i == self.at { "▶" } else { " " };
                let ans = choice.map(|c| strings::choice(l, c)).unwrap_or("·");
                lines.push(Line::from(format!(
                    "{mark} {pos}. {}  [{ans}]",
                    clean_line(title)
                )));
            }
        }
        f.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(w::TITLE))),
            ),
            left,
        );
    }

    /// The consultation's progress: ballots issued, served, returned, valid; each item's
    /// figures so far.
    fn draw_progress(&self, ctx: &Ctx, f: &mut Frame<'_>, right: Rect) {
        let l = ctx.lang;
        let mut p = Vec::new();
        if let Some(pr) = &self.progress {
            let c = &pr.counts;
            let share = |n: i64, a: i64| {
                format!("{n}/{}  {}/{} m²", c.voters, fmt_area(a), fmt_area(c.area))
            };
            p.push(Line::from(format!(
                "{}：{}  {} m²",
                ctx.t(w::ISSUED),
                c.voters,
                fmt_area(c.area)
            )));
            p.push(Line::from(format!(
                "{}：{}/{}",
                ctx.t(w::SERVED),
                c.served,
                c.voters
            )));
            p.push(Line::from(format!(
                "{}：{}",
                ctx.t(w::RETURNED),
                share(c.returned, c.returned_area)
            )));
            p.push(Line::from(format!(
                "{}：{}",
                ctx.t(w::VALID),
                share(c.valid, c.valid_area)
            )));
            p.push(Line::from(format!("{}：{}", ctx.t(w::INVALID), c.invalid)));
            p.push(Line::from(format!(
                "{}：{}  {}：{}",
                ctx.t(w::DEADLINE),
                pr.deadline,
                ctx.t(w::DAYS_LEFT),
                pr.days_left.map(|d| d.to_string()).unwrap_or_default()
            )));
            for (_, pos, title, ip) in &pr.items {
                p.push(Line::from(""));
                p.push(Line::styled(
                    format!("{pos}. {}", clean_line(title)),
                    theme::heading(),
                ));
                for line in fmt_checks(l, &ip.outcome.checks) {
                    p.push(Line::from(line));
                }
            }
        }
        f.render_widget(
            Paragraph::new(p).wrap(Wrap { trim: false }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(w::PROGRESS))),
            ),
            right,
        );
    }
}
