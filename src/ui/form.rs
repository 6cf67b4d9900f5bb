//! One form component for every dialog that asks for text or a choice: new meeting,
//! agenda item, voter, unit, proxy, speaker, remark, amendment, action item, summary.
//! What was typed stays in the form until the store has accepted it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::app::App;
use super::editor::Editor;
use super::theme;
use crate::domain::text::{truncate, width};
use crate::strings::{Lang, Tr, ui as s};

pub enum FieldKind {
    Text(Editor),
    /// Options as (stable code, label); `idx` is the chosen one.
    Choice {
        options: Vec<(String, String)>,
        idx: usize,
    },
}

pub struct Field {
    pub label: Tr,
    pub kind: FieldKind,
    pub hint: Option<Tr>,
    /// For a choice: a line explaining the chosen option (the vote rule's requirement).
    pub explain: Option<fn(Lang, &str) -> &'static str>,
}

impl Field {
    pub fn text(label: Tr, value: &str) -> Field {
        Field {
            label,
            kind: FieldKind::Text(Editor::single(value)),
            hint: None,
            explain: None,
        }
    }
    /// A passphrase: shown as stars, never echoed.
    pub fn masked(label: Tr) -> Field {
        Field {
            label,
            kind: FieldKind::Text(Editor::masked()),
            hint: None,
            explain: None,
        }
    }
    pub fn multi(label: Tr, value: &str) -> Field {
        Field {
            label,
            kind: FieldKind::Text(Editor::multi(value)),
            hint: None,
            explain: None,
        }
    }
    pub fn choice(label: Tr, options: Vec<(String, String)>, selected: &str) -> Field {
        let idx = options.iter().position(|(c, _)| c == selected).unwrap_or(0);
        Field {
            label,
            kind: FieldKind::Choice { options, idx },
            hint: None,
            explain: None,
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
}

/// What the form is for, with the ids it acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    NewMeeting { community: i64 },
    EditMeeting { meeting: i64 },
    AddItem { meeting: i64 },
    EditItem { item: i64 },
    Search,
    AddVoter { community: i64 },
    EditVoter { voter: i64 },
    AddUnit { voter: i64 },
    Transfer { voter: i64 },
    Council { voter: i64 },
    Proxy { meeting: i64, voter: i64 },
    Speaker { item: i64 },
    Remark { remark: i64 },
    Amend { item: i64 },
    Recuse { meeting: i64, item: i64 },
    Jump,
    Action { item: i64 },
    Summary { meeting: i64 },
    ActionStatus { action: i64 },
    Register { meeting: i64 },
    Sign { meeting: i64 },
    Export { meeting: i64 },
    ExportNotice { meeting: i64 },
    Addendum { meeting: i64 },
    ArchiveSearch,
    ArchiveFilter,
}

pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub purpose: Purpose,
    pub error: Option<String>,
}

pub enum Outcome {
    Editing,
    Cancel,
    Submit,
}

impl Form {
    pub fn new(title: impl Into<String>, purpose: Purpose, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            purpose,
            error: None,
        }
    }

    /// The text of field `i` ("" for a choice).
    pub fn value(&self, i: usize) -> String {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Text(e)) => e.text(),
            _ => String::new(),
        }
    }

    /// The chosen code of field `i` ("" for text).
    pub fn choice(&self, i: usize) -> String {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Choice { options, idx }) => {
                options.get(*idx).map(|o| o.0.clone()).unwrap_or_default()
            }
            _ => String::new(),
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(Field {
            kind: FieldKind::Text(e),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            e.insert(text);
        }
    }

    pub fn key(&mut self, k: &KeyEvent, width: usize) -> Outcome {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let n = self.fields.len();
        match k.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('s') if ctrl => return Outcome::Submit,
            KeyCode::Tab => self.focus = (self.focus + 1) % n.max(1),
            KeyCode::BackTab => self.focus = (self.focus + n.max(1) - 1) % n.max(1),
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
                        KeyCode::Down => self.focus = (self.focus + 1) % n,
                        KeyCode::Up => self.focus = (self.focus + n - 1) % n,
                        _ => {}
                    },
                    FieldKind::Text(e) => {
                        if k.code == KeyCode::Enter && !e.is_multiline() {
                            return self.enter();
                        }
                        if !e.key(k, width) {
                            match k.code {
                                KeyCode::Down => self.focus = (self.focus + 1) % n,
                                KeyCode::Up => self.focus = (self.focus + n - 1) % n,
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
        self.error = None;
        Outcome::Editing
    }

    /// Enter on a one-line field: the next field, or submit on the last.
    fn enter(&mut self) -> Outcome {
        if self.focus + 1 >= self.fields.len() {
            Outcome::Submit
        } else {
            self.focus += 1;
            Outcome::Editing
        }
    }

    /// Draw centred over `area`; returns the width of the focused text field.
    pub fn render(
        &mut self,
        f: &mut Frame<'_>,
        area: Rect,
        app_lang: crate::strings::Lang,
    ) -> usize {
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
        let heights: Vec<u16> = self
            .fields
            .iter()
            .map(|fl| match &fl.kind {
                FieldKind::Text(e) if e.is_multiline() => {
                    (e.height_at(field_w as usize) as u16).clamp(6, 12)
                }
                _ => 1,
            })
            .collect();
        let hint_lines = 3u16;
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
        let mut y = inner.y;
        let mut focused_width = field_w as usize;
        for (i, fl) in self.fields.iter_mut().enumerate() {
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
            match &mut fl.kind {
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
        let hint_area = Rect {
            x: inner.x,
            y: inner.y + inner.height.saturating_sub(hint_lines),
            width: inner.width,
            height: hint_lines,
        };
        let mut lines = Vec::new();
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(e.clone(), theme::error())));
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
        f.render_widget(Paragraph::new(lines), hint_area);
        focused_width
    }
}

/// Carry out a submitted form. Err(reason) keeps the form open with what was typed.
pub fn submit(app: &mut App, form: &Form) -> Result<(), String> {
    super::forms_submit::submit(app, form)
}
