//! What can go wrong with the database (its sentences for the user: strings::store_error).

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

/// What went wrong, for a log or a test: the variant and its parameters. The user's
/// sentences, in each language, are `strings::store_error`'s.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotSqlite(p) => write!(f, "not an SQLite file: {p}"),
            StoreError::Foreign(p) => write!(f, "another program's database: {p}"),
            StoreError::Corrupt(p) => write!(f, "damaged: {p}"),
            StoreError::Newer { path, found, known } => {
                write!(f, "newer schema {found} (known up to {known}): {path}")
            }
            StoreError::Io(m) => write!(f, "{m}"),
            StoreError::DiskFull => write!(f, "disk full"),
            StoreError::Busy => write!(f, "busy"),
            StoreError::ReadOnly => write!(f, "read-only"),
            StoreError::Locked => write!(f, "locked"),
            StoreError::WrongPassphrase => write!(f, "wrong passphrase"),
            StoreError::Refused(r) => write!(f, "refused: {r}"),
            StoreError::NotFound(m) => write!(f, "not found: {m}"),
            StoreError::Sql(m) => write!(f, "SQLite: {m}"),
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
