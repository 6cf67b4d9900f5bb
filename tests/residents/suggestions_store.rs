//! Residents' suggestions and cost plans in the store (issue 18): the migration, the
//! suggestion's life (refusals, history, the item it becomes, decided when the item's
//! vote closes), the private contact never leaving the laptop, the plan refused after the
//! vote, and an exported meeting with a source and a plan importing and verifying.

use yishi::domain::cost::{CostPlan, FixedShare, ShareMethod, parse_coefs};
use yishi::domain::model::{Category, MeetingStatus};
use yishi::domain::suggestions::{Channel, SuggestionStatus};
use yishi::store::ids::{CommunityId, MeetingId, VoterId};
use yishi::store::refusal::suggestions::SuggestionRefusal;
use yishi::store::suggestions::SuggestionInput;
use yishi::store::{Refusal, Store, StoreError};

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("d.db")).expect("open");
    yishi::demo::install(&mut store).expect("demo");
    (dir, store)
}

fn community(store: &Store) -> CommunityId {
    store
        .community_by_name(yishi::demo::COMMUNITY)
        .expect("query")
        .expect("demo community")
        .id
}

fn draft(store: &Store) -> MeetingId {
    store
        .meetings(None)
        .expect("meetings")
        .into_iter()
        .find(|m| m.status == MeetingStatus::Draft)
        .expect("a draft")
        .id
}

fn input(text: &str) -> SuggestionInput {
    SuggestionInput {
        channel: Channel::Phone,
        raised_by: "马丽娟".into(),
        contact: "13912345678".into(),
        text: text.into(),
        category: Category::Facility,
        raised_on: "2026-03-02".into(),
    }
}

fn refused(r: Result<impl std::fmt::Debug, StoreError>, want: SuggestionRefusal) {
    match r {
        Err(StoreError::Refused(Refusal::Suggestion(c))) => assert_eq!(c, want),
        other => panic!("expected {want:?}, got {other:?}"),
    }
}

#[test]
fn release_v9_file_gains_the_tables() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v9.db");
    std::fs::copy("tests/fixtures/release-v9.db", &db).expect("copy");
    let mut store = Store::open(&db).expect("migrate");
    let c = store.communities().expect("communities")[0].id;
    let id = store.add_suggestion(c, &input("路灯坏了")).expect("add");
    assert_eq!(store.suggestion(id, "2026-03-05").expect("row").days, 3);
    assert!(
        store
            .verify_all()
            .expect("verify")
            .iter()
            .all(|r| r.status.is_valid())
    );
}

#[test]
fn a_suggestion_becomes_an_item_and_follows_its_vote() {
    let (_d, mut store) = demo();
    let c = community(&store);
    refused(
        store.add_suggestion(
            c,
            &SuggestionInput {
                raised_by: " ".into(),
                ..input("x")
            },
        ),
        SuggestionRefusal::NeedsWho,
    );
    refused(
        store.add_suggestion(c, &input("  ")),
        SuggestionRefusal::NeedsText,
    );
    refused(
        store.add_suggestion(
            c,
            &SuggestionInput {
                raised_on: "2026-3-2".into(),
                ..input("x")
            },
        ),
        SuggestionRefusal::BadDate,
    );
    let id = store
        .add_suggestion(c, &input("小区南侧路面坑洼，雨天积水。\n希望修补。"))
        .expect("add");
    assert_eq!(store.suggestion(id, "2026-03-12").expect("row").days, 10);
    refused(
        store.set_suggestion_status(id, SuggestionStatus::Answered, " "),
        SuggestionRefusal::AnswerNeedsText,
    );
    refused(
        store.set_suggestion_status(id, SuggestionStatus::Decided, "x"),
        SuggestionRefusal::NotByHand,
    );
    store
        .set_suggestion_status(id, SuggestionStatus::Acknowledged, "")
        .expect("ack");
    let m = draft(&store);
    let item = store.put_on_agenda(id, m).expect("on agenda");
    refused(
        store.put_on_agenda(id, m),
        SuggestionRefusal::AlreadyOnAgenda,
    );
    let row = store.suggestion(id, "2026-03-12").expect("row");
    assert_eq!(row.status, SuggestionStatus::OnAgenda);
    assert_eq!(row.item.as_ref().map(|i| i.1), Some(item.0));
    let it = store.item(item).expect("item");
    assert_eq!(it.title, "小区南侧路面坑洼，雨天积水。");
    assert_eq!(it.category, Category::Facility);
    let rec = store.meeting_record(m).expect("record");
    let src = rec
        .items
        .iter()
        .find(|i| i.id == item.0)
        .and_then(|i| i.civic.source.clone())
        .expect("source");
    assert_eq!((src.number, src.raised_on.as_str()), (id.0, "2026-03-02"));
    let body = yishi::domain::minutes::body::signed_body(&rec);
    assert!(
        body.contains(&format!("来源：居民意见 #{id}，2026-03-02")),
        "{body}"
    );
    // The contact stays on the laptop: not in the minutes, the record's JSON, the list.
    let json = serde_json::to_string(&rec).expect("json");
    assert!(!json.contains("13912345678") && !body.contains("13912345678"));
    assert_eq!(
        store.suggestion_contact(id).expect("contact"),
        "13912345678"
    );
    // A removed draft item takes its source with it; the suggestion is back to acknowledged.
    store.remove_item(item).expect("remove");
    assert_eq!(
        store.suggestion(id, "2026-03-12").expect("row").status,
        SuggestionStatus::Acknowledged
    );
    let item = store.put_on_agenda(id, m).expect("again");
    // The vote: the meeting opens, the item is decided, the suggestion follows.
    store.start_meeting_confirmed(m).expect("open");
    let voters = store.voters(c).expect("voters");
    for v in voters.iter().filter(|v| !v.units.is_empty()) {
        store
            .mark_presence(
                m,
                v.id,
                yishi::domain::model::PresenceKind::Present,
                None,
                None,
            )
            .expect("present");
    }
    store.start_vote(item).expect("vote");
    for b in store.ballots(item).expect("ballots") {
        store
            .answer(
                item,
                VoterId(b.voter_id),
                yishi::domain::model::Choice::Yes,
                None,
            )
            .expect("answer");
    }
    store.close_vote(item).expect("close");
    assert_eq!(
        store.suggestion(id, "2026-03-12").expect("row").status,
        SuggestionStatus::Decided
    );
    let h = store.suggestion_history(id).expect("history");
    let steps: Vec<SuggestionStatus> = h.iter().map(|e| e.status).collect();
    assert_eq!(
        steps,
        [
            SuggestionStatus::New,
            SuggestionStatus::Acknowledged,
            SuggestionStatus::OnAgenda,
            SuggestionStatus::Acknowledged,
            SuggestionStatus::OnAgenda,
            SuggestionStatus::Decided
        ]
    );
    store
        .set_suggestion_status(id, SuggestionStatus::Done, "已修补完成。")
        .expect("done");
}

