//! The roll call's words on screen: who may answer, changed answers,
//! items not taken up and the shaft owners' condition.

use crate::strings::tr::Tr;

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
pub fn confirm_correction(l: crate::strings::tr::Lang, name: &str, from: &str, to: &str) -> String {
    match l {
        crate::strings::tr::Lang::Zh => {
            format!("更正 {name} 的表决：{from} → {to}？更正将记入会议记录。")
        }
        crate::strings::tr::Lang::En => {
            format!("Change {name}'s answer: {from} → {to}? The change is kept in the record.")
        }
    }
}

/// The adjournment's confirmation when items were never taken up: each by its number
/// and its title in quotes (a title may hold commas or end in 。).
pub fn confirm_adjourn_pending(l: crate::strings::tr::Lang, titles: &[(i64, String)]) -> String {
    match l {
        crate::strings::tr::Lang::Zh => {
            let list: Vec<String> = titles.iter().map(|(n, t)| format!("{n}.「{t}」")).collect();
            format!(
                "以下议题尚未审议，休会后将记为「未审议」：{}。确定休会？",
                list.join("、")
            )
        }
        crate::strings::tr::Lang::En => {
            let list: Vec<String> = titles.iter().map(|(n, t)| format!("{n}. “{t}”")).collect();
            format!(
                "These items were never taken up and will be recorded as not taken up: {}. Adjourn?",
                list.join("; ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_not_taken_up_are_listed_by_number_and_quoted_title() {
        let t = vec![
            (4, "停车管理公约".to_string()),
            (5, "增设充电棚，杜绝飞线充电。".to_string()),
        ];
        assert_eq!(
            confirm_adjourn_pending(super::super::Lang::Zh, &t),
            "以下议题尚未审议，休会后将记为「未审议」：4.「停车管理公约」、5.「增设充电棚，杜绝飞线充电。」。确定休会？"
        );
        assert!(
            confirm_adjourn_pending(super::super::Lang::En, &t).contains("4. “停车管理公约”; 5.")
        );
    }
}
