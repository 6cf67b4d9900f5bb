//! The program's state and its one `update`: keys become commands, commands become store
//! calls, and the screen shows only what the store has committed.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::form::{self, Form};
use super::keymap::{self, Act, Binding};
use super::screens::{
    actions, agenda, archive, attendance, home, item, minutes, prepare, roster, vote,
};
use crate::store::{Store, StoreError};
use crate::strings::{Lang, Tr, ui as s};

pub enum View {
    Home(home::Home),
    Roster(roster::Roster),
    Prepare(prepare::Prepare),
    Attendance(attendance::Attendance),
    Agenda(agenda::Agenda),
    Item(item::ItemView),
    Vote(vote::Vote),
    Minutes(minutes::Minutes),
    Actions(actions::Actions),
    Archive(archive::Archive),
}

/// An action that waits for the user's confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    RemoveItem(i64),
    OpenMeeting(i64),
    Adjourn(i64),
    StartVote(i64),
    FinishItem(i64),
    CloseVote(i64),
    Resume(i64),
    Withdraw(i64),
    /// Change a recorded answer (the confirmation named the voter, old and new answer).
    Correct {
        item: i64,
        voter: i64,
        choice: crate::domain::model::Choice,
    },
}

pub struct Confirm {
    pub text: String,
    pub then: Pending,
}

pub enum Overlay {
    Help,
    Confirm(Confirm),
    Form(Form),
}

pub struct Msg {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub store: Store,
    pub lang: Lang,
    pub views: Vec<View>,
    pub overlay: Option<Overlay>,
    pub msg: Option<Msg>,
    /// The projector's high-contrast view of the current item.
    pub room: bool,
    pub quit: bool,
    /// Width of the text field being edited, for cursor movement (set when drawing).
    pub field_width: usize,
    /// The window is below the smallest size and shows only the "too small" notice:
    /// every key but quit is ignored, so nothing is recorded that nobody could see
    /// (set when drawing and on each resize).
    pub too_small: bool,
}

impl App {
    pub fn new(store: Store, lang: Lang) -> App {
        let mut app = App {
            store,
            lang,
            views: Vec::new(),
            overlay: None,
            msg: None,
            room: false,
            quit: false,
            field_width: 40,
            too_small: false,
        };
        let home = home::Home::load(&app);
        app.views.push(View::Home(home));
        if app.store.read_only() {
            app.info(s::READ_ONLY.get(lang).to_string());
        }
        // A meeting left open (quit, crash, kill -9) is offered first.
        if let Ok(Some(m)) = app.store.running_meeting() {
            app.overlay = Some(Overlay::Confirm(Confirm {
                text: format!(
                    "{}「{}」。{}",
                    s::RESUME.get(lang),
                    crate::domain::text::clean_line(&m.title),
                    s::RESUME_Q.get(lang)
                ),
                then: Pending::Resume(m.id),
            }));
        }
        app
    }

