//! A meeting from preparation to adjournment read back identical after reopening;
//! a recusal kept through undo; the demo a complete record.

use super::support::*;
use yishi::store::ids::{ItemId, VoterId};

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
                    shaft_voters: vec![ids.wang.0],
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
    let order = |s: &Store| -> Vec<ItemId> { s.items(m).unwrap().iter().map(|i| i.id).collect() };
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
        .mark_presence(m, VoterId(ids.wang.0), PresenceKind::Present, None, None)
        .unwrap();
    assert!(
        store
            .mark_presence(
                m,
                VoterId(ids.li.0),
                PresenceKind::Proxy,
                Some(("周国平", "")),
                None
            )
            .is_err(),
        "a proxy needs the 委托书 reference"
    );
    store
        .mark_presence(
            m,
            VoterId(ids.li.0),
            PresenceKind::Proxy,
            Some(("周国平", "WT-2026-007")),
            None,
        )
        .unwrap();
    store
        .mark_presence(m, VoterId(ids.huang.0), PresenceKind::Absent, None, None)
        .unwrap();
    store
        .mark_presence(m, VoterId(ids.huang.0), PresenceKind::Arrive, None, None)
        .unwrap();
    store
        .mark_presence(
            m,
            VoterId(ids.developer.0),
            PresenceKind::Present,
            None,
            None,
        )
        .unwrap();
    store
        .mark_presence(
            m,
            VoterId(ids.coowners.0),
            PresenceKind::Present,
            None,
            None,
        )
        .unwrap();
    store
        .mark_presence(m, VoterId(ids.zhao.0), PresenceKind::Present, None, None)
        .unwrap();
    store
        .mark_presence(m, VoterId(ids.qian.0), PresenceKind::Arrive, None, None)
        .unwrap();
    store
        .mark_presence(m, VoterId(ids.qian.0), PresenceKind::Leave, None, None)
        .unwrap();
    assert!(
        store
            .mark_presence(m, VoterId(ids.wang.0), PresenceKind::Recuse, None, None)
            .is_err(),
        "a recusal is for one item"
    );
    // No 回避 under art. 278 (the elevator rule is one of its rules): the base is all
    // owners of the scope.
    assert!(
        store
            .mark_presence(
                m,
                VoterId(ids.wang.0),
                PresenceKind::Recuse,
                None,
                Some(elevator)
            )
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
        .queue_speaker(elevator, "黄小明", Some(VoterId(ids.huang.0)))
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
    assert_eq!(area(ids.huang.0), 10025, "only his unit inside the scope");
    assert_eq!(
        area(ids.developer.0),
        11000 + 11111,
        "the developer is one voter with its in-scope area"
    );
    assert_eq!(area(ids.coowners.0), 12000, "co-owners are one voter");
    let li = ballots.iter().find(|b| b.voter_id == ids.li.0).unwrap();
    assert!(li.present);
    assert_eq!(
        (li.proxy_name.as_str(), li.proxy_ref.as_str()),
        ("周国平", "WT-2026-007")
    );
    assert!(
        ballots
            .iter()
            .find(|b| b.voter_id == ids.huang.0)
            .unwrap()
            .present
    );
    assert!(ballots.iter().all(|b| b.choice.is_none()));

    // Presence changes after the start do not change the frozen list.
    store
        .mark_presence(m, VoterId(ids.coowners.0), PresenceKind::Leave, None, None)
        .unwrap();
    assert_eq!(store.ballots(elevator).unwrap(), ballots);

    // Answers, undo and re-answer.
    assert!(
        store
            .answer(elevator, VoterId(ids.zhao.0), Choice::Yes, None)
            .is_err(),
        "赵三 is outside the scope"
    );
    store
        .answer(
            elevator,
            VoterId(ids.li.0),
            Choice::Yes,
            Some(VoterId(ids.huang.0)),
        )
        .unwrap();
    store
        .answer(
            elevator,
            VoterId(ids.huang.0),
            Choice::No,
            Some(VoterId(ids.developer.0)),
        )
        .unwrap();
    assert_eq!(store.undo_answer(elevator).unwrap(), Some(ids.huang));
    let b = store.ballots(elevator).unwrap();
    assert_eq!(
        b.iter().find(|x| x.voter_id == ids.huang.0).unwrap().choice,
        None
    );
    assert_eq!(
        store.item(elevator).unwrap().current_voter,
        Some(ids.huang),
        "the roll call goes back to the voter whose answer was undone"
    );
    store
        .answer(
            elevator,
            VoterId(ids.huang.0),
            Choice::Yes,
            Some(VoterId(ids.developer.0)),
        )
        .unwrap();
    store
        .answer(
            elevator,
            VoterId(ids.developer.0),
            Choice::Yes,
            Some(VoterId(ids.coowners.0)),
        )
        .unwrap();
    // The co-owners left: their answer is refused until their return is recorded.
    assert!(
        store
            .answer(elevator, VoterId(ids.coowners.0), Choice::Abstain, None)
            .is_err(),
        "a voter who left cannot answer"
    );
    store
        .mark_presence(m, VoterId(ids.coowners.0), PresenceKind::Arrive, None, None)
        .unwrap();
    store
        .answer(elevator, VoterId(ids.coowners.0), Choice::Abstain, None)
        .unwrap();
    // A second answer is refused: a change is a correction, kept in the record.
    assert!(
        store
            .answer(elevator, VoterId(ids.coowners.0), Choice::Yes, None)
            .is_err()
    );
    store
        .correct_answer(elevator, VoterId(ids.coowners.0), Choice::Yes, None)
        .unwrap();
    let b = store.ballots(elevator).unwrap();
    assert_eq!(b.len(), 5);
    // 王一 (the shaft owner) has not answered: not voting when the vote closes.
    assert!(
        b.iter()
            .filter(|x| x.voter_id != ids.wang.0)
            .all(|x| x.choice.is_some())
    );
    assert!(
        b.iter()
            .filter(|x| x.choice.is_some())
            .all(|x| x.at.is_some())
    );
    let coowners = b.iter().find(|x| x.voter_id == ids.coowners.0).unwrap();
    assert_eq!(coowners.first_choice(), Some(Choice::Abstain));
    assert_eq!(coowners.corrections.len(), 1, "the change is kept");
    store
        .mark_presence(m, VoterId(ids.coowners.0), PresenceKind::Leave, None, None)
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
        vec![Flag::ShaftOwnerNotAgreed(ids.wang.0)],
        "the shaft owner did not agree: flagged"
    );
    assert_eq!(store.item(elevator).unwrap().status, ItemStatus::Closed);
    let (_, _, stored) = store.closure(elevator).unwrap().expect("closure");
    assert_eq!(stored, outcome, "the outcome is stored with every figure");
    assert!(
        store
            .answer(elevator, VoterId(ids.li.0), Choice::No, None)
            .is_err()
    );
    assert!(store.undo_answer(elevator).is_err());
    assert!(store.start_vote(elevator).is_err());

    // --- the gate: whole compound; the developer with its full area; unanswered voters
    // become "not voting" when the vote closes.
    store.start_vote(gate).unwrap();
    let gb = store.ballots(gate).unwrap();
    assert_eq!(gb.len(), 7, "every voter of the compound");
    let garea = |v: i64| gb.iter().find(|b| b.voter_id == v).unwrap().area;
    assert_eq!(garea(ids.developer.0), 11000 + 11111 + 9500);
    assert_eq!(garea(ids.huang.0), 10025 + 7000);
    assert!(
        !gb.iter()
            .find(|b| b.voter_id == ids.qian.0)
            .unwrap()
            .present,
        "钱四 left"
    );
    assert!(
        !gb.iter()
            .find(|b| b.voter_id == ids.coowners.0)
            .unwrap()
            .present,
        "the co-owners left after the first vote"
    );
    assert!(gb.iter().all(|b| b.choice.is_none()), "nobody recused here");
    assert!(store.adjourn(m).is_err(), "a vote is still running");
    for v in [ids.wang, ids.li, ids.huang] {
        store.answer(gate, VoterId(v.0), Choice::Yes, None).unwrap();
    }
    store
        .answer(gate, VoterId(ids.zhao.0), Choice::No, None)
        .unwrap();
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
            .mark_presence(m, VoterId(ids.zhao.0), PresenceKind::Leave, None, None)
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
    all_present(&mut store, m.0, ids.community);
    store
        .mark_presence(
            m,
            VoterId(ids.wang.0),
            PresenceKind::Recuse,
            None,
            Some(item),
        )
        .unwrap();
    store.start_vote(item).unwrap();
    // Nothing has been answered in the roll call yet: there is nothing to undo.
    assert_eq!(store.undo_answer(item).unwrap(), None);
    let wang = |s: &Store| {
        s.ballots(item)
            .unwrap()
            .into_iter()
            .find(|b| b.voter_id == ids.wang.0)
            .unwrap()
            .choice
    };
    assert_eq!(wang(&store), Some(Choice::Recused));
    // An undo after an answer removes that answer, never the recusal.
    store
        .answer(item, VoterId(ids.li.0), Choice::Yes, None)
        .unwrap();
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
    // Signed, draft, and the written consultation in progress (issue 16).
    assert_eq!(meetings.len(), 3);
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
