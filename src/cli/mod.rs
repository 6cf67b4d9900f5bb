//! The command line: parse, open the database, run one command, map the result to an
//! exit code (0 success, 1 a verification failed, 2 bad input or an unusable database).

mod args;
mod backup;
mod export;
mod import;
mod mediation;
mod minutes;
mod open;
mod outcome;
mod print;
mod report;
mod roster;
mod suggestions;
mod trust;
mod verify;

use std::process::ExitCode;

use clap::Parser;

use crate::store::StoreError;
use crate::store::ids::CaseId;
use crate::strings::{self, Lang};
pub use args::{Cli, Command};
pub use open::default_db;
use open::{open_existing, open_existing_for_reading, open_store, open_store_unchecked};
use outcome::{CliError, CliResult, Outcome};

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
    let _ = outcome::LANG.set(lang);
    match run(&cli, lang) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Err(CliError(msg)) => {
            eprintln!("yishi: {msg}");
            ExitCode::from(2)
        }
    }
}
fn run(cli: &Cli, lang: Lang) -> CliResult {
    match &cli.command {
        None => {
            let store = open_store_unchecked(cli)?;
            crate::ui::run(store, lang).map_err(CliError)?;
            Ok(Outcome::Ok)
        }
        Some(Command::Demo { no_tui }) => demo(cli, *no_tui, lang),
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
        Some(Command::Mediation { cmd }) => mediation_cmd(cli, cmd, lang),
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

/// `yishi demo`: the demo community installed (once), then the full-screen program.
fn demo(cli: &Cli, no_tui: bool, lang: Lang) -> CliResult {
    let mut store = open_store(cli)?;
    if !store.claim() {
        return Err(StoreError::Busy.into());
    }
    crate::demo::install(&mut store)?;
    if no_tui {
        crate::cli::outcome::outln(&strings::cli_demo_ready(
            lang,
            &store.path().display().to_string(),
        ));
        return Ok(Outcome::Ok);
    }
    crate::ui::run(store, lang).map_err(CliError)?;
    Ok(Outcome::Ok)
}

/// `yishi mediation list|export`.
fn mediation_cmd(cli: &Cli, cmd: &args::MediationCmd, lang: Lang) -> CliResult {
    match cmd {
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
    }
}
