//! Loading a meeting's complete record (domain::record) from the tables.

use rusqlite::params;

use crate::domain::record::{
    ActionRecord, AddendumRecord, ItemRecord, MeetingRecord, Remark, Revision, VoteRecord,
};
use crate::store::Store;
use crate::store::common::{presence_events, rule_from_db};
use crate::store::error::{Result, StoreError};
use crate::store::ids::{ItemId, MeetingId};
use crate::store::items::ItemRow;

impl Store {
    /// Everything the minutes say about a meeting, in a fixed order (same records, same
    /// record).
    pub fn meeting_record(&self, id: MeetingId) -> Result<MeetingRecord> {
        let m = self.meeting(id)?;
        let conn = self.conn();
        let (opened_at, adjourned_at): (Option<String>, Option<String>) = conn
            .prepare_cached("SELECT opened_at, adjourned_at FROM meetings WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let items = self
            .items(id)?
            .into_iter()
            .map(|it| self.item_record(it))
            .collect::<Result<Vec<_>>>()?;
        let addenda = addenda(conn, id)?;
        Ok(MeetingRecord {
            uid: m.uid,
            community: m.community,
            kind: m.kind,
            electorate: m.electorate,
            title: m.title,
            starts_at: m.starts_at,
            venue: m.venue,
            host: m.host,
            secretary: m.secretary,
            language: m.language,
            status: m.status,
            opened_at,
            adjourned_at,
            summary: m.summary,
            presence: presence_events(conn, id)?,
            items,
            addenda,
            form: crate::store::written::close::form_facts(conn, id)?,
        })
    }

    /// One item as the minutes show it: its revisions, remarks, vote (with the rule as
    /// it stood when the vote closed), actions and source.
    fn item_record(&self, it: ItemRow) -> Result<ItemRecord> {
        let conn = self.conn();
        let vote = self.vote_record(it.id)?;
        let rule = match conn
            .prepare_cached("SELECT rule FROM vote_closures WHERE item_id = ?1")?
            .query_row([it.id], |r| r.get::<_, String>(0))
        {
            // The rule as it stood when the vote closed.
            Ok(params) => rule_from_db(it.rule.kind.code(), &params)?,
            Err(rusqlite::Error::QueryReturnedNoRows) => it.rule.clone(),
            Err(e) => return Err(StoreError::from(e)),
        };
        let actions = self
            .actions(it.id)?
            .into_iter()
            .map(|a| ActionRecord {
                what: a.what,
                who: a.who,
                due: a.due,
            })
            .collect();
        Ok(ItemRecord {
            id: it.id.0,
            position: it.position,
            revisions: revisions(conn, it.id)?,
            remarks: remarks(conn, it.id)?,
            civic: crate::store::suggestions::item_civic(conn, it.id)?,
            title: it.title,
            category: it.category,
            proposer: it.proposer,
            scope: it.scope,
            rule,
            status: it.status,
            added_late: it.added_late,
            vote,
            actions,
        })
    }

    /// The item's vote, if one was started: its ballots and, once closed, the outcome.
    fn vote_record(&self, item: ItemId) -> Result<Option<VoteRecord>> {
        let ballots = self.ballots(item)?;
        if ballots.is_empty() {
            return Ok(None);
        }
        let closure = self.closure(item)?;
        let opened: String = self
            .conn()
            .prepare_cached("SELECT coalesce(vote_opened_at, '') FROM agenda_items WHERE id = ?1")?
            .query_row([item], |r| r.get(0))?;
        Ok(Some(VoteRecord {
            opened_at: opened,
            closed_at: closure.as_ref().map(|c| c.1.clone()),
            ballots,
            outcome: closure.map(|c| c.2),
        }))
    }
}

fn revisions(conn: &rusqlite::Connection, item: ItemId) -> Result<Vec<Revision>> {
    let mut st = conn.prepare_cached(
        "SELECT rev, text, at FROM proposal_revisions WHERE item_id = ?1 ORDER BY rev",
    )?;
    let rows = st.query_map([item], |r| {
        Ok(Revision {
            rev: r.get(0)?,
            text: r.get(1)?,
            at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The remarks heard (a speaker still waiting, never heard, is not in the record).
fn remarks(conn: &rusqlite::Connection, item: ItemId) -> Result<Vec<Remark>> {
    let mut st = conn.prepare_cached(
        "SELECT speaker, text, coalesce(at, queued_at) FROM remarks
         WHERE item_id = ?1 AND state = 'done' AND text <> '' ORDER BY id",
    )?;
    let rows = st.query_map([item], |r| {
        Ok(Remark {
            speaker: r.get(0)?,
            text: r.get(1)?,
            at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn addenda(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<Vec<AddendumRecord>> {
    let mut st =
        conn.prepare_cached("SELECT id, text, at FROM addenda WHERE meeting_id = ?1 ORDER BY id")?;
    let rows = st.query_map(params![meeting], |r| {
        Ok(AddendumRecord {
            id: r.get(0)?,
            text: r.get(1)?,
            at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
