//! The store through its public API on a temporary database: a meeting from preparation
//! to adjournment, every record read back through `meeting_record`, identical after the
//! file is closed and opened again; plus what `Store::open` refuses, file permissions and
//! the migration path.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tempfile::TempDir;
use yishi::domain::model::{
    Category, Choice, Electorate, ItemStatus, MeetingKind, MeetingStatus, PresenceKind, Scope,
    ScopeKind, VoterKind,
};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Flag, Rule, RuleKind};
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::{APPLICATION_ID, SCHEMA_VERSION, Store, StoreError};

/// Roster order is file order. 3栋2单元 is the elevator's scope: 王一, 李二, 黄小明 (one
/// of his two units), the developer (two of three units) and the co-owners. 赵三 lives in
/// 3栋1单元 and 钱四 in 2栋2单元 (same unit name, other building): both outside.
const ROSTER: &str = "label,building,unit,area,owner,kind
3栋2单元101,3栋,2单元,80.00,王一,
3栋2单元201,3栋,2单元,90.50,李二,
3栋2单元301,3栋,2单元,100.25,黄小明,
1栋1单元101,1栋,1单元,70.00,黄小明,
3栋2单元401,3栋,2单元,110.00,华景置业,developer
3栋2单元501,3栋,2单元,111.11,华景置业,developer
3栋1单元601,3栋,1单元,95.00,华景置业,developer
3栋2单元601,3栋,2单元,120.00,张伟、李娜,coowners
3栋1单元101,3栋,1单元,60.00,赵三,
2栋2单元101,2栋,2单元,65.00,钱四,
";

fn temp_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("roundtrip.db");
    (dir, path)
}

fn meeting_input(title: &str) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::OwnersAssembly,
        title: title.into(),
        starts_at: "2026-11-28 09:30".into(),
        venue: "望城小区党群服务中心".into(),
        host: "黄小明".into(),
        secretary: "李秀英".into(),
        language: "zh".into(),
    }
}

fn item_input(title: &str, category: Category, scope: Scope, kind: RuleKind) -> ItemInput {
    ItemInput {
        title: title.into(),
        category,
        proposer: "业主委员会".into(),
        proposal: format!("{title}：第一稿。\n第二行。"),
        scope,
        rule: Rule::new(kind),
    }
}

fn unit_scope() -> Scope {
    Scope {
        kind: ScopeKind::Unit,
        building: "3栋".into(),
        unit: "2单元".into(),
    }
}

struct Ids {
    community: i64,
    wang: i64,
    li: i64,
    huang: i64,
    developer: i64,
    coowners: i64,
    zhao: i64,
    qian: i64,
}

fn roster(store: &mut Store) -> Ids {
    let rows = roster_csv::parse(ROSTER.as_bytes()).expect("roster parses");
    let (voters, units) = store.import_roster("望城小区", &rows).unwrap();
    assert_eq!((voters, units), (7, 10));
    let community = store.community_by_name("望城小区").unwrap().unwrap().id;
    let voters = store.voters(community).unwrap();
    let id = |name: &str| voters.iter().find(|v| v.name == name).unwrap().id;
    let dev = voters.iter().find(|v| v.name == "华景置业").unwrap();
    assert_eq!(dev.kind, VoterKind::Developer);
    assert_eq!(dev.units.len(), 3);
    assert_eq!(dev.area(), 11000 + 11111 + 9500);
    Ids {
        community,
        wang: id("王一"),
        li: id("李二"),
        huang: id("黄小明"),
        developer: dev.id,
        coowners: id("张伟、李娜"),
        zhao: id("赵三"),
        qian: id("钱四"),
    }
}

