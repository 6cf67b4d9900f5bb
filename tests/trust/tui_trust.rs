//! The register screen asks for the endorsement once the community's signer roster is
//! founded (issue 13): keys in on a TestBackend, screen and database checked.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;
use yishi::store::Store;
use yishi::strings::Lang;
use yishi::ui::App;

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    screen: String,
}

impl Ui {
    fn press(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
        let app = &mut self.app;
        let done = self.term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        let buf = done.buffer;
        self.screen = (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n");
    }

    fn keys(&mut self, s: &str) {
        for c in s.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Fill the register form: each value then Enter (the last Enter submits).
    fn register(&mut self, values: [&str; 5]) {
        self.press(KeyCode::Char('R'));
        assert!(self.screen.contains("Endorsed by"), "{}", self.screen);
        for v in values {
            self.keys(v);
            self.press(KeyCode::Enter);
        }
    }
}

fn count(db: &std::path::Path, sql: &str) -> i64 {
    Connection::open(db)
        .expect("db")
        .query_row(sql, [], |r| r.get(0))
        .expect(sql)
}

#[test]
fn a_new_signer_is_registered_only_with_a_registered_signers_endorsement() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db).expect("open");
    yishi::demo::install(&mut store).expect("demo");
    let mut ui = Ui {
        app: App::new(store, Lang::En),
        term: Terminal::new(TestBackend::new(100, 30)).expect("terminal"),
        screen: String::new(),
    };
    // The signed demo meeting's minutes, from the archive.
    ui.press(KeyCode::Char('a'));
    ui.press(KeyCode::Enter);
    ui.register(["王芳", "wangfang-2026", "wangfang-2026", "", ""]);
    assert!(ui.screen.contains("signer roster"), "{}", ui.screen);
    assert_eq!(
        count(&db, "SELECT count(*) FROM signers WHERE name = '王芳'"),
        0
    );
    ui.press(KeyCode::Esc);
    ui.register([
        "王芳",
        "wangfang-2026",
        "wangfang-2026",
        "黄小明",
        "not-the-passphrase",
    ]);
    assert_eq!(
        count(&db, "SELECT count(*) FROM signers WHERE name = '王芳'"),
        0
    );
    ui.press(KeyCode::Esc);
    ui.register([
        "王芳",
        "wangfang-2026",
        "wangfang-2026",
        "黄小明",
        "wangcheng-host-2026",
    ]);
    assert_eq!(
        count(&db, "SELECT count(*) FROM signers WHERE name = '王芳'"),
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM signer_roster WHERE name = '王芳' AND action = 'register'"
        ),
        1
    );
}
