//! How an imported bundle's records meet this database's: voters mapped by name (made
//! as needed), rules and outcomes carried over with the mapped ids, keys read from hex.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::model::Electorate;
use crate::domain::record::MeetingRecord;
use crate::domain::rules::{Flag, Outcome, Rule, RuleKind};
use crate::domain::signing::from_hex;
use crate::store::error::{Result, refuse};
use crate::store::ids::CommunityId;
use crate::store::refusal::Refusal;
use crate::store::refusal::import::ImportPart;

pub(in crate::store) fn blob(h: &str, len: usize, what: ImportPart) -> Result<Vec<u8>> {
    from_hex(h)
        .filter(|v| v.len() == len)
        .ok_or(refuse(Refusal::ImportMalformed { what }))
}

/// The bundle's voter ids mapped to this database's, by name, creating voters as needed.
pub(in crate::store) fn map_voters(
    tx: &Transaction<'_>,
    community: CommunityId,
    rec: &MeetingRecord,
) -> Result<HashMap<i64, i64>> {
    // In order of first appearance; a set to find the ones already noted (a roll call
    // of 400 names, five times over).
    let mut names: Vec<(i64, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut note = |id: i64, name: &str| {
        if seen.insert(id) {
            names.push((id, name.to_string()));
        }
    };
    for e in &rec.presence {
        note(e.voter_id, &e.name);
    }
    for it in &rec.items {
        for b in it.vote.iter().flat_map(|v| &v.ballots) {
            note(b.voter_id, &b.name);
        }
    }
    let kind = match rec.electorate {
        Electorate::Council => "member",
        Electorate::Owners => "person",
    };
    let mut map = HashMap::new();
    let mut taken = std::collections::HashSet::new();
    for (old, name) in names {
        let found: Option<i64> = tx
            .prepare_cached("SELECT id FROM voters WHERE community_id = ?1 AND name = ?2")?
            .query_row(params![community, name], |r| r.get(0))
            .optional()?;
        let local = match found.filter(|id| !taken.contains(id)) {
            Some(id) => id,
            None => {
                // Two of the bundle's voters under one name (renamed between meetings):
                // the second gets a name of its own; the minutes keep the names as
                // they stood.
                let mut candidate = name.clone();
                let mut n = 1;
                while found.is_some()
                    && tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM voters WHERE community_id = ?1 AND name = ?2)",
                        params![community, candidate],
                        |r| r.get::<_, bool>(0),
                    )?
                {
                    n += 1;
                    candidate = format!("{name} ({n})");
                }
                tx.prepare_cached(
                    "INSERT INTO voters (community_id, position, name, kind)
                     VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM voters
                                  WHERE community_id = ?1), ?2, ?3)",
                )?
                .execute(params![community, candidate, kind])?;
                tx.last_insert_rowid()
            }
        };
        taken.insert(local);
        map.insert(old, local);
    }
    Ok(map)
}

pub(in crate::store) fn mapped(map: &HashMap<i64, i64>, id: i64) -> i64 {
    map.get(&id).copied().unwrap_or(id)
}

pub(in crate::store) fn map_rule(map: &HashMap<i64, i64>, rule: &Rule) -> Rule {
    let mut r = rule.clone();
    if let RuleKind::Elevator { shaft_voters, .. } = &mut r.kind {
        for v in shaft_voters.iter_mut() {
            *v = mapped(map, *v);
        }
    }
    r
}

pub(in crate::store) fn map_outcome(map: &HashMap<i64, i64>, o: &Outcome) -> Outcome {
    let mut o = o.clone();
    for f in o.flags.iter_mut() {
        let Flag::ShaftOwnerNotAgreed(id) = f;
        *id = mapped(map, *id);
    }
    o
}
