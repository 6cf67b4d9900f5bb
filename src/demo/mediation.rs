//! The demo's mediation cases: a dozen disputes of every kind and status, the
//! mediation team's 李秀英 signing the agreements. The water leak from 5栋 has a signed
//! agreement whose performance is due in December 2026, so it shows on home and on the
//! action-items board.

use chrono::{FixedOffset, TimeZone};

use crate::demo::community::{COMMUNITY, DEMO_SIGNERS};
use crate::domain::mediation::{CaseKind, CaseStatus};
use crate::store::mediation::CaseInput;
use crate::store::{Result, Store, simulate_clock};

/// What becomes of a demo case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Open,
    Signed,
    Performed,
    NotPerformed,
    Status(CaseStatus),
}

struct Demo {
    kind: CaseKind,
    title: &'static str,
    facts: &'static str,
    issue: &'static str,
    opened: &'static str,
    parties: [(&'static str, &'static str); 2],
    /// (party, duty, how, due)
    terms: &'static [(i64, &'static str, &'static str, &'static str)],
    end: End,
}

const CASES: &[Demo] = &[
    Demo {
        kind: CaseKind::Leak,
        title: "5栋601卫生间漏水至501",
        facts: "5栋1单元601卫生间防水层老化，自2026年10月起渗水至501卫生间顶棚，顶棚石膏板发霉、脱落。",
        issue: "601是否负责维修防水层，以及501顶棚修复费用的承担。",
        opened: "2026-11-10",
        parties: [("周德华", "5栋1单元601"), ("吴春梅", "5栋1单元501")],
        terms: &[
            (
                1,
                "重做卫生间防水层并做闭水试验",
                "请有资质的施工单位施工，吴春梅到场见证",
                "2026-12-10",
            ),
            (
                1,
                "承担501顶棚修复费用人民币一千二百元",
                "修复完成后三日内现金或转账支付",
                "2026-12-20",
            ),
            (2, "配合入户查看与施工", "提前一天约定时间", "2026-12-10"),
        ],
        end: End::Signed,
    },
    Demo {
        kind: CaseKind::Noise,
        title: "2栋夜间装修噪音",
        facts: "2栋1单元501装修期间多次在晚上十点后施工，楼下401老人无法休息。",
        issue: "装修施工时间。",
        opened: "2026-06-03",
        parties: [("陈德华", "2栋1单元501"), ("李桂兰", "2栋1单元401")],
        terms: &[(
            1,
            "每日晚上八点后、中午十二点至两点不施工",
            "告知装修队并在门口张贴",
            "2026-06-30",
        )],
        end: End::Performed,
    },
    Demo {
        kind: CaseKind::Parking,
        title: "1栋楼下车位被长期占用",
        facts: "1栋楼下公共车位被一辆外来车辆长期停放，住户反映出行受阻。",
        issue: "车辆移走及今后停放。",
        opened: "2026-11-22",
        parties: [("王海涛", "1栋2单元101"), ("赵先生", "")],
        terms: &[],
        end: End::Open,
    },
    Demo {
        kind: CaseKind::Family,
        title: "3栋老人赡养费纠纷",
        facts: "3栋2单元201的老人与两个子女就每月赡养费数额和照料安排发生争执。",
        issue: "赡养费数额与照料轮值。",
        opened: "2026-07-15",
        parties: [("何玉梅", "3栋2单元201"), ("何国平", "")],
        terms: &[],
        end: End::Status(CaseStatus::NotAgreed),
    },
    Demo {
        kind: CaseKind::Neighbour,
        title: "1栋楼道堆放杂物",
        facts: "1栋1单元三楼楼道长期堆放纸箱和旧家具，影响通行和消防。",
        issue: "杂物清理。",
        opened: "2026-08-05",
        parties: [("孙建国", "1栋1单元301"), ("郭丽华", "1栋1单元302")],
        terms: &[(
            1,
            "清理楼道杂物，今后不在楼道堆放",
            "自行清理",
            "2026-08-15",
        )],
        end: End::Performed,
    },
    Demo {
        kind: CaseKind::Leak,
        title: "2栋空调冷凝水滴落",
        facts: "2栋2单元601空调外机冷凝水滴落在501阳台，长期潮湿。",
        issue: "加装冷凝水管。",
        opened: "2026-09-01",
        parties: [("林志强", "2栋2单元601"), ("马晓燕", "2栋2单元501")],
        terms: &[(1, "加装冷凝水管并引入下水", "自行请人安装", "2026-09-20")],
        end: End::NotPerformed,
    },
    Demo {
        kind: CaseKind::Noise,
        title: "3栋广场舞音响音量",
        facts: "小区广场晚间广场舞音响音量过大，3栋住户反映影响休息。",
        issue: "音量和结束时间。",
        opened: "2026-10-08",
        parties: [("罗淑珍", ""), ("梁红军", "3栋1单元101")],
        terms: &[(
            1,
            "晚上九点前结束，音量不超过约定",
            "由领队负责",
            "2026-10-31",
        )],
        end: End::Performed,
    },
    Demo {
        kind: CaseKind::Parking,
        title: "电动车楼道充电",
        facts: "2栋1单元住户在楼道内为电动车充电，邻居担心火灾隐患。",
        issue: "电动车停放充电位置。",
        opened: "2026-11-18",
        parties: [("宋伟", "2栋1单元201"), ("郑敏", "2栋1单元202")],
        terms: &[],
        end: End::Open,
    },
    Demo {
        kind: CaseKind::Other,
        title: "宠物狗未拴绳惊吓儿童",
        facts: "小区内宠物狗未拴绳追逐儿童，双方家长发生争执。",
        issue: "道歉与今后遛狗规范。",
        opened: "2026-09-12",
        parties: [("谢军", "1栋2单元401"), ("韩静", "3栋2单元501")],
        terms: &[],
        end: End::Status(CaseStatus::Withdrawn),
    },
    Demo {
        kind: CaseKind::Neighbour,
        title: "3栋门口晾晒遮挡采光",
        facts: "3栋1单元一楼住户在窗外搭架晾晒，遮挡二楼采光。",
        issue: "晾衣架位置。",
        opened: "2026-10-20",
        parties: [("唐勇", "3栋1单元101"), ("冯艳", "3栋1单元201")],
        terms: &[],
        end: End::Status(CaseStatus::NotAgreed),
    },
    Demo {
        kind: CaseKind::Family,
        title: "1栋兄弟房屋使用纠纷",
        facts: "兄弟二人对父母留下的1栋2单元601的居住安排有争议。",
        issue: "房屋使用与费用分担。",
        opened: "2026-11-25",
        parties: [("于杰", "1栋2单元601"), ("于斌", "")],
        terms: &[],
        end: End::Open,
    },
    Demo {
        kind: CaseKind::Noise,
        title: "2栋楼上拖动家具声响",
        facts: "2栋2单元301夜间经常拖动桌椅，楼下201反映噪音。",
        issue: "夜间噪音。",
        opened: "2026-11-05",
        parties: [("董娟", "2栋2单元301"), ("萧涛", "2栋2单元201")],
        terms: &[(
            1,
            "桌椅加装脚垫，晚上十点后避免拖动",
            "自行购买安装",
            "2026-11-30",
        )],
        end: End::Signed,
    },
];

