//! Text safety and CJK-aware layout helpers.
//!
//! Everything typed by people (names, proposals, CSV cells) passes through
//! [`clean_line`] or [`clean_multiline`] before it reaches the terminal or an
//! export: control characters, escape sequences and bidirectional overrides are
//! removed. Layout is measured in display columns with `unicode-width`, never in
//! bytes or chars, so Chinese text lines up and wraps correctly.

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
    s.chars()
        .any(|c| is_control(c) || is_invisible_format(c) || is_separator(c))
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

/// Full-width closing punctuation that must not start a line (kinsoku).
fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '」' | '』' | '》' | '】' | '〕'
    )
}

/// A character that belongs to a Latin-style word: not a space, not wide.
fn is_word_char(c: char) -> bool {
    c != ' ' && !is_wide(c)
}

/// Wrap by display width: every output line has width ≤ `max` (a wide char is
/// never split; if `max` < 2 a wide char sits alone on its line, and so does any
/// single character wider than `max`). Latin words break at spaces when they fit
/// on a line, otherwise anywhere; Chinese breaks anywhere, except that full-width
/// closing punctuation (，。、；：？！）」』》 …) does not start a line: the
/// preceding character moves down with it. Existing `'\n'` always break. No
/// character is lost except the spaces consumed at a break. Empty input gives
/// one empty line; `max == 0` is treated as 1.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        wrap_paragraph(para, max, &mut lines);
    }
    lines
}

struct Wrapper<'a> {
    max: usize,
    lines: &'a mut Vec<String>,
    cur: String,
    /// True right after a soft break: leading spaces of the new line are consumed.
    after_break: bool,
}

impl Wrapper<'_> {
    /// End the current line at a soft break (trailing spaces are consumed).
    fn soft_break(&mut self) {
        let trimmed_len = self.cur.trim_end_matches(' ').len();
        self.cur.truncate(trimmed_len);
        if !self.cur.is_empty() {
            self.lines.push(std::mem::take(&mut self.cur));
        }
        self.after_break = true;
    }

    fn fits(&self, c: char) -> bool {
        width_with(&self.cur, c) <= self.max
    }

    /// Add one character, breaking before it if it does not fit. The first
    /// character of a line is always accepted so that wrapping makes progress.
    fn push_char(&mut self, c: char) {
        if self.cur.is_empty() || self.fits(c) {
            self.cur.push(c);
        } else if is_closing_punct(c) && self.kinsoku_break(c) {
            // handled: the line was broken one character earlier
        } else {
            self.soft_break();
            self.cur.push(c);
        }
        self.after_break = false;
    }

    /// Try to break before the last character(s) of the current line so that
    /// the closing punctuation `c` does not start the next line. Returns false
    /// (and changes nothing) when that is not possible.
    fn kinsoku_break(&mut self, c: char) -> bool {
        let mut kept: Vec<char> = self.cur.chars().collect();
        let mut moved: Vec<char> = vec![c];
        // Move characters down while the new line would start with closing
        // punctuation; keep at least one character on the current line.
        while moved.first().copied().is_some_and(is_closing_punct) {
            if kept.len() < 2 {
                return false;
            }
            match kept.pop() {
                Some(' ') | None => return false,
                Some(last) => moved.insert(0, last),
            }
        }
        let kept: String = kept.into_iter().collect();
        let moved: String = moved.into_iter().collect();
        if width(&kept) > self.max || width(&moved) > self.max {
            return false;
        }
        self.cur = kept;
        self.soft_break();
        self.cur = moved;
        true
    }
}

fn wrap_paragraph(para: &str, max: usize, lines: &mut Vec<String>) {
    let chars: Vec<char> = para.chars().collect();
    let first_line = lines.len();
    let mut w = Wrapper {
        max,
        lines,
        cur: String::new(),
        after_break: false,
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            if w.after_break && w.cur.is_empty() {
                // Spaces at a break are consumed.
            } else if w.fits(c) {
                w.cur.push(c);
            } else {
                w.soft_break();
            }
            i += 1;
        } else if is_word_char(c) {
            let end = chars[i..]
                .iter()
                .position(|&c| !is_word_char(c))
                .map_or(chars.len(), |p| i + p);
            let word: String = chars[i..end].iter().collect();
            let mut joined = w.cur.clone();
            joined.push_str(&word);
            if width(&joined) <= max {
                w.cur = joined;
                w.after_break = false;
            } else {
                if !w.cur.is_empty() && width(&word) <= max {
                    // The word fits on a line of its own: break before it.
                    w.soft_break();
                }
                for &wc in &chars[i..end] {
                    w.push_char(wc);
                }
            }
            i = end;
        } else {
            w.push_char(c);
            i += 1;
        }
    }
    let Wrapper {
        cur,
        lines,
        after_break,
        ..
    } = w;
    // A paragraph always yields at least one line (an empty one if need be);
    // an empty tail made only of spaces consumed at a soft break adds none.
    if !cur.is_empty() || lines.len() == first_line || !after_break {
        lines.push(cur);
    }
}

