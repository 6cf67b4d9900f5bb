//! Words of the forms and the host's feedback: drafts, the discard question, the custom rule's fields, and
//! the feedback of keys that said nothing before.

use crate::strings::tr::{Lang, Tr};

pub const DISCARD_Q: Tr = Tr(
    "放弃对这个表单的修改？已输入的内容将被删除。",
    "Discard the changes to this form? What was typed will be deleted.",
);
pub const DISCARDED: Tr = Tr("已放弃修改。", "Changes discarded.");
pub const DRAFTS_KEPT: Tr = Tr(
    " 份未保存的草稿已保留：打开原来的表单即可继续填写。",
    " unsaved draft(s) kept: open the same form again to go on.",
);
pub const HOME_QUIT_HINT: Tr = Tr(
    "在首页按 q 退出程序。",
    "Press q on the home screen to quit.",
);

pub const SQL_FAILED: Tr = Tr(
    "数据库未能完成这次操作，未作任何改动，已输入的内容仍保留。如反复出现，请用备份恢复。",
    "The database could not do this; nothing was changed, and what was typed is kept. If it keeps happening, restore a backup.",
);
pub const INTEGRITY_FAILED: Tr = Tr(
    "数据库文件已损坏（SQLite 自检未通过）：此后不再写入任何内容，请用备份恢复。",
    "The database file is damaged (SQLite's check failed): nothing more will be written; restore a backup.",
);

/// The notice of a restored draft, with when it was last typed (RFC 3339 as stored).
pub fn draft_restored(l: Lang, saved_at: &str) -> String {
    let at: String = saved_at.replacen('T', " ", 1).chars().take(16).collect();
    match l {
        Lang::Zh => format!("已恢复未保存的草稿（{at}）：Ctrl-S 保存，Esc 可放弃。"),
        Lang::En => {
            format!("An unsaved draft was restored ({at}): Ctrl-S saves it, Esc discards it.")
        }
    }
}

/// How many drafts a restart found.
pub fn drafts_kept(l: Lang, n: i64) -> String {
    format!("{n}{}", DRAFTS_KEPT.get(l))
}

/// A field's limit refused an edit (typed or pasted): the field by its label, and the
/// limit.
pub fn too_long(l: Lang, label: &str, max: usize) -> String {
    match l {
        Lang::Zh => format!("「{label}」最多 {max} 个字符，超出的输入未被接受。"),
        Lang::En => {
            format!("{label}: at most {max} characters; the input past that was not taken.")
        }
    }
}

pub const SUMMARY_SIGNING: Tr = Tr(
    "纪要已有签署，会议小结不能再修改；如需修改，先按 W 撤回签署。",
    "The minutes have a signature: the summary cannot change now. To change it, withdraw the signatures first (W).",
);
pub const SUMMARY_LOCKED: Tr = Tr(
    "纪要已签署锁定，会议小结不能再修改；更正请按 + 添加签署的补充说明。",
    "The minutes are signed and locked: the summary cannot change. A correction is a signed addendum (+).",
);

/// An undo in the roll call: whose answer it took back (number and name).
pub fn undone(l: Lang, n: usize, name: &str) -> String {
    match l {
        Lang::Zh => format!("已撤销 {n}. {name} 的上一次记录。"),
        Lang::En => format!("Undid the last entry for {n}. {name}."),
    }
}

/// "Call again": the first voter present who has not answered.
pub fn called_again(l: Lang, n: usize, name: &str) -> String {
    match l {
        Lang::Zh => format!("再次点名未答者：{n}. {name}"),
        Lang::En => format!("Calling again the first unanswered: {n}. {name}"),
    }
}

/// A jump in the roll call: where it went.
pub fn jumped(l: Lang, n: usize, name: &str) -> String {
    match l {
        Lang::Zh => format!("已跳到 {n}. {name}"),
        Lang::En => format!("Moved to {n}. {name}"),
    }
}

// ---- the custom rule's editor in the item form ----
pub const F_C_PART_BASE: Tr = Tr("参与要求", "Turnout over");
pub const F_C_PART: Tr = Tr("参与比例", "Turnout share");
pub const F_C_APPR_BASE: Tr = Tr("同意按", "Yes over");
pub const F_C_APPR: Tr = Tr("同意比例", "Yes share");
pub const F_C_AREA: Tr = Tr("计面积", "Count area");
pub const F_C_SHARE_HINT: Tr = Tr(
    "写成 ≥ 2/3、> 1/2 或 60%（≥ 为达到即可，> 为须超过）",
    "like ≥ 2/3, > 1/2 or 60% (≥: reaching it is enough; >: must exceed it)",
);
pub const C_NONE: Tr = Tr("不要求", "none");
pub const C_AREA_NO: Tr = Tr("只计人数", "headcount only");
pub const C_AREA_YES: Tr = Tr("人数和面积均须达到", "headcount and area");

/// A base of the custom rule's fractions, by its code (domain::rules::custom_text).
pub fn base_name(l: Lang, code: &str) -> &'static str {
    match code {
        "eligible" => Tr("应到（全体）", "all eligible"),
        "present" => Tr("实到", "those present"),
        "voted" => Tr("参与表决者", "those voting"),
        "cast" => Tr("同意+反对", "yes + no"),
        _ => C_NONE,
    }
    .get(l)
}

/// A share the form cannot read: which field, and how to write it.
pub fn bad_share(l: Lang, label: &str) -> String {
    match l {
        Lang::Zh => format!("「{label}」请写成 ≥ 2/3、> 1/2 或 60% 这样的比例（0 到 1 之间）。"),
        Lang::En => format!("{label}: write a share like ≥ 2/3, > 1/2 or 60% (between 0 and 1)."),
    }
}

/// The custom rule in plain words, as it is being edited: each requirement as its
/// comparison, share and base name; `turnout` None: not required.
pub fn custom_explain(
    l: Lang,
    turnout: Option<(&str, &str, &str)>,
    approval: (&str, &str, &str),
    area: bool,
) -> String {
    let (cmp, share, base) = approval;
    match l {
        Lang::Zh => {
            let t = turnout
                .map(|(c, s, b)| format!("参与表决 {c} {b}的 {s}；"))
                .unwrap_or_else(|| "不要求参与比例；".into());
            let a = if area {
                "人数和面积均须达到"
            } else {
                "只计人数"
            };
            format!("本规则：{t}同意 {cmp} {base}的 {share}；{a}")
        }
        Lang::En => {
            let t = turnout
                .map(|(c, s, b)| format!("turnout {c} {s} of {b}; "))
                .unwrap_or_else(|| "no turnout required; ".into());
            let a = if area {
                "by head and by area"
            } else {
                "by head only"
            };
            format!("This rule: {t}yes {cmp} {share} of {base}; {a}")
        }
    }
}
