//! Every user-facing string, in Chinese and English. Screens and commands take their
//! words from here, never from literals of their own.

pub mod cli;
pub mod files;
pub mod record;
pub mod room;
pub mod trust;
pub mod ui;

use crate::domain::model::{
    ActionStatus, Category, Choice, MeetingKind, MeetingStatus, PresenceKind, ScopeKind,
};

pub use crate::domain::lang::Lang;

/// Which language the user wants (reads the environment, so it lives here, not in the
/// domain).
impl Lang {
    /// `--lang` wins; else LANG / LC_ALL / LC_MESSAGES starting with "zh" mean Chinese.
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(f) = flag {
            return Lang::parse(f).unwrap_or(Lang::Zh);
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::Zh
    }
}

/// A string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    pub fn get(self, l: Lang) -> &'static str {
        match l {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

pub fn choice(l: Lang, c: Choice) -> &'static str {
    match c {
        Choice::Yes => Tr("同意", "Yes"),
        Choice::No => Tr("反对", "No"),
        Choice::Abstain => Tr("弃权", "Abstain"),
        Choice::Recused => Tr("回避", "Recused"),
        Choice::NotVoting => Tr("未表决", "Not voting"),
    }
    .get(l)
}

pub fn meeting_kind(l: Lang, k: MeetingKind) -> &'static str {
    match k {
        MeetingKind::ResidentsCouncil => Tr("居民议事会", "Residents' council"),
        MeetingKind::OwnersAssembly => Tr("业主大会", "Owners' assembly"),
        MeetingKind::OwnersCommittee => Tr("业委会会议", "Owners' committee"),
        MeetingKind::PartyBranch => Tr("党支部会议", "Party branch meeting"),
        MeetingKind::ResidentsMeeting => Tr("居民会议", "Residents' meeting"),
        MeetingKind::Other => Tr("其他会议", "Other meeting"),
    }
    .get(l)
}

pub fn meeting_status(l: Lang, s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Draft => Tr("筹备中", "draft"),
        MeetingStatus::Open => Tr("进行中", "open"),
        MeetingStatus::Adjourned => Tr("已休会", "adjourned"),
        MeetingStatus::Signed => Tr("已签署", "signed"),
    }
    .get(l)
}

pub fn category(l: Lang, c: Category) -> &'static str {
    match c {
        Category::Elevator => Tr("加装电梯", "Elevator"),
        Category::Gate => Tr("小区大门", "Gate"),
        Category::Parking => Tr("停车", "Parking"),
        Category::Road => Tr("道路", "Road"),
        Category::Funds => Tr("维修资金", "Funds"),
        Category::Property => Tr("物业", "Property"),
        Category::Rules => Tr("公约制度", "Rules"),
        Category::Facility => Tr("公共设施", "Facility"),
        Category::Followup => Tr("前期决议跟进", "Follow-up"),
        Category::Other => Tr("其他", "Other"),
    }
    .get(l)
}

pub fn scope_kind(l: Lang, s: ScopeKind) -> &'static str {
    match s {
        ScopeKind::All => Tr("全体", "Whole roster"),
        ScopeKind::Building => Tr("本栋", "One building"),
        ScopeKind::Unit => Tr("本单元", "One unit of a building"),
        ScopeKind::Council => Tr("议事会成员", "Council members"),
    }
    .get(l)
}

pub fn presence_kind(l: Lang, p: PresenceKind) -> &'static str {
    match p {
        PresenceKind::Present => Tr("出席", "present"),
        PresenceKind::Absent => Tr("缺席", "absent"),
        PresenceKind::Proxy => Tr("委托", "proxy"),
        PresenceKind::Arrive => Tr("到场", "arrived"),
        PresenceKind::Leave => Tr("离场", "left"),
        PresenceKind::Recuse => Tr("回避", "recused"),
    }
    .get(l)
}

pub fn action_status(l: Lang, s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => Tr("待办", "open"),
        ActionStatus::Doing => Tr("进行中", "in progress"),
        ActionStatus::Done => Tr("已完成", "done"),
        ActionStatus::Dropped => Tr("已撤销", "dropped"),
    }
    .get(l)
}

// ---- command line ----
pub const CLI_NOT_YET: Tr = Tr(
    "此命令尚未提供，将在后续版本中实现。",
    "This command is not available yet; it comes with a later version.",
);
pub const CLI_NO_MEETINGS: Tr = Tr("没有会议记录。", "No meetings.");

