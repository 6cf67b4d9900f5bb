//! Mediation (调解): a dispute between neighbours, its parties, mediators, sessions and
//! the terms of its agreement, and the rules of its status. Rendering the agreement is in
//! `agreement`, its signatures and verification in `verify`, its paper in `paper`.

pub mod agreement;
pub mod paper;
pub mod stats;
pub mod verify;

use serde::{Deserialize, Serialize};

use crate::domain::written::parse_date;

/// What the dispute is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CaseKind {
    /// 漏水: water leaking from the flat above.
    Leak,
    Noise,
    Parking,
    Family,
    Neighbour,
    Other,
}

impl CaseKind {
    pub const ALL: [CaseKind; 6] = [
        CaseKind::Leak,
        CaseKind::Noise,
        CaseKind::Parking,
        CaseKind::Family,
        CaseKind::Neighbour,
        CaseKind::Other,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            CaseKind::Leak => "leak",
            CaseKind::Noise => "noise",
            CaseKind::Parking => "parking",
            CaseKind::Family => "family",
            CaseKind::Neighbour => "neighbour",
            CaseKind::Other => "other",
        }
    }

    pub fn from_db(s: &str) -> Option<CaseKind> {
        CaseKind::ALL.into_iter().find(|k| k.as_db() == s)
    }
}

/// Where a case stands. A case is opened, then ends agreed (its agreement signed), not
/// agreed or withdrawn; an agreement is then found performed or not performed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CaseStatus {
    Open,
    Agreed,
    NotAgreed,
    Withdrawn,
    Performed,
    NotPerformed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Open,
        CaseStatus::Agreed,
        CaseStatus::NotAgreed,
        CaseStatus::Withdrawn,
        CaseStatus::Performed,
        CaseStatus::NotPerformed,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Agreed => "agreed",
            CaseStatus::NotAgreed => "not_agreed",
            CaseStatus::Withdrawn => "withdrawn",
            CaseStatus::Performed => "performed",
            CaseStatus::NotPerformed => "not_performed",
        }
    }

    pub fn from_db(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|k| k.as_db() == s)
    }

    /// The allowed moves. `Agreed` is reached only by the mediator's signature (the
    /// store sets it there), so no status may be *set* to it; a performance check moves an
    /// agreed case, and a case found not performed may later be found performed. A case
    /// not agreed may be taken up again; a withdrawn or performed case is finished.
    pub fn may_become(self, to: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, to),
            (Open, NotAgreed)
                | (Open, Withdrawn)
                | (NotAgreed, Open)
                | (Agreed, Performed)
                | (Agreed, NotPerformed)
                | (NotPerformed, Performed)
        )
    }

    /// Statuses a user may choose by hand from `self` (not the performance ones, which
    /// come with a check and its note).
    pub fn by_hand(self) -> Vec<CaseStatus> {
        [
            CaseStatus::Open,
            CaseStatus::NotAgreed,
            CaseStatus::Withdrawn,
        ]
        .into_iter()
        .filter(|&t| self.may_become(t))
        .collect()
    }

    /// An agreement whose performance is still to be checked.
    pub fn awaits_performance(self) -> bool {
        matches!(self, CaseStatus::Agreed | CaseStatus::NotPerformed)
    }
}

/// A party to the dispute: a voter of the roster (with their units) or someone from
/// outside (a tenant, a relative), with the units they name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// 1, 2, 3 … in the order entered: 甲方, 乙方 …
    pub seq: i64,
    pub name: String,
    /// On the community's roster (an owner or resident voter) or from outside.
    pub on_roster: bool,
    pub units: Vec<String>,
}

/// What one party undertakes: what, how, and by when (人民调解法 art. 29).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub seq: i64,
    /// The party (its `seq`) who will do it.
    pub party: i64,
    pub duty: String,
    pub how: String,
    /// YYYY-MM-DD.
    pub due_on: String,
}

/// A party's signature on the paper agreement: who, and the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperSignature {
    pub party: i64,
    pub signed_on: String,
}

/// A mediation session: the day, who came, what was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: i64,
    pub held_on: String,
    pub present: Vec<String>,
    pub notes: String,
}

/// Everything of a case that its agreement is rendered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub uid: String,
    pub community: String,
    /// The case's number in its community (调字第 N 号).
    pub number: i64,
    pub kind: CaseKind,
    pub title: String,
    pub facts: String,
    pub issue: String,
    pub opened_on: String,
    pub parties: Vec<Party>,
    pub mediators: Vec<String>,
    pub terms: Vec<Term>,
    pub paper: Vec<PaperSignature>,
}

/// Why an agreement cannot be signed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    TwoParties,
    Facts,
    Issue,
    Mediator,
    Terms,
    /// A term has no duty, names no party of the case, or has no valid due date.
    BadTerm,
    /// Not every party has signed the paper agreement.
    PaperSignatures,
}

/// A valid calendar date written YYYY-MM-DD.
pub fn is_date(s: &str) -> bool {
    s.len() == 10 && parse_date(s).is_some()
}

