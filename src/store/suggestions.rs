//! Residents' suggestions (居民意见箱): logged with a private contact, answered,
//! handed over or put on a draft meeting's agenda (the item then carries its source, and
//! the suggestion follows the item's vote), with every status change and its note kept.

use rusqlite::{OptionalExtension, params};

use crate::domain::model::{Category, Electorate, MeetingKind, MeetingStatus, Scope};
use crate::domain::rules::{Rule, RuleKind};
use crate::domain::suggestions::{Channel, ItemCivic, ItemSource, SuggestionStatus, days_between};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::columns::known;
use crate::store::common::rule_params;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, ItemId, MeetingId, SuggestionId};
use crate::store::refusal::suggestions::SuggestionRefusal;
use crate::store::{Store, audit, now};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionInput {
    pub channel: Channel,
    pub raised_by: String,
    /// Private: kept for the secretary, never printed, exported or listed.
    pub contact: String,
    pub text: String,
    pub category: Category,
    /// YYYY-MM-DD; empty for today.
    pub raised_on: String,
}

/// A suggestion as lists show it (never its contact).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionRow {
    pub id: SuggestionId,
    pub community: String,
    pub channel: Channel,
    pub raised_by: String,
    pub text: String,
    pub category: Category,
    /// As it stands: a suggestion on the agenda whose item is closed is `Decided`.
    pub status: SuggestionStatus,
    pub raised_on: String,
    /// Days it waited: until today while nobody responded, else until the first response.
    pub days: i64,
    /// The first response's date (answered, handed over, on the agenda).
    pub responded_on: Option<String>,
    /// The latest note given with a status (the answer, to whom it was handed).
    pub response: String,
    /// Its item: (meeting id, item id, the item's title).
    pub item: Option<(i64, i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionEvent {
    pub status: SuggestionStatus,
    pub note: String,
    pub at: String,
}

const ROW_SQL: &str = "SELECT s.id, c.name, s.channel, s.raised_by, s.text, s.category,
        CASE WHEN s.status = 'on_agenda' AND i.status = 'closed' THEN 'decided' ELSE s.status END,
        s.raised_on,
        (SELECT min(h.at) FROM suggestion_history h WHERE h.suggestion_id = s.id
           AND h.status NOT IN ('new', 'acknowledged')),
        coalesce((SELECT h.note FROM suggestion_history h WHERE h.suggestion_id = s.id
           AND h.note <> '' ORDER BY h.id DESC LIMIT 1), ''),
        i.meeting_id, i.id, i.title
     FROM suggestions s JOIN communities c ON c.id = s.community_id
     LEFT JOIN item_sources src ON src.suggestion_id = s.id
     LEFT JOIN agenda_items i ON i.id = src.item_id";

fn row(r: &rusqlite::Row<'_>, today: &str) -> rusqlite::Result<SuggestionRow> {
    let channel: String = r.get(2)?;
    let category: String = r.get(5)?;
    let status: String = r.get(6)?;
    let raised_on: String = r.get(7)?;
    let responded: Option<String> = r.get(8)?;
    let responded_on = responded.map(|s| s.chars().take(10).collect::<String>());
    let until = responded_on.clone().unwrap_or_else(|| today.to_string());
    let item = match (r.get::<_, Option<i64>>(10)?, r.get::<_, Option<i64>>(11)?) {
        (Some(m), Some(i)) => Some((m, i, r.get::<_, String>(12)?)),
        _ => None,
    };
    Ok(SuggestionRow {
        id: r.get(0)?,
        community: r.get(1)?,
        channel: known(Channel::from_db(&channel), &channel)?,
        raised_by: r.get(3)?,
        text: r.get(4)?,
        category: known(Category::from_db(&category), &category)?,
        status: known(SuggestionStatus::from_db(&status), &status)?,
        days: days_between(&raised_on, &until).unwrap_or(0).max(0),
        raised_on,
        responded_on,
        response: r.get(9)?,
        item,
    })
}

fn valid_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn history(
    tx: &rusqlite::Connection,
    id: SuggestionId,
    s: SuggestionStatus,
    note: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO suggestion_history (suggestion_id, status, note, at) VALUES (?1, ?2, ?3, ?4)",
        params![id, s.as_db(), note, now()],
    )?;
    tx.execute(
        "UPDATE suggestions SET status = ?2 WHERE id = ?1",
        params![id, s.as_db()],
    )?;
    Ok(())
}

