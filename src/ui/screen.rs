//! The `Screen` trait: a screen's state, its commands, its frame; and the loading of a
//! screen that tells a failed read. Screens depend on this module, never on app.rs.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::store::StoreError;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::keys::{Act, Binding};
use crate::ui::nav::Nav;

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
    fn deliver(&mut self, _ctx: &mut Ctx, _value: Delivered) -> Result<Nav, StoreError> {
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
