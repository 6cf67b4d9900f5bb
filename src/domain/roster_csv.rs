//! Reading a roster CSV (pure: bytes in, rows or the first bad line out).
//!
//! Header (column order free, names in English or Chinese):
//! `label,building,unit,area,owner,kind,roles,phone,council,council_role`
//! One row per unit with the voter who holds it; rows with the same owner belong to one
//! voter (one owner of several units). `kind`: person (default), coowners, developer,
//! member. A row with an empty label is a voter without a unit (a council member).
//! `area` is in m² with at most two decimals, read exactly into hundredths.

use std::collections::{HashMap, HashSet};

use crate::domain::model::{CouncilKind, VoterKind};
use crate::domain::text::{self, names};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    pub line: usize,
    pub label: String,
    pub building: String,
    pub unit: String,
    pub area_centi: i64,
    pub owner: String,
    pub kind: VoterKind,
    pub roles: String,
    pub phone: String,
    pub council: Option<CouncilKind>,
    pub council_role: String,
}

/// A refused file: the line (1-based, the header is line 1) and why, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub en: String,
    pub zh: String,
}

impl CsvError {
    fn new(line: usize, en: impl Into<String>, zh: impl Into<String>) -> CsvError {
        CsvError {
            line,
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// The largest area we accept for one unit: 100,000 m² (anything larger is a typo).
pub const MAX_AREA_CENTI: i64 = 10_000_000;

const COLUMNS: &[(&str, &[&str])] = &[
    ("label", &["label", "房号", "单元号", "房屋"]),
    ("building", &["building", "楼栋", "栋"]),
    ("unit", &["unit", "单元"]),
    ("area", &["area", "面积"]),
    ("owner", &["owner", "业主", "姓名", "name"]),
    ("kind", &["kind", "类型"]),
    ("roles", &["roles", "身份", "角色"]),
    ("phone", &["phone", "电话"]),
    ("council", &["council", "组织"]),
    ("council_role", &["council_role", "职务"]),
];

/// Parse "85.3" / "85.30" / "120" into hundredths of m², exactly.
pub fn parse_area(s: &str) -> Option<i64> {
    let s = s.trim();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() || int.len() > 9 || frac.len() > 2 {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let mut cents: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    if frac.len() == 1 {
        cents *= 10;
    }
    Some(whole * 100 + cents)
}

fn parse_kind(s: &str) -> Option<VoterKind> {
    match s.trim() {
        "" | "person" | "个人" | "业主" => Some(VoterKind::Person),
        "coowners" | "共有" | "共有人" => Some(VoterKind::Coowners),
        "developer" | "开发商" | "建设单位" => Some(VoterKind::Developer),
        "member" | "成员" | "代表" => Some(VoterKind::Member),
        _ => None,
    }
}

fn parse_council(s: &str) -> Option<Option<CouncilKind>> {
    match s.trim() {
        "" => Some(None),
        "residents_council" | "居民议事会" | "议事会" => {
            Some(Some(CouncilKind::ResidentsCouncil))
        }
        "owners_committee" | "业委会" | "业主委员会" => {
            Some(Some(CouncilKind::OwnersCommittee))
        }
        "party_branch" | "党支部" => Some(Some(CouncilKind::PartyBranch)),
        "supervisory" | "监督委员会" | "监委会" => Some(Some(CouncilKind::Supervisory)),
        _ => None,
    }
}

/// Parse a whole file. Nothing is returned unless every row is good.
pub fn parse(bytes: &[u8]) -> Result<Vec<RosterRow>, CsvError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    utf8(bytes)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let headers = rdr
        .headers()
        .map_err(|e| {
            CsvError::new(
                1,
                format!("cannot read the header: {e}"),
                format!("无法读取表头：{e}"),
            )
        })?
        .clone();
    let idx = column_index(&headers)?;
    let mut rows = Vec::new();
    let mut seen = Seen::default();
    for (n, rec) in rdr.records().enumerate() {
        let line = n + 2;
        let rec = rec.map_err(|e| {
            CsvError::new(
                line,
                format!("cannot be read: {e}"),
                format!("无法读取：{e}"),
            )
        })?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cells = clean_cells(line, &rec, &headers, &idx)?;
        rows.push(row(line, &cells, &idx, &mut seen)?);
    }
    if rows.is_empty() {
        return Err(CsvError::new(2, "no rows to import", "没有可导入的行"));
    }
    Ok(rows)
}

/// Refuse text that is not UTF-8, naming the line of the first bad byte.
fn utf8(bytes: &[u8]) -> Result<(), CsvError> {
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        return Err(CsvError::new(
            line,
            "is not UTF-8 text (perhaps GBK); save the file as UTF-8 and import again",
            "不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后再导入",
        ));
    }
    Ok(())
}

/// Where each known column is (by any of its names), the required ones checked.
fn column_index(headers: &csv::StringRecord) -> Result<HashMap<&'static str, usize>, CsvError> {
    let mut idx: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().to_lowercase();
        if let Some((name, _)) = COLUMNS
            .iter()
            .find(|(_, alias)| alias.contains(&h.as_str()))
        {
            idx.insert(name, i);
        }
    }
    for need in ["label", "area", "owner"] {
        if !idx.contains_key(need) {
            return Err(CsvError::new(
                1,
                format!("the header has no '{need}' column (needed: label, area, owner)"),
                format!("表头缺少“{need}”列（必需：label、area、owner）"),
            ));
        }
    }
    Ok(idx)
}

