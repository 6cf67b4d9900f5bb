//! A roll call killed with SIGKILL mid-way loses nothing and resumes at the next voter.

use super::support::*;

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
