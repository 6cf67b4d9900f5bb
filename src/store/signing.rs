//! Signers, signing the minutes, addenda, and loading what verification needs. The
//! checks themselves are in domain::signing::verify; this module only loads and stores.
//!
//! Signing: the minutes body (domain::minutes::signed_body) is rendered from the records
//! and stored in `minutes` at the first signature, with its SHA-256 and the chain link
//! (`prev_sha256` = the SHA-256 of the community's previously stored minutes, 64 zeros for
//! the first; `seq` its position). Each signer signs statement v2
//! (domain::signing::statement::StatementV2::message: community uid, meeting uid, position, signer
//! name, role, key, time, minutes SHA-256, previous link); the signer must be on the
//! community's roster (store::trust). Signatures from before schema 5 are v1
//! (domain::signing::SignedStatement). When the host and the secretary have both signed,
//! the meeting becomes 'signed' and the SQL triggers lock its records.

use crate::store::refusal::Refusal;
use ed25519_dalek::SigningKey;
use rusqlite::{OptionalExtension, params};

use crate::domain::minutes::MinutesFormat;
use crate::domain::minutes::body::signed_body_as;
use crate::domain::minutes::document::addendum_bytes;
use crate::domain::model::MeetingStatus;
use crate::domain::model::SignatureRole;
use crate::domain::record::{AddendumRecord, MeetingRecord};
use crate::domain::signing::statement::{MAX_SEQ, StatementV2, sign_v2};
use crate::domain::signing::verify::{Role, ZERO_HASH};
use crate::domain::signing::{self, KdfParams, SignError, fingerprint, hex, sha256};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, MeetingId, SignerId};
pub use crate::store::signed::VerifyReport;
use crate::store::{Store, audit, now};

/// A registered signer: only public material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerRow {
    pub id: SignerId,
    pub name: String,
    pub public_key: [u8; 32],
    pub fingerprint: String,
    pub created_at: String,
}

/// What a signature achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOutcome {
    /// Host and secretary have both signed: the meeting is now locked.
    pub locked: bool,
    /// The required roles still missing.
    pub missing: Vec<Role>,
}

fn sign_error(e: SignError) -> StoreError {
    match e {
        SignError::WrongPassphrase => StoreError::WrongPassphrase,
        other => refuse(Refusal::Signing(other)),
    }
}

fn blob32(v: Vec<u8>) -> [u8; 32] {
    <[u8; 32]>::try_from(v).unwrap_or([0u8; 32])
}

type SignerSecrets = ([u8; 16], KdfParams);
type SignerDbRow = (String, Vec<u8>, Vec<u8>, u32, u32, u32, String);

