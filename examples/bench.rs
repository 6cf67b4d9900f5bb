//! yishi's performance benchmark: each operation measured against its physical floor in
//! the same run, on a synthetic archive built with yishi's own code.
//!
//! cargo run --release --example bench -- --scale community|district|N[,N…]
//!     [--out FILE.md] [--json FILE.json] [--db FILE] [--samples N]
//!
//! `--scale` is a number of communities (community = 1, district = 98); a list such as
//! `1,10,98` grows one archive step by step and measures at each step. `--db` keeps the
//! archive in FILE (reused when it already holds enough communities).

// A developer tool, not the program: a failed unwrap ends the run with its reason.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

#[path = "bench/build.rs"]
mod build;
#[path = "bench/civic.rs"]
mod civic;
#[path = "bench/more.rs"]
mod more;
#[path = "bench/reads.rs"]
mod reads;
#[path = "bench/report.rs"]
mod report;
#[path = "bench/written.rs"]
mod written;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;
use rusqlite::Connection;
use yishi::store::Store;
use yishi::strings::Lang;
use yishi::ui::App;

use report::f;
use yishi::store::ids::ItemId;

const W: u16 = 120;
const H: u16 = 40;
const PAGE: usize = 50;

struct Measure {
    name: String,
    samples: Vec<f64>,
    floor: Vec<f64>,
    /// Search: the floor (a scan) over the measure, instead of a ratio.
    speedup: bool,
    target: &'static str,
    note: String,
}

fn pct(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let k = ((p / 100.0) * (s.len() - 1) as f64).round() as usize;
    s[k.min(s.len() - 1)]
}

