//! The agreement (调解协议书), rendered from the case like minutes: the same records give
//! the same bytes, so `verify` can render it again and compare with what was signed.
//!
//! Its layout is versioned: [`AgreementFormat::V1`] is frozen once released. Its words
//! are [`V1_WORDS`] here, not the screens' strings, because they are part of what is
//! signed (a change to a screen's wording must never break a signature). The agreement is
//! in Chinese: it is the legal document the parties signed on paper.

use crate::domain::mediation::{CaseKind, CaseRecord, Party};
use crate::domain::text::{clean_line, clean_multiline};

/// The layout an agreement was rendered in (stored with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementFormat {
    V1,
}

impl AgreementFormat {
    pub const CURRENT: AgreementFormat = AgreementFormat::V1;

    pub fn as_db(self) -> i64 {
        match self {
            AgreementFormat::V1 => 1,
        }
    }

    pub fn from_db(n: i64) -> Option<AgreementFormat> {
        match n {
            1 => Some(AgreementFormat::V1),
            _ => None,
        }
    }
}

/// The fixed words of one format.
pub struct AgreementWords {
    pub title: &'static str,
    /// "{community}人民调解委员会" follows the community's name.
    pub committee: &'static str,
    pub number_before: &'static str,
    pub number_after: &'static str,
    pub parties: &'static str,
    pub on_roster: &'static str,
    pub outsider: &'static str,
    pub party_labels: [&'static str; 10],
    pub party_n: &'static str,
    pub side: &'static str,
    pub kind: &'static str,
    pub kinds: [&'static str; 6],
    pub facts: &'static str,
    pub issue: &'static str,
    pub agreed: &'static str,
    pub how: &'static str,
    pub due: &'static str,
    pub due_after: &'static str,
    pub effect: &'static str,
    pub copies: &'static str,
    pub paper: &'static str,
    pub mediators: &'static str,
    pub list_sep: &'static str,
    pub colon: &'static str,
    pub stop: &'static str,
}

/// Format 1's words (frozen with it).
pub const V1_WORDS: AgreementWords = AgreementWords {
    title: "人民调解协议书",
    committee: "人民调解委员会",
    number_before: "调字第",
    number_after: "号",
    parties: "当事人",
    on_roster: "业主名册内",
    outsider: "业主名册外",
    party_labels: ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"],
    party_n: "当事人",
    side: "方",
    kind: "纠纷类别",
    kinds: ["漏水", "噪音", "停车", "家庭", "邻里", "其他"],
    facts: "纠纷主要事实",
    issue: "争议事项",
    agreed: "经调解，各方当事人自愿达成如下协议：",
    how: "履行方式",
    due: "履行期限",
    due_after: "前",
    effect: "本协议自各方当事人签名、调解员签名之日起生效（《中华人民共和国人民调解法》第二十九条）。",
    copies: "本协议书一式若干份，当事人各执一份，人民调解委员会留存一份。",
    paper: "当事人签名（见纸质协议书）",
    mediators: "调解员",
    list_sep: "、",
    colon: "：",
    stop: "。",
};

impl AgreementFormat {
    pub fn words(self) -> &'static AgreementWords {
        match self {
            AgreementFormat::V1 => &V1_WORDS,
        }
    }
}

/// 1 → 一, 12 → 十二, 35 → 三十五 (up to 99; beyond, the digits).
pub fn chinese_number(n: i64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10..=99 => {
            let (t, u) = ((n / 10) as usize, (n % 10) as usize);
            let tens = if t == 1 {
                "十".to_string()
            } else {
                format!("{}十", D[t])
            };
            if u == 0 {
                tens
            } else {
                format!("{tens}{}", D[u])
            }
        }
        _ => n.to_string(),
    }
}

/// 甲方, 乙方 … for parties 1–10, then 当事人11.
pub fn party_label(w: &AgreementWords, seq: i64) -> String {
    match usize::try_from(seq - 1)
        .ok()
        .and_then(|i| w.party_labels.get(i))
    {
        Some(l) => format!("{l}{}", w.side),
        None => format!("{}{seq}", w.party_n),
    }
}

