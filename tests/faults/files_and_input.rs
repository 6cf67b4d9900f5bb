//! Issue 14, tried as a careless or hostile user would: no command destroys a file,
//! backup finishes under a running meeting, one writer per file however it is spelled,
//! read commands create nothing, CSV and typed names refuse what cannot be seen.
//! (Item 6, masking, is a unit test in src/domain/names.rs; item 7, import memory, is
//! tests/faults/import_memory.rs.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use rusqlite::{Connection, OpenFlags};
use yishi::store::Store;
use yishi::store::roster::VoterInput;
use yishi::strings::Lang;

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn yishi(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("self.db");
    let mut store = Store::open(&db).expect("open");
    yishi::demo::install(&mut store).expect("demo");
    db
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn item1_export_never_replaces_the_database_an_existing_file_or_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path());
    let original = std::fs::read(&db).expect("db bytes");
    let md = ["export", "1", "--format", "md", "-o"];
    let with = |target: &Path, force: bool| {
        let mut a: Vec<&str> = md.to_vec();
        let t = target.to_str().expect("utf-8 path").to_string();
        let mut args: Vec<String> = a.drain(..).map(String::from).collect();
        args.push(t);
        if force {
            args.push("--force".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        yishi(&db, &args)
    };

    // The database itself, under its own name, another spelling, and its -wal/-shm,
    // even with --force.
    let spelled = dir.path().join("sub").join("..").join("self.db");
    std::fs::create_dir(dir.path().join("sub")).expect("sub");
    let wal = dir.path().join("self.db-wal");
    for (target, force) in [(&db, false), (&db, true), (&spelled, true), (&wal, true)] {
        let o = with(target, force);
        assert_eq!(code(&o), 2, "{target:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("database"), "{}", stderr(&o));
    }
    assert_eq!(
        std::fs::read(&db).expect("db bytes"),
        original,
        "the archive is intact"
    );

    // An existing file is left as it is without --force, replaced with it.
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "my notes").expect("notes");
    let o = with(&notes, false);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&notes).expect("notes"), "my notes");
    let o = with(&notes, true);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&notes)
            .expect("notes")
            .contains("安装小区大门")
    );

    // A new file is written whole, with nothing left beside it.
    let fresh = dir.path().join("fresh.md");
    let o = with(&fresh, false);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&fresh)
            .expect("fresh")
            .contains("安装小区大门")
    );
    assert!(
        !names_in(dir.path()).iter().any(|n| n.ends_with(".tmp")),
        "{:?}",
        names_in(dir.path())
    );

    // Never through a symbolic link, dangling or pointing at the database.
    #[cfg(unix)]
    {
        let to_db = dir.path().join("link.md");
        std::os::unix::fs::symlink(&db, &to_db).expect("symlink");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &dangling).expect("symlink");
        for link in [&to_db, &dangling] {
            let o = with(link, true);
            assert_eq!(code(&o), 2, "{}", stderr(&o));
        }
        assert!(!dir.path().join("nowhere.md").exists());
        assert_eq!(std::fs::read(&db).expect("db bytes"), original);
    }
}

/// Fill the demo database to at least `mb` megabytes (a filler table of random blobs).
fn big_db(dir: &Path, mb: usize) -> PathBuf {
    let db = demo_db(dir);
    let c = Connection::open(&db).expect("raw");
    c.execute_batch(&format!(
        "CREATE TABLE filler (b BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {})
         INSERT INTO filler SELECT randomblob(1048576) FROM n;
         PRAGMA wal_checkpoint(TRUNCATE);",
        mb
    ))
    .expect("fill");
    drop(c);
    assert!(std::fs::metadata(&db).expect("size").len() >= (mb as u64) << 20);
    db
}

fn assert_copy_is_whole(copy: &Path) {
    let raw = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("raw");
    let verdict: String = raw
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(verdict, "ok");
    drop(raw);
    let store = Store::open(copy).expect("copy opens");
    for r in store.verify_all().expect("verify") {
        assert!(r.status.is_valid(), "{:?}", r.status);
    }
}

