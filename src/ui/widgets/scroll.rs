//! A scrolling text view's place: the first line shown, moved a line by ↑↓ and ten by
//! PgUp/PgDn, and never shown past the last line.

use ratatui::text::Line;

use crate::ui::keys::Act;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Scroll(usize);

impl Scroll {
    /// Move by a scrolling command; whether `act` was one.
    pub fn on(&mut self, act: Act) -> bool {
        match act {
            Act::Up => self.0 = self.0.saturating_sub(1),
            Act::PageUp => self.0 = self.0.saturating_sub(10),
            Act::Down => self.0 += 1,
            Act::PageDown => self.0 += 10,
            _ => return false,
        }
        true
    }

    /// The lines from the first shown on (at least the last line).
    pub fn shown<'a>(&self, lines: Vec<Line<'a>>) -> Vec<Line<'a>> {
        let skip = self.0.min(lines.len().saturating_sub(1));
        lines.into_iter().skip(skip).collect()
    }
}
