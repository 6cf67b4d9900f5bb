//! Smoke tests in a real terminal: the real binary runs inside tmux (a private server per
//! test, `tmux -L <unique name>`, 100×30), keys go in with `send-keys`, the screen comes
//! back with `capture-pane`. They check what only a real terminal shows: a roll call
//! survives `kill -9` answer by answer and resumes at the next voter; Ctrl-C and SIGTERM
//! both give the terminal back (canonical mode, echo, main screen, cursor); a hang-up
//! (the terminal closed) ends the program instead of leaving it spinning.
//!
//! tmux is required: without it these tests fail, unless `YISHI_SKIP_TMUX=1` is set.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_yishi");
const TIMEOUT: Duration = Duration::from_secs(10);
const SESSION: &str = "smoke";
const PROMPT: &str = "smoke$ ";
const MEETING: &str = "2026年第二次业主大会";
const ITEM: &str = "小区大门门禁系统升级";

// ---------------------------------------------------------------- the interface's words

/// The words of one interface language the tests look for.
struct Words {
    lang_env: &'static str,
    /// `--lang` to pass, if any (else the language comes from LANG).
    lang_flag: Option<&'static str>,
    home: &'static str,
    confirm_open: &'static str,
    attendance: &'static str,
    present: &'static str,
    agenda: &'static str,
    item: &'static str,
    confirm_vote: &'static str,
    vote: &'static str,
    tally: &'static str,
    unanswered: &'static str,
    resume: &'static str,
    /// The database's choice and the word the 表决 column shows for it.
    choices: [(&'static str, &'static str); 5],
}

