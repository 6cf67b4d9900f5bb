//! Line breaking by display width, right for Chinese (禁则).
//!
//! The break opportunities come from the Unicode line breaking algorithm
//! (UAX #14) through the `textwrap` crate: it already keeps closing punctuation
//! (，。、；：？！）」』》…) off the start of a line, opening punctuation
//! (（「『《…) off its end, and "m²", "98.60" or "50%" whole. Two things UAX #14
//! allows that a printed Chinese page does not are handled by a pre-pass that
//! puts an invisible WORD JOINER (U+2060) where no break may fall:
//! - a number and its unit: "98.60 m²", "236个", "18000 元";
//! - a separator "·" and the word before it, so "·" never stands alone on a
//!   line or starts one.
//!
//! After textwrap, the joiners are removed and any line that is still wider than
//! the budget by this crate's own (context-sensitive) width is cut by
//! characters, so the width promise holds for every string.
//!
//! One wrapper serves screens, popups and exports. The signed minutes do not
//! wrap (their format is frozen), so changing this never changes a signature.

use std::borrow::Cow;

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

use crate::domain::text::width;

/// WORD JOINER: UAX #14 class WJ, no break on either side, zero width.
const WJ: char = '\u{2060}';

/// A separator that belongs to the word before it.
fn is_separator_dot(c: char) -> bool {
    matches!(c, '·' | '・' | '•')
}

/// The first character of a unit that keeps company with the number before it
/// across one space ("98.60 m²", "36 人", "2024 年").
fn starts_unit(c: char) -> bool {
    matches!(c, 'm' | '㎡' | '%' | '％' | '‰' | '°' | '℃') || is_ideograph(c)
}

/// 十百千万亿: "16万元" holds together to its unit.
fn is_magnitude(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿')
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Insert joiners where a Chinese page does not break (see the module docs).
/// Joiners already in the text are dropped: they are invisible, and keeping
/// them would let a typed one glue a whole line. Text with no digit and no
/// separator is returned as it is (the common case, and a long proposal is
/// wrapped on every frame).
fn glue(s: &str) -> Cow<'_, str> {
    if !s.contains(|c: char| c.is_ascii_digit() || is_separator_dot(c) || c == WJ) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let (mut prev, mut prev2): (Option<char>, Option<char>) = (None, None);
    for c in s.chars().filter(|&c| c != WJ) {
        if is_separator_dot(c) {
            match (prev2, prev) {
                // "门 ·": the space and the dot both hold to the word.
                (Some(p2), Some(' ')) if p2 != ' ' => {
                    out.pop();
                    out.push(WJ);
                    out.push(' ');
                    out.push(WJ);
                }
                (_, Some(p)) if p != ' ' => out.push(WJ),
                _ => {}
            }
        } else if is_ideograph(c)
            && (prev.is_some_and(|p| p.is_ascii_digit())
                || (prev.is_some_and(is_magnitude) && prev2.is_some_and(|p| p.is_ascii_digit())))
        {
            // "236个", "16万元": digit and counter word (and the word after 万).
            out.push(WJ);
        } else if prev == Some(' ') && prev2.is_some_and(|p| p.is_ascii_digit()) && starts_unit(c) {
            // "98.60 m²": after the space, so the space stays a space.
            out.push(WJ);
        }
        out.push(c);
        prev2 = prev;
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// Wrap by display width: every output line has width ≤ `max`, except a line of
/// one character wider than `max` (a wide char is never split). Existing `'\n'`
/// always break; spaces at a break are consumed; no other character is lost.
/// Empty input gives one empty line; `max == 0` is treated as 1.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    // A screen wraps the same long proposal on every frame: the last long text's
    // lines are kept (comparing 1 MB is far cheaper than breaking it again).
    if s.len() < LONG {
        return wrap_uncached(s, max);
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((text, w, lines)) = last.as_ref()
            && *w == max
            && text == s
        {
            return lines.clone();
        }
        let lines = wrap_uncached(s, max);
        *last = Some((s.to_string(), max, lines.clone()));
        lines
    })
}

/// Texts from this size up are kept by [`wrap`]'s one-entry cache.
const LONG: usize = 16 * 1024;

thread_local! {
    static LAST: std::cell::RefCell<Option<(String, usize, Vec<String>)>> =
        const { std::cell::RefCell::new(None) };
}

fn wrap_uncached(s: &str, max: usize) -> Vec<String> {
    let opts = Options::new(max)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .break_words(true);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let glued = glue(para);
        let before = lines.len();
        let joined = glued.contains(WJ);
        for line in textwrap::wrap(&glued, &opts) {
            let line = if joined {
                line.replace(WJ, "")
            } else {
                line.into_owned()
            };
            fit(line, max, &mut lines);
        }
        if lines.len() == before {
            lines.push(String::new());
        }
    }
    lines
}

/// Push `line`, cut by characters where textwrap's per-character width and
/// the context-sensitive width of the whole string disagree (emoji sequences,
/// characters textwrap reads as escape sequences).
fn fit(line: String, max: usize, lines: &mut Vec<String>) {
    if width(&line) <= max {
        lines.push(line);
        return;
    }
    let mut cur = String::new();
    for c in line.chars() {
        let mut next = cur.clone();
        next.push(c);
        if !cur.is_empty() && width(&next) > max {
            lines.push(std::mem::take(&mut cur));
            cur.push(c);
        } else {
            cur = next;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
}

#[cfg(test)]
mod tests;
