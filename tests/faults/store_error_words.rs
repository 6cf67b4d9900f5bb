//! Issue 15: every store error a user can meet on a screen is told in the user's
//! language, with no SQL and no Rust type name (the refusals' own table is checked in
//! src/strings/refusal.rs; this covers the rest of `StoreError`, and SQLite's failures).

use yishi::store::{Refusal, StoreError};
use yishi::strings::{Lang, store_error};

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// What a raw SQLite failure turns into (a CHECK the form did not stop, a table gone).
fn sqlite_failures() -> Vec<StoreError> {
    let c = rusqlite::Connection::open_in_memory().expect("memory");
    c.execute_batch("CREATE TABLE t (speaker TEXT CHECK (length(speaker) BETWEEN 1 AND 100));")
        .expect("table");
    let check = c
        .execute("INSERT INTO t VALUES (?1)", [&"王".repeat(101)])
        .expect_err("the CHECK fails");
    let missing = c
        .execute("SELECT * FROM action_items", [])
        .expect_err("no such table");
    vec![StoreError::from(check), StoreError::from(missing)]
}

#[test]
fn every_store_error_is_a_sentence_in_both_languages_without_sql() {
    let mut all = vec![
        StoreError::DiskFull,
        StoreError::Busy,
        StoreError::ReadOnly,
        StoreError::Locked,
        StoreError::WrongPassphrase,
        StoreError::NotFound("agenda item 7".into()),
        StoreError::Sql("CHECK constraint failed: length(title) BETWEEN 1 AND 300".into()),
        StoreError::Corrupt("/tmp/x.db".into()),
        StoreError::Refused(Refusal::TooLong { max: 100 }),
    ];
    all.extend(sqlite_failures());
    for e in &all {
        let (zh, en) = (store_error(Lang::Zh, e), store_error(Lang::En, e));
        assert!(has_chinese(&zh), "{e:?}: {zh}");
        assert!(!has_chinese(&en), "{e:?}: {en}");
        for s in [&zh, &en] {
            for bad in [
                "CHECK",
                "constraint",
                "length(",
                "SELECT",
                "INSERT",
                "sqlite",
                "SQLite error",
                "no such table",
                "action_items",
                "StoreError",
                "Refusal",
                "::",
                "Some(",
                "Database error",
            ] {
                assert!(!s.contains(bad), "{bad} in {s} ({e:?})");
            }
        }
        // No English words under Chinese (a path, a figure are fine).
        let latin = zh
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 3 && *w != "SQLite");
        let words: Vec<&str> = latin.collect();
        assert!(words.is_empty(), "English in {zh}: {words:?}");
    }
}
