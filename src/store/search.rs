//! The full-text index over minutes, proposals and remarks (see domain::text::search).

use rusqlite::params;

use crate::domain::text::search::index_grams;
use crate::store::error::Result;
use crate::store::ids::MeetingId;

/// A search index rowid is `(meeting_id << MEETING_SHIFT) + n`.
pub(crate) const MEETING_SHIFT: u32 = 20;

/// Put one text into the index (inside the caller's transaction). The minutes of a
/// signed meeting replace its proposals and remarks in the index: they quote them, and a
/// signed meeting's records no longer change, so each word is indexed once.
pub(crate) fn index_text(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    kind: &str,
    ref_id: i64,
    text: &str,
) -> Result<()> {
    // The rowid carries the meeting (see schema.sql): the next free one in its range.
    // Read apart from the writes: a write that may change several rows of the index
    // (the DELETE) runs in a statement savepoint, and FTS5 writes its whole pending
    // hash to disk as a new segment at every savepoint. Done for every meeting of an
    // import batch (whose range is empty), that was a sixth of the import's writing
    // and made FTS5 merge the small segments again; so the DELETE runs only when there
    // is something to take out, and each row goes in with its rowid known.
    let base = meeting.0 << MEETING_SHIFT;
    let mut last: Option<i64> = tx
        .prepare_cached(
            "SELECT max(rowid) FROM search_index WHERE rowid > ?1 AND rowid < ?1 + (1 << 20)",
        )?
        .query_row([base], |r| r.get(0))?;
    if kind == "minutes" && last.is_some() {
        tx.prepare_cached("DELETE FROM search_index WHERE rowid > ?1 AND rowid < ?1 + (1 << 20)")?
            .execute([base])?;
        last = None;
    }
    for (rowid, part) in (last.unwrap_or(base) + 1..).zip(pieces(text)) {
        tx.prepare_cached(
            "INSERT INTO search_index (rowid, grams, kind, ref_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![rowid, index_grams(part), kind, ref_id])?;
    }
    Ok(())
}

/// A long text (an imported hearing's minutes may be tens of megabytes) is indexed in
/// pieces of about `PIECE` bytes cut at line ends: FTS5 holds a whole row's tokens in
/// memory, and the prepared columns are several times the text, so one row per text
/// took hundreds of megabytes. Search finds meetings, so a text in several rows is
/// found as before (a phrase does not span lines).
const PIECE: usize = 64 * 1024;

fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = rest.len().min(PIECE);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        if end < rest.len()
            && let Some(nl) = rest[..end].rfind('\n')
        {
            end = nl + 1;
        }
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some(part)
    })
}

/// Take a text out of the index. Only the meeting's own rowid range is read: a scan of
/// the whole index would cost in proportion to the archive on every remark.
pub(crate) fn unindex(
    tx: &rusqlite::Connection,
    meeting: MeetingId,
    kind: &str,
    ref_id: i64,
) -> Result<()> {
    let base = meeting.0 << MEETING_SHIFT;
    tx.prepare_cached(
        "DELETE FROM search_index WHERE rowid > ?1 AND rowid < ?1 + (1 << 20) AND kind = ?2 AND ref_id = ?3",
    )?
    .execute(params![base, kind, ref_id])?;
    Ok(())
}

/// Rebuild the whole index from the records (after a migration changed its layout): the
/// current text of every proposal and every recorded remark of a meeting not yet signed,
/// and the minutes of every signed one (see `index_text`). The texts are read in pieces
/// of meetings, so a district archive's rebuild holds little in memory.
pub(crate) fn rebuild(tx: &rusqlite::Connection) -> Result<()> {
    tx.execute("DELETE FROM search_index", [])?;
    let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM meetings", [], |r| {
        r.get(0)
    })?;
    let mut from = 0;
    while from <= last {
        rebuild_range(tx, from, from + REBUILD_STEP)?;
        from += REBUILD_STEP;
    }
    Ok(())
}

/// Meetings per piece of `rebuild`.
const REBUILD_STEP: i64 = 200;

