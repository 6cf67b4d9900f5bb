//! Words of the command line's own refusals (the store's come through the
//! store-error sentences): flags in the chosen language, kinds by either name.

use crate::domain::model::MeetingKind;
use crate::strings::meeting::meeting_kind;
use crate::strings::tr::{Lang, Tr};

/// A meeting kind named on the command line: its id (`owners_assembly`), its
/// Chinese name (业主大会) or its English name, in any case ("owners' assembly").
pub fn parse_kind(s: &str) -> Option<MeetingKind> {
    let s = s.trim();
    MeetingKind::from_db(s).or_else(|| {
        MeetingKind::ALL.iter().copied().find(|&k| {
            meeting_kind(Lang::Zh, k) == s || meeting_kind(Lang::En, k).eq_ignore_ascii_case(s)
        })
    })
}

/// `--kind` named no kind: the kinds in the user's language, and their ids.
pub fn bad_kind(l: Lang, given: &str) -> String {
    let names: Vec<&str> = MeetingKind::ALL
        .iter()
        .map(|&k| meeting_kind(l, k))
        .collect();
    let ids: Vec<&str> = MeetingKind::ALL.iter().map(|k| k.as_db()).collect();
    match l {
        Lang::Zh => format!(
            "没有“{given}”这种会议。--kind 可以是：{}（也可写代号：{}）。",
            names.join("、"),
            ids.join("、")
        ),
        Lang::En => format!(
            "There is no meeting kind \"{given}\". --kind can be: {} (or their ids: {}).",
            names.join(", "),
            ids.join(", ")
        ),
    }
}

pub fn bad_date(l: Lang, flag: &str) -> String {
    match l {
        Lang::Zh => format!("{flag} 应为日期，例如 2026-05-16。"),
        Lang::En => format!("{flag} must be a date like 2026-05-16."),
    }
}

pub fn needs_name(l: Lang, flag: &str) -> String {
    match l {
        Lang::Zh => format!("{flag} 需要一个名称。"),
        Lang::En => format!("{flag} needs a name."),
    }
}

/// Why a file could not be read or written, in the user's words (the system's own
/// text is English; it is kept only for causes without a sentence here).
pub fn io_why(l: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let t = match e.kind() {
        K::NotFound => crate::strings::tr::Tr("没有这个文件", "there is no such file"),
        K::PermissionDenied => crate::strings::tr::Tr("没有读写它的权限", "permission denied"),
        K::IsADirectory => crate::strings::tr::Tr("这是一个文件夹", "it is a folder"),
        K::StorageFull => crate::strings::tr::Tr("磁盘已满", "the disk is full"),
        K::InvalidData => {
            crate::strings::tr::Tr("内容不是有效的文本", "its content is not valid text")
        }
        K::AlreadyExists => crate::strings::tr::Tr("文件已经存在", "the file already exists"),
        K::ReadOnlyFilesystem => crate::strings::tr::Tr("磁盘是只读的", "the disk is read-only"),
        K::UnexpectedEof => crate::strings::tr::Tr("文件不完整", "the file is cut short"),
        K::OutOfMemory => crate::strings::tr::Tr("内存不足", "out of memory"),
        K::TimedOut => crate::strings::tr::Tr("操作超时", "it timed out"),
        K::NotADirectory => {
            crate::strings::tr::Tr("路径中有一段不是文件夹", "part of the path is not a folder")
        }
        K::InvalidFilename => crate::strings::tr::Tr("文件名无效", "the file name is not valid"),
        // Anything else: the system's own words, said to be the system's.
        _ => {
            return match l {
                Lang::Zh => format!("操作系统报错：{e}"),
                Lang::En => e.to_string(),
            };
        }
    };
    t.get(l).to_string()
}

/// Why a file is not valid JSON of the expected shape, with where: in English the
/// parser's own sentence (it names the field), in Chinese a sentence of ours.
pub fn json_why(l: Lang, e: &serde_json::Error) -> String {
    use serde_json::error::Category as C;
    let (line, column) = (e.line(), e.column());
    match l {
        Lang::En => e.to_string(),
        Lang::Zh => match e.classify() {
            C::Io => "读取时出错".to_string(),
            C::Eof => format!("文件在第 {line} 行第 {column} 列处中断，内容不完整"),
            C::Syntax => format!("第 {line} 行第 {column} 列不是有效的 JSON"),
            C::Data => format!("第 {line} 行第 {column} 列的内容不符合导出格式"),
        },
    }
}

// ---- the command line's messages ----
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

pub fn cli_backup_done(l: Lang, dest: &str, pages: i64) -> String {
    match l {
        Lang::Zh => format!("已备份到 {dest}（{pages} 页），完整性检查通过。"),
        Lang::En => {
            format!("Backed up to {dest} ({pages} pages); the copy passed the integrity check.")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_either_name() {
        for &k in MeetingKind::ALL {
            assert_eq!(parse_kind(k.as_db()), Some(k));
            assert_eq!(parse_kind(meeting_kind(Lang::Zh, k)), Some(k));
            assert_eq!(parse_kind(meeting_kind(Lang::En, k)), Some(k));
            let lower = meeting_kind(Lang::En, k).to_lowercase();
            assert_eq!(parse_kind(&lower), Some(k));
        }
        assert_eq!(parse_kind("野餐"), None);
        assert!(bad_kind(Lang::Zh, "野餐").contains("业主大会"));
        assert!(bad_kind(Lang::En, "picnic").contains("Owners' assembly"));
    }

    #[test]
    fn a_broken_json_file_is_told_in_chinese_with_where() {
        let e = serde_json::from_str::<serde_json::Value>("{\"bad\":\n").unwrap_err();
        assert_eq!(
            json_why(Lang::Zh, &e),
            "文件在第 2 行第 0 列处中断，内容不完整"
        );
        assert!(json_why(Lang::En, &e).contains("EOF"));
        let e = serde_json::from_str::<serde_json::Value>("{x}").unwrap_err();
        assert_eq!(json_why(Lang::Zh, &e), "第 1 行第 2 列不是有效的 JSON");
        let other = std::io::Error::other("boom");
        assert_eq!(io_why(Lang::Zh, &other), "操作系统报错：boom");
    }
}
