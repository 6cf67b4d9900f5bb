//! The meeting notice (会议通知), the sign-in sheet (签到表) and the proxy form (委托书).

use crate::domain::lang::Lang;
use crate::domain::model::{Electorate, MeetingKind};
use crate::domain::paper::{SignInRow, area_text, esc, esc_lines, page, scope_text, w};
use crate::domain::record::MeetingRecord;

fn agenda(rec: &MeetingRecord, l: Lang, body: &mut String) {
    body.push_str(&format!("<h2>{}</h2>\n", w(l, "议题", "Agenda")));
    for (n, item) in rec.items.iter().enumerate() {
        body.push_str(&format!(
            "<div class=\"item\">\n<p><b>{}. {}</b></p>\n<p class=\"small\">{}{}</p>\n<div class=\"proposal\">{}</div>\n</div>\n",
            n + 1,
            esc(&item.title),
            w(l, "表决范围：", "Who votes: "),
            esc(&scope_text(l, &item.scope)),
            esc_lines(item.proposal())
        ));
    }
}

/// The notice: date (or the consultation's dates), venue, agenda, how to vote, and for an
/// owners' assembly the day it was posted (15 days before it opens).
pub fn notice(rec: &MeetingRecord, noticed_on: Option<&str>, lang: Lang) -> String {
    let l = lang;
    let mut body = String::from("<section class=\"sheet\">\n");
    let heading = if rec.form.written.is_some() {
        w(l, "书面征求意见公告", "Notice of written consultation")
    } else {
        w(l, "会议通知", "Notice of meeting")
    };
    body.push_str(&format!(
        "<h1>{}<br>{}</h1>\n<p><b>{}</b></p>\n",
        esc(&rec.community),
        heading,
        esc(&rec.title)
    ));
    if let Some(wr) = &rec.form.written {
        body.push_str(&format!(
            "<p>{}{} {} {}</p>\n",
            w(l, "征求意见时间：", "Consultation: from "),
            esc(&wr.opens_on),
            w(l, "至", "to"),
            esc(wr.deadline())
        ));
        body.push_str(&format!(
            "<p>{}</p>\n",
            w(
                l,
                "表决方式：表决票逐户送达（本人签收、投入信箱或张贴公告），请业主在每个事项的“同意”“反对”“弃权”中选择一项，签名后于截止日期前交回；委托他人表决的，请附委托书。",
                "How to vote: a ballot is served to every owner (in person, in the mailbox, or posted). Tick Yes, No or Abstain for each item, sign it and return it by the closing date; a proxy attaches the authorisation (委托书)."
            )
        ));
    } else {
        body.push_str(&format!(
            "<p>{}{}</p>\n<p>{}{}</p>\n<p>{}</p>\n",
            w(l, "时间：", "When: "),
            esc(&rec.starts_at),
            w(l, "地点：", "Where: "),
            esc(&rec.venue),
            w(
                l,
                "表决方式：现场逐一唱名表决；本人不能到会的，可书面委托他人代为参加和表决（业主委员会委员除外）。",
                "How to vote: a roll call in the room, one by one; a voter who cannot come may give a written authorisation (委托书) to a proxy (not on the owners' committee)."
            )
        ));
    }
    if !rec.host.is_empty() {
        body.push_str(&format!(
            "<p>{}{}</p>\n",
            w(l, "召集人：", "Convened by: "),
            esc(&rec.host)
        ));
    }
    agenda(rec, l, &mut body);
    if let Some(d) = noticed_on {
        body.push_str(&format!(
            "<p>{}{}</p>\n",
            w(l, "公告日期：", "Posted on: "),
            esc(d)
        ));
    }
    if rec.kind == MeetingKind::OwnersAssembly {
        body.push_str(&format!(
            "<p class=\"small\">{}</p>\n",
            w(
                l,
                "业主大会会议应当于会议召开十五日以前通知全体业主。",
                "An owners' assembly is notified to every owner fifteen days before it opens."
            )
        ));
    }
    body.push_str("</section>\n");
    page(l, &format!("{} {}", rec.title, heading), &body)
}

