use crate::domain::model::{
    Category, Choice, Electorate, ItemStatus, MeetingKind, MeetingStatus, Scope,
};
use crate::domain::paper::ballots::ballots;
use crate::domain::paper::notice::{notice, proxy_form, sign_in};
use crate::domain::paper::results::results;
use crate::domain::paper::*;
use crate::domain::record::{
    Ballot, FormFacts, ItemRecord, MeetingRecord, Revision, VoteRecord, WrittenRecord, electorate,
};
use crate::domain::rules::{Rule, evaluate};

pub(crate) fn record() -> MeetingRecord {
    let rule = Rule::new(RuleKind::Elevator {
        legacy_two_thirds: false,
        shaft_voters: vec![],
    });
    let ballots: Vec<Ballot> = (1..=4)
        .map(|i| Ballot {
            voter_id: i,
            name: format!("业主{i}"),
            area: 10_000,
            present: true,
            proxy_name: String::new(),
            proxy_ref: String::new(),
            choice: (i <= 3).then_some(Choice::Yes),
            at: None,
            corrections: vec![],
        })
        .collect();
    let outcome = evaluate(&rule, &electorate(&ballots));
    MeetingRecord {
        uid: "u".into(),
        community: "望城<b>小区".into(),
        kind: MeetingKind::OwnersAssembly,
        electorate: Electorate::Owners,
        title: "3栋1单元加装电梯".into(),
        starts_at: "2026-11-01 09:00".into(),
        venue: String::new(),
        host: "黄小明".into(),
        secretary: "李秀英".into(),
        language: "zh".into(),
        status: MeetingStatus::Adjourned,
        opened_at: None,
        adjourned_at: None,
        summary: String::new(),
        presence: vec![],
        items: vec![ItemRecord {
            id: 1,
            position: 1,
            title: "加装电梯<script>".into(),
            category: Category::Elevator,
            proposer: "业主".into(),
            scope: Scope {
                kind: ScopeKind::Unit,
                building: "3栋".into(),
                unit: "1单元".into(),
            },
            rule,
            status: ItemStatus::Closed,
            added_late: false,
            revisions: vec![Revision {
                rev: 1,
                text: "第一行\n第二行 & <img src=x>".into(),
                at: String::new(),
            }],
            remarks: vec![],
            vote: Some(VoteRecord {
                opened_at: String::new(),
                closed_at: None,
                ballots,
                outcome: Some(outcome),
            }),
            actions: vec![],
            civic: Default::default(),
        }],
        addenda: vec![],
        form: FormFacts {
            written: Some(WrittenRecord {
                opens_on: "2026-11-01".into(),
                closes_on: "2026-11-15".into(),
                ballots: 4,
                ..Default::default()
            }),
            short_notice: None,
        },
    }
}

fn sheets() -> Vec<BallotSheet> {
    (1..=3)
        .map(|i| BallotSheet {
            number: crate::domain::written::ballot_number::encode(7, i).unwrap(),
            name: format!("业主{i}"),
            units: vec![format!("3栋1单元{i}01")],
            area: 10_000,
            items: vec![1],
        })
        .collect()
}

fn no_script_no_remote(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script");
    assert!(!lower.contains("<img"), "data stays text");
    assert!(!lower.contains("http://") && !lower.contains("https://"));
    assert!(!lower.contains("url("), "no remote resource");
    assert!(lower.contains("@page { size: a4"));
}

#[test]
fn every_paper_is_self_contained_and_escapes_data() {
    let rec = record();
    let rows = vec![SignInRow {
        name: "王<i>".into(),
        units: vec!["101".into()],
        area: Some(8000),
    }];
    for html in [
        ballots(&rec, &sheets(), Lang::Zh),
        notice(&rec, Some("2026-10-15"), Lang::Zh),
        sign_in(&rec, &rows, Lang::Zh),
        proxy_form(&rec, Lang::En),
        results(&rec, Lang::Zh),
    ] {
        no_script_no_remote(&html);
        assert!(html.contains("望城&lt;b&gt;小区") || html.contains("委托书"));
    }
}

#[test]
fn ballots_one_section_per_voter_with_name_units_and_number() {
    let html = ballots(&record(), &sheets(), Lang::Zh);
    assert_eq!(html.matches("<section class=\"sheet\">").count(), 3);
    for s in sheets() {
        assert!(html.contains(&s.name));
        assert!(html.contains(&s.units[0]));
        assert!(html.contains(&crate::domain::written::ballot_number::grouped(&s.number)));
    }
    assert!(html.contains("第一行<br>"));
    assert!(html.contains("同意") && html.contains("反对") && html.contains("弃权"));
    assert!(html.contains("2026-11-15"), "closing date");
    assert!(html.contains("委托书编号"));
}

#[test]
fn results_carry_the_standard_figures() {
    let html = results(&record(), Lang::Zh);
    // 4 voters, 400 m²; 3 took part (75.0%), 3 agree (100.0%).
    assert!(html.contains("业主总人数：4"));
    assert!(html.contains("400.00 平方米"));
    assert!(html.contains("参与表决：3"));
    assert!(html.contains("75.0%"));
    assert!(html.contains("同意：3"));
    assert!(html.contains("100.0%"));
    assert!(html.contains("民法典"));
    assert!(html.contains("通过"));
    assert!(!html.contains("业主1"), "no voter is named");
}
