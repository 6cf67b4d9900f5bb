//! Shared set-up of these tests.
#![allow(dead_code, unused_imports)]
use yishi::store::ids::{CommunityId, MeetingId, VoterId};

pub use std::fs;
pub use std::path::{Path, PathBuf};

pub use rusqlite::Connection;
pub use tempfile::TempDir;
pub use yishi::domain::model::{
    Category, Choice, Electorate, ItemStatus, MeetingKind, MeetingStatus, PresenceKind, Scope,
    ScopeKind, VoterKind,
};
pub use yishi::domain::roster_csv;
pub use yishi::domain::rules::{Flag, Rule, RuleKind};
pub use yishi::store::meetings::{ItemInput, MeetingInput};
pub use yishi::store::{APPLICATION_ID, SCHEMA_VERSION, Store, StoreError};

/// Roster order is file order. 3栋2单元 is the elevator's scope: 王一, 李二, 黄小明 (one
/// of his two units), the developer (two of three units) and the co-owners. 赵三 lives in
/// 3栋1单元 and 钱四 in 2栋2单元 (same unit name, other building): both outside.
pub const ROSTER: &str = "label,building,unit,area,owner,kind
3栋2单元101,3栋,2单元,80.00,王一,
3栋2单元201,3栋,2单元,90.50,李二,
3栋2单元301,3栋,2单元,100.25,黄小明,
1栋1单元101,1栋,1单元,70.00,黄小明,
3栋2单元401,3栋,2单元,110.00,华景置业,developer
3栋2单元501,3栋,2单元,111.11,华景置业,developer
3栋1单元601,3栋,1单元,95.00,华景置业,developer
3栋2单元601,3栋,2单元,120.00,张伟、李娜,coowners
3栋1单元101,3栋,1单元,60.00,赵三,
2栋2单元101,2栋,2单元,65.00,钱四,
";

pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("roundtrip.db");
    (dir, path)
}

pub fn meeting_input(title: &str) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::OwnersAssembly,
        title: title.into(),
        starts_at: "2026-11-28 09:30".into(),
        venue: "望城小区党群服务中心".into(),
        host: "黄小明".into(),
        secretary: "李秀英".into(),
        language: "zh".into(),
    }
}

pub fn item_input(title: &str, category: Category, scope: Scope, kind: RuleKind) -> ItemInput {
    ItemInput {
        title: title.into(),
        category,
        proposer: "业主委员会".into(),
        proposal: format!("{title}：第一稿。\n第二行。"),
        scope,
        rule: Rule::new(kind),
    }
}

pub fn unit_scope() -> Scope {
    Scope {
        kind: ScopeKind::Unit,
        building: "3栋".into(),
        unit: "2单元".into(),
    }
}

pub struct Ids {
    pub community: CommunityId,
    pub wang: VoterId,
    pub li: VoterId,
    pub huang: VoterId,
    pub developer: VoterId,
    pub coowners: VoterId,
    pub zhao: VoterId,
    pub qian: VoterId,
}

pub fn roster(store: &mut Store) -> Ids {
    let rows = roster_csv::parse(ROSTER.as_bytes()).expect("roster parses");
    let (voters, units) = store.import_roster("望城小区", &rows).unwrap();
    assert_eq!((voters, units), (7, 10));
    let community = store.community_by_name("望城小区").unwrap().unwrap().id;
    let voters = store.voters(community).unwrap();
    let id = |name: &str| voters.iter().find(|v| v.name == name).unwrap().id;
    let dev = voters.iter().find(|v| v.name == "华景置业").unwrap();
    assert_eq!(dev.kind, VoterKind::Developer);
    assert_eq!(dev.units.len(), 3);
    assert_eq!(dev.area(), 11000 + 11111 + 9500);
    Ids {
        community,
        wang: id("王一"),
        li: id("李二"),
        huang: id("黄小明"),
        developer: dev.id,
        coowners: id("张伟、李娜"),
        zhao: id("赵三"),
        qian: id("钱四"),
    }
}

pub fn all_present(store: &mut Store, m: i64, community: CommunityId) {
    for v in store.voters(community).unwrap() {
        store
            .mark_presence(MeetingId(m), v.id, PresenceKind::Present, None, None)
            .unwrap();
    }
}

pub fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}