#[test]
fn a_meeting_from_draft_to_adjourned_reads_back_identical() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    assert!(!store.read_only());
    let ids = roster(&mut store);

    // --- preparation: create, three items, reorder, amend (revisions kept)
    let m = store
        .create_meeting(
            ids.community,
            Electorate::Owners,
            &meeting_input("2026年第二次业主大会"),
        )
        .unwrap();
    let elevator = store
        .add_item(
            m,
            &item_input(
                "3栋2单元加装电梯",
                Category::Elevator,
                unit_scope(),
                RuleKind::Elevator {
                    legacy_two_thirds: false,
                    shaft_voters: vec![ids.wang],
                },
            ),
        )
        .unwrap();
    let gate = store
        .add_item(
            m,
            &item_input(
                "安装小区大门",
                Category::Gate,
                Scope::all(),
                RuleKind::Art278Major,
            ),
        )
        .unwrap();
    let parking = store
        .add_item(
            m,
            &item_input(
                "停车管理公约",
                Category::Parking,
                Scope::all(),
                RuleKind::Art278Ordinary,
            ),
        )
        .unwrap();
    let order = |s: &Store| -> Vec<i64> { s.items(m).unwrap().iter().map(|i| i.id).collect() };
    assert_eq!(order(&store), vec![elevator, gate, parking]);
    store.move_item(parking, -1).unwrap();
    assert_eq!(order(&store), vec![elevator, parking, gate]);
    store.move_item(elevator, -1).unwrap(); // already first: nothing moves
    store.move_item(gate, 1).unwrap(); // already last
    assert_eq!(order(&store), vec![elevator, parking, gate]);
    let positions: Vec<i64> = store.items(m).unwrap().iter().map(|i| i.position).collect();
    assert_eq!(positions, vec![1, 2, 3]);

    assert!(
        store
            .amend_proposal(elevator, "3栋2单元加装电梯：第二稿。")
            .unwrap()
    );
    assert!(
        !store
            .amend_proposal(elevator, "3栋2单元加装电梯：第二稿。")
            .unwrap(),
        "the same text is not a new revision"
    );
    store.start_meeting(m).unwrap();
    assert!(
        store
            .amend_proposal(elevator, "3栋2单元加装电梯：第三稿，补贴20万元。")
            .unwrap(),
        "amending is allowed in the open meeting before the vote"
    );
    let e = store.item(elevator).unwrap();
    assert_eq!(e.revisions, 3);
    assert_eq!(e.proposal, "3栋2单元加装电梯：第三稿，补贴20万元。");
    assert!(
        store.move_item(gate, -1).is_err(),
        "an open agenda keeps its order"
    );

    // An item added after opening is marked as not on the published agenda.
    let late = store
        .add_item(
            m,
            &item_input(
                "临时动议：议事亭捐款公示",
                Category::Other,
                Scope::all(),
                RuleKind::NoVote,
            ),
        )
        .unwrap();
    assert!(store.item(late).unwrap().added_late);
    assert!(!store.item(gate).unwrap().added_late);

    // --- presence: a timeline, not a flag
    store
        .mark_presence(m, ids.wang, PresenceKind::Present, None, None)
        .unwrap();
    assert!(
        store
            .mark_presence(m, ids.li, PresenceKind::Proxy, Some(("周国平", "")), None)
            .is_err(),
        "a proxy needs the 委托书 reference"
    );
    store
        .mark_presence(
            m,
            ids.li,
            PresenceKind::Proxy,
            Some(("周国平", "WT-2026-007")),
            None,
        )
        .unwrap();
    store
        .mark_presence(m, ids.huang, PresenceKind::Absent, None, None)
        .unwrap();
    store
        .mark_presence(m, ids.huang, PresenceKind::Arrive, None, None)
        .unwrap();
    store
        .mark_presence(m, ids.developer, PresenceKind::Present, None, None)
        .unwrap();
    store
        .mark_presence(m, ids.coowners, PresenceKind::Present, None, None)
        .unwrap();
    store
        .mark_presence(m, ids.zhao, PresenceKind::Present, None, None)
        .unwrap();
    store
        .mark_presence(m, ids.qian, PresenceKind::Arrive, None, None)
        .unwrap();
    store
        .mark_presence(m, ids.qian, PresenceKind::Leave, None, None)
        .unwrap();
    assert!(
        store
            .mark_presence(m, ids.wang, PresenceKind::Recuse, None, None)
            .is_err(),
        "a recusal is for one item"
    );
    // No 回避 under art. 278 (the elevator rule is one of its rules): the base is all
    // owners of the scope.
    assert!(
        store
            .mark_presence(m, ids.wang, PresenceKind::Recuse, None, Some(elevator))
            .is_err(),
        "no recusal under art. 278"
    );
    let presence = store.presence(m).unwrap();
    assert_eq!(presence.len(), 9);
    assert_eq!(presence[1].proxy_name, "周国平");
    assert_eq!(presence[1].proxy_ref, "WT-2026-007");
    assert_eq!(presence.last().unwrap().kind, PresenceKind::Leave);

    // --- discussion: the speakers' queue and remarks
    let r1 = store.queue_speaker(elevator, "赵德华", None).unwrap();
    let r2 = store
        .queue_speaker(elevator, "黄小明", Some(ids.huang))
        .unwrap();
    let r3 = store.queue_speaker(elevator, "刘桂兰", None).unwrap();
    assert_eq!(store.item(elevator).unwrap().status, ItemStatus::Discussing);
    assert_eq!(store.next_speaker(elevator).unwrap(), Some(r1));
    store
        .record_remark(r1, "支持加装电梯，老人上下楼太难。\n建议尽快申请补贴。")
        .unwrap();
    assert_eq!(store.next_speaker(elevator).unwrap(), Some(r2));
    store.record_remark(r2, "一楼住户的采光要考虑。").unwrap();
    assert_eq!(store.next_speaker(elevator).unwrap(), Some(r3));
    // 刘桂兰 spoke but nothing was recorded: not in the minutes' remarks.
    assert_eq!(store.next_speaker(elevator).unwrap(), None);
    let remarks = store.remarks(elevator).unwrap();
    assert_eq!(remarks.len(), 3);
    assert!(remarks.iter().all(|r| r.state == "done"));
    assert_eq!(
        remarks[0].text,
        "支持加装电梯，老人上下楼太难。\n建议尽快申请补贴。"
    );

    // --- the elevator vote: scoped electorate frozen at the start
    store.start_vote(elevator).unwrap();
    assert!(
        store.amend_proposal(elevator, "晚了").is_err(),
        "no amendment once the vote started"
    );
    assert!(store.start_vote(elevator).is_err(), "started twice");
    let ballots = store.ballots(elevator).unwrap();
    let names: Vec<&str> = ballots.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["王一", "李二", "黄小明", "华景置业", "张伟、李娜"],
        "only the voters of 3栋2单元, in roster order"
    );
    let area = |v: i64| ballots.iter().find(|b| b.voter_id == v).unwrap().area;
    assert_eq!(area(ids.huang), 10025, "only his unit inside the scope");
    assert_eq!(
        area(ids.developer),
        11000 + 11111,
        "the developer is one voter with its in-scope area"
    );
    assert_eq!(area(ids.coowners), 12000, "co-owners are one voter");
    let li = ballots.iter().find(|b| b.voter_id == ids.li).unwrap();
    assert!(li.present);
    assert_eq!(
        (li.proxy_name.as_str(), li.proxy_ref.as_str()),
        ("周国平", "WT-2026-007")
    );
    assert!(
        ballots
            .iter()
            .find(|b| b.voter_id == ids.huang)
            .unwrap()
            .present
    );
    assert!(ballots.iter().all(|b| b.choice.is_none()));

    // Presence changes after the start do not change the frozen list.
    store
        .mark_presence(m, ids.coowners, PresenceKind::Leave, None, None)
        .unwrap();
    assert_eq!(store.ballots(elevator).unwrap(), ballots);

    // Answers, undo and re-answer.
    assert!(
        store.answer(elevator, ids.zhao, Choice::Yes, None).is_err(),
        "赵三 is outside the scope"
    );
    store
        .answer(elevator, ids.li, Choice::Yes, Some(ids.huang))
        .unwrap();
    store
        .answer(elevator, ids.huang, Choice::No, Some(ids.developer))
        .unwrap();
    assert_eq!(store.undo_answer(elevator).unwrap(), Some(ids.huang));
    let b = store.ballots(elevator).unwrap();
    assert_eq!(
        b.iter().find(|x| x.voter_id == ids.huang).unwrap().choice,
        None
    );
    assert_eq!(
        store.item(elevator).unwrap().current_voter,
        Some(ids.huang),
        "the roll call goes back to the voter whose answer was undone"
    );
    store
        .answer(elevator, ids.huang, Choice::Yes, Some(ids.developer))
        .unwrap();
    store
        .answer(elevator, ids.developer, Choice::Yes, Some(ids.coowners))
        .unwrap();
    // The co-owners left: their answer is refused until their return is recorded.
    assert!(
        store
            .answer(elevator, ids.coowners, Choice::Abstain, None)
            .is_err(),
        "a voter who left cannot answer"
    );
    store
        .mark_presence(m, ids.coowners, PresenceKind::Arrive, None, None)
        .unwrap();
    store
        .answer(elevator, ids.coowners, Choice::Abstain, None)
        .unwrap();
    // A second answer is refused: a change is a correction, kept in the record.
    assert!(
        store
            .answer(elevator, ids.coowners, Choice::Yes, None)
            .is_err()
    );
    store
        .correct_answer(elevator, ids.coowners, Choice::Yes, None)
        .unwrap();
    let b = store.ballots(elevator).unwrap();
    assert_eq!(b.len(), 5);
    // 王一 (the shaft owner) has not answered: not voting when the vote closes.
    assert!(
        b.iter()
            .filter(|x| x.voter_id != ids.wang)
            .all(|x| x.choice.is_some())
    );
    assert!(
        b.iter()
            .filter(|x| x.choice.is_some())
            .all(|x| x.at.is_some())
    );
    let coowners = b.iter().find(|x| x.voter_id == ids.coowners).unwrap();
    assert_eq!(coowners.first_choice(), Some(Choice::Abstain));
    assert_eq!(coowners.corrections.len(), 1, "the change is kept");
    store
        .mark_presence(m, ids.coowners, PresenceKind::Leave, None, None)
        .unwrap();
    let outcome = store.close_vote(elevator).unwrap();
    assert!(outcome.passed, "{outcome:?}");
    assert_eq!(outcome.tally.recused, 0);
    assert_eq!(
        outcome.tally.eligible, 5,
        "the base is all owners of the scope"
    );
    assert_eq!(outcome.tally.yes, 4);
    assert_eq!(outcome.tally.yes_area, 9050 + 10025 + 22111 + 12000);
    assert_eq!(
        outcome.flags,
        vec![Flag::ShaftOwnerNotAgreed(ids.wang)],
        "the shaft owner did not agree: flagged"
    );
    assert_eq!(store.item(elevator).unwrap().status, ItemStatus::Closed);
    let (_, _, stored) = store.closure(elevator).unwrap().expect("closure");
    assert_eq!(stored, outcome, "the outcome is stored with every figure");
    assert!(store.answer(elevator, ids.li, Choice::No, None).is_err());
    assert!(store.undo_answer(elevator).is_err());
    assert!(store.start_vote(elevator).is_err());

    // --- the gate: whole compound; the developer with its full area; unanswered voters
    // become "not voting" when the vote closes.
    store.start_vote(gate).unwrap();
    let gb = store.ballots(gate).unwrap();
    assert_eq!(gb.len(), 7, "every voter of the compound");
    let garea = |v: i64| gb.iter().find(|b| b.voter_id == v).unwrap().area;
    assert_eq!(garea(ids.developer), 11000 + 11111 + 9500);
    assert_eq!(garea(ids.huang), 10025 + 7000);
    assert!(
        !gb.iter().find(|b| b.voter_id == ids.qian).unwrap().present,
        "钱四 left"
    );
    assert!(
        !gb.iter()
            .find(|b| b.voter_id == ids.coowners)
            .unwrap()
            .present,
        "the co-owners left after the first vote"
    );
    assert!(gb.iter().all(|b| b.choice.is_none()), "nobody recused here");
    assert!(store.adjourn(m).is_err(), "a vote is still running");
    for v in [ids.wang, ids.li, ids.huang] {
        store.answer(gate, v, Choice::Yes, None).unwrap();
    }
    store.answer(gate, ids.zhao, Choice::No, None).unwrap();
    let gate_outcome = store.close_vote(gate).unwrap();
    assert!(!gate_outcome.passed, "4 of 7 took part: below 2/3");
    let gb = store.ballots(gate).unwrap();
    assert_eq!(
        gb.iter()
            .filter(|b| b.choice == Some(Choice::NotVoting))
            .count(),
        3
    );
    store
        .add_action(gate, "重新征求意见", "业主委员会", "2027-01-31")
        .unwrap();
    assert!(store.add_action(gate, "坏日期", "", "明天").is_err());
    store.finish_discussion(late).unwrap();
    store.remove_item(parking).unwrap(); // withdrawn in an open meeting, still listed
    assert_eq!(store.item(parking).unwrap().status, ItemStatus::Withdrawn);
    store
        .set_summary(m, "电梯议案通过；大门议案未获通过。")
        .unwrap();
    store.adjourn(m).unwrap();
    assert!(
        store
            .mark_presence(m, ids.zhao, PresenceKind::Leave, None, None)
            .is_err(),
        "the record of an adjourned meeting is closed"
    );

    // --- the complete record
    let record = store.meeting_record(m).unwrap();
    assert_eq!(record.title, "2026年第二次业主大会");
    assert_eq!(record.status, MeetingStatus::Adjourned);
    assert!(record.opened_at.is_some() && record.adjourned_at.is_some());
    assert_eq!(record.summary, "电梯议案通过；大门议案未获通过。");
    assert_eq!(record.presence.len(), 12);
    let titles: Vec<&str> = record.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "3栋2单元加装电梯",
            "停车管理公约",
            "安装小区大门",
            "临时动议：议事亭捐款公示"
        ]
    );
    let re = &record.items[0];
    assert_eq!(re.revisions.len(), 3, "every revision kept");
    assert_eq!(re.revisions[0].text, "3栋2单元加装电梯：第一稿。\n第二行。");
    assert_eq!(re.proposal(), "3栋2单元加装电梯：第三稿，补贴20万元。");
    assert_eq!(re.scope, unit_scope());
    assert_eq!(re.remarks.len(), 2, "remarks with text, in order");
    assert_eq!(re.remarks[0].speaker, "赵德华");
    assert_eq!(re.remarks[1].speaker, "黄小明");
    let vote = re.vote.as_ref().expect("the elevator vote");
    assert_eq!(vote.ballots.len(), 5);
    assert!(vote.closed_at.is_some());
    assert_eq!(vote.outcome.as_ref(), Some(&outcome));
    assert!(matches!(re.rule.kind, RuleKind::Elevator { .. }));
    assert!(record.items[1].vote.is_none(), "parking was withdrawn");
    assert_eq!(record.items[1].status, ItemStatus::Withdrawn);
    let rg = &record.items[2];
    assert_eq!(
        rg.vote.as_ref().unwrap().outcome.as_ref(),
        Some(&gate_outcome)
    );
    assert_eq!(rg.actions.len(), 1);
    assert_eq!(rg.actions[0].due, "2027-01-31");
    assert!(record.items[3].added_late);
    assert!(record.addenda.is_empty());

    // --- close the file, open it again: the same record
    drop(store);
    let store = Store::open(&path).unwrap();
    let again = store.meeting_record(m).unwrap();
    assert_eq!(again, record);
    // And the same through JSON (what an export carries).
    let json = serde_json::to_string(&record).unwrap();
    let back: yishi::domain::record::MeetingRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
}

