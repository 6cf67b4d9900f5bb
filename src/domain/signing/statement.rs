//! Statement v2: what a signer signs about one set of minutes since schema 5.
//!
//! Version 1 (domain::signing::SignedStatement) names the meeting, the hashes, the role,
//! the key and the time. It does not name the community, the chain position or the
//! signer: a renamed signer or a moved `seq` still verified. Version 2 names them all,
//! so the chain position and the signer's name are covered by the signature. The byte
//! layout is documented in [`StatementV2::message`] and in the README ("Signed minutes").

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::domain::signing::{SignError, hex};
use crate::domain::text::clean_line;

/// The header line of a version 2 statement.
pub const HEADER_V2: &str = "yishi-minutes-v2";

/// The largest chain position a statement, an import or a signature may carry. A
/// community that signs a meeting a day needs 2.7 million years to reach it; anything
/// beyond is a crafted file, and refusing it keeps `seq + 1` from ever overflowing.
pub const MAX_SEQ: i64 = 1_000_000_000;

/// A text value that can stand on a `name=value` line unambiguously: not empty, and
/// unchanged by the sanitiser (no control, escape or bidi character, no line break).
pub(crate) fn plain_value(v: &str) -> bool {
    !v.is_empty() && clean_line(v) == v && !v.contains('\n')
}

/// What a signer signs (version 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementV2 {
    /// The community's uid (communities.uid), the same on every laptop and at the district.
    pub community_uid: String,
    pub meeting_uid: String,
    /// The minutes' position in the community's chain, 1 ..= [`MAX_SEQ`].
    pub seq: i64,
    /// The signer's name as registered (and, for host and secretary, as the meeting names them).
    pub signer_name: String,
    /// `host`, `secretary`, `member` or `addendum`.
    pub role: String,
    pub signer_key: [u8; 32],
    /// RFC 3339 with offset.
    pub signed_at: String,
    /// SHA-256 of the minutes body (for an addendum: of its addendum bytes).
    pub minutes_sha256: [u8; 32],
    /// The previous link: SHA-256 of the community's previous minutes, 64 zeros for the
    /// first (for an addendum: the SHA-256 of the minutes it corrects).
    pub prev_sha256: [u8; 32],
}

impl StatementV2 {
    /// The exact bytes signed (UTF-8, each line ending in one `\n`, nothing after the last):
    ///
    /// ```text
    /// yishi-minutes-v2
    /// community=<community uid>
    /// meeting=<meeting uid>
    /// seq=<chain position: decimal, no sign, no leading zero, 1..=1000000000>
    /// signer=<signer name>
    /// role=<host|secretary|member|addendum>
    /// signer_key=<64 lower-case hex>
    /// signed_at=<RFC 3339 time with offset>
    /// minutes_sha256=<64 lower-case hex>
    /// prev_sha256=<64 lower-case hex>
    /// ```
    ///
    /// Text values are written as they are; one that is empty or that the sanitiser
    /// would change (control, escape or bidi characters) is refused with `BadStatement`,
    /// as is a `seq` outside 1..=[`MAX_SEQ`].
    pub fn message(&self) -> Result<Vec<u8>, SignError> {
        let texts = [
            &self.community_uid,
            &self.meeting_uid,
            &self.signer_name,
            &self.role,
            &self.signed_at,
        ];
        if texts.iter().any(|v| !plain_value(v)) || !(1..=MAX_SEQ).contains(&self.seq) {
            return Err(SignError::BadStatement);
        }
        Ok(format!(
            "{HEADER_V2}\n\
             community={}\n\
             meeting={}\n\
             seq={}\n\
             signer={}\n\
             role={}\n\
             signer_key={}\n\
             signed_at={}\n\
             minutes_sha256={}\n\
             prev_sha256={}\n",
            self.community_uid,
            self.meeting_uid,
            self.seq,
            self.signer_name,
            self.role,
            hex(&self.signer_key),
            self.signed_at,
            hex(&self.minutes_sha256),
            hex(&self.prev_sha256),
        )
        .into_bytes())
    }
}

/// Sign a v2 statement; `BadKey` if the key is not the statement's `signer_key`.
pub fn sign_v2(key: &SigningKey, st: &StatementV2) -> Result<[u8; 64], SignError> {
    if key.verifying_key().to_bytes() != st.signer_key {
        return Err(SignError::BadKey);
    }
    Ok(key.sign(&st.message()?).to_bytes())
}

/// Strict verification of a v2 signature.
pub fn verify_v2(st: &StatementV2, signature: &[u8; 64]) -> Result<(), SignError> {
    let msg = st.message()?;
    let vk = VerifyingKey::from_bytes(&st.signer_key).map_err(|_| SignError::BadKey)?;
    vk.verify_strict(&msg, &Signature::from_bytes(signature))
        .map_err(|_| SignError::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st() -> StatementV2 {
        StatementV2 {
            community_uid: "c0ffee".into(),
            meeting_uid: "m-1".into(),
            seq: 3,
            signer_name: "黄小明".into(),
            role: "host".into(),
            signer_key: SigningKey::from_bytes(&[7u8; 32])
                .verifying_key()
                .to_bytes(),
            signed_at: "2026-05-16T11:40:00+08:00".into(),
            minutes_sha256: [0xab; 32],
            prev_sha256: [0u8; 32],
        }
    }

    #[test]
    fn layout_is_exact() {
        let mut s = st();
        s.signer_key = [1u8; 32];
        let expected = format!(
            "yishi-minutes-v2\ncommunity=c0ffee\nmeeting=m-1\nseq=3\nsigner=黄小明\nrole=host\n\
             signer_key={}\nsigned_at=2026-05-16T11:40:00+08:00\nminutes_sha256={}\nprev_sha256={}\n",
            "01".repeat(32),
            "ab".repeat(32),
            "0".repeat(64)
        );
        assert_eq!(s.message().ok(), Some(expected.into_bytes()));
    }

    #[test]
    fn name_seq_and_community_are_covered() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let s = st();
        let sig = sign_v2(&key, &s).expect("sign");
        assert!(verify_v2(&s, &sig).is_ok());
        let mut t = s.clone();
        t.signer_name = "李秀英".into();
        assert!(verify_v2(&t, &sig).is_err());
        let mut t = s.clone();
        t.seq = 4;
        assert!(verify_v2(&t, &sig).is_err());
        let mut t = s.clone();
        t.community_uid = "beef".into();
        assert!(verify_v2(&t, &sig).is_err());
        let other = SigningKey::from_bytes(&[8u8; 32]);
        assert!(matches!(sign_v2(&other, &s), Err(SignError::BadKey)));
    }

    #[test]
    fn seq_bounds_and_unclean_values_refused() {
        for seq in [0, -1, MAX_SEQ + 1, i64::MAX] {
            let mut s = st();
            s.seq = seq;
            assert!(matches!(s.message(), Err(SignError::BadStatement)), "{seq}");
        }
        let mut s = st();
        s.seq = MAX_SEQ;
        assert!(s.message().is_ok());
        for bad in [
            "",
            "黄小明\nrole=secretary",
            "黄\u{202e}小明",
            "\u{1b}[31m黄",
            "黄\u{85}",
        ] {
            let mut s = st();
            s.signer_name = bad.into();
            assert!(
                matches!(s.message(), Err(SignError::BadStatement)),
                "{bad:?}"
            );
        }
    }
}
