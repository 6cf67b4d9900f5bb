//! A text field that is right for Chinese: it wraps by display width, and reports the
//! cursor in display columns so the real terminal cursor (and the input method's
//! candidate window) sits where the next character will appear.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthChar;

use crate::domain::text::{clean_line, clean_multiline};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    chars: Vec<char>,
    /// Cursor as an index into `chars` (0..=len).
    cursor: usize,
    multiline: bool,
    masked: bool,
    /// First visual line shown (kept so the cursor stays visible). A `Cell`: drawing
    /// reads the editor and only moves this view offset, never the text or cursor.
    scroll: std::cell::Cell<usize>,
}

/// A visual line: chars[start..end] (end excludes the newline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct VLine {
    start: usize,
    end: usize,
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

impl Editor {
    pub fn single(text: &str) -> Editor {
        let chars: Vec<char> = clean_line(text).chars().collect();
        Editor {
            cursor: chars.len(),
            chars,
            multiline: false,
            masked: false,
            scroll: std::cell::Cell::new(0),
        }
    }

    pub fn multi(text: &str) -> Editor {
        let chars: Vec<char> = clean_multiline(text).chars().collect();
        Editor {
            cursor: chars.len(),
            chars,
            multiline: true,
            masked: false,
            scroll: std::cell::Cell::new(0),
        }
    }

