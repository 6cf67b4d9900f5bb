//! The roll-call vote: the frozen list in roster order with the current voter highlighted,
//! one key per answer (each committed before the screen moves on), undo, jump, call
//! again, the live tally with every figure of the rule, closing, the outcome and action
//! items.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row};

use crate::domain::model::{Choice, PresenceKind};
use crate::domain::record::Ballot;
use crate::domain::rules::numbers::fmt_area;
use crate::domain::rules::{self, Eligible, Outcome};
use crate::domain::text::{clean_line, pad, truncate, width};
use crate::store::Refusal;
use crate::store::StoreError;
use crate::store::ids::{ItemId, VoterId};
use crate::store::meetings::ItemRow;
use crate::store::session::ActionRow;
use crate::strings::{self, Lang, roll_call as rec, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::forms::floor;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::matching::one_voter;
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded, reread};
use crate::ui::screens::moved;
use crate::ui::widgets::columns::Col;
use crate::ui::widgets::table::{Fitted, ListTable, widest};
use crate::ui::{room, theme, widgets};

pub struct Vote {
    pub id: ItemId,
    pub item: Option<ItemRow>,
    pub ballots: Vec<Ballot>,
    pub cursor: usize,
    /// The fixed outcome once the vote is closed.
    pub outcome: Option<Outcome>,
    pub actions: Vec<ActionRow>,
    /// The first row shown (kept between frames so the list does not jump).
    pub top: std::cell::Cell<usize>,
    /// The widest name and area of the list, measured once per load: every frame of a
    /// 400-voter roll call cleaned and measured every name again.
    widths: std::cell::Cell<Option<(Lang, usize, usize)>>,
}

impl Vote {
    pub fn load(ctx: &mut Ctx, id: ItemId) -> Vote {
        let mut v = loaded(
            ctx,
            Vote {
                id,
                item: None,
                ballots: Vec::new(),
                cursor: 0,
                outcome: None,
                actions: Vec::new(),
                top: std::cell::Cell::new(0),
                widths: std::cell::Cell::new(None),
            },
        );
        // Resume at the voter the roll call had reached, else the first unanswered.
        let saved = v.item.as_ref().and_then(|i| i.current_voter);
        v.cursor = saved
            .and_then(|id| v.ballots.iter().position(|b| b.voter_id == id.0))
            .or_else(|| v.next_unanswered(0))
            .unwrap_or(0);
        if let Some(it) = &v.item {
            let _ = ctx.store.set_position(
                it.meeting_id,
                Some(id),
                v.ballots.get(v.cursor).map(|b| VoterId(b.voter_id)),
            );
        }
        v
    }

    /// The first voter in the room without an answer at or after `from`, wrapping to
    /// the top (an absent voter cannot answer until their arrival is recorded).
    fn next_unanswered(&self, from: usize) -> Option<usize> {
        let n = self.ballots.len();
        (0..n)
            .map(|k| (from + k) % n.max(1))
            .find(|&i| self.ballots[i].choice.is_none() && self.ballots[i].present)
    }

    pub fn electorate(&self) -> Vec<Eligible> {
        crate::domain::record::electorate(&self.ballots)
    }

    /// Jump to a voter by number (1-based), name or part of it.
    pub fn jump(&mut self, q: &str) -> Result<(), Refusal> {
        let q = q.trim();
        if let Ok(n) = q.parse::<usize>() {
            if (1..=self.ballots.len()).contains(&n) {
                self.cursor = n - 1;
                return Ok(());
            }
            return Err(Refusal::VoterNotFound);
        }
        // Ballots carry no unit labels: a name only.
        self.cursor = one_voter(&self.ballots, q, |b| b.name.contains(q), |b| &b.name)?;
        Ok(())
    }

    /// The cursor is on a voter who is not in the room and has not answered: the key bar
    /// offers the arrival, an answer key says why it is refused.
    pub fn on_absent(&self) -> bool {
        self.outcome.is_none()
            && self
                .ballots
                .get(self.cursor)
                .is_some_and(|b| !b.present && b.choice.is_none())
    }

