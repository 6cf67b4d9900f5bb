//! The mediation figures for the district report: how many cases, by month opened, kind
//! and status. Only counts: the type holds no name, unit, fact or note, so no report can
//! print one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::mediation::{CaseKind, CaseStatus, month_of};

/// Cases opened in one month, of one kind, now in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediationCount {
    /// YYYY-MM.
    pub month: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub cases: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediationFigures {
    /// Ordered by month, kind, status; no zero rows.
    pub rows: Vec<MediationCount>,
}

impl MediationFigures {
    pub fn total(&self) -> i64 {
        self.rows.iter().map(|r| r.cases).sum()
    }

    pub fn by_kind(&self, k: CaseKind) -> i64 {
        self.rows
            .iter()
            .filter(|r| r.kind == k)
            .map(|r| r.cases)
            .sum()
    }

    pub fn by_status(&self, s: CaseStatus) -> i64 {
        self.rows
            .iter()
            .filter(|r| r.status == s)
            .map(|r| r.cases)
            .sum()
    }
}

/// Count cases given as (opened on, kind, status); a case whose date is not a date is
/// left out (the schema does not let one in).
pub fn count(cases: &[(String, CaseKind, CaseStatus)]) -> MediationFigures {
    let mut m: BTreeMap<(String, CaseKind, CaseStatus), i64> = BTreeMap::new();
    for (on, k, s) in cases {
        if let Some(month) = month_of(on) {
            *m.entry((month.to_string(), *k, *s)).or_default() += 1;
        }
    }
    MediationFigures {
        rows: m
            .into_iter()
            .map(|((month, kind, status), cases)| MediationCount {
                month,
                kind,
                status,
                cases,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_month_kind_and_status() {
        let c = |on: &str, k, s| (on.to_string(), k, s);
        let f = count(&[
            c("2026-05-02", CaseKind::Leak, CaseStatus::Agreed),
            c("2026-05-30", CaseKind::Leak, CaseStatus::Agreed),
            c("2026-05-31", CaseKind::Noise, CaseStatus::Open),
            c("2026-06-01", CaseKind::Leak, CaseStatus::Agreed),
            c("bad", CaseKind::Other, CaseStatus::Open),
        ]);
        assert_eq!(f.total(), 4);
        assert_eq!(f.rows.len(), 3);
        assert_eq!(f.rows[0].month, "2026-05");
        assert_eq!(f.rows[0].cases, 2);
        assert_eq!(f.rows[2].month, "2026-06");
        assert_eq!(f.by_kind(CaseKind::Leak), 3);
        assert_eq!(f.by_status(CaseStatus::Open), 1);
        assert_eq!(count(&[]), MediationFigures::default());
    }
}
