//! The exports of a meeting's minutes, shared by the command line and the archive screen:
//! Markdown, a printable HTML page, the JSON bundle that `verify --file` checks, and the
//! public notice (公示) in each format.

use crate::domain::minutes::document::{notice, render_notice};
use crate::domain::minutes::markup::to_html;
use crate::domain::minutes::meeting_lang;
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::ids::MeetingId;
use crate::store::{Result, Store, StoreError};
use crate::strings::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// The minutes as Markdown in the meeting's language (full, or the public notice), with
/// the meeting's title.
pub fn markdown(store: &Store, id: MeetingId, notice_only: bool) -> Result<(String, String, Lang)> {
    let (md, title, l, _) = markdown_as(store, id, notice_only)?;
    Ok((md, title, l))
}

/// As [`markdown`], and whether its data is escaped for Markdown (minutes format V2 and
/// every notice), which a converter to HTML or text must know.
pub fn markdown_as(
    store: &Store,
    id: MeetingId,
    notice_only: bool,
) -> Result<(String, String, Lang, bool)> {
    let rec = store.meeting_record(id)?;
    let l = meeting_lang(&rec);
    let (md, escaped) = if notice_only {
        let lines: Vec<_> = store.signatures(id)?.iter().map(|s| s.line()).collect();
        (render_notice(&rec, &lines, l), true)
    } else {
        (
            store.minutes_text(id, l)?,
            store.minutes_format(id)?.words().escaped(),
        )
    };
    // The stored, signed text comes from the database: clean it like any data.
    Ok((clean_multiline(&md), clean_line(&rec.title), l, escaped))
}

/// The community's chain head (`POSITION:HEX`), printed on every export so that
/// `yishi verify --head` can later prove nothing newer was removed.
fn head(store: &Store, id: MeetingId) -> Result<Option<crate::store::trust::Head>> {
    store.chain_head(store.meeting(id)?.community_id)
}

/// The Markdown export: the minutes (or notice), then the chain head line.
fn markdown_with_head(
    store: &Store,
    id: MeetingId,
    notice_only: bool,
) -> Result<(String, String, Lang, bool)> {
    let (mut md, title, l, escaped) = markdown_as(store, id, notice_only)?;
    if let Some(h) = head(store, id)? {
        if !md.ends_with('\n') {
            md.push('\n');
        }
        md.push('\n');
        md.push_str(&crate::strings::trust::head_line(l, h.seq, &h.hex16));
        md.push('\n');
    }
    Ok((md, title, l, escaped))
}

/// The exported text of meeting `id`.
pub fn export(store: &Store, id: MeetingId, format: Format, notice_only: bool) -> Result<String> {
    Ok(match format {
        Format::Md => markdown_with_head(store, id, notice_only)?.0,
        Format::Html => {
            let (md, title, l, escaped) = markdown_with_head(store, id, notice_only)?;
            to_html(&md, &title, l, escaped)
        }
        Format::Json => {
            let json = if notice_only {
                let rec = store.meeting_record(id)?;
                let lines: Vec<_> = store.signatures(id)?.iter().map(|s| s.line()).collect();
                let sha = store.stored_minutes(id)?.map(|m| m.sha256);
                let mut v =
                    serde_json::to_value(notice(&rec, &lines, sha.as_deref(), meeting_lang(&rec)))
                        .map_err(|e| StoreError::Sql(e.to_string()))?;
                if let (Some(obj), Some(h)) = (v.as_object_mut(), head(store, id)?) {
                    obj.insert("chain_head".into(), serde_json::Value::String(h.text()));
                }
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string_pretty(&store.export_bundle(id)?)
            };
            let mut j = json.map_err(|e| StoreError::Sql(e.to_string()))?;
            j.push('\n');
            j
        }
    })
}
