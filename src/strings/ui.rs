//! The words of the full-screen program.

use crate::strings::tr::{Lang, Tr};

// ---- keys (bottom bar and help) ----
pub const K_HELP: Tr = Tr("帮助", "help");
pub const K_ROOM: Tr = Tr("投屏视图", "room view");
pub const K_LANG: Tr = Tr("English", "中文");
pub const K_QUIT: Tr = Tr("退出", "quit");
pub const K_UP: Tr = Tr("上移", "up");
pub const K_DOWN: Tr = Tr("下移", "down");
pub const K_PAGE_UP: Tr = Tr("上一页", "page up");
pub const K_PAGE_DOWN: Tr = Tr("下一页", "page down");
pub const K_TOP: Tr = Tr("第一行", "first");
pub const K_BOTTOM: Tr = Tr("最后一行", "last");
pub const K_OPEN: Tr = Tr("打开", "open");
pub const K_NEW_MEETING: Tr = Tr("新建会议", "new meeting");
pub const K_ROSTER: Tr = Tr("名册", "roster");
pub const K_ARCHIVE: Tr = Tr("档案", "archive");
pub const K_SEARCH: Tr = Tr("搜索", "search");
pub const K_ADD_VOTER: Tr = Tr("添加人员", "add voter");
pub const K_EDIT_VOTER: Tr = Tr("修改", "edit");
pub const K_ADD_UNIT: Tr = Tr("添加房屋", "add unit");
pub const K_COUNCIL: Tr = Tr("组织职务", "council role");
pub const K_BACK: Tr = Tr("返回", "back");
pub const K_HOME: Tr = Tr("首页", "home");
pub const K_EDIT_MEETING: Tr = Tr("会议信息", "meeting details");
pub const K_ADD_ITEM: Tr = Tr("添加议题", "add item");
pub const K_EDIT_ITEM: Tr = Tr("编辑议题", "edit item");
pub const K_MOVE_UP: Tr = Tr("上移议题", "move up");
pub const K_MOVE_DOWN: Tr = Tr("下移议题", "move down");
pub const K_REMOVE_ITEM: Tr = Tr("删除议题", "remove item");
pub const K_OPEN_MEETING: Tr = Tr("开会", "open meeting");
pub const K_PRESENT: Tr = Tr("出席/到场", "present/arrived");
pub const K_ABSENT: Tr = Tr("缺席/离场", "absent/left");
pub const K_PROXY: Tr = Tr("委托", "proxy");
pub const K_AGENDA: Tr = Tr("议程", "agenda");
pub const K_OPEN_ITEM: Tr = Tr("进入议题", "open item");
pub const K_ATTENDANCE: Tr = Tr("签到", "attendance");
pub const K_ADD_LATE_ITEM: Tr = Tr("临时议题", "add item");
pub const K_ADJOURN: Tr = Tr("休会", "adjourn");
pub const K_ADD_SPEAKER: Tr = Tr("登记发言", "add speaker");
pub const K_NEXT_SPEAKER: Tr = Tr("下一位", "next speaker");
pub const K_REMARK: Tr = Tr("记录发言", "record remark");
pub const K_AMEND: Tr = Tr("修改提案", "amend");
pub const K_START_VOTE: Tr = Tr("开始表决", "start vote");
pub const K_RECUSE: Tr = Tr("登记回避", "recusal");
pub const K_FINISH_ITEM: Tr = Tr("结束议题(不表决)", "finish without vote");
pub const K_YES: Tr = Tr("同意", "yes");
pub const K_NO: Tr = Tr("反对", "no");
pub const K_ABSTAIN: Tr = Tr("弃权", "abstain");
pub const K_RECUSED: Tr = Tr("回避", "recused");
pub const K_NOT_VOTING: Tr = Tr("未表决", "not voting");
pub const K_UNDO: Tr = Tr("撤销", "undo");
pub const K_JUMP: Tr = Tr("跳到", "jump to");
pub const K_CALL_AGAIN: Tr = Tr("补点未答", "call again");
pub const K_CLOSE_VOTE: Tr = Tr("结束表决", "close vote");
pub const K_ADD_ACTION: Tr = Tr("添加待办", "add action");
pub const K_SUMMARY: Tr = Tr("会议小结", "summary");
pub const K_SIGN: Tr = Tr("签署", "sign");
pub const K_REGISTER: Tr = Tr("登记签署人", "register signer");

