//! The running meeting: attendance, the speakers' queue and remarks, roll-call votes,
//! closing a vote, action items. Every call is one committed transaction.

use crate::store::refusal::Refusal;
use rusqlite::{OptionalExtension, params};

use crate::domain::model::ItemStatus;
use crate::domain::model::{Choice, MeetingKind, MeetingStatus, PresenceKind};
use crate::domain::presence;
use crate::domain::record::{Ballot, PresenceEvent};
use crate::domain::rules::{self, Outcome};
use crate::domain::text::{clean_line, clean_multiline};
use crate::store::common::item_meeting;
use crate::store::common::{end_discussion, presence_events, require_status};
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{ItemId, MeetingId, VoterId};
use crate::store::refusal::written::WrittenRefusal;
use crate::store::{Store, audit, now, roll_call};

/// A speaker in the queue or heard, with the remark recorded so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemarkRow {
    pub id: i64,
    pub speaker: String,
    pub state: String,
    pub text: String,
    pub started_at: Option<String>,
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    pub id: i64,
    pub item_id: ItemId,
    pub what: String,
    pub who: String,
    pub due: String,
    pub status: String,
}

impl Store {
    pub fn presence(&self, meeting: MeetingId) -> Result<Vec<PresenceEvent>> {
        presence_events(self.conn(), meeting)
    }

    /// Record a presence event. A proxy needs the proxy's name and the 委托书 reference;
    /// a recusal needs the item.
    pub fn mark_presence(
        &mut self,
        meeting: MeetingId,
        voter: VoterId,
        kind: PresenceKind,
        proxy: Option<(&str, &str)>,
        item: Option<ItemId>,
    ) -> Result<()> {
        let (pname, pref) = match proxy {
            Some((n, r)) => (
                clean_line(n).trim().to_string(),
                clean_line(r).trim().to_string(),
            ),
            None => (String::new(), String::new()),
        };
        if kind == PresenceKind::Proxy && (pname.is_empty() || pref.is_empty()) {
            return Err(refuse(Refusal::ProxyNeedsNameAndRef));
        }
        if kind == PresenceKind::Recuse && item.is_none() {
            return Err(refuse(Refusal::RecusalNeedsItem));
        }
        self.write(|tx| {
            require_status(tx, meeting, &[MeetingStatus::Open])?;
            if crate::store::written::form(tx, meeting)? == crate::domain::model::MeetingForm::Written {
                return Err(refuse(WrittenRefusal::WrittenNoAttendance));
            }
            if kind == PresenceKind::Recuse
                && let Some(item) = item
            {
                roll_call::refuse_recusal(tx, item)?;
            }
            if kind == PresenceKind::Proxy {
                let mkind: String = tx.query_row("SELECT kind FROM meetings WHERE id = ?1", [meeting], |r| r.get(0))?;
                if mkind == MeetingKind::OwnersCommittee.as_db() {
                    return Err(refuse(Refusal::CommitteeNoProxy));
                }
            }
            tx.execute(
                "INSERT INTO presence_events (meeting_id, voter_id, name, kind, proxy_name, proxy_ref, item_id, at)
                 SELECT ?1, ?2, name, ?3, ?4, ?5, ?6, ?7 FROM voters WHERE id = ?2",
                params![meeting, voter, kind.as_db(), pname, pref, item, now()],
            )?;
            if matches!(kind, PresenceKind::Present | PresenceKind::Arrive | PresenceKind::Proxy) {
                roll_call::arrive_in_running_vote(tx, meeting, voter)?;
            }
            audit(tx, Some(meeting), "presence", &format!("{voter} {}", kind.as_db()))?;
            Ok(())
        })
    }

