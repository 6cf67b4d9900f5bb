//! The mediation refusals (their sentences in strings::mediation).

use crate::domain::mediation::{CaseStatus, NotReady};

/// The mediation refusals (sentences in strings::mediation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediationRefusal {
    NeedsTitle,
    BadDate,
    /// A month is YYYY-MM (the case list's filter).
    BadMonth,
    PartyNeedsName,
    MediatorNeedsName,
    MediatorTwice,
    TermNeedsDuty,
    NoSuchParty,
    /// The agreement is signed: its facts are kept as signed; a correction is an addendum.
    Signed,
    /// The status cannot move from the first to the second.
    Transition(CaseStatus, CaseStatus),
    NotReady(NotReady),
    /// Only a mediator of the case signs its agreement.
    NotAMediator,
    AlreadySigned,
    NotSignedYet,
    CheckNeedsNote,
    /// Only an agreed (or not yet performed) agreement is checked.
    NothingToCheck,
    /// An imported agreement does not verify.
    ImportInvalid,
    /// An imported agreement differs from the one already here.
    ImportDiffers,
    /// An imported agreement is signed by a key this district has not pinned for its
    /// community (nor registered on its signer roster from a pinned key).
    ImportUntrusted,
}
