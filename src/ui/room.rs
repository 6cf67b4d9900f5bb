//! The room view for the projector: the current item's title, the tally in large digits,
//! each figure against its threshold as a bar, and pass or fail, in high contrast.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, View};
use super::theme;
use crate::domain::text::clean_line;

pub fn draw(app: &App, f: &mut Frame<'_>, area: Rect) {
    let l = app.lang;
    f.render_widget(Block::default().style(theme::room()), area);
    let [title, body, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(8),
        Constraint::Length(3),
    ])
    .areas(area);
    let (heading, vote) = match app.view() {
        View::Vote(v) => (
            v.item
                .as_ref()
                .map(|i| clean_line(&i.title))
                .unwrap_or_default(),
            Some(v),
        ),
        View::Item(i) => (
            i.item
                .as_ref()
                .map(|i| clean_line(&i.title))
                .unwrap_or_default(),
            None,
        ),
        View::Agenda(a) => (
            a.items
                .get(a.sel)
                .map(|i| clean_line(&i.title))
                .unwrap_or_default(),
            None,
        ),
        View::Attendance(a) => (clean_line(&a.title), None),
        _ => (String::new(), None),
    };
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(heading, theme::room())))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        title,
    );
    let Some(v) = vote else { return };
    let Some(it) = &v.item else { return };
    let electorate = v.electorate();
    // Below the title: the counts, each figure against its threshold, the verdict.
    let below = Rect {
        y: body.y,
        height: body.height + foot.height,
        ..body
    };
    super::room_bars::draw_vote(l, f, below, &it.rule, &electorate, v.outcome.as_ref());
}