    fn answer(&mut self, ctx: &mut Ctx, choice: Choice) -> Nav {
        let Some(b) = self.ballots.get(self.cursor) else {
            return Nav::Stay;
        };
        let voter = VoterId(b.voter_id);
        if let Some(old) = b.choice {
            // A recorded answer changes only on purpose: ask, naming voter, old and new.
            if old == choice {
                ctx.info(ctx.t(rec::SAME_ANSWER));
                return Nav::Stay;
            }
            let l = ctx.lang;
            let item = self.id;
            // Enter only: a y meant for the next voter must not confirm a change.
            return Nav::ask_enter(
                rec::confirm_correction(
                    l,
                    &clean_line(&b.name),
                    strings::choice(l, old),
                    strings::choice(l, choice),
                ),
                move |ctx| match ctx
                    .store_do(|st| st.correct_answer(item, voter, choice, Some(voter)))
                {
                    Some(_) => Nav::Reload,
                    None => Nav::Stay,
                },
            );
        }
        if !b.present {
            ctx.error(ctx.t(rec::ABSENT_WHY));
            return Nav::Stay;
        }
        let after = (self.cursor + 1) % self.ballots.len().max(1);
        // The next voter to call: the next unanswered one after this.
        let mut pending = self
            .ballots
            .iter()
            .map(|b| b.choice.is_none() && b.present)
            .collect::<Vec<_>>();
        pending[self.cursor] = false;
        let n = self.ballots.len();
        let next = (0..n).map(|k| (after + k) % n).find(|&i| pending[i]);
        let next_voter = next.map(|i| VoterId(self.ballots[i].voter_id));
        // Committed first; only then does the screen show it.
        if let Some(at) = ctx.store_do(|st| st.answer(self.id, voter, choice, next_voter)) {
            self.ballots[self.cursor].choice = Some(choice);
            self.ballots[self.cursor].at = Some(at);
            match next {
                Some(i) => self.cursor = i,
                None => ctx.info(ctx.t(s::ALL_ANSWERED)),
            }
        }
        Nav::Stay
    }

    /// A late arrival, recorded from the roll call; then they can answer.
    fn arrive(&mut self, ctx: &mut Ctx) {
        let (Some(b), Some(it)) = (self.ballots.get(self.cursor), &self.item) else {
            return;
        };
        let (meeting, voter) = (it.meeting_id, b.voter_id);
        if ctx
            .store_do(|st| {
                st.mark_presence(meeting, VoterId(voter), PresenceKind::Arrive, None, None)
            })
            .is_some()
        {
            reread(ctx, self);
            ctx.info(ctx.t(rec::ARRIVED));
        }
    }

    /// The live tally (or the fixed outcome) with every figure of the rule.
    pub fn tally_lines(&self, l: Lang) -> Vec<Line<'static>> {
        let Some(it) = &self.item else {
            return Vec::new();
        };
        let electorate = self.electorate();
        let live = rules::tally(&it.rule, &electorate);
        let outcome = self
            .outcome
            .clone()
            .unwrap_or_else(|| rules::evaluate(&it.rule, &electorate));
        let mut lines = vec![Line::from(Span::styled(
            strings::rule_name(l, it.rule.kind.rule_code()),
            theme::heading(),
        ))];
        lines.extend(self.figure_lines(l, &live));
        lines.push(Line::from(""));
        lines.extend(widgets::check_lines(l, &outcome.checks));
        lines.extend(self.shaft_line(l, it));
        lines.push(Line::from(""));
        lines.push(self.verdict_line(l, outcome.passed));
        lines.extend(self.action_lines(l));
        lines
    }

    /// Each answer's count and area; while the vote is open, the unanswered too.
    fn figure_lines(&self, l: Lang, live: &rules::Tally) -> Vec<Line<'static>> {
        let rows = [
            (Choice::Yes, live.yes, live.yes_area),
            (Choice::No, live.no, live.no_area),
            (Choice::Abstain, live.abstain, live.abstain_area),
            (Choice::Recused, live.recused, live.recused_area),
            (Choice::NotVoting, live.not_voting, live.not_voting_area),
        ];
        let mut lines = Vec::new();
        for (c, n, a) in rows {
            lines.push(Line::from(format!(
                "{}{:>4}  {:>12} m²",
                pad(strings::choice(l, c), 10),
                n,
                fmt_area(a)
            )));
        }
        if self.outcome.is_none() {
            lines.push(Line::from(format!(
                "{}{:>4}  {:>12} m²",
                pad(s::UNANSWERED.get(l), 10),
                live.unanswered,
                fmt_area(live.unanswered_area)
            )));
        }
        lines
    }

    /// The elevator rule's shaft owners, each with their answer, beside the figures.
    fn shaft_line(&self, l: Lang, it: &ItemRow) -> Option<Line<'static>> {
        let colon = crate::strings::ui::colon(l);
        let sc = crate::domain::record::shaft_condition(&it.rule, &self.ballots)?;
        let owners: Vec<String> = sc
            .owners
            .iter()
            .map(|o| {
                let answer = match o.choice {
                    Some(c) => strings::choice(l, c),
                    None => rec::UNANSWERED_SHORT.get(l),
                };
                format!("{} {answer}", clean_line(&o.name))
            })
            .collect();
        Some(Line::from(Span::styled(
            format!(
                "{}{colon}{} {}",
                rec::SHAFT_OWNERS.get(l),
                owners.join("，"),
                if sc.met { "✓" } else { "✗" }
            ),
            if sc.met { theme::pass() } else { theme::fail() },
        )))
    }

    /// Passed or failed ("so far" while the vote is open).
    fn verdict_line(&self, l: Lang, passed: bool) -> Line<'static> {
        let verdict = if passed {
            s::PASSED.get(l)
        } else {
            s::FAILED.get(l)
        };
        let so_far = if self.outcome.is_none() {
            s::SO_FAR.get(l)
        } else {
            ""
        };
        Line::from(Span::styled(
            format!("{verdict}{so_far}"),
            if passed {
                theme::room_pass()
            } else {
                theme::room_fail()
            },
        ))
    }

    /// The action items decided with the vote, if any.
    fn action_lines(&self, l: Lang) -> Vec<Line<'static>> {
        if self.actions.is_empty() {
            return Vec::new();
        }
        let mut lines = vec![
            Line::from(""),
            Line::from(Span::styled(s::ACTIONS.get(l), theme::heading())),
        ];
        for a in &self.actions {
            lines.push(Line::from(format!(
                "· {}（{} {}）",
                clean_line(&a.what),
                clean_line(&a.who),
                a.due
            )));
        }
        lines
    }
}

