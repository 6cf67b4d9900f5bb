//! Fault matrix, storage rows: the disk fills up, the file or its folder is read-only,
//! two yishi processes share one file. (Refusals of files that are not ours, truncated,
//! corrupted or newer are proven in tests/cli_foundation/ and
//! tests/store_roundtrip/; see the README, "Reliability".)

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::faults_support::{Tmux, count, demo_db, yishi_bin};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use rusqlite::Connection;
use yishi::domain::model::Choice;
use yishi::store::ids::{ItemId, MeetingId, VoterId};
use yishi::store::{Store, StoreError};
use yishi::strings::Lang;
use yishi::ui::App;

/// SQLite's default cap, to lift a simulated full disk.
const NO_LIMIT: i64 = 1_073_741_823;

fn draft_meeting(store: &Store) -> MeetingId {
    store
        .meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.status.as_db() == "draft")
        .expect("the demo has a draft meeting")
        .id
}

/// Open the demo's draft meeting and start the roll call on its item `title`.
fn voting(store: &mut Store, title: &str) -> (ItemId, Vec<VoterId>) {
    let m = draft_meeting(store);
    store.start_meeting(m).unwrap();
    // The roll call at the door first: everyone present.
    let community = store.meeting(m).unwrap().community_id;
    for v in store.voters(community).unwrap() {
        if !v.units.is_empty() {
            store
                .mark_presence(
                    m,
                    v.id,
                    yishi::domain::model::PresenceKind::Present,
                    None,
                    None,
                )
                .unwrap();
        }
    }
    let item = store
        .items(m)
        .unwrap()
        .into_iter()
        .find(|i| i.title == title)
        .expect(title)
        .id;
    store.start_vote(item).unwrap();
    let voters = store
        .ballots(item)
        .unwrap()
        .iter()
        .map(|b| VoterId(b.voter_id))
        .collect();
    (item, voters)
}

/// A voter's first answer, or a deliberate change of the one recorded (a second answer
/// over a first is refused).
fn answer_or_change(
    store: &mut Store,
    item: ItemId,
    voter: VoterId,
    choice: Choice,
    next: Option<VoterId>,
) -> Result<String, StoreError> {
    let answered = store
        .ballots(item)?
        .iter()
        .any(|b| b.voter_id == voter.0 && b.choice.is_some());
    if answered {
        store.correct_answer(item, voter, choice, next)
    } else {
        store.answer(item, voter, choice, next)
    }
}

fn integrity_ok(db: &Path) {
    let c = Connection::open(db).unwrap();
    let v: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, "ok");
}

