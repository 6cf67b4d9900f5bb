//! What a form hands to the screen under it (`Nav::Deliver`, `Screen::deliver`): a
//! value that changes the screen's own view (a search, a filter, a jump) rather than
//! the store. Each screen takes the kinds it asked for and leaves the others.

use crate::store::archive::ArchiveFilter;
use crate::store::mediation::CaseFilter;

pub enum Delivered {
    /// The archive's search words.
    ArchiveSearch(String),
    /// The archive's filter (its search and open meetings are kept as they were).
    ArchiveFilter(ArchiveFilter),
    /// The roster's search words.
    RosterSearch(String),
    /// The case list's filter.
    CaseFilter(CaseFilter),
    /// The deliveries list narrowed to a name, unit or number.
    DeliveriesFind(String),
    /// The roll call's jump to a voter, by a part of a name or unit.
    VoteJump(String),
    /// A proxy was recorded from the attendance: show it and go on to the next row.
    ProxyRecorded,
    /// The report summary's year, or every year.
    SummaryYear(Option<i32>),
}
