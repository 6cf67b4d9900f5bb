//! Why minutes from another laptop were not imported: the bundle's own refusal (nothing
//! was written) and the malformed part a `Refusal::ImportMalformed` names.

use crate::domain::signing::verify::{Problem, VerifyStatus};
use crate::store::ids::MeetingId;

/// Why a bundle was not imported (nothing was written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRefusal {
    /// The bundle does not verify: the problems found.
    Invalid(Vec<Problem>),
    /// The minutes are not signed by the host and the secretary yet.
    Unsigned,
    /// Another meeting with the same uid, with other minutes, is already here.
    Conflict { meeting_id: MeetingId },
    /// The records were written but did not verify from the tables (the reason); the
    /// transaction was rolled back.
    NotReproduced(VerifyStatus),
    /// No key of this community is pinned here yet (its first minutes): the keys that
    /// signed, to check against the printed notice (see store::import::trust).
    NewCommunity {
        community: String,
        fingerprints: Vec<String>,
    },
}

/// Which part of an imported bundle is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportPart {
    PublicKey,
    Signature,
    Figures,
}
