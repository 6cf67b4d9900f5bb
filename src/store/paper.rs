//! What the printed paper needs from the records (the rendering is domain::paper).

use crate::domain::model::Electorate;
use crate::domain::paper::{BallotSheet, SignInRow};
use crate::store::Store;
use crate::store::error::{Result, refuse};
use crate::store::ids::MeetingId;
use crate::store::refusal::written::WrittenRefusal;
use crate::store::written::ballot_rows;

impl Store {
    /// The ballots of an opened written consultation as printed: each voter with the
    /// positions of the items they answer. Refused before the consultation is opened
    /// (the numbers are given then).
    pub fn ballot_sheets(&self, meeting: MeetingId) -> Result<Vec<BallotSheet>> {
        let rows = ballot_rows(self.conn(), meeting)?;
        if rows.is_empty() {
            return Err(refuse(WrittenRefusal::NotNumbered));
        }
        let mut st = self.conn().prepare_cached(
            "SELECT i.position FROM vote_eligible e JOIN agenda_items i ON i.id = e.item_id
             WHERE i.meeting_id = ?1 AND e.voter_id = ?2 ORDER BY i.position",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for b in rows {
            let items = st
                .query_map(rusqlite::params![meeting, b.voter_id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            out.push(BallotSheet {
                number: b.number,
                name: b.name,
                units: b.units,
                area: b.area,
                items,
            });
        }
        Ok(out)
    }

    /// The sign-in sheet's lines: the owners of the community (with their units and
    /// area), or the members of the meeting's council, in roster order.
    pub fn sign_in_rows(&self, meeting: MeetingId) -> Result<Vec<SignInRow>> {
        let m = self.meeting(meeting)?;
        let voters = self.voters(m.community_id)?;
        let council = m.kind.council();
        Ok(voters
            .into_iter()
            .filter(|v| match m.electorate {
                Electorate::Owners => !v.units.is_empty(),
                Electorate::Council => v.councils.iter().any(|(k, _)| *k == council),
            })
            .map(|v| SignInRow {
                area: (m.electorate == Electorate::Owners).then(|| v.area()),
                units: v.units.iter().map(|u| u.label.clone()).collect(),
                name: v.name,
            })
            .collect())
    }
}
