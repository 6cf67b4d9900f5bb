//! Written consultation (书面征求意见) through the store's public API on a temporary
//! database: the form and its dates, numbered ballots, delivery, entry by number with its
//! refusals, invalid ballots, corrections, extension, closing (early only when confirmed)
//! and the record the minutes are rendered from; the notice of an owners' assembly.

use tempfile::TempDir;
use yishi::domain::ballot_number;
use yishi::domain::model::{
    Category, Choice, DeliveryWay, Electorate, InvalidReason, MeetingForm, MeetingKind,
    MeetingStatus, Scope, ScopeKind,
};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Basis, CheckKind, Rule, RuleKind};
use yishi::store::Store;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::written::Purpose;

/// 3栋1单元: six owners of 80 m² and three of 100 m² (9 voters, 780 m²); 1栋 is outside.
const ROSTER: &str = "label,building,unit,area,owner
3栋1单元101,3栋,1单元,80.00,甲一
3栋1单元201,3栋,1单元,80.00,乙二
3栋1单元301,3栋,1单元,80.00,丙三
3栋1单元401,3栋,1单元,80.00,丁四
3栋1单元501,3栋,1单元,80.00,戊五
3栋1单元601,3栋,1单元,80.00,己六
3栋1单元701,3栋,1单元,100.00,庚七
3栋1单元801,3栋,1单元,100.00,辛八
3栋1单元901,3栋,1单元,100.00,壬九
1栋1单元101,1栋,1单元,70.00,癸十
";

struct Fixture {
    _dir: TempDir,
    store: Store,
    meeting: i64,
    items: Vec<i64>,
}

fn meeting_input(kind: MeetingKind) -> MeetingInput {
    MeetingInput {
        kind,
        title: "3栋1单元加装电梯书面征求意见".into(),
        starts_at: "2026-11-01 09:00".into(),
        venue: "".into(),
        host: "黄小明".into(),
        secretary: "李秀英".into(),
        language: "zh".into(),
    }
}

fn elevator_item(title: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        category: Category::Elevator,
        proposer: "3栋1单元业主".into(),
        proposal: format!("{title}：方案全文。\n第二行。"),
        scope: Scope {
            kind: ScopeKind::Unit,
            building: "3栋".into(),
            unit: "1单元".into(),
        },
        rule: Rule::new(RuleKind::Art278Ordinary),
    }
}

fn written(opened: bool) -> Fixture {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("w.db")).unwrap();
    let rows = roster_csv::parse(ROSTER.as_bytes()).unwrap();
    store.import_roster("望城小区", &rows).unwrap();
    let community = store.community_by_name("望城小区").unwrap().unwrap().id;
    let meeting = store
        .create_meeting(
            community,
            Electorate::Owners,
            &meeting_input(MeetingKind::OwnersAssembly),
        )
        .unwrap();
    let items = vec![
        store.add_item(meeting, &elevator_item("加装电梯")).unwrap(),
        store
            .add_item(meeting, &elevator_item("费用分摊方案"))
            .unwrap(),
    ];
    store
        .set_form(
            meeting,
            MeetingForm::Written,
            Some(("2026-11-01", "2026-11-15")),
        )
        .unwrap();
    if opened {
        store.start_meeting(meeting).unwrap();
    }
    Fixture {
        _dir: dir,
        store,
        meeting,
        items,
    }
}

/// The refusal as the user reads it (English).
fn refusal(e: yishi::store::StoreError) -> String {
    yishi::strings::store_error(yishi::strings::Lang::En, &e)
}

/// Enter one full ballot by its number, answering every item with `choice`.
fn enter(f: &mut Fixture, number: &str, choice: Choice) {
    let entry = f
        .store
        .open_ballot(f.meeting, number, Purpose::Entry)
        .unwrap();
    for (item, ..) in &entry.items {
        f.store
            .enter_answer(f.meeting, entry.ballot.voter_id, *item, choice, "李秀英")
            .unwrap();
    }
}

