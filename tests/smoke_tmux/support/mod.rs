//! Shared set-up of the smoke tests.

pub use data::*;
pub use tmux::*;

mod data;
mod tmux;
