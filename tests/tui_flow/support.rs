//! Shared set-up of these tests: the TestBackend harness of tests/tui_support (one copy),
//! and the roll-call helpers of the whole meeting.
#![allow(dead_code, unused_imports)]

#[path = "../tui_support/mod.rs"]
mod tui_support;

pub use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
pub use ratatui::Terminal;
pub use ratatui::backend::TestBackend;
pub use rusqlite::Connection;
pub use tui_support::{Ui, key};
pub use unicode_width::UnicodeWidthStr;
pub use yishi::store::Store;
pub use yishi::store::ids::ItemId;
pub use yishi::strings::Lang;
pub use yishi::ui::App;

pub fn item_id(ui: &Ui, title: &str) -> ItemId {
    ui.db()
        .query_row(
            "SELECT id FROM agenda_items WHERE title = ?1",
            [title],
            |r| r.get(0),
        )
        .expect(title)
}

pub fn outcome(ui: &Ui, item: ItemId) -> String {
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
pub fn roll_call(ui: &mut Ui, item: ItemId, answer: impl Fn(usize) -> char) {
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