// ---- frame ----
pub const APP_TITLE: Tr = Tr("议事 yishi", "yishi 议事");
pub const TOO_SMALL: Tr = Tr(
    "窗口太小：请放大到至少 80×24。",
    "The window is too small: make it at least 80×24.",
);
pub const READ_ONLY: Tr = Tr("只读（仅供查阅）", "read-only review");
pub const SAVED: Tr = Tr("已保存", "Saved");
pub const PRESS_ANY_KEY: Tr = Tr("按任意键关闭", "Press any key to close");
pub const HELP_TITLE: Tr = Tr("帮助：本页按键", "Help: keys on this screen");
pub const HELP_READ_ONLY: Tr = Tr(
    "只读查阅：修改记录的按键未列出。",
    "Read-only review: keys that change the record are not listed.",
);
pub const FORM_KEYS: Tr = Tr(
    "Tab 下一项  Shift-Tab 上一项  ←→ 选择  Ctrl-S 保存  Esc 取消",
    "Tab next  Shift-Tab previous  ←→ choose  Ctrl-S save  Esc cancel",
);
pub const FORM_KEYS_MULTI: Tr = Tr(
    "多行文本：Enter 换行，Ctrl-S 保存",
    "Multi-line: Enter = new line, Ctrl-S saves",
);

// ---- home ----
pub const HOME_TITLE: Tr = Tr("首页：小区与会议", "Home: communities and meetings");
pub const HOME_EMPTY: Tr = Tr(
    "还没有小区。用 `yishi roster import 名册.csv --community 小区名` 导入名册，或运行 `yishi demo` 查看演示。",
    "No community yet. Import a roster with `yishi roster import FILE.csv --community NAME`, or run `yishi demo`.",
);
pub const HOME_NO_MEETINGS: Tr = Tr("（尚无会议，按 n 新建）", "(no meetings yet; press n)");
pub const RESUME: Tr = Tr("有一场会议正在进行：", "A meeting is still open: ");
pub const RESUME_Q: Tr = Tr("是否继续？", "Continue it?");

// ---- roster ----
pub const ROSTER_TITLE: Tr = Tr("名册", "Roster");
pub const COL_NAME: Tr = Tr("姓名", "Name");
pub const COL_KIND: Tr = Tr("类型", "Kind");
pub const COL_UNITS: Tr = Tr("房屋", "Units");
pub const COL_AREA: Tr = Tr("面积㎡", "Area m²");
pub const COL_ROLES: Tr = Tr("身份", "Roles");
pub const COL_STATUS: Tr = Tr("状态", "Status");
pub const COL_ANSWER: Tr = Tr("表决", "Answer");
pub const SEARCH_LABEL: Tr = Tr("姓名或房号", "Name or unit");
pub const FILTER: Tr = Tr("筛选", "filter");

