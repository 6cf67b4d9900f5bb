//! Mediation cases (调解): opening a case, its parties, mediators, sessions and the terms
//! of its agreement, the parties' paper signatures, status changes and the follow-up of
//! performance. Signing and verifying the agreement are in mediation_sign.rs. Each call is
//! one transaction; once the agreement is signed, the case's facts are refused here
//! (typed) and locked by the schema's triggers underneath.

use rusqlite::{OptionalExtension, params};

use super::{Refusal, Result, Store, StoreError, audit, now};
use crate::domain::mediation::{
    CaseKind, CaseRecord, CaseStatus, NotReady, PaperSignature, Party, Session, Term, is_date,
};
use crate::domain::mediation_stats::{MediationCount, MediationFigures};
use crate::domain::text::{clean_line, clean_multiline};

/// The mediation refusals (sentences in strings::mediation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediationRefusal {
    NeedsTitle,
    BadDate,
    /// A month is YYYY-MM (the case list's filter).
    BadMonth,
    PartyNeedsName,
    MediatorNeedsName,
    MediatorTwice,
    TermNeedsDuty,
    NoSuchParty,
    /// The agreement is signed: its facts are kept as signed; a correction is an addendum.
    Signed,
    /// The status cannot move from the first to the second.
    Transition(CaseStatus, CaseStatus),
    NotReady(NotReady),
    /// Only a mediator of the case signs its agreement.
    NotAMediator,
    AlreadySigned,
    NotSignedYet,
    CheckNeedsNote,
    /// Only an agreed (or not yet performed) agreement is checked.
    NothingToCheck,
    /// An imported agreement does not verify.
    ImportInvalid,
    /// An imported agreement differs from the one already here.
    ImportDiffers,
}

pub(crate) fn refuse(r: MediationRefusal) -> StoreError {
    StoreError::Refused(Refusal::Mediation(r))
}

/// A case as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: i64,
    pub community_id: i64,
    pub number: i64,
    pub kind: CaseKind,
    pub title: String,
    pub status: CaseStatus,
    pub opened_on: String,
    /// The earliest due date of its terms ('' when none).
    pub next_due: String,
    pub signed: bool,
}

/// What the case list shows (every part optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub community: Option<i64>,
    pub status: Option<CaseStatus>,
    pub kind: Option<CaseKind>,
    /// YYYY-MM: opened in that month.
    pub month: Option<String>,
    /// Words found in the title, facts, issue, a party's name or a session's notes. The
    /// cases are searched here only: they are in no search index, no export but the
    /// agreement's own, and no public notice.
    pub text: Option<String>,
}

/// The fields of a case the user types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseInput {
    pub kind: CaseKind,
    pub title: String,
    pub facts: String,
    pub issue: String,
    pub opened_on: String,
}

/// A performance check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub checked_on: String,
    pub performed: bool,
    pub note: String,
}

/// An agreement whose performance is due (home, the action-items board).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDue {
    pub case_id: i64,
    pub community_id: i64,
    pub number: i64,
    pub title: String,
    pub status: CaseStatus,
    pub due_on: String,
}

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
        kind: CaseKind::from_db(&kind).unwrap_or(CaseKind::Other),
        title: r.get(4)?,
        status: CaseStatus::from_db(&status).unwrap_or(CaseStatus::Open),
        opened_on: r.get(6)?,
        next_due: r.get(7)?,
        signed: r.get(8)?,
    })
}

fn line(s: &str) -> String {
    clean_line(s).trim().to_string()
}

fn date(s: &str) -> Result<String> {
    let s = s.trim();
    if is_date(s) {
        Ok(s.to_string())
    } else {
        Err(refuse(MediationRefusal::BadDate))
    }
}

/// A case's own columns: uid, community, number, kind, title, facts, issue, opened on.
type CaseHead = (String, String, i64, String, String, String, String, String);

pub(crate) fn is_signed(conn: &rusqlite::Connection, case: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM mediation_signatures WHERE case_id = ?1 AND addendum_id IS NULL)",
        [case],
        |r| r.get(0),
    )?)
}

impl Store {
    /// Refused with `Signed` once the agreement is signed (before the trigger would).
    fn unsigned_case(&self, case: i64) -> Result<CaseRow> {
        let row = self.case_row(case)?;
        if row.signed {
            return Err(refuse(MediationRefusal::Signed));
        }
        Ok(row)
    }

