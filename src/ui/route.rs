//! A screen to open, named by what it shows and its arguments: what screens and forms
//! hand to `Nav::Open` instead of building another screen. The app turns a route into
//! its screen (ui::screens::open), so no screen or form imports another screen.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A draft meeting's preparation.
    Prepare {
        meeting: i64,
    },
    /// A running meeting's agenda.
    Agenda {
        meeting: i64,
    },
    Attendance {
        meeting: i64,
    },
    /// An item under discussion.
    Discussion {
        item: i64,
    },
    /// An item's vote: its roll call, or its fixed outcome once closed.
    Vote {
        item: i64,
    },
    /// An item's cost plan.
    Cost {
        item: i64,
    },
    Minutes {
        meeting: i64,
    },
    /// The minutes opened at the first line holding `words` (the archive's search).
    MinutesAt {
        meeting: i64,
        words: String,
    },
    /// A running written consultation's own screen.
    Written {
        meeting: i64,
    },
    /// A written consultation's ballot entry.
    Ballots {
        meeting: i64,
    },
    Deliveries {
        meeting: i64,
    },
    Roster {
        community: i64,
    },
    /// The board of actions.
    Actions,
    Archive,
    /// The report's summary.
    Summary,
    Suggestions {
        community: Option<i64>,
    },
    /// The mediation case list.
    Cases {
        community: Option<i64>,
    },
    Case {
        case: i64,
    },
}
