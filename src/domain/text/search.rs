//! Preparing text for SQLite FTS5 so that Chinese words of any length are found, fast.
//!
//! FTS5's trigram tokenizer cannot match a query of one or two characters, and most
//! Chinese words have two. So the index's one column `grams` (FTS5's `ascii` tokenizer,
//! see `push_other`) holds, for every CJK character, one token that starts with it: the
//! character and the next one of its run, or the character alone at the end of a run
//! ("新划停车位" → 新划 划停 停车 车位 位). A query word is a phrase of the same tokens ("停车位" → "停车 车位"): one
//! short list per pair, however large the archive. A word that ends in a single Chinese
//! character ("门", "3栋") ends in a prefix token ("门*": 门 alone or 门 followed by
//! another character), since the text may go on after it. Matches are exact: "梯电"
//! never finds "电梯". English words are tokens as they are.
//!
//! (Until schema version 13 the index had two columns, every character in `body` and
//! the pairs in `pairs`: twice the tokens to write for each text, and the import's
//! slowest part after the roll calls.)

use unicode_normalization::UnicodeNormalization;

/// Characters indexed one by one: CJK ideographs, kana, hangul and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The text for the `grams` column: each run of CJK characters as its overlapping pairs
/// and its last character alone (a run of one is that character); everything else as it
/// is. So every CJK character starts exactly one token.
pub fn index_grams(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    let mut run: Option<char> = None;
    for c in text.chars() {
        match (is_cjk(c), run) {
            (true, Some(prev)) => {
                out.push(prev);
                out.push(c);
                out.push(' ');
                run = Some(c);
            }
            (true, None) => {
                out.push(' ');
                run = Some(c);
            }
            (false, prev) => {
                if let Some(prev) = prev {
                    out.push(prev);
                    out.push(' ');
                    run = None;
                }
                push_other(&mut out, c);
            }
        }
    }
    if let Some(prev) = run {
        out.push(prev);
        out.push(' ');
    }
    out
}

/// A character that is not CJK, as the index's tokenizer is to see it. The tokenizer is
/// FTS5's `ascii`: it splits at ASCII spaces and punctuation and folds ASCII case, and
/// takes every other character as part of a word; so the rest of what unicode61 did is
/// done here, once, for the text and the query alike (a tenth of an import's time went
/// into unicode61's per-character tables, almost all of it on Chinese): a letter or digit
/// lowercased and without its accents ("Café" is found by "cafe"), anything else (，。“”)
/// a space.
fn push_other(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c);
    } else if c.is_alphanumeric() {
        fold_letter(out, c);
    } else {
        out.push(' ');
    }
}

/// A non-ASCII letter or digit as search compares it: lowercased, without its accents.
fn fold_letter(out: &mut String, c: char) {
    out.extend(
        c.to_lowercase()
            .nfd()
            .filter(|&d| !unicode_normalization::char::is_combining_mark(d)),
    );
}

/// `text` as search compares it: letters of any script lowercased and without their
/// accents (as `push_other` and the tokenizer together make them), the rest as it is.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() && !is_cjk(c) {
            fold_letter(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// The line of `text` to show under a meeting found by `q`: the first that holds every
/// word, else the first that holds one; compared as the index compares (any case, no
/// accents, without the punctuation around a word: "Gate", "拓宽。", "cafe"). None when
/// `q` has no word.
pub fn matching_line<'t>(text: &'t str, q: &str) -> Option<&'t str> {
    let words: Vec<String> = q
        .split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let folded: Vec<(&str, String)> = text.lines().map(|l| (l, fold(l))).collect();
    let holds = |l: &str, all: bool| {
        let mut hit = words.iter().map(|w| l.contains(w.as_str()));
        if all { hit.all(|h| h) } else { hit.any(|h| h) }
    };
    [true, false]
        .into_iter()
        .find_map(|all| folded.iter().find(|(_, l)| holds(l, all)))
        .map(|(l, _)| *l)
}

