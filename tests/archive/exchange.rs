//! Gathering exported minutes with `yishi import`: identical minutes, idempotent,
//! tampered files refused with the reason and nothing written.

use super::support::*;
use yishi::store::ids::MeetingId;

#[test]
fn export_import_verify_gives_identical_minutes_and_is_idempotent() {
    let a = archive_db();
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<(MeetingId, PathBuf)> = [a.gate, a.elevator, a.parking]
        .into_iter()
        .map(|id| {
            let f = dir.path().join(format!("m{id}.json"));
            export(&a.path, id.0, &f);
            (id, f)
        })
        .collect();
    // A fresh database that already has another community, so that local voter ids
    // differ from the exporting laptop's.
    let fresh = dir.path().join("office.db");
    {
        let mut s = Store::open(&fresh).expect("open");
        add_shigu(&mut s);
    }
    // The elevator meeting alone first: its predecessor is not here.
    let (code, out, err) = import(&fresh, &[&files[1].1]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("imported as meeting"), "{out}");
    assert!(out.contains("chain starts here"), "{out}");
    let (code, out, err) = import(&fresh, &[&files[0].1, &files[2].1]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("imported as meeting").count(), 2, "{out}");

    let (code, out, err) = yishi(&["--db", &arg(&fresh), "--lang", "en", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches(": valid").count(), 3, "{out}");
    for (id, f) in &files {
        let b = read_bundle(f);
        let here = meeting_by_uid(&fresh, &b.record.uid);
        assert_eq!(show(&fresh, here), show(&a.path, id.0), "minutes of {id}");
        // Read-only: the records are locked like minutes signed here.
        let store = Store::open(&fresh).expect("open");
        assert!(
            store
                .verify_meeting(MeetingId(here))
                .expect("v")
                .status
                .is_valid()
        );
        let raw = Connection::open(&fresh).expect("raw");
        let locked = raw.execute("UPDATE votes SET choice = 'no' WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)", [here]);
        assert!(locked.is_err(), "imported records are locked");
        let origin: String = raw
            .query_row("SELECT origin FROM meetings WHERE id = ?1", [here], |r| {
                r.get(0)
            })
            .expect("origin");
        assert_eq!(origin, "imported");
        // Exported again, the bundle is the same meeting with the same signatures.
        let again = dir.path().join(format!("again{id}.json"));
        export(&fresh, here, &again);
        let b2 = read_bundle(&again);
        assert_eq!(
            b2.minutes.as_ref().map(|m| &m.text),
            b.minutes.as_ref().map(|m| &m.text)
        );
        assert_eq!(b2.signatures.len(), b.signatures.len());
        let (code, out, _) = yishi(&["--db", &arg(&fresh), "verify", "--file", &arg(&again)]);
        assert_eq!(code, 0, "{out}");
    }
    // The elevator's shaft owner who voted no is flagged by name, although the voter
    // has another id here than on the laptop the minutes came from.
    let eb = read_bundle(&files[1].1);
    let elevator = meeting_by_uid(&fresh, &eb.record.uid);
    let shown = show(&fresh, elevator);
    assert!(
        shown.contains("井道占用业主") && shown.contains("条件未满足"),
        "{shown}"
    );
    let flag = |v: &serde_json::Value| v["flags"][0]["ShaftOwnerNotAgreed"].as_i64();
    let original = serde_json::to_value(
        eb.record.items[0]
            .vote
            .as_ref()
            .unwrap()
            .outcome
            .as_ref()
            .unwrap(),
    )
    .unwrap();
    let raw = Connection::open(&fresh).expect("raw");
    let figures: String = raw
        .query_row(
            "SELECT figures FROM vote_closures v JOIN agenda_items i ON i.id = v.item_id
             WHERE i.meeting_id = ?1",
            [elevator],
            |r| r.get(0),
        )
        .expect("figures");
    let here: serde_json::Value = serde_json::from_str(&figures).expect("json");
    assert!(flag(&original).is_some() && flag(&here).is_some());
    assert_ne!(flag(&original), flag(&here), "voter ids were mapped");
    drop(raw);
    // The parking meeting's addendum came along with its signature.
    let parking = meeting_by_uid(&fresh, &read_bundle(&files[2].1).record.uid);
    assert!(show(&fresh, parking).contains("更正：收费自2026年10月起执行。"));
    // Search finds imported minutes too.
    let store = Store::open(&fresh).expect("open");
    assert_eq!(search(&store, "电梯").len(), 1);
    assert_eq!(search(&store, "大门").len(), 1);
    drop(store);

    // Importing again changes nothing.
    let before = counts(&fresh);
    let all: Vec<&Path> = files.iter().map(|(_, f)| f.as_path()).collect();
    let (code, out, err) = import(&fresh, &all);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("already present").count(), 3, "{out}");
    assert_eq!(counts(&fresh), before);
    // Into the laptop the minutes came from: already present as well.
    let before = counts(&a.path);
    let (code, out, _) = import(&a.path, &all);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("already present").count(), 3, "{out}");
    assert_eq!(counts(&a.path), before);
    // Through the API: the same.
    let mut store = Store::open(&fresh).expect("open");
    let o = store
        .import_bundle(read_bundle(&files[0].1))
        .expect("import");
    assert!(matches!(o, ImportOutcome::AlreadyPresent { .. }), "{o:?}");
}

