//! The results notice (表决结果公告) in the figures owners expect: total voters and area
//! of the scope, participating voters and area with their shares, approving voters and
//! area with their shares, the legal basis, and the proposal text as decided. No voter is
//! named (and no proposer: the public notice shows no one's name).

use crate::domain::lang::Lang;
use crate::domain::paper::{area_text, esc, esc_lines, legal_basis, page, scope_text, w};
use crate::domain::record::{ItemRecord, MeetingRecord, WrittenRecord};
use crate::domain::rules::figures::{check_percent, percent_beside};
use crate::domain::rules::numbers::{Cmp, Frac};
use crate::domain::rules::{Basis, CheckKind, Outcome};

/// value/total as printed: beside the rule's own threshold when the rule has that check,
/// so the share never contradicts the verdict.
fn share(o: &Outcome, kind: CheckKind, basis: Basis, value: i64, total: i64) -> String {
    o.checks
        .iter()
        .find(|c| c.kind == kind && c.basis == basis && c.value == value && c.total == total)
        .map(check_percent)
        .unwrap_or_else(|| percent_beside(value, total, Cmp::Ge, Frac::new(0, 1)))
}

pub fn results(rec: &MeetingRecord, lang: Lang) -> String {
    let l = lang;
    let mut body = format!(
        "<section class=\"sheet\">\n<h1>{}<br>{}</h1>\n<p><b>{}</b></p>\n",
        esc(&rec.community),
        w(l, "表决结果公告", "Notice of results"),
        esc(&rec.title)
    );
    if let Some(wr) = &rec.form.written {
        body.push_str(&written_counts(l, wr));
    }
    for (n, item) in rec.items.iter().enumerate() {
        body.push_str(&format!(
            "<div class=\"item\">\n<h2>{}. {}</h2>\n",
            n + 1,
            esc(&item.title)
        ));
        let outcome = item.vote.as_ref().and_then(|v| v.outcome.as_ref());
        let Some(o) = outcome else {
            body.push_str(&format!(
                "<p>{}</p>\n</div>\n",
                w(l, "本事项未付表决。", "This item was not put to a vote.")
            ));
            continue;
        };
        body.push_str(&item_figures(l, item, o));
        body.push_str(&format!(
            "<p><b>{}{}</b></p>\n",
            w(l, "表决结果：", "Result: "),
            if o.passed {
                w(l, "通过", "passed")
            } else {
                w(l, "未通过", "not passed")
            }
        ));
        body.push_str(&format!(
            "<p class=\"small\">{}{}</p>\n",
            w(l, "依据：", "Legal basis: "),
            esc(legal_basis(l, &item.rule.kind))
        ));
        body.push_str(&format!(
            "<p>{}</p>\n<div class=\"proposal\">{}</div>\n</div>\n",
            w(
                l,
                "表决事项内容（以表决时文本为准）：",
                "The proposal as decided:"
            ),
            esc_lines(item.proposal())
        ));
    }
    body.push_str(&format!(
        "<p class=\"small\">{}</p>\n</section>\n",
        w(
            l,
            "本公告不公开个人表决情况；业主有权查阅表决记录。",
            "No one's answer is shown here; owners may inspect the record of the vote."
        )
    ));
    page(
        l,
        &format!("{}{}", rec.title, w(l, " 表决结果公告", " — results")),
        &body,
    )
}

/// A written consultation's dates and ballot counts.
fn written_counts(l: Lang, wr: &WrittenRecord) -> String {
    format!(
        "<p>{}{} {} {}{}</p>\n<p>{}{}{}{}{}{}{}{}{}</p>\n",
        w(l, "书面征求意见：", "Written consultation: "),
        esc(&wr.opens_on),
        w(l, "至", "to"),
        esc(wr.deadline()),
        w(l, "。", "."),
        w(l, "发出表决票 ", "Ballots issued "),
        wr.ballots,
        w(l, " 张，收回 ", ", returned "),
        wr.returned,
        w(l, " 张，其中有效票 ", ", valid "),
        wr.valid,
        w(l, " 张，无效票 ", ", invalid "),
        wr.invalid.len(),
        w(l, " 张。", ".")
    )
}

/// An item's figures: who votes, how many and what area in scope, took part, agreed,
/// disagreed and abstained, with the shares beside the rule's thresholds.
fn item_figures(l: Lang, item: &ItemRecord, o: &Outcome) -> String {
    let mut body = String::new();
    let t = &o.tally;
    let (p, h, a) = (CheckKind::Participation, Basis::Headcount, Basis::Area);
    let ap = CheckKind::Approval;
    body.push_str(&format!(
        "<p>{}{}</p>\n",
        w(l, "表决范围：", "Who votes: "),
        esc(&scope_text(l, &item.scope))
    ));
    body.push_str(&format!(
        "<p>{}{} {}{}{}</p>\n",
        w(l, "业主总人数：", "Voters in scope: "),
        t.eligible,
        w(l, "人；专有部分总面积：", "; their floor area: "),
        area_text(l, t.eligible_area),
        w(l, "。", ".")
    ));
    body.push_str(&format!(
        "<p>{}{} {}{}{}{}{}{}{}</p>\n",
        w(l, "参与表决：", "Took part: "),
        t.participants,
        w(l, "人，占总人数 ", " voters, "),
        share(o, p, h, t.participants, t.eligible),
        w(l, "；面积 ", " of all voters; area "),
        area_text(l, t.participants_area),
        w(l, "，占总面积 ", ", "),
        share(o, p, a, t.participants_area, t.eligible_area),
        w(l, "。", " of the total area.")
    ));
    body.push_str(&format!(
        "<p>{}{} {}{}{}{}{}{}{}</p>\n",
        w(l, "同意：", "Yes: "),
        t.yes,
        w(l, "人，占参与表决人数 ", " voters, "),
        share(o, ap, h, t.yes, t.participants),
        w(l, "；面积 ", " of those taking part; area "),
        area_text(l, t.yes_area),
        w(l, "，占参与表决面积 ", ", "),
        share(o, ap, a, t.yes_area, t.participants_area),
        w(l, "。", " of the participating area.")
    ));
    body.push_str(&format!(
        "<p>{}{} {}{}{}{} {}{}{}</p>\n",
        w(l, "反对：", "No: "),
        t.no,
        w(l, "人，面积 ", " voters, area "),
        area_text(l, t.no_area),
        w(l, "；弃权：", "; abstain: "),
        t.abstain,
        w(l, "人，面积 ", " voters, area "),
        area_text(l, t.abstain_area),
        w(l, "。", ".")
    ));
    body
}
