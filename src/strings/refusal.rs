//! The refusals' sentences, in each language: the room's refusals, then those about the
//! record. A refusal added to `store::Refusal` without both sentences fails the test below
//! (every variant, through `Refusal::samples` and the exhaustive `Refusal::ordinal`).

use crate::domain::signing::SignError;
use crate::store::{ImportPart, Refusal};
use crate::strings::meeting::{meeting_status, sign_role};
use crate::strings::tr::Lang;

/// A refusal in the user's language.
pub fn refusal(l: Lang, r: &Refusal) -> String {
    match l {
        Lang::Zh => zh(r),
        Lang::En => en(r),
    }
}

fn en(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        MeetingNeedsTitle => "A meeting needs a title.".into(),
        BadMeetingTime => "The time must look like 2026-11-28 09:30.".into(),
        ItemNeedsTitle => "An agenda item needs a title.".into(),
        BadCustomRule => "The community's own vote rule needs fractions between 0 and 1, counted over those eligible or present.".into(),
        BuildingScopeNeedsBuilding => "A building scope needs the building, e.g. 3栋.".into(),
        UnitScopeNeedsUnit => "A unit scope needs the unit, e.g. 2单元.".into(),
        ItemAlreadyVoted => "This item has been put to the vote; it can no longer be changed.".into(),
        AmendAfterVote => "The vote has started; the proposal can no longer be amended.".into(),
        WithdrawVotedItem => "An item that was put to the vote cannot be withdrawn.".into(),
        AdjournWhileVoting => "A vote is still running; close it before adjourning.".into(),
        WrongStatus(s) => format!("Not possible while the meeting is {}.", s.as_db()),
        RecordAlreadySigned => "The minutes already carry a signature; withdraw the signatures before changing the record.".into(),
        ProxyNeedsNameAndRef => "A proxy needs the proxy's name and the authorisation (委托书) reference.".into(),
        RecusalNeedsItem => "A recusal is for one agenda item.".into(),
        CommitteeNoProxy => "Committee members may not vote by proxy.".into(),
        SpeakerNeedsName => "A speaker needs a name.".into(),
        VoteAgain => "This item cannot be put to the vote again.".into(),
        DiscussionOnly => "This item is for discussion only; it has no vote.".into(),
        NobodyInScope => "Nobody on the roster is inside this item's scope.".into(),
        VoteNotOpen => "The vote on this item is not open.".into(),
        NotOnVoteList => "This voter is not on the list for this vote.".into(),
        VoteClosedNoUndo => "The vote is closed; answers can no longer be undone.".into(),
        CloseVoteFirst => "Close the vote first.".into(),
        AnotherVoteOpen => "Another vote is still open; close it before starting this one.".into(),
        AttendanceFirst => "Attendance has not been taken for every voter of this item; take attendance first.".into(),
        VoterNotPresent => "This voter is not present (in person or by proxy) and cannot answer; record the arrival first.".into(),
        AlreadyAnswered => "This voter has already answered; changing an answer is a correction, made on purpose.".into(),
        VoterRecused => "This voter is recused from this item and does not answer.".into(),
        NoRecusalUnderArt278 => "Recusal does not exist under art. 278: the base is all owners of the scope.".into(),
        NotAnsweredYet => "This voter has not answered yet; there is nothing to change.".into(),
        RecusalAtTheDoor => "A recusal is recorded at the door, not changed in the roll call.".into(),
        SameAnswer => "That is already this voter's answer.".into(),
        ActionNeedsWhat => "An action item needs a description.".into(),
        BadDueDate => "The date must look like 2026-12-31.".into(),
        StatusNeedsNote => "A status change needs a short note.".into(),
        // Signing, the signer roster and the rest.
        _ => en_record(r),
    }
}

/// The refusals about signing and the signer roster. `en` sends them here.
fn en_record(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        SignOnlyAdjourned => "Only the minutes of an adjourned meeting can be signed.".into(),
        AlreadySignedByHostAndSecretary => {
            "These minutes are already signed by the host and the secretary.".into()
        }
        ChangedSinceFirstSignature => {
            "The records changed after the first signature; withdraw the signatures and sign again."
                .into()
        }
        HostAndSecretaryFirst => "The host and the secretary sign first.".into(),
        LinkedNoWithdraw => {
            "Minutes signed later link to these; they can no longer be withdrawn.".into()
        }
        AddendumNeedsText => "An addendum needs a text.".into(),
        AddendumOnlySigned => {
            "Only signed minutes take an addendum; until then, correct the record.".into()
        }
        SignerNeedsName => "A signer needs a name.".into(),
        SignerExists { name } => format!("{name} is already registered as a signer."),
        OnlyNamedMaySign { name, role } => {
            format!("Only {name} can sign as the meeting's {}.", role.as_db())
        }
        AlreadySignedBy { name } => format!("{name} has already signed these minutes."),
        RoleAlreadySigned(role) => {
            format!(
                "The minutes already carry the {}'s signature.",
                role.as_db()
            )
        }
        AddendumAlreadySignedBy { name } => format!("{name} has already signed this addendum."),
        Signing(e) => e.to_string(),
        // The roster, files, imports, forms and the families.
        _ => en_files(r),
    }
}

