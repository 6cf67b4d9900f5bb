//! What a meeting's records gain besides the typed input: the follow-up item of open
//! action items a new meeting starts with, and the revisions of a proposal.

use rusqlite::params;

use super::{Result, now};

/// A new meeting opens with the community's open action items of earlier meetings, as an
/// item without a vote whose discussion is recorded like any other.
pub(crate) fn add_followup(
    tx: &rusqlite::Transaction<'_>,
    community: i64,
    meeting: i64,
    lang: &str,
) -> Result<()> {
    use crate::domain::followup::{self, OpenAction};
    let mut st = tx.prepare_cached(
        "SELECT m.starts_at, i.title, a.what, a.who, a.due FROM action_items a
         JOIN agenda_items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
         WHERE m.community_id = ?1 AND m.id <> ?2 AND a.status IN ('open', 'doing')
         ORDER BY m.starts_at, a.id",
    )?;
    let rows: Vec<(String, String, String, String, String)> = st
        .query_map(params![community, meeting], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if rows.is_empty() {
        return Ok(());
    }
    let today = super::actions::today();
    let open: Vec<OpenAction<'_>> = rows
        .iter()
        .map(|(d, t, w, who, due)| OpenAction {
            meeting_date: d,
            item_title: t,
            what: w,
            who,
            due,
            overdue: followup::past_due(due, &today),
        })
        .collect();
    let text = followup::proposal(lang, &open);
    let title = followup::title(lang);
    tx.execute(
        "INSERT INTO agenda_items (meeting_id, position, title, category, rule, created_at)
         VALUES (?1, 1, ?2, 'followup', 'no_vote', ?3)",
        params![meeting, title, now()],
    )?;
    let item = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO proposal_revisions (item_id, rev, text, at) VALUES (?1, 1, ?2, ?3)",
        params![item, text, now()],
    )?;
    super::search::index_text(tx, meeting, "proposal", item, &format!("{title}\n{text}"))?;
    Ok(())
}

/// Add a revision if the text differs from the current one.
pub(crate) fn add_revision(
    tx: &rusqlite::Transaction<'_>,
    meeting: i64,
    item: i64,
    text: &str,
) -> Result<bool> {
    let (rev, current): (i64, String) = tx.query_row(
        "SELECT coalesce(max(rev), 0), coalesce((SELECT text FROM proposal_revisions WHERE item_id = ?1 ORDER BY rev DESC LIMIT 1), '')
         FROM proposal_revisions WHERE item_id = ?1",
        [item],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if rev > 0 && current == text {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO proposal_revisions (item_id, rev, text, at) VALUES (?1, ?2, ?3, ?4)",
        params![item, rev + 1, text, now()],
    )?;
    let title: String = tx.query_row(
        "SELECT title FROM agenda_items WHERE id = ?1",
        [item],
        |r| r.get(0),
    )?;
    super::search::unindex(tx, meeting, "proposal", item)?;
    super::search::index_text(tx, meeting, "proposal", item, &format!("{title}\n{text}"))?;
    Ok(true)
}
