//! The district report's facts: a few aggregate queries over the meetings of
//! this file, local and imported, and its suggestions, grouped by community. Meetings
//! held are those adjourned or signed; a year is the year of `starts_at` (meetings) or
//! `raised_on` (suggestions).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use crate::domain::report::{ActionFigures, CommunityFacts, ItemEnd};
use crate::domain::suggestions::days_between;
use crate::store::Store;
use crate::store::error::Result;

const HELD: &str = "m.status IN ('adjourned', 'signed')
    AND (?1 IS NULL OR substr(m.starts_at, 1, 4) = ?1)
    AND (?2 IS NULL OR c.name = ?2)";

/// The part of a closure's figures the report reads (the rest is skipped).
#[derive(serde::Deserialize)]
struct Figures {
    tally: crate::domain::rules::Tally,
}

impl Store {
    /// Each community's facts, by name. `year` and `community` filter; a community
    /// with nothing in the year is still listed (all zero) unless filtered out.
    pub fn report_facts(
        &self,
        year: Option<i32>,
        community: Option<&str>,
        today: &str,
    ) -> Result<Vec<CommunityFacts>> {
        let conn = self.conn();
        let y = year.map(|y| format!("{y:04}"));
        let mut by = communities(conn, community)?;
        meetings_held(conn, &y, community, &mut by)?;
        item_ends(conn, &y, community, &mut by)?;
        participation(conn, &y, community, &mut by)?;
        action_figures(conn, &y, community, today, &mut by)?;
        suggestion_figures(conn, &y, community, &mut by)?;
        Ok(by.into_values().collect())
    }
}

/// Each community's facts so far, by name.
type ByCommunity = BTreeMap<String, CommunityFacts>;

/// Every community (or the one asked for), with nothing counted yet.
fn communities(conn: &Connection, community: Option<&str>) -> Result<ByCommunity> {
    let mut by: ByCommunity = BTreeMap::new();
    let mut st = conn.prepare(
        "SELECT c.name FROM communities c WHERE (?1 IS NULL OR c.name = ?1) ORDER BY c.name",
    )?;
    for name in st.query_map(params![community], |r| r.get::<_, String>(0))? {
        let name = name?;
        by.insert(
            name.clone(),
            CommunityFacts {
                name,
                ..Default::default()
            },
        );
    }
    Ok(by)
}

/// Meetings held, by kind: one aggregate over the meetings table.
fn meetings_held(
    conn: &Connection,
    y: &Option<String>,
    community: Option<&str>,
    by: &mut ByCommunity,
) -> Result<()> {
    let mut st = conn.prepare(&format!(
        "SELECT c.name, m.kind, count(*) FROM meetings m
         JOIN communities c ON c.id = m.community_id WHERE {HELD} GROUP BY c.name, m.kind"
    ))?;
    let rows = st.query_map(params![y, community], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (c, kind, n) = row?;
        if let Some(f) = by.get_mut(&c) {
            f.meetings.push((kind, n));
        }
    }
    Ok(())
}

/// Items by category and how they ended.
fn item_ends(
    conn: &Connection,
    y: &Option<String>,
    community: Option<&str>,
    by: &mut ByCommunity,
) -> Result<()> {
    let mut st = conn.prepare(&format!(
        "SELECT c.name, i.category,
            CASE WHEN n.item_id IS NOT NULL THEN 'ntu'
                 WHEN i.status = 'withdrawn' THEN 'withdrawn'
                 ELSE coalesce(v.outcome, 'no_vote') END AS ended,
            count(*)
         FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         JOIN communities c ON c.id = m.community_id
         LEFT JOIN not_taken_up n ON n.item_id = i.id
         LEFT JOIN vote_closures v ON v.item_id = i.id WHERE {HELD}
         GROUP BY c.name, i.category, ended"
    ))?;
    let rows = st.query_map(params![y, community], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (c, cat, ended, n) = row?;
        let end = match ended.as_str() {
            "passed" => ItemEnd::Passed,
            "failed" => ItemEnd::Failed,
            "withdrawn" => ItemEnd::Withdrawn,
            "ntu" => ItemEnd::NotTakenUp,
            _ => ItemEnd::NoVote,
        };
        if let Some(f) = by.get_mut(&c) {
            f.items.push((cat, end, n));
        }
    }
    Ok(())
}

