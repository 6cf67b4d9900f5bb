//! The demo community's people: 望城小区's owners (names made from common surnames and
//! given names), its developer, the owners' committee and the two demo signers.

use crate::domain::model::{CouncilKind, VoterKind};
use crate::domain::roster_csv::RosterRow;
use crate::domain::signing::verify::Role;
use crate::store::ids::CommunityId;
use crate::store::{Result, Store};

pub const COMMUNITY: &str = "望城小区";
pub const DEVELOPER: &str = "衡阳华景置业有限公司";

/// The demo's signers and their passphrases (for the demo only; the README quotes them):
/// (name, role, passphrase).
pub const DEMO_SIGNERS: [(&str, Role, &str); 2] = [
    ("黄小明", Role::Host, "wangcheng-host-2026"),
    ("李秀英", Role::Secretary, "wangcheng-secretary-2026"),
];

const SURNAMES: &[&str] = &[
    "黄", "李", "王", "张", "刘", "陈", "杨", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
    "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
];
const GIVEN: &[&str] = &[
    "小明", "秀英", "建国", "丽华", "志强", "桂兰", "海涛", "玉梅", "国平", "晓燕", "德华", "春梅",
    "红军", "淑珍", "伟", "敏", "军", "静", "勇", "艳", "杰", "娟", "涛", "霞", "斌", "萍", "超",
    "芳", "强", "丹", "磊", "琳", "波", "雪", "鹏", "婷", "辉", "倩", "刚", "慧",
];

/// The roster as CSV rows: 3 buildings × 2 units × 7 floors = 42 units.
pub(crate) fn roster() -> Vec<RosterRow> {
    let mut rows = Vec::new();
    let mut n = 0usize;
    for b in 1..=3 {
        for u in 1..=2 {
            for floor in 1..=7 {
                let label = format!("{b}栋{u}单元{floor}01");
                // Real-looking areas between 68 and 133 m², to the hundredth.
                let area = 6800 + ((b * 3701 + u * 1303 + floor * 2917) % 6500) as i64;
                let (owner, kind) = match (b, u, floor) {
                    // The developer's unsold units: one voter with their full area.
                    (3, 1, 6) | (3, 1, 7) | (3, 2, 7) | (2, 2, 7) => {
                        (DEVELOPER.to_string(), VoterKind::Developer)
                    }
                    // One owner with two units.
                    (1, 2, 3) => ("黄小明".to_string(), VoterKind::Person),
                    // Co-owned units: one voter each.
                    (1, 1, 4) => ("张伟、李娜".to_string(), VoterKind::Coowners),
                    (2, 1, 2) => ("陈建华、陈秀兰".to_string(), VoterKind::Coowners),
                    (3, 2, 3) => ("王强、刘芳".to_string(), VoterKind::Coowners),
                    _ => {
                        let name = if (b, u, floor) == (1, 1, 1) {
                            "黄小明".to_string()
                        } else {
                            format!(
                                "{}{}",
                                SURNAMES[n % SURNAMES.len()],
                                GIVEN[(n * 7) % GIVEN.len()]
                            )
                        };
                        n += 1;
                        (name, VoterKind::Person)
                    }
                };
                let rep = matches!(
                    (b, u, floor),
                    (1, 1, 1)
                        | (1, 1, 5)
                        | (1, 2, 2)
                        | (2, 1, 1)
                        | (2, 1, 4)
                        | (2, 2, 3)
                        | (3, 1, 2)
                        | (3, 2, 1)
                        | (3, 2, 5)
                );
                rows.push(RosterRow {
                    line: rows.len() + 2,
                    label,
                    building: format!("{b}栋"),
                    unit: format!("{u}单元"),
                    area_centi: area,
                    owner,
                    kind,
                    roles: if rep {
                        "居民代表".into()
                    } else {
                        String::new()
                    },
                    phone: if floor % 3 == 0 {
                        format!("1380734{:04}", b * 1000 + u * 100 + floor)
                    } else {
                        String::new()
                    },
                    council: if rep {
                        Some(CouncilKind::ResidentsCouncil)
                    } else {
                        None
                    },
                    council_role: if (b, u, floor) == (1, 1, 1) {
                        "召集人".into()
                    } else if rep {
                        "代表".into()
                    } else {
                        String::new()
                    },
                });
            }
        }
    }
    rows
}

/// The 业委会: six owners, three of them also residents' representatives, so a
/// committee meeting and a council meeting call different people.
pub const COMMITTEE: [(&str, &str); 6] = [
    ("1栋1单元101", "主任"),
    ("1栋2单元201", "副主任"),
    ("2栋1单元401", "委员"),
    ("2栋2单元101", "委员"),
    ("3栋1单元301", "委员"),
    ("3栋2单元401", "委员"),
];

pub(crate) fn owners_committee(store: &mut Store) -> Result<()> {
    let community = store
        .community_by_name(COMMUNITY)?
        .map_or(CommunityId(0), |c| c.id);
    let voters = store.voters(community)?;
    for (label, role) in COMMITTEE {
        if let Some(v) = voters
            .iter()
            .find(|v| v.units.iter().any(|u| u.label == label))
        {
            store.set_council_member(v.id, CouncilKind::OwnersCommittee, role)?;
        }
    }
    Ok(())
}
