//! Shared set-up of the archive tests: a signed archive of several meetings, CLI helpers.
#![allow(dead_code, unused_imports)]

pub use std::path::{Path, PathBuf};
pub use std::process::Command;
pub use std::sync::mpsc;
pub use std::time::Duration;

pub use rusqlite::{Connection, OpenFlags};
pub use yishi::demo::{self, DEMO_SIGNERS};
pub use yishi::domain::model::{
    ActionStatus, Category, Choice, Electorate, MeetingKind, PresenceKind, Scope, ScopeKind,
};
pub use yishi::domain::record::Ballot;
pub use yishi::domain::roster_csv;
pub use yishi::domain::rules::{Rule, RuleKind};
pub use yishi::domain::signing::verify::{ExportBundle, Role, VerifyStatus};
pub use yishi::store::Store;
pub use yishi::store::archive::ArchiveFilter;
use yishi::store::ids::{CommunityId, MeetingId, SignerId, VoterId};
pub use yishi::store::import::ImportOutcome;
pub use yishi::store::meetings::{ItemInput, MeetingInput};
pub use yishi::store::refusal::import::ImportRefusal;

pub const HOST_PASS: &str = DEMO_SIGNERS[0].2;
pub const SECRETARY_PASS: &str = DEMO_SIGNERS[1].2;
pub const SHIGU: &str = "石鼓小区";

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

pub fn arg(p: &Path) -> String {
    p.display().to_string()
}

pub type Vote<'a> = &'a dyn Fn(usize, &Ballot) -> Choice;

pub struct ItemSpec<'a> {
    pub title: &'a str,
    pub category: Category,
    pub proposal: &'a str,
    pub scope: Scope,
    pub rule: RuleKind,
    /// None: discussed without a vote.
    pub vote: Option<Vote<'a>>,
}

impl<'a> ItemSpec<'a> {
    pub fn new(title: &'a str, category: Category, proposal: &'a str) -> ItemSpec<'a> {
        ItemSpec {
            title,
            category,
            proposal,
            scope: Scope::all(),
            rule: RuleKind::NoVote,
            vote: None,
        }
    }

    pub fn voted(mut self, rule: RuleKind, vote: Vote<'a>) -> ItemSpec<'a> {
        self.rule = rule;
        self.vote = Some(vote);
        self
    }
}

pub struct MeetingSpec<'a> {
    pub community: &'a str,
    pub kind: MeetingKind,
    pub language: &'a str,
    pub starts_at: &'a str,
    pub title: &'a str,
    pub host: &'a str,
    pub secretary: &'a str,
    pub items: Vec<ItemSpec<'a>>,
    /// (speaker, text) heard on the first item.
    pub remark: Option<(&'a str, &'a str)>,
}

pub fn community(store: &Store, name: &str) -> CommunityId {
    store
        .community_by_name(name)
        .expect("community")
        .expect("community exists")
        .id
}

/// Prepare, run and adjourn a meeting: everyone present, each voted item put to the
/// roll call and closed.
pub fn run_meeting(store: &mut Store, spec: &MeetingSpec<'_>) -> MeetingId {
    let c = community(store, spec.community);
    let m = store
        .create_meeting(
            c,
            Electorate::Owners,
            &MeetingInput {
                kind: spec.kind,
                title: spec.title.into(),
                starts_at: spec.starts_at.into(),
                venue: "议事亭".into(),
                host: spec.host.into(),
                secretary: spec.secretary.into(),
                language: spec.language.into(),
            },
        )
        .expect("meeting");
    let mut items = Vec::new();
    for it in &spec.items {
        items.push(
            store
                .add_item(
                    m,
                    &ItemInput {
                        title: it.title.into(),
                        category: it.category,
                        proposer: "业主委员会".into(),
                        proposal: it.proposal.into(),
                        scope: it.scope.clone(),
                        rule: Rule::new(it.rule.clone()),
                    },
                )
                .expect("item"),
        );
    }
    store.start_meeting(m).expect("start");
    for v in store.voters(c).expect("voters") {
        store
            .mark_presence(m, v.id, PresenceKind::Present, None, None)
            .expect("presence");
    }
    if let Some((speaker, text)) = spec.remark {
        let r = store.queue_speaker(items[0], speaker, None).expect("queue");
        store.next_speaker(items[0]).expect("next");
        store.record_remark(r, text).expect("remark");
        store.next_speaker(items[0]).expect("next");
    }
    for (it, &id) in spec.items.iter().zip(&items) {
        match it.vote {
            Some(vote) => {
                store.start_vote(id).expect("start vote");
                for (i, b) in store.ballots(id).expect("ballots").iter().enumerate() {
                    store
                        .answer(id, VoterId(b.voter_id), vote(i, b), None)
                        .expect("answer");
                }
                store.close_vote(id).expect("close");
            }
            None => store.finish_discussion(id).expect("done"),
        }
    }
    store.set_summary(m, "会议按议程进行。").expect("summary");
    store.adjourn(m).expect("adjourn");
    m
}