fn tokens(indexed: &str) -> Vec<String> {
    indexed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// An FTS5 MATCH expression for what the user typed: each whitespace-separated word is a
/// quoted phrase of `grams` tokens (see the module's comment); all words must match.
/// None when nothing searchable remains.
pub fn match_query(q: &str) -> Option<String> {
    let mut parts = Vec::new();
    for word in q.split_whitespace() {
        // The text may go on after the word's last character: its run gives pairs only
        // (their last pair is in the text too), or, a run of one, a prefix token.
        let last = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let tail = last.chars().rev().take_while(|&c| is_cjk(c)).count();
        let grams = index_grams(last);
        let mut toks = tokens(&grams);
        if tail >= 2 {
            toks.pop();
        }
        if toks.is_empty() {
            continue;
        }
        let star = if tail == 1 { "*" } else { "" };
        parts.push(format!("grams : \"{}\"{star}", toks.join(" ")));
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
    fn every_chinese_character_starts_one_token() {
        assert_eq!(index_grams("装电梯ok"), " 装电 电梯 梯 ok");
        assert_eq!(index_grams("3栋2单元"), "3 栋 2 单元 元 ");
        assert_eq!(index_grams("新划停车位"), " 新划 划停 停车 车位 位 ");
        assert_eq!(index_grams("门"), " 门 ");
        assert_eq!(index_grams("gate, 大门。"), "gate,  大门 门  ");
        assert_eq!(index_grams("Café “北门”"), "Cafe   北门 门  ");
        // ASCII is folded by the tokenizer itself.
        assert_eq!(index_grams("ÉCOLE，Ωmega"), "eCOLE ωmega");
        assert_eq!(index_grams(""), "");
    }

    #[test]
    fn a_query_is_a_phrase_of_the_same_tokens_open_at_its_end() {
        assert_eq!(match_query("电梯").as_deref(), Some("grams : \"电梯\""));
        assert_eq!(
            match_query("停车位").as_deref(),
            Some("grams : \"停车 车位\"")
        );
        assert_eq!(match_query("门").as_deref(), Some("grams : \"门\"*"));
        assert_eq!(match_query("门。").as_deref(), Some("grams : \"门\"*"));
        assert_eq!(
            match_query("3栋2单元").as_deref(),
            Some("grams : \"3 栋 2 单元\"")
        );
        assert_eq!(match_query("3栋").as_deref(), Some("grams : \"3 栋\"*"));
        assert_eq!(
            match_query("电梯ok").as_deref(),
            Some("grams : \"电梯 梯 ok\"")
        );
        assert_eq!(
            match_query("gate 大门").as_deref(),
            Some("grams : \"gate\" AND grams : \"大门\"")
        );
        assert_eq!(match_query("\"*()"), None);
        assert_eq!(match_query("a\"b"), Some("grams : \"a b\"".into()));
    }

    #[test]
    fn the_line_shown_holds_the_words_as_the_index_compares_them() {
        let text = "# 会议记录\n- 委托书 WT-2026-001\n## 议题 2：小区主干道拓宽\n东门 gate 与大门\nÉcole Café";
        assert_eq!(matching_line(text, "wt"), Some("- 委托书 WT-2026-001"));
        assert_eq!(
            matching_line(text, "拓宽。"),
            Some("## 议题 2：小区主干道拓宽")
        );
        assert_eq!(matching_line(text, "GATE 大门"), Some("东门 gate 与大门"));
        // Not every word in one line: the first line with one of them.
        assert_eq!(
            matching_line(text, "大门 拓宽"),
            Some("## 议题 2：小区主干道拓宽")
        );
        assert_eq!(matching_line(text, "cafe ÉCOLE"), Some("École Café"));
        assert_eq!(matching_line(text, "电梯"), None);
        assert_eq!(matching_line(text, "。"), None);
        assert_eq!(matching_line(text, ""), None);
    }
}
