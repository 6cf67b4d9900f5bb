//! Shared set-up of these tests.
#![allow(dead_code, unused_imports)]
use yishi::store::ids::{ItemId, MeetingId};

pub use tempfile::TempDir;
pub use yishi::domain::model::{
    Category, Choice, DeliveryWay, Electorate, InvalidReason, MeetingForm, MeetingKind,
    MeetingStatus, Scope, ScopeKind,
};
pub use yishi::domain::roster_csv;
pub use yishi::domain::rules::{Basis, CheckKind, Rule, RuleKind};
pub use yishi::domain::written::ballot_number;
pub use yishi::store::Store;
pub use yishi::store::meetings::{ItemInput, MeetingInput};
pub use yishi::store::written::Purpose;

/// 3栋1单元: six owners of 80 m² and three of 100 m² (9 voters, 780 m²); 1栋 is outside.
pub const ROSTER: &str = "label,building,unit,area,owner
3栋1单元101,3栋,1单元,80.00,甲一
3栋1单元201,3栋,1单元,80.00,乙二
3栋1单元301,3栋,1单元,80.00,丙三
3栋1单元401,3栋,1单元,80.00,丁四
3栋1单元501,3栋,1单元,80.00,戊五
3栋1单元601,3栋,1单元,80.00,己六
3栋1单元701,3栋,1单元,100.00,庚七
3栋1单元801,3栋,1单元,100.00,辛八
3栋1单元901,3栋,1单元,100.00,壬九
1栋1单元101,1栋,1单元,70.00,癸十
";

pub struct Fixture {
    pub _dir: TempDir,
    pub store: Store,
    pub meeting: MeetingId,
    pub items: Vec<ItemId>,
}

pub fn meeting_input(kind: MeetingKind) -> MeetingInput {
    MeetingInput {
        kind,
        title: "3栋1单元加装电梯书面征求意见".into(),
        starts_at: "2026-11-01 09:00".into(),
        venue: "".into(),
        host: "黄小明".into(),
        secretary: "李秀英".into(),
        language: "zh".into(),
    }
}

pub fn elevator_item(title: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        category: Category::Elevator,
        proposer: "3栋1单元业主".into(),
        proposal: format!("{title}：方案全文。\n第二行。"),
        scope: Scope {
            kind: ScopeKind::Unit,
            building: "3栋".into(),
            unit: "1单元".into(),
        },
        rule: Rule::new(RuleKind::Art278Ordinary),
    }
}

pub fn written(opened: bool) -> Fixture {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("w.db")).unwrap();
    let rows = roster_csv::parse(ROSTER.as_bytes()).unwrap();
    store.import_roster("望城小区", &rows).unwrap();
    let community = store.community_by_name("望城小区").unwrap().unwrap().id;
    let meeting = store
        .create_meeting(
            community,
            Electorate::Owners,
            &meeting_input(MeetingKind::OwnersAssembly),
        )
        .unwrap();
    let items = vec![
        store.add_item(meeting, &elevator_item("加装电梯")).unwrap(),
        store
            .add_item(meeting, &elevator_item("费用分摊方案"))
            .unwrap(),
    ];
    store
        .set_form(
            meeting,
            MeetingForm::Written,
            Some(("2026-11-01", "2026-11-15")),
        )
        .unwrap();
    if opened {
        store.start_meeting(meeting).unwrap();
    }
    Fixture {
        _dir: dir,
        store,
        meeting,
        items,
    }
}

/// The refusal as the user reads it (English).
pub fn refusal(e: yishi::store::StoreError) -> String {
    yishi::strings::store_error(yishi::strings::Lang::En, &e)
}

/// Enter one full ballot by its number, answering every item with `choice`.
pub fn enter(f: &mut Fixture, number: &str, choice: Choice) {
    let entry = f
        .store
        .open_ballot(f.meeting, number, Purpose::Entry)
        .unwrap();
    for (item, ..) in &entry.items {
        f.store
            .enter_answer(f.meeting, entry.ballot.voter_id, *item, choice, "李秀英")
            .unwrap();
    }
}
