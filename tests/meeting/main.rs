//! The meeting in the room: the host's screens, the record they keep (who may answer, corrections),
//! drafts, the follow-up item, the lock triggers and the vote rules' properties.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod drafts_tmux;
mod followup_quotes;
mod props;
mod record_right;
mod schema_locks;
mod tui_custom_rule;
mod tui_drafts;
mod tui_feedback;
mod tui_host;
mod tui_reads;
mod tui_record;
#[path = "../tui_support/mod.rs"]
mod tui_support;
