//! The forms of mediation: opening or editing a case, a party, a mediator, a
//! session, a term of the agreement, a party's paper signature, the mediator's signature,
//! a performance check, a status change, a signed addendum, and the case list's filter.

use crate::domain::mediation::agreement::{V1_WORDS, party_label};
use crate::domain::mediation::{CaseKind, CaseRecord, CaseStatus};
use crate::store::actions::today;
use crate::store::ids::{CaseId, CommunityId, SignerId};
use crate::store::mediation::{CaseFilter, CaseInput};
use crate::store::{Refusal, StoreError};
use crate::strings::mediation as m;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};
use crate::ui::forms::{limit, saved};
use crate::ui::nav::Nav;
use crate::ui::route::Route;

/// "a, b，c、d" → [a, b, c, d].
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', '，', '、', ';', '；', '\n'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The handles of a case's fields.
#[derive(Clone)]
struct CaseFields {
    kind: ChoiceField<CaseKind>,
    title: TextField,
    date: TextField,
    facts: TextField,
    issue: TextField,
}

fn case_fields(ctx: &Ctx, c: Option<&CaseRecord>) -> (Fields, CaseFields) {
    let l = ctx.lang;
    let kind = c.map(|c| c.kind).unwrap_or(CaseKind::Leak);
    let date = c.map(|c| c.opened_on.clone()).unwrap_or_else(today);
    let mut d = Fields::default();
    let handles = CaseFields {
        kind: d.pick(
            "kind",
            m::F_KIND,
            &CaseKind::ALL,
            kind,
            |k| k.as_db().to_string(),
            |k| m::kind(l, k).to_string(),
        ),
        title: d.text(
            Field::text(
                "title",
                m::F_TITLE,
                c.map(|c| c.title.as_str()).unwrap_or(""),
            )
            .max(limit::TITLE),
        ),
        date: d.text(Field::text("date", m::F_DATE, &date).max(10)),
        facts: d.text(Field::multi(
            "facts",
            m::F_FACTS,
            c.map(|c| c.facts.as_str()).unwrap_or(""),
        )),
        issue: d.text(Field::multi(
            "issue",
            m::F_ISSUE,
            c.map(|c| c.issue.as_str()).unwrap_or(""),
        )),
    };
    (d, handles)
}

fn case_input(f: &Form<Nav>, h: &CaseFields) -> CaseInput {
    CaseInput {
        kind: f.pick(&h.kind),
        title: f.get(h.title),
        facts: f.get(h.facts),
        issue: f.get(h.issue),
        opened_on: f.get(h.date),
    }
}

/// Open a case; its screen opens on it.
pub fn new_case_form(ctx: &Ctx, community: CommunityId) -> Form<Nav> {
    let (fields, h) = case_fields(ctx, None);
    Form::new(ctx.t(m::F_NEW_CASE), fields, move |f, ctx| {
        let id = ctx.store.open_case(community, &case_input(f, &h))?;
        ctx.info(ctx.t(crate::strings::ui::SAVED));
        Ok(Nav::Open(Route::Case { case: id }))
    })
    .changes_record()
}

pub fn edit_case_form(ctx: &Ctx, case: CaseId, rec: &CaseRecord) -> Form<Nav> {
    let (fields, h) = case_fields(ctx, Some(rec));
    Form::new(ctx.t(m::F_EDIT_CASE), fields, move |f, ctx| {
        ctx.store.edit_case(case, &case_input(f, &h))?;
        Ok(saved(ctx))
    })
    .changes_record()
}

pub fn party_form(ctx: &Ctx, case: CaseId) -> Form<Nav> {
    let mut fields = Fields::default();
    let name_field = fields.text(Field::text("name", m::F_NAME, "").max(limit::NAME));
    let units_field = fields.text(Field::text("units", m::F_UNITS, "").with_hint(m::H_UNITS));
    Form::new(ctx.t(m::F_PARTY), fields, move |f, ctx| {
        ctx.store
            .add_party(case, &f.get(name_field), &split_list(&f.get(units_field)))?;
        Ok(saved(ctx))
    })
    .changes_record()
}

pub fn mediator_form(ctx: &Ctx, case: CaseId, suggested: &str) -> Form<Nav> {
    let mut fields = Fields::default();
    let name_field = fields.text(Field::text("name", m::F_NAME, suggested).max(limit::NAME));
    Form::new(ctx.t(m::F_MEDIATOR), fields, move |f, ctx| {
        ctx.store.add_case_mediator(case, &f.get(name_field))?;
        Ok(saved(ctx))
    })
    .changes_record()
}

