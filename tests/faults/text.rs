//! Fault matrix, text rows: names and texts carrying ESC, BEL, C1 controls, OSC title and
//! clipboard sequences and bidi overrides, put straight into the database with SQL, never
//! reach the terminal (the tmux pane, the raw bytes the program wrote, the window title)
//! nor an HTML/Markdown export; CSV files with bad encodings, missing columns, duplicate
//! units and bad areas are refused with their line and import nothing.

use std::fs;
use std::path::Path;

use crate::faults_support::{Tmux, count, demo_db, yishi, yishi_bin};
use rusqlite::Connection;
use yishi::store::ids::VoterId;

/// Hostile payloads, each tagged so the test can say which one leaked.
const PAYLOADS: &[&str] = &[
    "\x1b]0;OSCTITLE\x07",
    "\x1b]2;OSCTITLE\x1b\\",
    "\x1b]52;c;T1NDQ0xJUA==\x07",
    "\x1b[6n",
    "\x1bc",
    "\x07\x07",
    "\u{85}\u{9b}31m",
    "\u{9d}0;x\u{9c}",
    "\u{202E}\u{2066}",
    "\x7f\x08\x0d",
    "\x1bP+q544e\x1b\\",
];

/// Byte strings that must never appear in what the program writes: the data's escape
/// introducers and payload markers, BEL, C1 controls and bidi controls in UTF-8.
fn forbidden() -> Vec<(&'static str, Vec<u8>)> {
    let mut v: Vec<(&'static str, Vec<u8>)> = vec![
        ("OSC", b"\x1b]".to_vec()),
        ("OSC payload", b"OSCTITLE".to_vec()),
        ("clipboard payload", b"T1NDQ0xJUA".to_vec()),
        ("device status query", b"\x1b[6n".to_vec()),
        ("reset", b"\x1bc".to_vec()),
        ("DCS", b"\x1bP".to_vec()),
        ("BEL", b"\x07".to_vec()),
        ("DEL", b"\x7f".to_vec()),
    ];
    for c in ['\u{85}', '\u{9b}', '\u{9c}', '\u{9d}'] {
        v.push(("C1 control", c.to_string().into_bytes()));
    }
    for c in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'] {
        v.push(("bidi override", c.to_string().into_bytes()));
    }
    for c in ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
        v.push(("bidi isolate", c.to_string().into_bytes()));
    }
    v
}

fn assert_clean(what: &str, bytes: &[u8]) {
    for (name, pat) in forbidden() {
        if let Some(at) = bytes.windows(pat.len()).position(|w| w == pat.as_slice()) {
            let from = at.saturating_sub(40);
            let to = (at + 40).min(bytes.len());
            panic!(
                "{what}: {name} {pat:?} reached the output at byte {at}: {:?}",
                String::from_utf8_lossy(&bytes[from..to])
            );
        }
    }
}

