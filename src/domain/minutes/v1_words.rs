//! Minutes format V1: its words, in Chinese and English, and its data style and parts
//! ([`V1Words`]: data cleaned, not escaped). Frozen: every minutes signed
//! as V1 is re-rendered with exactly these by `verify`, however many years later. The
//! screens keep their own copies of the shared names (meeting kinds, categories, rules,
//! choices) in `strings` and may reword them; a new wording here is a new format version.

use crate::domain::lang::Lang;
use crate::domain::minutes::frozen::text::clean_line;
use crate::domain::minutes::v1_format::{field, fmt_percent, indent_cont, quote};
use crate::domain::minutes::words::{W, Words};
use crate::domain::model::{Category, Choice, MeetingKind, PresenceKind, RuleCode, ScopeKind};
use crate::domain::record::{ItemRecord, MeetingRecord, VoteRecord};
use crate::domain::rules::{Check, Flag, Outcome};

/// Format V1's data style and parts: data cleaned but not escaped, percentages to one
/// decimal, the roll call as the attendance, and the shaft owners who did not agree.
pub(super) struct V1Words;

impl Words for V1Words {
    fn data(&self, s: &str) -> String {
        clean_line(s)
    }

    fn block(&self, text: &str) -> String {
        quote(text)
    }

    fn continued(&self, text: &str) -> String {
        indent_cont(text)
    }

    fn escaped(&self) -> bool {
        false
    }

    fn percent(&self, c: &Check) -> String {
        fmt_percent(c.value, c.total)
    }

    fn presence(&self, _: &MeetingRecord, _: Lang, attendance: &dyn Fn() -> String) -> String {
        attendance()
    }

    fn heading_notes(&self, _: &mut String, _: &ItemRecord, _: Lang) {}

    fn heading_fields(&self, _: &mut String, _: &ItemRecord, _: Lang) {}

    fn after_proposal(&self, _: &ItemRecord, _: Lang, _: bool) -> String {
        String::new()
    }

    fn no_vote(&self, _: &ItemRecord, l: Lang) -> &'static str {
        NO_VOTE.get(l)
    }

    fn after_answers(&self, _: &mut String, _: &MeetingRecord, _: &ItemRecord, _: Lang) {}

    /// V1 names each shaft owner who did not agree (it has no public notice to mask for).
    fn shaft(
        &self,
        o: &mut String,
        _: &ItemRecord,
        v: &VoteRecord,
        out: &Outcome,
        l: Lang,
        _: bool,
    ) {
        for flag in &out.flags {
            let Flag::ShaftOwnerNotAgreed(id) = flag;
            let name = v
                .ballots
                .iter()
                .find(|b| b.voter_id == *id)
                .map(|b| clean_line(&b.name))
                .unwrap_or_else(|| id.to_string());
            field(o, l, &format!("⚠ {}", SHAFT.get(l)), &name);
        }
    }
}