pub fn session_form(ctx: &Ctx, case: CaseId, rec: &CaseRecord) -> Form<Nav> {
    let present: Vec<&str> = rec.parties.iter().map(|p| p.name.as_str()).collect();
    let mut fields = Fields::default();
    let date_field = fields.text(Field::text("date", m::F_DATE, &today()).max(10));
    let present_field = fields.text(Field::text("present", m::F_PRESENT, &present.join("，")));
    let notes_field = fields.text(Field::multi("notes", m::F_NOTES, ""));
    Form::new(ctx.t(m::F_SESSION), fields, move |f, ctx| {
        ctx.store.add_session(
            case,
            &f.get(date_field),
            &split_list(&f.get(present_field)),
            &f.get(notes_field),
        )?;
        Ok(saved(ctx))
    })
    .changes_record()
}

fn parties(rec: &CaseRecord) -> Vec<(String, String)> {
    rec.parties
        .iter()
        .map(|p| {
            (
                p.seq.to_string(),
                format!("{} {}", party_label(&V1_WORDS, p.seq), p.name),
            )
        })
        .collect()
}

fn party_of(f: &Form<Nav>, h: &ChoiceField<String>) -> i64 {
    f.pick(h).parse().unwrap_or(0)
}

pub fn term_form(ctx: &Ctx, case: CaseId, rec: &CaseRecord) -> Form<Nav> {
    let mut fields = Fields::default();
    let party_field = fields.choice(Field::choice("party", m::F_PARTY_NO, parties(rec), "1"));
    let duty_field = fields.text(Field::text("duty", m::F_DUTY, ""));
    let how_field = fields.text(Field::text("how", m::F_HOW, ""));
    let due_field = fields.text(Field::text("due", m::F_DUE, "").max(10));
    Form::new(ctx.t(m::F_TERM), fields, move |f, ctx| {
        ctx.store.add_term(
            case,
            party_of(f, &party_field),
            &f.get(duty_field),
            &f.get(how_field),
            &f.get(due_field),
        )?;
        Ok(saved(ctx))
    })
    .changes_record()
}

/// The first party without a paper signature is offered.
pub fn paper_form(ctx: &Ctx, case: CaseId, rec: &CaseRecord) -> Form<Nav> {
    let next = rec
        .parties
        .iter()
        .find(|p| !rec.paper.iter().any(|s| s.party == p.seq))
        .map(|p| p.seq.to_string())
        .unwrap_or_else(|| "1".into());
    let mut fields = Fields::default();
    let party_field = fields.choice(Field::choice("party", m::F_PARTY_NO, parties(rec), &next));
    let date_field = fields.text(Field::text("date", m::F_DATE, &today()).max(10));
    Form::new(ctx.t(m::F_PAPER), fields, move |f, ctx| {
        ctx.store
            .record_paper_signature(case, party_of(f, &party_field), &f.get(date_field))?;
        Ok(saved(ctx))
    })
    .changes_record()
}

fn signer(ctx: &Ctx, name: &str) -> Result<SignerId, StoreError> {
    Ok(ctx
        .store
        .signer_by_name(name.trim())?
        .ok_or(Refusal::NotRegistered)?
        .id)
}

pub fn sign_form(ctx: &Ctx, case: CaseId, mediator: &str) -> Form<Nav> {
    let mut fields = Fields::default();
    let name_field = fields.text(Field::text("name", m::F_SIGNER, mediator).max(limit::NAME));
    let passphrase_field = fields.text(Field::masked("passphrase", m::F_PASSPHRASE));
    Form::new(ctx.t(m::F_SIGN), fields, move |f, ctx| {
        let who = signer(ctx, &f.get(name_field))?;
        let first = ctx
            .store
            .sign_agreement(case, who, &f.get(passphrase_field))?;
        ctx.info(ctx.t(if first {
            m::SIGNED_NOW
        } else {
            m::SIGNED_AGAIN
        }));
        Ok(Nav::Reload)
    })
    .changes_record()
}

pub fn check_form(ctx: &Ctx, case: CaseId) -> Form<Nav> {
    let l = ctx.lang;
    let results = vec![
        ("1".to_string(), m::YES_PERFORMED.get(l).to_string()),
        ("0".to_string(), m::NOT_PERFORMED.get(l).to_string()),
    ];
    let mut fields = Fields::default();
    let date_field = fields.text(Field::text("date", m::F_DATE, &today()).max(10));
    let performed_field = fields.choice(Field::choice("performed", m::F_PERFORMED, results, "1"));
    let note_field = fields.text(Field::text("note", m::F_NOTE, ""));
    Form::new(ctx.t(m::F_CHECK), fields, move |f, ctx| {
        ctx.store.record_check(
            case,
            &f.get(date_field),
            f.pick(&performed_field) == "1",
            &f.get(note_field),
        )?;
        Ok(saved(ctx))
    })
    .changes_record()
}

