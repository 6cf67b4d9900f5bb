//! Preparing text for SQLite FTS5 so that Chinese words of any length are found, fast.
//!
//! FTS5's trigram tokenizer cannot match a query of one or two characters, and most
//! Chinese words have two. So the index has two columns, both tokenized by unicode61:
//! `body` holds every CJK character as its own token (a space on each side), and `pairs`
//! holds every two adjacent CJK characters of a run as one token ("新划停车位" → 新划 划停
//! 停车 车位). A query word whose Chinese runs are all two characters or longer is a
//! phrase of pairs ("停车位" → "停车 车位"): one short list per pair, however large the
//! archive. A word with a single Chinese character ("门", "3栋2单元") is a phrase of
//! single characters in `body`. Both give exact matches: "梯电" never finds "电梯".
//! English words are the same tokens in both columns.

/// Characters indexed one by one: CJK ideographs, kana, hangul and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The text for the `body` column: each CJK character a token.
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

/// The text for the `pairs` column: each run of CJK characters as its overlapping pairs
/// (a run of one stays a single token); everything else as it is.
pub fn index_pairs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 3);
    let mut i = 0;
    while i < chars.len() {
        if !is_cjk(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_cjk(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        out.push(' ');
        if run.len() == 1 {
            out.push(run[0]);
            out.push(' ');
        } else {
            for w in run.windows(2) {
                out.push(w[0]);
                out.push(w[1]);
                out.push(' ');
            }
        }
    }
    out
}

/// The lengths of the CJK runs of a word.
fn cjk_runs(word: &str) -> Vec<usize> {
    let mut runs = Vec::new();
    let mut n = 0;
    for c in word.chars() {
        if is_cjk(c) {
            n += 1;
        } else if n > 0 {
            runs.push(n);
            n = 0;
        }
    }
    if n > 0 {
        runs.push(n);
    }
    runs
}

fn tokens(indexed: &str) -> Vec<String> {
    indexed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// An FTS5 MATCH expression for what the user typed: each whitespace-separated word is a
/// quoted phrase in the column that answers it exactly (see the module's comment); all
/// words must match. None when nothing searchable remains.
pub fn match_query(q: &str) -> Option<String> {
    let mut parts = Vec::new();
    for word in q.split_whitespace() {
        let runs = cjk_runs(word);
        let by_pairs = !runs.is_empty() && runs.iter().all(|&n| n >= 2);
        let (column, toks) = if by_pairs {
            ("pairs", tokens(&index_pairs(word)))
        } else {
            ("body", tokens(&index_body(word)))
        };
        if toks.is_empty() {
            continue;
        }
        parts.push(format!("{column} : \"{}\"", toks.join(" ")));
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
    fn chinese_is_indexed_by_character_and_by_pair() {
        assert_eq!(index_body("装电梯ok"), " 装  电  梯 ok");
        assert_eq!(index_pairs("装电梯ok"), " 装电 电梯 ok");
        assert_eq!(index_pairs("3栋2单元"), "3 栋 2 单元 ");
        assert_eq!(index_pairs("新划停车位"), " 新划 划停 停车 车位 ");
    }

    #[test]
    fn queries_use_pairs_when_every_run_has_two_characters() {
        assert_eq!(match_query("电梯").as_deref(), Some("pairs : \"电梯\""));
        assert_eq!(
            match_query("停车位").as_deref(),
            Some("pairs : \"停车 车位\"")
        );
        assert_eq!(match_query("门").as_deref(), Some("body : \"门\""));
        assert_eq!(
            match_query("3栋2单元").as_deref(),
            Some("body : \"3 栋 2 单 元\"")
        );
        assert_eq!(
            match_query("gate 大门").as_deref(),
            Some("body : \"gate\" AND pairs : \"大门\"")
        );
        assert_eq!(match_query("\"*()"), None);
        assert_eq!(match_query("a\"b"), Some("body : \"a b\"".into()));
    }
}
