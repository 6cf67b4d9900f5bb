//! The forms of each purpose, grouped by the screen that opens them: each builds its
//! fields (named, with the schema's limits), filled with what is there now, and carries
//! its own submit. The widget underneath is `ui::form`.

pub mod custom_rule;
pub mod floor;
pub mod mediation;
pub mod meeting;
pub mod minutes;
pub mod paper;
pub mod roster;
pub mod written;

use crate::store::StoreError;
use crate::store::ids::{CommunityId, VoterId};
use crate::ui::ctx::Ctx;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::matching::one_voter;
use crate::ui::nav::Nav;

/// The longest texts the store keeps (schema.sql's CHECKs on these columns).
pub mod limit {
    pub const TITLE: usize = 300;
    pub const NAME: usize = 100;
    pub const UNIT_LABEL: usize = 100;
    pub const SPEAKER: usize = 100;
}

/// A write was committed: say so and show the screen's data again.
pub(crate) fn saved(ctx: &mut Ctx) -> Nav {
    ctx.info(ctx.t(crate::strings::ui::SAVED));
    Nav::Reload
}

/// A form of one text field (one line or several), its text handed to `submit`.
pub(crate) fn one_field(
    ctx: &Ctx,
    title: crate::strings::Tr,
    field: Field,
    submit: impl Fn(String, &mut Ctx) -> Result<Nav, StoreError> + 'static,
) -> Form<Nav> {
    let mut fields = Fields::default();
    let text = fields.text(field);
    Form::new(ctx.t(title), fields, move |f, ctx| submit(f.get(text), ctx))
}

/// Find one voter of a community by a part of their name or unit label.
pub fn find_voter(ctx: &Ctx, community: CommunityId, query: &str) -> Result<VoterId, StoreError> {
    let q = query.trim();
    let voters = ctx.store.voters(community)?;
    let at = one_voter(
        &voters,
        q,
        |v| v.name.contains(q) || v.units.iter().any(|u| u.label.contains(q)),
        |v| &v.name,
    )?;
    Ok(voters[at].id)
}

#[cfg(test)]
mod tests {
    use super::limit;

    /// The forms' limits are the schema's: a form never refuses less, nor lets more
    /// through to a CHECK that would fail with an SQL error.
    #[test]
    fn the_limits_are_the_schemas_checks() {
        let schema = crate::store::SCHEMA_SQL;
        for (column, max) in [
            ("title", limit::TITLE),
            ("name", limit::NAME),
            ("label", limit::UNIT_LABEL),
            ("speaker", limit::SPEAKER),
        ] {
            let check = format!("CHECK (length({column}) BETWEEN 1 AND {max})");
            assert!(schema.contains(&check), "schema.sql has no {check}");
        }
    }
}
