//! The forms of mediation: opening or editing a case, a party, a mediator, a
//! session, a term of the agreement, a party's paper signature, the mediator's signature,
//! a performance check, a status change, a signed addendum, and the case list's filter.

use crate::domain::mediation::agreement::{V1_WORDS, party_label};
use crate::domain::mediation::{CaseKind, CaseRecord, CaseStatus};
use crate::store::actions::today;
use crate::store::mediation::{CaseFilter, CaseInput};
use crate::store::{Refusal, StoreError};
use crate::strings::mediation as m;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::form::{Field, Form};
use crate::ui::forms::{limit, opts, saved};
use crate::ui::nav::Nav;
use crate::ui::route::Route;

/// "a, b，c、d" → [a, b, c, d].
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', '，', '、', ';', '；', '\n'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn kinds(ctx: &Ctx) -> Vec<(String, String)> {
    let l = ctx.lang;
    opts(&CaseKind::ALL, |k| k.as_db(), |k| m::kind(l, k))
}

fn case_fields(ctx: &Ctx, c: Option<&CaseRecord>) -> Vec<Field> {
    let kind = c.map(|c| c.kind).unwrap_or(CaseKind::Leak);
    let date = c.map(|c| c.opened_on.clone()).unwrap_or_else(today);
    vec![
        Field::choice("kind", m::F_KIND, kinds(ctx), kind.as_db()),
        Field::text(
            "title",
            m::F_TITLE,
            c.map(|c| c.title.as_str()).unwrap_or(""),
        )
        .max(limit::TITLE),
        Field::text("date", m::F_DATE, &date).max(10),
        Field::multi(
            "facts",
            m::F_FACTS,
            c.map(|c| c.facts.as_str()).unwrap_or(""),
        ),
        Field::multi(
            "issue",
            m::F_ISSUE,
            c.map(|c| c.issue.as_str()).unwrap_or(""),
        ),
    ]
}

fn case_input(f: &Form<Nav>) -> CaseInput {
    CaseInput {
        kind: CaseKind::from_db(&f.choice("kind")).unwrap_or(CaseKind::Other),
        title: f.text("title"),
        facts: f.text("facts"),
        issue: f.text("issue"),
        opened_on: f.text("date"),
    }
}

/// Open a case; its screen opens on it.
pub fn new_case_form(ctx: &Ctx, community: i64) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_NEW_CASE),
        case_fields(ctx, None),
        move |f, ctx| {
            let id = ctx.store.open_case(community, &case_input(f))?;
            ctx.info(ctx.t(crate::strings::ui::SAVED));
            Ok(Nav::Open(Route::Case { case: id }))
        },
    )
    .changes_record()
}

