//! Helpers of the trust tests: demo laptops, the real binary, exports, raw tampering.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;
use yishi::demo::{self, DEMO_SIGNERS};
use yishi::domain::model::{Category, Electorate, MeetingKind, PresenceKind, Scope};
use yishi::domain::rules::{Rule, RuleKind};
use yishi::domain::signing::verify::{ExportBundle, Role};
use yishi::store::Store;
use yishi::store::ids::{CommunityId, MeetingId, SignerId};
use yishi::store::meetings::{ItemInput, MeetingInput};

pub const HOST: &str = DEMO_SIGNERS[0].0;
pub const SECRETARY: &str = DEMO_SIGNERS[1].0;
pub const HOST_PASS: &str = DEMO_SIGNERS[0].2;
pub const SECRETARY_PASS: &str = DEMO_SIGNERS[1].2;

/// A laptop that ran `yishi demo` (its own salts, so its own keys).
pub fn laptop(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.db"));
    let (code, out, err) = yishi(&["--db", &arg(&path), "demo", "--no-tui"]);
    assert_eq!(code, 0, "{out}{err}");
    path
}

pub fn yishi(args: &[&str]) -> (i32, String, String) {
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

/// `yishi --db DB --lang en ARGS...`
pub fn en(db: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--db".to_string(), arg(db), "--lang".into(), "en".into()];
    all.extend(args.iter().map(|a| a.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    yishi(&all)
}

pub fn arg(p: &Path) -> String {
    p.display().to_string()
}

/// `yishi export ID --format json -o FILE`, read back.
pub fn export_json(db: &Path, id: i64, file: &Path) -> ExportBundle {
    let (code, out, err) = en(
        db,
        &[
            "export",
            &id.to_string(),
            "--format",
            "json",
            "-o",
            &arg(file),
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    read_bundle(file)
}

pub fn read_bundle(file: &Path) -> ExportBundle {
    serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("bundle")
}

pub fn write_bundle(file: &Path, b: &ExportBundle) {
    std::fs::write(file, serde_json::to_string_pretty(b).expect("json")).expect("write");
}

pub fn fingerprint_of(db: &Path, name: &str) -> String {
    let s = Store::open(db).expect("open");
    s.signer_by_name(name)
        .expect("s")
        .expect("signer")
        .fingerprint
}

pub fn signer(store: &Store, name: &str) -> SignerId {
    store.signer_by_name(name).expect("s").expect("signer").id
}

pub fn community(store: &Store) -> CommunityId {
    store
        .community_by_name(demo::COMMUNITY)
        .expect("c")
        .expect("c")
        .id
}

/// A small meeting of the demo community with this host and secretary, adjourned.
pub fn adjourned_meeting(store: &mut Store, title: &str, host: &str, secretary: &str) -> MeetingId {
    let c = community(store);
    let m = store
        .create_meeting(
            c,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: title.into(),
                starts_at: "2026-06-20 09:30".into(),
                venue: "议事亭".into(),
                host: host.into(),
                secretary: secretary.into(),
                language: "zh".into(),
            },
        )
        .expect("meeting");
    store
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
    for v in store.voters(c).expect("voters").iter().take(3) {
        store
            .mark_presence(m, v.id, PresenceKind::Present, None, None)
            .expect("presence");
    }
    store.adjourn(m).expect("adjourn");
    m
}

pub fn sign(store: &mut Store, m: i64, host: (&str, &str), secretary: (&str, &str)) {
    let h = signer(store, host.0);
    let s = signer(store, secretary.0);
    store
        .sign_meeting(MeetingId(m), h, Role::Host, host.1)
        .expect("host signs");
    let o = store
        .sign_meeting(MeetingId(m), s, Role::Secretary, secretary.1)
        .expect("secretary signs");
    assert!(o.locked);
}

/// Run SQL on the file directly, as `sqlite3 DB` would, after dropping every lock trigger.
pub fn tamper(db: &Path, sql: &str) {
    let c = Connection::open(db).expect("raw");
    let triggers: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'lock_%'")
        .expect("q")
        .query_map([], |r| r.get(0))
        .expect("q")
        .collect::<Result<_, _>>()
        .expect("q");
    for t in triggers {
        c.execute_batch(&format!("DROP TRIGGER {t};"))
            .expect("drop");
    }
    c.execute_batch(sql).expect("tamper");
}

pub fn query_one(db: &Path, sql: &str) -> String {
    let c = Connection::open(db).expect("raw");
    c.query_row(sql, [], |r| r.get(0)).expect("query")
}
