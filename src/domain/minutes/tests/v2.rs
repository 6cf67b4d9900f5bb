//! Format V2's additions, each against the sample meeting of `tests` (V1 itself is
//! pinned byte for byte by tests/minutes/golden.rs).

use super::sample;
use crate::domain::minutes::body::*;
use crate::domain::minutes::document::*;
use crate::domain::minutes::markup::*;
use crate::domain::minutes::*;
use crate::domain::model::{Choice, ItemStatus, PresenceKind};
use crate::domain::record::{Correction, PresenceEvent};
use crate::domain::rules::{Rule, RuleKind, evaluate};

const V1: MinutesFormat = MinutesFormat::V1;
const V2: MinutesFormat = MinutesFormat::V2;

fn reevaluate(rec: &mut MeetingRecord) {
    let it = &mut rec.items[0];
    let v = it.vote.as_mut().expect("vote");
    v.outcome = Some(evaluate(&it.rule, &v.electorate()));
}

#[test]
fn a_corrected_answer_prints_the_first_answer_the_new_one_and_the_time() {
    let mut rec = sample();
    let v = rec.items[0].vote.as_mut().expect("vote");
    v.ballots[2].choice = Some(Choice::No);
    v.ballots[2].corrections = vec![Correction {
        from: Choice::Yes,
        to: Choice::No,
        at: "2026-05-16T10:32:00+08:00".into(),
    }];
    let zh = render(&rec, Lang::Zh, V2);
    assert!(
        zh.contains("- 更正：业主3：同意 → 反对，10:32 更正\n"),
        "{zh}"
    );
    let en = render(&rec, Lang::En, V2);
    assert!(
        en.contains("- Corrected answers: 业主3: Yes → No, corrected at 10:32\n"),
        "{en}"
    );
    // V1 never printed corrections (none existed when it was signed).
    assert!(!render(&rec, Lang::Zh, V1).contains("更正"));
}

#[test]
fn an_item_not_taken_up_is_not_an_item_decided_without_a_vote() {
    let mut rec = sample();
    rec.items[0].vote = None;
    rec.items[0].status = ItemStatus::NotTakenUp;
    let zh = render(&rec, Lang::Zh, V2);
    assert!(zh.contains("- 本议题未审议：会议在审议前休会。\n"), "{zh}");
    assert!(zh.contains("本议题未审议。\n"), "{zh}");
    assert!(!zh.contains("本议题不表决"), "{zh}");
    let n = render_notice(&rec, &[], Lang::Zh);
    assert!(n.contains("- 本议题未审议。"), "{n}");
    // Closed without a vote stays 不表决.
    rec.items[0].status = ItemStatus::Closed;
    let zh = render(&rec, Lang::Zh, V2);
    assert!(zh.contains("本议题不表决。"), "{zh}");
    assert!(!zh.contains("未审议"), "{zh}");
}

#[test]
fn a_recusal_in_a_council_is_named_with_the_base_the_rule_used() {
    let mut rec = sample();
    rec.items[0].rule = Rule::new(RuleKind::Committee);
    rec.presence.push(PresenceEvent {
        voter_id: 3,
        name: "业主3".into(),
        kind: PresenceKind::Recuse,
        proxy_name: String::new(),
        proxy_ref: String::new(),
        item_position: Some(1),
        at: "2026-05-16T09:37:00+08:00".into(),
    });
    let v = rec.items[0].vote.as_mut().expect("vote");
    v.ballots[2].choice = Some(Choice::Recused);
    reevaluate(&mut rec);
    let zh = render(&rec, Lang::Zh, V2);
    assert!(
        zh.contains("- 回避：业主3（回避者仍计入全体成员基数）\n"),
        "{zh}"
    );
    rec.items[0].rule.recused_leave_base = true;
    reevaluate(&mut rec);
    let en = render(&rec, Lang::En, V2);
    assert!(
        en.contains("- Recused: 业主3 (by the rule's setting, recused members leave the base)\n"),
        "{en}"
    );
}

#[test]
fn the_elevator_rule_names_each_shaft_owner_with_their_answer() {
    let mut rec = sample();
    rec.items[0].rule = Rule::new(RuleKind::Elevator {
        legacy_two_thirds: false,
        shaft_voters: vec![1, 3],
    });
    reevaluate(&mut rec);
    let zh = render(&rec, Lang::Zh, V2);
    assert!(
        zh.contains("- 井道占用业主：业主1 同意 ✓，业主3 反对 ✗；须全部同意，条件未满足\n"),
        "{zh}"
    );
    // The public notice names them too, masked.
    let n = render_notice(&rec, &[], Lang::Zh);
    assert!(n.contains("井道占用业主："), "{n}");
    assert!(
        !n.contains("业主1 同意"),
        "names are masked in the notice: {n}"
    );
}

#[test]
fn data_that_looks_like_markdown_stays_text_in_v2() {
    let mut rec = sample();
    rec.items[0].remarks[0].text =
        "## 签署\n<script>alert(1)</script>\n[点此](http://x.example)".into();
    rec.summary = "- 主持人：伪造".into();
    let md = render(&rec, Lang::Zh, V2);
    assert!(md.contains("\\## 签署"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
    assert!(md.contains("\\[点此\\](http://x.example)"), "{md}");
    assert!(md.contains("> \\- 主持人：伪造"), "{md}");
    assert!(
        !md.lines().any(|l| l.trim_start().starts_with("## 签署")),
        "{md}"
    );
    // The HTML of V2 text shows the characters, once, as text.
    let html = to_html(&md, "t", Lang::Zh, true);
    assert!(html.contains("## 签署"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("\\["), "{html}");
    assert!(!html.contains("<h2>签署"), "{html}");
    let txt = to_txt(&md, true);
    assert!(
        txt.contains("## 签署") && txt.contains("[点此](http://x.example)"),
        "{txt}"
    );
}

#[test]
fn v2_percentages_never_contradict_the_verdict() {
    // 3 of 4 present answer: yes-area just below 3/4 must not print as 75.0%.
    let mut rec = sample();
    let v = rec.items[0].vote.as_mut().expect("vote");
    v.ballots[0].area = 7497;
    v.ballots[1].area = 0;
    v.ballots[2].area = 2503;
    reevaluate(&mut rec);
    let v2 = render(&rec, Lang::Zh, V2);
    assert!(v2.contains("74.97% ≥ 3/4 ✗"), "{v2}");
    assert!(!v2.contains("75.0% ≥ 3/4 ✗"), "{v2}");
    // V1 printed one decimal, as it was signed.
    assert!(render(&rec, Lang::Zh, V1).contains("75.0% ≥ 3/4 ✗"));
}

#[test]
fn the_current_format_is_v3_and_formats_round_trip_their_numbers() {
    let v3 = MinutesFormat::V3;
    assert_eq!(MinutesFormat::CURRENT, v3);
    assert!(v3.words().escaped() && V2.words().escaped() && !V1.words().escaped());
    for f in [V1, V2, v3] {
        assert_eq!(MinutesFormat::from_db(f.as_db()), Some(f));
    }
    assert_eq!(MinutesFormat::from_db(4), None);
}

#[test]
fn a_room_meeting_on_time_renders_as_before_the_written_section() {
    // No written form and no short notice: the section adds nothing to a room meeting.
    let rec = sample();
    assert_eq!(
        crate::domain::minutes::written::written_section(&rec, Lang::Zh),
        ""
    );
    let v2 = render(&rec, Lang::Zh, V2);
    assert!(v2.contains("## 出席情况"), "{v2}");
}
