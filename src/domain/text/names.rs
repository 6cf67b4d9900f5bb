//! Personal names and other one-line cells typed by people: what may be in them
//! (no invisible or format characters, within the schema's lengths), one spelling of
//! each (Unicode NFC), and how they are masked in the public notice.

use unicode_normalization::UnicodeNormalization;

use crate::domain::text::{clean_line, is_wide};

/// The longest voter or signer name, unit label and community name (schema.sql's
/// `CHECK (length(...) BETWEEN 1 AND N)`; SQLite counts characters).
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_LABEL_CHARS: usize = 100;
pub const MAX_COMMUNITY_CHARS: usize = 200;

/// Unicode's format characters (general category Cf) and the invisible ones next to
/// them: zero-width space and joiners, direction marks and overrides, word joiner and
/// invisible operators (U+2060–U+206F), the byte order mark inside text, interlinear
/// annotation marks, tag characters (U+E0000–U+E007F), and the line and paragraph
/// separators. None of them is visible, so "李娜" with one of them looks like "李娜"
/// but is another name. The list follows Unicode 16's Cf.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Whether `s` holds any [`is_hidden`] character.
pub fn has_hidden(s: &str) -> bool {
    s.chars().any(is_hidden)
}

/// The one spelling of a name: Unicode NFC, so "é" typed as one character or as "e"
/// and a combining accent is the same voter.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Why a one-line cell cannot be kept, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub en: String,
    pub zh: String,
}

/// Check a one-line cell (`what_en`/`what_zh` name it in the sentence) against the
/// hidden characters and a length of at most `max` characters.
pub fn check_cell(s: &str, max: usize, what_en: &str, what_zh: &str) -> Result<(), CellProblem> {
    if has_hidden(s) {
        return Err(CellProblem {
            en: format!(
                "has invisible or format characters (zero-width space, joiner, direction mark…) in the {what_en}; remove them"
            ),
            zh: format!(
                "的{what_zh}含有不可见字符或格式字符（零宽空格、连接符、方向标记等），请删除"
            ),
        });
    }
    let n = s.chars().count();
    if n > max {
        return Err(CellProblem {
            en: format!("has a {what_en} of {n} characters; at most {max} are allowed"),
            zh: format!("的{what_zh}有 {n} 个字符，最多 {max} 个"),
        });
    }
    Ok(())
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
pub fn mask_name(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_names() {
        assert_eq!(mask_name("黄小明"), "黄*明");
        assert_eq!(mask_name("黄明"), "黄*");
        assert_eq!(mask_name("欧阳小明"), "欧**明");
        assert_eq!(mask_name("黄"), "*");
        assert_eq!(mask_name("John Smith"), "J*** S****");
        assert_eq!(mask_name("  Ann  "), "A**");
        assert_eq!(mask_name("501室"), "***室");
        assert_eq!(mask_name("2号 业主"), "** 业*");
        assert_eq!(mask_name("R2D2"), "R***");
        assert_eq!(mask_name("9"), "*");
        assert_eq!(mask_name("黄\u{202E}小明"), "黄*明");
        assert_eq!(mask_name(""), "");
    }

    #[test]
    fn item6_compound_names_are_masked_per_person() {
        assert_eq!(mask_name("张伟、李娜"), "张*、李*");
        assert_eq!(mask_name("张伟，李娜，欧阳小明"), "张*，李*，欧**明");
        assert_eq!(mask_name("张伟/李娜"), "张*/李*");
        assert_eq!(mask_name("Ann, Bob"), "A**, B**");
        assert_eq!(mask_name("黄小明 、 李娜"), "黄*明、 李*");
        assert_eq!(mask_name("张伟、"), "张*、");
    }

    #[test]
    fn hidden_characters_are_found_and_chinese_is_not() {
        for c in [
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{E0041}',
            '\u{00AD}',
            '\u{2028}',
        ] {
            assert!(has_hidden(&format!("李{c}娜")), "{:X}", c as u32);
        }
        assert!(!has_hidden("李娜 欧阳小明 3栋2单元501 José ·"));
        assert_eq!(nfc("Jose\u{301}"), "Jos\u{e9}");
        assert!(check_cell(&"名".repeat(101), MAX_NAME_CHARS, "name", "姓名").is_err());
        assert!(check_cell(&"名".repeat(100), MAX_NAME_CHARS, "name", "姓名").is_ok());
    }
}
