//! Pure domain code: vote rules, tallies, text safety, minutes rendering, signing.
//! Nothing here knows SQL or the terminal.
//!
//! - `record`, `model`, `lang`: a meeting's record as the store hands it over, and its enums.
//! - `rules`: tallies and pass/fail decisions with their figures; `presence`: who is in
//!   the room now; `followup`: the earlier decisions a next meeting follows up.
//! - `minutes`: the signed minutes, each format version frozen (words, layout, formats).
//! - `signing`: keys, signed statements, the signer roster, verification.
//! - `written`, `mediation`, `suggestions`, `cost`, `report`, `paper`: the other concepts
//!   a community works with (written consultations, disputes, residents' suggestions,
//!   cost sharing, the district report, the paper a host prints); `roster_csv`: reading
//!   a roster file.
//! - `text`: cleaning, width, wrapping, names and Markdown escaping for the screens.
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
