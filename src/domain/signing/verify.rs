//! Verification of signed minutes, as pure functions over what the store (or an exported
//! JSON file) holds: re-render the minutes from the record and compare with the signed
//! text, check every signature strictly, check each addendum's signatures, check that the
//! fixed outcomes follow from the roll calls, and check the community's chain of minutes.
//! Each problem found is a [`Problem`] naming the record, signature or link.

use serde::{Deserialize, Serialize};

use crate::domain::minutes::body::sections;
use crate::domain::minutes::document::addendum_bytes;
use crate::domain::minutes::{self, MinutesFormat, Section, meeting_lang};
use crate::domain::model::{MeetingStatus, SignatureRole};
use crate::domain::record::MeetingRecord;
use crate::domain::rules::evaluate;
use crate::domain::signing::roster_entry::RosterEntry;
use crate::domain::signing::statement::{StatementV2, verify_v2};
use crate::domain::signing::{SignedStatement, fingerprint, from_hex, hex, sha256, verify};

/// `prev_sha256` of a community's first signed minutes.
pub const ZERO_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The role of a signature on the minutes. Addenda are signed with role `addendum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Host,
    Secretary,
    /// Any other member who adds their signature.
    Member,
}

impl Role {
    pub fn as_db(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Secretary => "secretary",
            Role::Member => "member",
        }
    }

    pub fn from_db(s: &str) -> Option<Role> {
        [Role::Host, Role::Secretary, Role::Member]
            .into_iter()
            .find(|r| r.as_db() == s)
    }
}

/// One stored signature, as the database and an export carry it. Binary values are
/// lower-case hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureRecord {
    pub signer_name: String,
    pub public_key: String,
    pub role: String,
    /// `None`: a signature on the minutes; `Some(id)`: on that addendum.
    pub addendum_id: Option<i64>,
    pub minutes_sha256: String,
    pub prev_sha256: String,
    pub signed_at: String,
    pub signature: String,
    /// The statement signed: 1 (domain::signing, before schema 5) or 2
    /// (domain::signing::statement). Exports from before schema 5 carry no field: 1.
    #[serde(default = "statement_v1")]
    pub version: u8,
}

fn statement_v1() -> u8 {
    1
}

impl SignatureRecord {
    pub fn fingerprint(&self) -> String {
        key32(&self.public_key)
            .map(|k| fingerprint(&k))
            .unwrap_or_else(|| "?".into())
    }

    /// The statement this signature claims to sign, for `meeting_uid`.
    pub fn statement(&self, meeting_uid: &str) -> Option<SignedStatement> {
        Some(SignedStatement {
            meeting_uid: meeting_uid.to_string(),
            minutes_sha256: key32(&self.minutes_sha256)?,
            prev_sha256: key32(&self.prev_sha256)?,
            role: self.role.clone(),
            signer_key: key32(&self.public_key)?,
            signed_at: self.signed_at.clone(),
        })
    }

    /// The v2 statement this signature claims to sign, on minutes `m` of `meeting_uid`.
    pub fn statement_v2(&self, meeting_uid: &str, m: &StoredMinutes) -> Option<StatementV2> {
        Some(StatementV2 {
            community_uid: m.community_uid.clone(),
            meeting_uid: meeting_uid.to_string(),
            seq: m.seq,
            signer_name: self.signer_name.clone(),
            role: self.role.clone(),
            signer_key: key32(&self.public_key)?,
            signed_at: self.signed_at.clone(),
            minutes_sha256: key32(&self.minutes_sha256)?,
            prev_sha256: key32(&self.prev_sha256)?,
        })
    }

    /// Strict verification of the signature over its statement (v1, or v2 on the
    /// minutes `m`: their community, chain position and the signer's name).
    pub fn verifies(&self, meeting_uid: &str, m: &StoredMinutes) -> bool {
        let Some(sig) = from_hex(&self.signature).and_then(|v| <[u8; 64]>::try_from(v).ok()) else {
            return false;
        };
        match self.version {
            1 => self
                .statement(meeting_uid)
                .is_some_and(|st| verify(&st, &sig).is_ok()),
            2 => self
                .statement_v2(meeting_uid, m)
                .is_some_and(|st| verify_v2(&st, &sig).is_ok()),
            _ => false,
        }
    }

    pub fn line(&self) -> minutes::document::SignatureLine {
        minutes::document::SignatureLine {
            signer_name: self.signer_name.clone(),
            role: self.role.clone(),
            signed_at: self.signed_at.clone(),
            public_key: self.public_key.clone(),
            fingerprint: key32(&self.public_key)
                .map(|k| fingerprint(&k))
                .unwrap_or_else(|| "?".into()),
            addendum_id: self.addendum_id,
        }
    }
}

fn key32(h: &str) -> Option<[u8; 32]> {
    from_hex(h).and_then(|v| <[u8; 32]>::try_from(v).ok())
}

/// The minutes text as it was signed, with its hash and its link in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMinutes {
    pub text: String,
    pub sha256: String,
    pub prev_sha256: String,
    /// Position in the community's chain (1 for the first signed minutes).
    pub seq: i64,
    /// The [`MinutesFormat`] the text was rendered in (its number); files exported before
    /// formats were numbered carry none and were V1.
    #[serde(default = "format_v1")]
    pub format: i64,
    /// The community's uid (signed by v2 statements); empty in exports from before
    /// schema 5.
    #[serde(default)]
    pub community_uid: String,
}

fn format_v1() -> i64 {
    MinutesFormat::V1.as_db()
}

/// A registered signer's public key (never anything secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerKey {
    pub name: String,
    pub public_key: String,
    pub fingerprint: String,
}

/// What `export --format json` writes and `verify --file` reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportBundle {
    /// [`EXPORT_FORMAT`].
    pub format: String,
    pub record: MeetingRecord,
    pub minutes: Option<StoredMinutes>,
    pub signatures: Vec<SignatureRecord>,
    pub signers: Vec<SignerKey>,
    /// The community's signer roster (domain::signing::roster) as it stood at the export.
    #[serde(default)]
    pub roster: Vec<RosterEntry>,
    /// The community's chain head at the export (`POSITION:HEX16`), for `verify --head`.
    #[serde(default)]
    pub head: String,
}

pub const EXPORT_FORMAT: &str = "yishi-minutes-export-v1";

/// One thing wrong with a meeting's signed minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The records could not be read back (e.g. a stored outcome is not valid JSON).
    RecordUnreadable { detail: String },
    /// The meeting is locked (or has signatures) but no signed minutes text is stored.
    MissingMinutes,
    /// The stored minutes text does not hash to the SHA-256 recorded with it.
    StoredTextAltered,
    /// The minutes rendered from the records differ from the signed text, in these
    /// sections (first differing line of each side given).
    RecordsDiffer {
        sections: Vec<Section>,
        records_say: String,
        signed_says: String,
    },
    /// The minutes were rendered in a format version this program does not know (signed
    /// by a newer release), so they cannot be re-rendered here.
    UnknownFormat { format: i64 },
    /// The outcome fixed when the vote closed does not follow from the roll call.
    OutcomeMismatch { position: i64, title: String },
    /// A signature does not verify (its statement or the signature bytes changed).
    BadSignature {
        signer: String,
        role: String,
        fingerprint: String,
    },
    /// A signature verifies, but over another text than the stored minutes.
    SignedOtherText {
        signer: String,
        role: String,
        fingerprint: String,
    },
    /// A signature verifies, but over another chain link than the stored minutes'.
    SignedOtherLink {
        signer: String,
        role: String,
        fingerprint: String,
    },
    /// The name stored with a signature is not the name the key was registered with.
    SignerNameMismatch {
        signed_as: String,
        registered: String,
        fingerprint: String,
    },
    /// No valid signature in this role (host or secretary).
    MissingSignature { role: Role },
    /// Both required signatures are there, but the meeting is not locked.
    NotLocked,
    /// Addendum number `number` (1-based) has no signature.
    AddendumUnsigned { number: usize },
    /// A signature on addendum `number` does not verify.
    AddendumBadSignature {
        number: usize,
        signer: String,
        fingerprint: String,
    },
    /// A signature refers to an addendum that is no longer there.
    AddendumMissing { addendum_id: i64 },
    /// The chain link (`prev_sha256`) matches no signed minutes of the community: minutes
    /// signed before these were deleted.
    ChainBroken { prev: String },
    /// The chain link names other minutes than the ones signed just before.
    ChainOrder { prev: String },
    /// Minutes linking to the ones before them, but not at the next position (a gap or
    /// a duplicate position).
    ChainPosition { seq: i64 },
    /// Who signed: roster, named signers, district trust (domain::signing::roster).
    Trust(TrustProblem),
}

/// Something wrong with who signed, found by the roster's checks
/// ([`check_signers`](crate::domain::signing::roster::check_signers),
/// [`check_roster`](crate::domain::signing::roster::check_roster)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrustProblem {
    /// A v2 signature's key was not on the community's roster when it signed.
    NotOnRoster { signer: String, fingerprint: String },
    /// The host's or secretary's signature is by someone else than the meeting names.
    NotTheNamedSigner {
        role: String,
        signer: String,
        named: String,
        fingerprint: String,
    },
    /// Roster entry `seq` does not verify, is out of order, or is endorsed by a key that
    /// was not registered (or was revoked) before it.
    BadRosterEntry { seq: i64, fingerprint: String },
    /// At the district: a key neither pinned nor endorsed through the roster from a
    /// pinned key.
    Untrusted { signer: String, fingerprint: String },
}

/// A meeting's verification status, as the CLI prints it and the TUI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerifyStatus {
    /// Signed by host and secretary, locked, and everything checks.
    Valid,
    /// Something is wrong (each problem named).
    Invalid(Vec<Problem>),
    /// Not (fully) signed yet; whatever signatures exist do verify.
    Unsigned,
}

impl VerifyStatus {
    pub fn is_valid(&self) -> bool {
        matches!(self, VerifyStatus::Valid)
    }

    /// This status with more problems found: unchanged when there are none, else
    /// invalid with its own problems (if any) and then these.
    pub fn with_problems(self, found: Vec<Problem>) -> VerifyStatus {
        if found.is_empty() {
            return self;
        }
        let mut ps = match self {
            VerifyStatus::Invalid(ps) => ps,
            _ => Vec::new(),
        };
        ps.extend(found);
        VerifyStatus::Invalid(ps)
    }
}

/// Verify one meeting: `minutes` is the stored signed text (None if never signed),
/// `sigs` every stored signature (minutes and addenda), `registered` the locally
/// registered signers (empty when verifying a file).
pub fn verify_record(
    rec: &MeetingRecord,
    minutes: Option<&StoredMinutes>,
    sigs: &[SignatureRecord],
    registered: &[SignerKey],
) -> VerifyStatus {
    let locked = rec.status == MeetingStatus::Signed;
    let Some(m) = minutes else {
        if locked || !sigs.is_empty() {
            return VerifyStatus::Invalid(vec![Problem::MissingMinutes]);
        }
        return VerifyStatus::Unsigned;
    };
    let mut problems = Vec::new();
    let text_hash = text_problems(rec, m, &mut problems);
    outcome_problems(rec, &mut problems);
    let signed = minutes_signatures(rec, m, sigs, registered, &text_hash, &mut problems);
    addenda_problems(rec, m, sigs, &mut problems);
    verdict(problems, locked, signed)
}

/// The stored text against its hash and against the records rendered again in the
/// format it was signed in; the text's SHA-256 (hex).
fn text_problems(rec: &MeetingRecord, m: &StoredMinutes, problems: &mut Vec<Problem>) -> String {
    let text_hash = hex(&sha256(m.text.as_bytes()));
    if text_hash != m.sha256 {
        problems.push(Problem::StoredTextAltered);
    }
    // Each minutes is re-rendered in the format it was signed in.
    match MinutesFormat::from_db(m.format) {
        None => problems.push(Problem::UnknownFormat { format: m.format }),
        Some(format) => {
            let secs = sections(rec, meeting_lang(rec), format);
            let (changed, records_say, signed_says) = minutes::diff::diff_sections(&secs, &m.text);
            if !changed.is_empty() {
                problems.push(Problem::RecordsDiffer {
                    sections: changed,
                    records_say,
                    signed_says,
                });
            }
        }
    }
    text_hash
}

/// Each stored outcome against the rule evaluated again over its frozen list.
fn outcome_problems(rec: &MeetingRecord, problems: &mut Vec<Problem>) {
    for it in &rec.items {
        if let Some(v) = &it.vote
            && let Some(out) = &v.outcome
            && evaluate(&it.rule, &v.electorate()) != *out
        {
            problems.push(Problem::OutcomeMismatch {
                position: it.position,
                title: it.title.clone(),
            });
        }
    }
}

/// Whether the host and the secretary signed the minutes.
#[derive(Debug, Clone, Copy, Default)]
struct Signed {
    host: bool,
    secretary: bool,
}

/// The minutes' signatures: each must verify, cover this text and this link of the
/// chain, and carry the registered name of its key.
fn minutes_signatures(
    rec: &MeetingRecord,
    m: &StoredMinutes,
    sigs: &[SignatureRecord],
    registered: &[SignerKey],
    text_hash: &str,
    problems: &mut Vec<Problem>,
) -> Signed {
    let mut signed = Signed::default();
    for sg in sigs.iter().filter(|s| s.addendum_id.is_none()) {
        let who = || (sg.signer_name.clone(), sg.role.clone(), sg.fingerprint());
        if !sg.verifies(&rec.uid, m) {
            let (signer, role, fingerprint) = who();
            problems.push(Problem::BadSignature {
                signer,
                role,
                fingerprint,
            });
            continue;
        }
        if sg.minutes_sha256 != text_hash {
            let (signer, role, fingerprint) = who();
            problems.push(Problem::SignedOtherText {
                signer,
                role,
                fingerprint,
            });
            continue;
        }
        if sg.prev_sha256 != m.prev_sha256 {
            let (signer, role, fingerprint) = who();
            problems.push(Problem::SignedOtherLink {
                signer,
                role,
                fingerprint,
            });
            continue;
        }
        if let Some(reg) = registered.iter().find(|k| k.public_key == sg.public_key)
            && reg.name != sg.signer_name
        {
            problems.push(Problem::SignerNameMismatch {
                signed_as: sg.signer_name.clone(),
                registered: reg.name.clone(),
                fingerprint: sg.fingerprint(),
            });
        }
        match Role::from_db(&sg.role) {
            Some(Role::Host) => signed.host = true,
            Some(Role::Secretary) => signed.secretary = true,
            _ => {}
        }
    }
    signed
}

/// Each addendum signed (by its role, over its bytes, after the minutes), and every
/// addendum signature's addendum present.
fn addenda_problems(
    rec: &MeetingRecord,
    m: &StoredMinutes,
    sigs: &[SignatureRecord],
    problems: &mut Vec<Problem>,
) {
    for (i, a) in rec.addenda.iter().enumerate() {
        let number = i + 1;
        let hash = hex(&sha256(&addendum_bytes(a)));
        let mine: Vec<&SignatureRecord> = sigs
            .iter()
            .filter(|s| s.addendum_id == Some(a.id))
            .collect();
        if mine.is_empty() {
            problems.push(Problem::AddendumUnsigned { number });
        }
        for sg in mine {
            let ok = SignatureRole::from_db(&sg.role) == Some(SignatureRole::Addendum)
                && sg.verifies(&rec.uid, m)
                && sg.minutes_sha256 == hash
                && sg.prev_sha256 == m.sha256;
            if !ok {
                problems.push(Problem::AddendumBadSignature {
                    number,
                    signer: sg.signer_name.clone(),
                    fingerprint: sg.fingerprint(),
                });
            }
        }
    }
    for sg in sigs {
        if let Some(id) = sg.addendum_id
            && !rec.addenda.iter().any(|a| a.id == id)
            && !problems.contains(&Problem::AddendumMissing { addendum_id: id })
        {
            problems.push(Problem::AddendumMissing { addendum_id: id });
        }
    }
}

/// The status from the problems found, whether the meeting is locked and who signed.
fn verdict(mut problems: Vec<Problem>, locked: bool, signed: Signed) -> VerifyStatus {
    let (have_host, have_secretary) = (signed.host, signed.secretary);
    let complete = have_host && have_secretary;
    if complete && !locked {
        problems.push(Problem::NotLocked);
    }
    if !problems.is_empty() {
        return VerifyStatus::Invalid(problems);
    }
    if locked && !complete {
        let mut missing = Vec::new();
        if !have_host {
            missing.push(Problem::MissingSignature { role: Role::Host });
        }
        if !have_secretary {
            missing.push(Problem::MissingSignature {
                role: Role::Secretary,
            });
        }
        return VerifyStatus::Invalid(missing);
    }
    if complete {
        VerifyStatus::Valid
    } else {
        VerifyStatus::Unsigned
    }
}

/// One community's signed minutes in chain order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    pub meeting_id: i64,
    pub seq: i64,
    pub sha256: String,
    pub prev_sha256: String,
    /// Minutes imported from another laptop (`yishi import`), not signed here.
    pub imported: bool,
}

/// The hash a link in `seq` order should name as its predecessor.
fn expected_prev(links: &[ChainLink], i: usize) -> &str {
    if i == 0 {
        ZERO_HASH
    } else {
        links[i - 1].sha256.as_str()
    }
}

/// Check a community's chain (links in `seq` order): the first links to [`ZERO_HASH`],
/// each next one to the hash of the one before. Returns the meeting ids with a problem.
///
/// Imported minutes are gathered from other laptops, usually only some of a community's
/// (the district office gets what was sent), so the minutes an imported link names may
/// be absent here: such a link is not a failure but the start of a stretch of chain
/// known only from imports (see [`chain_starts_at_import`]); its signatures still cover
/// its link, so it cannot be moved. Minutes signed on this machine are checked strictly
/// against the link before them, whatever its origin, so deleting local signed minutes
/// is still noticed.
pub fn verify_chain(links: &[ChainLink]) -> Vec<(i64, Problem)> {
    let mut out = Vec::new();
    for (i, l) in links.iter().enumerate() {
        if i > 0
            && !l.imported
            && l.prev_sha256 == links[i - 1].sha256
            && l.seq != links[i - 1].seq + 1
        {
            out.push((l.meeting_id, Problem::ChainPosition { seq: l.seq }));
            continue;
        }
        if l.imported || l.prev_sha256 == expected_prev(links, i) {
            continue;
        }
        let known = l.prev_sha256 == ZERO_HASH
            || links
                .iter()
                .any(|o| o.meeting_id != l.meeting_id && o.sha256 == l.prev_sha256);
        let prev = l.prev_sha256.clone();
        out.push((
            l.meeting_id,
            if known {
                Problem::ChainOrder { prev }
            } else {
                Problem::ChainBroken { prev }
            },
        ));
    }
    out
}

/// The imported links whose predecessor is not the link before them here: the chain as
/// this database knows it starts (again) at an imported meeting.
pub fn chain_starts_at_import(links: &[ChainLink]) -> Vec<i64> {
    links
        .iter()
        .enumerate()
        .filter(|(i, l)| l.imported && l.prev_sha256 != expected_prev(links, *i))
        .map(|(_, l)| l.meeting_id)
        .collect()
}

#[cfg(test)]
mod tests;
