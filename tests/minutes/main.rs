//! The signed minutes: golden bytes of every format, signing and tampering, exports, paper.
//!
//! One test binary, a module per part.

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
