//! Files that are not ours: refused, exit 2, one sentence, left byte-for-byte unchanged.

use super::support::*;

// ---------------------------------------------------------------------------------------
// Files that are not ours: refused, exit 2, one sentence, left byte-for-byte unchanged.

#[test]
fn refuses_a_text_file() {
    let dir = TempDir::new().unwrap();
    let f = dir.path().join("notes.txt");
    fs::write(&f, "业主大会 notes\nnot a database at all\n".repeat(50)).unwrap();
    assert_list_refuses(dir.path(), &f, "text file");
    // A short file, shorter than SQLite's header, as well.
    let g = dir.path().join("short.db");
    fs::write(&g, b"SQLite format 3\0abc").unwrap();
    assert_list_refuses(dir.path(), &g, "short file");
}

#[test]
fn refuses_a_database_cut_in_the_middle_of_a_page() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let bytes = fs::read(&db).unwrap();
    let ps = page_size(&bytes);
    let cut = dir.path().join("cut-mid.db");
    fs::write(&cut, &bytes[..bytes.len() / 2 + ps / 2 + 7]).unwrap();
    assert_list_refuses(dir.path(), &cut, "truncated mid-page");
}

#[test]
fn refuses_a_database_cut_at_a_page_boundary() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let bytes = fs::read(&db).unwrap();
    let ps = page_size(&bytes);
    let pages = bytes.len() / ps;
    assert!(pages > 8, "the demo database has pages to lose");
    for keep in [pages / 2, pages - 1] {
        let cut = dir.path().join(format!("cut-{keep}.db"));
        fs::write(&cut, &bytes[..keep * ps]).unwrap();
        assert_list_refuses(
            dir.path(),
            &cut,
            &format!("truncated to {keep} of {pages} pages"),
        );
    }
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    {
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", yishi::store::SCHEMA_VERSION + 1)
            .unwrap();
    }
    assert!(!wal(&db).exists());
    assert_list_refuses(dir.path(), &db, "newer user_version");
    let o = yishi(dir.path(), &db, &["minutes", "list"]);
    let err = stderr(&o);
    assert!(err.contains("newer"), "says why: {err}");
    // Every other command that opens the database refuses it too.
    let csv = dir.path().join("r.csv");
    fs::write(&csv, "label,area,owner\n1栋1单元101,80,黄小明\n").unwrap();
    let before = fs::read(&db).unwrap();
    let o = yishi(
        dir.path(),
        &db,
        &[
            "roster",
            "import",
            csv.to_str().unwrap(),
            "--community",
            "X",
        ],
    );
    assert_refused(&o, "roster import into a newer database");
    let o = yishi(dir.path(), &db, &["demo", "--no-tui"]);
    assert_refused(&o, "demo into a newer database");
    assert!(fs::read(&db).unwrap() == before, "bytes changed");
}

#[test]
fn refuses_another_programs_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("other.db");
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch(
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO contacts (name) VALUES ('张三'), ('李四');",
        )
        .unwrap();
        let app: i64 = c
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, 0);
    }
    assert_list_refuses(dir.path(), &db, "another program's database");
    let err = stderr(&yishi(dir.path(), &db, &["minutes", "list"]));
    assert!(err.contains("another program"), "{err}");

    // Another program that set its own application_id, even without tables.
    let db2 = dir.path().join("other2.db");
    {
        let c = Connection::open(&db2).unwrap();
        c.pragma_update(None, "application_id", 0x0f05_5112_i64)
            .unwrap();
    }
    assert_list_refuses(dir.path(), &db2, "foreign application_id");
}

#[test]
fn refuses_a_database_with_a_corrupted_page() {
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let bad = corrupt_copy(dir.path(), &db);
    assert_list_refuses(dir.path(), &bad, "corrupted page");
    let err = stderr(&yishi(dir.path(), &bad, &["minutes", "list"]));
    assert!(err.contains("damaged"), "{err}");
    // Paper and exports read as `minutes` does: refused the same way, nothing written.
    let out = dir.path().join("notice.html");
    let o = yishi(
        dir.path(),
        &bad,
        &["print", "notice", "1", "-o", out.to_str().unwrap()],
    );
    assert_refused(&o, "print from a corrupted page");
    assert!(!out.exists());
    let o = yishi(dir.path(), &bad, &["export", "1", "--format", "md"]);
    assert_refused(&o, "export from a corrupted page");
}

#[test]
fn a_folder_is_refused() {
    let dir = TempDir::new().unwrap();
    let sub = dir.path().join("a-folder");
    fs::create_dir(&sub).unwrap();
    let o = yishi(dir.path(), &sub, &["minutes", "list"]);
    assert_refused(&o, "a folder as --db");
}
