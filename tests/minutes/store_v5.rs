//! Schema version 5 (issue 17): a search index without a copy of the texts, signed
//! meetings indexed once, the follow-up item's record of the action items it follows,
//! imports in one transaction per batch, and a migration that does not grow the file.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tempfile::TempDir;
use yishi::domain::model::{ActionStatus, Category, Electorate, MeetingKind, Scope};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::archive::ArchiveFilter;
use yishi::store::ids::{CommunityId, ItemId, MeetingId};
use yishi::store::import::ImportOutcome;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::refusal::import::ImportRefusal;
use yishi::store::{SCHEMA_VERSION, Store};

fn demo(dir: &Path) -> PathBuf {
    let path = dir.join("demo.db");
    let mut store = Store::open(&path).unwrap();
    yishi::demo::install(&mut store).unwrap();
    path
}

fn found(store: &Store, q: &str) -> Vec<i64> {
    let f = ArchiveFilter {
        search: Some(q.into()),
        include_open: true,
        ..Default::default()
    };
    store.archive(&f).unwrap().iter().map(|r| r.id.0).collect()
}

fn n(c: &Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_signed_meeting_is_indexed_once_by_its_minutes_and_its_words_are_still_found() {
    let dir = TempDir::new().unwrap();
    let path = demo(dir.path());
    let store = Store::open(&path).unwrap();
    for q in ["大门", "门", "伸缩门", "门禁卡"] {
        assert!(!found(&store, q).is_empty(), "{q} is found");
    }
    let c = Connection::open(&path).unwrap();
    let signed = n(&c, "SELECT count(*) FROM meetings WHERE status = 'signed'");
    assert!(signed > 0);
    // Every signed meeting has exactly one entry: its minutes.
    let entries = n(
        &c,
        "SELECT count(*) FROM search_index s JOIN meetings m ON m.id = s.rowid >> 20
         WHERE m.status = 'signed'",
    );
    assert_eq!(entries, signed);
    let kinds = n(
        &c,
        "SELECT count(*) FROM search_index s JOIN meetings m ON m.id = s.rowid >> 20
         WHERE m.status = 'signed' AND s.kind <> 'minutes'",
    );
    assert_eq!(kinds, 0);
    // No copy of the texts: the index has no content table holding them.
    let content_cols: i64 = n(
        &c,
        "SELECT count(*) FROM pragma_table_info('search_index_content') WHERE name LIKE 'c%'",
    );
    assert!(content_cols <= 2, "only kind and ref_id are kept");
}

#[test]
fn a_version_4_file_is_migrated_in_place_and_does_not_grow() {
    let dir = TempDir::new().unwrap();
    let path = demo(dir.path());
    // Put the file back to version 4: the index with its own copy of every text.
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP TABLE search_index;
             DROP TABLE IF EXISTS search_index_content;
             DROP INDEX minutes_chain;
             DROP TABLE followup_actions;
             CREATE VIRTUAL TABLE search_index USING fts5 (
                 body, pairs, meeting_id UNINDEXED, kind UNINDEXED, ref_id UNINDEXED,
                 tokenize = 'unicode61');
             INSERT INTO search_index (rowid, body, pairs, meeting_id, kind, ref_id)
                 SELECT (meeting_id << 20) + 1, text, text, meeting_id, 'minutes', meeting_id
                 FROM minutes;
             INSERT INTO search_index (rowid, body, pairs, meeting_id, kind, ref_id)
                 SELECT (i.meeting_id << 20) + 100 + i.id, p.text, p.text, i.meeting_id,
                        'proposal', i.id
                 FROM proposal_revisions p JOIN agenda_items i ON i.id = p.item_id;
             PRAGMA user_version = 4;
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
    let before = std::fs::metadata(&path).unwrap().len();
    let store = Store::open(&path).unwrap();
    let c = Connection::open(&path).unwrap();
    assert_eq!(n(&c, "PRAGMA user_version"), SCHEMA_VERSION);
    assert!(PathBuf::from(format!("{}.v4.bak", path.display())).exists());
    for q in ["大门", "门", "门禁卡"] {
        assert!(
            !found(&store, q).is_empty(),
            "{q} is found after the migration"
        );
    }
    // The 4 → 5 step marks every minutes format V1, as every real version-4 file's is;
    // this file was signed by today's code, whose V3 prints a cost plan (issue 18), which
    // no version-4 file can hold: those minutes are the only ones allowed to differ.
    for r in store.verify_all().unwrap() {
        let text: String = c
            .query_row(
                "SELECT text FROM minutes WHERE meeting_id = ?1",
                [r.meeting_id],
                |row| row.get(0),
            )
            .unwrap();
        assert!(r.status.is_valid() || text.contains("费用分摊"), "{r:?}");
    }
    drop(store);
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let after = std::fs::metadata(&path).unwrap().len();
    // The search index is rebuilt into the pages the old one frees; the later steps'
    // new (still empty) tables and indexes take a page or so each, no more.
    assert!(
        after <= before + 64 * 1024,
        "the file grew: {before} → {after}"
    );
}

const ROSTER: &str = "label,building,unit,area,owner,kind
1栋1单元101,1栋,1单元,80.00,王一,
1栋1单元201,1栋,1单元,90.00,李二,
";

fn meeting(store: &mut Store, community: CommunityId, title: &str) -> MeetingId {
    store
        .create_meeting(
            community,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: title.into(),
                starts_at: "2026-11-28 09:30".into(),
                venue: "议事厅".into(),
                host: "王一".into(),
                secretary: "李二".into(),
                language: "zh".into(),
            },
        )
        .unwrap()
}

