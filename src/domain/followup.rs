//! The "follow-up of earlier decisions" item that opens a community's next meeting: the
//! action items of earlier meetings that are new, changed or came due since the last
//! follow-up, to be reported on (no vote), and how many others are still open.

/// One action item as the follow-up quotes it: open or in progress (and perhaps
/// overdue), or closed since the last follow-up that quoted it.
pub struct OpenAction<'a> {
    pub meeting_date: &'a str,
    pub item_title: &'a str,
    pub what: &'a str,
    pub who: &'a str,
    pub due: &'a str,
    pub overdue: bool,
    /// 'open', 'doing', 'done' or 'dropped' when the follow-up is prepared.
    pub status: &'a str,
}

/// A due date (YYYY-MM-DD, or empty for none) that lies before `today`.
pub fn past_due(due: &str, today: &str) -> bool {
    !due.is_empty() && due < today
}

pub fn title(lang: &str) -> &'static str {
    if lang == "en" {
        "Follow-up of earlier decisions"
    } else {
        "前期决议事项跟进"
    }
}

/// The proposal text: one line per action item that is new, changed or came due since
/// the community's last follow-up, then how many others stand as they stood then. Only
/// what changed is quoted, so a community's follow-up (and its minutes) does not grow
/// with every year of open items.
pub fn proposal(lang: &str, actions: &[OpenAction<'_>], unchanged: usize) -> String {
    let en = lang == "en";
    let mut out = String::new();
    if !actions.is_empty() {
        out.push_str(if en {
            "Action items of earlier decisions that are new, changed or came due since the last follow-up; their owners report on them:\n"
        } else {
            "以下前期决议的待办事项自上次跟进以来新增、有变化或已到期，请负责人报告进展：\n"
        });
    }
    for (i, a) in actions.iter().enumerate() {
        let date = a.meeting_date.get(..10).unwrap_or(a.meeting_date);
        let due = if a.due.is_empty() { "—" } else { a.due };
        let state = match (a.status, a.overdue, en) {
            ("done", _, true) => " (done)",
            ("done", _, false) => "（已完成）",
            ("dropped", _, true) => " (dropped)",
            ("dropped", _, false) => "（已撤销）",
            (_, true, true) => " (overdue)",
            (_, true, false) => "（已逾期）",
            ("doing", _, true) => " (in progress)",
            ("doing", _, false) => "（进行中）",
            _ => "",
        };
        if en {
            out.push_str(&format!(
                "{}. {} — {} (decided {date}: {}); by {due}{state}\n",
                i + 1,
                a.what,
                a.who,
                a.item_title
            ));
        } else {
            out.push_str(&format!(
                "{}. {}——{}（{date}「{}」）；期限 {due}{state}\n",
                i + 1,
                a.what,
                a.who,
                a.item_title
            ));
        }
    }
    if unchanged > 0 {
        out.push_str(&if en {
            format!("{unchanged} other open action items stand as at the last follow-up.\n")
        } else {
            format!("另有 {unchanged} 项待办事项尚未完成，情况同上次跟进。\n")
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_each_open_item_with_its_origin() {
        let a = [OpenAction {
            meeting_date: "2026-05-16 09:30",
            item_title: "安装小区大门",
            what: "采购大门",
            who: "业委会",
            due: "2026-08-31",
            overdue: true,
            status: "open",
        }];
        let p = proposal("zh", &a, 3);
        assert!(
            p.contains(
                "1. 采购大门——业委会（2026-05-16「安装小区大门」）；期限 2026-08-31（已逾期）"
            ),
            "{p}"
        );
        assert!(p.contains("另有 3 项"), "{p}");
        assert!(proposal("en", &a, 0).contains("(overdue)"));
        assert!(!proposal("en", &a, 0).contains("other open"));
    }
}
