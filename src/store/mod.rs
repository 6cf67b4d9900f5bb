//! The store: everything yishi keeps, in one SQLite file. It knows SQL and nothing of the
//! terminal. Each user action is one transaction, committed before the caller returns.

pub mod actions;
pub mod archive;
mod backup;
mod error;
pub mod meetings;
mod open;
pub mod record;
pub mod roster;
mod search;
pub mod session;
pub mod signing;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::{Result, StoreError};
pub use open::{APPLICATION_ID, SCHEMA_SQL, SCHEMA_VERSION};

pub struct Store {
    conn: Connection,
    read_only: bool,
    path: PathBuf,
    /// Held while this process runs meetings on the file (see `claim`).
    lock: Option<std::fs::File>,
}

thread_local! {
    /// A simulated clock, used only to build demo and benchmark archives with
    /// realistic times; None in normal use.
    static CLOCK: std::cell::Cell<Option<chrono::DateTime<chrono::FixedOffset>>> =
        const { std::cell::Cell::new(None) };
}

/// The current local time as RFC 3339 with its offset, to the second. Stored times keep
/// the offset they were taken in, so minutes render the same on any machine.
pub fn now() -> String {
    if let Some(t) = CLOCK.get() {
        // Each reading moves the simulated clock on, as a real meeting would.
        CLOCK.set(Some(t + chrono::Duration::seconds(7)));
        return t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    }
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Set (or with None, clear) the simulated clock of this thread.
pub fn simulate_clock(at: Option<chrono::DateTime<chrono::FixedOffset>>) {
    CLOCK.set(at);
}

impl Store {
    /// Open or create the database at `path` (see open.rs for what is refused).
    pub fn open(path: &Path) -> Result<Store> {
        let o = open::open(path)?;
        Ok(Store {
            conn: o.conn,
            read_only: o.read_only,
            path: o.path,
            lock: None,
        })
    }

    /// Claim the database for this process (a lock on `<file>.lock`, released by the
    /// system even on kill -9). A second yishi on the same file does not get it and is
    /// switched to read-only review, so no answer is recorded twice or lost. Returns
    /// whether this process has the claim.
    pub fn claim(&mut self) -> bool {
        if self.lock.is_some() {
            return true;
        }
        if self.read_only {
            return false;
        }
        let mut name = self.path.as_os_str().to_owned();
        name.push(".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(PathBuf::from(name));
        match file {
            Ok(f) if f.try_lock().is_ok() => {
                self.lock = Some(f);
                true
            }
            _ => {
                self.read_only = true;
                false
            }
        }
    }

    pub fn read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run `f` in one IMMEDIATE transaction and commit it; on error nothing is kept.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Test hook: cap the database at `pages` pages on this connection (SQLite's
    /// `max_page_count`; never below the current size), to simulate a full disk.
    /// Returns the cap now in force.
    #[doc(hidden)]
    pub fn set_max_pages(&self, pages: i64) -> Result<i64> {
        Ok(self
            .conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?)
    }

    /// Test hook: the database's size in pages.
    #[doc(hidden)]
    pub fn page_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Record an accepted action in the audit log (inside the caller's transaction).
pub(crate) fn audit(
    tx: &rusqlite::Transaction<'_>,
    meeting_id: Option<i64>,
    action: &str,
    detail: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (at, meeting_id, action, detail) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![now(), meeting_id, action, detail],
    )?;
    Ok(())
}
