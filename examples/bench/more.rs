//! Measures of issue 17: `yishi minutes list` to its first line, import throughput into
//! the archive, and the file's bytes per meeting (with the search index's share and the
//! size of a community's minutes over its years).

use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

use yishi::store::Store;
use yishi::store::archive::ArchiveFilter;
use yishi::store::import;

use super::{Measure, build, f, measure, ms, pct, raw, time};
use yishi::store::ids::MeetingId;

/// Meetings of the community exported elsewhere and imported into the archive.
const IMPORT_MEETINGS: usize = 120;
/// Units of the imported community: the district's median community (`build::units_of`
/// over its 98), the same at every run, so that runs and scales compare (the community
/// of run `k` used to have the size of community 9000 + k: 174 to 397 units).
const IMPORT_UNITS: usize = 212;
/// Meetings per import transaction.
const IMPORT_BATCH: usize = 40;

/// `yishi minutes list` as the command runs it: open without the full check
/// (`Store::open_deferred`) and the first page, which it prints before reading the rest.
/// Against the start floor (open with the pragmas, one indexed SELECT).
pub fn minutes_list(db: &Path, samples: usize) -> Measure {
    let mut m = measure(
        "`minutes list`: first line out (open + first page)",
        "≤ 100 ms; flat from community to district",
    );
    let all = ArchiveFilter::default();
    let mut whole = Vec::new();
    for k in 0..samples {
        let (t, store) = time(|| {
            let s = Store::open_deferred(db).expect("open");
            let rows = s.archive_page(&all, Some(50), 0).expect("page");
            std::hint::black_box(rows.first().map(|r| r.title.len()));
            s
        });
        m.samples.push(t);
        if k % 10 == 0 {
            // The rest as the command prints it: a few hundred meetings at a time.
            let (rest, _) = time(|| {
                let mut n = 0;
                store
                    .archive_each(&all, 50, |rows| {
                        n += rows.len();
                        Ok(())
                    })
                    .expect("rest");
                n
            });
            whole.push(t + rest);
        }
        drop(store);
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
        "whole listing {} ms{}",
        f(pct(&whole, 50.0)),
        binary_first_line(db)
            .map(|t| format!(
                "; the release binary's first line {} ms (process start included)",
                f(t)
            ))
            .unwrap_or_default()
    );
    m
}

/// The real `yishi minutes list`, when the release binary is built: median time from
/// spawning it to its first line on stdout.
fn binary_first_line(db: &Path) -> Option<f64> {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/yishi");
    if !bin.exists() {
        return None;
    }
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut child = std::process::Command::new(&bin)
            .args(["--lang", "en", "--db"])
            .arg(db)
            .args(["minutes", "list"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take()?)
            .read_line(&mut line)
            .ok()?;
        times.push(ms(t.elapsed()));
        let _ = child.kill();
        let _ = child.wait();
    }
    Some(pct(&times, 50.0))
}

