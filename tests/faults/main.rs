//! The fault matrix: storage, terminal, screen, text and signing faults, fuzzed files, input
//! files and memory, each against the real binary or the store.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

#[path = "../faults_support/mod.rs"]
mod faults_support;
mod files_and_input;
mod fuzz;
mod import_memory;
mod screen;
mod signing;
mod storage;
mod store_error_words;
mod terminal;
mod text;
