//! The host's whole meeting on ratatui's TestBackend: keys in, screen and database
//! checked at each step.
//!
//! One test binary, a module per part.

mod meeting;
mod roster;
mod screens;
mod support;
