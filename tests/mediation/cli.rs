//! Mediation from the real binary (issue 19): listing cases; the agreement printed as A4
//! HTML through the safe file writing; exported as JSON, verified with `verify --file`
//! and imported at the district; tampering with a signed agreement's facts named by
//! `verify`, in the database and in a file; and no case in the public notice.

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;

fn yishi(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn laptop(dir: &Path) -> PathBuf {
    let db = dir.join("laptop.db");
    let (code, out, err) = yishi(&db, &["demo", "--no-tui"]);
    assert_eq!(code, 0, "{out}{err}");
    db
}

/// The demo's 5栋 water leak (signed) and an open case.
fn case_ids(db: &Path) -> (i64, i64) {
    let c = Connection::open(db).expect("raw");
    let leak = c
        .query_row(
            "SELECT id FROM mediation_cases WHERE title LIKE '5栋%' AND status = 'agreed'",
            [],
            |r| r.get(0),
        )
        .expect("leak case");
    let open = c
        .query_row(
            "SELECT id FROM mediation_cases WHERE status = 'open' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("open case");
    (leak, open)
}

#[test]
fn list_filters_by_status_and_kind() {
    let dir = tempfile::tempdir().expect("dir");
    let db = laptop(dir.path());
    let (code, out, _) = yishi(&db, &["mediation", "list", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(12));
    let (code, out, _) = yishi(
        &db,
        &["mediation", "list", "--status", "agreed", "--kind", "漏水"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("5栋601卫生间漏水至501"), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    let (code, _, err) = yishi(&db, &["mediation", "list", "--kind", "flood"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn print_agreement_writes_a4_html_safely() {
    let dir = tempfile::tempdir().expect("dir");
    let db = laptop(dir.path());
    let (leak, open) = case_ids(&db);
    let file = dir.path().join("agreement.html");
    let f = file.display().to_string();
    let (code, _, err) = yishi(&db, &["print", "agreement", &leak.to_string(), "-o", &f]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&file).expect("html");
    assert!(html.contains("人民调解协议书") && html.contains("size: A4"));
    assert!(html.contains("调解员电子签名") && !html.contains("草稿"));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("src="));
    // Never replaced without --force; never the database.
    let (code, _, _) = yishi(&db, &["print", "agreement", &leak.to_string(), "-o", &f]);
    assert_eq!(code, 2);
    let (code, _, _) = yishi(
        &db,
        &["print", "agreement", &leak.to_string(), "-o", &f, "--force"],
    );
    assert_eq!(code, 0);
    let dbs = db.display().to_string();
    let (code, _, _) = yishi(
        &db,
        &[
            "print",
            "agreement",
            &leak.to_string(),
            "-o",
            &dbs,
            "--force",
        ],
    );
    assert_eq!(code, 2);
    // A draft prints marked as one; no such case is one sentence.
    let (code, out, _) = yishi(&db, &["print", "agreement", &open.to_string()]);
    assert_eq!(code, 0);
    assert!(out.contains("草稿"));
    let (code, _, err) = yishi(&db, &["print", "agreement", "999"]);
    assert_eq!(code, 2);
    assert!(err.contains("No such mediation case"), "{err}");
}

#[test]
fn an_exported_agreement_verifies_and_imports_at_the_district() {
    let dir = tempfile::tempdir().expect("dir");
    let db = laptop(dir.path());
    let (leak, open) = case_ids(&db);
    let file = dir.path().join("leak.json");
    let f = file.display().to_string();
    let (code, _, err) = yishi(&db, &["mediation", "export", &leak.to_string(), "-o", &f]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = yishi(&db, &["verify", "--file", &f]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("valid") && out.contains("李秀英"), "{out}");
    // Not signed: nothing to export.
    let (code, _, _) = yishi(&db, &["mediation", "export", &open.to_string()]);
    assert_eq!(code, 2);

    let district = dir.path().join("district.db");
    let (code, out, err) = yishi(&district, &["import", &f]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Imported the agreement"), "{out}");
    let (code, out, _) = yishi(&district, &["import", &f]);
    assert_eq!(code, 0);
    assert!(out.contains("already here"), "{out}");
    let (code, out, err) = yishi(&district, &["verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("(imported)") && out.contains("valid"), "{out}");

    // A file whose facts were changed: named by verify --file, refused by import.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    v["case"]["facts"] = serde_json::Value::String("楼上从未漏水。".into());
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_string(&v).expect("json")).expect("write");
    let b = bad.display().to_string();
    let (code, out, _) = yishi(&db, &["verify", "--file", &b]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("facts were changed") && out.contains("楼上从未漏水"),
        "{out}"
    );
    let other = dir.path().join("district2.db");
    let (code, out, _) = yishi(&other, &["import", &b]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("does not verify"), "{out}");
}

#[test]
fn verify_names_tampering_with_signed_facts_in_the_database() {
    let dir = tempfile::tempdir().expect("dir");
    let db = laptop(dir.path());
    let (code, out, _) = yishi(&db, &["verify"]);
    assert_eq!(code, 0, "{out}");
    let (leak, _) = case_ids(&db);
    let c = Connection::open(&db).expect("raw");
    // The trigger refuses; whoever drops it to change the facts is found out.
    assert!(
        c.execute(
            "UPDATE mediation_terms SET due_on = '2027-12-31' WHERE case_id = ?1",
            [leak]
        )
        .is_err()
    );
    c.execute_batch("DROP TRIGGER lock_mediation_terms_update;")
        .expect("drop");
    c.execute(
        "UPDATE mediation_terms SET due_on = '2027-12-31' WHERE case_id = ?1",
        [leak],
    )
    .expect("tamper");
    drop(c);
    let (code, out, _) = yishi(&db, &["verify"]);
    assert_eq!(code, 1, "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("5栋601"))
        .expect("the leak's line");
    assert!(
        line.contains("INVALID") && line.contains("facts were changed"),
        "{line}"
    );
    assert!(line.contains("2027-12-31"), "{line}");
}

#[test]
fn no_case_appears_in_a_public_notice() {
    let dir = tempfile::tempdir().expect("dir");
    let db = laptop(dir.path());
    let c = Connection::open(&db).expect("raw");
    let names: Vec<String> = c
        .prepare("SELECT name FROM mediation_parties UNION SELECT title FROM mediation_cases")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let meetings: Vec<i64> = c
        .prepare("SELECT id FROM meetings")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    for m in meetings {
        let (_, notice, _) = yishi(
            &db,
            &["export", &m.to_string(), "--format", "md", "--notice"],
        );
        for n in &names {
            // Roster voters may be parties: only names that are not voters' are checked.
            let voter: bool = c
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM voters WHERE name = ?1)",
                    [n],
                    |r| r.get(0),
                )
                .expect("voter");
            if !voter {
                assert!(
                    !notice.contains(n.as_str()),
                    "{n} in the notice of meeting {m}"
                );
            }
        }
    }
}
