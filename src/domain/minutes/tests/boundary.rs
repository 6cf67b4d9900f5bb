//! The edge of the frozen format: `domain::minutes` imports nothing of the domain but
//! the record model and the rule outcomes, and its frozen copies agree today with the
//! live helpers the screens use (they may part later; the copies may not change).

use std::path::{Path, PathBuf};

use crate::domain::minutes::frozen::{numbers, text};

/// The domain modules the minutes may import: the record model and the rule outcomes.
const ALLOWED: [&str; 7] = [
    "minutes",
    "record",
    "model",
    "lang",
    "rules",
    "cost",
    "suggestions",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("minutes folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name == "tests" || name == "tests.rs" {
            continue;
        }
        if p.is_dir() {
            sources(&p, out);
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments and its inline tests (which come last).
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::domain::…` path of `code` as the segments after `domain`, with the
/// items of a `{…}` group each as a path of its own.
fn domain_paths(code: &str) -> Vec<Vec<String>> {
    let flat: String = code.split_whitespace().collect::<Vec<_>>().join("");
    let mut out = Vec::new();
    for part in flat.split("crate::domain::").skip(1) {
        let head: String = part
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let mut segs: Vec<String> = head
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let rest = &part[head.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            for item in inner.split(',').filter(|i| !i.is_empty()) {
                let mut p = segs.clone();
                p.extend(item.split("::").map(String::from));
                out.push(p);
            }
        } else {
            segs.retain(|s| s != "self");
            out.push(segs);
        }
    }
    out
}

/// Why a path may not be imported by the minutes, if it may not.
fn refused(path: &[String]) -> Option<&'static str> {
    let top = path.first().map(String::as_str).unwrap_or_default();
    if !ALLOWED.contains(&top) {
        return Some("not the record model or the rule outcomes");
    }
    let formatting = path.iter().any(|s| {
        s.starts_with("fmt_") || s.starts_with("parse_") || s == "figures" || s == "percent_tenths"
    });
    (top != "minutes" && formatting).then_some("formatting: use a frozen copy in minutes")
}

#[test]
fn the_minutes_import_only_the_record_model_and_the_rule_outcomes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain/minutes");
    let mut files = Vec::new();
    sources(&dir, &mut files);
    assert!(files.len() > 10, "read {} files", files.len());
    let mut wrong = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("source");
        let code = code(&text);
        assert!(
            !code.contains("super::super"),
            "{} reaches out by super::super",
            f.display()
        );
        for p in domain_paths(&code) {
            if let Some(why) = refused(&p) {
                wrong.push(format!("{}: domain::{} ({why})", f.display(), p.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_boundary_check_sees_a_forbidden_import() {
    let code = code(
        "use crate::domain::text::clean_line;\nuse crate::domain::{cost::fmt_yuan, model::Choice};\n// crate::domain::signing in a comment\n",
    );
    let refused: Vec<String> = domain_paths(&code)
        .into_iter()
        .filter(|p| refused(p).is_some())
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(refused, ["text::clean_line", "cost::fmt_yuan"]);
}

#[test]
fn the_frozen_copies_agree_with_the_live_helpers_today() {
    use crate::domain::cost::{FloorCoef, fmt_coef, fmt_coefs, fmt_yuan};
    use crate::domain::rules::figures::percent_beside;
    use crate::domain::rules::numbers::{Cmp, Frac};
    let samples = [
        "王小明",
        "黄明",
        "欧阳小明",
        "John Smith",
        "张伟、李娜",
        "Ann, Bob",
        "a\x1b[31mred\x1b[0m b",
        "a\tb\nc\r\nd",
        "abc\u{202E}fdp.exe",
        "## 签署 - [x](http://a) *b* _c_ <d> & 1. e",
        "   3) 房号 501",
        "１２３ 室",
        "",
    ];
    for s in samples {
        assert_eq!(text::clean_line(s), crate::domain::text::clean_line(s));
        assert_eq!(
            text::clean_multiline(s),
            crate::domain::text::clean_multiline(s)
        );
        assert_eq!(text::escape(s), crate::domain::text::md_escape::escape(s));
        assert_eq!(
            text::unescape(&text::escape(s)),
            crate::domain::text::md_escape::unescape(&text::escape(s))
        );
        assert_eq!(text::mask_name(s), crate::domain::text::names::mask_name(s));
    }
    for fen in [0, 5, 100, 123_456, 1_600_000_000, -250] {
        assert_eq!(numbers::fmt_yuan(fen), fmt_yuan(fen));
    }
    for milli in [0, 700, 1000, 1250, 2005] {
        assert_eq!(numbers::fmt_coef(milli), fmt_coef(milli));
    }
    let coefs: Vec<FloorCoef> = [(1, 0), (2, 0), (3, 700), (4, 800), (5, 800)]
        .into_iter()
        .map(|(floor, milli)| FloorCoef { floor, milli })
        .collect();
    assert_eq!(numbers::fmt_coefs(&coefs), fmt_coefs(&coefs));
    for (v, t) in [
        (0, 0),
        (1, 2),
        (2, 3),
        (7497, 10000),
        (49_987, 100_000),
        (3, 4),
    ] {
        for cmp in [Cmp::Ge, Cmp::Gt] {
            for th in [Frac::HALF, Frac::TWO_THIRDS, Frac::THREE_QUARTERS] {
                let check = crate::domain::rules::Check {
                    kind: crate::domain::rules::CheckKind::Approval,
                    basis: crate::domain::rules::Basis::Headcount,
                    value: v,
                    total: t,
                    cmp,
                    threshold: th,
                    met: false,
                };
                assert_eq!(
                    numbers::check_percent(&check),
                    percent_beside(v, t, cmp, th)
                );
            }
        }
    }
}
