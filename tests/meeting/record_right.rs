//! The record is right (issue 10, PRODUCT.md "Who may answer"): the store refuses what
//! did not happen, whoever calls it, and keeps every fact the minutes must print. Each
//! test runs on the demo community (望城小区: 38 owners, a residents' council of nine, a
//! 业委会 of six, three of them on both) in a temporary database.

use rusqlite::Connection;
use yishi::domain::model::{
    Category, Choice, CouncilKind, Electorate, ItemStatus, MeetingKind, PresenceKind, Scope,
    ScopeKind,
};
use yishi::domain::record::RecusalBase;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::Store;
use yishi::store::ids::{CommunityId, ItemId, MeetingId, VoterId};
use yishi::store::meetings::{ItemInput, MeetingInput};

struct Demo {
    store: Store,
    community: CommunityId,
    db: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db).expect("open");
    yishi::demo::install(&mut store).expect("demo");
    let community = store
        .community_by_name(yishi::demo::COMMUNITY)
        .unwrap()
        .unwrap()
        .id;
    Demo {
        store,
        community,
        db,
        _dir: dir,
    }
}

fn meeting(d: &mut Demo, kind: MeetingKind, electorate: Electorate) -> MeetingId {
    d.store
        .create_meeting(
            d.community,
            electorate,
            &MeetingInput {
                kind,
                title: "测试会议".into(),
                starts_at: "2026-12-12 19:30".into(),
                venue: "议事亭".into(),
                host: "黄小明".into(),
                secretary: "李秀英".into(),
                language: "zh".into(),
            },
        )
        .unwrap()
}

fn item(d: &mut Demo, m: MeetingId, title: &str, scope: Scope, rule: Rule) -> ItemId {
    d.store
        .add_item(
            m,
            &ItemInput {
                title: title.into(),
                category: Category::Other,
                proposer: String::new(),
                proposal: "提案。".into(),
                scope,
                rule,
            },
        )
        .unwrap()
}

fn members(d: &Demo, kind: CouncilKind) -> Vec<VoterId> {
    d.store
        .voters(d.community)
        .unwrap()
        .into_iter()
        .filter(|v| v.councils.iter().any(|(k, _)| *k == kind))
        .map(|v| v.id)
        .collect()
}

fn owners(d: &Demo) -> Vec<VoterId> {
    d.store
        .voters(d.community)
        .unwrap()
        .into_iter()
        .filter(|v| !v.units.is_empty())
        .map(|v| v.id)
        .collect()
}

/// An owners' meeting, open, with one ordinary item, everyone called: the first owner
/// absent, the rest present.
fn owners_vote(d: &mut Demo) -> (MeetingId, ItemId, Vec<VoterId>) {
    let m = meeting(d, MeetingKind::OwnersAssembly, Electorate::Owners);
    let it = item(
        d,
        m,
        "路灯",
        Scope::all(),
        Rule::new(RuleKind::Art278Ordinary),
    );
    d.store.start_meeting(m).unwrap();
    let all = owners(d);
    for (i, v) in all.iter().enumerate() {
        let kind = if i == 0 {
            PresenceKind::Absent
        } else {
            PresenceKind::Present
        };
        d.store.mark_presence(m, *v, kind, None, None).unwrap();
    }
    d.store.start_vote(it).unwrap();
    (m, it, all)
}

fn choice_of(d: &Demo, item: ItemId, voter: VoterId) -> Option<Choice> {
    d.store
        .ballots(item)
        .unwrap()
        .into_iter()
        .find(|b| b.voter_id == voter.0)
        .and_then(|b| b.choice)
}

