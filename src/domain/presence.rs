//! Who is in the room now, derived from the presence timeline.

use std::collections::HashMap;

use crate::domain::model::PresenceKind;
use crate::domain::record::PresenceEvent;

/// One voter's standing at a moment of the meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    /// In the room, in person or through a proxy.
    pub present: bool,
    /// The proxy's name and the 委托书 reference, when represented.
    pub proxy: Option<(String, String)>,
    /// Marked at all (present, absent, proxy) — unmarked voters are still to be called.
    pub marked: bool,
}

/// Replay the timeline: the last event of each voter decides (recusals are per item and
/// do not change presence).
pub fn current(events: &[PresenceEvent]) -> HashMap<i64, Attendance> {
    let mut map: HashMap<i64, Attendance> = HashMap::new();
    for e in events {
        let a = map.entry(e.voter_id).or_default();
        match e.kind {
            PresenceKind::Present | PresenceKind::Arrive => {
                *a = Attendance {
                    present: true,
                    proxy: None,
                    marked: true,
                };
            }
            PresenceKind::Absent | PresenceKind::Leave => {
                *a = Attendance {
                    present: false,
                    proxy: None,
                    marked: true,
                };
            }
            PresenceKind::Proxy => {
                *a = Attendance {
                    present: true,
                    proxy: Some((e.proxy_name.clone(), e.proxy_ref.clone())),
                    marked: true,
                };
            }
            PresenceKind::Recuse => {}
        }
    }
    map
}

/// Voters recused from the item at `position`.
pub fn recused(events: &[PresenceEvent], position: i64) -> Vec<i64> {
    events
        .iter()
        .filter(|e| e.kind == PresenceKind::Recuse && e.item_position == Some(position))
        .map(|e| e.voter_id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(voter: i64, kind: PresenceKind) -> PresenceEvent {
        PresenceEvent {
            voter_id: voter,
            name: format!("v{voter}"),
            kind,
            proxy_name: "王五".into(),
            proxy_ref: "WT-1".into(),
            item_position: Some(2),
            at: "2026-11-28T09:00:00+08:00".into(),
        }
    }

    #[test]
    fn last_event_decides() {
        let evs = [
            ev(1, PresenceKind::Present),
            ev(2, PresenceKind::Absent),
            ev(3, PresenceKind::Proxy),
            ev(2, PresenceKind::Arrive),
            ev(1, PresenceKind::Leave),
            ev(3, PresenceKind::Recuse),
        ];
        let now = current(&evs);
        assert!(!now[&1].present);
        assert!(now[&2].present);
        assert!(now[&3].present);
        assert_eq!(now[&3].proxy, Some(("王五".into(), "WT-1".into())));
        assert_eq!(recused(&evs, 2), vec![3]);
        assert!(recused(&evs, 1).is_empty());
    }
}