/// The rule a new item from a suggestion starts with (the form changes it), as the item
/// form's default for the meeting's electorate.
fn default_rule(electorate: Electorate, kind: MeetingKind) -> Rule {
    match electorate {
        Electorate::Owners => Rule::new(RuleKind::Art278Ordinary),
        Electorate::Council if kind == MeetingKind::OwnersCommittee => {
            Rule::new(RuleKind::Committee)
        }
        Electorate::Council => Rule::new(RuleKind::ResidentsMeeting),
    }
}

/// The first line of a suggestion, shortened, as its item's title.
fn title_of(text: &str) -> String {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    crate::domain::text::truncate(first.trim(), 60)
}

impl Store {
    /// Log a suggestion; its history starts with `new`.
    pub fn add_suggestion(
        &mut self,
        community: CommunityId,
        s: &SuggestionInput,
    ) -> Result<SuggestionId> {
        let who = clean_line(&s.raised_by).trim().to_string();
        let text = clean_multiline(&s.text).trim().to_string();
        let contact = clean_line(&s.contact).trim().to_string();
        if who.is_empty() {
            return Err(refuse(SuggestionRefusal::NeedsWho));
        }
        if text.is_empty() {
            return Err(refuse(SuggestionRefusal::NeedsText));
        }
        let on = if s.raised_on.trim().is_empty() {
            now().chars().take(10).collect()
        } else {
            s.raised_on.trim().to_string()
        };
        if !valid_date(&on) {
            return Err(refuse(SuggestionRefusal::BadDate));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO suggestions (community_id, channel, raised_by, contact, text, category,
                    raised_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    community,
                    s.channel.as_db(),
                    who,
                    contact,
                    text,
                    s.category.as_db(),
                    on,
                    now()
                ],
            )?;
            let id = SuggestionId(tx.last_insert_rowid());
            history(tx, id, SuggestionStatus::New, "")?;
            audit(tx, None, "suggestion_add", &id.to_string())?;
            Ok(id)
        })
    }

    /// Acknowledge, answer, hand over, mark done or close. An answer needs its text and a
    /// handing over the one it goes to (the note); on the agenda and decided follow from
    /// the item and are refused here.
    pub fn set_suggestion_status(
        &mut self,
        id: SuggestionId,
        status: SuggestionStatus,
        note: &str,
    ) -> Result<()> {
        let note = clean_multiline(note).trim().to_string();
        match status {
            SuggestionStatus::OnAgenda | SuggestionStatus::Decided | SuggestionStatus::New => {
                return Err(refuse(SuggestionRefusal::NotByHand));
            }
            SuggestionStatus::Answered if note.is_empty() => {
                return Err(refuse(SuggestionRefusal::AnswerNeedsText));
            }
            SuggestionStatus::HandedOver if note.is_empty() => {
                return Err(refuse(SuggestionRefusal::HandOverNeedsWhom));
            }
            _ => {}
        }
        self.write(|tx| {
            let found: Option<i64> = tx
                .query_row("SELECT id FROM suggestions WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            if found.is_none() {
                return Err(StoreError::NotFound(format!("suggestion {id}")));
            }
            history(tx, id, status, &note)?;
            audit(tx, None, "suggestion_status", status.as_db())
        })
    }

    /// Put a suggestion on a draft meeting's agenda: a new item with its text as the
    /// proposal and the suggestion as its source, linked both ways (item_sources).
    /// Returns the item's id.
    pub fn put_on_agenda(&mut self, id: SuggestionId, meeting: MeetingId) -> Result<ItemId> {
        self.write(|tx| {
            let (text, category, raised_by, raised_on): (String, String, String, String) = tx
                .query_row(
                    "SELECT text, category, raised_by, raised_on FROM suggestions WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("suggestion {id}")))?;
            let linked: Option<i64> = tx
                .query_row(
                    "SELECT item_id FROM item_sources WHERE suggestion_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if linked.is_some() {
                return Err(refuse(SuggestionRefusal::AlreadyOnAgenda));
            }
            let (status, electorate, kind): (String, String, String) = tx
                .query_row(
                    "SELECT status, electorate, kind FROM meetings WHERE id = ?1",
                    [meeting],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("meeting {meeting}")))?;
            if status != MeetingStatus::Draft.as_db() {
                return Err(refuse(SuggestionRefusal::AgendaNeedsDraft));
            }
            let rule = default_rule(
                known(Electorate::from_db(&electorate), &electorate)?,
                known(MeetingKind::from_db(&kind), &kind)?,
            );
            let pos: i64 = tx.query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1",
                [meeting],
                |r| r.get(0),
            )?;
            let title = title_of(&text);
            let scope = Scope::all();
            tx.execute(
                "INSERT INTO agenda_items (meeting_id, position, title, category, proposer,
                    scope_kind, scope_building, scope_unit, rule, rule_params, added_late, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '', ?7, ?8, 0, ?9)",
                params![
                    meeting,
                    pos,
                    title,
                    category,
                    raised_by,
                    scope.kind.as_db(),
                    rule.kind.code(),
                    rule_params(&rule),
                    now()
                ],
            )?;
            let item = ItemId(tx.last_insert_rowid());
            tx.execute(
                "INSERT INTO proposal_revisions (item_id, rev, text, at) VALUES (?1, 1, ?2, ?3)",
                params![item, text, now()],
            )?;
            crate::store::search::index_text(tx, meeting, "proposal", item.0, &format!("{title}\n{text}"))?;
            tx.execute(
                "INSERT INTO item_sources (item_id, suggestion_id, number, raised_on)
                 VALUES (?1, ?2, ?2, ?3)",
                params![item, id, raised_on],
            )?;
            history(tx, id, SuggestionStatus::OnAgenda, &title)?;
            audit(tx, Some(meeting), "suggestion_agenda", &id.to_string())?;
            Ok(item)
        })
    }

    /// The suggestions (of one community, of one status as it stands), longest waiting
    /// first: those nobody responded to yet, oldest first, then the others by the days
    /// they waited.
    pub fn suggestions(
        &self,
        community: Option<CommunityId>,
        status: Option<SuggestionStatus>,
        today: &str,
    ) -> Result<Vec<SuggestionRow>> {
        let sql = format!("{ROW_SQL} WHERE (?1 IS NULL OR s.community_id = ?1) ORDER BY s.id");
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows: Vec<SuggestionRow> = st
            .query_map(params![community], |r| row(r, today))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(s) = status {
            rows.retain(|r| r.status == s);
        }
        rows.sort_by_key(|r| (r.responded_on.is_some(), std::cmp::Reverse(r.days), r.id));
        Ok(rows)
    }

    pub fn suggestion(&self, id: SuggestionId, today: &str) -> Result<SuggestionRow> {
        let sql = format!("{ROW_SQL} WHERE s.id = ?1");
        self.conn()
            .query_row(&sql, [id], |r| row(r, today))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("suggestion {id}")))
    }

    /// The private contact, for the secretary's screen only.
    pub fn suggestion_contact(&self, id: SuggestionId) -> Result<String> {
        Ok(self
            .conn()
            .query_row("SELECT contact FROM suggestions WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or_default())
    }

    /// Every status change with its note, oldest first; the item's closed vote appears as
    /// `Decided` at its closing time.
    pub fn suggestion_history(&self, id: SuggestionId) -> Result<Vec<SuggestionEvent>> {
        let mut st = self.conn().prepare_cached(
            "SELECT status, note, at FROM suggestion_history WHERE suggestion_id = ?1 ORDER BY id",
        )?;
        let mut out: Vec<SuggestionEvent> = st
            .query_map([id], |r| {
                let s: String = r.get(0)?;
                Ok(SuggestionEvent {
                    status: known(SuggestionStatus::from_db(&s), &s)?,
                    note: r.get(1)?,
                    at: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let decided: Option<(String, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT coalesce(vc.closed_at, m.adjourned_at, ''), vc.outcome
                 FROM item_sources src JOIN agenda_items i ON i.id = src.item_id
                 JOIN meetings m ON m.id = i.meeting_id
                 LEFT JOIN vote_closures vc ON vc.item_id = i.id
                 WHERE src.suggestion_id = ?1 AND i.status = 'closed'",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((at, outcome)) = decided {
            let pos = out.iter().position(|e| e.at > at).unwrap_or(out.len());
            out.insert(
                pos,
                SuggestionEvent {
                    status: SuggestionStatus::Decided,
                    note: outcome.unwrap_or_default(),
                    at,
                },
            );
        }
        Ok(out)
    }
}

/// What an item's record carries of: its source and its cost plan.
pub(crate) fn item_civic(conn: &rusqlite::Connection, item: ItemId) -> Result<ItemCivic> {
    let source = conn
        .prepare_cached("SELECT number, raised_on FROM item_sources WHERE item_id = ?1")?
        .query_row([item], |r| {
            Ok(ItemSource {
                number: r.get(0)?,
                raised_on: r.get(1)?,
            })
        })
        .optional()?;
    Ok(ItemCivic {
        source,
        cost: crate::store::cost::item_cost(conn, item)?,
    })
}

/// An imported item's source and cost plan, as its bundle carried them.
pub(crate) fn write_civic(tx: &rusqlite::Connection, item: ItemId, c: &ItemCivic) -> Result<()> {
    if let Some(s) = &c.source {
        tx.execute(
            "INSERT INTO item_sources (item_id, suggestion_id, number, raised_on)
             VALUES (?1, NULL, ?2, ?3)",
            params![item, s.number, s.raised_on],
        )?;
    }
    if let Some(cost) = &c.cost {
        crate::store::cost::write_cost(tx, item, cost)?;
    }
    Ok(())
}

/// A draft item removed from the agenda takes its source and plan with it; its
/// suggestion goes back to where it stood before.
pub(crate) fn forget_item(tx: &rusqlite::Connection, item: ItemId) -> Result<()> {
    let sugg: Option<Option<SuggestionId>> = tx
        .query_row(
            "SELECT suggestion_id FROM item_sources WHERE item_id = ?1",
            [item],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute("DELETE FROM item_sources WHERE item_id = ?1", [item])?;
    tx.execute("DELETE FROM cost_shares WHERE item_id = ?1", [item])?;
    tx.execute("DELETE FROM cost_plans WHERE item_id = ?1", [item])?;
    if let Some(Some(s)) = sugg {
        history(tx, s, SuggestionStatus::Acknowledged, "")?;
    }
    Ok(())
}

impl Store {
    /// Link a suggestion to an existing item of a draft meeting (the item then prints it
    /// as its source); the suggestion is on the agenda from now on.
    pub fn link_suggestion(&mut self, id: SuggestionId, item: ItemId) -> Result<()> {
        self.write(|tx| {
            let raised_on: String = tx
                .query_row(
                    "SELECT raised_on FROM suggestions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("suggestion {id}")))?;
            let (meeting, status, title): (MeetingId, String, String) = tx
                .query_row(
                    "SELECT m.id, m.status, i.title FROM agenda_items i
                     JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1",
                    [item],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("agenda item {item}")))?;
            if status != MeetingStatus::Draft.as_db() {
                return Err(refuse(SuggestionRefusal::AgendaNeedsDraft));
            }
            let taken: i64 = tx.query_row(
                "SELECT count(*) FROM item_sources WHERE suggestion_id = ?1 OR item_id = ?2",
                params![id, item],
                |r| r.get(0),
            )?;
            if taken > 0 {
                return Err(refuse(SuggestionRefusal::AlreadyOnAgenda));
            }
            tx.execute(
                "INSERT INTO item_sources (item_id, suggestion_id, number, raised_on)
                 VALUES (?1, ?2, ?2, ?3)",
                params![item, id, raised_on],
            )?;
            history(tx, id, SuggestionStatus::OnAgenda, &title)?;
            audit(tx, Some(meeting), "suggestion_agenda", &id.to_string())
        })
    }
}
