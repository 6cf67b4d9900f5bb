//! Every refusal the store (and the forms in front of it) can give, as a typed value with
//! its parameters. The words are not here: `strings::refusal` says each in the user's
//! language with one exhaustive `match` per language, so a refusal without its Chinese
//! sentence does not compile. `Display` is only its name and parameters (logs, tests).

pub mod import;
pub mod mediation;
pub mod suggestions;
pub mod written;

use crate::domain::model::MeetingStatus;
use crate::domain::signing::SignError;
use crate::domain::signing::verify::Role;
use crate::store::refusal::import::ImportPart;
use crate::store::refusal::mediation::MediationRefusal;
use crate::store::refusal::suggestions::SuggestionRefusal;
use crate::store::refusal::written::WrittenRefusal;

// The compiler counts and numbers the variants (strum), for the test that each has its
// sentences in both languages.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumCount, strum::EnumDiscriminants)]
pub enum Refusal {
    // ---- meetings and agenda ----
    MeetingNeedsTitle,
    BadMeetingTime,
    ItemNeedsTitle,
    /// A custom vote rule's fractions are not usable.
    BadCustomRule,
    BuildingScopeNeedsBuilding,
    UnitScopeNeedsUnit,
    ItemAlreadyVoted,
    AmendAfterVote,
    WithdrawVotedItem,
    AdjournWhileVoting,
    /// The action does not fit the meeting's status (draft, open, adjourned).
    WrongStatus(MeetingStatus),
    RecordAlreadySigned,
    // ---- attendance and the floor ----
    ProxyNeedsNameAndRef,
    RecusalNeedsItem,
    CommitteeNoProxy,
    SpeakerNeedsName,
    // ---- votes ----
    VoteAgain,
    DiscussionOnly,
    NobodyInScope,
    VoteNotOpen,
    NotOnVoteList,
    VoteClosedNoUndo,
    CloseVoteFirst,
    AnotherVoteOpen,
    /// A vote before the roll call at the door has reached every voter of the item.
    AttendanceFirst,
    VoterNotPresent,
    AlreadyAnswered,
    VoterRecused,
    NoRecusalUnderArt278,
    NotAnsweredYet,
    RecusalAtTheDoor,
    SameAnswer,
    // ---- action items ----
    ActionNeedsWhat,
    BadDueDate,
    StatusNeedsNote,
    // ---- signing ----
    SignOnlyAdjourned,
    AlreadySignedByHostAndSecretary,
    ChangedSinceFirstSignature,
    HostAndSecretaryFirst,
    LinkedNoWithdraw,
    AddendumNeedsText,
    AddendumOnlySigned,
    SignerNeedsName,
    SignerExists {
        name: String,
    },
    OnlyNamedMaySign {
        name: String,
        role: Role,
    },
    AlreadySignedBy {
        name: String,
    },
    RoleAlreadySigned(Role),
    AddendumAlreadySignedBy {
        name: String,
    },
    /// The signing library refused (passphrase too short, bad key, …).
    Signing(SignError),
    // ---- the community's signer roster (trust) ----
    NotOnSignerRoster {
        name: String,
        fingerprint: String,
    },
    NameCannotBeSigned,
    RosterNeedsEndorsement,
    EndorserNotOnRoster {
        name: String,
    },
    /// Endorsing someone already on the roster, or revoking someone not on it.
    RosterState {
        name: String,
        active: bool,
    },
    RosterDoesNotVerify,
    // ---- roster ----
    VoterNeedsName,
    /// A name with invisible or format characters (zero-width space, joiner, …).
    NameHidden,
    NameTooLong,
    UnitNeedsLabel,
    AreaOutOfRange,
    CsvOtherKind {
        line: usize,
        owner: String,
    },
    CsvUnitTaken {
        line: usize,
        unit: String,
        community: String,
    },
    AlreadyInRoster {
        what: String,
    },
    // ---- files ----
    /// A file was not written (the command line, where --force exists).
    File {
        path: String,
        why: crate::files::Refusal,
    },
    /// An export from the screens was not written (no --force there: another name).
    ExportFile {
        path: String,
        why: crate::files::Refusal,
    },
    // ---- import of signed minutes ----
    ImportMalformed {
        what: ImportPart,
    },
    ImportNoMinutes,
    ImportUnreadable,
    ImportRecusalItemMissing {
        position: i64,
    },
    ImportRecusalNoItem,
    ImportAddendumMissing,
    /// A meeting of an import batch did not verify from the tables once written: the
    /// batch was rolled back (imported again one by one, each says why).
    ImportBatchNotReproduced,
    // ---- refused by a form before the store is asked ----
    VoterNotFound,
    ManyMatch,
    BadArea,
    NotRegistered,
    BadFilterDate,
    TooLong {
        max: usize,
    },
    // ---- written consultation (its sentences in strings::written) ----
    Written(WrittenRefusal),
    // ---- mediation (its sentences in strings::mediation) ----
    Mediation(MediationRefusal),
    // ---- suggestions and cost plans (its sentences in strings::suggestions) ----
    Suggestion(SuggestionRefusal),
}

