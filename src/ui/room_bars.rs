//! The room view's vote: the counts in large digits, then each figure of the rule
//! (participation and approval, by headcount and by area) as a bar against its
//! threshold, the verdict so far and how many have answered. Bars are full blocks
//! (green when met, red when not) on black with the threshold as a white bar across
//! them: readable with 16 colours, on a projector, and in a black-and-white copy.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::model::Choice;
use crate::domain::rules::{self, Check, Eligible, Outcome, Rule, Tally};
use crate::strings::{self, Lang, room as w, ui as s};
use crate::ui::{theme, widgets};

/// Cells of a bar `width` long filled for `value` of `total` (integers, rounded
/// down; never more than the bar).
pub fn filled(value: i64, total: i64, width: usize) -> usize {
    if total <= 0 || value <= 0 {
        return 0;
    }
    let w = i128::try_from(width).unwrap_or(0);
    let cells = i128::from(value).saturating_mul(w) / i128::from(total);
    usize::try_from(cells.min(w)).unwrap_or(0)
}

/// The cell where a threshold `num/den` falls on a bar `width` long.
pub fn mark_at(c: &Check, width: usize) -> usize {
    filled(c.threshold.num, c.threshold.den, width).min(width.saturating_sub(1))
}

/// One bar: filled cells in the check's colour (green met, red not), the rest
/// shaded, the threshold a white bar across it.
pub fn bar(c: &Check, width: usize) -> Line<'static> {
    let fill = filled(c.value, c.total, width);
    let at = mark_at(c, width);
    let on = if c.met { Color::Green } else { Color::Red };
    let mut spans = Vec::new();
    for i in 0..width {
        let bg = if i < fill { on } else { Color::Black };
        let (sym, st) = if i == at {
            (
                "┃",
                Style::default()
                    .fg(Color::White)
                    .bg(bg)
                    .add_modifier(Modifier::BOLD),
            )
        } else if i < fill {
            ("█", Style::default().fg(on).bg(Color::Black))
        } else {
            ("░", Style::default().fg(Color::Gray).bg(Color::Black))
        };
        spans.push(Span::styled(sym, st));
    }
    Line::from(spans)
}

/// Everything below the title: `body` is the rest of the room view.
pub fn draw_vote(
    l: Lang,
    f: &mut Frame<'_>,
    body: Rect,
    rule: &Rule,
    electorate: &[Eligible],
    fixed: Option<&Outcome>,
) {
    let t = rules::tally(rule, electorate);
    let outcome = fixed
        .cloned()
        .unwrap_or_else(|| rules::evaluate(rule, electorate));
    let checks = &outcome.checks;
    // Three rows a check (its words, a bar two rows high), two for the verdict; the
    // large digits take seven when there is room, else one line of counts.
    let need = 3 * checks.len() as u16 + 2;
    let digits_h = if body.height >= need + 8 { 7 } else { 1 };
    let [counts, bars, foot, _] = Layout::vertical([
        Constraint::Length(digits_h),
        Constraint::Length(3 * checks.len() as u16),
        Constraint::Length(3),
        Constraint::Min(0),
    ])
    .areas(body);
    draw_counts(l, f, counts, &t, digits_h == 7);
    draw_bars(l, f, bars, checks);
    draw_verdict(l, f, foot, &t, outcome.passed, fixed.is_none());
}

/// Yes, no and abstain: in large digits when `big` (seven rows), else on one line.
fn draw_counts(l: Lang, f: &mut Frame<'_>, counts: Rect, t: &Tally, big: bool) {
    let figures = [
        (Choice::Yes, t.yes),
        (Choice::No, t.no),
        (Choice::Abstain, t.abstain),
    ];
    if big {
        let cols = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(counts);
        for (i, (c, n)) in figures.into_iter().enumerate() {
            let mut lines = vec![
                Line::from(Span::styled(strings::choice(l, c), theme::room())),
                Line::from(""),
            ];
            lines.extend(widgets::big(&n.to_string(), theme::room()));
            f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), cols[i]);
        }
    } else {
        let parts: Vec<String> = figures
            .iter()
            .map(|(c, n)| format!("{} {n}", strings::choice(l, *c)))
            .collect();
        f.render_widget(
            Paragraph::new(Span::styled(parts.join("   "), theme::room()))
                .alignment(Alignment::Center),
            counts,
        );
    }
}

/// Each check's words over its bar, with a margin of two columns each side.
fn draw_bars(l: Lang, f: &mut Frame<'_>, bars: Rect, checks: &[Check]) {
    let inner = Rect {
        x: bars.x + 2,
        width: bars.width.saturating_sub(4),
        ..bars
    };
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for c in checks {
        let words = widgets::check_text(l, c);
        let style = if c.met { theme::pass() } else { theme::fail() };
        lines.push(Line::from(Span::styled(words, style.bg(Color::Black))));
        lines.push(bar(c, width));
        lines.push(bar(c, width));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Passed or failed ("so far" while the vote is open), and how many have answered.
fn draw_verdict(l: Lang, f: &mut Frame<'_>, foot: Rect, t: &Tally, passed: bool, open: bool) {
    let verdict = if passed {
        s::PASSED.get(l)
    } else {
        s::FAILED.get(l)
    };
    let so_far = if open { s::SO_FAR.get(l) } else { "" };
    let style = if passed {
        theme::room_pass()
    } else {
        theme::room_fail()
    };
    let answered = t.eligible - t.unanswered;
    f.render_widget(
        Paragraph::new(vec![
            Line::from(""),
            Line::from(Span::styled(format!("  {verdict}{so_far}  "), style)),
            Line::from(Span::styled(
                format!(
                    "{} {answered} / {} {}",
                    w::ANSWERED.get(l),
                    t.eligible,
                    w::PEOPLE.get(l)
                ),
                theme::room(),
            )),
        ])
        .alignment(Alignment::Center),
        foot,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::numbers::{Cmp, Frac};
    use crate::domain::rules::{Basis, CheckKind};

    #[test]
    fn bars_fill_by_exact_integers_and_mark_the_threshold() {
        assert_eq!(filled(0, 38, 40), 0);
        assert_eq!(filled(35, 38, 40), 36);
        assert_eq!(filled(38, 38, 40), 40);
        assert_eq!(filled(50, 38, 40), 40);
        assert_eq!(filled(5, 0, 40), 0);
        assert_eq!(filled(i64::MAX, i64::MAX, 40), 40);
        let c = Check::new(
            CheckKind::Approval,
            Basis::Area,
            297339,
            388027,
            Cmp::Ge,
            Frac::THREE_QUARTERS,
        );
        assert_eq!(mark_at(&c, 40), 30);
        let line = bar(&c, 40);
        assert_eq!(line.spans.len(), 40);
        assert_eq!(line.spans[30].content, "┃");
    }
}
