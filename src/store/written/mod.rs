//! Written consultation (书面征求意见): the form of a meeting, its numbered ballots, their
//! delivery and their return, entered by ballot number with one answer per item saved at
//! once. The answers are the items' votes (`vote_eligible` frozen when the consultation
//! opens, `votes`, `vote_corrections`), so tallies, closing and minutes are the roll
//! call's. Extension, progress and closing are in written/close.rs.

pub(crate) mod ballot_entry;
pub mod close;
pub(crate) mod serve;

use rusqlite::{OptionalExtension, params};

use crate::domain::model::{
    Choice, DeliveryWay, InvalidReason, MeetingForm, MeetingKind, MeetingStatus, ScopeKind,
};
use crate::domain::text::clean_line;
use crate::domain::written;
use crate::domain::written::ballot_number;
use crate::store::columns::known;
use crate::store::common::require_status;
use crate::store::error::{Result, refuse};
use crate::store::ids::{CommunityId, ItemId, MeetingId, VoterId};
use crate::store::refusal::Refusal;
use crate::store::refusal::written::WrittenRefusal;
use crate::store::{Store, audit, now, roll_call};

/// One voter's ballot with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotRow {
    pub voter_id: VoterId,
    pub seq: i64,
    pub number: String,
    pub name: String,
    pub units: Vec<String>,
    pub area: i64,
    /// The last delivery: (date, way).
    pub served: Option<(String, DeliveryWay)>,
    pub returned: Option<ReturnRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnRow {
    pub valid: bool,
    pub reason: Option<InvalidReason>,
    pub note: String,
    pub at: String,
    pub by: String,
}

/// A ballot opened by its number for entry: the voter, their units and each item they
/// answer, with the answers saved so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotEntry {
    pub meeting: MeetingId,
    pub ballot: BallotRow,
    /// (item id, position, title, answer so far)
    pub items: Vec<(ItemId, i64, String, Option<Choice>)>,
}

impl BallotEntry {
    pub fn complete(&self) -> bool {
        self.items.iter().all(|i| i.3.is_some())
    }
}

/// Why a ballot is opened: to enter it, or to correct an answer already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Entry,
    Correction,
}

fn valid_date(s: &str) -> bool {
    s.len() == 10 && written::parse_date(s).is_some()
}

/// The form of a meeting (a row in written_meetings makes it written).
pub(crate) fn form(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<MeetingForm> {
    let written: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM written_meetings WHERE meeting_id = ?1)",
        [meeting],
        |r| r.get(0),
    )?;
    Ok(if written {
        MeetingForm::Written
    } else {
        MeetingForm::Collective
    })
}

/// Refuse opening an owners' assembly less than 15 days after its notice, unless that
/// was confirmed (`confirmed`: then the confirmation is recorded for the minutes).
pub(crate) fn check_notice(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    opens_on: &str,
    confirmed: bool,
) -> Result<()> {
    let kind: String = tx.query_row("SELECT kind FROM meetings WHERE id = ?1", [meeting], |r| {
        r.get(0)
    })?;
    if kind != MeetingKind::OwnersAssembly.as_db() {
        return Ok(());
    }
    let noticed: Option<String> = tx
        .query_row(
            "SELECT noticed_on FROM meeting_notices WHERE meeting_id = ?1",
            [meeting],
            |r| r.get(0),
        )
        .optional()?;
    let Some(noticed) = noticed else {
        return Ok(());
    };
    let Some(days) = written::short_notice(&noticed, opens_on) else {
        return Ok(());
    };
    if !confirmed {
        return Err(refuse(WrittenRefusal::ShortNotice));
    }
    tx.execute(
        "INSERT OR REPLACE INTO short_notices (meeting_id, noticed_on, opens_on, days, confirmed_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meeting, noticed, opens_on, days, now()],
    )?;
    Ok(())
}

