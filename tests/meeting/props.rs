//! Property tests (proptest) for the vote rules, against a straightforward
//! rational-arithmetic model written from PRODUCT.md's table, plus two invariants:
//! turning an answer into a yes never turns a pass into a fail, and scaling every area by
//! the same factor never changes an outcome. And the text sanitiser: hostile sequences
//! mixed into safe text are removed and nothing else is lost.

use proptest::prelude::*;
use yishi::domain::model::Choice;
use yishi::domain::rules::numbers::{Cmp, Frac};
use yishi::domain::rules::{Base, CustomRule, Eligible, Rule, RuleKind, evaluate};
use yishi::domain::text::wrap::wrap;
use yishi::domain::text::{clean_line, clean_multiline, has_unsafe, width};

/// An exact non-negative fraction, reduced.
#[derive(Clone, Copy, Debug)]
struct Q {
    n: u128,
    d: u128,
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

impl Q {
    fn new(n: i64, d: i64) -> Option<Q> {
        if d <= 0 {
            return None;
        }
        let (n, d) = (n as u128, d as u128);
        let g = gcd(n, d).max(1);
        Some(Q { n: n / g, d: d / g })
    }
    fn cmp(self, o: Q) -> std::cmp::Ordering {
        (self.n * o.d).cmp(&(o.n * self.d))
    }
}

/// `value/total ≥ f` (or `>`); never met without a base.
fn at_least(value: i64, total: i64, f: (i64, i64), strict: bool) -> bool {
    match Q::new(value, total) {
        None => false,
        Some(q) => {
            let o = q.cmp(Q::new(f.0, f.1).unwrap());
            if strict { o.is_gt() } else { o.is_ge() }
        }
    }
}

#[derive(Default, Debug)]
struct Counts {
    eligible: (i64, i64),
    present: (i64, i64),
    yes: (i64, i64),
    no: (i64, i64),
    participants: (i64, i64),
}

fn add(p: &mut (i64, i64), area: i64) {
    p.0 += 1;
    p.1 += area;
}

/// Recused voters stay in the base of all members unless the rule (a council's, where
/// recusal exists) takes them out (PRODUCT.md "Who may answer").
fn counts(e: &[Eligible], abstain_participates: bool, recused_leave: bool) -> Counts {
    let mut c = Counts::default();
    for v in e
        .iter()
        .filter(|v| !(recused_leave && v.choice == Some(Choice::Recused)))
    {
        add(&mut c.eligible, v.area);
        if v.present {
            add(&mut c.present, v.area);
        }
        match v.choice {
            Some(Choice::Yes) => {
                add(&mut c.yes, v.area);
                add(&mut c.participants, v.area);
            }
            Some(Choice::No) => {
                add(&mut c.no, v.area);
                add(&mut c.participants, v.area);
            }
            Some(Choice::Abstain) if abstain_participates => add(&mut c.participants, v.area),
            _ => {}
        }
    }
    c
}

/// The model: PRODUCT.md "Vote rules", row by row.
fn model(rule: &Rule, e: &[Eligible]) -> Option<bool> {
    let c = counts(e, rule.abstain_participates, rule.recused_leave_base());
    let turnout = |c: &Counts| {
        at_least(c.participants.0, c.eligible.0, (2, 3), false)
            && at_least(c.participants.1, c.eligible.1, (2, 3), false)
    };
    Some(match &rule.kind {
        RuleKind::Art278Ordinary => {
            turnout(&c)
                && at_least(c.yes.0, c.participants.0, (1, 2), true)
                && at_least(c.yes.1, c.participants.1, (1, 2), true)
        }
        RuleKind::Art278Major
        | RuleKind::Elevator {
            legacy_two_thirds: false,
            ..
        } => {
            turnout(&c)
                && at_least(c.yes.0, c.participants.0, (3, 4), false)
                && at_least(c.yes.1, c.participants.1, (3, 4), false)
        }
        RuleKind::Committee => {
            at_least(c.present.0, c.eligible.0, (1, 2), true)
                && at_least(c.yes.0, c.eligible.0, (1, 2), false)
        }
        RuleKind::ResidentsMeeting => {
            at_least(c.present.0, c.eligible.0, (1, 2), true)
                && at_least(c.yes.0, c.present.0, (1, 2), true)
        }
        RuleKind::RobertMajority => at_least(c.yes.0, c.yes.0 + c.no.0, (1, 2), true),
        RuleKind::RobertTwoThirds => at_least(c.yes.0, c.yes.0 + c.no.0, (2, 3), false),
        RuleKind::NoVote => false,
        _ => return None,
    })
}

fn choice() -> impl Strategy<Value = Option<Choice>> {
    prop_oneof![
        4 => Just(Some(Choice::Yes)),
        2 => Just(Some(Choice::No)),
        1 => Just(Some(Choice::Abstain)),
        1 => Just(Some(Choice::Recused)),
        1 => Just(Some(Choice::NotVoting)),
        1 => Just(None),
    ]
}

fn electorate() -> impl Strategy<Value = Vec<Eligible>> {
    proptest::collection::vec((0i64..2_000_000, any::<bool>(), choice()), 0..40).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (area, present, choice))| Eligible {
                voter_id: i as i64 + 1,
                area,
                present,
                choice,
            })
            .collect()
    })
}

fn frac() -> impl Strategy<Value = Frac> {
    (1i64..12).prop_flat_map(|d| (0..=d).prop_map(move |n| Frac::new(n, d)))
}

fn cmp() -> impl Strategy<Value = Cmp> {
    prop_oneof![Just(Cmp::Ge), Just(Cmp::Gt)]
}

