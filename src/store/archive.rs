//! The archive's queries: finished meetings with filters and full-text search.

use rusqlite::types::Value;
use serde::Serialize;

use super::{Result, Store};
use crate::domain::search_text::match_query;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveFilter {
    pub community: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub since: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub until: Option<String>,
    pub kind: Option<String>,
    pub category: Option<String>,
    /// passed / failed: meetings with at least one item of that outcome.
    pub outcome: Option<String>,
    pub search: Option<String>,
    /// Include meetings still open (the archive shows finished ones by default).
    pub include_open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveItem {
    pub position: i64,
    pub title: String,
    pub category: String,
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveRow {
    pub id: i64,
    pub uid: String,
    pub community: String,
    pub kind: String,
    pub title: String,
    pub starts_at: String,
    pub status: String,
    /// local, or imported from another laptop's export.
    pub origin: String,
    pub items: Vec<ArchiveItem>,
}

impl Store {
    /// Finished meetings (adjourned or signed), newest first, filtered.
    pub fn archive(&self, f: &ArchiveFilter) -> Result<Vec<ArchiveRow>> {
        let mut sql = String::from(
            "SELECT m.id, m.uid, c.name, m.kind, m.title, m.starts_at, m.status, m.origin
             FROM meetings m JOIN communities c ON c.id = m.community_id WHERE 1",
        );
        let mut args: Vec<Value> = Vec::new();
        if f.include_open {
            sql.push_str(" AND m.status <> 'draft'");
        } else {
            sql.push_str(" AND m.status IN ('adjourned', 'signed')");
        }
        if let Some(c) = &f.community {
            args.push(Value::Text(c.clone()));
            sql.push_str(&format!(" AND c.name = ?{}", args.len()));
        }
        if let Some(s) = &f.since {
            args.push(Value::Text(s.clone()));
            sql.push_str(&format!(
                " AND substr(m.starts_at, 1, 10) >= ?{}",
                args.len()
            ));
        }
        if let Some(u) = &f.until {
            args.push(Value::Text(u.clone()));
            sql.push_str(&format!(
                " AND substr(m.starts_at, 1, 10) <= ?{}",
                args.len()
            ));
        }
        if let Some(k) = &f.kind {
            args.push(Value::Text(k.clone()));
            sql.push_str(&format!(" AND m.kind = ?{}", args.len()));
        }
        if let Some(cat) = &f.category {
            args.push(Value::Text(cat.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id AND i.category = ?{})",
                args.len()
            ));
        }
        if let Some(o) = &f.outcome {
            args.push(Value::Text(o.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM agenda_items i JOIN vote_closures v ON v.item_id = i.id
                   WHERE i.meeting_id = m.id AND v.outcome = ?{})",
                args.len()
            ));
        }
        if let Some(q) = f.search.as_deref().filter(|q| !q.trim().is_empty()) {
            match match_query(q) {
                Some(expr) => {
                    args.push(Value::Text(expr));
                    sql.push_str(&format!(
                        " AND m.id IN (SELECT meeting_id FROM search_index WHERE search_index MATCH ?{})",
                        args.len()
                    ));
                }
                None => return Ok(Vec::new()),
            }
        }
        sql.push_str(" ORDER BY m.starts_at DESC, m.id DESC");
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(ArchiveRow {
                id: r.get(0)?,
                uid: r.get(1)?,
                community: r.get(2)?,
                kind: r.get(3)?,
                title: r.get(4)?,
                starts_at: r.get(5)?,
                status: r.get(6)?,
                origin: r.get(7)?,
                items: Vec::new(),
            })
        })?;
        let mut out: Vec<ArchiveRow> = rows.collect::<rusqlite::Result<_>>()?;
        let mut st = self.conn().prepare_cached(
            "SELECT i.position, i.title, i.category, v.outcome FROM agenda_items i
             LEFT JOIN vote_closures v ON v.item_id = i.id WHERE i.meeting_id = ?1 ORDER BY i.position",
        )?;
        for row in &mut out {
            row.items = st
                .query_map([row.id], |r| {
                    Ok(ArchiveItem {
                        position: r.get(0)?,
                        title: r.get(1)?,
                        category: r.get(2)?,
                        outcome: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }
}
