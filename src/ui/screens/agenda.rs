//! The running meeting's agenda: each item's state and outcome; the way into attendance,
//! discussion, votes, a late item, and adjourning.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::domain::model::ItemStatus;
use crate::domain::text::{clean_line, truncate, width};
use crate::store::StoreError;
use crate::store::ids::MeetingId;
use crate::store::meetings::{ItemRow, MeetingRow};
use crate::strings::{Lang, Tr, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::forms::meeting;
use crate::ui::item_detail::item_detail;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::resume::item_route;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::{room, theme};

pub struct Agenda {
    pub id: MeetingId,
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
    pub fn load(ctx: &mut Ctx, id: MeetingId) -> Agenda {
        let mut a = loaded(
            ctx,
            Agenda {
                id,
                meeting: None,
                items: Vec::new(),
                outcomes: Vec::new(),
                sel: 0,
            },
        );
        // Start at the first item not yet finished.
        a.sel = a
            .items
            .iter()
            .position(|i| !matches!(i.status, ItemStatus::Closed | ItemStatus::Withdrawn))
            .unwrap_or(0);
        a
    }
}

impl Screen for Agenda {
    fn keys(&self) -> &'static [Binding] {
        keys::AGENDA
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.meeting = Some(ctx.store.meeting(self.id)?);
        self.items = ctx.store.items(self.id)?;
        self.outcomes = Vec::with_capacity(self.items.len());
        for i in &self.items {
            self.outcomes
                .push(ctx.store.closure(i.id)?.map(|c| c.2.passed));
        }
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
        Ok(())
    }

    fn has_room(&self) -> bool {
        true
    }

    fn draw_room(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) -> bool {
        let heading = self
            .items
            .get(self.sel)
            .map(|i| clean_line(&i.title))
            .unwrap_or_default();
        room::draw(ctx, f, area, heading, None);
        true
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.items.len(), act, 5);
                Nav::Stay
            }
            Act::Open => match self.items.get(self.sel) {
                Some(it) => open_item(ctx, it),
                None => Nav::Stay,
            },
            Act::Attendance => Nav::Open(Route::Attendance { meeting: self.id }),
            Act::AddItem => meeting::item_nav(ctx, self.id, None),
            // Refused at once when impossible; the confirmation lists the items that
            // would be recorded as never taken up.
            Act::Adjourn => {
                let id = self.id;
                let text = match ctx.store_do(|st| st.adjourn_check(id)) {
                    None => return Nav::Stay,
                    Some(pending) if pending.is_empty() => ctx.t(s::CONFIRM_ADJOURN).to_string(),
                    Some(pending) => {
                        let titles: Vec<(i64, String)> = pending
                            .iter()
                            .map(|i| (i.position, clean_line(&i.title)))
                            .collect();
                        crate::strings::roll_call::confirm_adjourn_pending(ctx.lang, &titles)
                    }
                };
                Nav::ask(text, move |ctx| adjourn(ctx, id))
            }
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let title = self
            .meeting
            .as_ref()
            .map(|m| clean_line(&m.title))
            .unwrap_or_default();
        let [list_area, detail] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Min(20)]).areas(area);
        // Inside the borders, after the highlight symbol.
        let avail = usize::from(list_area.width.saturating_sub(4));
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
                let number = format!("{}. ", i + 1);
                let status = format!("[{}] ", status_word(l, it.status, *o));
                let late = if it.added_late {
                    format!(" ({})", ctx.t(s::LATE))
                } else {
                    String::new()
                };
                // A title longer than the list is cut with "…", not at the border.
                let room = avail.saturating_sub(width(&number) + width(&status) + width(&late));
                let mut spans = vec![
                    Span::raw(number),
                    Span::styled(status, style),
                    Span::raw(truncate(&clean_line(&it.title), room)),
                ];
                if !late.is_empty() {
                    spans.push(Span::styled(late, theme::dim()));
                }
                ListItem::new(Line::from(spans))
            })
            .collect();
        let list = List::new(items)
            .block(Block::default().borders(Borders::ALL).title(format!(
                " {}{colon}{} ",
                ctx.t(s::AGENDA_TITLE),
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
                Paragraph::new(item_detail(l, it, inner.width as usize)),
                inner,
            );
        }
    }
}

/// Adjourn: the meeting's screens give way to its minutes.
fn adjourn(ctx: &mut Ctx, m: MeetingId) -> Nav {
    if ctx.store_do(|st| st.adjourn(m)).is_none() {
        return Nav::Stay;
    }
    ctx.room = false;
    Nav::Reset(vec![Route::Minutes { meeting: m }])
}

pub fn open_item(ctx: &mut Ctx, it: &ItemRow) -> Nav {
    Nav::Open(item_route(ctx, it))
}
