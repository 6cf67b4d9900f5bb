//! One entry of a community's signer roster (register or revoke a key): the exact bytes
//! its endorser signs, its hash (the next entry's `prev`) and its signature check. The
//! roster's rules over a chain of entries are in `signing::roster`.

use serde::{Deserialize, Serialize};

use crate::domain::signing::statement::{MAX_SEQ, plain_value};
use crate::domain::signing::{fingerprint, from_hex, hex, sha256};

pub const ROSTER_HEADER: &str = "yishi-roster-v1";
pub const REGISTER: &str = "register";
pub const REVOKE: &str = "revoke";

/// One roster entry, as the database and an export carry it (binary values in hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    /// 1, 2, 3 … within the community.
    pub seq: i64,
    /// [`REGISTER`] or [`REVOKE`].
    pub action: String,
    pub name: String,
    pub public_key: String,
    pub at: String,
    /// SHA-256 of the previous entry's message (64 zeros for the first).
    pub prev: String,
    pub endorser_key: String,
    pub signature: String,
}

impl RosterEntry {
    /// The exact bytes the endorser signs (UTF-8, each line ending in `\n`):
    ///
    /// ```text
    /// yishi-roster-v1
    /// community=<community uid>
    /// seq=<entry position, 1 ..>
    /// action=<register|revoke>
    /// name=<signer name>
    /// key=<64 lower-case hex: the key registered or revoked>
    /// at=<RFC 3339 time with offset>
    /// prev=<64 lower-case hex: SHA-256 of the previous entry's message, or 64 zeros>
    /// endorser_key=<64 lower-case hex>
    /// ```
    pub fn message(&self, community_uid: &str) -> Option<Vec<u8>> {
        let texts = [community_uid, &self.name, &self.at];
        let hexes = [&self.public_key, &self.prev, &self.endorser_key];
        if texts.iter().any(|v| !plain_value(v))
            || hexes
                .iter()
                .any(|h| key32(h).is_none() || **h != h.to_lowercase())
            || !(1..=MAX_SEQ).contains(&self.seq)
            || (self.action != REGISTER && self.action != REVOKE)
        {
            return None;
        }
        Some(
            format!(
                "{ROSTER_HEADER}\ncommunity={community_uid}\nseq={}\naction={}\nname={}\nkey={}\n\
                 at={}\nprev={}\nendorser_key={}\n",
                self.seq,
                self.action,
                self.name,
                self.public_key,
                self.at,
                self.prev,
                self.endorser_key
            )
            .into_bytes(),
        )
    }

    /// SHA-256 of the message, the next entry's `prev`.
    pub fn hash(&self, community_uid: &str) -> Option<String> {
        self.message(community_uid).map(|m| hex(&sha256(&m)))
    }

    pub(crate) fn signature_ok(&self, community_uid: &str) -> bool {
        let (Some(msg), Some(k), Some(sig)) = (
            self.message(community_uid),
            key32(&self.endorser_key),
            from_hex(&self.signature).and_then(|v| <[u8; 64]>::try_from(v).ok()),
        ) else {
            return false;
        };
        ed25519_dalek::VerifyingKey::from_bytes(&k)
            .and_then(|vk| vk.verify_strict(&msg, &ed25519_dalek::Signature::from_bytes(&sig)))
            .is_ok()
    }

    pub fn fingerprint(&self) -> String {
        fp(&self.public_key)
    }
}

fn key32(h: &str) -> Option<[u8; 32]> {
    from_hex(h).and_then(|v| <[u8; 32]>::try_from(v).ok())
}

pub fn fp(key_hex: &str) -> String {
    key32(key_hex)
        .map(|k| fingerprint(&k))
        .unwrap_or_else(|| "?".into())
}
