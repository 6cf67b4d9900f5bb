//! A store error in the user's language: a refusal's sentence, or one plain sentence
//! for what went wrong with the file (never SQLite's own words).

use super::forms;
use super::refusal::refusal;
use super::tr::Lang;

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
    if l == Lang::En {
        return en(e);
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
        E::Io(_) | E::Sql(_) | E::Refused(_) => en(e),
    }
}

/// A store error in English.
fn en(e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    match e {
        E::NotSqlite(p) => {
            format!(
                "{p} is not a yishi database (it is not an SQLite file); it was left unchanged."
            )
        }
        E::Foreign(p) => {
            format!("{p} belongs to another program, not yishi; it was left unchanged.")
        }
        E::Corrupt(p) => format!(
            "{p} is damaged (SQLite's check failed); it was left unchanged — restore a backup."
        ),
        E::Newer { path, found, known } => format!(
            "{path} was written by a newer yishi (schema version {found}, this program knows up to {known}); it was left unchanged — update yishi."
        ),
        // The store's own sentence about the file (a folder that cannot be made, …).
        E::Io(m) => m.clone(),
        E::DiskFull => {
            "The disk is full: the last action was not saved. Free some space and try again.".into()
        }
        E::Busy => "The database is in use by another yishi; try again in a moment.".into(),
        E::ReadOnly => "The database is open for review only; nothing can be changed.".into(),
        E::Locked => {
            "This meeting is signed and locked; a correction must be a signed addendum.".into()
        }
        E::WrongPassphrase => "The passphrase is wrong; nothing was signed.".into(),
        E::Refused(r) => refusal(Lang::En, r),
        E::NotFound(m) => format!("Not found: {m}."),
        E::Sql(_) => forms::SQL_FAILED.get(Lang::En).to_string(),
    }
}
