//! Words of the command line's own refusals (the store's come through the
//! store-error sentences): flags in the chosen language, kinds by either name.

use super::{Lang, meeting_kind};
use crate::domain::model::MeetingKind;

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
        K::NotFound => super::Tr("没有这个文件", "there is no such file"),
        K::PermissionDenied => super::Tr("没有读写它的权限", "permission denied"),
        K::IsADirectory => super::Tr("这是一个文件夹", "it is a folder"),
        K::StorageFull => super::Tr("磁盘已满", "the disk is full"),
        K::InvalidData => super::Tr("内容不是有效的文本", "its content is not valid text"),
        _ => return e.to_string(),
    };
    t.get(l).to_string()
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
}
