//! `yishi print notice|sign-in|proxy-form|ballots|results|extension ID [-o FILE]`: A4 HTML.
//! (`print agreement CASE`: cli::mediation).

use std::path::Path;

use super::args::PrintWhat;
use super::outcome::{CliError, CliResult, Outcome};
use super::verify::meeting_or_exit;
use crate::domain::text::clean_line;
use crate::paper::{Paper, render};
use crate::store::Store;
use crate::store::ids::{CaseId, MeetingId};
use crate::strings::{self, Lang};

pub fn run(
    store: Store,
    what: PrintWhat,
    id: i64,
    out: Option<&Path>,
    force: bool,
    lang: Lang,
) -> CliResult {
    if what == PrintWhat::Agreement {
        return super::mediation::print(store, CaseId(id), out, force, lang);
    }
    meeting_or_exit(&store, MeetingId(id), lang)?;
    let what = match what {
        PrintWhat::Agreement => return Ok(Outcome::Ok),
        PrintWhat::Notice => Paper::Notice,
        PrintWhat::SignIn => Paper::SignIn,
        PrintWhat::ProxyForm => Paper::ProxyForm,
        PrintWhat::Ballots => Paper::Ballots,
        PrintWhat::Results => Paper::Results,
        PrintWhat::Extension => Paper::Extension,
    };
    let html = render(&store, MeetingId(id), what)
        .map_err(|e| CliError(strings::store_error(lang, &e)))?;
    match out {
        None => crate::cli::outcome::out(&html),
        Some(path) => {
            let shown = clean_line(&path.display().to_string());
            crate::files::write_new(path, html.as_bytes(), Some(store.path()), force)
                .map_err(|r| CliError(strings::files::refusal(lang, &shown, &r, false)))?;
            eprintln!("{}", strings::cli_written(lang, &shown));
        }
    }
    Ok(Outcome::Ok)
}