const ZH: Words = Words {
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

const EN: Words = Words {
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
    fn shown(&self, db_choice: &str) -> &'static str {
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
fn tmux_available() -> bool {
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

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server (its own socket name and socket folder) with one session; the
/// server is killed when this is dropped, whatever the test's outcome.
struct Tmux {
    socket: String,
    dir: PathBuf,
    lang: &'static str,
}

impl Tmux {
    fn new(dir: &Path, tag: &str, lang: &'static str) -> Tmux {
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

    fn run(&self, args: &[&str]) -> Output {
        let o = self.cmd().args(args).output().expect("run tmux");
        assert!(
            o.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o
    }

    /// Start the session running `argv` directly (the pane's process is `argv[0]`).
    fn start(&self, argv: &[&str]) {
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
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", SESSION, k]);
        }
    }

    /// Type text literally (UTF-8 as it is, e.g. a full-width ｙ).
    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
    }

    fn screen(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The screen with its colours as escape sequences.
    fn screen_styled(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-e", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The screen with wrapped lines joined (for a shell's output).
    fn screen_joined(&self) -> String {
        let o = self.run(&["capture-pane", "-p", "-J", "-t", SESSION]);
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// A pane variable (`#{pane_pid}`, `#{alternate_on}` …).
    fn var(&self, name: &str) -> String {
        let o = self.run(&[
            "display-message",
            "-p",
            "-t",
            SESSION,
            &format!("#{{{name}}}"),
        ]);
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    fn alive(&self) -> bool {
        self.cmd()
            .args(["has-session", "-t", SESSION])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    /// Wait until the screen satisfies `pred`; on timeout fail showing the screen.
    fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
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

    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), |s| s.contains(needle))
    }

    /// Wait until the shell's prompt is the last line written.
    fn wait_prompt(&self) -> String {
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

fn wait(what: &str, mut pred: impl FnMut() -> bool) {
    let start = Instant::now();
    while !pred() {
        if start.elapsed() > TIMEOUT {
            panic!("timed out after {TIMEOUT:?} waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn process_exists(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn signal(pid: u32, sig: &str) {
    let o = Command::new("kill")
        .args([sig, &pid.to_string()])
        .output()
        .expect("run kill");
    assert!(o.status.success(), "kill {sig} {pid} failed");
}

// ---------------------------------------------------------------- yishi and its data

/// A temp folder with the demo installed in `yishi.db`.
fn demo(words: &Words) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("yishi.db");
    let o = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["demo", "--no-tui"])
        .env("LANG", words.lang_env)
        .env_remove("LC_ALL")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("xdg"))
        .output()
        .expect("run yishi demo");
    assert!(
        o.status.success(),
        "demo --no-tui failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (dir, db)
}

fn yishi_argv<'a>(words: &Words, db: &'a str) -> Vec<&'a str> {
    let mut v = vec![BIN];
    if let Some(l) = words.lang_flag {
        v.extend(["--lang", l]);
    }
    v.extend(["--db", db]);
    v
}

fn path_str(p: &Path) -> &str {
    let s = p.to_str().expect("UTF-8 path");
    assert!(
        !s.contains(['\'', '"', '\\', '$', '`', ' ']),
        "path needs no quoting: {s}"
    );
    s
}

/// A script the pane's shell runs: it records its pid, then becomes yishi (so the pid is
/// yishi's while the shell stays the pane's process).
fn launcher(dir: &Path, words: &Words, db: &Path) -> (PathBuf, PathBuf) {
    let script = dir.join("run-yishi.sh");
    let pidfile = dir.join("yishi.pid");
    let mut line = format!("exec '{BIN}'");
    if let Some(l) = words.lang_flag {
        line.push_str(&format!(" --lang {l}"));
    }
    line.push_str(&format!(" --db '{}'", path_str(db)));
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nrm -f '{p}'\necho $$ > '{p}.tmp' && mv '{p}.tmp' '{p}'\n{line}\n",
            p = path_str(&pidfile)
        ),
    )
    .expect("write launcher");
    (script, pidfile)
}

/// Type the launcher into the pane's shell and wait for yishi's pid.
fn launch_in_shell(t: &Tmux, script: &Path, pidfile: &Path) -> u32 {
    let _ = std::fs::remove_file(pidfile);
    t.text(&format!("sh {}", path_str(script)));
    t.keys(&["Enter"]);
    let mut pid = 0;
    wait("yishi's pid file", || {
        pid = std::fs::read_to_string(pidfile)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        pid != 0
    });
    pid
}

/// One row of the roll-call table as shown: number, name, answer (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    num: usize,
    name: String,
    answer: Option<String>,
}

/// The roll-call table's rows on the screen (the left panel of the vote screen).
fn vote_rows(screen: &str, words: &Words) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in screen.lines() {
        let Some(rest) = line.strip_prefix('│') else {
            continue;
        };
        let left = rest.split('│').next().unwrap_or("").trim();
        let mut toks = left.split_whitespace();
        let (Some(num), Some(name)) = (toks.next(), toks.next()) else {
            continue;
        };
        let Ok(num) = num.parse::<usize>() else {
            continue;
        };
        let answer = words
            .choices
            .iter()
            .map(|(_, w)| *w)
            .find(|w| left.ends_with(w))
            .map(str::to_string);
        rows.push(Row {
            num,
            name: name.to_string(),
            answer,
        });
    }
    rows
}

/// Name → answer as the screen shows them.
fn shown_answers(screen: &str, words: &Words) -> BTreeMap<String, String> {
    vote_rows(screen, words)
        .into_iter()
        .filter_map(|r| Some((r.name, r.answer?)))
        .collect()
}

/// Whitespace runs squeezed to one space, so figures can be found in aligned columns.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each line drawn on the selection's yellow background, read from
/// `capture-pane -e` (SGR state carries across lines as tmux writes it).
fn highlighted_lines(styled: &str) -> Vec<String> {
    const YELLOW: u32 = 3;
    let mut bg: Option<u32> = None;
    let mut out = Vec::new();
    for line in styled.lines() {
        let mut text = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' && chars.peek() == Some(&'[') {
                chars.next();
                let mut seq = String::new();
                let mut fin = ' ';
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        fin = d;
                        break;
                    }
                    seq.push(d);
                }
                if fin != 'm' {
                    continue;
                }
                let ps: Vec<u32> = seq.split(';').map(|p| p.parse().unwrap_or(0)).collect();
                let mut i = 0;
                while i < ps.len() {
                    match ps[i] {
                        0 | 49 => bg = None,
                        n @ 40..=47 => bg = Some(n - 40),
                        n @ 100..=107 => bg = Some(n - 100 + 8),
                        38 | 48 if ps.get(i + 1) == Some(&5) => {
                            if ps[i] == 48 {
                                bg = ps.get(i + 2).copied();
                            }
                            i += 2;
                        }
                        38 | 48 if ps.get(i + 1) == Some(&2) => {
                            if ps[i] == 48 {
                                bg = Some(u32::MAX);
                            }
                            i += 4;
                        }
                        _ => {}
                    }
                    i += 1;
                }
            } else if bg == Some(YELLOW) {
                text.push(c);
            }
        }
        if !text.trim().is_empty() {
            out.push(text.trim().to_string());
        }
    }
    out
}