impl Refusal {
    /// One value of every variant, for the test that each has its sentences; the test
    /// checks that the list covers every `ordinal` below `Refusal::COUNT`.
    pub fn samples() -> Vec<Refusal> {
        let mut all = samples_meeting();
        all.extend(samples_signing_and_roster());
        all.extend(samples_files_import_and_forms());
        all
    }

    /// A distinct number per variant (see `samples`), counted by the compiler.
    pub fn ordinal(&self) -> usize {
        RefusalDiscriminants::from(self) as usize
    }
}

/// The store knows no sentences (they are the screens' and commands', in
/// `strings::refusal`, which depends on the store and never the reverse): shown bare, a
/// refusal is its name and parameters. Users always read it through `strings`.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl From<WrittenRefusal> for Refusal {
    fn from(r: WrittenRefusal) -> Refusal {
        Refusal::Written(r)
    }
}

impl From<MediationRefusal> for Refusal {
    fn from(r: MediationRefusal) -> Refusal {
        Refusal::Mediation(r)
    }
}

impl From<SuggestionRefusal> for Refusal {
    fn from(r: SuggestionRefusal) -> Refusal {
        Refusal::Suggestion(r)
    }
}

/// Meetings, agenda, attendance, the floor, votes and action items.
fn samples_meeting() -> Vec<Refusal> {
    use Refusal::*;
    vec![
        MeetingNeedsTitle,
        BadMeetingTime,
        ItemNeedsTitle,
        BadCustomRule,
        BuildingScopeNeedsBuilding,
        UnitScopeNeedsUnit,
        ItemAlreadyVoted,
        AmendAfterVote,
        WithdrawVotedItem,
        AdjournWhileVoting,
        WrongStatus(MeetingStatus::Adjourned),
        RecordAlreadySigned,
        ProxyNeedsNameAndRef,
        RecusalNeedsItem,
        CommitteeNoProxy,
        SpeakerNeedsName,
        VoteAgain,
        DiscussionOnly,
        NobodyInScope,
        VoteNotOpen,
        NotOnVoteList,
        VoteClosedNoUndo,
        CloseVoteFirst,
        AnotherVoteOpen,
        AttendanceFirst,
        VoterNotPresent,
        AlreadyAnswered,
        VoterRecused,
        NoRecusalUnderArt278,
        NotAnsweredYet,
        RecusalAtTheDoor,
        SameAnswer,
        ActionNeedsWhat,
        BadDueDate,
        StatusNeedsNote,
    ]
}

/// Signing, the signer roster and the voter roster.
fn samples_signing_and_roster() -> Vec<Refusal> {
    use Refusal::*;
    let n = || "张三".to_string();
    vec![
        SignOnlyAdjourned,
        AlreadySignedByHostAndSecretary,
        ChangedSinceFirstSignature,
        HostAndSecretaryFirst,
        LinkedNoWithdraw,
        AddendumNeedsText,
        AddendumOnlySigned,
        SignerNeedsName,
        SignerExists { name: n() },
        OnlyNamedMaySign {
            name: n(),
            role: Role::Host,
        },
        AlreadySignedBy { name: n() },
        RoleAlreadySigned(Role::Secretary),
        AddendumAlreadySignedBy { name: n() },
        Signing(SignError::PassphraseTooShort),
        VoterNeedsName,
        UnitNeedsLabel,
        AreaOutOfRange,
        CsvOtherKind {
            line: 3,
            owner: n(),
        },
        CsvUnitTaken {
            line: 4,
            unit: "3栋2单元501".into(),
            community: "幸福里".into(),
        },
        AlreadyInRoster { what: n() },
    ]
}

/// Files, imports, the forms' own refusals and the families.
fn samples_files_import_and_forms() -> Vec<Refusal> {
    use Refusal::*;
    let n = || "张三".to_string();
    vec![
        File {
            path: "yishi-1.db".into(),
            why: crate::files::Refusal::Exists,
        },
        ExportFile {
            path: "yishi-1.md".into(),
            why: crate::files::Refusal::Symlink,
        },
        NameHidden,
        NameTooLong,
        ImportMalformed {
            what: ImportPart::Signature,
        },
        ImportNoMinutes,
        ImportUnreadable,
        NotOnSignerRoster {
            name: n(),
            fingerprint: "ab12 cd34".into(),
        },
        NameCannotBeSigned,
        RosterNeedsEndorsement,
        EndorserNotOnRoster { name: n() },
        RosterState {
            name: n(),
            active: true,
        },
        RosterState {
            name: n(),
            active: false,
        },
        RosterDoesNotVerify,
        ImportRecusalItemMissing { position: 2 },
        ImportRecusalNoItem,
        ImportAddendumMissing,
        ImportBatchNotReproduced,
        VoterNotFound,
        ManyMatch,
        BadArea,
        NotRegistered,
        BadFilterDate,
        TooLong { max: 100 },
        Written(WrittenRefusal::CheckDigit),
        Mediation(MediationRefusal::Signed),
        Suggestion(SuggestionRefusal::NeedsText),
    ]
}
