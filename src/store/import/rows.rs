//! Many rows of one table in few statements, for an import: `INSERT … VALUES (…), (…), …`
//! with bound parameters; a roll call's frozen list and answers written so.
//!
//! Why: inside a transaction every statement that a trigger or a foreign key may abort
//! keeps a statement journal, a copy of each page it changes. One statement per row
//! (a roll call of 400 voters, five times over) copied the same pages hundreds of times
//! and was most of an import's time; a JSON array unpacked by `json_each` avoided that
//! but parsed each row's JSON again for every column. The triggers and foreign keys
//! still check every row.

use std::collections::HashMap;

use rusqlite::types::ToSql;
use rusqlite::{Transaction, params};

use crate::store::error::Result;
use crate::store::ids::ItemId;
use crate::store::import::map::mapped;

/// Rows to a statement, largest first: few distinct statements (all of them cached) and
/// few statements per roll call.
const SIZES: [usize; 5] = [256, 64, 16, 4, 1];

/// Insert `rows` rows: `head` is `INSERT INTO t (c1, …, cN) VALUES`, `row(k)` the N
/// values of row k.
pub(in crate::store) fn insert_rows<'a, const N: usize>(
    tx: &Transaction<'_>,
    head: &str,
    rows: usize,
    row: impl Fn(usize) -> [&'a dyn ToSql; N],
) -> Result<()> {
    let mut start = 0;
    for size in SIZES {
        while rows - start >= size {
            let mut st = tx.prepare_cached(&statement(head, N, size))?;
            let mut values: Vec<&dyn ToSql> = Vec::with_capacity(size * N);
            for k in start..start + size {
                values.extend_from_slice(&row(k));
            }
            st.execute(values.as_slice())?;
            start += size;
        }
    }
    Ok(())
}

/// `head (?, …), (?, …), …`: `rows` groups of `cols` parameters.
fn statement(head: &str, cols: usize, rows: usize) -> String {
    let group = format!("({})", vec!["?"; cols].join(","));
    format!("{head} {}", vec![group; rows].join(","))
}

/// A roll call's frozen list and answers, many rows to a statement (see `insert_rows`).
/// The lock triggers and foreign keys still check every row.
pub(in crate::store) fn write_ballots(
    tx: &Transaction<'_>,
    item: ItemId,
    voters: &HashMap<i64, i64>,
    ballots: &[crate::domain::record::Ballot],
) -> Result<()> {
    let ids: Vec<i64> = ballots
        .iter()
        .map(|bl| mapped(voters, bl.voter_id))
        .collect();
    let positions: Vec<i64> = (1..=ballots.len() as i64).collect();
    let present: Vec<i64> = ballots.iter().map(|bl| bl.present as i64).collect();
    insert_rows(
        tx,
        "INSERT INTO vote_eligible (item_id, voter_id, position, name, area_centi, present,
            proxy_name, proxy_ref) VALUES",
        ballots.len(),
        |k| {
            let bl = &ballots[k];
            [
                &item as &dyn ToSql,
                &ids[k],
                &positions[k],
                &bl.name,
                &bl.area,
                &present[k],
                &bl.proxy_name,
                &bl.proxy_ref,
            ]
        },
    )?;
    let answered: Vec<usize> = (0..ballots.len())
        .filter(|&k| ballots[k].choice.is_some())
        .collect();
    let choices: Vec<&str> = answered
        .iter()
        .map(|&k| ballots[k].choice.map(|c| c.as_db()).unwrap_or_default())
        .collect();
    let ats: Vec<&str> = answered
        .iter()
        .map(|&k| ballots[k].at.as_deref().unwrap_or_default())
        .collect();
    let by_proxy: Vec<i64> = answered
        .iter()
        .map(|&k| !ballots[k].proxy_name.is_empty() as i64)
        .collect();
    insert_rows(
        tx,
        "INSERT INTO votes (item_id, voter_id, choice, at, by_proxy) VALUES",
        answered.len(),
        |n| {
            [
                &item as &dyn ToSql,
                &ids[answered[n]],
                &choices[n],
                &ats[n],
                &by_proxy[n],
            ]
        },
    )?;
    for bl in ballots {
        for c in &bl.corrections {
            tx.execute(
                "INSERT INTO vote_corrections (item_id, voter_id, from_choice, to_choice,
                    after_vote, at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
                params![
                    item,
                    mapped(voters, bl.voter_id),
                    c.from.as_db(),
                    c.to.as_db(),
                    c.at
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_written_once_in_order_whatever_the_count() {
        for n in [0, 1, 3, 4, 5, 17, 64, 85, 256, 347, 600] {
            let mut conn = rusqlite::Connection::open_in_memory().unwrap();
            conn.execute_batch("CREATE TABLE t (k INTEGER, s TEXT)")
                .unwrap();
            let ks: Vec<i64> = (0..n as i64).collect();
            let ss: Vec<String> = ks.iter().map(|k| format!("行{k}")).collect();
            let tx = conn.transaction().unwrap();
            insert_rows(&tx, "INSERT INTO t (k, s) VALUES", n, |k| {
                [&ks[k] as &dyn ToSql, &ss[k]]
            })
            .unwrap();
            tx.commit().unwrap();
            let got: Vec<(i64, String)> = conn
                .prepare("SELECT k, s FROM t ORDER BY rowid")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<std::result::Result<_, _>>()
                .unwrap();
            let want: Vec<(i64, String)> = ks.iter().copied().zip(ss.iter().cloned()).collect();
            assert_eq!(got, want, "{n} rows");
        }
    }

    #[test]
    fn the_statement_has_one_group_of_parameters_per_row() {
        assert_eq!(
            statement("INSERT INTO t (a, b) VALUES", 2, 3),
            "INSERT INTO t (a, b) VALUES (?,?),(?,?),(?,?)"
        );
    }
}
