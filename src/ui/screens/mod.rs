//! One module per screen: its state, what its commands do (`on`), and its frame (`draw`).
pub mod actions;
pub mod agenda;
pub mod archive;
pub mod attendance;
pub mod ballots;
pub mod cost;
pub mod deliveries;
pub mod home;
pub mod item;
pub mod mediation_case;
pub mod mediation_list;
pub mod minutes;
pub mod open;
pub mod prepare;
pub mod roster;
pub mod suggestions;
pub mod summary;
pub mod vote;
pub mod written;

/// Move a selection by a command, within `len` rows.
pub fn moved(sel: usize, len: usize, act: crate::ui::keys::Act, page: usize) -> usize {
    use crate::ui::keys::Act;
    if len == 0 {
        return 0;
    }
    match act {
        Act::Up => sel.saturating_sub(1),
        Act::Down => (sel + 1).min(len - 1),
        Act::PageUp => sel.saturating_sub(page.max(1)),
        Act::PageDown => (sel + page.max(1)).min(len - 1),
        Act::Top => 0,
        Act::Bottom => len - 1,
        _ => sel.min(len - 1),
    }
}
