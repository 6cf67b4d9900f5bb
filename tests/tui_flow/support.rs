//! Shared set-up of these tests.
#![allow(dead_code, unused_imports)]

pub use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
pub use ratatui::Terminal;
pub use ratatui::backend::TestBackend;
pub use rusqlite::Connection;
pub use unicode_width::UnicodeWidthStr;
pub use yishi::store::Store;
pub use yishi::strings::Lang;
pub use yishi::ui::App;

pub struct Ui {
    pub app: App,
    pub term: Terminal<TestBackend>,
    /// The whole last frame. (TestBackend's own buffer only receives ratatui's diff and
    /// keeps stale halves of wide characters that a real terminal would have cleared.)
    pub frame: ratatui::buffer::Buffer,
    pub db: std::path::PathBuf,
    pub _dir: tempfile::TempDir,
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
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

pub fn item_id(ui: &Ui, title: &str) -> i64 {
    ui.db()
        .query_row(
            "SELECT id FROM agenda_items WHERE title = ?1",
            [title],
            |r| r.get(0),
        )
        .expect(title)
}

pub fn outcome(ui: &Ui, item: i64) -> String {
    ui.db()
        .query_row(
            "SELECT outcome FROM vote_closures WHERE item_id = ?1",
            [item],
            |r| r.get(0),
        )
        .expect("closure")
}

/// Answer every voter in the room of the open roll call with `answer(i)` (the cursor
/// passes over absent voters, who cannot answer).
pub fn roll_call(ui: &mut Ui, item: i64, answer: impl Fn(usize) -> char) {
    let n = ui.count(&format!(
        "SELECT count(*) FROM vote_eligible WHERE item_id = {item} AND present = 1"
    )) as usize;
    for i in 0..n {
        ui.ch(answer(i));
        // Committed before the screen moves on.
        assert_eq!(
            ui.count(&format!(
                "SELECT count(*) FROM votes WHERE item_id = {item}"
            )),
            i as i64 + 1
        );
    }
}
