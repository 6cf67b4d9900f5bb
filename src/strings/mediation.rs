//! Mediation's words: screens, commands, refusals, verification, in Chinese and
//! English. (The agreement's own words are part of what is signed: they are in
//! domain::mediation::agreement, not here.)

use crate::domain::mediation::verify::AgreementProblem;
use crate::domain::mediation::{CaseKind, CaseStatus, NotReady};
use crate::store::refusal::mediation::MediationRefusal;
use crate::strings::tr::{Lang, Tr};

pub fn kind(l: Lang, k: CaseKind) -> &'static str {
    match k {
        CaseKind::Leak => Tr("漏水", "Water leak"),
        CaseKind::Noise => Tr("噪音", "Noise"),
        CaseKind::Parking => Tr("停车", "Parking"),
        CaseKind::Family => Tr("家庭", "Family"),
        CaseKind::Neighbour => Tr("邻里", "Neighbours"),
        CaseKind::Other => Tr("其他", "Other"),
    }
    .get(l)
}

pub fn status(l: Lang, s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Open => Tr("调解中", "Open"),
        CaseStatus::Agreed => Tr("已达成协议", "Agreed"),
        CaseStatus::NotAgreed => Tr("未达成协议", "Not agreed"),
        CaseStatus::Withdrawn => Tr("已撤回", "Withdrawn"),
        CaseStatus::Performed => Tr("已履行", "Performed"),
        CaseStatus::NotPerformed => Tr("未履行", "Not performed"),
    }
    .get(l)
}

fn not_ready(l: Lang, n: NotReady) -> &'static str {
    match n {
        NotReady::TwoParties => Tr(
            "协议需要至少两方当事人。",
            "An agreement needs two parties or more.",
        ),
        NotReady::Facts => Tr(
            "请先写明纠纷主要事实。",
            "Write down the facts of the dispute first.",
        ),
        NotReady::Issue => Tr(
            "请先写明争议事项。",
            "Write down the issue in dispute first.",
        ),
        NotReady::Mediator => Tr("请先指定调解员。", "Name the mediator first."),
        NotReady::Terms => Tr(
            "协议还没有条款：请写明各方的义务、方式和期限。",
            "The agreement has no terms yet: write what each party will do, how and by when.",
        ),
        NotReady::BadTerm => Tr(
            "有一条协议条款缺少义务、当事人或有效的履行期限。",
            "A term lacks its duty, its party or a valid due date.",
        ),
        NotReady::PaperSignatures => Tr(
            "还有当事人未在纸质协议书上签名：请先登记各方签名日期。",
            "Not every party has signed the paper agreement: record each party's signature first.",
        ),
    }
    .get(l)
}

pub fn refusal(l: Lang, r: MediationRefusal) -> String {
    use MediationRefusal as R;
    let t = match r {
        R::NeedsTitle => Tr("请填写案件名称。", "The case needs a title."),
        R::BadDate => Tr(
            "日期应为“年-月-日”，例如 2026-05-20。",
            "A date is written year-month-day, e.g. 2026-05-20.",
        ),
        R::BadMonth => Tr(
            "月份应为“年-月”，例如 2026-05。",
            "A month is written year-month, e.g. 2026-05.",
        ),
        R::PartyNeedsName => Tr("请填写当事人姓名。", "The party needs a name."),
        R::MediatorNeedsName => Tr("请填写调解员姓名。", "The mediator needs a name."),
        R::MediatorTwice => Tr(
            "该调解员已在本案中。",
            "This mediator is already on the case.",
        ),
        R::TermNeedsDuty => Tr("请写明该方的义务。", "Write what the party will do."),
        R::NoSuchParty => Tr(
            "本案没有该当事人（请填序号，如 1 表示甲方）。",
            "No such party in this case (give its number: 1 for the first).",
        ),
        R::Signed => Tr(
            "调解协议书已签署，案件事实不能再改；如需更正，请以签署的补充协议进行。",
            "The agreement is signed: the case's facts are kept as signed; a correction is a signed addendum.",
        ),
        R::Transition(from, to) => {
            return match l {
                Lang::Zh => format!("案件不能从“{}”改为“{}”。", status(l, from), status(l, to)),
                Lang::En => format!(
                    "A case cannot go from “{}” to “{}”.",
                    status(l, from),
                    status(l, to)
                ),
            };
        }
        R::NotReady(n) => return not_ready(l, n).to_string(),
        R::NotAMediator => Tr(
            "只有本案的调解员可以签署调解协议书。",
            "Only a mediator of this case signs its agreement.",
        ),
        R::AlreadySigned => Tr(
            "该调解员已签署过本协议。",
            "This mediator has already signed.",
        ),
        R::NotSignedYet => Tr(
            "协议尚未签署：未签署前直接修改案件即可。",
            "The agreement is not signed yet: change the case itself.",
        ),
        R::CheckNeedsNote => Tr("请写明回访情况。", "Write what the check found."),
        R::NothingToCheck => Tr(
            "只有已达成协议（或未履行）的案件需要回访履行情况。",
            "Only an agreed (or not performed) case has its performance checked.",
        ),
        R::ImportInvalid => Tr(
            "该调解协议书验证不通过，未导入。",
            "The agreement does not verify; it was not imported.",
        ),
        R::ImportDiffers => Tr(
            "本机已有该案件的另一份协议书，未导入。",
            "Another agreement of this case is already here; it was not imported.",
        ),
        R::ImportUntrusted => Tr(
            "该协议书的签名密钥不在本机为该小区固定的密钥之列，未导入（请核对公示上的指纹，用 yishi trust add 固定）。",
            "The agreement is signed with a key this district has not pinned for its community; it was not imported (check the fingerprint on the notice and pin it with yishi trust add).",
        ),
    };
    t.get(l).to_string()
}