/// The roster, files, imports, forms and the refusal families. `en_record` sends them here.
fn en_files(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        VoterNeedsName => "A voter needs a name.".into(),
        UnitNeedsLabel => "A unit needs a label such as 3栋2单元501.".into(),
        AreaOutOfRange => "The area must be between 0 and 100,000 m².".into(),
        CsvOtherKind { line, owner } => {
            format!("Line {line}: {owner} is already in the roster with another kind.")
        }
        CsvUnitTaken { line, unit, community } => {
            format!("Line {line}: the unit {unit} is already in the roster of {community}.")
        }
        AlreadyInRoster { what } => format!("{what} is already in the roster."),
        File { path, why } => crate::strings::files::refusal(Lang::En, path, why, false),
        ExportFile { path, why } => crate::strings::files::refusal(Lang::En, path, why, true),
        NameHidden => "A name must not contain invisible or format characters (zero-width space, joiner, direction mark).".into(),
        NameTooLong => "A name has at most 100 characters.".into(),
        ImportMalformed { what } => format!(
            "The {} in the file is malformed.",
            match what {
                ImportPart::PublicKey => "public key",
                ImportPart::Signature => "signature",
                ImportPart::Figures => "vote figures",
            }
        ),
        ImportNoMinutes => "The file carries no signed minutes.".into(),
        ImportUnreadable => "The file cannot be read as an export.".into(),
        NotOnSignerRoster { name, fingerprint } => format!("{name} ({fingerprint}) is not on this community's signer roster: have a registered signer endorse them first."),
        NameCannotBeSigned => "The signer's name cannot be signed.".into(),
        RosterNeedsEndorsement => "This community has a signer roster: a registered signer endorses a new one with their passphrase.".into(),
        EndorserNotOnRoster { name } => format!("{name} is not on this community's signer roster and cannot endorse."),
        RosterState { name, active } => format!(
            "{name} is {} on this community's signer roster.",
            if *active { "already" } else { "not" }
        ),
        RosterDoesNotVerify => "The community's signer roster does not verify; nothing was added.".into(),
        ImportRecusalItemMissing { position } => {
            format!("A recusal names item {position}, which is not there.")
        }
        ImportRecusalNoItem => "A recusal names no item.".into(),
        ImportBatchNotReproduced => {
            "A meeting of the batch did not verify from the database once written: nothing of the batch was kept; import the files one by one to see which.".into()
        }
        ImportAddendumMissing => "A signature names an addendum that is not there.".into(),
        VoterNotFound => "No such voter.".into(),
        ManyMatch => "Several match; type more of the name or unit.".into(),
        BadArea => "The area is in m² with at most two decimals, e.g. 85.30.".into(),
        NotRegistered => "Not registered as a signer: press R first.".into(),
        BadFilterDate => "Dates look like 2026-05-16.".into(),
        TooLong { max } => format!("At most {max} characters here."),
        Written(w) => crate::strings::written::en(*w).into(),
        Mediation(m) => crate::strings::mediation::refusal(Lang::En, *m),
        Suggestion(c) => crate::strings::suggestions::refusal(Lang::En, *c).into(),
        // Said by `en` or `en_record`; the test below holds every variant to a sentence.
        _ => String::new(),
    }
}

