//! A screen to open, named by what it shows and its arguments: what screens and forms
//! hand to `Nav::Open` instead of building another screen. The app turns a route into
//! its screen (ui::screens::open), so no screen or form imports another screen.

use crate::store::ids::{CaseId, CommunityId, ItemId, MeetingId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A draft meeting's preparation.
    Prepare {
        meeting: MeetingId,
    },
    /// A running meeting's agenda.
    Agenda {
        meeting: MeetingId,
    },
    Attendance {
        meeting: MeetingId,
    },
    /// An item under discussion.
    Discussion {
        item: ItemId,
    },
    /// An item's vote: its roll call, or its fixed outcome once closed.
    Vote {
        item: ItemId,
    },
    /// An item's cost plan.
    Cost {
        item: ItemId,
    },
    Minutes {
        meeting: MeetingId,
    },
    /// The minutes opened at the first line holding `words` (the archive's search).
    MinutesAt {
        meeting: MeetingId,
        words: String,
    },
    /// A running written consultation's own screen.
    Written {
        meeting: MeetingId,
    },
    /// A written consultation's ballot entry.
    Ballots {
        meeting: MeetingId,
    },
    Deliveries {
        meeting: MeetingId,
    },
    Roster {
        community: CommunityId,
    },
    /// The board of actions.
    Actions,
    Archive,
    /// The report's summary.
    Summary,
    Suggestions {
        community: Option<CommunityId>,
    },
    /// The mediation case list.
    Cases {
        community: Option<CommunityId>,
    },
    Case {
        case: CaseId,
    },
}
