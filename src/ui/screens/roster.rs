//! The roster: voters with their units, area and roles; search, add and edit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};

use super::moved;
use crate::domain::rules::fmt_area;
use crate::domain::text::{clean_line, truncate};
use crate::store::roster::VoterRow;
use crate::strings::{self, ui as s};
use crate::ui::app::{App, Nav};
use crate::ui::form::Purpose;
use crate::ui::keymap::Act;
use crate::ui::{forms, theme};

pub struct Roster {
    pub community: i64,
    pub name: String,
    pub voters: Vec<VoterRow>,
    pub filter: String,
    pub sel: usize,
}

impl Roster {
    pub fn load(app: &App, community: i64) -> Roster {
        let name = app
            .store
            .communities()
            .unwrap_or_default()
            .into_iter()
            .find(|c| c.id == community)
            .map(|c| c.name)
            .unwrap_or_default();
        let mut r = Roster {
            community,
            name,
            voters: Vec::new(),
            filter: String::new(),
            sel: 0,
        };
        r.reload(app);
        r
    }

    pub fn reload(&mut self, app: &App) {
        self.voters = app.store.voters(self.community).unwrap_or_default();
    }

    /// The voters matching the search, by name or unit label.
    pub fn shown(&self) -> Vec<&VoterRow> {
        let q = self.filter.trim();
        self.voters
            .iter()
            .filter(|v| {
                q.is_empty()
                    || v.name.contains(q)
                    || v.units.iter().any(|u| u.label.contains(q))
                    || v.roles.contains(q)
            })
            .collect()
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        let shown = self.shown();
        let current = shown.get(self.sel).map(|v| (*v).clone());
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, shown.len(), act, 15);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::Search => Nav::Form(Box::new(forms::one_line(
                app,
                s::K_SEARCH,
                s::SEARCH_LABEL,
                &self.filter,
                Purpose::Search,
            ))),
            Act::AddVoter => Nav::Form(Box::new(forms::voter_form(app, self.community, None))),
            Act::EditVoter => match current {
                Some(v) => Nav::Form(Box::new(forms::voter_form(app, self.community, Some(&v)))),
                None => Nav::Stay,
            },
            Act::AddUnit => match current {
                Some(v) => Nav::Form(Box::new(forms::unit_form(app, &v))),
                None => Nav::Stay,
            },
            Act::Transfer => match current {
                Some(v) => Nav::Form(Box::new(forms::one_line(
                    app,
                    s::K_TRANSFER,
                    s::F_TRANSFER,
                    "",
                    Purpose::Transfer { voter: v.id },
                ))),
                None => Nav::Stay,
            },
            Act::Council => match current {
                Some(v) => Nav::Form(Box::new(forms::council_form(app, &v))),
                None => Nav::Stay,
            },
            _ => Nav::Stay,
        }
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(app.lang);
        let l = app.lang;
        let shown = self.shown();
        let total_area: i64 = self.voters.iter().map(|v| v.area()).sum();
        let mut title = format!(
            " {}{colon}{}  {} / {}  {} m² ",
            app.t(s::ROSTER_TITLE),
            clean_line(&self.name),
            shown.len(),
            self.voters.len(),
            fmt_area(total_area)
        );
        if !self.filter.is_empty() {
            title.push_str(&format!(
                " {}{colon}{} ",
                app.t(s::FILTER),
                clean_line(&self.filter)
            ));
        }
        let rows: Vec<Row<'_>> = shown
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let units: Vec<String> = v.units.iter().map(|u| clean_line(&u.label)).collect();
                let mut roles = clean_line(&v.roles);
                for (k, role) in &v.councils {
                    if !roles.is_empty() {
                        roles.push(' ');
                    }
                    roles.push_str(&format!(
                        "{}{}",
                        strings::council_kind(l, *k),
                        clean_line(role)
                    ));
                }
                Row::new(vec![
                    Cell::from(format!("{}", i + 1)),
                    Cell::from(truncate(&clean_line(&v.name), 18)),
                    Cell::from(strings::voter_kind(l, v.kind)),
                    Cell::from(truncate(&units.join(" "), 26)),
                    Cell::from(fmt_area(v.area())),
                    Cell::from(truncate(&roles, 30)),
                ])
            })
            .collect();
        let header = Row::new(vec![
            "#",
            app.t(s::COL_NAME),
            app.t(s::COL_KIND),
            app.t(s::COL_UNITS),
            app.t(s::COL_AREA),
            app.t(s::COL_ROLES),
        ])
        .style(theme::heading());
        let table = Table::new(
            rows,
            [
                Constraint::Length(4),
                Constraint::Length(18),
                Constraint::Length(12),
                Constraint::Length(26),
                Constraint::Length(10),
                Constraint::Min(10),
            ],
        )
        .header(header)
        .block(Block::default().borders(Borders::ALL).title(title))
        .row_highlight_style(theme::selected())
        .highlight_symbol("> ");
        let mut state = TableState::default().with_selected(Some(self.sel));
        f.render_stateful_widget(table, area, &mut state);
    }
}
