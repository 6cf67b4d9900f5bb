//! The form and its dates, delivery, the 2/3 boundary at closing, ballots refused by number,
//! invalid ballots and corrections.

use super::support::*;

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
            ballot_number::encode(f.meeting.0, i as i64 + 1)
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
    let other = ballot_number::encode(f.meeting.0 + 1, 1).unwrap();
    let e = f
        .store
        .open_ballot(f.meeting, &other, Purpose::Entry)
        .unwrap_err();
    assert!(refusal(e).contains("another meeting"));
    // A number of this meeting beyond its ballots.
    let beyond = ballot_number::encode(f.meeting.0, 99).unwrap();
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