/// Open a written consultation (inside `start_meeting`'s transaction): every item with a
/// vote freezes its list of voters (all of them may answer, none has yet: `present`
/// becomes 1 when their valid ballot comes back), and each voter of any item gets a
/// numbered ballot, in roster order.
pub(crate) fn open_written(tx: &rusqlite::Connection, meeting: MeetingId, at: &str) -> Result<i64> {
    let (community, electorate): (CommunityId, String) = tx.query_row(
        "SELECT community_id, electorate FROM meetings WHERE id = ?1",
        [meeting],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut st = tx.prepare(
        "SELECT id, scope_kind, scope_building, scope_unit FROM agenda_items
         WHERE meeting_id = ?1 AND rule <> 'no_vote' AND status = 'pending' ORDER BY position",
    )?;
    let items: Vec<BallotItem> = st
        .query_map([meeting], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if items.is_empty() {
        return Err(refuse(WrittenRefusal::NoBallotItems));
    }
    let voters = freeze_voter_lists(tx, meeting, community, &electorate, &items, at)?;
    issue_ballots(tx, meeting, &items, voters, at)
}

/// An item of a written consultation: (id, scope kind, building, unit) as stored.
type BallotItem = (i64, String, String, String);

/// Each item's list of voters, frozen (`vote_eligible`), and the item put to the vote;
/// returns every voter of any item, once, with their name.
fn freeze_voter_lists(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    community: CommunityId,
    electorate: &str,
    items: &[BallotItem],
    at: &str,
) -> Result<Vec<(i64, String)>> {
    let mut voters: Vec<(i64, String)> = Vec::new();
    for (item, kind, building, unit) in items {
        let kind = known(ScopeKind::from_db(kind), kind)?;
        let council = if roll_call::is_council_vote(electorate, kind == ScopeKind::Council) {
            Some(
                roll_call::meeting_council(tx, meeting)?
                    .map(|c| c.0)
                    .unwrap_or(-1),
            )
        } else {
            None
        };
        let eligible = roll_call::eligible_voters(tx, community, council, kind, building, unit)?;
        if eligible.is_empty() {
            return Err(refuse(Refusal::NobodyInScope));
        }
        for (pos, (vid, name, area)) in eligible.iter().enumerate() {
            tx.execute(
                "INSERT INTO vote_eligible (item_id, voter_id, position, name, area_centi, present)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                params![item, vid, pos as i64, name, area],
            )?;
            if !voters.iter().any(|(v, _)| v == vid) {
                voters.push((*vid, name.clone()));
            }
        }
        tx.execute(
            "UPDATE agenda_items SET status = 'voting', vote_opened_at = ?2 WHERE id = ?1",
            params![item, at],
        )?;
    }
    Ok(voters)
}

/// Each voter's numbered ballot, in roster order across the items, with the units they
/// hold inside any item's scope; returns how many were issued.
fn issue_ballots(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    items: &[BallotItem],
    voters: Vec<(i64, String)>,
    at: &str,
) -> Result<i64> {
    // Roster order across items.
    let mut order = tx.prepare_cached("SELECT position FROM voters WHERE id = ?1")?;
    let mut keyed: Vec<(i64, i64, String)> = Vec::with_capacity(voters.len());
    for (v, n) in voters {
        let p: i64 = order.query_row([v], |r| r.get(0))?;
        keyed.push((p, v, n));
    }
    keyed.sort();
    let mut units = tx.prepare_cached(
        "SELECT u.label, u.building, u.unit, u.area_centi FROM holdings h JOIN units u ON u.id = h.unit_id
         WHERE h.voter_id = ?1 ORDER BY u.label",
    )?;
    let scopes: Vec<crate::domain::model::Scope> = items
        .iter()
        .map(|(_, k, b, u)| {
            Ok(crate::domain::model::Scope {
                kind: known(ScopeKind::from_db(k), k)?,
                building: b.clone(),
                unit: u.clone(),
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    for (seq, (_, voter, name)) in keyed.iter().enumerate() {
        let seq = seq as i64 + 1;
        let number = ballot_number::encode(meeting.0, seq)
            .ok_or_else(|| refuse(WrittenRefusal::TooManyVoters))?;
        let mut labels = Vec::new();
        let mut area = 0i64;
        let rows = units.query_map([voter], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        for r in rows {
            let (label, b, u, a) = r?;
            if scopes.iter().any(|s| s.contains(&b, &u)) {
                labels.push(label);
                area += a;
            }
        }
        tx.execute(
            "INSERT INTO written_ballots (meeting_id, voter_id, seq, number, name, units, area_centi, issued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![meeting, voter, seq, number, name, labels.join("\n"), area, at],
        )?;
    }
    Ok(keyed.len() as i64)
}

/// A written meeting that is open and not closed (ballots may be entered).
pub(crate) fn require_running(tx: &rusqlite::Connection, meeting: MeetingId) -> Result<()> {
    require_status(tx, meeting, &[MeetingStatus::Open])?;
    if form(tx, meeting)? != MeetingForm::Written {
        return Err(refuse(WrittenRefusal::NotWritten));
    }
    let closed = is_closed(tx, meeting)?;
    if closed {
        return Err(refuse(WrittenRefusal::NotRunning));
    }
    Ok(())
}

pub(crate) fn return_row(
    conn: &rusqlite::Connection,
    meeting: MeetingId,
    voter: VoterId,
) -> Result<Option<ReturnRow>> {
    Ok(conn
        .query_row(
            "SELECT valid, reason, note, entered_at, entered_by FROM ballot_returns
             WHERE meeting_id = ?1 AND voter_id = ?2",
            params![meeting, voter],
            |r| {
                let reason: Option<String> = r.get(1)?;
                Ok(ReturnRow {
                    valid: r.get::<_, i64>(0)? != 0,
                    reason: reason.as_deref().and_then(InvalidReason::from_db),
                    note: r.get(2)?,
                    at: r.get(3)?,
                    by: r.get(4)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn ballot_rows(
    conn: &rusqlite::Connection,
    meeting: MeetingId,
) -> Result<Vec<BallotRow>> {
    ballots_where(conn, meeting, None)
}

/// One voter's ballot (entry reads only that one, however many voters there are).
pub(crate) fn ballot_row(
    conn: &rusqlite::Connection,
    meeting: MeetingId,
    voter: VoterId,
) -> Result<Option<BallotRow>> {
    Ok(ballots_where(conn, meeting, Some(voter))?.pop())
}

fn ballots_where(
    conn: &rusqlite::Connection,
    meeting: MeetingId,
    voter: Option<VoterId>,
) -> Result<Vec<BallotRow>> {
    let mut st = conn.prepare_cached(
        "SELECT b.voter_id, b.seq, b.number, b.name, b.units, b.area_centi,
                (SELECT served_on FROM ballot_deliveries d WHERE d.meeting_id = b.meeting_id
                   AND d.voter_id = b.voter_id ORDER BY d.id DESC LIMIT 1),
                (SELECT way FROM ballot_deliveries d WHERE d.meeting_id = b.meeting_id
                   AND d.voter_id = b.voter_id ORDER BY d.id DESC LIMIT 1),
                r.valid, r.reason, r.note, r.entered_at, r.entered_by
         FROM written_ballots b
         LEFT JOIN ballot_returns r ON r.meeting_id = b.meeting_id AND r.voter_id = b.voter_id
         WHERE b.meeting_id = ?1 AND (?2 IS NULL OR b.voter_id = ?2) ORDER BY b.seq",
    )?;
    let rows = st.query_map(params![meeting, voter], |r| {
        let units: String = r.get(4)?;
        let served_on: Option<String> = r.get(6)?;
        let way: Option<String> = r.get(7)?;
        let valid: Option<i64> = r.get(8)?;
        let reason: Option<String> = r.get(9)?;
        Ok(BallotRow {
            voter_id: r.get(0)?,
            seq: r.get(1)?,
            number: r.get(2)?,
            name: r.get(3)?,
            units: units.lines().map(str::to_string).collect(),
            area: r.get(5)?,
            served: served_on.zip(way.as_deref().and_then(DeliveryWay::from_db)),
            returned: match valid {
                None => None,
                Some(v) => Some(ReturnRow {
                    valid: v != 0,
                    reason: reason.as_deref().and_then(InvalidReason::from_db),
                    note: r.get(10)?,
                    at: r.get(11)?,
                    by: r.get(12)?,
                }),
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn set_form_tx(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    form: MeetingForm,
    dates: Option<(&str, &str)>,
) -> Result<()> {
    require_status(tx, meeting, &[MeetingStatus::Draft])?;
    tx.execute(
        "DELETE FROM written_meetings WHERE meeting_id = ?1",
        [meeting],
    )?;
    if form == MeetingForm::Written {
        let Some((opens, closes)) = dates else {
            return Err(refuse(WrittenRefusal::Dates));
        };
        let (opens, closes) = (opens.trim(), closes.trim());
        if !valid_date(opens) || !valid_date(closes) || closes < opens {
            return Err(refuse(WrittenRefusal::Dates));
        }
        tx.execute(
            "INSERT INTO written_meetings (meeting_id, opens_on, closes_on) VALUES (?1, ?2, ?3)",
            params![meeting, opens, closes],
        )?;
    }
    audit(tx, Some(meeting), "meeting_form", form.as_db())?;
    Ok(())
}

impl Store {
    /// Choose the form of a draft meeting; a written one needs its opening and closing
    /// dates (YYYY-MM-DD).
    pub fn set_form(
        &mut self,
        meeting: MeetingId,
        form: MeetingForm,
        dates: Option<(&str, &str)>,
    ) -> Result<()> {
        self.write(|tx| set_form_tx(tx, meeting, form, dates))
    }

    /// The preparation screen's one form: the meeting's form with its dates and the day
    /// its notice was posted (empty: none recorded), saved together or not at all.
    pub fn prepare_form(
        &mut self,
        meeting: MeetingId,
        form: MeetingForm,
        dates: Option<(&str, &str)>,
        noticed_on: &str,
    ) -> Result<()> {
        let d = noticed_on.trim();
        if !d.is_empty() && !valid_date(d) {
            return Err(refuse(WrittenRefusal::NoticeDate));
        }
        self.write(|tx| {
            set_form_tx(tx, meeting, form, dates)?;
            if d.is_empty() {
                tx.execute("DELETE FROM meeting_notices WHERE meeting_id = ?1", [meeting])?;
            } else {
                tx.execute(
                    "INSERT OR REPLACE INTO meeting_notices (meeting_id, noticed_on) VALUES (?1, ?2)",
                    params![meeting, d],
                )?;
            }
            audit(tx, Some(meeting), "meeting_notice", d)?;
            Ok(())
        })
    }

    pub fn meeting_form(&self, meeting: MeetingId) -> Result<MeetingForm> {
        form(self.conn(), meeting)
    }

    /// The opening and closing dates of a written meeting (the closing date as first
    /// announced; see `written_deadline` for the one in force).
    pub fn written_dates(&self, meeting: MeetingId) -> Result<Option<(String, String)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT opens_on, closes_on FROM written_meetings WHERE meeting_id = ?1",
                [meeting],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Record the day the meeting's notice was posted (before it opens).
    pub fn set_notice_date(&mut self, meeting: MeetingId, noticed_on: &str) -> Result<()> {
        let d = noticed_on.trim();
        if !valid_date(d) {
            return Err(refuse(WrittenRefusal::NoticeDate));
        }
        self.write(|tx| {
            require_status(tx, meeting, &[MeetingStatus::Draft])?;
            tx.execute(
                "INSERT OR REPLACE INTO meeting_notices (meeting_id, noticed_on) VALUES (?1, ?2)",
                params![meeting, d],
            )?;
            audit(tx, Some(meeting), "meeting_notice", d)?;
            Ok(())
        })
    }

    pub fn notice_date(&self, meeting: MeetingId) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT noticed_on FROM meeting_notices WHERE meeting_id = ?1",
                [meeting],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The days between notice and opening when an owners' assembly would open too soon
    /// (the screen asks for a confirmation, then calls `start_meeting_confirmed`).
    pub fn notice_shortfall(&self, meeting: MeetingId) -> Result<Option<i64>> {
        let m = self.meeting(meeting)?;
        if m.kind != MeetingKind::OwnersAssembly {
            return Ok(None);
        }
        let Some(noticed) = self.notice_date(meeting)? else {
            return Ok(None);
        };
        let opens = match self.written_dates(meeting)? {
            Some((o, _)) => o,
            None => m.starts_at.chars().take(10).collect(),
        };
        Ok(written::short_notice(&noticed, &opens))
    }

    /// Every ballot of a written consultation, in ballot order.
    pub fn written_ballots(&self, meeting: MeetingId) -> Result<Vec<BallotRow>> {
        ballot_rows(self.conn(), meeting)
    }

    /// The ballots not yet served.
    pub fn unserved(&self, meeting: MeetingId) -> Result<Vec<BallotRow>> {
        Ok(self
            .written_ballots(meeting)?
            .into_iter()
            .filter(|b| b.served.is_none())
            .collect())
    }

    /// Record that a voter's ballot was served (date, way) — in person, in the mailbox,
    /// or posted on the notice board for one who cannot be reached.
    pub fn record_delivery(
        &mut self,
        meeting: MeetingId,
        voter: VoterId,
        served_on: &str,
        way: DeliveryWay,
        by: &str,
    ) -> Result<()> {
        let d = served_on.trim();
        if !valid_date(d) {
            return Err(refuse(WrittenRefusal::DeliveryDate));
        }
        let by = clean_line(by);
        self.write(|tx| {
            require_running(tx, meeting)?;
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM written_ballots WHERE meeting_id = ?1 AND voter_id = ?2)",
                params![meeting, voter],
                |r| r.get(0),
            )?;
            if !known {
                return Err(refuse(WrittenRefusal::NoSuchBallot));
            }
            tx.execute(
                "INSERT INTO ballot_deliveries (meeting_id, voter_id, served_on, way, at, entered_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![meeting, voter, d, way.as_db(), now(), by],
            )?;
            audit(tx, Some(meeting), "ballot_served", &format!("{voter} {}", way.as_db()))?;
            Ok(())
        })
    }
}

/// Whether the consultation's closing is recorded (nothing is entered after it).
pub(crate) fn is_closed(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM written_closures WHERE meeting_id = ?1)",
        [meeting],
        |r| r.get(0),
    )?)
}
