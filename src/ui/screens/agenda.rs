//! The running meeting's agenda: each item's state and outcome; the way into attendance,
//! discussion, votes, a late item, and adjourning.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::moved;
use crate::domain::model::{ItemStatus, MeetingStatus};
use crate::domain::text::clean_line;
use crate::store::meetings::{ItemRow, MeetingRow};
use crate::strings::{Lang, Tr, ui as s};
use crate::ui::app::{App, Nav, Pending, View};
use crate::ui::keymap::Act;
use crate::ui::screens::{attendance, home, item, prepare, vote};
use crate::ui::{forms, theme};

pub struct Agenda {
    pub id: i64,
    pub meeting: Option<MeetingRow>,
    pub items: Vec<ItemRow>,
    /// Outcome of each closed vote: passed?
    pub outcomes: Vec<Option<bool>>,
    pub sel: usize,
}

pub fn status_word(l: Lang, st: ItemStatus, outcome: Option<bool>) -> &'static str {
    match (st, outcome) {
        (ItemStatus::Closed, Some(true)) => s::PASSED.get(l),
        (ItemStatus::Closed, Some(false)) => s::FAILED.get(l),
        (ItemStatus::Closed, None) => Tr("已讨论", "discussed").get(l),
        (ItemStatus::Voting, _) => Tr("表决中", "voting").get(l),
        (ItemStatus::Discussing, _) => Tr("讨论中", "discussing").get(l),
        (ItemStatus::Withdrawn, _) => Tr("已撤回", "withdrawn").get(l),
        (ItemStatus::Pending, _) => Tr("待议", "pending").get(l),
        (ItemStatus::NotTakenUp, _) => Tr("未审议", "not taken up").get(l),
    }
}

impl Agenda {
    pub fn load(app: &App, id: i64) -> Agenda {
        let mut a = Agenda {
            id,
            meeting: None,
            items: Vec::new(),
            outcomes: Vec::new(),
            sel: 0,
        };
        a.reload(app);
        // Start at the first item not yet finished.
        a.sel = a
            .items
            .iter()
            .position(|i| !matches!(i.status, ItemStatus::Closed | ItemStatus::Withdrawn))
            .unwrap_or(0);
        a
    }

    pub fn reload(&mut self, app: &App) {
        self.meeting = app.store.meeting(self.id).ok();
        self.items = app.store.items(self.id).unwrap_or_default();
        self.outcomes = self
            .items
            .iter()
            .map(|i| app.store.closure(i.id).ok().flatten().map(|c| c.2.passed))
            .collect();
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.items.len(), act, 5);
                Nav::Stay
            }
            Act::Open => match self.items.get(self.sel) {
                Some(it) => open_item(app, it),
                None => Nav::Stay,
            },
            Act::Attendance => Nav::Push(Box::new(View::Attendance(attendance::Attendance::load(
                app, self.id,
            )))),
            Act::AddItem => Nav::Form(Box::new(forms::item_form(app, self.id, None))),
            // Refused at once when impossible; the confirmation lists the items that
            // would be recorded as never taken up.
            Act::Adjourn => match app.store_do(|st| st.adjourn_check(self.id)) {
                None => Nav::Stay,
                Some(pending) if pending.is_empty() => Nav::Ask(
                    app.t(s::CONFIRM_ADJOURN).to_string(),
                    Pending::Adjourn(self.id),
                ),
                Some(pending) => {
                    let titles: Vec<String> = pending
                        .iter()
                        .map(|i| format!("{}. {}", i.position, clean_line(&i.title)))
                        .collect();
                    Nav::Ask(
                        crate::strings::record::confirm_adjourn_pending(app.lang, &titles),
                        Pending::Adjourn(self.id),
                    )
                }
            },
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(app.lang);
        let l = app.lang;
        let title = self
            .meeting
            .as_ref()
            .map(|m| clean_line(&m.title))
            .unwrap_or_default();
        let [list_area, detail] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Min(20)]).areas(area);
        let items: Vec<ListItem<'_>> = self
            .items
            .iter()
            .zip(&self.outcomes)
            .enumerate()
            .map(|(i, (it, o))| {
                let style = match o {
                    Some(true) => theme::pass(),
                    Some(false) => theme::fail(),
                    None => ratatui::style::Style::default(),
                };
                let mut spans = vec![
                    Span::raw(format!("{}. ", i + 1)),
                    Span::styled(format!("[{}] ", status_word(l, it.status, *o)), style),
                    Span::raw(clean_line(&it.title)),
                ];
                if it.added_late {
                    spans.push(Span::styled(format!(" ({})", app.t(s::LATE)), theme::dim()));
                }
                ListItem::new(Line::from(spans))
            })
            .collect();
        let list = List::new(items)
            .block(Block::default().borders(Borders::ALL).title(format!(
                " {}{colon}{} ",
                app.t(s::AGENDA_TITLE),
                title
            )))
            .highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state = ListState::default().with_selected(Some(self.sel));
        f.render_stateful_widget(list, list_area, &mut state);
        let block = Block::default().borders(Borders::ALL);
        let inner = block.inner(detail);
        f.render_widget(block, detail);
        if let Some(it) = self.items.get(self.sel) {
            f.render_widget(
                Paragraph::new(prepare::item_detail(l, it, inner.width as usize)),
                inner,
            );
        }
    }
}

/// The screen for an item in its present state.
pub fn open_item(app: &mut App, it: &ItemRow) -> Nav {
    match it.status {
        ItemStatus::Voting => Nav::Push(Box::new(View::Vote(vote::Vote::load(app, it.id)))),
        ItemStatus::Closed if app.store.closure(it.id).ok().flatten().is_some() => {
            Nav::Push(Box::new(View::Vote(vote::Vote::load(app, it.id))))
        }
        _ => Nav::Push(Box::new(View::Item(item::ItemView::load(app, it.id)))),
    }
}

/// Return to an open meeting where it was left: its agenda, and the item (and the voter
/// of a roll call) that was current.
pub fn resume(app: &mut App, meeting: i64) -> Nav {
    let Ok(m) = app.store.meeting(meeting) else {
        return Nav::Stay;
    };
    if m.status != MeetingStatus::Open {
        return Nav::Stay;
    }
    app.views.truncate(1);
    if let View::Home(h) = app.view_mut() {
        *h = home::Home::empty();
    }
    app.refresh();
    let agenda = Agenda::load(app, meeting);
    app.push(View::Agenda(agenda));
    let current = m.current_item.and_then(|id| app.store.item(id).ok());
    match current {
        Some(it) if matches!(it.status, ItemStatus::Voting | ItemStatus::Discussing) => {
            open_item(app, &it)
        }
        _ => Nav::Stay,
    }
}
