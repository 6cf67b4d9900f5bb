//! Trust: who signed, the signer roster and the pinned keys, on the real binary.
//!
//! One test binary, a module per part.

mod signers;
#[path = "../trust_support/mod.rs"]
mod trust_support;
mod tui_trust;
