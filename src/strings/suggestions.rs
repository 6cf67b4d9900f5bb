//! The words of residents' suggestions, cost plans and the district report.

use crate::domain::cost::ShareMethod;
use crate::domain::suggestions::{Channel, SuggestionStatus};
use crate::store::refusal::suggestions::SuggestionRefusal as R;
use crate::strings::tr::{Lang, Tr};

pub fn refusal(l: Lang, r: R) -> &'static str {
    match r {
        R::NeedsWho => Tr("请填写提出人。", "Say who raised it."),
        R::NeedsText => Tr("请填写意见内容。", "The suggestion needs its text."),
        R::BadDate => Tr("日期格式应为 2026-03-02。", "Dates look like 2026-03-02."),
        R::AnswerNeedsText => Tr("答复需要写明答复内容。", "An answer needs its text."),
        R::HandOverNeedsWhom => Tr(
            "转交需要写明转交给谁（如物业公司）。",
            "Say whom it is handed to (the property manager, say).",
        ),
        R::AgendaNeedsDraft => Tr(
            "只能列入尚未开始的会议（草稿）的议程。",
            "A suggestion goes on the agenda of a draft meeting only.",
        ),
        R::AlreadyOnAgenda => Tr(
            "这条意见已列入议程。",
            "This suggestion is already on an agenda.",
        ),
        R::NotByHand => Tr(
            "“已列入议程”和“已表决”由议程和表决决定，不能手动设置。",
            "On the agenda and decided follow from the item; they are not set by hand.",
        ),
        R::CostTotal => Tr(
            "总额应为 0 到 1 亿元之间的金额（如 160000 或 1600.50）。",
            "The total is an amount between 0 and 100 million yuan (160000 or 1600.50).",
        ),
        R::CostFixed => Tr(
            "固定承担的金额不能为负，合计不能超过总额。",
            "Fixed shares are not negative and together not more than the total.",
        ),
        R::CostWeight => Tr(
            "楼层系数应写成“1-2:0, 3:0.7”，系数最多三位小数、不超过 100。",
            "Floor coefficients look like \"1-2:0, 3:0.7\", at most three decimals, at most 100.",
        ),
        R::CostNoPayer => Tr(
            "范围内没有需要分摊的房屋（或权重全为零），余额无人分摊。",
            "Nobody in the scope shares the rest (no units, or every weight is zero).",
        ),
        R::BadYear => Tr("年份应为四位数字，如 2026。", "A year looks like 2026."),
    }
    .get(l)
}

pub fn channel(l: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Box => Tr("意见箱", "Suggestion box"),
        Channel::Wechat => Tr("微信群", "WeChat group"),
        Channel::Door => Tr("上门", "At the door"),
        Channel::Phone => Tr("电话", "Phone"),
        Channel::Other => Tr("其他", "Other"),
    }
    .get(l)
}

pub fn status(l: Lang, s: SuggestionStatus) -> &'static str {
    match s {
        SuggestionStatus::New => Tr("新收到", "New"),
        SuggestionStatus::Acknowledged => Tr("已受理", "Acknowledged"),
        SuggestionStatus::Answered => Tr("已答复", "Answered"),
        SuggestionStatus::HandedOver => Tr("已转交", "Handed over"),
        SuggestionStatus::OnAgenda => Tr("已列入议程", "On the agenda"),
        SuggestionStatus::Decided => Tr("已表决", "Decided"),
        SuggestionStatus::Done => Tr("已办结", "Done"),
        SuggestionStatus::Closed => Tr("已关闭", "Closed"),
    }
    .get(l)
}

pub fn method(l: Lang, m: ShareMethod) -> &'static str {
    match m {
        ShareMethod::Area => Tr("按面积", "By area"),
        ShareMethod::Equal => Tr("按户均摊", "Equally per unit"),
        ShareMethod::Floor => Tr("按楼层系数", "By floor coefficient"),
        ShareMethod::FloorArea => Tr("按楼层系数×面积", "By floor coefficient × area"),
    }
    .get(l)
}

