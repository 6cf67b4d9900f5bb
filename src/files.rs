//! Writing a file the user named (`export -o`, the TUI's export form, `backup`): never
//! over an existing file unless forced, never over the database or its -wal/-shm (by
//! file identity, not by name), never through a symbolic link; the bytes go to a
//! temporary file beside the target, which is renamed into place only when complete,
//! so a failure leaves nothing half-written. Shared by the command line and the screens;
//! knows no words (they map [`Refusal`] to a sentence).

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Why a file was not written (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The file exists and `force` was not given.
    Exists,
    /// The target is the database, its -wal, -shm, -journal or lock file.
    Database,
    /// The target is a symbolic link (dangling or not).
    Symlink,
    /// The target is a folder.
    Folder,
    /// Writing failed (the system's reason); the temporary file is gone.
    Io(String),
}

/// The files that belong to the database at `db`.
fn database_files(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal", ".lock"]
        .iter()
        .map(|suffix| {
            let mut s = db.as_os_str().to_owned();
            s.push(suffix);
            PathBuf::from(s)
        })
        .collect()
}

/// The folder a relative file name lives in.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The path with its folder resolved (symbolic links and `..`), for a file that may not
/// exist yet: two spellings of one place compare equal.
fn resolved(path: &Path) -> PathBuf {
    match (folder_of(path).canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Whether two existing paths are one file: device and inode on unix (a hard link
/// counts), the canonical path elsewhere.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// Whether `target` is (or would become) one of the database's files.
pub fn is_database_file(target: &Path, db: &Path) -> bool {
    let target_resolved = resolved(target);
    database_files(db)
        .iter()
        .any(|f| same_file(target, f) || resolved(f) == target_resolved)
}

/// May `target` be written? Checked before any work is done; [`write_new`] and
/// [`persist`] check again where it matters (the rename never replaces unless forced).
pub fn check_target(target: &Path, db: Option<&Path>, force: bool) -> Result<(), Refusal> {
    if let Some(db) = db
        && is_database_file(target, db)
    {
        return Err(Refusal::Database);
    }
    match std::fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => Err(Refusal::Symlink),
        Ok(m) if m.is_dir() => Err(Refusal::Folder),
        Ok(_) if !force => Err(Refusal::Exists),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Refusal::Io(e.to_string())),
    }
}

/// A new temporary file in the target's folder (so the final rename stays on one
/// file system), removed when dropped unless persisted.
pub fn temp_beside(target: &Path) -> Result<NamedTempFile, Refusal> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder_of(target))
        .map_err(|e| Refusal::Io(e.to_string()))
}

/// Move a complete temporary file to `target`: never replacing a file unless `force`.
pub fn persist(tmp: NamedTempFile, target: &Path, force: bool) -> Result<(), Refusal> {
    let done = if force {
        tmp.persist(target)
    } else {
        tmp.persist_noclobber(target)
    };
    match done {
        Ok(_) => Ok(()),
        // The temporary file is removed when the error (which holds it) is dropped.
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(Refusal::Exists),
        Err(e) => Err(Refusal::Io(e.error.to_string())),
    }
}

/// Write `bytes` to `target` under the rules above; `db` is the open database.
pub fn write_new(
    target: &Path,
    bytes: &[u8],
    db: Option<&Path>,
    force: bool,
) -> Result<(), Refusal> {
    check_target(target, db, force)?;
    let mut tmp = temp_beside(target)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Refusal::Io(e.to_string()))?;
    persist(tmp, target, force)
}
