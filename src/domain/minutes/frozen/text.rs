//! Frozen copies of the text helpers the signed minutes depend on: cleaning a line or a
//! text of control characters, escapes and direction overrides (`clean_line`,
//! `clean_multiline`), escaping data for Markdown (`escape`, and `unescape` for the
//! converters), and masking a name for the public notice (`mask_name`).
//!
//! **These must never change.** `verify` renders minutes signed years ago with them and
//! compares byte for byte. The live helpers in `domain::text` serve the screens and may
//! evolve; a change here would be a new format version with its own copy.

use unicode_width::UnicodeWidthChar;

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
pub(crate) fn clean_line(s: &str) -> String {
    clean(s, Mode::Line)
}

/// Same as [`clean_line`], but keeps newlines (`\r\n`, `\r`, U+2028 and U+2029
/// become `\n`) and turns `\t` into 4 spaces. For multi-line text (proposals,
/// remarks, minutes).
pub(crate) fn clean_multiline(s: &str) -> String {
    clean(s, Mode::Multiline)
}

fn is_wide(c: char) -> bool {
    UnicodeWidthChar::width(c).is_some_and(|w| w >= 2)
}

/// Escape `text` (one or more lines, `\n`-separated) for Markdown.
pub(crate) fn escape(text: &str) -> String {
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
pub(crate) fn unescape(md: &str) -> String {
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

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// What separates the persons of a compound name ("张伟、李娜", "Ann/Bob").
fn is_person_separator(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '/' | '／' | ';' | '；' | '&' | '＆' | '+' | '＋' | '|' | '｜'
    )
}

/// Mask a personal name for the public notice: 黄小明 → 黄*明, 黄明 → 黄*,
/// 欧阳小明 → 欧**明, a single character → *, Latin "John Smith" → "J*** S****"
/// (first letter of each word kept). Digits are never revealed: every ASCII or
/// full-width digit becomes `*`. A compound name is masked per person: "张伟、李娜" →
/// "张*、李*" (separators 、，,/;& and their full-width forms are kept). The input is
/// cleaned with [`clean_line`] first; words are re-joined with single spaces.
pub(crate) fn mask_name(s: &str) -> String {
    let cleaned = clean_line(s);
    let mut out = String::with_capacity(cleaned.len());
    let mut person = String::new();
    for c in cleaned.chars() {
        if is_person_separator(c) {
            out.push_str(&mask_person(&person));
            out.push(c);
            person.clear();
        } else if person.trim().is_empty() && c.is_whitespace() {
            // Spaces after a separator: one is kept ("Ann, Bob" → "A**, B**").
            if out.chars().last().is_some_and(is_person_separator) {
                out.push(' ');
            }
        } else {
            person.push(c);
        }
    }
    out.push_str(&mask_person(&person));
    out
}

fn mask_person(s: &str) -> String {
    let words: Vec<String> = s.split_whitespace().map(mask_word).collect();
    words.join(" ")
}

fn mask_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let keep = |c: char| if is_digit(c) { '*' } else { c };
    let n = chars.len();
    let chinese = chars.iter().any(|&c| is_wide(c));
    let mut out = String::with_capacity(word.len());
    match (chinese, n) {
        (_, 0) => {}
        (true, 1) => out.push('*'),
        (true, 2) => {
            out.push(keep(chars[0]));
            out.push('*');
        }
        (true, _) => {
            out.push(keep(chars[0]));
            out.extend(std::iter::repeat_n('*', n - 2));
            out.push(keep(chars[n - 1]));
        }
        (false, _) => {
            out.push(keep(chars[0]));
            out.extend(std::iter::repeat_n('*', n - 1));
        }
    }
    out
}
