//! An item's cost plan (费用分摊): saved with its allocation over the units of
//! the item's scope as computed then, so the minutes print and sign what was shown
//! before the vote.

use rusqlite::{OptionalExtension, params};

use crate::domain::cost::{
    CostError, CostPlan, FixedShare, FloorCoef, Payer, ShareMethod, allocate, floor_of,
};
use crate::domain::model::{Scope, ScopeKind};
use crate::domain::suggestions::ItemCost;
use crate::domain::text::clean_line;
use crate::store::columns::known;

use crate::domain::model::ItemStatus;
use crate::store::common::item_meeting;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, ItemId};
use crate::store::refusal::Refusal;
use crate::store::refusal::suggestions::SuggestionRefusal;
use crate::store::{Store, audit};

fn cost_refusal(e: CostError) -> StoreError {
    refuse(match e {
        CostError::Total => SuggestionRefusal::CostTotal,
        CostError::Fixed => SuggestionRefusal::CostFixed,
        CostError::Weight => SuggestionRefusal::CostWeight,
        CostError::NoPayer => SuggestionRefusal::CostNoPayer,
    })
}

/// The units of an item's scope with their holders, in roster order (the voter's
/// position, then the unit's). A council item is paid by every unit of the community.
fn payers(conn: &rusqlite::Connection, item: ItemId) -> Result<Vec<Payer>> {
    let (community, kind, building, unit): (CommunityId, String, String, String) = conn
        .query_row(
            "SELECT m.community_id, i.scope_kind, i.scope_building, i.scope_unit
             FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("agenda item {item}")))?;
    let kind = known(ScopeKind::from_db(&kind), &kind)?;
    let scope = Scope {
        kind: if kind == ScopeKind::Council {
            ScopeKind::All
        } else {
            kind
        },
        building,
        unit,
    };
    let mut st = conn.prepare_cached(
        "SELECT u.label, v.name, u.area_centi, u.building, u.unit FROM units u
         JOIN holdings h ON h.unit_id = u.id JOIN voters v ON v.id = h.voter_id
         WHERE u.community_id = ?1 ORDER BY v.position, v.id, u.id",
    )?;
    let mut rows = st.query([community])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let (label, name, area, b, u): (String, String, i64, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        if scope.contains(&b, &u) {
            out.push(Payer {
                floor: floor_of(&label),
                label,
                name,
                area_centi: area,
            });
        }
    }
    Ok(out)
}

pub(crate) fn write_cost(tx: &rusqlite::Connection, item: ItemId, c: &ItemCost) -> Result<()> {
    tx.execute(
        "INSERT INTO cost_plans (item_id, total_fen, fixed, method, coefs)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            item,
            c.plan.total_fen,
            serde_json::to_string(&c.plan.fixed).unwrap_or_else(|_| "[]".into()),
            c.plan.method.as_db(),
            serde_json::to_string(&c.plan.coefs).unwrap_or_else(|_| "[]".into())
        ],
    )?;
    for (i, s) in c.shares.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cost_shares (item_id, position, label, name, area_centi, floor, fen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            item,
            i as i64 + 1,
            s.label,
            s.name,
            s.area_centi,
            s.floor,
            s.fen
        ])?;
    }
    Ok(())
}

pub(crate) fn item_cost(conn: &rusqlite::Connection, item: ItemId) -> Result<Option<ItemCost>> {
    let plan = conn
        .prepare_cached(
            "SELECT total_fen, fixed, method, coefs FROM cost_plans WHERE item_id = ?1",
        )?
        .query_row([item], |r| {
            let fixed: String = r.get(1)?;
            let method: String = r.get(2)?;
            let coefs: String = r.get(3)?;
            Ok(CostPlan {
                total_fen: r.get(0)?,
                fixed: serde_json::from_str::<Vec<FixedShare>>(&fixed).unwrap_or_default(),
                method: known(ShareMethod::from_db(&method), &method)?,
                coefs: serde_json::from_str::<Vec<FloorCoef>>(&coefs).unwrap_or_default(),
            })
        })
        .optional()?;
    let Some(plan) = plan else {
        return Ok(None);
    };
    let mut st = conn.prepare_cached(
        "SELECT label, name, area_centi, floor, fen FROM cost_shares WHERE item_id = ?1
         ORDER BY position",
    )?;
    let shares = st
        .query_map([item], |r| {
            Ok(crate::domain::cost::UnitShare {
                label: r.get(0)?,
                name: r.get(1)?,
                area_centi: r.get(2)?,
                floor: r.get(3)?,
                fen: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(ItemCost { plan, shares }))
}

impl Store {
    /// The item's cost plan as saved, with its allocation.
    pub fn cost_plan(&self, item: ItemId) -> Result<Option<ItemCost>> {
        item_cost(self.conn(), item)
    }

    /// The allocation `plan` would give over the item's scope now (the form's preview).
    pub fn preview_cost(&self, item: ItemId, plan: &CostPlan) -> Result<ItemCost> {
        let payers = payers(self.conn(), item)?;
        let shares = allocate(plan, &payers).map_err(cost_refusal)?;
        Ok(ItemCost {
            plan: plan.clone(),
            shares,
        })
    }

    /// Save (or with None, remove) an item's cost plan, allocated over its scope's units
    /// as they are now. Refused once the item's vote has started.
    pub fn set_cost_plan(&mut self, item: ItemId, plan: Option<&CostPlan>) -> Result<()> {
        let plan = plan.map(|p| CostPlan {
            fixed: p
                .fixed
                .iter()
                .map(|f| FixedShare {
                    party: clean_line(&f.party).trim().to_string(),
                    fen: f.fen,
                })
                .collect(),
            ..p.clone()
        });
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, item)?;
            crate::store::common::require_status(
                tx,
                meeting,
                &[
                    crate::domain::model::MeetingStatus::Draft,
                    crate::domain::model::MeetingStatus::Open,
                ],
            )?;
            if matches!(status, ItemStatus::Voting | ItemStatus::Closed) {
                return Err(refuse(Refusal::ItemAlreadyVoted));
            }
            tx.execute("DELETE FROM cost_shares WHERE item_id = ?1", [item])?;
            tx.execute("DELETE FROM cost_plans WHERE item_id = ?1", [item])?;
            if let Some(plan) = &plan {
                let payers = payers(tx, item)?;
                let shares = allocate(plan, &payers).map_err(cost_refusal)?;
                write_cost(
                    tx,
                    item,
                    &ItemCost {
                        plan: plan.clone(),
                        shares,
                    },
                )?;
            }
            audit(tx, Some(meeting), "cost_plan", &item.to_string())
        })
    }
}
