//! Mediation's keys, in the one keymap's shape: the bottom bar and the help
//! come from these tables. Letters survive a Chinese input method (their full-width
//! twins are folded by `keys::normalize`); Enter, Esc and Tab are always there.

use crossterm::event::KeyCode;

use crate::strings::mediation as m;
use crate::strings::ui as s;
use crate::ui::keys::act::{Act, MedAct};
use crate::ui::keys::binding::{Binding, Key, b};

use Key::{Char as C, Code};

const fn md(keys: &'static [Key], a: MedAct, hint: crate::strings::Tr, bar: bool) -> Binding {
    b(keys, Act::Mediation(a), hint, bar)
}

/// The case list.
pub const CASES: &[Binding] = &[
    b(&[Code(KeyCode::Enter)], Act::Open, s::K_OPEN, true),
    md(&[C('n')], MedAct::NewCase, m::K_NEW_CASE, true),
    md(&[C('f')], MedAct::Filter, m::K_FILTER, true),
    md(&[C('0')], MedAct::ClearFilter, s::K_CLEAR_FILTER, false),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

/// A case before its agreement is signed.
pub const CASE: &[Binding] = &[
    md(&[C('p')], MedAct::Party, m::K_PARTY, true),
    md(&[C('m')], MedAct::Mediator, m::K_MEDIATOR, true),
    md(&[C('s')], MedAct::Session, m::K_SESSION, true),
    md(&[C('t')], MedAct::Term, m::K_TERM, true),
    md(&[C('v')], MedAct::Paper, m::K_PAPER, true),
    md(&[C('g')], MedAct::Sign, m::K_SIGN, true),
    md(&[Code(KeyCode::Tab)], MedAct::Text, m::K_TEXT, true),
    md(&[C('e')], MedAct::Edit, m::K_EDIT, false),
    md(&[C('x')], MedAct::Status, m::K_STATUS, false),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];

/// A case whose agreement is signed: its facts are locked; the follow-up goes on.
pub const CASE_SIGNED: &[Binding] = &[
    md(&[C('c')], MedAct::Check, m::K_CHECK, true),
    md(&[C('s')], MedAct::Session, m::K_SESSION, true),
    md(&[C('g')], MedAct::Sign, m::K_SIGN, false),
    md(&[C('a')], MedAct::Addendum, m::K_ADDENDUM, true),
    md(&[Code(KeyCode::Tab)], MedAct::Text, m::K_TEXT, true),
    b(&[Code(KeyCode::Esc)], Act::Back, s::K_BACK, true),
];
