//! The secretary's archive: search (Chinese words of one, two and more characters,
//! English words, nothing false), filters that combine (store and `minutes list`), a
//! backup taken while a roll call is running, and gathering exported minutes with
//! `yishi import` (identical minutes, idempotent, tampered files refused, a district
//! gathering two communities).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use yishi::demo::{self, DEMO_SIGNERS};
use yishi::domain::model::{
    ActionStatus, Category, Choice, Electorate, MeetingKind, PresenceKind, Scope, ScopeKind,
};
use yishi::domain::record::Ballot;
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::domain::verify::{ExportBundle, Role, VerifyStatus};
use yishi::store::Store;
use yishi::store::archive::ArchiveFilter;
use yishi::store::import::{ImportOutcome, ImportRefusal};
use yishi::store::meetings::{ItemInput, MeetingInput};

const HOST_PASS: &str = DEMO_SIGNERS[0].2;
const SECRETARY_PASS: &str = DEMO_SIGNERS[1].2;
const SHIGU: &str = "石鼓小区";

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

fn arg(p: &Path) -> String {
    p.display().to_string()
}

type Vote<'a> = &'a dyn Fn(usize, &Ballot) -> Choice;

struct ItemSpec<'a> {
    title: &'a str,
    category: Category,
    proposal: &'a str,
    scope: Scope,
    rule: RuleKind,
    /// None: discussed without a vote.
    vote: Option<Vote<'a>>,
}

impl<'a> ItemSpec<'a> {
    fn new(title: &'a str, category: Category, proposal: &'a str) -> ItemSpec<'a> {
        ItemSpec {
            title,
            category,
            proposal,
            scope: Scope::all(),
            rule: RuleKind::NoVote,
            vote: None,
        }
    }

    fn voted(mut self, rule: RuleKind, vote: Vote<'a>) -> ItemSpec<'a> {
        self.rule = rule;
        self.vote = Some(vote);
        self
    }
}

struct MeetingSpec<'a> {
    community: &'a str,
    kind: MeetingKind,
    language: &'a str,
    starts_at: &'a str,
    title: &'a str,
    host: &'a str,
    secretary: &'a str,
    items: Vec<ItemSpec<'a>>,
    /// (speaker, text) heard on the first item.
    remark: Option<(&'a str, &'a str)>,
}

fn community(store: &Store, name: &str) -> i64 {
    store
        .community_by_name(name)
        .expect("community")
        .expect("community exists")
        .id
}

/// Prepare, run and adjourn a meeting: everyone present, each voted item put to the
/// roll call and closed.
fn run_meeting(store: &mut Store, spec: &MeetingSpec<'_>) -> i64 {
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
                        .answer(id, b.voter_id, vote(i, b), None)
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

fn signer_id(store: &Store, name: &str) -> i64 {
    store.signer_by_name(name).expect("s").expect("signer").id
}

fn sign(store: &mut Store, m: i64, host: (&str, &str), secretary: (&str, &str)) {
    let h = signer_id(store, host.0);
    let s = signer_id(store, secretary.0);
    store
        .sign_meeting(m, h, Role::Host, host.1)
        .expect("host signs");
    let o = store
        .sign_meeting(m, s, Role::Secretary, secretary.1)
        .expect("secretary signs");
    assert!(o.locked);
}

fn demo_sign(store: &mut Store, m: i64) {
    sign(
        store,
        m,
        (DEMO_SIGNERS[0].0, HOST_PASS),
        (DEMO_SIGNERS[1].0, SECRETARY_PASS),
    );
}

const SHIGU_CSV: &str = "label,building,unit,area,owner\n\
    1-101,1,1,88.50,Alice Wang\n\
    1-102,1,1,90.00,Bob Li\n\
    1-201,1,1,75.25,Carol Zhang\n\
    1-202,1,1,102.10,David Chen\n";

fn add_shigu(store: &mut Store) {
    let rows = roster_csv::parse(SHIGU_CSV.as_bytes()).expect("csv");
    store.import_roster(SHIGU, &rows).expect("roster");
}

fn shigu_meeting(store: &mut Store) -> i64 {
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
struct Archive {
    _dir: tempfile::TempDir,
    path: PathBuf,
    gate: i64,
    elevator: i64,
    parking: i64,
    shigu: i64,
}

fn archive_db() -> Archive {
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
        if b.voter_id == shaft {
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
                        shaft_voters: vec![shaft],
                    },
                    &elevator_vote,
                ),
            ],
            remark: Some(("赵德华", "The lift quote from the contractor is fair.")),
        },
    );
    demo_sign(&mut store, elevator);
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
    demo_sign(&mut store, parking);
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
        gate: 1,
        elevator,
        parking,
        shigu,
    }
}

