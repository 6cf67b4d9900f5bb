//! The mediation flow (issue 19) pressed key by key on a TestBackend: from home, open a
//! case with two parties (a voter of the roster and a tenant from outside), name the
//! mediator, record two sessions, write a term of the agreement and the parties' paper
//! signatures, read the draft, sign it with the mediator's passphrase, and record the
//! performance check; the screen and the database agree at every step.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;
use unicode_width::UnicodeWidthStr;
use yishi::demo::{self, DEMO_SIGNERS};
use yishi::store::Store;
use yishi::strings::Lang;
use yishi::ui::App;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    frame: ratatui::buffer::Buffer,
    db: std::path::PathBuf,
}

impl Ui {
    fn draw(&mut self) {
        let app = &mut self.app;
        let done = self.term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        self.frame = done.buffer.clone();
    }
    fn press(&mut self, code: KeyCode) {
        self.app.handle_key(key(code, KeyModifiers::NONE));
        self.draw();
    }
    fn ctrl(&mut self, c: char) {
        self.app
            .handle_key(key(KeyCode::Char(c), KeyModifiers::CONTROL));
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
    fn assert_sees(&self, s: &str) {
        assert!(self.sees(s), "{s:?} not on screen:\n{}", self.screen());
    }
    /// One value read straight from the database file (what was committed).
    fn one(&self, sql: &str) -> String {
        let c = Connection::open(&self.db).expect("raw open");
        c.query_row(sql, [], |r| {
            let v: rusqlite::types::Value = r.get(0)?;
            Ok(match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                rusqlite::types::Value::Null => "NULL".into(),
                other => format!("{other:?}"),
            })
        })
        .expect(sql)
    }
}

fn ui(dir: &std::path::Path) -> Ui {
    let db = dir.join("t.db");
    let mut store = Store::open(&db).expect("open");
    demo::install(&mut store).expect("demo");
    let app = App::new(store, Lang::Zh);
    let term = Terminal::new(TestBackend::new(100, 30)).expect("term");
    let mut u = Ui {
        app,
        term,
        frame: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 1, 1)),
        db,
    };
    u.draw();
    u
}

const CASE: &str = "SELECT max(id) FROM mediation_cases";