// ---- forms ----
pub const F_NEW_MEETING: Tr = Tr("新建会议", "New meeting");
pub const F_EDIT_MEETING: Tr = Tr("会议信息", "Meeting details");
pub const F_KIND: Tr = Tr("会议类型", "Kind");
pub const F_TITLE: Tr = Tr("标题", "Title");
pub const F_TIME: Tr = Tr("时间", "Time");
pub const F_TIME_HINT: Tr = Tr("格式：2026-12-05 09:30", "like 2026-12-05 09:30");
pub const F_VENUE: Tr = Tr("地点", "Venue");
pub const F_HOST: Tr = Tr("主持人", "Host");
pub const F_SECRETARY: Tr = Tr("记录人", "Secretary");
pub const F_LANGUAGE: Tr = Tr("纪要语言", "Minutes language");
pub const F_ELECTORATE: Tr = Tr("表决人", "Who votes");
pub const F_ADD_ITEM: Tr = Tr("添加议题", "Add agenda item");
pub const F_EDIT_ITEM: Tr = Tr("编辑议题", "Edit agenda item");
pub const F_CATEGORY: Tr = Tr("类别", "Category");
pub const F_PROPOSER: Tr = Tr("提议人", "Proposer");
pub const F_RULE: Tr = Tr("表决规则", "Vote rule");
pub const F_SCOPE: Tr = Tr("表决范围", "Who may vote");
pub const F_BUILDING: Tr = Tr("楼栋", "Building");
pub const F_UNIT: Tr = Tr("单元", "Unit");
pub const F_PROPOSAL: Tr = Tr("提案内容", "Proposal");
pub const F_SCOPE_HINT: Tr = Tr(
    "范围为本栋/本单元时填写，如 3栋、2单元",
    "for a building/unit scope, e.g. 3栋, 2单元",
);
pub const F_PHONE: Tr = Tr("电话（不打印）", "Phone (never printed)");
pub const F_LABEL: Tr = Tr("房号", "Unit label");
pub const F_AREA: Tr = Tr("面积（㎡）", "Area (m²)");
pub const F_COUNCIL: Tr = Tr("组织", "Council");
pub const F_ROLE: Tr = Tr("职务", "Role");
pub const F_PROXY: Tr = Tr("委托代理", "Proxy");
pub const F_PROXY_NAME: Tr = Tr("代理人姓名", "Proxy's name");
pub const F_PROXY_REF: Tr = Tr("委托书编号", "Authorisation (委托书) ref.");
pub const F_SPEAKER: Tr = Tr("发言人", "Speaker");
pub const F_REMARK: Tr = Tr("发言记录", "Remark");
pub const F_AMEND: Tr = Tr(
    "修改提案（保留历次修订）",
    "Amend the proposal (every revision is kept)",
);
pub const F_RECUSE: Tr = Tr("登记回避：姓名或房号", "Recusal: name or unit");
pub const F_JUMP: Tr = Tr("跳到：序号、姓名或房号", "Jump to: number, name or unit");
pub const F_ACTION: Tr = Tr("待办事项", "Action item");
pub const F_WHAT: Tr = Tr("事项", "What");
pub const F_WHO: Tr = Tr("负责人", "Who");
pub const F_DUE: Tr = Tr("期限", "By when");
pub const F_DUE_HINT: Tr = Tr("格式：2026-12-31", "like 2026-12-31");
pub const F_SUMMARY: Tr = Tr("会议小结", "Secretary's summary");
pub const F_ROSTER_EL: Tr = Tr("业主（按房屋、面积）", "Owners (by unit and area)");
pub const F_COUNCIL_EL: Tr = Tr("议事会成员", "Council members");

// ---- preparation / agenda ----
pub const PREPARE_TITLE: Tr = Tr("会议筹备", "Preparation");
pub const AGENDA_TITLE: Tr = Tr("议程", "Agenda");
pub const NO_ITEMS: Tr = Tr(
    "（议程为空，按 a 添加议题）",
    "(empty agenda: press a to add an item)",
);
pub const LATE: Tr = Tr("临时动议", "added late");
pub const CONFIRM_REMOVE: Tr = Tr("删除这个议题？", "Remove this item?");
pub const CONFIRM_OPEN: Tr = Tr(
    "开始会议？开会后所有操作都将记入会议记录。",
    "Open the meeting? From now on every action is recorded.",
);
/// Added to `CONFIRM_OPEN` when the meeting was called for another day.
pub fn open_other_day(l: Lang, starts_at: &str, today: &str) -> String {
    match l {
        Lang::Zh => format!("\n注意：本会议定于 {starts_at}，今天是 {today}。"),
        Lang::En => format!("\nNote: this meeting is called for {starts_at}; today is {today}."),
    }
}
pub const CONFIRM_ADJOURN: Tr = Tr(
    "宣布休会？休会后进入纪要审核与签署。",
    "Adjourn? The minutes are then reviewed and signed.",
);
pub const MEETING_OPENED: Tr = Tr(
    "会议已开始。请先点名签到。",
    "The meeting is open. Call the roll first.",
);

