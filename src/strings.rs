//! Every user-facing string, in Chinese and English. Screens and commands take their
//! words from here, never from literals of their own.

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
