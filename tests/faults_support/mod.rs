//! Shared by the tests/faults_*.rs files: the real binary, a private tmux server per
//! test, and small database helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub fn yishi_bin() -> &'static str {
    env!("CARGO_BIN_EXE_yishi")
}

/// Run the real binary with `--db db` and `args`.
pub fn yishi(db: &Path, args: &[&str]) -> Output {
    Command::new(yishi_bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

/// `yishi demo --no-tui` into `dir/demo.db`.
pub fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let out = yishi(&db, &["--lang", "en", "demo", "--no-tui"]);
    assert!(
        out.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

pub fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Wait (up to 10 s) until `f` holds.
pub fn wait_until(mut f: impl FnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(10);
    while !f() {
        assert!(Instant::now() < end, "timed out waiting");
        std::thread::sleep(Duration::from_millis(50));
    }
}

static N: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server (its own socket) running one command in a detached session.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(cmd: &str, w: u16, h: u16) -> Tmux {
        let socket = format!(
            "yishi-faults-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let t = Tmux { socket };
        let ok = t
            .tmux(&[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                "-s",
                "main",
            ])
            .arg(format!(
                "TERM=xterm-256color {cmd}; echo EXITED:$?; \
                 for f in icanon echo; do echo STTY:$(stty -a | tr ' ;' '\\n\\n' | grep -x -- \"-\\?$f\"); done; \
                 echo STTY-DONE; sleep 30"
            ))
            .status()
            .expect("tmux")
            .success();
        assert!(ok, "tmux new-session failed");
        let _ = t
            .tmux(&["set-option", "-g", "remain-on-exit", "on"])
            .status();
        t
    }

    fn tmux(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-L").arg(&self.socket).args(args);
        c
    }

    /// Send keys (tmux key names, e.g. "Enter", "C-c", "y").
    pub fn keys(&self, keys: &[&str]) {
        let ok = self
            .tmux(&["send-keys", "-t", "main"])
            .args(keys)
            .status()
            .expect("send-keys")
            .success();
        assert!(ok);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Send text literally.
    pub fn text(&self, s: &str) {
        let ok = self
            .tmux(&["send-keys", "-t", "main", "-l", s])
            .status()
            .expect("send-keys")
            .success();
        assert!(ok);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// The pane as text; with `escapes`, with its attributes as escape sequences.
    pub fn capture(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "main"];
        if escapes {
            args.push("-e");
        }
        let out = self.tmux(&args).output().expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait (up to 10 s) until the pane shows `s`; returns the pane.
    pub fn wait_for(&self, s: &str) -> String {
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            let pane = self.capture(false);
            if pane.contains(s) {
                return pane;
            }
            if Instant::now() > end {
                panic!("timed out waiting for {s:?}; the pane shows:\n{pane}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the program has exited; returns its exit status line.
    pub fn wait_exit(&self) -> String {
        let pane = self.wait_for("EXITED:");
        pane.lines()
            .find(|l| l.contains("EXITED:"))
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// After the program exited: the `stty -a` the pane's shell printed.
    pub fn stty_after_exit(&self) -> String {
        let pane = self.wait_for("STTY-DONE");
        pane.lines()
            .filter_map(|l| l.trim().strip_prefix("STTY:"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The pid of the program: the child of the pane's shell.
    pub fn program_pid(&self) -> u32 {
        let shell = self.pane_pid();
        let mut found = None;
        wait_until(|| {
            let out = Command::new("pgrep")
                .args(["-P", &shell.to_string()])
                .output()
                .expect("pgrep");
            found = String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .and_then(|l| l.trim().parse().ok());
            found.is_some()
        });
        found.unwrap()
    }

    /// The pid of the pane's shell.
    pub fn pane_pid(&self) -> u32 {
        let out = self
            .tmux(&["display-message", "-p", "-t", "main", "#{pane_pid}"])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pid")
    }

    /// The tty of the pane.
    pub fn tty(&self) -> String {
        let out = self
            .tmux(&["display-message", "-p", "-t", "main", "#{pane_tty}"])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]).status();
    }
}

/// The app's screen as a fresh full render at `w`×`h` shows it, wide characters counted
/// once. (A long-lived TestBackend, unlike a terminal, does not clear the cell behind a
/// wide character, so its diffed buffer can keep stale cells no terminal would show.)
pub fn render(app: &mut yishi::ui::App, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use unicode_width::UnicodeWidthStr;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| yishi::ui::draw(app, f)).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push('\n');
    }
    out
}
