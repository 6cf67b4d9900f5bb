//! Writing a verified bundle's records into this database, step by step: the meeting,
//! each item (its revisions, remarks, vote and actions), the presence timeline, the
//! addenda, the minutes in the community's chain, the signatures; last, the meeting
//! becomes signed and the schema's triggers lock what was written.

use std::collections::HashMap;

use rusqlite::types::ToSql;
use rusqlite::{Transaction, params};

use crate::domain::model::{ItemStatus, PresenceKind};
use crate::domain::record::{ItemRecord, MeetingRecord};
use crate::domain::rules::Rule;
use crate::domain::signing::verify::{ExportBundle, StoredMinutes};
use crate::store::common::rule_params;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::ids::{CommunityId, ItemId, MeetingId};
use crate::store::import::map::{blob, map_outcome, map_rule, map_voters, mapped};
use crate::store::import::rows::{insert_rows, write_ballots};
use crate::store::refusal::Refusal;
use crate::store::refusal::import::ImportPart;
use crate::store::{audit, now};

/// The bundle's voter ids mapped to this database's.
type VoterMap = HashMap<i64, i64>;

/// Write the bundle's records (the meeting signed and locked last); returns the meeting id.
pub(crate) fn records(tx: &Transaction<'_>, b: &ExportBundle) -> Result<MeetingId> {
    let rec = &b.record;
    let Some(minutes) = &b.minutes else {
        return Err(refuse(Refusal::ImportNoMinutes));
    };
    let community = crate::store::import::trust::import_community(tx, b)?;
    let voters = map_voters(tx, community, rec)?;
    let meeting = meeting(tx, community, rec)?;
    let mut item_ids: HashMap<i64, ItemId> = HashMap::new();
    for it in &rec.items {
        item_ids.insert(it.position, item(tx, meeting, rec, it, &voters)?);
    }
    presence(tx, meeting, rec, &voters, &item_ids)?;
    // How it was held and notified, as the bundle carried it.
    if !rec.form.is_plain() {
        let facts = serde_json::to_string(&rec.form).map_err(|e| StoreError::Sql(e.to_string()))?;
        tx.prepare_cached("INSERT INTO imported_forms (meeting_id, facts) VALUES (?1, ?2)")?
            .execute(params![meeting, facts])?;
    }
    let addenda = addenda(tx, meeting, rec)?;
    chain_link(tx, meeting, community, minutes)?;
    crate::store::import::trust::write_link(tx, meeting, b)?;
    signatures(tx, meeting, b, &addenda)?;
    // The search index is written by the caller, last (see `index_imported`).
    audit(
        tx,
        Some(meeting),
        "import",
        &format!("{} {}", rec.uid, minutes.sha256),
    )?;
    // Last: the meeting becomes signed, and the triggers lock what was written.
    tx.prepare_cached("UPDATE meetings SET status = 'signed' WHERE id = ?1")?
        .execute([meeting])?;
    Ok(meeting)
}

/// The meeting's own row, still 'adjourned'.
fn meeting(tx: &Transaction<'_>, community: CommunityId, rec: &MeetingRecord) -> Result<MeetingId> {
    tx.prepare_cached(
        "INSERT INTO meetings (uid, community_id, kind, electorate, title, starts_at, venue,
            host, secretary, language, status, origin, opened_at, adjourned_at, summary,
            created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'adjourned', 'imported', ?11, ?12,
            ?13, ?14)",
    )?
    .execute(params![
        rec.uid,
        community,
        rec.kind.as_db(),
        rec.electorate.as_db(),
        rec.title,
        rec.starts_at,
        rec.venue,
        rec.host,
        rec.secretary,
        rec.language,
        rec.opened_at,
        rec.adjourned_at,
        rec.summary,
        now()
    ])?;
    Ok(MeetingId(tx.last_insert_rowid()))
}

