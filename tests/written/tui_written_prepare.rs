//! Issue 16 in preparation, on the TestBackend: the form of the demo's draft meeting is
//! chosen (书面征求意见) with its dates and notice date, wrong dates (and Chinese typed
//! into a date) are refused with a sentence and nothing saved, and opening it less than
//! 15 days after its notice asks first; then its ballots are numbered.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::strings::Lang;

fn draft(ui: &Ui) -> i64 {
    ui.count("SELECT id FROM meetings WHERE status = 'draft'")
}

/// Replace the focused text field's content.
fn retype(ui: &mut Ui, text: &str) {
    ui.ctrl('u');
    ui.keys(text);
}

#[test]
fn a_written_consultation_is_prepared_and_opened_after_a_short_notice_question() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    let m = draft(&ui);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("形式：集体讨论"), "{}", ui.screen());
    assert!(
        ui.sees("形式与日期"),
        "the key is in the bar: {}",
        ui.screen()
    );

    // Written, closing before opening: refused, nothing saved (not even the notice date).
    ui.ch('f');
    assert!(ui.sees("会议形式与日期"), "{}", ui.screen());
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Tab);
    retype(&mut ui, "2026-12-05");
    ui.press(KeyCode::Tab);
    retype(&mut ui, "2026-12-01");
    ui.press(KeyCode::Tab);
    retype(&mut ui, "2026-11-30");
    ui.ctrl('s');
    assert!(ui.sees("截止日期不得早于开始日期"), "{}", ui.screen());
    let q = format!("SELECT count(*) FROM written_meetings WHERE meeting_id = {m}");
    assert_eq!(ui.count(&q), 0);
    let n = format!("SELECT count(*) FROM meeting_notices WHERE meeting_id = {m}");
    assert_eq!(ui.count(&n), 0, "saved together or not at all");

    // Chinese typed into a date is refused the same way.
    ui.press(KeyCode::BackTab);
    retype(&mut ui, "十二月二十日");
    ui.ctrl('s');
    assert!(ui.sees("截止日期不得早于开始日期"), "{}", ui.screen());
    assert_eq!(ui.count(&q), 0);

    retype(&mut ui, "2026-12-20");
    ui.ctrl('s');
    assert!(
        ui.sees("形式：书面征求意见 2026-12-05 至 2026-12-20"),
        "{}",
        ui.screen()
    );
    assert!(ui.sees("通知公告：2026-11-30"), "{}", ui.screen());
    let row: (String, String) = ui
        .db()
        .query_row(
            "SELECT opens_on, closes_on FROM written_meetings WHERE meeting_id = ?1",
            [m],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("written row");
    assert_eq!(row, ("2026-12-05".into(), "2026-12-20".into()));
    assert_eq!(ui.count(&n), 1);

    // A wrong notice date: the sentence, the old one kept.
    ui.ch('f');
    for _ in 0..3 {
        ui.press(KeyCode::Tab);
    }
    retype(&mut ui, "2026-13-01");
    ui.ctrl('s');
    assert!(ui.sees("通知日期应为"), "{}", ui.screen());
    retype(&mut ui, "2026-11-30");
    ui.ctrl('s');
    assert!(ui.sees("已保存"), "{}", ui.screen());

    // Five days' notice for an owners' assembly: asked; no leaves it a draft.
    ui.ch('o');
    assert!(ui.sees("仅 5 日，不足 15 日"), "{}", ui.screen());
    ui.ch('n');
    let status = format!("SELECT status = 'draft' FROM meetings WHERE id = {m}");
    assert_eq!(ui.count(&status), 1);
    ui.ch('o');
    ui.ch('y');
    assert!(ui.sees("表决票已编号"), "{}", ui.screen());
    assert!(ui.sees("书面征求意见"), "{}", ui.screen());
    assert!(
        ui.sees("结束征求意见"),
        "the consultation's keys: {}",
        ui.screen()
    );
    assert_eq!(ui.count(&status), 0);
    let short = format!("SELECT days FROM short_notices WHERE meeting_id = {m}");
    assert_eq!(ui.count(&short), 5);
    let ballots = format!("SELECT count(*) FROM written_ballots WHERE meeting_id = {m}");
    assert!(ui.count(&ballots) > 0);
}

#[test]
fn a_room_meeting_stays_in_the_room_and_opens_without_a_question_when_notified_in_time() {
    let mut ui = Ui::demo(Lang::En, 100, 30);
    let m = draft(&ui);
    ui.press(KeyCode::Enter);
    ui.ch('f');
    // The form stays 集体讨论; only the notice date, 20 days before 2026-12-05.
    for _ in 0..3 {
        ui.press(KeyCode::Tab);
    }
    retype(&mut ui, "2026-11-15");
    ui.ctrl('s');
    assert!(ui.sees("Form: In the room"), "{}", ui.screen());
    assert!(ui.sees("Notice posted: 2026-11-15"), "{}", ui.screen());
    ui.ch('o');
    assert!(!ui.sees("fewer than 15"), "{}", ui.screen());
    ui.ch('y');
    let q = format!("SELECT count(*) FROM short_notices WHERE meeting_id = {m}");
    assert_eq!(ui.count(&q), 0);
    let q = format!("SELECT count(*) FROM written_meetings WHERE meeting_id = {m}");
    assert_eq!(ui.count(&q), 0);
    let q = format!("SELECT status = 'open' FROM meetings WHERE id = {m}");
    assert_eq!(ui.count(&q), 1);
}
