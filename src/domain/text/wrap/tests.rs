use super::*;
use proptest::prelude::*;

/// Closing punctuation a line must not start with (禁则), ASCII kin included.
const CLOSING: &str = "，。、；：？！）」』》】〕〉”’…,.;:?!)]";
/// Opening punctuation a line must not end with.
const OPENING: &str = "（「『《【〔〈“‘([";

/// The table: text, width, the lines a reader expects.
const TABLE: &[(&str, usize, &[&str])] = &[
    // Closing punctuation goes down with the character before it.
    ("同意，加装", 4, &["同", "意，", "加装"]),
    ("我们同意。", 8, &["我们同", "意。"]),
    ("甲乙）。", 6, &["甲", "乙）。"]),
    ("赞成；反对：弃权", 6, &["赞成；", "反对：", "弃权"]),
    ("可以吗？可以！", 6, &["可以", "吗？可", "以！"]),
    ("业主「甲」同意", 6, &["业主", "「甲」", "同意"]),
    // Opening punctuation stays with what follows it.
    ("（附件）说明", 4, &["（附", "件）", "说明"]),
    (
        "请看《议事规则》第三条",
        6,
        &["请看", "《议事", "规则》", "第三条"],
    ),
    ("项目【待定】", 8, &["项目【待", "定】"]),
    ("项目【待定】", 6, &["项目", "【待", "定】"]),
    // Plain Chinese breaks anywhere.
    ("加装电梯方案", 4, &["加装", "电梯", "方案"]),
    ("加装电梯方案", 5, &["加装", "电梯", "方案"]),
    // A number stays with its unit.
    ("建筑面积 98.60 m²，", 12, &["建筑面积", "98.60 m²，"]),
    ("共计98.60m²", 10, &["共计", "98.60m²"]),
    ("新增236个车位", 8, &["新增", "236个车", "位"]),
    ("费用：16万元。", 8, &["费用：", "16万元。"]),
    (
        "同意 36 人，反对 2 人。",
        8,
        &["同意", "36 人，", "反对", "2 人。"],
    ),
    ("面积占比 52.30%", 10, &["面积占比", "52.30%"]),
    (
        "Area 98.60 m² approved",
        10,
        &["Area", "98.60 m²", "approved"],
    ),
    // A separator is not left alone and does not start a line.
    ("小区大门 · 通过", 10, &["小区大门 ·", "通过"]),
    ("小区大门 · 通过", 9, &["小区大", "门 · 通过"]),
    ("甲·乙·丙", 3, &["甲·", "乙·", "丙"]),
    // Latin words break at spaces; dates and times stay whole.
    ("the quick brown fox", 10, &["the quick", "brown fox"]),
    ("abcdefghij", 4, &["abcd", "efgh", "ij"]),
    ("电梯 retrofit", 8, &["电梯", "retrofit"]),
    (
        "Meeting on 2024-05-01 at 19:30",
        12,
        &["Meeting on", "2024-05-01", "at 19:30"],
    ),
    (
        "按 Enter 确认，Esc 取消。",
        10,
        &["按 Enter", "确认，Esc", "取消。"],
    ),
    // Newlines and the smallest widths.
    ("", 10, &[""]),
    ("a\n\nb", 10, &["a", "", "b"]),
    ("abc", 0, &["a", "b", "c"]),
    ("电梯", 1, &["电", "梯"]),
    ("好，", 2, &["好", "，"]),
];

