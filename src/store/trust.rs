//! Trust in the store: community uids, the signer roster (domain::signing::roster), the
//! district's pinned keys, and the chain head. The rules are in the domain; this module
//! loads and stores.

use crate::store::refusal::Refusal;
use ed25519_dalek::SigningKey;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::signing::roster::{self, check_roster, endorse, is_active};
use crate::domain::signing::roster_entry::{REGISTER, REVOKE, RosterEntry, fp};
use crate::domain::signing::verify::TrustProblem;
use crate::domain::signing::verify::{ExportBundle, Role};
use crate::domain::signing::{fingerprint, hex};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, MeetingId, SignerId};
use crate::store::{Store, audit, now};

/// A pinned key at the district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    pub community: String,
    pub fingerprint: String,
    pub pinned_at: String,
}

/// A community's chain head: the newest link's position and the first 16 hex digits of
/// its SHA-256, as every notice and export prints it (`POSITION:HEX`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub hex16: String,
}

impl Head {
    pub fn text(&self) -> String {
        format!("{}:{}", self.seq, self.hex16)
    }
}

/// Normalise a typed fingerprint (`a1b2:c3d4:e5f6:0718`, with or without colons, any
/// case) to the form `fingerprint` prints; None when it is not 16 hex digits.
pub fn parse_fingerprint(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| *c != ':')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if digits.len() != 16 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    Some(
        digits
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(":"),
    )
}

pub(crate) fn community_uid(conn: &Connection, community: CommunityId) -> Result<String> {
    let uid: Option<String> = conn
        .query_row(
            "SELECT uid FROM community_uids WHERE community_id = ?1",
            [community],
            |r| r.get(0),
        )
        .optional()?;
    uid.ok_or_else(|| StoreError::Corrupt(format!("The uid of community {community}")))
}

/// A community's own roster (the one it signs with here).
pub(crate) fn roster(conn: &Connection, community: CommunityId) -> Result<Vec<RosterEntry>> {
    roster_by_uid(conn, &community_uid(conn, community)?)
}