/// The roll call at the door: everyone of the roster present (a vote needs it first).
fn all_present(store: &mut Store, m: i64, community: i64) {
    for v in store.voters(community).unwrap() {
        store
            .mark_presence(m, v.id, PresenceKind::Present, None, None)
            .unwrap();
    }
}

#[test]
fn undo_with_only_a_recusal_recorded_keeps_the_recusal() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let ids = roster(&mut store);
    let m = store
        .create_meeting(ids.community, Electorate::Owners, &meeting_input("会议"))
        .unwrap();
    let item = store
        .add_item(
            m,
            &item_input(
                "电梯",
                Category::Elevator,
                unit_scope(),
                // A council's rule: recusal exists there (not under art. 278).
                RuleKind::Committee,
            ),
        )
        .unwrap();
    store.start_meeting(m).unwrap();
    all_present(&mut store, m, ids.community);
    store
        .mark_presence(m, ids.wang, PresenceKind::Recuse, None, Some(item))
        .unwrap();
    store.start_vote(item).unwrap();
    // Nothing has been answered in the roll call yet: there is nothing to undo.
    assert_eq!(store.undo_answer(item).unwrap(), None);
    let wang = |s: &Store| {
        s.ballots(item)
            .unwrap()
            .into_iter()
            .find(|b| b.voter_id == ids.wang)
            .unwrap()
            .choice
    };
    assert_eq!(wang(&store), Some(Choice::Recused));
    // An undo after an answer removes that answer, never the recusal.
    store.answer(item, ids.li, Choice::Yes, None).unwrap();
    assert_eq!(store.undo_answer(item).unwrap(), Some(ids.li));
    assert_eq!(store.undo_answer(item).unwrap(), None);
    assert_eq!(wang(&store), Some(Choice::Recused));
}

