//! The signed minutes: golden bytes of every format, signing and tampering, exports, paper.
//!
//! One test binary, a module per part.

#[path = "../trust_support/mod.rs"]
mod trust_support;
#[path = "../tui_support/mod.rs"]
mod tui_support;
mod golden;
mod golden_v3;
mod md_export;
mod paper_browser;
mod signing;
mod store_v5;
mod tui_print;
