//! The minutes' unit tests: rendering, the changed section, notice and exports.

mod boundary;
mod v2;

use crate::domain::minutes::MinutesFormat::V1;
use crate::domain::minutes::body::*;
use crate::domain::minutes::diff::*;
use crate::domain::minutes::document::*;
use crate::domain::minutes::markup::*;
use crate::domain::minutes::*;
use crate::domain::model::{Category, Electorate, MeetingKind, MeetingStatus, Scope};
use crate::domain::model::{Choice, ItemStatus, PresenceKind};
use crate::domain::record::{ActionRecord, PresenceEvent, Remark, Revision, VoteRecord};
use crate::domain::record::{Ballot, ItemRecord};
use crate::domain::rules::{Eligible, Outcome, Rule, RuleKind, evaluate};

pub(crate) fn sample() -> MeetingRecord {
    let ballots = sample_ballots();
    let rule = Rule::new(RuleKind::Art278Major);
    let el: Vec<Eligible> = crate::domain::record::electorate(&ballots);
    let outcome = evaluate(&rule, &el);
    MeetingRecord {
        uid: "m-1".into(),
        community: "望城小区".into(),
        kind: MeetingKind::OwnersAssembly,
        electorate: Electorate::Owners,
        title: "第一次业主大会".into(),
        starts_at: "2026-05-16 09:30".into(),
        venue: "党群服务中心".into(),
        host: "黄小明".into(),
        secretary: "李秀英".into(),
        language: "zh".into(),
        status: MeetingStatus::Adjourned,
        opened_at: Some("2026-05-16T09:30:00+08:00".into()),
        adjourned_at: Some("2026-05-16T11:00:00+08:00".into()),
        summary: "大门通过。".into(),
        presence: sample_presence(),
        items: vec![sample_item(rule, ballots, outcome)],
        addenda: vec![],
        form: Default::default(),
    }
}

/// Four voters' ballots: two yes (one by proxy), one no, one absent.
fn sample_ballots() -> Vec<Ballot> {
    (1..=4)
        .map(|i| Ballot {
            voter_id: i,
            name: format!("业主{i}\u{202e}"),
            area: 10000 + i * 100,
            present: i != 4,
            proxy_name: if i == 2 {
                "周国平".into()
            } else {
                String::new()
            },
            proxy_ref: if i == 2 { "WT-1".into() } else { String::new() },
            corrections: Vec::new(),
            choice: Some(match i {
                1 | 2 => Choice::Yes,
                3 => Choice::No,
                _ => Choice::NotVoting,
            }),
            at: Some("2026-05-16T09:40:00+08:00".into()),
        })
        .collect()
}

/// The roll call at opening: present, by proxy, present, absent.
fn sample_presence() -> Vec<PresenceEvent> {
    (1..=4)
        .map(|i| PresenceEvent {
            voter_id: i,
            name: format!("业主{i}"),
            kind: match i {
                2 => PresenceKind::Proxy,
                4 => PresenceKind::Absent,
                _ => PresenceKind::Present,
            },
            proxy_name: if i == 2 {
                "周国平".into()
            } else {
                String::new()
            },
            proxy_ref: if i == 2 { "WT-1".into() } else { String::new() },
            item_position: None,
            at: "2026-05-16T09:31:00+08:00".into(),
        })
        .collect()
}

/// The one item: added late, revised once, a remark with an escape, voted and decided.
fn sample_item(rule: Rule, ballots: Vec<Ballot>, outcome: Outcome) -> ItemRecord {
    ItemRecord {
        id: 1,
        position: 1,
        title: "安装小区大门".into(),
        category: Category::Gate,
        proposer: "业主委员会".into(),
        scope: Scope::all(),
        rule,
        status: ItemStatus::Closed,
        added_late: true,
        revisions: vec![
            Revision {
                rev: 1,
                text: "# 安装大门\n费用8万".into(),
                at: "2026-05-16T09:00:00+08:00".into(),
            },
            Revision {
                rev: 2,
                text: "安装大门\n费用8.6万".into(),
                at: "2026-05-16T09:35:00+08:00".into(),
            },
        ],
        remarks: vec![Remark {
            speaker: "赵德华".into(),
            text: "支持。\n\u{1b}[31m建议两张卡".into(),
            at: "2026-05-16T09:33:00+08:00".into(),
        }],
        vote: Some(VoteRecord {
            opened_at: "2026-05-16T09:38:00+08:00".into(),
            closed_at: Some("2026-05-16T09:45:00+08:00".into()),
            ballots,
            outcome: Some(outcome),
        }),
        actions: vec![ActionRecord {
            what: "安装东门".into(),
            who: "业委会".into(),
            due: "2026-08-31".into(),
        }],
        civic: Default::default(),
    }
}