pub fn cli_imported(l: Lang, voters: usize, units: usize, community: &str) -> String {
    match l {
        Lang::Zh => format!("已导入 {community}：{voters} 位表决人，{units} 套房屋。"),
        Lang::En => format!("Imported into {community}: {voters} voters, {units} units."),
    }
}

pub fn cli_csv_error(l: Lang, file: &str, line: usize, en: &str, zh: &str) -> String {
    match l {
        Lang::Zh => format!("{file} 第 {line} 行{zh}；未导入任何数据。"),
        Lang::En => format!("{file} line {line} {en}; nothing was imported."),
    }
}

pub fn cli_demo_ready(l: Lang, path: &str) -> String {
    match l {
        Lang::Zh => format!("演示数据已就绪：{path}"),
        Lang::En => format!("Demo database ready: {path}"),
    }
}

/// The selectable rules of the item form, in order.
pub const RULE_CODES: &[&str] = &[
    "art278_ordinary",
    "art278_major",
    "elevator",
    "committee",
    "residents_meeting",
    "robert_majority",
    "robert_two_thirds",
    "no_vote",
];

pub fn rule_name(l: Lang, code: &str) -> &'static str {
    match code {
        "art278_ordinary" => Tr("民法典278条 一般事项", "Civil Code 278, ordinary"),
        "art278_major" => Tr("民法典278条 重大事项", "Civil Code 278, major"),
        "elevator" => Tr("加装电梯（本单元/本栋）", "Elevator retrofit (unit scope)"),
        "committee" => Tr("业委会决定", "Owners' committee"),
        "residents_meeting" => Tr("居民会议", "Residents' meeting"),
        "robert_majority" => Tr("简单多数（同意>反对）", "Majority (yes > no)"),
        "robert_two_thirds" => Tr("三分之二多数", "Two-thirds of votes cast"),
        "custom" => Tr("自定义规则", "Custom rule"),
        _ => Tr("不表决（仅讨论）", "No vote (discussion only)"),
    }
    .get(l)
}

/// One line saying what the rule requires.
pub fn rule_explain(l: Lang, code: &str) -> &'static str {
    match code {
        "art278_ordinary" => Tr(
            "参与表决人数和面积均≥2/3；同意人数和面积均过参与的半数（弃权计入参与）",
            "turnout ≥ 2/3 of voters and of area; yes > 1/2 of participants by head and area",
        ),
        "art278_major" => Tr(
            "参与表决人数和面积均≥2/3；同意人数和面积均≥参与的3/4",
            "turnout ≥ 2/3 of voters and of area; yes ≥ 3/4 of participants by head and area",
        ),
        "elevator" => Tr(
            "在本单元/本栋业主中：参与≥2/3，同意≥参与的3/4（人数和面积）；井道占用户须同意",
            "among the unit's owners: turnout ≥ 2/3, yes ≥ 3/4 of participants (head and area); shaft owners must agree",
        ),
        "committee" => Tr("出席过全体委员半数；同意≥全体委员半数", "present > 1/2 of all members; yes ≥ 1/2 of all members"),
        "residents_meeting" => Tr("出席过半数；同意过出席者半数", "present > 1/2; yes > 1/2 of those present"),
        "robert_majority" => Tr("同意多于反对；弃权不计", "yes > no; abstentions do not count"),
        "robert_two_thirds" => Tr("同意≥（同意+反对）的2/3；弃权不计", "yes ≥ 2/3 of yes + no; abstentions do not count"),
        "custom" => Tr("按本小区议事规则设定的比例", "fractions set by the community's own rules"),
        _ => Tr("只讨论，不付表决", "discussed, not voted on"),
    }
    .get(l)
}

