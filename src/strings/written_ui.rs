//! The words of the written consultation's screens: the form of a meeting in
//! preparation, printing from the screens, deliveries, progress, extension and closing.

use crate::strings::tr::{Lang, Tr};

// Preparation: the form of the meeting and its dates.
pub const K_FORM: Tr = Tr("形式与日期", "form and dates");
pub const F_FORM_TITLE: Tr = Tr("会议形式与日期", "Form of the meeting and dates");
pub const F_FORM: Tr = Tr("会议形式", "Form");
pub const FORM_COLLECTIVE: Tr = Tr("集体讨论", "In the room (集体讨论)");
pub const FORM_WRITTEN: Tr = Tr("书面征求意见", "Written consultation (书面征求意见)");
pub const F_OPENS: Tr = Tr("开始日期", "Opening date");
pub const F_CLOSES: Tr = Tr("截止日期", "Closing date");
pub const F_DATES_HINT: Tr = Tr(
    "书面征求意见填写，如 2026-11-20；集体讨论不用",
    "for a written consultation, like 2026-11-20; not used in the room",
);
pub const F_NOTICED: Tr = Tr("通知公告日期", "Notice posted on");
pub const F_NOTICED_HINT: Tr = Tr(
    "如 2026-11-04；业主大会须提前 15 日公告；空：不记录",
    "like 2026-11-04; an owners' assembly is notified 15 days ahead; empty: none",
);
pub const FORM_LINE: Tr = Tr("形式", "Form");
pub const NOTICE_LINE: Tr = Tr("通知公告", "Notice posted");
pub const CONFIRM_OPEN_WRITTEN: Tr = Tr(
    "开始书面征求意见？表决票将按名册编号，此后议题和表决范围不能再修改。",
    "Open the written consultation? Its ballots are numbered from the roster now, and its items and scopes no longer change.",
);
pub const WRITTEN_OPENED: Tr = Tr(
    "征求意见已开始，表决票已编号：按 p 打印表决票，按 d 登记送达。",
    "The consultation is open and its ballots numbered: p prints them, d records their delivery.",
);

/// Opening an owners' assembly less than 15 days after its notice.
pub fn short_notice_q(l: Lang, days: i64) -> String {
    match l {
        Lang::Zh => {
            format!("会议通知公告至开始仅 {days} 日，不足 15 日。仍然开始吗？会议记录将载明。")
        }
        Lang::En => format!(
            "The notice was posted only {days} days before the opening, fewer than 15. Open anyway? The minutes will say so."
        ),
    }
}

// Printing.
pub const K_PRINT: Tr = Tr("打印", "print");
pub const F_PRINT_TITLE: Tr = Tr("打印（A4 HTML）", "Print (A4 HTML)");
pub const F_PAPER: Tr = Tr("内容", "Paper");
pub const P_NOTICE: Tr = Tr("会议通知 / 征求意见公告", "Notice");
pub const P_SIGN_IN: Tr = Tr("签到表", "Sign-in sheet");
pub const P_PROXY: Tr = Tr("委托书", "Proxy form");
pub const P_BALLOTS: Tr = Tr("表决票（每户一页）", "Ballots (one voter a page)");
pub const P_RESULTS: Tr = Tr("表决结果公告", "Results notice");
pub const P_EXTENSION: Tr = Tr("延期公告", "Extension notice");

pub fn replace_q(l: Lang, path: &str) -> String {
    match l {
        Lang::Zh => format!("文件 {path} 已存在。替换它吗？"),
        Lang::En => format!("The file {path} already exists. Replace it?"),
    }
}

pub fn printed(l: Lang, path: &str) -> String {
    match l {
        Lang::Zh => format!("已写入 {path}，可在浏览器中打开并打印。"),
        Lang::En => format!("Written to {path}; open it in a browser to print."),
    }
}

// The consultation's own screen: progress, extension, closing.
/// Before a meeting's title on home: held in writing.
pub const TITLE_WRITTEN: Tr = Tr("【书面】", "[written] ");
pub const HUB_TITLE: Tr = Tr("书面征求意见", "Written consultation");
pub const K_ENTER_BALLOTS: Tr = Tr("录入表决票", "enter ballots");
pub const K_DELIVERIES: Tr = Tr("送达登记", "deliveries");
pub const K_EXTEND: Tr = Tr("延期", "extend");
pub const K_CLOSE: Tr = Tr("结束征求意见", "close");
pub const DATES: Tr = Tr("征求意见时间", "Consultation");
pub const TO: Tr = Tr("至", "to");
pub const FIRST_CLOSING: Tr = Tr("原定截止", "first closing date");
pub const PASSES_NOW: Tr = Tr("如现在结束：通过", "If closed now: passes");
pub const FAILS_NOW: Tr = Tr("如现在结束：不通过", "If closed now: fails");
pub const EXTENSIONS: Tr = Tr("延期记录", "Extensions");
pub const F_EXTEND_TITLE: Tr = Tr("延期（须写明理由）", "Extend (with its reason)");
pub const F_NEW_CLOSING: Tr = Tr("新的截止日期", "New closing date");
pub const F_REASON: Tr = Tr("延期理由", "Reason");
pub const CLOSE_Q: Tr = Tr(
    "结束征求意见并按各事项的表决规则确定结果？此后不能再录入表决票。",
    "Close the consultation and fix each item's outcome under its rule? No ballot can be entered afterwards.",
);
pub const CLOSED: Tr = Tr(
    "征求意见已结束，结果已确定。按 p 打印表决结果公告。",
    "The consultation is closed and its outcomes fixed. p prints the results notice.",
);

