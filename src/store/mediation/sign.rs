//! Signing an agreement (调解协议书) with the minutes' passphrase signing: the mediator's
//! registered key (Argon2id from the passphrase), on the community's signer roster, signs
//! the agreement statement (domain::mediation::verify). The first signature stores the
//! rendered text and locks the case's facts; other mediators of the case sign the same
//! text; a correction is a signed addendum. Also: the export bundle, the check `verify`
//! makes of every agreement here, and the import of a signed agreement at the district.

use rusqlite::{OptionalExtension, params};

use crate::domain::mediation::agreement::{AgreementFormat, addendum_bytes, render};
use crate::domain::mediation::verify::{
    ADDENDUM_ROLE, AgreementAddendum, AgreementBundle, AgreementSignature, AgreementStatement,
    AgreementStatus, EXPORT_FORMAT, MEDIATOR_ROLE, StoredAgreement, sign_agreement,
    verify_agreement,
};
use crate::domain::mediation::{CaseStatus, ready_to_sign};
use crate::domain::signing::{SignError, fingerprint, hex, sha256};
use crate::domain::text::clean_multiline;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CaseId, CommunityId, SignerId};
use crate::store::mediation::is_signed;
use crate::store::refusal::Refusal;
use crate::store::refusal::mediation::MediationRefusal;
use crate::store::{Store, audit, now};
use ed25519_dalek::SigningKey;

/// One agreement's line in `verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementReport {
    /// The case here (None for an agreement imported from a laptop).
    pub case_id: Option<CaseId>,
    pub community: String,
    pub number: i64,
    pub title: String,
    pub status: AgreementStatus,
    /// (name, fingerprint) of the mediators who signed the agreement itself.
    pub signers: Vec<(String, String)>,
}

fn sign_error(e: SignError) -> StoreError {
    match e {
        SignError::WrongPassphrase => StoreError::WrongPassphrase,
        other => refuse(Refusal::Signing(other)),
    }
}

fn signers_of(b: &AgreementBundle) -> Vec<(String, String)> {
    b.signatures
        .iter()
        .filter(|s| s.addendum_id.is_none())
        .map(|s| (s.signer_name.clone(), s.fingerprint()))
        .collect()
}

fn stored_sha(tx: &rusqlite::Connection, case: CaseId) -> Result<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT sha256 FROM mediation_agreements WHERE case_id = ?1",
            [case],
            |r| r.get(0),
        )
        .optional()?)
}

fn parse32(h: &str) -> Result<[u8; 32]> {
    crate::domain::signing::from_hex(h)
        .and_then(|v| <[u8; 32]>::try_from(v).ok())
        .ok_or_else(|| StoreError::Corrupt("The stored agreement hash".into()))
}

struct Signing<'a> {
    case: CaseId,
    community: CommunityId,
    name: &'a str,
    key: &'a SigningKey,
    addendum: Option<i64>,
    covered: [u8; 32],
    prev: [u8; 32],
}

fn insert_signature(
    tx: &rusqlite::Transaction<'_>,
    s: &Signing<'_>,
    uid: &str,
    number: i64,
) -> Result<()> {
    crate::store::trust::ensure_on_roster(tx, s.community, s.name, s.key, None)?;
    let pk = s.key.verifying_key().to_bytes();
    let st = AgreementStatement {
        community_uid: crate::store::trust::community_uid(tx, s.community)?,
        case_uid: uid.to_string(),
        number,
        signer_name: s.name.to_string(),
        role: if s.addendum.is_some() {
            ADDENDUM_ROLE
        } else {
            MEDIATOR_ROLE
        }
        .to_string(),
        signer_key: pk,
        signed_at: now(),
        agreement_sha256: s.covered,
        prev_sha256: s.prev,
    };
    let sig = sign_agreement(s.key, &st).map_err(sign_error)?;
    tx.execute(
        "INSERT INTO mediation_signatures (case_id, addendum_id, signer_name, public_key, role,
            agreement_sha256, prev_sha256, signed_at, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            s.case,
            s.addendum,
            st.signer_name,
            pk.as_slice(),
            st.role,
            hex(&st.agreement_sha256),
            hex(&st.prev_sha256),
            st.signed_at,
            sig.as_slice()
        ],
    )?;
    Ok(())
}