/// The roll-call row drawn as selected: (number, name).
fn selected_row(t: &Tmux) -> (usize, String) {
    let rows: Vec<(usize, String)> = highlighted_lines(&t.screen_styled())
        .iter()
        .filter_map(|l| {
            // The selected row is marked "> " as well as coloured.
            let mut toks = l.split_whitespace().skip_while(|t| *t == ">");
            let num = toks.next()?.parse().ok()?;
            Some((num, toks.next()?.to_string()))
        })
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "exactly one roll-call row is drawn selected; found {rows:?} on\n{}",
        t.screen()
    );
    rows[0].clone()
}

fn item_id(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE m.title = ?1 AND i.title = ?2",
        [MEETING, ITEM],
        |r| r.get(0),
    )
    .expect("the demo's item")
}

/// Name → answer as the database holds them for the item, in the screen's words.
fn stored_answers(conn: &Connection, item: i64, words: &Words) -> BTreeMap<String, String> {
    let mut st = conn
        .prepare(
            "SELECT e.name, v.choice FROM votes v
             JOIN vote_eligible e ON e.item_id = v.item_id AND e.voter_id = v.voter_id
             WHERE v.item_id = ?1",
        )
        .expect("prepare");
    st.query_map([item], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })
    .expect("votes")
    .map(|r| {
        let (n, c) = r.expect("row");
        (n, words.shown(&c).to_string())
    })
    .collect()
}

/// The item's saved roll-call position: (1-based row number, voter's name).
fn current_voter(conn: &Connection, item: i64) -> (usize, String) {
    conn.query_row(
        "SELECT e.position, e.name FROM agenda_items i
         JOIN vote_eligible e ON e.item_id = i.id AND e.voter_id = i.current_voter
         WHERE i.id = ?1",
        [item],
        |r| Ok((r.get::<_, i64>(0)? as usize + 1, r.get(1)?)),
    )
    .expect("the item's current voter")
}

fn integrity_ok(conn: &Connection) {
    let s: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(s, "ok", "PRAGMA integrity_check");
}

/// From home to the roll call on item 2: open the draft meeting, mark `present` voters
/// present, open item 2 from the agenda, start its vote.
/// The demo's owners (its roster: 38 voters holding units).
const OWNERS: usize = 38;

/// Walk from home to the gate item's roll call: the first `present` owners present, the
/// rest called absent (a vote starts only after the whole roll call at the door).
fn walk_to_roll_call(t: &Tmux, w: &Words, present: usize) {
    t.wait_for(w.home);
    t.wait_for(MEETING);
    // The whole first frame may take a moment to reach the pane.
    let s = t.wait_for("2026年第一次业主大会");
    for want in ["望城小区", "2026年第一次业主大会"] {
        assert!(s.contains(want), "home lists {want}:\n{s}");
    }
    // The draft meeting is selected first.
    let selected = highlighted_lines(&t.screen_styled());
    assert!(
        selected.len() == 1 && selected[0].contains(MEETING),
        "the draft meeting is the selected row: {selected:?}"
    );
    t.keys(&["Enter"]);
    t.wait_for(ITEM);
    t.text("o");
    t.wait_for(w.confirm_open);
    t.keys(&["Enter"]);
    t.wait_for(w.attendance);
    for _ in 0..present {
        t.text("p");
    }
    for _ in present..OWNERS {
        t.text("x");
    }
    t.wait_for(&format!("{}{present} / ", w.present));
    t.keys(&["Tab"]);
    t.wait_for(&format!("{}{MEETING}", w.agenda));
    // The follow-up of earlier decisions opens the agenda; the gate item is third.
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for(&format!("{}{ITEM}", w.item));
    t.text("v");
    t.wait_for(w.confirm_vote);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{}{ITEM}", w.vote));
    t.wait_for(w.tally);
}

