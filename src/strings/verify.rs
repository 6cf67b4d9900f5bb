//! Words of verification: the sections of the minutes, each problem `verify` finds, and
//! the one-line verdict.

use crate::strings::meeting::sign_role;
use crate::strings::tr::{Lang, Tr};
use crate::strings::trust;

pub fn section_name(l: Lang, s: &crate::domain::minutes::Section) -> String {
    use crate::domain::minutes::{ItemPart, Section};
    match s {
        Section::Header => Tr("会议基本信息", "the meeting's details").get(l).into(),
        Section::Attendance => Tr("出席情况", "attendance").get(l).into(),
        Section::Summary => Tr("会议小结", "the summary").get(l).into(),
        Section::Item {
            position,
            title,
            part,
        } => {
            let part = match part {
                ItemPart::Heading => Tr("基本信息", "details"),
                ItemPart::Proposal => Tr("议案文本", "proposal text"),
                ItemPart::Remarks => Tr("发言记录", "remarks"),
                ItemPart::Vote => Tr("表决记录", "vote (roll call and figures)"),
                ItemPart::Actions => Tr("落实事项", "action items"),
            }
            .get(l);
            match l {
                Lang::Zh => format!("议题 {position}「{title}」的{part}"),
                Lang::En => format!("item {position} \"{title}\": {part}"),
            }
        }
    }
}

fn short(h: &str) -> &str {
    h.get(..16).unwrap_or(h)
}

pub fn problem(l: Lang, p: &crate::domain::signing::verify::Problem) -> String {
    use crate::domain::signing::verify::Problem as P;
    // Exhaustive here, so a new problem does not compile without its sentence; each
    // family's sentences in a function of its own.
    match p {
        P::RecordUnreadable { .. }
        | P::MissingMinutes
        | P::UnknownFormat { .. }
        | P::StoredTextAltered
        | P::RecordsDiffer { .. }
        | P::OutcomeMismatch { .. }
        | P::NotLocked => record_problem(l, p),
        P::BadSignature { .. }
        | P::SignedOtherText { .. }
        | P::SignedOtherLink { .. }
        | P::SignerNameMismatch { .. }
        | P::MissingSignature { .. } => signature_problem(l, p),
        P::AddendumUnsigned { .. } | P::AddendumBadSignature { .. } | P::AddendumMissing { .. } => {
            addendum_problem(l, p)
        }
        P::ChainBroken { .. } | P::ChainOrder { .. } => chain_problem(l, p),
        P::ChainPosition { seq } => trust::chain_position(l, *seq),
        P::Trust(t) => trust::problem(l, t),
    }
}

/// The records and the stored text.
fn record_problem(l: Lang, p: &crate::domain::signing::verify::Problem) -> String {
    use crate::domain::signing::verify::Problem as P;
    match (l, p) {
        (Lang::Zh, P::RecordUnreadable { detail }) => format!("记录无法读取：{detail}"),
        (Lang::En, P::RecordUnreadable { detail }) => {
            format!("the records cannot be read: {detail}")
        }
        (Lang::Zh, P::MissingMinutes) => "已签署会议记录文本缺失".into(),
        (Lang::En, P::MissingMinutes) => "the signed minutes text is missing".into(),
        (Lang::Zh, P::UnknownFormat { format }) => {
            format!("会议记录为第 {format} 版格式，本程序不认识（请用更新的版本核验）")
        }
        (Lang::En, P::UnknownFormat { format }) => format!(
            "the minutes are in format version {format}, which this program does not know (verify them with a newer release)"
        ),
        (Lang::Zh, P::StoredTextAltered) => "存储的会议记录文本被改动（与其 SHA-256 不符）".into(),
        (Lang::En, P::StoredTextAltered) => {
            "the stored minutes text was changed (it no longer matches its SHA-256)".into()
        }
        (
            _,
            P::RecordsDiffer {
                sections,
                records_say,
                signed_says,
            },
        ) => {
            let names: Vec<String> = sections.iter().map(|s| section_name(l, s)).collect();
            match l {
                Lang::Zh => format!(
                    "记录与签署的会议记录不符：{}（记录为「{}」，签署文本为「{}」）",
                    names.join("、"),
                    records_say,
                    signed_says
                ),
                Lang::En => format!(
                    "the records differ from the signed minutes in {} (records: \"{}\"; signed: \"{}\")",
                    names.join(", "),
                    records_say,
                    signed_says
                ),
            }
        }
        (Lang::Zh, P::OutcomeMismatch { position, title }) => {
            format!("议题 {position}「{title}」的表决结果与表决名单不符")
        }
        (Lang::En, P::OutcomeMismatch { position, title }) => {
            format!(
                "item {position} \"{title}\": the fixed outcome does not follow from the roll call"
            )
        }
        (Lang::Zh, P::NotLocked) => "已签署但会议未锁定（状态被改动）".into(),
        (Lang::En, P::NotLocked) => {
            "signed, but the meeting is not locked (its status was changed)".into()
        }
        // Another family: `problem` sends each problem to its own.
        _ => String::new(),
    }
}

