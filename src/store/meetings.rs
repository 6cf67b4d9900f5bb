//! Meetings: preparation, opening, adjourning (their agenda items: store::items).

use crate::store::columns::known;
use crate::store::refusal::Refusal;
use rusqlite::{OptionalExtension, Row, params};

use crate::domain::model::{Electorate, MeetingKind, MeetingStatus};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::common::{end_discussion, require_status};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, ItemId, MeetingId, VoterId};
use crate::store::{Store, audit, now};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: MeetingId,
    pub uid: String,
    pub community_id: CommunityId,
    pub community: String,
    pub kind: MeetingKind,
    pub electorate: Electorate,
    pub title: String,
    pub starts_at: String,
    pub venue: String,
    pub host: String,
    pub secretary: String,
    pub language: String,
    pub status: MeetingStatus,
    pub current_item: Option<ItemId>,
    pub summary: String,
    /// Held as a written consultation (书面征求意见: `written_meetings` has it).
    pub written: bool,
}

/// What the host types to create or edit a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    pub starts_at: String,
    pub venue: String,
    pub host: String,
    pub secretary: String,
    pub language: String,
}

const MEETING_COLS: &str = "m.id, m.uid, m.community_id, c.name, m.kind, m.electorate, m.title,
    m.starts_at, m.venue, m.host, m.secretary, m.language, m.status, m.current_item, m.summary,
    EXISTS (SELECT 1 FROM written_meetings w WHERE w.meeting_id = m.id)";

fn meeting_from(r: &Row<'_>) -> rusqlite::Result<MeetingRow> {
    let kind: String = r.get(4)?;
    let electorate: String = r.get(5)?;
    Ok(MeetingRow {
        id: r.get(0)?,
        uid: r.get(1)?,
        community_id: r.get(2)?,
        community: r.get(3)?,
        kind: known(MeetingKind::from_db(&kind), &kind)?,
        electorate: known(Electorate::from_db(&electorate), &electorate)?,
        title: r.get(6)?,
        starts_at: r.get(7)?,
        venue: r.get(8)?,
        host: r.get(9)?,
        secretary: r.get(10)?,
        language: r.get(11)?,
        status: r.get(12)?,
        current_item: r.get(13)?,
        summary: r.get(14)?,
        written: r.get(15)?,
    })
}

