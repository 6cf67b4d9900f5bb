//! `yishi export ID --format md|html|json [--notice] [-o FILE]` and
//! `yishi minutes show ID [--format md|txt]`.

use std::path::Path;

use super::args::{ExportFormat, ShowFormat};
use super::verify::meeting_or_exit;
use super::{CliError, CliResult, Outcome};
use crate::domain::minutes::{meeting_lang, notice, render_notice, to_html, to_txt};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::Store;
use crate::strings::{self, Lang};

/// The minutes as Markdown in the meeting's language (full, or the public notice).
fn markdown(store: &Store, id: i64, notice_only: bool) -> Result<(String, String, Lang), CliError> {
    let rec = store.meeting_record(id)?;
    let l = meeting_lang(&rec);
    let md = if notice_only {
        let lines: Vec<_> = store.signatures(id)?.iter().map(|s| s.line()).collect();
        render_notice(&rec, &lines, l)
    } else {
        store.minutes_text(id, l)?
    };
    // The stored, signed text comes from the database: clean it like any data.
    Ok((clean_multiline(&md), clean_line(&rec.title), l))
}

pub fn show(store: Store, id: i64, format: ShowFormat, lang: Lang) -> CliResult {
    meeting_or_exit(&store, id, lang)?;
    let (md, _, _) = markdown(&store, id, false)?;
    let text = match format {
        ShowFormat::Md => md,
        ShowFormat::Txt => to_txt(&md),
    };
    print!("{text}");
    Ok(Outcome::Ok)
}

pub fn run(
    store: Store,
    id: i64,
    format: ExportFormat,
    notice_only: bool,
    out: Option<&Path>,
    lang: Lang,
) -> CliResult {
    meeting_or_exit(&store, id, lang)?;
    let text = match format {
        ExportFormat::Md => markdown(&store, id, notice_only)?.0,
        ExportFormat::Html => {
            let (md, title, l) = markdown(&store, id, notice_only)?;
            to_html(&md, &title, l)
        }
        ExportFormat::Json => {
            let json = if notice_only {
                let rec = store.meeting_record(id)?;
                let lines: Vec<_> = store.signatures(id)?.iter().map(|s| s.line()).collect();
                let sha = store.stored_minutes(id)?.map(|m| m.sha256);
                serde_json::to_string_pretty(&notice(
                    &rec,
                    &lines,
                    sha.as_deref(),
                    meeting_lang(&rec),
                ))
            } else {
                serde_json::to_string_pretty(&store.export_bundle(id)?)
            };
            let mut j = json.map_err(|e| CliError(e.to_string()))?;
            j.push('\n');
            j
        }
    };
    match out {
        None => print!("{text}"),
        Some(path) => {
            let shown = clean_line(&path.display().to_string());
            std::fs::write(path, text.as_bytes())
                .map_err(|e| CliError(strings::cli_cannot_write(lang, &shown, &e.to_string())))?;
            eprintln!("{}", strings::cli_written(lang, &shown));
        }
    }
    Ok(Outcome::Ok)
}
