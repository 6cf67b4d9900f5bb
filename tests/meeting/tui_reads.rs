//! A read that fails is told on the message line, as a failed write is (issue 12): the
//! screen does not just come up empty.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;
use yishi::store::Store;
use yishi::strings::Lang;
use yishi::ui::App;

fn screen(term: &mut Terminal<TestBackend>, app: &App) -> String {
    let done = term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
    let buf = done.buffer.clone();
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

fn press(app: &mut App, c: char) {
    app.handle_key(KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    });
}

#[test]
fn a_failed_read_of_the_action_board_is_told_on_the_message_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db).unwrap();
    yishi::demo::install(&mut store).unwrap();
    let mut app = App::new(store, Lang::En);
    let mut term = Terminal::new(TestBackend::new(120, 32)).unwrap();
    let home = screen(&mut term, &app);
    assert!(!home.contains("Database error"), "{home}");

    // Another program damages the file's tables under the running program: the board's
    // read now fails.
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch("ALTER TABLE action_items RENAME TO action_items_gone")
        .unwrap();
    drop(other);

    press(&mut app, 'b');
    let s = screen(&mut term, &app);
    assert!(
        s.contains("Action items of decisions"),
        "the board opens: {s}"
    );
    assert!(
        s.contains("The database could not do this"),
        "the failed read is told, not an empty board: {s}"
    );
    // In the user's words: no SQL, no table name.
    assert!(
        !s.contains("action_items") && !s.contains("no such table"),
        "{s}"
    );
}