    pub fn mediation_team(&self, community: i64) -> Result<Vec<String>> {
        let mut st = self.conn().prepare_cached(
            "SELECT name FROM mediation_team WHERE community_id = ?1 ORDER BY name",
        )?;
        let rows = st.query_map([community], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open a case: numbered next in its community, status open.
    pub fn open_case(&mut self, community: i64, c: &CaseInput) -> Result<i64> {
        let title = line(&c.title);
        if title.is_empty() {
            return Err(refuse(MediationRefusal::NeedsTitle));
        }
        let opened = date(&c.opened_on)?;
        let (facts, issue) = (clean_multiline(&c.facts), clean_multiline(&c.issue));
        self.write(|tx| {
            let number: i64 = tx.query_row(
                "SELECT COALESCE(max(number), 0) + 1 FROM mediation_cases WHERE community_id = ?1",
                [community],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO mediation_cases (uid, community_id, number, kind, title, facts, issue, opened_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    super::meetings::new_uid(),
                    community,
                    number,
                    c.kind.as_db(),
                    title,
                    facts.trim(),
                    issue.trim(),
                    opened,
                    now()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit(tx, None, "mediation_open", &id.to_string())?;
            Ok(id)
        })
    }

    /// Change the kind, title, facts, issue or date of a case not yet signed.
    pub fn edit_case(&mut self, case: i64, c: &CaseInput) -> Result<()> {
        self.unsigned_case(case)?;
        let title = line(&c.title);
        if title.is_empty() {
            return Err(refuse(MediationRefusal::NeedsTitle));
        }
        let opened = date(&c.opened_on)?;
        let (facts, issue) = (clean_multiline(&c.facts), clean_multiline(&c.issue));
        self.write(|tx| {
            tx.execute(
                "UPDATE mediation_cases SET kind = ?2, title = ?3, facts = ?4, issue = ?5, opened_on = ?6
                 WHERE id = ?1",
                params![case, c.kind.as_db(), title, facts.trim(), issue.trim(), opened],
            )?;
            audit(tx, None, "mediation_edit", &case.to_string())
        })
    }

    /// Add a party. A name of the community's roster is that voter (their units unless
    /// others are given); any other name is someone from outside, with the units typed.
    pub fn add_party(&mut self, case: i64, name: &str, units: &[String]) -> Result<i64> {
        let row = self.unsigned_case(case)?;
        let name = line(name);
        if name.is_empty() {
            return Err(refuse(MediationRefusal::PartyNeedsName));
        }
        let voter = self
            .voters(row.community_id)?
            .into_iter()
            .find(|v| v.name == name);
        let mut units: Vec<String> = units
            .iter()
            .map(|u| line(u))
            .filter(|u| !u.is_empty())
            .collect();
        if units.is_empty()
            && let Some(v) = &voter
        {
            units = v.units.iter().map(|u| u.label.clone()).collect();
        }
        self.write(|tx| {
            let seq: i64 = tx.query_row(
                "SELECT COALESCE(max(seq), 0) + 1 FROM mediation_parties WHERE case_id = ?1",
                [case],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO mediation_parties (case_id, seq, name, voter_id, units) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![case, seq, name, voter.as_ref().map(|v| v.id), units.join("\n")],
            )?;
            audit(tx, None, "mediation_party", &format!("{case} {seq}"))?;
            Ok(seq)
        })
    }

    /// Name a mediator of the case (and of the community's mediation team).
    pub fn add_case_mediator(&mut self, case: i64, name: &str) -> Result<()> {
        let row = self.unsigned_case(case)?;
        let name = line(name);
        if name.is_empty() {
            return Err(refuse(MediationRefusal::MediatorNeedsName));
        }
        if self.case_record(case)?.mediators.contains(&name) {
            return Err(refuse(MediationRefusal::MediatorTwice));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO mediation_team (community_id, name) VALUES (?1, ?2)",
                params![row.community_id, name],
            )?;
            tx.execute(
                "INSERT INTO mediation_mediators (case_id, seq, name)
                 SELECT ?1, COALESCE(max(seq), 0) + 1, ?2 FROM mediation_mediators WHERE case_id = ?1",
                params![case, name],
            )?;
            audit(tx, None, "mediation_mediator", &format!("{case} {name}"))
        })
    }

    /// Record a session: the day, who came (names, one a line), the notes. Sessions may
    /// follow a signed agreement (follow-up visits); a recorded one is never changed.
    pub fn add_session(
        &mut self,
        case: i64,
        held_on: &str,
        present: &[String],
        notes: &str,
    ) -> Result<i64> {
        self.case_row(case)?;
        let held = date(held_on)?;
        let present: Vec<String> = present
            .iter()
            .map(|p| line(p))
            .filter(|p| !p.is_empty())
            .collect();
        let notes = clean_multiline(notes);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO mediation_sessions (case_id, held_on, present, notes, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![case, held, present.join("\n"), notes.trim(), now()],
            )?;
            let id = tx.last_insert_rowid();
            audit(tx, None, "mediation_session", &format!("{case} {id}"))?;
            Ok(id)
        })
    }

