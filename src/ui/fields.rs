//! Declaring a form's fields, each declaration answering a typed handle: the form's
//! submit reads a field through its handle (`f.get(title)`, `f.pick(&role)`), so a field
//! that was never declared cannot be read, and a choice reads back as its value, not as
//! a code to parse again.

use crate::ui::form::{Field, FieldKind, Form};

/// A text field's handle (one line, several, or a passphrase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextField(&'static str);

/// A choice field's handle: its options are these values, in order.
#[derive(Debug, Clone)]
pub struct ChoiceField<T> {
    name: &'static str,
    /// Never empty (see `Fields::pick`).
    values: Vec<T>,
}

/// The fields of a form, in the order they are shown.
#[derive(Default)]
pub struct Fields(Vec<Field>);

impl Fields {
    /// Declare a text field built by `Field::text`, `multi` or `masked`.
    pub fn text(&mut self, field: Field) -> TextField {
        let handle = TextField(field.name);
        self.0.push(field);
        handle
    }

    /// Declare a choice among `values`, each shown by `label` and kept (in a draft, and
    /// for `Field::when`) by `code`; `selected` is chosen first.
    pub fn pick<T: Copy + PartialEq>(
        &mut self,
        name: &'static str,
        label: crate::strings::Tr,
        values: &[T],
        selected: T,
        code: impl Fn(T) -> String,
        shown: impl Fn(T) -> String,
    ) -> ChoiceField<T> {
        // An empty list still offers the value chosen first, so a choice always has one.
        let values = if values.is_empty() {
            vec![selected]
        } else {
            values.to_vec()
        };
        let options = values.iter().map(|&v| (code(v), shown(v))).collect();
        self.0
            .push(Field::choice(name, label, options, &code(selected)));
        ChoiceField { name, values }
    }

    /// Declare a choice built by `Field::choice` whose value is read by its code (a
    /// choice of the store's own words, such as a community's name).
    pub fn choice(&mut self, field: Field) -> ChoiceField<String> {
        let values = match &field.kind {
            FieldKind::Choice { options, .. } => options.iter().map(|o| o.0.clone()).collect(),
            FieldKind::Text(_) => Vec::new(),
        };
        let name = field.name;
        self.0.push(field);
        ChoiceField {
            name,
            values: if values.is_empty() {
                vec![String::new()]
            } else {
                values
            },
        }
    }

    /// Finish the field declared last (a choice's hint, or its `Field::when`).
    pub fn amend_last(&mut self, amend: impl FnOnce(Field) -> Field) {
        if let Some(f) = self.0.pop() {
            self.0.push(amend(f));
        }
    }

    /// Put a declared field at `at` instead of the end (the new meeting's electorate).
    pub fn move_last_to(&mut self, at: usize) {
        if let Some(f) = self.0.pop() {
            self.0.insert(at.min(self.0.len()), f);
        }
    }
}

impl From<Fields> for Vec<Field> {
    fn from(f: Fields) -> Vec<Field> {
        f.0
    }
}

impl<N: 'static> Form<N> {
    /// The text of a declared text field.
    pub fn get(&self, h: TextField) -> String {
        self.text(h.0)
    }

    /// Set a declared text field's value (an offered file name that follows a choice).
    pub fn set(&mut self, h: TextField, value: &str) {
        self.set_text(h.0, value);
    }

    /// Whether the focus is on a declared choice field.
    pub fn has_focus<T>(&self, h: &ChoiceField<T>) -> bool {
        self.focused() == h.name
    }

    /// Choose `value` in a declared choice field (if it is one of its values).
    pub fn choose<T: PartialEq>(&mut self, h: &ChoiceField<T>, value: &T) {
        let Some(at) = h.values.iter().position(|v| v == value) else {
            return;
        };
        for f in &mut self.fields {
            if let FieldKind::Choice { options, idx } = &mut f.kind
                && f.name == h.name
                && at < options.len()
            {
                *idx = at;
            }
        }
    }

    /// The value chosen in a declared choice field.
    pub fn pick<T: Clone>(&self, h: &ChoiceField<T>) -> T {
        let last = h.values.len().saturating_sub(1);
        let at = self
            .fields
            .iter()
            .find_map(|f| match &f.kind {
                FieldKind::Choice { idx, .. } if f.name == h.name => Some(*idx),
                _ => None,
            })
            .unwrap_or(0)
            .min(last);
        h.values[at].clone()
    }
}
