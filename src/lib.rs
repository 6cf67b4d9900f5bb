//! yishi (议事): a residential community's consultation meeting in the terminal.
pub mod cli;
pub mod demo;
pub mod domain;
pub mod export;
pub mod files;
pub mod paper;
pub mod report;
pub mod store;
pub mod strings;
pub mod ui;
