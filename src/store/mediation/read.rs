//! Reading mediation cases: one case's row and record, the filtered list, sessions,
//! checks, the agreements due for a check, and the district report's figures.

use rusqlite::{OptionalExtension, params};

use crate::domain::mediation::stats::{MediationCount, MediationFigures};
use crate::domain::mediation::{
    CaseKind, CaseRecord, CaseStatus, PaperSignature, Party, Session, Term,
};
use crate::store::Store;
use crate::store::columns::known;
use crate::store::error::{Result, StoreError};
use crate::store::ids::{CaseId, CommunityId};
use crate::store::mediation::{CaseDue, CaseFilter, CaseRow, CheckRow};

const ROW_SQL: &str = "SELECT c.id, c.community_id, c.number, c.kind, c.title, c.status, c.opened_on,
        COALESCE((SELECT min(due_on) FROM mediation_terms t WHERE t.case_id = c.id), ''),
        EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = c.id AND s.addendum_id IS NULL)
     FROM mediation_cases c";

fn case_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CaseRow> {
    let kind: String = r.get(3)?;
    let status: String = r.get(5)?;
    Ok(CaseRow {
        id: r.get(0)?,
        community_id: r.get(1)?,
        number: r.get(2)?,
        kind: known(CaseKind::from_db(&kind), &kind)?,
        title: r.get(4)?,
        status: known(CaseStatus::from_db(&status), &status)?,
        opened_on: r.get(6)?,
        next_due: r.get(7)?,
        signed: r.get(8)?,
    })
}

/// A case's own columns: uid, community, number, kind, title, facts, issue, opened on.
type CaseHead = (String, String, i64, String, String, String, String, String);

