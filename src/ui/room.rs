//! The room view for the projector: the current item's title, the tally in large digits,
//! each figure against its threshold as a bar, and pass or fail, in high contrast.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::domain::rules;
use crate::ui::ctx::Ctx;
use crate::ui::theme;

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
    // Below the title: the counts, each figure against its threshold, the verdict.
    let below = Rect {
        y: body.y,
        height: body.height + foot.height,
        ..body
    };
    crate::ui::room_bars::draw_vote(l, f, below, v.rule, &v.electorate, v.fixed);
}
