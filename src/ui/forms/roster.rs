//! The roster's forms: a voter, a unit, a transfer of ownership, a council seat, search.

use crate::domain::model::{CouncilKind, VoterKind};
use crate::domain::roster_csv::parse_area;
use crate::domain::text::clean_line;
use crate::store::Refusal;
use crate::store::ids::CommunityId;
use crate::store::roster::{VoterInput, VoterRow};
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};
use crate::ui::forms::{limit, one_field, saved};
use crate::ui::nav::Nav;

/// The handles of a voter's fields.
#[derive(Clone)]
struct VoterFields {
    name: TextField,
    kind: ChoiceField<VoterKind>,
    roles: TextField,
    phone: TextField,
}

fn voter_input(f: &Form<Nav>, h: &VoterFields) -> VoterInput {
    VoterInput {
        name: f.get(h.name),
        kind: Some(f.pick(&h.kind)),
        roles: f.get(h.roles),
        phone: f.get(h.phone),
    }
}

/// A new voter of `community`, or the voter `v`.
pub fn voter_form(ctx: &Ctx, community: CommunityId, v: Option<&VoterRow>) -> Form<Nav> {
    let l = ctx.lang;
    let text = |name, label, value: Option<&str>| Field::text(name, label, value.unwrap_or(""));
    let mut fields = Fields::default();
    let h = VoterFields {
        name: fields.text(text("name", s::COL_NAME, v.map(|v| v.name.as_str())).max(limit::NAME)),
        kind: fields.pick(
            "kind",
            s::COL_KIND,
            VoterKind::ALL,
            v.map(|v| v.kind).unwrap_or(VoterKind::Person),
            |k| k.as_db().to_string(),
            |k| strings::voter_kind(l, k).to_string(),
        ),
        roles: fields.text(text("roles", s::COL_ROLES, v.map(|v| v.roles.as_str()))),
        phone: fields.text(text("phone", s::F_PHONE, v.map(|v| v.phone.as_str()))),
    };
    match v {
        Some(v) => {
            let voter = v.id;
            Form::new(ctx.t(s::K_EDIT_VOTER), fields, move |f, ctx| {
                ctx.store.update_voter(voter, &voter_input(f, &h))?;
                Ok(saved(ctx))
            })
            .keep_draft("voter", voter.0)
        }
        None => Form::new(ctx.t(s::K_ADD_VOTER), fields, move |f, ctx| {
            ctx.store.add_voter(community, &voter_input(f, &h))?;
            Ok(saved(ctx))
        })
        .keep_draft("voter_new", community.0),
    }
}

pub fn unit_form(ctx: &Ctx, v: &VoterRow) -> Form<Nav> {
    let colon = s::colon(ctx.lang);
    let voter = v.id;
    let mut fields = Fields::default();
    let label_field = fields.text(Field::text("label", s::F_LABEL, "").max(limit::UNIT_LABEL));
    let building_field = fields.text(Field::text("building", s::F_BUILDING, ""));
    let unit_field = fields.text(Field::text("unit", s::F_UNIT, ""));
    let area_field = fields.text(Field::text("area", s::F_AREA, ""));
    Form::new(
        format!("{}{colon}{}", ctx.t(s::K_ADD_UNIT), clean_line(&v.name)),
        fields,
        move |f, ctx| {
            let area = parse_area(&f.get(area_field)).ok_or(Refusal::BadArea)?;
            ctx.store.add_unit(
                voter,
                &f.get(label_field),
                &f.get(building_field),
                &f.get(unit_field),
                area,
            )?;
            Ok(saved(ctx))
        },
    )
    .keep_draft("unit", voter.0)
}

pub fn transfer_form(ctx: &Ctx, v: &VoterRow) -> Form<Nav> {
    let voter = v.id;
    one_field(
        ctx,
        s::K_TRANSFER,
        Field::text("text", s::F_TRANSFER, "").max(limit::UNIT_LABEL),
        move |label, ctx| {
            ctx.store.transfer_unit(voter, &label)?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

pub fn council_form(ctx: &Ctx, v: &VoterRow) -> Form<Nav> {
    let colon = s::colon(ctx.lang);
    let l = ctx.lang;
    let current = v.councils.first();
    let voter = v.id;
    let mut fields = Fields::default();
    let council_field = fields.pick(
        "council",
        s::F_COUNCIL,
        CouncilKind::ALL,
        current
            .map(|c| c.0)
            .unwrap_or(CouncilKind::ResidentsCouncil),
        |k| k.as_db().to_string(),
        |k| strings::council_kind(l, k).to_string(),
    );
    let role_field = fields.text(Field::text(
        "role",
        s::F_ROLE,
        current.map(|c| c.1.as_str()).unwrap_or(""),
    ));
    Form::new(
        format!("{}{colon}{}", ctx.t(s::K_COUNCIL), clean_line(&v.name)),
        fields,
        move |f, ctx| {
            let kind = f.pick(&council_field);
            ctx.store
                .set_council_member(voter, kind, &f.get(role_field))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

pub fn search_form(ctx: &Ctx, current: &str) -> Form<Nav> {
    one_field(
        ctx,
        s::K_SEARCH,
        Field::text("text", s::SEARCH_LABEL, current),
        |q, _ctx| Ok(Nav::Deliver(Delivered::RosterSearch(q))),
    )
}
