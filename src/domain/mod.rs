//! Pure domain code: vote rules, tallies, text safety, minutes rendering, signing.
//! Nothing here knows SQL or the terminal.
pub mod model;
pub mod rules;
pub mod signing;
pub mod text;
