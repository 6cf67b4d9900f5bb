//! The written-consultation part of the minutes (书面征求意见): its dates, the ballots
//! issued, served (by way), returned, valid and invalid (with each reason), the
//! extensions with their reasons, how it was closed, and the remark that an owners'
//! assembly opened less than 15 days after its notice. Markdown in the minutes' V2 style
//! ("## heading", "- label：value", data escaped); the per-item figures are the vote
//! section's, as for a room vote. Empty for a room meeting with nothing to say.
//!
//! Wiring (`v2_words`, the attendance's place from V2 on): for a written meeting this
//! section takes the place of the attendance section (there is no attendance); for a room
//! meeting its short-notice remark follows the header. Being new words, it belongs to a
//! format version from V2 on, never to V1; frozen with V2.

use crate::domain::lang::Lang;
use crate::domain::minutes::frozen::text::{clean_line, escape};
use crate::domain::minutes::v1_format::fmt_area;
use crate::domain::model::{DeliveryWay, InvalidReason};
use crate::domain::record::{MeetingRecord, ShortNotice, WrittenRecord};

fn w(l: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match l {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn d(s: &str) -> String {
    escape(&clean_line(s))
}

fn field(o: &mut String, l: Lang, label: &str, value: &str) {
    o.push_str("- ");
    o.push_str(label);
    o.push_str(w(l, "：", ": "));
    o.push_str(value);
    o.push('\n');
}

pub fn way(l: Lang, way: DeliveryWay) -> &'static str {
    match way {
        DeliveryWay::InPerson => w(l, "当面送达", "in person"),
        DeliveryWay::Mailbox => w(l, "投入信箱", "in the mailbox"),
        DeliveryWay::Posted => w(l, "张贴公告", "posted on the notice board"),
    }
}

pub fn reason(l: Lang, r: InvalidReason) -> &'static str {
    match r {
        InvalidReason::Unsigned => w(l, "未签名", "unsigned"),
        InvalidReason::Unreadable => w(l, "无法辨认", "unreadable"),
        InvalidReason::SeveralMarks => w(l, "同一事项勾选多项", "more than one box ticked"),
        InvalidReason::Other => w(l, "其他", "other"),
    }
}

fn count(l: Lang, n: i64, area: Option<i64>) -> String {
    let n = match l {
        Lang::Zh => format!("{n} 张"),
        Lang::En => format!("{n}"),
    };
    match area {
        Some(a) => format!(
            "{n}{}{} {}{}",
            w(l, "（面积 ", " (area "),
            fmt_area(a),
            w(l, "平方米", "m²"),
            w(l, "）", ")")
        ),
        None => n,
    }
}

/// The section (see the module's comment); "" when the meeting was held in the room and
/// notified in time.
pub fn written_section(rec: &MeetingRecord, lang: Lang) -> String {
    let l = lang;
    let mut o = String::new();
    if let Some(wr) = &rec.form.written {
        o.push_str(&format!(
            "## {}\n\n",
            w(l, "书面征求意见", "Written consultation")
        ));
        dates(&mut o, wr, l);
        ballot_counts(&mut o, wr, l);
        closing(&mut o, wr, l);
    }
    if let Some(s) = &rec.form.short_notice {
        short_notice(&mut o, s, l);
    }
    if !o.is_empty() {
        o.push('\n');
    }
    o
}

/// When the consultation runs, and each extension with its reason.
fn dates(o: &mut String, wr: &WrittenRecord, l: Lang) {
    field(
        o,
        l,
        w(l, "征求意见时间", "Dates"),
        &format!(
            "{} {} {}",
            d(&wr.opens_on),
            w(l, "至", "to"),
            d(&wr.closes_on)
        ),
    );
    for e in &wr.extensions {
        field(
            o,
            l,
            w(l, "延期", "Extended"),
            &format!(
                "{} → {}{}{}{}",
                d(&e.from),
                d(&e.to),
                w(l, "（理由：", " (reason: "),
                d(&e.reason),
                w(l, "）", ")")
            ),
        );
    }
}

/// The ballots issued, served (by way), returned, valid and invalid (each with its reason).
fn ballot_counts(o: &mut String, wr: &WrittenRecord, l: Lang) {
    field(
        o,
        l,
        w(l, "发出表决票", "Ballots issued"),
        &count(l, wr.ballots, Some(wr.area)),
    );
    let ways: Vec<String> = wr
        .served
        .iter()
        .map(|(x, n)| format!("{} {n}", way(l, *x)))
        .collect();
    let mut served = count(l, wr.served_total(), None);
    if !ways.is_empty() {
        served.push_str(&format!(
            "{}{}{}",
            w(l, "（", " ("),
            ways.join(w(l, "，", ", ")),
            w(l, "）", ")")
        ));
    }
    field(o, l, w(l, "送达", "Served"), &served);
    field(
        o,
        l,
        w(l, "收回", "Returned"),
        &count(l, wr.returned, Some(wr.returned_area)),
    );
    field(
        o,
        l,
        w(l, "有效票", "Valid"),
        &count(l, wr.valid, Some(wr.valid_area)),
    );
    let inv: Vec<String> = wr
        .invalid
        .iter()
        .map(|b| {
            let mut r = reason(l, b.reason).to_string();
            if !b.note.trim().is_empty() {
                r.push_str(w(l, "：", ": "));
                r.push_str(&d(&b.note));
            }
            format!("{}{}{}{}", d(&b.name), w(l, "（", " ("), r, w(l, "）", ")"))
        })
        .collect();
    let mut invalid = count(l, wr.invalid.len() as i64, None);
    if !inv.is_empty() {
        invalid.push_str(w(l, "：", ": "));
        invalid.push_str(&inv.join(w(l, "；", "; ")));
    }
    field(o, l, w(l, "无效票", "Invalid"), &invalid);
}

