//! Shared set-up of these tests.
#![allow(dead_code, unused_imports)]

pub use std::fs;
pub use std::path::{Path, PathBuf};
pub use std::process::{Command, Output};

pub use rusqlite::{Connection, OpenFlags};
pub use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_yishi");

/// Run yishi in English with a private home (so nothing touches the user's data folder)
/// and a backtrace enabled, so a panic would show in stderr.
pub fn yishi(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env("RUST_BACKTRACE", "1")
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 2 with one plain line on stderr: no panic, no backtrace.
pub fn assert_refused(o: &Output, what: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{what}: exit code; stderr: {err}; stdout: {}",
        stdout(o)
    );
    assert!(!err.contains("panicked"), "{what}: panic: {err}");
    assert!(!err.contains("backtrace"), "{what}: backtrace: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{what}: backtrace: {err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{what}: stderr must be one line: {err:?}");
    assert!(
        lines[0].len() > 10,
        "{what}: a sentence, not a code: {err:?}"
    );
}

/// A fresh demo database in `dir`, closed cleanly (its WAL checkpointed away).
pub fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let o = yishi(dir, &db, &["demo", "--no-tui"]);
    assert_eq!(o.status.code(), Some(0), "demo: {}", stderr(&o));
    assert!(
        !wal(&db).exists(),
        "the demo database should be closed cleanly"
    );
    db
}

pub fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub fn wal(db: &Path) -> PathBuf {
    sidecar(db, "-wal")
}

/// Count rows with a read-only connection that leaves no trace in the file.
pub fn count(db: &Path, table: &str) -> i64 {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

pub fn page_size(bytes: &[u8]) -> usize {
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        p => usize::from(p),
    }
}

/// `minutes list` on `file` is refused (exit 2, one line) and the file keeps every byte.
pub fn assert_list_refuses(dir: &Path, file: &Path, what: &str) {
    let before = fs::read(file).expect("read before");
    let o = yishi(dir, file, &["minutes", "list"]);
    assert_refused(&o, what);
    assert!(o.stdout.is_empty(), "{what}: nothing on stdout");
    let after = fs::read(file).expect("read after");
    assert!(before == after, "{what}: the file's bytes changed");
    // The JSON form is refused the same way.
    let o = yishi(dir, file, &["minutes", "list", "--json"]);
    assert_refused(&o, what);
    assert!(
        fs::read(file).expect("read") == before,
        "{what}: bytes changed"
    );
}

/// Overwrite the middle of one b-tree page of a copy; returns a copy quick_check rejects.
pub fn corrupt_copy(dir: &Path, db: &Path) -> PathBuf {
    let bytes = fs::read(db).unwrap();
    let ps = page_size(&bytes);
    let roots: Vec<i64> = {
        let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut st = c
            .prepare(
                "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND rootpage > 1
                 AND name IN ('votes', 'audit_log', 'vote_eligible', 'presence_events', 'units', 'voters')",
            )
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    for root in roots {
        let mut b = bytes.clone();
        let start = (root as usize - 1) * ps + ps / 2 - 128;
        for x in &mut b[start..start + 256] {
            *x = 0xFF;
        }
        let probe = dir.join(format!("probe-{root}.db"));
        fs::write(&probe, &b).unwrap();
        let verdict: String = {
            let c = Connection::open_with_flags(&probe, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .unwrap_or_else(|e| e.to_string())
        };
        if verdict != "ok" {
            let out = dir.join(format!("corrupt-{root}.db"));
            fs::write(&out, &b).unwrap();
            return out;
        }
    }
    panic!("no page of the demo database could be corrupted for quick_check");
}

pub const HEADER: &str = "label,building,unit,area,owner,kind,roles,phone\n";
pub const GOOD_ROWS: &str = "\
3栋2单元101,3栋,2单元,85.30,王一,,居民代表,13800000001
3栋2单元201,3栋,2单元,90,黄小明,,,
3栋2单元301,3栋,2单元,102.45,黄小明,,,
3栋2单元401,3栋,2单元,88.00,张伟、李娜,coowners,,
3栋2单元501,3栋,2单元,120.10,衡阳华景置业有限公司,developer,,
3栋2单元601,3栋,2单元,120.20,衡阳华景置业有限公司,developer,,
";

pub fn counts(db: &Path) -> Vec<i64> {
    [
        "communities",
        "units",
        "voters",
        "holdings",
        "council_members",
        "audit_log",
    ]
    .iter()
    .map(|t| count(db, t))
    .collect()
}

/// A database that already holds a roster (the demo), closed cleanly.
pub fn populated(dir: &Path) -> PathBuf {
    demo_db(dir)
}
