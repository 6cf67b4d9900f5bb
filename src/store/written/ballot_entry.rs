//! Entering returned ballots by number: open the ballot (refusing a second ballot, a
//! wrong check digit, another meeting's ballot), save each answer at once, record an
//! invalid ballot with its reason, correct an answer on purpose.

use rusqlite::{OptionalExtension, params};

use crate::domain::model::{Choice, InvalidReason};
use crate::domain::text::clean_line;
use crate::domain::written::ballot_number::{self, Decoded};
use crate::store::error::{Result, refuse};
use crate::store::ids::{ItemId, MeetingId, VoterId};
use crate::store::refusal::written::WrittenRefusal;
use crate::store::written::{BallotEntry, Purpose, ballot_row, require_running, return_row};
use crate::store::{Store, audit, now};

impl Store {
    /// Open a ballot by its typed or scanned number. For entry, a ballot already entered
    /// in full (or recorded invalid) is refused as a second ballot; one entered in part
    /// resumes. For a correction, the ballot must have been entered.
    pub fn open_ballot(
        &self,
        meeting: MeetingId,
        typed: &str,
        purpose: Purpose,
    ) -> Result<BallotEntry> {
        let seq = match ballot_number::decode(typed) {
            Decoded::NotANumber => return Err(refuse(WrittenRefusal::NotANumber)),
            Decoded::WrongCheckDigit => return Err(refuse(WrittenRefusal::CheckDigit)),
            Decoded::Ballot { meeting: m, .. } if m != meeting.0 => {
                return Err(refuse(WrittenRefusal::OtherMeeting));
            }
            Decoded::Ballot { seq, .. } => seq,
        };
        let conn = self.conn();
        let voter: Option<VoterId> = conn
            .query_row(
                "SELECT voter_id FROM written_ballots WHERE meeting_id = ?1 AND seq = ?2",
                params![meeting, seq],
                |r| r.get(0),
            )
            .optional()?;
        let Some(voter) = voter else {
            return Err(refuse(WrittenRefusal::NoSuchBallot));
        };
        let ballot = ballot_row(conn, meeting, voter)?
            .ok_or_else(|| refuse(WrittenRefusal::NoSuchBallot))?;
        let mut st = conn.prepare_cached(
            "SELECT i.id, i.position, i.title, v.choice FROM vote_eligible e
             JOIN agenda_items i ON i.id = e.item_id
             LEFT JOIN votes v ON v.item_id = e.item_id AND v.voter_id = e.voter_id
             WHERE i.meeting_id = ?1 AND e.voter_id = ?2 ORDER BY i.position",
        )?;
        let items: Vec<(ItemId, i64, String, Option<Choice>)> = st
            .query_map(params![meeting, voter], |r| {
                let c: Option<String> = r.get(3)?;
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    c.as_deref().and_then(Choice::from_db),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let entry = BallotEntry {
            meeting,
            ballot,
            items,
        };
        match (purpose, &entry.ballot.returned) {
            (Purpose::Entry, Some(r)) if !r.valid => Err(refuse(WrittenRefusal::WasInvalid)),
            (Purpose::Entry, Some(_)) if entry.complete() => Err(refuse(WrittenRefusal::Duplicate)),
            (Purpose::Correction, None) => Err(refuse(WrittenRefusal::NotReturned)),
            (Purpose::Correction, Some(r)) if !r.valid => Err(refuse(WrittenRefusal::WasInvalid)),
            _ => Ok(entry),
        }
    }

    /// Save one answer of a returned ballot at once (the first answer records the ballot
    /// as returned and valid, with its time and who entered it). Returns the stored time.
    pub fn enter_answer(
        &mut self,
        meeting: MeetingId,
        voter: VoterId,
        item: ItemId,
        choice: Choice,
        by: &str,
    ) -> Result<String> {
        if !matches!(choice, Choice::Yes | Choice::No | Choice::Abstain) {
            return Err(refuse(WrittenRefusal::AnswerChoice));
        }
        let by = clean_line(by);
        self.write(|tx| {
            require_running(tx, meeting)?;
            let on_item: Option<i64> = tx
                .query_row(
                    "SELECT e.voter_id FROM vote_eligible e JOIN agenda_items i ON i.id = e.item_id
                     WHERE e.item_id = ?1 AND e.voter_id = ?2 AND i.meeting_id = ?3 AND i.status = 'voting'",
                    params![item, voter, meeting],
                    |r| r.get(0),
                )
                .optional()?;
            if on_item.is_none() {
                return Err(refuse(WrittenRefusal::NotOnItem));
            }
            let at = now();
            match return_row(tx, meeting, voter)? {
                Some(r) if !r.valid => return Err(refuse(WrittenRefusal::WasInvalid)),
                Some(_) => {}
                None => {
                    tx.execute(
                        "INSERT INTO ballot_returns (meeting_id, voter_id, valid, entered_at, entered_by)
                         VALUES (?1, ?2, 1, ?3, ?4)",
                        params![meeting, voter, at, by],
                    )?;
                    // Their ballot is back: they take part (for rules that count those present).
                    tx.execute(
                        "UPDATE vote_eligible SET present = 1 WHERE voter_id = ?1
                         AND item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?2)",
                        params![voter, meeting],
                    )?;
                }
            }
            let answered: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM votes WHERE item_id = ?1 AND voter_id = ?2)",
                params![item, voter],
                |r| r.get(0),
            )?;
            if answered {
                return Err(refuse(WrittenRefusal::AlreadyAnswered));
            }
            tx.execute(
                "INSERT INTO votes (item_id, voter_id, choice, at, by_proxy) VALUES (?1, ?2, ?3, ?4, 0)",
                params![item, voter, choice.as_db(), at],
            )?;
            audit(tx, Some(meeting), "ballot_answer", &format!("{item} {voter} {} {by}", choice.as_db()))?;
            Ok(at)
        })
    }

    /// Record a returned ballot as invalid, with its reason (unsigned, unreadable…).
    pub fn enter_invalid(
        &mut self,
        meeting: MeetingId,
        voter: VoterId,
        reason: InvalidReason,
        note: &str,
        by: &str,
    ) -> Result<()> {
        let (note, by) = (clean_line(note), clean_line(by));
        self.write(|tx| {
            require_running(tx, meeting)?;
            match return_row(tx, meeting, voter)? {
                Some(r) if !r.valid => return Err(refuse(WrittenRefusal::WasInvalid)),
                Some(_) => return Err(refuse(WrittenRefusal::HasAnswers)),
                None => {}
            }
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM written_ballots WHERE meeting_id = ?1 AND voter_id = ?2)",
                params![meeting, voter],
                |r| r.get(0),
            )?;
            if !known {
                return Err(refuse(WrittenRefusal::NoSuchBallot));
            }
            tx.execute(
                "INSERT INTO ballot_returns (meeting_id, voter_id, valid, reason, note, entered_at, entered_by)
                 VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6)",
                params![meeting, voter, reason.as_db(), note, now(), by],
            )?;
            audit(tx, Some(meeting), "ballot_invalid", &format!("{voter} {}", reason.as_db()))?;
            Ok(())
        })
    }

    /// Change an answer of an entered ballot on purpose (the screen asks first): kept as
    /// a correction beside the answer, as in the roll call.
    pub fn correct_ballot(
        &mut self,
        meeting: MeetingId,
        voter: VoterId,
        item: ItemId,
        choice: Choice,
    ) -> Result<String> {
        if !matches!(choice, Choice::Yes | Choice::No | Choice::Abstain) {
            return Err(refuse(WrittenRefusal::AnswerChoice));
        }
        require_running(self.conn(), meeting)?;
        match return_row(self.conn(), meeting, voter)? {
            None => return Err(refuse(WrittenRefusal::NotReturned)),
            Some(r) if !r.valid => return Err(refuse(WrittenRefusal::WasInvalid)),
            Some(_) => {}
        }
        self.correct_answer(item, voter, choice, None)
    }
}
