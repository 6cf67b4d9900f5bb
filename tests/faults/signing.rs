//! Fault matrix, signing row: a wrong passphrase, many times. Nothing is signed, the
//! same plain message comes each time, and no passphrase (nor anything derived from a
//! wrong one) reaches the audit log, the database file or the program's output.
//! (Tampering with signed data is proven in tests/minutes/signing.rs.)

use std::fs;

use crate::faults_support::demo_db;
use yishi::demo::DEMO_SIGNERS;
use yishi::domain::signing::verify::Role;
use yishi::store::{Store, StoreError};
use yishi::strings::Lang;

#[test]
fn wrong_passphrase_many_times_signs_nothing_and_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut store = Store::open(&db).unwrap();
    let m = store
        .meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.status.as_db() == "draft")
        .unwrap()
        .id;
    store.start_meeting(m).unwrap();
    store.adjourn(m).unwrap();
    let (host_name, _, host_pass) = DEMO_SIGNERS[0];
    let host = store.signer_by_name(host_name).unwrap().unwrap().id;
    let audit_before: i64 = crate::faults_support::count(&db, "SELECT count(*) FROM audit_log");
    let marker = |i: usize| format!("WRONGPASS-{i:03}-秘密口令");
    for i in 0..25 {
        let wrong = if i % 5 == 4 {
            // Near misses: the right passphrase with one character changed or added.
            format!("{host_pass}{}", marker(i))
        } else {
            marker(i)
        };
        let e = store
            .sign_meeting(m, host, Role::Host, &wrong)
            .expect_err("a wrong passphrase signs nothing");
        assert!(matches!(e, StoreError::WrongPassphrase), "{e:?}");
        assert_eq!(
            yishi::strings::store_error(Lang::En, &e),
            "The passphrase is wrong; nothing was signed."
        );
        assert_eq!(
            yishi::strings::store_error(Lang::Zh, &e),
            "口令错误，未签署任何内容。"
        );
        assert!(store.signatures(m).unwrap().is_empty());
        assert!(store.stored_minutes(m).unwrap().is_none());
    }
    assert_eq!(
        store.meeting(m).unwrap().status.as_db(),
        "adjourned",
        "still unsigned and unlocked"
    );
    // The right passphrase still works afterwards: no lock-out, nothing half-done.
    store.sign_meeting(m, host, Role::Host, host_pass).unwrap();
    assert_eq!(store.signatures(m).unwrap().len(), 1);
    drop(store);
    assert!(crate::faults_support::count(&db, "SELECT count(*) FROM audit_log") >= audit_before);
    // No passphrase, right or wrong, is in the audit log or anywhere in the files.
    let mut files = vec![db.clone()];
    for ext in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(ext);
        files.push(p.into());
    }
    for f in files.iter().filter(|f| f.exists()) {
        let bytes = fs::read(f).unwrap();
        for secret in ["WRONGPASS".to_string(), host_pass.to_string()] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{} contains a passphrase",
                f.display()
            );
        }
    }
    let c = rusqlite::Connection::open(&db).unwrap();
    let log: String = c
        .query_row(
            "SELECT group_concat(action || ' ' || detail, '\n') FROM audit_log",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !log.contains("WRONGPASS") && !log.contains(host_pass),
        "{log}"
    );
    // What the command line prints about the meeting carries no passphrase either.
    for args in [
        vec!["--lang", "en", "verify"],
        vec!["--lang", "en", "export", "2", "--format", "json"],
    ] {
        let o = crate::faults_support::yishi(&db, &args);
        let all = [o.stdout, o.stderr].concat();
        let s = String::from_utf8_lossy(&all);
        assert!(!s.contains("WRONGPASS") && !s.contains(host_pass), "{s}");
    }
}
