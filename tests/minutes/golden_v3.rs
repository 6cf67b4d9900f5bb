//! The release of schema version 12 (minutes format V3: an item's source and its cost
//! plan per unit; mediation agreements in their format V1), made with
//! `cargo run --example release_fixture -- tests/fixtures` (see tests/fixtures/README.md):
//! its signed minutes render to the committed V3 bytes, and every later version opens a
//! copy, migrates it and verifies it, agreements included.

use std::path::{Path, PathBuf};
use std::process::Command;

use yishi::domain::minutes::body::render;
use yishi::domain::minutes::{MinutesFormat, meeting_lang};
use yishi::store::Store;
use yishi::store::ids::MeetingId;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const RELEASE: &str = "release-v12.db";
/// The demo's signed meeting and the rich English one, with their golden V3 bodies.
const GOLDEN_V3: [(i64, &str); 2] = [(1, "minutes_v3_demo_zh.md"), (4, "minutes_v3_rich_en.md")];

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture file")
}

/// A copy in a temp dir: the committed file is never opened for writing.
fn release_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(RELEASE);
    std::fs::copy(fixture(RELEASE), &path).expect("copy fixture db");
    (dir, path)
}

#[test]
fn v3_minutes_render_to_the_golden_bytes_and_are_stored_as_signed() {
    let before = read(RELEASE);
    let (_d, db) = release_copy();
    let store = Store::open(&db).expect("open (migrate) the release database");
    for (id, name) in GOLDEN_V3 {
        let golden = read(name);
        let rec = store.meeting_record(MeetingId(id)).expect("record");
        // V3 explicitly: the current format may move on, a released one never does.
        let body = render(&rec, meeting_lang(&rec), MinutesFormat::V3);
        assert!(
            body.as_bytes() == golden.as_slice(),
            "meeting {id} no longer renders to {name} in V3:\n{body}"
        );
        let stored = store
            .stored_minutes(MeetingId(id))
            .expect("minutes")
            .expect("signed minutes");
        assert_eq!(stored.text.as_bytes(), golden.as_slice(), "{name}");
        assert_eq!(stored.format, MinutesFormat::V3.as_db());
    }
    // What V3 added is in the golden text: the item's source and its cost per unit.
    let demo = String::from_utf8(read(GOLDEN_V3[0].1)).expect("utf-8");
    assert!(demo.contains("来源：居民意见"), "{demo}");
    assert!(demo.contains("各户分摊"), "{demo}");
    assert_eq!(read(RELEASE), before, "the committed file was changed");
}

#[test]
fn release_v12_database_migrates_and_verifies_agreements_included() {
    let (_d, db) = release_copy();
    {
        let store = Store::open(&db).expect("open (migrate) the v12 database");
        let reports = store.verify_all().expect("verify");
        assert!(reports.len() >= 2, "{reports:?}");
        assert!(reports.iter().all(|r| r.status.is_valid()), "{reports:?}");
        // The search index is rebuilt in the layout of the version that opened it: the
        // signed gate meeting is found by a word, a character and a run's last character.
        for q in ["大门", "门", "门禁"] {
            let filter = yishi::store::archive::ArchiveFilter {
                search: Some(q.into()),
                ..Default::default()
            };
            let ids: Vec<i64> = store
                .archive(&filter)
                .expect("search")
                .iter()
                .map(|r| r.id.0)
                .collect();
            assert!(ids.contains(&1), "{q}: {ids:?}");
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["--db", &db.display().to_string(), "--lang", "en", "verify"])
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Agreement"),
        "agreements are verified too:\n{text}"
    );
    assert!(!text.contains("invalid"), "{text}");
}
