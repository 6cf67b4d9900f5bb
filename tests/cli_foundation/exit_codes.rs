//! Exit codes of the command line, the default database's folder, a closed pipe.

use super::support::*;

// ---------------------------------------------------------------------------------------
// exit codes

#[test]
fn unknown_commands_and_flags_exit_2() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("x.db");
    for args in [
        &["frobnicate"][..],
        &["minutes", "list", "--frob"],
        &["minutes", "frob"],
        &["roster"],
        &["--lang", "fr", "minutes", "list"],
        &["export", "not-a-number", "--format", "md"],
        &["export", "1", "--format", "pdf"],
    ] {
        let o = yishi(dir.path(), &db, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_command_not_built_yet_says_so_plainly() {
    // `backup` comes with its own issue; until then it must say so (exit 2). Once it
    // exists this still holds: no panic, no crash exit code.
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    let dest = dir.path().join("copy.db");
    let o = yishi(dir.path(), &db, &["backup", dest.to_str().unwrap()]);
    let code = o.status.code();
    assert!(code.is_some() && code != Some(101), "{code:?}");
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    if code == Some(2) {
        assert_refused(&o, "backup not yet available");
    } else {
        assert_eq!(code, Some(0), "{err}");
    }
}

#[test]
fn the_default_database_is_created_in_a_data_folder_that_does_not_exist_yet() {
    // A fresh machine: no data folder for yishi yet. `yishi demo` must create it.
    let dir = TempDir::new().unwrap();
    let o = Command::new(BIN)
        .args(["demo", "--no-tui"])
        .current_dir(dir.path())
        .env("LANG", "en_US.UTF-8")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("fresh").join("share"))
        .env_remove("YISHI_DB")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    fn find(dir: &Path) -> Option<PathBuf> {
        for e in fs::read_dir(dir).ok()? {
            let p = e.ok()?.path();
            if p.is_dir() {
                if let Some(f) = find(&p) {
                    return Some(f);
                }
            } else if p.file_name().is_some_and(|n| n == "yishi.db") {
                return Some(p);
            }
        }
        None
    }
    let db = find(dir.path()).expect("yishi.db created under the data folder");
    assert!(
        stdout(&o).contains(&db.display().to_string()),
        "prints the path"
    );
    assert_eq!(count(&db, "meetings"), 3);
}

#[test]
fn a_database_in_a_folder_still_to_be_created_is_created() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("a").join("b").join("new.db");
    let o = yishi(dir.path(), &db, &["demo", "--no-tui"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(db.exists());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // `yishi minutes show 1 | head -1`: the reader goes away before yishi writes.
    let dir = TempDir::new().unwrap();
    let db = demo_db(dir.path());
    for args in [
        vec!["minutes", "show", "1"],
        vec!["minutes", "list", "--json"],
        vec!["verify"],
    ] {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(&args)
            .env("RUST_BACKTRACE", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{args:?}: {err}"
        );
        assert_ne!(out.status.code(), Some(101), "{args:?}");
    }
}
