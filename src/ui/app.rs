//! The program's state and its one `update`: keys become commands, commands go to the
//! screen on top, and the `Nav` it answers is the only change to the view stack. The
//! screen shows only what the store has committed.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::store::Store;
use crate::strings::{Lang, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::form::{self, Form};
use crate::ui::keys::dialog;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::{Ask, Nav};
use crate::ui::resume;
use crate::ui::route::Route;
use crate::ui::screen::Screen;
use crate::ui::screens::home;
use crate::ui::screens::open::open;

/// The smallest window the screens are laid out for.
pub const MIN_W: u16 = 80;
pub const MIN_H: u16 = 24;

/// Whether a window of this size shows only the "too small" notice.
pub fn too_small(w: u16, h: u16) -> bool {
    w < MIN_W || h < MIN_H
}

/// The keys of a question: only Enter confirms one asked where y is an answer.
pub fn confirm_keys(ask: &Ask) -> &'static [Binding] {
    if ask.enter_only {
        dialog::CONFIRM_ENTER
    } else {
        dialog::CONFIRM
    }
}

pub enum Overlay {
    Help,
    Confirm(Ask),
    Form(Box<Form<Nav>>),
    /// Esc on a changed form: discard it, or keep editing (the form comes back).
    Discard(Box<Form<Nav>>),
}

pub struct App {
    pub ctx: Ctx,
    /// Never empty: Home is at the bottom and Back stops there.
    stack: Vec<Box<dyn Screen>>,
    pub overlay: Option<Overlay>,
    pub quit: bool,
    /// The window is below the smallest size and shows only the "too small" notice:
    /// every key but quit is ignored, so nothing is recorded that nobody could see
    /// (noted when drawing, a `Cell` so drawing changes no state, and on each resize).
    pub too_small: std::cell::Cell<bool>,
}

impl App {
    pub fn new(store: Store, lang: Lang) -> App {
        let mut ctx = Ctx {
            store,
            lang,
            msg: None,
            room: false,
        };
        if ctx.store.read_only() {
            ctx.info(s::READ_ONLY.get(lang).to_string());
        }
        let home = home::Home::new(&mut ctx);
        let mut app = App {
            ctx,
            stack: vec![Box::new(home)],
            overlay: None,
            quit: false,
            too_small: std::cell::Cell::new(false),
        };
        // Drafts kept by an earlier run are told; each is offered in its own form.
        if let Some(n) = app.ctx.store_do(|st| st.draft_count())
            && n > 0
            && app.ctx.msg.is_none()
        {
            app.ctx.info(crate::strings::forms::drafts_kept(lang, n));
        }
        // A meeting left open (quit, crash, kill -9) is offered first.
        if let Some(Some(m)) = app.ctx.store_do(|st| st.running_meeting()) {
            let id = m.id;
            app.overlay = Some(Overlay::Confirm(Ask {
                question: format!(
                    "{}「{}」。{}",
                    s::RESUME.get(lang),
                    crate::domain::text::clean_line(&m.title),
                    s::RESUME_Q.get(lang)
                ),
                then: Box::new(move |ctx: &mut Ctx| resume::resume(ctx, id)),
                enter_only: false,
            }));
        }
        app
    }

    /// The screen on top.
    pub fn top(&self) -> &dyn Screen {
        // The stack is never empty (see `stack`).
        self.stack[self.stack.len() - 1].as_ref()
    }

    /// Reload the screen on top; a failed read is told on the message line.
    fn refresh(&mut self) {
        let n = self.stack.len() - 1;
        if let Err(e) = self.stack[n].reload(&self.ctx) {
            let text = self.ctx.say(&e);
            self.ctx.error(text);
        }
    }