#[test]
fn item2_backup_finishes_under_commits_every_200ms_and_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = big_db(dir.path(), 100);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    let store = Store::open(&db).expect("open");
    assert_eq!(store.wait_integrity(), yishi::store::Integrity::Passed);

    let t = Instant::now();
    store.backup_to(&out.join("idle.db")).expect("idle backup");
    let idle = t.elapsed();

    // A meeting keeps writing: one commit every 200 ms from another connection.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (db, stop) = (db.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut w = Store::open(&db).expect("writer");
            assert!(w.claim());
            let c = w.communities().expect("communities")[0].id;
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let v = VoterInput {
                    name: format!("迟到者{n}"),
                    kind: None,
                    roles: String::new(),
                    phone: String::new(),
                };
                w.add_voter(c, &v).expect("commit");
                n += 1;
                std::thread::sleep(Duration::from_millis(200));
            }
            n
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let busy_dest = out.join("busy.db");
    let (tx, rx) = std::sync::mpsc::channel();
    let t = Instant::now();
    std::thread::spawn({
        let (db, dest) = (db.clone(), busy_dest.clone());
        move || {
            let s = Store::open(&db).expect("open");
            s.wait_integrity();
            let t = Instant::now();
            let _ = tx.send((s.backup_to(&dest).map_err(|e| e.to_string()), t.elapsed()));
        }
    });
    let limit = idle * 3 + Duration::from_secs(2);
    let got = rx.recv_timeout(limit + Duration::from_secs(30));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let commits = writer.join().expect("writer");
    let (result, took) = got.unwrap_or_else(|_| {
        panic!(
            "backup under commits did not finish in {:?} (idle {idle:?})",
            t.elapsed()
        )
    });
    result.expect("backup under commits");
    assert!(took <= limit, "under commits {took:?}, idle {idle:?}");
    assert!(
        commits >= 2,
        "the writer committed during the backup ({commits})"
    );
    assert_eq!(
        names_in(&out),
        vec!["busy.db", "idle.db"],
        "nothing beside the copies"
    );
    // (Opening the copy as a database makes its own -wal/-shm while it is open.)
    assert_copy_is_whole(&busy_dest);
    drop(store);

    // Refusals, in a sentence: an existing destination, a dangling link.
    let o = yishi(&db, &["backup", busy_dest.to_str().expect("path")]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        let link = out.join("link.db");
        std::os::unix::fs::symlink(out.join("gone.db"), &link).expect("symlink");
        let o = yishi(&db, &["backup", link.to_str().expect("path")]);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains("symbolic link"), "{}", stderr(&o));
        assert!(!out.join("gone.db").exists());
        std::fs::remove_file(&link).expect("rm");
    }
    // A failed backup (its folder is missing) leaves nothing, and a retry works.
    let later = out.join("later").join("copy.db");
    let o = yishi(&db, &["backup", later.to_str().expect("path")]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    std::fs::create_dir(out.join("later")).expect("later");
    let o = yishi(&db, &["backup", later.to_str().expect("path")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(names_in(&out.join("later")), vec!["copy.db"]);
}

#[test]
fn item3_two_writers_through_a_symbolic_link_are_refused() {
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = demo_db(dir.path());
        let link = dir.path().join("alias.db");
        std::os::unix::fs::symlink(&db, &link).expect("symlink");
        let mut first = Store::open(&link).expect("open via link");
        assert!(first.claim());
        let mut second = Store::open(&db).expect("open");
        assert!(!second.claim(), "the second writer is refused");
        assert!(second.read_only(), "and offered read-only review");
        // Another spelling of the folder meets the same lock.
        std::fs::create_dir(dir.path().join("x")).expect("x");
        let mut third = Store::open(&dir.path().join("x/../self.db")).expect("open");
        assert!(!third.claim());
        drop(first);
        let mut again = Store::open(&db).expect("open");
        assert!(again.claim(), "free again when the first one ends");
    }
    #[cfg(not(unix))]
    eprintln!("skipped: symbolic links need unix permissions here");
}

#[test]
fn item4_read_commands_refuse_a_missing_database_and_create_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("typo").join("yishi.db");
    let near = dir.path().join("yishl.db");
    let dest = dir.path().join("copy.db");
    let dest = dest.to_str().expect("path");
    let commands: [&[&str]; 6] = [
        &["minutes", "list"],
        &["minutes", "show", "1"],
        &["verify"],
        &["verify", "1"],
        &["export", "1", "--format", "md"],
        &["backup", dest],
    ];
    for db in [&missing, &near] {
        for args in commands {
            let o = yishi(db, args);
            assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
            let err = stderr(&o);
            assert!(err.contains("There is no database at"), "{args:?}: {err}");
            assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
        }
    }
    assert_eq!(
        names_in(dir.path()),
        Vec::<String>::new(),
        "nothing was created"
    );
    // In Chinese too.
    let o = Command::new(BIN)
        .arg("--db")
        .arg(&near)
        .args(["--lang", "zh", "minutes", "list"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("没有数据库"), "{}", stderr(&o));
}

#[test]
fn item5_csv_refuses_hidden_characters_and_long_names_with_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("new.db");
    let csv = dir.path().join("roster.csv");
    let cases = [
        ("李娜\u{200B}", "invisible"),
        ("李\u{200D}娜", "invisible"),
        ("李娜\u{2062}", "invisible"),
        ("李娜\u{E0041}", "invisible"),
        (&*"李".repeat(101), "at most 100"),
    ];
    for (name, why) in cases {
        std::fs::write(
            &csv,
            format!("label,area,owner\n101,80,李娜\n102,80,{name}\n"),
        )
        .expect("csv");
        let o = yishi(
            &db,
            &[
                "roster",
                "import",
                csv.to_str().expect("p"),
                "--community",
                "望城",
            ],
        );
        assert_eq!(code(&o), 2, "{name:?}");
        let err = stderr(&o);
        assert!(err.contains("line 3") && err.contains(why), "{err}");
        assert!(!err.contains("CHECK"), "{err}");
        assert!(!db.exists(), "the database is not touched");
    }
    // A community name over the schema's 200 characters: a sentence, not a CHECK.
    std::fs::write(&csv, "label,area,owner\n101,80,李娜\n").expect("csv");
    let long = "区".repeat(201);
    let o = yishi(
        &db,
        &[
            "roster",
            "import",
            csv.to_str().expect("p"),
            "--community",
            &long,
        ],
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("at most 200"), "{}", stderr(&o));
    assert!(!db.exists());
    // Two spellings of one name are one voter.
    std::fs::write(
        &csv,
        "label,area,owner\n101,80,Jos\u{e9}\n102,80,Jose\u{301}\n",
    )
    .expect("csv");
    let o = yishi(
        &db,
        &[
            "roster",
            "import",
            csv.to_str().expect("p"),
            "--community",
            "望城",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let c = Connection::open(&db).expect("raw");
    let voters: i64 = c
        .query_row("SELECT count(*) FROM voters", [], |r| r.get(0))
        .expect("count");
    assert_eq!(voters, 1);
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[test]
fn item5_typed_names_follow_the_same_rule() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path());
    let voters = || {
        Connection::open(&db)
            .expect("raw")
            .query_row("SELECT count(*) FROM voters", [], |r| r.get::<_, i64>(0))
            .expect("count")
    };
    let before = voters();
    let mut app = yishi::ui::App::new(Store::open(&db).expect("open"), Lang::En);
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut press = |app: &mut yishi::ui::App, c: KeyCode| -> String {
        app.handle_key(key(c, KeyModifiers::NONE));
        let done = term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        done.buffer.content().iter().map(|c| c.symbol()).collect()
    };
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('a'));
    for c in "李娜\u{200B}".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let mut screen = String::new();
    for _ in 0..4 {
        screen = press(&mut app, KeyCode::Enter);
    }
    assert!(screen.contains("invisible"), "{screen}");
    assert_eq!(voters(), before, "nothing written");
}