fn zh(r: &Refusal) -> String {
    use Refusal::*;
    let l = Lang::Zh;
    match r {
        MeetingNeedsTitle => "会议需要标题。".into(),
        BadMeetingTime => "时间格式应为 2026-11-28 09:30。".into(),
        ItemNeedsTitle => "议题需要标题。".into(),
        BadCustomRule => "本小区议事规则的比例应在 0 到 1 之间，并按应到或实到人数计算。".into(),
        BuildingScopeNeedsBuilding => "范围为楼栋时请填写楼栋，如 3栋。".into(),
        UnitScopeNeedsUnit => "范围为单元时请填写单元，如 2单元。".into(),
        ItemAlreadyVoted => "该议题已付表决，不能再修改。".into(),
        AmendAfterVote => "表决已开始，提案不能再修改。".into(),
        WithdrawVotedItem => "已付表决的议题不能撤回。".into(),
        AdjournWhileVoting => "还有表决未结束，请先结束表决再休会。".into(),
        WrongStatus(s) => format!("会议{}时不能这样做。", meeting_status(l, *s)),
        RecordAlreadySigned => "会议记录已有签名；如需修改记录，请先撤回签名。".into(),
        ProxyNeedsNameAndRef => "委托需填写代理人姓名和委托书编号。".into(),
        RecusalNeedsItem => "回避须针对某一议题。".into(),
        CommitteeNoProxy => "业委会委员不得委托投票。".into(),
        SpeakerNeedsName => "请填写发言人姓名。".into(),
        VoteAgain => "该议题不能再次付表决。".into(),
        DiscussionOnly => "该议题仅讨论，不付表决。".into(),
        NobodyInScope => "名册中没有人在该议题的表决范围内。".into(),
        VoteNotOpen => "该议题的表决未在进行。".into(),
        NotOnVoteList => "此人不在本次表决名单中。".into(),
        VoteClosedNoUndo => "表决已结束，不能再撤销。".into(),
        CloseVoteFirst => "请先结束表决。".into(),
        AnotherVoteOpen => "另一项表决尚未结束，请先结束该表决再开始本项表决。".into(),
        AttendanceFirst => "尚未完成本议题全部表决人的签到，请先点名签到。".into(),
        VoterNotPresent => {
            "此人未到场（本人或委托代理人均未到），不能表决；如已到场，请先登记到场。".into()
        }
        AlreadyAnswered => "此人已表决；更改表决须经确认的更正操作。".into(),
        VoterRecused => "此人已就本议题回避，不参加表决。".into(),
        NoRecusalUnderArt278 => {
            "依民法典第二百七十八条表决的事项不适用回避：基数为范围内全体业主。".into()
        }
        NotAnsweredYet => "此人尚未表决，无可更正。".into(),
        RecusalAtTheDoor => "回避须在签到时登记，不能在表决中更改。".into(),
        SameAnswer => "此人的表决已是该选项。".into(),
        ActionNeedsWhat => "请填写待办事项内容。".into(),
        BadDueDate => "日期格式应为 2026-12-31。".into(),
        StatusNeedsNote => "更改状态须填写简短说明。".into(),
        // Signing, the signer roster and the rest.
        _ => zh_record(r),
    }
}

/// The refusals about signing and the signer roster. `zh` sends them here.
fn zh_record(r: &Refusal) -> String {
    use Refusal::*;
    let l = Lang::Zh;
    match r {
        SignOnlyAdjourned => "只有已休会的会议记录可以签署。".into(),
        AlreadySignedByHostAndSecretary => "该会议记录已由主持人和记录人签署。".into(),
        ChangedSinceFirstSignature => "第一次签名后记录有改动；请撤回签名后重新签署。".into(),
        HostAndSecretaryFirst => "须先由主持人和记录人签署。".into(),
        LinkedNoWithdraw => "之后签署的会议记录已链接到此记录，不能再撤回签名。".into(),
        AddendumNeedsText => "请填写补充更正的内容。".into(),
        AddendumOnlySigned => "只有已签署的会议记录才能补充更正；签署前请直接修改记录。".into(),
        SignerNeedsName => "请填写签名人姓名。".into(),
        SignerExists { name } => format!("{name} 已登记为签署人。"),
        OnlyNamedMaySign { name, role } => {
            format!(
                "只有 {name} 可以作为本次会议的{}签署。",
                sign_role(l, role.as_db())
            )
        }
        AlreadySignedBy { name } => format!("{name} 已签署过该会议记录。"),
        RoleAlreadySigned(role) => {
            format!("会议记录已有{}的签名。", sign_role(l, role.as_db()))
        }
        AddendumAlreadySignedBy { name } => format!("{name} 已签署过这份补充更正。"),
        Signing(e) => match e {
            SignError::PassphraseTooShort => "口令太短：至少需要 8 个字符。",
            SignError::PassphraseMismatch => "两次输入的口令不一致。",
            SignError::WrongPassphrase => "口令错误。",
            SignError::BadKdfParams => "密钥派生参数不可接受。",
            SignError::Random => "系统随机数来源不可用。",
            SignError::BadKey => "公钥与此签名不符。",
            SignError::BadSignature => "签名与所签内容不符。",
            SignError::BadStatement => "待签内容有空白项或含换行的项。",
        }
        .into(),
        // The roster, files, imports, forms and the families.
        _ => zh_files(r),
    }
}