#[test]
fn demo_install_is_a_complete_record_and_idempotent() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    assert!(yishi::demo::install(&mut store).unwrap());
    assert!(
        !yishi::demo::install(&mut store).unwrap(),
        "second run adds nothing"
    );
    let meetings = store.meetings(None).unwrap();
    assert_eq!(meetings.len(), 2);
    let done = meetings
        .iter()
        // The demo's finished meeting is signed by its host and secretary (issue 4).
        .find(|m| m.status == MeetingStatus::Signed)
        .unwrap();
    let record = store.meeting_record(done.id).unwrap();
    assert_eq!(record.title, "2026年第一次业主大会");
    let outcomes: Vec<Option<bool>> = record
        .items
        .iter()
        .map(|i| {
            i.vote
                .as_ref()
                .and_then(|v| v.outcome.as_ref())
                .map(|o| o.passed)
        })
        .collect();
    assert_eq!(outcomes, vec![Some(true), Some(false)]);
    for item in &record.items {
        let vote = item.vote.as_ref().unwrap();
        assert!(
            vote.ballots.iter().all(|b| b.choice.is_some()),
            "every answer kept"
        );
        // The stored outcome is what the rule gives on the stored ballots.
        let again = yishi::domain::rules::evaluate(&item.rule, &vote.electorate());
        assert_eq!(Some(&again), vote.outcome.as_ref());
    }
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.meeting_record(done.id).unwrap(), record);
}

