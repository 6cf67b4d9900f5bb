//! Who may answer in a roll call, and how a recorded answer is changed (PRODUCT.md "Who
//! may answer"). The store refuses what the screen must not allow, so no other caller can
//! record it either: an answer for a voter not in the room, a second answer over a first,
//! a vote before the roll call at the door, two votes at once, 回避 under art. 278.

use crate::store::columns::known;
use crate::store::refusal::Refusal;
use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use crate::domain::model::ItemStatus;
use crate::domain::model::{
    Choice, CouncilKind, Electorate, MeetingKind, MeetingStatus, ScopeKind,
};
use crate::domain::presence;
use crate::domain::record::Correction;
use crate::domain::rules::RuleKind;
use crate::store::common::item_meeting;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, ItemId, MeetingId, VoterId};
use crate::store::{Store, audit, now};

/// The council whose members vote at this meeting when its electorate (or an item's
/// scope) is a council: the meeting's own council, else the one of its kind.
pub(crate) fn meeting_council(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
) -> Result<Option<(i64, CouncilKind)>> {
    let (community, kind, linked): (CommunityId, String, Option<i64>) = tx.query_row(
        "SELECT community_id, kind, council_id FROM meetings WHERE id = ?1",
        [meeting],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if let Some(id) = linked {
        let k: Option<String> = tx
            .query_row("SELECT kind FROM councils WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(k) = k.as_deref().and_then(CouncilKind::from_db) {
            return Ok(Some((id, k)));
        }
    }
    let want = MeetingKind::from_db(&kind)
        .unwrap_or(MeetingKind::Other)
        .council();
    let id: Option<i64> = tx
        .query_row(
            "SELECT id FROM councils WHERE community_id = ?1 AND kind = ?2",
            params![community, want.as_db()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(id.map(|id| (id, want)))
}

/// Whether the voter is in the room now (in person, or by proxy where proxies count).
pub(crate) fn in_room(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    voter: VoterId,
) -> Result<bool> {
    let att = crate::store::common::attendance_of(tx, meeting, voter)?;
    let mkind: String = tx
        .prepare_cached("SELECT kind FROM meetings WHERE id = ?1")?
        .query_row([meeting], |r| r.get(0))?;
    let proxies = mkind != MeetingKind::OwnersCommittee.as_db();
    Ok(att.present && (att.proxy.is_none() || proxies))
}

/// A late arrival during a running vote: the frozen list shows them present from now on
/// (their arrival is on the timeline with its time), so they can answer.
pub(crate) fn arrive_in_running_vote(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    voter: VoterId,
) -> Result<()> {
    if !in_room(tx, meeting, voter)? {
        return Ok(());
    }
    let att = crate::store::common::attendance_of(tx, meeting, voter)?;
    let (pname, pref) = att.proxy.unwrap_or_default();
    tx.execute(
        "UPDATE vote_eligible SET present = 1, proxy_name = ?3, proxy_ref = ?4
         WHERE voter_id = ?2 AND present = 0 AND item_id IN
            (SELECT id FROM agenda_items WHERE meeting_id = ?1 AND status = 'voting')",
        params![meeting, voter, pname, pref],
    )?;
    Ok(())
}

/// The item of this meeting whose vote is open, if any.
pub(crate) fn open_vote(tx: &rusqlite::Connection, meeting: MeetingId) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM agenda_items WHERE meeting_id = ?1 AND status = 'voting' LIMIT 1",
            [meeting],
            |r| r.get(0),
        )
        .optional()?)
}

