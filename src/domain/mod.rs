//! Pure domain code: vote rules, tallies, text safety, minutes rendering, signing.
//! Nothing here knows SQL or the terminal.
pub mod ballot_number;
pub mod civic;
pub mod clean_bundle;
pub mod cost_share;
pub mod figures;
pub mod followup;
pub mod lang;
pub mod md_escape;
pub mod minutes;
pub mod model;
pub mod names;
pub mod paper;
pub mod presence;
pub mod record;
pub mod report;
pub mod roster_csv;
pub mod rules;
pub mod search_text;
pub mod signer_roster;
pub mod signing;
pub mod statement;
pub mod text;
pub mod verify;
pub mod wrap;
pub mod written;
pub mod written_minutes;
