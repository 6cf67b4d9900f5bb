//! Passphrase-derived Ed25519 keys and signed statements over minutes.
//!
//! A signer registers once with a passphrase. The key is derived with Argon2id
//! from the passphrase and a random 16-byte salt; only the salt, the KDF
//! parameters and the public key are stored, never a private key. Signing
//! derives the key again, checks it against the stored public key, and signs a
//! [`SignedStatement`] whose exact byte layout is given by
//! [`SignedStatement::message`].

pub mod clean_bundle;
pub mod roster;
pub mod roster_entry;
pub mod statement;
pub mod verify;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Minimum passphrase length, in characters (not bytes): 8 Chinese characters
/// count as 8.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Upper bounds on stored KDF parameters, so that a crafted record cannot make
/// the program allocate or compute without limit.
const MAX_M_COST_KIB: u32 = 4 * 1024 * 1024; // 4 GiB
const MAX_T_COST: u32 = 64;
const MAX_P_COST: u32 = 64;

/// Argon2id parameters, stored with each signer's public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost_kib: u32,
    /// Number of passes.
    pub t_cost: u32,
    /// Degree of parallelism (lanes).
    pub p_cost: u32,
}

impl Default for KdfParams {
    /// OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane.
    fn default() -> Self {
        KdfParams {
            m_cost_kib: 19456,
            t_cost: 2,
            p_cost: 1,
        }
    }
}

impl KdfParams {
    /// True if the parameters are at least the defaults' strength (memory ≥
    /// 19456 KiB, passes ≥ 2, lanes ≥ 1) and within sane upper bounds (memory
    /// ≤ 4 GiB, passes ≤ 64, lanes ≤ 64).
    pub fn is_acceptable(&self) -> bool {
        let min = KdfParams::default();
        (min.m_cost_kib..=MAX_M_COST_KIB).contains(&self.m_cost_kib)
            && (min.t_cost..=MAX_T_COST).contains(&self.t_cost)
            && (1..=MAX_P_COST).contains(&self.p_cost)
    }
}

/// Why a key could not be derived, or a statement signed or verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignError {
    /// The passphrase has fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    PassphraseTooShort,
    /// The re-typed passphrase differs (used by callers at registration).
    PassphraseMismatch,
    /// The passphrase does not give the stored public key.
    WrongPassphrase,
    /// The KDF parameters are weaker than the minimum or out of bounds.
    BadKdfParams,
    /// The operating system's random source failed.
    Random,
    /// A public key is not a valid Ed25519 point, or the signing key does not
    /// match the statement's `signer_key`.
    BadKey,
    /// The signature does not verify.
    BadSignature,
    /// A statement field is empty or contains a control character (such as a
    /// newline), so the signed message would be ambiguous.
    BadStatement,
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let msg = match self {
            SignError::PassphraseTooShort => {
                "The passphrase is too short: it needs at least 8 characters."
            }
            SignError::PassphraseMismatch => "The two passphrases are not the same.",
            SignError::WrongPassphrase => "The passphrase is wrong.",
            SignError::BadKdfParams => "The key derivation parameters are not acceptable.",
            SignError::Random => "The system's random number source is not available.",
            SignError::BadKey => "The public key is not valid for this signature.",
            SignError::BadSignature => "The signature does not match the signed data.",
            SignError::BadStatement => {
                "The statement to sign has an empty field or a field with a line break."
            }
        };
        f.write_str(msg)
    }
}

impl std::error::Error for SignError {}

/// A fresh random 16-byte salt from the operating system.
pub fn new_salt() -> Result<[u8; 16], SignError> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|_| SignError::Random)?;
    Ok(salt)
}

