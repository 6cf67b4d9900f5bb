//! The written consultation's refusals (their sentences in strings::written).

/// The written consultation's refusals (sentences in strings::written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenRefusal {
    Dates,
    NotWritten,
    WrittenNoAttendance,
    NotANumber,
    CheckDigit,
    OtherMeeting,
    NoSuchBallot,
    Duplicate,
    WasInvalid,
    NotReturned,
    AlreadyAnswered,
    AnswerChoice,
    NotOnItem,
    NotRunning,
    HasAnswers,
    ShortNotice,
    NoticeDate,
    NoBallotItems,
    Extension,
    Early,
    DeliveryDate,
    TooManyVoters,
    NotNumbered,
    ResultsNotClosed,
    NoExtension,
}
