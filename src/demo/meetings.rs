//! The demo's meetings: one finished with its votes, one draft ready to run, and a
//! written consultation in progress.

use chrono::{FixedOffset, NaiveDate, TimeZone};

use crate::demo::community::{COMMUNITY, DEMO_SIGNERS};
use crate::domain::model::{
    Category, Choice, Electorate, MeetingKind, PresenceKind, Scope, ScopeKind,
};
use crate::domain::rules::{Rule, RuleKind};
use crate::store::ids::{CommunityId, ItemId, MeetingId, VoterId};
use crate::store::meetings::{ItemInput, MeetingInput};
use crate::store::{Result, Store, simulate_clock};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<chrono::DateTime<FixedOffset>> {
    let tz = FixedOffset::east_opt(8 * 3600)?;
    let naive = NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(h, min, 0)?;
    tz.from_local_datetime(&naive).single()
}

fn item(
    title: &str,
    category: Category,
    proposer: &str,
    proposal: &str,
    scope: Scope,
    kind: RuleKind,
) -> ItemInput {
    ItemInput {
        title: title.into(),
        category,
        proposer: proposer.into(),
        proposal: proposal.into(),
        scope,
        rule: Rule::new(kind),
    }
}

pub(crate) fn past_meeting(store: &mut Store) -> Result<i64> {
    let community = store
        .community_by_name(COMMUNITY)?
        .map_or(CommunityId(0), |c| c.id);
    simulate_clock(at(2026, 5, 16, 9, 0));
    let m = store.create_meeting(
        community,
        Electorate::Owners,
        &MeetingInput {
            kind: MeetingKind::OwnersAssembly,
            title: "2026年第一次业主大会".into(),
            starts_at: "2026-05-16 09:30".into(),
            venue: "望城小区党群服务中心".into(),
            host: "黄小明".into(),
            secretary: "李秀英".into(),
            language: "zh".into(),
        },
    )?;
    let gate = store.add_item(m, &item(
        "安装小区大门",
        Category::Gate,
        "业主委员会",
        "小区目前为开放式，外来车辆随意进出，夜间安全隐患多。\n拟在东侧主入口安装电动伸缩大门一座并设门岗，费用约8.6万元，由公共收益支出。\n大门安装后，业主凭门禁卡出入，访客登记。",
        Scope::all(),
        RuleKind::Art278Major,
    ))?;
    let road = store.add_item(m, &item(
        "小区主干道拓宽",
        Category::Road,
        "物业服务中心",
        "主干道宽3.5米，会车困难。拟拓宽至6米，总费用16万元，由物业公司与业主委员会共同承担，各8万元。",
        Scope::all(),
        RuleKind::Art278Major,
    ))?;
    crate::demo::suggestions::plan_past(store, community, gate, road)?;
    store.start_meeting(m)?;
    past_attendance(store, m, community)?;
    past_floor(store, gate, road)?;
    store.set_summary(m, "会议应到业主38户，实到35户（含委托1户）。安装小区大门议案获得通过，主干道拓宽议案未获通过，待重新征求意见后另行提交。")?;
    store.adjourn(m)?;
    sign_as_demo_signers(store, m)?;
    Ok(m.0)
}

/// The past meeting's roll call: most owners present, a few absent, one by proxy.
fn past_attendance(store: &mut Store, m: MeetingId, community: CommunityId) -> Result<()> {
    let voters = store.voters(community)?;
    let owners: Vec<_> = voters.iter().filter(|v| !v.units.is_empty()).collect();
    for (i, v) in owners.iter().enumerate() {
        if i % 11 == 5 {
            store.mark_presence(m, v.id, PresenceKind::Absent, None, None)?;
        } else if i == 7 {
            store.mark_presence(
                m,
                v.id,
                PresenceKind::Proxy,
                Some(("周国平", "WT-2026-001")),
                None,
            )?;
        } else {
            store.mark_presence(m, v.id, PresenceKind::Present, None, None)?;
        }
    }
    Ok(())
}