/// The sign-in sheet: the roster with a signature column.
pub fn sign_in(rec: &MeetingRecord, rows: &[SignInRow], lang: Lang) -> String {
    let l = lang;
    let owners = rec.electorate == Electorate::Owners;
    let mut body = format!(
        "<section class=\"sheet\">\n<h1>{}<br>{}</h1>\n<p>{}{}</p>\n<table>\n<thead><tr><th>{}</th><th>{}</th>",
        esc(&rec.community),
        esc(&format!(
            "{}{}",
            rec.title,
            w(l, " 签到表", " — sign-in sheet")
        )),
        w(l, "时间：", "When: "),
        esc(&rec.starts_at),
        w(l, "序号", "No."),
        w(l, "姓名", "Name"),
    );
    if owners {
        body.push_str(&format!(
            "<th>{}</th><th>{}</th>",
            w(l, "房号", "Units"),
            w(l, "面积", "Area")
        ));
    }
    body.push_str(&format!(
        "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w(
            l,
            "本人签名 / 受托人签名及委托书编号",
            "Signature / proxy's signature and 委托书 reference"
        ),
        w(l, "时间", "Time")
    ));
    for (n, r) in rows.iter().enumerate() {
        body.push_str(&format!("<tr><td>{}</td><td>{}</td>", n + 1, esc(&r.name)));
        if owners {
            body.push_str(&format!(
                "<td>{}</td><td>{}</td>",
                esc(&r.units.join(w(l, "、", ", "))),
                r.area.map(|a| area_text(l, a)).unwrap_or_default()
            ));
        }
        body.push_str("<td class=\"sign\"></td><td></td></tr>\n");
    }
    body.push_str("</tbody>\n</table>\n</section>\n");
    page(
        l,
        &format!("{}{}", rec.title, w(l, " 签到表", " — sign-in")),
        &body,
    )
}

/// The proxy form (委托书) template for this meeting.
pub fn proxy_form(rec: &MeetingRecord, lang: Lang) -> String {
    let l = lang;
    let mut body = format!(
        "<section class=\"sheet\">\n<h1>{}</h1>\n<p>{}<span class=\"line\"></span></p>\n",
        w(l, "委托书", "Authorisation (委托书)"),
        w(l, "委托书编号：", "Reference: "),
    );
    body.push_str(&format!(
        "<p>{}<span class=\"line\"></span> {}<span class=\"line\"></span></p>\n",
        w(l, "委托人（业主）：", "I, the voter: "),
        w(l, "房号：", "unit(s): ")
    ));
    body.push_str(&format!(
        "<p>{}<span class=\"line\"></span></p>\n",
        w(l, "受托人：", "authorise: ")
    ));
    body.push_str(&format!(
        "<p>{}{}{}{}</p>\n",
        w(l, "代为参加 ", "to attend "),
        esc(&rec.community),
        esc(&rec.title),
        w(
            l,
            "，并对下列事项行使表决权：",
            " for me and to vote on these items:"
        )
    ));
    body.push_str("<ol>\n");
    for item in &rec.items {
        body.push_str(&format!("<li>{}</li>\n", esc(&item.title)));
    }
    body.push_str("</ol>\n");
    if rec.kind == MeetingKind::OwnersCommittee {
        body.push_str(&format!(
            "<p class=\"small\">{}</p>\n",
            w(
                l,
                "业主委员会委员不得委托他人代为表决。",
                "Members of the owners' committee may not vote by proxy."
            )
        ));
    }
    body.push_str(&format!(
        "<p>{}<span class=\"line\"></span> {}<span class=\"line\"></span></p>\n\
         <p>{}<span class=\"line\"></span> {}<span class=\"line\"></span></p>\n</section>\n",
        w(l, "委托人签名：", "Voter's signature: "),
        w(l, "日期：", "Date: "),
        w(l, "受托人签名：", "Proxy's signature: "),
        w(l, "日期：", "Date: ")
    ));
    page(
        l,
        &format!("{}{}", rec.title, w(l, " 委托书", " — proxy form")),
        &body,
    )
}