pub fn signer_id(store: &Store, name: &str) -> SignerId {
    store.signer_by_name(name).expect("s").expect("signer").id
}

pub fn sign(store: &mut Store, m: i64, host: (&str, &str), secretary: (&str, &str)) {
    let h = signer_id(store, host.0);
    let s = signer_id(store, secretary.0);
    store
        .sign_meeting(MeetingId(m), h, Role::Host, host.1)
        .expect("host signs");
    let o = store
        .sign_meeting(MeetingId(m), s, Role::Secretary, secretary.1)
        .expect("secretary signs");
    assert!(o.locked);
}

pub fn demo_sign(store: &mut Store, m: i64) {
    sign(
        store,
        m,
        (DEMO_SIGNERS[0].0, HOST_PASS),
        (DEMO_SIGNERS[1].0, SECRETARY_PASS),
    );
}

pub const SHIGU_CSV: &str = "label,building,unit,area,owner\n\
    1-101,1,1,88.50,Alice Wang\n\
    1-102,1,1,90.00,Bob Li\n\
    1-201,1,1,75.25,Carol Zhang\n\
    1-202,1,1,102.10,David Chen\n";

pub fn add_shigu(store: &mut Store) {
    let rows = roster_csv::parse(SHIGU_CSV.as_bytes()).expect("csv");
    store.import_roster(SHIGU, &rows).expect("roster");
}

pub fn shigu_meeting(store: &mut Store) -> MeetingId {
    run_meeting(
        store,
        &MeetingSpec {
            community: SHIGU,
            kind: MeetingKind::OwnersAssembly,
            language: "en",
            starts_at: "2026-08-01 19:00",
            title: "Repairs",
            host: "Alice Wang",
            secretary: "Bob Li",
            items: vec![ItemSpec::new(
                "Repair the east entrance",
                Category::Gate,
                "The entrance motor is broken and the barrier stays open at night.",
            )],
            remark: Some(("Carol Zhang", "Ask three contractors for quotes.")),
        },
    )
}

/// The archive database: the demo (its signed gate meeting, id 1), with its open action
/// items done so later meetings get no follow-up item, plus:
/// an elevator meeting (residents' council, July, signed, a shaft owner voting no),
/// a parking convention (owners' assembly, September, passed, signed, with an addendum),
/// and a meeting of a second community, 石鼓小区 (English, August, adjourned).
pub struct Archive {
    pub _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub gate: MeetingId,
    pub elevator: MeetingId,
    pub parking: MeetingId,
    pub shigu: MeetingId,
}

