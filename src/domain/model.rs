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

/// An enumeration stored as TEXT with a CHECK constraint in schema.sql: `as_db` gives the
/// stored spelling, `from_db` reads it back (None for anything the schema would refuse).
macro_rules! db_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const fn as_db(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            pub fn from_db(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_db() == s)
            }
        }
    };
}

db_enum!(
    /// What kind of body meets.
    MeetingKind {
        ResidentsCouncil => "residents_council",
        OwnersAssembly => "owners_assembly",
        OwnersCommittee => "owners_committee",
        PartyBranch => "party_branch",
        ResidentsMeeting => "residents_meeting",
        Other => "other",
    }
);

db_enum!(
    /// A rule by its stable code: which rule, without its parameters (the code is what
    /// the records keep). In the order the item form offers them.
    RuleCode {
        Art278Ordinary => "art278_ordinary",
        Art278Major => "art278_major",
        Elevator => "elevator",
        Committee => "committee",
        ResidentsMeeting => "residents_meeting",
        RobertMajority => "robert_majority",
        RobertTwoThirds => "robert_two_thirds",
        Custom => "custom",
        NoVote => "no_vote",
    }
);

db_enum!(
    /// What a stored signature says its signer was: the meeting's host or secretary,
    /// another member, or the signer of an addendum.
    SignatureRole {
        Host => "host",
        Secretary => "secretary",
        Member => "member",
        Addendum => "addendum",
    }
);

db_enum!(
    /// Who may vote at a meeting: the owners (by unit and area) or a council's members.
    Electorate {
        Owners => "owners",
        Council => "council",
    }
);

db_enum!(
    MeetingStatus {
        Draft => "draft",
        Open => "open",
        Adjourned => "adjourned",
        Signed => "signed",
    }
);

db_enum!(
    Category {
        Elevator => "elevator",
        Gate => "gate",
        Parking => "parking",
        Road => "road",
        Funds => "funds",
        Property => "property",
        Rules => "rules",
        Facility => "facility",
        Followup => "followup",
        Other => "other",
    }
);

db_enum!(
    /// Which part of the roster may vote on an item.
    ScopeKind {
        All => "all",
        Building => "building",
        Unit => "unit",
        Council => "council",
    }
);

db_enum!(
    ItemStatus {
        Pending => "pending",
        Discussing => "discussing",
        Voting => "voting",
        Closed => "closed",
        Withdrawn => "withdrawn",
        // Never taken up: still pending when the meeting adjourned (未审议), distinct
        // from an item finished without a vote (closed, 不表决). Stored as status
        // 'closed' with a row in not_taken_up (schema v5), so it is never read from
        // the status column itself.
        NotTakenUp => "not_taken_up",
    }
);

db_enum!(
    /// A presence event on the meeting's timeline.
    PresenceKind {
        Present => "present",
        Absent => "absent",
        Proxy => "proxy",
        Arrive => "arrive",
        Leave => "leave",
        Recuse => "recuse",
    }
);

db_enum!(
    VoterKind {
        Person => "person",
        Coowners => "coowners",
        Developer => "developer",
        Member => "member",
    }
);

db_enum!(
    CouncilKind {
        ResidentsCouncil => "residents_council",
        OwnersCommittee => "owners_committee",
        PartyBranch => "party_branch",
        Supervisory => "supervisory",
    }
);

impl MeetingKind {
    /// The council whose members vote at a meeting of this kind when its electorate is
    /// a council (PRODUCT.md: each body votes with its own members). Kinds that are not
    /// one council's meeting fall back to the residents' council, as before.
    pub fn council(self) -> CouncilKind {
        match self {
            MeetingKind::OwnersCommittee => CouncilKind::OwnersCommittee,
            MeetingKind::PartyBranch => CouncilKind::PartyBranch,
            MeetingKind::ResidentsCouncil
            | MeetingKind::OwnersAssembly
            | MeetingKind::ResidentsMeeting
            | MeetingKind::Other => CouncilKind::ResidentsCouncil,
        }
    }
}

db_enum!(
    ActionStatus {
        Open => "open",
        Doing => "doing",
        Done => "done",
        Dropped => "dropped",
    }
);

db_enum!(
    /// The form of a meeting (PRODUCT.md "Written consultation"): in the room (集体讨论),
    /// with attendance and a roll call, or by written consultation (书面征求意见), with
    /// ballots served to every voter and collected between an opening and a closing date.
    MeetingForm {
        Collective => "collective",
        Written => "written",
    }
);

db_enum!(
    /// How a ballot reached its voter (指导规则 art. 22: posted on the notice board for
    /// those who cannot be reached).
    DeliveryWay {
        InPerson => "in_person",
        Mailbox => "mailbox",
        Posted => "posted",
    }
);

db_enum!(
    /// Why a returned ballot does not count.
    InvalidReason {
        Unsigned => "unsigned",
        Unreadable => "unreadable",
        SeveralMarks => "several_marks",
        Other => "other",
    }
);

/// The scope of an item: who of the roster may vote on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    pub kind: ScopeKind,
    pub building: String,
    pub unit: String,
}

impl Scope {
    pub fn all() -> Scope {
        Scope {
            kind: ScopeKind::All,
            building: String::new(),
            unit: String::new(),
        }
    }

    /// Whether a unit at (building, unit) lies inside this scope. Council scope is decided
    /// by membership, not by units, so it contains every unit.
    pub fn contains(&self, building: &str, unit: &str) -> bool {
        match self.kind {
            ScopeKind::All | ScopeKind::Council => true,
            ScopeKind::Building => building == self.building,
            ScopeKind::Unit => building == self.building && unit == self.unit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_council_meeting_votes_with_its_own_council() {
        assert_eq!(
            MeetingKind::OwnersCommittee.council(),
            CouncilKind::OwnersCommittee
        );
        assert_eq!(MeetingKind::PartyBranch.council(), CouncilKind::PartyBranch);
        assert_eq!(
            MeetingKind::ResidentsCouncil.council(),
            CouncilKind::ResidentsCouncil
        );
        assert_eq!(MeetingKind::Other.council(), CouncilKind::ResidentsCouncil);
    }
}
