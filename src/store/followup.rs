//! What a meeting's records gain besides the typed input: the follow-up item that opens
//! a community's next meeting (the action items of its earlier meetings that changed or
//! came due since the last follow-up, written by domain::followup, and which action
//! items it quotes and where each stood then: `followup_actions`, schema v8), and the
//! revisions of a proposal.

use rusqlite::{OptionalExtension, params};

use crate::store::error::Result;
use crate::store::ids::{CommunityId, ItemId, MeetingId};
use crate::store::now;

/// A new meeting opens with the community's action items of earlier meetings that are
/// new, changed or came due since the last follow-up quoted them (the others are
/// counted), as an item without a vote whose discussion is recorded like any other. The
/// item records which action items it quotes and where each stood (`followup_actions`):
/// what a later follow-up compares with.
pub(crate) fn add_followup(
    tx: &rusqlite::Transaction<'_>,
    community: CommunityId,
    meeting: MeetingId,
    lang: &str,
) -> Result<()> {
    use crate::domain::followup::{self, OpenAction};
    let today = crate::store::actions::today();
    let open = community_actions(tx, community, meeting, "a.status IN ('open', 'doing')")?;
    // Nothing open, nothing to report on (what was closed meanwhile is quoted by the
    // next follow-up there is).
    if open.is_empty() {
        return Ok(());
    }
    // Closed since they were last quoted as open or in progress.
    let closed = community_actions(
        tx,
        community,
        meeting,
        "a.status IN ('done', 'dropped') AND (SELECT f.status FROM followup_actions f
            WHERE f.action_id = a.id ORDER BY f.item_id DESC LIMIT 1) IN ('open', 'doing')",
    )?;
    let mut last = tx.prepare_cached(
        "SELECT status, overdue FROM followup_actions WHERE action_id = ?1
         ORDER BY item_id DESC LIMIT 1",
    )?;
    // (row, overdue, changed): quoted when never quoted, its status changed, or it
    // has come due since.
    let mut quoted: Vec<(&ActionRow, bool, bool)> = Vec::new();
    let mut unchanged = 0;
    for row in &open {
        let overdue = followup::past_due(&row.due, &today);
        let before: Option<(String, bool)> = last
            .query_row([row.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match before {
            Some((status, was)) if status == row.status && (was || !overdue) => unchanged += 1,
            Some((status, _)) => quoted.push((row, overdue, status != row.status)),
            None => quoted.push((row, overdue, true)),
        }
    }
    quoted.extend(closed.iter().map(|r| (r, false, true)));
    let list: Vec<OpenAction<'_>> = quoted
        .iter()
        .map(|(r, overdue, _)| OpenAction {
            meeting_date: &r.date,
            item_title: &r.title,
            what: &r.what,
            who: &r.who,
            due: &r.due,
            overdue: *overdue,
            status: &r.status,
        })
        .collect();
    let text = followup::proposal(lang, &list, unchanged);
    let title = followup::title(lang);
    tx.execute(
        "INSERT INTO agenda_items (meeting_id, position, title, category, rule, created_at)
         VALUES (?1, 1, ?2, 'followup', 'no_vote', ?3)",
        params![meeting, title, now()],
    )?;
    let item = ItemId(tx.last_insert_rowid());
    tx.execute(
        "INSERT INTO proposal_revisions (item_id, rev, text, at) VALUES (?1, 1, ?2, ?3)",
        params![item, text, now()],
    )?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO followup_actions (item_id, action_id, position, status, overdue, changed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (pos, (r, overdue, changed)) in quoted.iter().enumerate() {
        ins.execute(params![
            item,
            r.id,
            pos as i64 + 1,
            r.status,
            overdue,
            changed
        ])?;
    }
    crate::store::search::index_text(tx, meeting, "proposal", item.0, &format!("{title}\n{text}"))?;
    Ok(())
}

/// An action item of an earlier meeting, with where it was decided.
struct ActionRow {
    date: String,
    title: String,
    what: String,
    who: String,
    due: String,
    id: i64,
    status: String,
}

/// The community's action items of meetings other than `meeting` that meet `cond`
/// (a fixed condition on `a`, never user input), oldest decision first.
fn community_actions(
    tx: &rusqlite::Transaction<'_>,
    community: CommunityId,
    meeting: MeetingId,
    cond: &str,
) -> Result<Vec<ActionRow>> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT m.starts_at, i.title, a.what, a.who, a.due, a.id, a.status FROM action_items a
         JOIN agenda_items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
         WHERE m.community_id = ?1 AND m.id <> ?2 AND {cond}
         ORDER BY m.starts_at, a.id"
    ))?;
    let rows = st.query_map(params![community, meeting], |r| {
        Ok(ActionRow {
            date: r.get(0)?,
            title: r.get(1)?,
            what: r.get(2)?,
            who: r.get(3)?,
            due: r.get(4)?,
            id: r.get(5)?,
            status: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Add a revision if the text differs from the current one.
pub(crate) fn add_revision(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    item: ItemId,
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
    crate::store::search::unindex(tx, meeting, "proposal", item.0)?;
    crate::store::search::index_text(tx, meeting, "proposal", item.0, &format!("{title}\n{text}"))?;
    Ok(true)
}
