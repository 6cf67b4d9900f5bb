//! `yishi minutes list|show`

use super::args::MinutesCmd;
use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::model::MeetingKind;
use crate::domain::text::{clean_line, pad, width};
use crate::store::archive::ArchiveFilter;
use crate::store::{Store, StoreError};
use crate::strings::{self, Lang};

fn check_date(d: &Option<String>, flag: &str, lang: Lang) -> Result<(), CliError> {
    if let Some(d) = d
        && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err()
    {
        return Err(CliError(strings::cli::bad_date(lang, flag)));
    }
    Ok(())
}

/// Meetings printed before the rest of the archive is read.
const FIRST_PAGE: usize = 50;

fn print_rows(rows: &[crate::store::archive::ArchiveRow], lang: Lang) {
    for r in rows {
        let kind = MeetingKind::from_db(&r.kind)
            .map(|k| strings::meeting_kind(lang, k))
            .unwrap_or("");
        let status = crate::domain::model::MeetingStatus::from_db(&r.status)
            .map(|s| strings::meeting_status(lang, s))
            .unwrap_or("");
        let title = clean_line(&r.title);
        let community = clean_line(&r.community);
        crate::cli::outcome::outln(&format!(
            "{:>5}  {}  {}  {}  {}  {}",
            r.id,
            r.starts_at.get(..16).unwrap_or(&r.starts_at),
            pad(&community, width(&community).max(10)),
            pad(kind, 20),
            pad(status, 10),
            title
        ));
    }
}

/// The listing as one pretty-printed JSON array, written a few hundred meetings at a
/// time (the same text as printing the whole array at once: each element is indented
/// one level), so a district's listing is not held in memory twice over.
fn print_json(store: &Store, filter: &ArchiveFilter) -> Result<(), CliError> {
    let mut first = true;
    // Serializing these rows (strings and numbers) cannot fail; were it to, it is
    // reported as any other failure of the listing.
    store.archive_each(filter, 0, |rows| {
        let mut text = String::new();
        for r in rows {
            // Stored text is cleaned again on the way out: JSON would print bidi and
            // C1 characters as they are.
            let mut v = serde_json::to_value(r).map_err(|e| StoreError::Sql(e.to_string()))?;
            crate::domain::signing::clean_bundle::clean_json(&mut v);
            let one =
                serde_json::to_string_pretty(&v).map_err(|e| StoreError::Sql(e.to_string()))?;
            text.push_str(if first { "[\n" } else { ",\n" });
            first = false;
            for (k, line) in one.lines().enumerate() {
                if k > 0 {
                    text.push('\n');
                }
                text.push_str("  ");
                text.push_str(line);
            }
        }
        crate::cli::outcome::out(&text);
        Ok(())
    })?;
    crate::cli::outcome::outln(if first { "[]" } else { "\n]" });
    Ok(())
}

pub fn run(store: Store, cmd: &MinutesCmd, lang: Lang) -> CliResult {
    match cmd {
        MinutesCmd::List {
            community,
            since,
            until,
            kind,
            search,
            json,
        } => {
            check_date(since, "--since", lang)?;
            check_date(until, "--until", lang)?;
            // The kind by its id or its name in either language (业主大会).
            let kind = match kind {
                Some(k) => Some(
                    strings::cli::parse_kind(k)
                        .ok_or_else(|| CliError(strings::cli::bad_kind(lang, &clean_line(k))))?
                        .as_db()
                        .to_string(),
                ),
                None => None,
            };
            let filter = ArchiveFilter {
                community: community.clone(),
                since: since.clone(),
                until: until.clone(),
                kind,
                search: search.clone(),
                ..ArchiveFilter::default()
            };
            if *json {
                print_json(&store, &filter)?;
                return Ok(Outcome::Ok);
            }
            // The newest meetings first, at once; then the rest of the archive.
            let first = store.archive_page(&filter, Some(FIRST_PAGE), 0)?;
            if first.is_empty() {
                crate::cli::outcome::outln(strings::CLI_NO_MEETINGS.get(lang));
                return Ok(Outcome::Ok);
            }
            let more = first.len() == FIRST_PAGE;
            print_rows(&first, lang);
            if more {
                store.archive_each(&filter, FIRST_PAGE, |rows| {
                    print_rows(rows, lang);
                    Ok(())
                })?;
            }
            Ok(Outcome::Ok)
        }
        MinutesCmd::Show { id, format } => super::export::show(store, *id, *format, lang),
    }
}