/// Cut to at most `max` columns, appending ".." when cut; the result including
/// ".." is at most `max` columns (so with an odd budget a wide character that
/// would straddle the edge is dropped). `max` < 2 gives `"."` or `""` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max < 2 {
        return ".".repeat(max);
    }
    let budget = max - 2;
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
    out.push_str("..");
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

pub use super::names::mask_name;

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

    fn strip_breaks(s: &str) -> String {
        s.chars().filter(|&c| c != ' ' && c != '\n').collect()
    }

    #[test]
    fn wrap_chinese() {
        let s = "关于三栋二单元加装电梯的意见征询会议";
        for max in 1..12 {
            let lines = wrap(s, max);
            for l in &lines {
                assert!(width(l) <= max.max(2), "{l:?} > {max}");
            }
            assert_eq!(lines.concat(), s);
        }
        assert_eq!(wrap("加装电梯方案", 4), vec!["加装", "电梯", "方案"]);
        assert_eq!(wrap("加装电梯方案", 5), vec!["加装", "电梯", "方案"]);
    }

    #[test]
    fn wrap_mixed() {
        let s = "会议 meeting 关于 elevator retrofit 的表决";
        let lines = wrap(s, 10);
        for l in &lines {
            assert!(width(l) <= 10, "{l:?}");
        }
        assert_eq!(strip_breaks(&lines.concat()), strip_breaks(s));
        assert_eq!(
            wrap("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
        // A word longer than the line is broken anywhere.
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        // Latin word fits on the next line, so it is not split after Chinese.
        assert_eq!(wrap("电梯 retrofit", 8), vec!["电梯", "retrofit"]);
    }

    #[test]
    fn wrap_newlines_and_empty() {
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("abc", 0), vec!["a", "b", "c"]);
        assert_eq!(wrap("电梯", 1), vec!["电", "梯"]);
    }

    #[test]
    fn wrap_kinsoku() {
        // "同意" fills the line and "，" would start the next one: break earlier.
        assert_eq!(wrap("同意，加装", 4), vec!["同", "意，", "加装"]);
        assert_eq!(wrap("我们同意。", 8), vec!["我们同", "意。"]);
        // A run of closing punctuation moves down together with one character.
        assert_eq!(wrap("甲乙）。", 6), vec!["甲", "乙）。"]);
        // Cannot pull back: a single char line keeps its punctuation on the next line.
        assert_eq!(wrap("好，", 2), vec!["好", "，"]);
    }

    #[test]
    fn truncate_cjk_boundary() {
        assert_eq!(truncate("电梯维修基金", 7), "电梯..");
        assert_eq!(width(&truncate("电梯维修基金", 7)), 6);
        assert_eq!(truncate("电梯维修基金", 8), "电梯维..");
        assert_eq!(truncate("电梯", 4), "电梯");
        assert_eq!(truncate("电梯", 3), "..");
        assert_eq!(truncate("abcdef", 5), "abc..");
        assert_eq!(truncate("abcdef", 1), ".");
        assert_eq!(truncate("abcdef", 0), "");
    }

    #[test]
    fn pad_to_width() {
        assert_eq!(pad("电梯", 6), "电梯  ");
        assert_eq!(pad("电梯维修基金", 7), "电梯.. ");
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

    fn check_wrap(s: &str, max: usize) -> Result<(), TestCaseError> {
        let lines = wrap(s, max);
        prop_assert!(!lines.is_empty());
        for l in &lines {
            prop_assert!(!l.contains('\n'));
            prop_assert!(
                width(l) <= max || l.chars().count() == 1,
                "line {:?} width {} > {}",
                l,
                width(l),
                max
            );
        }
        prop_assert_eq!(strip_breaks(&lines.concat()), strip_breaks(s));
        Ok(())
    }

    proptest! {
        #[test]
        fn wrap_any_string(s in any::<String>(), max in 1usize..40) {
            check_wrap(&s, max)?;
        }

        #[test]
        fn wrap_mixed_text(s in mixed_text(), max in 1usize..40) {
            check_wrap(&s, max)?;
        }

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