// ---- attendance ----
pub const ATT_TITLE: Tr = Tr("签到", "Attendance");
pub const ATT_UNMARKED: Tr = Tr("未点名", "not called");
pub const QUORUM: Tr = Tr("出席与法定人数", "Attendance and quorum");
pub const Q_HEADS: Tr = Tr("出席人数", "Present");
pub const Q_AREA: Tr = Tr("出席面积", "Area present");

// ---- item ----
pub const ITEM_TITLE: Tr = Tr("议题", "Item");
pub const PROPOSAL: Tr = Tr("提案", "Proposal");
pub const REVISION: Tr = Tr("修订", "revision");
pub const SPEAKERS: Tr = Tr("发言", "Speakers");
pub const SPEAKING: Tr = Tr("正在发言", "speaking");
pub const QUEUED: Tr = Tr("等候", "waiting");
pub const NO_SPEAKERS: Tr = Tr("（暂无发言，按 s 登记）", "(no speakers: press s)");
pub const NO_ONE_SPEAKING: Tr = Tr(
    "没有正在发言的人：先按 n 请下一位发言。",
    "Nobody has the floor: press n for the next speaker.",
);
pub const CONFIRM_VOTE: Tr = Tr(
    "开始表决？表决开始后提案不能再修改，表决名单即时冻结。",
    "Start the vote? The proposal is then fixed and the list of voters frozen.",
);
pub const CONFIRM_FINISH: Tr = Tr("结束本议题，不付表决？", "Finish this item without a vote?");
pub const RULE: Tr = Tr("规则", "Rule");
pub const SCOPE: Tr = Tr("范围", "Scope");

// ---- vote ----
pub const VOTE_TITLE: Tr = Tr("唱票表决", "Roll-call vote");
pub const TALLY: Tr = Tr("计票", "Tally");
pub const UNANSWERED: Tr = Tr("未答", "unanswered");
pub const CONFIRM_CLOSE: Tr = Tr(
    "结束表决？未作答者计为未表决，结果随即确定。",
    "Close the vote? Unanswered voters count as not voting and the outcome is fixed.",
);

/// Closing a roll call while present voters have not answered: how many, first.
pub fn confirm_close_unanswered(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("结束表决？到场还有 {n} 人未作答，将计为未表决，结果随即确定。"),
        Lang::En => format!(
            "Close the vote? {n} present voter(s) have not answered: they count as not voting and the outcome is fixed."
        ),
    }
}
pub const PASSED: Tr = Tr("通过", "PASSED");
pub const FAILED: Tr = Tr("未通过", "NOT PASSED");
pub const SO_FAR: Tr = Tr("（当前）", "(so far)");
pub const OUTCOME: Tr = Tr("表决结果", "Outcome");
pub const ACTIONS: Tr = Tr("待办事项", "Action items");
pub const ALL_ANSWERED: Tr = Tr(
    "所有人都已作答，可以结束表决（E）。",
    "Everyone has answered; close the vote with E.",
);
pub const NOTHING_TO_UNDO: Tr = Tr("没有可撤销的表决。", "Nothing to undo.");
pub const SHAFT_FLAG: Tr = Tr(
    "注意：井道占用户未同意",
    "Note: an owner whose unit the shaft occupies has not agreed",
);
pub const PROXY_BY: Tr = Tr("代理", "proxy");
pub const VIA: Tr = Tr("委托书", "ref.");
pub const ABSENT_MARK: Tr = Tr("缺席", "absent");

