//! Vote rules: tallies and pass/fail decisions over a vote's frozen eligible list.
//!
//! Everything here is integer arithmetic. Counts are whole voters, areas are whole
//! hundredths of m², and every fraction comparison is a cross-multiplication in `i128`
//! (`value * den` against `num * total`), so "exactly 2/3" meets "≥ 2/3" and "exactly 1/2"
//! is not "过半数" (> 1/2). Every condition a rule uses comes back as a [`Check`] carrying
//! its figures, so the outcome screen and the minutes can print them.

use serde::{Deserialize, Serialize};

use super::model::Choice;

/// One voter on the frozen eligible list of a vote (taken when the vote starts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eligible {
    pub voter_id: i64,
    /// Hundredths of m², counting only the voter's units inside the item's scope.
    pub area: i64,
    /// Present in person or by proxy at vote start.
    pub present: bool,
    /// `None` = not yet answered.
    pub choice: Option<Choice>,
}

/// How a figure is compared with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    /// "以上": reaches the threshold (≥).
    Ge,
    /// "过半数"-style: strictly more than the threshold (>).
    Gt,
}

impl Cmp {
    /// The symbol printed on screens and in the minutes.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Ge => "≥",
            Cmp::Gt => ">",
        }
    }
}

/// An exact fraction `num/den`. A fraction with `den == 0` is never met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frac {
    pub num: i64,
    pub den: i64,
}

impl Frac {
    pub const HALF: Frac = Frac { num: 1, den: 2 };
    pub const TWO_THIRDS: Frac = Frac { num: 2, den: 3 };
    pub const THREE_QUARTERS: Frac = Frac { num: 3, den: 4 };

    pub const fn new(num: i64, den: i64) -> Frac {
        Frac { num, den }
    }
}

impl std::fmt::Display for Frac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// What a check counts: voters or their area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    Headcount,
    Area,
}

/// The role of a check in a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckKind {
    Participation,
    Approval,
    /// Elevator retrofit legacy path: ≥ 2/3 of the unit's owners agree.
    Legacy,
}

/// One condition of a rule with every figure used, so screens and minutes can print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub kind: CheckKind,
    pub basis: Basis,
    pub value: i64,
    pub total: i64,
    pub cmp: Cmp,
    pub threshold: Frac,
    pub met: bool,
}

impl Check {
    /// Build a check and decide it.
    pub fn new(
        kind: CheckKind,
        basis: Basis,
        value: i64,
        total: i64,
        cmp: Cmp,
        threshold: Frac,
    ) -> Check {
        Check {
            kind,
            basis,
            value,
            total,
            cmp,
            threshold,
            met: meets(value, total, cmp, threshold),
        }
    }

    /// `value/total` in tenths of a percent, rounded half up, integer math;
    /// `None` if `total == 0`.
    pub fn percent_tenths(&self) -> Option<i64> {
        percent_tenths(self.value, self.total)
    }
}

/// `value/total` in tenths of a percent, rounded half up (towards +∞ on exact halves);
/// `None` if `total == 0`.
pub fn percent_tenths(value: i64, total: i64) -> Option<i64> {
    if total == 0 {
        return None;
    }
    let (mut v, mut t) = (i128::from(value), i128::from(total));
    if t < 0 {
        v = -v;
        t = -t;
    }
    // floor(v*1000/t + 1/2) = floor((2*v*1000 + t) / (2*t))
    let r = (2 * v * 1000 + t).div_euclid(2 * t);
    Some(i64::try_from(r).unwrap_or(if r < 0 { i64::MIN } else { i64::MAX }))
}

