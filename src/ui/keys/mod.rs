//! The one keymap: every screen's keys, their commands and their hints. The bottom bar
//! and the help screen are generated from these tables, so hints never lie.

pub mod mediation;
pub mod suggestions;
pub mod written;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::model::Choice;
use crate::strings::ui as s;
use crate::strings::written_ui as wu;
use crate::strings::{Lang, Tr};

/// A key as the tables spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    F(u8),
}

impl Key {
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::F(n) => format!("F{n}"),
            Key::Code(KeyCode::Enter) => "Enter".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::Backspace) => "Bksp".into(),
            Key::Code(KeyCode::Delete) => "Del".into(),
            Key::Code(KeyCode::Up) => "↑".into(),
            Key::Code(KeyCode::Down) => "↓".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(c) => format!("{c:?}"),
        }
    }

    /// Does the pressed key match? Letters also match their full-width twin (a Chinese
    /// input method sends ｙ for y), which `normalize` has already folded.
    fn matches(self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match (self, k.code) {
            (Key::Char(c), KeyCode::Char(p)) => !ctrl && p == c,
            (Key::Ctrl(c), KeyCode::Char(p)) => ctrl && p.eq_ignore_ascii_case(&c),
            (Key::F(n), KeyCode::F(m)) => n == m,
            (Key::Code(a), b) => a == b && !ctrl,
            _ => false,
        }
    }
}

/// Fold full-width ASCII (U+FF01..U+FF5E) to ASCII and the ideographic space to a space.
pub fn normalize(mut k: KeyEvent) -> KeyEvent {
    if let KeyCode::Char(c) = k.code {
        let u = c as u32;
        let folded = match u {
            0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        };
        // A shifted letter arrives upper-case; the tables use the letter as typed.
        k.code = KeyCode::Char(folded);
    }
    k
}

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
    /// Mediation's commands (their tables in keymap_mediation.rs).
    Mediation(crate::ui::keys::mediation::MedAct),
    /// The suggestions, cost plan and summary screens (their keys in ui::keys::suggestions).
    Civic(crate::ui::keys::suggestions::CivicAct),
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
            | Deliveries | ToggleUnserved => false,
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

pub struct Binding {
    pub keys: &'static [Key],
    pub act: Act,
    pub hint: Tr,
    /// Shown in the bottom bar (all bindings are in the help screen).
    pub bar: bool,
}

pub(crate) const fn b(keys: &'static [Key], act: Act, hint: Tr, bar: bool) -> Binding {
    Binding {
        keys,
        act,
        hint,
        bar,
    }
}

use Key::{Char as C, Code, Ctrl, F};

const GLOBAL: &[Binding] = &[
    b(&[F(1), C('?')], Act::Help, s::K_HELP, true),
    b(&[F(3)], Act::Lang, s::K_LANG, false),
    b(&[Ctrl('c')], Act::Quit, s::K_QUIT, false),
    b(&[Code(KeyCode::Up), C('k')], Act::Up, s::K_UP, false),
    b(&[Code(KeyCode::Down), C('j')], Act::Down, s::K_DOWN, false),
    b(&[Code(KeyCode::PageUp)], Act::PageUp, s::K_PAGE_UP, false),
    b(
        &[Code(KeyCode::PageDown)],
        Act::PageDown,
        s::K_PAGE_DOWN,
        false,
    ),
    b(&[Code(KeyCode::Home)], Act::Top, s::K_TOP, false),
    b(&[Code(KeyCode::End)], Act::Bottom, s::K_BOTTOM, false),
];

pub const HOME: &[Binding] = &[
    b(&[Code(KeyCode::Enter)], Act::Open, s::K_OPEN, true),
    b(&[C('n')], Act::NewMeeting, s::K_NEW_MEETING, true),
    b(&[C('r')], Act::Roster, s::K_ROSTER, true),
    b(&[C('a')], Act::Archive, s::K_ARCHIVE, true),
    b(&[C('b')], Act::Board, s::K_BOARD, true),
    b(
        &[C('m')],
        Act::Mediation(crate::ui::keys::mediation::MedAct::List),
        crate::strings::mediation::K_MEDIATION,
        true,
    ),
    crate::ui::keys::suggestions::TO_SUGGESTIONS,
    // Not Esc: three Escs from a roll call must not end the program.
    b(&[C('q')], Act::Quit, s::K_QUIT, true),
];

