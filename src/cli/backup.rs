//! `yishi backup DEST`

use std::path::Path;

use super::{CliResult, Outcome};
use crate::store::Store;
use crate::strings::{self, Lang};

pub fn run(store: Store, dest: &Path, lang: Lang) -> CliResult {
    let pages = store.backup_to(dest)?;
    crate::cli::outln(&strings::cli_backup_done(
        lang,
        &dest.display().to_string(),
        pages,
    ));
    Ok(Outcome::Ok)
}
