//! Form drafts (schema v10): what was typed into a form and not yet saved, kept as it
//! is typed, per form and record, so that Ctrl-C, a crash or a restart loses nothing.
//! A draft is no part of any record: it is never exported, signed or locked.

use rusqlite::{OptionalExtension, params};

use crate::domain::text::clean_multiline;
use crate::store::error::Result;
use crate::store::{Store, now};

/// A kept draft: each field's value by the field's name, and when it was last typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub fields: Vec<(String, String)>,
    pub saved_at: String,
}

impl Store {
    /// Keep `fields` as the draft of `form` on `record`, replacing the one before.
    /// A read-only review keeps none (nothing typed there can be saved either).
    pub fn save_draft(
        &mut self,
        form: &str,
        record: i64,
        fields: &[(String, String)],
    ) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        let at = now();
        self.write(|tx| {
            tx.execute(
                "DELETE FROM form_drafts WHERE form = ?1 AND record = ?2",
                params![form, record],
            )?;
            let mut st = tx.prepare_cached(
                "INSERT INTO form_drafts (form, record, field, value, saved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (field, value) in fields {
                st.execute(params![form, record, field, clean_multiline(value), at])?;
            }
            Ok(())
        })
    }

    /// The draft of `form` on `record`, if one is kept.
    pub fn draft(&self, form: &str, record: i64) -> Result<Option<Draft>> {
        let mut st = self.conn.prepare_cached(
            "SELECT field, value, saved_at FROM form_drafts WHERE form = ?1 AND record = ?2
             ORDER BY field",
        )?;
        let rows: Vec<(String, String, String)> = st
            .query_map(params![form, record], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let Some(saved_at) = rows.iter().map(|r| r.2.clone()).max() else {
            return Ok(None);
        };
        Ok(Some(Draft {
            fields: rows.into_iter().map(|(f, v, _)| (f, v)).collect(),
            saved_at,
        }))
    }

    /// Forget the draft of `form` on `record` (saved, or discarded by the user). A
    /// read-only review keeps none, so there is nothing to forget.
    pub fn discard_draft(&mut self, form: &str, record: i64) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        self.write(|tx| {
            tx.execute(
                "DELETE FROM form_drafts WHERE form = ?1 AND record = ?2",
                params![form, record],
            )?;
            Ok(())
        })
    }

    /// How many drafts are kept (the home screen says so after a restart).
    pub fn draft_count(&self) -> Result<i64> {
        let n: Option<i64> = self
            .conn
            .query_row(
                "SELECT count(DISTINCT form || '/' || record) FROM form_drafts",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(n.unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Store;

    #[test]
    fn a_draft_is_kept_replaced_and_discarded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("d.db");
        let mut st = Store::open(&path).expect("open");
        assert_eq!(st.draft("item", 3).expect("read"), None);
        let f = |a: &str| vec![("title".to_string(), a.to_string())];
        st.save_draft("item", 3, &f("加装\u{1b}[1m电梯"))
            .expect("save");
        st.save_draft("item", 3, &f("加装电梯方案")).expect("save");
        drop(st);
        let mut st = Store::open(&path).expect("reopen");
        let d = st.draft("item", 3).expect("read").expect("kept");
        assert_eq!(d.fields, f("加装电梯方案"));
        assert_eq!(st.draft("item", 4).expect("read"), None);
        assert_eq!(st.draft_count().expect("count"), 1);
        st.discard_draft("item", 3).expect("discard");
        assert_eq!(st.draft("item", 3).expect("read"), None);
    }
}