fn participation(
    conn: &Connection,
    y: &Option<String>,
    community: Option<&str>,
    by: &mut ByCommunity,
) -> Result<()> {
    // Participation per closed vote (domain::report::participation), from the tally
    // fixed at the close, which counted the frozen list and its answers (answers
    // change only while the vote is open): counting the votes and vote_eligible
    // tables read every answer of the archive's years, most of the report's time at
    // district scale. tests/residents/report_figures.rs recomputes it from the ballots.
    let mut st = conn.prepare(&format!(
        "SELECT c.name, vc.figures, i.id
         FROM vote_closures vc JOIN agenda_items i ON i.id = vc.item_id
         JOIN meetings m ON m.id = i.meeting_id
         JOIN communities c ON c.id = m.community_id WHERE {HELD}
         ORDER BY i.id"
    ))?;
    let rows = st.query_map(params![y, community], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (c, figures, item) = row?;
        let (took, of) = match serde_json::from_str::<Figures>(&figures) {
            Ok(Figures { tally }) => crate::domain::report::participation(&tally),
            // Figures this release cannot read: counted from the tables instead.
            Err(_) => conn
                .prepare_cached(
                    "SELECT (SELECT count(*) FROM votes v WHERE v.item_id = ?1
                               AND v.choice IN ('yes', 'no', 'abstain')),
                            (SELECT count(*) FROM vote_eligible e WHERE e.item_id = ?1)",
                )?
                .query_row([item], |r| Ok((r.get(0)?, r.get(1)?)))?,
        };
        if let Some(f) = by.get_mut(&c) {
            f.votes.push((took, of));
        }
    }
    Ok(())
}

/// Action items of the meetings held: done (and by when), overdue.
fn action_figures(
    conn: &Connection,
    y: &Option<String>,
    community: Option<&str>,
    today: &str,
    by: &mut ByCommunity,
) -> Result<()> {
    let mut st = conn.prepare(&format!(
        "SELECT c.name, a.status, a.due,
            (SELECT max(h.at) FROM action_history h WHERE h.action_id = a.id
               AND h.status = 'done')
         FROM action_items a JOIN agenda_items i ON i.id = a.item_id
         JOIN meetings m ON m.id = i.meeting_id
         JOIN communities c ON c.id = m.community_id WHERE {HELD}"
    ))?;
    let rows = st.query_map(params![y, community], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (c, status, due, done_at) = row?;
        let Some(f) = by.get_mut(&c) else { continue };
        let a: &mut ActionFigures = &mut f.actions;
        a.total += 1;
        match status.as_str() {
            "done" => {
                a.done += 1;
                let on = done_at.unwrap_or_default();
                if due.is_empty() || on.get(..10).is_some_and(|d| d <= due.as_str()) {
                    a.on_time += 1;
                }
            }
            "open" | "doing" if !due.is_empty() && due.as_str() < today => a.overdue += 1,
            _ => {}
        }
    }
    Ok(())
}

/// Suggestions by status as it stands, and the days to their first response.
fn suggestion_figures(
    conn: &Connection,
    y: &Option<String>,
    community: Option<&str>,
    by: &mut ByCommunity,
) -> Result<()> {
    let mut st = conn.prepare(
        "SELECT c.name,
            CASE WHEN s.status = 'on_agenda' AND i.status = 'closed' THEN 'decided'
                 ELSE s.status END,
            s.raised_on,
            (SELECT min(h.at) FROM suggestion_history h WHERE h.suggestion_id = s.id
               AND h.status NOT IN ('new', 'acknowledged'))
         FROM suggestions s JOIN communities c ON c.id = s.community_id
         LEFT JOIN item_sources src ON src.suggestion_id = s.id
         LEFT JOIN agenda_items i ON i.id = src.item_id
         WHERE (?1 IS NULL OR substr(s.raised_on, 1, 4) = ?1)
           AND (?2 IS NULL OR c.name = ?2)",
    )?;
    let rows = st.query_map(params![y, community], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut counts: BTreeMap<(String, String), i64> = BTreeMap::new();
    for row in rows {
        let (c, status, raised, first) = row?;
        *counts.entry((c.clone(), status)).or_insert(0) += 1;
        if let (Some(f), Some(first)) = (by.get_mut(&c), first)
            && let Some(d) = days_between(&raised, &first)
        {
            f.answer_days.push(d.max(0));
        }
    }
    for ((c, status), n) in counts {
        if let Some(f) = by.get_mut(&c) {
            f.suggestions.push((status, n));
        }
    }
    Ok(())
}
