//! The roster (search, add, transfer) and the elevator item's shaft owners at 80×24.

use super::support::*;

#[test]
fn the_roster_searches_adds_and_transfers() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('r');
    assert!(ui.sees("名册：望城小区  38 / 38"), "{}", ui.screen());
    ui.ch('/');
    ui.keys("3栋2单元7");
    ui.press(KeyCode::Enter);
    assert!(
        ui.sees("衡阳华景置业") && !ui.sees("黄小明"),
        "search by unit: {}",
        ui.screen()
    );
    ui.ch('/');
    ui.ctrl('u');
    ui.press(KeyCode::Enter);
    ui.ch('a');
    ui.keys("欧阳春华");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("居民代表");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM voters WHERE name = '欧阳春华'"),
        1
    );
    ui.press(KeyCode::End);
    assert!(ui.sees("欧阳春华"), "{}", ui.screen());
    // The developer sells 3栋2单元701 to the new owner.
    ui.ch('t');
    ui.keys("3栋2单元701");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM holdings h JOIN voters v ON v.id = h.voter_id JOIN units u ON u.id = h.unit_id WHERE v.name = '欧阳春华' AND u.label = '3栋2单元701'"),
        1
    );
    ui.ch('u');
    ui.keys("车库B12");
    ui.press(KeyCode::Enter);
    ui.keys("3栋");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("-5");
    ui.press(KeyCode::Enter);
    assert!(
        ui.sees("面积应为平方米数"),
        "a bad area keeps the form: {}",
        ui.screen()
    );
    ui.ctrl('u');
    ui.keys("12.5");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT area_centi FROM units WHERE label = '车库B12'"),
        1250
    );
}

#[test]
fn the_elevator_item_names_its_shaft_owners_and_fits_80x24() {
    let mut ui = Ui::demo(Lang::Zh, 80, 24);
    ui.press(KeyCode::Enter);
    // The draft agenda: the follow-up first, then the elevator.
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    assert!(
        ui.sees("编辑议题") && ui.sees("井道占用户"),
        "{}",
        ui.screen()
    );
    let owner: String = ui
        .db()
        .query_row(
            "SELECT v.name FROM voters v JOIN holdings h ON h.voter_id = v.id JOIN units u ON u.id = h.unit_id WHERE u.label = '3栋2单元101'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        ui.sees(&owner),
        "the shaft owner is shown by name: {}",
        ui.screen()
    );
    assert!(
        ui.sees("提案内容"),
        "the proposal field fits at 80x24: {}",
        ui.screen()
    );
    // Add a second shaft owner by unit label; a label that is nobody's is refused.
    for _ in 0..7 {
        ui.press(KeyCode::Tab);
    }
    ui.keys("，3栋2单元999");
    ui.ctrl('s');
    assert!(ui.sees("没有找到这个人"), "{}", ui.screen());
    for _ in 0..3 {
        ui.press(KeyCode::Backspace);
    }
    ui.keys("201");
    ui.ctrl('s');
    let params: String = ui
        .db()
        .query_row(
            "SELECT rule_params FROM agenda_items WHERE category = 'elevator'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rule: yishi::domain::rules::Rule = serde_json::from_str(&params).unwrap();
    match rule.kind {
        yishi::domain::rules::RuleKind::Elevator { shaft_voters, .. } => {
            assert_eq!(shaft_voters.len(), 2, "{params}")
        }
        other => panic!("{other:?}"),
    }
}
