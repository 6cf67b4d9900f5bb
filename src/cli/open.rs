//! Which database a command opens, and how: checked first, or read at once.

use std::path::PathBuf;

use super::args::Cli;
use super::outcome::CliError;
use crate::store::Store;
use crate::strings::{self, Lang};

/// The database to use: `--db`, else `YISHI_DB` (clap reads it), else the user's data
/// directory.
pub fn default_db() -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("yishi").join("yishi.db")
}

/// Open an existing database for a command that checks it (verify, backup): a path
/// where no database is (a mistyped --db) is refused with one sentence and nothing is
/// created there; a large file's full integrity check is waited for.
pub(crate) fn open_existing(cli: &Cli, lang: Lang) -> Result<Store, CliError> {
    require_database(cli, lang)?;
    open_store(cli)
}

/// As [`open_existing`] for a command that only reads (`minutes`, `export`): the full
/// check is not run first (see [`open_store_for_reading`]).
pub(crate) fn open_existing_for_reading(cli: &Cli, lang: Lang) -> Result<Store, CliError> {
    require_database(cli, lang)?;
    open_store_for_reading(cli)
}

fn require_database(cli: &Cli, lang: Lang) -> Result<(), CliError> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    // An empty file is no database either: opening it would write the schema.
    let there = std::fs::metadata(&path).is_ok_and(|m| m.is_dir() || m.len() > 0);
    if !there {
        let shown = crate::domain::text::clean_line(&path.display().to_string());
        return Err(CliError(strings::files::no_database(lang, &shown)));
    }
    Ok(())
}

/// Open the database for a command: a large file's integrity check is waited for, so
/// a damaged file is refused as a small one is.
pub(crate) fn open_store(cli: &Cli) -> Result<Store, CliError> {
    let store = open_store_for_reading(cli)?;
    if let crate::store::Integrity::Failed = store.wait_integrity() {
        // In the user's language, as a small file's failed check is said.
        let path = store.path().display().to_string();
        return Err(crate::store::StoreError::Corrupt(path).into());
    }
    Ok(store)
}

/// Open the database for a command that only reads (`minutes`, `export`): a large
/// file's full check is not run first (its cost grows with the archive), so the first
/// line is out at once; a damaged page the command meets is reported in one sentence.
pub(super) fn open_store_for_reading(cli: &Cli) -> Result<Store, CliError> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    Ok(Store::open_deferred(&path)?)
}

/// Open the database for the full-screen program: a large file's integrity check runs
/// in the background (the first frame does not wait; writes do).
pub(super) fn open_store_unchecked(cli: &Cli) -> Result<Store, CliError> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    Ok(Store::open(&path)?)
}
