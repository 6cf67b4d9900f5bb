//! A district gathering two communities, and local minutes signed after imported ones.

use super::support::*;

#[test]
fn a_district_gathers_two_communities_into_one_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Laptop A: the demo compound.
    let a = dir.path().join("wangcheng.db");
    {
        let mut s = Store::open(&a).expect("open");
        demo::install(&mut s).expect("demo");
    }
    // Laptop B: another compound with its own roster and signers, minutes in English.
    let b = dir.path().join("shigu.db");
    let shigu = {
        let mut s = Store::open(&b).expect("open");
        add_shigu(&mut s);
        s.register_signer("Alice Wang", "alice-passphrase", "alice-passphrase")
            .expect("alice");
        s.register_signer("Bob Li", "bob-passphrase-1", "bob-passphrase-1")
            .expect("bob");
        let m = shigu_meeting(&mut s);
        sign(
            &mut s,
            m.0,
            ("Alice Wang", "alice-passphrase"),
            ("Bob Li", "bob-passphrase-1"),
        );
        m
    };
    let fa = dir.path().join("wangcheng-1.json");
    let fb = dir.path().join("shigu-1.json");
    export(&a, 1, &fa);
    export(&b, shigu.0, &fb);

    let office = dir.path().join("district.db");
    let (code, out, err) = import(&office, &[&fa, &fb]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("imported as meeting").count(), 2, "{out}");

    let (code, out, err) = yishi(&["--db", &arg(&office), "minutes", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{out}");
    let mut communities: Vec<&str> = rows
        .iter()
        .map(|r| r["community"].as_str().expect("community"))
        .collect();
    communities.sort_unstable();
    assert_eq!(communities, vec![demo::COMMUNITY, SHIGU]);
    assert!(rows.iter().all(|r| r["status"] == "signed"));
    // Newest first: B's August meeting before A's May one.
    assert_eq!(rows[0]["community"], SHIGU);

    let (code, out, err) = yishi(&["--db", &arg(&office), "--lang", "en", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches(": valid").count(), 2, "{out}");
    assert!(
        out.contains("Alice Wang") && out.contains("黄小明"),
        "{out}"
    );
    // Each community's minutes read as they did on their own laptop.
    let here = meeting_by_uid(&office, &read_bundle(&fb).record.uid);
    assert_eq!(show(&office, here), show(&b, shigu.0));
    let here = meeting_by_uid(&office, &read_bundle(&fa).record.uid);
    assert_eq!(show(&office, here), show(&a, 1));
    // Filters work across the gathered archive.
    let (_, out, _) = yishi(&[
        "--db",
        &arg(&office),
        "minutes",
        "list",
        "--json",
        "--community",
        SHIGU,
        "--search",
        "contractors",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{out}");
    // The imported signers are not registered here: they cannot sign on this machine.
    let store = Store::open(&office).expect("open");
    assert!(store.signers().expect("signers").is_empty());
    assert!(matches!(
        store.verify_all().expect("verify")[0].status,
        VerifyStatus::Valid
    ));
}

#[test]
fn local_minutes_signed_after_imported_ones_chain_to_them() {
    // A replacement laptop: the old laptop's signed minutes are imported, then the next
    // meeting is signed here and links to them; deleting local minutes is still noticed.
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.db");
    {
        let mut s = Store::open(&old).expect("open");
        demo::install(&mut s).expect("demo");
    }
    let f = dir.path().join("m1.json");
    export(&old, 1, &f);
    let new = dir.path().join("new.db");
    {
        let mut s = Store::open(&new).expect("open");
        // The new laptop's own demo has other uids: the old minutes arrive as a
        // second signed meeting of 望城小区, after the local one in the chain.
        demo::install(&mut s).expect("demo");
    }
    let (code, out, _) = import(&new, &[&f]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = yishi(&["--db", &arg(&new), "verify"]);
    assert_eq!(code, 0, "{out}");
    let mut s = Store::open(&new).expect("open");
    let m = run_meeting(
        &mut s,
        &MeetingSpec {
            community: demo::COMMUNITY,
            kind: MeetingKind::OwnersAssembly,
            language: "zh",
            starts_at: "2026-10-01 09:30",
            title: "2026年第四次业主大会",
            host: "黄小明",
            secretary: "李秀英",
            items: vec![ItemSpec::new("绿化养护", Category::Facility, "补种绿篱。")],
            remark: None,
        },
    );
    demo_sign(&mut s, m.0);
    let later = run_meeting(
        &mut s,
        &MeetingSpec {
            community: demo::COMMUNITY,
            kind: MeetingKind::OwnersAssembly,
            language: "zh",
            starts_at: "2026-11-01 09:30",
            title: "2026年第五次业主大会",
            host: "黄小明",
            secretary: "李秀英",
            items: vec![ItemSpec::new("路灯维修", Category::Facility, "更换路灯。")],
            remark: None,
        },
    );
    demo_sign(&mut s, later.0);
    drop(s);
    let (code, out, _) = yishi(&["--db", &arg(&new), "verify"]);
    assert_eq!(code, 0, "{out}");
    // Deleting the local meeting in the middle breaks the next link.
    let raw = Connection::open(&new).expect("raw");
    raw.execute_batch(&format!(
        "DROP TRIGGER lock_minutes_delete; DROP TRIGGER lock_signatures_delete;
         DELETE FROM signatures WHERE meeting_id = {m}; DELETE FROM minutes WHERE meeting_id = {m};"
    ))
    .expect("tamper");
    drop(raw);
    let (code, out, _) = yishi(&["--db", &arg(&new), "--lang", "en", "verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("INVALID"), "{out}");
}

/// `minutes list --json` is written a few hundred meetings at a time: the text is the
/// whole listing as one pretty-printed array, byte for byte, and an empty listing is `[]`.
#[test]
fn the_listing_in_json_is_one_array_whatever_its_length() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("y.db");
    let rows = {
        let mut s = Store::open(&db).expect("open");
        demo::install(&mut s).expect("demo");
        s.archive(&yishi::store::archive::ArchiveFilter::default())
            .expect("archive")
    };
    assert!(!rows.is_empty());
    let (code, out, err) = yishi(&["--db", &arg(&db), "minutes", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    // As the whole listing was printed before: through a JSON value (keys in order).
    let whole = serde_json::to_value(&rows).expect("value");
    let want = serde_json::to_string_pretty(&whole).expect("json") + "\n";
    assert_eq!(out, want);
    let (code, out, err) = yishi(&[
        "--db",
        &arg(&db),
        "minutes",
        "list",
        "--json",
        "--community",
        "无此小区",
    ]);
    assert_eq!((code, out.as_str()), (0, "[]\n"), "{err}");
}
