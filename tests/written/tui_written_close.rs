//! Issue 16, a written consultation's progress, extension and closing on the
//! TestBackend: exactly two thirds of the owners back but not two thirds of the area is
//! shown failing against the participation threshold; an extension needs its reason,
//! is shown, printed and in the minutes; closing before the deadline asks (no, Esc and
//! Ctrl-C leave it open), closing after it asks only to confirm; closing fixes outcomes.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yishi::domain::model::{Category, Choice, Electorate, MeetingForm, MeetingKind, Scope};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::Store;
use yishi::store::ids::MeetingId;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::written::Purpose;
use yishi::strings::Lang;
use yishi::ui::App;

/// Owners with these areas, one item under art. 278 (ordinary), open from 2026-11-01 to
/// `closes`; the first `yes` owners' ballots are back, agreeing.
fn consultation(areas: &[&str], closes: &str, yes: usize) -> (Ui, i64) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).expect("open");
    let mut csv = String::from("label,building,unit,area,owner\n");
    for (i, a) in areas.iter().enumerate() {
        csv.push_str(&format!("5栋{:03},5栋,1单元,{a},业主{:02}\n", i + 1, i + 1));
    }
    store
        .import_roster("望城小区", &roster_csv::parse(csv.as_bytes()).expect("csv"))
        .expect("roster");
    let c = store
        .community_by_name("望城小区")
        .expect("c")
        .expect("c")
        .id;
    let m = store
        .create_meeting(
            c,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: "小区道路改造书面征求意见".into(),
                starts_at: "2026-11-01 09:00".into(),
                venue: "物业服务中心".into(),
                host: "黄小明".into(),
                secretary: "李秀英".into(),
                language: "zh".into(),
            },
        )
        .expect("meeting");
    let item = store
        .add_item(
            m,
            &ItemInput {
                title: "道路改造".into(),
                category: Category::Other,
                proposer: "业主委员会".into(),
                proposal: "主干道沥青重铺。".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::Art278Ordinary),
            },
        )
        .expect("item");
    store
        .set_form(m, MeetingForm::Written, Some(("2026-11-01", closes)))
        .expect("form");
    store.start_meeting(m).expect("open");
    for b in store.written_ballots(m).expect("ballots").iter().take(yes) {
        store
            .open_ballot(m, &b.number, Purpose::Entry)
            .expect("ballot");
        store
            .enter_answer(m, b.voter_id, item, Choice::Yes, "李秀英")
            .expect("answer");
    }
    let (w, h) = (110, 34);
    let mut ui = Ui {
        app: App::new(store, Lang::Zh),
        term: Terminal::new(TestBackend::new(w, h)).expect("term"),
        frame: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h)),
        db,
        _dir: dir,
    };
    ui.draw();
    // Home opens the ballot entry; Esc shows the consultation's screen.
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    (ui, m.0)
}

fn retype(ui: &mut Ui, text: &str) {
    ui.ctrl('u');
    ui.keys(text);
}