// ---------------------------------------------------------------------------------------
// Opening

#[cfg(unix)]
#[test]
fn a_new_database_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = temp_db();
    let path = dir.path().join("sub").join("dir").join("new.db");
    let store = Store::open(&path).unwrap();
    drop(store);
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "new database mode {mode:o}");
}

#[test]
fn a_new_database_carries_our_id_and_version_and_settings() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    drop(store);
    let c = Connection::open(&path).unwrap();
    let get = |p: &str| -> i64 {
        c.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(get("application_id"), APPLICATION_ID);
    assert_eq!(get("user_version"), SCHEMA_VERSION);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn store_open_refuses_what_is_not_ours() {
    let (dir, _) = temp_db();
    let text = dir.path().join("t.db");
    fs::write(&text, "not a database").unwrap();
    assert!(matches!(Store::open(&text), Err(StoreError::NotSqlite(_))));

    let other = dir.path().join("o.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    assert!(matches!(Store::open(&other), Err(StoreError::Foreign(_))));

    let newer = dir.path().join("n.db");
    drop(Store::open(&newer).unwrap());
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = fs::read(&newer).unwrap();
    match Store::open(&newer) {
        Err(StoreError::Newer { found, known, .. }) => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        Err(e) => panic!("wrong refusal: {e}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    assert!(fs::read(&newer).unwrap() == before);
    // Every refusal is one plain sentence.
    for e in [
        Store::open(&text).err().unwrap(),
        Store::open(&other).err().unwrap(),
        Store::open(&newer).err().unwrap(),
    ] {
        let s = e.to_string();
        assert!(
            !s.contains('\n') && (s.ends_with('.') || s.ends_with('。')),
            "{s}"
        );
        assert!(s.contains("unchanged"), "{s}");
    }
}

#[test]
fn an_empty_file_or_empty_sqlite_database_becomes_a_yishi_database() {
    let (dir, _) = temp_db();
    let empty = dir.path().join("empty.db");
    fs::write(&empty, b"").unwrap();
    let mut s = Store::open(&empty).unwrap();
    roster(&mut s);
    drop(s);
    assert_eq!(user_version(&empty), SCHEMA_VERSION);

    let blank = dir.path().join("blank.db");
    Connection::open(&blank)
        .unwrap()
        .execute_batch("VACUUM;")
        .unwrap();
    let mut s = Store::open(&blank).unwrap();
    roster(&mut s);
    drop(s);
    assert_eq!(user_version(&blank), SCHEMA_VERSION);
}

#[test]
fn an_older_database_is_migrated_with_a_backup_copy_first() {
    // There is only one schema version so far; a file of ours marked as version 0
    // exercises the path: the backup copy, then user_version moved forward, data kept.
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    yishi::demo::install(&mut store).unwrap();
    let voters = store.voters(1).unwrap().len();
    drop(store);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 0)
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.voters(1).unwrap().len(), voters);
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let backup = dir.path().join("roundtrip.db.v0.bak");
    assert!(backup.exists(), "the backup copy is taken before migrating");
    let b = Connection::open(&backup).unwrap();
    let (v, app, n): (i64, i64, i64) = (
        b.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap(),
        b.query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap(),
        b.query_row("SELECT count(*) FROM voters", [], |r| r.get(0))
            .unwrap(),
    );
    assert_eq!((v, app, n as usize), (0, APPLICATION_ID, voters));
}

#[test]
fn a_second_yishi_on_the_same_file_gets_read_only_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("two.db");
    let mut first = Store::open(&db).unwrap();
    assert!(first.claim());
    assert!(
        first.claim(),
        "claiming again in the same process keeps the claim"
    );
    let mut second = Store::open(&db).unwrap();
    assert!(!second.claim());
    assert!(second.read_only());
    let err = second.import_roster("x", &[]).unwrap_err();
    assert!(matches!(err, yishi::store::StoreError::ReadOnly), "{err:?}");
    drop(first);
    let mut third = Store::open(&db).unwrap();
    assert!(
        third.claim(),
        "the claim is released with the first process"
    );
}

#[test]
fn the_remark_of_the_speaker_who_has_the_floor_is_kept_when_the_vote_starts() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let ids = roster(&mut store);
    let m = store
        .create_meeting(
            ids.community,
            Electorate::Owners,
            &meeting_input("发言不丢失"),
        )
        .unwrap();
    let item = store
        .add_item(
            m,
            &item_input(
                "停车公约",
                Category::Parking,
                Scope::all(),
                RuleKind::Art278Ordinary,
            ),
        )
        .unwrap();
    let late = store
        .add_item(
            m,
            &item_input("路灯", Category::Facility, Scope::all(), RuleKind::NoVote),
        )
        .unwrap();
    store.start_meeting(m).unwrap();
    let community = store.meeting(m).unwrap().community_id;
    all_present(&mut store, m, community);
    let r = store.queue_speaker(item, "赵三", None).unwrap();
    store.next_speaker(item).unwrap();
    store.record_remark(r, "同意，但收费要公示。").unwrap();
    // No "next speaker": the vote starts while 赵三 still has the floor.
    store.start_vote(item).unwrap();
    let r2 = store.queue_speaker(late, "钱四", None).unwrap();
    store.next_speaker(late).unwrap();
    store.record_remark(r2, "路灯坏了三盏。").unwrap();
    let first = store.ballots(item).unwrap()[0].voter_id;
    store.answer(item, first, Choice::Yes, None).unwrap();
    store.close_vote(item).unwrap();
    // Adjourning while 钱四 has the floor keeps the remark as well.
    store.adjourn(m).unwrap();
    let rec = store.meeting_record(m).unwrap();
    assert_eq!(rec.items[0].remarks.len(), 1, "{:?}", rec.items[0].remarks);
    assert_eq!(rec.items[0].remarks[0].text, "同意，但收费要公示。");
    assert_eq!(rec.items[1].remarks[0].text, "路灯坏了三盏。");
}

