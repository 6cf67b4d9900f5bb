//! The paper a host needs (PRODUCT.md "Paper the host needs"): the meeting notice, the
//! sign-in sheet, the proxy form, the ballots of a written consultation and the results
//! notice, each a printable A4 HTML page in the meeting's language. Print CSS only: no
//! script, no remote resource (fonts are the reader's own), every piece of data escaped.

pub mod ballots;
pub mod extension;
pub mod notice;
pub mod results;

use crate::domain::lang::Lang;
use crate::domain::minutes::markup::html_escape;
use crate::domain::model::{Scope, ScopeKind};
use crate::domain::rules::RuleKind;
use crate::domain::rules::numbers::fmt_area;

/// One voter's ballot as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotSheet {
    /// The number with its check digit (printed grouped: 12-00037-4).
    pub number: String,
    pub name: String,
    pub units: Vec<String>,
    /// Hundredths of m² inside the consultation's scopes.
    pub area: i64,
    /// Positions of the items this voter answers (their scope holds the voter's units).
    pub items: Vec<i64>,
}

/// One line of the sign-in sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInRow {
    pub name: String,
    pub units: Vec<String>,
    /// None for a council member (area plays no part).
    pub area: Option<i64>,
}

/// Chinese or English, by the meeting's language.
pub(crate) fn w(l: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match l {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Escape a multi-line text: each line escaped, lines joined with <br>.
pub(crate) fn esc_lines(t: &str) -> String {
    t.lines()
        .map(html_escape)
        .collect::<Vec<_>>()
        .join("<br>\n")
}

pub(crate) fn esc(t: &str) -> String {
    html_escape(t)
}

pub(crate) fn area_text(l: Lang, centi: i64) -> String {
    format!("{} {}", fmt_area(centi), w(l, "平方米", "m²"))
}

/// Where an item's vote is counted, in words.
pub(crate) fn scope_text(l: Lang, s: &Scope) -> String {
    match s.kind {
        ScopeKind::All => w(l, "全体业主", "All owners").into(),
        ScopeKind::Council => w(l, "全体成员", "All members").into(),
        ScopeKind::Building => format!("{}{}", s.building, w(l, "全体业主", " (all owners)")),
        ScopeKind::Unit => format!(
            "{}{}{}",
            s.building,
            s.unit,
            w(l, "全体业主", " (all owners)")
        ),
    }
}

/// The legal basis printed on a results notice (指导规则 and the standard form cite the
/// article the rule applies).
pub(crate) fn legal_basis(l: Lang, rule: &RuleKind) -> &'static str {
    match rule {
        RuleKind::Art278Ordinary => w(
            l,
            "《中华人民共和国民法典》第二百七十八条第二款：应当由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意。",
            "Civil Code of the PRC, art. 278 para. 2: owners holding two thirds or more of the area and two thirds or more of the owners take part; approved by more than half of the participating area and more than half of the participating owners.",
        ),
        RuleKind::Art278Major => w(
            l,
            "《中华人民共和国民法典》第二百七十八条第一款第（六）项至第（八）项、第二款：参与表决人数和面积均占三分之二以上，并经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意。",
            "Civil Code of the PRC, art. 278 para. 1 items 6–8 and para. 2: two thirds or more take part by headcount and area; approved by three quarters or more of the participating area and owners.",
        ),
        RuleKind::Elevator { .. } => w(
            l,
            "《中华人民共和国民法典》第二百七十八条第一款第（八）项、第二款（改建、重建建筑物及其附属设施：加装电梯），以本单元业主计：参与表决人数和面积均占三分之二以上，并经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意。",
            "Civil Code of the PRC, art. 278 para. 1 item 8 and para. 2 (altering a building: elevator retrofit), counted over the owners of the unit: two thirds or more take part; approved by three quarters or more of the participating area and owners.",
        ),
        RuleKind::Committee => w(
            l,
            "业主委员会议事规则：过半数委员出席，经全体委员半数以上同意。",
            "The owners' committee's rules: more than half of the members present; approved by half or more of all members.",
        ),
        RuleKind::ResidentsMeeting => w(
            l,
            "《中华人民共和国城市居民委员会组织法》：过半数出席，经出席人员过半数同意。",
            "Organic Law of Urban Residents' Committees: more than half present; approved by more than half of those present.",
        ),
        RuleKind::RobertMajority | RuleKind::RobertTwoThirds => w(
            l,
            "议事规则（罗伯特议事规则）。",
            "Robert's Rules of Order.",
        ),
        RuleKind::Custom(_) => w(l, "本社区议事规则。", "The community's own rules."),
        RuleKind::NoVote => "",
    }
}

/// A whole page: A4 print CSS, no script, the meeting's language.
pub(crate) fn page(l: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang = if l == Lang::Zh { "zh-CN" } else { "en" },
        title = esc(title),
    )
}

const CSS: &str = "@page { size: A4; margin: 16mm 15mm; }
html { font-family: \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif; font-size: 11pt; color: #000; }
body { margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8pt; }
h2 { font-size: 12.5pt; margin: 10pt 0 4pt; }
p { margin: 3pt 0; line-height: 1.45; }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.item { break-inside: avoid; page-break-inside: avoid; border: 1px solid #000; padding: 5pt 7pt; margin: 6pt 0; }
.proposal { margin: 3pt 0 5pt 0; line-height: 1.45; }
.number { font-size: 14pt; font-weight: bold; letter-spacing: 1pt; }
.boxes span { margin-right: 22pt; white-space: nowrap; }
.box { display: inline-block; width: 10pt; height: 10pt; border: 1px solid #000; vertical-align: -1pt; margin-right: 3pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 4pt 5pt; text-align: left; vertical-align: top; }
td.sign { width: 30%; height: 18pt; }
.line { display: inline-block; min-width: 45mm; border-bottom: 1px solid #000; }
.small { font-size: 9pt; }
";

#[cfg(test)]
pub(crate) mod tests;
