//! Pure domain code: vote rules, tallies, text safety, minutes rendering, signing.
//! Nothing here knows SQL or the terminal.
pub mod cost;
pub mod followup;
pub mod lang;
pub mod mediation;
pub mod minutes;
pub mod model;
pub mod paper;
pub mod presence;
pub mod record;
pub mod report;
pub mod roster_csv;
pub mod rules;
pub mod signing;
pub mod suggestions;
pub mod text;
pub mod written;
