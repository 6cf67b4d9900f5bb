//! The archive's queries: finished meetings with filters and full-text search.

use rusqlite::types::Value;
use serde::Serialize;

use crate::domain::text::search::match_query;
use crate::store::Store;
use crate::store::error::Result;
use crate::store::ids::MeetingId;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveFilter {
    pub community: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub since: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub until: Option<String>,
    pub kind: Option<String>,
    pub category: Option<String>,
    /// passed / failed: meetings with at least one item of that outcome (of the
    /// category, when a category is given too: both are asked of one item).
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
    pub id: MeetingId,
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
    /// Finished meetings (adjourned or signed), newest first, filtered: all of them.
    /// The archive screen should use `archive_page`, which reads only what it shows.
    pub fn archive(&self, f: &ArchiveFilter) -> Result<Vec<ArchiveRow>> {
        self.archive_page(f, None, 0)
    }

    /// One page of `archive`: at most `limit` meetings (None: all) after skipping
    /// `offset`, newest first, each with its items. Costs in proportion to the page, not
    /// the archive: the meetings come from the date index (or, with a search, from the
    /// full-text index), and the page's items from one query.
    pub fn archive_page(
        &self,
        f: &ArchiveFilter,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<Vec<ArchiveRow>> {
        let Some((sql, args)) = archive_sql(f, limit, offset) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        self.archive_rows(&sql, args, |rows| {
            out.extend(rows);
            Ok(())
        })?;
        Ok(out)
    }

    /// As `archive_page` with no limit, handing the meetings over a few hundred at a
    /// time (each with its items) instead of all at once: a district's whole listing
    /// (`yishi minutes list`) is printed in little memory.
    pub fn archive_each(
        &self,
        f: &ArchiveFilter,
        offset: usize,
        mut each: impl FnMut(&[ArchiveRow]) -> Result<()>,
    ) -> Result<()> {
        let Some((sql, args)) = archive_sql(f, None, offset) else {
            return Ok(());
        };
        self.archive_rows(&sql, args, |rows| each(&rows))
    }

    /// Run an archive query, handing its meetings to `take` `CHUNK` at a time, each
    /// chunk with its items.
    fn archive_rows(
        &self,
        sql: &str,
        args: Vec<Value>,
        mut take: impl FnMut(Vec<ArchiveRow>) -> Result<()>,
    ) -> Result<()> {
        const CHUNK: usize = 500;
        let mut st = self.conn().prepare_cached(sql)?;
        let mut q = st.query(rusqlite::params_from_iter(args))?;
        let mut rows: Vec<ArchiveRow> = Vec::new();
        loop {
            let next = q.next()?;
            if let Some(r) = next {
                rows.push(ArchiveRow {
                    id: r.get(0)?,
                    uid: r.get(1)?,
                    community: r.get(2)?,
                    kind: r.get(3)?,
                    title: r.get(4)?,
                    starts_at: r.get(5)?,
                    status: r.get(6)?,
                    origin: r.get(7)?,
                    items: Vec::new(),
                });
            }
            let done = next.is_none();
            if rows.len() >= CHUNK || (done && !rows.is_empty()) {
                self.fill_items(&mut rows)?;
                take(std::mem::take(&mut rows))?;
            }
            if done {
                return Ok(());
            }
        }
    }

    /// The items of the listed meetings, a few hundred meetings per query.
    fn fill_items(&self, rows: &mut [ArchiveRow]) -> Result<()> {
        let mut at: std::collections::HashMap<MeetingId, usize> = std::collections::HashMap::new();
        for (k, r) in rows.iter().enumerate() {
            at.insert(r.id, k);
        }
        for chunk in rows.iter().map(|r| r.id).collect::<Vec<_>>().chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT i.meeting_id, i.position, i.title, i.category, v.outcome FROM agenda_items i
                 LEFT JOIN vote_closures v ON v.item_id = i.id
                 WHERE i.meeting_id IN ({marks}) ORDER BY i.meeting_id, i.position"
            );
            let mut st = self.conn().prepare_cached(&sql)?;
            let mut q = st.query(rusqlite::params_from_iter(chunk.iter()))?;
            while let Some(r) = q.next()? {
                let meeting: MeetingId = r.get(0)?;
                if let Some(&k) = at.get(&meeting) {
                    rows[k].items.push(ArchiveItem {
                        position: r.get(1)?,
                        title: r.get(2)?,
                        category: r.get(3)?,
                        outcome: r.get(4)?,
                    });
                }
            }
        }
        Ok(())
    }
}

