//! `yishi import FILE.json...`: gather minutes exported on other laptops. Each file is
//! verified first; one line per file (imported / already present / refused: reason).
//! Exit 0 when every file was imported or already present, 1 when any was refused (a
//! verification failure), 2 when a file could not be read or is not an export, or the
//! database could not take it.

use std::path::PathBuf;

use super::verify::read_bundle;
use super::{CliError, CliResult, Outcome};
use crate::domain::text::clean_line;
use crate::store::StoreError;
use crate::store::import::ImportOutcome;
use crate::strings::{self, Lang};

pub fn run(cli: &super::Cli, files: &[PathBuf], trust_new: bool, lang: Lang) -> CliResult {
    let mut store = super::open_store(cli)?;
    if !store.claim() {
        return Err(StoreError::Busy.into());
    }
    let mut refused = 0usize;
    let mut bad = 0usize;
    for path in files {
        let shown = clean_line(&path.display().to_string());
        if super::mediation::is_agreement_file(path) {
            match super::mediation::import_file(&mut store, path, lang) {
                Ok(true) => {}
                Ok(false) => refused += 1,
                Err(CliError(msg)) => {
                    eprintln!("yishi: {msg}");
                    bad += 1;
                }
            }
            continue;
        }
        let bundle = match read_bundle(path, lang) {
            Ok(b) => b,
            Err(CliError(msg)) => {
                eprintln!("yishi: {msg}");
                bad += 1;
                continue;
            }
        };
        let title = clean_line(&bundle.record.title);
        let community = bundle.record.community.clone();
        // The bundle is handed over: it is freed before the import re-reads the records.
        let outcome = match super::trust::import_one(&mut store, bundle, trust_new, lang) {
            Ok(o) => o,
            Err(e) => {
                // The database refused the records (nothing was kept): report it with
                // the file and go on with the others.
                let why = strings::store_error(lang, &e);
                eprintln!(
                    "yishi: {}",
                    clean_line(&strings::cli_import_refused(lang, &shown, &why))
                );
                bad += 1;
                continue;
            }
        };
        let line = match outcome {
            ImportOutcome::Imported {
                meeting_id,
                chain_starts_here,
                pinned,
            } => {
                for f in &pinned {
                    crate::cli::outln(&clean_line(&strings::trust::pinned(lang, &community, f)));
                }
                let mut l = strings::cli_import_done(lang, &shown, meeting_id, &title);
                if chain_starts_here {
                    l.push(' ');
                    l.push_str(strings::CLI_CHAIN_FROM_IMPORT.get(lang));
                }
                l
            }
            ImportOutcome::AlreadyPresent { meeting_id } => {
                strings::cli_import_present(lang, &shown, meeting_id)
            }
            ImportOutcome::Refused(r) => {
                refused += 1;
                strings::cli_import_refused(lang, &shown, &strings::import_refusal(lang, &r))
            }
        };
        crate::cli::outln(&clean_line(&line));
    }
    if bad > 0 {
        return Err(CliError(strings::cli_import_unreadable(lang, bad)));
    }
    Ok(if refused > 0 {
        Outcome::Failed
    } else {
        Outcome::Ok
    })
}
