//! What `yishi import` checks about who signed, before anything is written:
//!
//! - **The community** is found by its uid (signed by statement v2), else by its name
//!   (the district knows its communities by name, from paper), else created with the
//!   bundle's uid. Minutes keep the uid and chain position they were signed with
//!   (`imported_links`), whatever the community is called here.
//! - **The roster** is the one of the bundle's community uid: the bundle's and the one
//!   stored here for that uid must be one chain (one a prefix of the other); the longer
//!   is checked whole (domain::signing::roster) and kept.
//! - **Pinned keys**: every signing key must be pinned for the community here, or
//!   registered by a roster entry endorsed by a trusted key. A community with no pinned
//!   key yet is new here: its keys are pinned when the caller says so (`--trust-new`, or
//!   yes at the terminal's question), else the bundle is refused showing them.
//! - **The chain position** is within 1..=MAX_SEQ, and no other minutes here claim the
//!   same position of the same community uid (a duplicate).

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::signing::roster::check_roster;
use crate::domain::signing::roster_entry::{RosterEntry, fp};
use crate::domain::signing::statement::MAX_SEQ;
use crate::domain::signing::verify::TrustProblem;
use crate::domain::signing::verify::{ExportBundle, Problem};
use crate::store::error::Result;
use crate::store::ids::{CommunityId, MeetingId};
use crate::store::refusal::import::ImportRefusal;
use crate::store::trust::{insert_entry, pin, pinned, roster_by_uid, untrusted};

fn bundle_uid(b: &ExportBundle) -> &str {
    b.minutes
        .as_ref()
        .map(|m| m.community_uid.as_str())
        .unwrap_or("")
}

/// The community a bundle belongs to here, without creating it.
pub(crate) fn find_community(conn: &Connection, b: &ExportBundle) -> Result<Option<CommunityId>> {
    let uid = bundle_uid(b);
    if !uid.is_empty()
        && let Some(id) = conn
            .prepare_cached("SELECT community_id FROM community_uids WHERE uid = ?1")?
            .query_row([uid], |r| r.get(0))
            .optional()?
    {
        return Ok(Some(id));
    }
    Ok(conn
        .prepare_cached("SELECT id FROM communities WHERE name = ?1")?
        .query_row([&b.record.community], |r| r.get(0))
        .optional()?)
}

/// The community for writing the bundle: found, or created with the bundle's uid.
pub(crate) fn import_community(
    tx: &rusqlite::Transaction<'_>,
    b: &ExportBundle,
) -> Result<CommunityId> {
    if let Some(id) = find_community(tx, b)? {
        return Ok(id);
    }
    let id = crate::store::roster::community_id(tx, &b.record.community)?;
    let uid = bundle_uid(b);
    if !uid.is_empty() {
        tx.prepare_cached("UPDATE community_uids SET uid = ?2 WHERE community_id = ?1")?
            .execute(params![id, uid])?;
    }
    Ok(id)
}

/// After the minutes row is written: the uid and position their signatures name.
pub(crate) fn write_link(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    b: &ExportBundle,
) -> Result<()> {
    let (uid, Some(m)) = (bundle_uid(b), &b.minutes) else {
        return Ok(());
    };
    if !uid.is_empty() {
        tx.prepare_cached(
            "INSERT INTO imported_links (meeting_id, community_uid, seq) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![meeting, uid, m.seq])?;
    }
    Ok(())
}

/// Do other minutes here claim position `seq` of community `uid`?
fn position_taken(conn: &Connection, uid: &str, seq: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM imported_links WHERE community_uid = ?1 AND seq = ?2)
             OR EXISTS (SELECT 1 FROM minutes n
                        JOIN community_uids c ON c.community_id = n.community_id
                        JOIN meetings m ON m.id = n.meeting_id
                        WHERE c.uid = ?1 AND n.seq = ?2 AND m.origin = 'local')",
        )?
        .query_row(params![uid, seq], |r| r.get(0))?)
}

/// One roster from the stored and the bundle's: one must continue the other.
fn merge(stored: Vec<RosterEntry>, bundle: &[RosterEntry]) -> Option<Vec<RosterEntry>> {
    let n = stored.len().min(bundle.len());
    if stored[..n] != bundle[..n] {
        return None;
    }
    Some(if bundle.len() > stored.len() {
        bundle.to_vec()
    } else {
        stored
    })
}

/// The checks of the module documentation. `Ok(Err(refusal))` refuses; `Ok(Ok(pins))`
/// lets the import go on, with the fingerprints pinned now for a new community.
pub(crate) fn check(
    tx: &rusqlite::Transaction<'_>,
    b: &ExportBundle,
    pin_new: bool,
) -> Result<std::result::Result<Vec<String>, ImportRefusal>> {
    let refuse = |p: Problem| Ok(Err(ImportRefusal::Invalid(vec![p])));
    let Some(m) = &b.minutes else {
        return Ok(Err(ImportRefusal::Unsigned));
    };
    if !(1..=MAX_SEQ).contains(&m.seq) {
        return refuse(Problem::ChainPosition { seq: m.seq });
    }
    let community = find_community(tx, b)?;
    let uid = bundle_uid(b);
    let stored = if uid.is_empty() {
        Vec::new()
    } else {
        roster_by_uid(tx, uid)?
    };
    let Some(merged) = merge(stored, &b.roster) else {
        let seq = b.roster.len() as i64;
        return refuse(Problem::Trust(TrustProblem::BadRosterEntry {
            seq,
            fingerprint: b.roster.last().map(|e| e.fingerprint()).unwrap_or_default(),
        }));
    };
    let v2 = b.signatures.iter().any(|s| s.version >= 2);
    if v2 {
        let problems = check_roster(&m.community_uid, &merged);
        if !problems.is_empty() {
            return Ok(Err(ImportRefusal::Invalid(
                problems.into_iter().map(Problem::Trust).collect(),
            )));
        }
        if position_taken(tx, uid, m.seq)? {
            return refuse(Problem::ChainPosition { seq: m.seq });
        }
    }
    let pins = match community {
        Some(c) => pinned(tx, c)?,
        None => Vec::new(),
    };
    let mut new_pins = Vec::new();
    if pins.is_empty() {
        let mut fps: Vec<String> = Vec::new();
        for s in &b.signatures {
            let f = fp(&s.public_key);
            if !fps.contains(&f) {
                fps.push(f);
            }
        }
        if !pin_new {
            return Ok(Err(ImportRefusal::NewCommunity {
                community: b.record.community.clone(),
                fingerprints: fps,
            }));
        }
        new_pins = fps;
    } else {
        let bad = untrusted(b, &merged, &pins);
        if !bad.is_empty() {
            return Ok(Err(ImportRefusal::Invalid(
                bad.into_iter().map(Problem::Trust).collect(),
            )));
        }
    }
    Ok(Ok(new_pins))
}

/// After the records are written: the roster entries new here, and the new pins.
pub(crate) fn store_trust(
    tx: &rusqlite::Transaction<'_>,
    community: CommunityId,
    b: &ExportBundle,
    new_pins: &[String],
) -> Result<()> {
    let uid = bundle_uid(b);
    if !uid.is_empty() {
        let have = roster_by_uid(tx, uid)?.len();
        for e in b.roster.iter().skip(have) {
            insert_entry(tx, uid, e)?;
        }
    }
    for f in new_pins {
        pin(tx, community, f)?;
    }
    Ok(())
}
