//! What `yishi import` checks about who signed, before anything is written:
//!
//! - **The community** is found by its uid (signed by statement v2). A community of the
//!   same name without a uid-bound past here (no roster, no v2 signature: created by
//!   `trust add` or by v1 imports) takes the bundle's uid; one with another uid-bound
//!   past is another community, and the bundle is refused. A v1 bundle (no uid) is
//!   matched by name, as before schema 5.
//! - **The roster** the bundle carries and the one stored here must be one chain (one a
//!   prefix of the other); the longer one is checked whole (domain::signer_roster).
//! - **Pinned keys**: every signing key must be pinned for the community or registered
//!   through the roster by an entry endorsed by a trusted key. A community with no pinned
//!   key yet is new here: its keys are pinned when the caller says so (`--trust-new`, or
//!   yes at the terminal's question), else the bundle is refused showing them.
//! - **The chain position** is within 1..=MAX_SEQ, and for v2 minutes (whose position is
//!   signed) it must be free here: a second link at one position is refused.

use rusqlite::{Connection, OptionalExtension, params};

use super::import::ImportRefusal;
use super::trust::{insert_entry, pin, pinned, roster, untrusted};
use super::{Result, StoreError};
use crate::domain::signer_roster::{RosterEntry, TrustProblem, check_roster, fp};
use crate::domain::statement::MAX_SEQ;
use crate::domain::verify::{ExportBundle, Problem};

/// The community a bundle belongs to here, without creating it.
pub(crate) fn find_community(conn: &Connection, b: &ExportBundle) -> Result<Option<i64>> {
    let uid = b
        .minutes
        .as_ref()
        .map(|m| m.community_uid.as_str())
        .unwrap_or("");
    if !uid.is_empty()
        && let Some(id) = conn
            .query_row(
                "SELECT community_id FROM community_uids WHERE uid = ?1",
                [uid],
                |r| r.get(0),
            )
            .optional()?
    {
        return Ok(Some(id));
    }
    let by_name: Option<i64> = conn
        .query_row(
            "SELECT id FROM communities WHERE name = ?1",
            [&b.record.community],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = by_name
        && !uid.is_empty()
        && uid_bound(conn, id)?
    {
        return Err(StoreError::Invalid(format!(
            "A different community named {} is already here.",
            b.record.community
        )));
    }
    Ok(by_name)
}

/// Has the community a past that names its uid (a roster, or a v2 signature)?
fn uid_bound(conn: &Connection, community: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM signer_roster WHERE community_id = ?1)
             OR EXISTS (SELECT 1 FROM signatures s JOIN minutes n ON n.meeting_id = s.meeting_id
                        JOIN signature_statements v ON v.signature_id = s.id
                        WHERE n.community_id = ?1)",
        [community],
        |r| r.get(0),
    )?)
}

/// The community for writing the bundle: found, adopting the bundle's uid, or created.
pub(crate) fn import_community(tx: &rusqlite::Transaction<'_>, b: &ExportBundle) -> Result<i64> {
    let uid = b
        .minutes
        .as_ref()
        .map(|m| m.community_uid.clone())
        .unwrap_or_default();
    let id = match find_community(tx, b)? {
        Some(id) => id,
        None => super::roster::community_id(tx, &b.record.community)?,
    };
    if !uid.is_empty() {
        tx.execute(
            "INSERT INTO community_uids (community_id, uid) VALUES (?1, ?2)
             ON CONFLICT (community_id) DO UPDATE SET uid = excluded.uid",
            params![id, uid],
        )?;
    }
    Ok(id)
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
    let community = match find_community(tx, b) {
        Ok(c) => c,
        Err(StoreError::Invalid(_)) => {
            return Ok(Err(ImportRefusal::OtherCommunity(
                b.record.community.clone(),
            )));
        }
        Err(e) => return Err(e),
    };
    let stored = match community {
        Some(c) => roster(tx, c)?,
        None => Vec::new(),
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
        if let Some(c) = community {
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM minutes WHERE community_id = ?1 AND seq = ?2)",
                params![c, m.seq],
                |r| r.get(0),
            )?;
            if taken {
                return refuse(Problem::ChainPosition { seq: m.seq });
            }
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
    community: i64,
    b: &ExportBundle,
    new_pins: &[String],
) -> Result<()> {
    let have = roster(tx, community)?.len();
    for e in b.roster.iter().skip(have) {
        insert_entry(tx, community, e)?;
    }
    for f in new_pins {
        pin(tx, community, f)?;
    }
    Ok(())
}