/// Argon2id(passphrase, salt, params) → 32-byte seed → Ed25519 [`SigningKey`].
/// The seed is zeroized after use (and the signing key zeroizes itself on
/// drop). Parameters weaker than [`KdfParams::default`] (memory < 19456 KiB,
/// passes < 2, lanes < 1) or beyond the sanity bounds give `BadKdfParams`.
/// The passphrase is used as UTF-8 bytes, exactly as typed (no normalisation).
pub fn derive_key(
    passphrase: &str,
    salt: &[u8; 16],
    params: KdfParams,
) -> Result<SigningKey, SignError> {
    if !params.is_acceptable() {
        return Err(SignError::BadKdfParams);
    }
    let argon_params = Params::new(params.m_cost_kib, params.t_cost, params.p_cost, Some(32))
        .map_err(|_| SignError::BadKdfParams)?;
    let blocks = argon_params.block_count();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut seed = Zeroizing::new([0u8; 32]);
    // One work area for the whole process, grown to the largest derivation and kept: a
    // fresh 19 MiB area per derivation stayed resident after it was freed (the
    // allocator keeps it), two to four at a time. Cleared after each use.
    let mut work = WORK_AREA.lock().unwrap_or_else(|e| e.into_inner());
    if work.len() < blocks {
        work.resize(blocks, Block::default());
    }
    let area = &mut work[..blocks];
    let derived = argon.hash_password_into_with_memory(
        passphrase.as_bytes(),
        salt,
        seed.as_mut(),
        &mut *area,
    );
    area.fill(Block::default());
    derived.map_err(|_| SignError::BadKdfParams)?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The Argon2id work area shared by every derivation of the process (see `derive_key`).
static WORK_AREA: std::sync::Mutex<Vec<Block>> = std::sync::Mutex::new(Vec::new());

/// Registration: check the length (≥ [`MIN_PASSPHRASE_CHARS`] characters), draw
/// a new salt, derive the key, and return (salt, public key bytes). Only these
/// and `params` are to be stored.
pub fn register(passphrase: &str, params: KdfParams) -> Result<([u8; 16], [u8; 32]), SignError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(SignError::PassphraseTooShort);
    }
    let salt = new_salt()?;
    let key = derive_key(passphrase, &salt, params)?;
    Ok((salt, key.verifying_key().to_bytes()))
}

/// Unlock for signing: derive the key and compare its public key with the
/// stored one; `WrongPassphrase` if they differ.
pub fn unlock(
    passphrase: &str,
    salt: &[u8; 16],
    params: KdfParams,
    public_key: &[u8; 32],
) -> Result<SigningKey, SignError> {
    let key = derive_key(passphrase, salt, params)?;
    if key.verifying_key().to_bytes() != *public_key {
        return Err(SignError::WrongPassphrase);
    }
    Ok(key)
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// Parse hexadecimal (upper or lower case, even length, no separators).
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

/// Short human fingerprint of a public key: the first 8 bytes of SHA-256(pk) as
/// lower-case hex in groups of 4 digits, e.g. `"a1b2:c3d4:e5f6:0718"`.
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    let digest = sha256(public_key);
    digest[..8]
        .chunks_exact(2)
        .map(hex)
        .collect::<Vec<_>>()
        .join(":")
}

/// What a signer signs about one set of minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedStatement {
    /// The meeting's stable unique identifier.
    pub meeting_uid: String,
    /// SHA-256 of the rendered minutes text.
    pub minutes_sha256: [u8; 32],
    /// SHA-256 of the community's previously signed minutes; all zeros for the
    /// first.
    pub prev_sha256: [u8; 32],
    /// `host`, `secretary`, `member` or `addendum-…`.
    pub role: String,
    /// The signer's Ed25519 public key.
    pub signer_key: [u8; 32],
    /// Signing time, RFC 3339 in UTC (e.g. `2025-03-01T10:15:00Z`).
    pub signed_at: String,
}

impl SignedStatement {
    /// The exact bytes that are signed (format version 1):
    ///
    /// ```text
    /// yishi-minutes-v1\n
    /// meeting=<meeting_uid>\n
    /// minutes_sha256=<64 lower-case hex digits>\n
    /// prev_sha256=<64 lower-case hex digits; 64 zeros for a community's first minutes>\n
    /// role=<host|secretary|member|addendum-…>\n
    /// signer_key=<64 lower-case hex digits of the Ed25519 public key>\n
    /// signed_at=<RFC 3339 UTC time>\n
    /// ```
    ///
    /// That is: the ASCII header `yishi-minutes-v1` and a line feed, then each
    /// field as `name=value` followed by a single line feed (`\n`, 0x0A), in
    /// this fixed order, UTF-8, with no other whitespace and nothing after the
    /// last line feed. Text values are written as they are (no escaping):
    /// an empty `meeting_uid`, `role` or `signed_at`, or one containing any
    /// control character (which includes `\n` and `\r`), is refused with
    /// `BadStatement`, so the layout is unambiguous.
    pub fn message(&self) -> Result<Vec<u8>, SignError> {
        for value in [&self.meeting_uid, &self.role, &self.signed_at] {
            if value.is_empty() || value.chars().any(char::is_control) {
                return Err(SignError::BadStatement);
            }
        }
        let text = format!(
            "yishi-minutes-v1\n\
             meeting={}\n\
             minutes_sha256={}\n\
             prev_sha256={}\n\
             role={}\n\
             signer_key={}\n\
             signed_at={}\n",
            self.meeting_uid,
            hex(&self.minutes_sha256),
            hex(&self.prev_sha256),
            self.role,
            hex(&self.signer_key),
            self.signed_at,
        );
        Ok(text.into_bytes())
    }
}

