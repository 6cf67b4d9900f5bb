//! The domain's enumerations as SQLite columns: read through their `from_db` (a value the
//! schema would refuse is an error, not a guess) and written through their `as_db`, so the
//! store compares enums, never their spellings.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::model::{ItemStatus, MeetingStatus};
use crate::domain::signing::verify::Role;

macro_rules! text_column {
    ($name:ty) => {
        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = value.as_str()?;
                <$name>::from_db(s).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} {s:?}", stringify!($name)).into())
                })
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_db()))
            }
        }
    };
}

text_column!(ItemStatus);
text_column!(MeetingStatus);
text_column!(Role);

/// A value read as text and parsed by its enum's `from_db`: a spelling the schema would
/// refuse is an error naming the enum, not a silent default.
pub(crate) fn known<T>(parsed: Option<T>, raw: &str) -> rusqlite::Result<T> {
    parsed.ok_or_else(|| {
        let name = std::any::type_name::<T>()
            .rsplit("::")
            .next()
            .unwrap_or("value");
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown {name} {raw:?}").into(),
        )
    })
}