/// "等了 12 天" / "waited 12 days".
pub fn days(l: Lang, n: i64) -> String {
    match l {
        Lang::Zh => format!("{n} 天"),
        Lang::En if n == 1 => "1 day".into(),
        Lang::En => format!("{n} days"),
    }
}

// ---- the suggestions screen ----
pub const TITLE: Tr = Tr("居民意见", "Residents' suggestions");
pub const COL_NO: Tr = Tr("编号", "No.");
pub const COL_DATE: Tr = Tr("日期", "Date");
pub const COL_WAIT: Tr = Tr("等待", "Waited");
pub const COL_STATUS: Tr = Tr("状态", "Status");
pub const COL_WHO: Tr = Tr("提出人", "Raised by");
pub const COL_TEXT: Tr = Tr("内容", "Text");
pub const COL_CHANNEL: Tr = Tr("渠道", "Channel");
pub const COL_CATEGORY: Tr = Tr("类别", "Category");
pub const COL_RESPONSE: Tr = Tr("答复", "Response");
pub const EMPTY: Tr = Tr(
    "还没有居民意见。按 F2 登记一条。",
    "No suggestions yet. F2 logs one.",
);
pub const HISTORY: Tr = Tr("处理经过", "History");
pub const CONTACT: Tr = Tr("联系方式（不公开）", "Contact (private)");
pub const ITEM: Tr = Tr("议程事项", "Agenda item");
pub const K_NEW: Tr = Tr("登记", "log");
pub const K_ACK: Tr = Tr("受理", "acknowledge");
pub const K_ANSWER: Tr = Tr("答复", "answer");
pub const K_HAND: Tr = Tr("转交", "hand over");
pub const K_AGENDA: Tr = Tr("列入议程", "put on agenda");
pub const K_DONE: Tr = Tr("办结", "done");
pub const K_CLOSE: Tr = Tr("关闭", "close");
pub const K_PRINT: Tr = Tr("打印答复公示", "print responses");
pub const K_SHOW_CONTACT: Tr = Tr("显示/隐藏联系方式", "show/hide contact");
pub const CONTACT_HIDDEN: Tr = Tr("已隐藏（按 i 显示）", "hidden (press i to show)");
pub const K_BACK: Tr = Tr("返回", "back");
pub const F_CHANNEL: Tr = Tr("渠道", "Channel");
pub const F_WHO: Tr = Tr("提出人", "Raised by");
pub const F_CONTACT: Tr = Tr("联系方式（不公开）", "Contact (private)");
pub const F_TEXT: Tr = Tr("意见内容", "Text");
pub const F_CATEGORY: Tr = Tr("类别", "Category");
pub const F_DATE: Tr = Tr("日期", "Date");
pub const NEW_TITLE: Tr = Tr("登记居民意见", "Log a suggestion");
pub const ANSWER_TITLE: Tr = Tr("答复内容", "The answer");
pub const HAND_TITLE: Tr = Tr("转交给", "Handed to");
pub const NOTE_TITLE: Tr = Tr("备注（可空）", "Note (may be empty)");
pub const PICK_MEETING: Tr = Tr("列入哪次会议的议程", "On which meeting's agenda");
pub const NO_DRAFT: Tr = Tr(
    "没有草稿会议：先在主页新建会议，再列入议程。",
    "No draft meeting: create one from home first.",
);
pub const PUT_ON: Tr = Tr("已列入议程：", "Put on the agenda: ");
pub const SAVED: Tr = Tr("已保存。", "Saved.");
pub const PRINTED: Tr = Tr("答复公示已写入：", "The list of responses is written to: ");

// ---- the printable list of responses ----
pub const RESP_TITLE: Tr = Tr("居民意见答复公示", "Responses to residents' suggestions");
pub const RESP_NOTE: Tr = Tr(
    "提出人姓名已隐去部分，联系方式不公开。",
    "Names are masked; contacts are never published.",
);

