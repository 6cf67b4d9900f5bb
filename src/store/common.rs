//! Helpers several store modules share (meetings, the running session, the record,
//! import): their one home, so that no two store modules import each other.

use crate::store::columns::known;
use crate::store::refusal::Refusal;
use rusqlite::{OptionalExtension, params};

use crate::domain::model::{ItemStatus, MeetingStatus, PresenceKind};
use crate::domain::record::PresenceEvent;
use crate::domain::rules::{Rule, RuleKind};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{ItemId, MeetingId, VoterId};
use crate::store::now;

/// The rule as stored: its parameters are the JSON of the domain's `Rule`.
/// Parameters that do not parse (a row from before they were kept) give the code's
/// default rule; a code this program does not know is an error, not a guess.
pub(crate) fn rule_from_db(code: &str, params: &str) -> rusqlite::Result<Rule> {
    if let Ok(rule) = serde_json::from_str::<Rule>(params)
        && rule.kind.code() == code
    {
        return Ok(rule);
    }
    RuleKind::from_code(code).map(Rule::new).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown vote rule {code:?}").into(),
        )
    })
}

pub(crate) fn rule_params(rule: &Rule) -> String {
    serde_json::to_string(rule).unwrap_or_else(|_| "{}".into())
}

pub(crate) fn presence_events(
    conn: &rusqlite::Connection,
    meeting: MeetingId,
) -> Result<Vec<PresenceEvent>> {
    let mut st = conn.prepare_cached(&format!(
        "{EVENT_COLUMNS} WHERE e.meeting_id = ?1 ORDER BY e.id"
    ))?;
    let rows = st.query_map([meeting], event_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One voter's attendance now: their own events alone decide it (domain::presence::
/// current reads each voter's events apart), read through the (meeting, voter) index, so
/// an answer in a 400-voter roll call does not read the whole timeline.
pub(crate) fn attendance_of(
    conn: &rusqlite::Connection,
    meeting: MeetingId,
    voter: VoterId,
) -> Result<crate::domain::presence::Attendance> {
    let mut st = conn.prepare_cached(&format!(
        "{EVENT_COLUMNS} WHERE e.meeting_id = ?1 AND e.voter_id = ?2 ORDER BY e.id"
    ))?;
    let events = st
        .query_map(rusqlite::params![meeting, voter], event_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(crate::domain::presence::current(&events)
        .remove(&voter.0)
        .unwrap_or_default())
}

/// The columns of a presence event, in the order `event_row` reads them.
const EVENT_COLUMNS: &str = "SELECT e.voter_id, e.name, e.kind, e.proxy_name, e.proxy_ref,
        (SELECT position FROM agenda_items WHERE id = e.item_id), e.at
     FROM presence_events e";

fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PresenceEvent> {
    let kind: String = r.get(2)?;
    Ok(PresenceEvent {
        voter_id: r.get(0)?,
        name: r.get(1)?,
        kind: known(PresenceKind::from_db(&kind), &kind)?,
        proxy_name: r.get(3)?,
        proxy_ref: r.get(4)?,
        item_position: r.get(5)?,
        at: r.get(6)?,
    })
}

/// The discussion ends (a vote starts, the item is finished, the meeting adjourns): the
/// speaker who has the floor is done, so their remark is part of the record. Speakers
/// still waiting, who were never heard, stay out of the minutes.
pub(crate) fn end_discussion(tx: &rusqlite::Connection, which: &str, id: i64) -> Result<()> {
    tx.execute(
        &format!(
            "UPDATE remarks SET state = 'done', at = coalesce(at, ?2)
             WHERE state = 'speaking' AND {which}"
        ),
        params![id, now()],
    )?;
    Ok(())
}

/// The meeting's status, refusing the action unless it is one of `allowed`.
pub(crate) fn require_status(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    allowed: &[MeetingStatus],
) -> Result<MeetingStatus> {
    let status: MeetingStatus = tx
        .query_row(
            "SELECT status FROM meetings WHERE id = ?1",
            [meeting],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("meeting {meeting}")))?;
    if status == MeetingStatus::Signed {
        return Err(StoreError::Locked);
    }
    if !allowed.contains(&status) {
        return Err(refuse(Refusal::WrongStatus(status)));
    }
    // Once someone has signed the minutes, the records they signed must not change.
    if status == MeetingStatus::Adjourned {
        let signing: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = ?1)",
            [meeting],
            |r| r.get(0),
        )?;
        if signing {
            return Err(refuse(Refusal::RecordAlreadySigned));
        }
    }
    Ok(status)
}

/// The meeting an agenda item belongs to, and the item's status.
pub(crate) fn item_meeting(
    tx: &rusqlite::Connection,
    item: ItemId,
) -> Result<(MeetingId, ItemStatus)> {
    tx.prepare_cached("SELECT meeting_id, status FROM agenda_items WHERE id = ?1")?
        .query_row([item], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("agenda item {item}")))
}
