//! Finding which part of the minutes changed: a fresh rendering against the text as it
//! was signed. Works on the text alone, whatever format version rendered it.

use crate::domain::minutes::Section;
use crate::domain::minutes::frozen::text::clean_line;

/// The sections of `expected` (a fresh rendering) that differ from `signed` (the text as
/// it was signed), found by the longest common prefix and suffix; with the first
/// differing line of each ("records give" / "signed text says").
pub fn diff_sections(
    expected: &[(Section, String)],
    signed: &str,
) -> (Vec<Section>, String, String) {
    // The usual case, equal: compared section by section, without a second copy of the
    // whole text (a large import verifies what it wrote within bounded memory).
    let mut at = 0usize;
    let equal = expected.iter().all(|(_, t)| {
        let ok = signed.as_bytes().get(at..at + t.len()) == Some(t.as_bytes());
        at += t.len();
        ok
    }) && at == signed.len();
    if equal {
        return (Vec::new(), String::new(), String::new());
    }
    let full: String = expected.iter().map(|(_, t)| t.as_str()).collect();
    let (a, b) = (full.as_bytes(), signed.as_bytes());
    if a == b {
        return (Vec::new(), String::new(), String::new());
    }
    let mut p = 0;
    while p < a.len() && p < b.len() && a[p] == b[p] {
        p += 1;
    }
    let mut q = 0;
    while q < a.len() - p && q < b.len() - p && a[a.len() - 1 - q] == b[b.len() - 1 - q] {
        q += 1;
    }
    // Differing range in the fresh rendering: [p, a.len() - q); an insertion-only change
    // is an empty range at p, which still belongs to the section around p.
    let (lo, hi) = (p, (a.len() - q).max(p + 1));
    let mut names = Vec::new();
    let mut start = 0;
    for (sec, t) in expected {
        let end = start + t.len();
        if start < hi && lo < end.max(start + 1) && !t.is_empty() {
            names.push(sec.clone());
        }
        start = end;
    }
    if names.is_empty()
        && let Some((sec, _)) = expected.iter().rev().find(|(_, t)| !t.is_empty())
    {
        names.push(sec.clone());
    }
    let (a_line, b_line) = (line_of(&full, p), line_of(signed, p));
    if let Some((x, y)) = list_difference(a_line, b_line) {
        return (names, x, y);
    }
    (names, excerpt(&full, p), excerpt(signed, p))
}

fn line_of(text: &str, pos: usize) -> &str {
    let pos = floor_char(text, pos.min(text.len()));
    let begin = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    &text[begin..end]
}

/// For two list lines ("label：a，b，c"), the label of each with only the entries that
/// are not in the other (e.g. the voter whose answer moved), or None if they are not
/// lists.
fn list_difference(a: &str, b: &str) -> Option<(String, String)> {
    fn split(line: &str) -> Option<(&str, Vec<&str>)> {
        let (label, rest) = line.split_once('：').or_else(|| line.split_once(": "))?;
        let items: Vec<&str> = if rest.contains('，') {
            rest.split('，').collect()
        } else {
            rest.split(", ").collect()
        };
        (items.len() > 1).then_some((label, items))
    }
    let (la, ia) = split(a)?;
    let (lb, ib) = split(b)?;
    let only = |x: &[&str], y: &[&str]| -> String {
        let v: Vec<&str> = x.iter().copied().filter(|e| !y.contains(e)).collect();
        if v.is_empty() {
            "—".into()
        } else {
            v.join("，")
        }
    };
    let (oa, ob) = (only(&ia, &ib), only(&ib, &ia));
    if oa == "—" && ob == "—" {
        return None;
    }
    Some((
        clean_line(&format!("{}：{oa}", la.trim_start_matches("- "))),
        clean_line(&format!("{}：{ob}", lb.trim_start_matches("- "))),
    ))
}

/// The line of `text` around byte `pos`, shortened for a report: its label (up to the
/// first colon) and about 40 characters from a little before `pos`.
fn excerpt(text: &str, pos: usize) -> String {
    let pos = floor_char(text, pos.min(text.len()));
    let begin = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let line = &text[begin..end];
    let at = pos - begin;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    if chars.len() <= 60 {
        return clean_line(line);
    }
    let idx = chars
        .iter()
        .position(|(b, _)| *b >= at)
        .unwrap_or(chars.len());
    let from = idx.saturating_sub(12);
    let to = (idx + 40).min(chars.len());
    let window: String = chars[from..to].iter().map(|(_, c)| *c).collect();
    let label_end = line.find('：').or_else(|| line.find(": "));
    let mut out = String::new();
    if let Some(le) = label_end
        && le < chars.get(from).map_or(0, |(b, _)| *b)
    {
        out.push_str(&line[..le]);
        out.push_str("：…");
    } else if from > 0 {
        out.push('…');
    }
    out.push_str(&window);
    if to < chars.len() {
        out.push('…');
    }
    clean_line(&out)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
