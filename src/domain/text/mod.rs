//! Text safety and CJK-aware layout helpers.
//!
//! Everything typed by people (names, proposals, CSV cells) passes through
//! [`clean_line`] or [`clean_multiline`] before it reaches the terminal or an
//! export: control characters, escape sequences and bidirectional overrides are
//! removed. Layout is measured in display columns with `unicode-width`, never in
//! bytes or chars, so Chinese text lines up and wraps correctly.

pub mod md_escape;
pub mod names;
pub mod search;
pub mod wrap;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 "control sequence introducer", the 8-bit form of `ESC [`.
const C1_CSI: char = '\u{9b}';
/// C1 "string terminator", the 8-bit form of `ESC \`.
const C1_ST: char = '\u{9c}';

/// Bidirectional formatting characters and other invisible characters that can
/// reorder or hide text: LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, LRM/RLM, ALM and
/// the byte order mark / zero-width no-break space.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{FEFF}'
    )
}

/// C0 controls, DEL and C1 controls.
fn is_control(c: char) -> bool {
    matches!(c, '\u{00}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Line and paragraph separators: not controls, but terminals may move the
/// cursor on them. They become a space (one-line) or a newline (multi-line).
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// What to do with newlines and tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Line,
    Multiline,
}

fn clean(s: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            ESC => match it.peek().copied() {
                // CSI: ESC [ parameters (0x30–0x3F) intermediates (0x20–0x2F) final (0x40–0x7E).
                Some('[') => {
                    it.next();
                    skip_csi_body(&mut it);
                }
                // OSC, DCS, SOS, PM, APC: string sequences up to BEL or ST.
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    it.next();
                    skip_string_body(&mut it);
                }
                // Any other two-character escape (ESC 7, ESC c, ESC ( B's first half …).
                Some(next) if (' '..='~').contains(&next) => {
                    it.next();
                }
                // A lone ESC (end of text or followed by something that is not part
                // of an escape): drop only the ESC.
                _ => {}
            },
            C1_CSI => skip_csi_body(&mut it),
            '\t' => match mode {
                Mode::Line => out.push(' '),
                Mode::Multiline => out.push_str("    "),
            },
            '\n' => match mode {
                Mode::Line => out.push(' '),
                Mode::Multiline => out.push('\n'),
            },
            '\r' => {
                if mode == Mode::Multiline {
                    // "\r\n" and a lone "\r" both become one "\n".
                    if it.peek() == Some(&'\n') {
                        it.next();
                    }
                    out.push('\n');
                }
            }
            c if is_separator(c) => match mode {
                Mode::Line => out.push(' '),
                Mode::Multiline => out.push('\n'),
            },
            c if is_control(c) || is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skip the rest of a CSI sequence after its introducer. Well-formed sequences
/// are removed whole; a malformed one stops at the first character that cannot
/// belong to it (that character is then cleaned normally).
fn skip_csi_body(it: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = it.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            it.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                it.next();
            }
            return;
        }
    }
}

