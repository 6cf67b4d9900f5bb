//! The words of the yes/no dialogs' keys: the confirm question and the discard question
//! over a changed form (their key lines are generated from ui::keys::dialog).

use crate::strings::Tr;

pub const K_CONFIRM: Tr = Tr("确定", "confirm");
pub const K_CANCEL: Tr = Tr("取消", "cancel");
pub const K_DISCARD: Tr = Tr("放弃修改", "discard");
pub const K_KEEP_EDITING: Tr = Tr("继续编辑", "keep editing");