fn ids(store: &Store, f: &ArchiveFilter) -> Vec<i64> {
    let mut v: Vec<i64> = store
        .archive(f)
        .expect("archive")
        .into_iter()
        .map(|r| r.id)
        .collect();
    v.sort_unstable();
    v
}

fn search(store: &Store, q: &str) -> Vec<i64> {
    ids(
        store,
        &ArchiveFilter {
            search: Some(q.into()),
            ..ArchiveFilter::default()
        },
    )
}

#[test]
fn search_finds_chinese_words_of_any_length_and_nothing_false() {
    let a = archive_db();
    let store = Store::open(&a.path).expect("open");
    // One character, two, and a whole phrase.
    assert_eq!(search(&store, "门"), vec![a.gate]);
    assert_eq!(search(&store, "大门"), vec![a.gate]);
    assert_eq!(search(&store, "电梯"), vec![a.elevator]);
    assert_eq!(search(&store, "停车"), vec![a.parking]);
    assert_eq!(search(&store, "停车管理公约"), vec![a.parking]);
    // In remarks as well as proposals and minutes.
    assert_eq!(search(&store, "门禁卡"), vec![a.gate]);
    assert_eq!(search(&store, "老人"), vec![a.gate]);
    // English words, whatever their case.
    assert_eq!(search(&store, "lift"), vec![a.elevator]);
    assert_eq!(search(&store, "Contractors"), vec![a.shigu]);
    assert_eq!(search(&store, "entrance motor"), vec![a.shigu]);
    // Several words: all must match.
    assert_eq!(search(&store, "大门 门禁"), vec![a.gate]);
    assert!(search(&store, "大门 电梯").is_empty());
    // Nothing false: absent words, characters in the wrong order, a word split across
    // meetings.
    assert!(search(&store, "游泳池").is_empty());
    assert!(search(&store, "swimming").is_empty());
    assert!(search(&store, "梯电").is_empty());
    assert!(search(&store, "门大").is_empty());
    assert!(search(&store, "管理停车").is_empty());
    // Nothing searchable: no results rather than everything.
    assert!(search(&store, "\"*()").is_empty());
    // The demo's draft meeting (which also names 电梯 and 停车管理公约) is not in the
    // archive.
    assert!(!search(&store, "电梯").contains(&2));
}

