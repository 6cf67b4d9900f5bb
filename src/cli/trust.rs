//! `yishi trust list | add COMMUNITY FINGERPRINT... | remove COMMUNITY FINGERPRINT`, the
//! question `yishi import` asks about a new community's keys, and
//! `yishi verify --head COMMUNITY:POSITION:HEX`.

use std::io::{BufRead, IsTerminal, Write};

use super::args::TrustCmd;
use super::outcome::{CliError, CliResult, Outcome};
use crate::domain::signing::verify::ExportBundle;
use crate::domain::text::clean_line;
use crate::store::import::ImportOutcome;
use crate::store::refusal::import::ImportRefusal;
use crate::store::trust::parse_fingerprint;
use crate::store::{Result as StoreResult, Store, StoreError};
use crate::strings::{Lang, trust as t};

pub fn run(cli: &super::args::Cli, cmd: &TrustCmd, lang: Lang) -> CliResult {
    // Listing only reads (no full check first, and no new file made at a mistyped
    // path); removing needs the archive that holds the key; a key may be pinned before
    // the first import, into a new archive.
    let mut store = match cmd {
        TrustCmd::List => super::open::open_existing_for_reading(cli, lang)?,
        TrustCmd::Remove { .. } => super::open::open_existing(cli, lang)?,
        TrustCmd::Add { .. } => super::open::open_store(cli)?,
    };
    match cmd {
        TrustCmd::List => {
            let pins = store.pins()?;
            if pins.is_empty() {
                crate::cli::outcome::outln(t::NO_PINS.get(lang));
            }
            for p in pins {
                crate::cli::outcome::outln(&clean_line(&format!(
                    "{}\t{}\t{}",
                    p.community, p.fingerprint, p.pinned_at
                )));
            }
        }
        TrustCmd::Add {
            community,
            fingerprints,
        } => {
            let fps = fingerprints
                .iter()
                .map(|f| {
                    parse_fingerprint(f)
                        .ok_or_else(|| CliError(t::bad_fingerprint(lang, &clean_line(f))))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if !store.claim() {
                return Err(StoreError::Busy.into());
            }
            store.pin_keys(community, &fps)?;
            for f in &fps {
                crate::cli::outcome::outln(&clean_line(&t::pinned(lang, community, f)));
            }
        }
        TrustCmd::Remove {
            community,
            fingerprint,
        } => {
            let f = parse_fingerprint(fingerprint)
                .ok_or_else(|| CliError(t::bad_fingerprint(lang, &clean_line(fingerprint))))?;
            if !store.claim() {
                return Err(StoreError::Busy.into());
            }
            if !store.unpin_key(community, &f)? {
                return Err(CliError(clean_line(&t::not_pinned(lang, community, &f))));
            }
            crate::cli::outcome::outln(&clean_line(&t::unpinned(lang, community, &f)));
        }
    }
    Ok(Outcome::Ok)
}

/// Import one bundle; a new community's keys are pinned with `--trust-new`, or, when
/// standard input is a terminal, after showing them and asking.
pub(crate) fn import_one(
    store: &mut Store,
    bundle: ExportBundle,
    trust_new: bool,
    lang: Lang,
) -> StoreResult<ImportOutcome> {
    // Nobody to ask: the bundle is handed over whole, so the import can free it early.
    if trust_new || !std::io::stdin().is_terminal() {
        return store.import_bundle_with(bundle, trust_new);
    }
    let first = store.import_bundle_with(&bundle, trust_new)?;
    let ImportOutcome::Refused(ImportRefusal::NewCommunity {
        community,
        fingerprints,
    }) = &first
    else {
        return Ok(first);
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", clean_line(&t::new_community(lang, community)));
    for (f, s) in fingerprints.iter().zip(signers_of(&bundle, fingerprints)) {
        let _ = writeln!(err, "  {f}  {}", clean_line(&s));
    }
    let _ = write!(err, "{}", t::ASK_PIN.get(lang));
    let _ = err.flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
        return store.import_bundle_with(&bundle, true);
    }
    Ok(first)
}

/// "主持人 黄小明" for each fingerprint, from the bundle's signatures.
fn signers_of(b: &ExportBundle, fps: &[String]) -> Vec<String> {
    fps.iter()
        .map(|f| {
            b.signatures
                .iter()
                .find(|s| &s.fingerprint() == f)
                .map(|s| format!("{} {}", s.role, s.signer_name))
                .unwrap_or_default()
        })
        .collect()
}

/// `COMMUNITY:POSITION:HEX` (the community's name may itself hold a colon: split from
/// the right).
fn parse_head(s: &str) -> Option<(String, i64, String)> {
    let mut parts = s.rsplitn(3, ':');
    let hex = parts.next()?.trim().to_ascii_lowercase();
    let seq: i64 = parts.next()?.trim().parse().ok()?;
    let community = parts.next()?.trim().to_string();
    let ok = !community.is_empty()
        && seq >= 1
        && (4..=64).contains(&hex.len())
        && hex.chars().all(|c| c.is_ascii_hexdigit());
    ok.then_some((community, seq, hex))
}

pub fn verify_head(store: Store, head: &str, lang: Lang) -> CliResult {
    let shown = clean_line(head);
    let (community, seq, hex) =
        parse_head(head).ok_or_else(|| CliError(t::bad_head(lang, &shown)))?;
    let community = clean_line(&community);
    let Some(c) = store.community_by_name(&community)? else {
        crate::cli::outcome::outln(&t::head_missing(
            lang,
            &community,
            seq,
            &hex,
            &t::no_community(lang, &community),
        ));
        return Ok(Outcome::Failed);
    };
    match store.check_head(c.id, seq, &hex)? {
        None => {
            crate::cli::outcome::outln(&t::head_ok(lang, &community, seq, &hex));
            Ok(Outcome::Ok)
        }
        Some(why) => {
            crate::cli::outcome::outln(&t::head_missing(lang, &community, seq, &hex, &why));
            Ok(Outcome::Failed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_head;

    #[test]
    fn heads_parse_from_the_right() {
        assert_eq!(
            parse_head("望城小区:3:0123456789abcdef"),
            Some(("望城小区".into(), 3, "0123456789abcdef".into()))
        );
        assert_eq!(
            parse_head("A:B:12:ABCDEF0123456789"),
            Some(("A:B".into(), 12, "abcdef0123456789".into()))
        );
        for bad in [
            "望城小区:3",
            "望城小区:x:0123",
            ":3:0123456789abcdef",
            "c:0:0123",
            "c:1:zz12",
        ] {
            assert_eq!(parse_head(bad), None, "{bad}");
        }
    }
}