/// A signature over the minutes.
fn signature_problem(l: Lang, p: &crate::domain::signing::verify::Problem) -> String {
    use crate::domain::signing::verify::Problem as P;
    let role_name = |r: &str| sign_role(l, r);
    match (l, p) {
        (
            _,
            P::BadSignature {
                signer,
                role,
                fingerprint,
            },
        ) => signer_said(l, Signed::Invalid, signer, role_name(role), fingerprint),
        (
            _,
            P::SignedOtherText {
                signer,
                role,
                fingerprint,
            },
        ) => signer_said(l, Signed::OtherText, signer, role_name(role), fingerprint),
        (
            _,
            P::SignedOtherLink {
                signer,
                role,
                fingerprint,
            },
        ) => signer_said(l, Signed::OtherLink, signer, role_name(role), fingerprint),
        (
            Lang::Zh,
            P::SignerNameMismatch {
                signed_as,
                registered,
                fingerprint,
            },
        ) => {
            format!("签名人姓名「{signed_as}」与登记姓名「{registered}」不符（密钥 {fingerprint}）")
        }
        (
            Lang::En,
            P::SignerNameMismatch {
                signed_as,
                registered,
                fingerprint,
            },
        ) => format!(
            "the signer's name \"{signed_as}\" is not the registered name \"{registered}\" (key {fingerprint})"
        ),
        (Lang::Zh, P::MissingSignature { role }) => {
            format!("缺少{}的有效签名", role_name(role.as_db()))
        }
        (Lang::En, P::MissingSignature { role }) => {
            format!(
                "no valid signature of the {}",
                role_name(role.as_db()).to_lowercase()
            )
        }
        // Another family: `problem` sends each problem to its own.
        _ => String::new(),
    }
}

/// What is wrong with one signer's signature.
enum Signed {
    Invalid,
    OtherText,
    OtherLink,
}

fn signer_said(l: Lang, what: Signed, signer: &str, role: &str, fingerprint: &str) -> String {
    match (l, what) {
        (Lang::Zh, Signed::Invalid) => {
            format!("{role}「{signer}」的签名无效（密钥 {fingerprint}）")
        }
        (Lang::En, Signed::Invalid) => format!(
            "the signature of {} {signer} (key {fingerprint}) does not verify",
            role.to_lowercase()
        ),
        (Lang::Zh, Signed::OtherText) => {
            format!("{role}「{signer}」（密钥 {fingerprint}）签署的不是现存的会议记录文本")
        }
        (Lang::En, Signed::OtherText) => {
            format!(
                "{role} {signer} (key {fingerprint}) signed another text than the stored minutes"
            )
        }
        (Lang::Zh, Signed::OtherLink) => {
            format!("{role}「{signer}」（密钥 {fingerprint}）签署的链接与存储的不符")
        }
        (Lang::En, Signed::OtherLink) => format!(
            "{role} {signer} (key {fingerprint}) signed another chain link than the stored one"
        ),
    }
}