/// An item's rule as it stands.
pub(crate) fn item_rule(
    tx: &rusqlite::Connection,
    item: ItemId,
) -> Result<crate::domain::rules::Rule> {
    let (code, params): (String, String) = tx
        .query_row(
            "SELECT rule, rule_params FROM agenda_items WHERE id = ?1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("agenda item {item}")))?;
    Ok(crate::store::common::rule_from_db(&code, &params)?)
}

/// Link a council meeting to the council of its (possibly changed) kind.
pub(crate) fn relink_council(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    kind: MeetingKind,
) -> Result<()> {
    let (community, electorate): (CommunityId, String) = tx.query_row(
        "SELECT community_id, electorate FROM meetings WHERE id = ?1",
        [meeting],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if electorate == Electorate::Council.as_db() {
        let council = crate::store::roster::council_id(tx, community, kind.council())?;
        tx.execute(
            "UPDATE meetings SET council_id = ?2 WHERE id = ?1",
            params![meeting, council],
        )?;
    }
    Ok(())
}

/// Refuse 回避 where it does not exist: under art. 278 (elevator rule included) the base
/// is all owners of the scope by law.
pub(crate) fn refuse_recusal(tx: &rusqlite::Connection, item: ItemId) -> Result<()> {
    let rule = item_rule(tx, item)?;
    if !rule.kind.allows_recusal() {
        return Err(refuse(Refusal::NoRecusalUnderArt278));
    }
    Ok(())
}

/// The meeting's electorate is a council (or the item's scope is).
pub(crate) fn is_council_vote(electorate: &str, scope_council: bool) -> bool {
    scope_council || electorate == Electorate::Council.as_db()
}

/// What starting a vote finds: refused when it cannot start (the item is not open to a
/// vote, another vote is open, nobody is in scope, the roll call at the door is not
/// done). `Store::vote_check` runs it before asking the user to confirm.
pub(crate) struct Preflight {
    pub meeting: MeetingId,
    pub position: i64,
    pub mkind: String,
    pub eligible: Vec<(i64, String, i64)>,
    pub events: Vec<crate::domain::record::PresenceEvent>,
    pub now_in: HashMap<i64, presence::Attendance>,
}

pub(crate) fn vote_preflight(tx: &rusqlite::Connection, item: ItemId) -> Result<Preflight> {
    let (meeting, status) = item_meeting(tx, item)?;
    crate::store::common::require_status(tx, meeting, &[MeetingStatus::Open])?;
    if matches!(
        status,
        ItemStatus::Voting | ItemStatus::Closed | ItemStatus::Withdrawn
    ) {
        return Err(refuse(Refusal::VoteAgain));
    }
    // One vote is open at a time.
    if open_vote(tx, meeting)?.is_some() {
        return Err(refuse(Refusal::AnotherVoteOpen));
    }
    let row = tx.query_row(
        "SELECT i.scope_kind, i.scope_building, i.scope_unit, m.community_id, m.electorate, m.kind, i.position
         FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1",
        [item],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, CommunityId>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        },
    )?;
    let (scope_kind, building, unit, community, electorate, mkind, position) = row;
    if item_rule(tx, item)?.kind == RuleKind::NoVote {
        return Err(refuse(Refusal::DiscussionOnly));
    }
    let scope_kind = known(ScopeKind::from_db(&scope_kind), &scope_kind)?;
    let council = if is_council_vote(&electorate, scope_kind == ScopeKind::Council) {
        // Each body votes with its own members; no council means nobody.
        Some(meeting_council(tx, meeting)?.map(|c| c.0).unwrap_or(-1))
    } else {
        None
    };
    let eligible = eligible_voters(tx, community, council, scope_kind, &building, &unit)?;
    if eligible.is_empty() {
        return Err(refuse(Refusal::NobodyInScope));
    }
    let events = crate::store::common::presence_events(tx, meeting)?;
    let now_in = presence::current(&events);
    // The roll call at the door comes first: a vote started before it would
    // freeze everyone not yet called as absent.
    let uncalled = eligible
        .iter()
        .filter(|(v, _, _)| !now_in.get(v).is_some_and(|a| a.marked))
        .count();
    if uncalled > 0 {
        return Err(refuse(Refusal::AttendanceFirst));
    }
    Ok(Preflight {
        meeting,
        position,
        mkind,
        eligible,
        events,
        now_in,
    })
}

impl Store {
    /// Whether the item's vote could start now (Err: why not), without starting it.
    pub fn vote_check(&self, item: ItemId) -> Result<()> {
        vote_preflight(self.conn(), item).map(|_| ())
    }

    /// The council whose members vote at this meeting (None for an owners' meeting
    /// without council items, or a community without that council).
    pub fn meeting_council(&self, meeting: MeetingId) -> Result<Option<CouncilKind>> {
        Ok(meeting_council(self.conn(), meeting)?.map(|c| c.1))
    }

    /// Change a recorded answer on purpose (the screen asks first, naming the voter, the
    /// old and the new answer). Stored as a correction event beside the answer; undo
    /// reverts it. Returns the stored time.
    pub fn correct_answer(
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
            let old: Option<String> = tx
                .query_row(
                    "SELECT choice FROM votes WHERE item_id = ?1 AND voter_id = ?2",
                    params![item, voter],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(old) = old.as_deref().and_then(Choice::from_db) else {
                return Err(refuse(Refusal::NotAnsweredYet));
            };
            if old == Choice::Recused || choice == Choice::Recused {
                return Err(refuse(Refusal::RecusalAtTheDoor));
            }
            if old == choice {
                return Err(refuse(Refusal::SameAnswer));
            }
            let after: i64 = tx.query_row(
                "SELECT coalesce(max(id), 0) FROM votes WHERE item_id = ?1",
                [item],
                |r| r.get(0),
            )?;
            let at = now();
            tx.execute(
                "INSERT INTO vote_corrections (item_id, voter_id, from_choice, to_choice, after_vote, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![item, voter, old.as_db(), choice.as_db(), after, at],
            )?;
            tx.execute(
                "UPDATE votes SET choice = ?3 WHERE item_id = ?1 AND voter_id = ?2",
                params![item, voter, choice.as_db()],
            )?;
            tx.execute(
                "UPDATE agenda_items SET current_voter = ?2 WHERE id = ?1",
                params![item, next_voter],
            )?;
            audit(
                tx,
                Some(meeting),
                "vote_correct",
                &format!("{item} {voter} {} -> {}", old.as_db(), choice.as_db()),
            )?;
            Ok(at)
        })
    }

    /// The changes of recorded answers of an item, oldest first: (voter, correction).
    pub fn corrections(&self, item: ItemId) -> Result<Vec<(i64, Correction)>> {
        corrections(self.conn(), item)
    }
}

