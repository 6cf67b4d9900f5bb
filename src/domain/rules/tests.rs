//! The rules' tests: each rule at its boundaries, in exact arithmetic.

use crate::domain::rules::*;

fn v(id: i64, area: i64, present: bool, choice: Option<Choice>) -> Eligible {
    Eligible {
        voter_id: id,
        area,
        present,
        choice,
    }
}

/// `n` present voters of equal area with the given choice, ids from `start`.
fn many(start: i64, n: i64, area: i64, choice: Option<Choice>) -> Vec<Eligible> {
    (start..start + n)
        .map(|id| v(id, area, true, choice))
        .collect()
}

fn build(groups: &[(i64, i64, Option<Choice>)]) -> Vec<Eligible> {
    let mut out = Vec::new();
    let mut id = 1;
    for &(n, area, choice) in groups {
        out.extend(many(id, n, area, choice));
        id += n;
    }
    out
}

fn check(o: &[Check], kind: CheckKind, basis: Basis) -> Check {
    o.iter()
        .find(|c| c.kind == kind && c.basis == basis)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind:?}/{basis:?} check in {o:?}"))
}

const Y: Option<Choice> = Some(Choice::Yes);
const N: Option<Choice> = Some(Choice::No);
const A: Option<Choice> = Some(Choice::Abstain);
const R: Option<Choice> = Some(Choice::Recused);
const NV: Option<Choice> = Some(Choice::NotVoting);
const U: Option<Choice> = None;

fn ordinary() -> Rule {
    Rule::new(RuleKind::Art278Ordinary)
}
fn major() -> Rule {
    Rule::new(RuleKind::Art278Major)
}

#[test]
fn exactly_two_thirds_participation_passes() {
    // 9 eligible, 6 vote yes (exactly 2/3 by head and area), 3 not voting.
    let e = build(&[(6, 100, Y), (3, 100, NV)]);
    let o = evaluate(&ordinary(), &e);
    let p = check(&o.checks, CheckKind::Participation, Basis::Headcount);
    assert_eq!((p.value, p.total, p.met), (6, 9, true));
    let pa = check(&o.checks, CheckKind::Participation, Basis::Area);
    assert_eq!((pa.value, pa.total, pa.met), (600, 900, true));
    assert!(o.passed);
    assert_eq!(o.checks.len(), 4);
}

#[test]
fn one_less_than_two_thirds_participation_fails() {
    let e = build(&[(5, 100, Y), (4, 100, NV)]);
    let o = evaluate(&ordinary(), &e);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Area).met);
    assert!(check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!o.passed);
}

#[test]
fn exactly_three_quarters_approval_passes_major() {
    let e = build(&[(6, 100, Y), (2, 100, N)]);
    let o = evaluate(&major(), &e);
    let a = check(&o.checks, CheckKind::Approval, Basis::Headcount);
    assert_eq!((a.value, a.total, a.met), (6, 8, true));
    assert!(check(&o.checks, CheckKind::Approval, Basis::Area).met);
    assert!(o.passed);
}

#[test]
fn one_less_than_three_quarters_fails_major() {
    let e = build(&[(5, 100, Y), (3, 100, N)]);
    let o = evaluate(&major(), &e);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!o.passed);
    // Area alone one hundredth short of 3/4 also fails.
    let e = vec![v(1, 299, true, Y), v(2, 101, true, N)];
    let o = evaluate(&major(), &e);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Area).met);
    assert!(!o.passed);
}

#[test]
fn exactly_half_is_not_guobanshu_and_tie_fails() {
    // 2 yes, 1 no, 1 abstain: yes = exactly 1/2 of participants.
    let e = build(&[(2, 100, Y), (1, 100, N), (1, 100, A)]);
    let o = evaluate(&ordinary(), &e);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!o.passed);
    // Plain tie.
    let e = build(&[(3, 100, Y), (3, 100, N)]);
    assert!(!evaluate(&ordinary(), &e).passed);
    // One more yes passes.
    let e = build(&[(4, 100, Y), (3, 100, N)]);
    assert!(evaluate(&ordinary(), &e).passed);
}

#[test]
fn headcount_met_but_area_not() {
    // 3 small owners say yes, 2 large say no: headcount 3/5 > 1/2, area 300/2300.
    let e = build(&[(3, 100, Y), (2, 1000, N)]);
    let o = evaluate(&ordinary(), &e);
    assert!(check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Area).met);
    assert!(!o.passed);
    // Participation: headcount met, area not.
    let e = build(&[(4, 100, Y), (2, 1000, NV)]);
    let o = evaluate(&ordinary(), &e);
    assert!(check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Area).met);
    assert!(!o.passed);
}

