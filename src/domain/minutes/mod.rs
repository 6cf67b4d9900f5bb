//! The minutes: rendered deterministically from a [`MeetingRecord`] (same record, same
//! bytes), as Markdown, in sections so that verification can name the part of the record
//! that changed.
//!
//! What is signed is the **body**: [`render`](body::render) in the meeting's own language
//! ([`meeting_lang`]). The body holds everything the meeting recorded (header,
//! attendance, every item with its proposal and revisions, remarks, the frozen roll call by
//! answer, every figure of the rule, action items, the summary). It does **not** hold the
//! meeting's status, the addenda or the signatures: those come after signing, so they are
//! appended for display by [`render_document`]. An addendum is signed on its own (see
//! [`addendum_bytes`]).
//!
//! # The signed format is versioned and frozen
//!
//! `verify` re-renders every signed minutes from the records and compares byte for byte,
//! years after the signing. So the body's words, its number, date and list formats
//! (`v1_format`) and its layout (`layout`) are a **format version**, [`MinutesFormat`],
//! recorded with each signed minutes, and `verify` renders each with the version it was
//! signed with. They live here, not in `strings`: rewording a screen can never touch them.
//!
//! **The edge of the frozen format.** Each version's words and data style are one type
//! implementing `words::Words` (`v1_words`, `v2_words`, `v3_words`), chosen by
//! [`MinutesFormat::words`]; the layout calls through it and has no version branches.
//! Everything else the signed bytes depend on (text cleaning, Markdown escaping, name
//! masking, number, money and area formatting) is a frozen copy in `frozen` and
//! `v1_format`, so the helpers the screens use may change freely. This folder imports no
//! other part of the domain than the record model and the rule outcomes (a unit test in
//! `tests/boundary.rs` reads the sources to hold it so).
//!
//! **A new wording or layout is a new version.** V2 was added this way and V3 after it:
//! [`MinutesFormat::CURRENT`] points at the newest (new signatures use it), and a change
//! is made for that version only: a new `vN_words.rs` implementing `Words` (delegating to
//! the previous version for what it keeps), and a copy in `frozen` of any helper whose
//! output changes. A released version's words, formats and output never change;
//! `tests/minutes/golden*.rs` fail on one changed byte of the committed V1, V2 and V3
//! fixtures.

pub mod body;
pub mod diff;
pub mod document;
mod frozen;
mod layout;
pub mod markup;
#[cfg(test)]
mod tests;
mod v1_format;
mod v1_words;
mod v2_words;
mod v3_words;
pub(crate) mod words;
pub mod written;

use crate::domain::lang::Lang;
use crate::domain::minutes::v1_words::V1Words;
use crate::domain::minutes::v2_words::V2Words;
use crate::domain::minutes::v3_words::V3Words;
use crate::domain::minutes::words::Words;
use crate::domain::record::MeetingRecord;

/// The version of the signed minutes' words and layout (stored with each signed
/// minutes as its number, see [`MinutesFormat::as_db`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MinutesFormat {
    /// The format of every minutes signed up to schema version 4.
    V1,
    /// Data escaped for Markdown, percentages that agree with the verdict, corrected
    /// answers, recusals and their base, items not taken up, the shaft owners' answers
    /// (see `v2_words`).
    V2,
    /// Released with schema version 12: V2 and an item's source and its cost plan per
    /// unit (see `v3_words`). Frozen like V1 and V2: the committed V3
    /// fixtures (`tests/minutes/golden_v3.rs`) must render byte for byte.
    V3,
}

impl MinutesFormat {
    /// The format new signatures render with.
    pub const CURRENT: MinutesFormat = MinutesFormat::V3;

    pub fn as_db(self) -> i64 {
        match self {
            MinutesFormat::V1 => 1,
            MinutesFormat::V2 => 2,
            MinutesFormat::V3 => 3,
        }
    }

    /// `None` for a number this version does not know (minutes from a newer release).
    pub fn from_db(n: i64) -> Option<MinutesFormat> {
        match n {
            1 => Some(MinutesFormat::V1),
            2 => Some(MinutesFormat::V2),
            3 => Some(MinutesFormat::V3),
            _ => None,
        }
    }

    /// This version's data style and the parts it adds to the common layout.
    pub(crate) fn words(self) -> &'static dyn Words {
        match self {
            MinutesFormat::V1 => &V1Words,
            MinutesFormat::V2 => &V2Words,
            MinutesFormat::V3 => &V3Words,
        }
    }
}

/// A part of the minutes, named in verification reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Section {
    Header,
    Attendance,
    Item {
        position: i64,
        title: String,
        part: ItemPart,
    },
    Summary,
}

/// A part of one agenda item's section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ItemPart {
    /// Title, category, proposer, scope, rule.
    Heading,
    /// The proposal text and its revisions.
    Proposal,
    Remarks,
    /// The roll call by name, the figures and the outcome.
    Vote,
    Actions,
}

/// The language the minutes of this meeting are written (and signed) in.
pub fn meeting_lang(rec: &MeetingRecord) -> Lang {
    Lang::parse(&rec.language).unwrap_or(Lang::Zh)
}
