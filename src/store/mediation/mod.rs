//! Mediation cases (调解): opening a case, its parties, mediators, sessions and the terms
//! of its agreement, the parties' paper signatures, status changes and the follow-up of
//! performance. Signing and verifying the agreement are in mediation/sign.rs. Each call is
//! one transaction; once the agreement is signed, the case's facts are refused here
//! (typed) and locked by the schema's triggers underneath.

pub(crate) mod read;
pub mod sign;

use rusqlite::params;

use crate::domain::mediation::{CaseKind, CaseStatus, is_date};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::error::{Result, refuse};
use crate::store::ids::{CaseId, CommunityId};
use crate::store::refusal::mediation::MediationRefusal;
use crate::store::{Store, audit, now};

/// A case as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: CaseId,
    pub community_id: CommunityId,
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
    pub community: Option<CommunityId>,
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
    pub case_id: CaseId,
    pub community_id: CommunityId,
    pub number: i64,
    pub title: String,
    pub status: CaseStatus,
    pub due_on: String,
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

pub(crate) fn is_signed(conn: &rusqlite::Connection, case: CaseId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM mediation_signatures WHERE case_id = ?1 AND addendum_id IS NULL)",
        [case],
        |r| r.get(0),
    )?)
}

impl Store {
    /// Refused with `Signed` once the agreement is signed (before the trigger would).
    fn unsigned_case(&self, case: CaseId) -> Result<CaseRow> {
        let row = self.case_row(case)?;
        if row.signed {
            return Err(refuse(MediationRefusal::Signed));
        }
        Ok(row)
    }

    pub fn mediation_team(&self, community: CommunityId) -> Result<Vec<String>> {
        let mut st = self.conn().prepare_cached(
            "SELECT name FROM mediation_team WHERE community_id = ?1 ORDER BY name",
        )?;
        let rows = st.query_map([community], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open a case: numbered next in its community, status open.
    pub fn open_case(&mut self, community: CommunityId, c: &CaseInput) -> Result<CaseId> {
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
                    crate::store::meetings::new_uid(),
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
            let id = CaseId(tx.last_insert_rowid());
            audit(tx, None, "mediation_open", &id.to_string())?;
            Ok(id)
        })
    }

    /// Change the kind, title, facts, issue or date of a case not yet signed.
    pub fn edit_case(&mut self, case: CaseId, c: &CaseInput) -> Result<()> {
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
    pub fn add_party(&mut self, case: CaseId, name: &str, units: &[String]) -> Result<i64> {
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
    pub fn add_case_mediator(&mut self, case: CaseId, name: &str) -> Result<()> {
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
        case: CaseId,
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
        case: CaseId,
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
    pub fn record_paper_signature(
        &mut self,
        case: CaseId,
        party: i64,
        signed_on: &str,
    ) -> Result<()> {
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
    pub fn set_case_status(&mut self, case: CaseId, to: CaseStatus, note: &str) -> Result<()> {
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
        case: CaseId,
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
}
