//! Written consultation (issue 16): a ballot entered by its number with five answers,
//! each saved at once (six store calls, five commits), against the commit floor (five
//! bare transactions of one INSERT each on a file with the same pragmas); and the print of
//! 400 ballots (one A4 page each) to HTML.

use std::path::Path;

use yishi::domain::model::{
    Category, Choice, Electorate, MeetingForm, MeetingKind, Scope, VoterKind,
};
use yishi::domain::roster_csv::RosterRow;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::paper::{Paper, render};
use yishi::store::Store;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::written::Purpose;

use super::{Measure, measure, raw, time};
use yishi::store::ids::MeetingId;

const VOTERS: usize = 400;
const ITEMS: usize = 5;

fn consultation(db: &Path) -> (Store, i64) {
    let _ = std::fs::remove_file(db);
    let mut store = Store::open(db).expect("open");
    let rows: Vec<RosterRow> = (0..VOTERS)
        .map(|i| RosterRow {
            line: i + 2,
            label: format!(
                "{}栋{}单元{:02}{:02}",
                i / 100 + 1,
                i / 50 % 2 + 1,
                i % 25 + 1,
                i % 4 + 1
            ),
            building: format!("{}栋", i / 100 + 1),
            unit: format!("{}单元", i / 50 % 2 + 1),
            area_centi: 7000 + (i as i64 * 37) % 5000,
            owner: format!("业主{i:03}"),
            kind: VoterKind::Person,
            roles: String::new(),
            phone: String::new(),
            council: None,
            council_role: String::new(),
        })
        .collect();
    store.import_roster("基准小区", &rows).expect("roster");
    let community = store
        .community_by_name("基准小区")
        .expect("c")
        .expect("c")
        .id;
    let m = store
        .create_meeting(
            community,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: "基准书面征求意见".into(),
                starts_at: "2026-11-01 09:00".into(),
                venue: String::new(),
                host: "主持人".into(),
                secretary: "记录人".into(),
                language: "zh".into(),
            },
        )
        .expect("meeting");
    for n in 0..ITEMS {
        store
            .add_item(
                m,
                &ItemInput {
                    title: format!("事项{n}"),
                    category: Category::Funds,
                    proposer: "业主委员会".into(),
                    proposal: "使用专项维修资金维修屋面防水，费用按专有部分面积分摊。\n".repeat(4),
                    scope: Scope::all(),
                    rule: Rule::new(RuleKind::Art278Ordinary),
                },
            )
            .expect("item");
    }
    store
        .set_form(m, MeetingForm::Written, Some(("2026-11-01", "2026-11-30")))
        .expect("form");
    store.start_meeting(m).expect("open");
    (store, m.0)
}

pub fn rows(db: &Path, samples: usize) -> Vec<Measure> {
    let wdb = db.with_extension("written.db");
    let (mut store, m) = consultation(&wdb);
    let ballots = store.written_ballots(MeetingId(m)).expect("ballots");
    let mut entry = measure(
        "enter a ballot: number + 5 answers, each saved (written consultation)",
        "< 50 ms; ≤ 1.5 × floor (median)",
    );
    let floor_db = db.with_extension("written-floor.db");
    let _ = std::fs::remove_file(&floor_db);
    let fc = raw(&floor_db);
    fc.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, item INTEGER, voter INTEGER, choice TEXT, at TEXT)")
        .expect("floor table");
    for b in ballots.iter().take(samples.clamp(20, VOTERS)) {
        let (t, _) = time(|| {
            let e = store
                .open_ballot(MeetingId(m), &b.number, Purpose::Entry)
                .expect("open ballot");
            for (item, ..) in &e.items {
                store
                    .enter_answer(MeetingId(m), b.voter_id, *item, Choice::Yes, "记录人")
                    .expect("answer");
            }
        });
        entry.samples.push(t);
        let (t, _) = time(|| {
            for item in 0..ITEMS as i64 {
                let tx = fc.unchecked_transaction().expect("begin");
                tx.execute(
                    "INSERT INTO t (item, voter, choice, at) VALUES (?1, ?2, 'yes', '2026-11-02T19:00:00+08:00')",
                    [item, b.voter_id.0],
                )
                .expect("insert");
                tx.commit().expect("commit");
            }
        });
        entry.floor.push(t);
    }
    entry.note = format!("{ITEMS} commits per ballot; {VOTERS} voters");
    let mut print = measure("print 400 ballots to A4 HTML (one voter a page)", "< 1 s");
    let mut bytes = 0;
    for _ in 0..3 {
        let (t, html) = time(|| render(&store, MeetingId(m), Paper::Ballots).expect("ballots"));
        bytes = html.len();
        print.samples.push(t);
    }
    print.note = format!("{} KB of HTML", bytes / 1024);
    drop(store);
    drop(fc);
    for p in [wdb, floor_db] {
        for ext in ["", "-wal", "-shm"] {
            let mut s = p.clone().into_os_string();
            s.push(ext);
            let _ = std::fs::remove_file(s);
        }
    }
    vec![entry, print]
}