#[test]
fn a_tampered_file_is_refused_with_the_reason_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_d, src) = {
        let d = tempfile::tempdir().expect("tempdir");
        let p = d.path().join("a.db");
        let mut s = Store::open(&p).expect("open");
        demo::install(&mut s).expect("demo");
        (d, p)
    };
    let good = dir.path().join("good.json");
    export(&src, 1, &good);
    let text = std::fs::read_to_string(&good).expect("read");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");

    // A vote changed in the record: one no becomes a yes.
    let mut vote = json.clone();
    let ballots = vote["record"]["items"][0]["vote"]["ballots"]
        .as_array_mut()
        .expect("ballots");
    let no = ballots
        .iter_mut()
        .find(|b| b["choice"] == "no")
        .expect("a no");
    no["choice"] = "yes".into();
    let changed_vote = dir.path().join("vote.json");
    std::fs::write(&changed_vote, serde_json::to_string(&vote).unwrap()).unwrap();

    // One byte of the host's signature changed.
    let sig = json["signatures"][0]["signature"]
        .as_str()
        .expect("sig")
        .to_string();
    let flipped = format!(
        "{}{}{}",
        &sig[..20],
        if &sig[20..22] == "00" { "01" } else { "00" },
        &sig[22..]
    );
    json["signatures"][0]["signature"] = flipped.into();
    let changed_sig = dir.path().join("sig.json");
    std::fs::write(&changed_sig, serde_json::to_string(&json).unwrap()).unwrap();

    let office = dir.path().join("office.db");
    Store::open(&office).expect("create");
    let before = counts(&office);
    let (code, out, err) = import(&office, &[&changed_vote, &changed_sig]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out.matches("refused").count(), 2, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("vote.json") && lines[0].contains("differ"),
        "{out}"
    );
    assert!(lines[0].contains("安装小区大门"), "{out}");
    assert!(
        lines[1].contains("sig.json") && lines[1].contains("does not verify"),
        "{out}"
    );
    assert!(lines[1].contains("黄小明"), "{out}");
    assert_eq!(counts(&office), before, "nothing written");

    // In Chinese too.
    let (code, out, _) = yishi(&[
        "--db",
        &arg(&office),
        "--lang",
        "zh",
        "import",
        &arg(&changed_sig),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("拒绝导入") && out.contains("签名无效"),
        "{out}"
    );

    // A good file among them is still imported; the exit code tells of the refusal.
    let (code, out, _) = import(&office, &[&changed_vote, &good]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("imported as meeting"), "{out}");
    let (code, out, _) = yishi(&["--db", &arg(&office), "verify"]);
    assert_eq!(code, 0, "{out}");

    // Through the API the reason is the verifier's.
    let mut store = Store::open(&dir.path().join("api.db")).expect("open");
    let b: ExportBundle =
        serde_json::from_str(&std::fs::read_to_string(&changed_sig).unwrap()).unwrap();
    match store.import_bundle(&b).expect("import") {
        ImportOutcome::Refused(ImportRefusal::Invalid(ps)) => assert!(!ps.is_empty()),
        other => panic!("expected a refusal, got {other:?}"),
    }
    drop(store);
    assert_eq!(
        counts(&dir.path().join("api.db"))
            .iter()
            .map(|(_, n)| n)
            .sum::<i64>(),
        0
    );

    // Unreadable or not an export: bad input (exit 2), nothing written.
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}").unwrap();
    let before = counts(&office);
    let (code, _, err) = import(&office, &[&junk, &dir.path().join("missing.json")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("junk.json") && err.contains("missing.json"),
        "{err}"
    );
    assert_eq!(counts(&office), before);

    // Unsigned minutes are not imported.
    let mut unsigned = read_bundle(&good);
    unsigned.signatures.clear();
    unsigned.record.status = yishi::domain::model::MeetingStatus::Adjourned;
    unsigned.minutes = None;
    let mut store = Store::open(&office).expect("open");
    assert_eq!(
        store.import_bundle(&unsigned).expect("import"),
        ImportOutcome::Refused(ImportRefusal::Unsigned)
    );
}