/// One agenda item with its revisions, remarks, vote and action items.
fn item(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    rec: &MeetingRecord,
    it: &ItemRecord,
    voters: &VoterMap,
) -> Result<ItemId> {
    let rule = map_rule(voters, &it.rule);
    tx.prepare_cached(
        "INSERT INTO agenda_items (meeting_id, position, title, category, proposer,
            scope_kind, scope_building, scope_unit, rule, rule_params, status, added_late,
            vote_opened_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        meeting,
        it.position,
        it.title,
        it.category.as_db(),
        it.proposer,
        it.scope.kind.as_db(),
        it.scope.building,
        it.scope.unit,
        rule.kind.code(),
        rule_params(&rule),
        // An item never taken up is a closed item with its own row (below).
        if it.status == ItemStatus::NotTakenUp {
            ItemStatus::Closed.as_db()
        } else {
            it.status.as_db()
        },
        it.added_late,
        it.vote.as_ref().map(|v| v.opened_at.clone()),
        now()
    ])?;
    let item = ItemId(tx.last_insert_rowid());
    crate::store::suggestions::write_civic(tx, item, &it.civic)?;
    if it.status == ItemStatus::NotTakenUp {
        tx.prepare_cached("INSERT INTO not_taken_up (item_id, at) VALUES (?1, ?2)")?
            .execute(params![item, rec.adjourned_at.clone().unwrap_or_default()])?;
    }
    for r in &it.revisions {
        tx.prepare_cached(
            "INSERT INTO proposal_revisions (item_id, rev, text, at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![item, r.rev, r.text, r.at])?;
    }
    for r in &it.remarks {
        tx.prepare_cached(
            "INSERT INTO remarks (item_id, speaker, state, text, queued_at, started_at, at)
             VALUES (?1, ?2, 'done', ?3, ?4, ?4, ?4)",
        )?
        .execute(params![item, r.speaker, r.text, r.at])?;
    }
    vote(tx, item, it, &rule, voters)?;
    actions(tx, item, it).map(|()| item)
}

/// The item's ballots and, when it closed, its closure with the figures.
fn vote(
    tx: &Transaction<'_>,
    item: ItemId,
    it: &ItemRecord,
    rule: &Rule,
    voters: &VoterMap,
) -> Result<()> {
    let Some(v) = &it.vote else {
        return Ok(());
    };
    write_ballots(tx, item, voters, &v.ballots)?;
    let Some(out) = &v.outcome else {
        return Ok(());
    };
    let figures = serde_json::to_string(&map_outcome(voters, out)).map_err(|_| {
        refuse(Refusal::ImportMalformed {
            what: ImportPart::Figures,
        })
    })?;
    tx.prepare_cached(
        "INSERT INTO vote_closures (item_id, opened_at, closed_at, rule, outcome, figures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        item,
        v.opened_at,
        v.closed_at.clone().unwrap_or_default(),
        rule_params(rule),
        if out.passed { "passed" } else { "failed" },
        figures
    ])?;
    Ok(())
}