pub fn archive_db() -> Archive {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("yishi.db");
    let mut store = Store::open(&path).expect("open");
    demo::install(&mut store).expect("demo");
    for a in store.board().expect("board") {
        store
            .set_action_status(a.id, ActionStatus::Done, "已完成")
            .expect("done");
    }
    let c = community(&store, demo::COMMUNITY);
    let shaft = store
        .voters(c)
        .expect("voters")
        .into_iter()
        .find(|v| v.units.iter().any(|u| u.label == "3栋2单元101"))
        .expect("ground floor")
        .id;
    let elevator_vote = move |_: usize, b: &Ballot| {
        if b.voter_id == shaft.0 {
            Choice::No
        } else {
            Choice::Yes
        }
    };
    let elevator = run_meeting(
        &mut store,
        &MeetingSpec {
            community: demo::COMMUNITY,
            kind: MeetingKind::ResidentsCouncil,
            language: "zh",
            starts_at: "2026-07-10 19:30",
            title: "3栋2单元加装电梯协商会",
            host: "黄小明",
            secretary: "李秀英",
            items: vec![
                ItemSpec {
                    scope: Scope {
                        kind: ScopeKind::Unit,
                        building: "3栋".into(),
                        unit: "2单元".into(),
                    },
                    ..ItemSpec::new(
                        "3栋2单元加装电梯",
                        Category::Elevator,
                        "拟在单元北侧加装电梯一部，总造价约62万元，按楼层系数分摊。",
                    )
                }
                .voted(
                    RuleKind::Elevator {
                        legacy_two_thirds: false,
                        shaft_voters: vec![shaft.0],
                    },
                    &elevator_vote,
                ),
            ],
            remark: Some(("赵德华", "The lift quote from the contractor is fair.")),
        },
    );
    demo_sign(&mut store, elevator.0);
    let all_yes = |_: usize, _: &Ballot| Choice::Yes;
    let parking = run_meeting(
        &mut store,
        &MeetingSpec {
            community: demo::COMMUNITY,
            kind: MeetingKind::OwnersAssembly,
            language: "zh",
            starts_at: "2026-09-01 09:30",
            title: "2026年第三次业主大会",
            host: "黄小明",
            secretary: "李秀英",
            items: vec![
                ItemSpec::new(
                    "停车管理公约",
                    Category::Parking,
                    "小区新划停车位36个，业主车辆凭停车证停放，每月收费80元。",
                )
                .voted(RuleKind::Art278Ordinary, &all_yes),
            ],
            remark: None,
        },
    );
    demo_sign(&mut store, parking.0);
    let secretary = signer_id(&store, DEMO_SIGNERS[1].0);
    store
        .add_addendum(
            parking,
            "更正：收费自2026年10月起执行。",
            secretary,
            SECRETARY_PASS,
        )
        .expect("addendum");
    add_shigu(&mut store);
    let shigu = shigu_meeting(&mut store);
    Archive {
        _dir: dir,
        path,
        gate: MeetingId(1),
        elevator,
        parking,
        shigu,
    }
}

pub fn ids(store: &Store, f: &ArchiveFilter) -> Vec<MeetingId> {
    let mut v: Vec<MeetingId> = store
        .archive(f)
        .expect("archive")
        .into_iter()
        .map(|r| r.id)
        .collect();
    v.sort_unstable();
    v
}

pub fn search(store: &Store, q: &str) -> Vec<MeetingId> {
    ids(
        store,
        &ArchiveFilter {
            search: Some(q.into()),
            ..ArchiveFilter::default()
        },
    )
}

/// Every table's row count, to show that nothing was written.
pub fn counts(path: &Path) -> Vec<(String, i64)> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("raw");
    [
        "communities",
        "voters",
        "meetings",
        "agenda_items",
        "proposal_revisions",
        "remarks",
        "presence_events",
        "vote_eligible",
        "votes",
        "vote_closures",
        "action_items",
        "action_history",
        "minutes",
        "addenda",
        "signers",
        "signatures",
        "search_index",
    ]
    .iter()
    .map(|t| {
        let n: i64 = c
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .expect("count");
        (t.to_string(), n)
    })
    .collect()
}

pub fn export(db: &Path, id: i64, out: &Path) {
    let (code, o, e) = yishi(&[
        "--db",
        &arg(db),
        "export",
        &id.to_string(),
        "--format",
        "json",
        "-o",
        &arg(out),
    ]);
    assert_eq!(code, 0, "{o}{e}");
}

pub fn show(db: &Path, id: i64) -> String {
    let (code, out, err) = yishi(&["--db", &arg(db), "minutes", "show", &id.to_string()]);
    assert_eq!(code, 0, "{err}");
    out
}

pub fn import(db: &Path, files: &[&Path]) -> (i32, String, String) {
    let mut args = vec![
        "--db".to_string(),
        arg(db),
        "--lang".into(),
        "en".into(),
        "import".into(),
        // The district pins a community's keys at its first minutes (PRODUCT.md "Trust").
        "--trust-new".into(),
    ];
    args.extend(files.iter().map(|f| arg(f)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    yishi(&args)
}

pub fn meeting_by_uid(db: &Path, uid: &str) -> i64 {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("raw");
    c.query_row("SELECT id FROM meetings WHERE uid = ?1", [uid], |r| {
        r.get(0)
    })
    .expect("imported meeting")
}

pub fn read_bundle(p: &Path) -> ExportBundle {
    serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("bundle")
}
