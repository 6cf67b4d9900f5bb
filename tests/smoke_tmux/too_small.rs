//! A key on the too-small notice records nothing.

use super::support::*;

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
