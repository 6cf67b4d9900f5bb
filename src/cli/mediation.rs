//! Mediation on the command line: `yishi mediation list [--status] [--kind] [--json]`,
//! `yishi mediation export CASE -o FILE.json`, `yishi print agreement CASE`, and the
//! agreements' part of `verify`, `verify --file` and `import`.

use std::io::Read;
use std::path::Path;

use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::mediation::paper::agreement_html;
use crate::domain::mediation::verify::{AgreementBundle, AgreementStatus, EXPORT_FORMAT};
use crate::domain::mediation::{CaseKind, CaseStatus};
use crate::domain::text::{clean_line, pad, width};
use crate::store::ids::CaseId;
use crate::store::mediation::CaseFilter;
use crate::store::mediation::sign::AgreementReport;
use crate::store::{Store, StoreError};
use crate::strings::mediation as m;
use crate::strings::{self, Lang};

fn parse_status(s: &str) -> Option<CaseStatus> {
    CaseStatus::ALL.into_iter().find(|&x| {
        x.as_db() == s
            || m::status(Lang::Zh, x) == s
            || m::status(Lang::En, x).eq_ignore_ascii_case(s)
    })
}

fn parse_kind(s: &str) -> Option<CaseKind> {
    CaseKind::ALL.into_iter().find(|&x| {
        x.as_db() == s || m::kind(Lang::Zh, x) == s || m::kind(Lang::En, x).eq_ignore_ascii_case(s)
    })
}

fn bad(lang: Lang, flag: &str, v: &str) -> CliError {
    CliError(match lang {
        Lang::Zh => format!("{flag} 的取值“{}”无法识别。", clean_line(v)),
        Lang::En => format!("{flag}: “{}” is not known.", clean_line(v)),
    })
}

pub fn list(
    store: Store,
    status: Option<&str>,
    kind: Option<&str>,
    json: bool,
    lang: Lang,
) -> CliResult {
    let status = match status {
        Some(s) => Some(parse_status(s).ok_or_else(|| bad(lang, "--status", s))?),
        None => None,
    };
    let kind = match kind {
        Some(k) => Some(parse_kind(k).ok_or_else(|| bad(lang, "--kind", k))?),
        None => None,
    };
    let rows = store.cases(&CaseFilter {
        status,
        kind,
        ..CaseFilter::default()
    })?;
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "number": r.number,
                    "kind": r.kind.as_db(),
                    "status": r.status.as_db(),
                    "title": clean_line(&r.title),
                    "opened_on": r.opened_on,
                    "next_due": r.next_due,
                    "signed": r.signed,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&v).map_err(|e| CliError(e.to_string()))?;
        crate::cli::outcome::outln(&text);
        return Ok(Outcome::Ok);
    }
    for r in &rows {
        let st = m::status(lang, r.status);
        crate::cli::outcome::outln(&format!(
            "{:>5}  {:>4}  {}  {}  {}  {}  {}",
            r.id,
            r.number,
            r.opened_on,
            pad(m::kind(lang, r.kind), 10),
            pad(st, width(st).max(12)),
            pad(&r.next_due, 10),
            clean_line(&r.title)
        ));
    }
    Ok(Outcome::Ok)
}

fn case_or_exit(store: &Store, case: CaseId, lang: Lang) -> Result<(), CliError> {
    match store.case_row(case) {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound(_)) => {
            Err(CliError(format!("{} {case}", m::CLI_NO_CASE.get(lang))))
        }
        Err(e) => Err(e.into()),
    }
}

fn write_out(
    store: &Store,
    out: Option<&Path>,
    bytes: &str,
    force: bool,
    lang: Lang,
) -> Result<(), CliError> {
    match out {
        None => crate::cli::outcome::out(bytes),
        Some(path) => {
            let shown = clean_line(&path.display().to_string());
            crate::files::write_new(path, bytes.as_bytes(), Some(store.path()), force)
                .map_err(|r| CliError(strings::files::refusal(lang, &shown, &r, false)))?;
            eprintln!("{}", strings::cli_written(lang, &shown));
        }
    }
    Ok(())
}

/// `yishi print agreement CASE`: the signed text, or the draft marked as one.
pub fn print(store: Store, case: CaseId, out: Option<&Path>, force: bool, lang: Lang) -> CliResult {
    case_or_exit(&store, case, lang)?;
    let row = store.case_row(case)?;
    let html = agreement_html(
        &clean_line(&row.title),
        &store.agreement_text(case)?,
        &store.agreement_signatures(case)?,
        &store.agreement_addenda(case)?,
    );
    write_out(&store, out, &html, force, lang)?;
    Ok(Outcome::Ok)
}

