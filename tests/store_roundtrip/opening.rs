//! What Store::open refuses, file permissions, the migration path, one writer per file.

use super::support::*;
use yishi::store::ids::{CommunityId, VoterId};

// ---------------------------------------------------------------------------------------
// Opening

#[cfg(unix)]
#[test]
fn a_new_database_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = temp_db();
    let path = dir.path().join("sub").join("dir").join("new.db");
    let store = Store::open(&path).unwrap();
    drop(store);
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "new database mode {mode:o}");
}

#[test]
fn a_new_database_carries_our_id_and_version_and_settings() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    drop(store);
    let c = Connection::open(&path).unwrap();
    let get = |p: &str| -> i64 {
        c.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(get("application_id"), APPLICATION_ID);
    assert_eq!(get("user_version"), SCHEMA_VERSION);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn store_open_refuses_what_is_not_ours() {
    let (dir, _) = temp_db();
    let text = dir.path().join("t.db");
    fs::write(&text, "not a database").unwrap();
    assert!(matches!(Store::open(&text), Err(StoreError::NotSqlite(_))));

    let other = dir.path().join("o.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    assert!(matches!(Store::open(&other), Err(StoreError::Foreign(_))));

    let newer = dir.path().join("n.db");
    drop(Store::open(&newer).unwrap());
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = fs::read(&newer).unwrap();
    match Store::open(&newer) {
        Err(StoreError::Newer { found, known, .. }) => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        Err(e) => panic!("wrong refusal: {e}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    assert!(fs::read(&newer).unwrap() == before);
    // Every refusal is one plain sentence (the user's, from strings).
    for e in [
        Store::open(&text).err().unwrap(),
        Store::open(&other).err().unwrap(),
        Store::open(&newer).err().unwrap(),
    ] {
        let s = yishi::strings::store_error(yishi::strings::Lang::En, &e);
        assert!(
            !s.contains('\n') && (s.ends_with('.') || s.ends_with('。')),
            "{s}"
        );
        assert!(s.contains("unchanged"), "{s}");
    }
}

#[test]
fn an_empty_file_or_empty_sqlite_database_becomes_a_yishi_database() {
    let (dir, _) = temp_db();
    let empty = dir.path().join("empty.db");
    fs::write(&empty, b"").unwrap();
    let mut s = Store::open(&empty).unwrap();
    roster(&mut s);
    drop(s);
    assert_eq!(user_version(&empty), SCHEMA_VERSION);

    let blank = dir.path().join("blank.db");
    Connection::open(&blank)
        .unwrap()
        .execute_batch("VACUUM;")
        .unwrap();
    let mut s = Store::open(&blank).unwrap();
    roster(&mut s);
    drop(s);
    assert_eq!(user_version(&blank), SCHEMA_VERSION);
}

#[test]
fn an_older_database_is_migrated_with_a_backup_copy_first() {
    // There is only one schema version so far; a file of ours marked as version 0
    // exercises the path: the backup copy, then user_version moved forward, data kept.
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    yishi::demo::install(&mut store).unwrap();
    let voters = store.voters(CommunityId(1)).unwrap().len();
    drop(store);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 0)
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.voters(CommunityId(1)).unwrap().len(), voters);
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let backup = dir.path().join("roundtrip.db.v0.bak");
    assert!(backup.exists(), "the backup copy is taken before migrating");
    let b = Connection::open(&backup).unwrap();
    let (v, app, n): (i64, i64, i64) = (
        b.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap(),
        b.query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap(),
        b.query_row("SELECT count(*) FROM voters", [], |r| r.get(0))
            .unwrap(),
    );
    assert_eq!((v, app, n as usize), (0, APPLICATION_ID, voters));
}

#[test]
fn a_second_yishi_on_the_same_file_gets_read_only_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("two.db");
    let mut first = Store::open(&db).unwrap();
    assert!(first.claim());
    assert!(
        first.claim(),
        "claiming again in the same process keeps the claim"
    );
    let mut second = Store::open(&db).unwrap();
    assert!(!second.claim());
    assert!(second.read_only());
    let err = second.import_roster("x", &[]).unwrap_err();
    assert!(matches!(err, yishi::store::StoreError::ReadOnly), "{err:?}");
    drop(first);
    let mut third = Store::open(&db).unwrap();
    assert!(
        third.claim(),
        "the claim is released with the first process"
    );
}

#[test]
fn the_remark_of_the_speaker_who_has_the_floor_is_kept_when_the_vote_starts() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let ids = roster(&mut store);
    let m = store
        .create_meeting(
            ids.community,
            Electorate::Owners,
            &meeting_input("发言不丢失"),
        )
        .unwrap();
    let item = store
        .add_item(
            m,
            &item_input(
                "停车公约",
                Category::Parking,
                Scope::all(),
                RuleKind::Art278Ordinary,
            ),
        )
        .unwrap();
    let late = store
        .add_item(
            m,
            &item_input("路灯", Category::Facility, Scope::all(), RuleKind::NoVote),
        )
        .unwrap();
    store.start_meeting(m).unwrap();
    let community = store.meeting(m).unwrap().community_id;
    all_present(&mut store, m.0, community);
    let r = store.queue_speaker(item, "赵三", None).unwrap();
    store.next_speaker(item).unwrap();
    store.record_remark(r, "同意，但收费要公示。").unwrap();
    // No "next speaker": the vote starts while 赵三 still has the floor.
    store.start_vote(item).unwrap();
    let r2 = store.queue_speaker(late, "钱四", None).unwrap();
    store.next_speaker(late).unwrap();
    store.record_remark(r2, "路灯坏了三盏。").unwrap();
    let first = store.ballots(item).unwrap()[0].voter_id;
    store
        .answer(item, VoterId(first), Choice::Yes, None)
        .unwrap();
    store.close_vote(item).unwrap();
    // Adjourning while 钱四 has the floor keeps the remark as well.
    store.adjourn(m).unwrap();
    let rec = store.meeting_record(m).unwrap();
    assert_eq!(rec.items[0].remarks.len(), 1, "{:?}", rec.items[0].remarks);
    assert_eq!(rec.items[0].remarks[0].text, "同意，但收费要公示。");
    assert_eq!(rec.items[1].remarks[0].text, "路灯坏了三盏。");
}

#[test]
fn an_older_search_index_is_rebuilt_by_the_migration() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        yishi::demo::install(&mut store).unwrap();
    }
    // Put the file back to version 2: the index without its `pairs` column, and empty.
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP TABLE search_index;
             DROP TABLE IF EXISTS search_index_content;
             CREATE VIRTUAL TABLE search_index USING fts5 (
                 body, meeting_id UNINDEXED, kind UNINDEXED, ref_id UNINDEXED, tokenize = 'unicode61');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let bak = PathBuf::from(format!("{}.v2.bak", path.display()));
    assert!(bak.exists(), "a backup copy is taken before migrating");
    for q in ["大门", "门", "主干道拓宽", "伸缩门"] {
        let f = yishi::store::archive::ArchiveFilter {
            search: Some(q.into()),
            include_open: true,
            ..Default::default()
        };
        assert!(
            !store.archive(&f).unwrap().is_empty(),
            "{q} is found after the rebuild"
        );
    }
}
