//! The one place a `Route` becomes its screen, loaded from the store. Only the app
//! imports this file: screens and forms name the screen to open by its route.

use crate::ui::ctx::Ctx;
use crate::ui::route::Route;
use crate::ui::screen::Screen;
use crate::ui::screens::{
    actions, agenda, archive, attendance, ballots, cost, deliveries, item, mediation_case,
    mediation_list, minutes, prepare, roster, suggestions, summary, vote, written,
};

/// The screen `route` names, loaded now (a failed read is told on the message line).
pub fn open(ctx: &mut Ctx, route: Route) -> Box<dyn Screen> {
    match route {
        Route::Prepare { meeting } => Box::new(prepare::Prepare::load(ctx, meeting)),
        Route::Agenda { meeting } => Box::new(agenda::Agenda::load(ctx, meeting)),
        Route::Attendance { meeting } => Box::new(attendance::Attendance::load(ctx, meeting)),
        Route::Discussion { item } => Box::new(item::ItemView::load(ctx, item)),
        Route::Vote { item } => Box::new(vote::Vote::load(ctx, item)),
        Route::Cost { item } => Box::new(cost::CostView::load(ctx, item)),
        Route::Minutes { meeting } => Box::new(minutes::Minutes::load(ctx, meeting)),
        Route::MinutesAt { meeting, words } => {
            Box::new(minutes::Minutes::open_at(ctx, meeting, &words))
        }
        Route::Written { meeting } => Box::new(written::Written::load(ctx, meeting)),
        Route::Ballots { meeting } => Box::new(ballots::Ballots::load(ctx, meeting)),
        Route::Deliveries { meeting } => Box::new(deliveries::Deliveries::load(ctx, meeting)),
        Route::Roster { community } => Box::new(roster::Roster::load(ctx, community)),
        Route::Actions => Box::new(actions::Actions::load(ctx)),
        Route::Archive => Box::new(archive::Archive::load(ctx)),
        Route::Summary => Box::new(summary::Summary::load(ctx)),
        Route::Suggestions { community } => {
            Box::new(suggestions::Suggestions::load(ctx, community))
        }
        Route::Cases { community } => Box::new(mediation_list::CaseList::load(ctx, community)),
        Route::Case { case } => Box::new(mediation_case::CaseScreen::load(ctx, case)),
    }
}