pub fn problem(l: Lang, p: &AgreementProblem) -> String {
    use AgreementProblem as P;
    match (l, p) {
        (Lang::Zh, P::MissingText) => "有签名但没有保存协议书文本".into(),
        (Lang::En, P::MissingText) => "signatures but no stored agreement text".into(),
        (Lang::Zh, P::StoredTextAltered) => "保存的协议书文本被改动".into(),
        (Lang::En, P::StoredTextAltered) => "the stored agreement text was altered".into(),
        (Lang::Zh, P::UnknownFormat { format }) => format!("未知的协议书格式 {format}"),
        (Lang::En, P::UnknownFormat { format }) => format!("unknown agreement format {format}"),
        (
            Lang::Zh,
            P::FactsDiffer {
                records_say,
                signed_says,
            },
        ) => format!(
            "案件记录与签署的协议书不一致（案件事实被改动）：记录为“{records_say}”，签署时为“{signed_says}”"
        ),
        (
            Lang::En,
            P::FactsDiffer {
                records_say,
                signed_says,
            },
        ) => format!(
            "the case's records differ from the signed agreement (its facts were changed): records say “{records_say}”, signed “{signed_says}”"
        ),
        (Lang::Zh, P::BadSignature { signer }) => format!("{signer} 的签名验证失败"),
        (Lang::En, P::BadSignature { signer }) => {
            format!("the signature of {signer} does not verify")
        }
        (Lang::Zh, P::NotAMediator { signer }) => format!("{signer} 不是本案调解员"),
        (Lang::En, P::NotAMediator { signer }) => format!("{signer} is not a mediator of the case"),
        (
            Lang::Zh,
            P::NotOnRoster {
                signer,
                fingerprint,
            },
        ) => {
            format!("{signer}（{fingerprint}）签署时不在签署人名册上")
        }
        (
            Lang::En,
            P::NotOnRoster {
                signer,
                fingerprint,
            },
        ) => {
            format!("{signer} ({fingerprint}) was not on the signer roster when signing")
        }
        (Lang::Zh, P::AddendumUnsigned { id }) => format!("补充协议 {id} 没有有效签名"),
        (Lang::En, P::AddendumUnsigned { id }) => format!("addendum {id} has no valid signature"),
        (Lang::Zh, P::NoMediatorSignature) => "没有调解员的签名".into(),
        (Lang::En, P::NoMediatorSignature) => "no mediator's signature".into(),
        (Lang::Zh, P::RosterBroken) => "签署人名册验证不通过".into(),
        (Lang::En, P::RosterBroken) => "the signer roster does not verify".into(),
    }
}