impl Store {
    /// The signer's registered name and key, unlocked by the passphrase (slow: Argon2id).
    fn mediator_key(
        &self,
        case: CaseId,
        signer: SignerId,
        passphrase: &str,
    ) -> Result<(String, SigningKey)> {
        let row = self
            .signers()?
            .into_iter()
            .find(|s| s.id == signer)
            .ok_or_else(|| StoreError::NotFound(format!("signer {signer}")))?;
        if !self.case_record(case)?.mediators.contains(&row.name) {
            return Err(refuse(MediationRefusal::NotAMediator));
        }
        let key = self.unlock_signer(signer, passphrase)?;
        Ok((row.name, key))
    }

    /// A mediator of the case signs its agreement. The first signature needs the case
    /// ready (domain::mediation::ready_to_sign), stores the text, makes the case agreed
    /// and locks its facts. Returns whether this was the first signature.
    pub fn sign_agreement(
        &mut self,
        case: CaseId,
        signer: SignerId,
        passphrase: &str,
    ) -> Result<bool> {
        self.case_row(case)?;
        let key = self.mediator_key(case, signer, passphrase)?.1;
        self.sign_agreement_with_key(case, signer, &key)
    }

    /// `sign_agreement` with a key already unlocked (`unlock_signer`): the demo signs
    /// several agreements without deriving the key each time.
    pub fn sign_agreement_with_key(
        &mut self,
        case: CaseId,
        signer: SignerId,
        key: &SigningKey,
    ) -> Result<bool> {
        let row = self.case_row(case)?;
        let rec = self.case_record(case)?;
        if !row.signed {
            if row.status != CaseStatus::Open {
                return Err(refuse(MediationRefusal::Transition(
                    row.status,
                    CaseStatus::Agreed,
                )));
            }
            ready_to_sign(&rec).map_err(|n| refuse(MediationRefusal::NotReady(n)))?;
        }
        let name = self
            .signers()?
            .into_iter()
            .find(|s| s.id == signer && s.public_key == key.verifying_key().to_bytes())
            .map(|s| s.name)
            .ok_or(StoreError::WrongPassphrase)?;
        if !rec.mediators.contains(&name) {
            return Err(refuse(MediationRefusal::NotAMediator));
        }
        let format = AgreementFormat::CURRENT;
        let text = render(&rec, format);
        self.write(|tx| {
            let pk = key.verifying_key().to_bytes();
            let already: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM mediation_signatures
                 WHERE case_id = ?1 AND addendum_id IS NULL AND public_key = ?2)",
                params![case, pk.as_slice()],
                |r| r.get(0),
            )?;
            if already {
                return Err(refuse(MediationRefusal::AlreadySigned));
            }
            let first = !is_signed(tx, case)?;
            let sha = match stored_sha(tx, case)? {
                Some(h) => parse32(&h)?,
                None => {
                    let h = sha256(text.as_bytes());
                    tx.execute(
                        "INSERT INTO mediation_agreements (case_id, text, sha256, format, rendered_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![case, text, hex(&h), format.as_db(), now()],
                    )?;
                    h
                }
            };
            let s = Signing {
                case,
                community: row.community_id,
                name: &name,
                key,
                addendum: None,
                covered: sha,
                prev: [0u8; 32],
            };
            insert_signature(tx, &s, &rec.uid, rec.number)?;
            if first {
                tx.execute(
                    "UPDATE mediation_cases SET status = 'agreed' WHERE id = ?1",
                    [case],
                )?;
            }
            audit(tx, None, "mediation_sign", &format!("{case} {name} {}", fingerprint(&pk)))?;
            Ok(first)
        })
    }

    /// A correction to a signed agreement, signed at once by a mediator of the case.
    pub fn add_agreement_addendum(
        &mut self,
        case: CaseId,
        text: &str,
        signer: SignerId,
        passphrase: &str,
    ) -> Result<i64> {
        let text = clean_multiline(text).trim().to_string();
        if text.is_empty() {
            return Err(refuse(Refusal::AddendumNeedsText));
        }
        let row = self.case_row(case)?;
        if !row.signed {
            return Err(refuse(MediationRefusal::NotSignedYet));
        }
        let rec = self.case_record(case)?;
        let (name, key) = self.mediator_key(case, signer, passphrase)?;
        self.write(|tx| {
            let agreement = match stored_sha(tx, case)? {
                Some(h) => parse32(&h)?,
                None => return Err(refuse(MediationRefusal::NotSignedYet)),
            };
            let at = now();
            tx.execute(
                "INSERT INTO mediation_addenda (case_id, text, at) VALUES (?1, ?2, ?3)",
                params![case, text, at],
            )?;
            let id = tx.last_insert_rowid();
            let s = Signing {
                case,
                community: row.community_id,
                name: &name,
                key: &key,
                addendum: Some(id),
                covered: sha256(&addendum_bytes(&rec.uid, id, &at, &text)),
                prev: agreement,
            };
            insert_signature(tx, &s, &rec.uid, rec.number)?;
            audit(tx, None, "mediation_addendum", &format!("{case} {id}"))?;
            Ok(id)
        })
    }

    /// The stored (signed) agreement text, if any.
    pub fn stored_agreement(&self, case: CaseId) -> Result<Option<StoredAgreement>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT text, sha256, format, rendered_at FROM mediation_agreements WHERE case_id = ?1",
                [case],
                |r| {
                    Ok(StoredAgreement {
                        text: r.get(0)?,
                        sha256: r.get(1)?,
                        format: r.get(2)?,
                        rendered_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// The agreement as it reads now: the signed text, or the draft from the records.
    pub fn agreement_text(&self, case: CaseId) -> Result<String> {
        Ok(match self.stored_agreement(case)? {
            Some(s) => s.text,
            None => render(&self.case_record(case)?, AgreementFormat::CURRENT),
        })
    }

    pub fn agreement_addenda(&self, case: CaseId) -> Result<Vec<AgreementAddendum>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, text, at FROM mediation_addenda WHERE case_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([case], |r| {
            Ok(AgreementAddendum {
                id: r.get(0)?,
                text: r.get(1)?,
                at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn agreement_signatures(&self, case: CaseId) -> Result<Vec<AgreementSignature>> {
        let mut st = self.conn().prepare_cached(
            "SELECT addendum_id, signer_name, public_key, role, agreement_sha256, prev_sha256,
                    signed_at, signature
             FROM mediation_signatures WHERE case_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([case], |r| {
            let pk: Vec<u8> = r.get(2)?;
            let sig: Vec<u8> = r.get(7)?;
            Ok(AgreementSignature {
                addendum_id: r.get(0)?,
                signer_name: r.get(1)?,
                public_key: hex(&pk),
                role: r.get(3)?,
                agreement_sha256: r.get(4)?,
                prev_sha256: r.get(5)?,
                signed_at: r.get(6)?,
                signature: hex(&sig),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything the agreement's check needs, as exported.
    pub fn agreement_bundle(&self, case: CaseId) -> Result<AgreementBundle> {
        let row = self.case_row(case)?;
        Ok(AgreementBundle {
            format: EXPORT_FORMAT.to_string(),
            community_uid: crate::store::trust::community_uid(self.conn(), row.community_id)?,
            case: self.case_record(case)?,
            agreement: self.stored_agreement(case)?,
            signatures: self.agreement_signatures(case)?,
            addenda: self.agreement_addenda(case)?,
            roster: crate::store::trust::roster(self.conn(), row.community_id)?,
        })
    }

    pub fn verify_case_agreement(&self, case: CaseId) -> Result<AgreementReport> {
        let b = self.agreement_bundle(case)?;
        Ok(AgreementReport {
            case_id: Some(case),
            community: b.case.community.clone(),
            number: b.case.number,
            title: self.case_row(case)?.title,
            status: verify_agreement(&b),
            signers: signers_of(&b),
        })
    }

    /// Every agreement here that has a text or a signature, then the imported ones.
    pub fn verify_agreements(&self) -> Result<Vec<AgreementReport>> {
        let ids: Vec<CaseId> = {
            let mut st = self.conn().prepare_cached(
                "SELECT id FROM mediation_cases c WHERE
                   EXISTS (SELECT 1 FROM mediation_agreements a WHERE a.case_id = c.id)
                   OR EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = c.id)
                 ORDER BY community_id, number",
            )?;
            st.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut out = Vec::new();
        for id in ids {
            out.push(self.verify_case_agreement(id)?);
        }
        let mut st = self.conn().prepare_cached(
            "SELECT bundle FROM mediation_imports ORDER BY community_uid, case_uid",
        )?;
        let bundles: Vec<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for text in bundles {
            let b: AgreementBundle = serde_json::from_str(&text)
                .map_err(|_| StoreError::Corrupt("An imported agreement".into()))?;
            out.push(AgreementReport {
                case_id: None,
                community: b.case.community.clone(),
                number: b.case.number,
                title: b.case.title.clone(),
                status: verify_agreement(&b),
                signers: signers_of(&b),
            });
        }
        Ok(out)
    }

    /// Keep a signed agreement exported from a laptop (at the district). It must verify;
    /// the same agreement again changes nothing (false), the same agreement with more
    /// addenda or signatures replaces the one kept, any other is refused.
    pub fn import_agreement(&mut self, b: &AgreementBundle) -> Result<bool> {
        if b.format != EXPORT_FORMAT || verify_agreement(b) != AgreementStatus::Valid {
            return Err(refuse(MediationRefusal::ImportInvalid));
        }
        let json = serde_json::to_string(b).map_err(|_| refuse(MediationRefusal::ImportInvalid))?;
        let sha = b
            .agreement
            .as_ref()
            .map(|a| a.sha256.clone())
            .unwrap_or_default();
        self.write(|tx| {
            // Where this district trusts the community (keys pinned from its notices, as
            // for minutes), every signature must be made with a pinned key or one the
            // roster registered from a pinned key: the roster the file carries is only
            // believed as far as it continues the one kept here.
            let community: Option<CommunityId> = tx
                .query_row(
                    "SELECT community_id FROM community_uids WHERE uid = ?1",
                    [&b.community_uid],
                    |r| r.get(0),
                )
                .optional()?;
            let pins = match community {
                Some(c) => crate::store::trust::pinned(tx, c)?,
                None => Vec::new(),
            };
            if !pins.is_empty() {
                let stored = crate::store::trust::roster_by_uid(tx, &b.community_uid)?;
                let n = stored.len().min(b.roster.len());
                let roster = if stored[..n] != b.roster[..n] {
                    return Err(refuse(MediationRefusal::ImportUntrusted));
                } else if b.roster.len() > stored.len() {
                    b.roster.clone()
                } else {
                    stored
                };
                let trusted = crate::domain::signing::roster::trusted_keys(&roster, &pins);
                let all_trusted = b.signatures.iter().all(|s| {
                    pins.contains(&crate::domain::signing::roster_entry::fp(&s.public_key))
                        || trusted.contains(&s.public_key)
                });
                if !all_trusted {
                    return Err(refuse(MediationRefusal::ImportUntrusted));
                }
            }
            let old: Option<String> = tx
                .query_row(
                    "SELECT bundle FROM mediation_imports WHERE community_uid = ?1 AND case_uid = ?2",
                    params![b.community_uid, b.case.uid],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(old) = &old {
                if *old == json {
                    return Ok(false);
                }
                let kept: Option<AgreementBundle> = serde_json::from_str(old).ok();
                let same = kept
                    .and_then(|k| k.agreement)
                    .is_some_and(|a| a.sha256 == sha);
                if !same {
                    return Err(refuse(MediationRefusal::ImportDiffers));
                }
            }
            tx.execute(
                "INSERT INTO mediation_imports (community_uid, case_uid, bundle, imported_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (community_uid, case_uid) DO UPDATE SET bundle = excluded.bundle,
                     imported_at = excluded.imported_at",
                params![b.community_uid, b.case.uid, json, now()],
            )?;
            audit(tx, None, "mediation_import", &b.case.uid)?;
            Ok(true)
        })
    }
}