/// A new meeting's identity across laptops: time and randomness, hex.
pub(crate) fn new_uid() -> String {
    let mut b = [0u8; 8];
    // Without randomness the time still makes the uid unique on this laptop.
    let _ = getrandom::getrandom(&mut b);
    // The creation time as the store's clock gives it (simulated for the demo).
    let t: String = now()
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    let mut s = format!("{t}-");
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

fn check_meeting(m: &MeetingInput) -> Result<MeetingInput> {
    let title = clean_line(&m.title).trim().to_string();
    if title.is_empty() {
        return Err(refuse(Refusal::MeetingNeedsTitle));
    }
    if chrono::NaiveDateTime::parse_from_str(m.starts_at.trim(), "%Y-%m-%d %H:%M").is_err() {
        return Err(refuse(Refusal::BadMeetingTime));
    }
    Ok(MeetingInput {
        kind: m.kind,
        title,
        starts_at: m.starts_at.trim().to_string(),
        venue: clean_line(&m.venue),
        host: clean_line(&m.host),
        secretary: clean_line(&m.secretary),
        language: if m.language == "en" {
            "en".into()
        } else {
            "zh".into()
        },
    })
}

pub use crate::store::items::{ItemInput, ItemRow};

impl Store {
    pub fn meetings(&self, community: Option<CommunityId>) -> Result<Vec<MeetingRow>> {
        let sql = format!(
            "SELECT {MEETING_COLS} FROM meetings m JOIN communities c ON c.id = m.community_id
             WHERE ?1 IS NULL OR m.community_id = ?1 ORDER BY m.starts_at DESC, m.id DESC"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([community], meeting_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the home screen lists for a community: its draft and open meetings and the
    /// `past` most recent finished ones, with the number of finished meetings in all.
    /// (The archive lists the rest; home stays instant on a large archive.)
    pub fn home_meetings(
        &self,
        community: CommunityId,
        past: i64,
    ) -> Result<(Vec<MeetingRow>, i64)> {
        let sql = format!(
            "SELECT {MEETING_COLS} FROM meetings m JOIN communities c ON c.id = m.community_id
             WHERE m.community_id = ?1 AND m.status IN ('draft', 'open')"
        );
        // Sorted here: an ORDER BY would lead SQLite to walk the community's whole
        // history by date instead of the (community, status) index.
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows: Vec<MeetingRow> = st
            .query_map([community], meeting_from)?
            .collect::<rusqlite::Result<_>>()?;
        rows.sort_by(|a, b| (&b.starts_at, b.id).cmp(&(&a.starts_at, a.id)));
        let sql = format!(
            "SELECT {MEETING_COLS} FROM meetings m JOIN communities c ON c.id = m.community_id
             WHERE m.community_id = ?1 AND m.status IN ('adjourned', 'signed')
             ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        rows.extend(
            st.query_map(params![community, past], meeting_from)?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
        let total: i64 = self.conn().query_row(
            "SELECT count(*) FROM meetings WHERE community_id = ?1 AND status IN ('adjourned', 'signed')",
            [community],
            |r| r.get(0),
        )?;
        Ok((rows, total))
    }

    pub fn meeting(&self, id: MeetingId) -> Result<MeetingRow> {
        let sql = format!(
            "SELECT {MEETING_COLS} FROM meetings m JOIN communities c ON c.id = m.community_id WHERE m.id = ?1"
        );
        self.conn()
            .prepare_cached(&sql)?
            .query_row([id], meeting_from)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("meeting {id}")))
    }

    /// The meeting that is open (there is at most one a laptop runs at a time), to resume.
    /// A written consultation, open for weeks, is not one: its ballots are entered from
    /// its own screen.
    pub fn running_meeting(&self) -> Result<Option<MeetingRow>> {
        let sql = format!(
            "SELECT {MEETING_COLS} FROM meetings m JOIN communities c ON c.id = m.community_id
             WHERE m.status = 'open'
               AND NOT EXISTS (SELECT 1 FROM written_meetings w WHERE w.meeting_id = m.id)
             ORDER BY m.id DESC LIMIT 1"
        );
        Ok(self.conn().query_row(&sql, [], meeting_from).optional()?)
    }

    pub fn create_meeting(
        &mut self,
        community: CommunityId,
        electorate: Electorate,
        m: &MeetingInput,
    ) -> Result<MeetingId> {
        let m = check_meeting(m)?;
        self.write(|tx| {
            let council: Option<i64> = if electorate == Electorate::Council {
                // Each body votes with its own members: a 业委会 meeting its committee.
                Some(crate::store::roster::council_id(tx, community, m.kind.council())?)
            } else {
                None
            };
            tx.execute(
                "INSERT INTO meetings (uid, community_id, kind, electorate, council_id, title, starts_at,
                    venue, host, secretary, language, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    new_uid(), community, m.kind.as_db(), electorate.as_db(), council, m.title,
                    m.starts_at, m.venue, m.host, m.secretary, m.language, now()
                ],
            )?;
            let id = MeetingId(tx.last_insert_rowid());
            crate::store::followup::add_followup(tx, community, id, &m.language)?;
            audit(tx, Some(id), "meeting_create", &m.title)?;
            Ok(id)
        })
    }

    pub fn update_meeting(&mut self, id: MeetingId, m: &MeetingInput) -> Result<()> {
        let m = check_meeting(m)?;
        self.write(|tx| {
            require_status(tx, id, &[MeetingStatus::Draft, MeetingStatus::Open])?;
            tx.execute(
                "UPDATE meetings SET kind = ?2, title = ?3, starts_at = ?4, venue = ?5, host = ?6,
                    secretary = ?7, language = ?8 WHERE id = ?1",
                params![
                    id,
                    m.kind.as_db(),
                    m.title,
                    m.starts_at,
                    m.venue,
                    m.host,
                    m.secretary,
                    m.language
                ],
            )?;
            // A council meeting whose kind changed is linked to that kind's council.
            crate::store::roll_call::relink_council(tx, id, m.kind)?;
            audit(tx, Some(id), "meeting_edit", &m.title)?;
            Ok(())
        })
    }

    /// Open a draft meeting: from now on every action is part of its record.
    /// A written consultation opens with its ballots (store::written). An owners'
    /// assembly whose notice was posted less than 15 days before is refused: the screen
    /// asks, then calls `start_meeting_confirmed`.
    pub fn start_meeting(&mut self, meeting: MeetingId) -> Result<()> {
        self.start_meeting_with(meeting, false)
    }

    /// Open a meeting whose short notice the user has confirmed (the minutes say so).
    pub fn start_meeting_confirmed(&mut self, meeting: MeetingId) -> Result<()> {
        self.start_meeting_with(meeting, true)
    }

    fn start_meeting_with(&mut self, meeting: MeetingId, short_notice_ok: bool) -> Result<()> {
        self.write(|tx| {
            require_status(tx, meeting, &[MeetingStatus::Draft])?;
            let at = now();
            let written: Option<String> = tx
                .query_row(
                    "SELECT opens_on FROM written_meetings WHERE meeting_id = ?1",
                    [meeting],
                    |r| r.get(0),
                )
                .optional()?;
            let opens_on = match &written {
                Some(o) => o.clone(),
                None => tx.query_row(
                    "SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1",
                    [meeting],
                    |r| r.get(0),
                )?,
            };
            crate::store::written::check_notice(tx, meeting, &opens_on, short_notice_ok)?;
            if written.is_some() {
                crate::store::written::open_written(tx, meeting, &at)?;
            }
            tx.execute(
                "UPDATE meetings SET status = 'open', opened_at = ?2 WHERE id = ?1",
                params![meeting, at],
            )?;
            audit(tx, Some(meeting), "meeting_open", "")?;
            Ok(())
        })
    }

    /// Adjourn: no vote may still be running. Items still pending or under discussion
    /// are recorded as never taken up (未审议); `adjourn_check` lists them beforehand.
    pub fn adjourn(&mut self, meeting: MeetingId) -> Result<()> {
        self.write(|tx| {
            crate::store::adjourn::refuse_adjourn(tx, meeting)?;
            tx.execute(
                "INSERT INTO not_taken_up (item_id, at) SELECT id, ?2 FROM agenda_items
                 WHERE meeting_id = ?1 AND status IN ('pending', 'discussing')",
                params![meeting, now()],
            )?;
            tx.execute(
                "UPDATE agenda_items SET status = 'closed', current_voter = NULL
                 WHERE meeting_id = ?1 AND status IN ('pending', 'discussing')",
                [meeting],
            )?;
            end_discussion(
                tx,
                "item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)",
                meeting.0,
            )?;
            tx.execute(
                "UPDATE meetings SET status = 'adjourned', adjourned_at = ?2 WHERE id = ?1",
                params![meeting, now()],
            )?;
            audit(tx, Some(meeting), "meeting_adjourn", "")?;
            Ok(())
        })
    }

    /// Where the running meeting stands (item, and voter in a roll call), for resuming.
    pub fn set_position(
        &mut self,
        meeting: MeetingId,
        item: Option<ItemId>,
        voter: Option<VoterId>,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE meetings SET current_item = ?2 WHERE id = ?1",
                params![meeting, item],
            )?;
            if let Some(item) = item {
                tx.execute(
                    "UPDATE agenda_items SET current_voter = ?2 WHERE id = ?1",
                    params![item, voter],
                )?;
            }
            Ok(())
        })
    }

    pub fn set_summary(&mut self, meeting: MeetingId, summary: &str) -> Result<()> {
        let summary = clean_multiline(summary);
        self.write(|tx| {
            require_status(
                tx,
                meeting,
                &[MeetingStatus::Open, MeetingStatus::Adjourned],
            )?;
            tx.execute(
                "UPDATE meetings SET summary = ?2 WHERE id = ?1",
                params![meeting, summary],
            )?;
            audit(tx, Some(meeting), "summary", "")?;
            Ok(())
        })
    }
}
