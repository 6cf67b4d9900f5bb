//! What a keymap table is made of: a key as the tables spell it, a binding of keys to a
//! command with its hint, the keys every screen takes, and the lookups the bar, the
//! help and the app make in a table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::strings::ui as s;
use crate::strings::{Lang, Tr};
use crate::ui::keys::act::Act;

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

pub const GLOBAL: &[Binding] = &[
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