#[test]
fn item8_a_search_that_starts_with_a_hyphen_is_a_search() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path());
    let o = yishi(&db, &["minutes", "list", "--search", "-大门"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("业主大会"),
        "the gate meeting is found"
    );
    let o = yishi(&db, &["minutes", "list", "--search", "-大门", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(serde_json::from_slice::<serde_json::Value>(&o.stdout).is_ok());
}

#[test]
fn item1_the_tui_export_never_writes_over_the_database_or_a_file() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path());
    let original = std::fs::read(&db).expect("db bytes");
    let notes = dir.path().join("notes.html");
    std::fs::write(&notes, "mine").expect("notes");
    let mut app = yishi::ui::App::new(Store::open(&db).expect("open"), Lang::En);
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut press = |app: &mut yishi::ui::App, k: KeyEvent| -> String {
        app.handle_key(k);
        let done = term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        done.buffer.content().iter().map(|c| c.symbol()).collect()
    };
    let plain = |c: char| key(KeyCode::Char(c), KeyModifiers::NONE);
    for target in [&db, &notes] {
        // Archive, find the gate meeting, read its minutes, export the notice.
        press(&mut app, plain('a'));
        press(&mut app, plain('/'));
        for c in "大门".chars() {
            press(&mut app, plain(c));
        }
        press(&mut app, key(KeyCode::Enter, KeyModifiers::NONE));
        press(&mut app, key(KeyCode::Enter, KeyModifiers::NONE));
        press(&mut app, plain('n'));
        press(&mut app, key(KeyCode::Char('u'), KeyModifiers::CONTROL));
        for c in target.to_str().expect("path").chars() {
            press(&mut app, plain(c));
        }
        let screen = press(&mut app, key(KeyCode::Enter, KeyModifiers::NONE));
        assert!(
            screen.contains("database") || screen.contains("already exists"),
            "{screen}"
        );
        press(&mut app, key(KeyCode::Esc, KeyModifiers::NONE));
        press(&mut app, key(KeyCode::Esc, KeyModifiers::NONE));
        press(&mut app, key(KeyCode::Esc, KeyModifiers::NONE));
    }
    drop(app);
    assert_eq!(
        std::fs::read(&db).expect("db bytes"),
        original,
        "the archive is intact"
    );
    assert_eq!(std::fs::read_to_string(&notes).expect("notes"), "mine");
}