/// The archive's query for a filter, newest first, with its parameters; None when a
/// search has nothing searchable in it (it finds nothing).
fn archive_sql(
    f: &ArchiveFilter,
    limit: Option<usize>,
    offset: usize,
) -> Option<(String, Vec<Value>)> {
    let mut sql = String::from(
        "SELECT m.id, m.uid, c.name, m.kind, m.title, m.starts_at, m.status, m.origin
         FROM meetings m JOIN communities c ON c.id = m.community_id WHERE 1",
    );
    let mut args: Vec<Value> = Vec::new();
    // The unary + keeps SQLite from choosing the status index (nearly every meeting
    // is finished): it walks the date index newest first and stops at the page.
    if f.include_open {
        sql.push_str(" AND +m.status <> 'draft'");
    } else {
        sql.push_str(" AND +m.status IN ('adjourned', 'signed')");
    }
    if let Some(c) = &f.community {
        args.push(Value::Text(c.clone()));
        sql.push_str(&format!(" AND c.name = ?{}", args.len()));
    }
    // Each date bound also as a bound on `starts_at` itself, which the first implies,
    // so the date index reads only the range instead of every later meeting.
    if let Some(s) = &f.since {
        args.push(Value::Text(s.clone()));
        sql.push_str(&format!(
            " AND substr(m.starts_at, 1, 10) >= ?{n} AND m.starts_at >= ?{n}",
            n = args.len()
        ));
    }
    if let Some(u) = &f.until {
        args.push(Value::Text(u.clone()));
        sql.push_str(&format!(
            " AND substr(m.starts_at, 1, 10) <= ?{}",
            args.len()
        ));
        if let Some(next) = just_after(u) {
            args.push(Value::Text(next));
            sql.push_str(&format!(" AND m.starts_at < ?{}", args.len()));
        }
    }
    if let Some(k) = &f.kind {
        args.push(Value::Text(k.clone()));
        sql.push_str(&format!(" AND m.kind = ?{}", args.len()));
    }
    // Category and outcome are asked of the same item: "小区大门 · 通过" is a
    // meeting whose gate item passed, not one where the gate failed and
    // another item passed.
    let mut item_conds = Vec::new();
    if let Some(cat) = &f.category {
        args.push(Value::Text(cat.clone()));
        item_conds.push(format!("+i.category = ?{}", args.len()));
    }
    if let Some(o) = &f.outcome {
        args.push(Value::Text(o.clone()));
        item_conds.push(format!(
            "EXISTS (SELECT 1 FROM vote_closures v WHERE v.item_id = i.id AND v.outcome = ?{})",
            args.len()
        ));
    }
    if !item_conds.is_empty() {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id AND {})",
            item_conds.join(" AND ")
        ));
    }
    if let Some(q) = f.search.as_deref().filter(|q| !q.trim().is_empty()) {
        match match_query(q) {
            Some(expr) => {
                args.push(Value::Text(expr));
                sql.push_str(&format!(
                    " AND m.id IN (SELECT rowid >> {} FROM search_index WHERE search_index MATCH ?{})",
                    crate::store::search::MEETING_SHIFT,
                    args.len()
                ));
            }
            None => return None,
        }
    }
    sql.push_str(" ORDER BY m.starts_at DESC, m.id DESC");
    if let Some(n) = limit {
        sql.push_str(&format!(" LIMIT {n} OFFSET {offset}"));
    } else if offset > 0 {
        sql.push_str(&format!(" LIMIT -1 OFFSET {offset}"));
    }
    Some((sql, args))
}

