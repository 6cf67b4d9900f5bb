//! Every user-facing string, in Chinese and English. Screens and commands take their
//! words from here, never from literals of their own.

pub mod cli;
pub mod dialog;
pub mod files;
pub mod forms;
pub mod mediation;
mod refusal;
pub mod roll_call;
pub mod room;
pub mod suggestions;
pub mod trust;
pub mod ui;
mod verify;
pub mod written;
pub mod written_ui;

pub use refusal::refusal;
pub use verify::{problem, section_name, verify_line};

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
    "custom",
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

/// A store error in the user's language.
pub fn store_error(l: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    if let E::Refused(r) = e {
        return refusal(l, r);
    }
    // SQLite's own words (a failed CHECK, a missing table) are never shown: they name
    // SQL, and they are English under Chinese.
    if let E::Sql(_) = e {
        return forms::SQL_FAILED.get(l).to_string();
    }
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
        // The store names the record in English ("agenda item 7"): not shown in Chinese.
        E::NotFound(_) => "未找到要操作的记录（可能已被删除或从未存在），未作任何改动。".into(),
        E::NotSqlite(p) => format!("{p} 不是议事数据库（不是 SQLite 文件），未作任何改动。"),
        E::Foreign(p) => format!("{p} 属于其他程序，不是议事数据库，未作任何改动。"),
        E::Corrupt(p) => format!("{p} 已损坏（SQLite 自检未通过），未作任何改动，请用备份恢复。"),
        E::Newer { path, found, known } => format!(
            "{path} 由更新版本的议事写入（数据库版本 {found}，本程序最高支持 {known}），未作任何改动，请更新议事。"
        ),
        E::Io(_) | E::Sql(_) | E::Refused(_) => en,
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
    let problems = |ps: &[crate::domain::signing::verify::Problem]| {
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
                crate::domain::signing::verify::VerifyStatus::Invalid(ps) => problems(ps),
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