pub fn extended(l: Lang, to: &str) -> String {
    match l {
        Lang::Zh => format!("已延期至 {to}。按 p 打印延期公告。"),
        Lang::En => format!("Extended to {to}. p prints the extension notice."),
    }
}

pub fn close_early_q(l: Lang, deadline: &str, days: Option<i64>) -> String {
    let days = days.unwrap_or(0);
    match l {
        Lang::Zh => format!(
            "截止日期是 {deadline}，还有 {days} 天。确认提前结束征求意见并确定结果吗？会议记录将载明提前结束。"
        ),
        Lang::En => format!(
            "The closing date is {deadline}, {days} days from now. Close early and fix the outcomes? The minutes will say it closed early."
        ),
    }
}

pub fn days_left(l: Lang, days: Option<i64>) -> String {
    match (l, days) {
        (_, None) => String::new(),
        (Lang::Zh, Some(d)) if d < 0 => format!("已过截止日期 {} 天", -d),
        (Lang::En, Some(d)) if d < 0 => format!("{} days past the closing date", -d),
        (Lang::Zh, Some(0)) => "今天截止".into(),
        (Lang::En, Some(0)) => "closes today".into(),
        (Lang::Zh, Some(d)) => format!("还有 {d} 天"),
        (Lang::En, Some(d)) => format!("{d} days left"),
    }
}

// Deliveries.
pub const DELIVERIES_TITLE: Tr = Tr("表决票送达登记", "Delivery of ballots");
pub const K_DELIVER: Tr = Tr("登记送达", "record delivery");
pub const K_DELIVER_ALL: Tr = Tr(
    "列表中未送达的一并登记",
    "record all not served in the list",
);
pub const K_UNSERVED: Tr = Tr("未送达 / 全部", "not served / all");
pub const K_FIND: Tr = Tr("查找", "find");
pub const K_CLEAR: Tr = Tr("清除查找", "clear search");
pub const F_DELIVER_TITLE: Tr = Tr("登记送达", "Record a delivery");
pub const F_FIND_TITLE: Tr = Tr("查找（姓名、房号或编号）", "Find (name, unit or number)");
pub const F_WORDS: Tr = Tr("查找", "Find");
pub const F_SERVED_ON: Tr = Tr("送达日期", "Served on");
pub const F_WAY: Tr = Tr("送达方式", "How");
pub const F_DATE_HINT: Tr = Tr("如 2026-11-20", "like 2026-11-20");
pub const NOT_SERVED: Tr = Tr("未送达", "not served");
pub const SHOWING_UNSERVED: Tr = Tr("只列未送达", "not served only");
pub const SHOWING_ALL: Tr = Tr("全部", "all");
pub const COL_NUMBER: Tr = Tr("编号", "Number");
pub const COL_NAME: Tr = Tr("姓名", "Name");
pub const COL_UNITS: Tr = Tr("房号", "Units");
pub const COL_SERVED: Tr = Tr("送达", "Served");
pub const NONE_LEFT: Tr = Tr("全部表决票均已送达。", "Every ballot has been served.");
pub const NO_MATCH: Tr = Tr("没有符合的表决票。", "No ballot matches.");

pub fn served_count(l: Lang, served: usize, total: usize) -> String {
    match l {
        Lang::Zh => format!("已送达 {served} / 共 {total}，未送达 {}", total - served),
        Lang::En => format!("Served {served} of {total}, {} not served", total - served),
    }
}

pub fn deliver_all_title(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("一并登记送达：列表中未送达的 {n} 张"),
        Lang::En => format!("Record the delivery of the {n} ballots in the list not yet served"),
    }
}

pub fn delivered_all(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("已登记送达 {n} 张表决票。"),
        Lang::En => format!("Delivery of {n} ballots recorded."),
    }
}

pub fn delivered(l: Lang, name: &str) -> String {
    match l {
        Lang::Zh => format!("已登记送达：{name}。"),
        Lang::En => format!("Delivery recorded: {name}."),
    }
}