/// The statuses reachable by hand from `from` (none: the form is not offered).
pub fn status_form(ctx: &Ctx, case: CaseId, from: CaseStatus) -> Option<Form<Nav>> {
    let l = ctx.lang;
    let to = from.by_hand();
    let first = *to.first()?;
    let mut fields = Fields::default();
    let status_field = fields.pick(
        "status",
        m::F_STATUS,
        &to,
        first,
        |s| s.as_db().to_string(),
        |s| m::status(l, s).to_string(),
    );
    let note_field = fields.text(Field::text("note", m::F_NOTE, ""));
    Some(
        Form::new(ctx.t(m::F_STATUS), fields, move |f, ctx| {
            let to = f.pick(&status_field);
            ctx.store.set_case_status(case, to, &f.get(note_field))?;
            Ok(saved(ctx))
        })
        .changes_record(),
    )
}

pub fn addendum_form(ctx: &Ctx, case: CaseId, mediator: &str) -> Form<Nav> {
    let mut fields = Fields::default();
    let text_field = fields.text(Field::multi("text", m::F_ADDENDUM_TEXT, ""));
    let name_field = fields.text(Field::text("name", m::F_SIGNER, mediator).max(limit::NAME));
    let passphrase_field = fields.text(Field::masked("passphrase", m::F_PASSPHRASE));
    Form::new(ctx.t(m::F_ADDENDUM), fields, move |f, ctx| {
        let who = signer(ctx, &f.get(name_field))?;
        ctx.store.add_agreement_addendum(
            case,
            &f.get(text_field),
            who,
            &f.get(passphrase_field),
        )?;
        Ok(saved(ctx))
    })
    .changes_record()
}

/// The case list's filter, handed to the list (`Nav::Deliver`).
pub fn filter_form(ctx: &Ctx, f: &CaseFilter) -> Form<Nav> {
    let l = ctx.lang;
    // Each choice first offers any (no value, the code "").
    let any = |code: Option<&'static str>| code.unwrap_or("").to_string();
    let statuses: Vec<Option<CaseStatus>> = std::iter::once(None)
        .chain(CaseStatus::ALL.iter().copied().map(Some))
        .collect();
    let kinds: Vec<Option<CaseKind>> = std::iter::once(None)
        .chain(CaseKind::ALL.iter().copied().map(Some))
        .collect();
    let community = f.community;
    let mut fields = Fields::default();
    let status_field = fields.pick(
        "status",
        m::F_FILTER_STATUS,
        &statuses,
        f.status,
        |s| any(s.map(|s| s.as_db())),
        |s| s.map_or(m::ALL.get(l), |s| m::status(l, s)).to_string(),
    );
    let kind_field = fields.pick(
        "kind",
        m::F_FILTER_KIND,
        &kinds,
        f.kind,
        |k| any(k.map(|k| k.as_db())),
        |k| k.map_or(m::ALL.get(l), |k| m::kind(l, k)).to_string(),
    );
    let month_field = fields
        .text(Field::text("month", m::F_FILTER_MONTH, f.month.as_deref().unwrap_or("")).max(7));
    let text_field = fields.text(
        Field::text("text", m::F_SEARCH, f.text.as_deref().unwrap_or("")).with_hint(m::H_SEARCH),
    );
    Form::new(ctx.t(m::FILTER), fields, move |f, _ctx| {
        let month = f.get(month_field).trim().to_string();
        let ok = month.is_empty() || crate::domain::mediation::is_date(&format!("{month}-01"));
        if !ok {
            return Err(StoreError::Refused(Refusal::Mediation(
                crate::store::refusal::mediation::MediationRefusal::BadMonth,
            )));
        }
        Ok(Nav::Deliver(Delivered::CaseFilter(CaseFilter {
            community,
            status: f.pick(&status_field),
            kind: f.pick(&kind_field),
            month: (!month.is_empty()).then_some(month),
            text: Some(f.get(text_field).trim().to_string()).filter(|t| !t.is_empty()),
        })))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_split_on_either_comma() {
        assert_eq!(
            super::split_list("王建国，刘桂兰、 周先生,\n"),
            vec!["王建国", "刘桂兰", "周先生"]
        );
        assert!(super::split_list(" ，").is_empty());
    }
}
