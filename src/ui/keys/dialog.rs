//! The keys of the yes/no dialogs, in the keymap's shape: the confirm question, the one
//! only Enter confirms (asked where y is an answer), and the discard question over a
//! changed form. Their key lines are generated from these tables; the upper-case
//! letters act but are not shown.

use crossterm::event::{KeyCode, KeyEvent};

use crate::strings::Lang;
use crate::strings::dialog as d;
use crate::ui::keys::act::Act;
use crate::ui::keys::binding::{Binding, Key, b, normalize};

use Key::{Char as C, Code};

pub const CONFIRM: &[Binding] = &[
    b(
        &[Code(KeyCode::Enter), C('y')],
        Act::Yes,
        d::K_CONFIRM,
        true,
    ),
    b(&[C('Y')], Act::Yes, d::K_CONFIRM, false),
    b(&[Code(KeyCode::Esc), C('n')], Act::No, d::K_CANCEL, true),
    b(&[C('N')], Act::No, d::K_CANCEL, false),
];

/// Only Enter confirms: y is not bound, so it leaves the question open.
pub const CONFIRM_ENTER: &[Binding] = &[
    b(&[Code(KeyCode::Enter)], Act::Yes, d::K_CONFIRM, true),
    b(&[Code(KeyCode::Esc), C('n')], Act::No, d::K_CANCEL, true),
    b(&[C('N')], Act::No, d::K_CANCEL, false),
];

pub const DISCARD: &[Binding] = &[
    b(
        &[Code(KeyCode::Enter), C('y')],
        Act::Yes,
        d::K_DISCARD,
        true,
    ),
    b(&[C('Y')], Act::Yes, d::K_DISCARD, false),
    b(
        &[Code(KeyCode::Esc), C('n')],
        Act::No,
        d::K_KEEP_EDITING,
        true,
    ),
    b(&[C('N')], Act::No, d::K_KEEP_EDITING, false),
];

/// The answer a key gives in a dialog, whatever modifier is held (a dialog takes no
/// other keys).
pub fn answer(table: &[Binding], k: &KeyEvent) -> Option<Act> {
    let code = normalize(*k).code;
    let of = |key: &Key| match *key {
        Key::Char(c) => Some(KeyCode::Char(c)),
        Key::Code(c) => Some(c),
        Key::F(n) => Some(KeyCode::F(n)),
        Key::Ctrl(_) => None,
    };
    table
        .iter()
        .find(|b| b.keys.iter().any(|key| of(key) == Some(code)))
        .map(|b| b.act)
}

/// "Enter/y 确定   Esc/n 取消": each shown binding's keys and hint, `sep` between them.
pub fn line(table: &[Binding], l: Lang, sep: &str) -> String {
    table
        .iter()
        .filter(|b| b.bar)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            format!("{} {}", keys.join("/"), b.hint.get(l))
        })
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_lines_read_as_before() {
        assert_eq!(line(CONFIRM, Lang::Zh, "   "), "Enter/y 确定   Esc/n 取消");
        assert_eq!(
            line(CONFIRM, Lang::En, "   "),
            "Enter/y confirm   Esc/n cancel"
        );
        assert_eq!(
            line(CONFIRM_ENTER, Lang::Zh, "   "),
            "Enter 确定   Esc/n 取消"
        );
        assert_eq!(
            line(CONFIRM_ENTER, Lang::En, "   "),
            "Enter confirm   Esc/n cancel"
        );
        assert_eq!(
            line(DISCARD, Lang::Zh, " · "),
            "Enter/y 放弃修改 · Esc/n 继续编辑"
        );
        assert_eq!(
            line(DISCARD, Lang::En, " · "),
            "Enter/y discard · Esc/n keep editing"
        );
    }
}
