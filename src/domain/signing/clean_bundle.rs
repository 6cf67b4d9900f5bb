//! Text arriving in an import bundle is cleaned as typed text is (domain::text) before
//! anything of it is stored: every string field of the bundle, whatever its place, so a
//! community "望城小区" + U+202E, a name with an escape sequence or a C1 control cannot
//! enter the database. A value with a line break is multi-line text (proposals, remarks,
//! the minutes), cleaned with `clean_multiline`; any other with `clean_line`.
//!
//! Cleaning cannot make forged minutes verify: the signed minutes text is cleaned like
//! the rest and then checked against its hash and signatures, so a bundle whose signed
//! text carried such characters is refused; names in the records are cleaned by the
//! renderer too, so cleaning them leaves a genuine bundle's minutes unchanged.

use serde_json::Value;

use crate::domain::signing::verify::ExportBundle;
use crate::domain::text::{clean_line, clean_multiline, is_unsafe_char};

/// Clean every string of a JSON value in place (also for JSON printed from the
/// database, such as `minutes list --json`: data from before this cleaning existed).
pub fn clean_json(v: &mut Value) {
    clean_value(v)
}

fn clean_value(v: &mut Value) {
    match v {
        Value::String(s) => {
            let cleaned = if s.contains('\n') {
                clean_multiline(s)
            } else {
                clean_line(s)
            };
            if cleaned != *s {
                *s = cleaned;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(clean_value),
        Value::Object(map) => map.values_mut().for_each(clean_value),
        _ => {}
    }
}

/// The bundle with every string cleaned (None if it cannot be rebuilt, which a bundle
/// read from JSON always can).
pub fn clean_bundle(b: &ExportBundle) -> Option<ExportBundle> {
    bundle_from_json(serde_json::to_value(b).ok()?)
}

/// As [`clean_bundle`], taking the bundle: each part (each agenda item, the minutes,
/// the rest) is cleaned on its own and freed as it goes, so a large bundle is never
/// held twice over (an import's memory stays within a small multiple of its file).
pub fn clean_bundle_owned(b: ExportBundle) -> Option<ExportBundle> {
    let ExportBundle {
        format,
        mut record,
        minutes,
        signatures,
        signers,
        roster,
        head,
    } = b;
    let items = std::mem::take(&mut record.items);
    let mut cleaned = Vec::with_capacity(items.len());
    for mut it in items {
        // An item's remarks and revisions hold most of its text: one at a time.
        let remarks = std::mem::take(&mut it.remarks);
        let revisions = std::mem::take(&mut it.revisions);
        let mut it: crate::domain::record::ItemRecord = clean_part(it)?;
        for r in remarks {
            it.remarks.push(clean_part(r)?);
        }
        for r in revisions {
            it.revisions.push(clean_part(r)?);
        }
        cleaned.push(it);
    }
    let mut record: crate::domain::record::MeetingRecord = clean_part(record)?;
    record.items = cleaned;
    let minutes = match minutes {
        Some(m) => Some(clean_part(m)?),
        None => None,
    };
    Some(ExportBundle {
        format: clean_part(format)?,
        record,
        minutes,
        signatures: clean_part(signatures)?,
        signers: clean_part(signers)?,
        roster: clean_part(roster)?,
        head: clean_part(head)?,
    })
}

/// One part of a bundle, every string cleaned (the part is freed before it is rebuilt).
/// A part with nothing to clean, as nearly every genuine one is, is kept as it is: the
/// round trip through a JSON value was most of an import's cleaning time.
fn clean_part<T: serde::Serialize + serde::de::DeserializeOwned>(t: T) -> Option<T> {
    if serde_json::to_string(&t).is_ok_and(|j| json_is_clean(&j)) {
        return Some(t);
    }
    let mut v = serde_json::to_value(&t).ok()?;
    drop(t);
    clean_value(&mut v);
    serde_json::from_value(v).ok()
}

/// True when cleaning leaves every string of `json` (as serde_json writes it) unchanged.
/// serde_json writes a character below U+0020 as an escape and every other character as
/// it is, so a string changes exactly when it holds an escape other than `\"`, `\\`,
/// `\/` or `\n` (a string with a line break is multi-line text, which keeps it), or a
/// character that cleaning removes wherever it stands (DEL, C1, bidi controls, U+2028…).
fn json_is_clean(json: &str) -> bool {
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match c {
            // The guard reads the escaped character.
            '\\' if !matches!(chars.next(), Some('"' | '\\' | '/' | 'n')) => return false,
            '\\' => {}
            c if is_unsafe_char(c) => return false,
            _ => {}
        }
    }
    true
}

/// The bundle from its JSON value, every string cleaned. The value is moved in, so its
/// strings become the bundle's without a second copy (a large import stays small).
pub fn bundle_from_json(mut v: serde_json::Value) -> Option<ExportBundle> {
    clean_value(&mut v);
    serde_json::from_value(v).ok()
}

/// A roster row with its text cleaned as typed text (names and labels trimmed).
pub fn clean_roster_row(
    r: &crate::domain::roster_csv::RosterRow,
) -> crate::domain::roster_csv::RosterRow {
    let c = |s: &str| clean_line(s).trim().to_string();
    crate::domain::roster_csv::RosterRow {
        label: c(&r.label),
        building: c(&r.building),
        unit: c(&r.unit),
        owner: c(&r.owner),
        roles: c(&r.roles),
        phone: c(&r.phone),
        council_role: c(&r.council_role),
        ..r.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_kept_as_it_is_exactly_when_cleaning_changes_none_of_its_strings() {
        let samples = [
            "黄小明",
            "第一行\n第二行",
            "引号\"与\\斜线/",
            "tab\there",
            "cr\r\nlf",
            "esc\u{1b}[31m",
            "del\u{7f}",
            "c1\u{85}",
            "bidi\u{202e}",
            "ls\u{2028}",
            "bom\u{feff}",
            "nul\u{0}",
            "bell\u{7}",
        ];
        for s in samples {
            let v = vec![s.to_string(), "plain".into()];
            let mut expected = serde_json::to_value(&v).unwrap();
            clean_value(&mut expected);
            let unchanged = expected == serde_json::to_value(&v).unwrap();
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json_is_clean(&json), unchanged, "{s:?}");
            assert_eq!(
                serde_json::to_value(clean_part(v).unwrap()).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn strings_at_any_depth_are_cleaned() {
        let mut v = serde_json::json!({
            "name": "望城小区\u{202e}",
            "list": [{"who": "\u{1b}[31m黄小明\u{9b}"}],
            "text": "第一行\u{85}\n第二行\u{200f}",
            "n": 3
        });
        clean_value(&mut v);
        assert_eq!(
            v,
            serde_json::json!({
                "name": "望城小区",
                "list": [{"who": "黄小明"}],
                "text": "第一行\n第二行",
                "n": 3
            })
        );
    }
}
