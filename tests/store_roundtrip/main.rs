//! The store through its public API on a temporary database: a meeting from preparation
//! to adjournment, every record read back through `meeting_record`, identical after the
//! file is closed and opened again; plus what `Store::open` refuses, file permissions and
//! the migration path.
//!
//! One test binary, a module per part.

mod damage;
mod meeting;
mod opening;
mod support;