#[test]
fn the_form_needs_its_dates_and_a_written_meeting_has_no_attendance() {
    let mut f = written(false);
    assert_eq!(
        f.store.meeting_form(f.meeting).unwrap(),
        MeetingForm::Written
    );
    let e = f
        .store
        .set_form(
            f.meeting,
            MeetingForm::Written,
            Some(("2026-11-15", "2026-11-01")),
        )
        .unwrap_err();
    assert!(refusal(e).contains("closing date"));
    // Still written with its first dates (the refused change kept nothing).
    assert_eq!(
        f.store.written_dates(f.meeting).unwrap(),
        Some(("2026-11-01".into(), "2026-11-15".into()))
    );
    f.store.start_meeting(f.meeting).unwrap();
    let voters = f.store.written_ballots(f.meeting).unwrap();
    assert_eq!(voters.len(), 9, "one ballot per voter of 3栋1单元, not 1栋");
    let e = f
        .store
        .mark_presence(
            f.meeting,
            voters[0].voter_id,
            yishi::domain::model::PresenceKind::Present,
            None,
            None,
        )
        .unwrap_err();
    assert!(refusal(e).contains("no attendance"));
    // Each ballot carries its voter's units and area, numbered in roster order.
    assert_eq!(voters[0].name, "甲一");
    assert_eq!(voters[0].units, vec!["3栋1单元101".to_string()]);
    assert_eq!(voters[0].area, 8000);
    for (i, b) in voters.iter().enumerate() {
        assert_eq!(
            Some(b.number.clone()),
            ballot_number::encode(f.meeting, i as i64 + 1)
        );
    }
}

#[test]
fn delivery_is_recorded_per_voter_with_those_not_yet_served() {
    let mut f = written(true);
    let ballots = f.store.written_ballots(f.meeting).unwrap();
    f.store
        .record_delivery(
            f.meeting,
            ballots[0].voter_id,
            "2026-11-01",
            DeliveryWay::InPerson,
            "李秀英",
        )
        .unwrap();
    f.store
        .record_delivery(
            f.meeting,
            ballots[1].voter_id,
            "2026-11-02",
            DeliveryWay::Posted,
            "李秀英",
        )
        .unwrap();
    let unserved = f.store.unserved(f.meeting).unwrap();
    assert_eq!(unserved.len(), 7);
    assert!(!unserved.iter().any(|b| b.voter_id == ballots[0].voter_id));
    let e = f
        .store
        .record_delivery(
            f.meeting,
            ballots[2].voter_id,
            "11/02",
            DeliveryWay::Mailbox,
            "",
        )
        .unwrap_err();
    assert!(refusal(e).contains("delivery date"));
    let rec = f.store.meeting_record(f.meeting).unwrap();
    let w = rec.form.written.expect("written facts");
    assert_eq!(
        w.served,
        vec![(DeliveryWay::InPerson, 1), (DeliveryWay::Posted, 1)]
    );
}

#[test]
fn two_thirds_by_headcount_but_not_by_area_fails_at_closing() {
    let mut f = written(true);
    let ballots = f.store.written_ballots(f.meeting).unwrap();
    // The six 80 m² owners return ballots that agree: 6/9 voters, 480/780 m².
    for b in &ballots[..6] {
        enter(&mut f, &b.number, Choice::Yes);
    }
    let p = f.store.written_progress(f.meeting, "2026-11-10").unwrap();
    assert_eq!(
        (p.counts.returned, p.counts.valid, p.counts.valid_area),
        (6, 6, 48_000)
    );
    assert_eq!(p.days_left, Some(5));
    let (_, _, _, item) = &p.items[0];
    let part: Vec<_> = item.participation().collect();
    let head = part.iter().find(|c| c.basis == Basis::Headcount).unwrap();
    let area = part.iter().find(|c| c.basis == Basis::Area).unwrap();
    assert!(head.met && (head.value, head.total) == (6, 9));
    assert!(!area.met && (area.value, area.total) == (48_000, 78_000));
    // Closing before the closing date asks; after it, the outcome is fixed: failed.
    let e = f
        .store
        .close_written(f.meeting, "2026-11-10", false)
        .unwrap_err();
    assert!(refusal(e).contains("close early"));
    assert_eq!(
        f.store.meeting(f.meeting).unwrap().status,
        MeetingStatus::Open
    );
    let out = f
        .store
        .close_written(f.meeting, "2026-11-16", false)
        .unwrap();
    assert_eq!(out.len(), 2);
    assert!(out.iter().all(|(_, o)| !o.passed));
    let o = &out[0].1;
    assert!(
        o.checks
            .iter()
            .any(|c| c.kind == CheckKind::Participation && c.basis == Basis::Area && !c.met)
    );
    assert_eq!(
        f.store.meeting(f.meeting).unwrap().status,
        MeetingStatus::Adjourned
    );
    // Nothing is entered after closing.
    let e = f
        .store
        .enter_answer(
            f.meeting,
            ballots[7].voter_id,
            f.items[0],
            Choice::Yes,
            "李秀英",
        )
        .unwrap_err();
    let e = refusal(e);
    assert!(e.contains("adjourned"), "{e}");
    let rec = f.store.meeting_record(f.meeting).unwrap();
    let w = rec.form.written.unwrap();
    assert!(!w.closed_early && w.closed_at.is_some());
    assert_eq!(
        rec.items[0]
            .vote
            .as_ref()
            .unwrap()
            .outcome
            .as_ref()
            .unwrap(),
        o
    );
}

