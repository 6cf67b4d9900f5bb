//! The signed body rendered from the record, in a meeting's language and format
//! version, section by section; and the figures of an outcome as the current format
//! prints them (the vote screens show the same lines).

use crate::domain::lang::Lang;
use crate::domain::minutes::layout;
use crate::domain::minutes::{MinutesFormat, Section, meeting_lang};
use crate::domain::record::MeetingRecord;
use crate::domain::rules::Check;

/// The figures of an outcome as the current format prints them, one line per kind of
/// check (the vote screens show the same lines).
pub fn fmt_checks(l: Lang, checks: &[Check]) -> Vec<String> {
    layout::fmt_checks(MinutesFormat::CURRENT.words(), l, checks)
}

/// One check as the current format prints it.
pub fn fmt_check(l: Lang, c: &Check) -> String {
    layout::fmt_check(MinutesFormat::CURRENT.words(), l, c)
}

/// The body of the minutes in `lang` and `format`, section by section. Concatenated they
/// are [`render`].
pub fn sections(rec: &MeetingRecord, lang: Lang, format: MinutesFormat) -> Vec<(Section, String)> {
    layout::sections(format.words(), rec, lang)
}

/// The minutes body as Markdown in `lang` and `format`. What is signed is
/// `render(rec, meeting_lang(rec), MinutesFormat::CURRENT)` ([`signed_body`]).
pub fn render(rec: &MeetingRecord, lang: Lang, format: MinutesFormat) -> String {
    sections(rec, lang, format)
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

/// The exact text a new signature hashes and signs: the body in the meeting's language,
/// in the current format.
pub fn signed_body(rec: &MeetingRecord) -> String {
    signed_body_as(rec, MinutesFormat::CURRENT)
}

/// The body as signed in `format` (what `verify` compares a stored minutes with).
pub fn signed_body_as(rec: &MeetingRecord, format: MinutesFormat) -> String {
    render(rec, meeting_lang(rec), format)
}