/// The roster of the community with this uid (at a district: of the laptop it came from).
pub(crate) fn roster_by_uid(conn: &Connection, uid: &str) -> Result<Vec<RosterEntry>> {
    let mut st = conn.prepare_cached(
        "SELECT seq, action, name, public_key, at, prev, endorser_key, signature
         FROM signer_roster WHERE community_uid = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map([uid], |r| {
        Ok(RosterEntry {
            seq: r.get(0)?,
            action: r.get(1)?,
            name: r.get(2)?,
            public_key: r.get(3)?,
            at: r.get(4)?,
            prev: r.get(5)?,
            endorser_key: r.get(6)?,
            signature: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert_entry(conn: &Connection, uid: &str, e: &RosterEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO signer_roster (community_uid, seq, action, name, public_key, at, prev,
            endorser_key, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            uid,
            e.seq,
            e.action,
            e.name,
            e.public_key,
            e.at,
            e.prev,
            e.endorser_key,
            e.signature
        ],
    )?;
    Ok(())
}

/// Before a signature: the signer's key must be on the community's roster. The roster
/// starts here when it holds fewer than two entries, all founders: the host or the
/// secretary signing is registered self-endorsed (domain::signing::roster, the founding
/// rule).
pub(crate) fn ensure_on_roster(
    conn: &rusqlite::Transaction<'_>,
    community: CommunityId,
    name: &str,
    key: &SigningKey,
    role: Option<Role>,
) -> Result<()> {
    let uid = community_uid(conn, community)?;
    let entries = roster_by_uid(conn, &uid)?;
    let pk = key.verifying_key().to_bytes();
    if is_active(&entries, &hex(&pk)) {
        return Ok(());
    }
    let founding = entries.len() < 2
        && entries
            .iter()
            .all(|e| e.action == REGISTER && e.endorser_key == e.public_key)
        && matches!(role, Some(Role::Host | Role::Secretary));
    if !founding {
        return Err(refuse(Refusal::NotOnSignerRoster {
            name: name.to_string(),
            fingerprint: fingerprint(&pk),
        }));
    }
    let e = endorse(key, &uid, &entries, REGISTER, name, &pk, &now())
        .ok_or(refuse(Refusal::NameCannotBeSigned))?;
    insert_entry(conn, &uid, &e)?;
    audit(
        conn,
        None,
        "roster_found",
        &format!("{name} {}", fingerprint(&pk)),
    )
}

/// The signature just inserted signed statement v2.
pub(crate) fn mark_v2(conn: &Connection) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO signature_statements (signature_id, version) VALUES (last_insert_rowid(), 2)",
    )?
    .execute([])?;
    Ok(())
}

/// A meeting's verification with who signed added: the roster of the community the
/// minutes were signed for (domain::signing::roster::add_trust_problems), and, for minutes
/// signed here, the statement v1 rule: the program signs v1 no more, so v1 signatures
/// are accepted only on minutes placed before the community's first v2-signed minutes,
/// and a v1 addendum signature only by a key that signed the community's v1 minutes.
/// (Otherwise whoever can write the file could re-sign changed minutes with v1, which
/// names no roster.)
pub(crate) fn with_trust(
    conn: &Connection,
    m: &crate::store::meetings::MeetingRow,
    rec: &crate::domain::record::MeetingRecord,
    minutes: Option<&crate::domain::signing::verify::StoredMinutes>,
    sigs: &[crate::domain::signing::verify::SignatureRecord],
    status: crate::domain::signing::verify::VerifyStatus,
) -> Result<crate::domain::signing::verify::VerifyStatus> {
    use crate::domain::signing::verify::{Problem, VerifyStatus};
    let uid = match minutes {
        Some(n) if !n.community_uid.is_empty() => n.community_uid.clone(),
        _ => community_uid(conn, m.community_id)?,
    };
    let entries = roster_by_uid(conn, &uid)?;
    let status = roster::add_trust_problems(status, rec, sigs, &entries, &uid);
    let local: bool = conn
        .prepare_cached("SELECT origin = 'local' FROM meetings WHERE id = ?1")?
        .query_row([m.id], |r| r.get(0))?;
    let v1: Vec<_> = sigs.iter().filter(|s| s.version == 1).collect();
    if !local || v1.is_empty() {
        return Ok(status);
    }
    let local_seq: Option<i64> = conn
        .prepare_cached("SELECT seq FROM minutes WHERE meeting_id = ?1")?
        .query_row([m.id], |r| r.get(0))
        .optional()?;
    let first_v2: Option<i64> = conn
        .prepare_cached(
            "SELECT min(n.seq) FROM minutes n JOIN signatures s ON s.meeting_id = n.meeting_id
         JOIN signature_statements v ON v.signature_id = s.id
         WHERE n.community_id = ?1 AND s.addendum_id IS NULL",
        )?
        .query_row([m.community_id], |r| r.get(0))?;
    let mut legacy: Vec<String> = Vec::new();
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT s.public_key FROM signatures s JOIN minutes n ON n.meeting_id = s.meeting_id
         JOIN meetings mt ON mt.id = s.meeting_id
         WHERE n.community_id = ?1 AND s.addendum_id IS NULL AND mt.origin = 'local'
           AND NOT EXISTS (SELECT 1 FROM signature_statements v WHERE v.signature_id = s.id)",
    )?;
    for k in st.query_map([m.community_id], |r| r.get::<_, Vec<u8>>(0))? {
        legacy.push(hex(&k?));
    }
    let mut found = Vec::new();
    for s in v1 {
        let late = s.addendum_id.is_none()
            && matches!((local_seq, first_v2), (Some(seq), Some(first)) if seq > first);
        let stranger = s.addendum_id.is_some()
            && !legacy.contains(&s.public_key)
            && !roster::is_active(&entries, &s.public_key);
        if late || stranger {
            found.push(Problem::Trust(TrustProblem::NotOnRoster {
                signer: s.signer_name.clone(),
                fingerprint: s.fingerprint(),
            }));
        }
    }
    if found.is_empty() {
        return Ok(status);
    }
    let mut ps = match status {
        VerifyStatus::Invalid(ps) => ps,
        _ => Vec::new(),
    };
    for p in found {
        if !ps.contains(&p) {
            ps.push(p);
        }
    }
    Ok(VerifyStatus::Invalid(ps))
}

/// The newest link of a community's chain.
pub(crate) fn head(conn: &Connection, community: CommunityId) -> Result<Option<Head>> {
    Ok(conn
        .query_row(
            "SELECT seq, sha256 FROM minutes WHERE community_id = ?1 ORDER BY seq DESC LIMIT 1",
            [community],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
        .map(|(seq, sha)| Head {
            seq,
            hex16: sha.get(..16).unwrap_or(&sha).to_string(),
        }))
}

impl Store {
    /// A community's signer roster, in order.
    pub fn signer_roster(&self, community: CommunityId) -> Result<Vec<RosterEntry>> {
        roster(self.conn(), community)
    }

    /// Add `signer` (registered on this machine) to the community's roster, or revoke
    /// them, endorsed by `endorser` with their passphrase. The endorser must be on the
    /// roster; the result is checked against the whole roster before it is kept.
    pub fn endorse_signer(
        &mut self,
        community: CommunityId,
        signer: SignerId,
        revoke: bool,
        endorser: SignerId,
        endorser_passphrase: &str,
    ) -> Result<()> {
        let key = self.unlock_signer(endorser, endorser_passphrase)?;
        self.endorse_with_key(community, signer, revoke, endorser, &key)
    }

    /// Register a new signer (as `register_signer`) and put them on the community's
    /// roster endorsed by `endorser`, whose passphrase is checked first: a wrong one
    /// registers nothing. Without an endorser (`None`) the signer is only registered,
    /// which is enough while the community's roster is being founded (fewer than two
    /// entries: the first host and secretary enter it when they sign); after that an
    /// endorser is required.
    pub fn register_endorsed(
        &mut self,
        community: CommunityId,
        name: &str,
        passphrase: &str,
        repeat: &str,
        endorser: Option<(&str, &str)>,
    ) -> Result<SignerId> {
        let Some((by, by_pass)) = endorser else {
            if roster(self.conn(), community)?.len() >= 2 {
                return Err(refuse(Refusal::RosterNeedsEndorsement));
            }
            return self.register_signer(name, passphrase, repeat);
        };
        let by = self
            .signer_by_name(crate::domain::text::clean_line(by).trim())?
            .ok_or_else(|| StoreError::NotFound(format!("signer {by}")))?;
        let key = self.unlock_signer(by.id, by_pass)?;
        if !is_active(&roster(self.conn(), community)?, &hex(&by.public_key)) {
            return Err(refuse(Refusal::EndorserNotOnRoster {
                name: by.name.clone(),
            }));
        }
        let id = self.register_signer(name, passphrase, repeat)?;
        self.endorse_with_key(community, id, false, by.id, &key)?;
        Ok(id)
    }

    fn endorse_with_key(
        &mut self,
        community: CommunityId,
        signer: SignerId,
        revoke: bool,
        endorser: SignerId,
        key: &SigningKey,
    ) -> Result<()> {
        let rows = self.signers()?;
        let find = |id: SignerId| {
            rows.iter()
                .find(|s| s.id == id)
                .cloned()
                .ok_or_else(|| StoreError::NotFound(format!("signer {id}")))
        };
        let (who, by) = (find(signer)?, find(endorser)?);
        self.write(|tx| {
            let entries = roster(tx, community)?;
            if !is_active(&entries, &hex(&by.public_key)) {
                return Err(refuse(Refusal::EndorserNotOnRoster {
                    name: by.name.clone(),
                }));
            }
            let active = is_active(&entries, &hex(&who.public_key));
            if active != revoke {
                return Err(refuse(Refusal::RosterState {
                    name: who.name.clone(),
                    active,
                }));
            }
            let uid = community_uid(tx, community)?;
            let action = if revoke { REVOKE } else { REGISTER };
            let e = endorse(
                key,
                &uid,
                &entries,
                action,
                &who.name,
                &who.public_key,
                &now(),
            )
            .ok_or(refuse(Refusal::NameCannotBeSigned))?;
            let mut all = entries;
            all.push(e.clone());
            if !check_roster(&uid, &all).is_empty() {
                return Err(refuse(Refusal::RosterDoesNotVerify));
            }
            insert_entry(tx, &uid, &e)?;
            audit(
                tx,
                None,
                &format!("roster_{action}"),
                &format!("{} {} by {}", who.name, who.fingerprint, by.fingerprint),
            )
        })
    }

    /// The community's chain head (None before its first signed minutes).
    pub fn chain_head(&self, community: CommunityId) -> Result<Option<Head>> {
        head(self.conn(), community)
    }

    /// `verify --head COMMUNITY:POSITION:HEX`: the link at `seq` must be here with a
    /// SHA-256 starting with `hex16`, and every link from 1 to it present and linked to
    /// the one before. `Ok(None)` when it holds, else the reason in English words for the
    /// caller to wrap.
    pub fn check_head(
        &self,
        community: CommunityId,
        seq: i64,
        hex16: &str,
    ) -> Result<Option<String>> {
        let links = self.chain(community)?;
        let Some(at) = links.iter().position(|l| l.seq == seq) else {
            return Ok(Some(format!("link {seq} is not in this database")));
        };
        if !links[at].sha256.starts_with(&hex16.to_ascii_lowercase()) {
            return Ok(Some(format!(
                "link {seq} has SHA-256 {}…, not {hex16}",
                links[at].sha256.get(..16).unwrap_or("")
            )));
        }
        let mut prev = crate::domain::signing::verify::ZERO_HASH.to_string();
        for (i, l) in links[..=at].iter().enumerate() {
            if l.seq != i as i64 + 1 {
                return Ok(Some(format!("link {} is missing", i + 1)));
            }
            if l.prev_sha256 != prev {
                return Ok(Some(format!("link {} does not follow link {i}", l.seq)));
            }
            prev = l.sha256.clone();
        }
        Ok(None)
    }

    /// The pinned keys, by community name.
    pub fn pins(&self) -> Result<Vec<Pin>> {
        let mut st = self.conn().prepare_cached(
            "SELECT c.name, p.fingerprint, p.pinned_at FROM pinned_keys p
             JOIN communities c ON c.id = p.community_id ORDER BY c.name, p.pinned_at",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Pin {
                community: r.get(0)?,
                fingerprint: r.get(1)?,
                pinned_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Pin fingerprints for a community (created when it is new here).
    pub fn pin_keys(&mut self, community: &str, fingerprints: &[String]) -> Result<()> {
        let name = crate::domain::text::clean_line(community)
            .trim()
            .to_string();
        self.write(|tx| {
            let c = crate::store::roster::community_id(tx, &name)?;
            for f in fingerprints {
                pin(tx, c, f)?;
            }
            Ok(())
        })
    }

    /// Remove a pin; false when it was not there.
    pub fn unpin_key(&mut self, community: &str, fingerprint: &str) -> Result<bool> {
        let name = crate::domain::text::clean_line(community)
            .trim()
            .to_string();
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM pinned_keys WHERE fingerprint = ?2
                 AND community_id = (SELECT id FROM communities WHERE name = ?1)",
                params![name, fingerprint],
            )?;
            if n > 0 {
                audit(tx, None, "unpin", &format!("{name} {fingerprint}"))?;
            }
            Ok(n > 0)
        })
    }

    /// The chain head and roster to put into an export of meeting `id`.
    pub(crate) fn export_trust(&self, id: MeetingId, b: &mut ExportBundle) -> Result<()> {
        let community = self.meeting(id)?.community_id;
        // The roster of the community the minutes were signed for (an imported meeting's
        // is its laptop's).
        let uid = match &b.minutes {
            Some(m) if !m.community_uid.is_empty() => m.community_uid.clone(),
            _ => community_uid(self.conn(), community)?,
        };
        b.roster = roster_by_uid(self.conn(), &uid)?;
        b.head = head(self.conn(), community)?
            .map(|h| h.text())
            .unwrap_or_default();
        Ok(())
    }
}

pub(crate) fn pin(
    conn: &rusqlite::Transaction<'_>,
    community: CommunityId,
    fingerprint: &str,
) -> Result<()> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO pinned_keys (community_id, fingerprint, pinned_at) VALUES (?1, ?2, ?3)",
        params![community, fingerprint, now()],
    )?;
    if n > 0 {
        audit(conn, None, "pin", fingerprint)?;
    }
    Ok(())
}