/// A community's meetings signed on another laptop (a file of its own), exported and
/// imported into the archive in transactions of `IMPORT_BATCH`, oldest first: each
/// sample is one batch's time per meeting.
pub fn import(db: &Path, round: usize) -> Measure {
    let mut m = measure(
        "import signed meetings into the archive (per meeting)",
        "≥ 500 meetings/s, flat as the community's record grows",
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let src = tmp.path().join("laptop.db");
    // A community of its own at every run on the same file: one of the same name with
    // other keys would rightly be refused (its pinned keys are those of the first run).
    let earlier = raw(db)
        .query_row(
            "SELECT count(*) FROM communities WHERE name LIKE '导入测试小区%'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap_or(0) as usize;
    let name = match earlier {
        0 => "导入测试小区".to_string(),
        k => format!("导入测试小区{}", k + 1),
    };
    let mut laptop = Store::open(&src).expect("open");
    let (_, answers) = laptop
        .bulk(|st| {
            build::community_sized(
                st,
                9000 + round + earlier,
                &name,
                IMPORT_MEETINGS,
                IMPORT_UNITS,
            )
        })
        .expect("laptop archive");
    let mut rows = laptop.archive(&ArchiveFilter::default()).expect("archive");
    rows.reverse();
    let ids: Vec<MeetingId> = rows.iter().map(|r| r.id).collect();
    drop(rows);
    let mut store = Store::open(db).expect("open");
    store.wait_integrity();
    let floor = FloorDb::new(db);
    let mut rates = Vec::new();
    let mut busy = 0.0;
    for chunk in ids.chunks(IMPORT_BATCH) {
        // Exported a batch at a time (not timed): the bench holds one batch, as
        // `yishi import` holds one file.
        let bundles: Vec<_> = chunk
            .iter()
            .map(|&id| laptop.export_bundle(MeetingId(id.0)).expect("export"))
            .collect();
        let (t, outcomes) = time(|| {
            // As `yishi import`: the next bundle cleaned and verified on a second thread
            // while one is written.
            store
                .import_batch(|b| {
                    let mut out = Vec::with_capacity(bundles.len());
                    import::ahead(bundles.iter(), import::prepare, |p| {
                        out.push(b.import_prepared(p, true)?);
                        Ok::<(), yishi::store::StoreError>(())
                    })?;
                    Ok(out)
                })
                .expect("import")
        });
        assert!(
            outcomes
                .iter()
                .all(|o| matches!(o, import::ImportOutcome::Imported { .. })),
            "{outcomes:?}"
        );
        busy += t;
        m.samples.push(t / chunk.len() as f64);
        rates.push(chunk.len() as f64 / (t / 1000.0));
        m.floor.push(floor.write(&bundles) / chunk.len() as f64);
    }
    drop(store);
    drop(laptop);
    m.note = format!(
        "{} meetings of a {IMPORT_UNITS}-unit community ({:.0} roll-call answers a meeting) in batches of {IMPORT_BATCH}: {:.0} meetings/s overall; first batch {:.0}/s, last {:.0}/s; floor {:.0}/s",
        ids.len(),
        answers as f64 / ids.len().max(1) as f64,
        ids.len() as f64 / (busy / 1000.0),
        rates.first().copied().unwrap_or(f64::NAN),
        rates.last().copied().unwrap_or(f64::NAN),
        1000.0 / pct(&m.floor, 50.0)
    );
    m
}

/// The import's floor, per batch as measured: the same rows written bare (one plain
/// INSERT per row the import writes: the meeting, its items, frozen lists and answers,
/// presence, remarks, the minutes text and the signatures), in a table with no index,
/// trigger, foreign key or check, one transaction per batch; no cleaning, no
/// verification, no search index.
struct FloorDb {
    conn: rusqlite::Connection,
    path: std::path::PathBuf,
}

impl FloorDb {
    fn new(db: &Path) -> FloorDb {
        let path = db.with_extension("import-floor.db");
        let _ = std::fs::remove_file(&path);
        let conn = raw(&path);
        conn.execute_batch(
            "CREATE TABLE r (id INTEGER PRIMARY KEY, owner INTEGER, a TEXT, b TEXT)",
        )
        .expect("floor table");
        FloorDb { conn, path }
    }

    /// Write one batch's rows; the time in ms.
    fn write(&self, chunk: &[yishi::domain::signing::verify::ExportBundle]) -> f64 {
        time(|| {
            let tx = self.conn.unchecked_transaction().expect("begin");
            {
                let mut ins = tx
                    .prepare("INSERT INTO r (owner, a, b) VALUES (?1, ?2, ?3)")
                    .expect("prepare");
                let mut row = |owner: i64, a: &str, b: &str| {
                    ins.execute(rusqlite::params![owner, a, b]).expect("insert");
                };
                for (k, x) in chunk.iter().enumerate() {
                    let r = &x.record;
                    let k = k as i64;
                    row(k, &r.uid, &r.title);
                    for e in &r.presence {
                        row(k, &e.name, &e.at);
                    }
                    for it in &r.items {
                        row(k, &it.title, &it.proposer);
                        for rv in &it.revisions {
                            row(k, &rv.text, &rv.at);
                        }
                        for rm in &it.remarks {
                            row(k, &rm.text, &rm.at);
                        }
                        if let Some(v) = &it.vote {
                            for bl in &v.ballots {
                                row(k, &bl.name, &bl.proxy_name);
                                if bl.choice.is_some() {
                                    row(k, "yes", bl.at.as_deref().unwrap_or(""));
                                }
                            }
                        }
                    }
                    if let Some(mn) = &x.minutes {
                        row(k, &mn.text, &mn.sha256);
                    }
                    for sg in &x.signatures {
                        row(k, &sg.signature, &sg.signed_at);
                    }
                }
            }
            tx.commit().expect("commit");
        })
        .0
    }
}

impl Drop for FloorDb {
    fn drop(&mut self) {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", self.path.display()));
        }
    }
}

/// The file's size per meeting, the search index's share of it, and the minutes of a
/// community over its years (the follow-up item quotes its open action items).
pub fn bytes(db: &Path) -> Measure {
    let mut m = measure(
        "size: KB per meeting (file / meetings)",
        "≤ 150 KB, not growing with a community's age",
    );
    let c = raw(db);
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap_or(0);
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0) as f64;
    let meetings = n("SELECT count(*) FROM meetings").max(1) as f64;
    m.samples.push(size / meetings / 1000.0);
    let index = n("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search_index%'");
    let minutes = n("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = 'minutes'");
    // An answer is a row of `votes` (and its index) and one of the audit log.
    let per_row = |table: &str| {
        let bytes = n(&format!(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = '{table}')"
        ));
        bytes as f64 / n(&format!("SELECT count(*) FROM {table}")).max(1) as f64
    };
    let answer = per_row("votes") + per_row("audit_log");
    // Average minutes size of a community's first and last twelve meetings.
    let age = |name: &str| {
        let q = |order: &str| {
            c.query_row(
                &format!(
                    "SELECT coalesce(avg(length(CAST(text AS BLOB))), 0) FROM (SELECT n.text FROM minutes n
                     JOIN communities k ON k.id = n.community_id WHERE k.name = ?1
                     ORDER BY n.seq {order} LIMIT 12)"
                ),
                [name],
                |r| r.get::<_, f64>(0),
            )
            .unwrap_or(0.0)
                / 1000.0
        };
        (q("ASC"), q("DESC"))
    };
    let (a0, a1) = age(&build::community_name(0));
    let mut note = format!(
        "search index {:.1} KB per meeting ({:.0}% of the file), minutes {:.1} KB per meeting; \
         an answer {answer:.0} bytes (its row in votes and in the audit log, with their indexes); \
         a community's minutes: first year {a0:.1} KB, last year {a1:.1} KB",
        index as f64 / meetings / 1000.0,
        100.0 * index as f64 / size.max(1.0),
        minutes as f64 / meetings / 1000.0,
    );
    let worst = build::community_name(build::NEVER_CLOSES);
    let (w0, w1) = age(&worst);
    if w1 > 0.0 {
        note.push_str(&format!(
            "; the community that never closes an action item: {w0:.1} KB → {w1:.1} KB"
        ));
    }
    m.note = note;
    m
}
