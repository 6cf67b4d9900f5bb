//! Issue 17: a meeting's follow-up item quotes only the action items that are new,
//! changed or came due since the community's last follow-up, and counts the rest, so a
//! community that never closes an action item does not see its minutes grow with age.

use std::path::Path;

use rusqlite::Connection;
use tempfile::TempDir;
use yishi::domain::model::{Category, Electorate, MeetingKind, Scope};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::Store;
use yishi::store::ids::MeetingId;
use yishi::store::meetings::{ItemInput, MeetingInput};

const ROSTER: &str = "label,building,unit,area,owner,kind
1栋1单元101,1栋,1单元,80.00,王一,
1栋1单元201,1栋,1单元,90.00,李二,
";

/// The follow-up proposal of a meeting ("" when it has none).
fn followup_text(path: &Path, meeting: MeetingId) -> String {
    Connection::open(path)
        .expect("open")
        .query_row(
            "SELECT coalesce((SELECT r.text FROM proposal_revisions r JOIN agenda_items i
                ON i.id = r.item_id WHERE i.meeting_id = ?1 AND i.category = 'followup'), '')",
            [meeting],
            |r| r.get(0),
        )
        .expect("text")
}

#[test]
fn a_community_that_never_closes_an_action_item_gets_a_follow_up_of_bounded_size() {
    let dir = TempDir::new().expect("dir");
    let path = dir.path().join("f.db");
    let mut store = Store::open(&path).expect("open");
    let rows = roster_csv::parse(ROSTER.as_bytes()).expect("roster");
    store.import_roster("望城小区", &rows).expect("import");
    let cid = store
        .community_by_name("望城小区")
        .expect("c")
        .expect("community")
        .id;
    let mut sizes = Vec::new();
    for k in 0..12 {
        let m = store
            .create_meeting(
                cid,
                Electorate::Owners,
                &MeetingInput {
                    kind: MeetingKind::OwnersAssembly,
                    title: format!("第{}次会议", k + 1),
                    starts_at: format!("2026-{:02}-10 09:30", k + 1),
                    venue: "议事厅".into(),
                    host: "王一".into(),
                    secretary: "李二".into(),
                    language: "zh".into(),
                },
            )
            .expect("meeting");
        sizes.push(followup_text(&path, m).len());
        let item = store
            .add_item(
                m,
                &ItemInput {
                    title: format!("议题{k}"),
                    category: Category::Other,
                    proposer: "业委会".into(),
                    proposal: "方案。".into(),
                    scope: Scope::all(),
                    rule: Rule::new(RuleKind::NoVote),
                },
            )
            .expect("item");
        store.start_meeting(m).expect("start");
        // Two action items a meeting, never closed; one due in the far future, one
        // long overdue.
        store
            .add_action(item, &format!("施工{k}"), "物业", "2099-12-31")
            .expect("action");
        store
            .add_action(item, &format!("报价{k}"), "业委会", "2020-01-31")
            .expect("action");
        store.adjourn(m).expect("adjourn");
    }
    let last = followup_text(&path, {
        let c = Connection::open(&path).expect("open");
        c.query_row("SELECT max(id) FROM meetings", [], |r| r.get(0))
            .expect("id")
    });
    // The last one quotes the previous meeting's two items and counts the twenty others.
    assert!(last.contains("施工10") && last.contains("报价10"), "{last}");
    assert!(!last.contains("施工9"), "{last}");
    assert!(last.contains("另有 20 项"), "{last}");
    // From the third meeting on the text no longer grows (the count's digits aside).
    let (third, max) = (sizes[2], *sizes[2..].iter().max().expect("sizes"));
    assert!(max <= third + 8, "{sizes:?}");
}