#[test]
fn an_older_search_index_is_rebuilt_by_the_migration() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        yishi::demo::install(&mut store).unwrap();
    }
    // Put the file back to version 2: the index without its `pairs` column, and empty.
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP TABLE search_index;
             DROP TABLE IF EXISTS search_index_content;
             CREATE VIRTUAL TABLE search_index USING fts5 (
                 body, meeting_id UNINDEXED, kind UNINDEXED, ref_id UNINDEXED, tokenize = 'unicode61');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let bak = PathBuf::from(format!("{}.v2.bak", path.display()));
    assert!(bak.exists(), "a backup copy is taken before migrating");
    for q in ["大门", "门", "主干道拓宽", "伸缩门"] {
        let f = yishi::store::archive::ArchiveFilter {
            search: Some(q.into()),
            include_open: true,
            ..Default::default()
        };
        assert!(
            !store.archive(&f).unwrap().is_empty(),
            "{q} is found after the rebuild"
        );
    }
}

/// A file past `SYNC_CHECK_LIMIT` with a damaged page in the middle of its proposal
/// texts.
fn large_damaged_file() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        let ids = roster(&mut store);
        // Grow the file past the size checked before the first frame.
        let m = store
            .create_meeting(ids.community, Electorate::Owners, &meeting_input("大文件"))
            .unwrap();
        let big = "很长的提案。".repeat(60_000);
        for i in 0..8 {
            store
                .add_item(
                    m,
                    &ItemInput {
                        proposal: big.clone(),
                        ..item_input(
                            &format!("议题{i}"),
                            Category::Other,
                            Scope::all(),
                            RuleKind::NoVote,
                        )
                    },
                )
                .unwrap();
        }
    }
    let len = fs::metadata(&path).unwrap().len();
    assert!(len > yishi::store::SYNC_CHECK_LIMIT, "{len}");
    // Damage a page in the middle of the proposal texts.
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    let at = (bytes.len() / page / 2) * page;
    for b in &mut bytes[at + 8..at + page] {
        *b = 0x5a;
    }
    fs::write(&path, &bytes).unwrap();
    (dir, path)
}

