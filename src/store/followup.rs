//! What a meeting's records gain besides the typed input: the follow-up item that opens
//! a community's next meeting (the open action items of its earlier meetings, written by
//! domain::followup, and which action items it follows and where each stood then:
//! `followup_actions`, schema v8), and the revisions of a proposal.

use rusqlite::{OptionalExtension, params};

use super::{Result, now};

/// A new meeting opens with the community's open action items of earlier meetings, as an
/// item without a vote whose discussion is recorded like any other. The item also
/// records which action items it follows and where each stood (`followup_actions`).
pub(crate) fn add_followup(
    tx: &rusqlite::Transaction<'_>,
    community: i64,
    meeting: i64,
    lang: &str,
) -> Result<()> {
    use crate::domain::followup::{self, OpenAction};
    let mut st = tx.prepare_cached(
        "SELECT m.starts_at, i.title, a.what, a.who, a.due, a.id, a.status FROM action_items a
         JOIN agenda_items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
         WHERE m.community_id = ?1 AND m.id <> ?2 AND a.status IN ('open', 'doing')
         ORDER BY m.starts_at, a.id",
    )?;
    type OpenRow = (String, String, String, String, String, i64, String);
    let rows: Vec<OpenRow> = st
        .query_map(params![community, meeting], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if rows.is_empty() {
        return Ok(());
    }
    let today = super::actions::today();
    let open: Vec<OpenAction<'_>> = rows
        .iter()
        .map(|(d, t, w, who, due, _, _)| OpenAction {
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
    let mut followed: Vec<(i64, String, bool)> = rows
        .iter()
        .map(|(_, _, _, _, due, id, status)| (*id, status.clone(), followup::past_due(due, &today)))
        .collect();
    followed.extend(closed_since_last_followup(tx, community, item)?);
    record_followed(tx, item, &followed)?;
    super::search::index_text(tx, meeting, "proposal", item, &format!("{title}\n{text}"))?;
    Ok(())
}

/// The action items the community's previous follow-up item followed as open or in
/// progress that are done or dropped now: (id, status, overdue = false).
fn closed_since_last_followup(
    tx: &rusqlite::Transaction<'_>,
    community: i64,
    item: i64,
) -> Result<Vec<(i64, String, bool)>> {
    let mut st = tx.prepare_cached(
        "SELECT f.action_id, a.status FROM followup_actions f
         JOIN action_items a ON a.id = f.action_id
         WHERE f.item_id = (SELECT max(i.id) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                            WHERE m.community_id = ?1 AND i.category = 'followup' AND i.id <> ?2)
           AND f.status IN ('open', 'doing') AND a.status IN ('done', 'dropped')
         ORDER BY f.position",
    )?;
    let rows = st.query_map(params![community, item], |r| {
        Ok((r.get(0)?, r.get(1)?, false))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Store what a follow-up item follows, each with whether its status changed since the
/// last follow-up that quoted it (or it was never quoted).
fn record_followed(
    tx: &rusqlite::Transaction<'_>,
    item: i64,
    followed: &[(i64, String, bool)],
) -> Result<()> {
    let mut last = tx.prepare_cached(
        "SELECT status FROM followup_actions WHERE action_id = ?1 ORDER BY item_id DESC LIMIT 1",
    )?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO followup_actions (item_id, action_id, position, status, overdue, changed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (pos, (action, status, overdue)) in followed.iter().enumerate() {
        let before: Option<String> = last.query_row([action], |r| r.get(0)).optional()?;
        let changed = before.as_deref() != Some(status.as_str());
        ins.execute(params![
            item,
            action,
            pos as i64 + 1,
            status,
            overdue,
            changed
        ])?;
    }
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
