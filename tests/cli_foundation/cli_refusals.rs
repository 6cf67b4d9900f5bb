//! The store's refusals on the command line are in the user's language: `--lang zh`
//! gives the Chinese sentence, `--lang en` the English one (issue 12).

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn yishi(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A roster row whose owner is already on the roster as another kind of voter: the
/// store refuses (`Refusal::CsvOtherKind`), and the command line says it in the language
/// asked for.
#[test]
fn a_refused_roster_import_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.db");
    let header = "label,building,unit,area,owner,kind,roles,phone\n";
    let first = dir.path().join("first.csv");
    std::fs::write(
        &first,
        format!("{header}3栋2单元101,3栋,2单元,85.30,王一,,,\n"),
    )
    .unwrap();
    let o = yishi(
        dir.path(),
        &db,
        &[
            "roster",
            "import",
            first.to_str().unwrap(),
            "--community",
            "望城小区",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let second = dir.path().join("second.csv");
    std::fs::write(
        &second,
        format!("{header}3栋2单元102,3栋,2单元,90,王一,developer,,\n"),
    )
    .unwrap();
    let args = |lang: &'static str| {
        vec![
            "--lang".to_string(),
            lang.to_string(),
            "roster".into(),
            "import".into(),
            second.to_str().unwrap().into(),
            "--community".into(),
            "望城小区".into(),
        ]
    };
    let run = |lang| {
        let a = args(lang);
        let a: Vec<&str> = a.iter().map(|s| s.as_str()).collect();
        yishi(dir.path(), &db, &a)
    };
    let zh = run("zh");
    let err = String::from_utf8_lossy(&zh.stderr);
    assert_eq!(zh.status.code(), Some(2), "{err}");
    assert!(
        err.contains("第 2 行") && err.contains("类别不同"),
        "not the Chinese refusal: {err}"
    );
    assert!(
        !err.contains("another kind"),
        "English in the Chinese refusal: {err}"
    );
    let en = run("en");
    let err = String::from_utf8_lossy(&en.stderr);
    assert_eq!(en.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Line 2: 王一 is already in the roster with another kind."),
        "{err}"
    );
}

#[test]
fn a_refused_backup_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.db");
    let o = yishi(dir.path(), &db, &["demo", "--no-tui"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // A backup never overwrites a file: the store refuses, and says so.
    let dest = dir.path().join("taken.db");
    std::fs::write(&dest, b"mine").unwrap();
    let dest = dest.to_str().unwrap();

    let zh = yishi(dir.path(), &db, &["--lang", "zh", "backup", dest]);
    let err = String::from_utf8_lossy(&zh.stderr);
    assert_eq!(zh.status.code(), Some(2), "{err}");
    assert!(
        err.contains("已存在，未做改动"),
        "not the Chinese refusal: {err}"
    );
    assert!(
        !err.contains("already exists"),
        "English in the Chinese refusal: {err}"
    );

    let en = yishi(dir.path(), &db, &["--lang", "en", "backup", dest]);
    let err = String::from_utf8_lossy(&en.stderr);
    assert_eq!(en.status.code(), Some(2), "{err}");
    assert!(
        err.contains("already exists and was left as it is"),
        "{err}"
    );
    assert!(!has_chinese(
        err.trim_start_matches("yishi: ")
            .split(dest)
            .nth(1)
            .unwrap_or("")
    ));
    // The file that was there is untouched.
    assert_eq!(std::fs::read(dest).unwrap(), b"mine");
}
