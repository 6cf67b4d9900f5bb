//! The words of the written consultation: the store's refusals, one exhaustive
//! match per language.

use crate::store::refusal::written::WrittenRefusal as W;
use crate::strings::tr::Tr;

pub fn en(r: W) -> &'static str {
    match r {
        W::Dates => {
            "The opening and closing dates must look like 2026-11-28, the closing date not before the opening."
        }
        W::NotWritten => "This meeting is not a written consultation.",
        W::WrittenNoAttendance => {
            "A written consultation has no attendance or roll call; its ballots are entered by number."
        }
        W::NotANumber => {
            "That is not a ballot number: type the digits printed on the ballot, then Enter."
        }
        W::CheckDigit => {
            "The check digit does not match: a digit is mistyped or two are swapped. Type the number again."
        }
        W::OtherMeeting => "This ballot belongs to another meeting; it is not counted here.",
        W::NoSuchBallot => "No ballot of this consultation has this number.",
        W::Duplicate => "This voter's ballot has already been entered; a second ballot is refused.",
        W::WasInvalid => "This voter's ballot was recorded as invalid; a second ballot is refused.",
        W::NotReturned => "This ballot has not been entered yet; there is nothing to correct.",
        W::AlreadyAnswered => {
            "This item is already answered on this ballot; changing it is a correction, made on purpose."
        }
        W::AnswerChoice => "A ballot answers 同意, 反对 or 弃权.",
        W::NotOnItem => "This voter is not in the scope of this item.",
        W::NotRunning => {
            "The consultation is not open: ballots are entered between its opening and its closing."
        }
        W::HasAnswers => {
            "Answers of this ballot are already saved; it cannot be recorded as invalid now."
        }
        W::ShortNotice => {
            "The notice was posted less than 15 days before the opening; confirm to open anyway (the minutes say so)."
        }
        W::NoticeDate => "The notice date must look like 2026-11-28.",
        W::NoBallotItems => "A written consultation needs at least one item to vote on.",
        W::Extension => "An extension needs a reason and a new closing date after the present one.",
        W::Early => "The closing date has not come yet; confirm to close early.",
        W::DeliveryDate => "The delivery date must look like 2026-11-28.",
        W::TooManyVoters => "Too many voters for one consultation.",
        W::NotNumbered => {
            "The ballots are numbered when the written consultation opens; open it first."
        }
        W::ResultsNotClosed => {
            "The results notice is printed once the meeting is closed (adjourned or signed)."
        }
        W::NoExtension => "This consultation has not been extended; there is no extension notice.",
    }
}

pub fn zh(r: W) -> &'static str {
    match r {
        W::Dates => "开始和截止日期应为 2026-11-28 的格式，截止日期不得早于开始日期。",
        W::NotWritten => "本会议不是书面征求意见。",
        W::WrittenNoAttendance => "书面征求意见不点名、不签到，表决票按编号录入。",
        W::NotANumber => "这不是表决票编号：请输入票上印的数字，然后按回车。",
        W::CheckDigit => "校验位不符：有数字输错或相邻两位颠倒，请重新输入。",
        W::OtherMeeting => "这张表决票属于另一次会议，不在本次计票。",
        W::NoSuchBallot => "本次征求意见没有这个编号的表决票。",
        W::Duplicate => "该业主的表决票已录入，第二张表决票不予接受。",
        W::WasInvalid => "该业主的表决票已记为无效票，第二张表决票不予接受。",
        W::NotReturned => "这张表决票尚未录入，无可更正。",
        W::AlreadyAnswered => "本票该事项已录入；如需改动，请作为更正确认后进行。",
        W::AnswerChoice => "表决票只能选择同意、反对或弃权。",
        W::NotOnItem => "该业主不在本事项的表决范围内。",
        W::NotRunning => "征求意见未在进行中：表决票只能在开始后、结束前录入。",
        W::HasAnswers => "这张表决票已有录入的意见，现在不能记为无效票。",
        W::ShortNotice => "会议通知公告不足 15 日；确认后仍可开始（会议记录将载明）。",
        W::NoticeDate => "通知日期应为 2026-11-28 的格式。",
        W::NoBallotItems => "书面征求意见至少需要一项表决事项。",
        W::Extension => "延期需要写明理由，新的截止日期须晚于现截止日期。",
        W::Early => "尚未到截止日期；确认后方可提前结束。",
        W::DeliveryDate => "送达日期应为 2026-11-28 的格式。",
        W::TooManyVoters => "一次征求意见的业主人数过多。",
        W::NotNumbered => "表决票在书面征求意见开始时编号，请先开始征求意见。",
        W::ResultsNotClosed => "表决结果公告在会议结束（休会或签署）后打印。",
        W::NoExtension => "本次征求意见未延期，没有延期公告。",
    }
}

pub const K_DIGITS: Tr = Tr("输入编号", "type the number");
pub const K_ENTER_NUMBER: Tr = Tr("调出表决票", "open the ballot");
pub const K_DEL_DIGIT: Tr = Tr("删除", "delete");
pub const K_CORRECT: Tr = Tr("更正上一张", "correct the last ballot");
pub const K_UNSIGNED: Tr = Tr("无效：未签名", "invalid: unsigned");
pub const K_UNREADABLE: Tr = Tr("无效：无法辨认", "invalid: unreadable");
pub const K_LEAVE_BALLOT: Tr = Tr("放下本票", "leave this ballot");
pub const TITLE: Tr = Tr("录入表决票", "Enter returned ballots");
pub const NUMBER: Tr = Tr("表决票编号", "Ballot number");
pub const PROGRESS: Tr = Tr("进度", "Progress");
pub const ISSUED: Tr = Tr("发出", "Issued");
pub const SERVED: Tr = Tr("送达", "Served");
pub const RETURNED: Tr = Tr("收回", "Returned");
pub const VALID: Tr = Tr("有效", "Valid");
pub const INVALID: Tr = Tr("无效", "Invalid");
pub const DAYS_LEFT: Tr = Tr("距截止（天）", "Days left");
pub const DEADLINE: Tr = Tr("截止日期", "Closing date");
pub const SAVED: Tr = Tr("已保存", "saved");
pub const BALLOT_DONE: Tr = Tr("本票录入完毕。", "Ballot entered.");
pub const INVALID_SAVED: Tr = Tr("已记为无效票。", "Recorded as invalid.");
pub const CORRECT_Q: Tr = Tr("更正该业主的意见？", "Change this voter's answer?");
pub const CORRECTING: Tr = Tr("更正中", "correcting");
pub const UNITS: Tr = Tr("房号", "Units");
