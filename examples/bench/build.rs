//! The synthetic archive, built with yishi's own store calls: rosters imported from CSV
//! rows, meetings created, roll calls answered voter by voter, votes closed, minutes
//! rendered and signed by the host and the secretary. Everything runs inside
//! `Store::bulk` (each call its own transaction, commits not flushed until the end), and
//! each community's two signers have their Argon2id keys derived once.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use ed25519_dalek::SigningKey;
use yishi::domain::model::{
    ActionStatus, Category, Choice, CouncilKind, Electorate, MeetingKind, PresenceKind, Scope,
    VoterKind,
};
use yishi::domain::roster_csv::RosterRow;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::domain::signing::verify::Role;
use yishi::store::ids::{CommunityId, ItemId, SignerId, VoterId};
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::{Result, Store, simulate_clock};

/// Meetings per community over ten years (98 × 240 ≈ 23,500).
pub const MEETINGS: usize = 240;
/// Items per meeting (23,520 × 5 ≈ 117,000).
pub const ITEMS: usize = 5;
/// The voters of the live meeting's roll call.
pub const LIVE_VOTERS: usize = 300;

const SURNAMES: &[&str] = &[
    "黄", "李", "王", "张", "刘", "陈", "杨", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
];
const GIVEN: &[&str] = &[
    "小明", "秀英", "建国", "丽华", "志强", "桂兰", "海涛", "玉梅", "国平", "晓燕", "德华", "春梅",
    "红军", "淑珍", "伟", "敏", "军", "静", "勇", "艳", "杰", "娟", "涛", "霞", "斌", "萍", "超",
];

/// Agenda topics: (title, category, proposal). Spread over the archive so that a search
/// for a two-character word finds some meetings, not all.
pub const TOPICS: &[(&str, Category, &str)] = &[
    (
        "加装电梯",
        Category::Elevator,
        "本单元共七层，老年住户上下楼困难，拟加装电梯一部，按楼层系数分摊费用。",
    ),
    (
        "小区大门改造",
        Category::Gate,
        "东侧大门年久失修，拟更换为电动伸缩门并设门岗，访客登记后进入。",
    ),
    (
        "新增停车位",
        Category::Parking,
        "拟在北侧空地划设停车位二十个，收费纳入公共收益，用于道路维护。",
    ),
    (
        "主干道修补",
        Category::Road,
        "主干道路面破损积水，拟整体修补并加装减速带。",
    ),
    (
        "公共收益公示",
        Category::Funds,
        "上一年度公共收益收支明细，请业主审议并在公告栏公示。",
    ),
    (
        "物业服务评价",
        Category::Property,
        "对物业服务中心年度服务进行评议，提出整改意见。",
    ),
    (
        "修订管理规约",
        Category::Rules,
        "修订管理规约中关于装修时间和宠物管理的条款。",
    ),
    (
        "垃圾分类站建设",
        Category::Facility,
        "在三栋旁建设垃圾分类站一处，配备洗手池和监控。",
    ),
    (
        "儿童游乐设施更新",
        Category::Facility,
        "更换老旧滑梯与秋千，铺设安全地垫。",
    ),
    (
        "外墙渗水维修",
        Category::Other,
        "多户反映外墙渗水，拟申请使用专项维修资金进行维修。",
    ),
    (
        "充电桩安装",
        Category::Parking,
        "在地下车库安装电动车充电桩，防止电动车进楼道充电。",
    ),
    (
        "绿化改造",
        Category::Facility,
        "补种行道树，改造中心花园，增加休息座椅。",
    ),
];
/// English meetings (one in twenty) use these.
pub const TOPICS_EN: &[(&str, Category, &str)] = &[
    (
        "Elevator retrofit",
        Category::Elevator,
        "Install an elevator in block 2; costs shared by floor.",
    ),
    (
        "Gate access",
        Category::Gate,
        "Replace the east gate and add a visitor log.",
    ),
    (
        "Parking rules",
        Category::Parking,
        "Mark twenty new spaces; fees go to the common fund.",
    ),
];
const REMARKS: &[&str] = &[
    "支持，早就该办了，希望尽快施工。",
    "反对，费用太高，低层住户受益少。",
    "建议先公示预算，再分期实施。",
    "同意，但要保证施工期间的安全。",
    "希望物业公司说明后续的维护费用。",
];

/// A community's roster: `units` units, one voter each, the first 11 on the residents'
/// council (the first is its convener and the meetings' host, the second the secretary).
fn roster(tag: usize, units: usize) -> Vec<RosterRow> {
    let floors = 6;
    (0..units)
        .map(|n| {
            let b = n / (floors * 2) + 1;
            let u = (n / floors) % 2 + 1;
            let floor = n % floors + 1;
            let council = n < 11;
            RosterRow {
                line: n + 2,
                label: format!("{b}栋{u}单元{floor}0{}", n % 4 + 1),
                building: format!("{b}栋"),
                unit: format!("{u}单元"),
                area_centi: 6800 + ((n * 2917 + tag * 131) % 6500) as i64,
                owner: format!(
                    "{}{}{}",
                    SURNAMES[(n + tag) % SURNAMES.len()],
                    GIVEN[(n * 7 + tag) % GIVEN.len()],
                    n + 1
                ),
                kind: VoterKind::Person,
                roles: if council {
                    "居民代表".into()
                } else {
                    String::new()
                },
                phone: String::new(),
                council: council.then_some(CouncilKind::ResidentsCouncil),
                council_role: match n {
                    0 => "召集人".into(),
                    _ if council => "代表".into(),
                    _ => String::new(),
                },
            }
        })
        .collect()
}

