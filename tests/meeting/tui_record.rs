//! The record is right, on the screen (issue 10, found items 1, 2, 3, 6, 7): each test
//! presses keys on ratatui's TestBackend over the demo and checks both what the screen
//! says and what the database holds.

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
    frame: ratatui::buffer::Buffer,
    db: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Ui {
    fn demo(w: u16, h: u16) -> Ui {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("demo.db");
        let mut store = Store::open(&db).expect("open");
        yishi::demo::install(&mut store).expect("demo");
        let app = App::new(store, Lang::Zh);
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
        self.app.handle_key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
        self.draw();
    }

    fn ch(&mut self, c: char) {
        self.press(KeyCode::Char(c));
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.term.backend_mut().resize(w, h);
        self.term
            .resize(ratatui::layout::Rect::new(0, 0, w, h))
            .expect("resize");
        self.app.handle_event(crossterm::event::Event::Resize(w, h));
        self.draw();
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

    fn count(&self, sql: &str) -> i64 {
        Connection::open(&self.db)
            .expect("db")
            .query_row(sql, [], |r| r.get(0))
            .expect(sql)
    }

    fn text(&self, sql: &str) -> String {
        Connection::open(&self.db)
            .expect("db")
            .query_row(sql, [], |r| r.get(0))
            .expect(sql)
    }

    /// Open the demo's draft meeting: the attendance screen.
    fn open_meeting(&mut self) {
        self.press(KeyCode::Enter);
        self.ch('o');
        self.press(KeyCode::Enter);
        assert!(self.sees("出席与法定人数"), "{}", self.screen());
    }

    /// The roll call at the door: every owner present, but the last one absent.
    fn attendance_last_absent(&mut self) {
        let owners = self.count("SELECT count(DISTINCT voter_id) FROM holdings");
        for _ in 0..owners - 1 {
            self.ch('p');
        }
        self.ch('x');
        self.press(KeyCode::Tab);
        assert!(self.sees("议程"), "{}", self.screen());
    }

    /// From the agenda (cursor on the follow-up), the elevator item's screen.
    fn elevator_item(&mut self) {
        self.press(KeyCode::Down);
        self.press(KeyCode::Enter);
        assert!(self.sees("议题 2："), "{}", self.screen());
    }

    /// From the agenda (cursor on the follow-up), start the vote on the elevator item.
    fn start_elevator_vote(&mut self) -> i64 {
        self.elevator_item();
        self.ch('v');
        self.press(KeyCode::Enter);
        assert!(self.sees("唱票表决"), "{}", self.screen());
        self.count("SELECT id FROM agenda_items WHERE title = '3栋2单元加装电梯'")
    }
}

/// Found item 1: an absent voter's answer was accepted; a vote could start before any
/// attendance was taken.
#[test]
fn an_absent_row_refuses_an_answer_and_offers_the_arrival() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.attendance_last_absent();
    let item = ui.start_elevator_vote();
    let absent = ui.count(&format!(
        "SELECT voter_id FROM vote_eligible WHERE item_id = {item} AND present = 0"
    ));
    let n = ui.count(&format!(
        "SELECT count(*) FROM vote_eligible WHERE item_id = {item}"
    ));
    // The last row is the absent voter.
    ui.press(KeyCode::End);
    assert!(ui.sees("缺席·先签到"), "the row says why: {}", ui.screen());
    assert!(
        ui.sees("登记到场"),
        "the key bar offers the arrival: {}",
        ui.screen()
    );
    ui.ch('y');
    assert!(ui.sees("缺席：不能表决"), "{}", ui.screen());
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {item} AND voter_id = {absent}"
        )),
        0,
        "nothing recorded for the absent voter"
    );
    // Record the arrival, then the answer is taken.
    ui.ch('i');
    assert!(ui.sees("已登记到场"), "{}", ui.screen());
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM presence_events WHERE voter_id = {absent} AND kind = 'arrive'"
        )),
        1
    );
    ui.ch('y');
    assert_eq!(
        ui.text(&format!(
            "SELECT choice FROM votes WHERE item_id = {item} AND voter_id = {absent}"
        )),
        "yes"
    );
    assert!(n > 1);
}

