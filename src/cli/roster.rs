//! `yishi roster import FILE.csv --community NAME`

use super::args::RosterCmd;
use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::roster_csv;
use crate::domain::text::clean_line;
use crate::strings::{self, Lang};

/// The file is read and checked before the database is opened: a bad file creates
/// nothing.
pub fn run(cli: &super::args::Cli, cmd: &RosterCmd, lang: Lang) -> CliResult {
    match cmd {
        RosterCmd::Import { file, community } => {
            let name = file.display().to_string();
            let name = clean_line(&name);
            let bytes = std::fs::read(file).map_err(|e| {
                CliError(strings::cli_cannot_read(
                    lang,
                    &name,
                    &strings::cli::io_why(lang, &e),
                ))
            })?;
            let rows = roster_csv::parse(&bytes)
                .map_err(|e| CliError(strings::cli_csv_error(lang, &name, e.line, &e.en, &e.zh)))?;
            let community = clean_line(community).trim().to_string();
            if community.is_empty() {
                return Err(CliError(strings::cli::needs_name(lang, "--community")));
            }
            let max = crate::domain::text::names::MAX_COMMUNITY_CHARS;
            crate::domain::text::names::check_cell(&community, max, "name", "名称").map_err(
                |p| {
                    CliError(match lang {
                        Lang::Zh => format!("--community {}。", p.zh),
                        Lang::En => format!("--community {}.", p.en),
                    })
                },
            )?;
            let community = crate::domain::text::names::nfc(&community);
            let mut store = super::open::open_store(cli)?;
            if !store.claim() {
                return Err(crate::store::StoreError::Busy.into());
            }
            let (voters, units) = store.import_roster(&community, &rows)?;
            crate::cli::outcome::outln(&strings::cli_imported(lang, voters, units, &community));
            Ok(Outcome::Ok)
        }
    }
}