/// How the consultation was closed, if it was.
fn closing(o: &mut String, wr: &WrittenRecord, l: Lang) {
    if let Some(at) = &wr.closed_at {
        let mut closed = d(at);
        if wr.closed_early {
            closed.push_str(w(
                l,
                "（截止日期前提前结束，经确认）",
                " (before the closing date, confirmed)",
            ));
        }
        field(o, l, w(l, "结束", "Closed"), &closed);
    }
}

/// The remark that a meeting opened less than 15 days after its notice.
fn short_notice(o: &mut String, s: &ShortNotice, l: Lang) {
    if o.is_empty() {
        o.push_str(&format!("## {}\n\n", w(l, "会议通知", "Notice")));
    }
    let text = match l {
        Lang::Zh => format!(
            "会议通知于 {} 公告，距会议开始（{}）仅 {} 日，不足十五日；经确认仍如期召开。",
            d(&s.noticed_on),
            d(&s.opens_on),
            s.days
        ),
        Lang::En => format!(
            "The notice was posted on {}, only {} days before the opening ({}), fewer than fifteen; the meeting was opened on confirmation.",
            d(&s.noticed_on),
            s.days,
            d(&s.opens_on)
        ),
    };
    field(o, l, w(l, "通知期限", "Notice period"), &text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::paper::tests::record;
    use crate::domain::record::{Extension, InvalidBallot, ShortNotice};

    #[test]
    fn a_room_meeting_notified_in_time_has_nothing_here() {
        let mut rec = record();
        rec.form = Default::default();
        assert_eq!(written_section(&rec, Lang::Zh), "");
    }

    #[test]
    fn dates_ballots_invalid_reasons_extensions_and_closing() {
        let mut rec = record();
        let wr = rec.form.written.as_mut().unwrap();
        wr.area = 40_000;
        wr.served = vec![(DeliveryWay::InPerson, 3), (DeliveryWay::Posted, 1)];
        wr.returned = 3;
        wr.returned_area = 30_000;
        wr.valid = 2;
        wr.valid_area = 20_000;
        wr.invalid = vec![InvalidBallot {
            name: "王*伟 ## 签署".into(),
            reason: InvalidReason::Unsigned,
            note: String::new(),
            at: "2026-11-03T10:00:00+08:00".into(),
        }];
        wr.extensions = vec![Extension {
            from: "2026-11-15".into(),
            to: "2026-11-30".into(),
            reason: "回收不足三分之二".into(),
            at: "2026-11-14T09:00:00+08:00".into(),
        }];
        wr.closed_at = Some("2026-11-20T18:00:00+08:00".into());
        wr.closed_early = true;
        let s = written_section(&rec, Lang::Zh);
        assert!(s.starts_with("## 书面征求意见\n\n"));
        assert!(s.contains("- 征求意见时间：2026-11-01 至 2026-11-15\n"));
        assert!(s.contains("- 延期：2026-11-15 → 2026-11-30（理由：回收不足三分之二）\n"));
        assert!(s.contains("- 发出表决票：4 张（面积 400.00 平方米）\n"));
        assert!(s.contains("- 送达：4 张（当面送达 3，张贴公告 1）\n"));
        assert!(s.contains("- 收回：3 张（面积 300.00 平方米）\n"));
        assert!(s.contains("- 有效票：2 张（面积 200.00 平方米）\n"));
        assert!(s.contains("- 无效票：1 张：") && s.contains("（未签名）"));
        assert!(!s.contains("\n## 签署"), "data never becomes a heading");
        assert!(s.contains("提前结束"));
        let en = written_section(&rec, Lang::En);
        assert!(en.contains("- Extended: 2026-11-15 → 2026-11-30 (reason: "));
        assert!(en.contains("(unsigned)"));
    }

    #[test]
    fn a_short_notice_is_remarked_for_a_room_meeting_too() {
        let mut rec = record();
        rec.form.written = None;
        rec.form.short_notice = Some(ShortNotice {
            noticed_on: "2026-10-22".into(),
            opens_on: "2026-11-01".into(),
            days: 10,
            confirmed_at: "2026-11-01T09:00:00+08:00".into(),
        });
        let s = written_section(&rec, Lang::Zh);
        assert!(s.starts_with("## 会议通知\n\n"));
        assert!(s.contains("仅 10 日，不足十五日"));
    }
}
