//! The forms of a written consultation: the form of a meeting with its dates (in
//! preparation), an extension with its reason, a delivery, and the deliveries' search.

use crate::domain::minutes::written::way;
use crate::domain::model::{DeliveryWay, MeetingForm};
use crate::store::StoreError;
use crate::store::ids::{MeetingId, VoterId};
use crate::strings::written_ui as wu;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::forms::saved;
use crate::ui::nav::Nav;

pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

/// A date `days` after `date` (YYYY-MM-DD), or `date` itself when it does not read.
pub fn days_after(date: &str, days: i64) -> String {
    crate::domain::written::parse_date(date)
        .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| date.to_string())
}

/// The form of a draft meeting: in the room or written (with its opening and closing
/// dates), and the day its notice was posted. Saved together by the store.
pub fn form_form(ctx: &Ctx, meeting: MeetingId) -> Result<Form<Nav>, StoreError> {
    let l = ctx.lang;
    let form = ctx.store.meeting_form(meeting)?;
    let dates = ctx.store.written_dates(meeting)?;
    let noticed = ctx.store.notice_date(meeting)?.unwrap_or_default();
    let starts: String = ctx
        .store
        .meeting(meeting)?
        .starts_at
        .chars()
        .take(10)
        .collect();
    let (opens, closes) = dates.unwrap_or_else(|| {
        let o = if starts.len() == 10 { starts } else { today() };
        let c = days_after(&o, 14);
        (o, c)
    });
    let mut fields = Fields::default();
    let form_field = fields.pick(
        "form",
        wu::F_FORM,
        &[MeetingForm::Collective, MeetingForm::Written],
        form,
        |f| f.as_db().to_string(),
        |f| match f {
            MeetingForm::Collective => wu::FORM_COLLECTIVE.get(l).to_string(),
            MeetingForm::Written => wu::FORM_WRITTEN.get(l).to_string(),
        },
    );
    let opens_field =
        fields.text(Field::text("opens", wu::F_OPENS, &opens).with_hint(wu::F_DATES_HINT));
    let closes_field =
        fields.text(Field::text("closes", wu::F_CLOSES, &closes).with_hint(wu::F_DATES_HINT));
    let noticed_field =
        fields.text(Field::text("noticed", wu::F_NOTICED, &noticed).with_hint(wu::F_NOTICED_HINT));
    Ok(Form::new(ctx.t(wu::F_FORM_TITLE), fields, move |f, ctx| {
        let form = f.pick(&form_field);
        let (opens, closes) = (f.get(opens_field), f.get(closes_field));
        let dates = (form == MeetingForm::Written).then_some((opens.as_str(), closes.as_str()));
        ctx.store
            .prepare_form(meeting, form, dates, &f.get(noticed_field))?;
        Ok(saved(ctx))
    })
    .changes_record())
}

/// 延期: a new closing date after the present one, and its reason.
pub fn extend_form(ctx: &Ctx, meeting: MeetingId, deadline: &str) -> Form<Nav> {
    let mut fields = Fields::default();
    let to_field = fields.text(
        Field::text("to", wu::F_NEW_CLOSING, &days_after(deadline, 7)).with_hint(wu::F_DATE_HINT),
    );
    let reason_field = fields.text(Field::text("reason", wu::F_REASON, "").max(500));
    Form::new(ctx.t(wu::F_EXTEND_TITLE), fields, move |f, ctx| {
        let to = f.get(to_field);
        ctx.store
            .extend_written(meeting, &to, &f.get(reason_field))?;
        ctx.info(wu::extended(ctx.lang, to.trim()));
        Ok(Nav::Reload)
    })
    // The reason is typed with care: kept as typed until saved (ui::drafts).
    .keep_draft("written_extend", meeting.0)
}

/// Record that `voter`'s ballot was served: the date (today unless told) and the way.
pub fn deliver_form(
    ctx: &Ctx,
    meeting: MeetingId,
    voter: VoterId,
    name: &str,
    by: &str,
) -> Form<Nav> {
    let l = ctx.lang;
    let (name, by) = (name.to_string(), by.to_string());
    let mut fields = Fields::default();
    let on_field =
        fields.text(Field::text("on", wu::F_SERVED_ON, &today()).with_hint(wu::F_DATE_HINT));
    let way_field = fields.pick(
        "way",
        wu::F_WAY,
        DeliveryWay::ALL,
        DeliveryWay::InPerson,
        |w| w.as_db().to_string(),
        |w| way(l, w).to_string(),
    );
    Form::new(
        format!(
            "{}{}{}",
            ctx.t(wu::F_DELIVER_TITLE),
            crate::strings::ui::colon(l),
            name
        ),
        fields,
        move |f, ctx| {
            let w = f.pick(&way_field);
            ctx.store
                .record_delivery(meeting, voter, &f.get(on_field), w, &by)?;
            ctx.info(wu::delivered(ctx.lang, &name));
            Ok(Nav::Reload)
        },
    )
    .changes_record()
}

/// Record the delivery of every ballot in `voters` (the list's unserved), one date and
/// way for all: a round of the doors, or the notice board for those not reached.
pub fn deliver_all_form(
    ctx: &Ctx,
    meeting: MeetingId,
    voters: Vec<VoterId>,
    by: &str,
) -> Form<Nav> {
    let l = ctx.lang;
    let by = by.to_string();
    let mut fields = Fields::default();
    let on_field =
        fields.text(Field::text("on", wu::F_SERVED_ON, &today()).with_hint(wu::F_DATE_HINT));
    let way_field = fields.pick(
        "way",
        wu::F_WAY,
        DeliveryWay::ALL,
        DeliveryWay::Posted,
        |w| w.as_db().to_string(),
        |w| way(l, w).to_string(),
    );
    Form::new(
        wu::deliver_all_title(l, voters.len()),
        fields,
        move |f, ctx| {
            let w = f.pick(&way_field);
            let n = ctx
                .store
                .record_deliveries(meeting, &voters, &f.get(on_field), w, &by)?;
            ctx.info(wu::delivered_all(ctx.lang, n));
            Ok(Nav::Reload)
        },
    )
    .changes_record()
}

pub fn find_form(ctx: &Ctx, words: &str) -> Form<Nav> {
    let mut fields = Fields::default();
    let words_field = fields.text(Field::text("words", wu::F_WORDS, words));
    Form::new(ctx.t(wu::F_FIND_TITLE), fields, move |f, _| {
        Ok(Nav::Deliver(Delivered::DeliveriesFind(f.get(words_field))))
    })
}
