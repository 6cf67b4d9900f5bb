//! The words of a meeting's kinds, statuses, choices, roles and rules, as the screens and
//! commands name them (the signed minutes have their own, frozen: domain::minutes).

use super::tr::{Lang, Tr};
use crate::domain::model::{
    ActionStatus, Category, Choice, MeetingKind, MeetingStatus, PresenceKind, RuleCode, ScopeKind,
    SignatureRole,
};

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

/// The selectable rules of the item form, in order.
pub fn rule_name(l: Lang, code: RuleCode) -> &'static str {
    match code {
        RuleCode::Art278Ordinary => Tr("民法典278条 一般事项", "Civil Code 278, ordinary"),
        RuleCode::Art278Major => Tr("民法典278条 重大事项", "Civil Code 278, major"),
        RuleCode::Elevator => Tr("加装电梯（本单元/本栋）", "Elevator retrofit (unit scope)"),
        RuleCode::Committee => Tr("业委会决定", "Owners' committee"),
        RuleCode::ResidentsMeeting => Tr("居民会议", "Residents' meeting"),
        RuleCode::RobertMajority => Tr("简单多数（同意>反对）", "Majority (yes > no)"),
        RuleCode::RobertTwoThirds => Tr("三分之二多数", "Two-thirds of votes cast"),
        RuleCode::Custom => Tr("自定义规则", "Custom rule"),
        RuleCode::NoVote => Tr("不表决（仅讨论）", "No vote (discussion only)"),
    }
    .get(l)
}

/// One line saying what the rule requires.
pub fn rule_explain(l: Lang, code: RuleCode) -> &'static str {
    match code {
        RuleCode::Art278Ordinary => Tr(
            "参与表决人数和面积均≥2/3；同意人数和面积均过参与的半数（弃权计入参与）",
            "turnout ≥ 2/3 of voters and of area; yes > 1/2 of participants by head and area",
        ),
        RuleCode::Art278Major => Tr(
            "参与表决人数和面积均≥2/3；同意人数和面积均≥参与的3/4",
            "turnout ≥ 2/3 of voters and of area; yes ≥ 3/4 of participants by head and area",
        ),
        RuleCode::Elevator => Tr(
            "在本单元/本栋业主中：参与≥2/3，同意≥参与的3/4（人数和面积）；井道占用户须同意",
            "among the unit's owners: turnout ≥ 2/3, yes ≥ 3/4 of participants (head and area); shaft owners must agree",
        ),
        RuleCode::Committee => Tr("出席过全体委员半数；同意≥全体委员半数", "present > 1/2 of all members; yes ≥ 1/2 of all members"),
        RuleCode::ResidentsMeeting => Tr("出席过半数；同意过出席者半数", "present > 1/2; yes > 1/2 of those present"),
        RuleCode::RobertMajority => Tr("同意多于反对；弃权不计", "yes > no; abstentions do not count"),
        RuleCode::RobertTwoThirds => Tr("同意≥（同意+反对）的2/3；弃权不计", "yes ≥ 2/3 of yes + no; abstentions do not count"),
        RuleCode::Custom => Tr("按本小区议事规则设定的比例", "fractions set by the community's own rules"),
        RuleCode::NoVote => Tr("只讨论，不付表决", "discussed, not voted on"),
    }
    .get(l)
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

/// A signature's role as the screens name it (an unknown role as a member's).
pub fn sign_role(l: Lang, role: &str) -> &'static str {
    match SignatureRole::from_db(role) {
        Some(SignatureRole::Host) => Tr("主持人", "Host").get(l),
        Some(SignatureRole::Secretary) => Tr("记录人", "Secretary").get(l),
        Some(SignatureRole::Addendum) => Tr("补充更正签署人", "Addendum signed by").get(l),
        Some(SignatureRole::Member) | None => Tr("与会成员", "Member").get(l),
    }
}