pub const ROSTER: &[Binding] = &[
    b(&[C('/')], Act::Search, s::K_SEARCH, true),
    b(&[C('a')], Act::AddVoter, s::K_ADD_VOTER, true),
    b(
        &[C('e'), Code(KeyCode::Enter)],
        Act::EditVoter,
        s::K_EDIT_VOTER,
        true,
    ),
    b(&[C('u')], Act::AddUnit, s::K_ADD_UNIT, true),
    b(&[C('t')], Act::Transfer, s::K_TRANSFER, true),
    b(&[C('c')], Act::Council, s::K_COUNCIL, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const PREPARE: &[Binding] = &[
    b(&[C('e')], Act::EditMeeting, s::K_EDIT_MEETING, true),
    b(&[C('a')], Act::AddItem, s::K_ADD_ITEM, true),
    b(&[Code(KeyCode::Enter)], Act::EditItem, s::K_EDIT_ITEM, true),
    b(&[C('[')], Act::MoveUp, s::K_MOVE_UP, true),
    b(&[C(']')], Act::MoveDown, s::K_MOVE_DOWN, true),
    b(
        &[Code(KeyCode::Delete), C('d')],
        Act::RemoveItem,
        s::K_REMOVE_ITEM,
        true,
    ),
    b(&[C('o')], Act::OpenMeeting, s::K_OPEN_MEETING, true),
    b(&[C('f')], Act::MeetingForm, wu::K_FORM, true),
    b(&[C('p')], Act::Print, wu::K_PRINT, true),
    crate::ui::keys::suggestions::TO_COST,
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const ATTENDANCE: &[Binding] = &[
    b(&[C('p'), C('1')], Act::Present, s::K_PRESENT, true),
    b(&[C('x'), C('2')], Act::Absent, s::K_ABSENT, true),
    b(&[C('w'), C('3')], Act::Proxy, s::K_PROXY, true),
    b(
        &[Code(KeyCode::Tab), Code(KeyCode::Enter)],
        Act::Agenda,
        s::K_AGENDA,
        true,
    ),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const AGENDA: &[Binding] = &[
    b(&[Code(KeyCode::Enter)], Act::Open, s::K_OPEN_ITEM, true),
    b(&[C('t')], Act::Attendance, s::K_ATTENDANCE, true),
    b(&[C('+')], Act::AddItem, s::K_ADD_LATE_ITEM, true),
    b(&[C('A')], Act::Adjourn, s::K_ADJOURN, true),
    b(&[F(2)], Act::Room, s::K_ROOM, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_HOME, true),
];

pub const ITEM: &[Binding] = &[
    b(&[C('s')], Act::AddSpeaker, s::K_ADD_SPEAKER, true),
    b(&[C('n')], Act::NextSpeaker, s::K_NEXT_SPEAKER, true),
    b(&[C('r')], Act::Remark, s::K_REMARK, true),
    b(&[C('m')], Act::Amend, s::K_AMEND, true),
    b(&[C('v')], Act::StartVote, s::K_START_VOTE, true),
    b(&[C('x')], Act::Recuse, s::K_RECUSE, false),
    b(&[C('d')], Act::FinishItem, s::K_FINISH_ITEM, true),
    // Not on the bar: "attendance first" says to press it.
    b(&[C('t')], Act::Attendance, s::K_ATTENDANCE, false),
    crate::ui::keys::suggestions::TO_COST,
    b(&[F(2)], Act::Room, s::K_ROOM, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const VOTE: &[Binding] = &[
    b(&[C('1'), C('y')], Act::Answer(Choice::Yes), s::K_YES, true),
    b(&[C('2'), C('n')], Act::Answer(Choice::No), s::K_NO, true),
    b(
        &[C('3'), C('a')],
        Act::Answer(Choice::Abstain),
        s::K_ABSTAIN,
        true,
    ),
    b(
        &[C('4'), C('r')],
        Act::Answer(Choice::Recused),
        s::K_RECUSED,
        true,
    ),
    b(
        &[C('5'), C('z')],
        Act::Answer(Choice::NotVoting),
        s::K_NOT_VOTING,
        true,
    ),
    b(
        &[Code(KeyCode::Backspace), C('u')],
        Act::Undo,
        s::K_UNDO,
        true,
    ),
    b(&[C('g')], Act::Jump, s::K_JUMP, true),
    b(&[C('c')], Act::CallAgain, s::K_CALL_AGAIN, true),
    b(&[C('E'), F(10)], Act::CloseVote, s::K_CLOSE_VOTE, true),
    b(&[C('+')], Act::AddAction, s::K_ADD_ACTION, false),
    b(&[F(2)], Act::Room, s::K_ROOM, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

/// The roll call on an absent voter's row: the bar offers what is possible (record the
/// arrival); the answer keys stay bound so pressing one says why it is refused.
pub const VOTE_ABSENT: &[Binding] = &[
    b(
        &[C('i')],
        Act::Arrive,
        crate::strings::roll_call::K_ARRIVE,
        true,
    ),
    b(&[C('1'), C('y')], Act::Answer(Choice::Yes), s::K_YES, false),
    b(&[C('2'), C('n')], Act::Answer(Choice::No), s::K_NO, false),
    b(
        &[C('3'), C('a')],
        Act::Answer(Choice::Abstain),
        s::K_ABSTAIN,
        false,
    ),
    b(
        &[C('4'), C('r')],
        Act::Answer(Choice::Recused),
        s::K_RECUSED,
        false,
    ),
    b(
        &[C('5'), C('z')],
        Act::Answer(Choice::NotVoting),
        s::K_NOT_VOTING,
        false,
    ),
    b(
        &[Code(KeyCode::Backspace), C('u')],
        Act::Undo,
        s::K_UNDO,
        true,
    ),
    b(&[C('g')], Act::Jump, s::K_JUMP, true),
    b(&[C('c')], Act::CallAgain, s::K_CALL_AGAIN, true),
    b(&[C('E'), F(10)], Act::CloseVote, s::K_CLOSE_VOTE, true),
    b(&[C('+')], Act::AddAction, s::K_ADD_ACTION, false),
    b(&[F(2)], Act::Room, s::K_ROOM, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const OUTCOME: &[Binding] = &[
    b(&[C('+'), C('a')], Act::AddAction, s::K_ADD_ACTION, true),
    b(&[F(2)], Act::Room, s::K_ROOM, true),
    b(
        &[Code(KeyCode::Esc), Code(KeyCode::Enter)],
        Act::Back,
        s::K_BACK,
        true,
    ),
];

pub const ARCHIVE: &[Binding] = &[
    b(&[C('/')], Act::Search, s::K_SEARCH, true),
    b(&[C('f')], Act::Filter, s::K_FILTER, true),
    b(&[C('0')], Act::ClearFilter, s::K_CLEAR_FILTER, true),
    b(&[Code(KeyCode::Enter)], Act::Open, s::K_READ, true),
    crate::ui::keys::suggestions::TO_SUMMARY,
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const BOARD: &[Binding] = &[
    b(
        &[C('s'), Code(KeyCode::Enter)],
        Act::SetStatus,
        s::K_SET_STATUS,
        true,
    ),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub const MINUTES: &[Binding] = &[
    b(&[C(']')], Act::NextItem, s::K_NEXT_ITEM, true),
    b(&[C('[')], Act::PrevItem, s::K_PREV_ITEM, true),
    b(&[C('s')], Act::Summary, s::K_SUMMARY, true),
    b(&[C('g')], Act::Sign, s::K_SIGN, true),
    b(&[C('R')], Act::Register, s::K_REGISTER, true),
    b(&[C('W')], Act::Withdraw, s::K_WITHDRAW, false),
    b(&[C('x')], Act::Export, s::K_EXPORT, true),
    b(&[C('n')], Act::ExportNotice, s::K_EXPORT_NOTICE, true),
    b(&[C('p')], Act::Print, wu::K_PRINT, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

/// Reading signed (locked) minutes: no summary or signing, but a signed addendum.
pub const MINUTES_SIGNED: &[Binding] = &[
    b(&[C(']')], Act::NextItem, s::K_NEXT_ITEM, true),
    b(&[C('[')], Act::PrevItem, s::K_PREV_ITEM, true),
    b(&[C('x')], Act::Export, s::K_EXPORT, true),
    b(&[C('n')], Act::ExportNotice, s::K_EXPORT_NOTICE, true),
    b(&[C('+')], Act::Addendum, s::K_ADDENDUM, true),
    b(&[C('R')], Act::Register, s::K_REGISTER, false),
    b(&[C('p')], Act::Print, wu::K_PRINT, true),
    // Not offered, but told: the summary of signed minutes cannot change.
    b(&[C('s')], Act::Summary, s::K_SUMMARY, false),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

pub use crate::ui::keys::written::{BALLOT_ANSWER, BALLOT_NUMBER, DELIVERIES, WRITTEN};

pub fn lookup(table: &[Binding], k: &KeyEvent) -> Option<Act> {
    let k = normalize(*k);
    table
        .iter()
        .chain(GLOBAL.iter())
        .find(|b| b.keys.iter().any(|key| key.matches(&k)))
        .map(|b| b.act)
}

/// "Enter 打开  n 新会议 …" for the bottom bar; on a file open read-only, without the
/// keys that would change the record (they are refused with a sentence if pressed).
/// Each with its action (the bar keeps help in sight when not all fit).
pub fn hints(table: &[Binding], l: Lang, read_only: bool) -> Vec<(String, &'static str, Act)> {
    table
        .iter()
        .chain(GLOBAL.iter())
        .filter(|b| b.bar && !(read_only && b.act.changes_record()))
        .map(|b| (b.keys[0].label(), b.hint.get(l), b.act))
        .collect()
}

/// Every binding of a screen, for the help screen; on a file open read-only, without
/// the keys that would change the record (as the bottom bar, `hints`).
pub fn all(table: &[Binding], l: Lang, read_only: bool) -> Vec<(String, &'static str)> {
    table
        .iter()
        .chain(GLOBAL.iter())
        .filter(|b| !(read_only && b.act.changes_record()))
        .map(|b| {
            (
                b.keys
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(" / "),
                b.hint.get(l),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn ch(c: char) -> KeyEvent {
        KeyEvent {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn full_width_letters_answer_like_ascii() {
        assert_eq!(lookup(VOTE, &ch('ｙ')), Some(Act::Answer(Choice::Yes)));
        assert_eq!(lookup(VOTE, &ch('y')), Some(Act::Answer(Choice::Yes)));
        assert_eq!(lookup(VOTE, &ch('１')), Some(Act::Answer(Choice::Yes)));
        assert_eq!(lookup(VOTE, &ch('ｎ')), Some(Act::Answer(Choice::No)));
    }

    #[test]
    fn no_two_bindings_share_a_key_on_a_screen() {
        for table in [
            HOME,
            ROSTER,
            PREPARE,
            ATTENDANCE,
            AGENDA,
            ITEM,
            VOTE,
            VOTE_ABSENT,
            OUTCOME,
            MINUTES,
            MINUTES_SIGNED,
            BALLOT_NUMBER,
            BALLOT_ANSWER,
            WRITTEN,
            DELIVERIES,
            crate::ui::keys::mediation::CASES,
            crate::ui::keys::mediation::CASE,
            crate::ui::keys::mediation::CASE_SIGNED,
        ] {
            let keys: Vec<Key> = table
                .iter()
                .chain(GLOBAL.iter())
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} bound twice");
            }
        }
    }
}
