//! The one keymap: every screen's keys, their commands and their hints. The bottom bar
//! and the help screen are generated from these tables, so hints never lie.

pub mod act;
pub mod binding;
pub mod dialog;
pub mod mediation;
pub mod suggestions;
pub mod written;

use crossterm::event::KeyCode;

use crate::domain::model::Choice;
use crate::strings::ui as s;
use crate::strings::written_ui as wu;
use crate::ui::keys::binding::{Key, b};

pub use crate::ui::keys::act::Act;
pub use crate::ui::keys::binding::{Binding, all, hints, lookup};

use Key::{Char as C, Code, F};

pub const HOME: &[Binding] = &[
    b(&[Code(KeyCode::Enter)], Act::Open, s::K_OPEN, true),
    b(&[C('n')], Act::NewMeeting, s::K_NEW_MEETING, true),
    b(&[C('r')], Act::Roster, s::K_ROSTER, true),
    b(&[C('a')], Act::Archive, s::K_ARCHIVE, true),
    b(&[C('b')], Act::Board, s::K_BOARD, true),
    b(
        &[C('m')],
        Act::Mediation(crate::ui::keys::act::MedAct::List),
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

/// A roll call's table: `first` before the answers, which are on the bar when
/// `answers_on_bar`; the rest the same on every row.
macro_rules! roll_call {
    ([$($first:expr),*], $answers_on_bar:expr) => {
        &[
            $($first,)*
            b(&[C('1'), C('y')], Act::Answer(Choice::Yes), s::K_YES, $answers_on_bar),
            b(&[C('2'), C('n')], Act::Answer(Choice::No), s::K_NO, $answers_on_bar),
            b(
                &[C('3'), C('a')],
                Act::Answer(Choice::Abstain),
                s::K_ABSTAIN,
                $answers_on_bar,
            ),
            b(
                &[C('4'), C('r')],
                Act::Answer(Choice::Recused),
                s::K_RECUSED,
                $answers_on_bar,
            ),
            b(
                &[C('5'), C('z')],
                Act::Answer(Choice::NotVoting),
                s::K_NOT_VOTING,
                $answers_on_bar,
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
        ]
    };
}

pub const VOTE: &[Binding] = roll_call!([], true);

/// The roll call on an absent voter's row: the bar offers what is possible (record the
/// arrival); the answer keys stay bound so pressing one says why it is refused.
pub const VOTE_ABSENT: &[Binding] = roll_call!(
    [b(
        &[C('i')],
        Act::Arrive,
        crate::strings::roll_call::K_ARRIVE,
        true
    )],
    false
);

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keys::binding::GLOBAL;
    use crossterm::event::{KeyEvent, KeyModifiers};
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
