//! Opening a database: refuse anything that is not ours (leaving it byte-for-byte
//! unchanged), then set the storage pragmas and migrate with a backup copy first.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::store::error::{Result, StoreError};

/// "YSHI": marks a database as ours in the SQLite header.
pub const APPLICATION_ID: i64 = 0x5953_4849;
/// The version of schema.sql this program writes. Older files are migrated forward.
pub const SCHEMA_VERSION: i64 = 13;
/// The one definition of the tables.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// One piece of a migration step: SQL of its own, or a part of schema.sql (between
/// `-- part: NAME` and `-- end of part: NAME`), so the tables a step makes are defined
/// once, where a new database gets them.
enum Piece {
    Sql(&'static str),
    Part(&'static str),
}

use Piece::{Part, Sql};

/// Steps from version N to N+1, applied in order inside one transaction. A new database
/// gets schema.sql directly; `MIGRATIONS[i]` moves a version i+1 file to i+2.
const MIGRATIONS: &[&[Piece]] = &[
    // 1 → 2: the search index's rowid carries the meeting (see schema.sql), so a search
    // never reads the stored bodies. (Its content is rebuilt below.)
    &[Sql("")],
    // 2 → 3: the search index gains the `pairs` column (two-character tokens), so a
    // Chinese query of two or more characters reads one short list per pair. (The
    // second DROP: see 4 → 5.)
    &[Sql("DROP TABLE search_index;
     DROP TABLE IF EXISTS search_index_content;
     CREATE VIRTUAL TABLE search_index USING fts5 (
         body, pairs, meeting_id UNINDEXED, kind UNINDEXED, ref_id UNINDEXED,
         tokenize = 'unicode61');")],
    // 3 → 4: home finds a community's drafts and open meeting by index; a meeting's
    // record reads its action items, their history and its addenda by index (verify
    // re-reads every record: without these it scanned all action items per item).
    &[Sql("CREATE INDEX IF NOT EXISTS meetings_community_status ON meetings (community_id, status, starts_at);
     CREATE INDEX IF NOT EXISTS actions_item ON action_items (item_id);
     CREATE INDEX IF NOT EXISTS action_history_action ON action_history (action_id);
     CREATE INDEX IF NOT EXISTS addenda_meeting ON addenda (meeting_id);")],
    // 4 → 5: each signed minutes records the format version it was rendered in, and
    // verify re-renders with that version; everything signed before is format 1 (V1).
    // The table is rebuilt rather than ALTERed so that the step can run on a file that
    // already has the column (a step must be repeatable, like the ones above); dropping
    // the table drops its lock triggers, which are made again as in schema.sql.
    &[Sql("CREATE TABLE minutes_v5 (
         meeting_id    INTEGER PRIMARY KEY REFERENCES meetings(id),
         community_id  INTEGER NOT NULL REFERENCES communities(id),
         seq           INTEGER NOT NULL CHECK (seq >= 1),
         text          TEXT NOT NULL,
         sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
         prev_sha256   TEXT NOT NULL CHECK (length(prev_sha256) = 64),
         rendered_at   TEXT NOT NULL,
         format        INTEGER NOT NULL DEFAULT 1 CHECK (format >= 1),
         UNIQUE (community_id, seq)
     );
     INSERT INTO minutes_v5 (meeting_id, community_id, seq, text, sha256, prev_sha256, rendered_at)
         SELECT meeting_id, community_id, seq, text, sha256, prev_sha256, rendered_at FROM minutes;
     DROP TABLE minutes;
     ALTER TABLE minutes_v5 RENAME TO minutes;
     CREATE TRIGGER lock_minutes_update BEFORE UPDATE ON minutes
         WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
     BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
     CREATE TRIGGER lock_minutes_delete BEFORE DELETE ON minutes
         WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
     BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
     CREATE TRIGGER lock_minutes_insert BEFORE INSERT ON minutes
         WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
     BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;")],
    // 5 → 6: trust. Communities get a stable uid (existing ones a generated one), v2
    // signatures are listed, the signer roster and the district's pinned keys get their
    // tables: the tail of schema.sql, tables of their own so the step is idempotent.
    &[Part("trust")],
    // 6 → 7 (the record is right): an item never taken up is kept apart
    // (table not_taken_up); a changed answer is a correction event (vote_corrections,
    // locked with the meeting like the votes); a committee or party-branch meeting still
    // in draft is linked to its own council, not the residents' council it was given;
    // the rules of draft items get the new recusal setting (recused members stay in the
    // base), while rules already voted on keep the old meaning (see domain::rules::Rule).
    &[Part("corrections"), Sql("UPDATE meetings SET council_id = (SELECT c.id FROM councils c
             WHERE c.community_id = meetings.community_id AND c.kind = meetings.kind)
         WHERE status = 'draft' AND electorate = 'council'
           AND kind IN ('owners_committee', 'party_branch')
           AND EXISTS (SELECT 1 FROM councils c
             WHERE c.community_id = meetings.community_id AND c.kind = meetings.kind);
     UPDATE agenda_items SET rule_params = json_set(rule_params, '$.recused_leave_base', json('false'))
         WHERE json_valid(rule_params) AND json_type(rule_params, '$.recused_leave_base') IS NULL
           AND meeting_id IN (SELECT id FROM meetings WHERE status = 'draft');")],
    // 7 → 8: the search index keeps no copy of the texts (contentless; rebuilt below,
    // into the pages the old one frees, so the file does not grow); the chain is read
    // from an index without the minutes text; a follow-up item records the action items
    // it follows and where each stood (see schema.sql). SQLite (3.54) leaves a
    // contentless_unindexed table's `_content` shadow table behind when the table is
    // dropped: every step that drops `search_index` drops that too, or creating the
    // index again fails.
    &[Sql("DROP TABLE search_index;
     DROP TABLE IF EXISTS search_index_content;
     CREATE VIRTUAL TABLE search_index USING fts5 (
         body, pairs, kind UNINDEXED, ref_id UNINDEXED, content = '',
         contentless_delete = 1, contentless_unindexed = 1, tokenize = 'unicode61');
     CREATE INDEX IF NOT EXISTS minutes_chain ON minutes (community_id, seq, sha256, prev_sha256);
"), Part("followup")],
    // 8 → 9: written consultation (书面征求意见) and the notice: a written
    // meeting's dates, its numbered ballots, their delivery and return, extensions and
    // closing; the notice date and a confirmed short notice. Tables of their own with
    // their lock triggers (the tail of schema.sql), so the step is idempotent.
    &[Part("written")],
    // 9 → 10: form drafts, kept as typed (a table of its own, no lock: a
    // draft is no part of a record).
    &[Part("drafts")],
    // 10 → 11: mediation (调解): cases, parties, mediators, sessions, the
    // agreement's terms, text and signatures, follow-up checks and district imports, with
    // the triggers that lock a signed agreement's facts (the tail of schema.sql).
    &[Part("mediation")],
    // 11 → 12: residents' suggestions with their history, an item's source
    // and its cost plan with the allocation shown before the vote. Tables of their own
    // with their lock triggers (the tail of schema.sql), so the step is idempotent.
    &[Part("civic")],
    // 12 → 13: the search index in one column, `grams`: each CJK character
    // starts one token (see schema.sql), half the tokens of `body` and `pairs` to write
    // for every text (the import's slowest part after its roll calls), the same matches;
    // tokenized by `ascii`, the text folded beforehand (src/domain/search_text.rs).
    // Rebuilt below (see SEARCH_LAYOUT); the second DROP: see 7 → 8.
    &[Sql("DROP TABLE search_index;
     DROP TABLE IF EXISTS search_index_content;
     CREATE VIRTUAL TABLE search_index USING fts5 (
         grams, kind UNINDEXED, ref_id UNINDEXED, content = '',
         contentless_delete = 1, contentless_unindexed = 1, tokenize = 'ascii');")],
];

/// The text of schema.sql between `-- part: NAME …` and `-- end of part: NAME`.
fn schema_part(name: &str) -> Option<&'static str> {
    let open = format!("-- part: {name} ");
    let start = SCHEMA_SQL.find(&open)?;
    let body = start + SCHEMA_SQL[start..].find('\n')? + 1;
    let end = body + SCHEMA_SQL[body..].find(&format!("-- end of part: {name}\n"))?;
    Some(&SCHEMA_SQL[body..end])
}

/// The version from which on the search index has its present layout; an older file's
/// index is rebuilt from the records after the SQL steps.
const SEARCH_LAYOUT: i64 = 13;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Set on every connection, before anything else: see PRODUCT.md "Storage".
pub(crate) fn set_pragmas(conn: &Connection, writable: bool) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // The store has ~150 distinct statements, and an import or a verify cycles through
    // dozens per meeting: with rusqlite's default of 16 they were evicted and prepared
    // again (with their lock triggers) on nearly every use.
    conn.set_prepared_statement_cache_capacity(256);
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    if writable {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    Ok(())
}

/// What the read-only inspection found.
struct Inspection {
    fresh: bool,
    user_version: i64,
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Look at the file's header without SQLite: a text file or a truncated copy is refused
/// before SQLite ever opens it.
fn check_header(path: &Path) -> Result<bool> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) => {
            return Err(StoreError::Io(format!(
                "Cannot read {}: {e}.",
                display(path)
            )));
        }
    };
    if meta.is_dir() {
        return Err(StoreError::Io(format!(
            "{} is a folder, not a database file.",
            display(path)
        )));
    }
    if meta.len() == 0 {
        return Ok(true);
    }
    let mut head = [0u8; 100];
    let mut f = fs::File::open(path)
        .map_err(|e| StoreError::Io(format!("Cannot read {}: {e}.", display(path))))?;
    let n = read_up_to(&mut f, &mut head)
        .map_err(|e| StoreError::Io(format!("Cannot read {}: {e}.", display(path))))?;
    if n < 100 || &head[..16] != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite(display(path)));
    }
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536u64,
        p => u64::from(p),
    };
    if page_size < 512 || !page_size.is_power_of_two() || meta.len() % page_size != 0 {
        return Err(StoreError::Corrupt(display(path)));
    }
    // The header's page count is valid when the two change counters agree; without a
    // WAL beside it, a file shorter than that count has been truncated.
    let pages = u64::from(u32::from_be_bytes([head[28], head[29], head[30], head[31]]));
    let counters_agree = head[24..28] == head[92..96];
    if counters_agree && pages * page_size > meta.len() && !wal_path(path).exists() {
        return Err(StoreError::Corrupt(display(path)));
    }
    Ok(false)
}

fn read_up_to(f: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn wal_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    PathBuf::from(s)
}

fn map_open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match &e {
        rusqlite::Error::SqliteFailure(c, _) if c.code == ErrorCode::NotADatabase => {
            StoreError::NotSqlite(display(path))
        }
        rusqlite::Error::SqliteFailure(c, _) if c.code == ErrorCode::DatabaseCorrupt => {
            StoreError::Corrupt(display(path))
        }
        _ => StoreError::from(e),
    }
}

/// Read-only look inside: is it ours, how old, and does it pass `quick_check`?
fn inspect(path: &Path, check_now: bool) -> Result<Inspection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(path, e))?;
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| map_open_error(path, e))?;
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| map_open_error(path, e))?;
    let user_version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| map_open_error(path, e))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| map_open_error(path, e))?;
    if app_id != APPLICATION_ID && (app_id != 0 || objects > 0) {
        return Err(StoreError::Foreign(display(path)));
    }
    if user_version < 0 {
        return Err(StoreError::Foreign(display(path)));
    }
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: display(path),
            found: user_version,
            known: SCHEMA_VERSION,
        });
    }
    if check_now {
        let verdict: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|_| StoreError::Corrupt(display(path)))?;
        if verdict != "ok" {
            return Err(StoreError::Corrupt(display(path)));
        }
    }
    Ok(Inspection {
        fresh: objects == 0,
        user_version,
    })
}