/// The number of units of the district's community `c` (0-based): 15 to 400.
pub fn units_of(c: usize) -> usize {
    if c == 0 { 400 } else { 15 + (c * 7919) % 386 }
}

pub fn community_name(c: usize) -> String {
    format!("第{}社区{}小区", c / 10 + 1, c + 1)
}

fn at(date: NaiveDate, h: u32, m: u32) -> Option<chrono::DateTime<FixedOffset>> {
    let tz = FixedOffset::east_opt(8 * 3600)?;
    tz.from_local_datetime(&date.and_hms_opt(h, m, 0)?).single()
}

/// Signers of a community: (id, key) for the host and the secretary.
type Keys = [(SignerId, SigningKey); 2];

fn signers(store: &mut Store, c: usize, host: &str, sec: &str) -> Result<Keys> {
    let pass = format!("bench-passphrase-{c}");
    let h = store.register_signer(host, &pass, &pass)?;
    let s = store.register_signer(sec, &pass, &pass)?;
    // Derived once here; every meeting of the community is signed with these.
    Ok([
        (h, store.unlock_signer(h, &pass)?),
        (s, store.unlock_signer(s, &pass)?),
    ])
}

/// The community that never closes an action item (the follow-up's worst case); every
/// other closes most of them within two months and the rest within a year, as life does.
pub const NEVER_CLOSES: usize = 1;

/// Add community `c` with its ten years of signed meetings. Returns (meetings, votes).
pub fn community(store: &mut Store, c: usize) -> Result<(usize, usize)> {
    community_as(store, c, &community_name(c), MEETINGS)
}

/// When an action item decided at meeting `k` (the `n`th of the community) is closed:
/// (the meeting before which it is, done or dropped), or None for never.
fn closing(c: usize, k: usize, n: usize) -> Option<(usize, ActionStatus)> {
    if c == NEVER_CLOSES {
        return None;
    }
    Some(match n % 10 {
        0..=6 => (k + 3, ActionStatus::Done),
        7 => (k + 4, ActionStatus::Dropped),
        _ => (k + 24, ActionStatus::Done),
    })
}

/// Community `c`'s roster and `meetings` signed meetings under `name`.
pub fn community_as(
    store: &mut Store,
    c: usize,
    name: &str,
    meetings: usize,
) -> Result<(usize, usize)> {
    community_sized(store, c, name, meetings, units_of(c))
}