#[test]
fn filters_combine_in_the_store_and_on_the_command_line() {
    let a = archive_db();
    let store = Store::open(&a.path).expect("open");
    let f = |community: Option<&str>,
             since: Option<&str>,
             until: Option<&str>,
             kind: Option<&str>,
             category: Option<&str>,
             outcome: Option<&str>,
             q: Option<&str>| ArchiveFilter {
        community: community.map(Into::into),
        since: since.map(Into::into),
        until: until.map(Into::into),
        kind: kind.map(Into::into),
        category: category.map(Into::into),
        outcome: outcome.map(Into::into),
        search: q.map(Into::into),
        include_open: false,
    };
    let all = ids(&store, &ArchiveFilter::default());
    assert_eq!(all, vec![a.gate, a.elevator, a.parking, a.shigu]);
    // Newest first.
    let order: Vec<i64> = store
        .archive(&ArchiveFilter::default())
        .expect("archive")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(order, vec![a.parking, a.shigu, a.elevator, a.gate]);

    let wc = Some(demo::COMMUNITY);
    let cases: Vec<(ArchiveFilter, Vec<i64>)> = vec![
        (
            f(wc, None, None, None, None, None, None),
            vec![a.gate, a.elevator, a.parking],
        ),
        (
            f(Some(SHIGU), None, None, None, None, None, None),
            vec![a.shigu],
        ),
        (
            f(None, Some("2026-07-01"), None, None, None, None, None),
            vec![a.elevator, a.parking, a.shigu],
        ),
        // Both bounds inclusive.
        (
            f(
                None,
                Some("2026-07-10"),
                Some("2026-08-01"),
                None,
                None,
                None,
                None,
            ),
            vec![a.elevator, a.shigu],
        ),
        (
            f(
                wc,
                Some("2026-07-01"),
                Some("2026-08-31"),
                None,
                None,
                None,
                None,
            ),
            vec![a.elevator],
        ),
        (
            f(
                None,
                None,
                None,
                Some("residents_council"),
                None,
                None,
                None,
            ),
            vec![a.elevator],
        ),
        (
            f(wc, None, None, Some("owners_assembly"), None, None, None),
            vec![a.gate, a.parking],
        ),
        (
            f(None, None, None, None, Some("gate"), None, None),
            vec![a.gate, a.shigu],
        ),
        (
            f(Some(SHIGU), None, None, None, Some("gate"), None, None),
            vec![a.shigu],
        ),
        (
            f(None, None, None, None, None, Some("passed"), None),
            vec![a.gate, a.elevator, a.parking],
        ),
        (
            f(None, None, None, None, None, Some("failed"), None),
            vec![a.gate],
        ),
        (
            f(
                wc,
                Some("2026-06-01"),
                None,
                Some("owners_assembly"),
                Some("parking"),
                Some("passed"),
                Some("停车"),
            ),
            vec![a.parking],
        ),
        (
            f(Some(SHIGU), None, None, None, None, None, Some("门")),
            vec![],
        ),
        (
            f(wc, None, Some("2026-06-30"), None, None, None, Some("电梯")),
            vec![],
        ),
        (
            f(None, None, None, Some("party_branch"), None, None, None),
            vec![],
        ),
    ];
    for (filter, want) in cases {
        assert_eq!(ids(&store, &filter), want, "{filter:?}");
    }

    // Category and outcome are asked of the same item: in the demo's first meeting
    // one item passed and the other failed, and each filter finds the meeting only
    // through its own item.
    let rows = store.archive(&ArchiveFilter::default()).expect("archive");
    let first = rows.iter().find(|r| r.id == a.gate).expect("demo meeting");
    let gate_item = first
        .items
        .iter()
        .find(|i| i.category == "gate")
        .expect("gate");
    let road_item = first
        .items
        .iter()
        .find(|i| i.category == "road")
        .expect("road");
    let gate_outcome = gate_item.outcome.clone().expect("gate voted");
    let road_outcome = road_item.outcome.clone().expect("road voted");
    assert_ne!(gate_outcome, road_outcome, "the demo has one of each");
    let by = |cat: &str, o: &str| ids(&store, &f(wc, None, None, None, Some(cat), Some(o), None));
    assert_eq!(by("gate", &gate_outcome), vec![a.gate]);
    assert_eq!(by("gate", &road_outcome), Vec::<i64>::new());
    assert_eq!(by("road", &road_outcome), vec![a.gate]);
    assert_eq!(by("road", &gate_outcome), Vec::<i64>::new());

    // The command line gives the same answers.
    let db = arg(&a.path);
    let list = |extra: &[&str]| -> Vec<i64> {
        let mut args = vec!["--db", db.as_str(), "minutes", "list", "--json"];
        args.extend_from_slice(extra);
        let (code, out, err) = yishi(&args);
        assert_eq!(code, 0, "{out}{err}");
        let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
        let mut v: Vec<i64> = rows
            .as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_i64().expect("id"))
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(list(&[]), vec![a.gate, a.elevator, a.parking, a.shigu]);
    assert_eq!(
        list(&["--community", demo::COMMUNITY, "--search", "门"]),
        vec![a.gate]
    );
    assert_eq!(
        list(&[
            "--community",
            demo::COMMUNITY,
            "--since",
            "2026-06-01",
            "--until",
            "2026-12-31",
            "--kind",
            "owners_assembly",
            "--search",
            "停车管理公约"
        ]),
        vec![a.parking]
    );
    assert_eq!(
        list(&["--since", "2026-07-01", "--until", "2026-08-31"]),
        vec![a.elevator, a.shigu]
    );
    assert_eq!(
        list(&["--kind", "residents_council", "--search", "电梯"]),
        vec![a.elevator]
    );
    assert_eq!(list(&["--search", "lift"]), vec![a.elevator]);
    assert!(list(&["--search", "梯电"]).is_empty());
    assert!(list(&["--community", SHIGU, "--search", "电梯"]).is_empty());
    // The rows carry what a script needs.
    let (_, out, _) = yishi(&[
        "--db",
        &db,
        "minutes",
        "list",
        "--json",
        "--community",
        SHIGU,
    ]);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows[0]["community"], SHIGU);
    assert_eq!(rows[0]["kind"], "owners_assembly");
    assert_eq!(rows[0]["items"][0]["category"], "gate");
    // Bad filters are bad input.
    let (code, _, _) = yishi(&["--db", &db, "minutes", "list", "--since", "July"]);
    assert_eq!(code, 2);
    let (code, _, _) = yishi(&["--db", &db, "minutes", "list", "--kind", "picnic"]);
    assert_eq!(code, 2);
}

