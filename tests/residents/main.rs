//! Residents' suggestions, cost plans shared by area, and the district report.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod cost_share_props;
mod report_figures;
mod suggestions_store;
mod tui_cost_report;
mod tui_suggestions;
#[path = "../tui_support/mod.rs"]
mod tui_support;