/// The least text after every text whose first ten characters are at most `day` (its
/// last character one higher), when there is one: `substr(t, 1, 10) <= day` implies
/// `t < just_after(day)` for a `day` of ten characters.
fn just_after(day: &str) -> Option<String> {
    if day.chars().count() != 10 {
        return None;
    }
    let mut chars: Vec<char> = day.chars().collect();
    let last = chars.last_mut()?;
    *last = char::from_u32(u32::from(*last) + 1)?;
    Some(chars.into_iter().collect())
}

#[cfg(test)]
mod date_bound_tests {
    use super::just_after;

    #[test]
    fn every_start_of_the_last_day_is_before_the_bound() {
        let next = just_after("2020-12-31").unwrap();
        assert_eq!(next, "2020-12-32");
        for t in [
            "2020-12-31",
            "2020-12-31 23:59",
            "2020-12-31T23:59:59+08:00",
        ] {
            assert!(t < next.as_str(), "{t}");
        }
        assert!("2021-01-01 00:00" > next.as_str());
        assert_eq!(just_after("2020-1-1"), None);
    }
}

#[cfg(test)]
mod each_tests {
    use super::{ArchiveFilter, ArchiveRow};
    use crate::store::Store;

    /// The whole listing handed over a chunk at a time is the listing read at once, in
    /// the same order, each meeting with its own items: across chunk boundaries, after
    /// an offset, and for a filter that finds nothing.
    #[test]
    fn the_listing_in_chunks_is_the_listing_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let st = Store::open(&dir.path().join("a.db")).expect("open");
        st.conn()
            .execute_batch(
                "INSERT INTO communities (name, created_at) VALUES ('甲小区', 'x'), ('乙小区', 'x');
                 WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 1234)
                 INSERT INTO meetings (uid, community_id, kind, title, starts_at, status, created_at)
                 SELECT 'u' || n, 1 + n % 2, 'owners_assembly', '会议' || n,
                        printf('2020-01-01 %02d:%02d', n % 24, n % 60),
                        CASE WHEN n % 7 = 0 THEN 'draft' ELSE 'adjourned' END, 'x' FROM k;
                 INSERT INTO agenda_items (meeting_id, position, title, rule, created_at)
                 SELECT id, p.p, '议题' || p.p || '/' || id, 'no_vote', 'x'
                 FROM meetings, (SELECT 1 AS p UNION ALL SELECT 2) p WHERE id % 3 <> 0;",
            )
            .expect("rows");
        for f in [
            ArchiveFilter::default(),
            ArchiveFilter {
                community: Some("乙小区".into()),
                ..ArchiveFilter::default()
            },
            ArchiveFilter {
                community: Some("无此小区".into()),
                ..ArchiveFilter::default()
            },
        ] {
            let whole = st.archive(&f).expect("whole");
            for offset in [0, 50, 1100] {
                let mut got: Vec<ArchiveRow> = Vec::new();
                let mut calls = 0;
                st.archive_each(&f, offset, |rows| {
                    calls += 1;
                    assert!(rows.len() <= 500);
                    got.extend_from_slice(rows);
                    Ok(())
                })
                .expect("each");
                let want: Vec<ArchiveRow> = whole.iter().skip(offset).cloned().collect();
                assert_eq!(got, want, "{f:?} from {offset}");
                assert_eq!(calls, want.len().div_ceil(500), "{f:?} from {offset}");
            }
        }
        let all = st.archive(&ArchiveFilter::default()).expect("all");
        let ids: Vec<i64> = st
            .conn()
            .prepare(
                "SELECT id FROM meetings WHERE status <> 'draft' ORDER BY starts_at DESC, id DESC",
            )
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("ids")
            .collect::<rusqlite::Result<_>>()
            .expect("ids");
        assert_eq!(all.iter().map(|r| r.id.0).collect::<Vec<_>>(), ids);
        assert_eq!(all.len(), 1234 - 1234 / 7);
        let m = all.iter().find(|r| r.id.0 == 1000).expect("1000");
        assert_eq!(m.items.len(), 2);
        assert_eq!(m.items[1].title, "议题2/1000");
        assert!(
            all.iter()
                .find(|r| r.id.0 == 999)
                .expect("999")
                .items
                .is_empty()
        );
    }
}
