//! A consistent copy of the database, taken with SQLite's online backup API so that a
//! meeting may keep running on the same file, then checked.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, Result, Store, StoreError};

impl Store {
    /// Copy the database to `dest` (which must not exist yet) and check the copy's
    /// integrity. Returns the number of pages copied.
    pub fn backup_to(&self, dest: &Path) -> Result<i64> {
        if dest.exists() {
            return Err(StoreError::Refused(super::Refusal::FileExists {
                path: dest.display().to_string(),
            }));
        }
        super::open::create_private(dest)?;
        let mut target = Connection::open(dest)
            .map_err(|e| StoreError::Io(format!("Cannot create {}: {e}.", dest.display())))?;
        {
            let backup = rusqlite::backup::Backup::new(self.conn(), &mut target)?;
            // Small steps with pauses let a running meeting go on writing.
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        drop(target);
        let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let app_id: i64 = copy.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if verdict != "ok" || app_id != APPLICATION_ID {
            return Err(StoreError::Corrupt(dest.display().to_string()));
        }
        Ok(copy.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }
}
