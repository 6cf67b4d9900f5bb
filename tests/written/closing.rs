//! Extension with its reason, short notice, room meetings unchanged, the demo's consultation,
//! an imported consultation's form facts.

use super::support::*;

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
    let md = yishi::domain::minutes::body::signed_body(&rec);
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
    let md = yishi::domain::minutes::body::signed_body(&rec);
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
    use yishi::domain::signing::verify::Role;
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
        yishi::domain::signing::verify::VerifyStatus::Valid,
        "{:?}",
        report.status
    );
}
