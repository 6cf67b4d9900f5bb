//! The demo community: 望城小区, three buildings, a residents' council and an owners'
//! committee (业委会, six members, three of them also on the council), one finished
//! meeting with its votes, one draft meeting ready to run, and a written consultation in
//! progress (an elevator for 3栋1单元: ballots printed and served, two thirds returned,
//! one of them invalid). Installing it twice changes nothing.

pub mod community;
pub mod mediation;
pub mod meetings;
pub mod suggestions;

use crate::store::{Result, Store, simulate_clock};

pub use community::{COMMITTEE, COMMUNITY, DEMO_SIGNERS, DEVELOPER};

/// Install the demo if the community is not there yet. Returns whether anything was added.
pub fn install(store: &mut Store) -> Result<bool> {
    if store.community_by_name(COMMUNITY)?.is_some() {
        return Ok(false);
    }
    store.import_roster(COMMUNITY, &community::roster())?;
    community::owners_committee(store)?;
    let result = meetings::past_meeting(store)
        .and_then(|_| meetings::draft_meeting(store))
        .and_then(|_| meetings::written_consultation(store))
        .and_then(|_| crate::demo::mediation::install(store))
        .and_then(|_| crate::demo::suggestions::install(store));
    simulate_clock(None);
    result?;
    Ok(true)
}
