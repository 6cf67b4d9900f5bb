//! A written consultation's extension (延期), progress, closing, and the facts its
//! minutes print.

use rusqlite::{OptionalExtension, params};

use crate::domain::model::{DeliveryWay, MeetingForm, MeetingStatus};
use crate::domain::record::{Extension, FormFacts, InvalidBallot, ShortNotice, WrittenRecord};
use crate::domain::rules::Outcome;
use crate::domain::text::clean_line;
use crate::domain::written::{self, BallotState, Counts, ItemProgress};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{ItemId, MeetingId};
use crate::store::refusal::written::WrittenRefusal;
use crate::store::written::{ballot_rows, form, is_closed};
use crate::store::{Store, audit, now};

/// Where a written consultation stands today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub counts: Counts,
    /// Each item with a vote: (id, position, title, its outcome if closed now).
    pub items: Vec<(ItemId, i64, String, ItemProgress)>,
    pub opens_on: String,
    /// The closing date in force (after extensions).
    pub deadline: String,
    /// Days left to the deadline (0 on the day, negative after it).
    pub days_left: Option<i64>,
    pub closed: bool,
}

fn extensions(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<Vec<Extension>> {
    let mut st = conn.prepare_cached(
        "SELECT from_on, to_on, reason, at FROM written_extensions WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([meeting], |r| {
        Ok(Extension {
            from: r.get(0)?,
            to: r.get(1)?,
            reason: r.get(2)?,
            at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn deadline(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<Option<(String, String)>> {
    let dates: Option<(String, String)> = conn
        .query_row(
            "SELECT opens_on, closes_on FROM written_meetings WHERE meeting_id = ?1",
            [meeting],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((opens, closes)) = dates else {
        return Ok(None);
    };
    let last = extensions(conn, meeting)?.pop().map(|e| e.to);
    Ok(Some((opens, last.unwrap_or(closes))))
}

/// The facts the minutes print about the form and the notice (record.rs).
pub(crate) fn form_facts(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<FormFacts> {
    let imported: Option<String> = conn
        .prepare_cached("SELECT facts FROM imported_forms WHERE meeting_id = ?1")?
        .query_row([meeting], |r| r.get(0))
        .optional()?;
    if let Some(json) = imported {
        return serde_json::from_str(&json)
            .map_err(|_| StoreError::Corrupt(format!("The form of meeting {meeting}")));
    }
    let short_notice = conn
        .prepare_cached(
            "SELECT noticed_on, opens_on, days, confirmed_at FROM short_notices
             WHERE meeting_id = ?1",
        )?
        .query_row([meeting], |r| {
            Ok(ShortNotice {
                noticed_on: r.get(0)?,
                opens_on: r.get(1)?,
                days: r.get(2)?,
                confirmed_at: r.get(3)?,
            })
        })
        .optional()?;
    let mut facts = FormFacts {
        written: None,
        short_notice,
    };
    let Some((opens_on, closes_on)) = conn
        .prepare_cached("SELECT opens_on, closes_on FROM written_meetings WHERE meeting_id = ?1")?
        .query_row([meeting], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?
    else {
        return Ok(facts);
    };
    let ballots = ballot_rows(conn, meeting)?;
    let c = written::counts(&states(&ballots));
    let mut served: Vec<(DeliveryWay, i64)> = Vec::new();
    for way in DeliveryWay::ALL {
        let n = ballots
            .iter()
            .filter(|b| b.served.as_ref().is_some_and(|s| s.1 == *way))
            .count() as i64;
        if n > 0 {
            served.push((*way, n));
        }
    }
    let mut inv: Vec<InvalidBallot> = ballots
        .iter()
        .filter_map(|b| {
            let r = b.returned.as_ref()?;
            Some(InvalidBallot {
                name: b.name.clone(),
                reason: r.reason?,
                note: r.note.clone(),
                at: r.at.clone(),
            })
        })
        .collect();
    inv.sort_by(|a, b| a.at.cmp(&b.at));
    let closed: Option<(String, bool)> = conn
        .prepare_cached("SELECT closed_at, early FROM written_closures WHERE meeting_id = ?1")?
        .query_row([meeting], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0)))
        .optional()?;
    facts.written = Some(WrittenRecord {
        opens_on,
        closes_on,
        ballots: c.voters,
        area: c.area,
        served,
        returned: c.returned,
        returned_area: c.returned_area,
        valid: c.valid,
        valid_area: c.valid_area,
        invalid: inv,
        extensions: extensions(conn, meeting)?,
        closed_early: closed.as_ref().is_some_and(|c| c.1),
        closed_at: closed.map(|c| c.0),
    });
    Ok(facts)
}

fn states(ballots: &[crate::store::written::BallotRow]) -> Vec<BallotState> {
    ballots
        .iter()
        .map(|b| BallotState {
            area: b.area,
            served: b.served.is_some(),
            valid: b.returned.as_ref().map(|r| r.valid),
        })
        .collect()
}

impl Store {
    /// 延期: move the closing date later, with its reason (the notice of it is printed
    /// from the record).
    pub fn extend_written(&mut self, meeting: MeetingId, to_on: &str, reason: &str) -> Result<()> {
        let (to_on, reason) = (to_on.trim().to_string(), clean_line(reason));
        self.write(|tx| {
            crate::store::common::require_status(tx, meeting, &[MeetingStatus::Open])?;
            let Some((_, current)) = deadline(tx, meeting)? else {
                return Err(refuse(WrittenRefusal::NotWritten));
            };
            let closed = is_closed(tx, meeting)?;
            if closed {
                return Err(refuse(WrittenRefusal::NotRunning));
            }
            if reason.trim().is_empty()
                || written::parse_date(&to_on).is_none()
                || to_on.len() != 10
                || to_on <= current
            {
                return Err(refuse(WrittenRefusal::Extension));
            }
            tx.execute(
                "INSERT INTO written_extensions (meeting_id, from_on, to_on, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![meeting, current, to_on, reason, now()],
            )?;
            audit(tx, Some(meeting), "written_extend", &format!("{current} -> {to_on}"))?;
            Ok(())
        })
    }

    /// The closing date in force (after extensions).
    pub fn written_deadline(&self, meeting: MeetingId) -> Result<Option<String>> {
        Ok(deadline(self.conn(), meeting)?.map(|d| d.1))
    }

    /// Returned and valid ballots, and each item's figures as they would be fixed now.
    pub fn written_progress(&self, meeting: MeetingId, today: &str) -> Result<Progress> {
        let Some((opens_on, deadline)) = deadline(self.conn(), meeting)? else {
            return Err(refuse(WrittenRefusal::NotWritten));
        };
        let ballots = ballot_rows(self.conn(), meeting)?;
        let mut items = Vec::new();
        for it in self.items(meeting)? {
            if it.rule.kind == crate::domain::rules::RuleKind::NoVote {
                continue;
            }
            let b = self.ballots(it.id)?;
            if b.is_empty() {
                continue;
            }
            let p = written::item_progress(it.id.0, &it.rule, &b);
            items.push((it.id, it.position, it.title.clone(), p));
        }
        let closed = is_closed(self.conn(), meeting)?;
        Ok(Progress {
            counts: written::counts(&states(&ballots)),
            items,
            days_left: written::days_left(today, &deadline),
            opens_on,
            deadline,
            closed,
        })
    }

    /// Whether closing on `today` comes before the closing date (the screen asks).
    pub fn closing_is_early(&self, meeting: MeetingId, today: &str) -> Result<bool> {
        let d = self
            .written_deadline(meeting)?
            .ok_or_else(|| refuse(WrittenRefusal::NotWritten))?;
        Ok(written::closing_is_early(today, &d))
    }

    /// Close the consultation: each item's outcome is fixed under its rule (voters
    /// without a valid ballot count as not voting), then the meeting adjourns. Before the
    /// closing date it is refused unless `early_confirmed`. Each item is closed in its own
    /// transaction; a closing interrupted half-way is finished by calling it again.
    pub fn close_written(
        &mut self,
        meeting: MeetingId,
        today: &str,
        early_confirmed: bool,
    ) -> Result<Vec<(ItemId, Outcome)>> {
        crate::store::common::require_status(self.conn(), meeting, &[MeetingStatus::Open])?;
        if form(self.conn(), meeting)? != MeetingForm::Written {
            return Err(refuse(WrittenRefusal::NotWritten));
        }
        let early = self.closing_is_early(meeting, today)?;
        let already = is_closed(self.conn(), meeting)?;
        if early && !early_confirmed && !already {
            return Err(refuse(WrittenRefusal::Early));
        }
        // Stop the entry first: nothing can be entered once the closing is recorded.
        if !already {
            self.write(|tx| {
                tx.execute(
                    "INSERT INTO written_closures (meeting_id, closed_at, early) VALUES (?1, ?2, ?3)",
                    params![meeting, now(), early],
                )?;
                audit(tx, Some(meeting), "written_close", if early { "early" } else { "" })?;
                Ok(())
            })?;
        }
        let mut out = Vec::new();
        for it in self.items(meeting)? {
            if it.status == crate::domain::model::ItemStatus::Voting {
                out.push((it.id, self.close_vote(it.id)?));
            }
        }
        self.adjourn(meeting)?;
        Ok(out)
    }
}
