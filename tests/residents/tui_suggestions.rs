//! Residents' suggestions on the screens (issue 18), on ratatui's TestBackend: a
//! suggestion logged from home in a few keys, acknowledged, put on the draft meeting's
//! agenda; the item decided in the meeting; the suggestion's status follows and the
//! minutes print its source. And the printable list of responses, names masked.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::store::ids::{MeetingId, SuggestionId};
use yishi::strings::Lang;

fn status_of(ui: &Ui, who: &str) -> String {
    ui.db()
        .query_row(
            "SELECT status FROM suggestions WHERE raised_by = ?1",
            [who],
            |r| r.get(0),
        )
        .expect("suggestion")
}

/// Move the list's cursor to the suggestion raised by `who` (the side panel names it).
fn select(ui: &mut Ui, who: &str) {
    ui.press(KeyCode::Home);
    for _ in 0..20 {
        if ui.sees(&format!("提出人：{who}")) {
            return;
        }
        ui.press(KeyCode::Down);
    }
    panic!("{who} not in the list:\n{}", ui.screen());
}

#[test]
fn a_suggestion_is_logged_put_on_the_agenda_decided_and_its_source_printed() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('y');
    assert!(ui.sees("居民意见"), "{}", ui.screen());
    // The demo's list: the longest waiting first, days shown.
    assert!(ui.sees("29 天") || ui.sees(" 天 "), "{}", ui.screen());
    // Log: channel (box), who, private contact, text; the rest as offered.
    ui.press(KeyCode::F(2));
    ui.press(KeyCode::Tab);
    ui.keys("马丽娟");
    ui.press(KeyCode::Tab);
    ui.keys("13912345678");
    ui.press(KeyCode::Tab);
    ui.keys("南侧路面坑洼，雨天积水");
    ui.ctrl('s');
    assert_eq!(status_of(&ui, "马丽娟"), "new");
    let id: i64 = ui
        .db()
        .query_row(
            "SELECT id FROM suggestions WHERE raised_by = '马丽娟'",
            [],
            |r| r.get(0),
        )
        .expect("id");
    select(&mut ui, "马丽娟");
    assert!(
        !ui.sees("13912345678"),
        "hidden on a screen that may be projected"
    );
    ui.ch('i');
    assert!(ui.sees("13912345678"), "the secretary sees the contact");
    ui.ch('c');
    assert_eq!(status_of(&ui, "马丽娟"), "acknowledged");
    // On the agenda of the draft meeting (the only one): the item is made with its source.
    ui.ch('g');
    ui.ctrl('s');
    assert_eq!(status_of(&ui, "马丽娟"), "on_agenda");
    let item: i64 = ui
        .db()
        .query_row(
            "SELECT item_id FROM item_sources WHERE suggestion_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("linked");
    assert!(ui.sees("已列入议程"), "{}", ui.screen());
    assert!(ui.sees("处理经过"), "{}", ui.screen());

    // The meeting: open it, everyone present, the new item (last) voted yes.
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("南侧路面坑洼，雨天积水"), "{}", ui.screen());
    ui.ch('o');
    ui.press(KeyCode::Enter);
    let owners = ui.count("SELECT count(DISTINCT voter_id) FROM holdings");
    for _ in 0..owners {
        ui.ch('p');
    }
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::End);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("南侧路面坑洼，雨天积水"), "{}", ui.screen());
    ui.ch('v');
    ui.press(KeyCode::Enter);
    let n = ui.count(&format!(
        "SELECT count(*) FROM vote_eligible WHERE item_id = {item} AND present = 1"
    ));
    assert!(n > 0, "{}", ui.screen());
    for _ in 0..n {
        ui.ch('y');
    }
    ui.ch('E');
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.db()
            .query_row(
                "SELECT outcome FROM vote_closures WHERE item_id = ?1",
                [item],
                |r| r.get::<_, String>(0)
            )
            .expect("closed"),
        "passed"
    );
    // The suggestion follows: decided, in the list and its history.
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Esc);
    ui.ch('y');
    select(&mut ui, "马丽娟");
    assert!(ui.sees("已表决"), "{}", ui.screen());
    let store = yishi::store::Store::open_deferred(&ui.db).expect("read");
    let row = store
        .suggestion(SuggestionId(id), "2026-12-31")
        .expect("row");
    assert_eq!(
        row.status,
        yishi::domain::suggestions::SuggestionStatus::Decided
    );
    // The minutes print the source.
    let m: i64 = ui
        .db()
        .query_row(
            "SELECT meeting_id FROM agenda_items WHERE id = ?1",
            [item],
            |r| r.get(0),
        )
        .expect("meeting");
    let body = yishi::domain::minutes::body::signed_body(
        &store.meeting_record(MeetingId(m)).expect("record"),
    );
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert!(
        body.contains(&format!("来源：居民意见 #{id}，{today}")),
        "{body}"
    );
    assert!(!body.contains("13912345678"));
}

#[test]
fn the_printed_responses_mask_names_and_never_show_a_contact() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('y');
    ui.ch('p');
    let file = ui._dir.path().join("responses.html");
    ui.ctrl('u');
    ui.keys(&file.display().to_string());
    ui.ctrl('s');
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.contains("居民意见答复公示"));
    // 王建国's answered suggestion, his name masked; nobody's phone.
    assert!(
        html.contains("已协调社区") && !html.contains("王建国"),
        "{html}"
    );
    assert!(!html.contains("13800000001") && !html.contains("0734-1234567"));
    assert!(!html.contains("<script"));
    // Never over an existing file.
    ui.ch('p');
    ui.ctrl('u');
    ui.keys(&file.display().to_string());
    ui.ctrl('s');
    assert!(ui.screen().contains("responses.html"), "{}", ui.screen());
}

/// A resident's contact is kept private on the screen too (the laptop may be projected):
/// hidden until `i`, and hidden again when another suggestion is selected.
#[test]
fn a_contact_is_hidden_on_screen_until_asked_for() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('y');
    select(&mut ui, "赵德华");
    assert!(ui.sees("联系方式（不公开）：已隐藏"), "{}", ui.screen());
    assert!(!ui.sees("13800000001"), "{}", ui.screen());
    ui.ch('i');
    assert!(ui.sees("13800000001"), "{}", ui.screen());
    ui.ch('i');
    assert!(!ui.sees("13800000001"), "{}", ui.screen());
    ui.ch('i');
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Up);
    assert!(!ui.sees("13800000001"), "hidden again: {}", ui.screen());
}

/// In English the list's status and who columns fit their longest words, not cut.
#[test]
fn the_english_list_shows_whole_statuses() {
    let mut ui = Ui::demo(Lang::En, 100, 30);
    ui.ch('y');
    for w in ["Raised by", "Acknowledged", "On the agenda", "Handed over"] {
        assert!(ui.sees(w), "{w}:\n{}", ui.screen());
    }
}
