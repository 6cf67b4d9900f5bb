//! Drawing pieces shared by the screens: a rule's check as a line, wrapped text, large
//! digits for the room view, a cleared popup; in the children, columns fitted to the
//! screen, the table that lists rows in them, and a scrolling text view.

pub mod columns;
pub mod scroll;
pub mod table;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::rules::Check;
use crate::strings::Lang;
use crate::ui::theme;

/// The rule's checks with every figure, one line per kind (the minutes' wording and
/// percentages that never contradict the verdict: 49.99% beside "> 1/2 ✗", not 50.0%),
/// green when met and red when not.
pub fn check_lines(l: Lang, checks: &[Check]) -> Vec<Line<'static>> {
    crate::domain::minutes::body::fmt_checks(l, checks)
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

/// A text of several lines (a proposal) wrapped as `wrap_lines` does: a numbered or
/// marked line continues under its text, not under its number.
pub fn wrap_text(text: &str, width: usize) -> Vec<Line<'static>> {
    wrap_lines(
        text.split('\n')
            .map(|l| Line::from(l.to_string()))
            .collect(),
        width,
    )
}

/// Lines wrapped by the one wrapper (禁则, numbers with their units) to `width`
/// columns, instead of ratatui's own wrapping: a line keeps its style (a line of
/// several styles that does not fit takes the style of its first text).
pub fn wrap_lines(lines: Vec<Line<'_>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        if crate::domain::text::width(&text) <= width {
            let spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style))
                .collect();
            out.push(Line::from(spans).style(line.style));
            continue;
        }
        let style = line
            .spans
            .iter()
            .find(|s| !s.content.trim().is_empty())
            .map(|s| s.style)
            .unwrap_or_default();
        // A hanging indent: the lines after the first start under the text, past the
        // line's own indentation and list mark ("  1. ", "- "), as on paper.
        let lead = hanging_prefix(&text);
        let indent = crate::domain::text::width(lead);
        let parts = if indent > 0 && indent * 2 <= width {
            let mut parts = crate::domain::text::wrap::wrap(&text[lead.len()..], width - indent);
            for (k, p) in parts.iter_mut().enumerate() {
                let pad = if k == 0 {
                    lead.to_string()
                } else {
                    " ".repeat(indent)
                };
                p.insert_str(0, &pad);
            }
            parts
        } else {
            crate::domain::text::wrap::wrap(&text, width)
        };
        for part in parts {
            out.push(Line::from(Span::styled(part, style)).style(line.style));
        }
    }
    out
}

/// The start of a line that its wrapped lines hang under: its indentation and a list
/// mark after it ("- ", "· ", "• ", "1. ", "12、", "(3) ") with the spaces that follow.
fn hanging_prefix(text: &str) -> &str {
    let rest = text.trim_start_matches(' ');
    let mut end = text.len() - rest.len();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let after = &rest[digits..];
    let mark = if digits > 0 {
        ['.', '、', ')', '）']
            .iter()
            .find(|&&c| after.starts_with(c))
            .map(|c| digits + c.len_utf8())
    } else {
        ["- ", "· ", "• ", "* "]
            .iter()
            .find(|m| rest.starts_with(**m))
            .map(|m| m.len() - 1)
    };
    if let Some(n) = mark {
        let tail = &rest[n..];
        let spaces = tail.len() - tail.trim_start_matches(' ').len();
        // A mark is one only when text follows it after a space (or after 、/）).
        if spaces > 0 || !rest[..n].ends_with('.') && !rest[..n].ends_with(')') {
            end += n + spaces;
        }
    }
    &text[..end]
}

/// One check in the minutes' words (the current format's, whose percentage never
/// contradicts the verdict).
pub fn check_text(l: Lang, c: &Check) -> String {
    crate::domain::minutes::body::fmt_check(l, c)
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

/// Clear the rectangle a popup is drawn in, measured by display width: a wide
/// character of the screen behind whose right half falls on the popup's left border
/// would otherwise hide that border (a terminal draws both columns of a wide
/// character, and ratatui skips the cell it covers), and one cut by the right border
/// would leave half a character. Both become a space.
pub fn clear_popup(f: &mut ratatui::Frame<'_>, r: ratatui::layout::Rect) {
    use unicode_width::UnicodeWidthStr;
    let buf = f.buffer_mut();
    let area = buf.area;
    for y in r.top()..r.bottom() {
        if r.left() > area.left() {
            let cell = &mut buf[(r.left() - 1, y)];
            if UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
        if r.right() < area.right() {
            // The second half of a wide character that started inside the popup.
            let inside = UnicodeWidthStr::width(buf[(r.right() - 1, y)].symbol()) > 1;
            if inside {
                buf[(r.right(), y)].set_symbol(" ");
            }
        }
    }
    f.render_widget(ratatui::widgets::Clear, r);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Borders, Paragraph};

    /// A popup whose left border falls on the right half of a Chinese character of the
    /// screen behind it keeps its border, on the terminal (what the diff sends).
    #[test]
    fn a_wide_character_behind_does_not_swallow_the_border() {
        for x in [5u16, 6] {
            let mut term = Terminal::new(TestBackend::new(40, 6)).unwrap();
            let r = Rect::new(x, 1, 15, 4);
            term.draw(|f| {
                let text = "电梯".repeat(20);
                let lines: Vec<_> = (0..6)
                    .map(|_| ratatui::text::Line::from(text.clone()))
                    .collect();
                f.render_widget(Paragraph::new(lines), f.area());
                super::clear_popup(f, r);
                f.render_widget(Block::default().borders(Borders::ALL), r);
            })
            .unwrap();
            let buf = term.backend().buffer();
            for y in 2..4 {
                assert_eq!(buf[(x, y)].symbol(), "│", "left border at {x},{y}");
                assert_eq!(buf[(x + 14, y)].symbol(), "│", "right border at {x},{y}");
            }
        }
    }
}

#[cfg(test)]
mod hanging_tests {
    use super::*;

    fn wrapped(text: &str, width: usize) -> Vec<String> {
        wrap_lines(vec![Line::from(text.to_string())], width)
            .into_iter()
            .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_wrapped_list_line_hangs_under_its_text() {
        let lines = wrapped(
            "  1. 乙方于十二月十日前修好卫生间防水并承担楼下的粉刷费用",
            20,
        );
        assert_eq!(lines[0], "  1. 乙方于十二月十");
        for l in &lines[1..] {
            assert!(l.starts_with("     ") && !l.starts_with("      "), "{l:?}");
        }
        let joined: String = lines.iter().map(|l| l.trim_start()).collect();
        assert_eq!(
            joined,
            "1. 乙方于十二月十日前修好卫生间防水并承担楼下的粉刷费用"
        );
        let lines = wrapped("- 当事人：甲方张三，乙方李四，另有证人王五在场", 16);
        assert!(
            lines[1].starts_with("  ") && !lines[1].starts_with("   "),
            "{lines:?}"
        );
        // No mark, no indentation: wrapped as before.
        let lines = wrapped("纠纷事实：楼上拖动家具声响持续到深夜", 10);
        assert!(!lines[1].starts_with(' '), "{lines:?}");
        // 2026.5 is a number, not a list mark.
        assert_eq!(hanging_prefix("2026.5 起"), "");
        assert_eq!(hanging_prefix("  12、条款"), "  12、");
        assert_eq!(hanging_prefix("    缩进"), "    ");
    }
}
