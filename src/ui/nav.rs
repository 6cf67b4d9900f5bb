//! `Nav`: what a screen, a form or a confirmed question asks the app to do, the only
//! way anything changes the view stack. Screens are named by their `Route`, never by
//! their type, so no screen or form imports another screen.

use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::form::Form;
use crate::ui::route::Route;

/// What runs when the user confirms a question (`Nav::Ask`).
pub type Then = Box<dyn FnOnce(&mut Ctx) -> Nav>;

/// A yes/no question; `then` runs on yes.
pub struct Ask {
    pub question: String,
    pub then: Then,
    /// Only Enter confirms it, not y (see `Nav::ask_enter`).
    pub enter_only: bool,
}

/// What a screen (or a form, or a confirmed question) asks the app to do.
pub enum Nav {
    Stay,
    /// Reload the current screen from the store.
    Reload,
    /// Leave the current screen; the one below reloads.
    Back,
    /// Open a screen on top of this one.
    Open(Route),
    /// Open a screen in place of this one.
    Replace(Route),
    /// Back to Home (reloaded), then these screens on top, in order: the paths that
    /// open or resume a meeting, and adjourn one.
    Reset(Vec<Route>),
    Ask(Ask),
    Form(Box<Form<Nav>>),
    /// Hand a value to the current screen (`Screen::deliver`): a form that changes the
    /// screen's own view (a filter, a jump) rather than the store.
    Deliver(Delivered),
}

impl Nav {
    pub fn ask(question: String, then: impl FnOnce(&mut Ctx) -> Nav + 'static) -> Nav {
        Nav::Ask(Ask {
            question,
            then: Box::new(then),
            enter_only: false,
        })
    }
    /// A question only Enter confirms, not y: asked where y is an answer (closing a
    /// roll call), so a host answering quickly cannot confirm it by mistake.
    pub fn ask_enter(question: String, then: impl FnOnce(&mut Ctx) -> Nav + 'static) -> Nav {
        Nav::Ask(Ask {
            question,
            then: Box::new(then),
            enter_only: true,
        })
    }
    pub fn form(f: Form<Nav>) -> Nav {
        Nav::Form(Box::new(f))
    }
}
