//! What every screen sees and says: the context it acts in (`Ctx`: the store, the
//! language, the message line), the `Screen` trait, and `Nav`, the only way a screen
//! changes the view stack. Screens depend on this module, never on app.rs.

use std::any::Any;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::store::{Store, StoreError};
use crate::strings::{Lang, Tr};
use crate::ui::form::Form;
use crate::ui::keys::{Act, Binding};

pub struct Msg {
    pub text: String,
    pub error: bool,
}

/// The program's shared state, lent to the screen that handles a command.
pub struct Ctx {
    pub store: Store,
    pub lang: Lang,
    pub msg: Option<Msg>,
    /// The projector's high-contrast view of the current item.
    pub room: bool,
}

impl Ctx {
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

    /// A store error as the user's sentence.
    pub fn say(&self, e: &StoreError) -> String {
        crate::strings::store_error(self.lang, e)
    }

    /// Run a store call; an error becomes the message line, never a crash. Reads use it
    /// as writes do, so a failed read is told instead of showing an empty screen.
    pub fn store_do<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Option<T> {
        match f(&mut self.store) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(self.say(&e));
                None
            }
        }
    }
}

/// What runs when the user confirms a question (`Nav::Ask`).
pub type Then = Box<dyn FnOnce(&mut Ctx) -> Nav>;

/// What a screen (or a form, or a confirmed question) asks the app to do.
pub enum Nav {
    Stay,
    /// Reload the current screen from the store.
    Reload,
    /// Leave the current screen; the one below reloads.
    Back,
    Push(Box<dyn Screen>),
    Replace(Box<dyn Screen>),
    /// Back to Home (reloaded), then these screens on top, in order: the paths that
    /// open or resume a meeting, and adjourn one.
    Reset(Vec<Box<dyn Screen>>),
    /// Ask a yes/no question; `Then` runs on yes. `true`: only Enter confirms it, not y
    /// (see `Nav::ask_enter`).
    Ask(String, Then, bool),
    Form(Box<Form>),
    /// Hand a value to the current screen (`Screen::deliver`): a form that changes the
    /// screen's own view (a filter, a jump) rather than the store.
    Deliver(Box<dyn Any>),
}

impl Nav {
    pub fn push(s: impl Screen + 'static) -> Nav {
        Nav::Push(Box::new(s))
    }
    pub fn replace(s: impl Screen + 'static) -> Nav {
        Nav::Replace(Box::new(s))
    }
    pub fn ask(text: String, then: impl FnOnce(&mut Ctx) -> Nav + 'static) -> Nav {
        Nav::Ask(text, Box::new(then), false)
    }
    /// A question only Enter confirms, not y: asked where y is an answer (closing a
    /// roll call), so a host answering quickly cannot confirm it by mistake.
    pub fn ask_enter(text: String, then: impl FnOnce(&mut Ctx) -> Nav + 'static) -> Nav {
        Nav::Ask(text, Box::new(then), true)
    }
    pub fn form(f: Form) -> Nav {
        Nav::Form(Box::new(f))
    }
}

/// One screen: its state, its commands, its frame.
pub trait Screen {
    /// Handle a command from the keymap.
    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav;
    /// Draw from the state; drawing never changes it.
    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect);
    /// The keys this screen takes now (the key bar and the help come from them).
    fn keys(&self) -> &'static [Binding];
    /// Read the screen's data again from the store.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError>;
    /// A value from a form of this screen (see `Nav::Deliver`). An error keeps the
    /// form open with its sentence.
    fn deliver(&mut self, _ctx: &mut Ctx, _value: Box<dyn Any>) -> Result<Nav, StoreError> {
        Ok(Nav::Stay)
    }
    /// Draw the projector's room view instead, when this screen has one.
    fn draw_room(&self, _ctx: &Ctx, _f: &mut Frame<'_>, _area: Rect) -> bool {
        false
    }
    /// Whether the room view applies here.
    fn has_room(&self) -> bool {
        false
    }
}

/// Load a screen, telling a failed read on the message line (the screen then shows what
/// it could read, usually nothing).
pub fn loaded<S: Screen>(ctx: &mut Ctx, mut s: S) -> S {
    if let Err(e) = s.reload(ctx) {
        ctx.error(ctx.say(&e));
    }
    s
}

/// Read a screen's data again inside a command, telling a failed read.
pub fn reread<S: Screen + ?Sized>(ctx: &mut Ctx, s: &mut S) {
    if let Err(e) = s.reload(ctx) {
        ctx.error(ctx.say(&e));
    }
}
