//! The forms of the minutes: the summary, a signer's registration, a signature, an
//! addendum, and the exports (full minutes or the public notice) to a new file.

use crate::domain::signing::SignError;
use crate::domain::signing::verify::Role;
use crate::domain::text::clean_line;
use crate::export::Format;
use crate::store::ids::{MeetingId, SignerId};
use crate::store::{Refusal, StoreError};
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};
use crate::ui::forms::{limit, one_field, saved};
use crate::ui::nav::Nav;

pub fn summary_form(ctx: &Ctx, meeting: MeetingId, summary: &str) -> Form<Nav> {
    one_field(
        ctx,
        s::F_SUMMARY,
        Field::multi("text", s::F_SUMMARY, summary),
        move |text, ctx| {
            ctx.store.set_summary(meeting, &text)?;
            Ok(saved(ctx))
        },
    )
    .keep_draft("summary", meeting.0)
}

/// Register a signer of the meeting's community: the first ones found the community's
/// roster; later ones are endorsed by a signer already on it.
pub fn register_form(ctx: &Ctx, meeting: MeetingId) -> Form<Nav> {
    let mut fields = Fields::default();
    let name_field = fields.text(Field::text("name", s::COL_NAME, "").max(limit::NAME));
    let passphrase_field = fields.text(Field::masked("passphrase", s::F_PASSPHRASE));
    let repeat_field = fields.text(Field::masked("repeat", s::F_REPEAT));
    // The endorsement (empty while the community's roster is founded).
    let endorser_field =
        fields.text(Field::text("endorser", strings::trust::F_ENDORSER, "").max(limit::NAME));
    let endorser_pass_field = fields.text(Field::masked(
        "endorser_pass",
        strings::trust::F_ENDORSER_PASS,
    ));
    Form::new(ctx.t(s::K_REGISTER), fields, move |f, ctx| {
        let (name, pass, repeat) = (
            f.get(name_field),
            f.get(passphrase_field),
            f.get(repeat_field),
        );
        if pass != repeat {
            return Err(Refusal::Signing(SignError::PassphraseMismatch).into());
        }
        let (by, by_pass) = (f.get(endorser_field), f.get(endorser_pass_field));
        let endorser = (!by.trim().is_empty()).then_some((by.as_str(), by_pass.as_str()));
        let community = ctx.store.meeting(meeting)?.community_id;
        ctx.store
            .register_endorsed(community, &name, &pass, &repeat, endorser)?;
        ctx.info(ctx.t(s::REGISTERED));
        Ok(Nav::Stay)
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

/// Sign as `role` (the one not yet signed), `name` filled in from the meeting.
pub fn sign_form(ctx: &Ctx, meeting: MeetingId, role: Role, name: &str) -> Form<Nav> {
    let l = ctx.lang;
    let mut d = Fields::default();
    let role = d.pick(
        "role",
        s::F_ROLE,
        &[Role::Host, Role::Secretary, Role::Member],
        role,
        |r| r.as_db().to_string(),
        |r| strings::sign_role(l, r.as_db()).to_string(),
    );
    let name = d.text(Field::text("name", s::COL_NAME, name).max(limit::NAME));
    let passphrase = d.text(Field::masked("passphrase", s::F_PASSPHRASE));
    Form::new(ctx.t(s::K_SIGN), d, move |f, ctx| {
        let role = f.pick(&role);
        let signer = signer(ctx, &f.get(name))?;
        let done = ctx
            .store
            .sign_meeting(meeting, signer, role, &f.get(passphrase))?;
        if done.locked {
            ctx.info(ctx.t(s::SIGNED_LOCKED));
        } else {
            let missing: Vec<&str> = done
                .missing
                .iter()
                .map(|r| strings::sign_role(ctx.lang, r.as_db()))
                .collect();
            ctx.info(format!(
                "{}{}",
                ctx.t(s::SIGNED_WAITING),
                missing.join("、")
            ));
        }
        Ok(Nav::Reload)
    })
    .changes_record()
}

pub fn addendum_form(ctx: &Ctx, meeting: MeetingId) -> Form<Nav> {
    let mut fields = Fields::default();
    let text_field = fields.text(Field::multi("text", s::F_ADDENDUM, ""));
    let name_field = fields.text(Field::text("name", s::COL_NAME, "").max(limit::NAME));
    let passphrase_field = fields.text(Field::masked("passphrase", s::F_PASSPHRASE));
    Form::new(ctx.t(s::K_ADDENDUM), fields, move |f, ctx| {
        let signer = signer(ctx, &f.get(name_field))?;
        ctx.store.add_addendum(
            meeting,
            &f.get(text_field),
            signer,
            &f.get(passphrase_field),
        )?;
        ctx.info(ctx.t(s::ADDENDUM_SIGNED));
        Ok(Nav::Reload)
    })
    .keep_draft("addendum", meeting.0)
}

fn format_code(format: Format) -> &'static str {
    match format {
        Format::Md => "md",
        Format::Html => "html",
        Format::Json => "json",
    }
}

/// The file an export of meeting `id` is offered under: `yishi-7.md`, `yishi-7.html`,
/// `yishi-7-notice.html`.
pub fn export_name(id: MeetingId, format: Format, notice: bool) -> String {
    let kind = if notice { "-notice" } else { "" };
    format!("yishi-{id}{kind}.{}", format.extension())
}

/// The meeting of a name `export_name` gave, if the path is still one of those (the user
/// has not typed a name of their own).
fn offered_id(path: &str) -> Option<MeetingId> {
    let rest = path.trim().strip_prefix("yishi-")?;
    let (stem, ext) = rest.rsplit_once('.')?;
    if !["md", "html", "json"].contains(&ext) {
        return None;
    }
    stem.strip_suffix("-notice")
        .unwrap_or(stem)
        .parse()
        .ok()
        .map(MeetingId)
}

/// The export form: format, content (full or notice) and the file, named by the first two
/// until the user types a name of their own.
pub fn export_form(ctx: &Ctx, meeting: MeetingId) -> Form<Nav> {
    let mut fields = Fields::default();
    let h = ExportFields {
        format: fields.pick(
            "format",
            s::F_FORMAT,
            &[Format::Md, Format::Html, Format::Json],
            Format::Md,
            |f| format_code(f).to_string(),
            |f| {
                match f {
                    Format::Md => "Markdown",
                    Format::Html => "HTML (A4)",
                    Format::Json => "JSON",
                }
                .to_string()
            },
        ),
        notice: fields.pick(
            "content",
            s::F_CONTENT,
            &[false, true],
            false,
            |notice| if notice { "notice" } else { "full" }.to_string(),
            |notice| {
                ctx.t(if notice {
                    s::EXPORT_NOTICE
                } else {
                    s::EXPORT_FULL
                })
                .to_string()
            },
        ),
        path: fields.text(
            Field::text("path", s::F_PATH, &export_name(meeting, Format::Md, false))
                .with_hint(s::F_PATH_HINT),
        ),
    };
    let hook = h.clone();
    Form::new(ctx.t(s::K_EXPORT), fields, move |f, ctx| {
        let (format, notice) = (f.pick(&h.format), f.pick(&h.notice));
        write_export(ctx, meeting, format, notice, &f.get(h.path))
    })
    .on_change(move |f| rename_offered(f, &hook))
}

/// The handles of the export form's fields.
#[derive(Clone)]
struct ExportFields {
    format: ChoiceField<Format>,
    notice: ChoiceField<bool>,
    path: TextField,
}

/// The export form's change hook: an offered name follows the format and the content.
fn rename_offered(f: &mut Form<Nav>, h: &ExportFields) {
    if let Some(id) = offered_id(&f.get(h.path)) {
        let name = export_name(id, f.pick(&h.format), f.pick(&h.notice));
        f.set(h.path, &name);
    }
}

pub fn notice_form(ctx: &Ctx, meeting: MeetingId) -> Form<Nav> {
    one_field(
        ctx,
        s::K_EXPORT_NOTICE,
        Field::text("text", s::F_PATH, &export_name(meeting, Format::Html, true))
            .with_hint(s::F_PATH_HINT),
        move |path, ctx| write_export(ctx, meeting, Format::Html, true, &path),
    )
}

/// Write an export to a new file (never overwriting one, nor the database; see
/// crate::files).
fn write_export(
    ctx: &mut Ctx,
    meeting: MeetingId,
    format: Format,
    notice: bool,
    path: &str,
) -> Result<Nav, StoreError> {
    let mut path = std::path::PathBuf::from(path.trim());
    if path.extension().is_none() {
        path.set_extension(format.extension());
    }
    let shown = clean_line(&path.display().to_string());
    let text = crate::export::export(&ctx.store, meeting, format, notice)?;
    crate::files::write_new(&path, text.as_bytes(), Some(ctx.store.path()), false).map_err(
        |why| Refusal::ExportFile {
            path: shown.clone(),
            why,
        },
    )?;
    // The message names the whole path written, so the file can be found (a name typed
    // alone lands in the folder yishi was started from).
    let full = std::fs::canonicalize(&path)
        .or_else(|_| std::path::absolute(&path))
        .unwrap_or(path);
    ctx.info(format!(
        "{}{}",
        ctx.t(s::EXPORTED),
        clean_line(&full.display().to_string())
    ));
    Ok(Nav::Stay)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(f: &mut Form<Nav>, code: crossterm::event::KeyCode) {
        let k = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
        f.key(&k, crate::strings::Lang::En);
    }

    fn ctx(dir: &std::path::Path) -> Ctx {
        Ctx {
            store: crate::store::Store::open(&dir.join("t.db")).unwrap(),
            lang: crate::strings::Lang::En,
            msg: None,
            room: false,
        }
    }

    #[test]
    fn the_offered_file_name_follows_format_and_content() {
        use crossterm::event::KeyCode;
        let dir = tempfile::tempdir().unwrap();
        let mut f = export_form(&ctx(dir.path()), MeetingId(7));
        assert_eq!(f.text("path"), "yishi-7.md");
        key(&mut f, KeyCode::Right); // Markdown -> HTML
        assert_eq!(f.text("path"), "yishi-7.html");
        key(&mut f, KeyCode::Tab);
        key(&mut f, KeyCode::Right); // full -> notice
        assert_eq!(f.text("path"), "yishi-7-notice.html");
        // A name the user typed is theirs: it is not renamed.
        key(&mut f, KeyCode::Tab);
        key(&mut f, KeyCode::Char('x'));
        assert_eq!(f.text("path"), "yishi-7-notice.htmlx");
        key(&mut f, KeyCode::BackTab);
        key(&mut f, KeyCode::Left);
        assert_eq!(f.text("path"), "yishi-7-notice.htmlx");
    }

    #[test]
    fn a_field_refuses_more_than_its_limit_with_a_sentence() {
        use crossterm::event::KeyCode;
        let mut f = Form::new(
            "speaker",
            vec![Field::text("text", s::F_SPEAKER, "").max(3)],
            |_, _| Ok(Nav::Stay),
        );
        for c in "王小明".chars() {
            key(&mut f, KeyCode::Char(c));
        }
        assert_eq!(f.text("text"), "王小明");
        assert!(f.error.is_none());
        key(&mut f, KeyCode::Char('X'));
        assert_eq!(f.text("text"), "王小明", "the fourth character is refused");
        assert_eq!(
            f.error.as_deref(),
            Some("Speaker: at most 3 characters; the input past that was not taken.")
        );
        f.paste("长长的名字", crate::strings::Lang::Zh);
        assert_eq!(f.text("text"), "王小明");
        assert_eq!(
            f.error.as_deref(),
            Some("「发言人」最多 3 个字符，超出的输入未被接受。")
        );
    }
}