/// Decide `value/total cmp threshold` by cross-multiplication in `i128`.
///
/// With `total <= 0` there is no base: `Gt` is never met and `Ge` is met only by a zero
/// threshold. A threshold with `den == 0` is never met.
pub fn meets(value: i64, total: i64, cmp: Cmp, threshold: Frac) -> bool {
    if threshold.den == 0 {
        return false;
    }
    if total <= 0 {
        return cmp == Cmp::Ge && threshold.num == 0;
    }
    let (mut num, mut den) = (i128::from(threshold.num), i128::from(threshold.den));
    if den < 0 {
        num = -num;
        den = -den;
    }
    let lhs = i128::from(value) * den;
    let rhs = num * i128::from(total);
    match cmp {
        Cmp::Ge => lhs >= rhs,
        Cmp::Gt => lhs > rhs,
    }
}

/// The base (denominator) of a custom-rule fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Base {
    Eligible,
    Present,
    /// Participants.
    Voted,
    /// yes + no.
    Cast,
}

impl Base {
    /// The headcount and area of this base in a tally.
    fn of(self, t: &Tally) -> (i64, i64) {
        match self {
            Base::Eligible => (t.eligible, t.eligible_area),
            Base::Present => (t.present, t.present_area),
            Base::Voted => (t.participants, t.participants_area),
            Base::Cast => (
                t.yes.saturating_add(t.no),
                t.yes_area.saturating_add(t.no_area),
            ),
        }
    }
}

/// A community's own rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomRule {
    /// Participants over the base; the base must be `Eligible` or `Present`.
    pub participation: Option<(Frac, Cmp, Base)>,
    /// Yes over the base: `Cast`, `Present`, `Eligible` or `Voted`.
    pub approval: (Frac, Cmp, Base),
    /// Add area checks next to the headcount checks.
    pub use_area: bool,
}

impl CustomRule {
    /// Whether the rule is well formed: participation over eligible or present, fractions
    /// with a positive denominator and `0 <= num <= den`.
    pub fn validate(&self) -> Result<(), String> {
        fn frac_ok(f: Frac) -> bool {
            f.den > 0 && f.num >= 0 && f.num <= f.den
        }
        if let Some((f, _, base)) = self.participation {
            if !matches!(base, Base::Eligible | Base::Present) {
                return Err("participation must be counted over eligible or present".into());
            }
            if !frac_ok(f) {
                return Err(format!("participation fraction {f} is not between 0 and 1"));
            }
        }
        let (f, _, _) = self.approval;
        if !frac_ok(f) {
            return Err(format!("approval fraction {f} is not between 0 and 1"));
        }
        Ok(())
    }
}

/// The rule an agenda item is decided by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleKind {
    /// Civil Code art. 278, ordinary matters.
    Art278Ordinary,
    /// Civil Code art. 278, items 6–8.
    Art278Major,
    /// Elevator retrofit, counted over the scoped electorate passed in.
    Elevator {
        legacy_two_thirds: bool,
        shaft_voters: Vec<i64>,
    },
    /// 业委会: headcount of members.
    Committee,
    /// 居民会议: headcount.
    ResidentsMeeting,
    RobertMajority,
    RobertTwoThirds,
    Custom(CustomRule),
    /// An item that is discussed but not voted on.
    NoVote,
}

