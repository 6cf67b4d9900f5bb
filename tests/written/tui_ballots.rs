//! The ballot-entry screen of a written consultation, pressed key by key on a
//! TestBackend: thirty ballots typed by number as a scanner would (digits, Enter) with
//! their answers, one of them invalid, a wrong check digit and a second ballot refused,
//! one correction asked for and kept; the progress panel and the database agree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;
use unicode_width::UnicodeWidthStr;
use yishi::domain::model::{Category, Electorate, MeetingForm, MeetingKind, Scope, ScopeKind};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::Store;
use yishi::store::ids::ItemId;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::strings::Lang;
use yishi::ui::App;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    frame: ratatui::buffer::Buffer,
}

impl Ui {
    fn draw(&mut self) {
        let app = &mut self.app;
        let done = self.term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        self.frame = done.buffer.clone();
    }
    fn press(&mut self, code: KeyCode) {
        self.app.handle_key(key(code));
        self.draw();
    }
    fn keys(&mut self, s: &str) {
        for c in s.chars() {
            self.press(KeyCode::Char(c));
        }
    }
    fn screen(&self) -> String {
        let buf = &self.frame;
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                out.push_str(sym);
                x += UnicodeWidthStr::width(sym).max(1) as u16;
            }
            out.push('\n');
        }
        out
    }
    fn sees(&self, s: &str) -> bool {
        self.screen().contains(s)
    }
}

fn item(title: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        category: Category::Elevator,
        proposer: "3栋1单元业主".into(),
        proposal: format!("{title}：方案。"),
        scope: Scope {
            kind: ScopeKind::Unit,
            building: "3栋".into(),
            unit: "1单元".into(),
        },
        rule: Rule::new(RuleKind::Art278Ordinary),
    }
}

#[test]
fn thirty_ballots_by_number_with_an_invalid_one_and_a_correction() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    let mut csv = String::from("label,building,unit,area,owner\n");
    for i in 1..=36 {
        csv.push_str(&format!("3栋1单元{i:03},3栋,1单元,100.00,业主{i:02}\n"));
    }
    store
        .import_roster("望城小区", &roster_csv::parse(csv.as_bytes()).unwrap())
        .unwrap();
    let c = store.community_by_name("望城小区").unwrap().unwrap().id;
    let m = store
        .create_meeting(
            c,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: "3栋1单元加装电梯书面征求意见".into(),
                starts_at: "2026-11-01 09:00".into(),
                venue: String::new(),
                host: "黄小明".into(),
                secretary: "李秀英".into(),
                language: "zh".into(),
            },
        )
        .unwrap();
    let items: Vec<ItemId> = ["加装电梯", "费用分摊", "维护保养"]
        .iter()
        .map(|t| store.add_item(m, &item(t)).unwrap())
        .collect();
    store
        .set_form(m, MeetingForm::Written, Some(("2026-11-01", "2099-12-31")))
        .unwrap();
    store.start_meeting(m).unwrap();
    let ballots = store.written_ballots(m).unwrap();
    assert_eq!(ballots.len(), 36);

    let mut ui = Ui {
        app: App::new(store, Lang::Zh),
        term: Terminal::new(TestBackend::new(140, 40)).unwrap(),
        frame: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 140, 40)),
    };
    ui.draw();
    // Home: find the consultation and open it (its own screen, not the roll call).
    let mut found = false;
    for _ in 0..10 {
        ui.press(KeyCode::Enter);
        if ui.sees("录入表决票") {
            found = true;
            break;
        }
        ui.press(KeyCode::Esc);
        ui.press(KeyCode::Down);
    }
    assert!(
        found,
        "the ballot-entry screen opens from home:\n{}",
        ui.screen()
    );
    assert!(ui.sees("发出：36"));

    // A wrong check digit is refused with a sentence, nothing saved.
    let n0 = &ballots[0].number;
    let last = n0.chars().last().unwrap().to_digit(10).unwrap();
    let wrong = format!("{}{}", &n0[..n0.len() - 1], (last + 1) % 10);
    ui.keys(&wrong);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("校验位不符"), "{}", ui.screen());

    for (i, b) in ballots.iter().take(30).enumerate() {
        ui.keys(&b.number);
        ui.press(KeyCode::Enter);
        assert!(
            ui.sees(&b.name),
            "ballot {i}: the voter appears\n{}",
            ui.screen()
        );
        assert!(ui.sees(&b.units[0]), "ballot {i}: their unit");
        if i == 4 {
            ui.keys("x"); // unsigned: invalid
            assert!(ui.sees("已记为无效票"));
            continue;
        }
        // Item 1 yes, item 2 yes except for a few, item 3 abstain for one in ten.
        ui.keys("y");
        ui.keys(if i % 7 == 0 { "n" } else { "y" });
        ui.keys(if i % 10 == 0 { "a" } else { "1" });
        assert!(ui.sees("本票录入完毕"), "ballot {i}\n{}", ui.screen());
        if i == 9 {
            // Correct the last ballot: item 1 from 同意 to 反对, asked first.
            ui.keys("c");
            ui.keys("n");
            assert!(ui.sees("更正该业主的意见"), "{}", ui.screen());
            // Only Enter confirms it: y is an answer here, perhaps meant for item 2.
            ui.keys("y");
            assert!(ui.sees("更正该业主的意见"), "still asking: {}", ui.screen());
            ui.press(KeyCode::Enter);
            ui.keys("y"); // item 2 as it was: no question
            ui.keys("y"); // item 3 as it was (i = 9 agreed): the ballot is done
            assert!(ui.sees("本票录入完毕"), "{}", ui.screen());
        }
    }
    // A second ballot of the same voter is refused.
    ui.keys(&ballots[0].number);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("第二张表决票不予接受"), "{}", ui.screen());

    // The panel: 30 of 36 back, 29 valid, 1 invalid.
    let s = ui.screen();
    assert!(s.contains("收回：30/36"), "{s}");
    assert!(s.contains("有效：29/36"), "{s}");
    assert!(s.contains("无效：1"), "{s}");
    assert!(
        s.contains("29/36"),
        "participation by headcount on the panel"
    );

    // The database says the same.
    let conn = Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM ballot_returns"), 30);
    assert_eq!(
        count("SELECT count(*) FROM ballot_returns WHERE valid = 0 AND reason = 'unsigned'"),
        1
    );
    assert_eq!(
        count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {}",
            items[0]
        )),
        29
    );
    assert_eq!(count("SELECT count(*) FROM votes"), 29 * 3);
    assert_eq!(count("SELECT count(*) FROM vote_corrections"), 1);
    let (voter, from, to): (i64, String, String) = conn
        .query_row(
            "SELECT voter_id, from_choice, to_choice FROM vote_corrections",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (voter, from.as_str(), to.as_str()),
        (ballots[9].voter_id.0, "yes", "no")
    );
    assert_eq!(
        count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {} AND choice = 'no'",
            items[0]
        )),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM ballot_returns WHERE entered_by = '李秀英'"),
        30
    );
}
