//! The extension notice (延期公告) of a written consultation: the dates as first
//! announced, each extension with its reason, the closing date now in force, and where
//! ballots are still returned.

use crate::domain::lang::Lang;
use crate::domain::paper::{esc, page, w};
use crate::domain::record::MeetingRecord;

/// The notice, or None when the consultation was never extended (or is not written).
pub fn extension_notice(rec: &MeetingRecord, lang: Lang) -> Option<String> {
    let l = lang;
    let wr = rec.form.written.as_ref()?;
    let last = wr.extensions.last()?;
    let heading = w(l, "书面征求意见延期公告", "Notice of extension");
    let mut body = format!(
        "<section class=\"sheet\">\n<h1>{}<br>{}</h1>\n<p><b>{}</b></p>\n",
        esc(&rec.community),
        heading,
        esc(&rec.title)
    );
    body.push_str(&format!(
        "<p>{}{} {} {}</p>\n",
        w(l, "原定征求意见时间：", "First announced: from "),
        esc(&wr.opens_on),
        w(l, "至", "to"),
        esc(&wr.closes_on)
    ));
    for e in &wr.extensions {
        body.push_str(&format!(
            "<p>{}{} {} {}{}{}</p>\n",
            w(l, "截止日期由 ", "The closing date moved from "),
            esc(&e.from),
            w(l, "延至", "to"),
            esc(&e.to),
            w(l, "。延期理由：", ". Reason: "),
            esc(&e.reason)
        ));
    }
    body.push_str(&format!(
        "<p><b>{}{}</b></p>\n",
        w(l, "现截止日期：", "Closing date now: "),
        esc(&last.to)
    ));
    body.push_str(&format!(
        "<p>{}</p>\n",
        w(
            l,
            "已交回的表决票继续有效，无须重新填写；尚未交回的业主，请于新的截止日期前交回。",
            "Ballots already returned remain valid and need not be filled in again; owners who have not returned theirs may do so until the new closing date."
        )
    ));
    if !rec.venue.is_empty() {
        body.push_str(&format!(
            "<p>{}{}</p>\n",
            w(l, "表决票回收地点：", "Ballots are returned at: "),
            esc(&rec.venue)
        ));
    }
    if !rec.host.is_empty() {
        body.push_str(&format!(
            "<p>{}{}</p>\n",
            w(l, "召集人：", "Convened by: "),
            esc(&rec.host)
        ));
    }
    body.push_str(&format!(
        "<p>{}{}</p>\n</section>\n",
        w(l, "公告日期：", "Posted on: "),
        esc(last.at.get(..10).unwrap_or(&last.at))
    ));
    Some(page(l, &format!("{} {}", rec.title, heading), &body))
}
