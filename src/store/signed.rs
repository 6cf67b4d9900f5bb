//! Reading what was signed, for verification and export: the signatures, the stored
//! minutes, the signers' keys, each meeting's verification, the minutes as shown, and the
//! export bundle. The checks themselves are in domain::signing::verify.

use rusqlite::OptionalExtension;

use crate::domain::lang::Lang;
use crate::domain::minutes::MinutesFormat;
use crate::domain::minutes::body::signed_body;
use crate::domain::minutes::document::render_document;
use crate::domain::signing::hex;
use crate::domain::signing::verify::{
    ChainLink, EXPORT_FORMAT, ExportBundle, Problem, SignatureRecord, SignerKey, StoredMinutes,
    VerifyStatus, chain_starts_at_import, verify_chain, verify_record,
};
use crate::store::Store;
use crate::store::error::Result;
use crate::store::ids::{CommunityId, MeetingId};

/// One meeting's verification, for the CLI line and the TUI badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub meeting_id: MeetingId,
    pub uid: String,
    pub title: String,
    pub status: VerifyStatus,
    pub signatures: Vec<SignatureRecord>,
    /// Imported minutes whose predecessor in the community's chain is not in this
    /// database (the district office gathered only some): the chain as known here
    /// starts at this meeting. Not a failure.
    pub chain_starts_at_import: bool,
}

