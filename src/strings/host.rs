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
