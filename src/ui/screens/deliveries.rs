//! The delivery of a written consultation's ballots (指导规则 art. 22): every ballot with
//! when and how it was served, or the list of those not yet served (the default: the
//! round of the doors), narrowed by a name, unit or number. Enter records a delivery.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::domain::minutes::written::way;
use crate::domain::text::{clean_line, pad, truncate, width};
use crate::domain::written::ballot_number::grouped;
use crate::store::StoreError;
use crate::store::ids::{MeetingId, VoterId};
use crate::store::written::BallotRow;
use crate::strings::Tr;
use crate::strings::written_ui as wu;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::forms::written as forms;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::theme;
use crate::ui::widgets::columns::{Col, fit};

pub struct Deliveries {
    pub meeting: MeetingId,
    pub title: String,
    pub secretary: String,
    /// Every ballot, in ballot order.
    pub all: Vec<BallotRow>,
    pub unserved_only: bool,
    pub words: String,
    pub sel: usize,
}

impl Deliveries {
    pub fn load(ctx: &mut Ctx, meeting: MeetingId) -> Deliveries {
        loaded(
            ctx,
            Deliveries {
                meeting,
                title: String::new(),
                secretary: String::new(),
                all: Vec::new(),
                unserved_only: true,
                words: String::new(),
                sel: 0,
            },
        )
    }

    /// The rows shown: not served (unless all are asked for), matching the search.
    pub fn shown(&self) -> Vec<&BallotRow> {
        let q = self.words.trim();
        // A number as printed (12-00037-4) is looked up by its digits.
        let is_number = q
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        self.all
            .iter()
            .filter(|b| !self.unserved_only || b.served.is_none())
            .filter(|b| {
                q.is_empty()
                    || b.name.contains(q)
                    || b.units.iter().any(|u| u.contains(q))
                    || (is_number && !digits.is_empty() && b.number.contains(&digits))
            })
            .collect()
    }

    fn clamp(&mut self) {
        self.sel = self.sel.min(self.shown().len().saturating_sub(1));
    }
}

impl Screen for Deliveries {
    fn keys(&self) -> &'static [Binding] {
        keys::DELIVERIES
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        let m = ctx.store.meeting(self.meeting)?;
        self.title = m.title;
        self.secretary = m.secretary;
        self.all = ctx.store.written_ballots(self.meeting)?;
        self.clamp();
        Ok(())
    }

    fn deliver(&mut self, _ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        if let Delivered::DeliveriesFind(words) = value {
            self.words = words;
            self.sel = 0;
        }
        Ok(Nav::Stay)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.shown().len(), act, 10);
                Nav::Stay
            }
            Act::Deliver => match self.shown().get(self.sel) {
                Some(b) => Nav::form(forms::deliver_form(
                    ctx,
                    self.meeting,
                    b.voter_id,
                    &clean_line(&b.name),
                    &self.secretary,
                )),
                None => Nav::Stay,
            },
            Act::DeliverAll => {
                let voters: Vec<VoterId> = self
                    .shown()
                    .iter()
                    .filter(|b| b.served.is_none())
                    .map(|b| b.voter_id)
                    .collect();
                if voters.is_empty() {
                    ctx.info(ctx.t(if self.words.trim().is_empty() {
                        wu::NONE_LEFT
                    } else {
                        wu::NO_MATCH
                    }));
                    return Nav::Stay;
                }
                Nav::form(forms::deliver_all_form(
                    ctx,
                    self.meeting,
                    voters,
                    &self.secretary,
                ))
            }
            Act::ToggleUnserved => {
                self.unserved_only = !self.unserved_only;
                self.sel = 0;
                Nav::Stay
            }
            Act::Search => Nav::form(forms::find_form(ctx, &self.words)),
            Act::ClearFilter => {
                self.words.clear();
                self.clamp();
                Nav::Stay
            }
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let [head, body] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
        self.draw_head(ctx, f, head);
        self.draw_list(ctx, f, body);
    }
}