/// A row's cells trimmed and in one spelling (NFC), once every cell is known safe and
/// within its column's length.
fn clean_cells(
    line: usize,
    rec: &csv::StringRecord,
    headers: &csv::StringRecord,
    idx: &HashMap<&'static str, usize>,
) -> Result<Vec<String>, CsvError> {
    if rec.len() < headers.len() {
        return Err(CsvError::new(
            line,
            format!(
                "has {} columns, the header has {}",
                rec.len(),
                headers.len()
            ),
            format!("只有 {} 列，表头有 {} 列", rec.len(), headers.len()),
        ));
    }
    for cell in rec.iter() {
        if text::has_unsafe(cell) && !names::has_hidden(cell) {
            return Err(CsvError::new(
                line,
                "contains control characters or escape sequences",
                "含有控制字符或转义序列",
            ));
        }
    }
    // One spelling of every cell (NFC), so two spellings of a name are one voter.
    let cells: Vec<String> = rec.iter().map(|c| names::nfc(c.trim())).collect();
    for (i, cell) in cells.iter().enumerate() {
        let column = headers.get(i).unwrap_or("").trim();
        let max = match idx.iter().find(|&(_, &j)| j == i).map(|(n, _)| *n) {
            Some("owner") => names::MAX_NAME_CHARS,
            Some("label") => names::MAX_LABEL_CHARS,
            _ => usize::MAX,
        };
        names::check_cell(cell, max, column, column)
            .map_err(|p| CsvError::new(line, p.en, p.zh))?;
    }
    Ok(cells)
}

/// What earlier rows said: the units taken, and each owner's kind.
#[derive(Default)]
struct Seen {
    labels: HashSet<String>,
    owner_kind: HashMap<String, VoterKind>,
}

/// One row read from its clean cells, against what earlier rows said.
fn row(
    line: usize,
    cells: &[String],
    idx: &HashMap<&'static str, usize>,
    seen: &mut Seen,
) -> Result<RosterRow, CsvError> {
    let get = |name: &str| {
        idx.get(name)
            .and_then(|&i| cells.get(i))
            .map_or("", |c| c.as_str())
    };
    let owner = get("owner").to_string();
    if owner.is_empty() {
        return Err(CsvError::new(line, "has no owner name", "缺少业主姓名"));
    }
    let kind = parse_kind(get("kind")).ok_or_else(|| {
        CsvError::new(
            line,
            format!(
                "has an unknown kind '{}' (person, coowners, developer, member)",
                get("kind")
            ),
            format!("类型“{}”无法识别（个人、共有、开发商、成员）", get("kind")),
        )
    })?;
    if let Some(prev) = seen.owner_kind.insert(owner.clone(), kind)
        && prev != kind
    {
        return Err(CsvError::new(
            line,
            format!("gives {owner} another kind than an earlier row"),
            format!("{owner} 的类型与前面的行不一致"),
        ));
    }
    let label = get("label").to_string();
    let area_centi = row_area(line, &label, get("area"))?;
    if !label.is_empty() && !seen.labels.insert(label.clone()) {
        return Err(CsvError::new(
            line,
            format!("repeats the unit {label}"),
            format!("房号 {label} 重复"),
        ));
    }
    let council = parse_council(get("council")).ok_or_else(|| {
        CsvError::new(
            line,
            format!("has an unknown council '{}'", get("council")),
            format!("组织“{}”无法识别", get("council")),
        )
    })?;
    Ok(RosterRow {
        line,
        label,
        building: get("building").to_string(),
        unit: get("unit").to_string(),
        area_centi,
        owner,
        kind,
        roles: get("roles").to_string(),
        phone: get("phone").to_string(),
        council,
        council_role: get("council_role").to_string(),
    })
}

