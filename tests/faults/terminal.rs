//! Fault matrix, terminal rows, on the real binary in tmux: a panic inside the UI and
//! SIGHUP leave the terminal usable (`stty -a` shows icanon and echo) and the meeting
//! resumable; kill -9 at several points of a roll call loses no answer that was on
//! screen and resumes at the next voter. (Ctrl-C, SIGTERM and one kill -9 are in
//! tests/smoke_tmux/.)

use std::path::Path;
use std::process::Command;

use crate::faults_support::{Tmux, count, demo_db, wait_until, yishi, yishi_bin};

fn cmd(db: &Path, env: &str) -> String {
    format!("{env} {} --lang en --db {}", yishi_bin(), db.display())
}

/// Open the demo's draft meeting, mark everyone present and start the gate's roll call.
fn to_roll_call(t: &Tmux) {
    t.wait_for("new meeting");
    t.keys(&["Enter"]);
    t.keys(&["o"]);
    t.keys(&["Enter"]);
    t.wait_for("Attendance");
    for _ in 0..38 {
        t.keys(&["p"]);
    }
    t.keys(&["Tab"]);
    t.keys(&["Down"]);
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    t.keys(&["v"]);
    t.keys(&["Enter"]);
    t.wait_for("Roll-call vote");
}

fn votes(db: &Path) -> i64 {
    count(
        db,
        "SELECT count(*) FROM votes WHERE item_id = (SELECT id FROM agenda_items WHERE title = '小区大门门禁系统升级')",
    )
}

fn healthy(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(c);
    let o = yishi(db, &["--lang", "en", "verify"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "verify: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The terminal is back to normal after the program ended.
fn assert_restored(t: &Tmux) {
    let stty = t.stty_after_exit();
    assert!(
        stty.split_whitespace().any(|w| w == "icanon")
            && stty.split_whitespace().any(|w| w == "echo"),
        "the terminal was left raw: {stty:?}"
    );
}

/// Restart on the same file: the open meeting resumes at the roll call, on voter `next`.
fn resumes_at(db: &Path, next: i64) {
    let t = Tmux::start(&cmd(db, ""), 100, 30);
    t.wait_for("new meeting");
    t.keys(&["Enter"]);
    let s = t.wait_for("Roll-call vote");
    assert!(
        s.lines().any(|l| l.contains(&format!("> {next} "))),
        "the roll call resumes at voter {next}:\n{s}"
    );
    t.keys(&["C-c"]);
    t.wait_exit();
}

#[test]
fn a_panic_inside_the_ui_restores_the_terminal_and_the_meeting_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&cmd(&db, "YISHI_TEST_PANIC=1"), 100, 30);
    to_roll_call(&t);
    for _ in 0..4 {
        t.keys(&["y"]);
    }
    wait_until(|| votes(&db) == 4);
    t.keys(&["F12"]);
    let exit = t.wait_exit();
    assert_eq!(exit, "EXITED:101", "the forced panic ended the program");
    assert_restored(&t);
    let pane = t.capture(false);
    assert!(
        !pane.contains("Roll-call vote"),
        "left the alternate screen:\n{pane}"
    );
    drop(t);
    assert_eq!(votes(&db), 4);
    healthy(&db);
    resumes_at(&db, 5);
}

#[test]
fn sighup_restores_the_terminal_and_the_meeting_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let t = Tmux::start(&cmd(&db, ""), 100, 30);
    to_roll_call(&t);
    for _ in 0..6 {
        t.keys(&["n"]);
    }
    wait_until(|| votes(&db) == 6);
    let pid = t.program_pid();
    let ok = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let exit = t.wait_exit();
    assert_eq!(exit, "EXITED:0", "SIGHUP ends the program cleanly");
    assert_restored(&t);
    drop(t);
    assert_eq!(votes(&db), 6);
    healthy(&db);
    resumes_at(&db, 7);
}

#[test]
fn kill_9_at_several_points_of_a_roll_call_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut answered = 0;
    for (round, answers) in [2, 5, 1, 9].into_iter().enumerate() {
        let t = Tmux::start(&cmd(&db, ""), 100, 30);
        if round == 0 {
            to_roll_call(&t);
        } else {
            t.wait_for("new meeting");
            t.keys(&["Enter"]);
            t.wait_for("Roll-call vote");
        }
        for i in 0..answers {
            t.keys(&[["y", "n", "a"][i % 3]]);
        }
        answered += answers as i64;
        // Every answer on screen is committed: the tally shows it before the kill.
        wait_until(|| votes(&db) == answered);
        let pid = t.program_pid();
        let ok = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        // (The pane is left raw by kill -9, as any program's would be: SIGKILL cannot
        // be caught. Wait for the process to be gone.)
        wait_until(|| !Path::new(&format!("/proc/{pid}")).exists());
        drop(t);
        assert_eq!(votes(&db), answered, "round {round}");
        healthy(&db);
        resumes_at(&db, answered + 1);
    }
    // No answer was doubled.
    let distinct = count(
        &db,
        "SELECT count(DISTINCT voter_id) FROM votes WHERE item_id = (SELECT id FROM agenda_items WHERE title = '小区大门门禁系统升级')",
    );
    assert_eq!(distinct, answered);
}
