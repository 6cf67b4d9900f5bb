//! `--help`, `demo --no-tui`, `minutes list --json`, the demo community and YISHI_DB.

use super::support::*;

// ---------------------------------------------------------------------------------------
// --help

#[test]
fn help_lists_every_command_and_db() {
    let dir = TempDir::new().unwrap();
    let o = Command::new(BIN)
        .arg("--help")
        .env("LANG", "en_US.UTF-8")
        .env_remove("YISHI_DB")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let commands: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for c in [
        "demo", "roster", "minutes", "export", "verify", "backup", "import",
    ] {
        assert!(commands.contains(&c), "--help lacks {c}: {out}");
    }
    assert!(out.contains("--db"), "--help lacks --db: {out}");
    assert!(out.contains("--lang"), "--help lacks --lang: {out}");

    // The sub-commands carry the options PRODUCT.md gives them.
    let db = dir.path().join("h.db");
    let sub = |args: &[&str], flags: &[&str]| {
        let mut a = args.to_vec();
        a.push("--help");
        let o = yishi(dir.path(), &db, &a);
        assert_eq!(o.status.code(), Some(0), "{args:?} --help");
        let out = stdout(&o);
        for f in flags {
            assert!(out.contains(f), "{args:?} --help lacks {f}: {out}");
        }
    };
    sub(&["demo"], &["--no-tui"]);
    sub(&["roster", "import"], &["--community"]);
    sub(
        &["minutes", "list"],
        &[
            "--community",
            "--since",
            "--until",
            "--kind",
            "--search",
            "--json",
        ],
    );
    sub(&["minutes", "show"], &["--format"]);
    sub(&["export"], &["--format", "--notice", "-o"]);
    sub(&["verify"], &["--file"]);
    sub(&["backup"], &["DEST"]);
    sub(&["import"], &["FILES"]);
    // --help writes no database.
    assert!(!db.exists(), "--help must not create the database");
}

// ---------------------------------------------------------------------------------------
// demo and minutes list