impl Store {
    pub fn case_row(&self, case: CaseId) -> Result<CaseRow> {
        self.conn()
            .query_row(&format!("{ROW_SQL} WHERE c.id = ?1"), [case], case_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("case {case}")))
    }

    /// Cases, newest first, as the filter says.
    pub fn cases(&self, f: &CaseFilter) -> Result<Vec<CaseRow>> {
        let sql = format!(
            "{ROW_SQL} WHERE (?1 IS NULL OR c.community_id = ?1) AND (?2 IS NULL OR c.status = ?2)
             AND (?3 IS NULL OR c.kind = ?3) AND (?4 IS NULL OR substr(c.opened_on, 1, 7) = ?4)
             AND (?5 IS NULL OR instr(c.title, ?5) OR instr(c.facts, ?5) OR instr(c.issue, ?5)
                  OR EXISTS (SELECT 1 FROM mediation_parties p WHERE p.case_id = c.id AND instr(p.name, ?5))
                  OR EXISTS (SELECT 1 FROM mediation_sessions n WHERE n.case_id = c.id AND instr(n.notes, ?5)))
             ORDER BY c.opened_on DESC, c.id DESC"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                f.community,
                f.status.map(|s| s.as_db()),
                f.kind.map(|k| k.as_db()),
                f.month,
                f.text.as_deref().map(str::trim).filter(|t| !t.is_empty())
            ],
            case_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything the agreement is rendered from.
    pub fn case_record(&self, case: CaseId) -> Result<CaseRecord> {
        let conn = self.conn();
        let head: Option<CaseHead> = conn
            .query_row(
                "SELECT c.uid, m.name, c.number, c.kind, c.title, c.facts, c.issue, c.opened_on
                 FROM mediation_cases c JOIN communities m ON m.id = c.community_id WHERE c.id = ?1",
                [case],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
            )
            .optional()?;
        let (uid, community, number, kind, title, facts, issue, opened_on) =
            head.ok_or_else(|| StoreError::NotFound(format!("case {case}")))?;
        let mut st = conn.prepare_cached(
            "SELECT seq, name, voter_id IS NOT NULL, units FROM mediation_parties WHERE case_id = ?1 ORDER BY seq",
        )?;
        let parties = st
            .query_map([case], |r| {
                let units: String = r.get(3)?;
                Ok(Party {
                    seq: r.get(0)?,
                    name: r.get(1)?,
                    on_roster: r.get(2)?,
                    units: units.lines().map(str::to_string).collect(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = conn.prepare_cached(
            "SELECT name FROM mediation_mediators WHERE case_id = ?1 ORDER BY seq",
        )?;
        let mediators = st
            .query_map([case], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = conn.prepare_cached(
            "SELECT seq, party_seq, duty, how, due_on FROM mediation_terms WHERE case_id = ?1 ORDER BY seq",
        )?;
        let terms = st
            .query_map([case], |r| {
                Ok(Term {
                    seq: r.get(0)?,
                    party: r.get(1)?,
                    duty: r.get(2)?,
                    how: r.get(3)?,
                    due_on: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = conn.prepare_cached(
            "SELECT party_seq, signed_on FROM mediation_paper WHERE case_id = ?1 ORDER BY party_seq",
        )?;
        let paper = st
            .query_map([case], |r| {
                Ok(PaperSignature {
                    party: r.get(0)?,
                    signed_on: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(CaseRecord {
            uid,
            community,
            number,
            kind: known(CaseKind::from_db(&kind), &kind)?,
            title,
            facts,
            issue,
            opened_on,
            parties,
            mediators,
            terms,
            paper,
        })
    }

    pub fn sessions(&self, case: CaseId) -> Result<Vec<Session>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, held_on, present, notes FROM mediation_sessions WHERE case_id = ?1 ORDER BY held_on, id",
        )?;
        let rows = st.query_map([case], |r| {
            let present: String = r.get(2)?;
            Ok(Session {
                id: r.get(0)?,
                held_on: r.get(1)?,
                present: present.lines().map(str::to_string).collect(),
                notes: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn checks(&self, case: CaseId) -> Result<Vec<CheckRow>> {
        let mut st = self.conn().prepare_cached(
            "SELECT checked_on, performed, note FROM mediation_checks WHERE case_id = ?1 ORDER BY checked_on, id",
        )?;
        let rows = st.query_map([case], |r| {
            Ok(CheckRow {
                checked_on: r.get(0)?,
                performed: r.get(1)?,
                note: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Agreements still to be checked, by their earliest due date.
    pub fn mediation_due(&self) -> Result<Vec<CaseDue>> {
        let mut st = self.conn().prepare_cached(
            "SELECT c.id, c.community_id, c.number, c.title, c.status, min(t.due_on)
             FROM mediation_cases c JOIN mediation_terms t ON t.case_id = c.id
             WHERE c.status IN ('agreed', 'not_performed')
             GROUP BY c.id ORDER BY min(t.due_on), c.id",
        )?;
        let rows = st.query_map([], |r| {
            let status: String = r.get(4)?;
            Ok(CaseDue {
                case_id: r.get(0)?,
                community_id: r.get(1)?,
                number: r.get(2)?,
                title: r.get(3)?,
                status: known(CaseStatus::from_db(&status), &status)?,
                due_on: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The district report's mediation figures: cases by month opened, kind and status,
    /// counted by SQL; only counts leave this function (domain::mediation::stats). Tests
    /// recompute them with `domain::mediation::stats::count` from the case list.
    pub fn mediation_figures(&self, community: Option<CommunityId>) -> Result<MediationFigures> {
        let mut st = self.conn().prepare_cached(
            "SELECT substr(opened_on, 1, 7), kind, status, count(*) FROM mediation_cases
             WHERE ?1 IS NULL OR community_id = ?1 GROUP BY 1, 2, 3",
        )?;
        let rows: Vec<(String, String, String, i64)> = st
            .query_map([community], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut rows: Vec<MediationCount> = rows
            .into_iter()
            .filter_map(|(month, k, s, cases)| {
                Some(MediationCount {
                    month,
                    kind: CaseKind::from_db(&k)?,
                    status: CaseStatus::from_db(&s)?,
                    cases,
                })
            })
            .collect();
        rows.sort_by(|a, b| (&a.month, a.kind, a.status).cmp(&(&b.month, b.kind, b.status)));
        Ok(MediationFigures { rows })
    }
}
