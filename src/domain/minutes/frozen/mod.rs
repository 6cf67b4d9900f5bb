//! Frozen copies of everything the signed bytes depend on outside the format's own
//! words and layout: text cleaning, Markdown escaping and name masking ([`text`]), the
//! percentage beside a threshold and money formatting ([`numbers`]). They must never
//! change (see each file); the live helpers elsewhere may.

pub(crate) mod numbers;
pub(crate) mod text;
