//! The host's screens (issue 15), on ratatui's TestBackend: keys in, screen and
//! database checked.

use crate::tui_support::Ui;
use crossterm::event::KeyCode;
use yishi::strings::Lang;

/// Open the demo's draft meeting and go to the elevator item's roll call.
fn to_elevator_vote(ui: &mut Ui) {
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
}

/// Item 5: at 80×24 the roll call keeps names readable, and a name cut at any width
/// ends in "…".
#[test]
fn names_are_readable_at_80x24_and_a_cut_is_marked() {
    let mut ui = Ui::demo(Lang::Zh, 80, 24);
    // A name longer than any column (typed into the roster before the meeting).
    let long = "衡阳市石鼓区望城小区三栋二单元一楼业主委员会代表";
    ui.db()
        .execute(
            "UPDATE voters SET name = ?1 WHERE id = (SELECT h.voter_id FROM holdings h
             JOIN units u ON u.id = h.unit_id WHERE u.label = '1栋1单元201')",
            [long],
        )
        .unwrap();
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    // Cut, with the mark.
    assert!(ui.sees("衡阳市石鼓区望城小…"), "{}", ui.screen());
    assert!(!ui.sees(long), "{}", ui.screen());
    let row = ui
        .screen()
        .lines()
        .find(|l| l.contains("衡阳市石鼓区"))
        .unwrap()
        .to_string();
    assert!(row.contains("…"), "{row}");
    // The attendance list: the co-owners and the developer by their whole names.
    assert!(ui.sees("陈建华、陈秀兰"), "{}", ui.screen());
    ui.press(KeyCode::End);
    assert!(ui.sees(yishi::demo::DEVELOPER), "{}", ui.screen());
    // A cut unit list ends in the mark.
    assert!(ui.sees("单元…"), "{}", ui.screen());

    // The roll call of the elevator (3栋2单元): every name whole at 80×24.
    let mut ui = Ui::demo(Lang::Zh, 80, 24);
    to_elevator_vote(&mut ui);
    assert!(ui.sees("唱票表决"), "{}", ui.screen());
    let names: Vec<String> = {
        let db = ui.db();
        let mut st = db
            .prepare(
                "SELECT v.name FROM vote_eligible e JOIN voters v ON v.id = e.voter_id
                 JOIN agenda_items i ON i.id = e.item_id
                 WHERE i.category = 'elevator' AND i.scope_building = '3栋' AND i.scope_unit = '2单元'",
            )
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(names.len() >= 5);
    for n in &names {
        assert!(ui.sees(n), "{n} whole on the roll call: {}", ui.screen());
    }
}

/// Items 7 and 8: a new search starts empty; the minutes open with the matching heading
/// on the top line; headings, lists and quotes are shown as a page, not as Markdown.
#[test]
fn search_starts_empty_and_minutes_open_at_the_match_as_a_page() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('a');
    ui.ch('/');
    ui.keys("电梯");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("共 0 次会议"), "{}", ui.screen());
    // Again: the field is empty, so 大门 searches 大门 (not 电梯大门).
    ui.ch('/');
    ui.keys("大门");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("共 1 次会议"), "{}", ui.screen());
    // The matching line as a reader sees it, without the Markdown heading's marks.
    assert!(ui.sees("      议题 1：安装小区大门"), "{}", ui.screen());
    assert!(!ui.sees("## 议题"), "{}", ui.screen());
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("会议纪要"))
        .expect("the minutes' frame");
    assert!(
        lines[top + 1].contains("议题 1：安装小区大门"),
        "the matching heading is the top line:\n{screen}"
    );
    // A page: no Markdown marks at the start of a line, but quote bars and bullets.
    for l in &lines[top + 1..] {
        let inner = l.trim_start_matches('│').trim_start();
        assert!(
            !inner.starts_with('#') && !inner.starts_with("> ") && !inner.starts_with("- "),
            "{l}\n{screen}"
        );
    }
    assert!(ui.sees("┃ 小区目前为开放式"), "{screen}");
    assert!(ui.sees("• 类别：小区大门"), "{screen}");
    // Moving on from the match: one line down from it.
    ui.press(KeyCode::Down);
    let screen = ui.screen();
    let lines: Vec<&str> = screen.lines().collect();
    assert!(!lines[top + 1].contains("议题 1：安装小区大门"), "{screen}");
    assert!(lines[top].contains("会议纪要"));
}

