//! The district report (issue 18): `yishi report --format json` over the demo and a
//! second community gives figures this test recomputes from the records (each meeting's
//! record, the suggestions' rows), and the HTML page printed to PDF by headless Chromium
//! carries every community's name and figures (skipped, saying why, without Chromium).

use std::path::Path;
use std::process::Command;

use yishi::domain::model::{
    Category, Choice, Electorate, MeetingKind, MeetingStatus, PresenceKind, Scope,
};
use yishi::domain::report::{ItemEnd, Ratio, Report, median_ratio};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::store::Store;
use yishi::store::ids::VoterId;
use yishi::store::meetings::{ItemInput, MeetingInput};

const ROSTER: &str = "label,building,unit,area,owner
1栋1单元101,1栋,1单元,80.00,甲一
1栋1单元201,1栋,1单元,80.00,乙二
1栋1单元301,1栋,1单元,90.00,丙三
1栋1单元401,1栋,1单元,90.00,丁四
";

/// The demo, and 东湖小区 with one meeting: three of four present, two yes.
fn district(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("district.db");
    let mut s = Store::open(&db).expect("open");
    yishi::demo::install(&mut s).expect("demo");
    s.import_roster(
        "东湖小区",
        &roster_csv::parse(ROSTER.as_bytes()).expect("csv"),
    )
    .expect("roster");
    let c = s.community_by_name("东湖小区").expect("q").expect("c").id;
    let m = s
        .create_meeting(
            c,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: "东湖小区业主大会".into(),
                starts_at: "2026-06-01 09:00".into(),
                venue: "活动室".into(),
                host: "甲一".into(),
                secretary: "乙二".into(),
                language: "zh".into(),
            },
        )
        .expect("meeting");
    let item = s
        .add_item(
            m,
            &ItemInput {
                title: "更换路灯".into(),
                category: Category::Facility,
                proposer: "甲一".into(),
                proposal: "更换全部路灯。".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::Art278Ordinary),
            },
        )
        .expect("item");
    s.start_meeting_confirmed(m).expect("open");
    let voters = s.voters(c).expect("voters");
    for (i, v) in voters.iter().enumerate() {
        let k = if i == 3 {
            PresenceKind::Absent
        } else {
            PresenceKind::Present
        };
        s.mark_presence(m, v.id, k, None, None).expect("presence");
    }
    s.start_vote(item).expect("vote");
    for (i, b) in s.ballots(item).expect("ballots").iter().enumerate() {
        let c = match i {
            0 | 1 => Choice::Yes,
            2 => Choice::No,
            _ => continue,
        };
        s.answer(item, VoterId(b.voter_id), c, None)
            .expect("answer");
    }
    s.close_vote(item).expect("close");
    s.add_action(item, "采购路灯", "物业", "2026-07-01")
        .expect("action");
    s.adjourn(m).expect("adjourn");
    db
}

