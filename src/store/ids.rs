//! The ids of what the store keeps, one type each, so that a meeting's id cannot be
//! passed where an item's is expected. Each is the row's INTEGER PRIMARY KEY, stored and
//! shown (in messages, exports) as the bare number.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

macro_rules! row_id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

row_id!(
    /// A meeting (`meetings.id`).
    MeetingId
);
row_id!(
    /// An agenda item (`agenda_items.id`).
    ItemId
);
row_id!(
    /// A voter of the roster (`voters.id`): an owner, a resident or a council member.
    VoterId
);
row_id!(
    /// A unit of the roster (`units.id`).
    UnitId
);
row_id!(
    /// A registered signer (`signers.id`).
    SignerId
);
row_id!(
    /// A mediation case (`mediation_cases.id`).
    CaseId
);
row_id!(
    /// A resident's suggestion (`suggestions.id`).
    SuggestionId
);
row_id!(
    /// A community (`communities.id`).
    CommunityId
);
