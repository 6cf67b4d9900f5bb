use ed25519_dalek::SigningKey;

use super::*;
use crate::domain::signing::fingerprint;
use crate::domain::signing::roster_entry::REVOKE;

const C: &str = "community-uid";

fn k(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[n; 32])
}

fn pk(n: u8) -> [u8; 32] {
    k(n).verifying_key().to_bytes()
}

fn add(r: &mut Vec<RosterEntry>, endorser: u8, action: &str, name: &str, key: u8, at: &str) {
    let e = endorse(&k(endorser), C, r, action, name, &pk(key), at).expect("entry");
    r.push(e);
}

/// Host (1) and secretary (2) found the roster; the host admits 3 at noon.
fn founded() -> Vec<RosterEntry> {
    let mut r = Vec::new();
    add(
        &mut r,
        1,
        REGISTER,
        "黄小明",
        1,
        "2026-05-16T10:00:00+08:00",
    );
    add(
        &mut r,
        2,
        REGISTER,
        "李秀英",
        2,
        "2026-05-16T10:00:05+08:00",
    );
    add(&mut r, 1, REGISTER, "王芳", 3, "2026-05-16T12:00:00+08:00");
    r
}

#[test]
fn founders_and_an_endorsed_signer_check() {
    let r = founded();
    assert!(check_roster(C, &r).is_empty());
    // Noon Beijing is 04:00 UTC: times compare as instants, not as text.
    assert!(on_roster_at(&r, &hex(&pk(3)), "2026-05-16T04:00:00Z"));
    assert!(!on_roster_at(&r, &hex(&pk(3)), "2026-05-16T03:59:59Z"));
    assert!(!on_roster_at(&r, &hex(&pk(9)), "2026-06-01T00:00:00Z"));
}

#[test]
fn a_third_self_endorsed_entry_or_a_stranger_endorsement_fails() {
    let mut r = founded();
    add(
        &mut r,
        4,
        REGISTER,
        "冒充者",
        4,
        "2026-05-17T10:00:00+08:00",
    );
    assert_eq!(
        check_roster(C, &r),
        vec![TrustProblem::BadRosterEntry {
            seq: 4,
            fingerprint: fp(&hex(&pk(4)))
        }]
    );
    let mut r = founded();
    add(
        &mut r,
        8,
        REGISTER,
        "冒充者",
        5,
        "2026-05-17T10:00:00+08:00",
    );
    assert_eq!(check_roster(C, &r).len(), 1);
}

#[test]
fn revoked_keys_neither_sign_nor_endorse_afterwards() {
    let mut r = founded();
    add(&mut r, 2, REVOKE, "王芳", 3, "2026-06-01T10:00:00+08:00");
    assert!(check_roster(C, &r).is_empty());
    assert!(on_roster_at(&r, &hex(&pk(3)), "2026-05-20T10:00:00+08:00"));
    assert!(!on_roster_at(&r, &hex(&pk(3)), "2026-06-01T10:00:01+08:00"));
    add(&mut r, 3, REGISTER, "赵六", 6, "2026-06-02T10:00:00+08:00");
    assert_eq!(check_roster(C, &r).len(), 1);
}

#[test]
fn removed_reordered_or_edited_entries_break_the_chain() {
    let r = founded();
    let mut gap = r.clone();
    gap.remove(1);
    assert!(!check_roster(C, &gap).is_empty());
    let mut edited = r.clone();
    edited[2].name = "别人".into();
    assert!(!check_roster(C, &edited).is_empty());
    // The same entries are not valid for another community.
    assert!(!check_roster("other", &r).is_empty());
}

#[test]
fn district_trust_follows_endorsements_from_pinned_keys_only() {
    let r = founded();
    let pinned = vec![fingerprint(&pk(1)), fingerprint(&pk(2))];
    let t = trusted_keys(&r, &pinned);
    assert!(t.contains(&hex(&pk(3))));
    // Pinning only the secretary: the host's endorsement of 3 is not trusted, nor the host.
    let t = trusted_keys(&r, &[fingerprint(&pk(2))]);
    assert!(!t.contains(&hex(&pk(1))) && !t.contains(&hex(&pk(3))));
    assert!(t.contains(&hex(&pk(2))));
    assert!(trusted_keys(&r, &[]).is_empty());
}

#[test]
fn message_refuses_unclean_values_and_bad_seq() {
    let mut e = founded().remove(0);
    e.name = "黄\u{202e}小明".into();
    assert!(e.message(C).is_none());
    let mut e = founded().remove(0);
    e.seq = i64::MAX;
    assert!(e.message(C).is_none());
    let mut e = founded().remove(0);
    e.action = "admin".into();
    assert!(e.message(C).is_none());
}

#[test]
fn problems_found_later_are_added_after_the_status_own_and_none_change_nothing() {
    use crate::domain::signing::verify::Problem::{MissingMinutes, StoredTextAltered};
    assert_eq!(
        VerifyStatus::Valid.with_problems(vec![]),
        VerifyStatus::Valid
    );
    assert_eq!(
        VerifyStatus::Unsigned.with_problems(vec![]),
        VerifyStatus::Unsigned
    );
    assert_eq!(
        VerifyStatus::Unsigned.with_problems(vec![MissingMinutes]),
        VerifyStatus::Invalid(vec![MissingMinutes])
    );
    assert_eq!(
        VerifyStatus::Invalid(vec![StoredTextAltered]).with_problems(vec![MissingMinutes]),
        VerifyStatus::Invalid(vec![StoredTextAltered, MissingMinutes])
    );
}
