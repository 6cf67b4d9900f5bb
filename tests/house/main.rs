//! The house rules that the compiler does not check, read from `src/` itself: no import
//! circle between its files, no file over 600 lines, no module named after an issue, no
//! comment citing an issue number, and no family of three or more files sharing a prefix
//! in one folder (a feature is a folder).

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod imports;

use std::collections::BTreeMap;
use std::path::Path;

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rel(p: &Path) -> String {
    p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(p)
        .display()
        .to_string()
}

#[test]
fn no_import_circle_between_files() {
    let files = imports::source_files(&src());
    let edges = imports::graph(&files);
    let circles = imports::circles(files.len(), &edges);
    let mut report = String::new();
    for c in &circles {
        report.push_str(&format!("circle of {} files:\n", c.len()));
        for &a in c {
            for &b in c {
                if let Some(names) = edges.get(&a).and_then(|m| m.get(&b)) {
                    let names: Vec<_> = names.iter().cloned().collect();
                    report.push_str(&format!(
                        "  {} -> {}: {}\n",
                        rel(&files[a].path),
                        rel(&files[b].path),
                        names.join(", ")
                    ));
                }
            }
        }
    }
    assert!(circles.is_empty(), "{report}");
}

#[test]
fn the_reader_sees_the_imports_it_should() {
    // The graph is only worth its verdict if it sees real imports: the store imports the
    // domain, the UI the store, and the domain neither.
    let files = imports::source_files(&src());
    let edges = imports::graph(&files);
    let layer = |i: usize| files[i].module.first().cloned().unwrap_or_default();
    let mut pairs = std::collections::BTreeSet::new();
    for (a, m) in &edges {
        for b in m.keys() {
            pairs.insert((layer(*a), layer(*b)));
        }
    }
    assert!(pairs.contains(&("store".into(), "domain".into())));
    assert!(pairs.contains(&("ui".into(), "store".into())));
    for up in ["store", "ui", "cli", "strings"] {
        assert!(
            !pairs.contains(&("domain".into(), up.into())),
            "domain imports {up}"
        );
    }
    for up in ["ui", "cli"] {
        assert!(
            !pairs.contains(&("store".into(), up.into())),
            "store imports {up}"
        );
    }
}

#[test]
fn no_file_over_600_lines() {
    let long: Vec<String> = imports::source_files(&src())
        .iter()
        .filter(|f| f.text.lines().count() > 600)
        .map(|f| format!("{} ({} lines)", rel(&f.path), f.text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over 600 lines: {long:?}");
}

#[test]
fn no_comment_cites_an_issue() {
    let mut found = Vec::new();
    for f in imports::source_files(&src()) {
        for (n, line) in f.text.lines().enumerate() {
            let Some(at) = line.find("//") else { continue };
            let comment = line[at..].to_lowercase();
            let cites = comment.match_indices("issue").any(|(i, _)| {
                let after = comment[i + 5..].trim_start_matches(['s', ' ', '#']);
                after.starts_with(|c: char| c.is_ascii_digit())
            });
            if cites {
                found.push(format!("{}:{}", rel(&f.path), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "comments citing an issue number: {found:?}"
    );
}

#[test]
fn no_module_named_after_an_issue() {
    let nicknames = ["civic", "host", "record"];
    let bad: Vec<String> = imports::source_files(&src())
        .iter()
        .filter(|f| {
            let in_strings = f.module.first().is_some_and(|m| m == "strings");
            f.module
                .iter()
                .any(|m| m == "civic" || m.starts_with("civic_"))
                || (in_strings
                    && f.module
                        .last()
                        .is_some_and(|m| nicknames.contains(&m.as_str())))
        })
        .map(|f| rel(&f.path))
        .collect();
    assert!(bad.is_empty(), "modules named after an issue: {bad:?}");
}

#[test]
fn no_prefix_family_of_three_files_in_a_folder() {
    let mut by_folder: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in imports::source_files(&src()) {
        let folder = f.path.parent().map(rel).unwrap_or_default();
        let stem = f
            .path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        by_folder.entry(folder).or_default().push(stem);
    }
    let mut families = Vec::new();
    for (folder, stems) in by_folder {
        let mut count: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for s in &stems {
            if let Some((prefix, _)) = s.split_once('_') {
                count.entry(prefix).or_default().push(s);
            }
        }
        for (prefix, members) in count {
            // A family: three files named prefix_…, or the prefix file itself and two more.
            let with_base = members.len() + usize::from(stems.iter().any(|s| s == prefix));
            if with_base >= 3 {
                families.push(format!("{folder}/{prefix}_*: {members:?}"));
            }
        }
    }
    assert!(
        families.is_empty(),
        "prefix families (make them a folder): {families:?}"
    );
}
