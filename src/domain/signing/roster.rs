//! A community's signer roster: a chain of signed entries (register, revoke) saying which
//! keys may sign that community's minutes, and since when.
//!
//! **The founding rule.** A community's roster starts at the first signing after it has
//! none (a new community, or a database from before schema 5): the host and the
//! secretary who sign those minutes are registered there and then, each entry endorsed
//! by its own key (self-endorsed). Only entries 1 and 2 may be self-endorsed
//! registrations. Every other entry (a new signer, a revocation) is endorsed by a key
//! registered in an earlier entry and not revoked before it, with that signer's
//! passphrase. Each entry names the hash of the one before, so none can be removed or
//! reordered without breaking the next.
//!
//! On a laptop this proves that a later signer was admitted by an earlier one; it cannot
//! prove who the founders are (whoever can write the file can write a new roster). That
//! is what the district's pinned fingerprints are for: a key is trusted there when it is
//! pinned, or registered by an entry endorsed by a trusted key ([`trusted_keys`]).

use chrono::DateTime;

use crate::domain::model::SignatureRole;
use crate::domain::record::MeetingRecord;
use crate::domain::signing::hex;
use crate::domain::signing::roster_entry::{REGISTER, RosterEntry, fp};
use crate::domain::signing::verify::{
    Problem, SignatureRecord, TrustProblem, VerifyStatus, ZERO_HASH,
};
use crate::domain::text::clean_line;

/// The entry that would come next: its `seq` and `prev`.
pub fn next_position(entries: &[RosterEntry], community_uid: &str) -> (i64, String) {
    match entries.last() {
        None => (1, ZERO_HASH.to_string()),
        Some(e) => (
            e.seq + 1,
            e.hash(community_uid).unwrap_or_else(|| ZERO_HASH.into()),
        ),
    }
}

/// The next entry, signed by `endorser` (the signer's own key for a founder).
pub fn endorse(
    endorser: &ed25519_dalek::SigningKey,
    community_uid: &str,
    entries: &[RosterEntry],
    action: &str,
    name: &str,
    public_key: &[u8; 32],
    at: &str,
) -> Option<RosterEntry> {
    use ed25519_dalek::Signer;
    let (seq, prev) = next_position(entries, community_uid);
    let mut e = RosterEntry {
        seq,
        action: action.to_string(),
        name: name.to_string(),
        public_key: hex(public_key),
        at: at.to_string(),
        prev,
        endorser_key: hex(&endorser.verifying_key().to_bytes()),
        signature: String::new(),
    };
    let msg = e.message(community_uid)?;
    e.signature = hex(&endorser.sign(&msg).to_bytes());
    Some(e)
}

/// Whether `key` is registered and not revoked after all of `entries`.
pub fn is_active(entries: &[RosterEntry], key_hex: &str) -> bool {
    active(entries).contains(&key_hex)
}

/// Keys registered and not revoked after `entries`, in order.
fn active(entries: &[RosterEntry]) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    for e in entries {
        if e.action == REGISTER {
            keys.push(&e.public_key);
        } else {
            keys.retain(|k| *k != e.public_key);
        }
    }
    keys
}

/// Is `key` allowed to endorse the entry at index `i`?
fn may_endorse(entries: &[RosterEntry], i: usize) -> bool {
    let e = &entries[i];
    let founder = e.seq <= 2 && e.action == REGISTER && e.endorser_key == e.public_key;
    founder || active(&entries[..i]).contains(&e.endorser_key.as_str())
}

