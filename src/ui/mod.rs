//! The full-screen program.
use crate::store::Store;
use crate::strings::Lang;

pub fn run(_store: Store, lang: Lang) -> Result<(), String> {
    Err(crate::strings::CLI_NOT_YET.get(lang).to_string())
}