/// Skip the body of an OSC/DCS/… string up to and including its terminator:
/// BEL, `ESC \` or C1 ST. An unterminated string swallows the rest of the text,
/// as a terminal would.
fn skip_string_body(it: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = it.next() {
        match c {
            BEL | C1_ST => return,
            ESC => {
                if it.peek() == Some(&'\\') {
                    it.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Remove C0 controls, DEL, C1 controls, whole escape sequences (`ESC [ … final`,
/// `ESC ] … BEL` or `ESC ] … ESC \`, other `ESC x` pairs, and the 8-bit CSI
/// U+009B with its parameters), bidi controls (U+202A–U+202E, U+2066–U+2069,
/// U+200E, U+200F, U+061C) and U+FEFF. `\t`, `\n` and U+2028/U+2029 become a
/// single space; `\r` is removed. For one-line fields (names, labels, titles).
pub fn clean_line(s: &str) -> String {
    clean(s, Mode::Line)
}

/// Same as [`clean_line`], but keeps newlines (`\r\n`, `\r`, U+2028 and U+2029
/// become `\n`) and turns `\t` into 4 spaces. For multi-line text (proposals,
/// remarks, minutes).
pub fn clean_multiline(s: &str) -> String {
    clean(s, Mode::Multiline)
}

/// True if `s` contains anything [`clean_line`] would remove or change (for
/// rejecting or reporting CSV cells). Equivalent to `clean_line(s) != s`.
pub fn has_unsafe(s: &str) -> bool {
    // Every escape sequence starts with ESC or U+009B, which are controls, so a
    // per-character test is exact.
    s.chars().any(is_unsafe_char)
}

/// True if cleaning removes or changes `c` wherever it stands (see [`has_unsafe`]).
pub(crate) fn is_unsafe_char(c: char) -> bool {
    is_control(c) || is_invisible_format(c) || is_separator(c)
}

/// Display width in terminal columns (unicode-width), e.g. `width("电梯") == 4`.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Width of `s` followed by `c`, measured on the whole string (unicode-width is
/// context-sensitive: emoji sequences, ligatures, `\r\n`).
fn width_with(s: &str, c: char) -> usize {
    let mut t = String::with_capacity(s.len() + c.len_utf8());
    t.push_str(s);
    t.push(c);
    width(&t)
}

pub(crate) fn is_wide(c: char) -> bool {
    UnicodeWidthChar::width(c).is_some_and(|w| w >= 2)
}

/// The mark a cut name or label ends in, so a reader sees it was cut.
pub const CUT_MARK: char = '…';

/// Cut to at most `max` columns, ending in [`CUT_MARK`] ("…", one column) when
/// cut; the result including the mark is at most `max` columns (so a wide
/// character that would straddle the edge is dropped). `max == 0` gives `""`.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1;
    let mut out = String::new();
    for c in s.chars() {
        if width_with(&out, c) > budget {
            break;
        }
        out.push(c);
    }
    // Removing a trailing character can widen a context-sensitive sequence;
    // drop characters until the prefix fits again.
    while width(&out) > budget {
        out.pop();
    }
    out.push(CUT_MARK);
    out
}

/// Pad with spaces on the right to exactly `w` columns (truncating first with
/// [`truncate`] if wider).
pub fn pad(s: &str, w: usize) -> String {
    let mut out = truncate(s, w);
    let have = width(&out);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(have)));
    out
}

/// Column (display width) of the character index `char_idx` in `s`: the width
/// of the first `char_idx` characters (the whole string if it is shorter). Used
/// to place the real terminal cursor.
pub fn col_of(s: &str, char_idx: usize) -> usize {
    let end = s.char_indices().nth(char_idx).map_or(s.len(), |(b, _)| b);
    width(&s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn removes_csi_colour() {
        assert_eq!(clean_line("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(clean_line("\x1b[2J\x1b[1;1Hx"), "x");
        assert!(has_unsafe("\x1b[31m"));
    }

    #[test]
    fn removes_osc_with_bel_and_st() {
        assert_eq!(clean_line("a\x1b]0;evil\x07b"), "ab");
        assert_eq!(clean_line("a\x1b]0;evil\x1b\\b"), "ab");
        assert_eq!(
            clean_line("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"),
            "alink"
        );
        assert_eq!(clean_line("a\x1b]0;unterminated"), "a");
    }

    #[test]
    fn removes_c1_and_bel_and_del() {
        assert_eq!(clean_line("a\u{9b}31mb"), "ab");
        assert_eq!(clean_line("a\u{85}\u{90}b"), "ab");
        assert_eq!(clean_line("ding\x07dong"), "dingdong");
        assert_eq!(clean_line("x\x7fy"), "xy");
        assert_eq!(clean_line("x\x1b7y\x1b"), "xy");
    }

    #[test]
    fn removes_bidi_controls() {
        assert_eq!(clean_line("abc\u{202E}fdp.exe"), "abcfdp.exe");
        assert_eq!(clean_line("\u{2066}名\u{2069}字"), "名字");
        assert_eq!(clean_line("\u{FEFF}\u{200E}\u{200F}\u{061C}x"), "x");
        assert!(has_unsafe("\u{202E}"));
        assert!(has_unsafe("\u{2066}"));
        assert!(!has_unsafe("3栋2单元501 王小明"));
    }

    #[test]
    fn line_vs_multiline_whitespace() {
        assert_eq!(clean_line("a\tb\nc\r\nd"), "a b c d");
        assert_eq!(clean_multiline("a\tb\r\nc\rd\ne"), "a    b\nc\nd\ne");
        assert_eq!(clean_multiline("x\x1b[1my\u{202E}"), "xy");
    }

    #[test]
    fn width_of_chinese() {
        assert_eq!(width("电梯"), 4);
        assert_eq!(width("加装电梯 ok"), 11);
    }

    #[test]
    fn col_of_mixed() {
        let s = "ab电梯c";
        assert_eq!(col_of(s, 0), 0);
        assert_eq!(col_of(s, 2), 2);
        assert_eq!(col_of(s, 3), 4);
        assert_eq!(col_of(s, 4), 6);
        assert_eq!(col_of(s, 5), 7);
        assert_eq!(col_of(s, 99), 7);
    }

    #[test]
    fn truncate_cjk_boundary() {
        assert_eq!(truncate("电梯维修基金", 7), "电梯维…");
        assert_eq!(width(&truncate("电梯维修基金", 7)), 7);
        assert_eq!(truncate("电梯维修基金", 8), "电梯维…");
        assert_eq!(width(&truncate("电梯维修基金", 8)), 7);
        assert_eq!(truncate("电梯", 4), "电梯");
        assert_eq!(truncate("电梯", 3), "电…");
        assert_eq!(truncate("衡阳华美达", 6), "衡阳…");
        assert_eq!(truncate("abcdef", 5), "abcd…");
        assert_eq!(truncate("abcdef", 1), "…");
        assert_eq!(truncate("abcdef", 0), "");
        // Cut at any width, a name ends in the mark.
        for max in 1..10 {
            let cut = truncate("陈建华、陈秀兰", max);
            assert!(cut.ends_with(CUT_MARK), "{cut:?} at {max}");
            assert!(width(&cut) <= max);
        }
    }

    #[test]
    fn pad_to_width() {
        assert_eq!(pad("电梯", 6), "电梯  ");
        assert_eq!(pad("电梯维修基金", 8), "电梯维… ");
        assert_eq!(width(&pad("电梯维修基金", 7)), 7);
        assert_eq!(pad("ab", 2), "ab");
    }

    fn mixed_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just(' '),
                Just('\n'),
                Just('，'),
                Just('。'),
                Just('」'),
                proptest::char::range('a', 'z'),
                proptest::char::range('一', '龥'),
                any::<char>(),
            ],
            0..80,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn clean_line_is_safe(s in any::<String>()) {
            let out = clean_line(&s);
            for c in out.chars() {
                prop_assert!(!is_control(c), "control {:?}", c);
                prop_assert!(!is_invisible_format(c), "format {:?}", c);
            }
            prop_assert!(!has_unsafe(&out));
            prop_assert_eq!(has_unsafe(&s), out != s);
        }

        #[test]
        fn clean_multiline_only_newlines(s in any::<String>()) {
            let out = clean_multiline(&s);
            for c in out.chars() {
                prop_assert!(c == '\n' || !is_control(c), "control {:?}", c);
                prop_assert!(!is_invisible_format(c));
            }
        }

        #[test]
        fn truncate_and_pad_fit(s in mixed_text(), max in 0usize..30) {
            let line = clean_line(&s);
            prop_assert!(width(&truncate(&line, max)) <= max);
            prop_assert_eq!(width(&pad(&line, max)), max);
        }
    }
}
