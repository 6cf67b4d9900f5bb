//! Issue 15: every limit of the schema is known to its form and refused in the user's
//! words (typed or pasted); keys that change or refuse something say what they did.

use crate::tui_support::Ui;
use crossterm::event::{Event, KeyCode};
use yishi::strings::Lang;

fn paste(ui: &mut Ui, text: &str) {
    ui.app.handle_event(Event::Paste(text.into()));
    ui.draw();
}

/// Home → the draft meeting, opened → the agenda → the first item's discussion.
fn to_first_item(ui: &mut Ui) {
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Enter);
}

fn no_sql(screen: &str) {
    for raw in ["CHECK", "constraint", "length(", "Database error", "SQL"] {
        assert!(!screen.contains(raw), "{raw} on screen: {screen}");
    }
}

#[test]
fn a_pasted_speaker_name_over_100_characters_is_refused_in_chinese() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    to_first_item(&mut ui);
    let speakers = ui.count("SELECT count(*) FROM remarks");
    ui.ch('s');
    assert!(ui.sees("0/100") || ui.sees("0 / 100"), "{}", ui.screen());
    paste(&mut ui, &"王".repeat(101));
    let s = ui.screen();
    assert!(s.contains("「发言人」最多 100 个字符"), "{s}");
    no_sql(&s);
    assert!(!s.contains("characters"), "no English under Chinese: {s}");
    // Nothing was taken into the field, so nothing reaches the store.
    assert!(!s.contains(&"王".repeat(20)), "{s}");
    ui.ctrl('s');
    no_sql(&ui.screen());
    assert_eq!(ui.count("SELECT count(*) FROM remarks"), speakers);
    // Exactly 100 is taken and saved.
    ui.press(KeyCode::Esc);
    ui.ch('s');
    paste(&mut ui, &"王".repeat(100));
    ui.ctrl('s');
    assert_eq!(ui.count("SELECT count(*) FROM remarks"), speakers + 1);
}

#[test]
fn a_pasted_title_over_300_characters_is_refused_in_either_language() {
    for (lang, words) in [
        (Lang::Zh, "「标题」最多 300 个字符"),
        (Lang::En, "Title: at most 300 characters"),
    ] {
        let mut ui = Ui::demo(lang, 100, 30);
        let items = ui.count("SELECT count(*) FROM agenda_items");
        ui.press(KeyCode::Enter);
        ui.ch('a');
        paste(&mut ui, &"电梯".repeat(151));
        let s = ui.screen();
        assert!(s.contains(words), "{s}");
        no_sql(&s);
        if lang == Lang::Zh {
            assert!(!s.contains("at most"), "{s}");
        }
        ui.ctrl('s');
        no_sql(&ui.screen());
        assert_eq!(ui.count("SELECT count(*) FROM agenda_items"), items);
        assert_eq!(
            ui.count("SELECT count(*) FROM agenda_items WHERE length(title) > 300"),
            0
        );
    }
}

#[test]
fn choosing_the_elevator_category_chooses_the_elevator_rule() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.press(KeyCode::Enter);
    ui.ch('a');
    ui.press(KeyCode::Tab); // category
    for _ in 0..12 {
        if ui.sees("< 加装电梯 >") {
            break;
        }
        ui.press(KeyCode::Right);
    }
    assert!(ui.sees("< 加装电梯 >"), "{}", ui.screen());
    assert!(ui.sees("加装电梯（本单元/本栋）"), "{}", ui.screen());
    // The rule can still be changed by hand, and stays changed.
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab); // rule
    ui.press(KeyCode::Right);
    assert!(!ui.sees("< 加装电梯（本单元/本栋）"), "{}", ui.screen());
    ui.press(KeyCode::Tab);
    assert!(!ui.sees("< 加装电梯（本单元/本栋）"), "{}", ui.screen());
}

#[test]
fn a_proxy_moves_on_to_the_next_row_like_present_and_absent() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    ui.ch('w');
    ui.keys("李代理");
    ui.press(KeyCode::Tab);
    ui.keys("委托书1号");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("已保存"), "{}", ui.screen());
    ui.ch('p');
    let open = "meeting_id = (SELECT id FROM meetings WHERE status = 'open')";
    let marked = ui.count(&format!(
        "SELECT count(DISTINCT voter_id) FROM presence_events WHERE {open}"
    ));
    let proxies = ui.count(&format!(
        "SELECT count(*) FROM presence_events WHERE kind = 'proxy' AND {open}"
    ));
    assert_eq!((marked, proxies), (2, 1), "`p` marked the next row");
}

/// Into the roll call of the first item with a vote, from its discussion.
fn to_vote(ui: &mut Ui) {
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    let owners = ui.count("SELECT count(DISTINCT voter_id) FROM holdings");
    for _ in 0..owners {
        ui.ch('p');
    }
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    ui.ch('v');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("唱票表决"), "{}", ui.screen());
}

#[test]
fn undo_call_again_and_jump_say_what_they_did() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    to_vote(&mut ui);
    ui.ch('y');
    ui.ch('u');
    assert!(ui.sees("已撤销 1. "), "{}", ui.screen());
    ui.ch('y');
    ui.ch('y');
    ui.press(KeyCode::Up);
    ui.press(KeyCode::Up);
    ui.ch('c');
    assert!(ui.sees("再次点名未答者：3. "), "{}", ui.screen());
    ui.ch('g');
    ui.keys("2");
    ui.press(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("已跳到 2. "), "{s}");
    assert!(!s.contains("已保存"), "{s}");
}

#[test]
fn adjourning_during_a_vote_is_refused_before_asking() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    to_vote(&mut ui);
    ui.press(KeyCode::Esc);
    if !ui.sees("议程：") {
        ui.press(KeyCode::Esc);
    }
    assert!(ui.sees("议程："), "{}", ui.screen());
    ui.ch('A');
    let s = ui.screen();
    assert!(s.contains("还有表决未结束"), "{s}");
    assert!(!s.contains("宣布休会"), "no question first: {s}");
}

#[test]
fn an_export_offers_a_name_per_format_and_tells_the_whole_path() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('a');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("会议纪要"), "{}", ui.screen());
    ui.ch('x');
    let md = ui.screen();
    ui.press(KeyCode::Right); // Markdown → HTML
    let html = ui.screen();
    let name = |s: &str| {
        s.lines()
            .find_map(|l| l.split_whitespace().find(|w| w.starts_with("yishi-")))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(name(&md).ends_with(".md"), "{md}");
    assert!(name(&html).ends_with(".html"), "{html}");
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Right); // full → notice
    assert!(
        name(&ui.screen()).ends_with("-notice.html"),
        "{}",
        ui.screen()
    );
    // A path with a detour is told as the file's whole, plain path.
    let dir = ui._dir.path().canonicalize().expect("dir");
    std::fs::create_dir(dir.join("sub")).expect("sub");
    ui.press(KeyCode::Tab);
    ui.ctrl('u');
    ui.keys(&format!("{}/sub/../notice.html", dir.display()));
    ui.press(KeyCode::Enter);
    let want = format!("已导出到 {}", dir.join("notice.html").display());
    assert!(ui.sees(&want), "{want}: {}", ui.screen());
    assert!(dir.join("notice.html").exists());
}
