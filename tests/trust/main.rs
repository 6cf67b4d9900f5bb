//! Trust: who signed, the signer roster and the pinned keys, on the real binary.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod signers;
#[path = "../trust_support/mod.rs"]
mod trust_support;
mod tui_trust;
