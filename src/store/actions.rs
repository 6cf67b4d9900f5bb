//! The action items board: every decision's follow-up across meetings, status changes
//! with a note kept as history, and the follow-up item on a community's next agenda.

use crate::store::columns::known;
use crate::store::refusal::Refusal;
use rusqlite::params;

use crate::domain::model::ActionStatus;
use crate::domain::text::clean_line;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::MeetingId;
use crate::store::{Store, audit, now};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub id: i64,
    pub community: String,
    pub meeting_id: MeetingId,
    pub meeting_title: String,
    pub meeting_date: String,
    pub item_title: String,
    pub what: String,
    pub who: String,
    pub due: String,
    pub status: ActionStatus,
}

impl BoardRow {
    /// Open or in progress with a due date before `today` (YYYY-MM-DD).
    pub fn overdue(&self, today: &str) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::Doing)
            && crate::domain::followup::past_due(&self.due, today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub status: ActionStatus,
    pub note: String,
    pub at: String,
}

pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

const BOARD_SQL: &str =
    "SELECT a.id, c.name, m.id, m.title, m.starts_at, i.title, a.what, a.who, a.due, a.status
     FROM action_items a JOIN agenda_items i ON i.id = a.item_id
     JOIN meetings m ON m.id = i.meeting_id JOIN communities c ON c.id = m.community_id";

fn board_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BoardRow> {
    let status: String = r.get(9)?;
    Ok(BoardRow {
        id: r.get(0)?,
        community: r.get(1)?,
        meeting_id: r.get(2)?,
        meeting_title: r.get(3)?,
        meeting_date: r.get(4)?,
        item_title: r.get(5)?,
        what: r.get(6)?,
        who: r.get(7)?,
        due: r.get(8)?,
        status: known(ActionStatus::from_db(&status), &status)?,
    })
}

impl Store {
    /// All action items, open ones first, then by due date.
    pub fn board(&self) -> Result<Vec<BoardRow>> {
        let sql = format!(
            "{BOARD_SQL} ORDER BY CASE a.status WHEN 'open' THEN 0 WHEN 'doing' THEN 0 ELSE 1 END,
             CASE WHEN a.due = '' THEN '9999' ELSE a.due END, a.id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([], board_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Change an action item's status; the note is required and kept with the change.
    pub fn set_action_status(&mut self, id: i64, status: ActionStatus, note: &str) -> Result<()> {
        let note = clean_line(note).trim().to_string();
        if note.is_empty() {
            return Err(refuse(Refusal::StatusNeedsNote));
        }
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE action_items SET status = ?2 WHERE id = ?1",
                params![id, status.as_db()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("action item {id}")));
            }
            tx.execute(
                "INSERT INTO action_history (action_id, status, note, at) VALUES (?1, ?2, ?3, ?4)",
                params![id, status.as_db(), note, now()],
            )?;
            audit(
                tx,
                None,
                "action_status",
                &format!("{id} {}", status.as_db()),
            )?;
            Ok(())
        })
    }

    pub fn action_history(&self, id: i64) -> Result<Vec<HistoryRow>> {
        let mut st = self.conn().prepare_cached(
            "SELECT status, note, at FROM action_history WHERE action_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([id], |r| {
            let s: String = r.get(0)?;
            Ok(HistoryRow {
                status: known(ActionStatus::from_db(&s), &s)?,
                note: r.get(1)?,
                at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