#[test]
fn a_vote_before_attendance_says_why_and_starts_nothing() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.press(KeyCode::Tab);
    ui.elevator_item();
    ui.ch('v');
    assert!(ui.sees("尚未完成签到"), "{}", ui.screen());
    // No confirmation was asked: Enter does not start it either.
    ui.press(KeyCode::Enter);
    assert!(!ui.sees("唱票表决"), "{}", ui.screen());
    assert_eq!(
        ui.count("SELECT count(*) FROM vote_eligible WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id NOT IN (SELECT meeting_id FROM written_meetings))"),
        ui.count(
            "SELECT count(*) FROM vote_eligible e JOIN agenda_items i ON i.id = e.item_id
         JOIN meetings m ON m.id = i.meeting_id WHERE m.status = 'signed'"
        ),
        "no frozen list for the open meeting"
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM agenda_items WHERE status = 'voting' AND meeting_id NOT IN (SELECT meeting_id FROM written_meetings)"),
        0
    );
    // The message says "按 t": t there opens attendance, and Esc comes back to the item.
    ui.ch('v');
    assert!(ui.sees("按 t"), "{}", ui.screen());
    ui.ch('t');
    assert!(ui.sees("签到："), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert!(ui.sees("议题 2："), "{}", ui.screen());
}

/// At 80 columns the item's rule and scope do not fit one line: the scope goes on its
/// own instead of being cut at the border ("范围：3栋2单").
#[test]
fn a_narrow_item_view_shows_the_whole_scope() {
    let mut ui = Ui::demo(80, 24);
    ui.open_meeting();
    ui.press(KeyCode::Tab);
    ui.elevator_item();
    assert!(ui.sees("规则：加装电梯"), "{}", ui.screen());
    assert!(ui.sees("范围：3栋2单元"), "{}", ui.screen());
}

/// Found item 2: a recorded answer was overwritten silently; undo left the voter blank.
#[test]
fn changing_an_answer_asks_naming_voter_old_and_new_and_undo_restores_it() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.attendance_last_absent();
    let item = ui.start_elevator_vote();
    let (voter, name): (i64, String) = Connection::open(&ui.db)
        .unwrap()
        .query_row(
            &format!(
                "SELECT voter_id, name FROM vote_eligible WHERE item_id = {item} AND position = 2"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let choice = |ui: &Ui| {
        ui.text(&format!(
            "SELECT coalesce((SELECT choice FROM votes WHERE item_id = {item} AND voter_id = {voter}), '')"
        ))
    };
    for _ in 0..3 {
        ui.ch('y');
    }
    assert_eq!(choice(&ui), "yes");
    // g 3 Enter n: a confirmation naming the voter, the old and the new answer.
    ui.ch('g');
    ui.ch('3');
    ui.press(KeyCode::Enter);
    ui.ch('n');
    assert!(
        ui.sees(&format!("更正 {name} 的表决：同意 → 反对")),
        "{}",
        ui.screen()
    );
    assert_eq!(choice(&ui), "yes", "nothing changes before the yes");
    // A y (meant for the next voter) does not confirm it: only Enter does.
    ui.ch('y');
    assert_eq!(choice(&ui), "yes");
    assert!(ui.sees("更正"), "still asking: {}", ui.screen());
    ui.press(KeyCode::Enter);
    assert_eq!(choice(&ui), "no");
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM vote_corrections WHERE item_id = {item} AND voter_id = {voter}
             AND from_choice = 'yes' AND to_choice = 'no'"
        )),
        1,
        "stored as a correction event"
    );
    // Undo reverts exactly the change: 同意 again, not blank.
    ui.press(KeyCode::Backspace);
    assert_eq!(choice(&ui), "yes");
    assert_eq!(ui.count("SELECT count(*) FROM vote_corrections"), 0);
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {item}"
        )),
        3
    );
    // Declining the confirmation changes nothing.
    ui.ch('g');
    ui.ch('3');
    ui.press(KeyCode::Enter);
    ui.ch('a');
    ui.ch('n');
    assert_eq!(choice(&ui), "yes");
}