#[test]
fn area_met_but_headcount_not() {
    let e = build(&[(2, 1000, Y), (3, 100, N)]);
    let o = evaluate(&ordinary(), &e);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(check(&o.checks, CheckKind::Approval, Basis::Area).met);
    assert!(!o.passed);
    let e = build(&[(2, 1000, Y), (3, 100, NV)]);
    let o = evaluate(&ordinary(), &e);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(check(&o.checks, CheckKind::Participation, Basis::Area).met);
    assert!(!o.passed);
}

#[test]
fn zero_eligible_voters_fail() {
    for kind in [
        RuleKind::Art278Ordinary,
        RuleKind::Art278Major,
        RuleKind::Committee,
        RuleKind::ResidentsMeeting,
        RuleKind::RobertMajority,
        RuleKind::RobertTwoThirds,
        RuleKind::NoVote,
        RuleKind::Elevator {
            legacy_two_thirds: true,
            shaft_voters: vec![],
        },
    ] {
        let o = evaluate(&Rule::new(kind.clone()), &[]);
        assert!(!o.passed, "{kind:?}");
        assert_eq!(o.tally, Tally::default());
        assert!(o.checks.iter().all(|c| c.percent_tenths().is_none()));
    }
    // Everyone recused: same as nobody.
    let e = build(&[(3, 100, R)]);
    assert!(!evaluate(&ordinary(), &e).passed);
    // Ge with a zero threshold is met over an empty base; Gt never.
    assert!(meets(0, 0, Cmp::Ge, Frac::new(0, 1)));
    assert!(!meets(0, 0, Cmp::Gt, Frac::new(0, 1)));
    assert!(!meets(0, 0, Cmp::Ge, Frac::HALF));
}

