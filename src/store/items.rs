//! A meeting's agenda items: reading them, adding, editing, amending the proposal,
//! reordering and removing (while the meeting allows it).

use rusqlite::{OptionalExtension, Row, params};

use crate::domain::model::{Category, ItemStatus, MeetingStatus, Scope, ScopeKind};
use crate::domain::rules::{Rule, RuleKind};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::columns::known;
use crate::store::common::item_meeting;
use crate::store::common::{require_status, rule_from_db, rule_params};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::followup::add_revision;
use crate::store::ids::{ItemId, MeetingId, VoterId};
use crate::store::refusal::Refusal;
use crate::store::{Store, audit, now};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: ItemId,
    pub meeting_id: MeetingId,
    pub position: i64,
    pub title: String,
    pub category: Category,
    pub proposer: String,
    pub scope: Scope,
    pub rule: Rule,
    pub status: ItemStatus,
    pub added_late: bool,
    pub proposal: String,
    pub revisions: i64,
    pub current_voter: Option<VoterId>,
}

/// What the host types to add or edit an agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInput {
    pub title: String,
    pub category: Category,
    pub proposer: String,
    pub proposal: String,
    pub scope: Scope,
    pub rule: Rule,
}

const ITEM_COLS: &str = "i.id, i.meeting_id, i.position, i.title, i.category, i.proposer,
    i.scope_kind, i.scope_building, i.scope_unit, i.rule, i.rule_params, i.status, i.added_late,
    coalesce((SELECT text FROM proposal_revisions p WHERE p.item_id = i.id ORDER BY rev DESC LIMIT 1), ''),
    (SELECT count(*) FROM proposal_revisions p WHERE p.item_id = i.id), i.current_voter,
    EXISTS (SELECT 1 FROM not_taken_up n WHERE n.item_id = i.id)";

fn item_from(r: &Row<'_>) -> rusqlite::Result<ItemRow> {
    let category: String = r.get(4)?;
    let scope_kind: String = r.get(6)?;
    let rule: String = r.get(9)?;
    let params: String = r.get(10)?;
    Ok(ItemRow {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        title: r.get(3)?,
        category: known(Category::from_db(&category), &category)?,
        proposer: r.get(5)?,
        scope: Scope {
            kind: known(ScopeKind::from_db(&scope_kind), &scope_kind)?,
            building: r.get(7)?,
            unit: r.get(8)?,
        },
        rule: rule_from_db(&rule, &params)?,
        // An item never taken up is stored 'closed' and in not_taken_up (schema v5).
        status: if r.get::<_, bool>(16)? {
            ItemStatus::NotTakenUp
        } else {
            r.get(11)?
        },
        added_late: r.get::<_, i64>(12)? != 0,
        proposal: r.get(13)?,
        revisions: r.get(14)?,
        current_voter: r.get(15)?,
    })
}

fn check_item(i: &ItemInput) -> Result<ItemInput> {
    let title = clean_line(&i.title).trim().to_string();
    if title.is_empty() {
        return Err(refuse(Refusal::ItemNeedsTitle));
    }
    if let RuleKind::Custom(c) = &i.rule.kind {
        c.validate().map_err(|_| refuse(Refusal::BadCustomRule))?;
    }
    let scope = Scope {
        kind: i.scope.kind,
        building: clean_line(&i.scope.building).trim().to_string(),
        unit: clean_line(&i.scope.unit).trim().to_string(),
    };
    if matches!(scope.kind, ScopeKind::Building | ScopeKind::Unit) && scope.building.is_empty() {
        return Err(refuse(Refusal::BuildingScopeNeedsBuilding));
    }
    if scope.kind == ScopeKind::Unit && scope.unit.is_empty() {
        return Err(refuse(Refusal::UnitScopeNeedsUnit));
    }
    Ok(ItemInput {
        title,
        category: i.category,
        proposer: clean_line(&i.proposer),
        proposal: clean_multiline(&i.proposal),
        scope,
        rule: i.rule.clone(),
    })
}

