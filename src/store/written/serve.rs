//! Serving many ballots at once: the round of the doors on one day, or the notice board
//! for all who could not be reached (指导规则 art. 22). One transaction: every delivery
//! of the list is recorded, or none.

use rusqlite::params;

use crate::domain::model::DeliveryWay;
use crate::domain::text::clean_line;
use crate::domain::written::parse_date;
use crate::store::error::{Result, refuse};
use crate::store::ids::{MeetingId, VoterId};
use crate::store::refusal::written::WrittenRefusal;
use crate::store::written::require_running;
use crate::store::{Store, audit, now};

impl Store {
    /// Record that the ballots of `voters` were served on `served_on` in `way`; the count
    /// recorded.
    pub fn record_deliveries(
        &mut self,
        meeting: MeetingId,
        voters: &[VoterId],
        served_on: &str,
        way: DeliveryWay,
        by: &str,
    ) -> Result<usize> {
        let d = served_on.trim();
        if d.len() != 10 || parse_date(d).is_none() {
            return Err(refuse(WrittenRefusal::DeliveryDate));
        }
        let by = clean_line(by);
        self.write(|tx| {
            require_running(tx, meeting)?;
            let mut known = tx.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM written_ballots WHERE meeting_id = ?1 AND voter_id = ?2)",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO ballot_deliveries (meeting_id, voter_id, served_on, way, at, entered_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let at = now();
            for v in voters {
                let ok: bool = known.query_row(params![meeting, v], |r| r.get(0))?;
                if !ok {
                    return Err(refuse(WrittenRefusal::NoSuchBallot));
                }
                insert.execute(params![meeting, v, d, way.as_db(), at, by])?;
            }
            audit(
                tx,
                Some(meeting),
                "ballots_served",
                &format!("{} {}", voters.len(), way.as_db()),
            )?;
            Ok(voters.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::model::{DeliveryWay, Electorate, MeetingForm, MeetingKind, Scope};
    use crate::domain::roster_csv;
    use crate::domain::rules::{Rule, RuleKind};
    use crate::store::Store;
    use crate::store::ids::VoterId;
    use crate::store::meetings::{ItemInput, MeetingInput};

    #[test]
    fn all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut st = Store::open(&dir.path().join("t.db")).unwrap();
        let csv =
            "label,building,unit,area,owner\n101,1栋,1单元,80.00,甲\n102,1栋,1单元,80.00,乙\n";
        st.import_roster("c", &roster_csv::parse(csv.as_bytes()).unwrap())
            .unwrap();
        let c = st.community_by_name("c").unwrap().unwrap().id;
        let m = st
            .create_meeting(
                c,
                Electorate::Owners,
                &MeetingInput {
                    kind: MeetingKind::OwnersAssembly,
                    title: "t".into(),
                    starts_at: "2026-11-01 09:00".into(),
                    venue: String::new(),
                    host: String::new(),
                    secretary: String::new(),
                    language: "zh".into(),
                },
            )
            .unwrap();
        st.add_item(
            m,
            &ItemInput {
                title: "i".into(),
                category: crate::domain::model::Category::Other,
                proposer: String::new(),
                proposal: "p".into(),
                scope: Scope::all(),
                rule: Rule::new(RuleKind::Art278Ordinary),
            },
        )
        .unwrap();
        st.set_form(m, MeetingForm::Written, Some(("2026-11-01", "2099-01-01")))
            .unwrap();
        st.start_meeting(m).unwrap();
        let ids: Vec<VoterId> = st
            .written_ballots(m)
            .unwrap()
            .iter()
            .map(|b| b.voter_id)
            .collect();
        let bad = [ids[0], VoterId(999_999)];
        assert!(
            st.record_deliveries(m, &bad, "2026-11-02", DeliveryWay::Posted, "x")
                .is_err()
        );
        assert_eq!(st.unserved(m).unwrap().len(), 2, "none recorded");
        assert!(
            st.record_deliveries(m, &ids, "2026-11-2", DeliveryWay::Posted, "x")
                .is_err()
        );
        assert_eq!(
            st.record_deliveries(m, &ids, "2026-11-02", DeliveryWay::Posted, "x")
                .unwrap(),
            2
        );
        assert!(st.unserved(m).unwrap().is_empty());
    }
}
