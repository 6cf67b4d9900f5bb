//! The signed minutes: golden bytes of every format, signing and tampering, exports, paper.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod golden;
mod golden_v3;
mod md_export;
mod paper_browser;
mod signing;
mod store_v5;
#[path = "../trust_support/mod.rs"]
mod trust_support;
mod tui_print;
#[path = "../tui_support/mod.rs"]
mod tui_support;
