//! The demo's residents' suggestions and cost plans: suggestions in every
//! status, one put on the agenda of the draft meeting; the gate with a cost plan by area
//! and the road widening with the property company's fixed share (set before their
//! votes, so the signed minutes carry them).

use chrono::{FixedOffset, NaiveDate, TimeZone};

use crate::domain::cost::{CostPlan, FixedShare, ShareMethod};
use crate::domain::model::{Category, MeetingStatus};
use crate::domain::suggestions::{Channel, SuggestionStatus};
use crate::store::ids::{CommunityId, ItemId};
use crate::store::suggestions::SuggestionInput;
use crate::store::{Result, Store, simulate_clock};

fn at(m: u32, d: u32) -> Option<chrono::DateTime<FixedOffset>> {
    let tz = FixedOffset::east_opt(8 * 3600)?;
    let naive = NaiveDate::from_ymd_opt(2026, m, d)?.and_hms_opt(10, 0, 0)?;
    tz.from_local_datetime(&naive).single()
}

/// The past meeting's gate (by area, and raised by a resident in April) and road
/// (物业公司 pays half) get their plans and the gate its source, before the votes.
pub fn plan_past(
    store: &mut Store,
    community: CommunityId,
    gate: ItemId,
    road: ItemId,
) -> Result<()> {
    let (channel, who, contact, text, category, (m, d)) = GATE;
    simulate_clock(at(m, d));
    let s = store.add_suggestion(
        community,
        &input(channel, who, contact, text, category, (m, d)),
    )?;
    simulate_clock(at(4, 12));
    store.set_suggestion_status(
        s,
        SuggestionStatus::Acknowledged,
        "将提交2026年第一次业主大会审议。",
    )?;
    store.link_suggestion(s, gate)?;
    simulate_clock(at(5, 16));
    store.set_cost_plan(
        gate,
        Some(&CostPlan {
            total_fen: 8_600_000,
            fixed: vec![],
            method: ShareMethod::Area,
            coefs: vec![],
        }),
    )?;
    store.set_cost_plan(
        road,
        Some(&CostPlan {
            total_fen: 16_000_000,
            fixed: vec![FixedShare {
                party: "物业公司".into(),
                fen: 8_000_000,
            }],
            method: ShareMethod::Area,
            coefs: vec![],
        }),
    )
}

type Demo = (
    Channel,
    &'static str,
    &'static str,
    &'static str,
    Category,
    (u32, u32),
);

const GATE: Demo = (
    Channel::Wechat,
    "孙丽",
    "",
    "小区是开放式的，外来车辆随意进出，希望安装大门、设门岗。",
    Category::Gate,
    (4, 10),
);

fn input(
    channel: Channel,
    who: &str,
    contact: &str,
    text: &str,
    category: Category,
    (m, d): (u32, u32),
) -> SuggestionInput {
    SuggestionInput {
        channel,
        raised_by: who.into(),
        contact: contact.into(),
        text: text.into(),
        category,
        raised_on: format!("2026-{m:02}-{d:02}"),
    }
}

const SUGGESTIONS: [Demo; 7] = [
    (
        Channel::Box,
        "赵德华",
        "13800000001",
        "2栋楼道灯坏了一个多月，晚上上下楼看不清，请尽快修理。",
        Category::Facility,
        (11, 2),
    ),
    (
        Channel::Wechat,
        "刘桂兰",
        "13800000002",
        "小区南门外常有车辆占用消防通道，希望物业加强管理。",
        Category::Parking,
        (11, 8),
    ),
    (
        Channel::Door,
        "王建国",
        "",
        "希望在议事亭旁增设几条长椅，方便老人休息。",
        Category::Facility,
        (10, 12),
    ),
    (
        Channel::Phone,
        "陈淑芬",
        "0734-1234567",
        "3栋前的垃圾分类点异味大，建议增加清运次数。",
        Category::Property,
        (10, 20),
    ),
    (
        Channel::Box,
        "周国平",
        "",
        "建议在小区增设电动自行车集中充电棚，杜绝飞线充电。",
        Category::Facility,
        (11, 15),
    ),
    (
        Channel::Door,
        "吴海",
        "",
        "儿童游乐设施生锈，希望更换。",
        Category::Facility,
        (6, 3),
    ),
    (
        Channel::Other,
        "郑敏",
        "",
        "楼下商铺夜间噪音扰民。",
        Category::Other,
        (9, 1),
    ),
];

/// Suggestions in every status: new, acknowledged, answered, handed over, on the draft
/// meeting's agenda, done, closed (decided is the gate's, from `plan_past`).
pub fn install(store: &mut Store) -> Result<()> {
    let Some(community) = store.community_by_name(crate::demo::COMMUNITY)? else {
        return Ok(());
    };
    let community = community.id;
    let mut ids = Vec::new();
    for (channel, who, contact, text, category, (m, d)) in SUGGESTIONS {
        simulate_clock(at(m, d));
        ids.push(store.add_suggestion(
            community,
            &input(channel, who, contact, text, category, (m, d)),
        )?);
    }
    simulate_clock(at(11, 3));
    store.set_suggestion_status(ids[1], SuggestionStatus::Acknowledged, "")?;
    simulate_clock(at(10, 14));
    store.set_suggestion_status(
        ids[2],
        SuggestionStatus::Answered,
        "已协调社区，年底前在议事亭旁增设长椅4条。",
    )?;
    simulate_clock(at(10, 21));
    store.set_suggestion_status(ids[3], SuggestionStatus::HandedOver, "物业服务中心")?;
    simulate_clock(at(11, 16));
    let draft = store
        .meetings(Some(community))?
        .into_iter()
        .find(|m| m.status == MeetingStatus::Draft);
    if let Some(m) = draft {
        store.put_on_agenda(ids[4], m.id)?;
    }
    simulate_clock(at(6, 5));
    store.set_suggestion_status(ids[5], SuggestionStatus::HandedOver, "物业服务中心")?;
    simulate_clock(at(6, 20));
    store.set_suggestion_status(ids[5], SuggestionStatus::Done, "已更换滑梯和秋千。")?;
    simulate_clock(at(9, 2));
    store.set_suggestion_status(ids[6], SuggestionStatus::Acknowledged, "")?;
    simulate_clock(at(9, 5));
    store.set_suggestion_status(
        ids[6],
        SuggestionStatus::Closed,
        "属商户经营问题，已转城管部门，本小区不再跟进。",
    )?;
    simulate_clock(None);
    Ok(())
}