fn count(db: &std::path::Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_absent_voter_cannot_answer_until_the_arrival_is_recorded() {
    let mut d = demo();
    let (m, it, all) = owners_vote(&mut d);
    let absent = all[0];
    let e = d.store.answer(it, absent, Choice::Yes, None).unwrap_err();
    let said = yishi::strings::store_error(yishi::strings::Lang::En, &e);
    assert!(said.contains("not present"), "{said}");
    assert_eq!(choice_of(&d, it, absent), None, "nothing recorded");
    assert_eq!(
        count(
            &d.db,
            &format!("SELECT count(*) FROM votes WHERE item_id = {it}")
        ),
        0
    );
    // The late arrival is an event with its time; then the answer is taken.
    d.store
        .mark_presence(m, absent, PresenceKind::Arrive, None, None)
        .unwrap();
    let b = d.store.ballots(it).unwrap();
    assert!(b.iter().find(|b| b.voter_id == absent.0).unwrap().present);
    d.store.answer(it, absent, Choice::Yes, None).unwrap();
    assert_eq!(choice_of(&d, it, absent), Some(Choice::Yes));
    // One who leaves cannot answer after leaving.
    let leaver = all[1];
    d.store
        .mark_presence(m, leaver, PresenceKind::Leave, None, None)
        .unwrap();
    assert!(d.store.answer(it, leaver, Choice::No, None).is_err());
}

#[test]
fn a_vote_before_attendance_is_refused() {
    let mut d = demo();
    let m = meeting(&mut d, MeetingKind::OwnersAssembly, Electorate::Owners);
    let it = item(
        &mut d,
        m,
        "路灯",
        Scope::all(),
        Rule::new(RuleKind::Art278Ordinary),
    );
    d.store.start_meeting(m).unwrap();
    assert!(d.store.vote_check(it).is_err());
    let e = d.store.start_vote(it).unwrap_err();
    assert!(e.to_string().contains("Attendance"), "{e}");
    // Half the roll call is not the roll call.
    let all = owners(&d);
    for v in &all[..all.len() / 2] {
        d.store
            .mark_presence(m, *v, PresenceKind::Present, None, None)
            .unwrap();
    }
    assert!(d.store.start_vote(it).is_err());
    assert_eq!(
        count(
            &d.db,
            &format!("SELECT count(*) FROM vote_eligible WHERE item_id = {it}")
        ),
        0,
        "no frozen list"
    );
    for v in &all[all.len() / 2..] {
        d.store
            .mark_presence(m, *v, PresenceKind::Absent, None, None)
            .unwrap();
    }
    d.store.vote_check(it).unwrap();
    d.store.start_vote(it).unwrap();
    assert_eq!(d.store.item(it).unwrap().status, ItemStatus::Voting);
}

#[test]
fn a_committee_vote_calls_the_committee_not_the_residents_council() {
    let mut d = demo();
    let committee = members(&d, CouncilKind::OwnersCommittee);
    let council = members(&d, CouncilKind::ResidentsCouncil);
    assert!((5..=7).contains(&committee.len()), "the demo's 业委会");
    let both = committee.iter().filter(|v| council.contains(v)).count();
    assert!(
        both > 0 && both < committee.len(),
        "some sit on both bodies"
    );
    let m = meeting(&mut d, MeetingKind::OwnersCommittee, Electorate::Council);
    assert_eq!(
        d.store.meeting_council(m).unwrap(),
        Some(CouncilKind::OwnersCommittee)
    );
    let it = item(
        &mut d,
        m,
        "物业合同续签",
        Scope {
            kind: ScopeKind::Council,
            building: String::new(),
            unit: String::new(),
        },
        Rule::new(RuleKind::Committee),
    );
    d.store.start_meeting(m).unwrap();
    // The committee's roll call is enough: the council's other members are not called.
    for v in &committee {
        d.store
            .mark_presence(m, *v, PresenceKind::Present, None, None)
            .unwrap();
    }
    d.store.start_vote(it).unwrap();
    let called: Vec<VoterId> = d
        .store
        .ballots(it)
        .unwrap()
        .iter()
        .map(|b| VoterId(b.voter_id))
        .collect();
    assert_eq!(
        called, committee,
        "the electorate is the committee, in roster order"
    );
    // A residents' council meeting still calls its representatives.
    let rc = meeting(&mut d, MeetingKind::ResidentsCouncil, Electorate::Council);
    assert_eq!(
        d.store.meeting_council(rc).unwrap(),
        Some(CouncilKind::ResidentsCouncil)
    );
}

#[test]
fn a_change_is_a_correction_event_and_undo_restores_the_first_answer() {
    let mut d = demo();
    let (_m, it, all) = owners_vote(&mut d);
    let (v, w) = (all[2], all[3]);
    d.store.answer(it, v, Choice::Yes, None).unwrap();
    // A second answer over the first is refused: no silent overwrite.
    assert!(d.store.answer(it, v, Choice::No, None).is_err());
    assert_eq!(choice_of(&d, it, v), Some(Choice::Yes));
    d.store.correct_answer(it, v, Choice::No, None).unwrap();
    assert_eq!(choice_of(&d, it, v), Some(Choice::No));
    let stored: (String, String) = Connection::open(&d.db)
        .unwrap()
        .query_row(
            &format!("SELECT from_choice, to_choice FROM vote_corrections WHERE item_id = {it}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, ("yes".into(), "no".into()));
    let b = d.store.ballots(it).unwrap();
    let bv = b.iter().find(|b| b.voter_id == v.0).unwrap();
    assert_eq!(bv.first_choice(), Some(Choice::Yes));
    assert_eq!(bv.corrections[0].to, Choice::No);
    assert!(!bv.corrections[0].at.is_empty());
    // Undo reverts exactly the last action: the change, so 同意 comes back.
    assert_eq!(d.store.undo_answer(it).unwrap(), Some(v));
    assert_eq!(choice_of(&d, it, v), Some(Choice::Yes));
    assert_eq!(
        count(&d.db, "SELECT count(*) FROM vote_corrections"),
        0,
        "the undone change is no longer in the record (the audit log keeps it)"
    );
    // Then the answer itself.
    assert_eq!(d.store.undo_answer(it).unwrap(), Some(v));
    assert_eq!(choice_of(&d, it, v), None);
    // An answer after a change is the last action: undo takes it, not the change.
    d.store.answer(it, v, Choice::Yes, None).unwrap();
    d.store
        .correct_answer(it, v, Choice::Abstain, None)
        .unwrap();
    d.store.answer(it, w, Choice::No, None).unwrap();
    assert_eq!(d.store.undo_answer(it).unwrap(), Some(w));
    assert_eq!(choice_of(&d, it, w), None);
    assert_eq!(choice_of(&d, it, v), Some(Choice::Abstain));
    assert_eq!(d.store.undo_answer(it).unwrap(), Some(v));
    assert_eq!(choice_of(&d, it, v), Some(Choice::Yes));
    // The change is in the record the minutes are rendered from.
    d.store.correct_answer(it, v, Choice::No, None).unwrap();
    d.store.close_vote(it).unwrap();
    let rec = d.store.meeting_record(_m).unwrap();
    let ri = rec.items.iter().find(|i| i.id == it.0).unwrap();
    let changes = ri.corrections();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].1.from, changes[0].1.to),
        (Choice::Yes, Choice::No)
    );
}