/// The past meeting's floor: the gate discussed and both items voted on.
fn past_floor(store: &mut Store, gate: ItemId, road: ItemId) -> Result<()> {
    let r = store.queue_speaker(gate, "赵德华", None)?;
    store.next_speaker(gate)?;
    store.record_remark(r, "支持安装大门，晚上回家安心。建议门禁卡每户发两张。")?;
    let r = store.queue_speaker(gate, "刘桂兰", None)?;
    store.next_speaker(gate)?;
    store.record_remark(r, "反对。老人出入不方便，外卖快递也进不来。")?;
    store.next_speaker(gate)?;
    store.start_vote(gate)?;
    // Only those in the room answer; closing the vote records the others as not voting.
    for (i, b) in store.ballots(gate)?.iter().enumerate() {
        if !b.present {
            continue;
        }
        let c = match i % 10 {
            3 => Choice::No,
            8 if i > 20 => Choice::Abstain,
            _ => Choice::Yes,
        };
        store.answer(gate, VoterId(b.voter_id), c, None)?;
    }
    store.close_vote(gate)?;
    store.add_action(gate, "采购并安装东门电动伸缩门", "业主委员会", "2026-08-31")?;
    store.add_action(gate, "制发门禁卡，每户两张", "物业服务中心", "2026-09-15")?;
    store.start_vote(road)?;
    for (i, b) in store.ballots(road)?.iter().enumerate() {
        if !b.present {
            continue;
        }
        let c = match i % 4 {
            1 => Choice::No,
            _ => Choice::Yes,
        };
        store.answer(road, VoterId(b.voter_id), c, None)?;
    }
    store.close_vote(road)?;
    Ok(())
}

/// The host and the secretary sign the minutes, which locks the meeting.
pub(crate) fn sign_as_demo_signers(store: &mut Store, m: MeetingId) -> Result<()> {
    simulate_clock(at(2026, 5, 16, 11, 40));
    for (name, role, passphrase) in DEMO_SIGNERS {
        let signer = match store.signer_by_name(name)? {
            Some(s) => s.id,
            None => store.register_signer(name, passphrase, passphrase)?,
        };
        store.sign_meeting(m, signer, role, passphrase)?;
    }
    Ok(())
}

pub(crate) fn draft_meeting(store: &mut Store) -> Result<i64> {
    let community = store
        .community_by_name(COMMUNITY)?
        .map_or(CommunityId(0), |c| c.id);
    simulate_clock(None);
    let m = store.create_meeting(
        community,
        Electorate::Owners,
        &MeetingInput {
            kind: MeetingKind::OwnersAssembly,
            title: "2026年第二次业主大会".into(),
            starts_at: "2026-12-05 09:30".into(),
            venue: "望城小区议事亭".into(),
            host: "黄小明".into(),
            secretary: "李秀英".into(),
            language: "zh".into(),
        },
    )?;
    let unit = Scope {
        kind: ScopeKind::Unit,
        building: "3栋".into(),
        unit: "2单元".into(),
    };
    let ground_floor = store
        .voters(community)?
        .into_iter()
        .find(|v| v.units.iter().any(|u| u.label == "3栋2单元101"))
        .map(|v| v.id.0);
    store.add_item(m, &item(
        "3栋2单元加装电梯",
        Category::Elevator,
        "3栋2单元业主",
        "3栋2单元共7层，无电梯，老年住户上下楼困难。\n拟在单元北侧加装电梯一部，总造价约62万元，申请政府补贴20万元，其余按楼层系数由本单元业主分摊。\n井道占用一楼北侧绿地，一楼住户需书面同意。",
        unit,
        RuleKind::Elevator { legacy_two_thirds: false, shaft_voters: ground_floor.into_iter().collect() },
    ))?;
    store.add_item(m, &item(
        "小区大门门禁系统升级",
        Category::Gate,
        "业主委员会",
        "东门门禁改为人脸识别加门禁卡双模式，增设访客二维码登记，费用约3.2万元，由公共收益支出。",
        Scope::all(),
        RuleKind::Art278Major,
    ))?;
    store.add_item(m, &item(
        "停车管理公约",
        Category::Parking,
        "物业服务中心",
        "小区新划停车位36个。业主车辆凭停车证停放，每月收费80元，收入纳入公共收益，用于道路与照明维护。\n外来车辆临时停放不超过2小时，超时按小时收费。",
        Scope::all(),
        RuleKind::Art278Ordinary,
    ))?;
    Ok(m.0)
}