impl RuleKind {
    /// Stable database code.
    pub fn code(&self) -> &'static str {
        match self {
            RuleKind::Art278Ordinary => "art278_ordinary",
            RuleKind::Art278Major => "art278_major",
            RuleKind::Elevator { .. } => "elevator",
            RuleKind::Committee => "committee",
            RuleKind::ResidentsMeeting => "residents_meeting",
            RuleKind::RobertMajority => "robert_majority",
            RuleKind::RobertTwoThirds => "robert_two_thirds",
            RuleKind::Custom(_) => "custom",
            RuleKind::NoVote => "no_vote",
        }
    }

    /// Whether the rule weighs area as well as headcount.
    /// The rule of a stable code with its default parameters (None for `custom`, whose
    /// fractions must be given, and for unknown codes).
    pub fn from_code(code: &str) -> Option<RuleKind> {
        Some(match code {
            "art278_ordinary" => RuleKind::Art278Ordinary,
            "art278_major" => RuleKind::Art278Major,
            "elevator" => RuleKind::Elevator {
                legacy_two_thirds: false,
                shaft_voters: Vec::new(),
            },
            "committee" => RuleKind::Committee,
            "residents_meeting" => RuleKind::ResidentsMeeting,
            "robert_majority" => RuleKind::RobertMajority,
            "robert_two_thirds" => RuleKind::RobertTwoThirds,
            "no_vote" => RuleKind::NoVote,
            _ => return None,
        })
    }

    /// Whether 回避 (recusal) exists under this rule: for councils and committees, not
    /// for owners under art. 278 (the elevator rule is one of those).
    pub fn allows_recusal(&self) -> bool {
        !matches!(
            self,
            RuleKind::Art278Ordinary | RuleKind::Art278Major | RuleKind::Elevator { .. }
        )
    }

    pub fn uses_area(&self) -> bool {
        match self {
            RuleKind::Art278Ordinary | RuleKind::Art278Major | RuleKind::Elevator { .. } => true,
            RuleKind::Custom(c) => c.use_area,
            RuleKind::Committee
            | RuleKind::ResidentsMeeting
            | RuleKind::RobertMajority
            | RuleKind::RobertTwoThirds
            | RuleKind::NoVote => false,
        }
    }
}

fn default_true() -> bool {
    true
}

/// A rule with its abstention setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub kind: RuleKind,
    /// Default true (art. 278): a returned abstention counts as participating and so
    /// weighs like a no in approval fractions over participants.
    #[serde(default = "default_true")]
    pub abstain_participates: bool,
    /// Councils and committees (PRODUCT.md "Who may answer"): whether a recused member
    /// leaves the base. New rules say false: the base stays "all members" (and under
    /// art. 278 recusal is refused by the store). A rule stored before this setting
    /// existed has no key: every vote then took recused voters out of the base, so such
    /// a rule keeps that meaning (true) and its closed, signed outcomes still verify.
    #[serde(default = "default_true")]
    pub recused_leave_base: bool,
}

impl Rule {
    pub fn new(kind: RuleKind) -> Rule {
        Rule {
            kind,
            abstain_participates: true,
            recused_leave_base: false,
        }
    }

    /// Whether recused voters are taken out of the base: the rule's setting. Under
    /// art. 278 the base is all owners of the scope by law: new art. 278 rules say false
    /// and the store refuses recusal there; only a vote recorded before the setting
    /// existed (see the field) has recused owners out of the base.
    pub fn recused_leave_base(&self) -> bool {
        self.recused_leave_base
    }
}

/// Counts and areas of a vote.
///
/// Recused voters are counted in `recused`/`recused_area` and never participate. They
/// stay in the base (`eligible`, `present`) unless the rule's setting takes them out
/// (`Rule::recused_leave_base`); then everything else is figured after removing them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub eligible: i64,
    pub eligible_area: i64,
    pub present: i64,
    pub present_area: i64,
    pub yes: i64,
    pub yes_area: i64,
    pub no: i64,
    pub no_area: i64,
    pub abstain: i64,
    pub abstain_area: i64,
    pub recused: i64,
    pub recused_area: i64,
    pub not_voting: i64,
    pub not_voting_area: i64,
    pub unanswered: i64,
    pub unanswered_area: i64,
    /// yes + no + (abstain if the rule lets abstentions participate).
    pub participants: i64,
    pub participants_area: i64,
}

/// Flags shown beside an outcome; they do not change `passed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flag {
    /// Elevator: a voter whose unit the shaft occupies did not vote yes.
    ShaftOwnerNotAgreed(i64),
}

/// The decision of a vote with every figure it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub tally: Tally,
    pub checks: Vec<Check>,
    pub flags: Vec<Flag>,
    pub passed: bool,
}

fn bump(count: &mut i64, area: &mut i64, add: i64) {
    *count = count.saturating_add(1);
    *area = area.saturating_add(add);
}