/// `rebuild` for the meetings with `from <= id < to`.
fn rebuild_range(tx: &rusqlite::Connection, from: i64, to: i64) -> Result<()> {
    let mut texts: Vec<(i64, &'static str, i64, String)> = Vec::new();
    let mut st = tx.prepare_cached(
        "SELECT i.meeting_id, i.id, i.title || char(10) || coalesce(
             (SELECT text FROM proposal_revisions p WHERE p.item_id = i.id ORDER BY rev DESC LIMIT 1), '')
         FROM agenda_items i WHERE i.meeting_id >= ?1 AND i.meeting_id < ?2
           AND (SELECT status FROM meetings m WHERE m.id = i.meeting_id) <> 'signed'
         ORDER BY i.meeting_id, i.id",
    )?;
    for row in st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        let (m, id, text): (i64, i64, String) = row?;
        texts.push((m, "proposal", id, text));
    }
    let mut st = tx.prepare_cached(
        "SELECT i.meeting_id, r.id, r.text FROM remarks r JOIN agenda_items i ON i.id = r.item_id
         WHERE r.text <> '' AND i.meeting_id >= ?1 AND i.meeting_id < ?2
           AND (SELECT status FROM meetings m WHERE m.id = i.meeting_id) <> 'signed'
         ORDER BY i.meeting_id, r.id",
    )?;
    for row in st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        let (m, id, text): (i64, i64, String) = row?;
        texts.push((m, "remark", id, text));
    }
    let mut st = tx.prepare_cached(
        "SELECT n.meeting_id, n.text FROM minutes n JOIN meetings m ON m.id = n.meeting_id
         WHERE n.meeting_id >= ?1 AND n.meeting_id < ?2 AND m.status = 'signed'
         ORDER BY n.meeting_id",
    )?;
    for row in st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))? {
        let (m, text): (i64, String) = row?;
        texts.push((m, "minutes", m, text));
    }
    for (m, kind, id, text) in texts {
        index_text(tx, MeetingId(m), kind, id, &text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::text::search::match_query;
    use crate::store::ids::MeetingId;

    /// The index as schema.sql makes it, with one text per rowid: which rows a query finds.
    fn found(texts: &[&str], q: &str) -> Vec<i64> {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let schema = super::super::SCHEMA_SQL;
        let start = schema
            .find("CREATE VIRTUAL TABLE IF NOT EXISTS search_index")
            .unwrap();
        let end = start + schema[start..].find(");").unwrap() + 2;
        conn.execute_batch(&schema[start..end]).unwrap();
        for (k, t) in texts.iter().enumerate() {
            super::index_text(&conn, MeetingId(k as i64 + 1), "minutes", 0, t).unwrap();
        }
        let Some(m) = match_query(q) else {
            return Vec::new();
        };
        let mut st = conn
            .prepare("SELECT rowid >> 20 FROM search_index WHERE search_index MATCH ?1 ORDER BY 1")
            .unwrap();
        st.query_map([m], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn every_piece_of_a_chinese_run_is_found_and_nothing_out_of_order() {
        let texts = [
            "小区大门口的门禁卡，3栋2单元，电梯2号。",
            "停车位划线（Gate B）",
            "门",
        ];
        let hit = |q: &str| found(&texts, q);
        // A character anywhere in a run: first, middle, last, alone.
        assert_eq!(hit("门"), vec![1, 3]);
        assert_eq!(hit("口"), vec![1]);
        assert_eq!(hit("卡"), vec![1]);
        assert_eq!(hit("位"), vec![2]);
        // Pieces that start, sit inside or end a run, and cross into digits.
        for q in [
            "大门",
            "门口",
            "门口的门禁",
            "禁卡",
            "3栋",
            "栋2",
            "3栋2单元",
            "单元",
            "元",
            "梯2",
            "电梯2号",
            "停车位",
            "车位划",
            "gate b",
        ] {
            assert!(!hit(q).is_empty(), "{q}");
        }
        assert_eq!(hit("停车位"), vec![2]);
        assert_eq!(hit("门。"), vec![1, 3]);
        // Punctuation is no token, full-width or not: "卡3" is "卡，3".
        assert_eq!(hit("卡3"), vec![1]);
        // Not in the text: wrong order, a run that goes on.
        for q in [
            "梯电",
            "门大",
            "大门禁",
            "栋3",
            "位停",
            "单元电",
            "3栋楼",
            "gatea",
        ] {
            assert_eq!(hit(q), Vec::<i64>::new(), "{q}");
        }
        // A word that ends in one character finds the run that goes on after it.
        assert_eq!(found(&["3栋楼下"], "3栋"), vec![1]);
        assert_eq!(found(&["电梯间"], "电梯"), vec![1]);
        assert_eq!(found(&["电梯间"], "梯"), vec![1]);
    }

    #[test]
    fn latin_words_match_in_any_case_and_without_accents() {
        let texts = ["Gate B 的 Café", "ÉCOLE（北门）", "gateway"];
        let hit = |q: &str| found(&texts, q);
        assert_eq!(hit("gate"), vec![1]);
        assert_eq!(hit("GATE b"), vec![1]);
        assert_eq!(hit("cafe"), vec![1]);
        assert_eq!(hit("CAFÉ"), vec![1]);
        assert_eq!(hit("école"), vec![2]);
        assert_eq!(hit("北门"), vec![2]);
        assert_eq!(hit("gateway"), vec![3]);
        // Full-width punctuation is no part of a word: "（北" is 北.
        assert_eq!(hit("（北"), vec![2]);
        assert_eq!(hit("caf"), Vec::<i64>::new());
    }
}