/// Item 9: the room view shows headcount and area against their thresholds as bars,
/// the verdict so far and how many have answered.
#[test]
fn the_room_view_shows_area_and_headcount_against_their_thresholds() {
    let mut ui = Ui::demo(Lang::Zh, 100, 34);
    to_elevator_vote(&mut ui);
    ui.ch('1');
    ui.ch('1');
    ui.press(KeyCode::F(2));
    let screen = ui.screen();
    assert!(ui.sees("3栋2单元加装电梯"), "{screen}");
    // Both bases of both checks, each with its threshold.
    assert!(screen.contains("参与 2/7 人"), "{screen}");
    assert!(screen.contains("面积"), "{screen}");
    assert!(screen.matches("≥ 2/3 ✗").count() >= 2, "{screen}");
    assert!(screen.matches("≥ 3/4 ✓").count() >= 2, "{screen}");
    // Bars: two rows for each of the four figures, each with its threshold mark;
    // participation (2 of 7) is short of its mark, approval (2 of 2) full.
    let bars: Vec<&str> = screen.lines().filter(|l| l.contains('┃')).collect();
    assert_eq!(bars.len(), 8, "{screen}");
    assert!(
        bars[..4].iter().all(|l| l.contains('░') && l.contains('█')),
        "{screen}"
    );
    assert!(
        bars[4..]
            .iter()
            .all(|l| !l.contains('░') && l.contains('█')),
        "{screen}"
    );
    assert!(screen.contains("未通过（当前）"), "{screen}");
    assert!(screen.contains("已表决 2 / 7 人"), "{screen}");
    // The bar of a met figure is green, an unmet one red.
    let buf = &ui.frame;
    let reds = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)].fg == ratatui::style::Color::Red && buf[(x, y)].symbol() == "█"
        })
        .count();
    assert!(reds > 0, "{screen}");
}

/// A title longer than the agenda list is cut with "…" inside the list's border.
#[test]
fn a_long_item_title_is_cut_with_a_mark_on_the_agenda() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Tab);
    let screen = ui.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("5. ["))
        .unwrap_or_else(|| panic!("no item 5:\n{screen}"));
    // The suggestion put on the agenda: "建议在小区增设电动自行车集中充电棚，杜绝…".
    assert!(row.contains("建议在小区") && row.contains('…'), "{row}");
    let list = row.split('│').nth(1).unwrap_or_default();
    assert!(list.trim_end().ends_with('…'), "{row}");
}

/// The screen as a second yishi on the demo's file sees it: read-only review, while the
/// first (returned, to keep until the test ends) holds the file.
fn review_read_only(ui: &mut Ui) -> yishi::store::Store {
    let mut first = yishi::store::Store::open(&ui.db).expect("first");
    assert!(first.claim());
    let mut second = yishi::store::Store::open(&ui.db).expect("second");
    assert!(!second.claim() && second.read_only());
    ui.app = yishi::ui::App::new(second, Lang::Zh);
    ui.draw();
    first
}

/// A second yishi on the same file reviews it read-only: a form that would change the
/// record (a meeting's details, a new meeting, a cost plan) is refused when it would
/// open, in the user's language, not after typing.
#[test]
fn a_read_only_review_refuses_a_form_before_anything_is_typed() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    let first = review_read_only(&mut ui);
    let drafts = ui.count("SELECT count(*) FROM form_drafts");
    // The draft meeting's details form (e), and a new meeting (n) from home.
    ui.press(KeyCode::Enter);
    ui.ch('e');
    let refused = "数据库为只读，仅供查阅，不能修改。";
    assert!(ui.sees(refused), "{}", ui.screen());
    assert!(!ui.sees("保存"), "no form opened:\n{}", ui.screen());
    ui.press(KeyCode::Esc);
    ui.ch('n');
    assert!(ui.sees(refused), "{}", ui.screen());
    assert!(!ui.sees("保存"), "no form opened:\n{}", ui.screen());
    // The cost plan of the draft meeting's item (c on the preparation screen, e there).
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Enter);
    ui.ch('c');
    assert!(ui.sees("费用分摊"), "{}", ui.screen());
    ui.ch('e');
    assert!(ui.sees(refused), "{}", ui.screen());
    assert!(!ui.sees("保存"), "no form opened:\n{}", ui.screen());
    assert_eq!(ui.count("SELECT count(*) FROM form_drafts"), drafts);
    drop(first);
}