    pub fn t(&self, tr: Tr) -> &'static str {
        tr.get(self.lang)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.msg = Some(Msg {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, e: impl std::fmt::Display) {
        self.msg = Some(Msg {
            text: e.to_string(),
            error: true,
        });
    }

    /// Run a store call; an error becomes the message line, never a crash.
    pub fn store_do<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Option<T> {
        match f(&mut self.store) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(crate::strings::store_error(self.lang, &e));
                None
            }
        }
    }

    pub fn view(&self) -> &View {
        // The stack is never empty: Home is at the bottom and Back stops there.
        &self.views[self.views.len() - 1]
    }

    pub fn view_mut(&mut self) -> &mut View {
        let n = self.views.len() - 1;
        &mut self.views[n]
    }

    pub fn push(&mut self, v: View) {
        self.views.push(v);
    }

    /// Leave the current screen and reload the one below (it may show changed data).
    pub fn back(&mut self) {
        if self.views.len() > 1 {
            self.views.pop();
            self.refresh();
        }
    }

    /// Reload the current screen's data from the store.
    pub fn refresh(&mut self) {
        let n = self.views.len() - 1;
        let mut v = std::mem::replace(&mut self.views[n], View::Home(home::Home::empty()));
        match &mut v {
            View::Home(h) => h.reload(self),
            View::Roster(r) => r.reload(self),
            View::Prepare(p) => p.reload(self),
            View::Attendance(a) => a.reload(self),
            View::Agenda(a) => a.reload(self),
            View::Item(i) => i.reload(self),
            View::Vote(v) => v.reload(self),
            View::Minutes(m) => m.reload(self),
            View::Actions(a) => a.reload(self),
            View::Archive(a) => a.reload(self),
        }
        self.views[n] = v;
    }

    /// The keys of the current screen.
    pub fn keymap(&self) -> &'static [Binding] {
        match self.view() {
            View::Home(_) => keymap::HOME,
            View::Roster(_) => keymap::ROSTER,
            View::Prepare(_) => keymap::PREPARE,
            View::Attendance(_) => keymap::ATTENDANCE,
            View::Agenda(_) => keymap::AGENDA,
            View::Item(_) => keymap::ITEM,
            View::Vote(v) if v.outcome.is_some() => keymap::OUTCOME,
            View::Vote(v) if v.on_absent() => keymap::VOTE_ABSENT,
            View::Vote(_) => keymap::VOTE,
            View::Minutes(m)
                if m.meeting
                    .as_ref()
                    .is_some_and(|m| m.status == crate::domain::model::MeetingStatus::Signed) =>
            {
                keymap::MINUTES_SIGNED
            }
            View::Minutes(_) => keymap::MINUTES,
            View::Actions(_) => keymap::BOARD,
            View::Archive(_) => keymap::ARCHIVE,
        }
    }

    /// Whether the room view applies (a meeting screen is showing).
    pub fn room_applies(&self) -> bool {
        matches!(
            self.view(),
            View::Agenda(_) | View::Item(_) | View::Vote(_) | View::Attendance(_)
        )
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            // Windows also reports releases: act on presses only.
            Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => {
                self.handle_key(k)
            }
            Event::Resize(w, h) => self.too_small = super::too_small(w, h),
            Event::Paste(_) if self.too_small => {}
            Event::Paste(text) => {
                if let Some(Overlay::Form(f)) = &mut self.overlay {
                    f.paste(&text);
                }
            }
            _ => {}
        }
    }

    pub fn handle_key(&mut self, k: KeyEvent) {
        if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.too_small {
            // Only quitting acts while the screen cannot be seen (nor ? for help, nor
            // a key typed into a hidden form).
            if self.overlay.is_none() && keymap::lookup(self.keymap(), &k) == Some(Act::Quit) {
                self.quit = true;
            }
            return;
        }
        match self.overlay.take() {
            Some(Overlay::Help) => {}
            Some(Overlay::Confirm(c)) => {
                let k = keymap::normalize(k);
                match k.code {
                    KeyCode::Enter | KeyCode::Char('y') | KeyCode::Char('Y') => {
                        self.confirmed(c.then)
                    }
                    KeyCode::Esc | KeyCode::Char('n') | KeyCode::Char('N') => {}
                    _ => self.overlay = Some(Overlay::Confirm(c)),
                }
            }
            Some(Overlay::Form(mut f)) => match f.key(&k, self.field_width) {
                form::Outcome::Editing => self.overlay = Some(Overlay::Form(f)),
                form::Outcome::Cancel => {}
                form::Outcome::Submit => {
                    if let Err(e) = form::submit(self, &f) {
                        // Keep what was typed: the form stays open with the reason.
                        f.error = Some(e);
                        self.overlay = Some(Overlay::Form(f));
                    }
                }
            },
            None => {
                self.msg = None;
                if let Some(act) = keymap::lookup(self.keymap(), &k) {
                    self.act(act);
                }
            }
        }
    }

    fn act(&mut self, act: Act) {
        match act {
            Act::Quit => self.quit = true,
            Act::Help => self.overlay = Some(Overlay::Help),
            Act::Lang => {
                self.lang = if self.lang == Lang::Zh {
                    Lang::En
                } else {
                    Lang::Zh
                };
                self.refresh();
            }
            Act::Room if self.room_applies() => self.room = !self.room,
            Act::Back if self.room => self.room = false,
            _ => {
                let n = self.views.len() - 1;
                let mut v = std::mem::replace(&mut self.views[n], View::Home(home::Home::empty()));
                let outcome = match &mut v {
                    View::Home(h) => h.on(self, act),
                    View::Roster(r) => r.on(self, act),
                    View::Prepare(p) => p.on(self, act),
                    View::Attendance(a) => a.on(self, act),
                    View::Agenda(a) => a.on(self, act),
                    View::Item(i) => i.on(self, act),
                    View::Vote(vv) => vv.on(self, act),
                    View::Minutes(m) => m.on(self, act),
                    View::Actions(a) => a.on(self, act),
                    View::Archive(a) => a.on(self, act),
                };
                self.views[n] = v;
                self.follow(outcome);
            }
        }
    }

    /// Apply what a screen asked for after handling a command.
    pub fn follow(&mut self, nav: Nav) {
        match nav {
            Nav::Stay => {}
            Nav::Back => self.back(),
            Nav::Push(v) => self.push(*v),
            Nav::Replace(v) => {
                self.views.pop();
                self.push(*v);
            }
            Nav::Ask(text, then) => self.overlay = Some(Overlay::Confirm(Confirm { text, then })),
            Nav::Form(f) => self.overlay = Some(Overlay::Form(*f)),
        }
    }

    fn confirmed(&mut self, p: Pending) {
        let nav = match p {
            Pending::RemoveItem(id) => {
                if self.store_do(|st| st.remove_item(id)).is_some() {
                    self.refresh();
                }
                Nav::Stay
            }
            Pending::OpenMeeting(m) => {
                if self.store_do(|st| st.start_meeting(m)).is_some() {
                    self.info(self.t(s::MEETING_OPENED));
                    let agenda = agenda::Agenda::load(self, m);
                    let att = attendance::Attendance::load(self, m);
                    self.views.truncate(1);
                    self.refresh();
                    self.push(View::Agenda(agenda));
                    Nav::Push(Box::new(View::Attendance(att)))
                } else {
                    Nav::Stay
                }
            }
            Pending::Adjourn(m) => {
                if self.store_do(|st| st.adjourn(m)).is_some() {
                    self.room = false;
                    self.views.truncate(1);
                    self.refresh();
                    Nav::Push(Box::new(View::Minutes(minutes::Minutes::load(self, m))))
                } else {
                    Nav::Stay
                }
            }
            Pending::StartVote(item) => {
                if self.store_do(|st| st.start_vote(item)).is_some() {
                    Nav::Replace(Box::new(View::Vote(vote::Vote::load(self, item))))
                } else {
                    Nav::Stay
                }
            }
            Pending::FinishItem(item) => {
                if self.store_do(|st| st.finish_discussion(item)).is_some() {
                    Nav::Back
                } else {
                    Nav::Stay
                }
            }
            Pending::CloseVote(item) => {
                if self.store_do(|st| st.close_vote(item)).is_some() {
                    self.refresh();
                }
                Nav::Stay
            }
            Pending::Resume(m) => agenda::resume(self, m),
            Pending::Correct {
                item,
                voter,
                choice,
            } => {
                if self
                    .store_do(|st| st.correct_answer(item, voter, choice, Some(voter)))
                    .is_some()
                {
                    self.refresh();
                }
                Nav::Stay
            }
            Pending::Withdraw(m) => {
                if self.store_do(|st| st.withdraw_signatures(m)).is_some() {
                    self.refresh();
                    self.info(self.t(s::WITHDRAWN));
                }
                Nav::Stay
            }
        };
        self.follow(nav);
    }
}

/// What a screen asks the app to do after a command.
pub enum Nav {
    Stay,
    Back,
    Push(Box<View>),
    Replace(Box<View>),
    Ask(String, Pending),
    Form(Box<Form>),
}