/// `yishi mediation export CASE`: the signed agreement as JSON (`verify --file`, `import`).
pub fn export(
    store: Store,
    case: CaseId,
    out: Option<&Path>,
    force: bool,
    lang: Lang,
) -> CliResult {
    case_or_exit(&store, case, lang)?;
    let b = store.agreement_bundle(case)?;
    if b.agreement.is_none() {
        return Err(CliError(m::CLI_NOT_SIGNED.get(lang).to_string()));
    }
    let text = serde_json::to_string_pretty(&b).map_err(|e| CliError(e.to_string()))?;
    write_out(&store, out, &format!("{text}\n"), force, lang)?;
    Ok(Outcome::Ok)
}

fn line(lang: Lang, r: &AgreementReport) -> String {
    let (ok, detail) = match &r.status {
        AgreementStatus::Valid => (
            Some(true),
            r.signers
                .iter()
                .map(|(n, f)| format!("{n} {f}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        AgreementStatus::Unsigned => (None, String::new()),
        AgreementStatus::Invalid(p) => (
            Some(false),
            p.iter()
                .map(|x| m::problem(lang, x))
                .collect::<Vec<_>>()
                .join(if lang == Lang::Zh { "；" } else { "; " }),
        ),
    };
    let mut s = m::verify_line(lang, &r.community, r.number, &r.title, ok, &detail);
    if r.case_id.is_none() {
        s.push(' ');
        s.push_str(m::CLI_IMPORTED.get(lang));
    }
    clean_line(&s)
}

/// `verify`'s lines for the agreements here: (how many, all valid).
pub fn verify_all(store: &Store, lang: Lang) -> Result<(usize, bool), CliError> {
    let reports = store.verify_agreements()?;
    let mut ok = true;
    for r in &reports {
        ok &= !matches!(r.status, AgreementStatus::Invalid(_));
        crate::cli::outcome::outln(&line(lang, r));
    }
    Ok((reports.len(), ok))
}

/// Whether a file is an exported agreement, so `verify --file` and `import` read it as
/// one. Exports name their format first: the first bytes tell, and a minutes bundle is
/// not read twice; a file rewritten with its keys in another order is read for its
/// `format` alone (streamed, nothing else kept).
pub fn is_agreement_file(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct FormatOnly {
        format: String,
    }
    let mut head = [0u8; 256];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    if head.contains(EXPORT_FORMAT) {
        return true;
    }
    if head.contains(crate::domain::signing::verify::EXPORT_FORMAT) {
        return false;
    }
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    serde_json::from_reader::<_, FormatOnly>(std::io::BufReader::new(f))
        .is_ok_and(|x| x.format == EXPORT_FORMAT)
}

fn read(path: &Path, lang: Lang) -> Result<AgreementBundle, CliError> {
    let shown = clean_line(&path.display().to_string());
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError(strings::cli_cannot_read(
            lang,
            &shown,
            &strings::cli::io_why(lang, &e),
        ))
    })?;
    let b: AgreementBundle = serde_json::from_str(&text).map_err(|e| {
        CliError(strings::cli_bad_file(
            lang,
            &shown,
            &clean_line(&strings::cli::json_why(lang, &e)),
        ))
    })?;
    if b.format != EXPORT_FORMAT {
        return Err(CliError(strings::cli_bad_file(
            lang,
            &shown,
            &clean_line(&b.format),
        )));
    }
    Ok(b)
}

fn report_of(b: &AgreementBundle) -> AgreementReport {
    AgreementReport {
        case_id: Some(CaseId(0)),
        community: b.case.community.clone(),
        number: b.case.number,
        title: b.case.title.clone(),
        status: crate::domain::mediation::verify::verify_agreement(b),
        signers: b
            .signatures
            .iter()
            .filter(|s| s.addendum_id.is_none())
            .map(|s| (s.signer_name.clone(), s.fingerprint()))
            .collect(),
    }
}

/// `verify --file AGREEMENT.json`.
pub fn verify_file(path: &Path, lang: Lang) -> CliResult {
    let b = read(path, lang)?;
    let r = report_of(&b);
    crate::cli::outcome::outln(&line(lang, &r));
    Ok(if r.status.is_valid() {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

/// `import AGREEMENT.json` (at the district): Ok(true) imported or already here,
/// Ok(false) refused (it does not verify, or differs from the one kept).
pub fn import_file(store: &mut Store, path: &Path, lang: Lang) -> Result<bool, CliError> {
    let shown = clean_line(&path.display().to_string());
    let b = read(path, lang)?;
    let title = clean_line(&b.case.title);
    match store.import_agreement(&b) {
        Ok(new) => {
            let what = if new {
                m::CLI_IMPORT_NEW
            } else {
                m::CLI_IMPORT_SAME
            };
            crate::cli::outcome::outln(&clean_line(&format!(
                "{shown}: {}「{title}」",
                what.get(lang)
            )));
            Ok(true)
        }
        Err(StoreError::Refused(r)) => {
            let why = strings::refusal(lang, &r);
            crate::cli::outcome::outln(&clean_line(&strings::cli_import_refused(
                lang, &shown, &why,
            )));
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}