#[test]
fn a_case_from_opening_to_its_performance_check() {
    let dir = tempfile::tempdir().expect("dir");
    let mut u = ui(dir.path());
    let before: i64 = u
        .one("SELECT count(*) FROM mediation_cases")
        .parse()
        .expect("n");

    // Home → the case list; a key that means nothing here changes nothing.
    u.press(KeyCode::Char('m'));
    u.assert_sees("调解案件");
    u.press(KeyCode::Char('z'));
    u.assert_sees("调解案件");
    // The list says what its columns are.
    u.assert_sees("编号 状态");
    u.assert_sees("受理日期   类别       履行期限   案件");

    // A new case: the form, Esc leaves it with nothing written; again, and saved.
    u.press(KeyCode::Char('n'));
    u.assert_sees("登记调解案件");
    u.press(KeyCode::Esc);
    assert_eq!(
        u.one("SELECT count(*) FROM mediation_cases"),
        before.to_string()
    );
    u.press(KeyCode::Char('n'));
    u.press(KeyCode::Tab);
    u.keys("3栋302卫生间漏水");
    u.press(KeyCode::Tab);
    u.press(KeyCode::Tab);
    u.keys("302卫生间漏水至202。");
    u.press(KeyCode::Tab);
    u.keys("维修与赔偿。");
    u.ctrl('s');
    assert_eq!(
        u.one("SELECT count(*) FROM mediation_cases"),
        (before + 1).to_string()
    );
    assert_eq!(
        u.one(&format!(
            "SELECT title FROM mediation_cases WHERE id = ({CASE})"
        )),
        "3栋302卫生间漏水"
    );
    u.assert_sees("3栋302卫生间漏水");
    u.assert_sees("调解中");

    // Two parties: a voter of the roster (their units from the roster), a tenant.
    let voter = DEMO_SIGNERS[0].0;
    u.press(KeyCode::Char('p'));
    u.keys(voter);
    u.press(KeyCode::Enter);
    u.press(KeyCode::Enter);
    u.press(KeyCode::Char('p'));
    u.keys("租户刘先生");
    u.press(KeyCode::Enter);
    u.keys("3栋1单元202");
    u.press(KeyCode::Enter);
    assert_eq!(
        u.one(&format!(
            "SELECT count(*) FROM mediation_parties WHERE case_id = ({CASE})"
        )),
        "2"
    );
    assert_eq!(
        u.one(&format!(
            "SELECT voter_id IS NOT NULL FROM mediation_parties WHERE case_id = ({CASE}) AND seq = 1"
        )),
        "1"
    );
    u.assert_sees(&format!("甲方 {voter}"));
    u.assert_sees("乙方 租户刘先生 3栋1单元202（名册外）");
    // Nothing agreed yet: said so, with the key that adds it.
    u.assert_sees("（尚无，按 t 添加）");
    u.assert_sees("纸质签名：（尚无，按 v 登记）");

    // The mediator (the team's member is offered).
    let (mediator, _, pass) = DEMO_SIGNERS[1];
    u.press(KeyCode::Char('m'));
    u.press(KeyCode::Enter);
    assert_eq!(
        u.one(&format!(
            "SELECT name FROM mediation_mediators WHERE case_id = ({CASE})"
        )),
        mediator
    );
    u.assert_sees(&format!("调解员：{mediator}"));

    // Two sessions: the day, who came (the parties offered), the notes.
    for (i, note) in ["第一次调解，双方陈述。", "第二次调解，达成一致。"]
        .iter()
        .enumerate()
    {
        u.press(KeyCode::Char('s'));
        u.press(KeyCode::Enter);
        u.press(KeyCode::Enter);
        u.keys(note);
        u.ctrl('s');
        assert_eq!(
            u.one(&format!(
                "SELECT count(*) FROM mediation_sessions WHERE case_id = ({CASE})"
            )),
            (i + 1).to_string()
        );
        u.assert_sees(note);
    }

    // Signing too early is refused with its sentence; the form keeps what was typed.
    u.press(KeyCode::Char('g'));
    u.press(KeyCode::Enter);
    u.keys(pass);
    u.press(KeyCode::Enter);
    u.assert_sees("协议还没有条款");
    u.press(KeyCode::Esc);
    assert_eq!(
        u.one(&format!(
            "SELECT count(*) FROM mediation_signatures WHERE case_id = ({CASE})"
        )),
        "0"
    );

    // A term for the first party, then both paper signatures.
    u.press(KeyCode::Char('t'));
    u.press(KeyCode::Enter);
    u.keys("维修防水层");
    u.press(KeyCode::Enter);
    u.keys("请施工单位");
    u.press(KeyCode::Enter);
    u.keys("2027-01-15");
    u.press(KeyCode::Enter);
    assert_eq!(
        u.one(&format!(
            "SELECT due_on FROM mediation_terms WHERE case_id = ({CASE})"
        )),
        "2027-01-15"
    );
    u.assert_sees("维修防水层");
    for n in 1..=2 {
        u.press(KeyCode::Char('v'));
        u.press(KeyCode::Enter);
        u.press(KeyCode::Enter);
        assert_eq!(
            u.one(&format!(
                "SELECT count(*) FROM mediation_paper WHERE case_id = ({CASE})"
            )),
            n.to_string()
        );
    }

    // The draft, rendered from the records as they are now.
    u.press(KeyCode::Tab);
    u.assert_sees("协议书草稿");
    u.assert_sees("人民调解协议书");
    u.assert_sees("一、甲方");
    u.press(KeyCode::Esc);
    u.assert_sees("调解记录");

    // The mediator signs: a wrong passphrase signs nothing; the right one locks.
    u.press(KeyCode::Char('g'));
    u.press(KeyCode::Enter);
    u.keys("not the passphrase");
    u.press(KeyCode::Enter);
    u.assert_sees("口令错误");
    u.press(KeyCode::Esc);
    u.press(KeyCode::Char('g'));
    u.press(KeyCode::Enter);
    u.keys(pass);
    u.press(KeyCode::Enter);
    assert_eq!(
        u.one(&format!(
            "SELECT status FROM mediation_cases WHERE id = ({CASE})"
        )),
        "agreed"
    );
    assert_eq!(
        u.one(&format!(
            "SELECT count(*) FROM mediation_agreements WHERE case_id = ({CASE})"
        )),
        "1"
    );
    u.assert_sees("调解协议书已签署");
    u.assert_sees(&format!("签署：{mediator}"));
    u.assert_sees("已达成协议");
    // Locked: the party key is no longer offered, and does nothing.
    assert!(!u.sees(" p  当事人"));
    u.press(KeyCode::Char('p'));
    assert!(!u.sees("添加当事人"));
    u.press(KeyCode::Tab);
    u.assert_sees("已签署的协议书");
    u.press(KeyCode::Esc);

    // The follow-up: due on home, then the performance check with its note.
    u.press(KeyCode::Esc);
    u.press(KeyCode::Esc);
    u.assert_sees("待回访");
    u.assert_sees("调解协议1号");
    u.assert_sees("2027-01-15");
    u.press(KeyCode::Char('m'));
    u.press(KeyCode::Enter);
    u.assert_sees("3栋302卫生间漏水");
    u.press(KeyCode::Char('c'));
    u.press(KeyCode::Enter);
    u.press(KeyCode::Enter);
    u.keys("回访：已修好，楼下不再渗水。");
    u.press(KeyCode::Enter);
    assert_eq!(
        u.one(&format!(
            "SELECT status FROM mediation_cases WHERE id = ({CASE})"
        )),
        "performed"
    );
    assert_eq!(
        u.one(&format!(
            "SELECT note FROM mediation_checks WHERE case_id = ({CASE})"
        )),
        "回访：已修好，楼下不再渗水。"
    );
    u.assert_sees("已履行");
    u.assert_sees("回访：已修好");
}