pub(crate) fn pinned(conn: &Connection, community: CommunityId) -> Result<Vec<String>> {
    let mut st =
        conn.prepare_cached("SELECT fingerprint FROM pinned_keys WHERE community_id = ?1")?;
    let rows = st.query_map([community], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keys signing a bundle that are not trusted: neither pinned nor registered through the
/// roster from a pinned key.
pub(crate) fn untrusted(
    b: &ExportBundle,
    roster: &[RosterEntry],
    pins: &[String],
) -> Vec<TrustProblem> {
    let trusted = roster::trusted_keys(roster, pins);
    let mut out: Vec<TrustProblem> = Vec::new();
    for s in &b.signatures {
        let f = fp(&s.public_key);
        if pins.contains(&f) || trusted.contains(&s.public_key) {
            continue;
        }
        let p = TrustProblem::Untrusted {
            signer: s.signer_name.clone(),
            fingerprint: f,
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_fingerprint;

    #[test]
    fn fingerprints_parse_with_or_without_colons() {
        assert_eq!(
            parse_fingerprint("A1B2C3D4E5F60718").as_deref(),
            Some("a1b2:c3d4:e5f6:0718")
        );
        assert_eq!(
            parse_fingerprint("a1b2:c3d4:e5f6:0718").as_deref(),
            Some("a1b2:c3d4:e5f6:0718")
        );
        assert_eq!(parse_fingerprint("a1b2:c3d4"), None);
        assert_eq!(parse_fingerprint("g1b2c3d4e5f60718"), None);
    }
}
