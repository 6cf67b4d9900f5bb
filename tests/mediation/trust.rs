//! At the district an agreement is believed as minutes are: where the district has pinned
//! the community's keys (from its notices), an agreement signed with a key it has not
//! pinned, nor registered from a pinned key, is refused, whatever roster the file carries.

use std::path::{Path, PathBuf};
use std::process::Command;

fn yishi(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The demo laptop's signed minutes (meeting 1) and its signed water-leak agreement.
fn exports(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("laptop.db");
    let (code, out, err) = yishi(&db, &["demo", "--no-tui"]);
    assert_eq!(code, 0, "{out}{err}");
    let minutes = dir.join("minutes.json");
    let (code, _, err) = yishi(
        &db,
        &[
            "export",
            "1",
            "--format",
            "json",
            "-o",
            &minutes.display().to_string(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = yishi(&db, &["mediation", "list", "--json"]);
    assert_eq!(code, 0);
    let cases: serde_json::Value = serde_json::from_str(&out).expect("json");
    let leak = cases
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["title"].as_str().is_some_and(|t| t.contains("漏水至501")))
        .and_then(|c| c["id"].as_i64())
        .expect("the demo's signed leak case");
    let agreement = dir.join("leak.json");
    let (code, _, err) = yishi(
        &db,
        &[
            "mediation",
            "export",
            &leak.to_string(),
            "-o",
            &agreement.display().to_string(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    (minutes, agreement)
}

#[test]
fn an_agreement_signed_with_a_key_the_district_has_not_pinned_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let (minutes, agreement) = exports(dir.path());
    let (m, a) = (
        minutes.display().to_string(),
        agreement.display().to_string(),
    );

    // A district that pinned the community's keys from its minutes takes the agreement.
    let trusting = dir.path().join("district.db");
    let (code, out, err) = yishi(&trusting, &["import", &m, "--trust-new"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = yishi(&trusting, &["import", &a]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Imported the agreement"), "{out}");

    // A district whose pins for the community are other keys refuses it, and keeps nothing.
    let other = dir.path().join("district2.db");
    let (code, out, err) = yishi(&other, &["import", &m, "--trust-new"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, list, _) = yishi(&other, &["trust", "list"]);
    assert_eq!(code, 0, "{list}");
    let fps: Vec<String> = list
        .split_whitespace()
        .filter(|w| w.len() == 19 && w.matches(':').count() == 3)
        .map(String::from)
        .collect();
    assert!(!fps.is_empty(), "{list}");
    let community = "望城小区";
    let (code, out, err) = yishi(&other, &["trust", "add", community, "0000:1111:2222:3333"]);
    assert_eq!(code, 0, "{out}{err}");
    for f in &fps {
        let (code, out, err) = yishi(&other, &["trust", "remove", community, f]);
        assert_eq!(code, 0, "{out}{err}");
    }
    let (code, out, err) = yishi(&other, &["import", &a]);
    assert_ne!(code, 0, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("not pinned"),
        "the refusal names the reason:\n{out}{err}"
    );
    let c = rusqlite::Connection::open(&other).expect("open");
    let kept: i64 = c
        .query_row("SELECT count(*) FROM mediation_imports", [], |r| r.get(0))
        .expect("count");
    assert_eq!(kept, 0, "nothing kept");
}
