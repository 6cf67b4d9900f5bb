//! `yishi report [--year Y] [--community C] [--format html|csv|json] [-o FILE [--force]]`.

use std::path::Path;

use super::args::ReportFormat;
use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::text::clean_line;
use crate::store::Store;
use crate::strings::{self, Lang};

pub struct Args<'a> {
    pub year: Option<i32>,
    pub community: Option<&'a str>,
    pub format: ReportFormat,
    pub out: Option<&'a Path>,
    pub force: bool,
}

pub fn run(store: Store, a: Args<'_>, lang: Lang) -> CliResult {
    if a.year.is_some_and(|y| !(1900..=9999).contains(&y)) {
        return Err(CliError(
            strings::suggestions::refusal(
                lang,
                crate::store::refusal::suggestions::SuggestionRefusal::BadYear,
            )
            .into(),
        ));
    }
    let today = crate::store::actions::today();
    let r = crate::report::build(&store, a.year, a.community, &today, lang)?;
    let text = match a.format {
        ReportFormat::Html => crate::report::to_html(&r, lang),
        ReportFormat::Csv => crate::report::to_csv(&r),
        ReportFormat::Json => crate::report::to_json(&r),
    };
    match a.out {
        None => crate::cli::outcome::out(&text),
        Some(path) => {
            let shown = clean_line(&path.display().to_string());
            crate::files::write_new(path, text.as_bytes(), Some(store.path()), a.force)
                .map_err(|r| CliError(strings::files::refusal(lang, &shown, &r, false)))?;
            eprintln!("{}", strings::cli_written(lang, &shown));
        }
    }
    Ok(Outcome::Ok)
}
