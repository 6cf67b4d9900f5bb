//! The keys of a written consultation's screens (书面征求意见): its own screen, the
//! deliveries, and ballot entry by number then answers (tables re-exported by
//! ui::keys).

use crossterm::event::KeyCode;

use crate::domain::model::Choice;
use crate::strings::ui as s;
use crate::strings::written as w;
use crate::strings::written_ui as wu;
use crate::ui::keys::act::Act;
use crate::ui::keys::binding::{Binding, Key, b};

use Key::{Char as C, Code};

/// A written consultation's own screen: its progress, and the way to its ballots,
/// deliveries, paper, extension and closing.
pub const WRITTEN: &[Binding] = &[
    b(&[C('b')], Act::EnterBallots, wu::K_ENTER_BALLOTS, true),
    b(&[C('d')], Act::Deliveries, wu::K_DELIVERIES, true),
    b(&[C('p')], Act::Print, wu::K_PRINT, true),
    b(&[C('x')], Act::Extend, wu::K_EXTEND, true),
    b(&[C('E')], Act::CloseWritten, wu::K_CLOSE, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_HOME, true),
];

/// The deliveries of a written consultation's ballots.
pub const DELIVERIES: &[Binding] = &[
    b(
        &[Code(KeyCode::Enter), C('s')],
        Act::Deliver,
        wu::K_DELIVER,
        true,
    ),
    b(&[C('A')], Act::DeliverAll, wu::K_DELIVER_ALL, true),
    b(&[C('f')], Act::ToggleUnserved, wu::K_UNSERVED, true),
    b(&[C('/')], Act::Search, wu::K_FIND, true),
    b(&[C('0')], Act::ClearFilter, wu::K_CLEAR, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

/// Ballot entry, typing the number (a scanner types digits and Enter).
pub const BALLOT_NUMBER: &[Binding] = &[
    b(&[C('0')], Act::Digit(0), w::K_DIGITS, true),
    b(&[C('1')], Act::Digit(1), w::K_DIGITS, false),
    b(&[C('2')], Act::Digit(2), w::K_DIGITS, false),
    b(&[C('3')], Act::Digit(3), w::K_DIGITS, false),
    b(&[C('4')], Act::Digit(4), w::K_DIGITS, false),
    b(&[C('5')], Act::Digit(5), w::K_DIGITS, false),
    b(&[C('6')], Act::Digit(6), w::K_DIGITS, false),
    b(&[C('7')], Act::Digit(7), w::K_DIGITS, false),
    b(&[C('8')], Act::Digit(8), w::K_DIGITS, false),
    b(&[C('9')], Act::Digit(9), w::K_DIGITS, false),
    b(&[Code(KeyCode::Enter)], Act::Open, w::K_ENTER_NUMBER, true),
    b(
        &[Code(KeyCode::Backspace)],
        Act::DelDigit,
        w::K_DEL_DIGIT,
        true,
    ),
    b(&[C('c')], Act::Correct, w::K_CORRECT, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

/// Ballot entry, answering each item of the ballot: the roll call's keys.
pub const BALLOT_ANSWER: &[Binding] = &[
    b(&[C('1'), C('y')], Act::Answer(Choice::Yes), s::K_YES, true),
    b(&[C('2'), C('n')], Act::Answer(Choice::No), s::K_NO, true),
    b(
        &[C('3'), C('a')],
        Act::Answer(Choice::Abstain),
        s::K_ABSTAIN,
        true,
    ),
    b(
        &[C('x')],
        Act::Invalid(crate::domain::model::InvalidReason::Unsigned),
        w::K_UNSIGNED,
        true,
    ),
    b(
        &[C('v')],
        Act::Invalid(crate::domain::model::InvalidReason::Unreadable),
        w::K_UNREADABLE,
        true,
    ),
    b(&[Code(KeyCode::Esc)], Act::Back, w::K_LEAVE_BALLOT, true),
];
