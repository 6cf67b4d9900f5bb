//! The full-text index over minutes, proposals and remarks (see domain::search_text).

use rusqlite::params;

use super::Result;
use crate::domain::search_text::index_body;

/// A search index rowid is `(meeting_id << MEETING_SHIFT) + n`.
pub(crate) const MEETING_SHIFT: u32 = 20;

/// Put one text into the index (inside the caller's transaction).
pub(crate) fn index_text(
    tx: &rusqlite::Connection,
    meeting: i64,
    kind: &str,
    ref_id: i64,
    text: &str,
) -> Result<()> {
    // The rowid carries the meeting (see schema.sql): the next free one in its range.
    let base = meeting << MEETING_SHIFT;
    tx.execute(
        "INSERT INTO search_index (rowid, body, meeting_id, kind, ref_id)
         VALUES (coalesce((SELECT max(rowid) FROM search_index
                           WHERE rowid > ?5 AND rowid < ?5 + (1 << 20)), ?5) + 1, ?1, ?2, ?3, ?4)",
        params![index_body(text), meeting, kind, ref_id, base],
    )?;
    Ok(())
}