impl Measure {
    fn median(&self) -> f64 {
        pct(&self.samples, 50.0)
    }
    fn floor_median(&self) -> f64 {
        pct(&self.floor, 50.0)
    }
    fn ratio(&self) -> f64 {
        if self.speedup {
            self.floor_median() / self.median()
        } else {
            self.median() / self.floor_median()
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let out = f();
    (ms(t.elapsed()), out)
}

fn key(c: char) -> KeyEvent {
    let code = if c == '\n' {
        KeyCode::Enter
    } else {
        KeyCode::Char(c)
    };
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// A connection with the store's own pragmas (PRODUCT.md "Storage").
fn raw(path: &Path) -> Connection {
    let c = Connection::open(path).expect("open");
    c.busy_timeout(Duration::from_secs(5)).expect("busy");
    c.pragma_update(None, "foreign_keys", "ON").expect("fk");
    c.pragma_update(None, "trusted_schema", "OFF").expect("ts");
    c.pragma_update(None, "journal_mode", "WAL").expect("wal");
    c.pragma_update(None, "synchronous", "FULL").expect("sync");
    c
}

/// Peak resident memory of this process in MB (Linux: VmHWM).
fn peak_mb() -> f64 {
    #[cfg(target_os = "linux")]
    if let Ok(s) = std::fs::read_to_string("/proc/self/status") {
        for l in s.lines() {
            if let Some(v) = l.strip_prefix("VmHWM:") {
                let kb: f64 = v
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .unwrap_or(0.0);
                return kb / 1024.0;
            }
        }
    }
    #[cfg(unix)]
    {
        // Elsewhere on Unix: ps reports the current resident size, a lower bound.
        let pid = std::process::id().to_string();
        if let Ok(o) = std::process::Command::new("ps")
            .args(["-o", "rss=", "-p", &pid])
            .output()
            && let Ok(kb) = String::from_utf8_lossy(&o.stdout).trim().parse::<f64>()
        {
            return kb / 1024.0;
        }
    }
    f64::NAN
}

struct Args {
    scales: Vec<usize>,
    out: Option<PathBuf>,
    json: Option<PathBuf>,
    db: Option<PathBuf>,
    samples: usize,
}

fn parse_scale(s: &str) -> Vec<usize> {
    s.split(',')
        .map(|p| match p.trim() {
            "community" => 1,
            "district" => 98,
            n => n.parse().unwrap_or_else(|_| {
                eprintln!("--scale: community, district, a number of communities or a list");
                std::process::exit(2)
            }),
        })
        .collect()
}

fn args() -> Args {
    let mut a = Args {
        scales: vec![1],
        out: None,
        json: None,
        db: None,
        samples: 30,
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let val = v.get(i + 1).cloned().unwrap_or_default();
        match v[i].as_str() {
            "--scale" => a.scales = parse_scale(&val),
            "--out" => a.out = Some(val.into()),
            "--json" => a.json = Some(val.into()),
            "--db" => a.db = Some(val.into()),
            "--samples" => a.samples = val.parse().unwrap_or(30),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2)
            }
        }
        i += 2;
    }
    a.scales.sort_unstable();
    a.scales.dedup();
    a
}

fn communities_in(db: &Path) -> usize {
    if !db.exists() {
        return 0;
    }
    let c = Connection::open(db).expect("open");
    c.query_row(
        "SELECT count(*) FROM communities WHERE name LIKE '第%社区%小区'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap_or(0) as usize
}

fn main() {
    let a = args();
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = a.db.clone().unwrap_or_else(|| tmp.path().join("bench.db"));
    let mut all: Vec<(usize, Vec<Measure>, String)> = Vec::new();
    let mut round = 0;
    for &scale in &a.scales {
        let have = communities_in(&db);
        let mut info = String::new();
        if have < scale {
            let mut store = Store::open(&db).expect("open");
            let t = Instant::now();
            let (mut meetings, mut votes) = (0, 0);
            for c in have..scale {
                let (m, v) = store
                    .bulk(|st| build::community(st, c))
                    .expect("build community");
                meetings += m;
                votes += v;
                eprintln!(
                    "built community {}/{scale}: {meetings} meetings, {votes} votes, {:.0} s",
                    c + 1,
                    t.elapsed().as_secs_f64()
                );
            }
            info = format!(
                "built {meetings} meetings ({votes} roll-call answers) in {:.0} s",
                t.elapsed().as_secs_f64()
            );
        }
        let facts = archive_facts(&db);
        eprintln!("scale {scale}: {facts}");
        let measures = run(&db, a.samples, &mut round);
        let line = if info.is_empty() {
            facts
        } else {
            format!("{facts}; {info}")
        };
        all.push((scale, measures, line));
        // Written after every step, so a long run's earlier steps are kept.
        write_out(&a, &all);
    }
    println!("{}", report::markdown(&all));
}

fn write_out(a: &Args, all: &[(usize, Vec<Measure>, String)]) {
    if let Some(p) = &a.out {
        std::fs::write(p, report::markdown(all)).expect("write --out");
    }
    if let Some(p) = &a.json {
        std::fs::write(p, report::json(all)).expect("write --json");
    }
}

fn archive_facts(db: &Path) -> String {
    let c = Connection::open(db).expect("open");
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap_or(0);
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    format!(
        "{} communities, {} meetings, {} items, {} votes, {} signatures, file {:.0} MB",
        n("SELECT count(*) FROM communities"),
        n("SELECT count(*) FROM meetings"),
        n("SELECT count(*) FROM agenda_items"),
        n("SELECT count(*) FROM votes"),
        n("SELECT count(*) FROM signatures"),
        size
    )
}

fn measure(name: &str, target: &'static str) -> Measure {
    Measure {
        name: name.into(),
        samples: Vec::new(),
        floor: Vec::new(),
        speedup: false,
        target,
        note: String::new(),
    }
}

fn run(db: &Path, samples: usize, round: &mut usize) -> Vec<Measure> {
    let mut out = Vec::new();
    // The peak after each step, so the note can say which step raised it.
    let mut peaks: Vec<(&str, f64)> = Vec::new();
    let step = |name: &'static str, peaks: &mut Vec<(&str, f64)>| peaks.push((name, peak_mb()));
    out.push(start(db, samples));
    step("start", &mut peaks);
    let (answer, draw) = roll_call(db, *round);
    *round += 1;
    out.push(answer);
    out.push(draw);
    step("roll call", &mut peaks);
    let store = Store::open(db).expect("open");
    store.wait_integrity();
    out.extend(reads::archive_pages(&store, db, samples));
    step("archive pages", &mut peaks);
    out.extend(reads::search(&store, db, samples));
    step("search", &mut peaks);
    out.push(reads::verify(&store, db));
    step("verify", &mut peaks);
    out.push(more::minutes_list(db, samples));
    step("minutes list", &mut peaks);
    drop(store);
    out.push(more::import(db, *round));
    step("import", &mut peaks);
    out.push(more::bytes(db));
    out.extend(written::rows(db, samples));
    step("written consultation", &mut peaks);
    out.push(civic::report(db, samples));
    step("report", &mut peaks);
    let mut mem = measure("peak memory (MB, VmHWM)", "< 60 MB");
    mem.samples.push(peak_mb());
    let mut before = 0.0;
    mem.note = peaks
        .iter()
        .filter_map(|&(name, p)| {
            let rose = p - before;
            before = p;
            (rose >= 1.0).then(|| format!("{name} +{rose:.0}"))
        })
        .collect::<Vec<_>>()
        .join(", ");
    if !mem.note.is_empty() {
        mem.note = format!("rose by step (MB): {}", mem.note);
    }
    out.push(mem);
    out
}

/// Start to the first frame of home: open (header, application_id, migration check,
/// the quick_check started in the background), App::new, one draw.
fn start(db: &Path, samples: usize) -> Measure {
    let mut m = measure(
        "start to first frame (open + App::new + draw)",
        "flat from community to district",
    );
    let mut parts = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..samples {
        let (t, store) = time(|| {
            let (a, store) = time(|| Store::open(db).expect("open"));
            let (b, app) = time(|| App::new(store, Lang::Zh));
            let (c, _) = time(|| {
                let mut term = Terminal::new(TestBackend::new(W, H)).expect("term");
                term.draw(|f| yishi::ui::draw(&app, f)).expect("draw");
            });
            for (p, v) in parts.iter_mut().zip([a, b, c]) {
                p.push(v);
            }
            app
        });
        // Each sample starts as the program does, with no check of an earlier open still
        // running (SQLite's quick_check does not stop at once when interrupted).
        store.store.wait_integrity();
        drop(store);
        m.samples.push(t);
        let (t, _) = time(|| {
            let c = raw(db);
            c.query_row(
                "SELECT id, title FROM meetings ORDER BY starts_at DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .expect("select")
        });
        m.floor.push(t);
    }
    m.note = format!(
        "medians: open {} ms, App::new {} ms, draw {} ms",
        f(pct(&parts[0], 50.0)),
        f(pct(&parts[1], 50.0)),
        f(pct(&parts[2], 50.0))
    );
    m
}

/// The host answers a 300-voter roll call through the UI: each keypress commits one
/// answer and redraws. Then the same screen is redrawn without keys.
fn roll_call(db: &Path, round: usize) -> (Measure, Measure) {
    let mut store = Store::open(db).expect("open");
    store.wait_integrity();
    let item = build::live_meeting(&mut store, round).expect("live meeting");
    let mut app = App::new(store, Lang::Zh);
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("term");
    term.draw(|f| yishi::ui::draw(&app, f)).expect("draw");
    // The open meeting is offered first: Enter resumes it at its roll call.
    app.handle_key(key('\n'));
    term.draw(|f| yishi::ui::draw(&app, f)).expect("draw");
    let floor_db = db.with_extension("floor.db");
    let _ = std::fs::remove_file(&floor_db);
    let fc = raw(&floor_db);
    fc.execute_batch(
        "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, item INTEGER, voter INTEGER, choice TEXT, at TEXT)",
    )
    .expect("floor table");
    let mut ans = measure(
        "answer a voter, 300-voter roll call: commit + redraw",
        "≤ 1.2 × floor (median)",
    );
    // The floor's frame: 40 full lines, the size of the roll-call screen.
    let text: String = (0..H)
        .map(|i| format!("{:>3} {}\n", i, "议事会表决记录 yes no ".repeat(5)))
        .collect();
    for i in 0..build::LIVE_VOTERS {
        let (t, _) = time(|| {
            app.handle_key(key('y'));
            term.draw(|f| yishi::ui::draw(&app, f)).expect("draw");
        });
        ans.samples.push(t);
        let (t, _) = time(|| {
            let tx = fc.unchecked_transaction().expect("begin");
            tx.execute(
                "INSERT INTO t (item, voter, choice, at) VALUES (?1, ?2, 'yes', '2026-12-05T09:30:00+08:00')",
                [item, i as i64],
            )
            .expect("insert");
            tx.commit().expect("commit");
            term.draw(|f| f.render_widget(Paragraph::new(text.as_str()), f.area()))
                .expect("draw");
        });
        ans.floor.push(t);
    }
    let answered: i64 = Connection::open(db)
        .expect("open")
        .query_row(
            "SELECT count(*) FROM votes WHERE item_id = ?1",
            [item],
            |r| r.get(0),
        )
        .unwrap_or(0);
    ans.note = format!("{answered} answers committed; floor: a bare commit + a bare 120×40 frame");
    let mut draw = measure(
        "draw the roll-call screen, 300 voters, 120×40",
        "≤ 3 × floor; < 16 ms",
    );
    for _ in 0..200 {
        let (t, _) = time(|| term.draw(|f| yishi::ui::draw(&app, f)).expect("draw"));
        draw.samples.push(t);
        let (t, _) = time(|| {
            term.draw(|f| f.render_widget(Paragraph::new(text.as_str()), f.area()))
                .expect("draw")
        });
        draw.floor.push(t);
    }
    build::finish_live(&mut app.store, ItemId(item)).expect("finish live meeting");
    drop(fc);
    for ext in ["floor.db", "floor.db-wal", "floor.db-shm"] {
        let _ = std::fs::remove_file(db.with_extension(ext));
    }
    (ans, draw)
}
