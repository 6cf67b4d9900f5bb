//! The store through its public API on a temporary database: a meeting from preparation
//! to adjournment, every record read back through `meeting_record`, identical after the
//! file is closed and opened again; plus what `Store::open` refuses, file permissions and
//! the migration path.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod damage;
mod meeting;
mod opening;
mod support;