    /// The keys of the current screen.
    pub fn keymap(&self) -> &'static [Binding] {
        self.top().keys()
    }

    /// Whether the room view applies (a meeting screen is showing).
    pub fn room_applies(&self) -> bool {
        self.top().has_room()
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            // Windows also reports releases: act on presses only.
            Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => {
                self.handle_key(k)
            }
            Event::Resize(w, h) => self.too_small.set(too_small(w, h)),
            Event::Paste(_) if self.too_small.get() => {}
            Event::Paste(text) => {
                if let Some(Overlay::Form(f)) = &mut self.overlay {
                    f.paste(&text, self.ctx.lang);
                    crate::ui::drafts::keep(&mut self.ctx, f);
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
        if self.too_small.get() {
            // Only quitting acts while the screen cannot be seen (nor ? for help, nor
            // a key typed into a hidden form).
            if self.overlay.is_none() && keys::lookup(self.keymap(), &k) == Some(Act::Quit) {
                self.quit = true;
            }
            return;
        }
        match self.overlay.take() {
            Some(Overlay::Help) => {}
            Some(Overlay::Confirm(c)) => match dialog::answer(confirm_keys(&c), &k) {
                Some(Act::Yes) => {
                    let nav = (c.then)(&mut self.ctx);
                    self.follow(nav);
                }
                Some(Act::No) => {}
                _ => self.overlay = Some(Overlay::Confirm(c)),
            },
            Some(Overlay::Discard(f)) => match dialog::answer(dialog::DISCARD, &k) {
                Some(Act::Yes) => {
                    crate::ui::drafts::forget(&mut self.ctx, &f);
                    self.ctx
                        .info(crate::strings::forms::DISCARDED.get(self.ctx.lang));
                }
                Some(Act::No) => self.overlay = Some(Overlay::Form(f)),
                _ => self.overlay = Some(Overlay::Discard(f)),
            },
            Some(Overlay::Form(mut f)) => match f.key(&k, self.ctx.lang) {
                form::Outcome::Editing => {
                    crate::ui::drafts::keep(&mut self.ctx, &mut f);
                    self.overlay = Some(Overlay::Form(f))
                }
                form::Outcome::Cancel if f.asks_to_discard() => {
                    self.overlay = Some(Overlay::Discard(f))
                }
                form::Outcome::Cancel => {}
                form::Outcome::Submit => {
                    let done = f.submit(&mut self.ctx).and_then(|nav| self.deliver(nav));
                    match done {
                        Ok(nav) => {
                            crate::ui::drafts::forget(&mut self.ctx, &f);
                            self.follow(nav)
                        }
                        Err(e) => {
                            // Keep what was typed: the form stays open with the reason
                            // (a wrong passphrase is blanked, never left to retry).
                            if crate::ui::drafts::wrong_passphrase(&e) {
                                f.clear_masked();
                            }
                            f.error = Some(self.ctx.say(&e));
                            self.overlay = Some(Overlay::Form(f));
                        }
                    }
                }
            },
            None => {
                self.ctx.msg = None;
                if let Some(act) = keys::lookup(self.keymap(), &k) {
                    self.act(act);
                }
            }
        }
    }

    /// A form's value for the screen on top is handed to it before the form closes, so
    /// its refusal keeps the form open.
    fn deliver(&mut self, nav: Nav) -> Result<Nav, crate::store::StoreError> {
        match nav {
            Nav::Deliver(v) => {
                let n = self.stack.len() - 1;
                self.stack[n].deliver(&mut self.ctx, v)
            }
            other => Ok(other),
        }
    }

    fn act(&mut self, act: Act) {
        match act {
            Act::Quit => self.quit = true,
            Act::Help => self.overlay = Some(Overlay::Help),
            Act::Lang => {
                self.ctx.lang = if self.ctx.lang == Lang::Zh {
                    Lang::En
                } else {
                    Lang::Zh
                };
                self.refresh();
            }
            Act::Room if self.room_applies() => self.ctx.room = !self.ctx.room,
            Act::Back if self.ctx.room => self.ctx.room = false,
            _ => {
                let n = self.stack.len() - 1;
                let nav = self.stack[n].on(&mut self.ctx, act);
                self.follow(nav);
            }
        }
    }

    /// Home, reloaded, under the screens of `routes` (each loaded before Home is, as the
    /// path that asked for them read the store first).
    fn reset(&mut self, routes: Vec<Route>) {
        let screens: Vec<Box<dyn Screen>> =
            routes.into_iter().map(|r| open(&mut self.ctx, r)).collect();
        self.stack.truncate(1);
        self.refresh();
        self.stack.extend(screens);
    }

    /// Apply what a screen asked for after handling a command.
    fn follow(&mut self, nav: Nav) {
        match nav {
            Nav::Stay => {}
            Nav::Reload => self.refresh(),
            Nav::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                    self.refresh();
                }
            }
            Nav::Open(route) => {
                let screen = open(&mut self.ctx, route);
                self.stack.push(screen);
            }
            Nav::Replace(route) => {
                let screen = open(&mut self.ctx, route);
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
                self.stack.push(screen);
            }
            Nav::Reset(routes) => self.reset(routes),
            Nav::Ask(ask) => self.overlay = Some(Overlay::Confirm(ask)),
            // A form that changes the record is not opened on a file open read-only:
            // refused before anything is typed, not at the save.
            Nav::Form(f) if self.ctx.store.read_only() && f.changes => {
                let text = self.ctx.say(&crate::store::StoreError::ReadOnly);
                self.ctx.error(text);
            }
            Nav::Form(mut f) => {
                crate::ui::drafts::offer(&mut self.ctx, &mut f);
                self.overlay = Some(Overlay::Form(f))
            }
            // A screen's own value for itself, outside a form: its refusal is told.
            Nav::Deliver(v) => match self.deliver(Nav::Deliver(v)) {
                Ok(nav) => self.follow(nav),
                Err(e) => {
                    let text = self.ctx.say(&e);
                    self.ctx.error(text);
                }
            },
        }
    }
}

/// The app lends its context to whoever holds it (the event loop, tests, the bench).
impl std::ops::Deref for App {
    type Target = Ctx;
    fn deref(&self) -> &Ctx {
        &self.ctx
    }
}

impl std::ops::DerefMut for App {
    fn deref_mut(&mut self) -> &mut Ctx {
        &mut self.ctx
    }
}
