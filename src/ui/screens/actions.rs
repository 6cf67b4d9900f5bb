//! The action items board: every decision's follow-up across meetings (open, overdue,
//! done) with who and by when; a status change needs a note and is kept as history.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row};

use crate::domain::model::ActionStatus;
use crate::domain::text::{clean_line, width};
use crate::store::StoreError;
use crate::store::actions::{BoardRow, HistoryRow, today};
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::widgets::columns::Col;
use crate::ui::widgets::table::{Fitted, ListTable, widest};
use crate::ui::{forms, theme};

pub struct Actions {
    pub rows: Vec<BoardRow>,
    pub history: Vec<HistoryRow>,
    pub sel: usize,
    pub today: String,
    /// Mediation agreements to check, listed after the action items.
    pub cases: Vec<crate::store::mediation::CaseDue>,
}

impl Actions {
    pub fn load(ctx: &mut Ctx) -> Actions {
        loaded(
            ctx,
            Actions {
                rows: Vec::new(),
                history: Vec::new(),
                sel: 0,
                today: today(),
                cases: Vec::new(),
            },
        )
    }

    fn load_history(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.history = match self.rows.get(self.sel) {
            Some(r) => ctx.store.action_history(r.id)?,
            None => Vec::new(),
        };
        Ok(())
    }
}

/// Change an action item's status; the note is kept in its history.
fn status_form(ctx: &Ctx, r: &BoardRow) -> Form<Nav> {
    let (l, action) = (ctx.lang, r.id);
    let mut fields = Fields::default();
    let status_field = fields.pick(
        "status",
        s::COL_STATUS,
        ActionStatus::ALL,
        r.status,
        |st| st.as_db().to_string(),
        |st| strings::action_status(l, st).to_string(),
    );
    let note_field = fields.text(Field::text("note", s::F_NOTE, ""));
    Form::new(
        format!(
            "{}{}{}",
            ctx.t(s::K_SET_STATUS),
            s::colon(l),
            clean_line(&r.what)
        ),
        fields,
        move |f, ctx| {
            let status = f.pick(&status_field);
            ctx.store
                .set_action_status(action, status, &f.get(note_field))?;
            Ok(forms::saved(ctx))
        },
    )
    .changes_record()
}

impl Screen for Actions {
    fn keys(&self) -> &'static [Binding] {
        keys::BOARD
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.rows = ctx.store.board()?;
        self.cases = ctx.store.mediation_due()?;
        self.sel = self
            .sel
            .min((self.rows.len() + self.cases.len()).saturating_sub(1));
        self.load_history(ctx)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.rows.len() + self.cases.len(), act, 15);
                if let Err(e) = self.load_history(ctx) {
                    ctx.error(ctx.say(&e));
                }
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::SetStatus => match self.rows.get(self.sel) {
                Some(r) => Nav::form(status_form(ctx, r)),
                // A mediation agreement: its performance check.
                None => match self.cases.get(self.sel - self.rows.len().min(self.sel)) {
                    Some(c) => Nav::form(forms::mediation::check_form(ctx, c.case_id)),
                    None => Nav::Stay,
                },
            },
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let [list, side] =
            Layout::horizontal([Constraint::Min(50), Constraint::Length(34)]).areas(area);
        self.draw_table(ctx, f, list);
        self.draw_detail(ctx, f, side);
    }
}

