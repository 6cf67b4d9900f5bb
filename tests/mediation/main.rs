//! Mediation: cases in the store, their agreements signed, exchanged and verified, on screen
//! and on the command line.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod cli;
mod report_mediation;
mod store;
mod trust;
mod tui_mediation;