/// A signed addendum.
fn addendum_problem(l: Lang, p: &crate::domain::signing::verify::Problem) -> String {
    use crate::domain::signing::verify::Problem as P;
    match (l, p) {
        (Lang::Zh, P::AddendumUnsigned { number }) => format!("补充更正 {number} 未签名"),
        (Lang::En, P::AddendumUnsigned { number }) => format!("addendum {number} is not signed"),
        (
            Lang::Zh,
            P::AddendumBadSignature {
                number,
                signer,
                fingerprint,
            },
        ) => format!("补充更正 {number} 上「{signer}」的签名无效（密钥 {fingerprint}）"),
        (
            Lang::En,
            P::AddendumBadSignature {
                number,
                signer,
                fingerprint,
            },
        ) => format!(
            "the signature of {signer} (key {fingerprint}) on addendum {number} does not verify"
        ),
        (Lang::Zh, P::AddendumMissing { addendum_id }) => {
            format!("已签名的补充更正（编号 {addendum_id}）被删除")
        }
        (Lang::En, P::AddendumMissing { addendum_id }) => {
            format!("a signed addendum (id {addendum_id}) was deleted")
        }
        // Another family: `problem` sends each problem to its own.
        _ => String::new(),
    }
}

/// The chain of signed minutes.
fn chain_problem(l: Lang, p: &crate::domain::signing::verify::Problem) -> String {
    use crate::domain::signing::verify::Problem as P;
    match (l, p) {
        (Lang::Zh, P::ChainBroken { prev }) => format!(
            "签署链断开：上一份会议记录（SHA-256 {}…）不存在，此前签署的会议被删除",
            short(prev)
        ),
        (Lang::En, P::ChainBroken { prev }) => format!(
            "chain broken: the previous minutes it links to (SHA-256 {}…) are missing; signed minutes before it were deleted",
            short(prev)
        ),
        (Lang::Zh, P::ChainOrder { prev }) => format!(
            "签署链顺序不符：链接到的上一份会议记录（SHA-256 {}…）不是紧邻的前一份",
            short(prev)
        ),
        (Lang::En, P::ChainOrder { prev }) => format!(
            "chain out of order: it links to minutes (SHA-256 {}…) that are not the ones signed just before",
            short(prev)
        ),

        // Another family: `problem` sends each problem to its own.
        _ => String::new(),
    }
}

pub fn verify_line(
    l: Lang,
    id: Option<i64>,
    title: &str,
    status: &crate::domain::signing::verify::VerifyStatus,
    signers: &str,
) -> String {
    use crate::domain::signing::verify::VerifyStatus as V;
    let who = match (l, id) {
        (Lang::Zh, Some(id)) => format!("会议 {id}「{title}」"),
        (Lang::En, Some(id)) => format!("meeting {id} \"{title}\""),
        (Lang::Zh, None) => format!("「{title}」"),
        (Lang::En, None) => format!("\"{title}\""),
    };
    match (l, status) {
        (Lang::Zh, V::Valid) => format!("{who}：有效（{signers}）"),
        (Lang::En, V::Valid) => format!("{who}: valid ({signers})"),
        (Lang::Zh, V::Unsigned) => format!("{who}：尚未签署完成"),
        (Lang::En, V::Unsigned) => format!("{who}: not signed yet"),
        (_, V::Invalid(ps)) => {
            let list: Vec<String> = ps.iter().map(|p| problem(l, p)).collect();
            match l {
                Lang::Zh => format!("{who}：无效 — {}", list.join("；")),
                Lang::En => format!("{who}: INVALID — {}", list.join("; ")),
            }
        }
    }
}
