//! Forms keep a draft: what is typed into a form that keeps one is written
//! to the database as it is typed (store::drafts), per form and record, so Ctrl-C, a
//! crash or a restart loses nothing; opening the same form again offers it. A saved or
//! discarded form forgets it. Passphrases are never kept.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::strings::{Lang, forms as h};
use crate::ui::ctx::Ctx;
use crate::ui::form::{DraftKey, FieldKind, Form};
use crate::ui::theme;

impl<N: 'static> Form<N> {
    /// Keep this form's draft under `form` on `record`. Called when the form is built,
    /// after its fields hold the record's present values.
    pub fn keep_draft(mut self, form: &'static str, record: i64) -> Form<N> {
        self.draft = Some(DraftKey { form, record });
        self.changes = true;
        self.pristine = self.values();
        self.kept = self.pristine.clone();
        self
    }

    /// Submitting this form changes the record (forms that keep a draft do): on a file
    /// open read-only it is refused before it opens.
    pub fn changes_record(mut self) -> Form<N> {
        self.changes = true;
        self
    }

    /// Every field's value by name: a text as typed, a choice's code; no passphrase.
    pub fn values(&self) -> Vec<(String, String)> {
        self.fields
            .iter()
            .filter_map(|f| match &f.kind {
                FieldKind::Text(e) if e.is_masked() => None,
                FieldKind::Text(e) => Some((f.name.to_string(), e.text())),
                FieldKind::Choice { .. } => Some((f.name.to_string(), self.choice(f.name))),
            })
            .collect()
    }

    /// Whether anything differs from what the form opened with.
    pub fn changed(&self) -> bool {
        self.values() != self.pristine
    }

    /// Whether Esc should ask before throwing the typing away.
    pub fn asks_to_discard(&self) -> bool {
        self.draft.is_some() && self.changed()
    }

    /// Fill the fields from a draft (a field the form no longer has is left out).
    fn restore(&mut self, values: &[(String, String)]) {
        for (name, value) in values {
            let Some(field) = self.field_mut(name) else {
                continue;
            };
            match &mut field.kind {
                FieldKind::Text(e) if !e.is_masked() => {
                    // A draft longer than the field's limit is still shown whole: the
                    // limit refuses it on save, with its sentence, and nothing is lost.
                    e.set_text(value)
                }
                FieldKind::Choice { options, idx } => {
                    if let Some(i) = options.iter().position(|o| &o.0 == value) {
                        *idx = i;
                    }
                }
                FieldKind::Text(_) => {}
            }
        }
    }

    /// Blank every passphrase field (after a wrong one: it is never left to retry).
    pub fn clear_masked(&mut self) {
        for f in &mut self.fields {
            if let FieldKind::Text(e) = &mut f.kind
                && e.is_masked()
            {
                e.set_text("");
            }
        }
    }
}

/// A form opens: a kept draft of it fills it, and the form says so.
pub fn offer<N: 'static>(ctx: &mut Ctx, f: &mut Form<N>) {
    let Some(key) = f.draft else {
        return;
    };
    let Some(Some(d)) = ctx.store_do(|st| st.draft(key.form, key.record)) else {
        return;
    };
    f.restore(&d.fields);
    f.kept = f.values();
    if f.changed() {
        f.notice = Some(h::draft_restored(ctx.lang, &d.saved_at));
    }
}

/// After a key or a paste: keep what the form holds now, if it changed since it was
/// last kept (back to what it opened with, the draft is forgotten). A failed write is
/// told in the form, which keeps what was typed.
pub fn keep<N: 'static>(ctx: &mut Ctx, f: &mut Form<N>) {
    let Some(key) = f.draft else {
        return;
    };
    let now = f.values();
    if now == f.kept {
        return;
    }
    let done = if now == f.pristine {
        ctx.store.discard_draft(key.form, key.record)
    } else {
        ctx.store.save_draft(key.form, key.record, &now)
    };
    match done {
        Ok(()) => f.kept = now,
        Err(e) => f.error = Some(ctx.say(&e)),
    }
}

/// The form was saved, or its changes discarded: its draft goes.
pub fn forget<N: 'static>(ctx: &mut Ctx, f: &Form<N>) {
    if let Some(key) = f.draft {
        ctx.store_do(|st| st.discard_draft(key.form, key.record));
    }
}

/// The discard question, over the form it would close.
pub fn draw_discard<N: 'static>(l: Lang, form: &Form<N>, f: &mut Frame<'_>, area: Rect) {
    form.render(f, area, l);
    let lines = crate::domain::text::wrap::wrap(h::DISCARD_Q.get(l), 50);
    let mut body: Vec<Line<'_>> = lines.into_iter().map(Line::from).collect();
    body.push(Line::from(""));
    body.push(Line::from(Span::styled(
        crate::ui::keys::dialog::line(crate::ui::keys::dialog::DISCARD, l, " · "),
        theme::focus(),
    )));
    let w = 54.min(area.width);
    let hgt = (body.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - hgt) / 2,
        width: w,
        height: hgt,
    };
    crate::ui::widgets::clear_popup(f, r);
    f.render_widget(
        Paragraph::new(body)
            .style(theme::popup())
            .block(Block::default().borders(Borders::ALL)),
        r,
    );
}

/// Whether a refusal is about the passphrase typed (wrong, or its repetition differs).
pub fn wrong_passphrase(e: &crate::store::StoreError) -> bool {
    use crate::store::{Refusal, StoreError};
    matches!(
        e,
        StoreError::WrongPassphrase | StoreError::Refused(Refusal::Signing(_))
    )
}
