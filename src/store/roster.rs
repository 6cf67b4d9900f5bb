//! Communities, units, voters, holdings and councils.

use crate::store::columns::known;
use crate::store::refusal::Refusal;
use rusqlite::{OptionalExtension, params};

use crate::domain::model::{CouncilKind, VoterKind};
use crate::domain::roster_csv::RosterRow;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, UnitId, VoterId};
use crate::store::{Store, audit, now};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Community {
    pub id: CommunityId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub id: UnitId,
    pub label: String,
    pub building: String,
    pub unit: String,
    pub area_centi: i64,
}

/// A voter with the units they hold (roster order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoterRow {
    pub id: VoterId,
    pub position: i64,
    pub name: String,
    pub kind: VoterKind,
    pub roles: String,
    pub phone: String,
    pub units: Vec<UnitRow>,
    /// Council memberships: (council kind, role).
    pub councils: Vec<(CouncilKind, String)>,
}

impl VoterRow {
    pub fn area(&self) -> i64 {
        self.units.iter().map(|u| u.area_centi).sum()
    }
}

/// What the user typed to add or change a voter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoterInput {
    pub name: String,
    pub kind: Option<VoterKind>,
    pub roles: String,
    pub phone: String,
}

fn council_name(kind: CouncilKind) -> &'static str {
    match kind {
        CouncilKind::ResidentsCouncil => "居民议事会",
        CouncilKind::OwnersCommittee => "业主委员会",
        CouncilKind::PartyBranch => "党支部",
        CouncilKind::Supervisory => "监督委员会",
    }
}

pub(crate) fn community_id(tx: &rusqlite::Connection, name: &str) -> Result<CommunityId> {
    if let Some(id) = tx
        .query_row("SELECT id FROM communities WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO communities (name, created_at) VALUES (?1, ?2)",
        params![name, now()],
    )?;
    Ok(CommunityId(tx.last_insert_rowid()))
}

pub(crate) fn council_id(
    tx: &rusqlite::Connection,
    community: CommunityId,
    kind: CouncilKind,
) -> Result<i64> {
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM councils WHERE community_id = ?1 AND kind = ?2",
            params![community, kind.as_db()],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO councils (community_id, kind, name) VALUES (?1, ?2, ?3)",
        params![community, kind.as_db(), council_name(kind)],
    )?;
    Ok(tx.last_insert_rowid())
}

fn next_position(tx: &rusqlite::Connection, community: CommunityId) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM voters WHERE community_id = ?1",
        [community],
        |r| r.get(0),
    )?)
}

