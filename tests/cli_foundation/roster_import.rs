//! `roster import`: all or nothing, the bad row named.

use super::support::*;

// ---------------------------------------------------------------------------------------
// roster import

#[test]
fn a_good_csv_imports_and_counts_voters_not_units() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("r.db");
    let csv = dir.path().join("good.csv");
    // A BOM from a spreadsheet is fine.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(format!("{HEADER}{GOOD_ROWS}").as_bytes());
    fs::write(&csv, bytes).unwrap();
    let o = yishi(
        dir.path(),
        &db,
        &[
            "roster",
            "import",
            csv.to_str().unwrap(),
            "--community",
            "望城小区",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("望城小区"), "{}", stdout(&o));

    let c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(*) FROM units"), 6);
    assert_eq!(
        one("SELECT count(*) FROM voters"),
        4,
        "6 units, 4 voters: one owner of two units and the developer count once"
    );
    let voter = |name: &str| -> (String, i64, i64) {
        c.query_row(
            "SELECT v.kind, count(h.unit_id), coalesce(sum(u.area_centi), 0) FROM voters v
             LEFT JOIN holdings h ON h.voter_id = v.id LEFT JOIN units u ON u.id = h.unit_id
             WHERE v.name = ?1 GROUP BY v.id",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    };
    assert_eq!(voter("黄小明"), ("person".into(), 2, 9000 + 10245));
    assert_eq!(voter("张伟、李娜"), ("coowners".into(), 1, 8800));
    assert_eq!(
        voter("衡阳华景置业有限公司"),
        ("developer".into(), 2, 12010 + 12020)
    );
    assert_eq!(voter("王一"), ("person".into(), 1, 8530));
    // Roster order follows the file.
    let first: String = c
        .query_row(
            "SELECT name FROM voters ORDER BY position LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(first, "王一");
}

#[test]
fn one_bad_row_among_good_ones_imports_nothing() {
    let dir = TempDir::new().unwrap();
    let db = populated(dir.path());
    let good_line = "3栋2单元701,3栋,2单元,99.99,新业主,,,\n";
    // (description, the bad row, the expected line: header 1, GOOD_ROWS 2..=7,
    // the good line 8, the bad row 9, and a good row after it)
    let mut gbk_row = b"3stack,3,2,80,".to_vec();
    gbk_row.extend_from_slice(&[0xBB, 0xC6, 0xD0, 0xA1, 0xC3, 0xF7]); // 黄小明 in GBK
    gbk_row.extend_from_slice(b",,,\n");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "negative area",
            "3栋2单元702,3栋,2单元,-80.5,负面积,,,\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "duplicate unit",
            "3栋2单元101,3栋,2单元,70,李重复,,,\n".as_bytes().to_vec(),
        ),
        (
            "missing columns",
            "3栋2单元801,3栋,2单元\n".as_bytes().to_vec(),
        ),
        ("GBK bytes", gbk_row),
        (
            "ESC in a name",
            "3栋2单元901,3栋,2单元,70,李\u{1b}[31m四,,,\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "area with three decimals",
            "3栋2单元902,3栋,2单元,70.123,李五,,,\n".as_bytes().to_vec(),
        ),
        (
            "unknown kind",
            "3栋2单元903,3栋,2单元,70,李六,tenant,,\n"
                .as_bytes()
                .to_vec(),
        ),
    ];
    for (what, bad) in cases {
        let mut bytes = format!("{HEADER}{GOOD_ROWS}{good_line}").into_bytes();
        bytes.extend_from_slice(&bad);
        bytes.extend_from_slice("3栋2单元904,3栋,2单元,66,后来者,,,\n".as_bytes());
        let csv = dir.path().join("bad.csv");
        fs::write(&csv, &bytes).unwrap();
        let before_counts = counts(&db);
        let before = fs::read(&db).unwrap();
        let o = yishi(
            dir.path(),
            &db,
            &[
                "--lang",
                "en",
                "roster",
                "import",
                csv.to_str().unwrap(),
                "--community",
                "新小区",
            ],
        );
        assert_refused(&o, what);
        let err = stderr(&o);
        assert!(err.contains("line 9"), "{what}: names line 9: {err}");
        assert!(
            err.contains("nothing"),
            "{what}: says nothing was imported: {err}"
        );
        assert_eq!(counts(&db), before_counts, "{what}: database changed");
        assert!(
            fs::read(&db).unwrap() == before,
            "{what}: file bytes changed"
        );
    }
}

#[test]
fn bad_row_message_in_chinese_names_the_row() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("zh.db");
    let csv = dir.path().join("bad.csv");
    fs::write(
        &csv,
        format!("{HEADER}{GOOD_ROWS}3栋2单元701,3栋,2单元,-1,坏行,,,\n"),
    )
    .unwrap();
    let o = yishi(
        dir.path(),
        &db,
        &[
            "--lang",
            "zh",
            "roster",
            "import",
            csv.to_str().unwrap(),
            "--community",
            "望城小区",
        ],
    );
    assert_refused(&o, "zh bad row");
    assert!(stderr(&o).contains("第 8 行"), "{}", stderr(&o));
}

#[test]
fn a_row_the_database_refuses_rolls_back_the_whole_file() {
    // Every row parses, but one unit is already in this community's roster: the store
    // refuses it inside the one transaction, so the good rows before it are not kept.
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("r.db");
    let first = dir.path().join("first.csv");
    fs::write(&first, format!("{HEADER}{GOOD_ROWS}")).unwrap();
    let args = |f: &Path| -> Vec<String> {
        vec![
            "roster".into(),
            "import".into(),
            f.display().to_string(),
            "--community".into(),
            "望城小区".into(),
        ]
    };
    let run = |f: &Path| {
        let a = args(f);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        yishi(dir.path(), &db, &a)
    };
    assert_eq!(run(&first).status.code(), Some(0));
    let second = dir.path().join("second.csv");
    fs::write(
        &second,
        format!(
            "{HEADER}1栋1单元101,1栋,1单元,70,新一,,,\n1栋1单元102,1栋,1单元,70,新二,,,\n3栋2单元301,3栋,2单元,70,新三,,,\n"
        ),
    )
    .unwrap();
    let before_counts = counts(&db);
    let before = fs::read(&db).unwrap();
    let o = run(&second);
    assert_refused(&o, "unit already in the roster");
    let err = stderr(&o);
    assert!(
        err.contains("Line 4") || err.contains("line 4"),
        "names line 4: {err}"
    );
    assert!(err.contains("3栋2单元301"), "names the unit: {err}");
    assert_eq!(counts(&db), before_counts, "database changed");
    assert!(fs::read(&db).unwrap() == before, "file bytes changed");
}

#[test]
fn roster_import_of_a_missing_file_or_empty_community_is_bad_input() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("r.db");
    let o = yishi(
        dir.path(),
        &db,
        &["roster", "import", "no-such.csv", "--community", "X"],
    );
    assert_refused(&o, "missing CSV");
    let csv = dir.path().join("good.csv");
    fs::write(&csv, format!("{HEADER}{GOOD_ROWS}")).unwrap();
    let o = yishi(
        dir.path(),
        &db,
        &[
            "roster",
            "import",
            csv.to_str().unwrap(),
            "--community",
            "  ",
        ],
    );
    assert_refused(&o, "blank community");
    let o = yishi(
        dir.path(),
        &db,
        &["roster", "import", csv.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "--community is required");
}
