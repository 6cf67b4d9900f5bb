//! The foundation's acceptance list (issue 2), driven through the real binary:
//! `--help`, `demo --no-tui`, `minutes list --json`, refusing files that are not ours
//! (exit 2, one sentence, the file byte-for-byte unchanged), `roster import` all or
//! nothing, and exit codes of the command line.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod cli_language;
mod cli_refusals;
mod exit_codes;
mod help_demo;
mod not_ours;
mod roster_import;
mod support;