impl Store {
    pub fn items(&self, meeting: MeetingId) -> Result<Vec<ItemRow>> {
        let sql = format!(
            "SELECT {ITEM_COLS} FROM agenda_items i WHERE i.meeting_id = ?1 ORDER BY i.position, i.id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([meeting], item_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn item(&self, id: ItemId) -> Result<ItemRow> {
        let sql = format!("SELECT {ITEM_COLS} FROM agenda_items i WHERE i.id = ?1");
        self.conn()
            .query_row(&sql, [id], item_from)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("agenda item {id}")))
    }

    /// Add an item at the end of the agenda; once the meeting is open it is marked as not
    /// on the published agenda.
    pub fn add_item(&mut self, meeting: MeetingId, i: &ItemInput) -> Result<ItemId> {
        let i = check_item(i)?;
        self.write(|tx| {
            let status = require_status(tx, meeting, &[MeetingStatus::Draft, MeetingStatus::Open])?;
            let pos: i64 = tx.query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1",
                [meeting],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO agenda_items (meeting_id, position, title, category, proposer, scope_kind,
                    scope_building, scope_unit, rule, rule_params, added_late, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    meeting, pos, i.title, i.category.as_db(), i.proposer, i.scope.kind.as_db(),
                    i.scope.building, i.scope.unit, i.rule.kind.code(), rule_params(&i.rule),
                    status == MeetingStatus::Open, now()
                ],
            )?;
            let id = ItemId(tx.last_insert_rowid());
            tx.execute(
                "INSERT INTO proposal_revisions (item_id, rev, text, at) VALUES (?1, 1, ?2, ?3)",
                params![id, i.proposal, now()],
            )?;
            crate::store::search::index_text(tx, meeting, "proposal", id.0, &format!("{}\n{}", i.title, i.proposal))?;
            audit(tx, Some(meeting), "item_add", &i.title)?;
            Ok(id)
        })
    }

    /// Edit an item that has not been voted on. A changed proposal text becomes a new
    /// revision (the old one is kept).
    pub fn update_item(&mut self, id: ItemId, i: &ItemInput) -> Result<()> {
        let i = check_item(i)?;
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, id)?;
            require_status(tx, meeting, &[MeetingStatus::Draft, MeetingStatus::Open])?;
            if matches!(status, ItemStatus::Voting | ItemStatus::Closed) {
                return Err(refuse(Refusal::ItemAlreadyVoted));
            }
            tx.execute(
                "UPDATE agenda_items SET title = ?2, category = ?3, proposer = ?4, scope_kind = ?5,
                    scope_building = ?6, scope_unit = ?7, rule = ?8, rule_params = ?9 WHERE id = ?1",
                params![
                    id, i.title, i.category.as_db(), i.proposer, i.scope.kind.as_db(), i.scope.building,
                    i.scope.unit, i.rule.kind.code(), rule_params(&i.rule)
                ],
            )?;
            add_revision(tx, meeting, id, &i.proposal)?;
            audit(tx, Some(meeting), "item_edit", &i.title)?;
            Ok(())
        })
    }

    /// Amend the proposal text before the vote: a new revision, the old ones kept.
    pub fn amend_proposal(&mut self, item: ItemId, text: &str) -> Result<bool> {
        let text = clean_multiline(text);
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, item)?;
            require_status(tx, meeting, &[MeetingStatus::Draft, MeetingStatus::Open])?;
            if matches!(status, ItemStatus::Voting | ItemStatus::Closed) {
                return Err(refuse(Refusal::AmendAfterVote));
            }
            let changed = add_revision(tx, meeting, item, &text)?;
            if changed {
                audit(tx, Some(meeting), "proposal_amend", &item.to_string())?;
            }
            Ok(changed)
        })
    }

    /// Move an item one place up (-1) or down (+1) in a draft agenda.
    pub fn move_item(&mut self, id: ItemId, delta: i64) -> Result<()> {
        self.write(|tx| {
            let (meeting, pos): (MeetingId, i64) = tx.query_row(
                "SELECT meeting_id, position FROM agenda_items WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            require_status(tx, meeting, &[MeetingStatus::Draft])?;
            let other: Option<(i64, i64)> = tx
                .query_row(
                    if delta < 0 {
                        "SELECT id, position FROM agenda_items WHERE meeting_id = ?1 AND position < ?2 ORDER BY position DESC LIMIT 1"
                    } else {
                        "SELECT id, position FROM agenda_items WHERE meeting_id = ?1 AND position > ?2 ORDER BY position ASC LIMIT 1"
                    },
                    params![meeting, pos],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((oid, opos)) = other {
                tx.execute("UPDATE agenda_items SET position = ?2 WHERE id = ?1", params![id, opos])?;
                tx.execute("UPDATE agenda_items SET position = ?2 WHERE id = ?1", params![oid, pos])?;
                audit(tx, Some(meeting), "item_move", &id.to_string())?;
            }
            Ok(())
        })
    }

    /// Remove an item from a draft agenda (with its revisions); an open meeting's items
    /// are withdrawn instead, so the minutes still show them.
    pub fn remove_item(&mut self, id: ItemId) -> Result<()> {
        self.write(|tx| {
            let meeting: MeetingId = tx.query_row("SELECT meeting_id FROM agenda_items WHERE id = ?1", [id], |r| r.get(0))?;
            let status = require_status(tx, meeting, &[MeetingStatus::Draft, MeetingStatus::Open])?;
            if status == MeetingStatus::Draft {
                tx.execute("DELETE FROM proposal_revisions WHERE item_id = ?1", [id])?;
                tx.execute("DELETE FROM followup_actions WHERE item_id = ?1", [id])?;
                crate::store::suggestions::forget_item(tx, id)?;
                crate::store::search::unindex(tx, meeting, "proposal", id.0)?;
                tx.execute("DELETE FROM agenda_items WHERE id = ?1", [id])?;
                audit(tx, Some(meeting), "item_remove", &id.to_string())?;
            } else {
                let n = tx.execute(
                    "UPDATE agenda_items SET status = 'withdrawn' WHERE id = ?1 AND status IN ('pending', 'discussing')",
                    [id],
                )?;
                if n == 0 {
                    return Err(refuse(Refusal::WithdrawVotedItem));
                }
                audit(tx, Some(meeting), "item_withdraw", &id.to_string())?;
            }
            Ok(())
        })
    }
}
