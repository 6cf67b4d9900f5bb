//! Signed minutes end to end: signing, locking, tampering detected and named, the chain,
//! exports verified elsewhere, deterministic rendering.

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;
use yishi::demo::{self, DEMO_SIGNERS};
use yishi::domain::minutes::body::signed_body;
use yishi::domain::minutes::{ItemPart, Section};
use yishi::domain::model::{Category, Electorate, MeetingKind, PresenceKind, Scope};
use yishi::domain::rules::{Rule, RuleKind};
use yishi::domain::signing::verify::{Problem, Role, VerifyStatus};
use yishi::store::ids::{MeetingId, SignerId};
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::{Store, StoreError};
use yishi::strings::Lang;

const HOST_PASS: &str = DEMO_SIGNERS[0].2;
const SECRETARY_PASS: &str = DEMO_SIGNERS[1].2;

fn demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("yishi.db");
    let mut store = Store::open(&path).expect("open");
    demo::install(&mut store).expect("demo");
    (dir, path)
}

fn yishi(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn db_arg(p: &Path) -> String {
    p.display().to_string()
}

/// What `sqlite3 DB "DROP TRIGGER ...; UPDATE ..."` does.
fn sqlite3(path: &Path, sql: &str) {
    let c = Connection::open(path).expect("raw open");
    c.execute_batch(sql).expect("tamper sql");
}

fn problems(store: &Store, id: i64) -> Vec<Problem> {
    match store.verify_meeting(MeetingId(id)).expect("verify").status {
        VerifyStatus::Invalid(p) => p,
        other => panic!("expected invalid, got {other:?}"),
    }
}

fn changed_parts(ps: &[Problem]) -> Vec<Section> {
    ps.iter()
        .filter_map(|p| match p {
            Problem::RecordsDiffer { sections, .. } => Some(sections.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn signer(store: &Store, name: &str) -> SignerId {
    store
        .signer_by_name(name)
        .expect("signers")
        .expect("signer")
        .id
}

/// A small meeting of the demo community, adjourned (not signed).
fn adjourned_meeting(store: &mut Store, title: &str, remark: &str) -> MeetingId {
    let community = store
        .community_by_name(demo::COMMUNITY)
        .expect("c")
        .expect("c")
        .id;
    let m = store
        .create_meeting(
            community,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: title.into(),
                starts_at: "2026-06-20 09:30".into(),
                venue: "议事亭".into(),
                host: "黄小明".into(),
                secretary: "李秀英".into(),
                language: "zh".into(),
            },
        )
        .expect("meeting");
    let item = store
        .add_item(
            m,
            &ItemInput {
                title: "停车管理".into(),
                category: Category::Parking,
                proposer: "物业服务中心".into(),
                proposal: "新划车位36个。".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::NoVote),
            },
        )
        .expect("item");
    store.start_meeting(m).expect("start");
    for v in store.voters(community).expect("voters").iter().take(3) {
        store
            .mark_presence(m, v.id, PresenceKind::Present, None, None)
            .expect("presence");
    }
    let r = store.queue_speaker(item, "赵德华", None).expect("queue");
    store.next_speaker(item).expect("next");
    store.record_remark(r, remark).expect("remark");
    store.next_speaker(item).expect("next");
    store.finish_discussion(item).expect("done");
    store.adjourn(m).expect("adjourn");
    m
}

fn sign_both(store: &mut Store, m: i64) {
    let h = signer(store, "黄小明");
    let s = signer(store, "李秀英");
    let o = store
        .sign_meeting(MeetingId(m), h, Role::Host, HOST_PASS)
        .expect("host signs");
    assert!(!o.locked);
    assert_eq!(o.missing, vec![Role::Secretary]);
    let o = store
        .sign_meeting(MeetingId(m), s, Role::Secretary, SECRETARY_PASS)
        .expect("secretary signs");
    assert!(o.locked);
}

#[test]
fn demo_verifies_and_a_changed_vote_is_named() {
    let (_d, db) = demo_db();
    let db = db_arg(&db);
    let (code, out, err) = yishi(&["--db", &db, "--lang", "en", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("valid") && out.contains("黄小明"), "{out}");

    sqlite3(
        Path::new(&db),
        "DROP TRIGGER lock_votes_update;
         UPDATE votes SET choice = 'yes' WHERE id = (SELECT min(id) FROM votes WHERE choice = 'no');",
    );
    let (code, out, _) = yishi(&["--db", &db, "--lang", "en", "verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("meeting 1"), "{out}");
    assert!(out.contains("INVALID"), "{out}");
    assert!(out.contains("安装小区大门"), "{out}");
    assert!(out.contains("vote (roll call and figures)"), "{out}");
    // The voter whose answer moved is named.
    assert!(out.contains("张伟、李娜"), "{out}");
    let (code, out, _) = yishi(&["--db", &db, "--lang", "en", "verify", "1"]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn changed_remark_and_proposal_are_named() {
    let (_d, db) = demo_db();
    sqlite3(
        &db,
        "DROP TRIGGER lock_remarks_update;
         UPDATE remarks SET text = '完全同意。' WHERE speaker = '刘桂兰';",
    );
    let store = Store::open(&db).expect("open");
    let parts = changed_parts(&problems(&store, 1));
    assert!(
        parts.iter().any(|s| matches!(
            s,
            Section::Item {
                position: 1,
                part: ItemPart::Remarks,
                ..
            }
        )),
        "{parts:?}"
    );
    drop(store);

    let (_d2, db2) = demo_db();
    sqlite3(
        &db2,
        "DROP TRIGGER lock_revisions_update;
         UPDATE proposal_revisions SET text = replace(text, '8.6万元', '86万元');",
    );
    let store = Store::open(&db2).expect("open");
    let parts = changed_parts(&problems(&store, 1));
    assert_eq!(
        parts,
        vec![Section::Item {
            position: 1,
            title: "安装小区大门".into(),
            part: ItemPart::Proposal
        }]
    );
}

#[test]
fn changed_minutes_text_is_detected_even_with_its_hash() {
    let (_d, db) = demo_db();
    sqlite3(
        &db,
        "DROP TRIGGER lock_minutes_update;
         UPDATE minutes SET text = replace(text, '结果：未通过', '结果：通过');",
    );
    let store = Store::open(&db).expect("open");
    let ps = problems(&store, 1);
    assert!(ps.contains(&Problem::StoredTextAltered), "{ps:?}");
    assert!(
        ps.iter()
            .any(|p| matches!(p, Problem::SignedOtherText { signer, .. } if signer == "黄小明")),
        "{ps:?}"
    );
    let parts = changed_parts(&ps);
    assert!(
        parts.iter().any(|s| matches!(
            s,
            Section::Item {
                position: 2,
                part: ItemPart::Vote,
                ..
            }
        )),
        "{parts:?}"
    );
    drop(store);
    // Recomputing the stored hash does not help: the signatures cover the old one.
    let c = Connection::open(&db).expect("raw");
    let text: String = c
        .query_row("SELECT text FROM minutes WHERE meeting_id = 1", [], |r| {
            r.get(0)
        })
        .expect("text");
    let h = yishi::domain::signing::hex(&yishi::domain::signing::sha256(text.as_bytes()));
    c.execute("UPDATE minutes SET sha256 = ?1 WHERE meeting_id = 1", [h])
        .expect("update");
    drop(c);
    let store = Store::open(&db).expect("open");
    let ps = problems(&store, 1);
    assert!(!ps.contains(&Problem::StoredTextAltered));
    assert!(
        ps.iter()
            .any(|p| matches!(p, Problem::SignedOtherText { .. })),
        "{ps:?}"
    );
}

#[test]
fn changed_signature_byte_is_named() {
    let (_d, db) = demo_db();
    let c = Connection::open(&db).expect("raw");
    c.execute_batch("DROP TRIGGER lock_signatures_update;")
        .expect("drop");
    let (id, mut sig): (i64, Vec<u8>) = c
        .query_row(
            "SELECT id, signature FROM signatures WHERE role = 'secretary'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("sig");
    sig[5] ^= 0x01;
    c.execute(
        "UPDATE signatures SET signature = ?1 WHERE id = ?2",
        rusqlite::params![sig, id],
    )
    .expect("update");
    drop(c);
    let store = Store::open(&db).expect("open");
    let ps = problems(&store, 1);
    assert!(
        ps.iter().any(|p| matches!(
            p,
            Problem::BadSignature { signer, role, .. } if signer == "李秀英" && role == "secretary"
        )),
        "{ps:?}"
    );
    let (code, out, _) = yishi(&["--db", &db_arg(&db), "--lang", "en", "verify"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("李秀英") && out.contains("does not verify"),
        "{out}"
    );
}

#[test]
fn deleting_a_signed_meeting_breaks_the_chain() {
    let (_d, db) = demo_db();
    let mut store = Store::open(&db).expect("open");
    let a = adjourned_meeting(&mut store, "六月业主大会", "同意。");
    sign_both(&mut store, a.0);
    let b = adjourned_meeting(&mut store, "七月业主大会", "再议。");
    sign_both(&mut store, b.0);
    let all = store.verify_all().expect("verify");
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|r| r.status.is_valid()), "{all:?}");
    drop(store);

    sqlite3(
        &db,
        &format!(
            "PRAGMA foreign_keys = OFF;
             DROP TRIGGER lock_meetings_delete; DROP TRIGGER lock_minutes_delete;
             DROP TRIGGER lock_signatures_delete;
             DELETE FROM signatures WHERE meeting_id = {a};
             DELETE FROM minutes WHERE meeting_id = {a};
             DELETE FROM meetings WHERE id = {a};"
        ),
    );
    let store = Store::open(&db).expect("open");
    let all = store.verify_all().expect("verify");
    assert_eq!(all.len(), 2);
    assert!(all[0].status.is_valid());
    assert_eq!(all[1].meeting_id, b);
    assert!(
        matches!(&all[1].status, VerifyStatus::Invalid(ps)
            if ps.iter().any(|p| matches!(p, Problem::ChainBroken { .. }))),
        "{:?}",
        all[1].status
    );
    let (code, out, _) = yishi(&["--db", &db_arg(&db), "--lang", "en", "verify"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("七月业主大会") && out.contains("chain broken"),
        "{out}"
    );
}

#[test]
fn export_json_round_trips_and_edits_are_caught() {
    let (d, db) = demo_db();
    let db = db_arg(&db);
    let file = d.path().join("m1.json");
    let f = file.display().to_string();
    let (code, _, err) = yishi(&["--db", &db, "export", "1", "--format", "json", "-o", &f]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = yishi(&["--lang", "en", "verify", "--file", &f]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("valid"));

    let text = std::fs::read_to_string(&file).expect("read");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["record"]["items"][0]["remarks"][1]["text"] = "支持。".into();
    let edited = d.path().join("edited.json");
    std::fs::write(&edited, v.to_string()).expect("write");
    let (code, out, _) = yishi(&[
        "--lang",
        "en",
        "verify",
        "--file",
        &edited.display().to_string(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("remarks") && out.contains("安装小区大门"),
        "{out}"
    );

    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let sig = v["signatures"][0]["signature"]
        .as_str()
        .expect("sig")
        .to_string();
    let flipped = match sig.strip_prefix('0') {
        Some(rest) => format!("1{rest}"),
        None => format!("0{}", sig.get(1..).unwrap_or("")),
    };
    v["signatures"][0]["signature"] = flipped.into();
    std::fs::write(&edited, v.to_string()).expect("write");
    let (code, out, _) = yishi(&[
        "--lang",
        "en",
        "verify",
        "--file",
        &edited.display().to_string(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("does not verify"), "{out}");

    std::fs::write(&edited, "{\"x\": 1}").expect("write");
    let (code, _, err) = yishi(&["verify", "--file", &edited.display().to_string()]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn exports_and_show() {
    let (d, db) = demo_db();
    let db = db_arg(&db);
    let (code, md, _) = yishi(&["--db", &db, "minutes", "show", "1"]);
    assert_eq!(code, 0);
    assert!(md.contains("## 签署") && md.contains("密钥指纹"));
    let (code, txt, _) = yishi(&["--db", &db, "minutes", "show", "1", "--format", "txt"]);
    assert_eq!(code, 0);
    assert!(!txt.lines().any(|l| l.starts_with('#')));
    let (code, html, _) = yishi(&["--db", &db, "export", "1", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.contains("@page { size: A4") && html.contains("<h1>"));
    for fmt in ["md", "html", "json"] {
        let (code, notice, _) = yishi(&["--db", &db, "export", "1", "--format", fmt, "--notice"]);
        assert_eq!(code, 0);
        // Markdown escapes the mask's '*' (it is text, not emphasis).
        let masked = if fmt == "md" { "黄\\*明" } else { "黄*明" };
        assert!(notice.contains(masked), "{fmt}: {notice}");
        assert!(!notice.contains("黄小明"), "{fmt}");
        assert!(!notice.contains("赵德华"), "{fmt}");
        assert!(!notice.contains("1380734"), "{fmt}");
    }
    // Phone numbers never appear in the full minutes either.
    assert!(!md.contains("1380734"));
    let (code, _, err) = yishi(&["--db", &db, "export", "42", "--format", "md"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1);
    let (code, _, _) = yishi(&["--db", &db, "minutes", "show", "42"]);
    assert_eq!(code, 2);
    let bad = d.path().join("no-such-dir").join("x.md");
    let (code, _, err) = yishi(&[
        "--db",
        &db,
        "export",
        "1",
        "--format",
        "md",
        "-o",
        &bad.display().to_string(),
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn locked_rows_refuse_changes() {
    let (_d, db) = demo_db();
    let c = Connection::open(&db).expect("raw");
    for sql in [
        "UPDATE votes SET choice = 'no'",
        "DELETE FROM votes",
        "UPDATE remarks SET text = 'x'",
        "DELETE FROM remarks",
        "INSERT INTO remarks (item_id, speaker, text, queued_at) VALUES (1, '某人', 'x', '2026-05-16T10:00:00+08:00')",
        "UPDATE proposal_revisions SET text = 'x'",
        "UPDATE meetings SET title = 'x' WHERE id = 1",
        "DELETE FROM meetings WHERE id = 1",
        "UPDATE minutes SET text = 'x'",
        "UPDATE signatures SET signer_name = 'x'",
        "DELETE FROM signatures",
        "UPDATE action_items SET what = 'x'",
        "INSERT INTO presence_events (meeting_id, voter_id, name, kind, at) VALUES (1, 1, 'x', 'present', 'now')",
        "UPDATE vote_closures SET outcome = 'failed'",
    ] {
        let r = c.execute_batch(sql);
        let e = r.expect_err(sql).to_string();
        assert!(e.contains("locked"), "{sql}: {e}");
    }
    // Follow-up of action items stays possible.
    c.execute_batch("UPDATE action_items SET status = 'doing'")
        .expect("action status");
    drop(c);
    let mut store = Store::open(&db).expect("open");
    assert!(matches!(
        store.set_summary(MeetingId(1), "改写"),
        Err(StoreError::Locked)
    ));
    assert!(
        store
            .verify_meeting(MeetingId(1))
            .expect("v")
            .status
            .is_valid()
    );
}

#[test]
fn rendering_is_byte_identical_across_runs_and_backup_restore() {
    let (d, db) = demo_db();
    let store = Store::open(&db).expect("open");
    let rec = store.meeting_record(MeetingId(1)).expect("rec");
    let a = signed_body(&rec);
    assert_eq!(
        a,
        signed_body(&store.meeting_record(MeetingId(1)).expect("rec"))
    );
    let stored = store
        .stored_minutes(MeetingId(1))
        .expect("m")
        .expect("signed");
    assert_eq!(stored.text, a);
    let full = store.minutes_text(MeetingId(1), Lang::Zh).expect("text");
    drop(store);

    let copy = d.path().join("copy.db");
    {
        let c = Connection::open(&db).expect("raw");
        c.backup(
            rusqlite::MAIN_DB,
            &copy,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .expect("backup");
    }
    let restored = Store::open(&copy).expect("open copy");
    assert_eq!(
        signed_body(&restored.meeting_record(MeetingId(1)).expect("rec")),
        a
    );
    assert_eq!(
        restored.minutes_text(MeetingId(1), Lang::Zh).expect("text"),
        full
    );
    assert!(
        restored
            .verify_meeting(MeetingId(1))
            .expect("v")
            .status
            .is_valid()
    );
}

#[test]
fn wrong_passphrase_signs_nothing_and_roles_are_checked() {
    let (_d, db) = demo_db();
    let mut store = Store::open(&db).expect("open");
    let m = adjourned_meeting(&mut store, "八月业主大会", "同意。");
    let h = signer(&store, "黄小明");
    let s = signer(&store, "李秀英");
    assert!(matches!(
        store.sign_meeting(m, h, Role::Host, "wrong-passphrase"),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(store.stored_minutes(m).expect("m").is_none());
    assert!(store.signatures(m).expect("s").is_empty());
    assert_eq!(
        store.verify_meeting(m).expect("v").status,
        VerifyStatus::Unsigned
    );
    // The secretary cannot sign as host.
    assert!(
        store
            .sign_meeting(m, s, Role::Host, SECRETARY_PASS)
            .is_err()
    );
    // Registration: typed twice, at least 8 characters, never stored in clear.
    assert!(
        store
            .register_signer("王强", "12345678", "12345679")
            .is_err()
    );
    assert!(store.register_signer("王强", "1234567", "1234567").is_err());
    store
        .register_signer("王强", "业主大会议事规则", "业主大会议事规则")
        .expect("register");
    drop(store);
    let c = Connection::open(&db).expect("raw");
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM signers WHERE instr(CAST(salt AS TEXT) || CAST(public_key AS TEXT), '业主') > 0",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(n, 0);
    drop(c);
    let mut store = Store::open(&db).expect("open");
    // After the host signs, the record is frozen until the secretary signs.
    store
        .sign_meeting(m, h, Role::Host, HOST_PASS)
        .expect("host");
    assert!(store.set_summary(m, "改了").is_err());
    assert_eq!(
        store.verify_meeting(m).expect("v").status,
        VerifyStatus::Unsigned
    );
    store
        .sign_meeting(m, s, Role::Secretary, SECRETARY_PASS)
        .expect("secretary");
    assert!(store.verify_meeting(m).expect("v").status.is_valid());
}

#[test]
fn addenda_are_signed_shown_and_checked() {
    let (_d, db) = demo_db();
    let mut store = Store::open(&db).expect("open");
    let s = signer(&store, "李秀英");
    assert!(matches!(
        store.add_addendum(
            MeetingId(1),
            "更正：赵德华发言时间为09:12。",
            s,
            "wrong-passphrase"
        ),
        Err(StoreError::WrongPassphrase)
    ));
    store
        .add_addendum(
            MeetingId(1),
            "更正：赵德华发言时间为09:12。",
            s,
            SECRETARY_PASS,
        )
        .expect("addendum");
    let h = signer(&store, "黄小明");
    let a: i64 = 1;
    store
        .sign_addendum(a, h, HOST_PASS)
        .expect("second signature");
    assert!(
        store
            .verify_meeting(MeetingId(1))
            .expect("v")
            .status
            .is_valid()
    );
    let text = store.minutes_text(MeetingId(1), Lang::Zh).expect("text");
    assert!(text.contains("## 补充更正") && text.contains("赵德华发言时间为09:12"));
    drop(store);
    sqlite3(
        &db,
        "DROP TRIGGER lock_addenda_update; UPDATE addenda SET text = '更正：无。';",
    );
    let store = Store::open(&db).expect("open");
    let ps = problems(&store, 1);
    assert!(
        ps.iter()
            .any(|p| matches!(p, Problem::AddendumBadSignature { number: 1, .. })),
        "{ps:?}"
    );
}
