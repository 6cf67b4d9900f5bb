//! Every record table of a meeting has its lock triggers: once the meeting is signed,
//! nothing of what the minutes were rendered from can be inserted, changed or deleted.
//! A "record table" is `meetings` and every table with a foreign key to `meetings` or
//! `agenda_items` (found on a fresh database, so a new table is checked as soon as it
//! exists); the few exceptions below say why.

use std::collections::BTreeSet;

use rusqlite::Connection;
use yishi::store::Store;

/// Record tables that may take new rows after signing, by design.
const INSERT_ALLOWED: &[(&str, &str)] = &[
    ("meetings", "a new meeting is not part of a signed one"),
    (
        "signatures",
        "members sign after the host and the secretary; addenda are signed",
    ),
    ("addenda", "a correction after signing is an addendum"),
];

fn fresh() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("yishi.db");
    drop(Store::open(&path).expect("create"));
    let conn = Connection::open(&path).expect("raw open");
    (dir, conn)
}

fn record_tables(conn: &Connection) -> BTreeSet<String> {
    let mut st = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
        .expect("tables");
    let tables: Vec<String> = st
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let mut out = BTreeSet::from(["meetings".to_string()]);
    for t in tables {
        let mut fk = conn
            .prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")
            .expect("fks");
        let parents: Vec<String> = fk
            .query_map([&t], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        if parents
            .iter()
            .any(|p| p == "meetings" || p == "agenda_items")
        {
            out.insert(t);
        }
    }
    out
}

/// Whether a trigger on `table` refuses `event` ("INSERT", "UPDATE", "DELETE").
fn locked(conn: &Connection, table: &str, event: &str) -> bool {
    let mut st = conn
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")
        .expect("triggers");
    let sqls: Vec<String> = st
        .query_map([table], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    sqls.iter().any(|sql| {
        let s = sql
            .to_uppercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        s.contains(&format!("BEFORE {event}")) && s.contains("RAISE(ABORT")
    })
}

#[test]
fn every_record_table_has_its_locks() {
    let (_d, conn) = fresh();
    let tables = record_tables(&conn);
    // The discovery finds what schema.sql holds today (a sanity floor, not the list).
    for t in [
        "agenda_items",
        "presence_events",
        "proposal_revisions",
        "remarks",
        "vote_eligible",
        "votes",
        "vote_closures",
        "action_items",
        "minutes",
        "signatures",
        "addenda",
    ] {
        assert!(
            tables.contains(t),
            "{t} not found as a record table: {tables:?}"
        );
    }
    for (t, why) in INSERT_ALLOWED {
        assert!(
            tables.contains(*t),
            "exception for {t} ({why}) names no record table"
        );
    }
    let mut missing = Vec::new();
    for t in &tables {
        for event in ["INSERT", "UPDATE", "DELETE"] {
            if event == "INSERT" && INSERT_ALLOWED.iter().any(|(x, _)| x == t) {
                continue;
            }
            if !locked(&conn, t, event) {
                missing.push(format!("{t}: {event}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "record tables without a lock trigger: {missing:?}"
    );
}

#[test]
fn the_check_notices_a_table_without_locks() {
    let (_d, conn) = fresh();
    conn.execute_batch(
        "CREATE TABLE item_photos (id INTEGER PRIMARY KEY,
             item_id INTEGER NOT NULL REFERENCES agenda_items(id), path TEXT);
         DROP TRIGGER lock_remarks_update;",
    )
    .expect("new table");
    let tables = record_tables(&conn);
    assert!(tables.contains("item_photos"));
    assert!(!locked(&conn, "item_photos", "INSERT"));
    assert!(!locked(&conn, "remarks", "UPDATE"));
    assert!(locked(&conn, "remarks", "DELETE"));
}

fn triggers(conn: &Connection) -> Vec<(String, String)> {
    let mut st = conn
        .prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .expect("triggers");
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// The release-v4 fixture, migrated (on a copy), has every lock a fresh file has, and
/// its signed minutes refuse a change.
#[test]
fn a_migrated_release_database_keeps_its_locks() {
    let (_d, fresh_conn) = fresh();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("release-v4.db");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release-v4.db"),
        &path,
    )
    .expect("copy");
    drop(Store::open(&path).expect("migrate"));
    let conn = Connection::open(&path).expect("raw open");
    assert_eq!(triggers(&conn), triggers(&fresh_conn));
    let err = conn.execute("UPDATE minutes SET format = 2 WHERE meeting_id = 1", []);
    assert!(
        err.is_err_and(|e| e.to_string().contains("locked")),
        "signed minutes must refuse a change"
    );
    let err = conn.execute("DELETE FROM minutes WHERE meeting_id = 3", []);
    assert!(err.is_err(), "signed minutes must refuse deletion");
}
