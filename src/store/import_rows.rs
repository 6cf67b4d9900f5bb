//! Many rows of one table in few statements, for an import: `INSERT … VALUES (…), (…), …`
//! with bound parameters.
//!
//! Why: inside a transaction every statement that a trigger or a foreign key may abort
//! keeps a statement journal, a copy of each page it changes. One statement per row
//! (a roll call of 400 voters, five times over) copied the same pages hundreds of times
//! and was most of an import's time; a JSON array unpacked by `json_each` avoided that
//! but parsed each row's JSON again for every column. The triggers and foreign keys
//! still check every row.

use rusqlite::Transaction;
use rusqlite::types::ToSql;

use super::Result;

/// Rows to a statement, largest first: few distinct statements (all of them cached) and
/// few statements per roll call.
const SIZES: [usize; 5] = [256, 64, 16, 4, 1];

/// Insert `rows` rows: `head` is `INSERT INTO t (c1, …, cN) VALUES`, `row(k)` the N
/// values of row k.
pub(super) fn insert_rows<'a, const N: usize>(
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
