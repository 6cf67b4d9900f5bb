//! A TestBackend harness for the host's screens (issue 15): keys in, the frame as
//! text, the database beside it.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;
use unicode_width::UnicodeWidthStr;
use yishi::store::Store;
use yishi::strings::Lang;
use yishi::ui::App;

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

pub struct Ui {
    pub app: App,
    pub term: Terminal<TestBackend>,
    /// The whole last frame. (TestBackend's own buffer only receives ratatui's diff and
    /// keeps stale halves of wide characters that a real terminal would have cleared.)
    pub frame: ratatui::buffer::Buffer,
    pub db: std::path::PathBuf,
    pub _dir: tempfile::TempDir,
}

impl Ui {
    pub fn demo(lang: Lang, w: u16, h: u16) -> Ui {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("demo.db");
        let mut store = Store::open(&db).expect("open");
        yishi::demo::install(&mut store).expect("demo");
        let app = App::new(store, lang);
        let term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut ui = Ui {
            app,
            term,
            frame: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h)),
            db,
            _dir: dir,
        };
        ui.draw();
        ui
    }

    /// Close the program and start it again on the same file (what a restart does).
    pub fn restart(&mut self) {
        let (w, h) = (self.frame.area.width, self.frame.area.height);
        let lang = self.app.lang;
        // The old App (and its store, with its claim on the file) is gone before the
        // new one opens the file: a placeholder on a scratch file stands in between.
        let scratch = Store::open(&self._dir.path().join("scratch.db")).expect("scratch");
        drop(std::mem::replace(&mut self.app, App::new(scratch, lang)));
        let store = Store::open(&self.db).expect("reopen");
        self.app = App::new(store, lang);
        self.term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        self.draw();
    }

    pub fn draw(&mut self) {
        let app = &mut self.app;
        let done = self.term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        self.frame = done.buffer.clone();
    }

    pub fn press(&mut self, code: KeyCode) {
        self.app.handle_key(key(code));
        self.draw();
    }

    pub fn ch(&mut self, c: char) {
        self.press(KeyCode::Char(c));
    }

    pub fn keys(&mut self, s: &str) {
        for c in s.chars() {
            self.ch(c);
        }
    }

    pub fn ctrl(&mut self, c: char) {
        self.app.handle_key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
        self.draw();
    }

    /// The screen as text, wide characters counted once.
    pub fn screen(&self) -> String {
        let buf = &self.frame;
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                out.push_str(sym);
                x += UnicodeWidthStr::width(sym).max(1) as u16;
            }
            out.push('\n');
        }
        out
    }

    pub fn sees(&self, s: &str) -> bool {
        self.screen().contains(s)
    }

    pub fn db(&self) -> Connection {
        Connection::open(&self.db).expect("db")
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}