impl Store {
    pub fn communities(&self) -> Result<Vec<Community>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT id, name FROM communities ORDER BY id")?;
        let rows = st.query_map([], |r| {
            Ok(Community {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn community_by_name(&self, name: &str) -> Result<Option<Community>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, name FROM communities WHERE name = ?1",
                [name],
                |r| {
                    Ok(Community {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Import parsed roster rows into a community (created if new), all or nothing.
    /// Returns (voters added, units added).
    pub fn import_roster(&mut self, community: &str, rows: &[RosterRow]) -> Result<(usize, usize)> {
        // Text from a file is cleaned as typed text is (the CSV parser also refuses such
        // cells; rows may come from elsewhere).
        let rows: &[RosterRow] = &rows
            .iter()
            .map(crate::domain::signing::clean_bundle::clean_roster_row)
            .collect::<Vec<_>>();
        let community = crate::domain::text::clean_line(community)
            .trim()
            .to_string();
        self.write(|tx| {
            let cid = community_id(tx, &community)?;
            let mut voters = 0;
            let mut units = 0;
            for row in rows {
                let existing: Option<(i64, String)> = tx
                    .query_row(
                        "SELECT id, kind FROM voters WHERE community_id = ?1 AND name = ?2",
                        params![cid, row.owner],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let vid = match existing {
                    Some((id, kind)) if kind == row.kind.as_db() => id,
                    Some(_) => {
                        return Err(refuse(Refusal::CsvOtherKind { line: row.line, owner: row.owner.clone() }));
                    }
                    None => {
                        let pos = next_position(tx, cid)?;
                        tx.execute(
                            "INSERT INTO voters (community_id, position, name, kind, roles, phone)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            params![cid, pos, row.owner, row.kind.as_db(), row.roles, row.phone],
                        )?;
                        voters += 1;
                        tx.last_insert_rowid()
                    }
                };
                if !row.label.is_empty() {
                    let dup: Option<i64> = tx
                        .query_row(
                            "SELECT id FROM units WHERE community_id = ?1 AND label = ?2",
                            params![cid, row.label],
                            |r| r.get(0),
                        )
                        .optional()?;
                    if dup.is_some() {
                        return Err(refuse(Refusal::CsvUnitTaken { line: row.line, unit: row.label.clone(), community: community.to_string() }));
                    }
                    tx.execute(
                        "INSERT INTO units (community_id, label, building, unit, area_centi)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![cid, row.label, row.building, row.unit, row.area_centi],
                    )?;
                    let uid = tx.last_insert_rowid();
                    tx.execute("INSERT INTO holdings (unit_id, voter_id) VALUES (?1, ?2)", params![uid, vid])?;
                    units += 1;
                }
                if let Some(kind) = row.council {
                    let council = council_id(tx, cid, kind)?;
                    tx.execute(
                        "INSERT OR REPLACE INTO council_members (council_id, voter_id, role) VALUES (?1, ?2, ?3)",
                        params![council, vid, row.council_role],
                    )?;
                }
            }
            audit(tx, None, "roster_import", &format!("{community}: {voters} voters, {units} units"))?;
            Ok((voters, units))
        })
    }

    /// The roster of a community in roster order, with units and council memberships.
    pub fn voters(&self, community: CommunityId) -> Result<Vec<VoterRow>> {
        let conn = self.conn();
        let mut st = conn.prepare_cached(
            "SELECT id, position, name, kind, roles, phone FROM voters
             WHERE community_id = ?1 ORDER BY position, id",
        )?;
        let mut voters: Vec<VoterRow> = st
            .query_map([community], |r| {
                let kind: String = r.get(3)?;
                Ok(VoterRow {
                    id: r.get(0)?,
                    position: r.get(1)?,
                    name: r.get(2)?,
                    kind: known(VoterKind::from_db(&kind), &kind)?,
                    roles: r.get(4)?,
                    phone: r.get(5)?,
                    units: Vec::new(),
                    councils: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index: std::collections::HashMap<VoterId, usize> =
            voters.iter().enumerate().map(|(i, v)| (v.id, i)).collect();
        let mut st = conn.prepare_cached(
            "SELECT h.voter_id, u.id, u.label, u.building, u.unit, u.area_centi
             FROM units u JOIN holdings h ON h.unit_id = u.id
             WHERE u.community_id = ?1 ORDER BY u.building, u.unit, u.label",
        )?;
        let mut rows = st.query([community])?;
        while let Some(r) = rows.next()? {
            let vid: VoterId = r.get(0)?;
            if let Some(&i) = index.get(&vid) {
                voters[i].units.push(UnitRow {
                    id: r.get(1)?,
                    label: r.get(2)?,
                    building: r.get(3)?,
                    unit: r.get(4)?,
                    area_centi: r.get(5)?,
                });
            }
        }
        let mut st = conn.prepare_cached(
            "SELECT m.voter_id, c.kind, m.role FROM council_members m
             JOIN councils c ON c.id = m.council_id WHERE c.community_id = ?1",
        )?;
        let mut rows = st.query([community])?;
        while let Some(r) = rows.next()? {
            let vid: VoterId = r.get(0)?;
            let kind: String = r.get(1)?;
            if let (Some(&i), Some(kind)) = (index.get(&vid), CouncilKind::from_db(&kind)) {
                voters[i].councils.push((kind, r.get(2)?));
            }
        }
        Ok(voters)
    }

    /// Add a voter at the end of the roster.
    pub fn add_voter(&mut self, community: CommunityId, v: &VoterInput) -> Result<VoterId> {
        let v = checked(v)?;
        self.write(|tx| {
            let pos = next_position(tx, community)?;
            tx.execute(
                "INSERT INTO voters (community_id, position, name, kind, roles, phone)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    community,
                    pos,
                    v.name,
                    v.kind.unwrap_or(VoterKind::Person).as_db(),
                    v.roles,
                    v.phone
                ],
            )
            .map_err(|e| unique_to_invalid(e, &v.name))?;
            let id = VoterId(tx.last_insert_rowid());
            audit(tx, None, "voter_add", &v.name)?;
            Ok(id)
        })
    }

    pub fn update_voter(&mut self, voter: VoterId, v: &VoterInput) -> Result<()> {
        let v = checked(v)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE voters SET name = ?2, kind = coalesce(?3, kind), roles = ?4, phone = ?5 WHERE id = ?1",
                params![voter, v.name, v.kind.map(|k| k.as_db()), v.roles, v.phone],
            )
            .map_err(|e| unique_to_invalid(e, &v.name))?;
            audit(tx, None, "voter_edit", &v.name)?;
            Ok(())
        })
    }

    /// Add a unit held by `voter` (label unique in the community).
    pub fn add_unit(
        &mut self,
        voter: VoterId,
        label: &str,
        building: &str,
        unit: &str,
        area_centi: i64,
    ) -> Result<UnitId> {
        let label = crate::domain::text::clean_line(label).trim().to_string();
        if label.is_empty() {
            return Err(refuse(Refusal::UnitNeedsLabel));
        }
        if !(0..=crate::domain::roster_csv::MAX_AREA_CENTI).contains(&area_centi) {
            return Err(refuse(Refusal::AreaOutOfRange));
        }
        let building = crate::domain::text::clean_line(building);
        let unit = crate::domain::text::clean_line(unit);
        self.write(|tx| {
            let cid = voter_community(tx, voter)?;
            tx.execute(
                "INSERT INTO units (community_id, label, building, unit, area_centi) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![cid, label, building, unit, area_centi],
            )
            .map_err(|e| unique_to_invalid(e, &label))?;
            let id = UnitId(tx.last_insert_rowid());
            tx.execute("INSERT INTO holdings (unit_id, voter_id) VALUES (?1, ?2)", params![id, voter])?;
            audit(tx, None, "unit_add", &label)?;
            Ok(id)
        })
    }

    /// Move a unit (by its label) to `voter`: a sale, or units brought under one owner.
    pub fn transfer_unit(&mut self, voter: VoterId, label: &str) -> Result<()> {
        let label = crate::domain::text::clean_line(label).trim().to_string();
        self.write(|tx| {
            let cid = voter_community(tx, voter)?;
            let unit: Option<i64> = tx
                .query_row(
                    "SELECT id FROM units WHERE community_id = ?1 AND label = ?2",
                    params![cid, label],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(unit) = unit else {
                return Err(StoreError::NotFound(format!("unit {label}")));
            };
            tx.execute(
                "INSERT INTO holdings (unit_id, voter_id) VALUES (?1, ?2)
                 ON CONFLICT (unit_id) DO UPDATE SET voter_id = excluded.voter_id",
                params![unit, voter],
            )?;
            audit(tx, None, "unit_transfer", &format!("{label} -> {voter}"))?;
            Ok(())
        })
    }

    /// Make `voter` a member of the community's council of `kind` with `role`.
    pub fn set_council_member(
        &mut self,
        voter: VoterId,
        kind: CouncilKind,
        role: &str,
    ) -> Result<()> {
        let role = crate::domain::text::clean_line(role);
        self.write(|tx| {
            let cid = voter_community(tx, voter)?;
            let council = council_id(tx, cid, kind)?;
            tx.execute(
                "INSERT OR REPLACE INTO council_members (council_id, voter_id, role) VALUES (?1, ?2, ?3)",
                params![council, voter, role],
            )?;
            audit(tx, None, "council_member", &role)?;
            Ok(())
        })
    }
}

fn checked(v: &VoterInput) -> Result<VoterInput> {
    use crate::domain::text::clean_line;
    use crate::domain::text::names;
    // The CSV's rule for typed names too: nothing invisible, one spelling (NFC), and
    // the schema's length checked here with a sentence rather than by a CHECK.
    if names::has_hidden(&v.name) {
        return Err(refuse(Refusal::NameHidden));
    }
    let name = names::nfc(clean_line(&v.name).trim());
    if name.is_empty() {
        return Err(refuse(Refusal::VoterNeedsName));
    }
    if name.chars().count() > names::MAX_NAME_CHARS {
        return Err(refuse(Refusal::NameTooLong));
    }
    Ok(VoterInput {
        name,
        kind: v.kind,
        roles: clean_line(&v.roles),
        phone: clean_line(&v.phone),
    })
}

fn unique_to_invalid(e: rusqlite::Error, what: &str) -> StoreError {
    if let rusqlite::Error::SqliteFailure(c, _) = &e
        && c.code == rusqlite::ErrorCode::ConstraintViolation
    {
        return refuse(Refusal::AlreadyInRoster {
            what: what.to_string(),
        });
    }
    StoreError::from(e)
}

/// The community a voter belongs to.
fn voter_community(tx: &rusqlite::Connection, voter: VoterId) -> Result<CommunityId> {
    Ok(tx.query_row(
        "SELECT community_id FROM voters WHERE id = ?1",
        [voter],
        |r| r.get(0),
    )?)
}