impl Store {
    /// Register a signer: the passphrase typed twice, at least 8 characters. Stores the
    /// salt, the Argon2id parameters and the public key only.
    pub fn register_signer(
        &mut self,
        name: &str,
        passphrase: &str,
        repeat: &str,
    ) -> Result<SignerId> {
        let name = clean_line(name).trim().to_string();
        if name.is_empty() {
            return Err(refuse(Refusal::SignerNeedsName));
        }
        if passphrase != repeat {
            return Err(sign_error(SignError::PassphraseMismatch));
        }
        let params = KdfParams::default();
        let (salt, pk) = signing::register(passphrase, params).map_err(sign_error)?;
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM signers WHERE name = ?1)",
                [&name],
                |r| r.get(0),
            )?;
            if exists {
                return Err(refuse(Refusal::SignerExists { name: name.to_string() }));
            }
            tx.execute(
                "INSERT INTO signers (name, public_key, salt, m_cost_kib, t_cost, p_cost, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    name,
                    pk.as_slice(),
                    salt.as_slice(),
                    params.m_cost_kib,
                    params.t_cost,
                    params.p_cost,
                    now()
                ],
            )?;
            let id = SignerId(tx.last_insert_rowid());
            audit(tx, None, "signer_register", &format!("{name} {}", fingerprint(&pk)))?;
            Ok(id)
        })
    }

    pub fn signers(&self) -> Result<Vec<SignerRow>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT id, name, public_key, created_at FROM signers ORDER BY name")?;
        let rows = st.query_map([], |r| {
            let pk = blob32(r.get(2)?);
            Ok(SignerRow {
                id: r.get(0)?,
                name: r.get(1)?,
                public_key: pk,
                fingerprint: fingerprint(&pk),
                created_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn signer_by_name(&self, name: &str) -> Result<Option<SignerRow>> {
        Ok(self.signers()?.into_iter().find(|s| s.name == name))
    }

    fn signer(&self, id: SignerId) -> Result<(SignerRow, SignerSecrets)> {
        let row: Option<SignerDbRow> = self
            .conn()
            .query_row(
                "SELECT name, public_key, salt, m_cost_kib, t_cost, p_cost, created_at
                 FROM signers WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .optional()?;
        let (name, pk, salt, m, t, p, created_at) =
            row.ok_or_else(|| StoreError::NotFound(format!("signer {id}")))?;
        let salt = <[u8; 16]>::try_from(salt)
            .map_err(|_| StoreError::Corrupt(format!("The salt of signer {name}")))?;
        let pk = blob32(pk);
        Ok((
            SignerRow {
                id,
                name,
                public_key: pk,
                fingerprint: fingerprint(&pk),
                created_at,
            },
            (
                salt,
                KdfParams {
                    m_cost_kib: m,
                    t_cost: t,
                    p_cost: p,
                },
            ),
        ))
    }

    /// Derive the signer's key from the passphrase (slow: Argon2id) and check it.
    fn unlock(&self, signer: SignerId, passphrase: &str) -> Result<(SignerRow, SigningKey)> {
        let (row, (salt, params)) = self.signer(signer)?;
        let key =
            signing::unlock(passphrase, &salt, params, &row.public_key).map_err(sign_error)?;
        Ok((row, key))
    }

    /// Sign the minutes of an adjourned meeting as `role`. The host and secretary roles
    /// are for the signers named host and secretary in the meeting; a signer signs once.
    /// The first signature stores the rendered minutes and their chain link; the second
    /// of host and secretary locks the meeting. A wrong passphrase signs nothing.
    pub fn sign_meeting(
        &mut self,
        meeting: MeetingId,
        signer: SignerId,
        role: Role,
        passphrase: &str,
    ) -> Result<SignOutcome> {
        let key = self.unlock_signer(signer, passphrase)?;
        self.sign_meeting_with_key(meeting, signer, role, &key)
    }

    /// Derive a registered signer's key from the passphrase (Argon2id: slow, on purpose)
    /// and check it against the registered public key. For signing many meetings in a
    /// row (bulk loading, the benchmark) with `sign_meeting_with_key`.
    pub fn unlock_signer(&self, signer: SignerId, passphrase: &str) -> Result<SigningKey> {
        Ok(self.unlock(signer, passphrase)?.1)
    }

    /// `sign_meeting` with a key already unlocked by `unlock_signer`: the same checks and
    /// records, without deriving the key again.
    pub fn sign_meeting_with_key(
        &mut self,
        meeting: MeetingId,
        signer: SignerId,
        role: Role,
        key: &SigningKey,
    ) -> Result<SignOutcome> {
        let (row, _) = self.signer(signer)?;
        if key.verifying_key().to_bytes() != row.public_key {
            return Err(StoreError::WrongPassphrase);
        }
        let rec = self.meeting_record(meeting)?;
        let community = self.meeting(meeting)?.community_id;
        may_sign(&rec, role, &row.name)?;
        let format = MinutesFormat::CURRENT;
        let body = signed_body_as(&rec, format);
        let outcome = self.write(|tx| {
            let link = minutes_link(tx, meeting, community, &rec, role, format, &body)?;
            crate::store::trust::ensure_on_roster(tx, community, &row.name, key, Some(role))?;
            let done = signed_roles(tx, meeting, &row, role)?;
            let statement = StatementV2 {
                community_uid: crate::store::trust::community_uid(tx, community)?,
                meeting_uid: rec.uid.clone(),
                seq: link.seq,
                signer_name: row.name.clone(),
                role: role.as_db().to_string(),
                signer_key: row.public_key,
                signed_at: now(),
                minutes_sha256: sha256(link.body.as_bytes()),
                prev_sha256: parse32(&link.prev)?,
            };
            let sig = sign_v2(key, &statement).map_err(sign_error)?;
            insert_signature(tx, meeting, None, &statement, &sig)?;
            let missing: Vec<Role> = [Role::Host, Role::Secretary]
                .into_iter()
                .filter(|r| *r != role && !done.contains(r))
                .collect();
            let locked = missing.is_empty() && rec.status == MeetingStatus::Adjourned;
            audit(
                tx,
                Some(meeting),
                "sign",
                &format!(
                    "{} {} {}",
                    role.as_db(),
                    row.name,
                    fingerprint(&row.public_key)
                ),
            )?;
            if locked {
                lock_minutes(tx, meeting, &link)?;
            }
            Ok(SignOutcome { locked, missing })
        })?;
        Ok(outcome)
    }

    /// Take back the signatures of minutes that are not locked yet (to correct the record
    /// before the second signature). Refused once later minutes of the community link to
    /// these.
    pub fn withdraw_signatures(&mut self, meeting: MeetingId) -> Result<()> {
        self.write(|tx| {
            let status: Option<String> = tx
                .query_row(
                    "SELECT status FROM meetings WHERE id = ?1",
                    [meeting],
                    |r| r.get(0),
                )
                .optional()?;
            match status.as_deref() {
                None => return Err(StoreError::NotFound(format!("meeting {meeting}"))),
                Some("signed") => return Err(StoreError::Locked),
                _ => {}
            }
            let later: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM minutes m JOIN minutes me ON me.meeting_id = ?1
                 WHERE m.community_id = me.community_id AND m.seq > me.seq)",
                [meeting],
                |r| r.get(0),
            )?;
            if later {
                return Err(refuse(Refusal::LinkedNoWithdraw));
            }
            tx.execute(
                "DELETE FROM signatures WHERE meeting_id = ?1 AND addendum_id IS NULL",
                [meeting],
            )?;
            tx.execute("DELETE FROM minutes WHERE meeting_id = ?1", [meeting])?;
            audit(tx, Some(meeting), "sign_withdraw", "")?;
            Ok(())
        })
    }

    /// Add a correction to locked minutes, signed at once by `signer` (role `addendum`).
    pub fn add_addendum(
        &mut self,
        meeting: MeetingId,
        text: &str,
        signer: SignerId,
        passphrase: &str,
    ) -> Result<i64> {
        let text = clean_multiline(text).trim().to_string();
        if text.is_empty() {
            return Err(refuse(Refusal::AddendumNeedsText));
        }
        let m = self.meeting(meeting)?;
        if m.status != MeetingStatus::Signed {
            return Err(refuse(Refusal::AddendumOnlySigned));
        }
        let (row, key) = self.unlock(signer, passphrase)?;
        self.write(|tx| {
            let minutes_sha: String = tx.query_row(
                "SELECT sha256 FROM minutes WHERE meeting_id = ?1",
                [meeting],
                |r| r.get(0),
            )?;
            let at = now();
            tx.execute(
                "INSERT INTO addenda (meeting_id, text, at) VALUES (?1, ?2, ?3)",
                params![meeting, text, at],
            )?;
            let id = tx.last_insert_rowid();
            let a = AddendumRecord {
                id,
                text: text.clone(),
                at,
            };
            sign_addendum_tx(tx, meeting, &m.uid, &a, &minutes_sha, &row, &key)?;
            audit(tx, Some(meeting), "addendum", &id.to_string())?;
            Ok(id)
        })
    }

    /// Another signature on an existing addendum.
    pub fn sign_addendum(
        &mut self,
        addendum: i64,
        signer: SignerId,
        passphrase: &str,
    ) -> Result<()> {
        let found: Option<(MeetingId, String, String)> = self
            .conn()
            .query_row(
                "SELECT meeting_id, text, at FROM addenda WHERE id = ?1",
                [addendum],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (meeting, text, at) =
            found.ok_or_else(|| StoreError::NotFound(format!("addendum {addendum}")))?;
        let m = self.meeting(meeting)?;
        let (row, key) = self.unlock(signer, passphrase)?;
        self.write(|tx| {
            let minutes_sha: String = tx.query_row(
                "SELECT sha256 FROM minutes WHERE meeting_id = ?1",
                [meeting],
                |r| r.get(0),
            )?;
            let a = AddendumRecord {
                id: addendum,
                text,
                at,
            };
            sign_addendum_tx(tx, meeting, &m.uid, &a, &minutes_sha, &row, &key)?;
            audit(tx, Some(meeting), "addendum_sign", &addendum.to_string())?;
            Ok(())
        })
    }
}

fn parse32(h: &str) -> Result<[u8; 32]> {
    signing::from_hex(h)
        .and_then(|v| <[u8; 32]>::try_from(v).ok())
        .ok_or_else(|| StoreError::Corrupt("The stored minutes hash".into()))
}

fn insert_signature(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    addendum: Option<i64>,
    st: &StatementV2,
    sig: &[u8; 64],
) -> Result<()> {
    tx.execute(
        "INSERT INTO signatures (meeting_id, addendum_id, signer_name, public_key, role,
            minutes_sha256, prev_sha256, signed_at, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            meeting,
            addendum,
            st.signer_name,
            st.signer_key.as_slice(),
            st.role,
            hex(&st.minutes_sha256),
            hex(&st.prev_sha256),
            st.signed_at,
            sig.as_slice()
        ],
    )?;
    crate::store::trust::mark_v2(tx)
}

fn sign_addendum_tx(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    uid: &str,
    a: &AddendumRecord,
    minutes_sha: &str,
    row: &SignerRow,
    key: &SigningKey,
) -> Result<()> {
    let already: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM signatures WHERE addendum_id = ?1 AND public_key = ?2)",
        params![a.id, row.public_key.as_slice()],
        |r| r.get(0),
    )?;
    if already {
        return Err(refuse(Refusal::AddendumAlreadySignedBy {
            name: row.name.clone(),
        }));
    }
    let (community, seq): (CommunityId, i64) = tx.query_row(
        "SELECT community_id, seq FROM minutes WHERE meeting_id = ?1",
        [meeting],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    crate::store::trust::ensure_on_roster(tx, community, &row.name, key, None)?;
    let st = StatementV2 {
        community_uid: crate::store::trust::community_uid(tx, community)?,
        meeting_uid: uid.to_string(),
        seq,
        signer_name: row.name.clone(),
        role: SignatureRole::Addendum.as_db().to_string(),
        signer_key: row.public_key,
        signed_at: now(),
        minutes_sha256: sha256(&addendum_bytes(a)),
        prev_sha256: parse32(minutes_sha)?,
    };
    let sig = sign_v2(key, &st).map_err(sign_error)?;
    insert_signature(tx, meeting, Some(a.id), &st, &sig)
}

/// Whether `name` may sign the minutes of `rec` in `role`: the host and the secretary
/// once the meeting is adjourned, each only as the one the record names; other members
/// also after it is signed.
fn may_sign(rec: &MeetingRecord, role: Role, name: &str) -> Result<()> {
    let allowed = match role {
        Role::Member => matches!(rec.status, MeetingStatus::Adjourned | MeetingStatus::Signed),
        _ => rec.status == MeetingStatus::Adjourned,
    };
    if !allowed {
        return Err(match rec.status {
            MeetingStatus::Signed => refuse(Refusal::AlreadySignedByHostAndSecretary),
            _ => refuse(Refusal::SignOnlyAdjourned),
        });
    }
    let named = match role {
        Role::Host => Some(&rec.host),
        Role::Secretary => Some(&rec.secretary),
        Role::Member => None,
    };
    if let Some(n) = named
        && clean_line(n).trim() != name
    {
        return Err(refuse(Refusal::OnlyNamedMaySign {
            name: clean_line(n).trim().to_string(),
            role,
        }));
    }
    Ok(())
}

/// The minutes a signature covers and their place in the community's chain.
struct MinutesLink {
    body: String,
    hash: String,
    prev: String,
    seq: i64,
}

/// The minutes text signed: stored at the first signature (with the next link of the
/// community's chain); a later signature signs the text stored then, in its format, and
/// is refused if the records no longer render to it.
fn minutes_link(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    community: CommunityId,
    rec: &MeetingRecord,
    role: Role,
    format: MinutesFormat,
    body: &str,
) -> Result<MinutesLink> {
    let existing: Option<(String, String, String, i64, i64)> = tx
        .query_row(
            "SELECT text, sha256, prev_sha256, format, seq FROM minutes WHERE meeting_id = ?1",
            [meeting],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let body = match &existing {
        Some((_, _, _, f, _)) => match MinutesFormat::from_db(*f) {
            Some(f) if f != format => signed_body_as(rec, f),
            _ => body.to_string(),
        },
        None => body.to_string(),
    };
    let hash = hex(&sha256(body.as_bytes()));
    if let Some((text, sha, prev, _, seq)) = existing {
        if text != body || sha != hash {
            return Err(refuse(Refusal::ChangedSinceFirstSignature));
        }
        return Ok(MinutesLink {
            body,
            hash,
            prev,
            seq,
        });
    }
    if role == Role::Member {
        return Err(refuse(Refusal::HostAndSecretaryFirst));
    }
    let last: Option<(String, i64)> = tx
        .query_row(
            "SELECT sha256, seq FROM minutes WHERE community_id = ?1 ORDER BY seq DESC LIMIT 1",
            [community],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (prev, seq) = match last {
        Some((h, s)) => (h, s.saturating_add(1)),
        None => (ZERO_HASH.to_string(), 1),
    };
    if seq > MAX_SEQ {
        return Err(StoreError::Corrupt(
            "The community's chain position (seq) of its last minutes".into(),
        ));
    }
    tx.execute(
        "INSERT INTO minutes (meeting_id, community_id, seq, text, sha256, prev_sha256, rendered_at, format)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![meeting, community, seq, body, hash, prev, now(), format.as_db()],
    )?;
    Ok(MinutesLink {
        body,
        hash,
        prev,
        seq,
    })
}

/// The roles that have signed the minutes already, refusing a second signature by the
/// same key or a second host (secretary).
fn signed_roles(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    row: &SignerRow,
    role: Role,
) -> Result<Vec<Role>> {
    let mut st = tx.prepare_cached(
        "SELECT role, public_key FROM signatures WHERE meeting_id = ?1 AND addendum_id IS NULL",
    )?;
    let done: Vec<(Role, Vec<u8>)> = st
        .query_map([meeting], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if done.iter().any(|(_, k)| k.as_slice() == row.public_key) {
        return Err(refuse(Refusal::AlreadySignedBy {
            name: row.name.clone(),
        }));
    }
    if role != Role::Member && done.iter().any(|(r, _)| *r == role) {
        return Err(refuse(Refusal::RoleAlreadySigned(role)));
    }
    Ok(done.into_iter().map(|(r, _)| r).collect())
}

/// Host and secretary have signed: the minutes go into the search index and the meeting
/// becomes signed (the schema's triggers lock its records).
fn lock_minutes(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    link: &MinutesLink,
) -> Result<()> {
    crate::store::search::index_text(tx, meeting, "minutes", meeting.0, &link.body)?;
    audit(tx, Some(meeting), "lock", &link.hash)?;
    tx.execute(
        "UPDATE meetings SET status = 'signed' WHERE id = ?1",
        [meeting],
    )?;
    Ok(())
}