/// Check the whole chain of entries (in `seq` order); one problem per bad entry.
///
/// The answer depends on the entries alone, and an import of a community's meetings
/// meets the same roster in every bundle: the last few answers are remembered (per
/// thread), so its signatures are verified once, not once a meeting.
pub fn check_roster(community_uid: &str, entries: &[RosterEntry]) -> Vec<TrustProblem> {
    type Checked = Vec<(String, Vec<RosterEntry>, Vec<TrustProblem>)>;
    thread_local! {
        static CHECKED: std::cell::RefCell<Checked> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let known = CHECKED.with_borrow(|c| {
        c.iter()
            .find(|(u, e, _)| u == community_uid && e.as_slice() == entries)
            .map(|(_, _, p)| p.clone())
    });
    if let Some(p) = known {
        return p;
    }
    let found = check_roster_now(community_uid, entries);
    CHECKED.with_borrow_mut(|c| {
        if c.len() >= 4 {
            c.remove(0);
        }
        c.push((community_uid.to_string(), entries.to_vec(), found.clone()));
    });
    found
}

fn check_roster_now(community_uid: &str, entries: &[RosterEntry]) -> Vec<TrustProblem> {
    let mut out = Vec::new();
    let mut prev = ZERO_HASH.to_string();
    for (i, e) in entries.iter().enumerate() {
        let ok = e.seq == i as i64 + 1
            && e.prev == prev
            && e.signature_ok(community_uid)
            && may_endorse(entries, i);
        if !ok {
            out.push(TrustProblem::BadRosterEntry {
                seq: e.seq,
                fingerprint: e.fingerprint(),
            });
        }
        prev = e.hash(community_uid).unwrap_or_default();
    }
    out
}

fn instant(t: &str) -> Option<DateTime<chrono::FixedOffset>> {
    DateTime::parse_from_rfc3339(t).ok()
}

/// Was `key` registered (and not revoked) on the roster at time `at`?
pub fn on_roster_at(entries: &[RosterEntry], key: &str, at: &str) -> bool {
    let Some(at) = instant(at) else {
        return false;
    };
    let upto: Vec<RosterEntry> = entries
        .iter()
        .filter(|e| instant(&e.at).is_some_and(|t| t <= at))
        .cloned()
        .collect();
    active(&upto).contains(&key)
}

/// The host's and the secretary's signatures must be by the people the meeting names;
/// every v2 signature's key must have been on the roster when it signed. v1 signatures
/// (from before the roster) are checked for names only. `roster` is the community's.
pub fn check_signers(
    rec: &MeetingRecord,
    sigs: &[SignatureRecord],
    roster: &[RosterEntry],
) -> Vec<TrustProblem> {
    let mut out = Vec::new();
    for s in sigs {
        let named = match (s.addendum_id, SignatureRole::from_db(&s.role)) {
            (None, Some(SignatureRole::Host)) => Some(&rec.host),
            (None, Some(SignatureRole::Secretary)) => Some(&rec.secretary),
            _ => None,
        };
        if let Some(n) = named
            && clean_line(n).trim() != s.signer_name
        {
            out.push(TrustProblem::NotTheNamedSigner {
                role: s.role.clone(),
                signer: s.signer_name.clone(),
                named: clean_line(n).trim().to_string(),
                fingerprint: s.fingerprint(),
            });
        }
        if s.version >= 2 && !on_roster_at(roster, &s.public_key, &s.signed_at) {
            let p = TrustProblem::NotOnRoster {
                signer: s.signer_name.clone(),
                fingerprint: s.fingerprint(),
            };
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// An exported meeting verified as `yishi verify --file` and an import verify it: its
/// minutes rendered again and its signatures checked, then who signed, against the
/// roster the bundle carries.
pub fn verify_bundle(b: &crate::domain::signing::verify::ExportBundle) -> VerifyStatus {
    let status = crate::domain::signing::verify::verify_record(
        &b.record,
        b.minutes.as_ref(),
        &b.signatures,
        &[],
    );
    let uid = b
        .minutes
        .as_ref()
        .map(|m| m.community_uid.as_str())
        .unwrap_or_default();
    add_trust_problems(status, &b.record, &b.signatures, &b.roster, uid)
}

/// `status` with the trust problems of the meeting added: [`check_signers`], and the
/// roster's own check when any signature is v2 (v1 minutes predate the roster).
pub fn add_trust_problems(
    status: VerifyStatus,
    rec: &MeetingRecord,
    sigs: &[SignatureRecord],
    roster: &[RosterEntry],
    community_uid: &str,
) -> VerifyStatus {
    let mut found = check_signers(rec, sigs, roster);
    if sigs.iter().any(|s| s.version >= 2) {
        found.extend(check_roster(community_uid, roster));
    }
    status.with_problems(found.into_iter().map(Problem::Trust).collect())
}

/// The keys trusted at the district for a community: the pinned ones (by fingerprint),
/// and every key registered by an entry endorsed by a trusted key (entries in order).
/// A self-endorsed founder is trusted only when pinned.
pub fn trusted_keys(entries: &[RosterEntry], pinned: &[String]) -> Vec<String> {
    let mut trusted: Vec<String> = entries
        .iter()
        .flat_map(|e| [&e.public_key, &e.endorser_key])
        .filter(|k| pinned.contains(&fp(k)))
        .cloned()
        .collect();
    for e in entries {
        if e.action == REGISTER
            && e.endorser_key != e.public_key
            && trusted.contains(&e.endorser_key)
            && !trusted.contains(&e.public_key)
        {
            trusted.push(e.public_key.clone());
        }
    }
    trusted
}

#[cfg(test)]
mod tests;
