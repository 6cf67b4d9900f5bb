//! Small drawing pieces shared by the screens: a rule's check as a line, large digits
//! for the room view, the key bar.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::rules::Check;
use crate::strings::Lang;
use crate::ui::theme;

/// The rule's checks with every figure, one line per kind (the minutes' wording and
/// percentages that never contradict the verdict: 49.99% beside "> 1/2 ✗", not 50.0%),
/// green when met and red when not.
pub fn check_lines(l: Lang, checks: &[Check]) -> Vec<Line<'static>> {
    crate::domain::minutes::fmt_checks(l, checks)
        .into_iter()
        .map(|t| {
            let style = if t.contains('✗') {
                theme::fail()
            } else {
                theme::pass()
            };
            Line::from(Span::styled(t, style))
        })
        .collect()
}

/// A 3×5 font for the room view's large figures.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" █ ", "██ ", " █ ", " █ ", "███"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", "███", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        '/' => ["  █", "  █", " █ ", "█  ", "█  "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

/// Five lines of large digits for `text` (digits and '/').
pub fn big(text: &str, style: Style) -> Vec<Line<'static>> {
    (0..5)
        .map(|row| {
            let s: Vec<&str> = text.chars().map(|c| glyph(c)[row]).collect();
            Line::from(Span::styled(s.join(" "), style))
        })
        .collect()
}