/// Run `stty -a` in the pane's shell (after yishi has gone) and check the terminal is
/// back in canonical mode with echo, on the main screen with a cursor; and that yishi
/// ended by itself (exit status 0), not by the signal.
fn assert_terminal_restored(t: &Tmux) {
    t.wait_prompt();
    assert_eq!(t.var("alternate_on"), "0", "still on the alternate screen");
    assert_eq!(t.var("cursor_flag"), "1", "the cursor is still hidden");
    t.keys(&["C-l"]);
    // The markers are printed by printf so the typed line itself does not contain them.
    t.text("printf 'RC_%s\\n' $?; stty -a; printf 'STTY_%s\\n' DONE");
    t.keys(&["Enter"]);
    let s = t.wait_until("stty's output", |s| {
        s.lines().any(|l| l.trim() == "STTY_DONE")
    });
    let joined = t.screen_joined();
    let s = if joined.contains("STTY_DONE") {
        joined
    } else {
        s
    };
    let rc = s
        .lines()
        .find_map(|l| l.trim().strip_prefix("RC_"))
        .unwrap_or_else(|| panic!("no exit status on\n{s}"))
        .to_string();
    assert_eq!(rc, "0", "yishi's exit status; the screen:\n{s}");
    let start = s.rfind("speed ").expect("stty -a output");
    let end = s.rfind("STTY_DONE").expect("marker");
    let tokens: Vec<&str> = s[start..end]
        .split(|c: char| c.is_whitespace() || c == ';')
        .filter(|x| !x.is_empty())
        .collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(
            tokens.contains(&flag),
            "stty -a lacks `{flag}` (terminal left raw); the screen:\n{s}"
        );
        let off = format!("-{flag}");
        assert!(
            !tokens.contains(&off.as_str()),
            "stty -a shows `{off}` (terminal left raw); the screen:\n{s}"
        );
    }
}

// ---------------------------------------------------------------- the tests

