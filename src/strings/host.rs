//! Words of the host's screens added by issue 15: drafts, the discard question, and
//! the feedback of keys that said nothing before.

use super::{Lang, Tr};

pub const DISCARD_Q: Tr = Tr(
    "放弃对这个表单的修改？已输入的内容将被删除。",
    "Discard the changes to this form? What was typed will be deleted.",
);
pub const DISCARD_KEYS: Tr = Tr(
    "Enter/y 放弃修改 · Esc/n 继续编辑",
    "Enter/y discard · Esc/n keep editing",
);
pub const DISCARDED: Tr = Tr("已放弃修改。", "Changes discarded.");
pub const DRAFTS_KEPT: Tr = Tr(
    "份未保存的草稿已保留：打开原来的表单即可继续填写。",
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
