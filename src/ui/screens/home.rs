//! Home: the communities and their meetings (draft, open, past).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::moved;
use crate::domain::model::MeetingStatus;
use crate::domain::text::{clean_line, pad};
use crate::store::meetings::MeetingRow;
use crate::store::roster::Community;
use crate::strings::{self, ui as s};
use crate::ui::app::{App, Nav, View};
use crate::ui::keymap::Act;
use crate::ui::screens::{actions, agenda, archive, minutes, prepare, roster};
use crate::ui::{forms, theme};

pub enum Row {
    Community(Community),
    Meeting(Box<MeetingRow>),
    Empty(i64),
    /// "N more in the archive".
    More(i64, i64),
}

/// Finished meetings listed per community on home; the archive has them all.
const PAST_ON_HOME: i64 = 3;

pub struct Home {
    pub rows: Vec<Row>,
    pub sel: usize,
}

impl Home {
    pub fn empty() -> Home {
        Home {
            rows: Vec::new(),
            sel: 0,
        }
    }

    pub fn load(app: &App) -> Home {
        let mut h = Home::empty();
        h.fill(app);
        h
    }

    fn fill(&mut self, app: &App) {
        self.rows.clear();
        let communities = app.store.communities().unwrap_or_default();
        for c in communities {
            let (meetings, past_total) = app
                .store
                .home_meetings(c.id, PAST_ON_HOME)
                .unwrap_or_default();
            let id = c.id;
            self.rows.push(Row::Community(c));
            if meetings.is_empty() {
                self.rows.push(Row::Empty(id));
            }
            self.rows
                .extend(meetings.into_iter().map(|m| Row::Meeting(Box::new(m))));
            if past_total > PAST_ON_HOME {
                self.rows.push(Row::More(id, past_total - PAST_ON_HOME));
            }
        }
        if self.sel >= self.rows.len() {
            self.sel = self.rows.len().saturating_sub(1);
        }
        // Start on the first meeting rather than a heading.
        if matches!(self.rows.get(self.sel), Some(Row::Community(_)))
            && self.rows.len() > self.sel + 1
        {
            self.sel += 1;
        }
    }

    pub fn reload(&mut self, app: &App) {
        self.fill(app);
    }

    /// The community of the selected row.
    fn community(&self) -> Option<i64> {
        let r = self.rows.get(self.sel)?;
        Some(match r {
            Row::Community(c) => c.id,
            Row::Meeting(m) => m.community_id,
            Row::Empty(c) | Row::More(c, _) => *c,
        })
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.rows.len(), act, 10);
                Nav::Stay
            }
            Act::Open => match self.rows.get(self.sel) {
                Some(Row::Meeting(m)) => match m.status {
                    MeetingStatus::Draft => {
                        Nav::Push(Box::new(View::Prepare(prepare::Prepare::load(app, m.id))))
                    }
                    MeetingStatus::Open => agenda::resume(app, m.id),
                    _ => Nav::Push(Box::new(View::Minutes(minutes::Minutes::load(app, m.id)))),
                },
                Some(Row::Community(c)) => {
                    Nav::Push(Box::new(View::Roster(roster::Roster::load(app, c.id))))
                }
                _ => Nav::Stay,
            },
            Act::NewMeeting => match self.community() {
                Some(c) => Nav::Form(Box::new(forms::meeting_form(app, c, None))),
                None => Nav::Stay,
            },
            Act::Roster => match self.community() {
                Some(c) => Nav::Push(Box::new(View::Roster(roster::Roster::load(app, c)))),
                None => Nav::Stay,
            },
            Act::Board => Nav::Push(Box::new(View::Actions(actions::Actions::load(app)))),
            Act::Archive => Nav::Push(Box::new(View::Archive(archive::Archive::load(app)))),
            _ => Nav::Stay,
        }
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let l = app.lang;
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", app.t(s::HOME_TITLE)));
        if self.rows.is_empty() {
            f.render_widget(
                Paragraph::new(crate::ui::widgets::wrap_lines(
                    vec![Line::from(app.t(s::HOME_EMPTY))],
                    usize::from(area.width.saturating_sub(2)),
                ))
                .block(block),
                area,
            );
            return;
        }
        let items: Vec<ListItem<'_>> = self
            .rows
            .iter()
            .map(|r| match r {
                Row::Community(c) => ListItem::new(Line::from(Span::styled(
                    format!("■ {}", clean_line(&c.name)),
                    theme::heading(),
                ))),
                Row::Empty(_) => ListItem::new(format!("    {}", app.t(s::HOME_NO_MEETINGS))),
                Row::More(_, n) => ListItem::new(Line::from(Span::styled(
                    format!("    {}", s::home_more(l, *n)),
                    theme::dim(),
                ))),
                Row::Meeting(m) => {
                    let status = strings::meeting_status(l, m.status);
                    let style = match m.status {
                        MeetingStatus::Open => theme::pass(),
                        MeetingStatus::Draft => theme::focus(),
                        _ => ratatui::style::Style::default(),
                    };
                    ListItem::new(Line::from(vec![
                        Span::raw("    "),
                        Span::styled(pad(status, 8), style),
                        Span::raw(format!(
                            " {}  {}  {}",
                            m.starts_at,
                            pad(strings::meeting_kind(l, m.kind), 12),
                            clean_line(&m.title)
                        )),
                    ]))
                }
            })
            .collect();
        let list = List::new(items)
            .block(block)
            .highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state = ListState::default().with_selected(Some(self.sel));
        f.render_stateful_widget(list, area, &mut state);
    }
}
