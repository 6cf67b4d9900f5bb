//! Bases and recusals, no-vote rules, and the figures as printed.

use crate::domain::rules::numbers::{fmt_area, fmt_percent_tenths};
use crate::domain::rules::tests::*;

#[test]
fn recused_removed_from_base_when_the_council_rule_says_so() {
    // 9 on the list, 3 recused, the setting on: base 6; 4 yes, 2 not voting.
    // Committee: yes ≥ 1/2 of members → 4/6 passes.
    let e = build(&[(4, 100, Y), (2, 100, NV), (3, 500, R)]);
    let mut rule = Rule::new(RuleKind::Committee);
    rule.recused_leave_base = true;
    let o = evaluate(&rule, &e);
    assert_eq!((o.tally.eligible, o.tally.eligible_area), (6, 600));
    assert_eq!((o.tally.recused, o.tally.recused_area), (3, 1500));
    assert_eq!(o.tally.present, 6);
    assert_eq!(o.tally.participants, 4);
    assert!(o.passed);
    // Boundary: 3 yes of 6 is exactly 1/2 and still passes; 3 of 7 does not.
    let e = build(&[(3, 100, Y), (3, 100, NV), (3, 100, R)]);
    assert!(evaluate(&rule, &e).passed);
    let e = build(&[(3, 100, Y), (4, 100, NV), (3, 100, R)]);
    assert!(!evaluate(&rule, &e).passed);
}

#[test]
fn recused_stay_in_the_base_of_all_members_by_default() {
    // The same 9, the setting off: base 9; 4 yes of 9 < 1/2 → fails; 5 of 9 passes.
    let e = build(&[(4, 100, Y), (2, 100, NV), (3, 500, R)]);
    let rule = Rule::new(RuleKind::Committee);
    let o = evaluate(&rule, &e);
    assert_eq!((o.tally.eligible, o.tally.eligible_area), (9, 2100));
    assert_eq!(o.tally.recused, 3);
    assert_eq!(o.tally.present, 9);
    assert_eq!(o.tally.participants, 4);
    assert!(!o.passed);
    let e = build(&[(5, 100, Y), (1, 100, NV), (3, 500, R)]);
    assert!(evaluate(&rule, &e).passed);
    // Residents' meeting: yes > 1/2 of present; 3 present recused keep the base at 8.
    let e = build(&[(4, 100, Y), (1, 100, NV), (3, 100, R)]);
    let rm = Rule::new(RuleKind::ResidentsMeeting);
    assert!(!evaluate(&rm, &e).passed, "4/8 is not more than half");
    let mut rm_leave = rm.clone();
    rm_leave.recused_leave_base = true;
    assert!(evaluate(&rm_leave, &e).passed, "4/5 is more than half");
}

#[test]
fn art278_has_no_recusal_and_its_base_is_all_owners() {
    assert!(!RuleKind::Art278Ordinary.allows_recusal());
    assert!(!RuleKind::Art278Major.allows_recusal());
    assert!(!RuleKind::from_code("elevator").is_some_and(|k| k.allows_recusal()));
    assert!(RuleKind::Committee.allows_recusal());
    // A new art. 278 rule keeps every owner in the base (the store refuses recusal).
    let rule = ordinary();
    assert!(!rule.recused_leave_base());
    let e = build(&[(4, 100, Y), (2, 100, NV), (3, 500, R)]);
    let o = evaluate(&rule, &e);
    assert_eq!((o.tally.eligible, o.tally.eligible_area), (9, 2100));
    assert!(!o.passed, "4/9 is below the 2/3 participation");
    // The setting is written: a rule stored before it existed has no key, and keeps
    // the meaning every vote had then (recused voters out of the base), so the
    // outcomes signed then still verify.
    let json = serde_json::to_string(&Rule::new(RuleKind::Committee)).unwrap();
    assert!(json.contains("\"recused_leave_base\":false"), "{json}");
    let back: Rule = serde_json::from_str(r#"{"kind":{"kind":"committee"}}"#).unwrap();
    assert!(back.recused_leave_base);
    let old: Rule = serde_json::from_str(r#"{"kind":{"kind":"art278_ordinary"}}"#).unwrap();
    let o = evaluate(&old, &e);
    assert_eq!((o.tally.eligible, o.tally.eligible_area), (6, 600));
}

#[test]
fn quorum_display() {
    // 9 eligible, 6 present (nobody has voted yet) → quorum reached by head and area.
    let mut e = build(&[(6, 100, U)]);
    e.extend((7..=9).map(|id| v(id, 100, false, U)));
    let q = quorum(&ordinary(), &e);
    assert_eq!(q.len(), 2);
    assert!(
        q.iter()
            .all(|c| c.kind == CheckKind::Participation && c.met)
    );
    assert_eq!((q[0].value, q[0].total), (6, 9));
    assert_eq!((q[1].value, q[1].total), (600, 900));
    // One fewer present: not reached.
    e[5].present = false;
    assert!(quorum(&ordinary(), &e).iter().all(|c| !c.met));
    // Committee quorum: > 1/2 of members present.
    let q = quorum(&Rule::new(RuleKind::Committee), &e);
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].value, q[0].total, q[0].met), (5, 9, true));
    assert!(quorum(&Rule::new(RuleKind::NoVote), &e).is_empty());
    assert!(quorum(&Rule::new(RuleKind::RobertTwoThirds), &e).is_empty());
}

