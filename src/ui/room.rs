//! The room view for the projector: the current item's title, the tally in large digits,
//! and pass or fail, in high contrast.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::ctx::Ctx;
use super::{theme, widgets};
use crate::domain::model::Choice;
use crate::domain::rules;
use crate::strings::{self, ui as s};

/// A vote as the room view shows it: its rule, who may answer and how, and the fixed
/// outcome once it is closed.
pub struct RoomVote<'a> {
    pub rule: &'a rules::Rule,
    pub electorate: Vec<rules::Eligible>,
    pub fixed: Option<&'a rules::Outcome>,
}

/// Drawn by the meeting screens (`Screen::draw_room`): their heading, and the vote's
/// tally when a vote is showing.
pub fn draw(ctx: &Ctx, f: &mut Frame<'_>, area: Rect, heading: String, vote: Option<RoomVote<'_>>) {
    let l = ctx.lang;
    f.render_widget(Block::default().style(theme::room()), area);
    let [title, body, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(8),
        Constraint::Length(3),
    ])
    .areas(area);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(heading, theme::room())))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        title,
    );
    let Some(v) = vote else { return };
    let t = rules::tally(v.rule, &v.electorate);
    let outcome = v
        .fixed
        .cloned()
        .unwrap_or_else(|| rules::evaluate(v.rule, &v.electorate));
    let cols = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(body);
    for (i, (c, n)) in [
        (Choice::Yes, t.yes),
        (Choice::No, t.no),
        (Choice::Abstain, t.abstain),
    ]
    .into_iter()
    .enumerate()
    {
        let mut lines = vec![
            Line::from(Span::styled(strings::choice(l, c), theme::room())),
            Line::from(""),
        ];
        lines.extend(widgets::big(&n.to_string(), theme::room()));
        f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), cols[i]);
    }
    let verdict = if outcome.passed {
        s::PASSED.get(l)
    } else {
        s::FAILED.get(l)
    };
    let so_far = if v.fixed.is_none() {
        s::SO_FAR.get(l)
    } else {
        ""
    };
    let style = if outcome.passed {
        theme::room_pass()
    } else {
        theme::room_fail()
    };
    let checks = crate::domain::minutes::fmt_checks(l, &outcome.checks);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(format!("  {verdict}{so_far}  "), style)),
            Line::from(checks.join("  ")),
        ])
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true }),
        foot,
    );
}