/// Put the payloads into names, unit labels, meeting and item titles, the proposal text
/// and a remark, bypassing the program's own input cleaning.
fn poison(db: &Path) {
    let c = Connection::open(db).unwrap();
    let ids: Vec<i64> = {
        let mut st = c
            .prepare("SELECT id FROM voters ORDER BY community_id, position LIMIT 40")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    for (i, id) in ids.iter().enumerate() {
        let p = PAYLOADS[i % PAYLOADS.len()];
        c.execute(
            "UPDATE voters SET name = '业主' || ?2 || ?3 || '名' WHERE id = ?1",
            rusqlite::params![id, p, i as i64],
        )
        .unwrap();
    }
    let unit_ids: Vec<i64> = {
        let mut st = c.prepare("SELECT id FROM units LIMIT 11").unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    for (i, id) in unit_ids.iter().enumerate() {
        c.execute(
            "UPDATE units SET label = label || ?2 WHERE id = ?1",
            rusqlite::params![id, PAYLOADS[i % PAYLOADS.len()]],
        )
        .unwrap();
    }
    let all = PAYLOADS.concat();
    let draft: i64 = c
        .query_row("SELECT id FROM meetings WHERE status = 'draft'", [], |r| {
            r.get(0)
        })
        .unwrap();
    c.execute(
        "UPDATE meetings SET title = title || ?2, venue = venue || ?2 WHERE id = ?1",
        rusqlite::params![draft, &all],
    )
    .unwrap();
    c.execute(
        "UPDATE agenda_items SET title = title || ?2, proposer = proposer || ?2 WHERE meeting_id = ?1",
        rusqlite::params![draft, &all],
    )
    .unwrap();
    c.execute(
        "UPDATE proposal_revisions SET text = text || ?2 || '\n第二行' || ?2
         WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)",
        rusqlite::params![draft, &all],
    )
    .unwrap();
}

#[test]
fn hostile_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    poison(&db);
    let typescript = dir.path().join("typescript");
    // `script` records every byte the program writes to its terminal.
    let cmd = format!(
        "script -q -f -c '{} --lang zh --db {}' {}",
        yishi_bin(),
        db.display(),
        typescript.display()
    );
    let t = Tmux::start(&cmd, 110, 32);
    t.wait_for("新建会议");
    let mut panes = vec![t.capture(true)];
    let mut step = |keys: &[&str], t: &Tmux| {
        for k in keys {
            t.keys(&[k]);
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
        panes.push(t.capture(true));
    };
    step(&["r"], &t); // the roster: every name and unit label
    step(&["PageDown", "PageDown"], &t);
    step(&["Escape"], &t);
    step(&["Enter"], &t); // preparation: titles, proposers
    step(&["Enter"], &t); // an item form with its proposal
    step(&["Escape"], &t);
    step(&["o", "Enter"], &t); // attendance: names again
    step(&["p", "p", "p"], &t);
    step(&["w"], &t);
    step(&["Escape", "Tab"], &t); // the agenda
    step(&["Down", "Enter"], &t); // an item: proposal text
    step(&["v", "Enter"], &t); // the roll call: names one by one
    step(&["y", "y", "n"], &t);
    step(&["F2"], &t); // the room view
    step(&["F2", "Escape", "Escape", "a"], &t); // the archive
    step(&["b"], &t); // the action board
    t.keys(&["C-c"]);
    t.wait_exit();
    let title = t.capture(false);
    drop(title);
    let raw = fs::read(&typescript).expect("typescript");
    assert!(raw.len() > 1000, "script recorded the session");
    assert_clean("bytes written to the terminal", &raw);
    // The payloads were there to be shown: the visible remains of the names are.
    let shown = panes.concat();
    assert!(shown.contains("业主"), "{shown}");
    for (i, p) in panes.iter().enumerate() {
        assert_clean(&format!("tmux pane {i}"), p.as_bytes());
    }
}

#[test]
fn hostile_text_is_escaped_in_html_and_markdown_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    poison(&db);
    // Names with HTML in them, and the community's name.
    let c = Connection::open(&db).unwrap();
    c.execute(
        "UPDATE voters SET name = '黄<b>小明</b>&amp;' || ?1
         WHERE id = (SELECT min(id) FROM voters)",
        [PAYLOADS[0]],
    )
    .unwrap();
    c.execute(
        "UPDATE communities SET name = name || ?1 || '<script>alert(1)</script>'",
        [PAYLOADS.concat()],
    )
    .unwrap();
    drop(c);
    // Hold the poisoned draft meeting to its end through the store: a vote, a remark.
    let mut store = yishi::store::Store::open(&db).unwrap();
    let m = store
        .meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.status.as_db() == "draft")
        .unwrap()
        .id;
    store.start_meeting(m).unwrap();
    let items = store.items(m).unwrap();
    let gate = items.iter().find(|i| i.title.contains("大门")).unwrap().id;
    let r = store.queue_speaker(gate, "韩国平", None).unwrap();
    store.next_speaker(gate).unwrap();
    store.record_remark(r, "同意").unwrap();
    // The roll call at the door comes before any vote.
    let community = store.meeting(m).unwrap().community_id;
    for v in store.voters(community).unwrap() {
        if !v.units.is_empty() {
            store
                .mark_presence(
                    m,
                    v.id,
                    yishi::domain::model::PresenceKind::Present,
                    None,
                    None,
                )
                .unwrap();
        }
    }
    store.start_vote(gate).unwrap();
    let voters: Vec<VoterId> = store
        .ballots(gate)
        .unwrap()
        .iter()
        .map(|b| VoterId(b.voter_id))
        .collect();
    for (i, v) in voters.iter().enumerate() {
        let choice = if i % 3 == 0 {
            yishi::domain::model::Choice::No
        } else {
            yishi::domain::model::Choice::Yes
        };
        store
            .answer(gate, *v, choice, voters.get(i + 1).copied())
            .unwrap();
    }
    store.close_vote(gate).unwrap();
    store.adjourn(m).unwrap();
    drop(store);
    let c = Connection::open(&db).unwrap();
    c.execute(
        "UPDATE remarks SET text = text || ?1 || '<img src=x onerror=alert(1)>' WHERE id = ?2",
        rusqlite::params![PAYLOADS.concat(), r],
    )
    .unwrap();
    drop(c);
    let signed = m;
    for format in ["html", "md"] {
        for notice in [false, true] {
            let out_file = dir.path().join(format!("m{notice}.{format}"));
            let id = signed.to_string();
            let mut args = vec![
                "--lang",
                "zh",
                "export",
                id.as_str(),
                "--format",
                format,
                "-o",
            ];
            let of = out_file.display().to_string();
            args.push(&of);
            if notice {
                args.push("--notice");
            }
            let o = yishi(&db, &args);
            // Refusing to export changed minutes would also be safe; printing them raw is not.
            assert_clean(&format!("{format} export stderr"), &o.stderr);
            assert_clean(&format!("{format} export stdout"), &o.stdout);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let bytes = fs::read(&out_file).unwrap();
            assert_clean(&format!("{format} export"), &bytes);
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                text.contains("0;x"),
                "the poisoned text is in the export: {text}"
            );
            if format == "html" {
                assert!(!text.contains("<script>"), "HTML not escaped");
                assert!(!text.contains("<b>小明"), "HTML not escaped");
                assert!(!text.contains("<img"), "HTML not escaped");
                if !notice {
                    assert!(
                        text.contains("黄&lt;b&gt;小明&lt;/b&gt;&amp;amp;"),
                        "the name is shown, escaped: {text}"
                    );
                }
            }
        }
    }
    // The JSON export carries the text as JSON strings (escaped by JSON itself), and
    // `minutes show` writes to a terminal: it must be clean too.
    for args in [
        vec!["--lang", "en", "minutes", "show", "1"],
        vec!["--lang", "en", "minutes", "list"],
        vec!["--lang", "en", "verify"],
    ] {
        let mut a = args.clone();
        let id = signed.to_string();
        if a.len() == 5 {
            a[4] = &id;
        }
        let o = yishi(&db, &a);
        assert_clean(&format!("{a:?} stdout"), &o.stdout);
        assert_clean(&format!("{a:?} stderr"), &o.stderr);
    }
}

