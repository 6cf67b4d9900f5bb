//! The cursor after Chinese text, 80×24 and too small, the action board, the gate decision
//! found, read, verified and its notice exported, the archive's filters.

use super::support::*;

#[test]
fn the_cursor_sits_after_chinese_text() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.press(KeyCode::Enter);
    ui.ch('a');
    assert!(ui.sees("添加议题"));
    let start = ui.term.get_cursor_position().expect("cursor");
    ui.keys("电梯a");
    let after = ui.term.get_cursor_position().expect("cursor");
    assert_eq!(after.x, start.x + 5, "电梯 is 4 columns, a is 1");
    assert_eq!(after.y, start.y);
    ui.press(KeyCode::Left);
    assert_eq!(
        ui.term.get_cursor_position().expect("cursor").x,
        start.x + 4
    );
    // Pasted text arrives whole, control sequences removed.
    ui.app
        .handle_event(crossterm::event::Event::Paste("大门\u{1b}[31m".into()));
    ui.draw();
    assert_eq!(
        ui.term.get_cursor_position().expect("cursor").x,
        start.x + 8
    );
}

#[test]
fn works_at_80x24_and_says_when_too_small() {
    let mut ui = Ui::demo(Lang::Zh, 80, 24);
    assert!(ui.sees("望城小区") && !ui.sees("窗口太小"));
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    ui.ch('p');
    assert!(ui.sees("出席与法定人数"));
    ui.term.backend_mut().resize(60, 20);
    ui.term
        .resize(ratatui::layout::Rect::new(0, 0, 60, 20))
        .expect("resize");
    ui.draw();
    assert!(ui.sees("窗口太小"), "{}", ui.screen());
    // Keys do nothing while the screen cannot be seen: nothing is recorded unseen.
    let before = ui.count("SELECT count(*) FROM presence_events");
    ui.ch('p');
    ui.ch('a');
    ui.press(KeyCode::Esc);
    assert_eq!(ui.count("SELECT count(*) FROM presence_events"), before);
    ui.term.backend_mut().resize(80, 24);
    ui.term
        .resize(ratatui::layout::Rect::new(0, 0, 80, 24))
        .expect("resize");
    ui.draw();
    assert!(ui.sees("出席人数：1 / 38"), "{}", ui.screen());
    assert!(
        ui.sees("出席与法定人数"),
        "still on attendance: Esc was ignored"
    );
    ui.ch('p');
    assert!(ui.sees("出席人数：2 / 38"), "{}", ui.screen());
}

#[test]
fn the_action_board_changes_status_with_a_note_and_keeps_history() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('b');
    assert!(
        ui.sees("决议待办事项") && ui.sees("采购并安装东门电动伸缩门"),
        "{}",
        ui.screen()
    );
    ui.ch('s');
    // Without a note the change is refused and the form stays open.
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("更改状态须填写简短说明"), "{}", ui.screen());
    ui.keys("已签订安装合同");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM action_items WHERE status = 'doing'"),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM action_history WHERE note = '已签订安装合同' AND status = 'doing'"
        ),
        1
    );
    // The history panel (right of "││") read as one text: a Chinese note may wrap
    // between any two characters.
    let panel: String = ui
        .screen()
        .lines()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(_, r)| r.trim_end_matches('│').trim_end().to_string())
        })
        .collect();
    assert!(
        panel.contains("已签订安装合同"),
        "history shown: {}",
        ui.screen()
    );
}

#[test]
fn the_gate_decision_is_found_read_verified_and_its_notice_exported() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('a');
    assert!(ui.sees("档案：历次会议"), "{}", ui.screen());
    // Keystrokes from here: / 大 门 Enter Enter n Enter (the path is typed separately here
    // only so that the test writes into its temporary folder).
    ui.ch('/');
    ui.keys("大门");
    ui.press(KeyCode::Enter);
    assert!(
        ui.sees("共 1 次会议") && ui.sees("已签署·有效"),
        "{}",
        ui.screen()
    );
    assert!(
        ui.sees("安装小区大门"),
        "the matching line is shown: {}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    assert!(ui.sees("有效") && ui.sees("会议纪要"), "{}", ui.screen());
    // Opened at the gate item, not at the top.
    assert!(
        ui.sees("大门") && !ui.sees("- 小区：望城小区"),
        "{}",
        ui.screen()
    );
    ui.ch('n');
    let out = ui._dir.path().join("gate-notice.html");
    ui.ctrl('u');
    ui.keys(&out.display().to_string());
    ui.press(KeyCode::Enter);
    let html = std::fs::read_to_string(&out).expect("notice written");
    assert!(
        html.contains("安装小区大门") && html.contains("<html"),
        "{html}"
    );
    assert!(
        !html.contains("黄小明") && !html.contains("李玉梅"),
        "names are masked in the notice"
    );
    assert!(ui.sees("已导出到"), "{}", ui.screen());
}

#[test]
fn the_archive_filters_combine() {
    let mut ui = Ui::demo(Lang::En, 100, 30);
    ui.ch('a');
    assert!(ui.sees("1 meetings"), "{}", ui.screen());
    ui.ch('f');
    // community (any), kind → next choice…, then outcome = failed
    for _ in 0..5 {
        ui.press(KeyCode::Tab);
    }
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Right);
    ui.ctrl('s');
    assert!(
        ui.sees("NOT PASSED") && ui.sees("1 meetings"),
        "the road widening failed: {}",
        ui.screen()
    );
    ui.ch('f');
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    ui.keys("2027-01-01");
    ui.ctrl('s');
    assert!(
        ui.sees("0 meetings") && ui.sees("No meeting matches"),
        "{}",
        ui.screen()
    );
    ui.ch('0');
    assert!(ui.sees("1 meetings"));
}
