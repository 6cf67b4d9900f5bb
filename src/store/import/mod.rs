//! Gathering minutes exported on other laptops (`yishi import`): the district office
//! collects its communities' signed records into one database.
//!
//! A bundle (domain::signing::verify::ExportBundle) is verified first with the same checks as
//! `verify --file`; only valid, signed minutes are imported. Its records are written as
//! they are, as a read-only signed meeting (`origin = 'imported'`, its original `uid`)
//! with its original signatures, in one transaction, and then verified again from the
//! tables before the commit, so `yishi verify` on the importing database passes and
//! `minutes show` prints the same text as on the laptop it came from. Anything that
//! fails writes nothing.
//!
//! Decisions:
//! - **Voters.** The roll-call tables refer to voters by id; the bundle's voter ids are
//!   another database's. Each one is mapped to the importing database's voter of the same
//!   name in the community, created (kind `person`, or `member` for a council meeting,
//!   with no units, at the end of the roster) if missing. Ballots and presence keep the
//!   names as they stood in the meeting, so the minutes do not depend on the local roster.
//!   Voter ids inside the rule (elevator shaft owners) and the fixed outcome's flags are
//!   mapped the same way. Signing covers the rendered text, not ids, so signatures stay
//!   valid.
//! - **Signers.** Imported signers are not registered here (no salt, cannot sign here);
//!   the signatures carry their public keys, which is all verification needs.
//! - **Chain.** The minutes keep their hash and link (`prev_sha256`). Their `seq` is the
//!   original one when it is free in the community, else the next after the last. In the
//!   chain check (domain::signing::verify::verify_chain) an imported link whose predecessor is not
//!   here is not a failure: the chain as known here starts at an imported meeting
//!   (reported by `verify`). Minutes signed here are still checked strictly, so a local
//!   deletion is noticed.
//! - **Action items** are imported as open, with the meeting's decisions; they come back
//!   as follow-ups if a meeting of that community is later prepared in this database.
//! - **Same uid twice**: nothing changes ("already present") when the stored minutes are
//!   the same; a different meeting under the same uid is refused.

pub(crate) mod batch;
pub(crate) mod map;
pub mod outcome;
pub(crate) mod rows;
pub(crate) mod trust;
pub(crate) mod write;

pub use outcome::ImportOutcome;

use crate::store::refusal::Refusal;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use crate::domain::model::MeetingStatus;
use crate::domain::signing::verify::VerifyStatus;
use crate::store::Store;
use crate::store::error::{Result, StoreError, refuse};

impl Store {
    /// Import one exported meeting (see the module documentation), in its own
    /// transaction, as `yishi import --trust-new`: a new community's keys are pinned.
    /// Verification failures are `Ok(ImportOutcome::Refused(..))`; `Err` is a database
    /// problem. Many meetings at once: `import_batch`.
    pub fn import_bundle<B: BundleArg>(&mut self, owned: B) -> Result<ImportOutcome> {
        self.import_bundle_with(owned, true)
    }