#[test]
fn no_vote_never_passes() {
    let e = build(&[(5, 100, Y)]);
    let o = evaluate(&Rule::new(RuleKind::NoVote), &e);
    assert!(o.checks.is_empty());
    assert!(!o.passed);
}

#[test]
fn formatting() {
    assert_eq!(fmt_area(152_040), "1,520.40");
    assert_eq!(fmt_area(201_000), "2,010.00");
    assert_eq!(fmt_area(5), "0.05");
    assert_eq!(fmt_area(0), "0.00");
    assert_eq!(fmt_area(12_345_678_901), "123,456,789.01");
    assert_eq!(fmt_area(-152_040), "-1,520.40");
    assert_eq!(fmt_percent_tenths(756), "75.6%");
    assert_eq!(fmt_percent_tenths(1000), "100.0%");
    assert_eq!(fmt_percent_tenths(0), "0.0%");
    assert_eq!(fmt_percent_tenths(-5), "-0.5%");
    assert_eq!(percent_tenths(2, 3), Some(667));
    assert_eq!(percent_tenths(1, 3), Some(333));
    assert_eq!(percent_tenths(18, 24), Some(750));
    assert_eq!(percent_tenths(152_040, 201_000), Some(756));
    assert_eq!(percent_tenths(1, 2000), Some(1)); // 0.05% rounds half up
    assert_eq!(percent_tenths(1, 2001), Some(0));
    assert_eq!(percent_tenths(1, 0), None);
    let c = Check::new(
        CheckKind::Approval,
        Basis::Headcount,
        2,
        3,
        Cmp::Ge,
        Frac::TWO_THIRDS,
    );
    assert_eq!(
        c.percent_tenths().map(fmt_percent_tenths).as_deref(),
        Some("66.7%")
    );
    assert!(c.met);
    assert_eq!(format!("{} {}", c.cmp.symbol(), c.threshold), "≥ 2/3");
}

#[test]
fn large_areas_do_not_overflow() {
    let big = 1_000_000_000_000_i64; // 1e12 hundredths of m²
    let e = vec![
        v(1, big, true, Y),
        v(2, big, true, Y),
        v(3, big, true, Y),
        v(4, big - 1, true, N),
    ];
    let o = evaluate(&major(), &e);
    let a = check(&o.checks, CheckKind::Approval, Basis::Area);
    assert_eq!(a.total, 4 * big - 1);
    assert!(a.met);
    assert!(o.passed);
    assert_eq!(a.percent_tenths(), Some(750));
    assert!(meets(
        i64::MAX,
        i64::MAX,
        Cmp::Ge,
        Frac::new(i64::MAX, i64::MAX)
    ));
    assert!(!meets(i64::MAX - 1, i64::MAX, Cmp::Ge, Frac::new(1, 1)));
    assert_eq!(percent_tenths(i64::MAX, i64::MAX), Some(1000));
}

#[test]
fn codes_and_serde() {
    assert_eq!(RuleKind::Art278Ordinary.code(), "art278_ordinary");
    assert_eq!(RuleKind::RobertTwoThirds.code(), "robert_two_thirds");
    assert_eq!(RuleKind::NoVote.code(), "no_vote");
    assert!(!RuleKind::Committee.uses_area());
    let kinds = [
        RuleKind::Elevator {
            legacy_two_thirds: true,
            shaft_voters: vec![3, 4],
        },
        RuleKind::Custom(CustomRule {
            participation: Some((Frac::TWO_THIRDS, Cmp::Ge, Base::Eligible)),
            approval: (Frac::HALF, Cmp::Gt, Base::Cast),
            use_area: true,
        }),
        RuleKind::ResidentsMeeting,
    ];
    for kind in kinds {
        let rule = Rule::new(kind);
        let json = serde_json::to_string(&rule).unwrap_or_default();
        let back: Rule = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        assert_eq!(back, rule);
    }
    let back: Rule =
        serde_json::from_str(r#"{"kind":{"kind":"committee"}}"#).unwrap_or_else(|e| panic!("{e}"));
    assert!(back.abstain_participates);
}
