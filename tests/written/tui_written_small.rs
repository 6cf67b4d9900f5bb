//! Issue 16 at 80×24 on the TestBackend: the demo's written consultation shows its
//! progress in the smallest window, the figures that do not fit scroll with ↓/↑, and
//! the help lists the consultation's keys.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::strings::Lang;

#[test]
fn the_progress_fits_80_by_24_and_scrolls() {
    let mut ui = Ui::demo(Lang::Zh, 80, 24);
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("录入表决票"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    let s = ui.screen();
    assert!(s.contains("收回：4/6"), "{s}");
    assert!(s.contains("如现在结束：不通过"), "{s}");
    assert!(s.contains("结束征求意见"), "the key bar: {s}");
    let first = "2. 3栋1单元加装电梯";
    assert!(s.contains(first), "{s}");
    for _ in 0..6 {
        ui.press(KeyCode::Down);
    }
    let s = ui.screen();
    assert!(!s.contains(first), "scrolled: {s}");
    assert!(s.contains("3. 电梯运行维护费分摊"), "{s}");
    ui.press(KeyCode::Home);
    assert!(ui.sees(first), "{}", ui.screen());
    ui.press(KeyCode::F(1));
    assert!(ui.sees("送达登记") && ui.sees("延期"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    // Nothing was changed by looking.
    assert_eq!(ui.count("SELECT count(*) FROM written_closures"), 0);
    assert_eq!(ui.count("SELECT count(*) FROM written_extensions"), 0);
}