impl Store {
    /// Every signature of a meeting (minutes first, then addenda), in signing order.
    pub fn signatures(&self, meeting: MeetingId) -> Result<Vec<SignatureRecord>> {
        let mut st = self.conn().prepare_cached(
            "SELECT signer_name, public_key, role, addendum_id, minutes_sha256, prev_sha256,
                    signed_at, signature,
                    coalesce((SELECT version FROM signature_statements WHERE signature_id = s.id), 1)
             FROM signatures s WHERE meeting_id = ?1
             ORDER BY addendum_id IS NOT NULL, addendum_id, id",
        )?;
        let rows = st.query_map([meeting], |r| {
            Ok(SignatureRecord {
                signer_name: r.get(0)?,
                public_key: hex(&r.get::<_, Vec<u8>>(1)?),
                role: r.get(2)?,
                addendum_id: r.get(3)?,
                minutes_sha256: r.get(4)?,
                prev_sha256: r.get(5)?,
                signed_at: r.get(6)?,
                signature: hex(&r.get::<_, Vec<u8>>(7)?),
                version: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The minutes as signed (None before the first signature).
    pub fn stored_minutes(&self, meeting: MeetingId) -> Result<Option<StoredMinutes>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT n.text, n.sha256, n.prev_sha256, coalesce(l.seq, n.seq),
                        coalesce(l.community_uid, c.uid, ''), n.format
                 FROM minutes n LEFT JOIN community_uids c ON c.community_id = n.community_id
                 LEFT JOIN imported_links l ON l.meeting_id = n.meeting_id
                 WHERE n.meeting_id = ?1",
                [meeting],
                |r| {
                    Ok(StoredMinutes {
                        text: r.get(0)?,
                        sha256: r.get(1)?,
                        prev_sha256: r.get(2)?,
                        seq: r.get(3)?,
                        community_uid: r.get(4)?,
                        format: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// The registered signers' public keys.
    pub fn signer_keys(&self) -> Result<Vec<SignerKey>> {
        Ok(self
            .signers()?
            .into_iter()
            .map(|s| SignerKey {
                name: s.name,
                public_key: hex(&s.public_key),
                fingerprint: s.fingerprint,
            })
            .collect())
    }

    pub(crate) fn chain(&self, community: CommunityId) -> Result<Vec<ChainLink>> {
        let mut st = self.conn().prepare_cached(
            "SELECT n.meeting_id, n.seq, n.sha256, n.prev_sha256, m.origin = 'imported'
             FROM minutes n JOIN meetings m ON m.id = n.meeting_id
             WHERE n.community_id = ?1 ORDER BY n.seq",
        )?;
        let rows = st.query_map([community], |r| {
            Ok(ChainLink {
                meeting_id: r.get(0)?,
                seq: r.get(1)?,
                sha256: r.get(2)?,
                prev_sha256: r.get(3)?,
                imported: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn verify_with(
        &self,
        id: MeetingId,
        keys: &[SignerKey],
        chain_problems: &[(i64, Problem)],
        chain_starts: &[i64],
    ) -> Result<VerifyReport> {
        let m = self.meeting(id)?;
        let sigs = self.signatures(id)?;
        let minutes = self.stored_minutes(id)?;
        let status = match self.meeting_record(id) {
            Ok(rec) => {
                let status = verify_record(&rec, minutes.as_ref(), &sigs, keys);
                crate::store::trust::with_trust(
                    self.conn(),
                    &m,
                    &rec,
                    minutes.as_ref(),
                    &sigs,
                    status,
                )?
            }
            Err(e) => VerifyStatus::Invalid(vec![Problem::RecordUnreadable {
                detail: e.to_string(),
            }]),
        };
        let mine: Vec<Problem> = chain_problems
            .iter()
            .filter(|(mid, _)| *mid == id.0)
            .map(|(_, p)| p.clone())
            .collect();
        let status = status.with_problems(mine);
        Ok(VerifyReport {
            meeting_id: id,
            uid: m.uid,
            title: m.title,
            status,
            signatures: sigs,
            chain_starts_at_import: chain_starts.contains(&id.0),
        })
    }

    /// Verify one meeting: re-render and compare, every signature, its chain link.
    pub fn verify_meeting(&self, id: MeetingId) -> Result<VerifyReport> {
        let m = self.meeting(id)?;
        let links = self.chain(m.community_id)?;
        self.verify_with(
            id,
            &self.signer_keys()?,
            &verify_chain(&links),
            &chain_starts_at_import(&links),
        )
    }

    /// `verify_meeting` for a meeting just imported, reading only its own chain link and
    /// the one before it: an imported link is never a chain failure (see
    /// domain::signing::verify::verify_chain), and whether the chain as known here starts at it
    /// depends on its predecessor alone. So an import costs the same however long the
    /// community's record is.
    pub(crate) fn verify_imported(&self, id: MeetingId) -> Result<VerifyReport> {
        let (check, mut report) = self.read_imported(id)?;
        report.status = check.run(std::mem::replace(&mut report.status, VerifyStatus::Valid));
        Ok(report)
    }

    /// What `verify_imported` reads from the database: the report with the trust
    /// problems alone (the pinned keys and signed roster), and the check that needs no
    /// database (the minutes rendered again, every signature), to run on any thread.
    pub(crate) fn read_imported(&self, id: MeetingId) -> Result<(ImportedCheck, VerifyReport)> {
        let link: Option<(i64, i64, String)> = self
            .conn()
            .query_row(
                "SELECT community_id, seq, prev_sha256 FROM minutes WHERE meeting_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let starts = match link {
            None => false,
            Some((community, seq, prev)) => {
                let before: Option<String> = self
                    .conn()
                    .prepare_cached(
                        "SELECT sha256 FROM minutes WHERE community_id = ?1 AND seq < ?2
                         ORDER BY seq DESC LIMIT 1",
                    )?
                    .query_row(rusqlite::params![community, seq], |r| r.get(0))
                    .optional()?;
                prev != before
                    .as_deref()
                    .unwrap_or(crate::domain::signing::verify::ZERO_HASH)
            }
        };
        let m = self.meeting(id)?;
        let sigs = self.signatures(id)?;
        let minutes = self.stored_minutes(id)?;
        let (record, trust) = match self.meeting_record(id) {
            // An imported meeting is never local: its trust problems are added to the
            // status, whatever it is (store::trust::with_trust).
            Ok(rec) => {
                let trust = crate::store::trust::with_trust(
                    self.conn(),
                    &m,
                    &rec,
                    minutes.as_ref(),
                    &sigs,
                    VerifyStatus::Valid,
                )?;
                (Ok(rec), trust)
            }
            Err(e) => (Err(e.to_string()), VerifyStatus::Valid),
        };
        let check = ImportedCheck {
            record,
            minutes,
            signatures: sigs.clone(),
            keys: self.signer_keys()?,
        };
        let report = VerifyReport {
            meeting_id: id,
            uid: m.uid,
            title: m.title,
            status: trust,
            signatures: sigs,
            chain_starts_at_import: starts,
        };
        Ok((check, report))
    }

    /// Verify every meeting that is signed or carries a signature, oldest first.
    pub fn verify_all(&self) -> Result<Vec<VerifyReport>> {
        let mut out = Vec::new();
        self.verify_each(|r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// As [`Store::verify_all`], handing each report to `f` as it is made: a district
    /// archive's reports are not all held at once (they were most of `yishi verify`'s
    /// memory). Returns how many meetings were verified.
    pub fn verify_each(&self, mut f: impl FnMut(VerifyReport) -> Result<()>) -> Result<usize> {
        let keys = self.signer_keys()?;
        let mut st = self.conn().prepare_cached(
            "SELECT id, community_id FROM meetings m WHERE status = 'signed'
                OR EXISTS (SELECT 1 FROM minutes n WHERE n.meeting_id = m.id)
                OR EXISTS (SELECT 1 FROM signatures s WHERE s.meeting_id = m.id)
             ORDER BY starts_at, id",
        )?;
        let ids: Vec<(MeetingId, CommunityId)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut communities: Vec<CommunityId> = ids.iter().map(|(_, c)| *c).collect();
        communities.sort_unstable();
        communities.dedup();
        let mut chain_problems = Vec::new();
        let mut chain_starts = Vec::new();
        for c in communities {
            let links = self.chain(c)?;
            chain_problems.extend(verify_chain(&links));
            chain_starts.extend(chain_starts_at_import(&links));
        }
        for &(id, _) in &ids {
            f(self.verify_with(id, &keys, &chain_problems, &chain_starts)?)?;
        }
        Ok(ids.len())
    }

    /// The complete minutes for reading: the signed text (or, before the first
    /// signature, a fresh rendering in the meeting's language), then the addenda and the
    /// signature block with labels in `lang`.
    pub fn minutes_text(&self, id: MeetingId, lang: Lang) -> Result<String> {
        let rec = self.meeting_record(id)?;
        let stored = self.stored_minutes(id)?;
        let lines: Vec<_> = self.signatures(id)?.iter().map(|s| s.line()).collect();
        let body = match &stored {
            Some(m) => m.text.clone(),
            None => signed_body(&rec),
        };
        Ok(render_document(
            &rec,
            &body,
            &lines,
            stored.as_ref().map(|m| m.sha256.as_str()),
            lang,
            self.minutes_format(id)?,
        ))
    }

    /// The format of a meeting's minutes: the one it was signed in, else the current one
    /// (an unknown number, from a newer release, reads as the current one for display).
    pub fn minutes_format(&self, id: MeetingId) -> Result<MinutesFormat> {
        Ok(self
            .stored_minutes(id)?
            .and_then(|m| MinutesFormat::from_db(m.format))
            .unwrap_or(MinutesFormat::CURRENT))
    }

    /// Everything `verify --file` needs to check a meeting elsewhere.
    pub fn export_bundle(&self, id: MeetingId) -> Result<ExportBundle> {
        let record = self.meeting_record(id)?;
        let signatures = self.signatures(id)?;
        let keys = self.signer_keys()?;
        let mut signers: Vec<SignerKey> = Vec::new();
        for s in &signatures {
            if signers.iter().any(|k| k.public_key == s.public_key) {
                continue;
            }
            let name = keys
                .iter()
                .find(|k| k.public_key == s.public_key)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| s.signer_name.clone());
            signers.push(SignerKey {
                name,
                public_key: s.public_key.clone(),
                fingerprint: s.fingerprint(),
            });
        }
        let mut b = ExportBundle {
            format: EXPORT_FORMAT.to_string(),
            record,
            minutes: self.stored_minutes(id)?,
            signatures,
            signers,
            roster: Vec::new(),
            head: String::new(),
        };
        self.export_trust(id, &mut b)?;
        Ok(b)
    }
}

/// The part of an imported meeting's verification that needs no database (see
/// `Store::read_imported`).
pub(crate) struct ImportedCheck {
    record: std::result::Result<crate::domain::record::MeetingRecord, String>,
    minutes: Option<crate::domain::signing::verify::StoredMinutes>,
    signatures: Vec<crate::domain::signing::verify::SignatureRecord>,
    keys: Vec<SignerKey>,
}

impl ImportedCheck {
    /// The meeting's status: its minutes rendered again from the records read back and
    /// compared, every signature checked, with `trust` (the trust problems found) added.
    pub(crate) fn run(&self, trust: VerifyStatus) -> VerifyStatus {
        let rec = match &self.record {
            Ok(rec) => rec,
            Err(detail) => {
                return VerifyStatus::Invalid(vec![Problem::RecordUnreadable {
                    detail: detail.clone(),
                }]);
            }
        };
        let status = verify_record(rec, self.minutes.as_ref(), &self.signatures, &self.keys);
        match trust {
            VerifyStatus::Invalid(found) => status.with_problems(found),
            _ => status,
        }
    }
}