/// Sign the statement's [`message`](SignedStatement::message). `BadKey` if the
/// key's public half is not `st.signer_key`.
pub fn sign(key: &SigningKey, st: &SignedStatement) -> Result<[u8; 64], SignError> {
    if key.verifying_key().to_bytes() != st.signer_key {
        return Err(SignError::BadKey);
    }
    let msg = st.message()?;
    Ok(key.sign(&msg).to_bytes())
}

/// Strict verification (`verify_strict`: rejects weak keys and non-canonical
/// signatures) of `signature` over the statement's message against
/// `st.signer_key`.
pub fn verify(st: &SignedStatement, signature: &[u8; 64]) -> Result<(), SignError> {
    let msg = st.message()?;
    let vk = VerifyingKey::from_bytes(&st.signer_key).map_err(|_| SignError::BadKey)?;
    let sig = Signature::from_bytes(signature);
    vk.verify_strict(&msg, &sig)
        .map_err(|_| SignError::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed_key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn statement(key: &SigningKey) -> SignedStatement {
        SignedStatement {
            meeting_uid: "m-2025-0001".to_string(),
            minutes_sha256: sha256(b"minutes text"),
            prev_sha256: [0u8; 32],
            role: "host".to_string(),
            signer_key: key.verifying_key().to_bytes(),
            signed_at: "2025-03-01T10:15:00Z".to_string(),
        }
    }

    #[test]
    fn register_unlock_round_trip_and_wrong_passphrase() {
        let params = KdfParams::default();
        let (salt, pk) = match register("12345678", params) {
            Ok(v) => v,
            Err(e) => panic!("register failed: {e}"),
        };
        let key = match unlock("12345678", &salt, params, &pk) {
            Ok(k) => k,
            Err(e) => panic!("unlock failed: {e}"),
        };
        assert_eq!(key.verifying_key().to_bytes(), pk);
        assert!(matches!(
            unlock("12345679", &salt, params, &pk),
            Err(SignError::WrongPassphrase)
        ));
    }

    #[test]
    fn chinese_passphrase_length_counts_chars() {
        let params = KdfParams::default();
        // 7 characters (21 bytes) is too short, 8 characters is enough.
        assert!(matches!(
            register("业主大会议事规", params),
            Err(SignError::PassphraseTooShort)
        ));
        assert!(matches!(
            register("1234567", params),
            Err(SignError::PassphraseTooShort)
        ));
        assert!(register("业主大会议事规则", params).is_ok());
    }

    #[test]
    fn weak_kdf_params_refused() {
        let salt = [1u8; 16];
        let weak = [
            KdfParams {
                m_cost_kib: 19455,
                ..KdfParams::default()
            },
            KdfParams {
                t_cost: 1,
                ..KdfParams::default()
            },
            KdfParams {
                p_cost: 0,
                ..KdfParams::default()
            },
            KdfParams {
                m_cost_kib: u32::MAX,
                ..KdfParams::default()
            },
        ];
        for p in weak {
            assert!(matches!(
                derive_key("12345678", &salt, p),
                Err(SignError::BadKdfParams)
            ));
        }
        assert!(KdfParams::default().is_acceptable());
    }

    #[test]
    fn message_layout_is_exact() {
        let st = SignedStatement {
            meeting_uid: "m-2025-0001".to_string(),
            minutes_sha256: [0xab; 32],
            prev_sha256: [0u8; 32],
            role: "secretary".to_string(),
            signer_key: [0x01; 32],
            signed_at: "2025-03-01T10:15:00Z".to_string(),
        };
        let expected = format!(
            "yishi-minutes-v1\n\
             meeting=m-2025-0001\n\
             minutes_sha256={}\n\
             prev_sha256={}\n\
             role=secretary\n\
             signer_key={}\n\
             signed_at=2025-03-01T10:15:00Z\n",
            "ab".repeat(32),
            "0".repeat(64),
            "01".repeat(32),
        );
        assert_eq!(
            expected,
            "yishi-minutes-v1\nmeeting=m-2025-0001\nminutes_sha256=abababababababababababababababababababababababababababababababab\nprev_sha256=0000000000000000000000000000000000000000000000000000000000000000\nrole=secretary\nsigner_key=0101010101010101010101010101010101010101010101010101010101010101\nsigned_at=2025-03-01T10:15:00Z\n"
        );
        assert_eq!(st.message().ok(), Some(expected.into_bytes()));
    }

    #[test]
    fn message_refuses_newlines_and_empty_values() {
        let key = fixed_key();
        let mut st = statement(&key);
        st.role = "host\nrole=secretary".to_string();
        assert!(matches!(st.message(), Err(SignError::BadStatement)));
        assert!(matches!(sign(&key, &st), Err(SignError::BadStatement)));
        let mut st = statement(&key);
        st.meeting_uid = "m1\r".to_string();
        assert!(matches!(st.message(), Err(SignError::BadStatement)));
        let mut st = statement(&key);
        st.signed_at.clear();
        assert!(matches!(st.message(), Err(SignError::BadStatement)));
    }

    #[test]
    fn sign_verify_round_trip() {
        let key = fixed_key();
        let st = statement(&key);
        let sig = sign(&key, &st).map_err(|e| e.to_string());
        let sig = match sig {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert!(verify(&st, &sig).is_ok());
        // Deterministic signatures.
        assert_eq!(sign(&key, &st).ok(), Some(sig));
    }

    #[test]
    fn sign_refuses_foreign_key() {
        let key = fixed_key();
        let other = SigningKey::from_bytes(&[9u8; 32]);
        let st = statement(&other);
        assert!(matches!(sign(&key, &st), Err(SignError::BadKey)));
    }

    #[test]
    fn tampering_fails_verification() {
        let key = fixed_key();
        let st = statement(&key);
        let Ok(sig) = sign(&key, &st) else {
            panic!("sign failed")
        };

        let mut bad_sig = sig;
        bad_sig[10] ^= 0x01;
        assert!(verify(&st, &bad_sig).is_err());

        let mut t = st.clone();
        t.minutes_sha256[0] ^= 0x01;
        assert!(matches!(verify(&t, &sig), Err(SignError::BadSignature)));

        let mut t = st.clone();
        t.prev_sha256[31] ^= 0x80;
        assert!(matches!(verify(&t, &sig), Err(SignError::BadSignature)));

        let mut t = st.clone();
        t.role = "secretary".to_string();
        assert!(matches!(verify(&t, &sig), Err(SignError::BadSignature)));

        let mut t = st.clone();
        t.meeting_uid.push('x');
        assert!(matches!(verify(&t, &sig), Err(SignError::BadSignature)));

        let mut t = st.clone();
        t.signed_at = "2025-03-01T10:15:01Z".to_string();
        assert!(matches!(verify(&t, &sig), Err(SignError::BadSignature)));

        let mut t = st;
        t.signer_key = SigningKey::from_bytes(&[9u8; 32])
            .verifying_key()
            .to_bytes();
        assert!(verify(&t, &sig).is_err());
    }

    #[test]
    fn fingerprint_format() {
        let fp = fingerprint(&[0u8; 32]);
        assert_eq!(fp.len(), 19);
        let groups: Vec<&str> = fp.split(':').collect();
        assert_eq!(groups.len(), 4);
        for g in &groups {
            assert_eq!(g.len(), 4);
            assert!(
                g.chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            );
        }
        let digest = hex(&sha256(&[0u8; 32]));
        assert_eq!(fp.replace(':', ""), digest[..16]);
    }

    #[test]
    fn hex_round_trip() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        let h = hex(&bytes);
        assert_eq!(h.len(), 512);
        assert_eq!(from_hex(&h), Some(bytes.clone()));
        assert_eq!(from_hex(&h.to_uppercase()), Some(bytes));
        assert_eq!(hex(&[0x00, 0x0f, 0xa1]), "000fa1");
        assert_eq!(from_hex(""), Some(vec![]));
        assert_eq!(from_hex("abc"), None);
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex("é1"), None);
    }

    #[test]
    fn sha256_known_vector() {
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn errors_display_as_sentences() {
        for e in [
            SignError::PassphraseTooShort,
            SignError::PassphraseMismatch,
            SignError::WrongPassphrase,
            SignError::BadKdfParams,
            SignError::Random,
            SignError::BadKey,
            SignError::BadSignature,
            SignError::BadStatement,
        ] {
            let s = e.to_string();
            assert!(s.ends_with('.') && s.chars().next().is_some_and(|c| c.is_uppercase()));
        }
    }

    #[test]
    fn new_salts_differ() {
        assert_ne!(new_salt().ok(), new_salt().ok());
    }
}
