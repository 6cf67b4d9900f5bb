//! Forms keep a draft (issue 15): what is typed is in the database as it is typed, the
//! same form offers it again after the program is gone (Ctrl-C, a crash, a restart), Esc
//! on a changed form asks before throwing it away, and the home screen quits on `q`
//! only.

use crate::tui_support::Ui;
use crossterm::event::{Event, KeyCode};
use yishi::strings::Lang;

fn drafts(ui: &Ui) -> i64 {
    ui.count("SELECT count(DISTINCT form || record) FROM form_drafts")
}

/// Home → the demo's draft meeting → its "add item" form.
fn open_add_item(ui: &mut Ui) {
    ui.press(KeyCode::Enter);
    assert!(ui.sees("筹备") || ui.sees("Preparation"), "{}", ui.screen());
    ui.ch('a');
}

#[test]
fn typed_text_survives_dropping_the_app_and_is_offered_again() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    let items = ui.count("SELECT count(*) FROM agenda_items");
    open_add_item(&mut ui);
    ui.keys("更换地下车库照明灯具");
    // Kept as typed, before any save.
    assert_eq!(drafts(&ui), 1);
    let kept: String = ui
        .db()
        .query_row(
            "SELECT value FROM form_drafts WHERE form = 'item_new' AND field = 'title'",
            [],
            |r| r.get(0),
        )
        .expect("title kept");
    assert_eq!(kept, "更换地下车库照明灯具");
    // The program goes away with the form open (Ctrl-C, a crash: no save, no Esc).
    ui.ctrl('c');
    assert!(ui.app.quit);
    ui.restart();
    // Home tells that a draft is kept.
    assert!(ui.sees("未保存的草稿"), "{}", ui.screen());
    open_add_item(&mut ui);
    assert!(ui.sees("更换地下车库照明灯具"), "{}", ui.screen());
    assert!(ui.sees("已恢复未保存的草稿"), "{}", ui.screen());
    // Saved: the item is there and the draft is gone.
    ui.ctrl('s');
    assert_eq!(ui.count("SELECT count(*) FROM agenda_items"), items + 1);
    assert_eq!(drafts(&ui), 0);
    ui.restart();
    assert!(!ui.sees("未保存的草稿"), "{}", ui.screen());
}

#[test]
fn esc_on_a_changed_form_asks_and_keep_editing_brings_it_back() {
    let mut ui = Ui::demo(Lang::En, 100, 30);
    let items = ui.count("SELECT count(*) FROM agenda_items");
    open_add_item(&mut ui);
    ui.app
        .handle_event(Event::Paste("地下车库\u{1b}[31m照明".into()));
    ui.draw();
    assert_eq!(drafts(&ui), 1);
    ui.press(KeyCode::Esc);
    assert!(ui.sees("Discard the changes"), "{}", ui.screen());
    // A stray key keeps the question; "n" (or Esc) goes back to the form as it was.
    ui.ch('x');
    assert!(ui.sees("Discard the changes"), "{}", ui.screen());
    ui.ch('n');
    assert!(!ui.sees("Discard the changes"), "{}", ui.screen());
    assert!(ui.sees("地下车库照明"), "{}", ui.screen());
    ui.keys("灯");
    assert!(ui.sees("地下车库照明灯"), "{}", ui.screen());
    // Esc, then yes: the form closes, the draft is forgotten, nothing was added.
    ui.press(KeyCode::Esc);
    ui.ch('y');
    assert!(ui.sees("Changes discarded."), "{}", ui.screen());
    assert_eq!(drafts(&ui), 0);
    assert_eq!(ui.count("SELECT count(*) FROM agenda_items"), items);
    // An unchanged form closes on Esc without asking.
    ui.ch('a');
    ui.press(KeyCode::Esc);
    assert!(!ui.sees("Discard the changes"), "{}", ui.screen());
    assert!(!ui.sees("Add item"), "{}", ui.screen());
}

#[test]
fn typing_back_to_the_original_forgets_the_draft_and_passphrases_are_never_kept() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    open_add_item(&mut ui);
    ui.keys("车库");
    assert_eq!(drafts(&ui), 1);
    ui.press(KeyCode::Backspace);
    ui.press(KeyCode::Backspace);
    assert_eq!(
        drafts(&ui),
        0,
        "back to what it opened with: nothing to keep"
    );
    ui.press(KeyCode::Esc);
    assert!(!ui.sees("放弃"), "{}", ui.screen());
    let masked = ui.count(
        "SELECT count(*) FROM form_drafts WHERE field IN ('passphrase', 'repeat', 'endorser_pass')",
    );
    assert_eq!(masked, 0);
}

#[test]
fn esc_on_home_does_not_quit_q_does() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    // Three Escs from a preparation screen end on home, not outside the program.
    ui.press(KeyCode::Enter);
    for _ in 0..3 {
        ui.press(KeyCode::Esc);
    }
    assert!(!ui.app.quit);
    assert!(ui.sees("首页"), "{}", ui.screen());
    ui.ch('q');
    assert!(ui.app.quit);
}
