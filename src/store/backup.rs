//! A consistent copy of the database while a meeting may keep writing to it.
//!
//! The online backup API copies every page in one step (`step(-1)`): that step is one
//! read transaction on the source, so it sees one snapshot whatever other connections
//! commit meanwhile (WAL lets them go on). Copying in small steps instead restarts each
//! time another connection commits, and under a running meeting never finished. The
//! copy goes to a temporary file beside the destination, is switched to a rollback
//! journal (so no -wal/-shm is left beside it), passes `integrity_check`, and only then
//! is renamed into place: a failure leaves nothing but what was there before.

use std::path::Path;

use rusqlite::Connection;

use crate::files::{self, Refusal};
use crate::store::Store;
use crate::store::error::{Result, StoreError, refuse};
use crate::store::open::APPLICATION_ID;

fn refusal(dest: &Path, why: Refusal) -> StoreError {
    refuse(crate::store::refusal::Refusal::File {
        path: crate::domain::text::clean_line(&dest.display().to_string()),
        why,
    })
}

impl Store {
    /// Copy the database to `dest` (which must not exist yet) and check the copy's
    /// integrity. Returns the number of pages copied.
    pub fn backup_to(&self, dest: &Path) -> Result<i64> {
        self.backup_to_with(dest, false)
    }

    /// As [`Store::backup_to`]; with `force`, an existing `dest` (not the database, not
    /// a symbolic link) is replaced once the copy is complete and checked.
    pub fn backup_to_with(&self, dest: &Path, force: bool) -> Result<i64> {
        files::check_target(dest, Some(&self.path), force).map_err(|r| refusal(dest, r))?;
        let tmp = files::temp_beside(dest).map_err(|r| refusal(dest, r))?;
        let pages = snapshot(self.conn(), tmp.path())?;
        files::persist(tmp, dest, force).map_err(|r| refusal(dest, r))?;
        Ok(pages)
    }
}

/// Copy `src` into the empty file at `path` and check it; the file is left in rollback
/// journal mode, closed and flushed.
fn snapshot(src: &Connection, path: &Path) -> Result<i64> {
    let io = |e: std::io::Error| StoreError::Io(format!("Cannot write {}: {e}.", path.display()));
    let mut target = Connection::open(path)?;
    // The copy is flushed once at the end (below), not page by page.
    target.pragma_update(None, "synchronous", "OFF")?;
    {
        let backup = rusqlite::backup::Backup::new(src, &mut target)?;
        let mut tries = 0;
        loop {
            match backup.step(-1)? {
                rusqlite::backup::StepResult::Done => break,
                // Another connection held a lock at the start: wait a moment and take
                // the whole copy again in one step (for at most the busy timeout).
                _ if tries < 250 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                _ => return Err(StoreError::Busy),
            }
        }
    }
    // The pages say "WAL" as the source does; a rollback journal leaves no -wal/-shm
    // beside the copy, now or when it is opened read-only.
    let mode: String = target.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(StoreError::Corrupt(path.display().to_string()));
    }
    let verdict: String = target.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let app_id: i64 = target.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let pages: i64 = target.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    drop(target);
    if verdict != "ok" || app_id != APPLICATION_ID {
        return Err(StoreError::Corrupt(path.display().to_string()));
    }
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    Ok(pages)
}
