//! Every printable page, printed to PDF by a real browser (headless Chromium) and read
//! back with poppler's pdfinfo / pdftotext: the ballots have one page per voter with the
//! voter's name, units and ballot number on it; the results notice carries every standard
//! figure. `.ci/run` installs chromium, a CJK font and poppler-utils; where Chromium cannot
//! be run the test says why and skips.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;
use yishi::domain::model::{
    Category, Choice, Electorate, InvalidReason, MeetingForm, MeetingKind, Scope, ScopeKind,
};
use yishi::domain::roster_csv;
use yishi::domain::rules::{Rule, RuleKind};
use yishi::domain::written::ballot_number::grouped;
use yishi::paper::{Paper, render};
use yishi::store::Store;
use yishi::store::ids::MeetingId;
use yishi::store::meetings::{ItemInput, MeetingInput};
use yishi::store::written::Purpose;

const ROSTER: &str = "label,building,unit,area,owner
3栋1单元101,3栋,1单元,80.00,甲一
3栋1单元201,3栋,1单元,80.00,乙二
3栋1单元301,3栋,1单元,80.00,丙三
3栋1单元302,3栋,1单元,20.00,丙三
3栋1单元401,3栋,1单元,80.00,丁四
3栋1单元501,3栋,1单元,80.00,戊五
3栋1单元601,3栋,1单元,100.00,己六
";

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(o) = Command::new("which").arg(name).output()
            && o.status.success()
        {
            let p = String::from_utf8_lossy(&o.stdout).trim().to_string();
            if !p.is_empty() {
                return Some(PathBuf::from(p));
            }
        }
    }
    None
}

/// Print `html` to PDF; None (with the reason printed) when the browser cannot run.
fn print(dir: &Path, name: &str, html: &str) -> Option<PathBuf> {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (see .ci/run)");
        return None;
    };
    for tool in ["pdfinfo", "pdftotext"] {
        if Command::new(tool).arg("-v").output().is_err() {
            eprintln!("skipped: {tool} (poppler-utils) is not installed");
            return None;
        }
    }
    let input = dir.join(format!("{name}.html"));
    std::fs::write(&input, html).unwrap();
    let out = dir.join(format!("{name}.pdf"));
    let profile = dir.join(format!("profile-{name}"));
    let run = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", input.display()))
        .output();
    match run {
        Ok(o) if out.exists() => {
            let _ = o;
            Some(out)
        }
        Ok(o) => {
            eprintln!(
                "skipped: chromium could not print ({}): {}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            None
        }
        Err(e) => {
            eprintln!("skipped: chromium could not be run: {e}");
            None
        }
    }
}

fn pages(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&o.stdout).to_string();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut c = Command::new("pdftotext");
    if let Some(p) = page {
        c.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let o = c.arg(pdf).arg("-").output().unwrap();
    // Line breaks inside a paragraph are the page's, not the data's.
    String::from_utf8_lossy(&o.stdout).replace('\n', "")
}

fn item(title: &str, kind: RuleKind) -> ItemInput {
    ItemInput {
        title: title.into(),
        category: Category::Elevator,
        proposer: "3栋1单元业主".into(),
        proposal: format!("{title}：由 3栋1单元 全体业主出资。\n施工期间不占用消防通道。"),
        scope: Scope {
            kind: ScopeKind::Unit,
            building: "3栋".into(),
            unit: "1单元".into(),
        },
        rule: Rule::new(kind),
    }
}

fn consultation(dir: &Path) -> (Store, MeetingId) {
    let mut store = Store::open(&dir.join("p.db")).unwrap();
    store
        .import_roster("望城小区", &roster_csv::parse(ROSTER.as_bytes()).unwrap())
        .unwrap();
    let community = store.community_by_name("望城小区").unwrap().unwrap().id;
    let m = store
        .create_meeting(
            community,
            Electorate::Owners,
            &MeetingInput {
                kind: MeetingKind::OwnersAssembly,
                title: "3栋1单元加装电梯征求意见".into(),
                starts_at: "2026-11-01 09:00".into(),
                venue: "党群服务中心".into(),
                host: "黄小明".into(),
                secretary: "李秀英".into(),
                language: "zh".into(),
            },
        )
        .unwrap();
    store
        .add_item(
            m,
            &item(
                "加装电梯",
                RuleKind::Elevator {
                    legacy_two_thirds: false,
                    shaft_voters: vec![],
                },
            ),
        )
        .unwrap();
    store
        .add_item(m, &item("电梯维护费分摊", RuleKind::Art278Ordinary))
        .unwrap();
    store
        .set_form(m, MeetingForm::Written, Some(("2026-11-01", "2026-11-15")))
        .unwrap();
    store.set_notice_date(m, "2026-10-15").unwrap();
    store.start_meeting(m).unwrap();
    (store, m)
}