// ---- minutes ----
pub const MINUTES_TITLE: Tr = Tr("会议纪要", "Minutes");
pub const K_BOARD: Tr = Tr("待办事项", "action items");
pub const K_SET_STATUS: Tr = Tr("更改状态", "change status");
pub const BOARD_TITLE: Tr = Tr("决议待办事项", "Action items of decisions");
pub const OVERDUE: Tr = Tr("逾期", "overdue");
pub const HISTORY: Tr = Tr("进展记录", "History");
pub const NO_ACTIONS: Tr = Tr("（尚无待办事项）", "(no action items yet)");
pub const F_NOTE: Tr = Tr("说明（必填）", "Note (required)");
pub const OPEN_ELSEWHERE: Tr = Tr(
    "这个数据库正在另一个议事程序中使用（会议在别处进行），现为只读查阅，不会记录任何操作。",
    "This database is in use by another yishi (the meeting is open elsewhere): read-only review, nothing is recorded.",
);
pub const K_NEXT_ITEM: Tr = Tr("下一议题", "next item");
pub const K_PREV_ITEM: Tr = Tr("上一议题", "previous item");
pub const K_EXPORT: Tr = Tr("导出", "export");
pub const F_PASSPHRASE: Tr = Tr("口令", "Passphrase");
pub const F_REPEAT: Tr = Tr("再输一遍", "Repeat it");
pub const F_FORMAT: Tr = Tr("格式", "Format");
pub const F_CONTENT: Tr = Tr("内容", "Content");
pub const F_PATH: Tr = Tr("保存到", "Save to");
pub const F_PATH_HINT: Tr = Tr(
    "文件路径；已存在的文件不会被覆盖",
    "a file path; an existing file is never overwritten",
);
pub const EXPORT_FULL: Tr = Tr(
    "完整会议记录（含记名表决）",
    "Full minutes (with the named roll call)",
);
pub const EXPORT_NOTICE: Tr = Tr(
    "公示（仅结果，姓名隐去）",
    "Public notice (results only, names masked)",
);
pub const REGISTERED: Tr = Tr(
    "签署人已登记。口令不会被保存，请牢记。",
    "Signer registered. The passphrase is not stored: remember it.",
);
pub const SIGNED_WAITING: Tr = Tr("已签署。还需签署：", "Signed. Still to sign: ");
pub const SIGNED_LOCKED: Tr = Tr(
    "已签署，会议记录已锁定。",
    "Signed: the minutes are now locked.",
);
pub const EXPORTED: Tr = Tr("已导出到 ", "Exported to ");

pub fn home_more(l: crate::strings::tr::Lang, n: i64) -> String {
    match l {
        crate::strings::tr::Lang::Zh => format!("……另有 {n} 次会议，见档案（a）"),
        crate::strings::tr::Lang::En => format!("… {n} more meetings in the archive (a)"),
    }
}
pub const K_FILTER: Tr = Tr("筛选", "filter");
pub const K_CLEAR_FILTER: Tr = Tr("清除筛选", "clear filters");
pub const K_READ: Tr = Tr("阅读", "read");
pub const K_EXPORT_NOTICE: Tr = Tr("导出公示", "export notice");
pub const ARCHIVE_TITLE: Tr = Tr("档案：历次会议", "Archive: past meetings");
pub const ANY: Tr = Tr("（不限）", "(any)");
pub const NO_FILTER: Tr = Tr(
    "全部会议（/ 搜索，f 筛选）",
    "All meetings (/ search, f filter)",
);
pub const NOTHING_FOUND: Tr = Tr("没有符合条件的会议。", "No meeting matches.");
pub const F_COMMUNITY: Tr = Tr("小区", "Community");
pub const F_SINCE: Tr = Tr("起始日期", "From");
pub const F_UNTIL: Tr = Tr("截止日期", "Until");
pub const F_DATE_HINT: Tr = Tr("格式：2026-05-16，可留空", "like 2026-05-16, or empty");
pub const F_OUTCOME: Tr = Tr("表决结果", "Outcome");
pub const F_SEARCH_WORDS: Tr = Tr("查找", "Find");
pub const F_SEARCH_HINT: Tr = Tr(
    "在会议记录、提案和发言中查找，如：大门、电梯、停车",
    "in minutes, proposals and remarks, e.g. 大门, elevator",
);
pub const ST_VALID: Tr = Tr("已签署·有效", "signed, valid");
pub const ST_INVALID: Tr = Tr("已签署·无效", "signed, INVALID");
pub const ST_SIGNED: Tr = Tr("已签署", "signed");
pub const ST_UNSIGNED: Tr = Tr("未签署", "unsigned");