/// Count the frozen list. Unanswered voters are kept apart in `unanswered`; they never
/// participate.
pub fn tally(rule: &Rule, electorate: &[Eligible]) -> Tally {
    let mut t = Tally::default();
    let leave = rule.recused_leave_base();
    for v in electorate {
        if v.choice == Some(Choice::Recused) {
            bump(&mut t.recused, &mut t.recused_area, v.area);
            if leave {
                // The rule's setting: recused members leave the base (neither eligible
                // nor present).
                continue;
            }
        }
        bump(&mut t.eligible, &mut t.eligible_area, v.area);
        if v.present {
            bump(&mut t.present, &mut t.present_area, v.area);
        }
        match v.choice {
            Some(Choice::Yes) => bump(&mut t.yes, &mut t.yes_area, v.area),
            Some(Choice::No) => bump(&mut t.no, &mut t.no_area, v.area),
            Some(Choice::Abstain) => bump(&mut t.abstain, &mut t.abstain_area, v.area),
            Some(Choice::NotVoting) => bump(&mut t.not_voting, &mut t.not_voting_area, v.area),
            None => bump(&mut t.unanswered, &mut t.unanswered_area, v.area),
            Some(Choice::Recused) => {}
        }
        let participates = match v.choice {
            Some(Choice::Yes | Choice::No) => true,
            Some(Choice::Abstain) => rule.abstain_participates,
            Some(Choice::Recused | Choice::NotVoting) | None => false,
        };
        if participates {
            bump(&mut t.participants, &mut t.participants_area, v.area);
        }
    }
    t
}

/// Headcount check, plus the matching area check when `area` is given.
fn pair(
    out: &mut Vec<Check>,
    kind: CheckKind,
    head: (i64, i64),
    area: Option<(i64, i64)>,
    cmp: Cmp,
    threshold: Frac,
) {
    out.push(Check::new(
        kind,
        Basis::Headcount,
        head.0,
        head.1,
        cmp,
        threshold,
    ));
    if let Some((value, total)) = area {
        out.push(Check::new(kind, Basis::Area, value, total, cmp, threshold));
    }
}

/// Participation checks of a rule, counting `participants` (count, area) as taking part.
fn participation_checks(
    kind: &RuleKind,
    t: &Tally,
    participants: (i64, i64),
    out: &mut Vec<Check>,
) {
    let area = kind.uses_area();
    let p = CheckKind::Participation;
    match kind {
        RuleKind::Art278Ordinary | RuleKind::Art278Major | RuleKind::Elevator { .. } => {
            pair(
                out,
                p,
                (participants.0, t.eligible),
                area.then_some((participants.1, t.eligible_area)),
                Cmp::Ge,
                Frac::TWO_THIRDS,
            );
        }
        RuleKind::Committee | RuleKind::ResidentsMeeting => {
            pair(out, p, (t.present, t.eligible), None, Cmp::Gt, Frac::HALF);
        }
        RuleKind::Custom(c) => {
            if let Some((f, cmp, base)) = c.participation {
                let (bc, ba) = base.of(t);
                pair(
                    out,
                    p,
                    (participants.0, bc),
                    area.then_some((participants.1, ba)),
                    cmp,
                    f,
                );
            }
        }
        RuleKind::RobertMajority | RuleKind::RobertTwoThirds | RuleKind::NoVote => {}
    }
}

