//! The district report: per community and in total, for a year or all years.
//! The figures are computed here from plain facts the store gathers (counts and pairs,
//! no SQL), exactly: participation is a fraction, its median the exact middle (the mean
//! of the two middle fractions for an even count), days a count of days in halves.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// An exact non-negative fraction, reduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub num: i64,
    pub den: i64,
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

impl Ratio {
    pub fn new(num: i64, den: i64) -> Ratio {
        Ratio::reduce(i128::from(num), i128::from(den))
    }

    fn reduce(num: i128, den: i128) -> Ratio {
        let g = gcd(num, den).max(1);
        let (n, d) = (num / g, den / g);
        Ratio {
            num: i64::try_from(n).unwrap_or(i64::MAX),
            den: i64::try_from(d).unwrap_or(i64::MAX).max(1),
        }
    }

    fn cmp_to(&self, o: &Ratio) -> std::cmp::Ordering {
        (i128::from(self.num) * i128::from(o.den)).cmp(&(i128::from(o.num) * i128::from(self.den)))
    }

    /// The mean of two fractions, exactly.
    fn mean(a: Ratio, b: Ratio) -> Ratio {
        let (an, ad, bn, bd) = (
            i128::from(a.num),
            i128::from(a.den),
            i128::from(b.num),
            i128::from(b.den),
        );
        Ratio::reduce(an * bd + bn * ad, 2 * ad * bd)
    }

    /// As a percentage with one decimal, rounded half up ("92.1%").
    pub fn percent(&self) -> String {
        if self.den == 0 {
            return "—".into();
        }
        let tenths =
            (i128::from(self.num) * 2000 + i128::from(self.den)) / (2 * i128::from(self.den));
        format!("{}.{}%", tenths / 10, tenths % 10)
    }

    /// Thousandths, rounded down: the length of a chart's bar.
    pub fn permille(&self) -> i64 {
        if self.den == 0 {
            return 0;
        }
        i64::try_from(i128::from(self.num) * 1000 / i128::from(self.den)).unwrap_or(0)
    }
}

/// A closed vote's participation from the tally fixed at its close: the voters who
/// answered (abstention included, as art. 278 counts it) of all on the frozen list. The
/// list is every voter the tally counted once: each answer, each voter who did not vote
/// or did not answer, and each recused one (counted apart even where the rule takes them
/// out of the base).
pub fn participation(t: &crate::domain::rules::Tally) -> (i64, i64) {
    let answered = t.yes + t.no + t.abstain;
    (answered, answered + t.not_voting + t.unanswered + t.recused)
}

/// The exact median of fractions; None for none.
pub fn median_ratio(v: &[Ratio]) -> Option<Ratio> {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.cmp_to(b));
    let n = s.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(s[n / 2]),
        _ => Some(Ratio::mean(s[n / 2 - 1], s[n / 2])),
    }
}

/// The median of whole numbers in halves (7 days and 8 days: 15 halves, "7.5").
pub fn median_halves(v: &[i64]) -> Option<i64> {
    let mut s = v.to_vec();
    s.sort_unstable();
    let n = s.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(2 * s[n / 2]),
        _ => Some(s[n / 2 - 1] + s[n / 2]),
    }
}

pub fn fmt_halves(h: i64) -> String {
    if h % 2 == 0 {
        (h / 2).to_string()
    } else {
        format!("{}.5", h / 2)
    }
}

/// How an item ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemEnd {
    Passed,
    Failed,
    /// Finished without a vote (discussion, follow-up).
    NoVote,
    Withdrawn,
    NotTakenUp,
}

impl ItemEnd {
    pub const ALL: [ItemEnd; 5] = [
        ItemEnd::Passed,
        ItemEnd::Failed,
        ItemEnd::NoVote,
        ItemEnd::Withdrawn,
        ItemEnd::NotTakenUp,
    ];
}

/// What the store gathers for one community (codes as stored: meeting kinds,
/// categories, suggestion statuses).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommunityFacts {
    pub name: String,
    pub meetings: Vec<(String, i64)>,
    pub items: Vec<(String, ItemEnd, i64)>,
    /// Per closed vote: (voters who took part, eligible voters).
    pub votes: Vec<(i64, i64)>,
    pub actions: ActionFigures,
    pub suggestions: Vec<(String, i64)>,
    /// Days from each answered suggestion's raising to its first response.
    pub answer_days: Vec<i64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionFigures {
    pub total: i64,
    pub done: i64,
    /// Done by their due date (or without one).
    pub on_time: i64,
    /// Still open or in progress after their due date.
    pub overdue: i64,
}

impl ActionFigures {
    fn add(&mut self, o: &ActionFigures) {
        self.total += o.total;
        self.done += o.done;
        self.on_time += o.on_time;
        self.overdue += o.overdue;
    }
}

