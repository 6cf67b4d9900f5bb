//! Residents' suggestions, cost plans shared by area, and the district report.
//!
//! One test binary, a module per part.

mod cost_share_props;
mod report_figures;
mod suggestions_store;
mod tui_cost_report;
mod tui_suggestions;
#[path = "../tui_support/mod.rs"]
mod tui_support;
