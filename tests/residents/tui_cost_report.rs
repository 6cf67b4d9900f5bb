//! The cost plan and the archive's summary on the screens (issue 18), on TestBackend:
//! the elevator's plan edited in its form (a fixed share and floor coefficients), shown
//! per unit before the vote and saved exactly; the archive's summary reading the report.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::store::ids::MeetingId;
use yishi::strings::Lang;

#[test]
fn the_elevator_plan_is_edited_by_floor_and_shown_before_the_vote() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    // Home → the draft meeting → the elevator item (the first after the follow-up).
    ui.press(KeyCode::Enter);
    let elevator: i64 = ui
        .db()
        .query_row(
            "SELECT id FROM agenda_items WHERE title = '3栋2单元加装电梯'",
            [],
            |r| r.get(0),
        )
        .expect("elevator");
    for _ in 0..6 {
        if ui.sees("> ")
            && ui
                .screen()
                .lines()
                .any(|l| l.contains("> ") && l.contains("加装电梯"))
        {
            break;
        }
        ui.press(KeyCode::Down);
    }
    ui.ch('c');
    assert!(ui.sees("未设费用分摊"), "{}", ui.screen());
    ui.ch('e');
    ui.keys("420000");
    ui.press(KeyCode::Tab);
    ui.keys("政府补贴:200000");
    ui.press(KeyCode::Tab);
    for _ in 0..3 {
        ui.press(KeyCode::Right);
    }
    ui.press(KeyCode::Tab);
    ui.keys("1-2:0, 3:0.7, 4:0.8, 5:0.9, 6:1, 7:1.1");
    ui.ctrl('s');
    let (method, total): (String, i64) = ui
        .db()
        .query_row(
            "SELECT method, total_fen FROM cost_plans WHERE item_id = ?1",
            [elevator],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("saved");
    assert_eq!((method.as_str(), total), ("floor_area", 42_000_000));
    let sum = ui.count(&format!(
        "SELECT sum(fen) FROM cost_shares WHERE item_id = {elevator}"
    ));
    assert_eq!(sum, 22_000_000, "every fen of the rest assigned");
    assert!(ui.sees("220,000.00"), "{}", ui.screen());
    assert!(ui.sees("×0.7"), "{}", ui.screen());
    // A wrong coefficient is refused with its sentence; nothing changes.
    ui.ch('e');
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    ui.keys("x");
    ui.ctrl('s');
    assert!(ui.sees("楼层系数应写成"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert_eq!(
        ui.count(&format!(
            "SELECT sum(fen) FROM cost_shares WHERE item_id = {elevator}"
        )),
        22_000_000
    );
    // The minutes of the draft already carry the plan per unit.
    let store = yishi::store::Store::open_deferred(&ui.db).expect("read");
    let m: i64 = ui
        .db()
        .query_row(
            "SELECT meeting_id FROM agenda_items WHERE id = ?1",
            [elevator],
            |r| r.get(0),
        )
        .expect("meeting");
    let body = yishi::domain::minutes::body::signed_body(
        &store.meeting_record(MeetingId(m)).expect("record"),
    );
    assert!(body.contains("### 费用分摊") && body.contains("固定承担：政府补贴：200,000.00 元"));
}

#[test]
fn the_archive_summary_reads_the_report() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('a');
    ui.ch('S');
    assert!(ui.sees("统计汇总"), "{}", ui.screen());
    assert!(ui.sees("望城小区"), "{}", ui.screen());
    assert!(ui.sees("92.1% (35/38)"), "{}", ui.screen());
    assert!(ui.sees("召开会议：1"), "{}", ui.screen());
    // A year with nothing: all zero.
    ui.ch('y');
    ui.keys("2025");
    ui.ctrl('s');
    assert!(ui.sees("召开会议：0"), "{}", ui.screen());
}
