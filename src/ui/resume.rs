//! The ways back into a running meeting, from Home or when the program starts: its
//! screens by route, read from where the store says the meeting was left.

use crate::domain::model::{ItemStatus, MeetingStatus};
use crate::store::ids::MeetingId;
use crate::store::meetings::ItemRow;
use crate::ui::ctx::Ctx;
use crate::ui::nav::Nav;
use crate::ui::route::Route;

/// The screen for an item in its present state: its vote, or its discussion.
pub fn item_route(ctx: &mut Ctx, it: &ItemRow) -> Route {
    match it.status {
        ItemStatus::Voting => Route::Vote { item: it.id },
        ItemStatus::Closed if ctx.store_do(|st| st.closure(it.id)).flatten().is_some() => {
            Route::Vote { item: it.id }
        }
        _ => Route::Discussion { item: it.id },
    }
}

/// Return to an open meeting where it was left: its agenda, and the item (and the voter
/// of a roll call) that was current.
pub fn resume(ctx: &mut Ctx, meeting: MeetingId) -> Nav {
    let Some(m) = ctx.store_do(|st| st.meeting(meeting)) else {
        return Nav::Stay;
    };
    if m.status != MeetingStatus::Open {
        return Nav::Stay;
    }
    let mut routes = vec![Route::Agenda { meeting }];
    let current = match m.current_item {
        Some(id) => ctx.store_do(|st| st.item(id)),
        None => None,
    };
    if let Some(it) = current
        && matches!(it.status, ItemStatus::Voting | ItemStatus::Discussing)
    {
        routes.push(item_route(ctx, &it));
    }
    Nav::Reset(routes)
}

/// Open a running written consultation: its screen, with the ballot entry on top (what
/// the secretary does most); Esc shows the progress.
pub fn open_written(meeting: MeetingId) -> Nav {
    Nav::Reset(vec![Route::Written { meeting }, Route::Ballots { meeting }])
}