/// One community's figures (or the total's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub name: String,
    pub meetings_total: i64,
    /// Meeting kind → meetings held.
    pub meetings: BTreeMap<String, i64>,
    pub items_total: i64,
    /// Category → outcome → items.
    pub items: BTreeMap<String, BTreeMap<ItemEnd, i64>>,
    /// Outcome → items, over every category.
    pub outcomes: BTreeMap<ItemEnd, i64>,
    pub votes: i64,
    pub participation_median: Option<Ratio>,
    pub participation_lowest: Option<Ratio>,
    pub actions: ActionFigures,
    pub suggestions_total: i64,
    /// Status → suggestions.
    pub suggestions: BTreeMap<String, i64>,
    pub answered: i64,
    /// In halves of a day (see [`fmt_halves`]).
    pub median_answer_halves: Option<i64>,
    /// Sections other issues add (mediation): title and (label, value) rows,
    /// in the report's language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraSection>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraSection {
    pub key: String,
    pub title: String,
    pub rows: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// "yishi-report-v1"
    pub format: String,
    pub year: Option<i32>,
    pub today: String,
    pub communities: Vec<Figures>,
    pub total: Figures,
}

fn figures(name: &str, facts: &[&CommunityFacts]) -> Figures {
    let mut f = Figures {
        name: name.to_string(),
        ..Figures::default()
    };
    let mut ratios = Vec::new();
    let mut days = Vec::new();
    for c in facts {
        for (kind, n) in &c.meetings {
            *f.meetings.entry(kind.clone()).or_insert(0) += n;
            f.meetings_total += n;
        }
        for (cat, end, n) in &c.items {
            *f.items
                .entry(cat.clone())
                .or_default()
                .entry(*end)
                .or_insert(0) += n;
            *f.outcomes.entry(*end).or_insert(0) += n;
            f.items_total += n;
        }
        for (took, of) in &c.votes {
            if *of > 0 {
                ratios.push(Ratio::new(*took, *of));
            }
        }
        f.actions.add(&c.actions);
        for (s, n) in &c.suggestions {
            *f.suggestions.entry(s.clone()).or_insert(0) += n;
            f.suggestions_total += n;
        }
        days.extend(c.answer_days.iter().copied());
    }
    f.votes = ratios.len() as i64;
    f.participation_median = median_ratio(&ratios);
    f.participation_lowest = ratios.iter().copied().min_by(|a, b| a.cmp_to(b));
    f.answered = days.len() as i64;
    f.median_answer_halves = median_halves(&days);
    f
}

/// The report from each community's facts, in the order given, and their total.
pub fn build(year: Option<i32>, today: &str, facts: &[CommunityFacts], total_name: &str) -> Report {
    let communities = facts.iter().map(|c| figures(&c.name, &[c])).collect();
    let all: Vec<&CommunityFacts> = facts.iter().collect();
    Report {
        format: "yishi-report-v1".into(),
        year,
        today: today.to_string(),
        communities,
        total: figures(total_name, &all),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_are_exact() {
        let v = [Ratio::new(35, 38), Ratio::new(1, 2), Ratio::new(2, 3)];
        assert_eq!(median_ratio(&v), Some(Ratio::new(2, 3)));
        let v = [Ratio::new(1, 2), Ratio::new(2, 3)];
        assert_eq!(median_ratio(&v), Some(Ratio::new(7, 12)));
        assert_eq!(Ratio::new(35, 38).percent(), "92.1%");
        assert_eq!(Ratio::new(2, 3).percent(), "66.7%");
        assert_eq!(median_halves(&[7, 8]), Some(15));
        assert_eq!(fmt_halves(15), "7.5");
        assert_eq!(median_halves(&[]), None);
    }

    /// The tally's counts give back the frozen list, whether the recused stay in the base
    /// or leave it, and every answer left unanswered or not voting stays out of the count.
    #[test]
    fn participation_counts_the_whole_frozen_list() {
        use crate::domain::model::Choice;
        use crate::domain::rules::{Eligible, Rule, RuleKind, tally};
        let choices = [
            Some(Choice::Yes),
            Some(Choice::No),
            Some(Choice::Abstain),
            Some(Choice::NotVoting),
            Some(Choice::Recused),
            None,
        ];
        let list: Vec<Eligible> = choices
            .iter()
            .enumerate()
            .map(|(i, &choice)| Eligible {
                voter_id: i as i64 + 1,
                area: 10_000,
                present: true,
                choice,
            })
            .collect();
        for leave in [false, true] {
            let mut rule = Rule::new(RuleKind::Art278Major);
            rule.recused_leave_base = leave;
            let t = tally(&rule, &list);
            assert_eq!(participation(&t), (3, list.len() as i64), "leave {leave}");
        }
    }

    #[test]
    fn totals_add_up() {
        let a = CommunityFacts {
            name: "甲".into(),
            meetings: vec![("owners_assembly".into(), 2)],
            votes: vec![(30, 40)],
            answer_days: vec![2],
            ..Default::default()
        };
        let b = CommunityFacts {
            name: "乙".into(),
            meetings: vec![("owners_assembly".into(), 1), ("party_branch".into(), 1)],
            votes: vec![(10, 40), (20, 40)],
            answer_days: vec![5, 9],
            ..Default::default()
        };
        let r = build(Some(2026), "2026-12-01", &[a, b], "合计");
        assert_eq!(r.total.meetings_total, 4);
        assert_eq!(r.total.participation_lowest, Some(Ratio::new(1, 4)));
        assert_eq!(r.total.participation_median, Some(Ratio::new(1, 2)));
        assert_eq!(r.total.median_answer_halves, Some(10));
        assert_eq!(r.communities[1].meetings.get("party_branch"), Some(&1));
    }
}
