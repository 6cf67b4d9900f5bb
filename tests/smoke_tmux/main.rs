//! Smoke tests in a real terminal: the real binary runs inside tmux (a private server per
//! test, `tmux -L <unique name>`, 100×30), keys go in with `send-keys`, the screen comes
//! back with `capture-pane`. They check what only a real terminal shows: a roll call
//! survives `kill -9` answer by answer and resumes at the next voter; Ctrl-C and SIGTERM
//! both give the terminal back (canonical mode, echo, main screen, cursor); a hang-up
//! (the terminal closed) ends the program instead of leaving it spinning.
//!
//! tmux is required: without it these tests fail, unless `YISHI_SKIP_TMUX=1` is set.
//!
//! One test binary, a module per part.

// A test (or a developer tool) may unwrap and be long: a failed unwrap is a failed run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]
#![cfg(unix)]

mod kill9;
mod signals;
mod support;
mod too_small;