#[test]
fn a_second_ballot_a_wrong_check_digit_and_another_meetings_ballot_are_refused() {
    let mut f = written(true);
    let ballots = f.store.written_ballots(f.meeting).unwrap();
    let n = ballots[0].number.clone();
    enter(&mut f, &n, Choice::Yes);
    let e = f
        .store
        .open_ballot(f.meeting, &n, Purpose::Entry)
        .unwrap_err();
    assert!(refusal(e).contains("already been entered"));
    // One digit mistyped.
    let mut typo = n.clone().into_bytes();
    typo[1] = if typo[1] == b'9' { b'0' } else { typo[1] + 1 };
    let typo = String::from_utf8(typo).unwrap();
    let e = f
        .store
        .open_ballot(f.meeting, &typo, Purpose::Entry)
        .unwrap_err();
    assert!(refusal(e).contains("check digit"));
    // A well-formed number of another meeting.
    let other = ballot_number::encode(f.meeting + 1, 1).unwrap();
    let e = f
        .store
        .open_ballot(f.meeting, &other, Purpose::Entry)
        .unwrap_err();
    assert!(refusal(e).contains("another meeting"));
    // A number of this meeting beyond its ballots.
    let beyond = ballot_number::encode(f.meeting, 99).unwrap();
    let e = f
        .store
        .open_ballot(f.meeting, &beyond, Purpose::Entry)
        .unwrap_err();
    assert!(refusal(e).contains("No ballot"));
    // An item answered twice is a correction, not a second answer.
    let e = f
        .store
        .enter_answer(
            f.meeting,
            ballots[0].voter_id,
            f.items[0],
            Choice::No,
            "李秀英",
        )
        .unwrap_err();
    assert!(refusal(e).contains("correction"));
    // A ballot entered in part resumes (its number opens again for entry).
    let b = &ballots[1];
    f.store
        .enter_answer(f.meeting, b.voter_id, f.items[0], Choice::No, "王芳")
        .unwrap();
    let again = f
        .store
        .open_ballot(f.meeting, &b.number, Purpose::Entry)
        .unwrap();
    assert_eq!(again.items[0].3, Some(Choice::No));
    assert_eq!(again.items[1].3, None);
    let r = again.ballot.returned.unwrap();
    assert!(r.valid && r.by == "王芳" && !r.at.is_empty());
}

