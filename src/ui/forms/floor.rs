//! The forms of the meeting floor: a proxy at attendance; a speaker, a remark, an
//! amendment, a recusal on an item; an action item and a jump in a vote.

use crate::domain::model::PresenceKind;
use crate::domain::text::clean_line;
use crate::store::ids::{ItemId, MeetingId, VoterId};
use crate::strings::ui as s;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::forms::{find_voter, limit, one_field, saved};
use crate::ui::nav::Nav;

pub fn proxy_form(ctx: &Ctx, meeting: MeetingId, voter: VoterId, name: &str) -> Form<Nav> {
    let colon = s::colon(ctx.lang);
    let mut fields = Fields::default();
    let name_field = fields.text(Field::text("name", s::F_PROXY_NAME, "").max(limit::NAME));
    let reference_field = fields.text(Field::text("reference", s::F_PROXY_REF, ""));
    Form::new(
        format!("{}{colon}{}", ctx.t(s::F_PROXY), clean_line(name)),
        fields,
        move |f, ctx| {
            let (name, reference) = (f.get(name_field), f.get(reference_field));
            ctx.store.mark_presence(
                meeting,
                voter,
                PresenceKind::Proxy,
                Some((&name, &reference)),
                None,
            )?;
            ctx.info(ctx.t(s::SAVED));
            // The roll call moves on to the next row, as after `p` and `x`.
            Ok(Nav::Deliver(Delivered::ProxyRecorded))
        },
    )
    .keep_draft("proxy", voter.0)
}

pub fn speaker_form(ctx: &Ctx, item: ItemId) -> Form<Nav> {
    one_field(
        ctx,
        s::K_ADD_SPEAKER,
        Field::text("text", s::F_SPEAKER, "").max(limit::SPEAKER),
        move |name, ctx| {
            ctx.store.queue_speaker(item, &name, None)?;
            Ok(saved(ctx))
        },
    )
    .keep_draft("speaker", item.0)
}

pub fn remark_form(ctx: &Ctx, remark: i64, text: &str) -> Form<Nav> {
    one_field(
        ctx,
        s::F_REMARK,
        Field::multi("text", s::F_REMARK, text),
        move |text, ctx| {
            ctx.store.record_remark(remark, &text)?;
            Ok(saved(ctx))
        },
    )
    .keep_draft("remark", remark)
}

pub fn amend_form(ctx: &Ctx, item: ItemId, proposal: &str) -> Form<Nav> {
    one_field(
        ctx,
        s::F_AMEND,
        Field::multi("text", s::PROPOSAL, proposal),
        move |text, ctx| {
            ctx.store.amend_proposal(item, &text)?;
            Ok(saved(ctx))
        },
    )
    .keep_draft("amend", item.0)
}

pub fn recuse_form(ctx: &Ctx, meeting: MeetingId, item: ItemId) -> Form<Nav> {
    one_field(
        ctx,
        s::K_RECUSE,
        Field::text("text", s::F_RECUSE, ""),
        move |who, ctx| {
            let community = ctx.store.meeting(meeting)?.community_id;
            let voter = find_voter(ctx, community, &who)?;
            ctx.store
                .mark_presence(meeting, voter, PresenceKind::Recuse, None, Some(item))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

pub fn action_form(ctx: &Ctx, item: ItemId) -> Form<Nav> {
    let mut fields = Fields::default();
    let what_field = fields.text(Field::text("what", s::F_WHAT, ""));
    let who_field = fields.text(Field::text("who", s::F_WHO, ""));
    let due_field = fields.text(Field::text("due", s::F_DUE, "").with_hint(s::F_DUE_HINT));
    Form::new(ctx.t(s::F_ACTION), fields, move |f, ctx| {
        ctx.store.add_action(
            item,
            &f.get(what_field),
            &f.get(who_field),
            &f.get(due_field),
        )?;
        Ok(saved(ctx))
    })
    .keep_draft("action", item.0)
}

pub fn jump_form(ctx: &Ctx) -> Form<Nav> {
    one_field(
        ctx,
        s::K_JUMP,
        Field::text("text", s::F_JUMP, ""),
        |q, _| Ok(Nav::Deliver(Delivered::VoteJump(q))),
    )
}
