//! The secretary's archive: search (Chinese words of one, two and more characters,
//! English words, nothing false) and filters that combine (store and `minutes list`).

use super::support::*;
use yishi::store::ids::MeetingId;

#[test]
fn search_finds_chinese_words_of_any_length_and_nothing_false() {
    let a = archive_db();
    let store = Store::open(&a.path).expect("open");
    // One character, two, and a whole phrase.
    assert_eq!(search(&store, "门"), vec![a.gate]);
    assert_eq!(search(&store, "大门"), vec![a.gate]);
    assert_eq!(search(&store, "电梯"), vec![a.elevator]);
    assert_eq!(search(&store, "停车"), vec![a.parking]);
    assert_eq!(search(&store, "停车管理公约"), vec![a.parking]);
    // In remarks as well as proposals and minutes.
    assert_eq!(search(&store, "门禁卡"), vec![a.gate]);
    assert_eq!(search(&store, "老人"), vec![a.gate]);
    // English words, whatever their case.
    assert_eq!(search(&store, "lift"), vec![a.elevator]);
    assert_eq!(search(&store, "Contractors"), vec![a.shigu]);
    assert_eq!(search(&store, "entrance motor"), vec![a.shigu]);
    // Several words: all must match.
    assert_eq!(search(&store, "大门 门禁"), vec![a.gate]);
    assert!(search(&store, "大门 电梯").is_empty());
    // Nothing false: absent words, characters in the wrong order, a word split across
    // meetings.
    assert!(search(&store, "游泳池").is_empty());
    assert!(search(&store, "swimming").is_empty());
    assert!(search(&store, "梯电").is_empty());
    assert!(search(&store, "门大").is_empty());
    assert!(search(&store, "管理停车").is_empty());
    // Nothing searchable: no results rather than everything.
    assert!(search(&store, "\"*()").is_empty());
    // The demo's draft meeting (which also names 电梯 and 停车管理公约) is not in the
    // archive.
    assert!(!search(&store, "电梯").contains(&MeetingId(2)));
}

