//! Adjourning: what makes it impossible (refused at once, before any confirmation is
//! asked) and the items that were never taken up (listed in the confirmation, recorded
//! as 未审议 by `Store::adjourn`).

use crate::domain::model::{ItemStatus, MeetingStatus};
use crate::store::Store;
use crate::store::common::require_status;
use crate::store::error::{Result, refuse};
use crate::store::ids::MeetingId;
use crate::store::items::ItemRow;
use crate::store::refusal::Refusal;

/// Refuse adjourning when it cannot be done: the meeting is not open, or a vote runs.
pub(crate) fn refuse_adjourn(tx: &rusqlite::Connection, meeting: MeetingId) -> Result<()> {
    require_status(tx, meeting, &[MeetingStatus::Open])?;
    let voting: i64 = tx.query_row(
        "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1 AND status = 'voting'",
        [meeting],
        |r| r.get(0),
    )?;
    if voting > 0 {
        return Err(refuse(Refusal::AdjournWhileVoting));
    }
    Ok(())
}

impl Store {
    /// Whether the meeting can adjourn now (Err: why not), and the items that adjourning
    /// would record as never taken up, in agenda order.
    pub fn adjourn_check(&self, meeting: MeetingId) -> Result<Vec<ItemRow>> {
        refuse_adjourn(self.conn(), meeting)?;
        Ok(self
            .items(meeting)?
            .into_iter()
            .filter(|i| matches!(i.status, ItemStatus::Pending | ItemStatus::Discussing))
            .collect())
    }
}
