//! Issue 15: the community's own rule (PRODUCT.md's custom rule) is set up in the item
//! form — fractions, bases, ≥ or >, headcount or area — with its plain-language
//! explanation following the edit, and a vote is decided under it.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::strings::Lang;

const TITLE: &str = "按本小区议事规则表决的议题";

fn until(ui: &mut Ui, what: &str, key: KeyCode) {
    for _ in 0..12 {
        if ui.sees(what) {
            return;
        }
        ui.press(key);
    }
    panic!("never saw {what}: {}", ui.screen());
}

/// In the preparation screen: add the item with "yes ≥ 3/5 of yes + no, no turnout".
fn add_custom_item(ui: &mut Ui) {
    ui.ch('a');
    ui.keys(TITLE);
    ui.press(KeyCode::Tab); // category
    ui.press(KeyCode::Tab); // proposer
    ui.press(KeyCode::Tab); // rule
    assert!(
        !ui.sees("参与要求"),
        "the editor shows only for the custom rule"
    );
    until(ui, "< 自定义规则 >", KeyCode::Right);
    // The editor's fields appear, with a new rule's defaults in plain words.
    assert!(
        ui.sees("参与要求") && ui.sees("同意比例"),
        "{}",
        ui.screen()
    );
    assert!(
        ui.sees("本规则：参与表决 ≥ 应到（全体）的 2/3；同意 > 同意+反对的 1/2；只计人数"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Tab); // scope (building and unit are hidden for the whole compound)
    ui.press(KeyCode::Tab); // turnout base
    until(ui, "< 不要求 >", KeyCode::Right);
    assert!(ui.sees("本规则：不要求参与比例"), "{}", ui.screen());
    ui.press(KeyCode::Tab); // turnout share (unused)
    ui.press(KeyCode::Tab); // approval base: yes + no
    ui.press(KeyCode::Tab); // approval share
    ui.ctrl('u');
    ui.keys("3/2");
    assert!(ui.sees("「同意比例」请写成"), "{}", ui.screen());
    ui.ctrl('u');
    ui.keys("≥ ３/５");
    assert!(
        ui.sees("本规则：不要求参与比例；同意 ≥ 同意+反对的 3/5；只计人数"),
        "{}",
        ui.screen()
    );
    ui.ctrl('s');
}

#[test]
fn a_custom_rule_is_entered_validated_and_decides_the_vote() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.press(KeyCode::Enter);
    // A share the rule cannot use is refused on save, in words, and nothing is added.
    ui.ch('a');
    ui.keys("坏规则");
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    until(&mut ui, "< 自定义规则 >", KeyCode::Right);
    for _ in 0..5 {
        ui.press(KeyCode::Tab);
    }
    ui.ctrl('u');
    ui.keys("一半");
    ui.ctrl('s');
    assert!(ui.sees("本小区议事规则的比例"), "{}", ui.screen());
    assert_eq!(
        ui.count("SELECT count(*) FROM agenda_items WHERE title = '坏规则'"),
        0
    );
    ui.press(KeyCode::Esc);
    ui.ch('y'); // discard it

    add_custom_item(&mut ui);
    let (id, params): (i64, String) = ui
        .db()
        .query_row(
            "SELECT id, rule_params FROM agenda_items WHERE title = ?1 AND rule = 'custom'",
            [TITLE],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the item with its custom rule");
    assert!(
        params.contains("\"num\":3") && params.contains("\"den\":5"),
        "{params}"
    );
    // Edited again: the editor shows what was saved.
    ui.press(KeyCode::End);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("< 不要求 >") && ui.sees("≥ 3/5"), "{}", ui.screen());
    ui.press(KeyCode::Esc);

    // The meeting: everyone present, the custom item's vote: 3 yes, 2 no, the rest
    // abstain. Yes is 3/5 of yes + no: it passes (≥).
    ui.ch('o');
    ui.press(KeyCode::Enter);
    let owners = ui.count("SELECT count(DISTINCT voter_id) FROM holdings");
    for _ in 0..owners {
        ui.ch('p');
    }
    ui.press(KeyCode::Tab);
    until(&mut ui, TITLE, KeyCode::Down);
    ui.press(KeyCode::End);
    ui.press(KeyCode::Enter);
    ui.ch('v');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("唱票表决"), "{}", ui.screen());
    let eligible = ui.count(&format!(
        "SELECT count(*) FROM vote_eligible WHERE item_id = {id}"
    ));
    for c in "yyynn".chars() {
        ui.ch(c);
    }
    for _ in 5..eligible {
        ui.ch('a');
    }
    ui.ch('E');
    ui.press(KeyCode::Enter);
    let outcome: String = ui
        .db()
        .query_row(
            "SELECT outcome FROM vote_closures WHERE item_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("closed");
    assert_eq!(outcome, "passed", "{}", ui.screen());
    assert!(
        ui.sees("3/5"),
        "the figures against the rule: {}",
        ui.screen()
    );
}
