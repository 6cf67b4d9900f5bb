//! `yishi print extension ID`: the extension notice (延期公告) of a written consultation,
//! the same page the screens print; refused with a sentence (exit 2) before any
//! extension, and never over an existing file without --force.

use std::process::Command;

use yishi::domain::model::{Category, Electorate, MeetingForm, MeetingKind, Scope};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::paper::{Paper, render};
use yishi::store::Store;
use yishi::store::meetings::{ItemInput, MeetingInput};

const BIN: &str = env!("CARGO_BIN_EXE_yishi");

fn yishi(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "zh"])
        .args(args)
        .output()
        .expect("run yishi")
}

#[test]
fn the_extension_notice_prints_once_there_is_an_extension() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let m = {
        let mut st = Store::open(&db).expect("open");
        let csv =
            "label,building,unit,area,owner\n101,1栋,1单元,80.00,甲一\n102,1栋,1单元,90.00,乙二\n";
        st.import_roster("望城小区", &roster_csv::parse(csv.as_bytes()).expect("csv"))
            .expect("roster");
        let c = st.community_by_name("望城小区").expect("c").expect("c").id;
        let m = st
            .create_meeting(
                c,
                Electorate::Owners,
                &MeetingInput {
                    kind: MeetingKind::OwnersAssembly,
                    title: "更换水泵书面征求意见".into(),
                    starts_at: "2026-11-01 09:00".into(),
                    venue: "物业服务中心".into(),
                    host: "黄小明".into(),
                    secretary: "李秀英".into(),
                    language: "zh".into(),
                },
            )
            .expect("meeting");
        st.add_item(
            m,
            &ItemInput {
                title: "更换二次供水水泵".into(),
                category: Category::Other,
                proposer: "业主委员会".into(),
                proposal: "使用维修资金更换。".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::Art278Ordinary),
            },
        )
        .expect("item");
        st.set_form(m, MeetingForm::Written, Some(("2026-11-01", "2026-11-20")))
            .expect("form");
        st.start_meeting(m).expect("open");
        m
    };
    let id = m.to_string();
    let out = dir.path().join("ext.html");
    let o = yishi(
        &db,
        &["print", "extension", &id, "-o", out.to_str().expect("path")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("未延期"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!out.exists());

    Store::open(&db)
        .expect("open")
        .extend_written(m, "2026-11-30", "水泵供货延迟")
        .expect("extend");
    let o = yishi(
        &db,
        &["print", "extension", &id, "-o", out.to_str().expect("path")],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).expect("notice");
    let st = Store::open(&db).expect("open");
    assert_eq!(html, render(&st, m, Paper::Extension).expect("render"));
    for needle in [
        "书面征求意见延期公告",
        "水泵供货延迟",
        "2026-11-20",
        "2026-11-30",
        "物业服务中心",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    assert!(!html.contains("<script"));
    // An existing file is kept without --force.
    let o = yishi(
        &db,
        &["print", "extension", &id, "-o", out.to_str().expect("path")],
    );
    assert_eq!(o.status.code(), Some(2));
}
