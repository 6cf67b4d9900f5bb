//! The host's whole meeting on ratatui's TestBackend: keys in, screen and database
//! checked at each step.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;
use unicode_width::UnicodeWidthStr;
use yishi::store::Store;
use yishi::strings::Lang;
use yishi::ui::App;

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    /// The whole last frame. (TestBackend's own buffer only receives ratatui's diff and
    /// keeps stale halves of wide characters that a real terminal would have cleared.)
    frame: ratatui::buffer::Buffer,
    db: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

impl Ui {
    fn demo(lang: Lang, w: u16, h: u16) -> Ui {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("demo.db");
        let mut store = Store::open(&db).expect("open");
        yishi::demo::install(&mut store).expect("demo");
        let app = App::new(store, lang);
        let term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut ui = Ui {
            app,
            term,
            frame: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h)),
            db,
            _dir: dir,
        };
        ui.draw();
        ui
    }

    fn draw(&mut self) {
        let app = &mut self.app;
        let done = self.term.draw(|f| yishi::ui::draw(app, f)).expect("draw");
        self.frame = done.buffer.clone();
    }

    fn press(&mut self, code: KeyCode) {
        self.app.handle_key(key(code));
        self.draw();
    }

    fn ch(&mut self, c: char) {
        self.press(KeyCode::Char(c));
    }

    fn keys(&mut self, s: &str) {
        for c in s.chars() {
            self.ch(c);
        }
    }

    fn ctrl(&mut self, c: char) {
        self.app.handle_key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
        self.draw();
    }

    /// The screen as text, wide characters counted once.
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

    fn db(&self) -> Connection {
        Connection::open(&self.db).expect("db")
    }

    fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}

fn item_id(ui: &Ui, title: &str) -> i64 {
    ui.db()
        .query_row(
            "SELECT id FROM agenda_items WHERE title = ?1",
            [title],
            |r| r.get(0),
        )
        .expect(title)
}

fn outcome(ui: &Ui, item: i64) -> String {
    ui.db()
        .query_row(
            "SELECT outcome FROM vote_closures WHERE item_id = ?1",
            [item],
            |r| r.get(0),
        )
        .expect("closure")
}

/// Answer every voter in the room of the open roll call with `answer(i)` (the cursor
/// passes over absent voters, who cannot answer).
fn roll_call(ui: &mut Ui, item: i64, answer: impl Fn(usize) -> char) {
    let n = ui.count(&format!(
        "SELECT count(*) FROM vote_eligible WHERE item_id = {item} AND present = 1"
    )) as usize;
    for i in 0..n {
        ui.ch(answer(i));
        // Committed before the screen moves on.
        assert_eq!(
            ui.count(&format!(
                "SELECT count(*) FROM votes WHERE item_id = {item}"
            )),
            i as i64 + 1
        );
    }
}

