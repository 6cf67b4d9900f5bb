//! The enumerations shared by every layer, with their stable database spellings.

use serde::{Deserialize, Serialize};

/// One voter's answer in a roll-call vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
    Recused,
    NotVoting,
}

impl Choice {
    pub const ALL: [Choice; 5] = [
        Choice::Yes,
        Choice::No,
        Choice::Abstain,
        Choice::Recused,
        Choice::NotVoting,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
            Choice::Recused => "recused",
            Choice::NotVoting => "not_voting",
        }
    }

    pub fn from_db(s: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|c| c.as_db() == s)
    }
}