// ---- screens ----
pub const LIST_TITLE: Tr = Tr("调解案件", "Mediation cases");
pub const CASE_TITLE: Tr = Tr("调解案件", "Mediation case");
pub const NO_CASES: Tr = Tr(
    "没有符合条件的调解案件。按 n 登记新案件。",
    "No mediation case matches. Press n to open one.",
);
pub const ALL: Tr = Tr("全部", "All");
pub const COL_NO: Tr = Tr("编号", "No.");
pub const COL_KIND: Tr = Tr("类别", "Kind");
pub const COL_STATUS: Tr = Tr("状态", "Status");
pub const COL_OPENED: Tr = Tr("受理日期", "Opened");
pub const COL_DUE: Tr = Tr("履行期限", "Due");
pub const COL_TITLE: Tr = Tr("案件", "Case");
pub const FILTER: Tr = Tr("筛选", "Filter");
pub const PARTIES: Tr = Tr("当事人", "Parties");
pub const OUTSIDER: Tr = Tr("名册外", "not on the roster");
pub const MEDIATORS: Tr = Tr("调解员", "Mediators");
pub const FACTS: Tr = Tr("纠纷事实", "Facts");
pub const ISSUE: Tr = Tr("争议事项", "Issue");
pub const SESSIONS: Tr = Tr("调解记录", "Sessions");
pub const NO_SESSIONS: Tr = Tr("尚无调解记录。", "No session yet.");
pub const TERMS: Tr = Tr("协议条款", "Terms");
pub const PAPER: Tr = Tr("纸质签名", "Paper signatures");
pub const NO_TERMS: Tr = Tr("（尚无，按 t 添加）", "(none yet: t adds one)");
pub const NO_PAPER: Tr = Tr("（尚无，按 v 登记）", "(none yet: v records one)");
pub const NONE: Tr = Tr("无", "none");
pub const CHECKS: Tr = Tr("履行回访", "Performance checks");
pub const DRAFT: Tr = Tr("协议书草稿", "Agreement draft");
pub const SIGNED_TEXT: Tr = Tr("已签署的协议书", "Signed agreement");
pub const SIGNED_BY: Tr = Tr("签署", "Signed by");
pub const PRESENT: Tr = Tr("到场", "present");
/// Home's row for an agreement due to be checked, in the meetings' columns: status
/// (待回访), the due day, this as the kind, then the case's title.
pub fn due_home(l: Lang, number: i64) -> String {
    match l {
        Lang::Zh => format!("调解协议{number}号"),
        Lang::En => format!("Case #{number}"),
    }
}
pub const DUE_BOARD: Tr = Tr("待回访", "to check");
pub const SIGNED_NOW: Tr = Tr(
    "调解协议书已签署，案件已锁定。",
    "The agreement is signed; the case is locked.",
);
pub const SIGNED_AGAIN: Tr = Tr("已加签。", "Signature added.");

// ---- forms ----
pub const F_NEW_CASE: Tr = Tr("登记调解案件", "Open a mediation case");
pub const F_EDIT_CASE: Tr = Tr("修改案件", "Edit the case");
pub const F_KIND: Tr = Tr("纠纷类别", "Kind");
pub const F_TITLE: Tr = Tr("案件名称", "Title");
pub const F_FACTS: Tr = Tr("纠纷主要事实", "Facts");
pub const F_ISSUE: Tr = Tr("争议事项", "Issue");
pub const F_DATE: Tr = Tr("日期（年-月-日）", "Date (YYYY-MM-DD)");
pub const F_PARTY: Tr = Tr("添加当事人", "Add a party");
pub const F_NAME: Tr = Tr("姓名", "Name");
pub const F_UNITS: Tr = Tr("房号（逗号分隔）", "Units (commas)");
pub const H_UNITS: Tr = Tr(
    "名册上的住户可不填，自动取其房号。",
    "Leave empty for a voter of the roster: their units are taken.",
);
pub const F_MEDIATOR: Tr = Tr("添加调解员", "Add a mediator");
pub const F_SESSION: Tr = Tr("记录调解", "Record a session");
pub const F_PRESENT: Tr = Tr("到场人员", "Who came");
pub const F_NOTES: Tr = Tr("调解情况", "Notes");
pub const F_TERM: Tr = Tr("添加协议条款", "Add a term");
pub const F_PARTY_NO: Tr = Tr("当事人", "Party");
pub const F_DUTY: Tr = Tr("义务", "Will do");
pub const F_HOW: Tr = Tr("履行方式", "How");
pub const F_DUE: Tr = Tr("履行期限（年-月-日）", "By (YYYY-MM-DD)");
pub const F_PAPER: Tr = Tr("登记纸质签名", "Record a paper signature");
pub const F_SIGN: Tr = Tr("调解员签署协议书", "Mediator signs the agreement");
pub const F_SIGNER: Tr = Tr("调解员", "Mediator");
pub const F_PASSPHRASE: Tr = Tr("口令", "Passphrase");
pub const F_CHECK: Tr = Tr("回访履行情况", "Check the performance");
pub const F_PERFORMED: Tr = Tr("结果", "Result");
pub const F_STATUS: Tr = Tr("改变状态", "Change the status");
pub const F_NOTE: Tr = Tr("说明", "Note");
pub const F_ADDENDUM: Tr = Tr("签署补充协议（更正）", "Signed addendum (correction)");
pub const F_ADDENDUM_TEXT: Tr = Tr("更正内容", "Correction");
pub const F_FILTER_STATUS: Tr = Tr("状态", "Status");
pub const F_FILTER_KIND: Tr = Tr("类别", "Kind");
pub const F_FILTER_MONTH: Tr = Tr("月份（年-月）", "Month (YYYY-MM)");
pub const F_SEARCH: Tr = Tr("查找", "Find");
pub const H_SEARCH: Tr = Tr(
    "在案件名称、事实、当事人和调解记录中查找（仅本机）。",
    "In titles, facts, parties and session notes (this laptop only).",
);
pub const YES_PERFORMED: Tr = Tr("已履行", "Performed");
pub const NOT_PERFORMED: Tr = Tr("未履行", "Not performed");