/// Whether we may write: the file (if any) and its folder must be writable.
fn writable(path: &Path) -> bool {
    if let Ok(meta) = fs::metadata(path)
        && meta.permissions().readonly()
    {
        return false;
    }
    let mut dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A folder still to be created (the data folder on first use): the nearest existing
    // ancestor decides whether it can be.
    while !dir.exists() {
        match dir.parent() {
            Some(d) if !d.as_os_str().is_empty() => dir = d.to_path_buf(),
            _ => {
                dir = PathBuf::from(".");
                break;
            }
        }
    }
    match fs::metadata(&dir) {
        Ok(m) => !m.permissions().readonly() && dir_accepts_files(&dir),
        Err(_) => false,
    }
}

/// A folder's permission bits do not tell everything (ACLs, read-only mounts): try.
fn dir_accepts_files(dir: &Path) -> bool {
    let probe = dir.join(format!(".yishi-probe-{}", std::process::id()));
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// Files up to this size get `quick_check` before `open` returns (a few milliseconds);
/// larger ones get it on a background thread (see `Store::integrity`), so the check's
/// cost, which grows with the archive, never delays the first frame.
pub const SYNC_CHECK_LIMIT: u64 = 8 * 1024 * 1024;

/// An open database.
pub struct Opened {
    pub conn: Connection,
    pub read_only: bool,
    pub path: PathBuf,
    /// Whether `quick_check` is still to be run (in the background).
    pub check_pending: bool,
}

/// A read-only connection of its own for `quick_check` (it may run on another thread).
pub(crate) fn check_connection(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(path, e))?;
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| map_open_error(path, e))?;
    Ok(conn)
}