impl Actions {
    /// The action items, then the agreements to check, in fitted columns.
    fn draw_table(&self, ctx: &Ctx, f: &mut Frame<'_>, list: Rect) {
        let l = ctx.lang;
        // Each column as wide as it needs; the item title, then who, give first; every
        // cell cut with a visible "…".
        let cols = Fitted::new(
            list,
            &[
                Col::new(8, 6, 4),
                Col::fixed(10),
                Col::new(
                    widest(
                        &self.rows,
                        |r| width(&clean_line(&r.what)),
                        ctx.t(s::F_WHAT),
                    )
                    .min(40),
                    12,
                    3,
                ),
                Col::new(
                    widest(&self.rows, |r| width(&clean_line(&r.who)), ctx.t(s::F_WHO)).min(16),
                    6,
                    2,
                ),
                Col::new(
                    widest(
                        &self.rows,
                        |r| width(&clean_line(&r.item_title)),
                        ctx.t(s::ITEM_TITLE),
                    )
                    .min(24),
                    6,
                    1,
                ),
            ],
        );
        let mut rows: Vec<Row<'_>> = self
            .rows
            .iter()
            .map(|r| {
                let overdue = r.overdue(&self.today);
                let status = if overdue {
                    format!("{}!", ctx.t(s::OVERDUE))
                } else {
                    strings::action_status(l, r.status).to_string()
                };
                let style = match (overdue, r.status) {
                    (true, _) => theme::fail(),
                    (_, ActionStatus::Done) => theme::pass(),
                    (_, ActionStatus::Dropped) => theme::dim(),
                    _ => theme::focus(),
                };
                Row::new(vec![
                    Cell::from(status).style(style),
                    Cell::from(r.due.clone()),
                    Cell::from(cols.cut(&clean_line(&r.what), 2)),
                    Cell::from(cols.cut(&clean_line(&r.who), 3)),
                    Cell::from(cols.cut(&clean_line(&r.item_title), 4)),
                ])
            })
            .collect();
        rows.extend(self.cases.iter().map(|c| self.case_row(ctx, c, &cols)));
        ListTable {
            title: format!(" {} ", ctx.t(s::BOARD_TITLE)),
            header: [s::COL_STATUS, s::F_DUE, s::F_WHAT, s::F_WHO, s::ITEM_TITLE]
                .into_iter()
                .map(|h| Cell::from(ctx.t(h)))
                .collect(),
            widths: cols.constraints(),
            rows,
            selected: (!(self.rows.is_empty() && self.cases.is_empty())).then_some(self.sel),
        }
        .render(f, list);
    }

    /// A mediation agreement to check, as a row of the board.
    fn case_row(
        &self,
        ctx: &Ctx,
        c: &crate::store::mediation::CaseDue,
        cols: &Fitted,
    ) -> Row<'static> {
        let late = crate::domain::followup::past_due(&c.due_on, &self.today);
        let (word, style) = if late {
            (format!("{}!", ctx.t(s::OVERDUE)), theme::fail())
        } else {
            (
                ctx.t(strings::mediation::DUE_BOARD).to_string(),
                theme::focus(),
            )
        };
        let case = format!("{} {}", ctx.t(strings::mediation::K_MEDIATION), c.number);
        Row::new(vec![
            Cell::from(cols.cut(&word, 0)).style(style),
            Cell::from(c.due_on.clone()),
            Cell::from(cols.cut(&clean_line(&c.title), 2)),
            Cell::from(""),
            Cell::from(cols.cut(&case, 4)),
        ])
    }

    /// The selected row's history (or the agreement's status and due date).
    fn draw_detail(&self, ctx: &Ctx, f: &mut Frame<'_>, side: Rect) {
        let l = ctx.lang;
        let mut lines: Vec<Line<'_>> = Vec::new();
        if let Some(r) = self.rows.get(self.sel) {
            lines.push(Line::from(Span::styled(
                clean_line(&r.what),
                theme::heading(),
            )));
            lines.push(Line::from(format!(
                "{} {}",
                r.meeting_date.get(..10).unwrap_or(&r.meeting_date),
                clean_line(&r.meeting_title)
            )));
            lines.push(Line::from(clean_line(&r.item_title)));
            lines.push(Line::from(""));
            for h in &self.history {
                lines.push(Line::from(format!(
                    "{} {} {}",
                    h.at.get(..16).unwrap_or(&h.at).replace('T', " "),
                    strings::action_status(l, h.status),
                    clean_line(&h.note)
                )));
            }
        } else if let Some(c) = self.cases.get(self.sel - self.rows.len().min(self.sel)) {
            lines.push(Line::from(Span::styled(
                clean_line(&c.title),
                theme::heading(),
            )));
            lines.push(Line::from(format!(
                "{} {}",
                strings::mediation::status(l, c.status),
                c.due_on
            )));
        } else {
            lines.push(Line::from(ctx.t(s::NO_ACTIONS)));
        }
        f.render_widget(
            Paragraph::new(crate::ui::widgets::wrap_lines(
                lines,
                usize::from(side.width.saturating_sub(2)),
            ))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(s::HISTORY))),
            ),
            side,
        );
    }
}
