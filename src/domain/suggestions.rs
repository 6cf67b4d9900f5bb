//! Residents' suggestions (居民意见) and what an item carries of them and of its cost
//!: the plain data the store reads and the minutes print.

use serde::{Deserialize, Serialize};

use crate::domain::cost::{CostPlan, UnitShare};

/// How a suggestion reached the compound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Box,
    Wechat,
    Door,
    Phone,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Box,
        Channel::Wechat,
        Channel::Door,
        Channel::Phone,
        Channel::Other,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            Channel::Box => "box",
            Channel::Wechat => "wechat",
            Channel::Door => "door",
            Channel::Phone => "phone",
            Channel::Other => "other",
        }
    }

    pub fn from_db(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_db() == s)
    }
}

/// Where a suggestion stands. `Decided` follows from its item's closed vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStatus {
    New,
    Acknowledged,
    Answered,
    HandedOver,
    OnAgenda,
    Decided,
    Done,
    Closed,
}

impl SuggestionStatus {
    pub const ALL: [SuggestionStatus; 8] = [
        SuggestionStatus::New,
        SuggestionStatus::Acknowledged,
        SuggestionStatus::Answered,
        SuggestionStatus::HandedOver,
        SuggestionStatus::OnAgenda,
        SuggestionStatus::Decided,
        SuggestionStatus::Done,
        SuggestionStatus::Closed,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            SuggestionStatus::New => "new",
            SuggestionStatus::Acknowledged => "acknowledged",
            SuggestionStatus::Answered => "answered",
            SuggestionStatus::HandedOver => "handed_over",
            SuggestionStatus::OnAgenda => "on_agenda",
            SuggestionStatus::Decided => "decided",
            SuggestionStatus::Done => "done",
            SuggestionStatus::Closed => "closed",
        }
    }

    pub fn from_db(s: &str) -> Option<SuggestionStatus> {
        SuggestionStatus::ALL.into_iter().find(|c| c.as_db() == s)
    }

    /// Still waiting for the compound to act: the list counts its days.
    pub fn waiting(self) -> bool {
        matches!(self, SuggestionStatus::New | SuggestionStatus::Acknowledged)
    }

    /// The first response to the resident: the "days to answer" of the report end here.
    pub fn is_response(self) -> bool {
        !matches!(self, SuggestionStatus::New | SuggestionStatus::Acknowledged)
    }
}

/// An item's source (来源): the suggestion's number and the day it was raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSource {
    pub number: i64,
    /// YYYY-MM-DD.
    pub raised_on: String,
}

/// An item's cost plan with the allocation shown before the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemCost {
    pub plan: CostPlan,
    /// Per unit, in roster order; their sum and the fixed shares make the total.
    pub shares: Vec<UnitShare>,
}

/// What an item's record carries of a suggestion and a cost plan; empty for most items, and then left out of
/// the JSON so older records read and write as before.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemCivic {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ItemSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<ItemCost>,
}

impl ItemCivic {
    pub fn is_empty(&self) -> bool {
        self.source.is_none() && self.cost.is_none()
    }
}

/// Whole days from `from` to `to` (both YYYY-MM-DD); None when either is not a date.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    let a = chrono::NaiveDate::parse_from_str(from.get(..10)?, "%Y-%m-%d").ok()?;
    let b = chrono::NaiveDate::parse_from_str(to.get(..10)?, "%Y-%m-%d").ok()?;
    Some((b - a).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(days_between("2026-03-02", "2026-03-12"), Some(10));
        assert_eq!(
            days_between("2026-03-02", "2026-03-12T09:00:00+08:00"),
            Some(10)
        );
        assert_eq!(days_between("x", "2026-03-12"), None);
    }

    #[test]
    fn statuses_round_trip() {
        for s in SuggestionStatus::ALL {
            assert_eq!(SuggestionStatus::from_db(s.as_db()), Some(s));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_db(c.as_db()), Some(c));
        }
    }
}
