//! Every command a key can give: the app's own, and those of mediation and of the
//! suggestions, cost plan and summary screens. A leaf, so every keymap table can use it.

use crate::domain::model::Choice;

/// Every command a key can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Help,
    Room,
    Lang,
    // home
    NewMeeting,
    Roster,
    Archive,
    Board,
    SetStatus,
    // roster
    Search,
    AddVoter,
    EditVoter,
    AddUnit,
    Council,
    Transfer,
    // preparation
    EditMeeting,
    AddItem,
    EditItem,
    MoveUp,
    MoveDown,
    RemoveItem,
    OpenMeeting,
    // attendance
    Present,
    Absent,
    Proxy,
    Agenda,
    Attendance,
    Adjourn,
    // item
    AddSpeaker,
    NextSpeaker,
    Remark,
    Amend,
    StartVote,
    Recuse,
    FinishItem,
    // vote
    Answer(Choice),
    /// Record a late arrival from the roll call (then they can answer).
    Arrive,
    Undo,
    Jump,
    CallAgain,
    CloseVote,
    AddAction,
    // minutes
    Summary,
    Sign,
    Register,
    Export,
    NextItem,
    PrevItem,
    Filter,
    ClearFilter,
    ExportNotice,
    Addendum,
    Withdraw,
    // ballot entry (written consultation)
    Digit(u8),
    DelDigit,
    Invalid(crate::domain::model::InvalidReason),
    Correct,
    // written consultation: preparation, its own screen, deliveries, paper
    MeetingForm,
    Print,
    EnterBallots,
    Deliveries,
    Extend,
    CloseWritten,
    Deliver,
    DeliverAll,
    ToggleUnserved,
    /// A dialog's answers (see ui::keys::dialog).
    Yes,
    No,
    /// Mediation's commands (their tables in ui::keys::mediation).
    Mediation(MedAct),
    /// The suggestions, cost plan and summary screens (their keys in ui::keys::suggestions).
    Civic(CivicAct),
}

impl Act {
    /// Whether the command changes the record, or opens a screen only for changing it
    /// (ballot entry): left out of the bottom bar on a file open read-only, where such a
    /// change is refused. Moving, viewing, searching, printing and exporting do not.
    pub fn changes_record(&self) -> bool {
        use Act::*;
        match self {
            Up | Down | PageUp | PageDown | Top | Bottom | Open | Back | Quit | Help | Room
            | Lang | Roster | Archive | Board | Search | Agenda | Attendance | Jump | CallAgain
            | Export | NextItem | PrevItem | Filter | ClearFilter | ExportNotice | Print
            | Deliveries | ToggleUnserved | Yes | No => false,
            NewMeeting | SetStatus | AddVoter | EditVoter | AddUnit | Council | Transfer
            | EditMeeting | AddItem | EditItem | MoveUp | MoveDown | RemoveItem | OpenMeeting
            | Present | Absent | Proxy | Adjourn | AddSpeaker | NextSpeaker | Remark | Amend
            | StartVote | Recuse | FinishItem | Answer(_) | Arrive | Undo | CloseVote
            | AddAction | Summary | Sign | Register | Addendum | Withdraw | Digit(_) | DelDigit
            | Invalid(_) | Correct | MeetingForm | Extend | CloseWritten | Deliver | DeliverAll
            | EnterBallots => true,
            Mediation(m) => m.changes_record(),
            Civic(c) => c.changes_record(),
        }
    }
}

/// Mediation's commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MedAct {
    /// Home: the case list.
    List,
    NewCase,
    Filter,
    ClearFilter,
    Edit,
    Party,
    Mediator,
    Session,
    Term,
    Paper,
    Sign,
    Check,
    Status,
    Addendum,
    /// Show the agreement (draft or signed) or the case's records.
    Text,
}

impl MedAct {
    /// See `Act::changes_record`.
    pub fn changes_record(&self) -> bool {
        use MedAct::*;
        !matches!(self, List | Filter | ClearFilter | Text)
    }
}

/// The commands of the suggestions, cost plan and summary screens (one variant of `Act`, so the shared keymap grows by one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CivicAct {
    /// Home: the suggestions screen.
    Suggestions,
    Log,
    Acknowledge,
    Answer,
    HandOver,
    PutOnAgenda,
    Done,
    Close,
    PrintResponses,
    /// Show the selected suggestion's contact, hidden by default (a projected screen).
    ShowContact,
    /// Prepare / item: the item's cost plan.
    CostPlan,
    EditCost,
    /// Archive: the report's summary.
    Summary,
    Year,
}

impl CivicAct {
    /// See `Act::changes_record`.
    pub fn changes_record(&self) -> bool {
        use CivicAct::*;
        !matches!(
            self,
            Suggestions | PrintResponses | ShowContact | CostPlan | Summary | Year
        )
    }
}
