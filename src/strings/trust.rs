//! Words of the trust checks: the signer roster, pinned keys, the chain head
//! (see domain::signing::roster and `yishi trust`).

use crate::domain::signing::verify::TrustProblem as T;
use crate::strings::tr::{Lang, Tr};

pub fn chain_position(l: Lang, seq: i64) -> String {
    match l {
        Lang::Zh => format!("签署链位置不符：第 {seq} 份不是紧接前一份的位置（缺号或重号）"),
        Lang::En => format!(
            "chain position wrong: position {seq} does not follow the minutes before it (a gap or a duplicate)"
        ),
    }
}

pub fn problem(l: Lang, p: &T) -> String {
    match (l, p) {
        (
            Lang::Zh,
            T::NotOnRoster {
                signer,
                fingerprint,
            },
        ) => format!("签名密钥 {fingerprint}（{signer}）签署时不在本小区的签署人名册上"),
        (
            Lang::En,
            T::NotOnRoster {
                signer,
                fingerprint,
            },
        ) => format!(
            "key {fingerprint} ({signer}) was not on this community's signer roster when it signed"
        ),
        (
            Lang::Zh,
            T::NotTheNamedSigner {
                role,
                signer,
                named,
                fingerprint,
            },
        ) => format!(
            "{}签名人为 {signer}（密钥 {fingerprint}），但会议记载的{}是 {named}",
            crate::strings::meeting::sign_role(l, role),
            crate::strings::meeting::sign_role(l, role)
        ),
        (
            Lang::En,
            T::NotTheNamedSigner {
                role,
                signer,
                named,
                fingerprint,
            },
        ) => format!(
            "the {role}'s signature is by {signer} (key {fingerprint}), but the meeting names {named}"
        ),
        (Lang::Zh, T::BadRosterEntry { seq, fingerprint }) => {
            format!(
                "签署人名册第 {seq} 条（密钥 {fingerprint}）无效：签名不符、顺序不对或担保人未登记"
            )
        }
        (Lang::En, T::BadRosterEntry { seq, fingerprint }) => format!(
            "signer roster entry {seq} (key {fingerprint}) is invalid: bad signature, out of order, or endorsed by an unregistered key"
        ),
        (
            Lang::Zh,
            T::Untrusted {
                signer,
                fingerprint,
            },
        ) => format!(
            "签名密钥 {fingerprint}（{signer}）未在本机登记信任，也未经已信任密钥担保；核对纸质公示后用 yishi trust add 登记"
        ),
        (
            Lang::En,
            T::Untrusted {
                signer,
                fingerprint,
            },
        ) => format!(
            "key {fingerprint} ({signer}) is neither pinned here nor endorsed by a pinned key; check it against the printed notice, then `yishi trust add`"
        ),
    }
}

pub const SIGNED_V1: Tr = Tr("（以第 1 版签署声明签署）", "(signed with statement v1)");
pub const F_ENDORSER: Tr = Tr(
    "担保人（已登记的签署人）",
    "Endorsed by (a registered signer)",
);
pub const F_ENDORSER_PASS: Tr = Tr("担保人口令", "Endorser's passphrase");
pub const NO_PINS: Tr = Tr("尚未登记信任任何密钥。", "No keys are pinned.");
pub const ASK_PIN: Tr = Tr(
    "请与纸质公示上的指纹核对。信任这些密钥并导入吗？[y/N] ",
    "Check them against the printed notice. Pin these keys and import? [y/N] ",
);

pub fn new_community(l: Lang, community: &str) -> String {
    match l {
        Lang::Zh => format!("「{community}」的第一份会议记录，签名密钥："),
        Lang::En => format!("First minutes of \"{community}\", signed with the keys:"),
    }
}

pub fn needs_pinning(l: Lang, community: &str, fps: &str) -> String {
    match l {
        Lang::Zh => format!(
            "「{community}」尚无信任的密钥（{fps}）；核对纸质公示后用 yishi trust add 登记，或用 --trust-new"
        ),
        Lang::En => format!(
            "no key of \"{community}\" is pinned yet ({fps}); check the printed notice, then `yishi trust add`, or use --trust-new"
        ),
    }
}

pub fn pinned(l: Lang, community: &str, fp: &str) -> String {
    match l {
        Lang::Zh => format!("已信任：「{community}」 {fp}"),
        Lang::En => format!("pinned: \"{community}\" {fp}"),
    }
}

pub fn unpinned(l: Lang, community: &str, fp: &str) -> String {
    match l {
        Lang::Zh => format!("已取消信任：「{community}」 {fp}"),
        Lang::En => format!("unpinned: \"{community}\" {fp}"),
    }
}

pub fn not_pinned(l: Lang, community: &str, fp: &str) -> String {
    match l {
        Lang::Zh => format!("「{community}」未信任 {fp}"),
        Lang::En => format!("{fp} is not pinned for \"{community}\""),
    }
}

pub fn bad_fingerprint(l: Lang, fp: &str) -> String {
    match l {
        Lang::Zh => format!("「{fp}」不是密钥指纹（16 位十六进制，如 a1b2:c3d4:e5f6:0718）"),
        Lang::En => {
            format!("\"{fp}\" is not a key fingerprint (16 hex digits, e.g. a1b2:c3d4:e5f6:0718)")
        }
    }
}

pub fn bad_head(l: Lang, head: &str) -> String {
    match l {
        Lang::Zh => format!("「{head}」不是签署链头（小区:位置:16 位十六进制）"),
        Lang::En => format!("\"{head}\" is not a chain head (COMMUNITY:POSITION:16 hex digits)"),
    }
}

pub fn head_ok(l: Lang, community: &str, seq: i64, hex: &str) -> String {
    match l {
        Lang::Zh => format!("「{community}」签署链头 {seq}:{hex} 及其之前的每一环都在，且相连"),
        Lang::En => format!(
            "\"{community}\" chain head {seq}:{hex}: that link and every one before it are here and linked"
        ),
    }
}

pub fn head_missing(l: Lang, community: &str, seq: i64, hex: &str, why: &str) -> String {
    match l {
        Lang::Zh => format!("「{community}」签署链头 {seq}:{hex} 未通过：{why}"),
        Lang::En => format!("\"{community}\" chain head {seq}:{hex} FAILS: {why}"),
    }
}

pub fn head_line(l: Lang, seq: i64, hex: &str) -> String {
    match l {
        Lang::Zh => format!("签署链头：{seq}:{hex}（位置:SHA-256 前 16 位）"),
        Lang::En => format!("Chain head: {seq}:{hex} (position:first 16 hex of SHA-256)"),
    }
}

pub fn no_community(l: Lang, community: &str) -> String {
    match l {
        Lang::Zh => format!("本数据库没有小区「{community}」"),
        Lang::En => format!("there is no community \"{community}\" here"),
    }
}
