//! The command line speaks the chosen language in its own refusals, and takes a
//! meeting kind by its name in either language (issue 15, item 2).

use std::path::Path;
use std::process::{Command, Output};

fn yishi(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yishi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn ids(o: &Output) -> Vec<i64> {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|m| m["id"].as_i64().expect("id"))
        .collect()
}

#[test]
fn kinds_by_name_in_either_language_and_refusals_in_the_chosen_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.db");
    let o = yishi(&db, &["demo", "--no-tui"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let by_id = ids(&yishi(
        &db,
        &["minutes", "list", "--json", "--kind", "owners_assembly"],
    ));
    assert!(!by_id.is_empty());
    for name in ["业主大会", "Owners' assembly", "owners' assembly"] {
        let got = ids(&yishi(&db, &["minutes", "list", "--json", "--kind", name]));
        assert_eq!(got, by_id, "--kind {name}");
    }
    assert!(
        ids(&yishi(
            &db,
            &["minutes", "list", "--json", "--kind", "党支部会议"]
        ))
        .is_empty()
    );

    // A wrong kind: refused (exit 2) in the chosen language, with the kinds in it.
    let zh = yishi(&db, &["--lang", "zh", "minutes", "list", "--kind", "野餐"]);
    assert_eq!(zh.status.code(), Some(2));
    let err = String::from_utf8_lossy(&zh.stderr);
    assert!(
        err.contains("业主大会") && err.contains("居民议事会"),
        "{err}"
    );
    assert!(err.contains("野餐"), "{err}");
    assert!(!err.contains("must be"), "{err}");
    let en = yishi(
        &db,
        &["--lang", "en", "minutes", "list", "--kind", "picnic"],
    );
    assert_eq!(en.status.code(), Some(2));
    let err = String::from_utf8_lossy(&en.stderr);
    assert!(err.contains("Owners' assembly"), "{err}");
    assert!(!has_chinese(&err), "{err}");

    // A bad date, a missing file, an empty community: the chosen language too.
    let o = yishi(&db, &["--lang", "zh", "minutes", "list", "--since", "May"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(has_chinese(&String::from_utf8_lossy(&o.stderr)));
    let missing = dir.path().join("nope.csv");
    let o = yishi(
        &db,
        &[
            "--lang",
            "zh",
            "roster",
            "import",
            missing.to_str().unwrap(),
            "--community",
            "望城小区",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("没有这个文件") && !err.contains("os error"),
        "{err}"
    );
    let csv = dir.path().join("r.csv");
    std::fs::write(
        &csv,
        "label,building,unit,area,owner\n1-101,1,1,88.50,王一\n",
    )
    .unwrap();
    let o = yishi(
        &db,
        &[
            "--lang",
            "zh",
            "roster",
            "import",
            csv.to_str().unwrap(),
            "--community",
            " ",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("需要一个名称"));
}
