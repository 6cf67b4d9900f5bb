//! Minutes format V2: the words it adds to V1's (V2 uses every V1 word as it is). Frozen
//! once released, like V1's: a new wording is a new format version.

use crate::domain::lang::Lang;
use crate::domain::minutes::v1_words::W;

/// Under an item's heading when the meeting adjourned before it was taken up.
pub(super) const NOT_TAKEN_UP_LINE: W = W(
    "本议题未审议：会议在审议前休会。",
    "This item was not taken up: the meeting adjourned before it.",
);
/// In the vote part of such an item (不表决 is for an item decided without a vote).
pub(super) const NOT_TAKEN_UP: W = W("本议题未审议。", "This item was not taken up.");
pub(super) const CORRECTIONS: W = W("更正", "Corrected answers");
pub(super) const RECUSED: W = W("回避", "Recused");
pub(super) const BASE_ALL: W = W(
    "回避者仍计入全体成员基数",
    "recused members stay in the base of all members",
);
pub(super) const BASE_WITHOUT: W = W(
    "按规则设定，回避者不计入基数",
    "by the rule's setting, recused members leave the base",
);
pub(super) const SHAFT_OWNERS: W = W("井道占用业主", "Owners whose units the shaft occupies");
pub(super) const NO_ANSWER: W = W("未表态", "no answer");
pub(super) const SHAFT_MET: W = W("均同意，条件满足", "all agree: condition met");
pub(super) const SHAFT_NOT_MET: W = W(
    "须全部同意，条件未满足",
    "all must agree: condition not met",
);

/// One corrected answer: "王伟：同意 → 反对，10:32 更正".
pub(super) fn correction(l: Lang, name: &str, from: &str, to: &str, clock: &str) -> String {
    match l {
        Lang::Zh => format!("{name}：{from} → {to}，{clock} 更正"),
        Lang::En => format!("{name}: {from} → {to}, corrected at {clock}"),
    }
}