#[test]
fn two_open_votes_are_refused() {
    let mut d = demo();
    let (m, first, _) = owners_vote(&mut d);
    let second = item(
        &mut d,
        m,
        "大门",
        Scope::all(),
        Rule::new(RuleKind::Art278Ordinary),
    );
    assert!(d.store.vote_check(second).is_err());
    let e = d.store.start_vote(second).unwrap_err();
    let said = yishi::strings::store_error(yishi::strings::Lang::En, &e);
    assert!(said.contains("Another vote"), "{said}");
    assert_eq!(d.store.item(second).unwrap().status, ItemStatus::Pending);
    d.store.close_vote(first).unwrap();
    d.store.start_vote(second).unwrap();
}

#[test]
fn items_never_taken_up_are_recorded_apart_from_items_without_a_vote() {
    let mut d = demo();
    let (m, it, _) = owners_vote(&mut d);
    let info = item(&mut d, m, "通报", Scope::all(), Rule::new(RuleKind::NoVote));
    let late = item(
        &mut d,
        m,
        "临时动议",
        Scope::all(),
        Rule::new(RuleKind::Art278Ordinary),
    );
    // Impossible while a vote runs: refused before anything is asked.
    assert!(d.store.adjourn_check(m).is_err());
    d.store.close_vote(it).unwrap();
    d.store.finish_discussion(info).unwrap();
    let pending: Vec<ItemId> = d
        .store
        .adjourn_check(m)
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    // The late motion, and the follow-up of the demo's open action items (first item).
    assert_eq!(pending.last(), Some(&late));
    assert!(!pending.contains(&info) && !pending.contains(&it));
    d.store.adjourn(m).unwrap();
    assert_eq!(d.store.item(late).unwrap().status, ItemStatus::NotTakenUp);
    assert_eq!(d.store.item(info).unwrap().status, ItemStatus::Closed);
    let rec = d.store.meeting_record(m).unwrap();
    let by = |id: i64| rec.items.iter().find(|i| i.id == id).unwrap();
    assert!(by(late.0).not_taken_up());
    assert!(!by(info.0).not_taken_up());
    assert_eq!(
        count(&d.db, "SELECT count(*) FROM not_taken_up"),
        pending.len() as i64
    );
}

