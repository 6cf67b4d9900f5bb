//! The roster: voters with their units, area and roles; search, add and edit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row};

use crate::domain::rules::numbers::fmt_area;
use crate::domain::text::{clean_line, truncate};
use crate::store::StoreError;
use crate::store::ids::CommunityId;
use crate::store::roster::VoterRow;
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::forms::roster;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::widgets::table::ListTable;

pub struct Roster {
    pub community: CommunityId,
    pub name: String,
    pub voters: Vec<VoterRow>,
    pub filter: String,
    pub sel: usize,
}

impl Roster {
    pub fn load(ctx: &mut Ctx, community: CommunityId) -> Roster {
        loaded(
            ctx,
            Roster {
                community,
                name: String::new(),
                voters: Vec::new(),
                filter: String::new(),
                sel: 0,
            },
        )
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
}

impl Screen for Roster {
    fn keys(&self) -> &'static [Binding] {
        keys::ROSTER
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        if let Some(c) = ctx
            .store
            .communities()?
            .into_iter()
            .find(|c| c.id == self.community)
        {
            self.name = c.name;
        }
        self.voters = ctx.store.voters(self.community)?;
        Ok(())
    }

    fn deliver(&mut self, _ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        if let Delivered::RosterSearch(words) = value {
            self.filter = words;
            self.sel = 0;
        }
        Ok(Nav::Stay)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let shown = self.shown();
        let current = shown.get(self.sel).map(|v| (*v).clone());
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, shown.len(), act, 15);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::Search => Nav::form(roster::search_form(ctx, &self.filter)),
            Act::AddVoter => Nav::form(roster::voter_form(ctx, self.community, None)),
            Act::EditVoter => match current {
                Some(v) => Nav::form(roster::voter_form(ctx, self.community, Some(&v))),
                None => Nav::Stay,
            },
            Act::AddUnit => match current {
                Some(v) => Nav::form(roster::unit_form(ctx, &v)),
                None => Nav::Stay,
            },
            Act::Transfer => match current {
                Some(v) => Nav::form(roster::transfer_form(ctx, &v)),
                None => Nav::Stay,
            },
            Act::Council => match current {
                Some(v) => Nav::form(roster::council_form(ctx, &v)),
                None => Nav::Stay,
            },
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let shown = self.shown();
        let total_area: i64 = self.voters.iter().map(|v| v.area()).sum();
        let mut title = format!(
            " {}{colon}{}  {} / {}  {} m² ",
            ctx.t(s::ROSTER_TITLE),
            clean_line(&self.name),
            shown.len(),
            self.voters.len(),
            fmt_area(total_area)
        );
        if !self.filter.is_empty() {
            title.push_str(&format!(
                " {}{colon}{} ",
                ctx.t(s::FILTER),
                clean_line(&self.filter)
            ));
        }
        // The roles column takes what the others leave (borders, the "> " mark, five
        // gaps): cut to it with "…", not at the border.
        let roles_w = (area.width as usize).saturating_sub(2 + 2 + 4 + 18 + 12 + 26 + 10 + 5);
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
                    Cell::from(truncate(&roles, roles_w.clamp(10, 60))),
                ])
            })
            .collect();
        let header = [
            "#",
            ctx.t(s::COL_NAME),
            ctx.t(s::COL_KIND),
            ctx.t(s::COL_UNITS),
            ctx.t(s::COL_AREA),
            ctx.t(s::COL_ROLES),
        ];
        ListTable {
            title,
            header: header.into_iter().map(Cell::from).collect(),
            widths: vec![
                Constraint::Length(4),
                Constraint::Length(18),
                Constraint::Length(12),
                Constraint::Length(26),
                Constraint::Length(10),
                Constraint::Min(10),
            ],
            rows,
            selected: Some(self.sel),
        }
        .render(f, area);
    }
}
