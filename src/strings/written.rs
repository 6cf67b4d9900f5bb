//! The words of issue 16 (written consultation): the store's refusals in Chinese.

use crate::store::written::refuse as r;

/// The store's refusals (English, as the store gives them) with their Chinese.
pub const REFUSALS: &[(&str, &str)] = &[
    (
        r::DATES,
        "开始和截止日期应为 2026-11-28 的格式，截止日期不得早于开始日期。",
    ),
    (r::NOT_WRITTEN, "本会议不是书面征求意见。"),
    (
        r::WRITTEN_NO_ATTENDANCE,
        "书面征求意见不点名、不签到，表决票按编号录入。",
    ),
    (
        r::NOT_A_NUMBER,
        "这不是表决票编号：请输入票上印的数字，然后按回车。",
    ),
    (
        r::CHECK_DIGIT,
        "校验位不符：有数字输错或相邻两位颠倒，请重新输入。",
    ),
    (r::OTHER_MEETING, "这张表决票属于另一次会议，不在本次计票。"),
    (r::NO_SUCH_BALLOT, "本次征求意见没有这个编号的表决票。"),
    (r::DUPLICATE, "该业主的表决票已录入，第二张表决票不予接受。"),
    (
        r::WAS_INVALID,
        "该业主的表决票已记为无效票，第二张表决票不予接受。",
    ),
    (r::NOT_RETURNED, "这张表决票尚未录入，无可更正。"),
    (
        r::ALREADY_ANSWERED,
        "本票该事项已录入；如需改动，请作为更正确认后进行。",
    ),
    (r::ANSWER_CHOICE, "表决票只能选择同意、反对或弃权。"),
    (r::NOT_ON_ITEM, "该业主不在本事项的表决范围内。"),
    (
        r::NOT_RUNNING,
        "征求意见未在进行中：表决票只能在开始后、结束前录入。",
    ),
    (
        r::HAS_ANSWERS,
        "这张表决票已有录入的意见，现在不能记为无效票。",
    ),
    (
        r::SHORT_NOTICE,
        "会议通知公告不足 15 日；确认后仍可开始（会议记录将载明）。",
    ),
    (r::NOTICE_DATE, "通知日期应为 2026-11-28 的格式。"),
    (r::NO_BALLOT_ITEMS, "书面征求意见至少需要一项表决事项。"),
    (
        r::EXTENSION,
        "延期需要写明理由，新的截止日期须晚于现截止日期。",
    ),
    (r::EARLY, "尚未到截止日期；确认后方可提前结束。"),
    (r::DELIVERY_DATE, "送达日期应为 2026-11-28 的格式。"),
    (
        "Too many voters for one consultation.",
        "一次征求意见的业主人数过多。",
    ),
    (
        crate::paper::RESULTS_NOT_CLOSED,
        "表决结果公告在会议结束（休会或签署）后打印。",
    ),
    (
        crate::store::paper::NOT_NUMBERED,
        "表决票在书面征求意见开始时编号，请先开始征求意见。",
    ),
];
