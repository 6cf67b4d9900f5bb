//! The words of issue 10 ("the record is right"): the screen's words for who may answer, changed answers,
//! items not taken up and the shaft owners' condition.

use super::Tr;

pub const ABSENT_WHY: Tr = Tr(
    "缺席：不能表决；请先登记到场（签到）",
    "absent: cannot answer; record the arrival first",
);
pub const ABSENT_ROW: Tr = Tr("缺席·先签到", "absent (i)");
pub const K_ARRIVE: Tr = Tr("登记到场", "record arrival");
pub const K_CORRECT: Tr = Tr("更正", "change answer");
pub const ARRIVED: Tr = Tr(
    "已登记到场，可以表决。",
    "Arrival recorded; they can answer now.",
);
pub const CORRECT_HOW: Tr = Tr(
    "已表决；如需更改，请按 c 更正（需确认）。",
    "Already answered; to change it press c (asks first).",
);
pub const CORRECT_PICK: Tr = Tr(
    "更正：请按新的选项（1 同意 2 反对 3 弃权 5 不投票），Esc 取消。",
    "Change: press the new answer (1 yes 2 no 3 abstain 5 not voting), Esc cancels.",
);
pub const SAME_ANSWER: Tr = Tr(
    "此人的表决已是该选项。",
    "That is already this voter's answer.",
);
pub const NOT_TAKEN_UP: Tr = Tr("未审议", "not taken up");
pub const SHAFT_OWNERS: Tr = Tr("井道占用业主同意", "shaft owners agree");
pub const UNANSWERED_SHORT: Tr = Tr("未表决", "no answer");
pub const ATTENDANCE_FIRST: Tr = Tr(
    "尚未完成签到：本议题还有人未点名，请先在签到页点名（按 t）。",
    "Attendance not taken: voters of this item are still to be called; take attendance first (t).",
);
pub const RECUSAL_ART278: Tr = Tr(
    "依第二百七十八条表决的事项不适用回避（基数为全体业主）。",
    "No recusal under art. 278 (the base is all owners).",
);

/// "Change 王伟's answer: 同意 → 反对?"
pub fn confirm_correction(l: super::Lang, name: &str, from: &str, to: &str) -> String {
    match l {
        super::Lang::Zh => format!("更正 {name} 的表决：{from} → {to}？更正将记入会议记录。"),
        super::Lang::En => {
            format!("Change {name}'s answer: {from} → {to}? The change is kept in the record.")
        }
    }
}

/// The adjournment's confirmation when items were never taken up.
pub fn confirm_adjourn_pending(l: super::Lang, titles: &[String]) -> String {
    let list = titles.join("、");
    match l {
        super::Lang::Zh => format!("以下议题尚未审议，休会后将记为「未审议」：{list}。确定休会？"),
        super::Lang::En => format!(
            "These items were never taken up and will be recorded as not taken up: {}. Adjourn?",
            titles.join("; ")
        ),
    }
}
