//! `yishi verify [ID | --file FILE.json]`: one line per meeting; exit 0 when all are
//! valid, 1 otherwise, 2 on bad input.

use std::path::Path;

use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::signing::verify::{EXPORT_FORMAT, ExportBundle, SignatureRecord, VerifyStatus};
use crate::domain::text::clean_line;
use crate::store::ids::MeetingId;
use crate::store::signed::VerifyReport;
use crate::store::{Store, StoreError};
use crate::strings::{self, Lang};

/// "主持人 黄小明 a1b2:…；记录人 李秀英 …" for a valid meeting's line.
fn signers(l: Lang, sigs: &[SignatureRecord]) -> String {
    let sep = match l {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    sigs.iter()
        .filter(|s| s.addendum_id.is_none())
        .map(|s| {
            format!(
                "{} {} {}",
                strings::sign_role(l, &s.role),
                s.signer_name,
                s.fingerprint()
            )
        })
        .collect::<Vec<_>>()
        .join(sep)
}

pub(crate) fn meeting_or_exit(store: &Store, id: MeetingId, lang: Lang) -> Result<(), CliError> {
    match store.meeting(id) {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound(_)) => Err(CliError(strings::cli_no_meeting(lang, id.0))),
        Err(e) => Err(e.into()),
    }
}

pub fn run(store: Store, id: Option<i64>, lang: Lang) -> CliResult {
    // All of the database: its signed mediation agreements too.
    let (agreements, mut all_valid) = match id {
        None => super::mediation::verify_all(&store, lang)?,
        Some(_) => (0, true),
    };
    let mut print = |r: VerifyReport| {
        all_valid &= r.status.is_valid();
        let line = strings::verify_line(
            lang,
            Some(r.meeting_id.0),
            &r.title,
            &r.status,
            &signers(lang, &r.signatures),
        );
        let mut line = line;
        if r.signatures.iter().any(|s| s.version == 1) {
            line.push(' ');
            line.push_str(strings::trust::SIGNED_V1.get(lang));
        }
        if r.chain_starts_at_import && r.status.is_valid() {
            line.push(' ');
            line.push_str(strings::CLI_CHAIN_FROM_IMPORT.get(lang));
        }
        crate::cli::outcome::outln(&clean_line(&line));
    };
    // Each meeting's line is printed as it is verified, not after the whole archive.
    let meetings = match id {
        Some(id) => {
            meeting_or_exit(&store, MeetingId(id), lang)?;
            print(store.verify_meeting(MeetingId(id))?);
            1
        }
        None => store.verify_each(|r| {
            print(r);
            Ok(())
        })?,
    };
    if meetings == 0 && agreements == 0 {
        crate::cli::outcome::outln(strings::CLI_NOTHING_SIGNED.get(lang));
        return Ok(Outcome::Ok);
    }
    Ok(if all_valid {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

/// Read and parse an exported JSON file (exit 2 when it is not one).
pub(crate) fn read_bundle(path: &Path, lang: Lang) -> Result<ExportBundle, CliError> {
    let shown = clean_line(&path.display().to_string());
    let file = std::fs::File::open(path).map_err(|e| {
        CliError(strings::cli_cannot_read(
            lang,
            &shown,
            &strings::cli::io_why(lang, &e),
        ))
    })?;
    // Parsed as it is read: the file's text is never held whole beside the records.
    let reader = std::io::BufReader::with_capacity(1 << 16, file);
    // The parser's message quotes the file (an unknown variant, say): clean it.
    let bundle: ExportBundle = serde_json::from_reader(reader).map_err(|e| {
        let why = clean_line(&strings::cli::json_why(lang, &e));
        match e.classify() {
            serde_json::error::Category::Io => {
                CliError(strings::cli_cannot_read(lang, &shown, &why))
            }
            _ => CliError(strings::cli_bad_file(lang, &shown, &why)),
        }
    })?;
    if bundle.format != EXPORT_FORMAT {
        return Err(CliError(strings::cli_bad_file(
            lang,
            &shown,
            &clean_line(&bundle.format),
        )));
    }
    Ok(bundle)
}

pub fn run_file(path: &Path, lang: Lang) -> CliResult {
    let b = read_bundle(path, lang)?;
    // Who signed: the names the meeting gives, the roster the file carries.
    let status = crate::domain::signing::roster::verify_bundle(&b);
    let mut line = strings::verify_line(
        lang,
        None,
        &b.record.title,
        &status,
        &signers(lang, &b.signatures),
    );
    if b.signatures.iter().any(|s| s.version == 1) {
        line.push(' ');
        line.push_str(strings::trust::SIGNED_V1.get(lang));
    }
    if status.is_valid() {
        line.push(' ');
        line.push_str(strings::CLI_FILE_CHAIN.get(lang));
    }
    crate::cli::outcome::outln(&clean_line(&line));
    Ok(if status == VerifyStatus::Valid {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}
