//! Vote rules: tallies and pass/fail decisions over a vote's frozen eligible list.
//!
//! Everything here is integer arithmetic. Counts are whole voters, areas are whole
//! hundredths of m², and every fraction comparison is a cross-multiplication in `i128`
//! (`value * den` against `num * total`), so "exactly 2/3" meets "≥ 2/3" and "exactly 1/2"
//! is not "过半数" (> 1/2). Every condition a rule uses comes back as a [`Check`] carrying
//! its figures, so the outcome screen and the minutes can print them.

pub mod figures;
pub mod numbers;

use serde::{Deserialize, Serialize};

use crate::domain::model::{Choice, RuleCode};
use crate::domain::rules::numbers::{Cmp, Frac, meets, percent_tenths};

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
    /// The rule's stable code (what the records keep).
    pub fn rule_code(&self) -> RuleCode {
        match self {
            RuleKind::Art278Ordinary => RuleCode::Art278Ordinary,
            RuleKind::Art278Major => RuleCode::Art278Major,
            RuleKind::Elevator { .. } => RuleCode::Elevator,
            RuleKind::Committee => RuleCode::Committee,
            RuleKind::ResidentsMeeting => RuleCode::ResidentsMeeting,
            RuleKind::RobertMajority => RuleCode::RobertMajority,
            RuleKind::RobertTwoThirds => RuleCode::RobertTwoThirds,
            RuleKind::Custom(_) => RuleCode::Custom,
            RuleKind::NoVote => RuleCode::NoVote,
        }
    }

    /// Stable database code.
    pub fn code(&self) -> &'static str {
        self.rule_code().as_db()
    }

    /// The rule of a stable code with its default parameters (None for `custom`, whose
    /// fractions must be given, and for unknown codes).
    pub fn from_code(code: &str) -> Option<RuleKind> {
        RuleKind::of(RuleCode::from_db(code)?)
    }

    /// The rule of a code with its default parameters (None for `custom`).
    pub fn of(code: RuleCode) -> Option<RuleKind> {
        Some(match code {
            RuleCode::Art278Ordinary => RuleKind::Art278Ordinary,
            RuleCode::Art278Major => RuleKind::Art278Major,
            RuleCode::Elevator => RuleKind::Elevator {
                legacy_two_thirds: false,
                shaft_voters: Vec::new(),
            },
            RuleCode::Committee => RuleKind::Committee,
            RuleCode::ResidentsMeeting => RuleKind::ResidentsMeeting,
            RuleCode::RobertMajority => RuleKind::RobertMajority,
            RuleCode::RobertTwoThirds => RuleKind::RobertTwoThirds,
            RuleCode::Custom => return None,
            RuleCode::NoVote => RuleKind::NoVote,
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
    let mut checks = Vec::new();
    participation_checks(kind, &t, (t.participants, t.participants_area), &mut checks);
    approval_checks(kind, &t, &mut checks);
    let (legacy, flags) = match kind {
        RuleKind::Elevator {
            legacy_two_thirds,
            shaft_voters,
        } => (
            legacy_two_thirds.then(|| {
                Check::new(
                    CheckKind::Legacy,
                    Basis::Headcount,
                    t.yes,
                    t.eligible,
                    Cmp::Ge,
                    Frac::TWO_THIRDS,
                )
            }),
            shaft_flags(electorate, shaft_voters),
        ),
        _ => (None, Vec::new()),
    };

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

/// The approval checks of the rule over a folded tally.
fn approval_checks(kind: &RuleKind, t: &Tally, checks: &mut Vec<Check>) {
    let area = kind.uses_area();
    let a = CheckKind::Approval;
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
    match kind {
        RuleKind::Art278Ordinary => over_participants(Frac::HALF, Cmp::Gt, checks),
        RuleKind::Art278Major | RuleKind::Elevator { .. } => {
            over_participants(Frac::THREE_QUARTERS, Cmp::Ge, checks);
        }
        RuleKind::Committee => {
            pair(checks, a, (t.yes, t.eligible), None, Cmp::Ge, Frac::HALF);
        }
        RuleKind::ResidentsMeeting => {
            pair(checks, a, (t.yes, t.present), None, Cmp::Gt, Frac::HALF);
        }
        RuleKind::RobertMajority | RuleKind::RobertTwoThirds => {
            let (cmp, f) = if matches!(kind, RuleKind::RobertMajority) {
                (Cmp::Gt, Frac::HALF)
            } else {
                (Cmp::Ge, Frac::TWO_THIRDS)
            };
            pair(checks, a, (t.yes, t.yes.saturating_add(t.no)), None, cmp, f);
        }
        RuleKind::Custom(c) => {
            let (f, cmp, base) = c.approval;
            let (bc, ba) = base.of(t);
            pair(checks, a, (yes.0, bc), area.then_some((yes.1, ba)), cmp, f);
        }
        RuleKind::NoVote => {}
    }
}

/// The elevator rule's shaft owners (each once) who did not answer yes.
fn shaft_flags(electorate: &[Eligible], shaft_voters: &[i64]) -> Vec<Flag> {
    let mut flags = Vec::new();
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
    flags
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

pub mod custom_text;

#[cfg(test)]
mod tests;