#[test]
fn an_invalid_ballot_keeps_its_reason_and_a_correction_is_kept() {
    let mut f = written(true);
    let ballots = f.store.written_ballots(f.meeting).unwrap();
    let entry = f
        .store
        .open_ballot(f.meeting, &ballots[2].number, Purpose::Entry)
        .unwrap();
    f.store
        .enter_invalid(
            f.meeting,
            entry.ballot.voter_id,
            InvalidReason::Unsigned,
            "",
            "李秀英",
        )
        .unwrap();
    let e = f
        .store
        .open_ballot(f.meeting, &ballots[2].number, Purpose::Entry)
        .unwrap_err();
    assert!(refusal(e).contains("invalid"));
    let e = f
        .store
        .enter_answer(
            f.meeting,
            ballots[2].voter_id,
            f.items[0],
            Choice::Yes,
            "李秀英",
        )
        .unwrap_err();
    assert!(refusal(e).contains("invalid"));
    // A ballot with answers cannot become invalid afterwards.
    enter(&mut f, &ballots[3].number.clone(), Choice::Yes);
    let e = f
        .store
        .enter_invalid(
            f.meeting,
            ballots[3].voter_id,
            InvalidReason::Unreadable,
            "",
            "",
        )
        .unwrap_err();
    assert!(refusal(e).contains("cannot be recorded as invalid"));
    // The correction: 同意 → 反对 on item 1, kept beside the answer.
    f.store
        .open_ballot(f.meeting, &ballots[3].number, Purpose::Correction)
        .unwrap();
    f.store
        .correct_ballot(f.meeting, ballots[3].voter_id, f.items[0], Choice::No)
        .unwrap();
    let e = f
        .store
        .open_ballot(f.meeting, &ballots[4].number, Purpose::Correction)
        .unwrap_err();
    assert!(refusal(e).contains("not been entered"));
    let rec = f.store.meeting_record(f.meeting).unwrap();
    let corr = rec.items[0].corrections();
    assert_eq!(corr.len(), 1);
    assert_eq!(corr[0].0, ballots[3].name);
    assert_eq!((corr[0].1.from, corr[0].1.to), (Choice::Yes, Choice::No));
    let w = rec.form.written.unwrap();
    assert_eq!((w.returned, w.valid), (2, 1));
    assert_eq!(w.invalid.len(), 1);
    assert_eq!(w.invalid[0].reason, InvalidReason::Unsigned);
    assert_eq!(w.invalid[0].name, ballots[2].name);
    // The invalid ballot does not take part.
    let p = f.store.written_progress(f.meeting, "2026-11-02").unwrap();
    let head = p.items[0].3.participation().next().unwrap().clone();
    assert_eq!(head.value, 1);
}

#[test]
fn an_extension_moves_the_deadline_with_its_reason_and_is_in_the_record() {
    let mut f = written(true);
    let e = f
        .store
        .extend_written(f.meeting, "2026-11-30", " ")
        .unwrap_err();
    assert!(refusal(e).contains("reason"));
    let e = f
        .store
        .extend_written(f.meeting, "2026-11-10", "回收不足")
        .unwrap_err();
    assert!(refusal(e).contains("after the present one"));
    f.store
        .extend_written(f.meeting, "2026-11-30", "回收票数不足三分之二")
        .unwrap();
    assert_eq!(
        f.store.written_deadline(f.meeting).unwrap().as_deref(),
        Some("2026-11-30")
    );
    // Closing on the old date is now early: asked, then confirmed.
    assert!(
        f.store
            .close_written(f.meeting, "2026-11-16", false)
            .is_err()
    );
    f.store
        .close_written(f.meeting, "2026-11-16", true)
        .unwrap();
    let w = f
        .store
        .meeting_record(f.meeting)
        .unwrap()
        .form
        .written
        .unwrap();
    assert_eq!(w.extensions.len(), 1);
    assert_eq!(w.extensions[0].from, "2026-11-15");
    assert_eq!(w.extensions[0].to, "2026-11-30");
    assert_eq!(w.extensions[0].reason, "回收票数不足三分之二");
    assert!(w.closed_early);
    // The minutes (format V2) print the consultation and its extension in place of an
    // attendance.
    let rec = f.store.meeting_record(f.meeting).unwrap();
    let md = yishi::domain::minutes::signed_body(&rec);
    assert!(
        md.contains("书面征求意见") || md.contains("Written consultation"),
        "{md}"
    );
    assert!(md.contains("回收票数不足三分之二"), "{md}");
    assert!(
        !md.contains("## 出席情况") && !md.contains("## Attendance"),
        "{md}"
    );
}

#[test]
fn an_owners_assembly_on_short_notice_asks_and_the_record_says_so() {
    let mut f = written(false);
    let e = f.store.set_notice_date(f.meeting, "yesterday").unwrap_err();
    assert!(refusal(e).contains("notice date"));
    f.store.set_notice_date(f.meeting, "2026-10-22").unwrap();
    assert_eq!(f.store.notice_shortfall(f.meeting).unwrap(), Some(10));
    let e = f.store.start_meeting(f.meeting).unwrap_err();
    assert!(refusal(e).contains("less than 15 days"));
    assert_eq!(
        f.store.meeting(f.meeting).unwrap().status,
        MeetingStatus::Draft
    );
    assert!(f.store.written_ballots(f.meeting).unwrap().is_empty());
    f.store.start_meeting_confirmed(f.meeting).unwrap();
    let rec = f.store.meeting_record(f.meeting).unwrap();
    let s = rec.form.short_notice.clone().expect("short notice kept");
    assert_eq!(
        (s.noticed_on.as_str(), s.opens_on.as_str(), s.days),
        ("2026-10-22", "2026-11-01", 10)
    );
    let md = yishi::domain::minutes::signed_body(&rec);
    assert!(
        md.contains("2026-10-22"),
        "the minutes say the notice was short: {md}"
    );
}

