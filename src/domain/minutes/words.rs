//! What the minutes' format versions write differently, behind one trait: each version
//! implements [`Words`] in its own file (`v1_words`, `v2_words`, `v3_words`) and
//! [`MinutesFormat::words`](crate::domain::minutes::MinutesFormat::words) picks it. The
//! layout calls through it and never asks which version it is writing.

use crate::domain::lang::Lang;
use crate::domain::record::{ItemRecord, MeetingRecord, VoteRecord};
use crate::domain::rules::{Check, Outcome};

/// A word of the minutes in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct W(pub(crate) &'static str, pub(crate) &'static str);

impl W {
    pub(crate) fn get(self, l: Lang) -> &'static str {
        match l {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

/// One format version's data style and the parts it adds to the common layout. A
/// released version's implementation never changes.
pub(crate) trait Words: Sync {
    /// One line of data (a name, a title, a place) as this version writes it.
    fn data(&self, s: &str) -> String;
    /// Multi-line data (a proposal, the summary) as a Markdown block quote.
    fn block(&self, text: &str) -> String;
    /// Multi-line data inside a list item (a remark).
    fn continued(&self, text: &str) -> String;
    /// Whether the data in this version's Markdown is escaped, so that a converter to
    /// HTML or text must unescape it.
    fn escaped(&self) -> bool;
    /// The percentage of a check, printed beside its threshold.
    fn percent(&self, c: &Check) -> String;
    /// The section in the attendance's place; `attendance` renders the roll call.
    fn presence(&self, rec: &MeetingRecord, l: Lang, attendance: &dyn Fn() -> String) -> String;
    /// Lines under an item's heading after "added late" and "withdrawn".
    fn heading_notes(&self, o: &mut String, it: &ItemRecord, l: Lang);
    /// Fields under an item's heading after its rule.
    fn heading_fields(&self, o: &mut String, it: &ItemRecord, l: Lang);
    /// What follows the proposal and its revisions; `masked` for the public notice.
    fn after_proposal(&self, it: &ItemRecord, l: Lang, masked: bool) -> String;
    /// The vote part of an item that had no vote.
    fn no_vote(&self, it: &ItemRecord, l: Lang) -> &'static str;
    /// After the answers by choice: corrected answers and recusals.
    fn after_answers(&self, o: &mut String, rec: &MeetingRecord, it: &ItemRecord, l: Lang);
    /// After an outcome's figures: the elevator rule's shaft owners; `masked` for the
    /// public notice.
    fn shaft(
        &self,
        o: &mut String,
        it: &ItemRecord,
        v: &VoteRecord,
        out: &Outcome,
        l: Lang,
        masked: bool,
    );
}