/// (action id, status, overdue, changed) of a meeting's follow-up item, in its order.
fn followed(path: &Path, meeting: MeetingId) -> Vec<(i64, String, bool, bool)> {
    let c = Connection::open(path).unwrap();
    let mut st = c
        .prepare(
            "SELECT f.action_id, f.status, f.overdue, f.changed FROM followup_actions f
             JOIN agenda_items i ON i.id = f.item_id
             WHERE i.meeting_id = ?1 AND i.category = 'followup' ORDER BY f.position",
        )
        .unwrap();
    st.query_map([meeting], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn the_follow_up_item_records_what_it_follows_and_what_changed() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("f.db");
    let mut store = Store::open(&path).unwrap();
    let rows = roster_csv::parse(ROSTER.as_bytes()).unwrap();
    store.import_roster("望城小区", &rows).unwrap();
    let cid = store.community_by_name("望城小区").unwrap().unwrap().id;
    let a = meeting(&mut store, cid, "第一次会议");
    let item = store
        .add_item(
            a,
            &ItemInput {
                title: "加装电梯".into(),
                category: Category::Elevator,
                proposer: "业委会".into(),
                proposal: "加装电梯一部。".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::NoVote),
            },
        )
        .unwrap();
    store.start_meeting(a).unwrap();
    let late = store
        .add_action(item, "报价", "业委会", "2020-01-31")
        .unwrap();
    let open = store
        .add_action(item, "施工", "物业", "2099-12-31")
        .unwrap();
    store.adjourn(a).unwrap();

    // The next meeting follows both, each quoted for the first time.
    let b = meeting(&mut store, cid, "第二次会议");
    assert_eq!(
        followed(&path, b),
        vec![
            (late, "open".into(), true, true),
            (open, "open".into(), false, true)
        ]
    );
    // One is done: the meeting after quotes the done one as changed since it was last
    // quoted, and only counts the other (unchanged: not quoted again).
    store
        .set_action_status(late, ActionStatus::Done, "已完成")
        .unwrap();
    let c = meeting(&mut store, cid, "第三次会议");
    assert_eq!(followed(&path, c), vec![(late, "done".into(), false, true)]);
    // A draft's follow-up item can still be removed, with what it followed.
    let fu: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT id FROM agenda_items WHERE meeting_id = ?1 AND category = 'followup'",
            [c],
            |r| r.get(0),
        )
        .unwrap();
    store.remove_item(ItemId(fu)).unwrap();
    assert!(followed(&path, c).is_empty());
}

#[test]
fn a_batch_imports_many_meetings_in_one_transaction_and_a_refused_one_leaves_nothing() {
    let dir = TempDir::new().unwrap();
    let src = demo(dir.path());
    let source = Store::open(&src).unwrap();
    let ids: Vec<MeetingId> = source
        .archive(&ArchiveFilter::default())
        .unwrap()
        .iter()
        .filter(|r| r.status == "signed")
        .map(|r| r.id)
        .collect();
    assert!(!ids.is_empty(), "{ids:?}");
    let mut bundles: Vec<_> = ids
        .iter()
        .map(|&id| source.export_bundle(MeetingId(id.0)).unwrap())
        .collect();
    // A tampered bundle in the batch, and the first one again at the end.
    let mut bad = bundles[0].clone();
    bad.record.title.push('！');
    bundles.insert(1, bad);
    bundles.push(bundles[0].clone());
    let office = dir.path().join("office.db");
    let mut store = Store::open(&office).unwrap();
    let outcomes = store
        .import_batch(|b| {
            bundles
                .iter()
                .map(|x| b.import(x))
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap();
    assert!(matches!(
        outcomes[1],
        ImportOutcome::Refused(ImportRefusal::Invalid(_))
    ));
    let imported = outcomes
        .iter()
        .filter(|o| matches!(o, ImportOutcome::Imported { .. }))
        .count();
    assert_eq!(imported, ids.len());
    assert!(matches!(
        outcomes.last(),
        Some(ImportOutcome::AlreadyPresent { .. })
    ));
    let c = Connection::open(&office).unwrap();
    assert_eq!(n(&c, "SELECT count(*) FROM meetings"), ids.len() as i64);
    assert!(
        store
            .verify_all()
            .unwrap()
            .iter()
            .all(|r| r.status.is_valid())
    );
    for q in ["大门", "门"] {
        assert!(
            !found(&store, q).is_empty(),
            "{q} is found in imported minutes"
        );
    }
}
