//! The meeting in the room: the host's screens, the record they keep (who may answer, corrections),
//! drafts, the follow-up item, the lock triggers and the vote rules' properties.
//!
//! One test binary, a module per part.

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