// ---- keys ----
pub const K_MEDIATION: Tr = Tr("调解", "mediation");
// The district report's mediation sections (counts only).
pub const R_BY_KIND: Tr = Tr("调解案件（按类别）", "Mediation cases by kind");
pub const R_BY_STATUS: Tr = Tr("调解案件（按状态）", "Mediation cases by status");
pub const R_BY_MONTH: Tr = Tr("调解案件（按受理月份）", "Mediation cases by month opened");
pub const K_NEW_CASE: Tr = Tr("新案件", "new case");
pub const K_FILTER: Tr = Tr("筛选", "filter");
pub const K_EDIT: Tr = Tr("修改", "edit");
pub const K_PARTY: Tr = Tr("当事人", "party");
pub const K_MEDIATOR: Tr = Tr("调解员", "mediator");
pub const K_SESSION: Tr = Tr("调解记录", "session");
pub const K_TERM: Tr = Tr("条款", "term");
pub const K_PAPER: Tr = Tr("纸质签名", "paper signature");
pub const K_SIGN: Tr = Tr("签署", "sign");
pub const K_CHECK: Tr = Tr("回访", "check");
pub const K_STATUS: Tr = Tr("状态", "status");
pub const K_ADDENDUM: Tr = Tr("补充协议", "addendum");
pub const K_TEXT: Tr = Tr("协议书", "agreement");

// ---- commands ----
pub const CLI_NO_CASE: Tr = Tr("没有这个调解案件", "No such mediation case");
pub const CLI_AGREEMENT: Tr = Tr("调解协议书", "Agreement");
pub const CLI_VALID: Tr = Tr("有效", "valid");
pub const CLI_INVALID: Tr = Tr("无效", "INVALID");
pub const CLI_UNSIGNED: Tr = Tr("未签署", "not signed");
pub const CLI_IMPORTED: Tr = Tr("（区级导入）", "(imported)");
pub const CLI_IMPORT_NEW: Tr = Tr("已导入调解协议书", "Imported the agreement");
pub const CLI_IMPORT_SAME: Tr = Tr(
    "该调解协议书已导入过，未改动",
    "The agreement was already here; nothing changed",
);
pub const CLI_NOT_SIGNED: Tr = Tr(
    "调解协议书尚未签署，不能导出",
    "The agreement is not signed; nothing to export",
);

/// "调解协议书 望城小区 第3号「…」：有效 …" for `verify`.
pub fn verify_line(
    l: Lang,
    community: &str,
    number: i64,
    title: &str,
    ok: Option<bool>,
    detail: &str,
) -> String {
    let verdict = match ok {
        Some(true) => CLI_VALID.get(l),
        Some(false) => CLI_INVALID.get(l),
        None => CLI_UNSIGNED.get(l),
    };
    match l {
        Lang::Zh => format!(
            "{} {community} 第{number}号「{title}」：{verdict}{}{detail}",
            CLI_AGREEMENT.get(l),
            if detail.is_empty() { "" } else { "　" }
        ),
        Lang::En => format!(
            "{} {community} no. {number} “{title}”: {verdict}{}{detail}",
            CLI_AGREEMENT.get(l),
            if detail.is_empty() { "" } else { " — " }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_and_problem_has_both_sentences() {
        use MediationRefusal as R;
        let all = [
            R::NeedsTitle,
            R::BadDate,
            R::BadMonth,
            R::PartyNeedsName,
            R::MediatorNeedsName,
            R::MediatorTwice,
            R::TermNeedsDuty,
            R::NoSuchParty,
            R::Signed,
            R::Transition(CaseStatus::Withdrawn, CaseStatus::Open),
            R::NotReady(NotReady::PaperSignatures),
            R::NotAMediator,
            R::AlreadySigned,
            R::NotSignedYet,
            R::CheckNeedsNote,
            R::NothingToCheck,
            R::ImportInvalid,
            R::ImportDiffers,
            R::ImportUntrusted,
        ];
        for r in all {
            let (zh, en) = (refusal(Lang::Zh, r), refusal(Lang::En, r));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{r:?}");
        }
        for k in CaseKind::ALL {
            assert_ne!(kind(Lang::Zh, k), kind(Lang::En, k));
        }
        for s in CaseStatus::ALL {
            assert_ne!(status(Lang::Zh, s), status(Lang::En, s));
        }
    }
}
