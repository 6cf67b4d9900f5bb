//! The "follow-up of earlier decisions" item that opens a community's next meeting: the
//! open and overdue action items of earlier meetings, to be reported on (no vote).

/// One open action item as the follow-up lists it.
pub struct OpenAction<'a> {
    pub meeting_date: &'a str,
    pub item_title: &'a str,
    pub what: &'a str,
    pub who: &'a str,
    pub due: &'a str,
    pub overdue: bool,
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

/// The proposal text: one line per open action item.
pub fn proposal(lang: &str, actions: &[OpenAction<'_>]) -> String {
    let en = lang == "en";
    let mut out = String::from(if en {
        "Report on the action items of earlier decisions that are not done yet:\n"
    } else {
        "以下前期决议的待办事项尚未完成，请负责人报告进展：\n"
    });
    for (i, a) in actions.iter().enumerate() {
        let date = a.meeting_date.get(..10).unwrap_or(a.meeting_date);
        let due = if a.due.is_empty() { "—" } else { a.due };
        let late = match (a.overdue, en) {
            (true, true) => " (overdue)",
            (true, false) => "（已逾期）",
            _ => "",
        };
        if en {
            out.push_str(&format!(
                "{}. {} — {} (decided {date}: {}); by {due}{late}\n",
                i + 1,
                a.what,
                a.who,
                a.item_title
            ));
        } else {
            out.push_str(&format!(
                "{}. {}——{}（{date}「{}」）；期限 {due}{late}\n",
                i + 1,
                a.what,
                a.who,
                a.item_title
            ));
        }
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
        }];
        let p = proposal("zh", &a);
        assert!(
            p.contains(
                "1. 采购大门——业委会（2026-05-16「安装小区大门」）；期限 2026-08-31（已逾期）"
            ),
            "{p}"
        );
        assert!(proposal("en", &a).contains("(overdue)"));
    }
}