#[test]
fn disk_full_during_a_roll_call_rolls_back_and_works_again_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("full.db");
    let mut store = Store::open(&db).unwrap();
    yishi::demo::install(&mut store).unwrap();
    let (item, voters) = voting(&mut store, "小区大门门禁系统升级");
    store
        .answer(item, voters[0], Choice::Yes, Some(voters[1]))
        .unwrap();

    // The disk is full: not one more page.
    let pages = store.page_count().unwrap();
    assert_eq!(store.set_max_pages(pages).unwrap(), pages);
    let audit_before = count(&db, "SELECT count(*) FROM audit_log");
    let mut refused = 0;
    // Answer, then change the answers round after round (each adds a row and an audit
    // line) until pages run out.
    for round in 0..200 {
        for (i, &v) in voters.iter().enumerate().skip(1) {
            let choice = if round % 2 == 0 {
                Choice::No
            } else {
                Choice::Abstain
            };
            match answer_or_change(&mut store, item, v, choice, voters.get(i + 1).copied()) {
                Ok(_) => {}
                Err(StoreError::DiskFull) => refused += 1,
                Err(e) => panic!("a full disk must be reported as such, not {e:?}"),
            }
        }
        if refused > 3 {
            break;
        }
    }
    assert!(refused > 0, "max_page_count never made a write fail");
    let msg = yishi::strings::store_error(Lang::En, &StoreError::DiskFull);
    assert!(
        msg.contains("disk is full") && msg.contains("not saved"),
        "{msg}"
    );
    assert!(yishi::strings::store_error(Lang::Zh, &StoreError::DiskFull).contains("磁盘已满"));
    // Whatever failed left nothing behind: every stored vote has its audit line, in order.
    drop(store);
    integrity_ok(&db);
    let votes = count(
        &db,
        &format!("SELECT count(*) FROM votes WHERE item_id = {item}"),
    );
    let vote_audits = count(
        &db,
        &format!("SELECT count(*) FROM audit_log WHERE action = 'vote' AND detail LIKE '{item} %'"),
    );
    assert_eq!(
        votes, vote_audits,
        "a half-written answer survived the rollback"
    );
    assert_eq!(
        count(
            &db,
            &format!("SELECT count(*) FROM vote_corrections WHERE item_id = {item}")
        ),
        count(
            &db,
            &format!(
                "SELECT count(*) FROM audit_log WHERE action = 'vote_correct' AND detail LIKE '{item} %'"
            ),
        ),
        "a half-written change survived the rollback"
    );
    assert!(count(&db, "SELECT count(*) FROM audit_log") >= audit_before);

    // Space again: the same actions now work.
    let mut store = Store::open(&db).unwrap();
    store.set_max_pages(NO_LIMIT).unwrap();
    for (i, &v) in voters.iter().enumerate().skip(1) {
        let now = store
            .ballots(item)
            .unwrap()
            .into_iter()
            .find(|b| b.voter_id == v.0)
            .and_then(|b| b.choice);
        let want = if now == Some(Choice::No) {
            Choice::Abstain
        } else {
            Choice::No
        };
        answer_or_change(&mut store, item, v, want, voters.get(i + 1).copied()).unwrap();
    }
    drop(store);
    assert_eq!(
        count(
            &db,
            &format!("SELECT count(*) FROM votes WHERE item_id = {item}")
        ),
        voters.len() as i64
    );
    integrity_ok(&db);
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[test]
fn disk_full_keeps_the_typed_remark_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("form.db");
    let mut store = Store::open(&db).unwrap();
    yishi::demo::install(&mut store).unwrap();
    let mut app = App::new(store, Lang::Zh);
    let press = |app: &mut App, code: KeyCode, m: KeyModifiers| {
        app.handle_key(key(code, m));
        crate::faults_support::render(app, 100, 30)
    };
    let n = KeyModifiers::NONE;
    // Open the draft meeting, skip the roll of attendance, go to the elevator item.
    press(&mut app, KeyCode::Enter, n);
    press(&mut app, KeyCode::Char('o'), n);
    press(&mut app, KeyCode::Enter, n);
    press(&mut app, KeyCode::Tab, n);
    press(&mut app, KeyCode::Down, n);
    let s = press(&mut app, KeyCode::Enter, n);
    assert!(s.contains("加装电梯"), "{s}");
    press(&mut app, KeyCode::Char('s'), n);
    for c in "韩国平".chars() {
        press(&mut app, KeyCode::Char(c), n);
    }
    press(&mut app, KeyCode::Enter, n);
    press(&mut app, KeyCode::Char('n'), n);
    press(&mut app, KeyCode::Char('r'), n);
    let typed = "希望补偿一楼绿地并公示方案";
    for c in typed.chars() {
        press(&mut app, KeyCode::Char(c), n);
    }
    // A long pasted remark: it cannot fit in the free space of existing pages.
    let pasted = "并说明补偿标准".repeat(700);
    app.handle_event(crossterm::event::Event::Paste(pasted.clone()));
    let whole = format!("{typed}{pasted}");
    let audit_before = count(&db, "SELECT count(*) FROM audit_log");

    let pages = app.store.page_count().unwrap();
    app.store.set_max_pages(pages).unwrap();
    let s = press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(
        s.contains("磁盘已满"),
        "the disk-full message is shown:\n{s}"
    );
    assert!(
        s.contains("发言记录") && s.contains("并说明补偿标准并说明补偿标准"),
        "the typed remark is still in the form:\n{s}"
    );
    assert_eq!(
        count(
            &db,
            &format!("SELECT count(*) FROM remarks WHERE text = '{whole}'")
        ),
        0,
        "the failed save was rolled back"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM audit_log"), audit_before);

    // Space is freed: saving again works, with the same text.
    app.store.set_max_pages(NO_LIMIT).unwrap();
    let s = press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(!s.contains("磁盘已满"), "{s}");
    assert_eq!(
        count(
            &db,
            &format!("SELECT count(*) FROM remarks WHERE text = '{whole}'")
        ),
        1
    );
    drop(app);
    integrity_ok(&db);
}

/// Every file in `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let m = fs::metadata(&p).unwrap();
            let bytes = if m.is_file() {
                fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (p, bytes, m.modified().unwrap())
        })
        .collect();
    v.sort();
    v
}

