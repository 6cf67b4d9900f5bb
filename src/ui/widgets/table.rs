//! The table every list screen draws: a heading row, rows in columns fitted by display
//! width (each cell cut with "…", see `columns`), a bordered block with its title, and
//! the selected row highlighted behind "> ".

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};

use crate::domain::text::{truncate, width};
use crate::ui::theme;
use crate::ui::widgets::columns::{Col, fit};

/// Column widths fitted to a bordered table with the highlight symbol.
pub struct Fitted(Vec<u16>);

impl Fitted {
    /// Fit `cols` inside the borders of `area`, after the "> " of the selection.
    pub fn new(area: Rect, cols: &[Col]) -> Fitted {
        Fitted(fit(area.width.saturating_sub(2), 2, cols))
    }

    /// `text` cut to column `i`, ending in "…" when cut.
    pub fn cut(&self, text: &str, i: usize) -> String {
        truncate(text, usize::from(self.0.get(i).copied().unwrap_or(0)))
    }

    pub fn constraints(&self) -> Vec<Constraint> {
        self.0.iter().map(|&w| Constraint::Length(w)).collect()
    }
}

/// The display width of the widest cell of a column, its heading included.
pub fn widest<T>(rows: &[T], cell: impl Fn(&T) -> usize, head: &str) -> usize {
    rows.iter().map(cell).max().unwrap_or(0).max(width(head))
}

/// A table to draw: what each screen gives, the frame and highlight are the same.
pub struct ListTable<'a> {
    pub title: String,
    pub header: Vec<Cell<'a>>,
    pub widths: Vec<Constraint>,
    pub rows: Vec<Row<'a>>,
    /// The highlighted row, if any.
    pub selected: Option<usize>,
}

impl ListTable<'_> {
    pub fn render(self, f: &mut Frame<'_>, area: Rect) {
        let table = Table::new(self.rows, self.widths)
            .header(Row::new(self.header).style(theme::heading()))
            .block(Block::default().borders(Borders::ALL).title(self.title))
            .row_highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state = TableState::default().with_selected(self.selected);
        f.render_stateful_widget(table, area, &mut state);
    }
}