/// The item's action items, open, each with its first history row.
fn actions(tx: &Transaction<'_>, item: ItemId, it: &ItemRecord) -> Result<()> {
    for a in &it.actions {
        tx.prepare_cached(
            "INSERT INTO action_items (item_id, what, who, due, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![item, a.what, a.who, a.due, now()])?;
        let id = tx.last_insert_rowid();
        tx.prepare_cached(
            "INSERT INTO action_history (action_id, status, note, at) VALUES (?1, 'open', '', ?2)",
        )?
        .execute(params![id, now()])?;
    }
    Ok(())
}

/// The presence timeline, its voters and recused items mapped to this database's.
fn presence(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    rec: &MeetingRecord,
    voters: &VoterMap,
    item_ids: &HashMap<i64, ItemId>,
) -> Result<()> {
    let mut items: Vec<Option<ItemId>> = Vec::with_capacity(rec.presence.len());
    for e in &rec.presence {
        let item = match e.item_position {
            Some(pos) => Some(
                item_ids
                    .get(&pos)
                    .copied()
                    .ok_or(refuse(Refusal::ImportRecusalItemMissing { position: pos }))?,
            ),
            None => None,
        };
        if e.kind == PresenceKind::Recuse && item.is_none() {
            return Err(refuse(Refusal::ImportRecusalNoItem));
        }
        items.push(item);
    }
    let who: Vec<i64> = rec
        .presence
        .iter()
        .map(|e| mapped(voters, e.voter_id))
        .collect();
    let kinds: Vec<&str> = rec.presence.iter().map(|e| e.kind.as_db()).collect();
    insert_rows(
        tx,
        "INSERT INTO presence_events (meeting_id, voter_id, name, kind, proxy_name, proxy_ref,
            item_id, at) VALUES",
        rec.presence.len(),
        |k| {
            let e = &rec.presence[k];
            [
                &meeting as &dyn ToSql,
                &who[k],
                &e.name,
                &kinds[k],
                &e.proxy_name,
                &e.proxy_ref,
                &items[k],
                &e.at,
            ]
        },
    )
}

/// The addenda; returns the bundle's addendum ids mapped to this database's.
fn addenda(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    rec: &MeetingRecord,
) -> Result<HashMap<i64, i64>> {
    let mut addenda = HashMap::new();
    for a in &rec.addenda {
        tx.prepare_cached("INSERT INTO addenda (meeting_id, text, at) VALUES (?1, ?2, ?3)")?
            .execute(params![meeting, a.text, a.at])?;
        addenda.insert(a.id, tx.last_insert_rowid());
    }
    Ok(addenda)
}

/// The minutes as a link of the community's chain: they keep their place in the original
/// chain when that place is free here, else they follow the last link.
fn chain_link(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    community: CommunityId,
    minutes: &StoredMinutes,
) -> Result<()> {
    let free: bool = tx
        .prepare_cached(
            "SELECT NOT EXISTS (SELECT 1 FROM minutes WHERE community_id = ?1 AND seq = ?2)",
        )?
        .query_row(params![community, minutes.seq], |r| r.get(0))?;
    let seq: i64 = if free && minutes.seq >= 1 {
        minutes.seq
    } else {
        tx.prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM minutes WHERE community_id = ?1")?
            .query_row([community], |r| r.get(0))?
    };
    tx.prepare_cached(
        "INSERT INTO minutes (meeting_id, community_id, seq, text, sha256, prev_sha256, rendered_at, format)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        meeting,
        community,
        seq,
        minutes.text,
        minutes.sha256,
        minutes.prev_sha256,
        now(),
        minutes.format
    ])?;
    Ok(())
}

/// The original signatures, each on the minutes or on its (mapped) addendum.
fn signatures(
    tx: &Transaction<'_>,
    meeting: MeetingId,
    b: &ExportBundle,
    addenda: &HashMap<i64, i64>,
) -> Result<()> {
    for s in &b.signatures {
        let addendum = match s.addendum_id {
            None => None,
            Some(id) => Some(
                addenda
                    .get(&id)
                    .copied()
                    .ok_or(refuse(Refusal::ImportAddendumMissing))?,
            ),
        };
        tx.prepare_cached(
            "INSERT INTO signatures (meeting_id, addendum_id, signer_name, public_key, role,
                minutes_sha256, prev_sha256, signed_at, signature)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            meeting,
            addendum,
            s.signer_name,
            blob(&s.public_key, 32, ImportPart::PublicKey)?,
            s.role,
            s.minutes_sha256,
            s.prev_sha256,
            s.signed_at,
            blob(&s.signature, 64, ImportPart::Signature)?
        ])?;
        if s.version >= 2 {
            crate::store::trust::mark_v2(tx)?;
        }
    }
    Ok(())
}