#[test]
fn the_demo_meeting_runs_to_the_end_in_chinese() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    assert!(ui.sees("望城小区"), "{}", ui.screen());
    assert!(ui.sees("2026年第二次业主大会"));
    assert!(
        ui.sees("Enter") && ui.sees("新建会议"),
        "the key bar shows this screen's keys"
    );

    // Preparation, then open the meeting.
    ui.press(KeyCode::Enter);
    assert!(
        ui.sees("会议筹备") && ui.sees("3栋2单元加装电梯"),
        "{}",
        ui.screen()
    );
    ui.ch('o');
    assert!(ui.sees("开始会议"));
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE status = 'open' AND id NOT IN (SELECT meeting_id FROM written_meetings)"),
        1
    );

    // Attendance: everyone present but the last two; one of them arrives late.
    assert!(
        ui.sees("签到") && ui.sees("出席与法定人数"),
        "{}",
        ui.screen()
    );
    let owners = ui.count("SELECT count(DISTINCT voter_id) FROM holdings");
    for _ in 0..owners - 2 {
        ui.ch('p');
    }
    ui.ch('x');
    ui.ch('w');
    assert!(ui.sees("委托代理"));
    ui.keys("王五");
    ui.press(KeyCode::Tab);
    ui.keys("WT-0012");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM presence_events WHERE kind = 'proxy' AND proxy_ref = 'WT-0012'"
        ),
        1
    );
    assert!(ui.sees("出席人数：37 / 38"), "{}", ui.screen());
    ui.press(KeyCode::Tab);

    // First the follow-up of the gate decision's open action items: discussed, no vote.
    assert!(
        ui.sees("议程") && ui.sees("前期决议事项跟进"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    assert!(ui.sees("采购并安装东门电动伸缩门"), "{}", ui.screen());
    ui.ch('s');
    ui.keys("业主委员会");
    ui.press(KeyCode::Enter);
    ui.ch('n');
    ui.ch('r');
    ui.keys("大门已安装，门禁卡下月发放。");
    ui.ctrl('s');
    ui.ch('d');
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM agenda_items WHERE category = 'followup' AND status = 'closed'"
        ),
        1
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM remarks WHERE text = '大门已安装，门禁卡下月发放。'"),
        1
    );

    // Item 2: elevator of 3栋2单元, with a speaker and a remark.
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("议题 2：3栋2单元加装电梯"), "{}", ui.screen());
    ui.ch('s');
    ui.keys("韩国平");
    ui.press(KeyCode::Enter);
    ui.ch('n');
    assert!(ui.sees("韩国平 正在发言"), "{}", ui.screen());
    ui.ch('r');
    ui.keys("同意加装，希望补偿一楼绿地。");
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM remarks WHERE text = '同意加装，希望补偿一楼绿地。'"),
        1
    );
    ui.ch('m');
    ui.press(KeyCode::End);
    ui.keys("（修订：增加绿地补偿）");
    ui.ctrl('s');
    let elevator = item_id(&ui, "3栋2单元加装电梯");
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM proposal_revisions WHERE item_id = {elevator}"
        )),
        2
    );
    ui.ch('v');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("唱票表决") && ui.sees("计票"), "{}", ui.screen());
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM vote_eligible WHERE item_id = {elevator}"
        )),
        7,
        "only 3栋2单元 votes"
    );
    // A Chinese input method sends full-width letters: ｙ counts as y.
    roll_call(&mut ui, elevator, |i| if i == 0 { 'ｙ' } else { '1' });
    assert!(ui.sees("所有人都已作答"));
    ui.ch('E');
    ui.press(KeyCode::Enter);
    assert_eq!(outcome(&ui, elevator), "passed");
    assert!(ui.sees("表决结果") && ui.sees("通过"), "{}", ui.screen());
    ui.ch('a');
    ui.keys("申请加装电梯补贴");
    ui.press(KeyCode::Tab);
    ui.keys("3栋2单元业主代表");
    ui.press(KeyCode::Tab);
    ui.keys("2027-03-31");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM action_items WHERE due = '2027-03-31'"),
        1
    );
    ui.press(KeyCode::Esc);

    // Item 2: the gate, whole compound, major: most say no → fails.
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    ui.ch('v');
    ui.press(KeyCode::Enter);
    let gate = item_id(&ui, "小区大门门禁系统升级");
    roll_call(&mut ui, gate, |i| if i < 20 { 'n' } else { 'y' });
    // Undo the last answer and give it again.
    ui.press(KeyCode::Backspace);
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {gate}"
        )),
        36,
        "37 in the room answered (the absent voter cannot), one undone"
    );
    ui.ch('y');
    ui.ch('E');
    ui.press(KeyCode::Enter);
    assert_eq!(outcome(&ui, gate), "failed");
    assert!(ui.sees("未通过"));
    ui.press(KeyCode::Esc);

    // Item 3: parking convention, ordinary: yes with a few abstentions → passes.
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    ui.ch('v');
    ui.press(KeyCode::Enter);
    let parking = item_id(&ui, "停车管理公约");
    roll_call(&mut ui, parking, |i| if i % 9 == 4 { '3' } else { 'y' });
    ui.ch('E');
    ui.press(KeyCode::Enter);
    assert_eq!(outcome(&ui, parking), "passed");
    ui.press(KeyCode::Esc);

    // The stored outcomes are what the rules give for the stored answers.
    let store = Store::open(&ui.db).expect("reopen");
    for item in [elevator, gate, parking] {
        let rec = store.item(item).expect("item");
        let ballots = store.ballots(item).expect("ballots");
        let el: Vec<_> = ballots
            .iter()
            .map(|b| yishi::domain::rules::Eligible {
                voter_id: b.voter_id,
                area: b.area,
                present: b.present,
                choice: b.choice,
            })
            .collect();
        let expected = yishi::domain::rules::evaluate(&rec.rule, &el);
        let (_, _, stored) = store.closure(item).expect("closure").expect("closed");
        assert_eq!(stored, expected);
    }

    // Adjourn.
    ui.ch('A');
    ui.press(KeyCode::Enter);
    // The demo's earlier meeting is signed (issue 4); this one is now adjourned.
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE status = 'adjourned'"),
        1
    );
    assert!(ui.sees("会议纪要"), "{}", ui.screen());
    assert!(ui.sees("尚未签署完成"), "{}", ui.screen());

    // The secretary's summary, then the two signatures; a wrong passphrase signs nothing.
    ui.ch('s');
    ui.keys("电梯议案通过，门禁升级未通过，停车公约通过。");
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE summary LIKE '电梯议案通过%'"),
        1
    );
    ui.ch('g');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("not-the-passphrase");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("口令"), "a clear message: {}", ui.screen());
    // The wrong passphrase is blanked with the message (issue 15), not left to retry.
    assert!(!ui.sees(&"*".repeat(18)), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert_eq!(ui.count("SELECT count(*) FROM signatures s JOIN meetings m ON m.id = s.meeting_id WHERE m.status = 'adjourned'"), 0);
    ui.ch('g');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("wangcheng-host-2026");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("还需签署"), "{}", ui.screen());
    // The record is fixed after the first signature: `s` says so before any form
    // opens; withdrawing the signature gives the way back.
    ui.ch('s');
    assert!(
        ui.sees("会议小结不能再修改"),
        "refused at once: {}",
        ui.screen()
    );
    ui.keys("补充");
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE summary LIKE '%补充'"),
        0
    );
    ui.ch('W');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("签署已撤回"), "{}", ui.screen());
    assert_eq!(ui.count("SELECT count(*) FROM signatures s JOIN meetings m ON m.id = s.meeting_id WHERE m.status = 'adjourned'"), 0);
    ui.ch('g');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("wangcheng-host-2026");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("还需签署"), "{}", ui.screen());
    ui.ch('g');
    assert!(
        ui.sees("李秀英"),
        "the secretary is proposed next: {}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("wangcheng-secretary-2026");
    ui.press(KeyCode::Enter);
    assert!(ui.sees("已锁定"), "{}", ui.screen());
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE status = 'signed'"),
        2
    );
    assert!(ui.sees("有效"), "{}", ui.screen());
}