#[test]
fn demo_then_minutes_list_json_shows_the_finished_meeting() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let o = yishi(dir.path(), &db, &["minutes", "list", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let list = v.as_array().expect("a JSON array");
    assert_eq!(list.len(), 1, "only the finished meeting is listed: {v}");
    let m = &list[0];
    assert_eq!(m["title"], "2026年第一次业主大会");
    assert_eq!(m["community"], "望城小区");
    assert_eq!(m["kind"], "owners_assembly");
    let status = m["status"].as_str().unwrap();
    assert!(
        status == "adjourned" || status == "signed",
        "finished: {status}"
    );
    assert!(m["starts_at"].as_str().unwrap().starts_with("2026-05-16"));
    let items = m["items"].as_array().expect("items");
    let outcome = |cat: &str| {
        items
            .iter()
            .find(|i| i["category"] == cat)
            .unwrap_or_else(|| panic!("no {cat} item: {v}"))["outcome"]
            .clone()
    };
    assert_eq!(outcome("gate"), "passed");
    assert_eq!(outcome("road"), "failed");

    // The plain listing shows it too, and the draft meeting is not listed.
    let o = yishi(dir.path(), &db, &["minutes", "list"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("2026年第一次业主大会"), "{out}");
    assert!(!out.contains("2026年第二次业主大会"), "{out}");

    // Filters: by kind, by date, by words (two-character Chinese words too).
    let titles = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["minutes", "list", "--json"];
        a.extend_from_slice(args);
        let o = yishi(dir.path(), &db, &a);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|m| m["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&["--kind", "owners_assembly"]).len(), 1);
    assert!(titles(&["--kind", "party_branch"]).is_empty());
    assert_eq!(
        titles(&["--since", "2026-05-16", "--until", "2026-05-16"]).len(),
        1
    );
    assert!(titles(&["--since", "2026-05-17"]).is_empty());
    assert_eq!(titles(&["--search", "大门"]).len(), 1);
    assert_eq!(titles(&["--community", "望城小区"]).len(), 1);
    assert!(titles(&["--community", "别的小区"]).is_empty());

    // Bad filters are bad input: exit 2 with one sentence.
    assert_refused(
        &yishi(dir.path(), &db, &["minutes", "list", "--since", "May"]),
        "bad date",
    );
    assert_refused(
        &yishi(dir.path(), &db, &["minutes", "list", "--kind", "party"]),
        "bad kind",
    );
}

#[test]
fn demo_twice_does_not_duplicate() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let tables = [
        "communities",
        "units",
        "voters",
        "holdings",
        "council_members",
        "meetings",
        "agenda_items",
        "votes",
        "presence_events",
        "remarks",
    ];
    let before: Vec<i64> = tables.iter().map(|t| count(&db, t)).collect();
    assert_eq!(before[0], 1, "one community");
    assert_eq!(
        before[5], 3,
        "one finished and one draft meeting, one written consultation"
    );
    assert!(
        (36..=48).contains(&before[1]),
        "about 40 units: {}",
        before[1]
    );
    let o = yishi(dir.path(), &db, &["demo", "--no-tui"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after: Vec<i64> = tables.iter().map(|t| count(&db, t)).collect();
    assert_eq!(before, after, "demo run twice duplicated data ({tables:?})");
}

#[test]
fn demo_community_is_realistic() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        one("SELECT count(DISTINCT building) FROM units"),
        3,
        "three buildings"
    );
    assert!(one("SELECT count(*) FROM voters WHERE kind = 'coowners'") >= 1);
    assert_eq!(
        one("SELECT count(*) FROM voters WHERE kind = 'developer'"),
        1,
        "the developer is one voter"
    );
    assert!(
        one(
            "SELECT count(*) FROM holdings h JOIN voters v ON v.id = h.voter_id WHERE v.kind = 'developer'"
        ) >= 2,
        "the developer holds several unsold units"
    );
    assert!(
        one("SELECT count(*) FROM (SELECT voter_id FROM holdings h JOIN voters v ON v.id = h.voter_id
             WHERE v.kind = 'person' GROUP BY voter_id HAVING count(*) >= 2)")
            >= 1,
        "one owner with two units"
    );
    assert!(
        one("SELECT count(*) FROM council_members") >= 5,
        "a council"
    );
    // The draft meeting is ready to run: elevator scoped to one unit of one building
    // (art. 278 major-style elevator rule), the gate (major, whole compound), parking.
    let draft: i64 = one("SELECT id FROM meetings WHERE status = 'draft'");
    let mut st = c
        .prepare(
            "SELECT category, scope_kind, scope_building, scope_unit, rule FROM agenda_items
             WHERE meeting_id = ?1 ORDER BY position",
        )
        .unwrap();
    let items: Vec<(String, String, String, String, String)> = st
        .query_map([draft], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let elevator = items.iter().find(|i| i.0 == "elevator").expect("elevator");
    assert_eq!(elevator.1, "unit");
    assert!(!elevator.2.is_empty() && !elevator.3.is_empty());
    let gate = items.iter().find(|i| i.0 == "gate").expect("gate");
    assert_eq!((gate.1.as_str(), gate.4.as_str()), ("all", "art278_major"));
    let parking = items.iter().find(|i| i.0 == "parking").expect("parking");
    assert_eq!(
        (parking.1.as_str(), parking.4.as_str()),
        ("all", "art278_ordinary")
    );
}

#[test]
fn yishi_db_variable_chooses_the_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("env.db");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env("LANG", "en_US.UTF-8")
            .env("HOME", dir.path())
            .env("XDG_DATA_HOME", dir.path().join("xdg"))
            .env("YISHI_DB", &db)
            .output()
            .unwrap()
    };
    // A read command names YISHI_DB's file and, as it is missing, creates nothing.
    let o = run(&["minutes", "list", "--json"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("env.db"), "{}", stderr(&o));
    assert!(!db.exists());
    // The demo creates it there, and the read command then reads it.
    let o = run(&["demo", "--no-tui"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(db.exists(), "YISHI_DB's file is created on first use");
    let o = run(&["minutes", "list", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}
