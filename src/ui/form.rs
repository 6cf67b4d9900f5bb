//! The one small form widget under every dialog: named fields (text or a choice), each
//! with its limit, and the submit of the form's purpose. Each purpose builds its form
//! beside its screen (src/ui/forms/, and the screens' own files), declaring its fields
//! through ui::fields and reading them by the handles that gives; the names stay for
//! drafts and `Field::when`. What was typed stays in the form until the store has
//! accepted it.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::text::{truncate, width};
use crate::store::StoreError;
use crate::strings::{Lang, Tr, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::editor::Editor;
use crate::ui::theme;

pub enum FieldKind {
    Text(Editor),
    /// Options as (stable code, label); `idx` is the chosen one.
    Choice {
        options: Vec<(String, String)>,
        idx: usize,
    },
}

pub struct Field {
    /// How the purpose's submit asks for this field's value.
    pub name: &'static str,
    pub label: Tr,
    /// The most characters the store keeps (schema.sql's CHECK); more is refused.
    pub max: Option<usize>,
    pub kind: FieldKind,
    pub hint: Option<Tr>,
    /// For a choice: a line explaining the chosen option (the vote rule's requirement).
    pub explain: Option<fn(Lang, &str) -> &'static str>,
    /// Shown only while the choice field called `.0` has one of the codes `.1` (the
    /// elevator's shaft owners under the elevator rule only).
    pub when: Option<(&'static str, &'static [&'static str])>,
}

impl Field {
    pub fn text(name: &'static str, label: Tr, value: &str) -> Field {
        Field {
            name,
            max: None,
            label,
            kind: FieldKind::Text(Editor::single(value)),
            hint: None,
            explain: None,
            when: None,
        }
    }
    /// A passphrase: shown as stars, never echoed.
    pub fn masked(name: &'static str, label: Tr) -> Field {
        Field {
            name,
            max: None,
            label,
            kind: FieldKind::Text(Editor::masked()),
            hint: None,
            explain: None,
            when: None,
        }
    }
    pub fn multi(name: &'static str, label: Tr, value: &str) -> Field {
        Field {
            name,
            max: None,
            label,
            kind: FieldKind::Text(Editor::multi(value)),
            hint: None,
            explain: None,
            when: None,
        }
    }
    pub fn choice(
        name: &'static str,
        label: Tr,
        options: Vec<(String, String)>,
        selected: &str,
    ) -> Field {
        let idx = options.iter().position(|(c, _)| c == selected).unwrap_or(0);
        Field {
            name,
            max: None,
            label,
            kind: FieldKind::Choice { options, idx },
            hint: None,
            explain: None,
            when: None,
        }
    }
    pub fn with_explain(mut self, f: fn(Lang, &str) -> &'static str) -> Field {
        self.explain = Some(f);
        self
    }
    pub fn with_hint(mut self, h: Tr) -> Field {
        self.hint = Some(h);
        self
    }
    /// Shown only while the choice `field` is one of `codes`.
    pub fn when(mut self, field: &'static str, codes: &'static [&'static str]) -> Field {
        self.when = Some((field, codes));
        self
    }
    /// At most `n` characters (the schema's limit for the column it fills).
    pub fn max(mut self, n: usize) -> Field {
        self.max = Some(n);
        self
    }
    fn chars(&self) -> usize {
        match &self.kind {
            FieldKind::Text(e) => e.text().chars().count(),
            FieldKind::Choice { .. } => 0,
        }
    }
}

/// What the form does when saved: its purpose's own submit, reading fields by name,
/// answering with `N` (the app's `Nav`). An error keeps the form open with what was
/// typed and the sentence.
pub type Submit<N> = Box<dyn Fn(&Form<N>, &mut Ctx) -> Result<N, StoreError>>;

/// Called after a field changed (the export form names its file by format and kind).
/// Shared, so it can be called with the form it belongs to.
pub type OnChange<N> = std::rc::Rc<dyn Fn(&mut Form<N>)>;

/// A line from the fields as they stand, for the hint area (see `Form::live`).
pub type Live<N> = Box<dyn Fn(&Form<N>, Lang) -> Option<String>>;

/// Which form, on which record (the row it edits, or the one it adds to): where its
/// draft is kept (see ui::drafts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftKey {
    pub form: &'static str,
    pub record: i64,
}

/// A form whose save answers with an `N`: generic so that this widget does not name
/// the app's `Nav`, which holds forms (`Form<Nav>` is every form the screens open).
pub struct Form<N> {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    submit: Submit<N>,
    on_change: Option<OnChange<N>>,
    /// A line worked out from the fields as they stand (the custom rule's explanation),
    /// shown under the form while it gives one.
    live: Option<Live<N>>,
    /// The focused text field's width as last drawn, for moving the cursor by visual
    /// line. A `Cell`, so drawing reads the form and leaves only this note.
    field_width: Cell<usize>,
    /// Where its draft is kept as it is typed (see ui::drafts), if it keeps one.
    pub(crate) draft: Option<DraftKey>,
    /// The values it opened with and those last kept as its draft.
    pub(crate) pristine: Vec<(String, String)>,
    pub(crate) kept: Vec<(String, String)>,
    /// A note shown until the next key (a restored draft).
    pub notice: Option<String>,
    /// Submitting it changes the record: not opened on a file open read-only.
    pub(crate) changes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Editing,
    Cancel,
    Submit,
}

impl<N: 'static> Form<N> {
    pub fn new(
        title: impl Into<String>,
        fields: impl Into<Vec<Field>>,
        submit: impl Fn(&Form<N>, &mut Ctx) -> Result<N, StoreError> + 'static,
    ) -> Form<N> {
        Form {
            title: title.into(),
            fields: fields.into(),
            focus: 0,
            error: None,
            submit: Box::new(submit),
            on_change: None,
            live: None,
            field_width: Cell::new(40),
            draft: None,
            changes: false,
            pristine: Vec::new(),
            kept: Vec::new(),
            notice: None,
        }
    }

    pub fn on_change(mut self, f: impl Fn(&mut Form<N>) + 'static) -> Form<N> {
        self.on_change = Some(std::rc::Rc::new(f));
        self
    }

    pub fn live(mut self, f: impl Fn(&Form<N>, Lang) -> Option<String> + 'static) -> Form<N> {
        self.live = Some(Box::new(f));
        self
    }

    /// Whether field `i` is shown (see `Field::when`).
    pub fn shown(&self, i: usize) -> bool {
        match self.fields.get(i).and_then(|f| f.when) {
            Some((name, codes)) => codes.contains(&self.choice(name).as_str()),
            None => i < self.fields.len(),
        }
    }

    /// Move the focus to the next (or previous) shown field, round the end.
    fn step(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        for _ in 0..n {
            self.focus = if forward {
                (self.focus + 1) % n
            } else {
                (self.focus + n - 1) % n
            };
            if self.shown(self.focus) {
                return;
            }
        }
    }

    /// Carry out the form's purpose.
    pub fn submit(&self, ctx: &mut Ctx) -> Result<N, StoreError> {
        (self.submit)(self, ctx)
    }

    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn field_mut(&mut self, name: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.name == name)
    }

    /// The text of the field called `name` ("" for a choice or no such field).
    pub fn text(&self, name: &str) -> String {
        match self.field(name).map(|f| &f.kind) {
            Some(FieldKind::Text(e)) => e.text(),
            _ => String::new(),
        }
    }

    /// The chosen code of the field called `name` ("" for text or no such field).
    pub fn choice(&self, name: &str) -> String {
        match self.field(name).map(|f| &f.kind) {
            Some(FieldKind::Choice { options, idx }) => {
                options.get(*idx).map(|o| o.0.clone()).unwrap_or_default()
            }
            _ => String::new(),
        }
    }

    /// Set a text field's value (the export form's file name).
    pub fn set_text(&mut self, name: &str, value: &str) {
        if let Some(Field {
            kind: FieldKind::Text(e),
            ..
        }) = self.field_mut(name)
        {
            e.set_text(value);
        }
    }

    /// The name of the field with the focus.
    pub fn focused(&self) -> &'static str {
        self.fields.get(self.focus).map(|f| f.name).unwrap_or("")
    }

    pub fn paste(&mut self, text: &str, l: Lang) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let FieldKind::Text(e) = &mut field.kind else {
            return;
        };
        let before = e.clone();
        e.insert(text);
        self.check_limit(before, l);
    }

    /// Refuse an edit that takes the focused field past its limit: the text goes back
    /// to what it was, and the sentence says the limit.
    fn check_limit(&mut self, before: Editor, l: Lang) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if let Some(max) = field.max
            && field.chars() > max
        {
            field.kind = FieldKind::Text(before);
            self.error = Some(crate::strings::forms::too_long(l, field.label.get(l), max));
        } else {
            self.error = None;
            if let Some(f) = self.on_change.clone() {
                f(self);
            }
        }
    }

    pub fn key(&mut self, k: &KeyEvent, l: Lang) -> Outcome {
        let width = self.field_width.get();
        let before = match self.fields.get(self.focus).map(|f| &f.kind) {
            Some(FieldKind::Text(e)) => Some(e.clone()),
            _ => None,
        };
        let out = self.key_at(k, width);
        match (out, before) {
            (Outcome::Editing, Some(before)) => self.check_limit(before, l),
            (Outcome::Editing, None) => {
                if let Some(f) = self.on_change.clone() {
                    f(self);
                }
            }
            _ => {}
        }
        out
    }

    fn key_at(&mut self, k: &KeyEvent, width: usize) -> Outcome {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('s') if ctrl => return Outcome::Submit,
            KeyCode::Tab => self.step(true),
            KeyCode::BackTab => self.step(false),
            _ => {
                let Some(field) = self.fields.get_mut(self.focus) else {
                    return Outcome::Editing;
                };
                match &mut field.kind {
                    FieldKind::Choice { options, idx } => match k.code {
                        KeyCode::Left => *idx = (*idx + options.len() - 1) % options.len().max(1),
                        KeyCode::Right | KeyCode::Char(' ') => {
                            *idx = (*idx + 1) % options.len().max(1)
                        }
                        KeyCode::Enter => return self.enter(),
                        KeyCode::Down => self.step(true),
                        KeyCode::Up => self.step(false),
                        _ => {}
                    },
                    FieldKind::Text(e) => {
                        if k.code == KeyCode::Enter && !e.is_multiline() {
                            return self.enter();
                        }
                        if !e.key(k, width) {
                            match k.code {
                                KeyCode::Down => self.step(true),
                                KeyCode::Up => self.step(false),
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
        self.error = None;
        self.notice = None;
        Outcome::Editing
    }

    /// Enter on a one-line field: the next shown field, or submit on the last.
    fn enter(&mut self) -> Outcome {
        match (self.focus + 1..self.fields.len()).find(|&i| self.shown(i)) {
            Some(i) => {
                self.focus = i;
                Outcome::Editing
            }
            None => Outcome::Submit,
        }
    }

    /// Draw centred over `area` (noting the focused field's width, see `field_width`).
    pub fn render(&self, f: &mut Frame<'_>, area: Rect, app_lang: Lang) {
        let hint_lines = 3u16;
        let w = area.width.saturating_sub(4).clamp(20, 100);
        let label_w = self
            .fields
            .iter()
            .map(|fl| width(fl.label.get(app_lang)))
            .max()
            .unwrap_or(4)
            .min(24) as u16
            + 2;
        let field_w = w.saturating_sub(label_w + 2).max(10);
        let heights = self.heights(area, field_w, hint_lines);
        let h = (heights.iter().sum::<u16>() + hint_lines + 2).min(area.height);
        let rect = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height.saturating_sub(h)) / 2,
            width: w,
            height: h,
        };
        crate::ui::widgets::clear_popup(f, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", self.title))
            .style(theme::popup());
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        let cols = (label_w, field_w);
        let focused_width = self.draw_fields(f, inner, cols, &heights, hint_lines, app_lang);
        let hint_area = Rect {
            x: inner.x,
            y: inner.y + inner.height.saturating_sub(hint_lines),
            width: inner.width,
            height: hint_lines,
        };
        // Wrapped by the one wrapper: the custom rule's explanation may take two lines.
        let lines = crate::ui::widgets::wrap_lines(self.hints(app_lang), hint_area.width as usize);
        f.render_widget(Paragraph::new(lines), hint_area);
        self.field_width.set(focused_width);
    }

    /// Each field's height: 0 when hidden, 1 for a line or a choice; a long text gets
    /// what the one-line fields leave (at least 3 lines), so every field stays on the
    /// screen at 80×24.
    fn heights(&self, area: Rect, field_w: u16, hint_lines: u16) -> Vec<u16> {
        let multi = |fl: &Field| matches!(&fl.kind, FieldKind::Text(e) if e.is_multiline());
        let singles = (0..self.fields.len())
            .filter(|&i| self.shown(i) && !multi(&self.fields[i]))
            .count() as u16;
        let room = area.height.saturating_sub(singles + hint_lines + 2).max(3);
        self.fields
            .iter()
            .enumerate()
            .map(|(i, fl)| match &fl.kind {
                _ if !self.shown(i) => 0,
                FieldKind::Text(e) if e.is_multiline() => (e.height_at(field_w as usize) as u16)
                    .clamp(6, 12)
                    .min(room),
                _ => 1,
            })
            .collect()
    }

    /// The shown fields, each with its label, inside the form's border; the focused
    /// field's width as drawn.
    fn draw_fields(
        &self,
        f: &mut Frame<'_>,
        inner: Rect,
        (label_w, field_w): (u16, u16),
        heights: &[u16],
        hint_lines: u16,
        app_lang: Lang,
    ) -> usize {
        let mut y = inner.y;
        let mut focused_width = field_w as usize;
        for (i, fl) in self.fields.iter().enumerate() {
            if heights[i] == 0 {
                continue;
            }
            let fh =
                heights[i].min(inner.y + inner.height.saturating_sub(hint_lines).saturating_sub(y));
            if fh == 0 {
                break;
            }
            let focused = i == self.focus;
            let lstyle = if focused {
                theme::focus()
            } else {
                Style::default()
            };
            f.render_widget(
                Paragraph::new(fl.label.get(app_lang)).style(lstyle),
                Rect {
                    x: inner.x,
                    y,
                    width: label_w,
                    height: 1,
                },
            );
            let frect = Rect {
                x: inner.x + label_w,
                y,
                width: field_w.min(inner.width.saturating_sub(label_w)),
                height: fh,
            };
            match &fl.kind {
                FieldKind::Text(e) => {
                    e.render(f, frect, theme::field(focused), focused);
                    if focused {
                        focused_width = frect.width as usize;
                    }
                }
                FieldKind::Choice { options, idx } => {
                    let label = options.get(*idx).map(|o| o.1.as_str()).unwrap_or("");
                    let text = format!(
                        "< {} >",
                        truncate(label, frect.width.saturating_sub(4) as usize)
                    );
                    f.render_widget(Paragraph::new(text).style(theme::field(focused)), frect);
                }
            }
            y += fh;
        }
        focused_width
    }

    /// Under the fields: the error, a notice, the live line, the chosen option's
    /// explanation or the field's hint (with its limit as it fills), then the keys.
    fn hints(&self, app_lang: Lang) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(e.clone(), theme::error())));
        } else if let Some(n) = &self.notice {
            lines.push(Line::from(Span::styled(n.clone(), theme::focus())));
        } else if let Some(text) = self.live.as_ref().and_then(|f| f(self, app_lang)) {
            lines.push(Line::from(Span::styled(text, theme::focus())));
        } else if let Some((Some(explain), FieldKind::Choice { options, idx })) =
            self.fields.get(self.focus).map(|f| (f.explain, &f.kind))
        {
            let code = options.get(*idx).map(|o| o.0.as_str()).unwrap_or("");
            lines.push(Line::from(Span::styled(
                explain(app_lang, code),
                theme::focus(),
            )));
        } else if let Some(h) = self.fields.get(self.focus).and_then(|f| f.hint) {
            lines.push(Line::from(Span::styled(h.get(app_lang), theme::dim())));
        } else {
            lines.push(Line::from(""));
        }
        // The focused field's limit, shown as it fills: "12/300".
        if let Some(fl) = self.fields.get(self.focus)
            && let Some(max) = fl.max
            && let Some(first) = lines.first_mut()
        {
            first.spans.push(Span::styled(
                format!("  {}", s::field_limit(app_lang, fl.chars(), max)),
                theme::dim(),
            ));
        }
        if let Some(FieldKind::Text(e)) = self.fields.get(self.focus).map(|f| &f.kind)
            && e.is_multiline()
        {
            lines.push(Line::from(Span::styled(
                s::FORM_KEYS_MULTI.get(app_lang),
                theme::dim(),
            )));
        }
        lines.push(Line::from(Span::styled(
            s::FORM_KEYS.get(app_lang),
            theme::dim(),
        )));
        lines
    }
}