/// Chinese for the store's refusals (the store speaks English; the screen speaks the
/// user's language). Messages not listed are shown as they are.
const REFUSALS: &[(&str, &str)] = &[
    (
        crate::store::roster::NAME_HIDDEN,
        "姓名中不能有不可见字符或格式字符（零宽空格、连接符、方向标记）。",
    ),
    (crate::store::roster::NAME_TOO_LONG, "姓名最多 100 个字符。"),
    ("A meeting needs a title.", "会议需要标题。"),
    (
        "The time must look like 2026-11-28 09:30.",
        "时间格式应为 2026-11-28 09:30。",
    ),
    ("An agenda item needs a title.", "议题需要标题。"),
    (
        "A building scope needs the building, e.g. 3栋.",
        "范围为楼栋时请填写楼栋，如 3栋。",
    ),
    (
        "A unit scope needs the unit, e.g. 2单元.",
        "范围为单元时请填写单元，如 2单元。",
    ),
    (
        "This item has been put to the vote; it can no longer be changed.",
        "该议题已付表决，不能再修改。",
    ),
    (
        "The vote has started; the proposal can no longer be amended.",
        "表决已开始，提案不能再修改。",
    ),
    (
        "An item that was put to the vote cannot be withdrawn.",
        "已付表决的议题不能撤回。",
    ),
    (
        "A vote is still running; close it before adjourning.",
        "还有表决未结束，请先结束表决再休会。",
    ),
    (
        "A proxy needs the proxy's name and the authorisation (委托书) reference.",
        "委托需填写代理人姓名和委托书编号。",
    ),
    ("A recusal is for one agenda item.", "回避须针对某一议题。"),
    (
        "Committee members may not vote by proxy.",
        "业委会委员不得委托投票。",
    ),
    ("A speaker needs a name.", "请填写发言人姓名。"),
    (
        "This item cannot be put to the vote again.",
        "该议题不能再次付表决。",
    ),
    (
        "This item is for discussion only; it has no vote.",
        "该议题仅讨论，不付表决。",
    ),
    (
        "Nobody on the roster is inside this item's scope.",
        "名册中没有人在该议题的表决范围内。",
    ),
    (
        "The vote on this item is not open.",
        "该议题的表决未在进行。",
    ),
    (
        "This voter is not on the list for this vote.",
        "此人不在本次表决名单中。",
    ),
    (
        "The vote is closed; answers can no longer be undone.",
        "表决已结束，不能再撤销。",
    ),
    ("Close the vote first.", "请先结束表决。"),
    (
        "An action item needs a description.",
        "请填写待办事项内容。",
    ),
    (
        "The date must look like 2026-12-31.",
        "日期格式应为 2026-12-31。",
    ),
    (
        "The minutes already carry a signature; withdraw the signatures before changing the record.",
        "会议记录已有签名；如需修改记录，请先撤回签名。",
    ),
    (
        "Only the minutes of an adjourned meeting can be signed.",
        "只有已休会的会议记录可以签署。",
    ),
    (
        "These minutes are already signed by the host and the secretary.",
        "该会议记录已由主持人和记录人签署。",
    ),
    (
        "The records changed after the first signature; withdraw the signatures and sign again.",
        "第一次签名后记录有改动；请撤回签名后重新签署。",
    ),
    (
        "The host and the secretary sign first.",
        "须先由主持人和记录人签署。",
    ),
    (
        "Minutes signed later link to these; they can no longer be withdrawn.",
        "之后签署的会议记录已链接到此记录，不能再撤回签名。",
    ),
    ("An addendum needs a text.", "请填写补充更正的内容。"),
    (
        "Only signed minutes take an addendum; until then, correct the record.",
        "只有已签署的会议记录才能补充更正；签署前请直接修改记录。",
    ),
    ("A signer needs a name.", "请填写签名人姓名。"),
    (
        "The passphrase is too short: it needs at least 8 characters.",
        "口令太短：至少需要 8 个字符。",
    ),
    (
        "The two passphrases are not the same.",
        "两次输入的口令不一致。",
    ),
    ("A voter needs a name.", "请填写姓名。"),
    (
        "A status change needs a short note.",
        "更改状态须填写简短说明。",
    ),
    (
        "A unit needs a label such as 3栋2单元501.",
        "请填写房号，如 3栋2单元501。",
    ),
    (
        "The area must be between 0 and 100,000 m².",
        "面积应在 0 到 100,000 平方米之间。",
    ),
];

/// A store error in the user's language.
pub fn store_error(l: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    let en = e.to_string();
    if l == Lang::En {
        return en;
    }
    match e {
        E::DiskFull => {
            "磁盘已满：刚才的操作没有保存。请释放空间后重试，已输入的内容仍保留。".into()
        }
        E::Busy => "数据库正被另一个议事程序使用，请稍后再试。".into(),
        E::ReadOnly => "数据库为只读，仅供查阅，不能修改。".into(),
        E::Locked => "该会议已签署锁定；如需更正，请以签署的补充说明进行。".into(),
        E::WrongPassphrase => "口令错误，未签署任何内容。".into(),
        E::NotFound(what) => format!("未找到：{what}。"),
        E::Invalid(m) => REFUSALS
            .iter()
            .chain(record::REFUSALS)
            .find(|(k, _)| k == m)
            .map(|(_, z)| z.to_string())
            .unwrap_or(en),
        _ => en,
    }
}