#[test]
fn the_demo_meeting_speaks_english() {
    let mut ui = Ui::demo(Lang::En, 100, 30);
    assert!(ui.sees("Home: communities and meetings"));
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("Attendance and quorum"), "{}", ui.screen());
    // The whole roll call first: a vote cannot start before it.
    for _ in 0..38 {
        ui.ch('p');
    }
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    ui.ch('v');
    ui.press(KeyCode::Enter);
    assert!(ui.sees("Roll-call vote"), "{}", ui.screen());
    ui.ch('y');
    assert!(ui.sees("Yes"));
    ui.press(KeyCode::F(1));
    assert!(
        ui.sees("Help: keys on this screen") && ui.sees("call again"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::F(2));
    assert!(ui.sees("(so far)"), "room view: {}", ui.screen());
}

#[test]
fn the_cursor_sits_after_chinese_text() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.press(KeyCode::Enter);
    ui.ch('a');
    assert!(ui.sees("添加议题"));
    let start = ui.term.get_cursor_position().expect("cursor");
    ui.keys("电梯a");
    let after = ui.term.get_cursor_position().expect("cursor");
    assert_eq!(after.x, start.x + 5, "电梯 is 4 columns, a is 1");
    assert_eq!(after.y, start.y);
    ui.press(KeyCode::Left);
    assert_eq!(
        ui.term.get_cursor_position().expect("cursor").x,
        start.x + 4
    );
    // Pasted text arrives whole, control sequences removed.
    ui.app
        .handle_event(crossterm::event::Event::Paste("大门\u{1b}[31m".into()));
    ui.draw();
    assert_eq!(
        ui.term.get_cursor_position().expect("cursor").x,
        start.x + 8
    );
}