fn import(dir: &Path, db: &Path, name: &str, bytes: &[u8]) -> (i32, String) {
    let f = dir.join(name);
    fs::write(&f, bytes).unwrap();
    let o = yishi(
        db,
        &[
            "--lang",
            "en",
            "roster",
            "import",
            f.to_str().unwrap(),
            "--community",
            "新小区",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_clean(&format!("{name}: stderr"), err.as_bytes());
    assert_clean(&format!("{name}: stdout"), &o.stdout);
    (o.status.code().unwrap_or(-1), err)
}

/// Everything in the roster tables, to prove a refused file imported nothing.
fn roster_counts(db: &Path) -> Vec<i64> {
    ["communities", "units", "voters", "holdings", "audit_log"]
        .iter()
        .map(|t| count(db, &format!("SELECT count(*) FROM {t}")))
        .collect()
}

#[test]
fn bad_csv_files_are_refused_with_their_line_and_import_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let head = "label,building,unit,area,owner\n";
    let good = "1栋1单元101,1栋,1单元,85.30,黄小明\n";
    // GBK bytes of "黄小明" on line 3.
    let mut gbk = format!("{head}{good}").into_bytes();
    gbk.extend_from_slice(b"1\xb6\xb0101,1,1,80,\xbb\xc6\xd0\xa1\xc3\xf7\n");
    let mut bom_missing = b"\xEF\xBB\xBF".to_vec();
    bom_missing
        .extend_from_slice("label,building,unit,owner\n1栋1单元101,1栋,1单元,黄小明\n".as_bytes());
    let cases: Vec<(&str, Vec<u8>, usize)> = vec![
        ("gbk.csv", gbk, 3),
        ("bom-missing-area.csv", bom_missing, 1),
        (
            "short-row.csv",
            format!("{head}{good}1栋1单元102,1栋,1单元\n").into_bytes(),
            3,
        ),
        (
            "duplicate-unit.csv",
            format!("{head}{good}{good}").into_bytes(),
            3,
        ),
        (
            "negative-area.csv",
            format!("{head}{good}1栋1单元102,1栋,1单元,-80,黄大明\n").into_bytes(),
            3,
        ),
        (
            "absurd-area.csv",
            format!("{head}{good}1栋1单元102,1栋,1单元,99999999999,黄大明\n").into_bytes(),
            3,
        ),
        (
            "nan-area.csv",
            format!("{head}{good}1栋1单元102,1栋,1单元,NaN,黄大明\n").into_bytes(),
            3,
        ),
        (
            "escape-in-cell.csv",
            format!("{head}{good}1栋1单元102,1栋,1单元,80,黄\x1b]0;OSCTITLE\x07大明\n")
                .into_bytes(),
            3,
        ),
        (
            "bidi-in-cell.csv",
            format!("{head}{good}1栋1单元102,1栋,1单元,80,黄\u{202E}大明\n").into_bytes(),
            3,
        ),
        (
            "c1-in-cell.csv",
            format!("{head}{good}1栋1单元1\u{9b}02,1栋,1单元,80,黄大明\n").into_bytes(),
            3,
        ),
        ("empty.csv", Vec::new(), 1),
        ("binary.csv", vec![0u8, 159, 146, 150, 0xff, 0xfe], 1),
    ];
    let before = roster_counts(&db);
    for (name, bytes, line) in cases {
        let (code, err) = import(dir.path(), &db, name, &bytes);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(&format!("line {line}")),
            "{name}: the message names line {line}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{name}: one sentence: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(roster_counts(&db), before, "{name}: something was imported");
    }
}