/// `quick_check` of a large file on `conn`: Ok, or the refusal for `path`. Each ordinary
/// table is checked with its indexes — the full-text index's own tables included, as
/// b-trees — but not through the FTS5 module, whose integrity pass re-tokenizes every
/// document (many minutes on a district archive; the index is derived data and rebuilt
/// by migrations). Small files get the whole-file check when they are opened.
pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let corrupt = |_| StoreError::Corrupt(display(path));
    let mut st = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
        .map_err(corrupt)?;
    let tables: Vec<String> = st
        .query_map([], |r| r.get(0))
        .map_err(corrupt)?
        .collect::<rusqlite::Result<_>>()
        .map_err(corrupt)?;
    for t in tables {
        let sql = format!("PRAGMA quick_check(\"{}\")", t.replace('"', "\"\""));
        let verdict: String = conn.query_row(&sql, [], |r| r.get(0)).map_err(corrupt)?;
        if verdict != "ok" {
            return Err(StoreError::Corrupt(display(path)));
        }
    }
    Ok(())
}

/// Open (or create) the database at `path`. Anything that is not a yishi database, is
/// damaged or is newer is refused and left untouched.
pub fn open(path: &Path) -> Result<Opened> {
    let new_file = check_header(path)?;
    let small = fs::metadata(path).map_or(true, |m| m.len() <= SYNC_CHECK_LIMIT);
    let inspection = if new_file {
        Inspection {
            fresh: true,
            user_version: 0,
        }
    } else {
        inspect(path, small)?
    };
    let mut check_pending = !new_file && !small;
    // A migration writes: a large file is checked before that, never after.
    if check_pending && !inspection.fresh && inspection.user_version < SCHEMA_VERSION {
        quick_check(&check_connection(path)?, path)?;
        check_pending = false;
    }
    if !writable(path) {
        if new_file {
            return Err(StoreError::Io(format!(
                "Cannot create {}: the folder is not writable.",
                display(path)
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(path, e))?;
        set_pragmas(&conn, false)?;
        if inspection.user_version < SCHEMA_VERSION {
            return Err(StoreError::Io(format!(
                "{} needs an upgrade, but it is read-only; copy it somewhere writable first.",
                display(path)
            )));
        }
        return Ok(Opened {
            conn,
            read_only: true,
            path: path.to_path_buf(),
            check_pending,
        });
    }
    if new_file {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            fs::create_dir_all(dir).map_err(|e| {
                StoreError::Io(format!("Cannot create the folder {}: {e}.", dir.display()))
            })?;
        }
        create_private(path)?;
    }
    let conn = Connection::open(path).map_err(|e| map_open_error(path, e))?;
    set_pragmas(&conn, true)?;
    migrate(&conn, path, &inspection)?;
    Ok(Opened {
        conn,
        read_only: false,
        path: path.to_path_buf(),
        check_pending,
    })
}

/// New database files are readable by their owner only.
pub(crate) fn create_private(path: &Path) -> Result<()> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
        .map(|_| ())
        .map_err(|e| StoreError::Io(format!("Cannot create {}: {e}.", display(path))))
}

fn migrate(conn: &Connection, path: &Path, insp: &Inspection) -> Result<()> {
    if insp.user_version == SCHEMA_VERSION {
        return Ok(());
    }
    if !insp.fresh {
        backup_before_migration(conn, path, insp.user_version)?;
    }
    let tx = conn.unchecked_transaction()?;
    if insp.fresh {
        tx.execute_batch(SCHEMA_SQL)?;
    } else {
        for step in MIGRATIONS
            .iter()
            .skip((insp.user_version.max(1) - 1) as usize)
        {
            for piece in *step {
                match piece {
                    Sql(sql) => tx.execute_batch(sql)?,
                    Part(name) => tx.execute_batch(schema_part(name).ok_or_else(|| {
                        StoreError::Sql(format!("schema.sql has no part {name}"))
                    })?)?,
                }
            }
        }
        if insp.user_version < SEARCH_LAYOUT {
            crate::store::search::rebuild(&tx)?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// A copy next to the file, named for the version it had, made with the online backup API.
fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".v{version}.bak"));
    let dest = PathBuf::from(name);
    conn.backup(
        rusqlite::MAIN_DB,
        &dest,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Every part of schema.sql a migration step names is there, once.
    #[test]
    fn every_part_a_migration_names_is_in_schema_sql_once() {
        use super::{MIGRATIONS, Piece, SCHEMA_SQL, schema_part};
        let mut named = 0;
        for step in MIGRATIONS {
            for piece in *step {
                if let Piece::Part(name) = piece {
                    let part = schema_part(name).unwrap_or_else(|| panic!("{name}"));
                    assert!(part.contains("CREATE TABLE"), "{name}");
                    assert_eq!(SCHEMA_SQL.matches(&format!("-- part: {name} ")).count(), 1);
                    named += 1;
                }
            }
        }
        assert_eq!(named, 7);
    }
}
