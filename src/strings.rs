//! Every user-facing string, in Chinese and English. Screens and commands take their
//! words from here, never from literals of their own.

pub mod ui;

use crate::domain::model::{
    ActionStatus, Category, Choice, MeetingKind, MeetingStatus, PresenceKind, ScopeKind,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

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

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh_CN" | "cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
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

use crate::domain::rules::{Basis, CheckKind};

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

/// A check's label: 参与/同意 人数/面积.
pub fn check_label(l: Lang, kind: CheckKind, basis: Basis) -> &'static str {
    match (kind, basis) {
        (CheckKind::Participation, Basis::Headcount) => Tr("参与人数", "Turnout"),
        (CheckKind::Participation, Basis::Area) => Tr("参与面积", "Turnout area"),
        (CheckKind::Approval, Basis::Headcount) => Tr("同意人数", "Yes"),
        (CheckKind::Approval, Basis::Area) => Tr("同意面积", "Yes area"),
        (CheckKind::Legacy, _) => Tr("本单元业主同意", "Owners agreeing"),
    }
    .get(l)
}

/// Chinese for the store's refusals (the store speaks English; the screen speaks the
/// user's language). Messages not listed are shown as they are.
const REFUSALS: &[(&str, &str)] = &[
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
        E::NotFound(what) => format!("未找到：{what}。"),
        E::Invalid(m) => REFUSALS
            .iter()
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