/// A roll call killed with SIGKILL mid-way loses nothing: every answer the screen showed
/// is in the database, the database is intact, and the next start offers to resume and
/// lands on the same item with the next voter selected. Chinese from LANG.
#[test]
fn kill9_during_roll_call_keeps_answers_and_resumes_at_next_voter() {
    if !tmux_available() {
        return;
    }
    let w = &ZH;
    let (dir, db) = demo(w);
    let dbs = path_str(&db).to_string();
    let t = Tmux::new(dir.path(), "kill9", w.lang_env);
    t.start(&yishi_argv(w, &dbs));
    walk_to_roll_call(&t, w, 6);

    // Nobody has answered yet; the first voter is the one called.
    let s = t.screen();
    assert!(
        shown_answers(&s, w).is_empty(),
        "answers before any key:\n{s}"
    );
    assert_eq!(
        selected_row(&t).0,
        1,
        "the roll call starts at the first voter"
    );

    // Yes, no, abstain; skip voter 4 (↓) and answer voter 5 yes from a Chinese input
    // method (full-width ｙ). The next voter to call is then 6, not the skipped 4.
    for k in ["1", "2", "3"] {
        t.text(k);
    }
    t.keys(&["Down"]);
    t.text("ｙ");
    let unanswered = format!("{} 34 ", w.unanswered);
    let shown = t.wait_until("four answers in the table and the tally", |s| {
        shown_answers(s, w).len() == 4 && squeeze(s).contains(&unanswered)
    });
    let shown_map = shown_answers(&shown, w);
    let rows = vote_rows(&shown, w);
    let expected: Vec<Option<&str>> = vec![
        Some("同意"),
        Some("反对"),
        Some("弃权"),
        None,
        Some("同意"),
        None,
    ];
    let got: Vec<Option<&str>> = rows.iter().take(6).map(|r| r.answer.as_deref()).collect();
    assert_eq!(got, expected, "the 表决 column:\n{shown}");
    assert!(
        squeeze(&shown).contains(&format!("{} 2 ", w.choices[1].1)),
        "the tally counts two yes:\n{shown}"
    );

    // Pull the plug. The pane runs yishi itself (no shell in between).
    assert_eq!(t.var("pane_current_command"), "yishi");
    let pid: u32 = t.var("pane_pid").parse().expect("pane pid");
    signal(pid, "-KILL");
    wait("yishi to die", || !process_exists(pid) || !t.alive());
    wait("the session to end", || !t.alive());

    let conn = Connection::open(&db).expect("open the database");
    integrity_ok(&conn);
    let item = item_id(&conn);
    assert_eq!(
        stored_answers(&conn, item, w),
        shown_map,
        "the database holds exactly the answers the screen showed"
    );
    let status: String = conn
        .query_row(
            "SELECT status FROM agenda_items WHERE id = ?1",
            [item],
            |r| r.get(0),
        )
        .expect("item status");
    assert_eq!(status, "voting");
    let (num, name) = current_voter(&conn, item);
    assert_eq!(
        num, 6,
        "the saved position is the voter after the last answer"
    );
    drop(conn);

    // Start again: the open meeting is offered, and the roll call comes back.
    t.start(&yishi_argv(w, &dbs));
    t.wait_for(w.resume);
    t.wait_for(MEETING);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{}{ITEM}", w.vote));
    let s = t.wait_until("the answers after resuming", |s| {
        shown_answers(s, w).len() == 4
    });
    assert_eq!(
        shown_answers(&s, w),
        shown_map,
        "the same answers after resuming"
    );
    assert!(
        squeeze(&s).contains(&unanswered),
        "the tally after resuming:\n{s}"
    );
    assert_eq!(
        selected_row(&t),
        (num, name.clone()),
        "the selected row is the saved voter"
    );
    let conn = Connection::open(&db).expect("open the database");
    assert_eq!(
        current_voter(&conn, item),
        (num, name),
        "resuming keeps the position"
    );
    drop(conn);

    t.keys(&["C-c"]);
    wait("yishi to quit on Ctrl-C", || !t.alive());
}

/// Ctrl-C quits and gives the shell back its terminal: `stty -a` in the same pane shows
/// icanon, echo and isig; main screen, cursor visible, exit status 0. English by flag.
#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let w = &EN;
    let (dir, db) = demo(w);
    let (script, pidfile) = launcher(dir.path(), w, &db);
    let t = Tmux::new(dir.path(), "ctrlc", w.lang_env);
    t.start(&["bash", "--norc", "--noprofile"]);
    t.wait_prompt();
    let pid = launch_in_shell(&t, &script, &pidfile);
    t.wait_for(w.home);
    t.keys(&["Enter"]);
    t.wait_for(ITEM);
    assert_eq!(
        t.var("alternate_on"),
        "1",
        "yishi draws on the alternate screen"
    );
    t.keys(&["C-c"]);
    wait("yishi to quit on Ctrl-C", || !process_exists(pid));
    assert_terminal_restored(&t);
}

/// SIGTERM mid roll call: yishi ends by itself with the terminal restored, keeps the
/// answers, and the next start offers the open meeting and returns to the roll call.
#[test]
fn sigterm_restores_the_terminal_and_the_meeting_resumes() {
    if !tmux_available() {
        return;
    }
    let w = &EN;
    let (dir, db) = demo(w);
    let (script, pidfile) = launcher(dir.path(), w, &db);
    let t = Tmux::new(dir.path(), "sigterm", w.lang_env);
    t.start(&["bash", "--norc", "--noprofile"]);
    t.wait_prompt();
    let pid = launch_in_shell(&t, &script, &pidfile);
    // Four present (the roll call passes over absent voters, who cannot answer).
    walk_to_roll_call(&t, w, 4);
    // Voter 1 yes, skip voter 2, voter 3 no: the next to call is 4.
    t.text("1");
    t.keys(&["Down"]);
    t.text("n");
    let shown = t.wait_until("two answers", |s| shown_answers(s, w).len() == 2);
    let shown_map = shown_answers(&shown, w);

    signal(pid, "-TERM");
    wait("yishi to end on SIGTERM", || !process_exists(pid));
    assert_terminal_restored(&t);

    let conn = Connection::open(&db).expect("open the database");
    integrity_ok(&conn);
    let item = item_id(&conn);
    assert_eq!(stored_answers(&conn, item, w), shown_map);
    let (num, name) = current_voter(&conn, item);
    assert_eq!(
        num, 4,
        "the saved position is the voter after the last answer"
    );
    drop(conn);

    let pid = launch_in_shell(&t, &script, &pidfile);
    t.wait_for(w.resume);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{}{ITEM}", w.vote));
    let s = t.wait_until("the answers after resuming", |s| {
        shown_answers(s, w).len() == 2
    });
    assert_eq!(shown_answers(&s, w), shown_map);
    assert_eq!(selected_row(&t), (num, name));
    t.keys(&["C-c"]);
    wait("yishi to quit on Ctrl-C", || !process_exists(pid));
    assert_terminal_restored(&t);
}

