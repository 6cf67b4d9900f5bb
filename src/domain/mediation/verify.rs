//! An agreement's signatures: what a mediator signs (the agreement statement, built on the
//! minutes' statement rules: plain `name=value` lines, the same key and roster), and the
//! check `verify` makes: the stored text hashes to its SHA-256, the case renders to the
//! same text, each signature verifies, each signer is a mediator of the case and was on
//! the community's signer roster when signing.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::domain::mediation::CaseRecord;
use crate::domain::mediation::agreement::{AgreementFormat, addendum_bytes, render};
use crate::domain::signing::roster::{check_roster, on_roster_at};
use crate::domain::signing::roster_entry::RosterEntry;
use crate::domain::signing::statement::plain_value;
use crate::domain::signing::verify::ZERO_HASH;
use crate::domain::signing::{SignError, fingerprint, from_hex, hex, sha256};

pub const HEADER: &str = "yishi-agreement-v1";
pub const MEDIATOR_ROLE: &str = "mediator";
pub const ADDENDUM_ROLE: &str = "addendum";
pub const EXPORT_FORMAT: &str = "yishi-agreement-export-v1";

/// What a mediator signs about one agreement (or one addendum to it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementStatement {
    pub community_uid: String,
    pub case_uid: String,
    pub number: i64,
    pub signer_name: String,
    /// [`MEDIATOR_ROLE`] or [`ADDENDUM_ROLE`].
    pub role: String,
    pub signer_key: [u8; 32],
    pub signed_at: String,
    /// SHA-256 of the agreement text (for an addendum: of its addendum bytes).
    pub agreement_sha256: [u8; 32],
    /// 64 zeros for the agreement; for an addendum the SHA-256 of the agreement.
    pub prev_sha256: [u8; 32],
}

impl AgreementStatement {
    /// The exact bytes signed (UTF-8, each line ending in one `\n`):
    ///
    /// ```text
    /// yishi-agreement-v1
    /// community=<community uid>
    /// case=<case uid>
    /// number=<case number, 1 or more>
    /// signer=<signer name>
    /// role=<mediator|addendum>
    /// signer_key=<64 lower-case hex>
    /// signed_at=<RFC 3339 time with offset>
    /// agreement_sha256=<64 lower-case hex>
    /// prev_sha256=<64 lower-case hex>
    /// ```
    pub fn message(&self) -> Result<Vec<u8>, SignError> {
        let texts = [
            &self.community_uid,
            &self.case_uid,
            &self.signer_name,
            &self.role,
            &self.signed_at,
        ];
        if texts.iter().any(|v| !plain_value(v)) || self.number < 1 {
            return Err(SignError::BadStatement);
        }
        Ok(format!(
            "{HEADER}\ncommunity={}\ncase={}\nnumber={}\nsigner={}\nrole={}\nsigner_key={}\n\
             signed_at={}\nagreement_sha256={}\nprev_sha256={}\n",
            self.community_uid,
            self.case_uid,
            self.number,
            self.signer_name,
            self.role,
            hex(&self.signer_key),
            self.signed_at,
            hex(&self.agreement_sha256),
            hex(&self.prev_sha256),
        )
        .into_bytes())
    }
}

pub fn sign_agreement(key: &SigningKey, st: &AgreementStatement) -> Result<[u8; 64], SignError> {
    if key.verifying_key().to_bytes() != st.signer_key {
        return Err(SignError::BadKey);
    }
    Ok(key.sign(&st.message()?).to_bytes())
}

pub fn verify_statement(st: &AgreementStatement, sig: &[u8; 64]) -> Result<(), SignError> {
    let vk = VerifyingKey::from_bytes(&st.signer_key).map_err(|_| SignError::BadKey)?;
    vk.verify_strict(&st.message()?, &Signature::from_bytes(sig))
        .map_err(|_| SignError::BadSignature)
}

/// The agreement text stored at the first signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAgreement {
    pub text: String,
    pub sha256: String,
    pub format: i64,
    pub rendered_at: String,
}

/// One signature, binary values in hex (as the database and an export carry them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementSignature {
    pub addendum_id: Option<i64>,
    pub signer_name: String,
    pub public_key: String,
    pub role: String,
    pub agreement_sha256: String,
    pub prev_sha256: String,
    pub signed_at: String,
    pub signature: String,
}

