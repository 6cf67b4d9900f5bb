//! The demo database, the launcher and reading the screen and the database back.
#![allow(dead_code, unused_imports)]

pub use std::collections::BTreeMap;
pub use std::path::{Path, PathBuf};
pub use std::process::{Command, Output};
pub use std::sync::atomic::{AtomicUsize, Ordering};
pub use std::time::{Duration, Instant};

pub use rusqlite::Connection;
pub use tempfile::TempDir;

pub use super::tmux::*;

// ---------------------------------------------------------------- yishi and its data

/// A temp folder with the demo installed in `yishi.db`.
pub fn demo(words: &Words) -> (TempDir, PathBuf) {
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

pub fn yishi_argv<'a>(words: &Words, db: &'a str) -> Vec<&'a str> {
    let mut v = vec![BIN];
    if let Some(l) = words.lang_flag {
        v.extend(["--lang", l]);
    }
    v.extend(["--db", db]);
    v
}

pub fn path_str(p: &Path) -> &str {
    let s = p.to_str().expect("UTF-8 path");
    assert!(
        !s.contains(['\'', '"', '\\', '$', '`', ' ']),
        "path needs no quoting: {s}"
    );
    s
}

/// A script the pane's shell runs: it records its pid, then becomes yishi (so the pid is
/// yishi's while the shell stays the pane's process).
pub fn launcher(dir: &Path, words: &Words, db: &Path) -> (PathBuf, PathBuf) {
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
pub fn launch_in_shell(t: &Tmux, script: &Path, pidfile: &Path) -> u32 {
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
pub struct Row {
    pub num: usize,
    pub name: String,
    pub answer: Option<String>,
}

/// The roll-call table's rows on the screen (the left panel of the vote screen).
pub fn vote_rows(screen: &str, words: &Words) -> Vec<Row> {
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
pub fn shown_answers(screen: &str, words: &Words) -> BTreeMap<String, String> {
    vote_rows(screen, words)
        .into_iter()
        .filter_map(|r| Some((r.name, r.answer?)))
        .collect()
}

/// Whitespace runs squeezed to one space, so figures can be found in aligned columns.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each line drawn on the selection's yellow background, read from
/// `capture-pane -e` (SGR state carries across lines as tmux writes it).
pub fn highlighted_lines(styled: &str) -> Vec<String> {
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
pub fn selected_row(t: &Tmux) -> (usize, String) {
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

pub fn item_id(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE m.title = ?1 AND i.title = ?2",
        [MEETING, ITEM],
        |r| r.get(0),
    )
    .expect("the demo's item")
}

/// Name → answer as the database holds them for the item, in the screen's words.
pub fn stored_answers(conn: &Connection, item: i64, words: &Words) -> BTreeMap<String, String> {
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
pub fn current_voter(conn: &Connection, item: i64) -> (usize, String) {
    conn.query_row(
        "SELECT e.position, e.name FROM agenda_items i
         JOIN vote_eligible e ON e.item_id = i.id AND e.voter_id = i.current_voter
         WHERE i.id = ?1",
        [item],
        |r| Ok((r.get::<_, i64>(0)? as usize + 1, r.get(1)?)),
    )
    .expect("the item's current voter")
}

pub fn integrity_ok(conn: &Connection) {
    let s: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(s, "ok", "PRAGMA integrity_check");
}

/// From home to the roll call on item 2: open the draft meeting, mark `present` voters
/// present, open item 2 from the agenda, start its vote.
/// The demo's owners (its roster: 38 voters holding units).
pub const OWNERS: usize = 38;

/// Walk from home to the gate item's roll call: the first `present` owners present, the
/// rest called absent (a vote starts only after the whole roll call at the door).
pub fn walk_to_roll_call(t: &Tmux, w: &Words, present: usize) {
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
pub fn assert_terminal_restored(t: &Tmux) {
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
