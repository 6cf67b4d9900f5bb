//! The full-text index over minutes, proposals and remarks (see domain::search_text).

use rusqlite::params;

use super::Result;
use crate::domain::search_text::index_body;

/// Put one text into the index (inside the caller's transaction).
pub(crate) fn index_text(
    tx: &rusqlite::Connection,
    meeting: i64,
    kind: &str,
    ref_id: i64,
    text: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO search_index (body, meeting_id, kind, ref_id) VALUES (?1, ?2, ?3, ?4)",
        params![index_body(text), meeting, kind, ref_id],
    )?;
    Ok(())
}