/// The roster, files, imports, forms and the refusal families. `zh_record` sends them here.
fn zh_files(r: &Refusal) -> String {
    use Refusal::*;
    let l = Lang::Zh;
    match r {
        VoterNeedsName => "请填写姓名。".into(),
        UnitNeedsLabel => "请填写房号，如 3栋2单元501。".into(),
        AreaOutOfRange => "面积应在 0 到 100,000 平方米之间。".into(),
        CsvOtherKind { line, owner } => {
            format!("第 {line} 行：{owner} 已在名册中，类别不同。")
        }
        CsvUnitTaken {
            line,
            unit,
            community,
        } => {
            format!("第 {line} 行：房屋 {unit} 已在「{community}」的名册中。")
        }
        AlreadyInRoster { what } => format!("{what} 已在名册中。"),
        File { path, why } => crate::strings::files::refusal(l, path, why, false),
        ExportFile { path, why } => crate::strings::files::refusal(l, path, why, true),
        NameHidden => "姓名中不能有不可见字符或格式字符（零宽空格、连接符、方向标记）。".into(),
        NameTooLong => "姓名最多 100 个字符。".into(),
        ImportMalformed { what } => format!(
            "文件中的{}格式有误。",
            match what {
                ImportPart::PublicKey => "公钥",
                ImportPart::Signature => "签名",
                ImportPart::Figures => "表决数据",
            }
        ),
        ImportNoMinutes => "文件中没有已签署的会议记录。".into(),
        ImportUnreadable => "无法把该文件读作导出文件。".into(),
        NotOnSignerRoster { name, fingerprint } => format!(
            "{name}（{fingerprint}）不在本小区的签署人名册中：请先由已登记的签署人为其背书。"
        ),
        NameCannotBeSigned => "签署人姓名无法签入（含不可签的字符）。".into(),
        RosterNeedsEndorsement => {
            "本小区已有签署人名册：新签署人须由已登记的签署人用口令背书。".into()
        }
        EndorserNotOnRoster { name } => format!("{name} 不在本小区的签署人名册中，不能背书。"),
        RosterState { name, active: true } => format!("{name} 已在本小区的签署人名册中。"),
        RosterState {
            name,
            active: false,
        } => format!("{name} 不在本小区的签署人名册中。"),
        RosterDoesNotVerify => "本小区的签署人名册验证未通过，未作任何添加。".into(),
        ImportRecusalItemMissing { position } => {
            format!("回避记录指向第 {position} 项议题，但该议题不存在。")
        }
        ImportRecusalNoItem => "回避记录没有指明议题。".into(),
        ImportBatchNotReproduced => "这一批中有会议写入后从数据库核验不通过：这一批都没有保存；请逐个导入文件，查明是哪一个。".into(),
        ImportAddendumMissing => "签名指向一份不存在的补充更正。".into(),
        VoterNotFound => "没有找到这个人。".into(),
        ManyMatch => "有多人符合，请输入更完整的姓名或房号。".into(),
        BadArea => "面积应为平方米数，最多两位小数，如 85.30。".into(),
        NotRegistered => "此人尚未登记为签署人：请先按 R 登记。".into(),
        BadFilterDate => "日期格式应为 2026-05-16。".into(),
        TooLong { max } => format!("此处最多 {max} 个字符。"),
        Written(w) => crate::strings::written::zh(*w).into(),
        Mediation(m) => crate::strings::mediation::refusal(Lang::Zh, *m),
        Suggestion(c) => crate::strings::suggestions::refusal(Lang::Zh, *c).into(),
        // Said by `zh` or `zh_record`; the test below holds every variant to a sentence.
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::EnumCount;

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_refusal_has_both_sentences_and_the_chinese_is_chinese() {
        let all = Refusal::samples();
        let mut seen = [false; Refusal::COUNT];
        for r in &all {
            seen[r.ordinal()] = true;
            let (z, e) = (refusal(Lang::Zh, r), refusal(Lang::En, r));
            assert!(!e.trim().is_empty() && !z.trim().is_empty(), "{r:?}");
            assert!(has_chinese(&z), "not Chinese: {z}");
            assert_ne!(z, e, "{r:?}");
            for s in [&z, &e] {
                // No SQL and no Rust type or variant name reaches the user.
                for bad in [
                    "SELECT",
                    "INSERT",
                    "UPDATE ",
                    "sqlite",
                    "Refusal",
                    "StoreError",
                    "::",
                    "MeetingStatus",
                    "Some(",
                    "{",
                ] {
                    assert!(!s.contains(bad), "{bad} in {s}");
                }
            }
        }
        let missing: Vec<usize> = (0..Refusal::COUNT).filter(|i| !seen[*i]).collect();
        assert!(missing.is_empty(), "refusals without a sample: {missing:?}");
    }
}
