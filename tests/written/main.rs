//! Written consultation (书面征求意见) through the store's public API on a temporary
//! database: the form and its dates, numbered ballots, delivery, entry by number with its
//! refusals, invalid ballots, corrections, extension, closing (early only when confirmed)
//! and the record the minutes are rendered from; the notice of an owners' assembly.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod ballots;
mod cli_print_extension;
mod closing;
mod support;
mod tui_ballots;
mod tui_deliveries;
#[path = "../tui_support/mod.rs"]
mod tui_support;
mod tui_written_close;
mod tui_written_prepare;
mod tui_written_small;
