//! A backup taken while a roll call is running opens and verifies.

use super::support::*;
use yishi::store::ids::{MeetingId, VoterId};

#[test]
fn backup_during_a_running_roll_call_opens_and_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("yishi.db");
    let mut store = Store::open(&path).expect("open");
    demo::install(&mut store).expect("demo");
    assert!(store.claim());
    // The demo's draft meeting is opened and its parking item put to the vote.
    let m = 2;
    store.start_meeting(MeetingId(m)).expect("start");
    let c = community(&store, demo::COMMUNITY);
    for v in store.voters(c).expect("voters") {
        store
            .mark_presence(MeetingId(m), v.id, PresenceKind::Present, None, None)
            .expect("presence");
    }
    let item = store
        .items(MeetingId(m))
        .expect("items")
        .into_iter()
        .find(|i| i.title == "停车管理公约")
        .expect("parking item")
        .id;
    store.start_vote(item).expect("vote");
    let ballots = store.ballots(item).expect("ballots");
    let half = ballots.len() / 2;
    let mut before = Vec::new();
    for (i, b) in ballots.iter().take(half).enumerate() {
        let c = if i % 3 == 0 { Choice::No } else { Choice::Yes };
        store
            .answer(item, VoterId(b.voter_id), c, None)
            .expect("answer");
        before.push((b.voter_id, c));
    }
    // The room goes on answering while the secretary takes the backup.
    let (started_tx, started_rx) = mpsc::channel();
    let rest: Vec<i64> = ballots[half..].iter().map(|b| b.voter_id).collect();
    let answering = std::thread::spawn(move || {
        for (n, v) in rest.into_iter().enumerate() {
            store
                .answer(item, VoterId(v), Choice::Abstain, None)
                .expect("answer");
            if n == 0 {
                started_tx.send(()).expect("send");
            }
            std::thread::sleep(Duration::from_millis(15));
        }
        store
    });
    started_rx.recv().expect("answering");
    let copy = dir.path().join("copy.db");
    let (code, out, err) = yishi(&["--db", &arg(&path), "backup", &arg(&copy)]);
    let store = answering.join().expect("thread");
    assert_eq!(code, 0, "{out}{err}");

    // The copy opens, passes integrity_check, verifies, and holds what was answered
    // before the backup.
    let raw = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("raw");
    let verdict: String = raw
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(verdict, "ok");
    drop(raw);
    let (code, out, err) = yishi(&["--db", &arg(&copy), "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    let backup = Store::open(&copy).expect("copy opens");
    let answers = backup.ballots(item).expect("ballots");
    for (voter, choice) in &before {
        let b = answers
            .iter()
            .find(|b| b.voter_id == *voter)
            .expect("voter in the copy");
        assert_eq!(b.choice, Some(*choice), "{}", b.name);
    }
    let in_copy = answers.iter().filter(|b| b.choice.is_some()).count();
    assert!(
        in_copy > half,
        "the answer given before the backup started is in it"
    );
    // The meeting is still open in the copy, as it was.
    assert_eq!(
        backup.meeting(MeetingId(m)).expect("m").status,
        yishi::domain::model::MeetingStatus::Open
    );
    // And the original lost nothing.
    assert!(
        store
            .ballots(item)
            .expect("b")
            .iter()
            .all(|b| b.choice.is_some())
    );
}
