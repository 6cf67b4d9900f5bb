//! What importing one bundle did: the type the import's parts and its callers share.

use crate::store::ids::MeetingId;
use crate::store::refusal::import::ImportRefusal;

/// What importing one bundle did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported {
        meeting_id: MeetingId,
        /// The chain as known here starts at this meeting (its predecessor is absent).
        chain_starts_here: bool,
        /// Fingerprints pinned by this import (a new community's first minutes).
        pinned: Vec<String>,
    },
    /// The same minutes were imported (or signed here) before; nothing changed.
    AlreadyPresent {
        meeting_id: MeetingId,
    },
    Refused(ImportRefusal),
}