    /// A passphrase field: shown as one '*' per character.
    pub fn masked() -> Editor {
        Editor {
            chars: Vec::new(),
            cursor: 0,
            multiline: false,
            masked: true,
            scroll: std::cell::Cell::new(0),
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// A passphrase field (never kept in a draft).
    pub fn is_masked(&self) -> bool {
        self.masked
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn set_text(&mut self, text: &str) {
        *self = if self.multiline {
            Editor::multi(text)
        } else {
            Editor {
                masked: self.masked,
                ..Editor::single(text)
            }
        };
    }

    /// Insert typed or pasted text; control characters and escape sequences are dropped,
    /// and newlines become spaces in a one-line field.
    pub fn insert(&mut self, s: &str) {
        let clean = if self.multiline {
            clean_multiline(s)
        } else {
            clean_line(s)
        };
        for c in clean.chars() {
            self.chars.insert(self.cursor, c);
            self.cursor += 1;
        }
    }

    /// Handle an editing key. Returns false if the key is not an editing key (the caller
    /// then treats it as a command: Enter, Esc, Tab …).
    pub fn key(&mut self, k: &KeyEvent, width: usize) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Char(c) if !ctrl => {
                self.insert(&c.to_string());
            }
            KeyCode::Char('u') if ctrl => {
                let (s, _) = self.line_bounds();
                self.chars.drain(s..self.cursor);
                self.cursor = s;
            }
            KeyCode::Enter
                if self.multiline && !ctrl && !k.modifiers.contains(KeyModifiers::ALT) =>
            {
                self.chars.insert(self.cursor, '\n');
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            KeyCode::Delete if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            KeyCode::Backspace | KeyCode::Delete => {}
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            KeyCode::Home => self.cursor = self.line_bounds().0,
            KeyCode::End => self.cursor = self.line_bounds().1,
            KeyCode::Up if self.multiline => self.vertical(-1, width),
            KeyCode::Down if self.multiline => self.vertical(1, width),
            _ => return false,
        }
        true
    }

    /// The logical line (between newlines) around the cursor.
    fn line_bounds(&self) -> (usize, usize) {
        let start = self.chars[..self.cursor]
            .iter()
            .rposition(|&c| c == '\n')
            .map(|i| i + 1)
            .unwrap_or(0);
        let end = self.chars[self.cursor..]
            .iter()
            .position(|&c| c == '\n')
            .map(|i| self.cursor + i)
            .unwrap_or(self.chars.len());
        (start, end)
    }

    fn shown(&self, c: char) -> char {
        if self.masked { '*' } else { c }
    }

    /// Wrap by display width: a line breaks before the character that would overflow,
    /// at the last space when there is one on the line (Latin words stay whole).
    fn layout(&self, width: usize) -> Vec<VLine> {
        let width = width.max(2);
        let mut lines = Vec::new();
        let mut start = 0;
        let mut col = 0;
        let mut last_space: Option<usize> = None;
        let mut i = 0;
        while i < self.chars.len() {
            let c = self.shown(self.chars[i]);
            if c == '\n' {
                lines.push(VLine { start, end: i });
                start = i + 1;
                col = 0;
                last_space = None;
                i += 1;
                continue;
            }
            let w = char_width(c);
            if col + w > width && i > start {
                let brk = match last_space {
                    Some(sp) if sp > start && !self.masked => sp + 1,
                    _ => i,
                };
                lines.push(VLine { start, end: brk });
                start = brk;
                col = self.chars[start..i]
                    .iter()
                    .map(|&c| char_width(self.shown(c)))
                    .sum();
                last_space = None;
                continue;
            }
            if c == ' ' {
                last_space = Some(i);
            }
            col += w;
            i += 1;
        }
        lines.push(VLine {
            start,
            end: self.chars.len(),
        });
        lines
    }

    /// (visual row, display column) of the cursor.
    fn cursor_rc(&self, lines: &[VLine]) -> (usize, usize) {
        for (row, l) in lines.iter().enumerate() {
            let next_start = lines.get(row + 1).map(|n| n.start);
            let inside = self.cursor >= l.start && self.cursor <= l.end;
            // At a soft break the cursor belongs to the next line.
            let at_soft_break = next_start == Some(l.end) && self.cursor == l.end;
            if inside && !at_soft_break {
                let col = self.chars[l.start..self.cursor]
                    .iter()
                    .map(|&c| char_width(self.shown(c)))
                    .sum();
                return (row, col);
            }
        }
        let last = lines.len().saturating_sub(1);
        (last, 0)
    }

    fn vertical(&mut self, delta: i64, width: usize) {
        let lines = self.layout(width);
        let (row, col) = self.cursor_rc(&lines);
        let target = row as i64 + delta;
        if target < 0 || target as usize >= lines.len() {
            return;
        }
        let l = lines[target as usize];
        let mut c = 0;
        let mut idx = l.start;
        while idx < l.end {
            let w = char_width(self.shown(self.chars[idx]));
            if c + w > col {
                break;
            }
            c += w;
            idx += 1;
        }
        self.cursor = idx;
    }

    /// Draw into `area` and place the real terminal cursor when `focused`.
    pub fn render(&self, f: &mut Frame<'_>, area: Rect, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = area.width as usize;
        let lines = self.layout(width);
        let (row, col) = self.cursor_rc(&lines);
        let height = area.height as usize;
        let mut scroll = self.scroll.get();
        if row < scroll {
            scroll = row;
        } else if row >= scroll + height {
            scroll = row + 1 - height;
        }
        self.scroll.set(scroll);
        let shown: Vec<Line<'_>> = lines
            .iter()
            .skip(scroll)
            .take(height)
            .map(|l| {
                Line::from(
                    self.chars[l.start..l.end]
                        .iter()
                        .map(|&c| self.shown(c))
                        .collect::<String>(),
                )
            })
            .collect();
        f.render_widget(Paragraph::new(shown).style(style), area);
        if focused {
            let x = area.x + (col.min(width.saturating_sub(1))) as u16;
            let y = area.y + (row - scroll) as u16;
            f.set_cursor_position(Position { x, y });
        }
    }

    /// Visual lines needed at `width` (for sizing a box).
    pub fn height_at(&self, width: usize) -> usize {
        self.layout(width).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn cursor_column_counts_display_width() {
        let mut e = Editor::single("");
        e.insert("电梯a");
        let lines = e.layout(20);
        assert_eq!(e.cursor_rc(&lines), (0, 5));
        e.key(&key(KeyCode::Left), 20);
        assert_eq!(e.cursor_rc(&e.layout(20)), (0, 4));
    }

    #[test]
    fn chinese_wraps_by_width_without_spaces() {
        let mut e = Editor::multi("");
        e.insert("一二三四五六七八九十");
        let lines = e.layout(8);
        assert_eq!(lines.len(), 3);
        // Cursor after the tenth character: third line, after 2 characters.
        assert_eq!(e.cursor_rc(&lines), (2, 4));
    }

    #[test]
    fn paste_drops_escapes_and_newlines_in_one_line() {
        let mut e = Editor::single("");
        e.insert("王\u{1b}[31m五\n六");
        assert_eq!(e.text(), "王五 六");
    }

    #[test]
    fn masked_never_shows_text() {
        let mut e = Editor::masked();
        e.insert("secret电梯");
        assert_eq!(e.text(), "secret电梯");
        assert_eq!(e.cursor_rc(&e.layout(40)), (0, 8));
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let mut e = Editor::multi("abcd\n电梯加装");
        e.key(&key(KeyCode::Up), 20);
        assert_eq!(e.cursor_rc(&e.layout(20)), (0, 4));
    }
}