/// A row's area in hundredths of m²: 0 for a voter without a unit and without an area.
fn row_area(line: usize, label: &str, area_text: &str) -> Result<i64, CsvError> {
    if label.is_empty() && area_text.is_empty() {
        return Ok(0);
    }
    let a = parse_area(area_text).ok_or_else(|| {
        CsvError::new(
            line,
            format!(
                "has an area '{area_text}' that is not a number of m² with at most two decimals"
            ),
            format!("面积“{area_text}”不是最多两位小数的平方米数"),
        )
    })?;
    if a > MAX_AREA_CENTI {
        return Err(CsvError::new(
            line,
            format!("has an absurd area {area_text} m²"),
            format!("面积 {area_text} 平方米不合理"),
        ));
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "label,building,unit,area,owner,kind\n1栋1单元101,1栋,1单元,85.3,黄小明,\n1栋1单元102,1栋,1单元,90,黄小明,\n";

    #[test]
    fn areas_are_exact_hundredths() {
        assert_eq!(parse_area("85.3"), Some(8530));
        assert_eq!(parse_area("85.30"), Some(8530));
        assert_eq!(parse_area("120"), Some(12000));
        assert_eq!(parse_area("0.05"), Some(5));
        assert_eq!(parse_area("-3"), None);
        assert_eq!(parse_area("1.234"), None);
        assert_eq!(parse_area("1e3"), None);
        assert_eq!(parse_area(""), None);
    }

    #[test]
    fn good_file_parses_with_bom() {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(GOOD.as_bytes());
        let rows = parse(&b).unwrap_or_else(|e| panic!("good file refused: {e:?}"));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].area_centi, 9000);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let cases = [
            (format!("{GOOD}1栋1单元103,1栋,1单元,-5,李四,\n"), 4),
            (format!("{GOOD}1栋1单元101,1栋,1单元,50,李四,\n"), 4),
            (format!("{GOOD}1栋1单元104,1栋,1单元,99999999,李四,\n"), 4),
            (format!("{GOOD}1栋1单元105,1栋\n"), 4),
            (
                format!("{GOOD}1栋1单元106,1栋,1单元,50,李\u{1b}[31m四,\n"),
                4,
            ),
            (format!("{GOOD}1栋1单元107,1栋,1单元,50,,\n"), 4),
            ("label,area\n1,2\n".to_string(), 1),
        ];
        for (csv, line) in cases {
            let err = parse(csv.as_bytes()).expect_err(&csv);
            assert_eq!(err.line, line, "{csv}: {err:?}");
        }
    }

    #[test]
    fn gbk_is_refused() {
        // "黄" in GBK is 0xBB 0xC6.
        let mut b = b"label,area,owner\n1,2,".to_vec();
        b.extend_from_slice(&[0xBB, 0xC6]);
        let err = parse(&b).expect_err("gbk");
        assert_eq!(err.line, 2);
        assert!(err.en.contains("UTF-8"));
    }

    #[test]
    fn item5_csv_refuses_invisible_characters_and_long_cells_with_the_line() {
        for c in [
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{2064}',
            '\u{FEFF}',
            '\u{E0041}',
        ] {
            let csv = format!("{GOOD}1栋1单元103,1栋,1单元,50,李娜{c},\n");
            let err = parse(csv.as_bytes()).expect_err("hidden character accepted");
            assert_eq!(err.line, 4, "{:X}: {err:?}", c as u32);
            assert!(err.en.contains("invisible"), "{err:?}");
        }
        let long = format!("{GOOD}1栋1单元103,1栋,1单元,50,{},\n", "李".repeat(101));
        let err = parse(long.as_bytes()).expect_err("101-character name accepted");
        assert_eq!(err.line, 4);
        assert!(err.en.contains("at most 100"), "{err:?}");
        let label = format!("{GOOD}{},1栋,1单元,50,李四,\n", "1".repeat(101));
        assert_eq!(parse(label.as_bytes()).expect_err("long label").line, 4);
        // Chinese, a middle dot and an accented name are kept.
        let ok = format!(
            "{GOOD}1栋1单元103,1栋,1单元,50,阿依古丽·买买提,\n1栋1单元104,1栋,1单元,50,José,\n"
        );
        assert_eq!(parse(ok.as_bytes()).expect("good names").len(), 4);
    }

    #[test]
    fn item5_two_spellings_of_one_name_are_one_voter() {
        // "José" precomposed and as "e" + combining acute: one owner, so the second
        // row's other kind is refused as a contradiction of the same voter.
        let csv = "label,area,owner,kind\n101,50,Jos\u{e9},person\n102,50,Jose\u{301},coowners\n";
        assert_eq!(
            parse(csv.as_bytes())
                .expect_err("one voter, two kinds")
                .line,
            3
        );
        let csv = "label,area,owner\n101,50,Jos\u{e9}\n102,50,Jose\u{301}\n";
        let rows = parse(csv.as_bytes()).expect("same voter");
        assert_eq!(rows[0].owner, rows[1].owner);
    }
}