pub fn kind_word(w: &AgreementWords, k: CaseKind) -> &'static str {
    let i = CaseKind::ALL.iter().position(|&x| x == k).unwrap_or(5);
    w.kinds[i]
}

fn party_line(w: &AgreementWords, p: &Party) -> String {
    let mut detail: Vec<String> = p.units.iter().map(|u| clean_line(u)).collect();
    detail.push(if p.on_roster { w.on_roster } else { w.outsider }.to_string());
    format!(
        "{}{}{}（{}）",
        party_label(w, p.seq),
        w.colon,
        clean_line(&p.name),
        detail.join("，")
    )
}

/// Text of several lines, each line indented the same (so a line of the facts can never
/// look like a heading of the agreement).
fn block(text: &str, out: &mut String) {
    for line in clean_multiline(text).trim().lines() {
        out.push_str("  ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// The agreement as signed: every part from the case, nothing from the clock.
pub fn render(c: &CaseRecord, format: AgreementFormat) -> String {
    let w = format.words();
    let mut s = String::new();
    s.push_str(w.title);
    s.push('\n');
    s.push_str(&format!(
        "{}{}　{}{}{}\n\n",
        clean_line(&c.community),
        w.committee,
        w.number_before,
        c.number,
        w.number_after
    ));
    s.push_str(w.parties);
    s.push_str(w.colon);
    s.push('\n');
    for p in &c.parties {
        s.push_str("  ");
        s.push_str(&party_line(w, p));
        s.push('\n');
    }
    s.push('\n');
    s.push_str(&format!("{}{}{}\n", w.kind, w.colon, kind_word(w, c.kind)));
    s.push_str(w.facts);
    s.push_str(w.colon);
    s.push('\n');
    block(&c.facts, &mut s);
    s.push_str(w.issue);
    s.push_str(w.colon);
    s.push('\n');
    block(&c.issue, &mut s);
    s.push('\n');
    s.push_str(w.agreed);
    s.push('\n');
    terms(w, c, &mut s);
    s.push('\n');
    s.push_str(w.effect);
    s.push('\n');
    s.push_str(w.copies);
    s.push_str("\n\n");
    s.push_str(w.paper);
    s.push_str(w.colon);
    s.push('\n');
    paper_signatures(w, c, &mut s);
    s.push('\n');
    let names: Vec<String> = c.mediators.iter().map(|m| clean_line(m)).collect();
    s.push_str(&format!(
        "{}{}{}\n",
        w.mediators,
        w.colon,
        names.join(w.list_sep)
    ));
    s
}

/// Each party's duties as agreed, numbered in Chinese: what, how and by when.
fn terms(w: &AgreementWords, c: &CaseRecord, s: &mut String) {
    for (i, t) in c.terms.iter().enumerate() {
        let who = c
            .parties
            .iter()
            .find(|p| p.seq == t.party)
            .map(|p| format!("{}{}", party_label(w, p.seq), clean_line(&p.name)))
            .unwrap_or_default();
        s.push_str(&format!(
            "{}{}{}{}{}",
            chinese_number(i as i64 + 1),
            w.list_sep,
            who,
            w.colon,
            clean_line(&t.duty).trim()
        ));
        s.push_str(w.stop);
        let how = clean_line(&t.how);
        if !how.trim().is_empty() {
            s.push_str(&format!("{}{}{}{}", w.how, w.colon, how.trim(), w.stop));
        }
        s.push_str(&format!(
            "{}{}{}{}{}\n",
            w.due, w.colon, t.due_on, w.due_after, w.stop
        ));
    }
}

/// The line of each party's signature on paper, with the date it was signed.
fn paper_signatures(w: &AgreementWords, c: &CaseRecord, s: &mut String) {
    for p in &c.parties {
        let on = c
            .paper
            .iter()
            .find(|x| x.party == p.seq)
            .map(|x| x.signed_on.as_str())
            .unwrap_or("");
        s.push_str(&format!(
            "  {} {}　{}\n",
            party_label(w, p.seq),
            clean_line(&p.name),
            on
        ));
    }
}

/// The bytes an addendum's signature covers: the case, the addendum's number and time,
/// then its text (after one empty line).
pub fn addendum_bytes(case_uid: &str, id: i64, at: &str, text: &str) -> Vec<u8> {
    format!("yishi-agreement-addendum-v1\ncase={case_uid}\naddendum={id}\nat={at}\n\n{text}")
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mediation::tests::sample;

    #[test]
    fn v1_layout_is_exact() {
        let expected = "人民调解协议书\n\
望城小区人民调解委员会　调字第1号\n\n\
当事人：\n  甲方：王建国（5栋1单元601，业主名册内）\n  乙方：刘桂兰（5栋1单元501，业主名册外）\n\n\
纠纷类别：漏水\n纠纷主要事实：\n  601卫生间漏水至501顶棚。\n争议事项：\n  维修责任与赔偿。\n\n\
经调解，各方当事人自愿达成如下协议：\n\
一、甲方王建国：重做防水层。履行方式：请专业公司施工。履行期限：2026-06-30前。\n\n\
本协议自各方当事人签名、调解员签名之日起生效（《中华人民共和国人民调解法》第二十九条）。\n\
本协议书一式若干份，当事人各执一份，人民调解委员会留存一份。\n\n\
当事人签名（见纸质协议书）：\n  甲方 王建国　2026-05-20\n  乙方 刘桂兰　2026-05-20\n\n\
调解员：李秀英\n";
        assert_eq!(render(&sample(), AgreementFormat::V1), expected);
    }

    #[test]
    fn same_record_same_bytes_and_facts_change_the_text() {
        let a = render(&sample(), AgreementFormat::CURRENT);
        assert_eq!(a, render(&sample(), AgreementFormat::CURRENT));
        let mut c = sample();
        c.facts.push('！');
        assert_ne!(a, render(&c, AgreementFormat::CURRENT));
    }

    #[test]
    fn control_characters_and_heading_lookalikes_are_neutralised() {
        let mut c = sample();
        c.facts = "第一行\n调解员：假冒\n\u{1b}[31m红\u{202e}".into();
        c.parties[0].name = "王\u{7}建国".into();
        let t = render(&c, AgreementFormat::V1);
        assert!(!t.contains('\u{1b}') && !t.contains('\u{202e}') && !t.contains('\u{7}'));
        // The facts' lines are indented: only the real mediators line starts the line.
        assert_eq!(t.lines().filter(|l| l.starts_with("调解员：")).count(), 1);
    }

    #[test]
    fn numbers_and_labels_at_their_boundaries() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(9), "九");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(11), "十一");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(99), "九十九");
        assert_eq!(chinese_number(100), "100");
        assert_eq!(party_label(&V1_WORDS, 1), "甲方");
        assert_eq!(party_label(&V1_WORDS, 10), "癸方");
        assert_eq!(party_label(&V1_WORDS, 11), "当事人11");
        assert_eq!(party_label(&V1_WORDS, 0), "当事人0");
        assert_eq!(AgreementFormat::from_db(1), Some(AgreementFormat::V1));
        assert_eq!(AgreementFormat::from_db(2), None);
        for k in CaseKind::ALL {
            assert!(!kind_word(&V1_WORDS, k).is_empty());
        }
    }

    #[test]
    fn addendum_bytes_layout() {
        assert_eq!(
            addendum_bytes("c-1", 2, "2026-06-01T10:00:00+08:00", "更正"),
            "yishi-agreement-addendum-v1\ncase=c-1\naddendum=2\nat=2026-06-01T10:00:00+08:00\n\n更正"
                .as_bytes()
        );
    }
}