#[test]
fn recusal_exists_in_councils_with_the_rule_s_base_and_not_under_art_278() {
    let mut d = demo();
    // Under art. 278: refused, the elevator rule too.
    let (m, _it, all) = owners_vote(&mut d);
    let lift = item(
        &mut d,
        m,
        "电梯",
        Scope::all(),
        Rule::new(RuleKind::Elevator {
            legacy_two_thirds: false,
            shaft_voters: vec![all[1].0],
        }),
    );
    assert!(
        d.store
            .mark_presence(m, all[1], PresenceKind::Recuse, None, Some(lift))
            .is_err()
    );
    // In the committee: recorded; the recused member stays in the base of all members
    // unless the rule says otherwise.
    let committee = members(&d, CouncilKind::OwnersCommittee);
    let cm = meeting(&mut d, MeetingKind::OwnersCommittee, Electorate::Council);
    let stay = item(
        &mut d,
        cm,
        "合同",
        Scope::all(),
        Rule::new(RuleKind::Committee),
    );
    let mut leave_rule = Rule::new(RuleKind::Committee);
    leave_rule.recused_leave_base = true;
    let leave = item(&mut d, cm, "选聘", Scope::all(), leave_rule);
    // The earlier owners' vote is still open in the other meeting; close it.
    d.store.close_vote(_it).unwrap();
    d.store.start_meeting(cm).unwrap();
    for v in &committee {
        d.store
            .mark_presence(cm, *v, PresenceKind::Present, None, None)
            .unwrap();
    }
    for it in [stay, leave] {
        d.store
            .mark_presence(cm, committee[0], PresenceKind::Recuse, None, Some(it))
            .unwrap();
    }
    for it in [stay, leave] {
        d.store.start_vote(it).unwrap();
        assert!(
            d.store.answer(it, committee[0], Choice::Yes, None).is_err(),
            "recused"
        );
        for v in &committee[1..] {
            d.store.answer(it, *v, Choice::Yes, None).unwrap();
        }
        let o = d.store.close_vote(it).unwrap();
        assert_eq!(o.tally.recused, 1);
        let expected = if it == stay {
            committee.len()
        } else {
            committee.len() - 1
        };
        assert_eq!(o.tally.eligible as usize, expected);
    }
    let rec = d.store.meeting_record(cm).unwrap();
    let by = |id: i64| rec.items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(by(stay.0).recusals(&rec.presence).len(), 1);
    assert_eq!(
        by(stay.0).recusals(&rec.presence)[0].voter_id,
        committee[0].0
    );
    assert_eq!(
        by(stay.0).recusal_base(&rec.presence),
        Some(RecusalBase::AllMembers)
    );
    assert_eq!(
        by(leave.0).recusal_base(&rec.presence),
        Some(RecusalBase::WithoutRecused)
    );
}

#[test]
fn the_shaft_owners_condition_is_in_the_record_with_each_answer() {
    let mut d = demo();
    let m = meeting(&mut d, MeetingKind::OwnersAssembly, Electorate::Owners);
    let all = owners(&d);
    let lift = item(
        &mut d,
        m,
        "电梯",
        Scope::all(),
        Rule::new(RuleKind::Elevator {
            legacy_two_thirds: false,
            shaft_voters: vec![all[0].0, all[1].0],
        }),
    );
    d.store.start_meeting(m).unwrap();
    for v in &all {
        d.store
            .mark_presence(m, *v, PresenceKind::Present, None, None)
            .unwrap();
    }
    d.store.start_vote(lift).unwrap();
    d.store.answer(lift, all[0], Choice::Yes, None).unwrap();
    d.store.answer(lift, all[1], Choice::No, None).unwrap();
    d.store.close_vote(lift).unwrap();
    let rec = d.store.meeting_record(m).unwrap();
    let sc = rec
        .items
        .iter()
        .find(|i| i.id == lift.0)
        .unwrap()
        .shaft_condition()
        .unwrap();
    assert!(!sc.met);
    let answers: Vec<(i64, Option<Choice>)> =
        sc.owners.iter().map(|o| (o.voter_id, o.choice)).collect();
    assert_eq!(
        answers,
        vec![(all[0].0, Some(Choice::Yes)), (all[1].0, Some(Choice::No))]
    );
}