/// A database whose tables do not give back what was written (here a trigger, standing
/// for a damaged or tampered file, changes one item's title): the meeting's minutes do
/// not render again, so it is refused; in a batch its check runs on the second thread,
/// the whole batch is rolled back, and `yishi import` imports the files again one by one
/// so that only that file is refused, with the reason.
#[test]
fn a_meeting_whose_tables_do_not_reproduce_it_is_refused_and_its_batch_keeps_nothing() {
    let a = archive_db();
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<PathBuf> = [a.gate, a.elevator, a.parking]
        .into_iter()
        .map(|id| {
            let f = dir.path().join(format!("m{id}.json"));
            export(&a.path, id.0, &f);
            f
        })
        .collect();
    let bundles: Vec<ExportBundle> = files.iter().map(|f| read_bundle(f)).collect();
    let bad_uid = bundles[1].record.uid.clone();
    let office = dir.path().join("office.db");
    drop(Store::open(&office).expect("open"));
    Connection::open(&office)
        .expect("raw")
        .execute_batch(&format!(
            "CREATE TRIGGER not_as_written AFTER INSERT ON agenda_items
             WHEN (SELECT uid FROM meetings WHERE id = NEW.meeting_id) = '{bad_uid}'
             BEGIN UPDATE agenda_items SET title = title || '!' WHERE id = NEW.id; END;"
        ))
        .expect("trigger");
    let meetings = |p: &Path| -> i64 {
        Connection::open(p)
            .expect("raw")
            .query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))
            .expect("count")
    };

    // Through the store: the batch is refused as a whole and keeps nothing.
    let mut store = Store::open(&office).expect("open");
    let r = store.import_batch(|b| {
        bundles
            .iter()
            .map(|x| b.import(x))
            .collect::<Result<Vec<_>, _>>()
    });
    assert!(
        matches!(
            r,
            Err(yishi::store::StoreError::Refused(
                yishi::store::Refusal::ImportBatchNotReproduced
            ))
        ),
        "{r:?}"
    );
    assert_eq!(meetings(&office), 0);
    // Alone, the meeting says why.
    match store.import_bundle(&bundles[1]).expect("import") {
        ImportOutcome::Refused(ImportRefusal::NotReproduced(VerifyStatus::Invalid(_))) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(meetings(&office), 0);
    drop(store);

    // Through `yishi import`: the two others imported, that one refused with the reason.
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (code, out, err) = import(&office, &paths);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out.matches("imported as meeting").count(), 2, "{out}");
    assert!(
        out.contains("the written records do not reproduce the signed minutes"),
        "{out}"
    );
    assert_eq!(meetings(&office), 2);
}