pub fn voter_kind(l: Lang, k: crate::domain::model::VoterKind) -> &'static str {
    use crate::domain::model::VoterKind as K;
    match k {
        K::Person => Tr("业主", "owner"),
        K::Coowners => Tr("共有业主", "co-owners"),
        K::Developer => Tr("开发建设单位", "developer"),
        K::Member => Tr("成员", "member"),
    }
    .get(l)
}

pub fn council_kind(l: Lang, k: crate::domain::model::CouncilKind) -> &'static str {
    use crate::domain::model::CouncilKind as K;
    match k {
        K::ResidentsCouncil => Tr("居民议事会", "Residents' council"),
        K::OwnersCommittee => Tr("业主委员会", "Owners' committee"),
        K::PartyBranch => Tr("党支部", "Party branch"),
        K::Supervisory => Tr("监督委员会", "Supervisory committee"),
    }
    .get(l)
}

pub fn cli_backup_done(l: Lang, dest: &str, pages: i64) -> String {
    match l {
        Lang::Zh => format!("已备份到 {dest}（{pages} 页），完整性检查通过。"),
        Lang::En => {
            format!("Backed up to {dest} ({pages} pages); the copy passed the integrity check.")
        }
    }
}

// ---- minutes: the words of the signed minutes are the domain's (domain::minutes),
// frozen per format version; these are the screens' own. ----

/// A signature's role as the screens name it.
pub fn sign_role(l: Lang, role: &str) -> &'static str {
    match role {
        "host" => Tr("主持人", "Host").get(l),
        "secretary" => Tr("记录人", "Secretary").get(l),
        "addendum" => Tr("补充更正签署人", "Addendum signed by").get(l),
        _ => Tr("与会成员", "Member").get(l),
    }
}

// ---- verification ----
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

pub fn problem(l: Lang, p: &crate::domain::verify::Problem) -> String {
    use crate::domain::verify::Problem as P;
    let role_name = |r: &str| sign_role(l, r);
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
        (
            Lang::Zh,
            P::BadSignature {
                signer,
                role,
                fingerprint,
            },
        ) => format!(
            "{}「{signer}」的签名无效（密钥 {fingerprint}）",
            role_name(role)
        ),
        (
            Lang::En,
            P::BadSignature {
                signer,
                role,
                fingerprint,
            },
        ) => format!(
            "the signature of {} {signer} (key {fingerprint}) does not verify",
            role_name(role).to_lowercase()
        ),
        (
            Lang::Zh,
            P::SignedOtherText {
                signer,
                role,
                fingerprint,
            },
        ) => format!(
            "{}「{signer}」（密钥 {fingerprint}）签署的不是现存的会议记录文本",
            role_name(role)
        ),
        (
            Lang::En,
            P::SignedOtherText {
                signer,
                role,
                fingerprint,
            },
        ) => format!(
            "{} {signer} (key {fingerprint}) signed another text than the stored minutes",
            role_name(role)
        ),
        (
            Lang::Zh,
            P::SignedOtherLink {
                signer,
                role,
                fingerprint,
            },
        ) => format!(
            "{}「{signer}」（密钥 {fingerprint}）签署的链接与存储的不符",
            role_name(role)
        ),
        (
            Lang::En,
            P::SignedOtherLink {
                signer,
                role,
                fingerprint,
            },
        ) => format!(
            "{} {signer} (key {fingerprint}) signed another chain link than the stored one",
            role_name(role)
        ),
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
        (Lang::Zh, P::NotLocked) => "已签署但会议未锁定（状态被改动）".into(),
        (Lang::En, P::NotLocked) => {
            "signed, but the meeting is not locked (its status was changed)".into()
        }
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
        (_, P::ChainPosition { seq }) => trust::chain_position(l, *seq),
        (_, P::Trust(t)) => trust::problem(l, t),
    }
}

