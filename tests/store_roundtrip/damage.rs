//! A damaged file is found out (in the background, or by a read command) and never written.

use super::support::*;

/// A file past `SYNC_CHECK_LIMIT` with a damaged page in the middle of its proposal
/// texts.
fn large_damaged_file() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        let ids = roster(&mut store);
        // Grow the file past the size checked before the first frame.
        let m = store
            .create_meeting(ids.community, Electorate::Owners, &meeting_input("大文件"))
            .unwrap();
        let big = "很长的提案。".repeat(60_000);
        for i in 0..8 {
            store
                .add_item(
                    m,
                    &ItemInput {
                        proposal: big.clone(),
                        ..item_input(
                            &format!("议题{i}"),
                            Category::Other,
                            Scope::all(),
                            RuleKind::NoVote,
                        )
                    },
                )
                .unwrap();
        }
    }
    let len = fs::metadata(&path).unwrap().len();
    assert!(len > yishi::store::SYNC_CHECK_LIMIT, "{len}");
    // Damage a page in the middle of the proposal texts.
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    let at = (bytes.len() / page / 2) * page;
    for b in &mut bytes[at + 8..at + page] {
        *b = 0x5a;
    }
    fs::write(&path, &bytes).unwrap();
    (dir, path)
}

#[test]
fn a_large_damaged_file_is_found_out_in_the_background_and_never_written() {
    let (_dir, path) = large_damaged_file();
    let before = fs::read(&path).unwrap();
    let mut store = match Store::open(&path) {
        Ok(s) => s,
        // Refused at once is fine too: what matters is that it is never written.
        Err(e) => {
            assert!(matches!(e, StoreError::Corrupt(_)), "{e:?}");
            assert_eq!(fs::read(&path).unwrap(), before);
            return;
        }
    };
    let verdict = store.wait_integrity();
    assert!(matches!(verdict, yishi::store::Integrity::Failed));
    assert!(
        store.import_roster("x", &[]).is_err(),
        "no write after a failed check"
    );
    drop(store);
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the damaged file is left unchanged"
    );
}

#[test]
fn a_read_command_starts_without_the_full_check_and_a_damaged_file_is_still_never_written() {
    let (_dir, path) = large_damaged_file();
    let before = fs::read(&path).unwrap();
    let mut store = match Store::open_deferred(&path) {
        Ok(s) => s,
        Err(e) => {
            assert!(matches!(e, StoreError::Corrupt(_)), "{e:?}");
            assert_eq!(fs::read(&path).unwrap(), before);
            return;
        }
    };
    // Opened without the check: nothing has read the whole file yet.
    assert_eq!(store.integrity(), yishi::store::Integrity::Deferred);
    // A read either answers or, meeting the bad page, says so.
    if let Err(e) = store.archive(&Default::default()) {
        assert!(matches!(e, StoreError::Corrupt(_)), "{e:?}");
        assert!(e.to_string().contains("damaged"), "{e}");
    }
    // The first write runs the check first and is refused.
    let err = store.import_roster("x", &[]).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    assert!(matches!(store.integrity(), yishi::store::Integrity::Failed));
    drop(store);
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the damaged file is left unchanged"
    );
}

#[test]
fn a_stored_value_no_enum_knows_is_an_error_not_a_default() {
    // A row written behind the store's back with a category the schema would refuse (its
    // CHECK switched off) must not be read as "other": the read says it cannot.
    let (_dir, path) = temp_db();
    let (m, item) = {
        let mut store = Store::open(&path).unwrap();
        let ids = roster(&mut store);
        let m = store
            .create_meeting(ids.community, Electorate::Owners, &meeting_input("改写"))
            .unwrap();
        let item = store
            .add_item(
                m,
                &item_input("议题", Category::Gate, Scope::all(), RuleKind::NoVote),
            )
            .unwrap();
        (m, item)
    };
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE agenda_items SET category = 'bogus';",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert!(
        store.item(item).is_err(),
        "a bogus category read as a default"
    );
    assert!(store.items(m).is_err());
    // The meeting itself is still read.
    assert!(store.meeting(m).is_ok());
}
