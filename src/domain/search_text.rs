//! Preparing text for SQLite FTS5 so that Chinese words of any length are found.
//!
//! FTS5's trigram tokenizer cannot match a query of one or two characters, and most
//! Chinese words have two. Instead every CJK character is stored as its own token (a space
//! on each side) and indexed with unicode61; a query becomes a phrase of those tokens, so
//! "电梯" matches exactly the two characters side by side, and English words still match
//! as words.

/// Characters indexed one by one: CJK ideographs, kana, hangul and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The text as it is put into the index.
pub fn index_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// An FTS5 MATCH expression for what the user typed: each whitespace-separated word is a
/// quoted phrase (its CJK characters as consecutive tokens); all words must match.
/// None when nothing searchable remains.
pub fn match_query(q: &str) -> Option<String> {
    let mut parts = Vec::new();
    for word in q.split_whitespace() {
        let tokens: Vec<String> = index_body(word)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        if tokens.is_empty() {
            continue;
        }
        parts.push(format!("\"{}\"", tokens.join(" ")));
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" AND "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_spaced_and_quoted() {
        assert_eq!(index_body("装电梯ok"), " 装  电  梯 ok");
        assert_eq!(match_query("电梯").as_deref(), Some("\"电 梯\""));
        assert_eq!(match_query("门").as_deref(), Some("\"门\""));
        assert_eq!(
            match_query("gate 大门").as_deref(),
            Some("\"gate\" AND \"大 门\"")
        );
        assert_eq!(match_query("\"*()"), None);
        assert_eq!(match_query("a\"b"), Some("\"a b\"".into()));
    }
}