pub(crate) fn corrections(
    conn: &rusqlite::Connection,
    item: ItemId,
) -> Result<Vec<(i64, Correction)>> {
    let mut st = conn.prepare_cached(
        "SELECT voter_id, from_choice, to_choice, at FROM vote_corrections
         WHERE item_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([item], |r| {
        let from: String = r.get(1)?;
        let to: String = r.get(2)?;
        Ok((r.get::<_, i64>(0)?, from, to, r.get::<_, String>(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (voter, from, to, at) = row?;
        let (Some(from), Some(to)) = (Choice::from_db(&from), Choice::from_db(&to)) else {
            return Err(StoreError::Corrupt(format!(
                "A changed answer of item {item}"
            )));
        };
        out.push((voter, Correction { from, to, at }));
    }
    Ok(out)
}

/// Undo the last recorded action of a running vote: a change of an answer (the earlier
/// answer comes back) when it came after the last answer, else that answer. Returns the
/// voter concerned, or None when there is nothing to undo.
pub(crate) fn undo_last(
    tx: &rusqlite::Transaction<'_>,
    item: ItemId,
    meeting: MeetingId,
) -> Result<Option<VoterId>> {
    let last: Option<(i64, VoterId, String)> = tx
        .query_row(
            // A recusal recorded before the vote started is not a roll-call answer.
            "SELECT id, voter_id, choice FROM votes v WHERE item_id = ?1
             AND NOT (choice = 'recused' AND EXISTS (SELECT 1 FROM presence_events p
                WHERE p.item_id = v.item_id AND p.voter_id = v.voter_id AND p.kind = 'recuse'))
             ORDER BY id DESC LIMIT 1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let change: Option<(i64, VoterId, String, String, i64)> = tx
        .query_row(
            "SELECT id, voter_id, from_choice, to_choice, after_vote FROM vote_corrections
             WHERE item_id = ?1 ORDER BY id DESC LIMIT 1",
            [item],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    match (last, change) {
        (last, Some((cid, voter, from, to, after)))
            if last.as_ref().is_none_or(|l| after >= l.0) =>
        {
            tx.execute(
                "UPDATE votes SET choice = ?3 WHERE item_id = ?1 AND voter_id = ?2",
                params![item, voter, from],
            )?;
            tx.execute("DELETE FROM vote_corrections WHERE id = ?1", [cid])?;
            tx.execute(
                "UPDATE agenda_items SET current_voter = ?2 WHERE id = ?1",
                params![item, voter],
            )?;
            audit(
                tx,
                Some(meeting),
                "vote_correct_undo",
                &format!("{item} {voter} {to} -> {from}"),
            )?;
            Ok(Some(voter))
        }
        (Some((id, voter, choice)), _) => {
            tx.execute("DELETE FROM votes WHERE id = ?1", [id])?;
            tx.execute(
                "UPDATE agenda_items SET current_voter = ?2 WHERE id = ?1",
                params![item, voter],
            )?;
            audit(
                tx,
                Some(meeting),
                "vote_undo",
                &format!("{item} {voter} {choice}"),
            )?;
            Ok(Some(voter))
        }
        (None, _) => Ok(None),
    }
}

/// The voters of a scope (or, with `council`, that council's members) with their area inside it, in roster order.
pub(crate) fn eligible_voters(
    tx: &rusqlite::Connection,
    community: CommunityId,
    council: Option<i64>,
    scope: ScopeKind,
    building: &str,
    unit: &str,
) -> Result<Vec<(i64, String, i64)>> {
    if let Some(council) = council {
        // The members of the meeting's own council (PRODUCT.md: never mixed).
        let mut st = tx.prepare_cached(
            "SELECT v.id, v.name FROM voters v JOIN council_members m ON m.voter_id = v.id
             JOIN councils c ON c.id = m.council_id
             WHERE c.community_id = ?1 AND c.id = ?2 ORDER BY v.position, v.id",
        )?;
        let rows = st.query_map(params![community, council], |r| {
            Ok((r.get(0)?, r.get(1)?, 0))
        })?;
        return Ok(rows.collect::<rusqlite::Result<_>>()?);
    }
    let mut st = tx.prepare_cached(
        "SELECT v.id, v.name, u.building, u.unit, u.area_centi, v.position FROM voters v
         JOIN holdings h ON h.voter_id = v.id JOIN units u ON u.id = h.unit_id
         WHERE v.community_id = ?1 ORDER BY v.position, v.id",
    )?;
    let mut rows = st.query([community])?;
    let mut order: Vec<(i64, String)> = Vec::new();
    let mut area: HashMap<i64, i64> = HashMap::new();
    let sc = crate::domain::model::Scope {
        kind: scope,
        building: building.into(),
        unit: unit.into(),
    };
    while let Some(r) = rows.next()? {
        let (vid, name, b, u, a): (i64, String, String, String, i64) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        if !sc.contains(&b, &u) {
            continue;
        }
        if !area.contains_key(&vid) {
            order.push((vid, name));
        }
        *area.entry(vid).or_insert(0) += a;
    }
    Ok(order
        .into_iter()
        .map(|(v, n)| {
            let a = area.get(&v).copied().unwrap_or(0);
            (v, n, a)
        })
        .collect())
}
