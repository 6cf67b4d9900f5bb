//! What a command ends with, its error sentence, and how it prints.

use crate::store::StoreError;
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
pub(super) static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

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