/// Opening a meeting on another day than it was called for says so in the question.
#[test]
fn opening_a_meeting_on_another_day_says_so() {
    let mut ui = Ui::demo(100, 30);
    let starts =
        ui.text("SELECT starts_at FROM meetings WHERE status = 'draft' ORDER BY id LIMIT 1");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    ui.press(KeyCode::Enter);
    ui.ch('o');
    assert!(ui.sees("开始会议？"), "{}", ui.screen());
    let noted = ui.sees(&format!("注意：本会议定于 {starts}"));
    assert_eq!(noted, !starts.starts_with(&today), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert_eq!(ui.count("SELECT count(*) FROM meetings WHERE status = 'open' AND id NOT IN (SELECT meeting_id FROM written_meetings)"), 0);
}

/// Closing a roll call is confirmed by Enter only: y is "同意" on this screen, pressed
/// again and again, and a y after a stray E closed the vote with voters still waiting.
/// The question says how many present voters have not answered.
#[test]
fn closing_a_roll_call_is_not_confirmed_by_y() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.attendance_last_absent();
    let item = ui.start_elevator_vote();
    ui.ch('y');
    let status = |ui: &Ui| {
        ui.text(&format!(
            "SELECT status FROM agenda_items WHERE id = {item}"
        ))
    };
    ui.ch('E');
    assert!(ui.sees("人未作答"), "{}", ui.screen());
    assert!(ui.sees("Enter 确定   Esc/n 取消"), "{}", ui.screen());
    ui.ch('y');
    ui.ch('Y');
    ui.ch('ｙ');
    assert_eq!(status(&ui), "voting");
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {item}"
        )),
        1,
        "the y pressed on the question recorded no answer"
    );
    assert!(ui.sees("人未作答"), "still asking: {}", ui.screen());
    ui.press(KeyCode::Enter);
    assert_eq!(status(&ui), "closed");
}

/// Found item 3: keys acted while the "window too small" notice was shown.
#[test]
fn no_key_acts_on_the_too_small_notice() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.attendance_last_absent();
    let item = ui.start_elevator_vote();
    ui.resize(30, 8);
    assert!(ui.sees("窗口太小"), "{}", ui.screen());
    ui.ch('y');
    ui.ch('E');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    ui.resize(100, 30);
    assert!(ui.sees("唱票表决"), "still the roll call: {}", ui.screen());
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {item}"
        )),
        0,
        "nothing recorded that nobody could see"
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM agenda_items WHERE status = 'voting' AND meeting_id NOT IN (SELECT meeting_id FROM written_meetings)"),
        1
    );
    // Back at full size, keys act again.
    ui.ch('y');
    assert_eq!(
        ui.count(&format!(
            "SELECT count(*) FROM votes WHERE item_id = {item}"
        )),
        1
    );
}

/// Found item 6: items never taken up were written as "本议题不表决"; adjourning asked
/// before refusing.
#[test]
fn adjourning_lists_the_items_not_taken_up_and_refuses_at_once_when_impossible() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.attendance_last_absent();
    ui.start_elevator_vote();
    // A vote is open: adjourning is refused at once, no question asked.
    ui.press(KeyCode::Esc);
    if !ui.sees("议程：") {
        ui.press(KeyCode::Esc);
    }
    ui.ch('A');
    assert!(ui.sees("还有表决未结束"), "{}", ui.screen());
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE status = 'open' AND id NOT IN (SELECT meeting_id FROM written_meetings)"),
        1,
        "not adjourned"
    );
    // Close the vote, then adjourn: the confirmation names the items left.
    ui.press(KeyCode::Enter);
    assert!(ui.sees("唱票表决"), "{}", ui.screen());
    ui.ch('E');
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    if !ui.sees("议程：") {
        ui.press(KeyCode::Esc);
    }
    ui.ch('A');
    assert!(
        ui.sees("尚未审议") && ui.sees("停车管理公约"),
        "{}",
        ui.screen()
    );
    // A title that ends in 。 is quoted, not followed by a second 。.
    assert!(!ui.screen().contains("。。"), "{}", ui.screen());
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM meetings WHERE status = 'adjourned'"),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM not_taken_up n JOIN agenda_items i ON i.id = n.item_id
             WHERE i.title IN ('停车管理公约', '小区大门门禁系统升级', '前期决议事项跟进')"
        ),
        3,
        "recorded as not taken up"
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM not_taken_up n JOIN agenda_items i ON i.id = n.item_id
             WHERE i.title = '3栋2单元加装电梯'"
        ),
        0,
        "the item voted on was taken up"
    );
}

/// Found item 7: two votes could be open at once (Esc out of one, v on the next).
#[test]
fn a_second_vote_is_refused_while_one_is_open() {
    let mut ui = Ui::demo(100, 30);
    ui.open_meeting();
    ui.attendance_last_absent();
    ui.start_elevator_vote();
    ui.press(KeyCode::Esc);
    if !ui.sees("议程：") {
        ui.press(KeyCode::Esc);
    }
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Enter);
    ui.ch('v');
    assert!(ui.sees("另一项表决尚未结束"), "{}", ui.screen());
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM agenda_items WHERE status = 'voting' AND meeting_id NOT IN (SELECT meeting_id FROM written_meetings)"),
        1,
        "one vote open at a time"
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM vote_eligible e JOIN agenda_items i ON i.id = e.item_id
             WHERE i.title = '小区大门门禁系统升级'"
        ),
        0
    );
}