fn kind() -> impl Strategy<Value = RuleKind> {
    let custom = (
        proptest::option::of((
            frac(),
            cmp(),
            prop_oneof![Just(Base::Eligible), Just(Base::Present)],
        )),
        (
            frac(),
            cmp(),
            prop_oneof![
                Just(Base::Eligible),
                Just(Base::Present),
                Just(Base::Voted),
                Just(Base::Cast)
            ],
        ),
        any::<bool>(),
    )
        .prop_map(|(participation, approval, use_area)| {
            RuleKind::Custom(CustomRule {
                participation,
                approval,
                use_area,
            })
        });
    prop_oneof![
        Just(RuleKind::Art278Ordinary),
        Just(RuleKind::Art278Major),
        any::<bool>().prop_map(|legacy| RuleKind::Elevator {
            legacy_two_thirds: legacy,
            shaft_voters: vec![1, 2],
        }),
        Just(RuleKind::Committee),
        Just(RuleKind::ResidentsMeeting),
        Just(RuleKind::RobertMajority),
        Just(RuleKind::RobertTwoThirds),
        Just(RuleKind::NoVote),
        custom,
    ]
}

fn rule() -> impl Strategy<Value = Rule> {
    (kind(), any::<bool>(), any::<bool>()).prop_map(
        |(kind, abstain_participates, recused_leave_base)| Rule {
            kind,
            abstain_participates,
            recused_leave_base,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn rules_agree_with_the_rational_model(rule in rule(), e in electorate()) {
        if let Some(expected) = model(&rule, &e) {
            let got = evaluate(&rule, &e);
            prop_assert_eq!(got.passed, expected, "{:?} over {:?}: {:?}", rule, e, got);
        }
    }

    #[test]
    fn another_yes_never_turns_a_pass_into_a_fail(
        rule in rule(),
        e in electorate(),
        pick in any::<proptest::sample::Index>(),
    ) {
        let candidates: Vec<usize> = e
            .iter()
            .enumerate()
            .filter(|(_, v)| !matches!(v.choice, Some(Choice::Yes) | Some(Choice::Recused)))
            .map(|(i, _)| i)
            .collect();
        prop_assume!(!candidates.is_empty());
        let before = evaluate(&rule, &e);
        let mut after_e = e.clone();
        after_e[candidates[pick.index(candidates.len())]].choice = Some(Choice::Yes);
        let after = evaluate(&rule, &after_e);
        prop_assert!(
            !before.passed || after.passed,
            "{:?}: a yes turned a pass into a fail\nbefore {:?}\nafter {:?}",
            rule, before, after
        );
    }

    #[test]
    fn scaling_every_area_changes_no_outcome(
        rule in rule(),
        e in electorate(),
        k in 1i64..1000,
    ) {
        let scaled: Vec<Eligible> = e
            .iter()
            .map(|v| Eligible { area: v.area * k, ..v.clone() })
            .collect();
        let a = evaluate(&rule, &e);
        let b = evaluate(&rule, &scaled);
        prop_assert_eq!(a.passed, b.passed);
        let met = |o: &yishi::domain::rules::Outcome| {
            o.checks.iter().map(|c| c.met).collect::<Vec<_>>()
        };
        prop_assert_eq!(met(&a), met(&b));
    }
}

/// Complete escape sequences and controls, as found in hostile names.
fn hostile() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "\x1b[31m",
        "\x1b[2J",
        "\x1b[?1049h",
        "\x1b]0;title\x07",
        "\x1b]8;;http://x\x1b\\",
        "\x1bP+q\x1b\\",
        "\x1b7",
        "\x07",
        "\x00",
        "\x7f",
        "\u{85}",
        "\u{9b}1;2H",
        "\u{202A}",
        "\u{202E}",
        "\u{2066}",
        "\u{2069}",
        "\u{200F}",
        "\u{FEFF}",
    ])
}

/// Text a person would type: Chinese, Latin, digits, punctuation, spaces.
fn safe_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::char::range('一', '龥'),
            proptest::char::range('a', 'z'),
            proptest::char::range('0', '9'),
            Just(' '),
            Just('，'),
            Just('。'),
            Just('['),
            Just('('),
        ],
        0..30,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn hostile_sequences_are_removed_and_nothing_else_is_lost(
        parts in proptest::collection::vec((safe_text(), hostile()), 0..8),
        tail in safe_text(),
    ) {
        let mut dirty = String::new();
        let mut clean = String::new();
        for (safe, bad) in &parts {
            dirty.push_str(safe);
            dirty.push_str(bad);
            clean.push_str(safe);
        }
        dirty.push_str(&tail);
        clean.push_str(&tail);
        prop_assert_eq!(clean_line(&dirty), clean.clone());
        prop_assert_eq!(clean_multiline(&dirty), clean.clone());
        prop_assert!(!has_unsafe(&clean_line(&dirty)));
    }

    #[test]
    fn wrapped_clean_text_fits_its_box_and_keeps_every_character(
        s in any::<String>(),
        max in 2usize..60,
    ) {
        let text = clean_multiline(&s);
        let lines = wrap(&text, max);
        for l in &lines {
            prop_assert!(width(l) <= max, "{:?} is wider than {}", l, max);
        }
        // A typed WORD JOINER (invisible) is the wrapper's own glue and is not shown.
        let shown = |c: &char| !c.is_whitespace() && *c != '\u{2060}';
        let kept: String = lines.concat().chars().filter(shown).collect();
        let orig: String = text.chars().filter(shown).collect();
        prop_assert_eq!(kept, orig);
    }
}