/// Closing the terminal (the pane goes away: hang-up) ends yishi within seconds instead
/// of leaving it behind; the database stays intact and the meeting resumable.
#[test]
fn hangup_ends_yishi() {
    if !tmux_available() {
        return;
    }
    let w = &ZH;
    let (dir, db) = demo(w);
    let dbs = path_str(&db).to_string();
    let t = Tmux::new(dir.path(), "hangup", w.lang_env);
    t.start(&yishi_argv(w, &dbs));
    walk_to_roll_call(&t, w, 2);
    t.text("1");
    t.wait_until("one answer", |s| shown_answers(s, w).len() == 1);
    let pid: u32 = t.var("pane_pid").parse().expect("pane pid");
    // A second window keeps the server (yishi's parent, which reaps it) alive.
    t.run(&["new-window", "-d", "-t", SESSION, "cat"]);
    t.run(&["kill-pane", "-t", &format!("{SESSION}:0.0")]);
    let start = Instant::now();
    while process_exists(pid) {
        if start.elapsed() > TIMEOUT {
            // Do not leave it spinning behind the failed test.
            signal(pid, "-KILL");
            panic!("yishi still runs {TIMEOUT:?} after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let conn = Connection::open(&db).expect("open the database");
    integrity_ok(&conn);
    assert_eq!(stored_answers(&conn, item_id(&conn), w).len(), 1);
}

/// The "window too small" notice hides the screen: a key pressed then records nothing
/// (found item 3 of issue 10: resize to 30×8, press y, restore — an answer nobody saw).
#[test]
fn a_key_on_the_too_small_notice_records_nothing() {
    if !tmux_available() {
        return;
    }
    let w = &ZH;
    let (dir, db) = demo(w);
    let dbs = path_str(&db).to_string();
    let t = Tmux::new(dir.path(), "small", w.lang_env);
    t.start(&yishi_argv(w, &dbs));
    walk_to_roll_call(&t, w, OWNERS);
    let votes = |db: &Path| -> i64 {
        let conn = Connection::open(db).expect("open the database");
        let item = item_id(&conn);
        conn.query_row(
            "SELECT count(*) FROM votes WHERE item_id = ?1",
            [item],
            |r| r.get(0),
        )
        .expect("votes")
    };
    assert_eq!(votes(&db), 0);
    t.run(&["resize-window", "-t", SESSION, "-x", "30", "-y", "8"]);
    t.wait_for("窗口太小");
    t.text("y");
    t.text("1");
    // Give the program time to act on the keys, if it wrongly would.
    std::thread::sleep(Duration::from_millis(700));
    t.run(&["resize-window", "-t", SESSION, "-x", "100", "-y", "30"]);
    t.wait_for(&format!("{}{ITEM}", w.vote));
    let s = t.wait_for(w.tally);
    assert!(
        shown_answers(&s, w).is_empty(),
        "no answer on the screen:\n{s}"
    );
    assert_eq!(
        votes(&db),
        0,
        "nothing recorded while the screen was hidden"
    );
    // At full size the same key answers (the test can see an answer when there is one).
    t.text("y");
    wait("the answer to be stored", || votes(&db) == 1);
    t.keys(&["C-c"]);
    wait("yishi to quit on Ctrl-C", || !t.alive());
}
