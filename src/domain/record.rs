//! A meeting's complete record as plain data: what the minutes are rendered from, what a
//! JSON export carries, and what `verify --file` re-renders on another machine.

use serde::{Deserialize, Serialize};

use super::model::{
    Category, Choice, Electorate, ItemStatus, MeetingKind, MeetingStatus, PresenceKind, Scope,
};
use super::rules::{Eligible, Outcome, Rule};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub uid: String,
    pub community: String,
    pub kind: MeetingKind,
    pub electorate: Electorate,
    pub title: String,
    pub starts_at: String,
    pub venue: String,
    pub host: String,
    pub secretary: String,
    pub language: String,
    pub status: MeetingStatus,
    pub opened_at: Option<String>,
    pub adjourned_at: Option<String>,
    pub summary: String,
    /// The presence timeline in the order it was recorded.
    pub presence: Vec<PresenceEvent>,
    pub items: Vec<ItemRecord>,
    pub addenda: Vec<AddendumRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceEvent {
    pub voter_id: i64,
    pub name: String,
    pub kind: PresenceKind,
    pub proxy_name: String,
    pub proxy_ref: String,
    /// For a recusal: the position of the item.
    pub item_position: Option<i64>,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub id: i64,
    pub position: i64,
    pub title: String,
    pub category: Category,
    pub proposer: String,
    pub scope: Scope,
    pub rule: Rule,
    pub status: ItemStatus,
    pub added_late: bool,
    /// Oldest first; the last is the text voted on.
    pub revisions: Vec<Revision>,
    pub remarks: Vec<Remark>,
    pub vote: Option<VoteRecord>,
    pub actions: Vec<ActionRecord>,
}

impl ItemRecord {
    pub fn proposal(&self) -> &str {
        self.revisions.last().map(|r| r.text.as_str()).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub rev: i64,
    pub text: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remark {
    pub speaker: String,
    pub text: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRecord {
    pub opened_at: String,
    pub closed_at: Option<String>,
    /// The frozen list of who could vote, in roster order, with each answer.
    pub ballots: Vec<Ballot>,
    /// The outcome as fixed when the vote was closed.
    pub outcome: Option<Outcome>,
}

impl VoteRecord {
    /// The frozen list in the form the rules take.
    pub fn electorate(&self) -> Vec<Eligible> {
        electorate(&self.ballots)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter_id: i64,
    pub name: String,
    pub area: i64,
    pub present: bool,
    pub proxy_name: String,
    pub proxy_ref: String,
    pub choice: Option<Choice>,
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRecord {
    pub what: String,
    pub who: String,
    pub due: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddendumRecord {
    pub id: i64,
    pub text: String,
    pub at: String,
}

/// A roll call's ballots in the form the rules take (the one place this is done: the
/// store closing a vote, the live tally and the minutes all count the same list).
pub fn electorate(ballots: &[Ballot]) -> Vec<Eligible> {
    ballots
        .iter()
        .map(|b| Eligible {
            voter_id: b.voter_id,
            area: b.area,
            present: b.present,
            choice: b.choice,
        })
        .collect()
}