// ---- cost plans ----
pub const COST_TITLE: Tr = Tr("费用分摊", "Cost sharing");
pub const COST_TOTAL: Tr = Tr("总额（元）", "Total (yuan)");
// Short enough for the form's label column (the format is in the refusal's sentence).
pub const COST_FIXED: Tr = Tr("固定承担（方:元）", "Fixed (party:yuan)");
pub const COST_METHOD: Tr = Tr("其余分摊方式", "The rest shared");
pub const COST_COEFS: Tr = Tr("楼层系数（1-2:0,3:0.7）", "Floors (1-2:0,3:0.7)");
pub const COST_NONE: Tr = Tr("未设费用分摊", "No cost plan");
pub const COST_REST: Tr = Tr("业主分摊", "Owners share");
pub const COST_UNITS: Tr = Tr("户", "units");
pub const K_COST: Tr = Tr("费用分摊", "cost plan");
pub const COST_REMOVED: Tr = Tr("已删除费用分摊。", "Cost plan removed.");

// ---- the district report ----
pub const R_TITLE: Tr = Tr("小区议事工作统计", "District report");
pub const R_ALL_YEARS: Tr = Tr("（全部年份）", "(all years)");
pub const R_AS_OF: Tr = Tr("统计日期", "As of");
pub const R_TOTAL: Tr = Tr("合计", "Total");
pub const R_MEETINGS: Tr = Tr("召开会议", "Meetings held");
pub const R_ITEMS: Tr = Tr("审议事项", "Items");
pub const R_PASSED: Tr = Tr("通过", "Passed");
pub const R_FAILED: Tr = Tr("未通过", "Failed");
pub const R_NO_VOTE: Tr = Tr("不表决", "No vote");
pub const R_WITHDRAWN: Tr = Tr("撤回", "Withdrawn");
pub const R_NOT_TAKEN_UP: Tr = Tr("未审议", "Not taken up");
pub const R_PARTICIPATION: Tr = Tr("参与表决", "Participation");
pub const R_VOTES: Tr = Tr("表决次数", "Votes");
pub const R_MEDIAN: Tr = Tr("参与率中位数", "Median participation");
pub const R_LOWEST: Tr = Tr("最低参与率", "Lowest participation");
pub const R_ACTIONS: Tr = Tr("决定事项落实", "Action items");
pub const R_DONE: Tr = Tr("已完成", "Done");
pub const R_ON_TIME: Tr = Tr("按期完成", "Done on time");
pub const R_OVERDUE: Tr = Tr("逾期未完成", "Overdue");
pub const R_SUGGESTIONS: Tr = Tr("居民意见", "Suggestions");
pub const R_MEDIAN_DAYS: Tr = Tr("答复用时中位数", "Median days to answer");
pub const R_DAYS: Tr = Tr("天", "days");
pub const R_ANSWERED: Tr = Tr("条已答复", "answered");

pub const EMPTY_CLI: Tr = Tr("没有居民意见。", "No suggestions.");

pub fn unknown_status(l: Lang, s: &str) -> String {
    match l {
        Lang::Zh => format!(
            "没有“{s}”这种状态：可用 new、acknowledged、answered、handed_over、on_agenda、decided、done、closed。"
        ),
        Lang::En => format!(
            "No status \"{s}\": use new, acknowledged, answered, handed_over, on_agenda, decided, done or closed."
        ),
    }
}
pub const K_EDIT_COST: Tr = Tr("编辑分摊", "edit plan");
pub const K_YEAR: Tr = Tr("选择年份", "year");
pub const K_SUMMARY: Tr = Tr("统计汇总", "summary");
pub const SUMMARY_TITLE: Tr = Tr(
    "统计汇总（与区级报表相同）",
    "Summary (as the district report)",
);
pub const YEAR_TITLE: Tr = Tr("年份（空为全部）", "Year (empty for all)");
pub const PRINT_PATH: Tr = Tr("文件", "File");
pub const PICK_TITLE: Tr = Tr("会议", "Meeting");