pub fn verify_line(
    l: Lang,
    id: Option<i64>,
    title: &str,
    status: &crate::domain::verify::VerifyStatus,
    signers: &str,
) -> String {
    use crate::domain::verify::VerifyStatus as V;
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

pub const CLI_NOTHING_SIGNED: Tr = Tr("没有已签署的会议记录。", "No signed minutes.");
pub const CLI_FILE_CHAIN: Tr = Tr(
    "（单个文件无法检查签署链）",
    "(the chain cannot be checked from a single file)",
);
pub fn cli_bad_file(l: Lang, file: &str, why: &str) -> String {
    match l {
        Lang::Zh => format!("{file} 不是 yishi 导出的会议记录 JSON 文件（{why}）。"),
        Lang::En => format!("{file} is not a minutes JSON file exported by yishi ({why})."),
    }
}
pub fn cli_cannot_read(l: Lang, file: &str, why: &str) -> String {
    match l {
        Lang::Zh => format!("无法读取 {file}：{why}。"),
        Lang::En => format!("Cannot read {file}: {why}."),
    }
}
pub fn cli_cannot_write(l: Lang, file: &str, why: &str) -> String {
    match l {
        Lang::Zh => format!("无法写入 {file}：{why}。"),
        Lang::En => format!("Cannot write {file}: {why}."),
    }
}
pub fn cli_no_meeting(l: Lang, id: i64) -> String {
    match l {
        Lang::Zh => format!("没有编号为 {id} 的会议。"),
        Lang::En => format!("There is no meeting with id {id}."),
    }
}
pub fn cli_written(l: Lang, file: &str) -> String {
    match l {
        Lang::Zh => format!("已写入 {file}"),
        Lang::En => format!("Written to {file}"),
    }
}

// ---- yishi import ----
pub const CLI_CHAIN_FROM_IMPORT: Tr = Tr(
    "（签署链在此从导入的会议记录开始）",
    "(the chain starts here, at imported minutes)",
);

/// Why an exported file was not imported.
pub fn import_refusal(l: Lang, r: &crate::store::import::ImportRefusal) -> String {
    use crate::store::import::ImportRefusal as R;
    let problems = |ps: &[crate::domain::verify::Problem]| {
        let list: Vec<String> = ps.iter().map(|p| problem(l, p)).collect();
        list.join(match l {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
    };
    match (l, r) {
        (
            _,
            R::NewCommunity {
                community,
                fingerprints,
            },
        ) => trust::needs_pinning(l, community, &fingerprints.join(", ")),
        (Lang::Zh, R::Invalid(ps)) => format!("验证未通过：{}", problems(ps)),
        (Lang::En, R::Invalid(ps)) => format!("it does not verify: {}", problems(ps)),
        (Lang::Zh, R::Unsigned) => "会议记录尚未由主持人和记录人签署完成".into(),
        (Lang::En, R::Unsigned) => {
            "the minutes are not signed by the host and the secretary".into()
        }
        (Lang::Zh, R::Conflict { meeting_id }) => {
            format!("本数据库的会议 {meeting_id} 编号（uid）相同，但会议记录不同")
        }
        (Lang::En, R::Conflict { meeting_id }) => {
            format!("meeting {meeting_id} here has the same uid but other minutes")
        }
        (_, R::NotReproduced(status)) => {
            let why = match status {
                crate::domain::verify::VerifyStatus::Invalid(ps) => problems(ps),
                _ => String::new(),
            };
            match l {
                Lang::Zh => format!("写入后无法复现签署的会议记录：{why}"),
                Lang::En => {
                    format!("the written records do not reproduce the signed minutes: {why}")
                }
            }
        }
    }
}

pub fn cli_import_done(l: Lang, file: &str, id: i64, title: &str) -> String {
    match l {
        Lang::Zh => format!("{file}：已导入，会议 {id}「{title}」"),
        Lang::En => format!("{file}: imported as meeting {id} \"{title}\""),
    }
}

pub fn cli_import_present(l: Lang, file: &str, id: i64) -> String {
    match l {
        Lang::Zh => format!("{file}：已存在（会议 {id}），未作改动"),
        Lang::En => format!("{file}: already present (meeting {id}); nothing changed"),
    }
}

pub fn cli_import_refused(l: Lang, file: &str, why: &str) -> String {
    match l {
        Lang::Zh => format!("{file}：拒绝导入 — {why}"),
        Lang::En => format!("{file}: refused — {why}"),
    }
}

pub fn cli_import_unreadable(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 个文件无法读取、不是导出的会议记录或无法存入数据库。"),
        Lang::En => format!(
            "{n} file(s) could not be read, are not exported minutes, or could not be stored."
        ),
    }
}
