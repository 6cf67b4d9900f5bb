//! `yishi backup DEST [--force]`

use std::path::Path;

use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::text::clean_line;
use crate::store::Store;
use crate::strings::{self, Lang};

pub fn run(store: Store, dest: &Path, force: bool, lang: Lang) -> CliResult {
    let shown = clean_line(&dest.display().to_string());
    // Refused in the user's language before any work; the store checks again.
    crate::files::check_target(dest, Some(store.path()), force)
        .map_err(|r| CliError(strings::files::refusal(lang, &shown, &r, false)))?;
    let pages = store.backup_to_with(dest, force)?;
    crate::cli::outcome::outln(&strings::cli_backup_done(lang, &shown, pages));
    Ok(Outcome::Ok)
}