fn yishi(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_yishi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

#[test]
fn json_figures_agree_with_the_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = district(dir.path());
    let out = yishi(&db, &["--lang", "en", "report", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Report = serde_json::from_slice(&out.stdout).expect("report json");
    let store = Store::open(&db).expect("open");
    let conn = rusqlite::Connection::open(&db).expect("raw");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert_eq!(r.communities.len(), 2);
    let mut all_meetings = 0;
    for f in &r.communities {
        // Meetings held, items by category and outcome, participation: from the records.
        let held: Vec<_> = store
            .meetings(None)
            .expect("meetings")
            .into_iter()
            .filter(|m| m.community == f.name)
            .filter(|m| matches!(m.status, MeetingStatus::Adjourned | MeetingStatus::Signed))
            .collect();
        assert_eq!(f.meetings_total, held.len() as i64, "{}", f.name);
        all_meetings += held.len() as i64;
        let (mut items, mut passed, mut failed, mut ratios) = (0, 0, 0, Vec::new());
        let mut actions = (0, 0);
        for m in &held {
            let rec = store.meeting_record(m.id).expect("record");
            for it in &rec.items {
                items += 1;
                if let Some(o) = it.vote.as_ref().and_then(|v| v.outcome.as_ref()) {
                    if o.passed {
                        passed += 1
                    } else {
                        failed += 1
                    }
                    let v = it.vote.as_ref().expect("vote");
                    let took = v
                        .ballots
                        .iter()
                        .filter(|b| {
                            matches!(b.choice, Some(Choice::Yes | Choice::No | Choice::Abstain))
                        })
                        .count() as i64;
                    ratios.push(Ratio::new(took, v.ballots.len() as i64));
                }
                for a in &it.actions {
                    actions.0 += 1;
                    if a.due.as_str() < today.as_str() {
                        actions.1 += 1;
                    }
                }
            }
        }
        assert_eq!(f.items_total, items);
        assert_eq!(
            f.outcomes.get(&ItemEnd::Passed).copied().unwrap_or(0),
            passed
        );
        assert_eq!(
            f.outcomes.get(&ItemEnd::Failed).copied().unwrap_or(0),
            failed
        );
        assert_eq!(f.votes, ratios.len() as i64);
        assert_eq!(f.participation_median, median_ratio(&ratios));
        assert_eq!(f.actions.total, actions.0);
        // None of the demo's action items is done; every one past its date is overdue.
        assert_eq!(f.actions.overdue, actions.1);
        // Suggestions by status, straight from the table.
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM suggestions s JOIN communities c ON c.id = s.community_id
                 WHERE c.name = ?1",
                [&f.name],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(f.suggestions_total, n);
        let new: i64 = conn
            .query_row(
                "SELECT count(*) FROM suggestions s JOIN communities c ON c.id = s.community_id
                 WHERE c.name = ?1 AND s.status = 'new'",
                [&f.name],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(f.suggestions.get("new").copied().unwrap_or(0), new);
    }
    let east = r
        .communities
        .iter()
        .find(|f| f.name == "东湖小区")
        .expect("东湖");
    assert_eq!(east.participation_lowest, Some(Ratio::new(3, 4)));
    assert_eq!(r.total.meetings_total, all_meetings);
    // The year filter: nothing in 2025.
    let out = yishi(&db, &["report", "--format", "json", "--year", "2025"]);
    let r: Report = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(r.total.meetings_total, 0);
    // One community only.
    let out = yishi(
        &db,
        &["report", "--format", "csv", "--community", "东湖小区"],
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.contains("东湖小区,participation,lowest,3/4") && !csv.contains("望城小区"),
        "{csv}"
    );
}

#[test]
fn html_report_is_written_safely_and_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = district(dir.path());
    let file = dir.path().join("report.html");
    let f = file.display().to_string();
    assert_eq!(
        yishi(&db, &["--lang", "zh", "report", "-o", &f])
            .status
            .code(),
        Some(0)
    );
    // Never replaced without --force.
    assert_eq!(yishi(&db, &["report", "-o", &f]).status.code(), Some(2));
    assert_eq!(
        yishi(&db, &["--lang", "zh", "report", "-o", &f, "--force"])
            .status
            .code(),
        Some(0)
    );
    let html = std::fs::read_to_string(&file).expect("html");
    assert!(html.contains("<svg") && html.contains("size: A4"));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    for name in ["望城小区", "东湖小区", "合计"] {
        assert!(html.contains(name), "{name}");
    }
    let Some(pdf) = print(dir.path(), &file) else {
        return;
    };
    let o = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&o.stdout).replace('\n', "");
    for needle in ["望城小区", "东湖小区", "75.0%（3/4）", "92.1%（35/38）"] {
        assert!(text.contains(needle), "{needle} not in the PDF: {text}");
    }
}

fn print(dir: &Path, html: &Path) -> Option<std::path::PathBuf> {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new("which")
                .arg(b)
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        eprintln!("skipped: chromium is not installed (see .ci/run)");
        return None;
    };
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return None;
    }
    let out = dir.join("report.pdf");
    let run = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", html.display()))
        .output();
    match run {
        Ok(_) if out.exists() => Some(out),
        other => {
            eprintln!("skipped: chromium could not print: {other:?}");
            None
        }
    }
}
