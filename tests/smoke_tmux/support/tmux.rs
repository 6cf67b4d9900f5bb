//! The tmux server each test drives, and waiting on it.
#![allow(dead_code, unused_imports)]

pub use std::collections::BTreeMap;
pub use std::path::{Path, PathBuf};
pub use std::process::{Command, Output};
pub use std::sync::atomic::{AtomicUsize, Ordering};
pub use std::time::{Duration, Instant};

pub use rusqlite::Connection;
pub use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_yishi");
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const SESSION: &str = "smoke";
pub const PROMPT: &str = "smoke$ ";
pub const MEETING: &str = "2026年第二次业主大会";
pub const ITEM: &str = "小区大门门禁系统升级";

// ---------------------------------------------------------------- the interface's words

/// The words of one interface language the tests look for.
pub struct Words {
    pub lang_env: &'static str,
    /// `--lang` to pass, if any (else the language comes from LANG).
    pub lang_flag: Option<&'static str>,
    pub home: &'static str,
    pub confirm_open: &'static str,
    pub attendance: &'static str,
    pub present: &'static str,
    pub agenda: &'static str,
    pub item: &'static str,
    pub confirm_vote: &'static str,
    pub vote: &'static str,
    pub tally: &'static str,
    pub unanswered: &'static str,
    pub resume: &'static str,
    /// The database's choice and the word the 表决 column shows for it.
    pub choices: [(&'static str, &'static str); 5],
}

pub const ZH: Words = Words {
    lang_env: "zh_CN.UTF-8",
    lang_flag: None,
    home: "首页：小区与会议",
    confirm_open: "开始会议？",
    attendance: "签到：",
    present: "出席人数：",
    agenda: "议程：",
    item: "议题 3：",
    confirm_vote: "开始表决？",
    vote: "唱票表决：",
    tally: "计票",
    unanswered: "未答",
    resume: "正在进行",
    choices: [
        ("not_voting", "未表决"),
        ("yes", "同意"),
        ("no", "反对"),
        ("abstain", "弃权"),
        ("recused", "回避"),
    ],
};

pub const EN: Words = Words {
    // The flag wins over a Chinese LANG.
    lang_env: "zh_CN.UTF-8",
    lang_flag: Some("en"),
    home: "Home: communities and meetings",
    confirm_open: "Open the meeting?",
    attendance: "Attendance: ",
    present: "Present: ",
    agenda: "Agenda: ",
    item: "Item 3: ",
    confirm_vote: "Start the vote?",
    vote: "Roll-call vote: ",
    tally: "Tally",
    unanswered: "unanswered",
    resume: "still open",
    choices: [
        ("not_voting", "Not voting"),
        ("yes", "Yes"),
        ("no", "No"),
        ("abstain", "Abstain"),
        ("recused", "Recused"),
    ],
};

impl Words {
    pub fn shown(&self, db_choice: &str) -> &'static str {
        self.choices
            .iter()
            .find(|(d, _)| *d == db_choice)
            .map(|(_, w)| *w)
            .unwrap_or_else(|| panic!("unknown choice in the database: {db_choice}"))
    }
}

// ---------------------------------------------------------------- tmux

/// Is tmux there? Without it the test fails with a clear message, unless
/// `YISHI_SKIP_TMUX=1` asks to skip.
pub fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if ok {
        return true;
    }
    if std::env::var("YISHI_SKIP_TMUX").as_deref() == Ok("1") {
        eprintln!("tmux is not installed: smoke test skipped because YISHI_SKIP_TMUX=1");
        return false;
    }
    panic!(
        "tmux is not installed (or `tmux -V` failed). These smoke tests drive yishi in a real \
         terminal through tmux: install tmux (e.g. `apt-get install tmux`), or set \
         YISHI_SKIP_TMUX=1 to skip them."
    );
}

pub static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server (its own socket name and socket folder) with one session; the
/// server is killed when this is dropped, whatever the test's outcome.
pub struct Tmux {
    pub socket: String,
    pub dir: PathBuf,
    pub lang: &'static str,
}

impl Tmux {
    pub fn new(dir: &Path, tag: &str, lang: &'static str) -> Tmux {
        let socket = format!(
            "yishi-smoke-{}-{tag}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        Tmux {
            socket,
            dir: dir.to_path_buf(),
            lang,
        }
    }

    /// A tmux command against this server, with a clean environment for what it starts
    /// (the first command starts the server, whose environment the panes inherit).
    pub fn cmd(&self) -> Command {
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
            .env("LANG", self.lang)
            // tmux itself needs a UTF-8 character type; yishi's language ignores it.
            .env("LC_CTYPE", "C.UTF-8")
            .env("HOME", &self.dir)
            .env("XDG_DATA_HOME", self.dir.join("xdg"))
            .env("HISTFILE", "/dev/null")
            .env("PS1", PROMPT)
            .env("RUST_BACKTRACE", "1");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let o = self.cmd().args(args).output().expect("run tmux");
        assert!(
            o.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o
    }

    /// Start the session running `argv` directly (the pane's process is `argv[0]`).
    pub fn start(&self, argv: &[&str]) {
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            "100",
            "-y",
            "30",
            "-e",
        ];
        let lang = format!("LANG={}", self.lang);
        args.push(&lang);
        args.push("--");
        args.extend_from_slice(argv);
        self.run(&args);
    }

    /// Press keys by tmux's names (Enter, Tab, Down, C-c).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", SESSION, k]);
        }
    }

    /// Type text literally (UTF-8 as it is, e.g. a full-width ｙ).
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
    }

    pub fn screen(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The screen with its colours as escape sequences.
    pub fn screen_styled(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-e", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The screen with wrapped lines joined (for a shell's output).
    pub fn screen_joined(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-J", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// A pane variable (`#{pane_pid}`, `#{alternate_on}` …).
    pub fn var(&self, name: &str) -> String {
        let o = self.run(&[
            "display-message",
            "-p",
            "-t",
            SESSION,
            &format!("#{{{name}}}"),
        ]);
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    pub fn alive(&self) -> bool {
        self.cmd()
            .args(["has-session", "-t", SESSION])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    /// Wait until the screen satisfies `pred`; on timeout fail showing the screen.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), |s| s.contains(needle))
    }

    /// Wait until the shell's prompt is the last line written.
    pub fn wait_prompt(&self) -> String {
        // Trimmed both sides: a terminal left without output processing (no CR after LF)
        // draws the prompt further right, and stty's check below should say so.
        self.wait_until(
            "the shell's prompt as the last line (if yishi's screen still shows, it did not \
             leave the alternate screen)",
            |s| {
                s.lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| l.trim() == PROMPT.trim())
            },
        )
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
    }
}

pub fn wait(what: &str, mut pred: impl FnMut() -> bool) {
    let start = Instant::now();
    while !pred() {
        if start.elapsed() > TIMEOUT {
            panic!("timed out after {TIMEOUT:?} waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn process_exists(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

pub fn signal(pid: u32, sig: &str) {
    let o = Command::new("kill")
        .args([sig, &pid.to_string()])
        .output()
        .expect("run kill");
    assert!(o.status.success(), "kill {sig} {pid} failed");
}
