//! Small drawing pieces shared by the screens: a rule's check as a line, large digits
//! for the room view, the key bar.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::figures::check_percent;
use crate::domain::rules::{Check, CheckKind, fmt_percent_tenths};
use crate::strings::Lang;
use crate::ui::theme;

/// The rule's checks with every figure, one line per kind (the minutes' wording), green
/// when met and red when not.
///
/// The wording is the minutes' (`fmt_check`), but the percentage is the one that never
/// contradicts the verdict (domain::figures): 49.99% beside "> 1/2 ✗", not 50.0%.
pub fn check_lines(l: Lang, checks: &[Check]) -> Vec<Line<'static>> {
    use crate::domain::minutes::fmt_check;
    let mut texts: Vec<String> = Vec::new();
    for kind in [
        CheckKind::Participation,
        CheckKind::Approval,
        CheckKind::Legacy,
    ] {
        let parts: Vec<String> = checks
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                let text = fmt_check(l, c);
                match c.percent_tenths().map(fmt_percent_tenths) {
                    Some(short) => {
                        text.replacen(&format!(" {short} "), &format!(" {} ", check_percent(c)), 1)
                    }
                    None => text,
                }
            })
            .collect();
        if !parts.is_empty() {
            texts.push(parts.join(if l == Lang::Zh { "；" } else { "; " }));
        }
    }
    texts
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
