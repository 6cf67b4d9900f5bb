//! Mediation: cases in the store, their agreements signed, exchanged and verified, on screen
//! and on the command line.
//!
//! One test binary, a module per part.

mod cli;
mod report_mediation;
mod store;
mod trust;
mod tui_mediation;
