//! The signed format is frozen: the minutes of the fixture database (made by the release
//! with schema version 4, see tests/fixtures/README.md) render to the committed bytes,
//! and that database opens (migrated, on a copy) and verifies with every later version.

use std::path::{Path, PathBuf};
use std::process::Command;

use yishi::domain::minutes::body::render;
use yishi::domain::minutes::{MinutesFormat, meeting_lang};
use yishi::store::Store;
use yishi::store::ids::MeetingId;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
/// The demo's signed meeting and the rich English one, with their golden bodies.
const GOLDEN: [(i64, &str); 2] = [(1, "minutes_v1_demo_zh.md"), (3, "minutes_v1_rich_en.md")];

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture file")
}

/// A copy of the release database in a temp dir: the committed file is never opened
/// for writing.
fn release_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("release-v4.db");
    std::fs::copy(fixture("release-v4.db"), &path).expect("copy fixture db");
    (dir, path)
}

#[test]
fn signed_minutes_render_to_the_golden_bytes() {
    let before = read("release-v4.db");
    let (_d, db) = release_copy();
    let store = Store::open(&db).expect("open (migrate) the release database");
    for (id, name) in GOLDEN {
        let golden = read(name);
        let rec = store.meeting_record(MeetingId(id)).expect("record");
        // V1 explicitly: the current format may move on, V1 never does.
        let body = render(&rec, meeting_lang(&rec), MinutesFormat::V1);
        assert!(
            body.as_bytes() == golden.as_slice(),
            "meeting {id} no longer renders to {name}:\n{body}"
        );
        let stored = store
            .stored_minutes(MeetingId(id))
            .expect("minutes")
            .expect("signed minutes");
        assert_eq!(stored.text.as_bytes(), golden.as_slice(), "{name}");
        assert_eq!(
            stored.format,
            MinutesFormat::V1.as_db(),
            "migrated minutes are V1"
        );
    }
    assert_eq!(
        read("release-v4.db"),
        before,
        "the committed file was changed"
    );
}

#[test]
fn release_database_migrates_and_verifies() {
    let (_d, db) = release_copy();
    {
        let store = Store::open(&db).expect("open (migrate) the release database");
        let reports = store.verify_all().expect("verify");
        assert_eq!(reports.len(), 2, "{reports:?}");
        for r in &reports {
            assert!(
                r.status.is_valid(),
                "meeting {}: {:?}",
                r.meeting_id,
                r.status
            );
        }
        let rec = store.meeting_record(MeetingId(3)).expect("rich record");
        assert_eq!(rec.addenda.len(), 1, "the rich meeting keeps its addendum");
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
    assert!(text.contains("valid"), "{text}");
}

#[test]
fn new_minutes_record_their_format_and_an_unknown_one_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("yishi.db");
    let mut store = Store::open(&db).expect("open");
    yishi::demo::install(&mut store).expect("demo");
    let m = store
        .stored_minutes(MeetingId(1))
        .expect("minutes")
        .expect("signed");
    assert_eq!(m.format, MinutesFormat::CURRENT.as_db());
    assert!(
        store
            .verify_meeting(MeetingId(1))
            .expect("verify")
            .status
            .is_valid()
    );
    drop(store);
    // A format from a newer release: named, not misread as a changed record.
    let c = rusqlite::Connection::open(&db).expect("raw open");
    c.execute_batch(
        "DROP TRIGGER lock_minutes_update; UPDATE minutes SET format = 99 WHERE meeting_id = 1;",
    )
    .expect("tamper");
    drop(c);
    let store = Store::open(&db).expect("open");
    match store.verify_meeting(MeetingId(1)).expect("verify").status {
        yishi::domain::signing::verify::VerifyStatus::Invalid(ps) => assert_eq!(
            ps,
            vec![yishi::domain::signing::verify::Problem::UnknownFormat { format: 99 }]
        ),
        other => panic!("expected invalid, got {other:?}"),
    }
}

/// The V2 renderings of the same two records. V2 is the format new signatures use; once
/// released it is frozen like V1: regenerate these files only in the commit that
/// introduces a format (YISHI_WRITE_GOLDEN=1 writes them when missing, never over one).
const GOLDEN_V2: [(i64, &str); 2] = [(1, "minutes_v2_demo_zh.md"), (3, "minutes_v2_rich_en.md")];

#[test]
fn the_records_render_to_the_v2_golden_bytes() {
    let (_d, db) = release_copy();
    let store = Store::open(&db).expect("open (migrate) the release database");
    for (id, name) in GOLDEN_V2 {
        let rec = store.meeting_record(MeetingId(id)).expect("record");
        let body = render(&rec, meeting_lang(&rec), MinutesFormat::V2);
        let path = fixture(name);
        if !path.exists() && std::env::var_os("YISHI_WRITE_GOLDEN").is_some() {
            std::fs::write(&path, &body).expect("write a new golden file");
        }
        let golden = read(name);
        assert!(
            body.as_bytes() == golden.as_slice(),
            "meeting {id} no longer renders to {name} in V2:\n{body}"
        );
    }
}

/// The release of schema version 9 (minutes format V2, the demo with its committee, its
/// written consultation in progress and its signed meeting): every later version opens
/// a copy, migrates it and verifies it.
#[test]
fn release_v9_database_migrates_and_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("release-v9.db");
    std::fs::copy(fixture("release-v9.db"), &db).expect("copy fixture db");
    {
        let store = Store::open(&db).expect("open (migrate) the v9 database");
        let reports = store.verify_all().expect("verify");
        assert!(!reports.is_empty());
        assert!(reports.iter().all(|r| r.status.is_valid()), "{reports:?}");
        let m = store
            .stored_minutes(MeetingId(1))
            .expect("minutes")
            .expect("signed");
        assert_eq!(m.format, MinutesFormat::V2.as_db());
    }
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["--db", &db.display().to_string(), "--lang", "en", "verify"])
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