#[test]
fn render_is_deterministic_and_complete() {
    let rec = sample();
    let a = render(&rec, Lang::Zh, V1);
    assert_eq!(a, render(&rec.clone(), Lang::Zh, V1));
    for needle in [
        "望城小区",
        "业主大会",
        "黄小明",
        "李秀英",
        "议题 1：安装小区大门",
        "不在公布的议程内",
        "> 安装大门",
        "第 1 稿",
        "赵德华（09:33）：支持。",
        "受托人 周国平，委托书 WT-1",
        "同意 2 人",
        "反对 1 人",
        "未表决 1 人",
        "结果：未通过",
        "安装东门（负责 业委会；期限 2026-08-31）",
        "大门通过。",
    ] {
        assert!(a.contains(needle), "missing {needle}:\n{a}");
    }
    assert!(a.contains("同意 2/3 人 66.7% ≥ 3/4 ✗"), "{a}");
    assert!(a.contains("面积 "), "{a}");
    // Data cannot become Markdown structure or carry control characters.
    assert!(!a.contains("\n# 安装大门"));
    assert!(!a.contains('\u{1b}') && !a.contains('\u{202e}'));
    let en = render(&rec, Lang::En, V1);
    assert!(en.contains("Item 1: 安装小区大门"));
    assert!(en.contains("Result: not carried"));
}

#[test]
fn diff_names_the_changed_section() {
    let rec = sample();
    let signed = signed_body_as(&rec, V1);
    let mut changed = rec.clone();
    if let Some(v) = changed.items[0].vote.as_mut() {
        v.ballots[2].choice = Some(Choice::Yes);
    }
    let (names, exp, got) = diff_sections(&sections(&changed, Lang::Zh, V1), &signed);
    assert_eq!(
        names,
        vec![Section::Item {
            position: 1,
            title: "安装小区大门".into(),
            part: ItemPart::Vote
        }]
    );
    assert_ne!(exp, got);
    let mut changed = rec.clone();
    changed.items[0].remarks[0].text = "反对。".into();
    let (names, _, _) = diff_sections(&sections(&changed, Lang::Zh, V1), &signed);
    assert!(matches!(
        names.as_slice(),
        [Section::Item {
            part: ItemPart::Remarks,
            ..
        }]
    ));
    let (names, _, _) = diff_sections(&sections(&rec, Lang::Zh, V1), &signed);
    assert!(names.is_empty());
}

#[test]
fn notice_masks_names_and_has_no_roll_call() {
    let rec = sample();
    let n = render_notice(&rec, &[], Lang::Zh);
    // The notice's data is escaped for Markdown: the mask's '*' is not emphasis.
    assert!(n.contains("黄\\*明"), "{n}");
    assert!(to_html(&n, "t", Lang::Zh, true).contains("黄*明"));
    assert!(!n.contains("黄小明"));
    assert!(!n.contains("业主1"));
    assert!(!n.contains("周国平"));
    assert!(n.contains("结果：未通过"));
}

#[test]
fn html_is_escaped() {
    let html = to_html(
        "# a<b>\n\n- x & y\n> <script>\u{7}\n",
        "t<",
        Lang::Zh,
        false,
    );
    assert!(html.contains("<h1>a&lt;b&gt;</h1>"));
    assert!(html.contains("<li>x &amp; y</li>"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains('\u{7}'));
    assert!(html.contains("@page { size: A4"));
}

#[test]
fn txt_has_no_markdown_headings() {
    let t = to_txt(&render(&sample(), Lang::Zh, V1), false);
    assert!(!t.lines().any(|l| l.starts_with('#')));
    assert!(t.contains("    安装大门"));
}
