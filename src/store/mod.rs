//! The store: everything yishi keeps, in one SQLite file. It knows SQL and nothing of the
//! terminal. Each user action is one transaction, committed before the caller returns.

pub mod actions;
mod adjourn;
pub mod archive;
mod backup;
pub mod columns;
mod common;
mod cost;
pub mod drafts;
mod error;
mod followup;
pub mod ids;
pub mod import;
mod items;
pub mod mediation;
pub mod meetings;
mod open;
pub mod paper;
pub mod record;
pub mod refusal;
mod report;
pub mod roll_call;
pub mod roster;
mod search;
pub mod session;
pub mod signed;
pub mod signing;
pub mod suggestions;
pub mod trust;
pub mod written;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use crate::store::ids::MeetingId;
use rusqlite::Connection;

pub use error::{Result, StoreError};
pub use open::{APPLICATION_ID, SCHEMA_SQL, SCHEMA_VERSION, SYNC_CHECK_LIMIT};
pub use refusal::Refusal;
pub use refusal::import::ImportPart;

pub struct Store {
    conn: Connection,
    read_only: bool,
    path: PathBuf,
    /// Held while this process runs meetings on the file (see `claim`).
    lock: Option<std::fs::File>,
    /// The integrity check of a large file, running on its own thread.
    integrity: Arc<(Mutex<Integrity>, Condvar)>,
    /// Stops that check when the store is dropped before it ends.
    check: Option<rusqlite::InterruptHandle>,
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Some(h) = &self.check {
            h.interrupt();
        }
    }
}

/// Where the `quick_check` of the opened file stands. Files up to `SYNC_CHECK_LIMIT`
/// are checked before `Store::open` returns; larger ones on a background thread with
/// its own read-only connection, so the first frame does not wait for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    /// Not started: the store was opened for a short command (`Store::open_deferred`);
    /// the check runs, synchronously, before the first write or when waited for.
    Deferred,
    Checking,
    Passed,
    /// The file failed the check: the store refuses every write from then on (each
    /// caller says so in the user's language, as a damaged file).
    Failed,
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
        let state = if o.check_pending {
            Integrity::Checking
        } else {
            Integrity::Passed
        };
        let integrity = Arc::new((Mutex::new(state), Condvar::new()));
        let mut check = None;
        if o.check_pending {
            let conn = open::check_connection(&o.path)?;
            check = Some(conn.get_interrupt_handle());
            let shared = Arc::clone(&integrity);
            let file = o.path.clone();
            std::thread::spawn(move || {
                let verdict = match open::quick_check(&conn, &file) {
                    Ok(()) => Integrity::Passed,
                    Err(_) => Integrity::Failed,
                };
                let (lock, done) = &*shared;
                if let Ok(mut s) = lock.lock() {
                    *s = verdict;
                }
                done.notify_all();
            });
        }
        Ok(Store {
            conn: o.conn,
            read_only: o.read_only,
            path: o.path,
            lock: None,
            integrity,
            check,
        })
    }

    /// Open for a short command (`minutes list`, `export`): like `open`, but a large
    /// file's `quick_check` (whose cost grows with the archive) is not started; it runs
    /// before the first write, or when `wait_integrity` is called (`verify`, `backup`).
    /// A damaged page that a read meets is reported as `StoreError::Corrupt`.
    pub fn open_deferred(path: &Path) -> Result<Store> {
        let o = open::open(path)?;
        let state = if o.check_pending {
            Integrity::Deferred
        } else {
            Integrity::Passed
        };
        Ok(Store {
            conn: o.conn,
            read_only: o.read_only,
            path: o.path,
            lock: None,
            integrity: Arc::new((Mutex::new(state), Condvar::new())),
            check: None,
        })
    }

    /// Run a deferred check now, on this thread.
    fn run_deferred_check(&self) {
        let (lock, done) = &*self.integrity;
        let Ok(mut s) = lock.lock() else {
            return;
        };
        if *s != Integrity::Deferred {
            return;
        }
        *s = match open::check_connection(&self.path)
            .and_then(|c| open::quick_check(&c, &self.path))
        {
            Ok(()) => Integrity::Passed,
            Err(_) => Integrity::Failed,
        };
        done.notify_all();
    }

    /// Where the integrity check of the file stands (see `Integrity`).
    pub fn integrity(&self) -> Integrity {
        self.integrity
            .0
            .lock()
            .map(|s| s.clone())
            .unwrap_or(Integrity::Checking)
    }

    /// Wait for the integrity check to finish (for commands that report on the whole
    /// file, and tests).
    pub fn wait_integrity(&self) -> Integrity {
        self.run_deferred_check();
        let (lock, done) = &*self.integrity;
        let Ok(mut s) = lock.lock() else {
            return Integrity::Checking;
        };
        while *s == Integrity::Checking {
            s = match done.wait(s) {
                Ok(s) => s,
                Err(_) => return Integrity::Checking,
            };
        }
        s.clone()
    }

    /// Bulk loading (benchmark archives, large imports): run `f` with
    /// `synchronous=OFF`. Each store call inside stays one atomic transaction, but its
    /// commit is not flushed to disk; the file is checkpointed and flushed once at the
    /// end, and `synchronous=FULL` is restored. A power cut during `f` can lose what it
    /// wrote, so it is never used for a live meeting.
    pub fn bulk<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        let out = f(self);
        let restored = self
            .conn
            .pragma_update(None, "synchronous", "FULL")
            .and_then(|_| {
                self.conn
                    .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            });
        let out = out?;
        restored?;
        Ok(out)
    }

    /// Claim the database for this process (`File::try_lock` on `<file>.lock` beside the
    /// file's canonical path, released by the system even on kill -9). A second yishi on the same file does not get it and is
    /// switched to read-only review, so no answer is recorded twice or lost. Returns
    /// whether this process has the claim.
    pub fn claim(&mut self) -> bool {
        if self.lock.is_some() {
            return true;
        }
        if self.read_only {
            return false;
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(lock_path(&self.path));
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
        // Nothing is written to a file before it has passed the check: a write in the
        // first moments after opening a large archive waits for it.
        if let Integrity::Failed = self.wait_integrity() {
            return Err(StoreError::Corrupt(self.path.display().to_string()));
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

/// The one-writer lock file: named after the database's canonical path, so every
/// spelling of it (a symbolic link, `..`, another working folder) meets the same lock.
/// `File::lock` is used rather than a lock on the database file itself: SQLite holds
/// byte-range locks on that file, which on Windows are mandatory and would collide.
fn lock_path(db: &Path) -> PathBuf {
    let real = db.canonicalize().unwrap_or_else(|_| db.to_path_buf());
    let mut name = real.into_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// Record an accepted action in the audit log (inside the caller's transaction).
pub(crate) fn audit(
    tx: &rusqlite::Transaction<'_>,
    meeting_id: Option<MeetingId>,
    action: &str,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, meeting_id, action, detail) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(rusqlite::params![now(), meeting_id, action, detail])?;
    Ok(())
}