pub fn edit_case_form(ctx: &Ctx, case: i64, rec: &CaseRecord) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_EDIT_CASE),
        case_fields(ctx, Some(rec)),
        move |f, ctx| {
            ctx.store.edit_case(case, &case_input(f))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

pub fn party_form(ctx: &Ctx, case: i64) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_PARTY),
        vec![
            Field::text("name", m::F_NAME, "").max(limit::NAME),
            Field::text("units", m::F_UNITS, "").with_hint(m::H_UNITS),
        ],
        move |f, ctx| {
            ctx.store
                .add_party(case, &f.text("name"), &split_list(&f.text("units")))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

pub fn mediator_form(ctx: &Ctx, case: i64, suggested: &str) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_MEDIATOR),
        vec![Field::text("name", m::F_NAME, suggested).max(limit::NAME)],
        move |f, ctx| {
            ctx.store.add_case_mediator(case, &f.text("name"))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

pub fn session_form(ctx: &Ctx, case: i64, rec: &CaseRecord) -> Form<Nav> {
    let present: Vec<&str> = rec.parties.iter().map(|p| p.name.as_str()).collect();
    Form::new(
        ctx.t(m::F_SESSION),
        vec![
            Field::text("date", m::F_DATE, &today()).max(10),
            Field::text("present", m::F_PRESENT, &present.join("，")),
            Field::multi("notes", m::F_NOTES, ""),
        ],
        move |f, ctx| {
            ctx.store.add_session(
                case,
                &f.text("date"),
                &split_list(&f.text("present")),
                &f.text("notes"),
            )?;
            Ok(saved(ctx))
        },
    )
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

fn party_of(f: &Form<Nav>) -> i64 {
    f.choice("party").parse().unwrap_or(0)
}

pub fn term_form(ctx: &Ctx, case: i64, rec: &CaseRecord) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_TERM),
        vec![
            Field::choice("party", m::F_PARTY_NO, parties(rec), "1"),
            Field::text("duty", m::F_DUTY, ""),
            Field::text("how", m::F_HOW, ""),
            Field::text("due", m::F_DUE, "").max(10),
        ],
        move |f, ctx| {
            ctx.store.add_term(
                case,
                party_of(f),
                &f.text("duty"),
                &f.text("how"),
                &f.text("due"),
            )?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

/// The first party without a paper signature is offered.
pub fn paper_form(ctx: &Ctx, case: i64, rec: &CaseRecord) -> Form<Nav> {
    let next = rec
        .parties
        .iter()
        .find(|p| !rec.paper.iter().any(|s| s.party == p.seq))
        .map(|p| p.seq.to_string())
        .unwrap_or_else(|| "1".into());
    Form::new(
        ctx.t(m::F_PAPER),
        vec![
            Field::choice("party", m::F_PARTY_NO, parties(rec), &next),
            Field::text("date", m::F_DATE, &today()).max(10),
        ],
        move |f, ctx| {
            ctx.store
                .record_paper_signature(case, party_of(f), &f.text("date"))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

fn signer(ctx: &Ctx, name: &str) -> Result<i64, StoreError> {
    Ok(ctx
        .store
        .signer_by_name(name.trim())?
        .ok_or(Refusal::NotRegistered)?
        .id)
}

pub fn sign_form(ctx: &Ctx, case: i64, mediator: &str) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_SIGN),
        vec![
            Field::text("name", m::F_SIGNER, mediator).max(limit::NAME),
            Field::masked("passphrase", m::F_PASSPHRASE),
        ],
        move |f, ctx| {
            let who = signer(ctx, &f.text("name"))?;
            let first = ctx.store.sign_agreement(case, who, &f.text("passphrase"))?;
            ctx.info(ctx.t(if first {
                m::SIGNED_NOW
            } else {
                m::SIGNED_AGAIN
            }));
            Ok(Nav::Reload)
        },
    )
    .changes_record()
}

pub fn check_form(ctx: &Ctx, case: i64) -> Form<Nav> {
    let l = ctx.lang;
    let results = vec![
        ("1".to_string(), m::YES_PERFORMED.get(l).to_string()),
        ("0".to_string(), m::NOT_PERFORMED.get(l).to_string()),
    ];
    Form::new(
        ctx.t(m::F_CHECK),
        vec![
            Field::text("date", m::F_DATE, &today()).max(10),
            Field::choice("performed", m::F_PERFORMED, results, "1"),
            Field::text("note", m::F_NOTE, ""),
        ],
        move |f, ctx| {
            ctx.store.record_check(
                case,
                &f.text("date"),
                f.choice("performed") == "1",
                &f.text("note"),
            )?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

/// The statuses reachable by hand from `from` (none: the form is not offered).
pub fn status_form(ctx: &Ctx, case: i64, from: CaseStatus) -> Option<Form<Nav>> {
    let l = ctx.lang;
    let to = from.by_hand();
    let first = to.first()?.as_db();
    let options = opts(&to, |s| s.as_db(), |s| m::status(l, s));
    Some(
        Form::new(
            ctx.t(m::F_STATUS),
            vec![
                Field::choice("status", m::F_STATUS, options, first),
                Field::text("note", m::F_NOTE, ""),
            ],
            move |f, ctx| {
                let to = CaseStatus::from_db(&f.choice("status")).unwrap_or(CaseStatus::Open);
                ctx.store.set_case_status(case, to, &f.text("note"))?;
                Ok(saved(ctx))
            },
        )
        .changes_record(),
    )
}

pub fn addendum_form(ctx: &Ctx, case: i64, mediator: &str) -> Form<Nav> {
    Form::new(
        ctx.t(m::F_ADDENDUM),
        vec![
            Field::multi("text", m::F_ADDENDUM_TEXT, ""),
            Field::text("name", m::F_SIGNER, mediator).max(limit::NAME),
            Field::masked("passphrase", m::F_PASSPHRASE),
        ],
        move |f, ctx| {
            let who = signer(ctx, &f.text("name"))?;
            ctx.store
                .add_agreement_addendum(case, &f.text("text"), who, &f.text("passphrase"))?;
            Ok(saved(ctx))
        },
    )
    .changes_record()
}

/// The case list's filter, handed to the list (`Nav::Deliver`).
pub fn filter_form(ctx: &Ctx, f: &CaseFilter) -> Form<Nav> {
    let l = ctx.lang;
    let all = || ("".to_string(), m::ALL.get(l).to_string());
    let mut statuses = vec![all()];
    statuses.extend(opts(&CaseStatus::ALL, |s| s.as_db(), |s| m::status(l, s)));
    let mut kinds = vec![all()];
    kinds.extend(opts(&CaseKind::ALL, |k| k.as_db(), |k| m::kind(l, k)));
    let community = f.community;
    Form::new(
        ctx.t(m::FILTER),
        vec![
            Field::choice(
                "status",
                m::F_FILTER_STATUS,
                statuses,
                f.status.map(|s| s.as_db()).unwrap_or(""),
            ),
            Field::choice(
                "kind",
                m::F_FILTER_KIND,
                kinds,
                f.kind.map(|k| k.as_db()).unwrap_or(""),
            ),
            Field::text("month", m::F_FILTER_MONTH, f.month.as_deref().unwrap_or("")).max(7),
            Field::text("text", m::F_SEARCH, f.text.as_deref().unwrap_or(""))
                .with_hint(m::H_SEARCH),
        ],
        move |f, _ctx| {
            let month = f.text("month").trim().to_string();
            let ok = month.is_empty() || crate::domain::mediation::is_date(&format!("{month}-01"));
            if !ok {
                return Err(StoreError::Refused(Refusal::Mediation(
                    crate::store::mediation::MediationRefusal::BadMonth,
                )));
            }
            Ok(Nav::Deliver(Delivered::CaseFilter(CaseFilter {
                community,
                status: CaseStatus::from_db(&f.choice("status")),
                kind: CaseKind::from_db(&f.choice("kind")),
                month: (!month.is_empty()).then_some(month),
                text: Some(f.text("text").trim().to_string()).filter(|t| !t.is_empty()),
            })))
        },
    )
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
