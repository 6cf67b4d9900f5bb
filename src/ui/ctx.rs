//! What every screen and form acts in (`Ctx`): the store, the language, the message
//! line. A leaf of the UI: the screens, the forms and the app all lend it.

use crate::store::{Store, StoreError};
use crate::strings::{Lang, Tr};

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