impl Screen for Vote {
    fn keys(&self) -> &'static [Binding] {
        if self.outcome.is_some() {
            keys::OUTCOME
        } else if self.on_absent() {
            keys::VOTE_ABSENT
        } else {
            keys::VOTE
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.item = Some(ctx.store.item(self.id)?);
        self.ballots = ctx.store.ballots(self.id)?;
        self.widths.set(None);
        self.outcome = ctx.store.closure(self.id)?.map(|c| c.2);
        self.actions = ctx.store.actions(self.id)?;
        self.cursor = self.cursor.min(self.ballots.len().saturating_sub(1));
        Ok(())
    }

    fn deliver(&mut self, ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        if let Delivered::VoteJump(q) = value {
            self.jump(&q)?;
            // Where the jump went (never an earlier action's "saved").
            if let Some(b) = self.ballots.get(self.cursor) {
                let name = clean_line(&b.name);
                ctx.info(crate::strings::forms::jumped(
                    ctx.lang,
                    self.cursor + 1,
                    &name,
                ));
            }
        }
        Ok(Nav::Stay)
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
        let vote = self.item.as_ref().map(|it| room::RoomVote {
            rule: &it.rule,
            electorate: self.electorate(),
            fixed: self.outcome.as_ref(),
        });
        room::draw(ctx, f, area, heading, vote);
        true
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let closed = self.outcome.is_some();
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.cursor = moved(self.cursor, self.ballots.len(), act, 15);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::Answer(c) if !closed => self.answer(ctx, c),
            Act::Arrive if !closed => {
                self.arrive(ctx);
                Nav::Stay
            }
            Act::Undo if !closed => {
                match ctx.store_do(|st| st.undo_answer(self.id)) {
                    Some(Some(voter)) => {
                        // An answer taken back, or a change reverted: as stored.
                        reread(ctx, self);
                        if let Some(i) = self.ballots.iter().position(|b| b.voter_id == voter.0) {
                            self.cursor = i;
                            let name = clean_line(&self.ballots[i].name);
                            ctx.info(crate::strings::forms::undone(ctx.lang, i + 1, &name));
                        }
                    }
                    Some(None) => ctx.info(ctx.t(s::NOTHING_TO_UNDO)),
                    None => {}
                }
                Nav::Stay
            }
            Act::Jump if !closed => Nav::form(floor::jump_form(ctx)),
            Act::CallAgain if !closed => {
                if let Some(i) = self.next_unanswered(0) {
                    self.cursor = i;
                    let name = clean_line(&self.ballots[i].name);
                    ctx.info(crate::strings::forms::called_again(ctx.lang, i + 1, &name));
                } else {
                    ctx.info(ctx.t(s::ALL_ANSWERED));
                }
                Nav::Stay
            }
            Act::CloseVote if !closed => {
                let id = self.id;
                let waiting = self
                    .ballots
                    .iter()
                    .filter(|b| b.present && b.choice.is_none())
                    .count();
                let text = match waiting {
                    0 => ctx.t(s::CONFIRM_CLOSE).to_string(),
                    n => s::confirm_close_unanswered(ctx.lang, n),
                };
                // Enter only: y is "同意" here, pressed many times in a row.
                Nav::ask_enter(text, move |ctx| {
                    match ctx.store_do(|st| st.close_vote(id)) {
                        Some(_) => Nav::Reload,
                        None => Nav::Stay,
                    }
                })
            }
            Act::AddAction => Nav::form(floor::action_form(ctx, self.id)),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let Some(it) = &self.item else { return };
        // Below 100 columns the tally gives the roll call six of its columns (its
        // figures need 33), so names stay readable at 80×24.
        let tally_w = if area.width >= 100 { 40 } else { 34 };
        let [left, right] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(tally_w)]).areas(area);
        self.draw_roll(ctx, f, left, it);
        f.render_widget(
            Paragraph::new(widgets::wrap_lines(
                self.tally_lines(l),
                usize::from(right.width.saturating_sub(2)),
            ))
            .block(Block::default().borders(Borders::ALL).title(format!(
                " {} ",
                if self.outcome.is_some() {
                    ctx.t(s::OUTCOME)
                } else {
                    ctx.t(s::TALLY)
                }
            ))),
            right,
        );
    }
}