/// The checks before a mediator may sign: two parties or more, the facts and the issue,
/// a mediator, one term or more each naming a party, a duty and a due date, and every
/// party's paper signature.
pub fn ready_to_sign(c: &CaseRecord) -> Result<(), NotReady> {
    if c.parties.len() < 2 {
        return Err(NotReady::TwoParties);
    }
    if c.facts.trim().is_empty() {
        return Err(NotReady::Facts);
    }
    if c.issue.trim().is_empty() {
        return Err(NotReady::Issue);
    }
    if c.mediators.is_empty() {
        return Err(NotReady::Mediator);
    }
    if c.terms.is_empty() {
        return Err(NotReady::Terms);
    }
    for t in &c.terms {
        if t.duty.trim().is_empty()
            || !is_date(&t.due_on)
            || !c.parties.iter().any(|p| p.seq == t.party)
        {
            return Err(NotReady::BadTerm);
        }
    }
    if !c.parties.iter().all(|p| {
        c.paper
            .iter()
            .any(|s| s.party == p.seq && is_date(&s.signed_on))
    }) {
        return Err(NotReady::PaperSignatures);
    }
    Ok(())
}

/// The earliest due date of a case's terms: the one the follow-up shows (None when
/// there are no terms).
pub fn next_due(terms: &[Term]) -> Option<&str> {
    terms.iter().map(|t| t.due_on.as_str()).min()
}

/// The month (YYYY-MM) of a date, for the statistics.
pub fn month_of(date: &str) -> Option<&str> {
    if is_date(date) { date.get(..7) } else { None }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn sample() -> CaseRecord {
        CaseRecord {
            uid: "case-1".into(),
            community: "望城小区".into(),
            number: 1,
            kind: CaseKind::Leak,
            title: "5栋601漏水".into(),
            facts: "601卫生间漏水至501顶棚。".into(),
            issue: "维修责任与赔偿。".into(),
            opened_on: "2026-05-02".into(),
            parties: vec![
                Party {
                    seq: 1,
                    name: "王建国".into(),
                    on_roster: true,
                    units: vec!["5栋1单元601".into()],
                },
                Party {
                    seq: 2,
                    name: "刘桂兰".into(),
                    on_roster: false,
                    units: vec!["5栋1单元501".into()],
                },
            ],
            mediators: vec!["李秀英".into()],
            terms: vec![Term {
                seq: 1,
                party: 1,
                duty: "重做防水层".into(),
                how: "请专业公司施工".into(),
                due_on: "2026-06-30".into(),
            }],
            paper: vec![
                PaperSignature {
                    party: 1,
                    signed_on: "2026-05-20".into(),
                },
                PaperSignature {
                    party: 2,
                    signed_on: "2026-05-20".into(),
                },
            ],
        }
    }

    #[test]
    fn codes_round_trip() {
        for k in CaseKind::ALL {
            assert_eq!(CaseKind::from_db(k.as_db()), Some(k));
        }
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_db(s.as_db()), Some(s));
        }
        assert_eq!(CaseKind::from_db("漏水"), None);
        assert_eq!(CaseStatus::from_db(""), None);
    }

    #[test]
    fn transitions_at_each_boundary() {
        use CaseStatus::*;
        let allowed = [
            (Open, NotAgreed),
            (Open, Withdrawn),
            (NotAgreed, Open),
            (Agreed, Performed),
            (Agreed, NotPerformed),
            (NotPerformed, Performed),
        ];
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                assert_eq!(
                    from.may_become(to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
        // Nothing becomes Agreed by hand; finished cases stay finished.
        assert!(CaseStatus::ALL.iter().all(|s| !s.may_become(Agreed)));
        assert!(Withdrawn.by_hand().is_empty());
        assert!(Performed.by_hand().is_empty());
        assert_eq!(Open.by_hand(), vec![NotAgreed, Withdrawn]);
        assert_eq!(NotAgreed.by_hand(), vec![Open]);
        assert!(Agreed.awaits_performance() && NotPerformed.awaits_performance());
        assert!(!Performed.awaits_performance() && !Open.awaits_performance());
    }

    #[test]
    fn ready_to_sign_checks_each_part() {
        assert_eq!(ready_to_sign(&sample()), Ok(()));
        let mut c = sample();
        c.parties.pop();
        assert_eq!(ready_to_sign(&c), Err(NotReady::TwoParties));
        let mut c = sample();
        c.facts = "  ".into();
        assert_eq!(ready_to_sign(&c), Err(NotReady::Facts));
        let mut c = sample();
        c.issue.clear();
        assert_eq!(ready_to_sign(&c), Err(NotReady::Issue));
        let mut c = sample();
        c.mediators.clear();
        assert_eq!(ready_to_sign(&c), Err(NotReady::Mediator));
        let mut c = sample();
        c.terms.clear();
        assert_eq!(ready_to_sign(&c), Err(NotReady::Terms));
        for bad in ["2026-02-30", "2026-6-30", ""] {
            let mut c = sample();
            c.terms[0].due_on = bad.into();
            assert_eq!(ready_to_sign(&c), Err(NotReady::BadTerm), "{bad}");
        }
        let mut c = sample();
        c.terms[0].party = 3;
        assert_eq!(ready_to_sign(&c), Err(NotReady::BadTerm));
        let mut c = sample();
        c.paper.pop();
        assert_eq!(ready_to_sign(&c), Err(NotReady::PaperSignatures));
    }

    #[test]
    fn dates_months_and_next_due() {
        assert!(is_date("2026-12-01"));
        assert!(!is_date("2026-13-01"));
        assert_eq!(month_of("2026-05-02"), Some("2026-05"));
        assert_eq!(month_of("2026-05"), None);
        let mut c = sample();
        c.terms.push(Term {
            seq: 2,
            party: 2,
            duty: "配合入户".into(),
            how: String::new(),
            due_on: "2026-06-01".into(),
        });
        assert_eq!(next_due(&c.terms), Some("2026-06-01"));
        assert_eq!(next_due(&[]), None);
    }
}
