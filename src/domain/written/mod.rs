//! A written consultation (书面征求意见) in progress: how many ballots are out and back,
//! and where each item stands under its rule. The figures are the rules' own
//! (`rules::evaluate` over the item's frozen list, a returned valid ballot being an
//! answer and every other voter not voting), so the progress panel, the closing and the
//! minutes never count differently. Dates are calendar days (YYYY-MM-DD).

pub mod ballot_number;

use chrono::NaiveDate;

use crate::domain::record::{Ballot, electorate};
use crate::domain::rules::{self, Check, CheckKind, Outcome, Rule};

/// An owners' assembly is notified at least this many days before it opens (指导规则).
pub const NOTICE_DAYS: i64 = 15;

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Whole days from `from` to `to` (negative when `to` is earlier); None for a bad date.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some((parse_date(to)? - parse_date(from)?).num_days())
}

/// Days from the notice to the opening when fewer than `NOTICE_DAYS` (the meeting then
/// needs a confirmation and its minutes say so); None when the notice was in time or a
/// date does not read.
pub fn short_notice(noticed_on: &str, opens_on: &str) -> Option<i64> {
    days_between(noticed_on, opens_on).filter(|d| *d < NOTICE_DAYS)
}

/// Days left to return ballots: 0 on the closing day itself, negative after it.
pub fn days_left(today: &str, closes_on: &str) -> Option<i64> {
    days_between(today, closes_on)
}

/// Whether closing on `today` is early (before the closing date) and so needs a
/// confirmation. Closing on the closing day is not early: collection ends that day.
pub fn closing_is_early(today: &str, closes_on: &str) -> bool {
    days_left(today, closes_on).is_none_or(|d| d > 0)
}

/// One item's standing: the outcome as it would be fixed now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemProgress {
    pub item_id: i64,
    pub outcome: Outcome,
}

impl ItemProgress {
    pub fn participation(&self) -> impl Iterator<Item = &Check> {
        self.outcome
            .checks
            .iter()
            .filter(|c| c.kind == CheckKind::Participation)
    }

    pub fn approval(&self) -> impl Iterator<Item = &Check> {
        self.outcome
            .checks
            .iter()
            .filter(|c| c.kind != CheckKind::Participation)
    }

    /// Every participation threshold is reached already.
    pub fn participation_met(&self) -> bool {
        self.participation().all(|c| c.met)
    }
}

/// The item's outcome if the consultation closed now: the item's rule over its ballots.
pub fn item_progress(item_id: i64, rule: &Rule, ballots: &[Ballot]) -> ItemProgress {
    ItemProgress {
        item_id,
        outcome: rules::evaluate(rule, &electorate(ballots)),
    }
}

/// The ballots of a consultation: issued, served, returned (valid or not), by headcount
/// and by area (each voter's area inside the consultation's scopes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub voters: i64,
    pub area: i64,
    pub served: i64,
    pub returned: i64,
    pub returned_area: i64,
    pub valid: i64,
    pub valid_area: i64,
    pub invalid: i64,
    pub invalid_area: i64,
}

/// One voter's ballot as the counts see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotState {
    pub area: i64,
    pub served: bool,
    /// None: not returned; Some(true) valid; Some(false) invalid.
    pub valid: Option<bool>,
}

pub fn counts(ballots: &[BallotState]) -> Counts {
    let mut c = Counts::default();
    for b in ballots {
        c.voters += 1;
        c.area += b.area;
        c.served += i64::from(b.served);
        if let Some(valid) = b.valid {
            c.returned += 1;
            c.returned_area += b.area;
            if valid {
                c.valid += 1;
                c.valid_area += b.area;
            } else {
                c.invalid += 1;
                c.invalid_area += b.area;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Choice;
    use crate::domain::rules::{Basis, RuleKind};

    fn ballot(voter_id: i64, area: i64, choice: Option<Choice>) -> Ballot {
        Ballot {
            voter_id,
            name: format!("v{voter_id}"),
            area,
            present: true,
            proxy_name: String::new(),
            proxy_ref: String::new(),
            choice,
            at: None,
            corrections: Vec::new(),
        }
    }

    /// Nine owners; six return valid ballots (exactly 2/3 by headcount) but they hold
    /// less than 2/3 of the area: the consultation fails even though every returned
    /// ballot agrees.
    #[test]
    fn two_thirds_by_headcount_but_not_by_area_fails() {
        let mut b: Vec<Ballot> = (1..=6)
            .map(|i| ballot(i, 8_000, Some(Choice::Yes)))
            .collect();
        b.extend((7..=9).map(|i| ballot(i, 10_000, None)));
        let p = item_progress(1, &Rule::new(RuleKind::Art278Ordinary), &b);
        let part: Vec<&Check> = p.participation().collect();
        let head = part
            .iter()
            .find(|c| c.basis == Basis::Headcount)
            .expect("head");
        let area = part.iter().find(|c| c.basis == Basis::Area).expect("area");
        assert_eq!((head.value, head.total), (6, 9));
        assert!(head.met, "exactly 2/3 by headcount meets 2/3 以上");
        assert_eq!((area.value, area.total), (48_000, 78_000));
        assert!(!area.met, "48,000/78,000 < 2/3");
        assert!(!p.participation_met());
        assert!(!p.outcome.passed);
        assert!(p.approval().all(|c| c.met), "all who answered agreed");
        // One more owner's ballot (area) and it passes.
        b[6].choice = Some(Choice::Yes);
        assert!(
            item_progress(1, &Rule::new(RuleKind::Art278Ordinary), &b)
                .outcome
                .passed
        );
    }

    /// Exactly 2/3 by headcount and by area participates.
    #[test]
    fn exactly_two_thirds_both_ways_participates() {
        let mut b: Vec<Ballot> = (1..=2).map(|i| ballot(i, 100, Some(Choice::Yes))).collect();
        b.push(ballot(3, 100, None));
        let p = item_progress(1, &Rule::new(RuleKind::Art278Major), &b);
        assert!(p.participation_met());
        assert!(p.outcome.passed);
    }

    #[test]
    fn dates() {
        assert_eq!(
            short_notice("2026-11-01", "2026-11-16"),
            None,
            "15 days is in time"
        );
        assert_eq!(short_notice("2026-11-02", "2026-11-16"), Some(14));
        assert_eq!(short_notice("bad", "2026-11-16"), None);
        assert_eq!(days_left("2026-11-20", "2026-11-30"), Some(10));
        assert!(closing_is_early("2026-11-29", "2026-11-30"));
        assert!(!closing_is_early("2026-11-30", "2026-11-30"));
        assert!(!closing_is_early("2026-12-01", "2026-11-30"));
        assert!(
            closing_is_early("garbage", "2026-11-30"),
            "unknown dates ask"
        );
        assert_eq!(
            days_between("2026-11-30T09:00:00+08:00", "2026-12-01"),
            Some(1)
        );
    }

    #[test]
    fn counts_by_headcount_and_area() {
        let c = counts(&[
            BallotState {
                area: 100,
                served: true,
                valid: Some(true),
            },
            BallotState {
                area: 200,
                served: true,
                valid: Some(false),
            },
            BallotState {
                area: 300,
                served: false,
                valid: None,
            },
        ]);
        assert_eq!((c.voters, c.area, c.served), (3, 600, 2));
        assert_eq!((c.returned, c.returned_area), (2, 300));
        assert_eq!(
            (c.valid, c.valid_area, c.invalid, c.invalid_area),
            (1, 100, 1, 200)
        );
    }
}
