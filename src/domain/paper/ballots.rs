//! The ballots of a written consultation (表决票): one voter a page.

use crate::domain::lang::Lang;
use crate::domain::paper::{BallotSheet, area_text, esc, esc_lines, page, scope_text, w};
use crate::domain::record::MeetingRecord;
use crate::domain::written::ballot_number::grouped;

/// Every ballot, one voter a page: community, the voter's name, units and area, the
/// ballot number with its check digit, each item's title and full proposal text with the
/// boxes 同意 / 反对 / 弃权, the closing date, the signature line and the proxy's line.
pub fn ballots(rec: &MeetingRecord, sheets: &[BallotSheet], lang: Lang) -> String {
    let l = lang;
    let closes = rec
        .form
        .written
        .as_ref()
        .map(|x| x.deadline().to_string())
        .unwrap_or_default();
    let mut body = String::with_capacity(sheets.len() * 2048);
    for s in sheets {
        body.push_str(&sheet(rec, s, l));
        body.push_str(&sheet_footer(l, &closes));
        body.push_str("</section>\n");
    }
    page(
        l,
        &format!("{}{}", rec.title, w(l, " 表决票", " — ballots")),
        &body,
    )
}

/// One voter's page up to its items: the community and title, the ballot number, the
/// voter's name, units and area, and each item the voter answers with its boxes.
fn sheet(rec: &MeetingRecord, s: &BallotSheet, l: Lang) -> String {
    let mut body = String::new();
    body.push_str("<section class=\"sheet\">\n");
    body.push_str(&format!(
        "<h1>{}<br>{}</h1>\n",
        esc(&rec.community),
        esc(&format!("{}{}", rec.title, w(l, " 表决票", " — ballot")))
    ));
    body.push_str(&format!(
        "<p>{}<span class=\"number\">{}</span></p>\n",
        w(l, "表决票编号：", "Ballot number: "),
        esc(&grouped(&s.number))
    ));
    body.push_str(&format!(
        "<p>{}{}</p>\n<p>{}{}</p>\n<p>{}{}</p>\n",
        w(l, "业主：", "Owner: "),
        esc(&s.name),
        w(l, "房号：", "Units: "),
        esc(&s.units.join(w(l, "、", ", "))),
        w(l, "专有部分面积：", "Floor area: "),
        area_text(l, s.area)
    ));
    let mut n = 0;
    for item in rec.items.iter().filter(|i| s.items.contains(&i.position)) {
        n += 1;
        body.push_str(&format!(
            "<div class=\"item\">\n<h2>{}{}. {}</h2>\n<p class=\"small\">{}{}</p>\n<div class=\"proposal\">{}</div>\n\
             <p class=\"boxes\"><span><span class=\"box\"></span>{}</span><span><span class=\"box\"></span>{}</span><span><span class=\"box\"></span>{}</span></p>\n</div>\n",
            w(l, "事项", "Item "),
            n,
            esc(&item.title),
            w(l, "表决范围：", "Who votes: "),
            esc(&scope_text(l, &item.scope)),
            esc_lines(item.proposal()),
            w(l, "同意", "Yes"),
            w(l, "反对", "No"),
            w(l, "弃权", "Abstain"),
        ));
    }
    body
}

/// The end of a page: how to tick, the date to return it by, the signature lines.
fn sheet_footer(l: Lang, closes: &str) -> String {
    let mut body = String::new();
    body.push_str(&format!(
        "<p class=\"small\">{}</p>\n",
        w(
            l,
            "每个事项只在一个方框内打“√”；未签名、无法辨认或同一事项勾选多项的表决票无效。",
            "Tick one box for each item. A ballot that is unsigned, unreadable or ticks more than one box for an item is invalid."
        )
    ));
    body.push_str(&format!(
        "<p>{}<b>{}</b>{}</p>\n",
        w(l, "请于 ", "Please return this ballot by "),
        esc(closes),
        w(l, " 前交回。", ".")
    ));
    body.push_str(&format!(
        "<p>{}<span class=\"line\"></span> {}<span class=\"line\"></span></p>\n",
        w(l, "业主签名：", "Owner's signature: "),
        w(l, "日期：", "Date: ")
    ));
    body.push_str(&format!(
        "<p>{}<span class=\"line\"></span> {}<span class=\"line\"></span></p>\n",
        w(
            l,
            "受托人签名（代为表决时）：",
            "Proxy's signature (voting for the owner): "
        ),
        w(l, "委托书编号：", "委托书 (authorisation) reference: ")
    ));
    body
}
