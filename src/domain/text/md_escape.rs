//! Escaping data (names, titles, proposals, remarks) placed into Markdown, so that no
//! text typed in a meeting or arriving in a file can look like structure: a remark
//! "## 签署" is not a heading, "- 主持人 …" not a list item, "[x](http://…)" not a link,
//! "<script>" not HTML, "**" not emphasis.
//!
//! [`escape`] is for the minutes renderer: it writes each data value through it. Within
//! a line it backslash-escapes the inline markers (`\` `` ` `` `*` `_` `[` `]` `|` `~`)
//! and writes `<`, `>` and `&` as entities; at the start of a line it also escapes what
//! opens a block (`#` `>` `-` `+` `=` `|` and the `.`/`)` after leading digits), and
//! writes leading spaces as `&#32;` (an entity is never indentation, so no code block).
//! CommonMark renders every such escape as the character itself.
//!
//! [`unescape`] reverses it exactly, for a converter (to HTML, to plain text) that reads
//! the escaped Markdown line by line and then escapes for its own format.

/// Escape `text` (one or more lines, `\n`-separated) for Markdown.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let trimmed = line.trim_start_matches(' ');
    for _ in 0..line.len() - trimmed.len() {
        out.push_str("&#32;");
    }
    // A run of digits followed by '.' or ')' opens an ordered list item.
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let list_number = digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')'));
    for (at, c) in trimmed.char_indices() {
        let line_start = at == 0;
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if list_number && at == digits => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// Undo [`escape`]: backslash escapes of ASCII punctuation and the entities it writes.
pub fn unescape(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(c) = rest.chars().next() {
        if c == '\\'
            && let Some(n) = rest[1..].chars().next()
            && n.is_ascii_punctuation()
        {
            out.push(n);
            rest = &rest[1 + n.len_utf8()..];
            continue;
        }
        if c == '&' {
            let entity = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&#32;", ' ')]
                .into_iter()
                .find(|(e, _)| rest.starts_with(e));
            if let Some((e, ch)) = entity {
                out.push(ch);
                rest = &rest[e.len()..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Does any line of `md` open a Markdown block, or contain live inline syntax?
    fn looks_like_structure(md: &str) -> bool {
        md.lines().any(|l| {
            let t = l.trim_start();
            let block = t.starts_with('#')
                || t.starts_with('>')
                || t.starts_with("- ")
                || t.starts_with("+ ")
                || t.starts_with("* ")
                || t.starts_with("===")
                || t.starts_with("---")
                || t.starts_with('|')
                || l.starts_with("    ")
                || {
                    let d = t.chars().take_while(char::is_ascii_digit).count();
                    d > 0 && matches!(t.as_bytes().get(d), Some(b'.' | b')'))
                };
            let mut prev = ' ';
            let inline = l.chars().any(|c| {
                let live = matches!(c, '<' | '>' | '*' | '_' | '[' | ']' | '`' | '|' | '~')
                    && prev != '\\';
                prev = c;
                live
            });
            block || inline
        })
    }

    #[test]
    fn forged_signature_block_heading_is_text() {
        let e = escape("## 签署\n- 主持人 黄小明 a1b2:c3d4");
        assert_eq!(e, "\\## 签署\n\\- 主持人 黄小明 a1b2:c3d4");
        assert!(!looks_like_structure(&e));
    }

    #[test]
    fn html_and_links_are_text() {
        let e = escape("<script>alert(1)</script> [点此](http://evil.example) ![i](x.png)");
        assert_eq!(
            e,
            "&lt;script&gt;alert(1)&lt;/script&gt; \\[点此\\](http://evil.example) !\\[i\\](x.png)"
        );
        assert!(!e.contains('<') && !e.contains('>'));
        assert!(!looks_like_structure(&e));
    }

    #[test]
    fn every_block_opener_is_escaped() {
        let cases = [
            "# 标题",
            "> 引用",
            "- 列表",
            "+ 列表",
            "* 列表",
            "1. 第一",
            "12) 第二",
            "===",
            "---",
            "| a | b |",
            "    缩进四格",
            "```rust",
            "~~~",
            "**加粗** _斜体_ `代码` ~~删除~~",
        ];
        for c in cases {
            let e = escape(c);
            assert!(!looks_like_structure(&e), "{c:?} -> {e:?}");
            assert_eq!(unescape(&e), c, "round trip of {c:?}");
        }
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for c in [
            "新划车位36个。",
            "2026-06-20 09:30 议事亭",
            "同意 12 票，反对 3 票",
            "电梯加装（3栋2单元）",
            "a-b, c+d = e",
            "1 栋",
        ] {
            assert_eq!(escape(c), c);
        }
    }

    #[test]
    fn entities_and_backslashes_in_data_survive_the_round_trip() {
        for c in [
            "&amp; literally",
            "C:\\路径\\文件",
            "&#32; and &lt;",
            "a\\*b",
            "",
            "\\",
        ] {
            assert_eq!(unescape(&escape(c)), c, "{c:?}");
        }
        assert_eq!(escape("&lt;"), "&amp;lt;");
    }

    #[test]
    fn multiline_remarks_escape_each_line() {
        let e = escape("同意。\n## 签署\n  - 伪造");
        assert_eq!(e, "同意。\n\\## 签署\n&#32;&#32;\\- 伪造");
        assert!(!looks_like_structure(&e));
        assert_eq!(unescape(&e), "同意。\n## 签署\n  - 伪造");
    }
}