    /// Import one exported meeting; `pin_new`: pin the keys of a community that has none
    /// pinned here yet (else such a bundle is refused with `NewCommunity`).
    ///
    /// Given the bundle itself rather than a reference, it is freed as soon as its
    /// cleaned copy is made, and that copy once its records are written, before the
    /// re-verification reads them back from the tables: a large import never holds two
    /// copies at once.
    pub fn import_bundle_with<B: BundleArg>(
        &mut self,
        owned: B,
        pin_new: bool,
    ) -> Result<ImportOutcome> {
        if self.read_only() {
            return Err(StoreError::ReadOnly);
        }
        if let crate::store::Integrity::Failed = self.wait_integrity() {
            return Err(StoreError::Corrupt(self.path().display().to_string()));
        }
        // One meeting, one transaction: no savepoint (its statement journal would hold
        // every page a large meeting writes), and a refusal rolls the whole of it back.
        let tx = Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate)?;
        let outcome = self.import_one(&tx, prepare(owned), pin_new, None)?;
        if let ImportOutcome::Imported { meeting_id, .. } = outcome {
            index_imported(&tx, &[meeting_id])?;
            tx.commit()?;
        }
        Ok(outcome)
    }

    /// Import many exported meetings in one transaction: `f` calls `ImportBatch::import`
    /// for each. Each meeting is written in its own savepoint, so a refused one leaves
    /// nothing and the others go on; the batch is committed once (one flush to disk, not
    /// one per meeting) when `f` returns Ok. On Err nothing of the batch is kept, so an
    /// outcome is final only once this returns Ok.
    ///
    /// Each meeting's records are read back at once (and a trust problem refuses it
    /// there), but its minutes rendered again and its signatures checked on a second
    /// thread while the next meeting is written. If one of them does not verify, the
    /// whole batch is rolled back with `Refusal::ImportBatchNotReproduced`: import its
    /// bundles one by one (`import_bundle`) to learn which, and why.
    pub fn import_batch<T>(
        &mut self,
        f: impl FnOnce(&mut ImportBatch<'_>) -> Result<T>,
    ) -> Result<T> {
        if self.read_only() {
            return Err(StoreError::ReadOnly);
        }
        // As every write: never into a file that has not passed the check.
        if let crate::store::Integrity::Failed = self.wait_integrity() {
            return Err(StoreError::Corrupt(self.path().display().to_string()));
        }
        // Each meeting's savepoint keeps the pages it changes in a statement journal: in
        // memory, not a temporary file written for every meeting.
        self.conn().pragma_update(None, "temp_store", "MEMORY")?;
        let tx = Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate)?;
        let store: &Store = self;
        let (out, verified) = std::thread::scope(|s| {
            // One check waiting at most: the records read back are not piled up.
            let (checks, todo) = std::sync::mpsc::sync_channel::<ImportedCheck>(1);
            let verifier = s.spawn(move || {
                todo.into_iter()
                    .all(|c| c.run(VerifyStatus::Valid).is_valid())
            });
            let mut batch = ImportBatch {
                store,
                tx: &tx,
                imported: Vec::new(),
                checks,
            };
            let out = f(&mut batch).map(|o| (o, std::mem::take(&mut batch.imported)));
            drop(batch);
            (out, verifier.join().unwrap_or(false))
        });
        let (out, imported) = out?;
        if !verified {
            return Err(refuse(Refusal::ImportBatchNotReproduced));
        }
        index_imported(&tx, &imported)?;
        tx.commit()?;
        Ok(out)
    }

    /// One meeting inside an import batch's transaction, in a savepoint of its own,
    /// cleaned and verified before (`prepare`; `None`: it could not be read).
    ///
    /// The meeting is not put in the search index: the caller does that once its records
    /// are all written (`index_imported`).
    pub(in crate::store) fn import_one(
        &self,
        tx: &Transaction<'_>,
        prepared: Option<Prepared>,
        pin_new: bool,
        batch: Option<&Checks>,
    ) -> Result<ImportOutcome> {
        let Prepared {
            bundle: cleaned,
            status,
        } = prepared.ok_or(refuse(Refusal::ImportUnreadable))?;
        let bundle = &cleaned;
        match status {
            VerifyStatus::Valid => {}
            VerifyStatus::Unsigned => return Ok(ImportOutcome::Refused(ImportRefusal::Unsigned)),
            VerifyStatus::Invalid(ps) => {
                return Ok(ImportOutcome::Refused(ImportRefusal::Invalid(ps)));
            }
        }
        let Some(minutes) = &bundle.minutes else {
            return Ok(ImportOutcome::Refused(ImportRefusal::Unsigned));
        };
        if bundle.record.status != MeetingStatus::Signed {
            return Ok(ImportOutcome::Refused(ImportRefusal::Unsigned));
        }
        let existing: Option<(MeetingId, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT m.id, n.sha256 FROM meetings m LEFT JOIN minutes n ON n.meeting_id = m.id
                 WHERE m.uid = ?1",
                [&bundle.record.uid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((meeting_id, sha)) = existing {
            return Ok(if sha.as_deref() == Some(minutes.sha256.as_str()) {
                ImportOutcome::AlreadyPresent { meeting_id }
            } else {
                ImportOutcome::Refused(ImportRefusal::Conflict { meeting_id })
            });
        }
        let new_pins = match crate::store::import::trust::check(tx, bundle, pin_new)? {
            Ok(p) => p,
            Err(refusal) => return Ok(ImportOutcome::Refused(refusal)),
        };
        let sp = if batch.is_some() {
            Some(Savepoint::new(tx)?)
        } else {
            None
        };
        let meeting = crate::store::import::write::records(tx, bundle)?;
        let community: CommunityId = tx
            .prepare_cached("SELECT community_id FROM meetings WHERE id = ?1")?
            .query_row([meeting], |r| r.get(0))?;
        crate::store::import::trust::store_trust(tx, community, bundle, &new_pins)?;
        drop(cleaned);
        // Read back from the tables, as `yishi verify` will: the same minutes, valid
        // signatures, and no new break in the community's chain. In a batch, the
        // minutes rendered again and the signatures are checked on the batch's second
        // thread (unless the trust check already failed: then here, to say why).
        let report = match batch {
            None => self.verify_imported(meeting)?,
            Some(checks) => {
                let (check, mut report) = self.read_imported(meeting)?;
                if report.status.is_valid() {
                    checks
                        .send(check)
                        .map_err(|_| refuse(Refusal::ImportBatchNotReproduced))?;
                } else {
                    report.status =
                        check.run(std::mem::replace(&mut report.status, VerifyStatus::Valid));
                }
                report
            }
        };
        if !report.status.is_valid() {
            return Ok(ImportOutcome::Refused(ImportRefusal::NotReproduced(
                report.status,
            )));
        }
        if let Some(sp) = sp {
            sp.release()?;
        }
        Ok(ImportOutcome::Imported {
            meeting_id: meeting,
            chain_starts_here: report.chain_starts_at_import,
            pinned: new_pins,
        })
    }
}

/// Put imported meetings in the search index, after all their records: a signed meeting
/// is indexed by its minutes alone (they quote its proposals and remarks; see
/// search::index_text). Written last because FTS5 writes what it holds to disk at every
/// savepoint and statement after it: indexing each meeting as it came made every later
/// statement of a batch pay for it.
fn index_imported(tx: &Transaction<'_>, meetings: &[MeetingId]) -> Result<()> {
    for &m in meetings {
        let text: String = tx
            .prepare_cached("SELECT text FROM minutes WHERE meeting_id = ?1")?
            .query_row([m], |r| r.get(0))?;
        crate::store::search::index_text(tx, m, "minutes", m.0, &text)?;
    }
    Ok(())
}

use crate::store::ids::{CommunityId, MeetingId};
pub use crate::store::import::batch::{BundleArg, ImportBatch, Prepared, ahead, prepare};
use crate::store::import::batch::{Checks, Savepoint};
use crate::store::refusal::import::ImportRefusal;
use crate::store::signed::ImportedCheck;