#[test]
fn notice_in_time_and_a_room_meeting_are_unchanged() {
    let mut f = written(false);
    f.store.set_notice_date(f.meeting, "2026-10-17").unwrap();
    assert_eq!(f.store.notice_shortfall(f.meeting).unwrap(), None);
    f.store
        .set_form(f.meeting, MeetingForm::Collective, None)
        .unwrap();
    f.store.start_meeting(f.meeting).unwrap();
    let rec = f.store.meeting_record(f.meeting).unwrap();
    assert!(
        rec.form.is_plain(),
        "a room meeting's record reads as before"
    );
    let json = serde_json::to_string(&rec).unwrap();
    assert!(!json.contains("\"form\""));
}

#[test]
fn the_demo_has_a_written_consultation_in_progress() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    yishi::demo::install(&mut store).unwrap();
    let m = store
        .meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title.contains("书面征求意见"))
        .expect("the demo's consultation");
    assert_eq!(m.status, MeetingStatus::Open);
    assert_eq!(store.meeting_form(m.id).unwrap(), MeetingForm::Written);
    assert!(
        store.unserved(m.id).unwrap().is_empty(),
        "every ballot served"
    );
    let p = store.written_progress(m.id, "2026-11-30").unwrap();
    assert_eq!(p.counts.voters, 6);
    assert_eq!(
        p.counts.returned * 3,
        p.counts.voters * 2,
        "two thirds returned"
    );
    assert_eq!(p.counts.invalid, 1);
    assert_eq!(p.days_left, Some(10));
    assert!(
        store.running_meeting().unwrap().is_none(),
        "not offered as a room meeting to resume"
    );
    assert!(yishi::paper::render(&store, m.id, yishi::paper::Paper::Ballots).is_ok());
    // Installing again changes nothing.
    assert!(!yishi::demo::install(&mut store).unwrap());
}

/// A signed written consultation exported and imported on another laptop keeps its
/// form facts (dates, ballots, invalid reasons, extension), and still verifies.
#[test]
fn an_imported_consultation_keeps_its_form_facts() {
    use yishi::domain::verify::Role;
    let mut f = written(true);
    let ballots = f.store.written_ballots(f.meeting).unwrap();
    for b in &ballots[..6] {
        enter(&mut f, &b.number, Choice::Yes);
    }
    f.store
        .enter_invalid(
            f.meeting,
            ballots[6].voter_id,
            InvalidReason::Unreadable,
            "字迹模糊",
            "李秀英",
        )
        .unwrap();
    f.store
        .extend_written(f.meeting, "2026-11-20", "部分业主外出")
        .unwrap();
    f.store
        .close_written(f.meeting, "2026-11-21", false)
        .unwrap();
    let h = f
        .store
        .register_signer("黄小明", "host-pass-2026", "host-pass-2026")
        .unwrap();
    let s = f
        .store
        .register_signer("李秀英", "secr-pass-2026", "secr-pass-2026")
        .unwrap();
    f.store
        .sign_meeting(f.meeting, h, Role::Host, "host-pass-2026")
        .unwrap();
    f.store
        .sign_meeting(f.meeting, s, Role::Secretary, "secr-pass-2026")
        .unwrap();
    let here = f.store.meeting_record(f.meeting).unwrap();
    assert!(here.form.written.is_some());
    let bundle = f.store.export_bundle(f.meeting).unwrap();
    let json = serde_json::to_string(&bundle).unwrap();
    assert!(json.contains("\"form\""));

    let dir = TempDir::new().unwrap();
    let mut other = Store::open(&dir.path().join("district.db")).unwrap();
    other.import_bundle(bundle).unwrap();
    let id = other
        .meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.uid == here.uid)
        .unwrap()
        .id;
    let there = other.meeting_record(id).unwrap();
    assert_eq!(there.form, here.form);
    let report = other.verify_meeting(id).unwrap();
    assert_eq!(
        report.status,
        yishi::domain::verify::VerifyStatus::Valid,
        "{:?}",
        report.status
    );
}
