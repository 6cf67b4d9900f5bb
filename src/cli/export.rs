//! `yishi export ID --format md|html|json [--notice] [-o FILE]` and
//! `yishi minutes show ID [--format md|txt]`.

use std::path::Path;

use super::args::{ExportFormat, ShowFormat};
use super::outcome::{CliError, CliResult, Outcome};
use super::verify::meeting_or_exit;
use crate::domain::minutes::markup::to_txt;
use crate::domain::text::clean_line;
use crate::export::Format;
use crate::store::Store;
use crate::store::ids::MeetingId;
use crate::strings::{self, Lang};

pub fn show(store: Store, id: i64, format: ShowFormat, lang: Lang) -> CliResult {
    meeting_or_exit(&store, MeetingId(id), lang)?;
    let (md, _, _, escaped) = crate::export::markdown_as(&store, MeetingId(id), false)?;
    let text = match format {
        ShowFormat::Md => md,
        ShowFormat::Txt => to_txt(&md, escaped),
    };
    crate::cli::outcome::out(&text);
    Ok(Outcome::Ok)
}

pub fn run(
    store: Store,
    id: i64,
    format: ExportFormat,
    notice_only: bool,
    out: Option<&Path>,
    force: bool,
    lang: Lang,
) -> CliResult {
    meeting_or_exit(&store, MeetingId(id), lang)?;
    let format = match format {
        ExportFormat::Md => Format::Md,
        ExportFormat::Html => Format::Html,
        ExportFormat::Json => Format::Json,
    };
    let text = crate::export::export(&store, MeetingId(id), format, notice_only)?;
    match out {
        None => crate::cli::outcome::out(&text),
        Some(path) => {
            let shown = clean_line(&path.display().to_string());
            crate::files::write_new(path, text.as_bytes(), Some(store.path()), force)
                .map_err(|r| CliError(strings::files::refusal(lang, &shown, &r, false)))?;
            eprintln!("{}", strings::cli_written(lang, &shown));
        }
    }
    Ok(Outcome::Ok)
}
