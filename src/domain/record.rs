//! A meeting's complete record as plain data: what the minutes are rendered from, what a
//! JSON export carries, and what `verify --file` re-renders on another machine.

use serde::{Deserialize, Serialize};

use crate::domain::model::{
    Category, Choice, DeliveryWay, Electorate, InvalidReason, ItemStatus, MeetingKind,
    MeetingStatus, PresenceKind, Scope,
};
use crate::domain::rules::{Eligible, Outcome, Rule, RuleKind};
use crate::domain::suggestions::ItemCivic;

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
    /// How the meeting was held and notified, where the minutes have to say it (a
    /// written consultation, a short notice). Left out of the JSON when there is nothing
    /// to say, so the record of a room meeting reads as before.
    #[serde(default, skip_serializing_if = "FormFacts::is_plain")]
    pub form: FormFacts,
}

/// The facts of a meeting's form and notice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFacts {
    /// Held by written consultation (书面征求意见); None for a meeting in the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<WrittenRecord>,
    /// An owners' assembly opened less than 15 days after its notice, confirmed so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_notice: Option<ShortNotice>,
}

impl FormFacts {
    pub fn is_plain(&self) -> bool {
        self.written.is_none() && self.short_notice.is_none()
    }
}

/// A written consultation's ballots, as the minutes print them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenRecord {
    /// YYYY-MM-DD.
    pub opens_on: String,
    /// The closing date as first announced; extensions follow.
    pub closes_on: String,
    /// Ballots issued (one per voter of the consultation's scopes) and their area.
    pub ballots: i64,
    pub area: i64,
    /// Ballots served, by way: (way, count), in `DeliveryWay` order.
    pub served: Vec<(DeliveryWay, i64)>,
    pub returned: i64,
    pub returned_area: i64,
    pub valid: i64,
    pub valid_area: i64,
    /// The invalid ballots with their reasons, in the order entered.
    pub invalid: Vec<InvalidBallot>,
    pub extensions: Vec<Extension>,
    /// When the consultation was closed, and whether before its closing date.
    pub closed_at: Option<String>,
    pub closed_early: bool,
}

impl WrittenRecord {
    /// The closing date in force: the last extension's, else the first.
    pub fn deadline(&self) -> &str {
        self.extensions
            .last()
            .map(|e| e.to.as_str())
            .unwrap_or(&self.closes_on)
    }

    pub fn served_total(&self) -> i64 {
        // Saturating: a forged file's counts must not overflow.
        self.served
            .iter()
            .map(|(_, n)| *n)
            .fold(0, i64::saturating_add)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidBallot {
    pub name: String,
    pub reason: InvalidReason,
    /// Free text beside the reason (may be empty).
    pub note: String,
    pub at: String,
}

/// 延期: the closing date moved, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub from: String,
    pub to: String,
    pub reason: String,
    pub at: String,
}

/// Notice given fewer days before the opening than the law asks, and the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortNotice {
    pub noticed_on: String,
    pub opens_on: String,
    pub days: i64,
    pub confirmed_at: String,
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
    /// Its source (a resident's suggestion) and cost plan, printed in format V3.
    #[serde(default, skip_serializing_if = "ItemCivic::is_empty")]
    pub civic: ItemCivic,
}

impl ItemRecord {
    pub fn proposal(&self) -> &str {
        self.revisions.last().map(|r| r.text.as_str()).unwrap_or("")
    }

    /// Never taken up: the meeting adjourned before it (printed 未审议, not 不表决).
    pub fn not_taken_up(&self) -> bool {
        self.status == ItemStatus::NotTakenUp
    }

    /// The voters recorded as recused from this item (from the presence timeline, in the
    /// order recorded), once each.
    pub fn recusals<'a>(&self, presence: &'a [PresenceEvent]) -> Vec<&'a PresenceEvent> {
        let mut out: Vec<&PresenceEvent> = Vec::new();
        for e in presence {
            if e.kind == PresenceKind::Recuse
                && e.item_position == Some(self.position)
                && !out.iter().any(|o| o.voter_id == e.voter_id)
            {
                out.push(e);
            }
        }
        out
    }

    /// The base the rule used for recused members; None when nobody recused or the rule
    /// has no recusal (art. 278).
    pub fn recusal_base(&self, presence: &[PresenceEvent]) -> Option<RecusalBase> {
        if !self.rule.kind.allows_recusal() || self.recusals(presence).is_empty() {
            return None;
        }
        Some(if self.rule.recused_leave_base() {
            RecusalBase::WithoutRecused
        } else {
            RecusalBase::AllMembers
        })
    }

    /// The elevator rule's shaft owners with their answers (see `shaft_condition`).
    pub fn shaft_condition(&self) -> Option<ShaftCondition> {
        shaft_condition(
            &self.rule,
            self.vote.as_ref().map(|v| v.ballots.as_slice())?,
        )
    }

    /// Every answer changed on purpose during the roll call: (voter's name, correction).
    pub fn corrections(&self) -> Vec<(&str, &Correction)> {
        let Some(v) = &self.vote else {
            return Vec::new();
        };
        v.ballots
            .iter()
            .flat_map(|b| b.corrections.iter().map(move |c| (b.name.as_str(), c)))
            .collect()
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
    /// Changes of a recorded answer, oldest first (PRODUCT.md: the minutes print the first
    /// answer, the new one and the time). `choice` is the answer as it stands after the
    /// last one; the first answer is `corrections[0].from`. Empty in records written
    /// before schema v5, and then left out of the JSON so an export reads as it did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

impl Ballot {
    /// The answer first recorded, before any correction.
    pub fn first_choice(&self) -> Option<Choice> {
        self.corrections.first().map(|c| c.from).or(self.choice)
    }
}

/// One deliberate change of a recorded answer ("王伟：同意 → 反对，10:32 更正").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub from: Choice,
    pub to: Choice,
    pub at: String,
}

/// The elevator rule's condition that the owners whose units the shaft occupies agree,
/// with each owner's answer (PRODUCT.md; shown wherever the rule's figures are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShaftCondition {
    pub owners: Vec<ShaftOwner>,
    /// Every shaft owner answered 同意.
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShaftOwner {
    pub voter_id: i64,
    /// The name on the frozen list (the id as text when not on it).
    pub name: String,
    /// Their answer as it stands (None: not answered yet).
    pub choice: Option<Choice>,
}

/// The shaft owners' condition of an elevator rule over a roll call's ballots; None for
/// other rules or an elevator rule without shaft owners.
pub fn shaft_condition(rule: &Rule, ballots: &[Ballot]) -> Option<ShaftCondition> {
    let RuleKind::Elevator { shaft_voters, .. } = &rule.kind else {
        return None;
    };
    let mut owners: Vec<ShaftOwner> = Vec::new();
    for &id in shaft_voters {
        if owners.iter().any(|o| o.voter_id == id) {
            continue;
        }
        let b = ballots.iter().find(|b| b.voter_id == id);
        owners.push(ShaftOwner {
            voter_id: id,
            name: b.map(|b| b.name.clone()).unwrap_or_else(|| id.to_string()),
            choice: b.and_then(|b| b.choice),
        });
    }
    if owners.is_empty() {
        return None;
    }
    let met = owners.iter().all(|o| o.choice == Some(Choice::Yes));
    Some(ShaftCondition { owners, met })
}

/// Which base a council's rule used for recused members (the minutes name it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecusalBase {
    /// Recused members stayed in the base of all members (the default).
    AllMembers,
    /// The rule's setting took them out of the base.
    WithoutRecused,
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
