//! Issue 16, printing from the screens on the TestBackend: the preparation screen, the
//! written consultation's screen and the minutes write the same A4 HTML as `yishi print`
//! through the safe file writing (an existing file is replaced only when the user says
//! yes; never the database), and the message names the full path.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::paper::{Paper, render};
use yishi::store::Store;
use yishi::store::ids::MeetingId;
use yishi::strings::Lang;

fn retype(ui: &mut Ui, text: &str) {
    ui.ctrl('u');
    ui.keys(text);
}

/// Open the print form, choose the `right`-th paper after the first, name the file, save.
fn print(ui: &mut Ui, right: usize, path: &std::path::Path) {
    ui.ch('p');
    assert!(ui.sees("打印（A4 HTML）"), "{}", ui.screen());
    for _ in 0..right {
        ui.press(KeyCode::Right);
    }
    ui.press(KeyCode::Tab);
    retype(ui, &path.display().to_string());
    ui.ctrl('s');
}

fn read(p: &std::path::Path) -> String {
    std::fs::read_to_string(p).expect("printed file")
}

/// The page as `yishi print` renders it from the same database.
fn cli_page(ui: &Ui, m: i64, what: Paper) -> String {
    let store = Store::open(&ui.db).expect("open");
    render(&store, MeetingId(m), what).expect("render")
}

#[test]
fn paper_is_printed_from_preparation_the_consultation_and_the_minutes() {
    let mut ui = Ui::demo(Lang::Zh, 110, 32);
    let out = tempfile::tempdir().expect("out");
    let draft = ui.count("SELECT id FROM meetings WHERE status = 'draft'");
    ui.press(KeyCode::Enter);

    // The offered name follows the paper chosen.
    ui.ch('p');
    assert!(
        ui.sees(&format!("yishi-{draft}-notice.html")),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Right);
    assert!(
        ui.sees(&format!("yishi-{draft}-sign-in.html")),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Tab);
    let notice = out.path().join("通知.html");
    retype(&mut ui, &notice.display().to_string());
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::Left); // back to the notice
    ui.ctrl('s');
    assert!(ui.sees("已写入"), "{}", ui.screen());
    assert!(
        ui.sees(&notice.display().to_string()),
        "the full path: {}",
        ui.screen()
    );
    let html = read(&notice);
    assert_eq!(html, cli_page(&ui, draft, Paper::Notice), "the CLI's page");
    assert!(html.contains("会议通知") && !html.contains("<script"));

    // The same file again: asked; no keeps it, yes replaces it.
    print(&mut ui, 1, &notice);
    assert!(ui.sees("已存在。替换它吗"), "{}", ui.screen());
    ui.ch('n');
    assert_eq!(read(&notice), html, "not replaced");
    print(&mut ui, 1, &notice);
    ui.ch('y');
    assert!(
        read(&notice).contains("签到表"),
        "replaced by the sign-in sheet"
    );
    assert_eq!(read(&notice), cli_page(&ui, draft, Paper::SignIn));

    // Never over the database: refused with a sentence, the form stays open.
    let db = ui.db.clone();
    print(&mut ui, 0, &db);
    assert!(ui.sees("打印（A4 HTML）"), "{}", ui.screen());
    assert!(ui.sees("是本程序的数据库"), "{}", ui.screen());
    assert!(
        ui.count("SELECT count(*) FROM meetings") > 0,
        "the file is intact"
    );
    let proxy = out.path().join("proxy.html");
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Tab);
    retype(&mut ui, &proxy.display().to_string());
    ui.ctrl('s');
    assert!(read(&proxy).contains("委托书"), "{}", ui.screen());
    ui.press(KeyCode::Esc);

    // The written consultation: its ballots, one a page, every number on them.
    let m = ui.count("SELECT meeting_id FROM written_meetings");
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("录入表决票"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert!(ui.sees("结束征求意见"), "{}", ui.screen());
    let ballots = out.path().join("ballots.html");
    print(&mut ui, 0, &ballots);
    let html = read(&ballots);
    assert_eq!(html, cli_page(&ui, m, Paper::Ballots));
    let n = ui.count(&format!(
        "SELECT count(*) FROM written_ballots WHERE meeting_id = {m}"
    ));
    assert_eq!(html.matches("<section class=\"sheet\"").count() as i64, n);
    let numbers: Vec<String> = ui
        .db()
        .prepare("SELECT number FROM written_ballots WHERE meeting_id = ?1")
        .expect("sql")
        .query_map([m], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("numbers");
    for num in numbers {
        assert!(html.contains(&yishi::domain::written::ballot_number::grouped(&num)));
    }
    // No extension yet: the extension notice is refused with a sentence.
    print(&mut ui, 3, &out.path().join("ext.html"));
    assert!(ui.sees("未延期"), "{}", ui.screen());
    let ext = out.path().join("ext.html");
    assert!(!ext.exists());
    // The form kept what was typed: choose the proxy form instead and it is written.
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::Left);
    ui.ctrl('s');
    assert!(read(&ext).contains("委托书"), "{}", ui.screen());
    ui.press(KeyCode::Esc);

    // The signed meeting's minutes print its results notice.
    let signed = ui.count("SELECT id FROM meetings WHERE status = 'signed'");
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    let results = out.path().join("results.html");
    print(&mut ui, 0, &results);
    assert_eq!(read(&results), cli_page(&ui, signed, Paper::Results));
    assert!(ui.sees("results.html"), "{}", ui.screen());
}
