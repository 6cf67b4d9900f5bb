//! Ctrl-C, SIGTERM and a hang-up each end yishi and give the terminal back.

use super::support::*;

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
