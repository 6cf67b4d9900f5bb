//! The host's whole meeting on ratatui's TestBackend: keys in, screen and database
//! checked at each step.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod meeting;
mod roster;
mod screens;
mod support;