/// "共 12 次会议"; with `more`, the count so far ("100+").
pub fn found(l: crate::strings::tr::Lang, n: usize, more: bool) -> String {
    let plus = if more { "+" } else { "" };
    match l {
        crate::strings::tr::Lang::Zh => format!("共 {n}{plus} 次会议"),
        crate::strings::tr::Lang::En => format!("{n}{plus} meetings"),
    }
}
pub const K_ADDENDUM: Tr = Tr("补充更正（签署）", "signed addendum");
pub const F_ADDENDUM: Tr = Tr("更正内容", "Correction");
pub const ADDENDUM_SIGNED: Tr = Tr(
    "补充更正已签署并附于会议记录之后。",
    "The addendum is signed and shown after the minutes.",
);

/// The colon after a label: full-width in Chinese, ": " in English.
/// A field's fill against its limit, e.g. "12/300 字".
pub fn field_limit(l: crate::strings::tr::Lang, n: usize, max: usize) -> String {
    match l {
        crate::strings::tr::Lang::Zh => format!("{n}/{max} 字"),
        crate::strings::tr::Lang::En => format!("{n}/{max} characters"),
    }
}

pub fn colon(l: crate::strings::tr::Lang) -> &'static str {
    match l {
        crate::strings::tr::Lang::Zh => "：",
        crate::strings::tr::Lang::En => ": ",
    }
}
pub const IMPORTED: Tr = Tr("（导入）", " (imported)");
pub const K_TRANSFER: Tr = Tr("房屋过户", "transfer unit");
pub const F_TRANSFER: Tr = Tr(
    "把这套房屋转到此人名下（房号）",
    "Unit to move to this voter (label)",
);
pub const F_SHAFT: Tr = Tr("井道占用户", "Shaft owners");
pub const F_SHAFT_HINT: Tr = Tr(
    "加装电梯：井道占用其房屋的业主（姓名或房号，逗号分隔），未同意时提示",
    "elevator: owners whose unit the shaft occupies (names or units, comma-separated); flagged if they do not agree",
);
pub const F_LEGACY: Tr = Tr("旧规2/3", "Legacy 2/3");
pub const F_LEGACY_HINT: Tr = Tr(
    "加装电梯：本单元2/3以上业主同意亦可通过（地方旧规）",
    "elevator: also carried when 2/3 of the unit's owners agree (older local rule)",
);
pub const YES_WORD: Tr = Tr("是", "yes");
pub const NO_WORD: Tr = Tr("否", "no");
pub const K_WITHDRAW: Tr = Tr("撤回签署（更正记录）", "withdraw signatures (to correct)");
pub const CONFIRM_WITHDRAW: Tr = Tr(
    "撤回本次会议记录已有的签署？撤回后可以更正记录（如会议小结），再重新签署。",
    "Withdraw the signatures given so far? The record can then be corrected (e.g. the summary) and signed again.",
);
pub const WITHDRAWN: Tr = Tr(
    "签署已撤回，可以更正后重新签署。",
    "Signatures withdrawn: correct the record, then sign again.",
);