/// Evaluate the rule over the frozen list: unanswered voters count as not voting (in the
/// returned tally they are folded into `not_voting`, and `unanswered` is zero).
pub fn evaluate(rule: &Rule, electorate: &[Eligible]) -> Outcome {
    let mut t = tally(rule, electorate);
    t.not_voting = t.not_voting.saturating_add(t.unanswered);
    t.not_voting_area = t.not_voting_area.saturating_add(t.unanswered_area);
    t.unanswered = 0;
    t.unanswered_area = 0;

    let kind = &rule.kind;
    let area = kind.uses_area();
    let a = CheckKind::Approval;
    let mut checks = Vec::new();
    participation_checks(kind, &t, (t.participants, t.participants_area), &mut checks);

    let yes = (t.yes, t.yes_area);
    let over_participants = |f: Frac, cmp: Cmp, checks: &mut Vec<Check>| {
        pair(
            checks,
            a,
            (yes.0, t.participants),
            area.then_some((yes.1, t.participants_area)),
            cmp,
            f,
        );
    };
    let mut legacy: Option<Check> = None;
    let mut flags = Vec::new();
    match kind {
        RuleKind::Art278Ordinary => over_participants(Frac::HALF, Cmp::Gt, &mut checks),
        RuleKind::Art278Major => over_participants(Frac::THREE_QUARTERS, Cmp::Ge, &mut checks),
        RuleKind::Elevator {
            legacy_two_thirds,
            shaft_voters,
        } => {
            over_participants(Frac::THREE_QUARTERS, Cmp::Ge, &mut checks);
            if *legacy_two_thirds {
                legacy = Some(Check::new(
                    CheckKind::Legacy,
                    Basis::Headcount,
                    t.yes,
                    t.eligible,
                    Cmp::Ge,
                    Frac::TWO_THIRDS,
                ));
            }
            let mut seen: Vec<i64> = Vec::new();
            for &id in shaft_voters {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                let agreed = electorate
                    .iter()
                    .any(|v| v.voter_id == id && v.choice == Some(Choice::Yes));
                if !agreed {
                    flags.push(Flag::ShaftOwnerNotAgreed(id));
                }
            }
        }
        RuleKind::Committee => {
            pair(
                &mut checks,
                a,
                (t.yes, t.eligible),
                None,
                Cmp::Ge,
                Frac::HALF,
            );
        }
        RuleKind::ResidentsMeeting => {
            pair(
                &mut checks,
                a,
                (t.yes, t.present),
                None,
                Cmp::Gt,
                Frac::HALF,
            );
        }
        RuleKind::RobertMajority | RuleKind::RobertTwoThirds => {
            let (cmp, f) = if matches!(kind, RuleKind::RobertMajority) {
                (Cmp::Gt, Frac::HALF)
            } else {
                (Cmp::Ge, Frac::TWO_THIRDS)
            };
            pair(
                &mut checks,
                a,
                (t.yes, t.yes.saturating_add(t.no)),
                None,
                cmp,
                f,
            );
        }
        RuleKind::Custom(c) => {
            let (f, cmp, base) = c.approval;
            let (bc, ba) = base.of(&t);
            pair(
                &mut checks,
                a,
                (yes.0, bc),
                area.then_some((yes.1, ba)),
                cmp,
                f,
            );
        }
        RuleKind::NoVote => {}
    }

    let normal = !checks.is_empty() && checks.iter().all(|c| c.met);
    let mut passed = normal || legacy.as_ref().is_some_and(|c| c.met);
    if let RuleKind::Custom(c) = kind {
        // A malformed custom rule never passes.
        passed = passed && c.validate().is_ok();
    }
    checks.extend(legacy);
    Outcome {
        tally: t,
        checks,
        flags,
        passed,
    }
}

/// The attendance quorum of the rule before any vote (participation checks computed as if
/// every present voter takes part), for the live quorum display. Empty for rules with no
/// participation requirement.
pub fn quorum(rule: &Rule, electorate: &[Eligible]) -> Vec<Check> {
    let t = tally(rule, electorate);
    let mut checks = Vec::new();
    participation_checks(&rule.kind, &t, (t.present, t.present_area), &mut checks);
    checks
}

/// Group the digits of a non-negative number with commas: 1520 -> "1,520".
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Area in hundredths of m² for display: 152040 -> "1,520.40".
pub fn fmt_area(centi: i64) -> String {
    let sign = if centi < 0 { "-" } else { "" };
    let abs = centi.unsigned_abs();
    format!("{sign}{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// Tenths of a percent for display: 756 -> "75.6%".
pub fn fmt_percent_tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let abs = t.unsigned_abs();
    format!("{sign}{}.{}%", abs / 10, abs % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let back: Rule = serde_json::from_str(r#"{"kind":{"kind":"committee"}}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(back.abstain_participates);
    }
}