#[test]
fn the_board_records_a_check_and_the_list_filters() {
    let dir = tempfile::tempdir().expect("dir");
    let mut u = ui(dir.path());
    // The demo's 5栋 leak, due last of the agreements, is the board's last row.
    u.press(KeyCode::Char('b'));
    u.assert_sees("5栋601卫生间漏水至501");
    u.press(KeyCode::End);
    u.press(KeyCode::Char('s'));
    u.assert_sees("回访履行情况");
    u.press(KeyCode::Enter);
    u.press(KeyCode::Right);
    u.press(KeyCode::Enter);
    u.keys("防水层尚未重做。");
    u.press(KeyCode::Enter);
    let leak = "(SELECT id FROM mediation_cases WHERE title = '5栋601卫生间漏水至501')";
    assert_eq!(
        u.one(&format!(
            "SELECT status FROM mediation_cases WHERE id = {leak}"
        )),
        "not_performed"
    );
    assert_eq!(
        u.one(&format!(
            "SELECT note FROM mediation_checks WHERE case_id = {leak}"
        )),
        "防水层尚未重做。"
    );
    // Still to check: it stays on the board.
    u.assert_sees("5栋601卫生间漏水至501");

    // The case list, filtered to the withdrawn cases, then by a word.
    u.press(KeyCode::Esc);
    u.press(KeyCode::Char('m'));
    u.press(KeyCode::Char('f'));
    for _ in 0..4 {
        u.press(KeyCode::Right);
    }
    u.ctrl('s');
    u.assert_sees("筛选：已撤回");
    u.assert_sees("宠物狗未拴绳惊吓儿童");
    assert!(!u.sees("5栋601卫生间漏水至501"));
    u.press(KeyCode::Char('0'));
    u.press(KeyCode::Char('f'));
    u.press(KeyCode::Tab);
    u.press(KeyCode::Tab);
    u.press(KeyCode::Tab);
    u.keys("石膏板");
    u.ctrl('s');
    u.assert_sees("5栋601卫生间漏水至501");
    assert!(!u.sees("宠物狗未拴绳惊吓儿童"));
    // A month that is not one is refused in the form, with its sentence.
    u.press(KeyCode::Char('f'));
    u.press(KeyCode::Tab);
    u.press(KeyCode::Tab);
    u.keys("2026-13");
    u.ctrl('s');
    u.assert_sees("月份应为");
}