impl Deliveries {
    /// The consultation's title, how many ballots are served, and what is shown.
    fn draw_head(&self, ctx: &Ctx, f: &mut Frame<'_>, head: Rect) {
        let l = ctx.lang;
        let colon = crate::strings::ui::colon(l);
        let served = self.all.iter().filter(|b| b.served.is_some()).count();
        let mut filter = ctx
            .t(if self.unserved_only {
                wu::SHOWING_UNSERVED
            } else {
                wu::SHOWING_ALL
            })
            .to_string();
        if !self.words.trim().is_empty() {
            filter.push_str(&format!(
                "  {}{colon}{}",
                ctx.t(wu::F_WORDS),
                clean_line(&self.words)
            ));
        }
        f.render_widget(
            Paragraph::new(vec![
                Line::styled(clean_line(&self.title), theme::heading()),
                Line::from(format!(
                    "{}  [{filter}]",
                    wu::served_count(l, served, self.all.len())
                )),
            ])
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(wu::DELIVERIES_TITLE))),
            ),
            head,
        );
    }

    /// Every ballot shown: its number, the voter, their units, when and how served.
    fn draw_list(&self, ctx: &Ctx, f: &mut Frame<'_>, body: Rect) {
        let l = ctx.lang;
        let rows = self.shown();
        let served_text = |b: &BallotRow| match &b.served {
            Some((on, w)) => format!("{on} {}", way(l, *w)),
            None => ctx.t(wu::NOT_SERVED).to_string(),
        };
        let names: Vec<String> = rows.iter().map(|b| clean_line(&b.name)).collect();
        let units: Vec<String> = rows
            .iter()
            .map(|b| {
                b.units
                    .iter()
                    .map(|u| clean_line(u))
                    .collect::<Vec<_>>()
                    .join("、")
            })
            .collect();
        let want = |v: &[String], head: &str| {
            v.iter()
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
                .max(width(head))
        };
        let heads = [
            ctx.t(wu::COL_NUMBER),
            ctx.t(wu::COL_NAME),
            ctx.t(wu::COL_UNITS),
            ctx.t(wu::COL_SERVED),
        ];
        let widths = fit(
            body.width.saturating_sub(2),
            2,
            &[
                Col::fixed(14),
                Col::new(want(&names, heads[1]), 6, 3),
                Col::new(want(&units, heads[2]), 8, 1),
                Col::new(24.max(width(heads[3])), 10, 2),
            ],
        );
        let cell =
            |s: &str, i: usize| pad(&truncate(s, usize::from(widths[i])), usize::from(widths[i]));
        let header = format!(
            "  {} {} {} {}",
            cell(heads[0], 0),
            cell(heads[1], 1),
            cell(heads[2], 2),
            cell(heads[3], 3)
        );
        let items: Vec<ListItem<'_>> = if rows.is_empty() {
            vec![ListItem::new(ctx.t(self.nothing_shown()))]
        } else {
            rows.iter()
                .enumerate()
                .map(|(i, b)| {
                    let text = format!(
                        "{} {} {} {}",
                        cell(&grouped(&b.number), 0),
                        cell(&names[i], 1),
                        cell(&units[i], 2),
                        cell(&served_text(b), 3)
                    );
                    let style = if b.served.is_none() {
                        theme::focus()
                    } else {
                        ratatui::style::Style::default()
                    };
                    ListItem::new(Line::styled(text, style))
                })
                .collect()
        };
        let selected = (!rows.is_empty()).then_some(self.sel);
        render_list(f, body, header, items, selected);
    }

    /// Why the list is empty: every ballot served, or none matches.
    fn nothing_shown(&self) -> Tr {
        if self.unserved_only && self.words.trim().is_empty() {
            wu::NONE_LEFT
        } else {
            wu::NO_MATCH
        }
    }
}

/// The list in its border: the column heading, then the rows with the selection.
fn render_list(
    f: &mut Frame<'_>,
    body: Rect,
    header: String,
    items: Vec<ListItem<'_>>,
    selected: Option<usize>,
) {
    let [hline, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(Rect {
            x: body.x + 1,
            y: body.y + 1,
            width: body.width.saturating_sub(2),
            height: body.height.saturating_sub(2),
        });
    f.render_widget(Block::default().borders(Borders::ALL), body);
    f.render_widget(Paragraph::new(header).style(theme::dim()), hline);
    let mut state = ListState::default().with_selected(selected);
    f.render_stateful_widget(
        List::new(items)
            .highlight_style(theme::selected())
            .highlight_symbol("> "),
        list_area,
        &mut state,
    );
}
