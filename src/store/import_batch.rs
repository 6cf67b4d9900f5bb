//! The parts of an import that are not the records: the bundle handed over (owned or
//! borrowed), a batch of imports in one transaction, and the savepoint each meeting of a
//! batch is written in.

use rusqlite::Transaction;

use super::import::ImportOutcome;
use super::{Result, Store};
use crate::domain::verify::ExportBundle;

/// A bundle handed to an import: owned (then freed part by part as it is cleaned) or
/// borrowed (then copied first).
pub trait BundleArg {
    fn into_bundle(self) -> ExportBundle;
}

impl BundleArg for ExportBundle {
    fn into_bundle(self) -> ExportBundle {
        self
    }
}

impl BundleArg for &ExportBundle {
    fn into_bundle(self) -> ExportBundle {
        self.clone()
    }
}

/// An import in progress (see `Store::import_batch`).
pub struct ImportBatch<'a> {
    pub(super) store: &'a Store,
    pub(super) tx: &'a Transaction<'a>,
    /// The meetings imported so far, indexed for search when the batch ends.
    pub(super) imported: Vec<i64>,
}

impl ImportBatch<'_> {
    /// Import one exported meeting into the batch (see `Store::import_bundle`).
    pub fn import<B: BundleArg>(&mut self, bundle: B) -> Result<ImportOutcome> {
        self.import_with(bundle, true)
    }

    /// As [`ImportBatch::import`], pinning a new community's keys only if `pin_new`.
    pub fn import_with<B: BundleArg>(&mut self, bundle: B, pin_new: bool) -> Result<ImportOutcome> {
        let out = self.store.import_one(self.tx, bundle, pin_new, true)?;
        if let ImportOutcome::Imported { meeting_id, .. } = out {
            self.imported.push(meeting_id);
        }
        Ok(out)
    }
}

/// A savepoint on a shared connection: rolled back and released when dropped unless
/// `release` was called, so a meeting that fails to import leaves nothing in its batch.
pub(super) struct Savepoint<'c> {
    conn: &'c rusqlite::Connection,
    done: bool,
}

impl<'c> Savepoint<'c> {
    pub(super) fn new(conn: &'c rusqlite::Connection) -> Result<Savepoint<'c>> {
        conn.prepare_cached("SAVEPOINT import_one")?.execute([])?;
        Ok(Savepoint { conn, done: false })
    }

    pub(super) fn release(mut self) -> Result<()> {
        self.done = true;
        self.conn
            .prepare_cached("RELEASE import_one")?
            .execute([])?;
        Ok(())
    }
}

impl Drop for Savepoint<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self
                .conn
                .execute_batch("ROLLBACK TO import_one; RELEASE import_one");
        }
    }
}
