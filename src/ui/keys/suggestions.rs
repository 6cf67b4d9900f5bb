//! The keys of the suggestions, cost plan and report summary screens, in the
//! keymap's form: the bottom bar and the help are generated from these tables too.

use crossterm::event::KeyCode;

use crate::strings::suggestions as w;
use crate::strings::ui as s;
use crate::ui::keys::act::{Act, CivicAct};
use crate::ui::keys::binding::{Binding, Key};

const fn b(keys: &'static [Key], act: CivicAct, hint: crate::strings::Tr) -> Binding {
    Binding {
        keys,
        act: Act::Civic(act),
        hint,
        bar: true,
    }
}

use Key::{Char as C, Code, F};

pub const SUGGESTIONS: &[Binding] = &[
    b(&[F(2), C('a')], CivicAct::Log, w::K_NEW),
    b(&[C('c')], CivicAct::Acknowledge, w::K_ACK),
    b(&[C('r')], CivicAct::Answer, w::K_ANSWER),
    b(&[C('h')], CivicAct::HandOver, w::K_HAND),
    b(&[C('g')], CivicAct::PutOnAgenda, w::K_AGENDA),
    b(&[C('d')], CivicAct::Done, w::K_DONE),
    b(&[C('x')], CivicAct::Close, w::K_CLOSE),
    b(&[C('p')], CivicAct::PrintResponses, w::K_PRINT),
    b(&[C('i')], CivicAct::ShowContact, w::K_SHOW_CONTACT),
    Binding {
        keys: &[Code(KeyCode::Esc)],
        act: Act::Back,
        hint: s::K_BACK,
        bar: true,
    },
];

pub const COST: &[Binding] = &[
    b(
        &[C('e'), Code(KeyCode::Enter)],
        CivicAct::EditCost,
        w::K_EDIT_COST,
    ),
    Binding {
        keys: &[Code(KeyCode::Esc)],
        act: Act::Back,
        hint: s::K_BACK,
        bar: true,
    },
];

pub const SUMMARY: &[Binding] = &[
    b(&[C('y')], CivicAct::Year, w::K_YEAR),
    Binding {
        keys: &[Code(KeyCode::Esc)],
        act: Act::Back,
        hint: s::K_BACK,
        bar: true,
    },
];

/// The key that opens each of these screens from a shared table.
pub const TO_SUGGESTIONS: Binding = b(&[C('y')], CivicAct::Suggestions, w::TITLE);
pub const TO_COST: Binding = b(&[C('c')], CivicAct::CostPlan, w::K_COST);
pub const TO_SUMMARY: Binding = b(&[C('S')], CivicAct::Summary, w::K_SUMMARY);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_twice() {
        // Nor one of the keys every screen takes (k and j move the cursor).
        let global = [C('k'), C('j'), C('?'), F(1), F(3)];
        for t in [SUGGESTIONS, COST, SUMMARY] {
            let mut keys: Vec<Key> = t.iter().flat_map(|b| b.keys.iter().copied()).collect();
            keys.extend(global);
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?}");
            }
        }
    }
}
