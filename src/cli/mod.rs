//! The command line: parse, open the database, run one command, map the result to an
//! exit code (0 success, 1 a verification failed, 2 bad input or an unusable database).

mod args;
mod backup;
mod export;
mod import;
mod mediation;
mod minutes;
mod print;
mod report;
mod roster;
mod suggestions;
mod trust;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

use crate::store::ids::CaseId;
use crate::store::{Store, StoreError};
use crate::strings::{self, Lang};

/// What a command ends with.
pub enum Outcome {
    Ok,
    /// A verification failed (exit 1).
    Failed,
}

/// A command's error: a sentence for the user; exit code 2.
#[derive(Debug)]
pub struct CliError(pub String);

/// The language the command speaks, set once in `main` before any command runs. The
/// store's errors reach the command through `?`, which has no place for a language: so
/// the one process-wide choice is kept here (as a locale is), and `From` reads it.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError(strings::store_error(
            LANG.get().copied().unwrap_or(Lang::En),
            &e,
        ))
    }
}

pub type CliResult = Result<Outcome, CliError>;

/// Print to standard output. A closed pipe (`yishi minutes list | head`) ends the
/// program quietly, as other command-line tools do, instead of a panic.
pub(crate) fn out(text: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    if let Err(e) = o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("yishi: {e}");
        std::process::exit(2);
    }
}

pub(crate) fn outln(text: &str) {
    out(&format!("{text}\n"));
}

/// The database to use: `--db`, else `YISHI_DB` (clap reads it), else the user's data
/// directory.
pub fn default_db() -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("yishi").join("yishi.db")
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let lang = Lang::detect(cli.lang.as_deref());
    let _ = LANG.set(lang);
    match run(&cli, lang) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Err(CliError(msg)) => {
            eprintln!("yishi: {msg}");
            ExitCode::from(2)
        }
    }
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
    if let crate::store::Integrity::Failed(e) = store.wait_integrity() {
        return Err(CliError(e));
    }
    Ok(store)
}

/// Open the database for a command that only reads (`minutes`, `export`): a large
/// file's full check is not run first (its cost grows with the archive), so the first
/// line is out at once; a damaged page the command meets is reported in one sentence.
fn open_store_for_reading(cli: &Cli) -> Result<Store, CliError> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    Ok(Store::open_deferred(&path)?)
}

/// Open the database for the full-screen program: a large file's integrity check runs
/// in the background (the first frame does not wait; writes do).
fn open_store_unchecked(cli: &Cli) -> Result<Store, CliError> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    Ok(Store::open(&path)?)
}

fn run(cli: &Cli, lang: Lang) -> CliResult {
    match &cli.command {
        None => {
            let store = open_store_unchecked(cli)?;
            crate::ui::run(store, lang).map_err(CliError)?;
            Ok(Outcome::Ok)
        }
        Some(Command::Demo { no_tui }) => {
            let mut store = open_store(cli)?;
            if !store.claim() {
                return Err(StoreError::Busy.into());
            }
            crate::demo::install(&mut store)?;
            if *no_tui {
                crate::cli::outln(&strings::cli_demo_ready(
                    lang,
                    &store.path().display().to_string(),
                ));
                return Ok(Outcome::Ok);
            }
            crate::ui::run(store, lang).map_err(CliError)?;
            Ok(Outcome::Ok)
        }
        Some(Command::Roster { cmd }) => roster::run(cli, cmd, lang),
        Some(Command::Minutes { cmd }) => {
            minutes::run(open_existing_for_reading(cli, lang)?, cmd, lang)
        }
        Some(Command::Backup { dest, force }) => {
            backup::run(open_existing(cli, lang)?, dest, *force, lang)
        }
        Some(Command::Export {
            id,
            format,
            notice,
            out,
            force,
        }) => export::run(
            open_existing_for_reading(cli, lang)?,
            *id,
            *format,
            *notice,
            out.as_deref(),
            *force,
            lang,
        ),
        Some(Command::Verify { id, file, head }) => match (file, head) {
            (Some(f), _) if mediation::is_agreement_file(f) => mediation::verify_file(f, lang),
            (Some(f), _) => verify::run_file(f, lang),
            (None, Some(h)) => trust::verify_head(open_existing(cli, lang)?, h, lang),
            (None, None) => verify::run(open_existing(cli, lang)?, *id, lang),
        },
        Some(Command::Import { files, trust_new }) => import::run(cli, files, *trust_new, lang),
        Some(Command::Trust { cmd }) => trust::run(cli, cmd, lang),
        Some(Command::Mediation { cmd }) => match cmd {
            args::MediationCmd::List { status, kind, json } => mediation::list(
                open_existing_for_reading(cli, lang)?,
                status.as_deref(),
                kind.as_deref(),
                *json,
                lang,
            ),
            args::MediationCmd::Export { case, out, force } => mediation::export(
                open_existing_for_reading(cli, lang)?,
                CaseId(*case),
                out.as_deref(),
                *force,
                lang,
            ),
        },
        Some(Command::Suggestions { cmd }) => {
            suggestions::run(open_existing_for_reading(cli, lang)?, cmd, lang)
        }
        Some(Command::Report {
            year,
            community,
            format,
            out,
            force,
        }) => report::run(
            open_existing_for_reading(cli, lang)?,
            report::Args {
                year: *year,
                community: community.as_deref(),
                format: *format,
                out: out.as_deref(),
                force: *force,
            },
            lang,
        ),
        Some(Command::Print {
            what,
            id,
            out,
            force,
        }) => print::run(
            // Paper only reads, as `export` does: no full check first.
            open_existing_for_reading(cli, lang)?,
            *what,
            *id,
            out.as_deref(),
            *force,
            lang,
        ),
    }
}