#[test]
fn cost_plan_is_allocated_saved_and_locked_by_the_vote() {
    let (_d, mut store) = demo();
    let m = draft(&store);
    let items = store.items(m).expect("items");
    let elevator = items
        .iter()
        .find(|i| i.category == Category::Elevator)
        .expect("the elevator")
        .id;
    let plan = CostPlan {
        total_fen: 42_000_000,
        fixed: vec![FixedShare {
            party: "政府补贴".into(),
            fen: 20_000_000,
        }],
        method: ShareMethod::FloorArea,
        coefs: parse_coefs("1-2:0, 3:0.7, 4:0.8, 5:0.9, 6:1.0, 7:1.1").expect("coefs"),
    };
    refused(
        store.set_cost_plan(
            elevator,
            Some(&CostPlan {
                total_fen: 1,
                ..plan.clone()
            }),
        ),
        SuggestionRefusal::CostFixed,
    );
    store.set_cost_plan(elevator, Some(&plan)).expect("save");
    let saved = store.cost_plan(elevator).expect("read").expect("a plan");
    assert_eq!(saved.plan, plan);
    let sum: i64 = saved.shares.iter().map(|s| s.fen).sum();
    assert_eq!(sum, 22_000_000);
    // Only the unit's own households pay; floors 1–2 nothing.
    assert!(saved.shares.iter().all(|s| s.label.starts_with("3栋2单元")));
    assert!(
        saved
            .shares
            .iter()
            .filter(|s| s.floor <= Some(2))
            .all(|s| s.fen == 0)
    );
    let preview = store.preview_cost(elevator, &plan).expect("preview");
    assert_eq!(preview, saved);
    store.set_cost_plan(elevator, None).expect("remove");
    assert!(store.cost_plan(elevator).expect("read").is_none());
    // A signed meeting's plan cannot change (the demo's gate).
    let signed = store
        .meetings(None)
        .expect("meetings")
        .into_iter()
        .find(|m| m.status == MeetingStatus::Signed)
        .expect("signed");
    let gate = store.items(signed.id).expect("items")[0].id;
    assert!(store.set_cost_plan(gate, None).is_err());
}

#[test]
fn exported_minutes_with_source_and_plan_import_and_verify() {
    let (_d, store) = demo();
    let signed = store
        .meetings(None)
        .expect("meetings")
        .into_iter()
        .find(|m| m.status == MeetingStatus::Signed)
        .expect("signed")
        .id;
    let bundle = store.export_bundle(signed).expect("bundle");
    assert!(bundle.record.items[0].civic.source.is_some());
    assert!(bundle.record.items[1].civic.cost.is_some());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut district = Store::open(&dir.path().join("district.db")).expect("open");
    district.import_bundle_with(bundle, true).expect("import");
    let reports = district.verify_all().expect("verify");
    assert!(reports.iter().all(|r| r.status.is_valid()), "{reports:?}");
    let id = district.meetings(None).expect("meetings")[0].id;
    let rec = district.meeting_record(id).expect("record");
    let fixed = &rec.items[1].civic.cost.as_ref().expect("cost").plan.fixed;
    assert_eq!(fixed[0].party, "物业公司");
    assert_eq!(
        rec.items[0].civic.source.as_ref().map(|s| s.number),
        Some(1)
    );
}