impl Vote {
    /// Who answers for a voter, or why they are not in the room.
    fn who_of(&self, ctx: &Ctx, b: &Ballot) -> String {
        if !b.proxy_name.is_empty() {
            format!(
                "{}（{}）",
                ctx.t(s::PROXY_BY),
                truncate(&clean_line(&b.proxy_name), 8)
            )
        } else if !b.present && b.choice.is_none() && self.outcome.is_none() {
            ctx.t(rec::ABSENT_ROW).to_string()
        } else if !b.present {
            ctx.t(s::ABSENT_MARK).to_string()
        } else {
            String::new()
        }
    }

    /// The first row shown: the window keeps its place and moves only to keep the
    /// cursor in view.
    fn window_top(&self, visible: usize) -> usize {
        let mut top = self.top.get().min(self.cursor);
        if self.cursor >= top + visible {
            top = self.cursor + 1 - visible;
        }
        self.top.set(top);
        top
    }

    /// The roll call's columns: the widest name and area measured once per load.
    fn roll_columns(&self, ctx: &Ctx, left: Rect, header: &[&str; 5]) -> Fitted {
        let l = ctx.lang;
        let b = &self.ballots;
        let (name_w, area_w) = match self.widths.get() {
            Some((lang, n, a)) if lang == l => (n, a),
            _ => {
                let n = widest(b, |b| width(&clean_line(&b.name)), header[1]);
                let a = widest(b, |b| fmt_area(b.area).len(), header[2]);
                self.widths.set(Some((l, n, a)));
                (n, a)
            }
        };
        let answers = Choice::ALL.iter().map(|&c| width(strings::choice(l, c)));
        Fitted::new(
            left,
            &[
                Col::fixed(width(&self.ballots.len().to_string()).max(1)),
                Col::new(name_w.min(20), 8, 3),
                Col::fixed(area_w),
                Col::new(widest(b, |b| width(&self.who_of(ctx, b)), header[3]), 4, 1),
                Col::new(answers.max().unwrap_or(4).max(width(header[4])), 4, 2),
            ],
        )
    }

    /// The roll call: only the rows that fit are built (a roll call may have hundreds
    /// of voters).
    fn draw_roll(&self, ctx: &Ctx, f: &mut Frame<'_>, left: Rect, it: &ItemRow) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let visible = left.height.saturating_sub(3).max(1) as usize;
        let top = self.window_top(visible);
        let header_cells = [
            "#",
            ctx.t(s::COL_NAME),
            ctx.t(s::COL_AREA),
            ctx.t(s::COL_STATUS),
            ctx.t(s::COL_ANSWER),
        ];
        let cols = self.roll_columns(ctx, left, &header_cells);
        let rows: Vec<Row<'_>> = self
            .ballots
            .iter()
            .enumerate()
            .skip(top)
            .take(visible)
            .map(|(i, b)| {
                let answer = match b.choice {
                    Some(c) => strings::choice(l, c).to_string(),
                    None => String::new(),
                };
                let style = match b.choice {
                    Some(Choice::Yes) => theme::pass(),
                    Some(Choice::No) => theme::fail(),
                    Some(_) => theme::focus(),
                    None => ratatui::style::Style::default(),
                };
                // Each cell cut to its column, so a cut name ends in "…".
                Row::new(vec![
                    Cell::from(format!("{}", i + 1)),
                    Cell::from(cols.cut(&clean_line(&b.name), 1)),
                    Cell::from(fmt_area(b.area)),
                    Cell::from(cols.cut(&self.who_of(ctx, b), 3)),
                    Cell::from(cols.cut(&answer, 4)).style(style),
                ])
            })
            .collect();
        ListTable {
            title: format!(" {}{colon}{} ", ctx.t(s::VOTE_TITLE), clean_line(&it.title)),
            header: header_cells
                .iter()
                .enumerate()
                .map(|(i, h)| Cell::from(cols.cut(h, i)))
                .collect(),
            widths: cols.constraints(),
            rows,
            selected: Some(self.cursor - top),
        }
        .render(f, left);
    }
}