#[test]
fn backup_during_a_running_roll_call_opens_and_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("yishi.db");
    let mut store = Store::open(&path).expect("open");
    demo::install(&mut store).expect("demo");
    assert!(store.claim());
    // The demo's draft meeting is opened and its parking item put to the vote.
    let m = 2;
    store.start_meeting(m).expect("start");
    let c = community(&store, demo::COMMUNITY);
    for v in store.voters(c).expect("voters") {
        store
            .mark_presence(m, v.id, PresenceKind::Present, None, None)
            .expect("presence");
    }
    let item = store
        .items(m)
        .expect("items")
        .into_iter()
        .find(|i| i.title == "停车管理公约")
        .expect("parking item")
        .id;
    store.start_vote(item).expect("vote");
    let ballots = store.ballots(item).expect("ballots");
    let half = ballots.len() / 2;
    let mut before = Vec::new();
    for (i, b) in ballots.iter().take(half).enumerate() {
        let c = if i % 3 == 0 { Choice::No } else { Choice::Yes };
        store.answer(item, b.voter_id, c, None).expect("answer");
        before.push((b.voter_id, c));
    }
    // The room goes on answering while the secretary takes the backup.
    let (started_tx, started_rx) = mpsc::channel();
    let rest: Vec<i64> = ballots[half..].iter().map(|b| b.voter_id).collect();
    let answering = std::thread::spawn(move || {
        for (n, v) in rest.into_iter().enumerate() {
            store
                .answer(item, v, Choice::Abstain, None)
                .expect("answer");
            if n == 0 {
                started_tx.send(()).expect("send");
            }
            std::thread::sleep(Duration::from_millis(15));
        }
        store
    });
    started_rx.recv().expect("answering");
    let copy = dir.path().join("copy.db");
    let (code, out, err) = yishi(&["--db", &arg(&path), "backup", &arg(&copy)]);
    let store = answering.join().expect("thread");
    assert_eq!(code, 0, "{out}{err}");

    // The copy opens, passes integrity_check, verifies, and holds what was answered
    // before the backup.
    let raw = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("raw");
    let verdict: String = raw
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(verdict, "ok");
    drop(raw);
    let (code, out, err) = yishi(&["--db", &arg(&copy), "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    let backup = Store::open(&copy).expect("copy opens");
    let answers = backup.ballots(item).expect("ballots");
    for (voter, choice) in &before {
        let b = answers
            .iter()
            .find(|b| b.voter_id == *voter)
            .expect("voter in the copy");
        assert_eq!(b.choice, Some(*choice), "{}", b.name);
    }
    let in_copy = answers.iter().filter(|b| b.choice.is_some()).count();
    assert!(
        in_copy > half,
        "the answer given before the backup started is in it"
    );
    // The meeting is still open in the copy, as it was.
    assert_eq!(
        backup.meeting(m).expect("m").status,
        yishi::domain::model::MeetingStatus::Open
    );
    // And the original lost nothing.
    assert!(
        store
            .ballots(item)
            .expect("b")
            .iter()
            .all(|b| b.choice.is_some())
    );
}

/// Every table's row count, to show that nothing was written.
fn counts(path: &Path) -> Vec<(String, i64)> {
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

fn export(db: &Path, id: i64, out: &Path) {
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

fn show(db: &Path, id: i64) -> String {
    let (code, out, err) = yishi(&["--db", &arg(db), "minutes", "show", &id.to_string()]);
    assert_eq!(code, 0, "{err}");
    out
}

fn import(db: &Path, files: &[&Path]) -> (i32, String, String) {
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

fn meeting_by_uid(db: &Path, uid: &str) -> i64 {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("raw");
    c.query_row("SELECT id FROM meetings WHERE uid = ?1", [uid], |r| {
        r.get(0)
    })
    .expect("imported meeting")
}

fn read_bundle(p: &Path) -> ExportBundle {
    serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("bundle")
}

#[test]
fn export_import_verify_gives_identical_minutes_and_is_idempotent() {
    let a = archive_db();
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<(i64, PathBuf)> = [a.gate, a.elevator, a.parking]
        .into_iter()
        .map(|id| {
            let f = dir.path().join(format!("m{id}.json"));
            export(&a.path, id, &f);
            (id, f)
        })
        .collect();
    // A fresh database that already has another community, so that local voter ids
    // differ from the exporting laptop's.
    let fresh = dir.path().join("office.db");
    {
        let mut s = Store::open(&fresh).expect("open");
        add_shigu(&mut s);
    }
    // The elevator meeting alone first: its predecessor is not here.
    let (code, out, err) = import(&fresh, &[&files[1].1]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("imported as meeting"), "{out}");
    assert!(out.contains("chain starts here"), "{out}");
    let (code, out, err) = import(&fresh, &[&files[0].1, &files[2].1]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("imported as meeting").count(), 2, "{out}");

    let (code, out, err) = yishi(&["--db", &arg(&fresh), "--lang", "en", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches(": valid").count(), 3, "{out}");
    for (id, f) in &files {
        let b = read_bundle(f);
        let here = meeting_by_uid(&fresh, &b.record.uid);
        assert_eq!(show(&fresh, here), show(&a.path, *id), "minutes of {id}");
        // Read-only: the records are locked like minutes signed here.
        let store = Store::open(&fresh).expect("open");
        assert!(store.verify_meeting(here).expect("v").status.is_valid());
        let raw = Connection::open(&fresh).expect("raw");
        let locked = raw.execute("UPDATE votes SET choice = 'no' WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)", [here]);
        assert!(locked.is_err(), "imported records are locked");
        let origin: String = raw
            .query_row("SELECT origin FROM meetings WHERE id = ?1", [here], |r| {
                r.get(0)
            })
            .expect("origin");
        assert_eq!(origin, "imported");
        // Exported again, the bundle is the same meeting with the same signatures.
        let again = dir.path().join(format!("again{id}.json"));
        export(&fresh, here, &again);
        let b2 = read_bundle(&again);
        assert_eq!(
            b2.minutes.as_ref().map(|m| &m.text),
            b.minutes.as_ref().map(|m| &m.text)
        );
        assert_eq!(b2.signatures.len(), b.signatures.len());
        let (code, out, _) = yishi(&["--db", &arg(&fresh), "verify", "--file", &arg(&again)]);
        assert_eq!(code, 0, "{out}");
    }
    // The elevator's shaft owner who voted no is flagged by name, although the voter
    // has another id here than on the laptop the minutes came from.
    let eb = read_bundle(&files[1].1);
    let elevator = meeting_by_uid(&fresh, &eb.record.uid);
    let shown = show(&fresh, elevator);
    assert!(
        shown.contains("井道占用业主") && shown.contains("条件未满足"),
        "{shown}"
    );
    let flag = |v: &serde_json::Value| v["flags"][0]["ShaftOwnerNotAgreed"].as_i64();
    let original = serde_json::to_value(
        eb.record.items[0]
            .vote
            .as_ref()
            .unwrap()
            .outcome
            .as_ref()
            .unwrap(),
    )
    .unwrap();
    let raw = Connection::open(&fresh).expect("raw");
    let figures: String = raw
        .query_row(
            "SELECT figures FROM vote_closures v JOIN agenda_items i ON i.id = v.item_id
             WHERE i.meeting_id = ?1",
            [elevator],
            |r| r.get(0),
        )
        .expect("figures");
    let here: serde_json::Value = serde_json::from_str(&figures).expect("json");
    assert!(flag(&original).is_some() && flag(&here).is_some());
    assert_ne!(flag(&original), flag(&here), "voter ids were mapped");
    drop(raw);
    // The parking meeting's addendum came along with its signature.
    let parking = meeting_by_uid(&fresh, &read_bundle(&files[2].1).record.uid);
    assert!(show(&fresh, parking).contains("更正：收费自2026年10月起执行。"));
    // Search finds imported minutes too.
    let store = Store::open(&fresh).expect("open");
    assert_eq!(search(&store, "电梯").len(), 1);
    assert_eq!(search(&store, "大门").len(), 1);
    drop(store);

    // Importing again changes nothing.
    let before = counts(&fresh);
    let all: Vec<&Path> = files.iter().map(|(_, f)| f.as_path()).collect();
    let (code, out, err) = import(&fresh, &all);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("already present").count(), 3, "{out}");
    assert_eq!(counts(&fresh), before);
    // Into the laptop the minutes came from: already present as well.
    let before = counts(&a.path);
    let (code, out, _) = import(&a.path, &all);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("already present").count(), 3, "{out}");
    assert_eq!(counts(&a.path), before);
    // Through the API: the same.
    let mut store = Store::open(&fresh).expect("open");
    let o = store
        .import_bundle(read_bundle(&files[0].1))
        .expect("import");
    assert!(matches!(o, ImportOutcome::AlreadyPresent { .. }), "{o:?}");
}

#[test]
fn a_tampered_file_is_refused_with_the_reason_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_d, src) = {
        let d = tempfile::tempdir().expect("tempdir");
        let p = d.path().join("a.db");
        let mut s = Store::open(&p).expect("open");
        demo::install(&mut s).expect("demo");
        (d, p)
    };
    let good = dir.path().join("good.json");
    export(&src, 1, &good);
    let text = std::fs::read_to_string(&good).expect("read");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");

    // A vote changed in the record: one no becomes a yes.
    let mut vote = json.clone();
    let ballots = vote["record"]["items"][0]["vote"]["ballots"]
        .as_array_mut()
        .expect("ballots");
    let no = ballots
        .iter_mut()
        .find(|b| b["choice"] == "no")
        .expect("a no");
    no["choice"] = "yes".into();
    let changed_vote = dir.path().join("vote.json");
    std::fs::write(&changed_vote, serde_json::to_string(&vote).unwrap()).unwrap();

    // One byte of the host's signature changed.
    let sig = json["signatures"][0]["signature"]
        .as_str()
        .expect("sig")
        .to_string();
    let flipped = format!(
        "{}{}{}",
        &sig[..20],
        if &sig[20..22] == "00" { "01" } else { "00" },
        &sig[22..]
    );
    json["signatures"][0]["signature"] = flipped.into();
    let changed_sig = dir.path().join("sig.json");
    std::fs::write(&changed_sig, serde_json::to_string(&json).unwrap()).unwrap();

    let office = dir.path().join("office.db");
    Store::open(&office).expect("create");
    let before = counts(&office);
    let (code, out, err) = import(&office, &[&changed_vote, &changed_sig]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out.matches("refused").count(), 2, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("vote.json") && lines[0].contains("differ"),
        "{out}"
    );
    assert!(lines[0].contains("安装小区大门"), "{out}");
    assert!(
        lines[1].contains("sig.json") && lines[1].contains("does not verify"),
        "{out}"
    );
    assert!(lines[1].contains("黄小明"), "{out}");
    assert_eq!(counts(&office), before, "nothing written");

    // In Chinese too.
    let (code, out, _) = yishi(&[
        "--db",
        &arg(&office),
        "--lang",
        "zh",
        "import",
        &arg(&changed_sig),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("拒绝导入") && out.contains("签名无效"),
        "{out}"
    );

    // A good file among them is still imported; the exit code tells of the refusal.
    let (code, out, _) = import(&office, &[&changed_vote, &good]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("imported as meeting"), "{out}");
    let (code, out, _) = yishi(&["--db", &arg(&office), "verify"]);
    assert_eq!(code, 0, "{out}");

    // Through the API the reason is the verifier's.
    let mut store = Store::open(&dir.path().join("api.db")).expect("open");
    let b: ExportBundle =
        serde_json::from_str(&std::fs::read_to_string(&changed_sig).unwrap()).unwrap();
    match store.import_bundle(&b).expect("import") {
        ImportOutcome::Refused(ImportRefusal::Invalid(ps)) => assert!(!ps.is_empty()),
        other => panic!("expected a refusal, got {other:?}"),
    }
    drop(store);
    assert_eq!(
        counts(&dir.path().join("api.db"))
            .iter()
            .map(|(_, n)| n)
            .sum::<i64>(),
        0
    );

    // Unreadable or not an export: bad input (exit 2), nothing written.
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}").unwrap();
    let before = counts(&office);
    let (code, _, err) = import(&office, &[&junk, &dir.path().join("missing.json")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("junk.json") && err.contains("missing.json"),
        "{err}"
    );
    assert_eq!(counts(&office), before);

    // Unsigned minutes are not imported.
    let mut unsigned = read_bundle(&good);
    unsigned.signatures.clear();
    unsigned.record.status = yishi::domain::model::MeetingStatus::Adjourned;
    unsigned.minutes = None;
    let mut store = Store::open(&office).expect("open");
    assert_eq!(
        store.import_bundle(&unsigned).expect("import"),
        ImportOutcome::Refused(ImportRefusal::Unsigned)
    );
}

#[test]
fn a_district_gathers_two_communities_into_one_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Laptop A: the demo compound.
    let a = dir.path().join("wangcheng.db");
    {
        let mut s = Store::open(&a).expect("open");
        demo::install(&mut s).expect("demo");
    }
    // Laptop B: another compound with its own roster and signers, minutes in English.
    let b = dir.path().join("shigu.db");
    let shigu = {
        let mut s = Store::open(&b).expect("open");
        add_shigu(&mut s);
        s.register_signer("Alice Wang", "alice-passphrase", "alice-passphrase")
            .expect("alice");
        s.register_signer("Bob Li", "bob-passphrase-1", "bob-passphrase-1")
            .expect("bob");
        let m = shigu_meeting(&mut s);
        sign(
            &mut s,
            m,
            ("Alice Wang", "alice-passphrase"),
            ("Bob Li", "bob-passphrase-1"),
        );
        m
    };
    let fa = dir.path().join("wangcheng-1.json");
    let fb = dir.path().join("shigu-1.json");
    export(&a, 1, &fa);
    export(&b, shigu, &fb);

    let office = dir.path().join("district.db");
    let (code, out, err) = import(&office, &[&fa, &fb]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("imported as meeting").count(), 2, "{out}");

    let (code, out, err) = yishi(&["--db", &arg(&office), "minutes", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{out}");
    let mut communities: Vec<&str> = rows
        .iter()
        .map(|r| r["community"].as_str().expect("community"))
        .collect();
    communities.sort_unstable();
    assert_eq!(communities, vec![demo::COMMUNITY, SHIGU]);
    assert!(rows.iter().all(|r| r["status"] == "signed"));
    // Newest first: B's August meeting before A's May one.
    assert_eq!(rows[0]["community"], SHIGU);

    let (code, out, err) = yishi(&["--db", &arg(&office), "--lang", "en", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches(": valid").count(), 2, "{out}");
    assert!(
        out.contains("Alice Wang") && out.contains("黄小明"),
        "{out}"
    );
    // Each community's minutes read as they did on their own laptop.
    let here = meeting_by_uid(&office, &read_bundle(&fb).record.uid);
    assert_eq!(show(&office, here), show(&b, shigu));
    let here = meeting_by_uid(&office, &read_bundle(&fa).record.uid);
    assert_eq!(show(&office, here), show(&a, 1));
    // Filters work across the gathered archive.
    let (_, out, _) = yishi(&[
        "--db",
        &arg(&office),
        "minutes",
        "list",
        "--json",
        "--community",
        SHIGU,
        "--search",
        "contractors",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{out}");
    // The imported signers are not registered here: they cannot sign on this machine.
    let store = Store::open(&office).expect("open");
    assert!(store.signers().expect("signers").is_empty());
    assert!(matches!(
        store.verify_all().expect("verify")[0].status,
        VerifyStatus::Valid
    ));
}

#[test]
fn local_minutes_signed_after_imported_ones_chain_to_them() {
    // A replacement laptop: the old laptop's signed minutes are imported, then the next
    // meeting is signed here and links to them; deleting local minutes is still noticed.
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.db");
    {
        let mut s = Store::open(&old).expect("open");
        demo::install(&mut s).expect("demo");
    }
    let f = dir.path().join("m1.json");
    export(&old, 1, &f);
    let new = dir.path().join("new.db");
    {
        let mut s = Store::open(&new).expect("open");
        // The new laptop's own demo has other uids: the old minutes arrive as a
        // second signed meeting of 望城小区, after the local one in the chain.
        demo::install(&mut s).expect("demo");
    }
    let (code, out, _) = import(&new, &[&f]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = yishi(&["--db", &arg(&new), "verify"]);
    assert_eq!(code, 0, "{out}");
    let mut s = Store::open(&new).expect("open");
    let m = run_meeting(
        &mut s,
        &MeetingSpec {
            community: demo::COMMUNITY,
            kind: MeetingKind::OwnersAssembly,
            language: "zh",
            starts_at: "2026-10-01 09:30",
            title: "2026年第四次业主大会",
            host: "黄小明",
            secretary: "李秀英",
            items: vec![ItemSpec::new("绿化养护", Category::Facility, "补种绿篱。")],
            remark: None,
        },
    );
    demo_sign(&mut s, m);
    let later = run_meeting(
        &mut s,
        &MeetingSpec {
            community: demo::COMMUNITY,
            kind: MeetingKind::OwnersAssembly,
            language: "zh",
            starts_at: "2026-11-01 09:30",
            title: "2026年第五次业主大会",
            host: "黄小明",
            secretary: "李秀英",
            items: vec![ItemSpec::new("路灯维修", Category::Facility, "更换路灯。")],
            remark: None,
        },
    );
    demo_sign(&mut s, later);
    drop(s);
    let (code, out, _) = yishi(&["--db", &arg(&new), "verify"]);
    assert_eq!(code, 0, "{out}");
    // Deleting the local meeting in the middle breaks the next link.
    let raw = Connection::open(&new).expect("raw");
    raw.execute_batch(&format!(
        "DROP TRIGGER lock_minutes_delete; DROP TRIGGER lock_signatures_delete;
         DELETE FROM signatures WHERE meeting_id = {m}; DELETE FROM minutes WHERE meeting_id = {m};"
    ))
    .expect("tamper");
    drop(raw);
    let (code, out, _) = yishi(&["--db", &arg(&new), "--lang", "en", "verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("INVALID"), "{out}");
}
