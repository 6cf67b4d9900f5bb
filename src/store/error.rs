//! What can go wrong with the database, each as one plain sentence for the user.

use std::fmt;

use crate::store::refusal::Refusal;

#[derive(Debug)]
pub enum StoreError {
    /// The file is not an SQLite database at all.
    NotSqlite(String),
    /// An SQLite database, but another program's.
    Foreign(String),
    /// Fails SQLite's own check, or is truncated.
    Corrupt(String),
    /// Written by a newer yishi than this one.
    Newer {
        path: String,
        found: i64,
        known: i64,
    },
    /// The file could not be opened or created.
    Io(String),
    /// The disk (or the database's size limit) is full: the action was rolled back.
    DiskFull,
    /// Another yishi (or program) holds the database.
    Busy,
    /// The database is open for review only.
    ReadOnly,
    /// A signed meeting's records are locked.
    Locked,
    /// The passphrase does not give the signer's registered key; nothing was signed.
    WrongPassphrase,
    /// Input or an action the store refuses, with its parameters (see `Refusal`).
    Refused(Refusal),
    /// Something not found (a meeting id, a voter).
    NotFound(String),
    /// Any other SQLite error.
    Sql(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotSqlite(p) => write!(
                f,
                "{p} is not a yishi database (it is not an SQLite file); it was left unchanged."
            ),
            StoreError::Foreign(p) => write!(
                f,
                "{p} belongs to another program, not yishi; it was left unchanged."
            ),
            StoreError::Corrupt(p) => write!(
                f,
                "{p} is damaged (SQLite's check failed); it was left unchanged — restore a backup."
            ),
            StoreError::Newer { path, found, known } => write!(
                f,
                "{path} was written by a newer yishi (schema version {found}, this program knows up to {known}); it was left unchanged — update yishi."
            ),
            StoreError::Io(m) => write!(f, "{m}"),
            StoreError::DiskFull => write!(
                f,
                "The disk is full: the last action was not saved. Free some space and try again."
            ),
            StoreError::Busy => write!(
                f,
                "The database is in use by another yishi; try again in a moment."
            ),
            StoreError::ReadOnly => write!(
                f,
                "The database is open for review only; nothing can be changed."
            ),
            StoreError::Locked => write!(
                f,
                "This meeting is signed and locked; a correction must be a signed addendum."
            ),
            StoreError::WrongPassphrase => {
                write!(f, "The passphrase is wrong; nothing was signed.")
            }
            StoreError::Refused(r) => write!(f, "{r}"),
            StoreError::NotFound(m) => write!(f, "Not found: {m}."),
            StoreError::Sql(m) => write!(f, "Database error: {m}."),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(code, msg) = &e {
            match code.code {
                ErrorCode::DiskFull => return StoreError::DiskFull,
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return StoreError::Busy,
                ErrorCode::ReadOnly => return StoreError::ReadOnly,
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                    return StoreError::Corrupt("The database".into());
                }
                _ => {}
            }
            if let Some(m) = msg
                && m.starts_with("locked:")
            {
                return StoreError::Locked;
            }
        }
        StoreError::Sql(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl From<Refusal> for StoreError {
    fn from(r: Refusal) -> StoreError {
        StoreError::Refused(r)
    }
}

/// The one way the store refuses: any refusal (a `Refusal` or one of its families) as
/// the error the action returns.
pub(crate) fn refuse(r: impl Into<Refusal>) -> StoreError {
    StoreError::Refused(r.into())
}