/// As `community_as`, with a roster of `units` units whatever `c` is.
pub fn community_sized(
    store: &mut Store,
    c: usize,
    name: &str,
    meetings: usize,
    units: usize,
) -> Result<(usize, usize)> {
    let name = name.to_string();
    let rows = roster(c, units);
    let host = rows[0].owner.clone();
    let sec = rows[1].owner.clone();
    store.import_roster(&name, &rows)?;
    let cid = store
        .community_by_name(&name)?
        .map_or(CommunityId(0), |x| x.id);
    let keys = signers(store, c, &host, &sec)?;
    let voters = store.voters(cid)?;
    let start = NaiveDate::from_ymd_opt(2016, 1, 9).unwrap_or_default();
    let mut votes = 0;
    // Action items still to be closed: (before meeting, id, how).
    let mut to_close: Vec<(usize, i64, ActionStatus)> = Vec::new();
    let mut decided = 0;
    for k in 0..meetings {
        // Every 15 days or so, the evening; an owners' assembly every sixth meeting.
        let date = start + Duration::days((k as i64) * 15 + (c as i64 % 7));
        simulate_clock(at(date, 9, 0));
        // The morning before: the board closes what was done, so the evening's follow-up
        // lists what is still open.
        for &(_, id, how) in to_close.iter().filter(|(at, _, _)| *at == k) {
            let note = if how == ActionStatus::Done {
                "已完成，已公示验收结果"
            } else {
                "经业主委员会讨论，不再实施"
            };
            store.set_action_status(id, how, note)?;
        }
        to_close.retain(|(at, _, _)| *at != k);
        simulate_clock(at(date, 19, 0));
        let assembly = k % 6 == 0;
        let english = (k + c) % 20 == 7;
        let (kind, electorate, title) = if assembly {
            (
                MeetingKind::OwnersAssembly,
                Electorate::Owners,
                format!("{}年第{}次业主大会", date.year(), k / 6 % 4 + 1),
            )
        } else {
            (
                MeetingKind::ResidentsCouncil,
                Electorate::Council,
                format!("{}年{}月居民议事会", date.year(), date.month()),
            )
        };
        let title = if english {
            format!("Meeting {} of {}", k + 1, date.year())
        } else {
            title
        };
        let m = store.create_meeting(
            cid,
            electorate,
            &MeetingInput {
                kind,
                title,
                starts_at: format!("{} 19:30", date.format("%Y-%m-%d")),
                venue: format!("{name}议事厅"),
                host: host.clone(),
                secretary: sec.clone(),
                language: if english { "en".into() } else { "zh".into() },
            },
        )?;
        let mut items = Vec::new();
        for i in 0..ITEMS {
            let (t, cat, p) = if english {
                TOPICS_EN[(k + i) % TOPICS_EN.len()]
            } else {
                TOPICS[(k * 5 + i * 7 + c) % TOPICS.len()]
            };
            let rule = if assembly {
                RuleKind::Art278Ordinary
            } else {
                RuleKind::ResidentsMeeting
            };
            items.push(store.add_item(
                m,
                &ItemInput {
                    title: t.into(),
                    category: cat,
                    proposer: "业主委员会".into(),
                    proposal: p.into(),
                    scope: Scope::all(),
                    rule: Rule::new(rule),
                },
            )?);
        }
        store.start_meeting(m)?;
        let present: Vec<_> = if assembly {
            voters.iter().collect()
        } else {
            voters.iter().take(11).collect()
        };
        for (i, v) in present.iter().enumerate() {
            let kind = if (i + k) % 9 == 4 {
                PresenceKind::Absent
            } else {
                PresenceKind::Present
            };
            store.mark_presence(m, v.id, kind, None, None)?;
        }
        for (i, &item) in items.iter().enumerate() {
            let r = store.queue_speaker(item, &voters[(i + k) % voters.len()].name, None)?;
            store.next_speaker(item)?;
            store.record_remark(r, REMARKS[(i + k + c) % REMARKS.len()])?;
            store.next_speaker(item)?;
            store.start_vote(item)?;
            for (j, b) in store.ballots(item)?.iter().enumerate() {
                // Only those in the room answer; closing records the rest as not voting.
                if !b.present {
                    continue;
                }
                let ch = match (j + i + k) % 7 {
                    2 if i % 2 == 1 => Choice::No,
                    5 => Choice::No,
                    6 => Choice::Abstain,
                    _ => Choice::Yes,
                };
                store.answer(item, VoterId(b.voter_id), ch, None)?;
                votes += 1;
            }
            let out = store.close_vote(item)?;
            if out.passed && i % 2 == 0 {
                let id = store.add_action(
                    item,
                    "组织实施并向业主公示进度",
                    "业主委员会",
                    &format!("{}", (date + Duration::days(90)).format("%Y-%m-%d")),
                )?;
                if let Some((at, how)) = closing(c, k, decided) {
                    to_close.push((at, id, how));
                }
                decided += 1;
            }
        }
        store.set_summary(m, "会议按议程逐项审议并表决，表决结果当场公布。")?;
        store.adjourn(m)?;
        store.sign_meeting_with_key(m, keys[0].0, Role::Host, &keys[0].1)?;
        store.sign_meeting_with_key(m, keys[1].0, Role::Secretary, &keys[1].1)?;
    }
    simulate_clock(None);
    Ok((meetings, votes))
}

/// The live meeting: a community of `LIVE_VOTERS` owners (made once), an open meeting
/// whose first item's roll call has started. Returns the item.
pub fn live_meeting(store: &mut Store, round: usize) -> Result<i64> {
    let name = "议事厅测试小区";
    if store.community_by_name(name)?.is_none() {
        store.import_roster(name, &roster(9999, LIVE_VOTERS))?;
    }
    let cid = store
        .community_by_name(name)?
        .map_or(CommunityId(0), |x| x.id);
    let voters = store.voters(cid)?;
    let m = store.create_meeting(
        cid,
        Electorate::Owners,
        &MeetingInput {
            kind: MeetingKind::OwnersAssembly,
            title: format!("测试业主大会第{}次", round + 1),
            starts_at: "2026-12-05 09:30".into(),
            venue: "议事厅".into(),
            host: voters[0].name.clone(),
            secretary: voters[1].name.clone(),
            language: "zh".into(),
        },
    )?;
    let item = store.add_item(
        m,
        &ItemInput {
            title: "加装电梯".into(),
            category: Category::Elevator,
            proposer: "业主委员会".into(),
            proposal: TOPICS[0].2.into(),
            scope: Scope::all(),
            rule: Rule::new(RuleKind::Art278Major),
        },
    )?;
    store.start_meeting(m)?;
    store.bulk(|st| {
        for v in &voters {
            st.mark_presence(m, v.id, PresenceKind::Present, None, None)?;
        }
        Ok(())
    })?;
    store.start_vote(item)?;
    Ok(item.0)
}

/// Close the live meeting so the next start sees no open meeting.
pub fn finish_live(store: &mut Store, item: ItemId) -> Result<()> {
    let m = store.item(item)?.meeting_id;
    store.close_vote(item)?;
    store.adjourn(m)?;
    Ok(())
}
