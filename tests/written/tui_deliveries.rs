//! Issue 16, the delivery of ballots on the TestBackend: the list of those not yet
//! served, a delivery recorded per voter (date, way) and saved before it is shown, a
//! wrong date refused, the rest served at once, the list narrowed by name and by ballot number, all of them shown
//! on request; wrong keys and a window too small do nothing.

use crate::tui_support::Ui;
use crossterm::event::{Event, KeyCode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yishi::domain::model::{Category, Electorate, MeetingForm, MeetingKind, Scope};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::Store;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::strings::Lang;
use yishi::ui::App;

/// Twelve owners, a written consultation open until 2099 with one item, nothing served.
pub fn consultation(voters: usize) -> (Ui, i64) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).expect("open");
    let mut csv = String::from("label,building,unit,area,owner\n");
    for i in 1..=voters {
        csv.push_str(&format!("3栋1单元{i:03},3栋,1单元,100.00,业主{i:02}\n"));
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
                title: "小区大门改造书面征求意见".into(),
                starts_at: "2026-11-01 09:00".into(),
                venue: "物业服务中心".into(),
                host: "黄小明".into(),
                secretary: "李秀英".into(),
                language: "zh".into(),
            },
        )
        .expect("meeting");
    store
        .add_item(
            m,
            &ItemInput {
                title: "更换小区大门".into(),
                category: Category::Other,
                proposer: "业主委员会".into(),
                proposal: "更换为电动伸缩门。".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::Art278Ordinary),
            },
        )
        .expect("item");
    store
        .set_form(m, MeetingForm::Written, Some(("2026-11-01", "2099-12-31")))
        .expect("form");
    store.start_meeting(m).expect("open");
    let (w, h) = (100, 30);
    let mut ui = Ui {
        app: App::new(store, Lang::Zh),
        term: Terminal::new(TestBackend::new(w, h)).expect("term"),
        frame: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h)),
        db,
        _dir: dir,
    };
    ui.draw();
    (ui, m.0)
}

fn resize(ui: &mut Ui, w: u16, h: u16) {
    ui.term.backend_mut().resize(w, h);
    ui.app.handle_event(Event::Resize(w, h));
    ui.frame = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    ui.draw();
}

#[test]
fn deliveries_are_recorded_per_voter_and_the_unserved_are_listed() {
    let (mut ui, m) = consultation(12);
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    ui.ch('d');
    assert!(ui.sees("表决票送达登记"), "{}", ui.screen());
    assert!(ui.sees("已送达 0 / 共 12，未送达 12"), "{}", ui.screen());
    assert!(ui.sees("只列未送达"), "{}", ui.screen());
    assert!(ui.sees("登记送达"), "the key's hint: {}", ui.screen());

    // Wrong keys do nothing.
    ui.keys("zq9!");
    assert!(ui.sees("表决票送达登记"), "{}", ui.screen());

    // The first: by mailbox on 2026-11-20, saved, then gone from the list.
    ui.press(KeyCode::Enter);
    assert!(ui.sees("登记送达：业主01"), "{}", ui.screen());
    ui.ctrl('u');
    ui.keys("二〇二六年十一月");
    ui.ctrl('s');
    assert!(ui.sees("送达日期应为"), "{}", ui.screen());
    let served = "SELECT count(*) FROM ballot_deliveries";
    assert_eq!(ui.count(served), 0);
    ui.ctrl('u');
    ui.keys("2026-11-20");
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Right);
    ui.ctrl('s');
    assert!(ui.sees("已登记送达：业主01"), "{}", ui.screen());
    assert!(ui.sees("已送达 1 / 共 12，未送达 11"), "{}", ui.screen());
    let row: (String, String, String) = ui
        .db()
        .query_row(
            "SELECT d.served_on, d.way, d.entered_by FROM ballot_deliveries d
             JOIN written_ballots b ON b.meeting_id = d.meeting_id AND b.voter_id = d.voter_id
             WHERE d.meeting_id = ?1 AND b.name = '业主01'",
            [m],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("delivery");
    assert_eq!(
        row,
        ("2026-11-20".into(), "mailbox".into(), "李秀英".into())
    );
    // The selection moved on to the next door: 业主02 in person, today.
    ui.press(KeyCode::Enter);
    assert!(ui.sees("登记送达：业主02"), "{}", ui.screen());
    ui.ctrl('s');
    assert_eq!(ui.count(served), 2);

    // Narrowed by name, then by a ballot number as printed.
    ui.ch('/');
    ui.keys("业主1");
    ui.ctrl('s');
    let s = ui.screen();
    assert!(s.contains("业主10") && s.contains("业主12"), "{s}");
    assert!(!s.contains("业主03"), "{s}");
    let number: String = ui
        .db()
        .query_row(
            "SELECT number FROM written_ballots WHERE meeting_id = ?1 AND seq = 7",
            [m],
            |r| r.get(0),
        )
        .expect("number");
    ui.ch('/');
    ui.ctrl('u');
    ui.keys(&yishi::domain::written::ballot_number::grouped(&number));
    ui.ctrl('s');
    let s = ui.screen();
    assert!(s.contains("业主07") && !s.contains("业主08"), "{s}");
    ui.ch('0');
    assert!(ui.sees("业主03"), "{}", ui.screen());

    // All: the served ones with their date and way.
    ui.ch('f');
    assert!(ui.sees("2026-11-20 投入信箱"), "{}", ui.screen());
    assert!(ui.sees("全部"), "{}", ui.screen());

    // A window too small shows only its notice; a key there records nothing.
    resize(&mut ui, 40, 10);
    ui.press(KeyCode::Enter);
    ui.ctrl('s');
    resize(&mut ui, 100, 30);
    assert_eq!(ui.count(served), 2);
    assert!(ui.sees("表决票送达登记"), "{}", ui.screen());
    assert!(!ui.sees("登记送达："), "no form opened: {}", ui.screen());

    // The consultation's screen counts them.
    ui.press(KeyCode::Esc);
    assert!(ui.sees("送达：2/12"), "{}", ui.screen());

    // The rest at once, posted on the notice board: the three found by name first.
    ui.ch('d');
    ui.ch('/');
    ui.keys("业主1");
    ui.ctrl('s');
    ui.ch('A');
    assert!(ui.sees("列表中未送达的 3 张"), "{}", ui.screen());
    ui.ctrl('s');
    assert!(ui.sees("已登记送达 3 张表决票"), "{}", ui.screen());
    assert_eq!(ui.count(served), 5);
    let posted = "SELECT count(*) FROM ballot_deliveries WHERE way = 'posted'";
    assert_eq!(ui.count(posted), 3);
    ui.ch('0');
    ui.ch('A');
    ui.ctrl('s');
    assert_eq!(ui.count(served), 12);
    assert!(ui.sees("全部表决票均已送达"), "{}", ui.screen());
    ui.ch('A');
    assert!(
        ui.sees("全部表决票均已送达"),
        "nothing left to serve: {}",
        ui.screen()
    );
    assert_eq!(ui.count(served), 12);
}