#[test]
fn progress_extension_and_an_early_closing() {
    let areas = [
        "80.00", "80.00", "80.00", "80.00", "80.00", "80.00", "100.00", "100.00", "100.00",
    ];
    let (mut ui, m) = consultation(&areas, "2099-12-31", 6);
    let s = ui.screen();
    assert!(s.contains("收回：6/9  480.00 / 780.00 m²"), "{s}");
    assert!(s.contains("有效：6/9"), "{s}");
    assert!(s.contains("6/9"), "{s}");
    assert!(
        s.contains("480.00/780.00 m²"),
        "area against the threshold: {s}"
    );
    assert!(s.contains("≥ 2/3 ✓") && s.contains("≥ 2/3 ✗"), "{s}");
    assert!(s.contains("如现在结束：不通过"), "{s}");
    assert!(s.contains("还有 ") && s.contains("天"), "days left: {s}");

    // An extension needs a later date and its reason.
    ui.ch('x');
    assert!(ui.sees("延期（须写明理由）"), "{}", ui.screen());
    retype(&mut ui, "2099-12-01");
    ui.ctrl('s');
    assert!(ui.sees("延期需要写明理由"), "{}", ui.screen());
    let ext = format!("SELECT count(*) FROM written_extensions WHERE meeting_id = {m}");
    assert_eq!(ui.count(&ext), 0);
    retype(&mut ui, "2100-01-31");
    ui.press(KeyCode::Tab);
    let reason = "春节前部分业主在外地，延长回收时间";
    ui.keys(reason);
    ui.ctrl('s');
    assert!(ui.sees("已延期至 2100-01-31"), "{}", ui.screen());
    assert_eq!(ui.count(&ext), 1);
    let s = ui.screen();
    assert!(
        s.contains(&format!("2099-12-31 → 2100-01-31：{reason}")),
        "{s}"
    );
    assert!(s.contains("2026-11-01 至 2100-01-31"), "{s}");
    assert!(s.contains("原定截止：2099-12-31"), "{s}");

    // Its notice, printed.
    let out = tempfile::tempdir().expect("out");
    let notice = out.path().join("延期公告.html");
    ui.ch('p');
    for _ in 0..3 {
        ui.press(KeyCode::Right);
    }
    ui.press(KeyCode::Tab);
    retype(&mut ui, &notice.display().to_string());
    ui.ctrl('s');
    let html = std::fs::read_to_string(&notice).expect("notice");
    assert!(html.contains("延期公告") && html.contains(reason), "{html}");
    assert!(html.contains("2100-01-31"));

    // Closing early asks; no, Esc leave it open.
    let closed = format!("SELECT count(*) FROM written_closures WHERE meeting_id = {m}");
    ui.ch('E');
    assert!(ui.sees("截止日期是 2100-01-31"), "{}", ui.screen());
    ui.ch('n');
    ui.ch('E');
    ui.press(KeyCode::Esc);
    assert_eq!(ui.count(&closed), 0);
    assert!(ui.sees("如现在结束"), "{}", ui.screen());
    ui.ch('E');
    ui.ch('y');
    assert!(ui.sees("征求意见已结束"), "{}", ui.screen());
    let early = format!("SELECT early FROM written_closures WHERE meeting_id = {m}");
    assert_eq!(ui.count(&early), 1);
    let st = format!("SELECT status = 'adjourned' FROM meetings WHERE id = {m}");
    assert_eq!(ui.count(&st), 1);
    let passed =
        format!("SELECT count(*) FROM agenda_items WHERE meeting_id = {m} AND status = 'closed'");
    assert_eq!(ui.count(&passed), 1);
    // The minutes say it: the extension with its reason.
    let store = Store::open(&ui.db).expect("open");
    let text = store.minutes_text(MeetingId(m), Lang::Zh).expect("minutes");
    assert!(text.contains(reason), "{text}");
    assert!(text.contains("2100-01-31"), "{text}");
}

#[test]
fn closing_after_the_deadline_asks_once_and_ctrl_c_leaves_it_open() {
    let areas = ["80.00"; 9];
    let (mut ui, m) = consultation(&areas, "2026-11-15", 7);
    assert!(ui.sees("已过截止日期"), "{}", ui.screen());
    assert!(ui.sees("如现在结束：通过"), "{}", ui.screen());
    ui.ch('E');
    assert!(
        ui.sees("结束征求意见并按各事项的表决规则确定结果"),
        "{}",
        ui.screen()
    );
    // Ctrl-C on the question quits; nothing was closed.
    ui.ctrl('c');
    assert!(ui.app.quit);
    let closed = format!("SELECT count(*) FROM written_closures WHERE meeting_id = {m}");
    assert_eq!(ui.count(&closed), 0);
    ui.restart();
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    ui.ch('E');
    ui.ch('y');
    assert!(ui.sees("征求意见已结束"), "{}", ui.screen());
    let early = format!("SELECT early FROM written_closures WHERE meeting_id = {m}");
    assert_eq!(ui.count(&early), 0);
    // The outcome is fixed: passed, with 7 of 9 taking part.
    let store = Store::open(&ui.db).expect("open");
    let items = store.items(MeetingId(m)).expect("items");
    let (_, _, outcome) = store.closure(items[0].id).expect("c").expect("closed");
    assert!(outcome.passed);
    // Entering a ballot now is refused: home opens the minutes, not the entry.
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Enter);
    assert!(!ui.sees("录入表决票"), "{}", ui.screen());
}