#[test]
fn works_at_80x24_and_says_when_too_small() {
    let mut ui = Ui::demo(Lang::Zh, 80, 24);
    assert!(ui.sees("望城小区") && !ui.sees("窗口太小"));
    ui.press(KeyCode::Enter);
    ui.ch('o');
    ui.press(KeyCode::Enter);
    ui.ch('p');
    assert!(ui.sees("出席与法定人数"));
    ui.term.backend_mut().resize(60, 20);
    ui.term
        .resize(ratatui::layout::Rect::new(0, 0, 60, 20))
        .expect("resize");
    ui.draw();
    assert!(ui.sees("窗口太小"), "{}", ui.screen());
    // Keys do nothing while the screen cannot be seen: nothing is recorded unseen.
    let before = ui.count("SELECT count(*) FROM presence_events");
    ui.ch('p');
    ui.ch('a');
    ui.press(KeyCode::Esc);
    assert_eq!(ui.count("SELECT count(*) FROM presence_events"), before);
    ui.term.backend_mut().resize(80, 24);
    ui.term
        .resize(ratatui::layout::Rect::new(0, 0, 80, 24))
        .expect("resize");
    ui.draw();
    assert!(ui.sees("出席人数：1 / 38"), "{}", ui.screen());
    assert!(
        ui.sees("出席与法定人数"),
        "still on attendance: Esc was ignored"
    );
    ui.ch('p');
    assert!(ui.sees("出席人数：2 / 38"), "{}", ui.screen());
}

#[test]
fn the_action_board_changes_status_with_a_note_and_keeps_history() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('b');
    assert!(
        ui.sees("决议待办事项") && ui.sees("采购并安装东门电动伸缩门"),
        "{}",
        ui.screen()
    );
    ui.ch('s');
    // Without a note the change is refused and the form stays open.
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Enter);
    assert!(ui.sees("更改状态须填写简短说明"), "{}", ui.screen());
    ui.keys("已签订安装合同");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM action_items WHERE status = 'doing'"),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM action_history WHERE note = '已签订安装合同' AND status = 'doing'"
        ),
        1
    );
    // The history panel (right of "││") read as one text: a Chinese note may wrap
    // between any two characters.
    let panel: String = ui
        .screen()
        .lines()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(_, r)| r.trim_end_matches('│').trim_end().to_string())
        })
        .collect();
    assert!(
        panel.contains("已签订安装合同"),
        "history shown: {}",
        ui.screen()
    );
}

#[test]
fn the_gate_decision_is_found_read_verified_and_its_notice_exported() {
    let mut ui = Ui::demo(Lang::Zh, 100, 30);
    ui.ch('a');
    assert!(ui.sees("档案：历次会议"), "{}", ui.screen());
    // Keystrokes from here: / 大 门 Enter Enter n Enter (the path is typed separately here
    // only so that the test writes into its temporary folder).
    ui.ch('/');
    ui.keys("大门");
    ui.press(KeyCode::Enter);
    assert!(
        ui.sees("共 1 次会议") && ui.sees("已签署·有效"),
        "{}",
        ui.screen()
    );
    assert!(
        ui.sees("安装小区大门"),
        "the matching line is shown: {}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    assert!(ui.sees("有效") && ui.sees("会议纪要"), "{}", ui.screen());
    // Opened at the gate item, not at the top.
    assert!(
        ui.sees("大门") && !ui.sees("- 小区：望城小区"),
        "{}",
        ui.screen()
    );
    ui.ch('n');
    let out = ui._dir.path().join("gate-notice.html");
    ui.ctrl('u');
    ui.keys(&out.display().to_string());
    ui.press(KeyCode::Enter);
    let html = std::fs::read_to_string(&out).expect("notice written");
    assert!(
        html.contains("安装小区大门") && html.contains("<html"),
        "{html}"
    );
    assert!(
        !html.contains("黄小明") && !html.contains("李玉梅"),
        "names are masked in the notice"
    );
    assert!(ui.sees("已导出到"), "{}", ui.screen());
}

#[test]
fn the_archive_filters_combine() {
    let mut ui = Ui::demo(Lang::En, 100, 30);
    ui.ch('a');
    assert!(ui.sees("1 meetings"), "{}", ui.screen());
    ui.ch('f');
    // community (any), kind → next choice…, then outcome = failed
    for _ in 0..5 {
        ui.press(KeyCode::Tab);
    }
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Right);
    ui.ctrl('s');
    assert!(
        ui.sees("NOT PASSED") && ui.sees("1 meetings"),
        "the road widening failed: {}",
        ui.screen()
    );
    ui.ch('f');
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    ui.keys("2027-01-01");
    ui.ctrl('s');
    assert!(
        ui.sees("0 meetings") && ui.sees("No meeting matches"),
        "{}",
        ui.screen()
    );
    ui.ch('0');
    assert!(ui.sees("1 meetings"));
}

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