/// A demo database with its WAL folded in, alone in its folder.
fn settled_demo(dir: &Path) -> PathBuf {
    let db = demo_db(dir);
    let c = Connection::open(&db).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(c);
    for ext in ["-wal", "-shm", ".lock"] {
        let mut p = db.as_os_str().to_owned();
        p.push(ext);
        let _ = fs::remove_file(PathBuf::from(p));
    }
    db
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(p, fs::Permissions::from_mode(mode)).unwrap();
}

/// Open read-only through the store and the real program; nothing may change on disk.
#[cfg(unix)]
fn check_review_only(dir: &Path, db: &Path) {
    let before = snapshot(dir);
    let mut store = Store::open(db).expect("a read-only database opens for review");
    assert!(store.read_only());
    assert!(
        !store.claim(),
        "no claim (and no lock file) on a read-only file"
    );
    assert!(!store.meetings(None).unwrap().is_empty(), "review works");
    let m = draft_meeting(&store);
    assert!(matches!(store.start_meeting(m), Err(StoreError::ReadOnly)));
    drop(store);
    // The command line reads it.
    let out = Command::new(yishi_bin())
        .args(["--lang", "en", "--db"])
        .arg(db)
        .args(["minutes", "list"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The full-screen program says so and refuses a change.
    let t = Tmux::start(
        &format!("{} --lang en --db {}", yishi_bin(), db.display()),
        100,
        30,
    );
    t.wait_for("read-only");
    t.keys(&["Enter"]);
    t.keys(&["o"]);
    t.keys(&["Enter"]);
    let s = t.wait_for("review only");
    assert!(!s.contains("panicked"), "{s}");
    t.keys(&["C-c"]);
    t.wait_exit();
    drop(t);
    assert_eq!(before, snapshot(dir), "a read-only database was written to");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_for_review_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = settled_demo(dir.path());
    set_mode(&db, 0o444);
    check_review_only(dir.path(), &db);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_opens_for_review_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("ro");
    fs::create_dir(&sub).unwrap();
    let db = settled_demo(&sub);
    set_mode(&sub, 0o555);
    check_review_only(&sub, &db);
    set_mode(&sub, 0o755);
}

#[test]
fn two_processes_on_one_file_second_reviews_and_no_answer_is_lost_or_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let cmd = format!("{} --lang en --db {}", yishi_bin(), db.display());
    let first = Tmux::start(&cmd, 100, 30);
    first.wait_for("new meeting");
    // The first opens the meeting and starts the gate vote.
    first.keys(&["Enter"]);
    first.keys(&["o"]);
    first.keys(&["Enter"]);
    first.wait_for("Attendance");
    for _ in 0..38 {
        first.keys(&["p"]);
    }
    first.keys(&["Tab"]);
    first.keys(&["Down"]);
    first.keys(&["Down"]);
    first.keys(&["Enter"]);
    first.keys(&["v"]);
    first.keys(&["Enter"]);
    first.wait_for("Roll-call");
    let item: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT id FROM agenda_items WHERE status = 'voting'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let votes = || {
        count(
            &db,
            &format!("SELECT count(*) FROM votes WHERE item_id = {item}"),
        )
    };
    for _ in 0..5 {
        first.keys(&["y"]);
    }
    crate::faults_support::wait_until(|| votes() == 5);

    // The second is told and offered review only; its keys change nothing.
    let second = Tmux::start(&cmd, 100, 30);
    let s = second.wait_for("open elsewhere");
    assert!(s.contains("read-only review"), "{s}");
    second.keys(&["Enter"]);
    second.keys(&["Enter"]);
    second.keys(&["v"]);
    second.keys(&["Enter"]);
    for _ in 0..3 {
        second.keys(&["n"]);
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(votes(), 5, "the read-only copy recorded something");
    // A command-line write is refused too while the meeting runs.
    let out = Command::new(yishi_bin())
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["demo", "--no-tui"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    // The first goes on; every answer is there exactly once.
    for _ in 0..5 {
        first.keys(&["n"]);
    }
    crate::faults_support::wait_until(|| votes() == 10);
    second.keys(&["C-c"]);
    second.wait_exit();
    first.keys(&["C-c"]);
    first.wait_exit();
    let c = Connection::open(&db).unwrap();
    let (n, distinct): (i64, i64) = c
        .query_row(
            &format!("SELECT count(*), count(DISTINCT voter_id) FROM votes WHERE item_id = {item}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((n, distinct), (10, 10));
    let yes = count(
        &db,
        &format!("SELECT count(*) FROM votes WHERE item_id = {item} AND choice = 'yes'"),
    );
    assert_eq!(yes, 5);
    integrity_ok(&db);
}