fn clock(date: &str, hour: u32) {
    let t = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .and_then(|t| {
            FixedOffset::east_opt(8 * 3600)?
                .from_local_datetime(&t)
                .single()
        });
    simulate_clock(t);
}

/// A later day (for sessions and signatures): `days` after `date`.
fn after(date: &str, days: i64) -> String {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| {
            (d + chrono::Duration::days(days))
                .format("%Y-%m-%d")
                .to_string()
        })
        .unwrap_or_else(|_| date.to_string())
}

pub fn install(store: &mut Store) -> Result<()> {
    let Some(community) = store.community_by_name(COMMUNITY)? else {
        return Ok(());
    };
    let (name, _, pass) = DEMO_SIGNERS[1];
    let Some(signer) = store.signer_by_name(name)? else {
        return Ok(());
    };
    let key = store.unlock_signer(signer.id, pass)?;
    for d in CASES {
        clock(d.opened, 9);
        let case = store.open_case(
            community.id,
            &CaseInput {
                kind: d.kind,
                title: d.title.into(),
                facts: d.facts.into(),
                issue: d.issue.into(),
                opened_on: d.opened.into(),
            },
        )?;
        for (p, unit) in d.parties {
            let units: Vec<String> = if unit.is_empty() {
                vec![]
            } else {
                vec![unit.into()]
            };
            store.add_party(case, p, &units)?;
        }
        store.add_case_mediator(case, name)?;
        let first = after(d.opened, 2);
        store.add_session(
            case,
            &first,
            &[d.parties[0].0.into(), d.parties[1].0.into()],
            "双方到场陈述情况，调解员实地查看。",
        )?;
        for (party, duty, how, due) in d.terms {
            store.add_term(case, *party, duty, how, due)?;
        }
        let end = d.end;
        if end == End::Open {
            continue;
        }
        let second = after(d.opened, 6);
        store.add_session(
            case,
            &second,
            &[d.parties[0].0.into()],
            "第二次调解，双方就方案表态。",
        )?;
        if let End::Status(s) = end {
            store.set_case_status(case, s, "见调解记录")?;
            continue;
        }
        store.record_paper_signature(case, 1, &second)?;
        store.record_paper_signature(case, 2, &second)?;
        clock(&second, 16);
        store.sign_agreement_with_key(case, signer.id, &key)?;
        let due = d.terms.iter().map(|t| t.3).min().unwrap_or(d.opened);
        let check = after(due, 3);
        match end {
            End::Performed => {
                store.record_check(case, &check, true, "回访：已按协议履行，双方满意。")?
            }
            End::NotPerformed => {
                store.record_check(case, &check, false, "回访：尚未加装，约定再次回访。")?
            }
            _ => {}
        }
    }
    simulate_clock(None);
    Ok(())
}