/// On a file open read-only the bottom bar offers only what can be done there: looking,
/// searching, printing, exporting; not a new meeting or an edit (which would be refused).
#[test]
fn a_read_only_review_offers_no_key_that_would_change_the_record() {
    let mut ui = Ui::demo(Lang::Zh, 120, 30);
    ui.draw();
    let bar = |ui: &Ui| {
        let screen = ui.screen();
        let lines: Vec<&str> = screen.lines().collect();
        lines[lines.len().saturating_sub(2)..].join("\n")
    };
    assert!(bar(&ui).contains("新建会议"), "{}", bar(&ui));
    let first = review_read_only(&mut ui);
    let home = bar(&ui);
    assert!(!home.contains("新建会议"), "{home}");
    assert!(home.contains("档案") && home.contains("打开"), "{home}");
    // The draft meeting's preparation screen: no edit, no new item, no opening.
    ui.press(KeyCode::Enter);
    let prep = bar(&ui);
    for k in ["添加议题", "编辑议题", "会议信息"] {
        assert!(!prep.contains(k), "{k}: {prep}");
    }
    assert!(prep.contains("Esc"), "{prep}");
    drop(first);
}

/// The help screen (F1) lists what the bottom bar offers: on a file open read-only, not
/// the keys that would change the record, and it says so.
#[test]
fn a_read_only_review_lists_no_changing_key_in_help() {
    let mut ui = Ui::demo(Lang::Zh, 120, 40);
    ui.draw();
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::F(1));
    assert!(ui.sees("添加议题"), "{}", ui.screen());
    assert!(!ui.sees("修改记录的按键未列出"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Esc);
    let first = review_read_only(&mut ui);
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::F(1));
    assert!(ui.sees("帮助：本页按键"), "{}", ui.screen());
    for k in ["添加议题", "编辑议题", "会议信息"] {
        assert!(!ui.sees(k), "{k}:\n{}", ui.screen());
    }
    assert!(
        ui.sees("只读查阅：修改记录的按键未列出。"),
        "{}",
        ui.screen()
    );
    drop(first);
}

/// At 80×24 the preparation screen has more keys than its bar holds: F1 help is still
/// offered there, and the help lists every key of the screen, the last ones too.
#[test]
fn at_80_by_24_help_is_offered_and_shows_every_key() {
    for (l, help, last, close) in [
        (Lang::Zh, "F1  帮助", "最后一行", "按任意键关闭"),
        (
            Lang::En,
            "F1  help",
            "End      last",
            "Press any key to close",
        ),
    ] {
        let mut ui = Ui::demo(l, 80, 24);
        ui.draw();
        ui.press(KeyCode::Enter);
        let screen = ui.screen();
        // The follow-up's numbered list wraps under its text, not under its number.
        assert!(
            screen.contains("│1. 采购并安装东门电动伸缩门") && screen.contains("│   （2026-05-16"),
            "{screen}"
        );
        let bar: Vec<&str> = screen.lines().rev().take(2).collect();
        assert!(bar.iter().any(|b| b.contains(help)), "{screen}");
        ui.press(KeyCode::F(1));
        assert!(ui.sees(last), "{}", ui.screen());
        assert!(ui.sees(close), "{}", ui.screen());
        assert!(ui.sees("Del / d"), "{}", ui.screen());
    }
}

/// A voter's roles longer than the roster's last column end in "…", not at the border.
#[test]
fn roster_roles_are_cut_with_a_mark() {
    for w in [100, 80] {
        let mut ui = Ui::demo(Lang::Zh, w, 30);
        ui.draw();
        ui.ch('r');
        let screen = ui.screen();
        let row = screen
            .lines()
            .find(|l| l.contains("黄小明"))
            .expect("黄小明's row");
        let inside = row.trim_end().trim_end_matches('│').trim_end();
        assert!(inside.ends_with('…'), "{w}: {row}");
    }
}

/// Home tells a written consultation from a meeting in the room: it opens to ballot
/// entry by number, not to a roll call.
#[test]
fn home_marks_a_written_consultation() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.draw();
    assert!(ui.sees("【书面】3栋1单元加装电梯"), "{}", ui.screen());
    assert!(!ui.sees("【书面】2026年第一次业主大会"), "{}", ui.screen());
    let mut ui = Ui::demo(Lang::En, 100, 30);
    ui.draw();
    assert!(ui.sees("[written] 3栋1单元加装电梯"), "{}", ui.screen());
}
