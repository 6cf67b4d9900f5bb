//! The parts of an import that are not the records: the bundle handed over (owned or
//! borrowed), cleaned and verified (on any thread), a batch of imports in one
//! transaction, and the savepoint each meeting of a batch is written in.

use rusqlite::Transaction;

use crate::domain::signing::verify::{ExportBundle, VerifyStatus};
use crate::store::Store;
use crate::store::error::Result;
use crate::store::ids::MeetingId;
use crate::store::import::outcome::ImportOutcome;
use crate::store::signed::ImportedCheck;

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

/// A bundle cleaned (every string, domain::signing::clean_bundle) and verified as `verify --file`
/// does, with the community's signed roster: what an import needs before it writes.
/// Made without the database, so on another thread while the meeting before is written
/// (see `ahead`).
pub struct Prepared {
    pub(in crate::store) bundle: ExportBundle,
    pub(in crate::store) status: VerifyStatus,
}

/// Clean and verify a bundle; `None` when it cannot be read at all.
pub fn prepare<B: BundleArg>(owned: B) -> Option<Prepared> {
    let bundle = crate::domain::signing::clean_bundle::clean_bundle_owned(owned.into_bundle())?;
    let status = crate::domain::signing::roster::verify_bundle(&bundle);
    Some(Prepared { bundle, status })
}

/// `each` over `items`, made on a second thread one ahead, handed to `take` in
/// order here: the next file is read, cleaned and verified while this one is written.
/// An `Err` from `take` stops both (the rest is not made).
pub fn ahead<I, T, E>(
    items: I,
    each: impl FnMut(I::Item) -> T + Send,
    mut take: impl FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<(), E>
where
    I: IntoIterator,
    I::IntoIter: Send,
    T: Send,
{
    let items = items.into_iter();
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(0);
        let mut each = each;
        s.spawn(move || {
            for it in items {
                if tx.send(each(it)).is_err() {
                    break;
                }
            }
        });
        for t in rx {
            take(t)?;
        }
        Ok(())
    })
}

/// An import in progress (see `Store::import_batch`).
pub struct ImportBatch<'a> {
    pub(in crate::store) store: &'a Store,
    pub(in crate::store) tx: &'a Transaction<'a>,
    /// The meetings imported so far, indexed for search when the batch ends.
    pub(in crate::store) imported: Vec<MeetingId>,
    /// Each meeting's minutes rendered again from the tables and its signatures checked,
    /// on a second thread while the next one is written: the batch is committed only
    /// if every one verified (see `Store::import_batch`).
    pub(in crate::store) checks: Checks,
}

/// Where a batch sends its meetings' checks (see `ImportBatch::checks`).
pub(in crate::store) type Checks = std::sync::mpsc::SyncSender<ImportedCheck>;

impl ImportBatch<'_> {
    /// Import one exported meeting into the batch (see `Store::import_bundle`).
    pub fn import<B: BundleArg>(&mut self, bundle: B) -> Result<ImportOutcome> {
        self.import_with(bundle, true)
    }

    /// As [`ImportBatch::import`], pinning a new community's keys only if `pin_new`.
    pub fn import_with<B: BundleArg>(&mut self, bundle: B, pin_new: bool) -> Result<ImportOutcome> {
        self.import_prepared(prepare(bundle), pin_new)
    }

    /// As [`ImportBatch::import_with`], for a bundle `prepare`d before (`None`: it could
    /// not be read, refused as unreadable).
    pub fn import_prepared(
        &mut self,
        prepared: Option<Prepared>,
        pin_new: bool,
    ) -> Result<ImportOutcome> {
        let out = self
            .store
            .import_one(self.tx, prepared, pin_new, Some(&self.checks))?;
        if let ImportOutcome::Imported { meeting_id, .. } = out {
            self.imported.push(meeting_id);
        }
        Ok(out)
    }
}

/// A savepoint on a shared connection: rolled back and released when dropped unless
/// `release` was called, so a meeting that fails to import leaves nothing in its batch.
pub(in crate::store) struct Savepoint<'c> {
    conn: &'c rusqlite::Connection,
    done: bool,
}

impl<'c> Savepoint<'c> {
    pub(in crate::store) fn new(conn: &'c rusqlite::Connection) -> Result<Savepoint<'c>> {
        conn.prepare_cached("SAVEPOINT import_one")?.execute([])?;
        Ok(Savepoint { conn, done: false })
    }

    pub(in crate::store) fn release(mut self) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use super::ahead;

    #[test]
    fn ahead_hands_every_item_over_in_order_and_an_error_stops_it() {
        let mut got = Vec::new();
        let r: Result<(), ()> = ahead(
            1..=50,
            |k| k * 2,
            |v| {
                got.push(v);
                Ok(())
            },
        );
        assert_eq!(r, Ok(()));
        assert_eq!(got, (1..=50).map(|k| k * 2).collect::<Vec<_>>());

        let made = std::sync::atomic::AtomicUsize::new(0);
        let mut taken = 0;
        let r = ahead(
            0..1000,
            |k| {
                made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                k
            },
            |k| {
                taken += 1;
                if k == 3 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(taken, 4);
        // The second thread stops too: at most the item it was making and one waiting.
        assert!(made.load(std::sync::atomic::Ordering::SeqCst) <= 6);
    }
}