#[test]
fn all_abstain() {
    let e = build(&[(5, 100, A)]);
    let o = evaluate(&ordinary(), &e);
    assert_eq!(o.tally.participants, 5);
    assert!(check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!o.passed);

    let rule = Rule {
        kind: RuleKind::Art278Ordinary,
        abstain_participates: false,
        recused_leave_base: false,
    };
    let o = evaluate(&rule, &e);
    assert_eq!(o.tally.participants, 0);
    assert_eq!(o.tally.abstain, 5);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(!o.passed);

    // Abstention excluded: 2 yes, 1 no, 3 abstain over 6 — participation 3/6 fails,
    // approval 2/3 of participants met.
    let e = build(&[(2, 100, Y), (1, 100, N), (3, 100, A)]);
    let o = evaluate(&rule, &e);
    assert!(check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    // With abstentions participating, 2/6 yes fails approval.
    let o = evaluate(&ordinary(), &e);
    assert!(check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
}

#[test]
fn scoped_electorate_one_unit() {
    // Only the owners of one unit (building entrance) are passed in; the rule counts
    // over them alone.
    let e = vec![
        v(31, 9000, true, Y),
        v(32, 9000, true, Y),
        v(33, 9000, true, Y),
        v(34, 9000, true, N),
    ];
    let o = evaluate(&major(), &e);
    assert_eq!(o.tally.eligible, 4);
    assert_eq!(o.tally.eligible_area, 36000);
    assert!(o.passed);
}

#[test]
fn developer_counted_once_with_full_area() {
    // Developer holds 40 unsold units: one voter, area of all of them.
    let dev = v(1, 40 * 9000, true, N);
    let mut e = vec![dev];
    e.extend(many(2, 9, 9000, Y));
    let o = evaluate(&ordinary(), &e);
    assert_eq!(o.tally.eligible, 10);
    assert_eq!(o.tally.no, 1);
    assert_eq!(o.tally.no_area, 360_000);
    assert!(check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!check(&o.checks, CheckKind::Approval, Basis::Area).met);
    assert!(!o.passed);
}

#[test]
fn co_owned_unit_is_one_voter() {
    // Two spouses co-own a unit: one entry, one head, the unit's area once.
    let e = vec![
        v(1, 12_000, true, Y),
        v(2, 9_000, true, Y),
        v(3, 9_000, true, N),
    ];
    let t = tally(&ordinary(), &e);
    assert_eq!(t.eligible, 3);
    assert_eq!(t.yes, 2);
    assert_eq!(t.yes_area, 21_000);
    assert!(evaluate(&ordinary(), &e).passed);
}

#[test]
fn proxy_counts_as_present() {
    // A voter represented by proxy is `present` and their vote counts like any other.
    let e = vec![
        v(1, 100, true, Y),
        v(2, 100, true, Y), // by proxy
        v(3, 100, false, U),
    ];
    let t = tally(&Rule::new(RuleKind::ResidentsMeeting), &e);
    assert_eq!((t.present, t.present_area), (2, 200));
    let o = evaluate(&Rule::new(RuleKind::ResidentsMeeting), &e);
    assert!(o.passed);
    let q = quorum(&ordinary(), &e);
    assert!(q.iter().all(|c| c.met));
}

#[test]
fn committee_boundaries() {
    let rule = Rule::new(RuleKind::Committee);
    // 7 members: 4 present > 1/2; yes 4 ≥ 1/2 of 7 (3.5) passes.
    let mut e = build(&[(4, 0, Y)]);
    e.extend((5..=7).map(|id| v(id, 0, false, U)));
    let o = evaluate(&rule, &e);
    assert_eq!(o.checks.len(), 2);
    assert!(o.checks.iter().all(|c| c.basis == Basis::Headcount));
    assert!(o.passed);
    // 6 members: 3 present is exactly half — not > 1/2.
    let mut e = build(&[(3, 0, Y)]);
    e.extend((4..=6).map(|id| v(id, 0, false, U)));
    let o = evaluate(&rule, &e);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(check(&o.checks, CheckKind::Approval, Basis::Headcount).met);
    assert!(!o.passed);
    // 6 members, 4 present, yes exactly 3 = 1/2 of all members: passes (≥).
    let mut e = build(&[(3, 0, Y), (1, 0, N)]);
    e.extend((5..=6).map(|id| v(id, 0, false, U)));
    let o = evaluate(&rule, &e);
    assert_eq!(o.tally.present, 4);
    assert!(o.passed);
    // yes 2 of 6 fails.
    e[0].choice = N;
    assert!(!evaluate(&rule, &e).passed);
}

#[test]
fn residents_meeting_boundaries() {
    let rule = Rule::new(RuleKind::ResidentsMeeting);
    // 10 eligible, 6 present, 4 yes > 3: passes.
    let mut e = build(&[(4, 100, Y), (2, 100, N)]);
    e.extend((7..=10).map(|id| v(id, 100, false, U)));
    let o = evaluate(&rule, &e);
    assert_eq!(o.checks.len(), 2);
    assert!(o.passed);
    // 3 yes = exactly half of present: fails.
    e[3].choice = N;
    assert!(!evaluate(&rule, &e).passed);
    // 5 present of 10 is exactly half: fails participation.
    let mut e = build(&[(5, 100, Y)]);
    e.extend((6..=10).map(|id| v(id, 100, false, U)));
    let o = evaluate(&rule, &e);
    assert!(!check(&o.checks, CheckKind::Participation, Basis::Headcount).met);
    assert!(!o.passed);
}

#[test]
fn robert_rules() {
    let maj = Rule::new(RuleKind::RobertMajority);
    let two = Rule::new(RuleKind::RobertTwoThirds);
    let tie = build(&[(3, 0, Y), (3, 0, N), (10, 0, A)]);
    let o = evaluate(&maj, &tie);
    assert_eq!(o.checks.len(), 1);
    let c = &o.checks[0];
    assert_eq!(
        (c.value, c.total, c.cmp, c.threshold),
        (3, 6, Cmp::Gt, Frac::HALF)
    );
    assert!(!o.passed);
    let win = build(&[(4, 0, Y), (3, 0, N), (10, 0, A), (5, 0, NV)]);
    assert!(evaluate(&maj, &win).passed);
    // Exactly 2/3 of cast passes; abstentions excluded.
    let exact = build(&[(4, 0, Y), (2, 0, N), (20, 0, A)]);
    assert!(evaluate(&two, &exact).passed);
    let short = build(&[(3, 0, Y), (2, 0, N)]);
    assert!(!evaluate(&two, &short).passed);
    assert!(quorum(&maj, &exact).is_empty());
}

#[test]
fn custom_rule() {
    // Participation > 1/2 of present, approval ≥ 3/5 of cast, with area.
    let c = CustomRule {
        participation: Some((Frac::HALF, Cmp::Gt, Base::Present)),
        approval: (Frac::new(3, 5), Cmp::Ge, Base::Cast),
        use_area: true,
    };
    assert!(c.validate().is_ok());
    let rule = Rule::new(RuleKind::Custom(c.clone()));
    assert!(rule.kind.uses_area());
    // 3 yes, 2 no, 1 abstain, all present: participation 6/6, approval 3/5 exactly.
    let e = build(&[(3, 100, Y), (2, 100, N), (1, 100, A)]);
    let o = evaluate(&rule, &e);
    assert_eq!(o.checks.len(), 4);
    let a = check(&o.checks, CheckKind::Approval, Basis::Headcount);
    assert_eq!((a.value, a.total), (3, 5));
    assert!(o.passed);
    // 2 yes of 5 cast fails.
    let e = build(&[(2, 100, Y), (3, 100, N)]);
    assert!(!evaluate(&rule, &e).passed);
    // Headcount only, no participation, approval > 1/2 of eligible.
    let c2 = CustomRule {
        participation: None,
        approval: (Frac::HALF, Cmp::Gt, Base::Eligible),
        use_area: false,
    };
    let rule2 = Rule::new(RuleKind::Custom(c2));
    let e = build(&[(3, 100, Y), (3, 100, NV)]);
    let o = evaluate(&rule2, &e);
    assert_eq!(o.checks.len(), 1);
    assert!(!o.passed);
    assert!(quorum(&rule2, &e).is_empty());
    // Approval over voters (participants).
    let c3 = CustomRule {
        participation: Some((Frac::TWO_THIRDS, Cmp::Ge, Base::Eligible)),
        approval: (Frac::HALF, Cmp::Gt, Base::Voted),
        use_area: false,
    };
    let e = build(&[(3, 100, Y), (2, 100, A), (1, 100, NV)]);
    assert!(evaluate(&Rule::new(RuleKind::Custom(c3)), &e).passed);
    // A malformed rule never passes.
    let bad = CustomRule {
        participation: Some((Frac::new(0, 1), Cmp::Ge, Base::Cast)),
        approval: (Frac::new(0, 1), Cmp::Ge, Base::Cast),
        use_area: false,
    };
    assert!(bad.validate().is_err());
    let e = build(&[(3, 100, Y)]);
    assert!(!evaluate(&Rule::new(RuleKind::Custom(bad)), &e).passed);
}

#[test]
fn elevator_legacy_path_and_shaft_flag() {
    let kind = |legacy| RuleKind::Elevator {
        legacy_two_thirds: legacy,
        shaft_voters: vec![2, 9, 2],
    };
    // 6 owners in the unit: 4 yes, 2 no. 4/6 yes < 3/4 of participants, but 4/6 of
    // owners = exactly 2/3 meets the legacy path.
    let e = build(&[(4, 100, Y), (2, 100, N)]);
    let normal = evaluate(&Rule::new(kind(false)), &e);
    assert!(!normal.passed);
    assert!(normal.checks.iter().all(|c| c.kind != CheckKind::Legacy));
    let o = evaluate(&Rule::new(kind(true)), &e);
    let l = check(&o.checks, CheckKind::Legacy, Basis::Headcount);
    assert_eq!((l.value, l.total, l.met), (4, 6, true));
    assert!(o.passed);
    // Flags: voter 2 voted yes (no flag); 9 is not on the list (flagged once).
    assert_eq!(o.flags, vec![Flag::ShaftOwnerNotAgreed(9)]);
    // 3 yes of 6 misses both paths.
    let e = build(&[(3, 100, Y), (3, 100, N)]);
    let o = evaluate(&Rule::new(kind(true)), &e);
    assert!(!o.passed);
    // Voter 2 now says no: flagged, and the flag does not change `passed`.
    let mut e = build(&[(7, 100, Y)]);
    e[1].choice = N;
    let o = evaluate(&Rule::new(kind(false)), &e);
    assert!(o.passed);
    assert_eq!(
        o.flags,
        vec![Flag::ShaftOwnerNotAgreed(2), Flag::ShaftOwnerNotAgreed(9)]
    );
}

#[test]
fn unanswered_counts_as_not_voting() {
    let e = build(&[(6, 100, Y), (2, 100, U), (1, 100, NV)]);
    let t = tally(&ordinary(), &e);
    assert_eq!((t.unanswered, t.not_voting, t.participants), (2, 1, 6));
    let o = evaluate(&ordinary(), &e);
    assert_eq!((o.tally.unanswered, o.tally.not_voting), (0, 3));
    assert_eq!(o.tally.not_voting_area, 300);
    assert_eq!(o.tally.participants, 6);
    assert!(o.passed); // 6/9 exactly 2/3
    // One more unanswered instead of a yes drops below 2/3.
    let e = build(&[(5, 100, Y), (3, 100, U), (1, 100, NV)]);
    assert!(!evaluate(&ordinary(), &e).passed);
}

mod bases;