#[test]
fn a_large_damaged_file_is_found_out_in_the_background_and_never_written() {
    let (_dir, path) = large_damaged_file();
    let before = fs::read(&path).unwrap();
    let mut store = match Store::open(&path) {
        Ok(s) => s,
        // Refused at once is fine too: what matters is that it is never written.
        Err(e) => {
            assert!(matches!(e, StoreError::Corrupt(_)), "{e:?}");
            assert_eq!(fs::read(&path).unwrap(), before);
            return;
        }
    };
    let verdict = store.wait_integrity();
    assert!(matches!(verdict, yishi::store::Integrity::Failed(_)));
    assert!(
        store.import_roster("x", &[]).is_err(),
        "no write after a failed check"
    );
    drop(store);
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the damaged file is left unchanged"
    );
}

#[test]
fn a_read_command_starts_without_the_full_check_and_a_damaged_file_is_still_never_written() {
    let (_dir, path) = large_damaged_file();
    let before = fs::read(&path).unwrap();
    let mut store = match Store::open_deferred(&path) {
        Ok(s) => s,
        Err(e) => {
            assert!(matches!(e, StoreError::Corrupt(_)), "{e:?}");
            assert_eq!(fs::read(&path).unwrap(), before);
            return;
        }
    };
    // Opened without the check: nothing has read the whole file yet.
    assert_eq!(store.integrity(), yishi::store::Integrity::Deferred);
    // A read either answers or, meeting the bad page, says so.
    if let Err(e) = store.archive(&Default::default()) {
        assert!(matches!(e, StoreError::Corrupt(_)), "{e:?}");
        assert!(e.to_string().contains("damaged"), "{e}");
    }
    // The first write runs the check first and is refused.
    let err = store.import_roster("x", &[]).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    assert!(matches!(
        store.integrity(),
        yishi::store::Integrity::Failed(_)
    ));
    drop(store);
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the damaged file is left unchanged"
    );
}