/// A written consultation (书面征求意见) in progress: an elevator for 3栋1单元, its six
/// owners (five residents and the developer) served, four ballots back, one unsigned.
pub(crate) fn written_consultation(store: &mut Store) -> Result<i64> {
    let community = store
        .community_by_name(COMMUNITY)?
        .map_or(CommunityId(0), |c| c.id);
    simulate_clock(at(2026, 11, 4, 10, 0));
    let m = store.create_meeting(
        community,
        Electorate::Owners,
        &MeetingInput {
            kind: MeetingKind::OwnersAssembly,
            title: "3栋1单元加装电梯书面征求意见".into(),
            starts_at: "2026-11-20 09:00".into(),
            venue: "望城小区物业服务中心（表决票回收点）".into(),
            host: "黄小明".into(),
            secretary: "李秀英".into(),
            language: "zh".into(),
        },
    )?;
    let unit = Scope {
        kind: ScopeKind::Unit,
        building: "3栋".into(),
        unit: "1单元".into(),
    };
    store.add_item(m, &item(
        "3栋1单元加装电梯",
        Category::Elevator,
        "3栋1单元业主",
        "3栋1单元共7层，无电梯。拟在单元南侧加装电梯一部，总造价约58万元，申请政府补贴20万元，其余按楼层系数由本单元业主分摊。\n施工期间不占用消防通道。",
        unit.clone(),
        RuleKind::Elevator { legacy_two_thirds: false, shaft_voters: Vec::new() },
    ))?;
    store.add_item(
        m,
        &item(
            "电梯运行维护费分摊",
            Category::Elevator,
            "3栋1单元业主",
            "电梯投入使用后，年度维护保养及电费由本单元业主按楼层系数分摊，一楼住户不分摊。",
            unit,
            RuleKind::Art278Ordinary,
        ),
    )?;
    store.set_form(
        m,
        crate::domain::model::MeetingForm::Written,
        Some(("2026-11-20", "2026-12-10")),
    )?;
    store.set_notice_date(m, "2026-11-04")?;
    simulate_clock(at(2026, 11, 20, 9, 0));
    store.start_meeting(m)?;
    serve_and_collect(store, m)?;
    Ok(m.0)
}

/// The written consultation's ballots served on its first day, and two thirds of them
/// back over the next days: three valid, one unsigned.
fn serve_and_collect(store: &mut Store, m: MeetingId) -> Result<()> {
    let ballots = store.written_ballots(m)?;
    for (i, b) in ballots.iter().enumerate() {
        let way = if i + 1 == ballots.len() {
            crate::domain::model::DeliveryWay::Posted
        } else {
            crate::domain::model::DeliveryWay::InPerson
        };
        store.record_delivery(m, b.voter_id, "2026-11-20", way, "李秀英")?;
    }
    // Two thirds back: three valid, one unsigned.
    let back = ballots.len() * 2 / 3;
    for (i, b) in ballots.iter().take(back).enumerate() {
        simulate_clock(at(2026, 11, 22 + i as u32, 19, 0));
        if i == 1 {
            store.enter_invalid(
                m,
                b.voter_id,
                crate::domain::model::InvalidReason::Unsigned,
                "",
                "李秀英",
            )?;
            continue;
        }
        let entry = store.open_ballot(m, &b.number, crate::store::written::Purpose::Entry)?;
        for (n, (it, ..)) in entry.items.iter().enumerate() {
            let choice = if i == 3 && n == 1 {
                Choice::No
            } else {
                Choice::Yes
            };
            store.enter_answer(m, b.voter_id, *it, choice, "李秀英")?;
        }
    }
    Ok(())
}
