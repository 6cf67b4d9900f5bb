//! `yishi import FILE.json...`: gather minutes exported on other laptops. Each file is
//! verified first; one line per file (imported / already present / refused: reason).
//! Exit 0 when every file was imported or already present, 1 when any was refused (a
//! verification failure), 2 when a file could not be read or is not an export, or the
//! database could not take it.
//!
//! With nobody to ask about a new community's keys (`--trust-new`, or standard input not
//! a terminal), the exported meetings are imported `BATCH` files to a transaction
//! (`Store::import_batch`: one flush to disk per batch, not per file; a refused file
//! leaves nothing and the others go on), the next file read, cleaned and verified on a
//! second thread while one is written. Each batch's lines are printed once it is
//! committed. If the database refuses a batch, its files are imported again one by one,
//! so each file's own reason is told.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::outcome::{CliError, CliResult, Outcome};
use super::verify::read_bundle;
use crate::domain::text::clean_line;
use crate::store::import::{ImportOutcome, ahead, prepare};
use crate::store::{Store, StoreError};
use crate::strings::{self, Lang};

/// Exported meetings per transaction.
const BATCH: usize = 40;

/// What the files came to.
#[derive(Default)]
struct Count {
    refused: usize,
    bad: usize,
}

/// One file's result, printed once its batch is committed.
enum Done {
    Unreadable(String),
    Outcome {
        shown: String,
        title: String,
        community: String,
        outcome: ImportOutcome,
    },
}

pub fn run(cli: &super::args::Cli, files: &[PathBuf], trust_new: bool, lang: Lang) -> CliResult {
    let mut store = super::open::open_store(cli)?;
    if !store.claim() {
        return Err(StoreError::Busy.into());
    }
    let batched = trust_new || !std::io::stdin().is_terminal();
    let mut n = Count::default();
    let mut i = 0;
    while i < files.len() {
        if super::mediation::is_agreement_file(&files[i]) {
            match super::mediation::import_file(&mut store, &files[i], lang) {
                Ok(true) => {}
                Ok(false) => n.refused += 1,
                Err(CliError(msg)) => {
                    eprintln!("yishi: {msg}");
                    n.bad += 1;
                }
            }
            i += 1;
            continue;
        }
        if !batched {
            one(&mut store, &files[i], trust_new, lang, &mut n);
            i += 1;
            continue;
        }
        // The run of exported meetings from here, up to BATCH files.
        let mut j = i;
        while j < files.len() && j - i < BATCH && !super::mediation::is_agreement_file(&files[j]) {
            j += 1;
        }
        batch(&mut store, &files[i..j], trust_new, lang, &mut n);
        i = j;
    }
    if n.bad > 0 {
        return Err(CliError(strings::cli_import_unreadable(lang, n.bad)));
    }
    Ok(if n.refused > 0 {
        Outcome::Failed
    } else {
        Outcome::Ok
    })
}

/// A run of exported meetings in one transaction; if the database refuses it, nothing
/// of it was kept and its files are imported one by one, each with its own reason.
fn batch(store: &mut Store, chunk: &[PathBuf], trust_new: bool, lang: Lang, n: &mut Count) {
    match store.import_batch(|b| {
        let mut done = Vec::with_capacity(chunk.len());
        // The next file is read, cleaned and verified while this one is written.
        ahead(
            chunk,
            |path| {
                let bundle = read_bundle(path, lang)?;
                let title = clean_line(&bundle.record.title);
                let community = bundle.record.community.clone();
                Ok((shown(path), title, community, prepare(bundle)))
            },
            |made: Result<_, CliError>| {
                match made {
                    Err(CliError(msg)) => done.push(Done::Unreadable(msg)),
                    Ok((shown, title, community, prepared)) => {
                        let outcome = b.import_prepared(prepared, trust_new)?;
                        done.push(Done::Outcome {
                            shown,
                            title,
                            community,
                            outcome,
                        });
                    }
                }
                Ok::<(), StoreError>(())
            },
        )?;
        Ok(done)
    }) {
        Ok(done) => {
            for d in done {
                match d {
                    Done::Unreadable(msg) => {
                        eprintln!("yishi: {msg}");
                        n.bad += 1;
                    }
                    Done::Outcome {
                        shown,
                        title,
                        community,
                        outcome,
                    } => report(lang, &shown, &title, &community, outcome, n),
                }
            }
        }
        // Nothing of the batch was kept: file by file, each with its own reason.
        Err(_) => {
            for path in chunk {
                one(store, path, trust_new, lang, n);
            }
        }
    }
}

fn shown(path: &Path) -> String {
    clean_line(&path.display().to_string())
}

/// One exported meeting in a transaction of its own (a new community's keys may be
/// asked about at the terminal).
fn one(store: &mut Store, path: &Path, trust_new: bool, lang: Lang, n: &mut Count) {
    let shown = shown(path);
    let bundle = match read_bundle(path, lang) {
        Ok(b) => b,
        Err(CliError(msg)) => {
            eprintln!("yishi: {msg}");
            n.bad += 1;
            return;
        }
    };
    let title = clean_line(&bundle.record.title);
    let community = bundle.record.community.clone();
    // The bundle is handed over: it is freed before the import re-reads the records.
    match super::trust::import_one(store, bundle, trust_new, lang) {
        Ok(outcome) => report(lang, &shown, &title, &community, outcome, n),
        Err(e) => {
            // The database refused the records (nothing was kept): report it with
            // the file and go on with the others.
            let why = strings::store_error(lang, &e);
            eprintln!(
                "yishi: {}",
                clean_line(&strings::cli_import_refused(lang, &shown, &why))
            );
            n.bad += 1;
        }
    }
}

/// The file's line: imported (with any keys pinned), already present, or refused.
fn report(
    lang: Lang,
    shown: &str,
    title: &str,
    community: &str,
    outcome: ImportOutcome,
    n: &mut Count,
) {
    let line = match outcome {
        ImportOutcome::Imported {
            meeting_id,
            chain_starts_here,
            pinned,
        } => {
            for f in &pinned {
                crate::cli::outcome::outln(&clean_line(&strings::trust::pinned(
                    lang, community, f,
                )));
            }
            let mut l = strings::cli_import_done(lang, shown, meeting_id.0, title);
            if chain_starts_here {
                l.push(' ');
                l.push_str(strings::CLI_CHAIN_FROM_IMPORT.get(lang));
            }
            l
        }
        ImportOutcome::AlreadyPresent { meeting_id } => {
            strings::cli_import_present(lang, shown, meeting_id.0)
        }
        ImportOutcome::Refused(r) => {
            n.refused += 1;
            strings::cli_import_refused(lang, shown, &strings::import_refusal(lang, &r))
        }
    };
    crate::cli::outcome::outln(&clean_line(&line));
}