#[test]
fn every_paper_prints_and_the_ballots_have_one_page_per_voter() {
    let dir = TempDir::new().unwrap();
    let (mut store, m) = consultation(dir.path());
    let sheets = store.written_ballots(m).unwrap();
    assert_eq!(sheets.len(), 6);

    let html = render(&store, m, Paper::Ballots).unwrap();
    let Some(pdf) = print(dir.path(), "ballots", &html) else {
        return;
    };
    assert_eq!(pages(&pdf), sheets.len(), "one page per voter");
    for (i, b) in sheets.iter().enumerate() {
        let t = text(&pdf, Some(i + 1));
        assert!(t.contains(&b.name), "page {}: {} in {t}", i + 1, b.name);
        for u in &b.units {
            assert!(t.contains(u.as_str()), "page {}: unit {u}", i + 1);
        }
        assert!(t.contains(&grouped(&b.number)), "page {}: number", i + 1);
        assert!(t.contains("同意") && t.contains("反对") && t.contains("弃权"));
        assert!(t.contains("2026-11-15"), "closing date on page {}", i + 1);
        // Nobody else's ballot is on this page.
        for other in sheets.iter().filter(|o| o.voter_id != b.voter_id) {
            assert!(!t.contains(&grouped(&other.number)));
        }
    }
    // 延期 with its reason: the extension notice carries it and the new closing date.
    store
        .extend_written(m, "2026-11-20", "部分业主外出务工，延长回收时间")
        .unwrap();
    for (what, needle) in [
        (Paper::Notice, "加装电梯"),
        (Paper::SignIn, "丙三"),
        (Paper::ProxyForm, "委托书"),
        (Paper::Extension, "部分业主外出务工，延长回收时间"),
        (Paper::Extension, "2026-11-20"),
    ] {
        let html = render(&store, m, what).unwrap();
        let pdf = print(dir.path(), &format!("{what:?}"), &html).unwrap();
        assert!(pages(&pdf) >= 1);
        assert!(text(&pdf, None).contains(needle), "{what:?}");
    }

    // Four of six return ballots (one of them invalid), all agreeing; close.
    for b in &sheets[..3] {
        let e = store.open_ballot(m, &b.number, Purpose::Entry).unwrap();
        for (it, ..) in &e.items {
            store
                .enter_answer(m, b.voter_id, *it, Choice::Yes, "李秀英")
                .unwrap();
        }
    }
    let e = store
        .open_ballot(m, &sheets[3].number, Purpose::Entry)
        .unwrap();
    store
        .enter_answer(m, sheets[3].voter_id, e.items[0].0, Choice::Yes, "李秀英")
        .unwrap();
    store
        .enter_answer(m, sheets[3].voter_id, e.items[1].0, Choice::No, "李秀英")
        .unwrap();
    store
        .enter_invalid(m, sheets[4].voter_id, InvalidReason::Unsigned, "", "李秀英")
        .unwrap();
    store.close_written(m, "2026-11-21", false).unwrap();

    let html = render(&store, m, Paper::Results).unwrap();
    let pdf = print(dir.path(), "results", &html).unwrap();
    let t = text(&pdf, None);
    // 6 owners, 520 m²; 4 took part (66.7%, exactly 2/3), area 340 of 520 (65.4%, short
    // of 2/3: neither item passes); item 1: 4 agree (100.0%), item 2: 3 agree (75.0%),
    // area 260 of 340 (76.5%).
    for figure in [
        "业主总人数：6",
        "520.00 平方米",
        "参与表决：4",
        "66.7%",
        "340.00 平方米",
        "65.4%",
        "同意：4",
        "100.0%",
        "同意：3",
        "75.0%",
        "260.00 平方米",
        "76.5%",
        "民法典",
        "未通过",
        "发出表决票 6",
        "无效票 1",
        "施工期间不占用消防通道",
    ] {
        assert!(t.contains(figure), "results notice lacks {figure}: {t}");
    }
    for b in &sheets {
        assert!(!t.contains(&b.name), "no voter is named on the notice");
    }
}