    pub fn remarks(&self, item: ItemId) -> Result<Vec<RemarkRow>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, speaker, state, text, started_at, at FROM remarks WHERE item_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([item], |r| {
            Ok(RemarkRow {
                id: r.get(0)?,
                speaker: r.get(1)?,
                state: r.get(2)?,
                text: r.get(3)?,
                started_at: r.get(4)?,
                at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Put a speaker at the end of the queue.
    pub fn queue_speaker(
        &mut self,
        item: ItemId,
        speaker: &str,
        voter: Option<VoterId>,
    ) -> Result<i64> {
        let speaker = clean_line(speaker).trim().to_string();
        if speaker.is_empty() {
            return Err(refuse(Refusal::SpeakerNeedsName));
        }
        self.write(|tx| {
            let (meeting, _) = item_meeting(tx, item)?;
            require_status(tx, meeting, &[MeetingStatus::Open])?;
            tx.execute(
                "INSERT INTO remarks (item_id, speaker, voter_id, state, queued_at) VALUES (?1, ?2, ?3, 'queued', ?4)",
                params![item, speaker, voter, now()],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute("UPDATE agenda_items SET status = 'discussing' WHERE id = ?1 AND status = 'pending'", [item])?;
            audit(tx, Some(meeting), "speaker_queue", &speaker)?;
            Ok(id)
        })
    }

    /// Give the floor to the next queued speaker (the one speaking is done). Returns the
    /// remark now speaking, if anyone was waiting.
    pub fn next_speaker(&mut self, item: ItemId) -> Result<Option<i64>> {
        self.write(|tx| {
            let (meeting, _) = item_meeting(tx, item)?;
            require_status(tx, meeting, &[MeetingStatus::Open])?;
            tx.execute(
                "UPDATE remarks SET state = 'done', at = coalesce(at, ?2) WHERE item_id = ?1 AND state = 'speaking'",
                params![item, now()],
            )?;
            let next: Option<i64> = tx
                .query_row(
                    "SELECT id FROM remarks WHERE item_id = ?1 AND state = 'queued' ORDER BY id LIMIT 1",
                    [item],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = next {
                tx.execute("UPDATE remarks SET state = 'speaking', started_at = ?2 WHERE id = ?1", params![id, now()])?;
            }
            audit(tx, Some(meeting), "speaker_next", "")?;
            Ok(next)
        })
    }

    /// Record (or replace) the text of a remark.
    pub fn record_remark(&mut self, remark: i64, text: &str) -> Result<()> {
        let text = clean_multiline(text);
        self.write(|tx| {
            let item: ItemId =
                tx.query_row("SELECT item_id FROM remarks WHERE id = ?1", [remark], |r| {
                    r.get(0)
                })?;
            let (meeting, _) = item_meeting(tx, item)?;
            require_status(tx, meeting, &[MeetingStatus::Open])?;
            tx.execute(
                "UPDATE remarks SET text = ?2, at = ?3 WHERE id = ?1",
                params![remark, text, now()],
            )?;
            crate::store::search::unindex(tx, meeting, "remark", remark)?;
            crate::store::search::index_text(tx, meeting, "remark", remark, &text)?;
            audit(tx, Some(meeting), "remark", &remark.to_string())?;
            Ok(())
        })
    }

    /// Start the roll call: freeze who may vote (scope, presence, proxies, recusals).
    pub fn start_vote(&mut self, item: ItemId) -> Result<()> {
        self.write(|tx| {
            let roll_call::Preflight { meeting, position, mkind, eligible, events, now_in } =
                roll_call::vote_preflight(tx, item)?;
            end_discussion(tx, "item_id = ?1", item.0)?;
            let recused = presence::recused(&events, position);
            let no_proxies = mkind == MeetingKind::OwnersCommittee.as_db();
            let at = now();
            for (pos, (vid, name, area)) in eligible.iter().enumerate() {
                let a = now_in.get(vid).cloned().unwrap_or_default();
                let (present, pname, pref) = match &a.proxy {
                    Some(_) if no_proxies => (false, String::new(), String::new()),
                    Some((n, r)) => (true, n.clone(), r.clone()),
                    None => (a.present, String::new(), String::new()),
                };
                tx.execute(
                    "INSERT INTO vote_eligible (item_id, voter_id, position, name, area_centi, present, proxy_name, proxy_ref)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![item, vid, pos as i64, name, area, present, pname, pref],
                )?;
                if recused.contains(vid) {
                    tx.execute(
                        "INSERT INTO votes (item_id, voter_id, choice, at, by_proxy) VALUES (?1, ?2, 'recused', ?3, 0)",
                        params![item, vid, at],
                    )?;
                }
            }
            tx.execute(
                "UPDATE agenda_items SET status = 'voting', current_voter = NULL, vote_opened_at = ?2 WHERE id = ?1",
                params![item, at],
            )?;
            tx.execute("UPDATE meetings SET current_item = ?2 WHERE id = ?1", params![meeting, item])?;
            audit(tx, Some(meeting), "vote_start", &format!("{item}: {} eligible", eligible.len()))?;
            Ok(())
        })
    }

    /// The frozen list of a vote with the answers so far (roster order).
    pub fn ballots(&self, item: ItemId) -> Result<Vec<Ballot>> {
        let mut st = self.conn().prepare_cached(
            "SELECT e.voter_id, e.name, e.area_centi, e.present, e.proxy_name, e.proxy_ref, v.choice, v.at
             FROM vote_eligible e LEFT JOIN votes v ON v.item_id = e.item_id AND v.voter_id = e.voter_id
             WHERE e.item_id = ?1 ORDER BY e.position",
        )?;
        let rows = st.query_map([item], |r| {
            let choice: Option<String> = r.get(6)?;
            Ok(Ballot {
                voter_id: r.get(0)?,
                name: r.get(1)?,
                area: r.get(2)?,
                present: r.get::<_, i64>(3)? != 0,
                proxy_name: r.get(4)?,
                proxy_ref: r.get(5)?,
                choice: choice.as_deref().and_then(Choice::from_db),
                at: r.get(7)?,
                corrections: Vec::new(),
            })
        })?;
        let mut ballots: Vec<Ballot> = rows.collect::<rusqlite::Result<_>>()?;
        // Each changed answer, with the first one, is part of the ballot.
        for (voter, c) in roll_call::corrections(self.conn(), item)? {
            if let Some(b) = ballots.iter_mut().find(|b| b.voter_id == voter) {
                b.corrections.push(c);
            }
        }
        Ok(ballots)
    }

    /// Record one voter's first answer and where the roll call now stands, in one
    /// transaction. Refused for a voter not in the room now (a late arrival is recorded
    /// as an arrival first) and for one who has answered (a change is `correct_answer`).
    /// Returns the stored time.
    pub fn answer(
        &mut self,
        item: ItemId,
        voter: VoterId,
        choice: Choice,
        next_voter: Option<VoterId>,
    ) -> Result<String> {
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, item)?;
            if status != ItemStatus::Voting {
                return Err(refuse(Refusal::VoteNotOpen));
            }
            let listed: Option<bool> = tx
                .prepare_cached(
                    "SELECT present FROM vote_eligible WHERE item_id = ?1 AND voter_id = ?2",
                )?
                .query_row(params![item, voter], |r| r.get(0))
                .optional()?;
            let Some(frozen_present) = listed else {
                return Err(refuse(Refusal::NotOnVoteList));
            };
            let answered: Option<String> = tx
                .prepare_cached("SELECT choice FROM votes WHERE item_id = ?1 AND voter_id = ?2")?
                .query_row(params![item, voter], |r| r.get(0))
                .optional()?;
            match answered.as_deref() {
                Some("recused") => {
                    return Err(refuse(Refusal::VoterRecused));
                }
                Some(_) => {
                    return Err(refuse(Refusal::AlreadyAnswered));
                }
                None => {}
            }
            if choice == Choice::Recused {
                roll_call::refuse_recusal(tx, item)?;
            }
            if !roll_call::in_room(tx, meeting, voter)? {
                return Err(refuse(Refusal::VoterNotPresent));
            }
            // Present now, absent on the frozen list: a late arrival, recorded on the
            // timeline; the list shows them present from now on.
            if !frozen_present {
                roll_call::arrive_in_running_vote(tx, meeting, voter)?;
            }
            let proxy: String = tx
                .prepare_cached(
                    "SELECT proxy_name FROM vote_eligible WHERE item_id = ?1 AND voter_id = ?2",
                )?
                .query_row(params![item, voter], |r| r.get(0))?;
            let at = now();
            tx.prepare_cached(
                "INSERT INTO votes (item_id, voter_id, choice, at, by_proxy) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![item, voter, choice.as_db(), at, !proxy.is_empty()])?;
            tx.prepare_cached("UPDATE agenda_items SET current_voter = ?2 WHERE id = ?1")?
                .execute(params![item, next_voter])?;
            audit(tx, Some(meeting), "vote", &format!("{item} {voter} {}", choice.as_db()))?;
            Ok(at)
        })
    }

    /// Take back the last recorded action of a running vote: an answer, or a change of
    /// one (the earlier answer comes back). Returns the voter concerned.
    pub fn undo_answer(&mut self, item: ItemId) -> Result<Option<VoterId>> {
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, item)?;
            if status != ItemStatus::Voting {
                return Err(refuse(Refusal::VoteClosedNoUndo));
            }
            roll_call::undo_last(tx, item, meeting)
        })
    }

    /// Close the vote: unanswered voters count as not voting; the outcome and every figure
    /// are fixed.
    pub fn close_vote(&mut self, item: ItemId) -> Result<Outcome> {
        let row = self.item(item)?;
        let ballots = self.ballots(item)?;
        let electorate = crate::domain::record::electorate(&ballots);
        let outcome = rules::evaluate(&row.rule, &electorate);
        let figures =
            serde_json::to_string(&outcome).map_err(|e| StoreError::Sql(e.to_string()))?;
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, item)?;
            if status != ItemStatus::Voting {
                return Err(refuse(Refusal::VoteNotOpen));
            }
            let opened: String = tx.query_row(
                "SELECT coalesce(vote_opened_at, '') FROM agenda_items WHERE id = ?1",
                [item],
                |r| r.get(0),
            )?;
            // Every unanswered voter gets an explicit "not voting" so the record is complete.
            let at = now();
            tx.execute(
                "INSERT INTO votes (item_id, voter_id, choice, at, by_proxy)
                 SELECT e.item_id, e.voter_id, 'not_voting', ?2, 0 FROM vote_eligible e
                 WHERE e.item_id = ?1 AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.item_id = e.item_id AND v.voter_id = e.voter_id)",
                params![item, at],
            )?;
            tx.execute(
                "INSERT INTO vote_closures (item_id, opened_at, closed_at, rule, outcome, figures) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    item, opened, at, crate::store::common::rule_params(&row.rule),
                    if outcome.passed { "passed" } else { "failed" }, figures
                ],
            )?;
            tx.execute("UPDATE agenda_items SET status = 'closed', current_voter = NULL WHERE id = ?1", [item])?;
            audit(tx, Some(meeting), "vote_close", &format!("{item} {}", if outcome.passed { "passed" } else { "failed" }))?;
            Ok(())
        })?;
        Ok(outcome)
    }

    /// The fixed outcome of a closed vote.
    pub fn closure(&self, item: ItemId) -> Result<Option<(String, String, Outcome)>> {
        let row: Option<(String, String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT opened_at, closed_at, figures FROM vote_closures WHERE item_id = ?1",
            )?
            .query_row([item], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        match row {
            None => Ok(None),
            Some((o, c, f)) => {
                let outcome = serde_json::from_str(&f)
                    .map_err(|_| StoreError::Corrupt(format!("The outcome of item {item}")))?;
                Ok(Some((o, c, outcome)))
            }
        }
    }

    /// Mark an item discussed without a vote (follow-up or information items).
    pub fn finish_discussion(&mut self, item: ItemId) -> Result<()> {
        self.write(|tx| {
            let (meeting, status) = item_meeting(tx, item)?;
            require_status(tx, meeting, &[MeetingStatus::Open])?;
            if status == ItemStatus::Voting {
                return Err(refuse(Refusal::CloseVoteFirst));
            }
            end_discussion(tx, "item_id = ?1", item.0)?;
            tx.execute("UPDATE agenda_items SET status = 'closed' WHERE id = ?1 AND status IN ('pending', 'discussing')", [item])?;
            audit(tx, Some(meeting), "item_done", &item.to_string())?;
            Ok(())
        })
    }

    pub fn add_action(&mut self, item: ItemId, what: &str, who: &str, due: &str) -> Result<i64> {
        let what = clean_line(what).trim().to_string();
        let due = due.trim().to_string();
        if what.is_empty() {
            return Err(refuse(Refusal::ActionNeedsWhat));
        }
        if !due.is_empty() && chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").is_err() {
            return Err(refuse(Refusal::BadDueDate));
        }
        let who = clean_line(who);
        self.write(|tx| {
            let (meeting, _) = item_meeting(tx, item)?;
            require_status(tx, meeting, &[MeetingStatus::Open, MeetingStatus::Adjourned])?;
            tx.execute(
                "INSERT INTO action_items (item_id, what, who, due, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![item, what, who, due, now()],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO action_history (action_id, status, note, at) VALUES (?1, 'open', '', ?2)",
                params![id, now()],
            )?;
            audit(tx, Some(meeting), "action_add", &what)?;
            Ok(id)
        })
    }

    pub fn actions(&self, item: ItemId) -> Result<Vec<ActionRow>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, item_id, what, who, due, status FROM action_items WHERE item_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([item], |r| {
            Ok(ActionRow {
                id: r.get(0)?,
                item_id: r.get(1)?,
                what: r.get(2)?,
                who: r.get(3)?,
                due: r.get(4)?,
                status: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