pub(super) const TITLE: W = W("会议记录", "Minutes");
pub(super) const KIND: W = W("会议类型", "Kind of meeting");
pub(super) const COMMUNITY: W = W("小区", "Community");
pub(super) const WHEN: W = W("时间", "Date and time");
pub(super) const VENUE: W = W("地点", "Venue");
pub(super) const HOST: W = W("主持人", "Host");
pub(super) const SECRETARY: W = W("记录人", "Secretary");
pub(super) const OPENED: W = W("开会", "Opened");
pub(super) const ADJOURNED: W = W("休会", "Adjourned");
pub(super) const UID: W = W("会议编号", "Meeting id");
pub(super) const ATTENDANCE: W = W("出席情况", "Attendance");
pub(super) const PRESENT: W = W("出席", "Present");
pub(super) const BY_PROXY: W = W("委托出席", "Represented by proxy");
pub(super) const ABSENT: W = W("缺席", "Absent");
pub(super) const CHANGES: W = W("会中变动", "During the meeting");
pub(super) const NONE: W = W("无", "none");
pub(super) const CATEGORY: W = W("类别", "Category");
pub(super) const PROPOSER: W = W("提出人", "Proposed by");
pub(super) const SCOPE: W = W("表决范围", "Who may vote");
pub(super) const RULE: W = W("表决规则", "Vote rule");
pub(super) const LATE: W = W(
    "本议题在会议开始后增加，不在公布的议程内。",
    "This item was added after the meeting opened; it was not on the published agenda.",
);
pub(super) const WITHDRAWN: W = W("本议题已撤回。", "This item was withdrawn.");
pub(super) const PROPOSAL: W = W("议案", "Proposal");
pub(super) const REVISIONS: W = W("修订记录", "Earlier versions");
pub(super) const REMARKS: W = W("发言", "Remarks");
pub(super) const NO_REMARKS: W = W("无发言。", "No remarks.");
pub(super) const VOTE: W = W("表决", "Vote");
pub(super) const NO_VOTE: W = W("本议题不表决。", "This item was not put to a vote.");
pub(super) const VOTE_OPEN: W = W("表决未结束。", "The vote was not closed.");
pub(super) const PARTICIPATION: W = W("参与", "Participation");
pub(super) const APPROVAL: W = W("同意", "Approval");
pub(super) const LEGACY: W = W("同意（占全体）", "Approval (of all)");
pub(super) const AREA: W = W("面积", "area");
pub(super) const RESULT: W = W("结果", "Result");
pub(super) const PASSED: W = W("通过", "carried");
pub(super) const FAILED: W = W("未通过", "not carried");
pub(super) const QUORUM: W = W(
    "表决开始时法定人数（按到会计）",
    "Quorum when the vote opened (by those present)",
);
pub(super) const ACTIONS: W = W("落实事项", "Action items");
pub(super) const WHO: W = W("负责", "by");
pub(super) const DUE: W = W("期限", "due");
pub(super) const SUMMARY: W = W("会议小结", "Summary");
pub(super) const NO_SUMMARY: W = W("（无小结）", "(no summary)");
pub(super) const SHAFT: W = W(
    "井道占用户未同意",
    "Owner whose unit the shaft occupies did not agree",
);
pub(super) const VOTERS: W = W(
    "表决名单（开始表决时冻结）",
    "Who could vote (frozen when the vote started)",
);

/// "18 人" / "18 voters": a headcount.
pub(super) fn persons(l: Lang, n: i64) -> String {
    match l {
        Lang::Zh => format!("{n} 人"),
        Lang::En => {
            if n == 1 {
                "1 voter".into()
            } else {
                format!("{n} voters")
            }
        }
    }
}

/// A headcount check: "同意 18/24 人 75.0% ≥ 3/4 ✓".
pub(super) fn headcount_check(l: Lang, label: &str, value: i64, total: i64, rest: &str) -> String {
    match l {
        Lang::Zh => format!("{label} {value}/{total} 人 {rest}"),
        Lang::En => format!("{label} {value}/{total} voters {rest}"),
    }
}

pub(super) fn item_heading(l: Lang, position: i64, title: &str) -> String {
    match l {
        Lang::Zh => format!("议题 {position}：{title}"),
        Lang::En => format!("Item {position}: {title}"),
    }
}

pub(super) fn attendance_totals(
    l: Lang,
    roll: i64,
    present: i64,
    proxy: i64,
    absent: i64,
) -> String {
    match l {
        Lang::Zh => format!(
            "应到 {roll} 人，出席 {present} 人（其中委托出席 {proxy} 人），缺席 {absent} 人。"
        ),
        Lang::En => format!(
            "{roll} on the roll; {present} present (of whom {proxy} by proxy); {absent} absent."
        ),
    }
}

pub(super) fn proxy(l: Lang, proxy: &str, reference: &str) -> String {
    match l {
        Lang::Zh => format!("受托人 {proxy}，委托书 {reference}"),
        Lang::En => format!("proxy {proxy}, authorisation {reference}"),
    }
}

pub(super) fn revision(l: Lang, rev: i64, at: &str) -> String {
    match l {
        Lang::Zh => format!("第 {rev} 稿（{at}）"),
        Lang::En => format!("Version {rev} ({at})"),
    }
}

