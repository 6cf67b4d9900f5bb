//! Printing from the screens: the same A4 HTML as `yishi print`, written through the
//! same safe file writing as the exports (crate::files: never over the database, never
//! through a link, never half-written). An existing file is replaced only when the user
//! says so; the message names the full path.

use std::path::{Path, PathBuf};

use crate::domain::text::clean_line;
use crate::paper::{Paper, render};
use crate::store::ids::MeetingId;
use crate::store::{Refusal, StoreError};
use crate::strings::{Tr, ui as s, written_ui as wu};
use crate::ui::ctx::Ctx;
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};
use crate::ui::nav::Nav;

fn code(p: Paper) -> &'static str {
    match p {
        Paper::Notice => "notice",
        Paper::SignIn => "sign-in",
        Paper::ProxyForm => "proxy-form",
        Paper::Ballots => "ballots",
        Paper::Results => "results",
        Paper::Extension => "extension",
    }
}

fn label(p: Paper) -> Tr {
    match p {
        Paper::Notice => wu::P_NOTICE,
        Paper::SignIn => wu::P_SIGN_IN,
        Paper::ProxyForm => wu::P_PROXY,
        Paper::Ballots => wu::P_BALLOTS,
        Paper::Results => wu::P_RESULTS,
        Paper::Extension => wu::P_EXTENSION,
    }
}

fn paper_of(c: &str) -> Option<Paper> {
    Paper::ALL.into_iter().find(|p| code(*p) == c)
}

/// The meeting of a name `Paper::file_name` gave, while the user has not typed their own.
fn offered_id(path: &str) -> Option<MeetingId> {
    let rest = path.trim().strip_prefix("yishi-")?.strip_suffix(".html")?;
    let (id, what) = rest.split_once('-')?;
    paper_of(what)?;
    id.parse().ok().map(MeetingId)
}

/// The print form: which paper (`offer`, the first chosen) and the file, named after the
/// paper until the user types a name of their own.
pub fn print_form(ctx: &Ctx, meeting: MeetingId, offer: &[Paper]) -> Form<Nav> {
    let l = ctx.lang;
    let options = offer
        .iter()
        .map(|p| (code(*p).to_string(), label(*p).get(l).to_string()))
        .collect();
    let first = offer.first().copied().unwrap_or(Paper::Notice);
    let mut fields = Fields::default();
    let paper_field = fields.choice(Field::choice("paper", wu::F_PAPER, options, code(first)));
    let path_field = fields
        .text(Field::text("path", s::F_PATH, &first.file_name(meeting)).with_hint(s::F_PATH_HINT));
    let hook = (paper_field.clone(), path_field);
    Form::new(ctx.t(wu::F_PRINT_TITLE), fields, move |f, ctx| {
        let what = paper_of(&f.pick(&paper_field)).unwrap_or(first);
        print(ctx, meeting, what, &f.get(path_field))
    })
    .on_change(move |f| rename_offered(f, &hook.0, hook.1))
}

/// The print form's change hook: an offered name follows the paper chosen.
fn rename_offered(f: &mut Form<Nav>, paper: &ChoiceField<String>, path: TextField) {
    if let (Some(id), Some(p)) = (offered_id(&f.get(path)), paper_of(&f.pick(paper))) {
        f.set(path, &p.file_name(id));
    }
}

/// The path as the user will find it: absolute (relative to the folder yishi runs in).
fn full_path(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Render and write; an existing file is asked about, then replaced.
fn print(ctx: &mut Ctx, meeting: MeetingId, what: Paper, path: &str) -> Result<Nav, StoreError> {
    let mut path = PathBuf::from(path.trim());
    if path.extension().is_none() {
        path.set_extension("html");
    }
    let html = render(&ctx.store, meeting, what)?;
    match write(ctx, &path, &html, false) {
        Err(StoreError::Refused(Refusal::ExportFile {
            why: crate::files::Refusal::Exists,
            path: shown,
        })) => Ok(Nav::ask(wu::replace_q(ctx.lang, &shown), move |ctx| {
            if let Err(e) = write(ctx, &path, &html, true) {
                ctx.error(ctx.say(&e));
            }
            Nav::Stay
        })),
        Err(e) => Err(e),
        Ok(()) => Ok(Nav::Stay),
    }
}

fn write(ctx: &mut Ctx, path: &Path, html: &str, replace: bool) -> Result<(), StoreError> {
    let shown = clean_line(&full_path(path).display().to_string());
    crate::files::write_new(path, html.as_bytes(), Some(ctx.store.path()), replace).map_err(
        |why| Refusal::ExportFile {
            path: shown.clone(),
            why,
        },
    )?;
    ctx.info(wu::printed(ctx.lang, &shown));
    Ok(())
}

/// The paper each state of a meeting can print, the likeliest first.
pub fn offer(status: crate::domain::model::MeetingStatus, written: bool) -> Vec<Paper> {
    use crate::domain::model::MeetingStatus as M;
    match (status, written) {
        (M::Draft, false) => vec![Paper::Notice, Paper::SignIn, Paper::ProxyForm],
        // Ballots are numbered when the consultation opens: offered, and refused with
        // the sentence that says so.
        (M::Draft, true) => vec![Paper::Notice, Paper::ProxyForm, Paper::Ballots],
        (M::Open, false) => vec![Paper::SignIn, Paper::Notice, Paper::ProxyForm],
        (M::Open, true) => vec![
            Paper::Ballots,
            Paper::Notice,
            Paper::ProxyForm,
            Paper::Extension,
        ],
        (_, false) => vec![
            Paper::Results,
            Paper::Notice,
            Paper::SignIn,
            Paper::ProxyForm,
        ],
        (_, true) => vec![
            Paper::Results,
            Paper::Notice,
            Paper::Ballots,
            Paper::Extension,
            Paper::ProxyForm,
        ],
    }
}

/// The print form for meeting `m` as it stands, or the sentence of the failed read.
pub fn print_nav(ctx: &mut Ctx, m: MeetingId) -> Nav {
    let read = ctx
        .store
        .meeting(m)
        .and_then(|row| Ok((row.status, ctx.store.meeting_form(m)?)));
    match read {
        Ok((status, form)) => {
            let offer = offer(status, form == crate::domain::model::MeetingForm::Written);
            Nav::form(print_form(ctx, m, &offer))
        }
        Err(e) => {
            ctx.error(ctx.say(&e));
            Nav::Stay
        }
    }
}
