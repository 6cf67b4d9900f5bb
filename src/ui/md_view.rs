//! The minutes as a readable page: the exported Markdown (unchanged) shown with its
//! headings, lists and quotes as styled text, not as `###` and `>`. Each shown line
//! remembers the Markdown line it came from, so the screen can open at a match or
//! jump to an item at any width.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::domain::text::md_escape::unescape;
use crate::domain::text::width;
use crate::domain::text::wrap::wrap;
use crate::ui::theme;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `# …`: the minutes' title.
    Title,
    /// `## …`: a part (attendance, an item, the summary): item jumps stop here.
    Heading,
    /// `### …`: within an item (proposal, remarks, vote).
    Sub,
    /// `- …` or `1. …`: its mark on the first line, the rest hanging under the text.
    Item,
    /// `> …`: quoted text (the proposal, the summary).
    Quote,
    Plain,
}

/// One line as shown: the mark before it (bullet, number, quote bar), its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub mark: String,
    pub text: String,
    pub kind: Kind,
    /// The Markdown line (0-based) it comes from.
    pub src: usize,
}

/// The mark and text of an ordered item "12. text".
fn numbered(line: &str) -> Option<(&str, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(". ") {
        Some((&line[..digits + 2], &line[digits + 2..]))
    } else {
        None
    }
}

/// Lay out `md` for a page `w` columns wide.
pub fn layout(md: &str, w: usize) -> Vec<Shown> {
    let w = w.max(10);
    let mut out = Vec::new();
    for (src, line) in md.split('\n').enumerate() {
        let (kind, mark, text): (Kind, String, &str) = if let Some(t) = line.strip_prefix("# ") {
            (Kind::Title, String::new(), t)
        } else if let Some(t) = line.strip_prefix("## ") {
            (Kind::Heading, String::new(), t)
        } else if let Some(t) = line.strip_prefix("### ") {
            (Kind::Sub, String::new(), t)
        } else if let Some(t) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            (Kind::Item, "• ".into(), t)
        } else if let Some((n, t)) = numbered(line) {
            (Kind::Item, n.to_string(), t)
        } else if line == ">" {
            (Kind::Quote, "┃ ".into(), "")
        } else if let Some(t) = line.strip_prefix("> ") {
            (Kind::Quote, "┃ ".into(), t)
        } else {
            (Kind::Plain, String::new(), line)
        };
        let text = unescape(text);
        let indent = width(&mark);
        for (k, part) in wrap(&text, w.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let m = match (kind, k) {
                // A quote's bar runs down every line; a list mark only on the first.
                (Kind::Quote, _) | (_, 0) => mark.clone(),
                _ => " ".repeat(indent),
            };
            out.push(Shown {
                mark: m,
                text: part,
                kind,
                src,
            });
        }
    }
    out
}

fn style(kind: Kind) -> Style {
    match kind {
        Kind::Title => theme::heading().add_modifier(Modifier::UNDERLINED),
        Kind::Heading => theme::heading(),
        Kind::Sub => Style::default().add_modifier(Modifier::BOLD),
        Kind::Item | Kind::Quote | Kind::Plain => Style::default(),
    }
}

/// A shown line as styled text, with every occurrence of `find` highlighted.
pub fn to_line(s: &Shown, find: Option<&str>) -> Line<'static> {
    let body = style(s.kind);
    let mark = match s.kind {
        Kind::Quote => theme::dim(),
        _ => theme::focus(),
    };
    let mut spans = vec![Span::styled(s.mark.clone(), mark)];
    let line = s.text.as_str();
    match find.filter(|q| !q.is_empty() && line.contains(*q)) {
        None => spans.push(Span::styled(line.to_string(), body)),
        Some(q) => {
            let mut rest = line;
            while let Some(i) = rest.find(q) {
                spans.push(Span::styled(rest[..i].to_string(), body));
                spans.push(Span::styled(q.to_string(), theme::selected()));
                rest = &rest[i + q.len()..];
            }
            spans.push(Span::styled(rest.to_string(), body));
        }
    }
    Line::from(spans)
}

/// The first shown line of the first Markdown line whose text contains `q`.
pub fn first_match(md: &str, q: &str) -> Option<usize> {
    md.split('\n').position(|l| unescape(l).contains(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: &str = "# 2026年第一次业主大会 会议记录\n\n- 小区：望城小区\n\n## 议题 1：安装小区大门\n\n### 议案\n\n> 小区目前为开放式，外来车辆随意进出。\n>\n> 拟安装电动伸缩大门一座。\n\n1. 赵德华（09:10）：支持安装大门，晚上回家安心，建议门禁卡每户发两张。\n- 备注 \\*不是强调\\*";

    #[test]
    fn headings_lists_and_quotes_lose_their_markup() {
        let shown = layout(MD, 30);
        let text: Vec<String> = shown
            .iter()
            .map(|s| format!("{}{}", s.mark, s.text))
            .collect();
        assert!(
            !text
                .iter()
                .any(|t| t.starts_with('#') || t.starts_with('>')),
            "{text:?}"
        );
        assert_eq!(shown[0].kind, Kind::Title);
        assert_eq!(shown[0].text, "2026年第一次业主大会 会议记录");
        assert!(text.contains(&"• 小区：望城小区".to_string()));
        let head = shown.iter().find(|s| s.kind == Kind::Heading).unwrap();
        assert_eq!(head.text, "议题 1：安装小区大门");
        assert_eq!(head.src, 4);
        // A quote's bar on every line, also when wrapped and on an empty quote line.
        let quote: Vec<&Shown> = shown.iter().filter(|s| s.kind == Kind::Quote).collect();
        assert!(
            quote.len() >= 4 && quote.iter().all(|s| s.mark == "┃ "),
            "{quote:?}"
        );
        // A numbered remark hangs under its text.
        let remark: Vec<&Shown> = shown
            .iter()
            .filter(|s| s.text.contains("赵德华") || s.src == 12)
            .collect();
        assert_eq!(remark[0].mark, "1. ");
        assert!(
            remark.len() > 1 && remark[1..].iter().all(|s| s.mark == "   "),
            "{remark:?}"
        );
        // Escaped data shows as typed.
        assert!(text.iter().any(|t| t == "• 备注 *不是强调*"), "{text:?}");
        for s in &shown {
            assert!(width(&s.mark) + width(&s.text) <= 30, "{s:?}");
        }
    }

    #[test]
    fn a_match_is_found_by_its_markdown_line() {
        assert_eq!(first_match(MD, "安装小区大门"), Some(4));
        assert_eq!(first_match(MD, "*不是"), Some(13));
        assert_eq!(first_match(MD, "游泳池"), None);
    }
}
