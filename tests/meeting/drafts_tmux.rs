//! The real binary in a real terminal (tmux): text typed into a form survives Ctrl-C and
//! is offered again when the program is started again on the same file (issue 15).
//!
//! tmux is required: without it this test fails, unless `YISHI_SKIP_TMUX=1` is set.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_yishi");
const TIMEOUT: Duration = Duration::from_secs(10);
const SESSION: &str = "drafts";

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok && std::env::var("YISHI_SKIP_TMUX").as_deref() != Ok("1") {
        panic!("tmux is not installed: install it, or set YISHI_SKIP_TMUX=1 to skip");
    }
    ok
}

/// A private tmux server, killed when dropped.
struct Tmux {
    socket: String,
    dir: std::path::PathBuf,
}

impl Tmux {
    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .env("TMUX_TMPDIR", &self.dir)
            .env_remove("TMUX")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("YISHI_DB")
            .env("LANG", "zh_CN.UTF-8")
            .env("LC_CTYPE", "C.UTF-8")
            .env("HOME", &self.dir)
            .env("XDG_DATA_HOME", self.dir.join("xdg"));
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let o = self.cmd().args(args).output().expect("run tmux");
        assert!(
            o.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o
    }

    /// Start yishi on `db` as the session's only process.
    fn start(&self, db: &Path) {
        let db = db.to_str().expect("UTF-8 path");
        self.run(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            "100",
            "-y",
            "30",
            "-e",
            "LANG=zh_CN.UTF-8",
            "--",
            BIN,
            "--db",
            db,
        ]);
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", SESSION, k]);
        }
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
    }

    fn alive(&self) -> bool {
        self.cmd()
            .args(["has-session", "-t", SESSION])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    fn screen(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {needle:?}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
    }
}

fn draft_rows(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("db");
    c.query_row("SELECT count(*) FROM form_drafts", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn ctrl_c_in_a_form_keeps_the_text_for_the_next_start() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("yishi.db");
    let o = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["demo", "--no-tui"])
        .env("LANG", "zh_CN.UTF-8")
        .env("HOME", dir.path())
        .output()
        .expect("demo");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = Tmux {
        socket: format!("yishi-drafts-{}", std::process::id()),
        dir: dir.path().to_path_buf(),
    };
    t.start(&db);
    t.wait_for("首页");
    t.keys(&["Enter"]);
    t.wait_for("会议筹备");
    t.keys(&["a"]);
    t.wait_for("添加议题");
    t.text("更换地下车库照明灯具");
    t.wait_for("更换地下车库照明灯具");
    t.keys(&["C-c"]);
    let start = Instant::now();
    while t.alive() {
        assert!(start.elapsed() < TIMEOUT, "yishi did not end on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(draft_rows(&db) > 0, "the draft is in the file");

    t.start(&db);
    t.wait_for("未保存的草稿");
    t.keys(&["Enter"]);
    t.wait_for("会议筹备");
    t.keys(&["a"]);
    let s = t.wait_for("已恢复未保存的草稿");
    assert!(s.contains("更换地下车库照明灯具"), "{s}");
    t.keys(&["C-c"]);
}
