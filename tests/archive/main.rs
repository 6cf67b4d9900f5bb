//! The secretary's archive: search (Chinese words of one, two and more characters,
//! English words, nothing false), filters that combine (store and `minutes list`), a
//! backup taken while a roll call is running, and gathering exported minutes with
//! `yishi import` (identical minutes, idempotent, tampered files refused, a district
//! gathering two communities). One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod backup;
mod district;
mod exchange;
mod search;
mod support;