#[test]
fn filters_combine_in_the_store_and_on_the_command_line() {
    let a = archive_db();
    let store = Store::open(&a.path).expect("open");
    let f = |community: Option<&str>,
             since: Option<&str>,
             until: Option<&str>,
             kind: Option<&str>,
             category: Option<&str>,
             outcome: Option<&str>,
             q: Option<&str>| ArchiveFilter {
        community: community.map(Into::into),
        since: since.map(Into::into),
        until: until.map(Into::into),
        kind: kind.map(Into::into),
        category: category.map(Into::into),
        outcome: outcome.map(Into::into),
        search: q.map(Into::into),
        include_open: false,
    };
    let all = ids(&store, &ArchiveFilter::default());
    assert_eq!(all, vec![a.gate, a.elevator, a.parking, a.shigu]);
    // Newest first.
    let order: Vec<MeetingId> = store
        .archive(&ArchiveFilter::default())
        .expect("archive")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(order, vec![a.parking, a.shigu, a.elevator, a.gate]);

    let wc = Some(demo::COMMUNITY);
    let cases: Vec<(ArchiveFilter, Vec<MeetingId>)> = vec![
        (
            f(wc, None, None, None, None, None, None),
            vec![a.gate, a.elevator, a.parking],
        ),
        (
            f(Some(SHIGU), None, None, None, None, None, None),
            vec![a.shigu],
        ),
        (
            f(None, Some("2026-07-01"), None, None, None, None, None),
            vec![a.elevator, a.parking, a.shigu],
        ),
        // Both bounds inclusive.
        (
            f(
                None,
                Some("2026-07-10"),
                Some("2026-08-01"),
                None,
                None,
                None,
                None,
            ),
            vec![a.elevator, a.shigu],
        ),
        (
            f(
                wc,
                Some("2026-07-01"),
                Some("2026-08-31"),
                None,
                None,
                None,
                None,
            ),
            vec![a.elevator],
        ),
        (
            f(
                None,
                None,
                None,
                Some("residents_council"),
                None,
                None,
                None,
            ),
            vec![a.elevator],
        ),
        (
            f(wc, None, None, Some("owners_assembly"), None, None, None),
            vec![a.gate, a.parking],
        ),
        (
            f(None, None, None, None, Some("gate"), None, None),
            vec![a.gate, a.shigu],
        ),
        (
            f(Some(SHIGU), None, None, None, Some("gate"), None, None),
            vec![a.shigu],
        ),
        (
            f(None, None, None, None, None, Some("passed"), None),
            vec![a.gate, a.elevator, a.parking],
        ),
        (
            f(None, None, None, None, None, Some("failed"), None),
            vec![a.gate],
        ),
        (
            f(
                wc,
                Some("2026-06-01"),
                None,
                Some("owners_assembly"),
                Some("parking"),
                Some("passed"),
                Some("停车"),
            ),
            vec![a.parking],
        ),
        (
            f(Some(SHIGU), None, None, None, None, None, Some("门")),
            vec![],
        ),
        (
            f(wc, None, Some("2026-06-30"), None, None, None, Some("电梯")),
            vec![],
        ),
        (
            f(None, None, None, Some("party_branch"), None, None, None),
            vec![],
        ),
    ];
    for (filter, want) in cases {
        assert_eq!(ids(&store, &filter), want, "{filter:?}");
    }

    // Category and outcome are asked of the same item: in the demo's first meeting
    // one item passed and the other failed, and each filter finds the meeting only
    // through its own item.
    let rows = store.archive(&ArchiveFilter::default()).expect("archive");
    let first = rows.iter().find(|r| r.id == a.gate).expect("demo meeting");
    let gate_item = first
        .items
        .iter()
        .find(|i| i.category == "gate")
        .expect("gate");
    let road_item = first
        .items
        .iter()
        .find(|i| i.category == "road")
        .expect("road");
    let gate_outcome = gate_item.outcome.clone().expect("gate voted");
    let road_outcome = road_item.outcome.clone().expect("road voted");
    assert_ne!(gate_outcome, road_outcome, "the demo has one of each");
    let by = |cat: &str, o: &str| ids(&store, &f(wc, None, None, None, Some(cat), Some(o), None));
    assert_eq!(by("gate", &gate_outcome), vec![a.gate]);
    assert_eq!(by("gate", &road_outcome), Vec::<MeetingId>::new());
    assert_eq!(by("road", &road_outcome), vec![a.gate]);
    assert_eq!(by("road", &gate_outcome), Vec::<MeetingId>::new());

    // The command line gives the same answers.
    let db = arg(&a.path);
    let list = |extra: &[&str]| -> Vec<MeetingId> {
        let mut args = vec!["--db", db.as_str(), "minutes", "list", "--json"];
        args.extend_from_slice(extra);
        let (code, out, err) = yishi(&args);
        assert_eq!(code, 0, "{out}{err}");
        let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
        let mut v: Vec<MeetingId> = rows
            .as_array()
            .expect("array")
            .iter()
            .map(|r| MeetingId(r["id"].as_i64().expect("id")))
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(list(&[]), vec![a.gate, a.elevator, a.parking, a.shigu]);
    assert_eq!(
        list(&["--community", demo::COMMUNITY, "--search", "门"]),
        vec![a.gate]
    );
    assert_eq!(
        list(&[
            "--community",
            demo::COMMUNITY,
            "--since",
            "2026-06-01",
            "--until",
            "2026-12-31",
            "--kind",
            "owners_assembly",
            "--search",
            "停车管理公约"
        ]),
        vec![a.parking]
    );
    assert_eq!(
        list(&["--since", "2026-07-01", "--until", "2026-08-31"]),
        vec![a.elevator, a.shigu]
    );
    assert_eq!(
        list(&["--kind", "residents_council", "--search", "电梯"]),
        vec![a.elevator]
    );
    assert_eq!(list(&["--search", "lift"]), vec![a.elevator]);
    assert!(list(&["--search", "梯电"]).is_empty());
    assert!(list(&["--community", SHIGU, "--search", "电梯"]).is_empty());
    // The rows carry what a script needs.
    let (_, out, _) = yishi(&[
        "--db",
        &db,
        "minutes",
        "list",
        "--json",
        "--community",
        SHIGU,
    ]);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows[0]["community"], SHIGU);
    assert_eq!(rows[0]["kind"], "owners_assembly");
    assert_eq!(rows[0]["items"][0]["category"], "gate");
    // Bad filters are bad input.
    let (code, _, _) = yishi(&["--db", &db, "minutes", "list", "--since", "July"]);
    assert_eq!(code, 2);
    let (code, _, _) = yishi(&["--db", &db, "minutes", "list", "--kind", "picnic"]);
    assert_eq!(code, 2);
}
