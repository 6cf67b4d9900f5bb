//! The district report's mediation figures (issue 19): counts by kind, status and month
//! recomputed from the cases table, and no party's name, case title or fact in any format.

use std::path::Path;
use std::process::Command;

fn yishi(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn section(report: &serde_json::Value, key: &str) -> Vec<(String, i64)> {
    // An empty list of sections may be left out of the JSON.
    report["total"]["extra"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .find(|x| x["key"] == key)
        .map(|x| {
            x["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| {
                    (
                        r[0].as_str().expect("name").to_string(),
                        r[1].as_i64().expect("n"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn mediation_figures_are_recomputed_and_no_name_is_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("yishi.db");
    yishi(&db, &["demo", "--no-tui"]);
    let c = rusqlite::Connection::open(&db).expect("open");
    let counts = |sql: &str| -> Vec<(String, i64)> {
        let mut st = c.prepare(sql).expect("prepare");
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let json = yishi(&db, &["--lang", "en", "report", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");

    let total: i64 = c
        .query_row("SELECT count(*) FROM mediation_cases", [], |r| r.get(0))
        .expect("count");
    assert!(total >= 12, "the demo's dozen cases");
    let kinds = section(&report, "mediation_kind");
    assert_eq!(kinds.iter().map(|r| r.1).sum::<i64>(), total, "{kinds:?}");
    let status = section(&report, "mediation_status");
    assert_eq!(status.iter().map(|r| r.1).sum::<i64>(), total, "{status:?}");
    let months = section(&report, "mediation_month");
    let expected = counts(
        "SELECT substr(opened_on, 1, 7), count(*) FROM mediation_cases GROUP BY 1 ORDER BY 1",
    );
    assert_eq!(months, expected);
    let leaks: i64 = c
        .query_row(
            "SELECT count(*) FROM mediation_cases WHERE kind = 'leak'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert!(
        kinds.contains(&("Water leak".to_string(), leaks)),
        "{kinds:?}"
    );

    // A year with no case has no mediation section.
    let none = yishi(
        &db,
        &[
            "--lang", "en", "report", "--year", "2001", "--format", "json",
        ],
    );
    let none: serde_json::Value = serde_json::from_str(&none).expect("json");
    assert!(section(&none, "mediation_kind").is_empty());

    // No party, title or fact of any case, in any format or language.
    let mut private: Vec<String> = counts("SELECT name, 0 FROM mediation_parties")
        .into_iter()
        .map(|r| r.0)
        .collect();
    private.extend(
        counts("SELECT title, 0 FROM mediation_cases")
            .into_iter()
            .map(|r| r.0),
    );
    private.extend(
        counts("SELECT facts, 0 FROM mediation_cases")
            .into_iter()
            .map(|r| r.0),
    );
    assert!(private.len() > 24);
    for lang in ["zh", "en"] {
        for format in ["json", "csv", "html"] {
            let out = yishi(&db, &["--lang", lang, "report", "--format", format]);
            for p in &private {
                assert!(!out.contains(p.as_str()), "{lang} {format} prints {p:?}");
            }
        }
    }
}