    /// Add a term of the agreement: what party `party` will do, how, by when.
    pub fn add_term(
        &mut self,
        case: i64,
        party: i64,
        duty: &str,
        how: &str,
        due_on: &str,
    ) -> Result<i64> {
        self.unsigned_case(case)?;
        let duty = line(duty);
        if duty.is_empty() {
            return Err(refuse(MediationRefusal::TermNeedsDuty));
        }
        let due = date(due_on)?;
        let how = line(how);
        if !self
            .case_record(case)?
            .parties
            .iter()
            .any(|p| p.seq == party)
        {
            return Err(refuse(MediationRefusal::NoSuchParty));
        }
        self.write(|tx| {
            let seq: i64 = tx.query_row(
                "SELECT COALESCE(max(seq), 0) + 1 FROM mediation_terms WHERE case_id = ?1",
                [case],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO mediation_terms (case_id, seq, party_seq, duty, how, due_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![case, seq, party, duty, how, due],
            )?;
            audit(tx, None, "mediation_term", &format!("{case} {seq}"))?;
            Ok(seq)
        })
    }

    /// Record that party `party` signed the paper agreement on `signed_on` (again: the
    /// later day replaces the earlier, until the mediator signs).
    pub fn record_paper_signature(&mut self, case: i64, party: i64, signed_on: &str) -> Result<()> {
        self.unsigned_case(case)?;
        let on = date(signed_on)?;
        if !self
            .case_record(case)?
            .parties
            .iter()
            .any(|p| p.seq == party)
        {
            return Err(refuse(MediationRefusal::NoSuchParty));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO mediation_paper (case_id, party_seq, signed_on) VALUES (?1, ?2, ?3)
                 ON CONFLICT (case_id, party_seq) DO UPDATE SET signed_on = excluded.signed_on",
                params![case, party, on],
            )?;
            audit(tx, None, "mediation_paper", &format!("{case} {party} {on}"))
        })
    }

    /// Move the status by hand (not agreed, withdrawn, taken up again), with a note kept
    /// in the audit log.
    pub fn set_case_status(&mut self, case: i64, to: CaseStatus, note: &str) -> Result<()> {
        let row = self.case_row(case)?;
        if !row.status.by_hand().contains(&to) {
            return Err(refuse(MediationRefusal::Transition(row.status, to)));
        }
        let note = line(note);
        self.write(|tx| {
            tx.execute(
                "UPDATE mediation_cases SET status = ?2 WHERE id = ?1",
                params![case, to.as_db()],
            )?;
            audit(
                tx,
                None,
                "mediation_status",
                &format!("{case} {} {note}", to.as_db()),
            )
        })
    }

    /// A performance check of a signed agreement: performed or not, with its note; the
    /// case becomes performed or not performed.
    pub fn record_check(
        &mut self,
        case: i64,
        checked_on: &str,
        performed: bool,
        note: &str,
    ) -> Result<()> {
        let row = self.case_row(case)?;
        if !row.status.awaits_performance() {
            return Err(refuse(MediationRefusal::NothingToCheck));
        }
        let on = date(checked_on)?;
        let note = clean_multiline(note).trim().to_string();
        if note.is_empty() {
            return Err(refuse(MediationRefusal::CheckNeedsNote));
        }
        let to = if performed {
            CaseStatus::Performed
        } else {
            CaseStatus::NotPerformed
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO mediation_checks (case_id, checked_on, performed, note, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![case, on, performed, note, now()],
            )?;
            tx.execute(
                "UPDATE mediation_cases SET status = ?2 WHERE id = ?1",
                params![case, to.as_db()],
            )?;
            audit(tx, None, "mediation_check", &format!("{case} {}", to.as_db()))
        })
    }

    pub fn case_row(&self, case: i64) -> Result<CaseRow> {
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
    pub fn case_record(&self, case: i64) -> Result<CaseRecord> {
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
            kind: CaseKind::from_db(&kind).unwrap_or(CaseKind::Other),
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

    pub fn sessions(&self, case: i64) -> Result<Vec<Session>> {
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

    pub fn checks(&self, case: i64) -> Result<Vec<CheckRow>> {
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
                status: CaseStatus::from_db(&status).unwrap_or(CaseStatus::Agreed),
                due_on: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The district report's mediation figures: cases by month opened, kind and status,
    /// counted by SQL; only counts leave this function (domain::mediation_stats). Tests
    /// recompute them with `domain::mediation_stats::count` from the case list.
    pub fn mediation_figures(&self, community: Option<i64>) -> Result<MediationFigures> {
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

#[cfg(test)]
mod tests {
    #[test]
    fn schema_sql_carries_the_mediation_step() {
        assert!(super::super::SCHEMA_SQL.contains(include_str!("mediation_schema.sql")));
    }
}
