//! Every user-facing string, in Chinese and English. Screens and commands take their
//! words from here, never from literals of their own.

pub mod cli;
pub mod dialog;
pub mod files;
pub mod forms;
pub mod mediation;
mod refusal;
pub mod roll_call;
pub mod room;
pub mod suggestions;
pub mod trust;
pub mod ui;
mod verify;
pub mod written;
pub mod written_ui;

pub mod import;
pub mod meeting;
pub mod store_error;
mod tr;

pub use refusal::refusal;
pub use verify::{problem, section_name, verify_line};

pub use cli::*;
pub use import::import_refusal;
pub use meeting::*;
pub use store_error::store_error;
pub use tr::{Lang, Tr};