#[test]
fn the_line_breaking_table() {
    let mut wrong = Vec::new();
    for &(text, max, want) in TABLE {
        let got = wrap(text, max);
        if got != want {
            wrong.push(format!("{text:?} at {max}: got {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Texts the screens and exports really show, for the rules at every width.
const SAMPLES: &[&str] = &[
    "关于三栋二单元加装电梯的意见征询，请各位业主于本周五（5月10日）前，到党群服务中心签署《意见书》。",
    "本单元住户共 12 户，建筑面积合计 1,086.40 m²；同意 9 户，面积 815.20 m²，达到三分之二。",
    "小区大门 · 通过 · 同意 36 人 · 反对 2 人 · 弃权 1 人",
    "物业公司承担 160,000 元中的 60%，业委会承担其余部分：请审议！",
    "The owners of 3栋2单元 agreed: 9 of 12 (815.20 m²), “so the elevator goes ahead”.",
    "居民捐款18000元建设议事亭；新增236个停车位。",
];

fn starts_closing(line: &str) -> bool {
    line.chars().next().is_some_and(|c| CLOSING.contains(c))
}

fn ends_opening(line: &str) -> bool {
    line.chars().last().is_some_and(|c| OPENING.contains(c))
}

#[test]
fn no_line_breaks_a_rule_at_any_width() {
    // From 13 columns up every glued group ("1,086.40 m²；") fits on a line.
    for text in SAMPLES {
        for max in 13..=40 {
            let lines = wrap(text, max);
            for (n, l) in lines.iter().enumerate() {
                let at = format!("{text:?} at {max}, line {n} {l:?} of {lines:?}");
                assert!(width(l) <= max, "too wide: {at}");
                assert!(!starts_closing(l), "starts with closing punctuation: {at}");
                assert!(!ends_opening(l), "ends with opening punctuation: {at}");
                assert!(!l.starts_with('²') && !l.ends_with(" m"), "m² split: {at}");
                assert!(!l.starts_with('·') && l.trim() != "·", "· alone: {at}");
                assert!(!l.starts_with("m²"), "a unit without its number: {at}");
            }
            let joined: String = lines.concat();
            assert_eq!(
                strip_breaks(&joined),
                strip_breaks(text),
                "lost text at {max}"
            );
        }
    }
}

fn strip_breaks(s: &str) -> String {
    s.chars()
        .filter(|&c| c != ' ' && c != '\n' && c != WJ)
        .collect()
}

#[test]
fn wrap_chinese_keeps_every_character() {
    let s = "关于三栋二单元加装电梯的意见征询会议";
    for max in 1..12 {
        let lines = wrap(s, max);
        for l in &lines {
            assert!(width(l) <= max.max(2), "{l:?} > {max}");
        }
        assert_eq!(lines.concat(), s);
    }
}

#[test]
fn wrap_mixed_fits() {
    let s = "会议 meeting 关于 elevator retrofit 的表决";
    let lines = wrap(s, 10);
    for l in &lines {
        assert!(width(l) <= 10, "{l:?}");
    }
    assert_eq!(strip_breaks(&lines.concat()), strip_breaks(s));
}

fn mixed_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just(' '),
            Just('\n'),
            Just('，'),
            Just('。'),
            Just('」'),
            Just('·'),
            Just('²'),
            proptest::char::range('0', '9'),
            proptest::char::range('a', 'z'),
            proptest::char::range('一', '龥'),
            any::<char>(),
        ],
        0..80,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn check_wrap(s: &str, max: usize) -> Result<(), TestCaseError> {
    let lines = wrap(s, max);
    prop_assert!(!lines.is_empty());
    prop_assert_eq!(lines.len() >= s.split('\n').count(), true);
    for l in &lines {
        prop_assert!(!l.contains('\n'));
        prop_assert!(!l.contains(WJ));
        prop_assert!(
            width(l) <= max || l.chars().count() == 1,
            "line {:?} width {} > {}",
            l,
            width(l),
            max
        );
    }
    prop_assert_eq!(strip_breaks(&lines.concat()), strip_breaks(s));
    Ok(())
}

proptest! {
    #[test]
    fn wrap_any_string(s in any::<String>(), max in 1usize..40) {
        check_wrap(&s, max)?;
    }

    #[test]
    fn wrap_mixed_text(s in mixed_text(), max in 1usize..40) {
        check_wrap(&s, max)?;
    }
}

/// A long text is wrapped once and then taken from the cache: the same lines, at
/// each width asked.
#[test]
fn a_long_text_wraps_the_same_from_the_cache() {
    let para = "关于三栋二单元加装电梯的意见征询，请各位业主于本周五（5月10日）前签署。".repeat(30);
    let text = std::iter::repeat_n(para.as_str(), 40)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.len() > LONG);
    for max in [60, 60, 37, 60] {
        assert_eq!(wrap(&text, max), wrap_uncached(&text, max), "at {max}");
    }
    let mut other = text.clone();
    other.push('末');
    assert_eq!(wrap(&other, 60), wrap_uncached(&other, 60));
}
