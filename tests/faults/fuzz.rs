//! The fuzz targets' properties (fuzz/fuzz_targets/*.rs) on stable Rust: random and
//! mutated inputs for CSV import and for `verify --file` JSON, plus crafted hostile
//! files through the real binary. `cargo fuzz` runs the same checks for longer.

use std::fs;

use crate::faults_support::{demo_db, yishi, yishi_bin};
use proptest::prelude::*;
use yishi::domain::roster_csv::{MAX_AREA_CENTI, parse};
use yishi::domain::signing::verify::{ExportBundle, verify_record};
use yishi::domain::text::{clean_line, has_unsafe};
use yishi::strings::{Lang, verify_line};

fn check_csv(data: &[u8]) -> Result<(), TestCaseError> {
    match parse(data) {
        Ok(rows) => {
            for r in rows {
                prop_assert!(r.line >= 2);
                prop_assert!((0..=MAX_AREA_CENTI).contains(&r.area_centi));
                for cell in [&r.label, &r.building, &r.unit, &r.owner, &r.roles, &r.phone] {
                    prop_assert!(!has_unsafe(cell), "{:?}", cell);
                }
            }
        }
        Err(e) => {
            prop_assert!(e.line >= 1);
            prop_assert!(!has_unsafe(&e.en) && !has_unsafe(&e.zh), "{:?}", e);
        }
    }
    Ok(())
}

fn check_bundle(text: &str) -> Result<(), TestCaseError> {
    match serde_json::from_str::<ExportBundle>(text) {
        Err(e) => prop_assert!(!has_unsafe(&clean_line(&e.to_string()))),
        Ok(b) => {
            let status = verify_record(&b.record, b.minutes.as_ref(), &b.signatures, &[]);
            for lang in [Lang::En, Lang::Zh] {
                let line = verify_line(lang, None, &b.record.title, &status, "");
                prop_assert!(!has_unsafe(&clean_line(&line)));
            }
        }
    }
    Ok(())
}

const CSV: &str = "label,building,unit,area,owner,kind,roles,phone,council,council_role\n\
1栋1单元101,1栋,1单元,85.30,黄小明,,居民代表,13800000000,,\n\
1栋1单元102,1栋,1单元,90,\"李,玉梅\",coowners,,,业委会,主任\n";

fn csv_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,6}",
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        Just("\u{1b}]0;t\u{7}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{feff}".to_string()),
        Just("-1".to_string()),
        Just("99999999999999999999".to_string()),
        Just("1e3".to_string()),
        Just("0.001".to_string()),
        Just("面积".to_string()),
        Just("label".to_string()),
        "[一-龥]{1,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn csv_random_bytes(data in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_csv(&data)?;
    }

    #[test]
    fn csv_mutated_good_file(
        at in 0usize..CSV.len(),
        len in 0usize..12,
        insert in csv_piece(),
    ) {
        let mut b = CSV.as_bytes().to_vec();
        let end = (at + len).min(b.len());
        b.splice(at..end, insert.into_bytes());
        check_csv(&b)?;
    }

    #[test]
    fn csv_structured(rows in proptest::collection::vec(
        proptest::collection::vec(csv_piece(), 1..7), 0..6)
    ) {
        let mut s = String::from("label,building,unit,area,owner\n");
        for r in rows {
            s.push_str(&r.join(","));
            s.push('\n');
        }
        check_csv(s.as_bytes())?;
    }
}

fn good_bundle() -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("m.json");
    let o = yishi(
        &db,
        &[
            "export",
            "1",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    fs::read_to_string(out).unwrap()
}

fn json_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"\\u001b]0;OSCTITLE\\u0007\"".to_string()),
        Just("\"\\u202e\"".to_string()),
        Just("null".to_string()),
        Just("-1".to_string()),
        Just("9223372036854775807".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("\"\"".to_string()),
        Just("\"yes\"".to_string()),
        "[ -~]{0,5}",
    ]
}

#[test]
fn verify_file_survives_mutations_of_a_real_export() {
    let good = good_bundle();
    check_bundle(&good).unwrap();
    // Every value position of the real export replaced in turn, plus random splices.
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(1500));
    runner
        .run(
            &(0usize..good.len(), 0usize..40, json_piece()),
            |(at, len, piece)| {
                let mut at = at;
                while !good.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + len).min(good.len());
                while !good.is_char_boundary(end) {
                    end -= 1;
                }
                let mut s = good.clone();
                s.replace_range(at..end, &piece);
                check_bundle(&s)
            },
        )
        .unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(500));
    runner.run(&any::<String>(), |s| check_bundle(&s)).unwrap();
}

#[test]
fn verify_file_never_prints_escape_sequences_from_the_file() {
    let good = good_bundle();
    let dir = tempfile::tempdir().unwrap();
    let hostile = "\\u001b]0;OSCTITLE\\u0007\\u202e";
    let cases = [
        good.replacen("\"owners_assembly\"", &format!("\"{hostile}\""), 1),
        good.replacen("\"signed\"", &format!("\"{hostile}\""), 1),
        good.replacen("\"yes\"", &format!("\"{hostile}\""), 1),
        good.replacen("\"format\": \"", &format!("\"format\": \"{hostile}"), 1),
        format!("{{\"{hostile}\": 1}}"),
        good.replacen("\"title\": \"", &format!("\"title\": \"{hostile}"), 1),
    ];
    for (i, c) in cases.iter().enumerate() {
        assert_ne!(c, &good, "case {i} changed nothing");
        let f = dir.path().join(format!("c{i}.json"));
        fs::write(&f, c).unwrap();
        let o = std::process::Command::new(yishi_bin())
            .args(["--lang", "en", "verify", "--file"])
            .arg(&f)
            .output()
            .unwrap();
        let all = [o.stdout, o.stderr].concat();
        assert!(
            !all.windows(2).any(|w| w == b"\x1b]")
                && !all.windows(8).any(|w| w == b"OSCTITLE")
                && !all.contains(&0x07)
                && !all.windows(3).any(|w| w == "\u{202e}".as_bytes()),
            "case {i}: {:?}",
            String::from_utf8_lossy(&all)
        );
        // (Control characters added to the title vanish when the minutes are rendered,
        // so that file may still verify: the signed text is unchanged.)
        assert!(matches!(o.status.code(), Some(0..=2)), "case {i}");
    }
}

#[test]
fn verify_file_with_areas_that_overflow_a_sum_says_invalid_without_panicking() {
    // Found by the mutation run above: two ballots of area i64::MAX overflowed the
    // minutes' sum of areas while re-rendering a forged file.
    let good = good_bundle();
    let forged = good.replace("\"area\":", "\"area\":9223372036854775807,\"was\":");
    assert_ne!(forged, good, "the export has ballots with an area");
    check_bundle(&forged).unwrap();
}