impl AgreementSignature {
    pub fn fingerprint(&self) -> String {
        key32(&self.public_key)
            .map(|k| fingerprint(&k))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAddendum {
    pub id: i64,
    pub text: String,
    pub at: String,
}

/// Everything an agreement's check needs, as exported (`yishi export agreement`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementBundle {
    /// [`EXPORT_FORMAT`] (first, so a reader can tell the file from minutes).
    pub format: String,
    pub community_uid: String,
    pub case: CaseRecord,
    pub agreement: Option<StoredAgreement>,
    pub signatures: Vec<AgreementSignature>,
    pub addenda: Vec<AgreementAddendum>,
    pub roster: Vec<RosterEntry>,
}

/// Something wrong with a signed agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreementProblem {
    /// Signatures but no stored text.
    MissingText,
    StoredTextAltered,
    UnknownFormat {
        format: i64,
    },
    /// The case's records (its facts, parties, terms …) no longer give the signed text:
    /// the first differing line of each.
    FactsDiffer {
        records_say: String,
        signed_says: String,
    },
    BadSignature {
        signer: String,
    },
    NotAMediator {
        signer: String,
    },
    NotOnRoster {
        signer: String,
        fingerprint: String,
    },
    /// An addendum without a valid signature.
    AddendumUnsigned {
        id: i64,
    },
    /// A stored text, but no mediator's signature on it.
    NoMediatorSignature,
    /// The signer roster carried with the agreement does not verify.
    RosterBroken,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreementStatus {
    /// Not signed yet: nothing to check.
    Unsigned,
    Valid,
    Invalid(Vec<AgreementProblem>),
}

impl AgreementStatus {
    pub fn is_valid(&self) -> bool {
        matches!(self, AgreementStatus::Valid)
    }
}

fn key32(h: &str) -> Option<[u8; 32]> {
    from_hex(h).and_then(|v| <[u8; 32]>::try_from(v).ok())
}

fn first_difference(a: &str, b: &str) -> (String, String) {
    let (mut la, mut lb) = (a.lines(), b.lines());
    loop {
        match (la.next(), lb.next()) {
            (None, None) => return (String::new(), String::new()),
            (x, y) if x != y => {
                return (x.unwrap_or("").to_string(), y.unwrap_or("").to_string());
            }
            _ => {}
        }
    }
}

/// The check of one case's agreement (see the module's doc).
pub fn verify_agreement(b: &AgreementBundle) -> AgreementStatus {
    let mut out = Vec::new();
    let Some(stored) = &b.agreement else {
        if b.signatures.is_empty() {
            return AgreementStatus::Unsigned;
        }
        return AgreementStatus::Invalid(vec![AgreementProblem::MissingText]);
    };
    text_problems(b, stored, &mut out);
    let text_sha = sha256(stored.text.as_bytes());
    let mut any_mediator = false;
    for s in &b.signatures {
        if !signature_good(b, s, text_sha) {
            out.push(AgreementProblem::BadSignature {
                signer: s.signer_name.clone(),
            });
            continue;
        }
        if s.addendum_id.is_none() {
            any_mediator = true;
        }
        if !b.case.mediators.contains(&s.signer_name) {
            out.push(AgreementProblem::NotAMediator {
                signer: s.signer_name.clone(),
            });
        }
        if !on_roster_at(&b.roster, &s.public_key, &s.signed_at) {
            out.push(AgreementProblem::NotOnRoster {
                signer: s.signer_name.clone(),
                fingerprint: s.fingerprint(),
            });
        }
    }
    if !any_mediator
        && !out
            .iter()
            .any(|p| matches!(p, AgreementProblem::BadSignature { .. }))
    {
        out.push(AgreementProblem::NoMediatorSignature);
    }
    if !check_roster(&b.community_uid, &b.roster).is_empty() {
        out.push(AgreementProblem::RosterBroken);
    }
    for a in &b.addenda {
        let signed = b.signatures.iter().any(|s| s.addendum_id == Some(a.id));
        if !signed {
            out.push(AgreementProblem::AddendumUnsigned { id: a.id });
        }
    }
    if out.is_empty() {
        AgreementStatus::Valid
    } else {
        AgreementStatus::Invalid(out)
    }
}

/// The stored text against its hash and against the case rendered again in the format
/// it was signed in.
fn text_problems(b: &AgreementBundle, stored: &StoredAgreement, out: &mut Vec<AgreementProblem>) {
    if hex(&sha256(stored.text.as_bytes())) != stored.sha256 {
        out.push(AgreementProblem::StoredTextAltered);
    }
    match AgreementFormat::from_db(stored.format) {
        Some(f) => {
            let again = render(&b.case, f);
            if again != stored.text {
                let (records_say, signed_says) = first_difference(&again, &stored.text);
                out.push(AgreementProblem::FactsDiffer {
                    records_say,
                    signed_says,
                });
            }
        }
        None => out.push(AgreementProblem::UnknownFormat {
            format: stored.format,
        }),
    }
}

/// Whether a signature verifies in its role over what it covers: the agreement's text
/// (a mediator's), or an addendum present in the bundle after the text (an addendum's).
fn signature_good(b: &AgreementBundle, s: &AgreementSignature, text_sha: [u8; 32]) -> bool {
    let addendum = s
        .addendum_id
        .and_then(|id| b.addenda.iter().find(|a| a.id == id));
    let (covered, prev) = match (s.addendum_id, addendum) {
        (None, _) => (text_sha, [0u8; 32]),
        (Some(_), Some(a)) => (
            sha256(&addendum_bytes(&b.case.uid, a.id, &a.at, &a.text)),
            text_sha,
        ),
        (Some(_), None) => return false,
    };
    let role_ok = match s.addendum_id {
        None => s.role == MEDIATOR_ROLE,
        Some(_) => s.role == ADDENDUM_ROLE,
    };
    let st = key32(&s.public_key).map(|k| AgreementStatement {
        community_uid: b.community_uid.clone(),
        case_uid: b.case.uid.clone(),
        number: b.case.number,
        signer_name: s.signer_name.clone(),
        role: s.role.clone(),
        signer_key: k,
        signed_at: s.signed_at.clone(),
        agreement_sha256: covered,
        prev_sha256: prev,
    });
    let sig = from_hex(&s.signature).and_then(|v| <[u8; 64]>::try_from(v).ok());
    role_ok
        && s.agreement_sha256 == hex(&covered)
        && s.prev_sha256 == hex(&prev)
        && matches!((&st, sig), (Some(st), Some(sig)) if verify_statement(st, &sig).is_ok())
}

/// 64 zeros: the previous link of an agreement's own signatures.
pub fn zero_hash() -> &'static str {
    ZERO_HASH
}

#[cfg(test)]
mod tests;
