//! Small drawing pieces shared by the screens: a rule's check as a line, large digits
//! for the room view, the key bar.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::rules::{Basis, Check, fmt_area, fmt_percent_tenths};
use crate::strings::{self, Lang};
use crate::ui::theme;

/// "同意人数 18/24 75.0% ≥ 3/4 ✓" with every figure the rule used.
pub fn check_text(l: Lang, c: &Check) -> String {
    let (value, total) = match c.basis {
        Basis::Headcount => (c.value.to_string(), c.total.to_string()),
        Basis::Area => (fmt_area(c.value), format!("{} m²", fmt_area(c.total))),
    };
    let pct = c
        .percent_tenths()
        .map(fmt_percent_tenths)
        .unwrap_or_else(|| "—".into());
    format!(
        "{} {}/{} {} {} {} {}",
        strings::check_label(l, c.kind, c.basis),
        value,
        total,
        pct,
        c.cmp.symbol(),
        c.threshold,
        if c.met { "✓" } else { "✗" }
    )
}

pub fn check_line(l: Lang, c: &Check) -> Line<'static> {
    Line::from(Span::styled(
        check_text(l, c),
        if c.met { theme::pass() } else { theme::fail() },
    ))
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