pub(super) fn vote_times(l: Lang, opened: &str, closed: &str) -> String {
    match l {
        Lang::Zh => format!("表决开始 {opened}，结束 {closed}"),
        Lang::En => format!("Vote opened {opened}, closed {closed}"),
    }
}

pub(super) fn recused_for(l: Lang, position: i64) -> String {
    match l {
        Lang::Zh => format!("回避（议题 {position}）"),
        Lang::En => format!("recused (item {position})"),
    }
}

pub(super) fn choice(l: Lang, c: Choice) -> &'static str {
    match c {
        Choice::Yes => W("同意", "Yes"),
        Choice::No => W("反对", "No"),
        Choice::Abstain => W("弃权", "Abstain"),
        Choice::Recused => W("回避", "Recused"),
        Choice::NotVoting => W("未表决", "Not voting"),
    }
    .get(l)
}

pub(super) fn meeting_kind(l: Lang, k: MeetingKind) -> &'static str {
    match k {
        MeetingKind::ResidentsCouncil => W("居民议事会", "Residents' council"),
        MeetingKind::OwnersAssembly => W("业主大会", "Owners' assembly"),
        MeetingKind::OwnersCommittee => W("业委会会议", "Owners' committee"),
        MeetingKind::PartyBranch => W("党支部会议", "Party branch meeting"),
        MeetingKind::ResidentsMeeting => W("居民会议", "Residents' meeting"),
        MeetingKind::Other => W("其他会议", "Other meeting"),
    }
    .get(l)
}

pub(super) fn category(l: Lang, c: Category) -> &'static str {
    match c {
        Category::Elevator => W("加装电梯", "Elevator"),
        Category::Gate => W("小区大门", "Gate"),
        Category::Parking => W("停车", "Parking"),
        Category::Road => W("道路", "Road"),
        Category::Funds => W("维修资金", "Funds"),
        Category::Property => W("物业", "Property"),
        Category::Rules => W("公约制度", "Rules"),
        Category::Facility => W("公共设施", "Facility"),
        Category::Followup => W("前期决议跟进", "Follow-up"),
        Category::Other => W("其他", "Other"),
    }
    .get(l)
}

pub(super) fn scope_kind(l: Lang, s: ScopeKind) -> &'static str {
    match s {
        ScopeKind::All => W("全体", "Whole roster"),
        ScopeKind::Building => W("本栋", "One building"),
        ScopeKind::Unit => W("本单元", "One unit of a building"),
        ScopeKind::Council => W("议事会成员", "Council members"),
    }
    .get(l)
}

pub(super) fn presence_kind(l: Lang, p: PresenceKind) -> &'static str {
    match p {
        PresenceKind::Present => W("出席", "present"),
        PresenceKind::Absent => W("缺席", "absent"),
        PresenceKind::Proxy => W("委托", "proxy"),
        PresenceKind::Arrive => W("到场", "arrived"),
        PresenceKind::Leave => W("离场", "left"),
        PresenceKind::Recuse => W("回避", "recused"),
    }
    .get(l)
}

/// A rule by its code (the code is what the records keep).
pub(super) fn rule_name(l: Lang, code: RuleCode) -> &'static str {
    match code {
        RuleCode::Art278Ordinary => W("民法典278条 一般事项", "Civil Code 278, ordinary"),
        RuleCode::Art278Major => W("民法典278条 重大事项", "Civil Code 278, major"),
        RuleCode::Elevator => W("加装电梯（本单元/本栋）", "Elevator retrofit (unit scope)"),
        RuleCode::Committee => W("业委会决定", "Owners' committee"),
        RuleCode::ResidentsMeeting => W("居民会议", "Residents' meeting"),
        RuleCode::RobertMajority => W("简单多数（同意>反对）", "Majority (yes > no)"),
        RuleCode::RobertTwoThirds => W("三分之二多数", "Two-thirds of votes cast"),
        RuleCode::Custom => W("自定义规则", "Custom rule"),
        RuleCode::NoVote => W("不表决（仅讨论）", "No vote (discussion only)"),
    }
    .get(l)
}
