//! Preparation of a draft meeting: its details and its agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::moved;
use crate::domain::model::ScopeKind;
use crate::domain::text::{clean_line, wrap};
use crate::store::meetings::{ItemRow, MeetingRow};
use crate::strings::{self, Lang, ui as s};
use crate::ui::app::{App, Nav, Pending};
use crate::ui::keymap::Act;
use crate::ui::{forms, theme};

pub struct Prepare {
    pub meeting: Option<MeetingRow>,
    pub id: i64,
    pub items: Vec<ItemRow>,
    pub sel: usize,
}

/// "全体" / "3栋2单元" / "议事会成员".
pub fn scope_text(l: Lang, it: &ItemRow) -> String {
    match it.scope.kind {
        ScopeKind::Building => clean_line(&it.scope.building),
        ScopeKind::Unit => format!(
            "{}{}",
            clean_line(&it.scope.building),
            clean_line(&it.scope.unit)
        ),
        k => strings::scope_kind(l, k).to_string(),
    }
}

/// The lines describing an item: rule with its explanation, scope, proposal.
pub fn item_detail(l: Lang, it: &ItemRow, width: usize) -> Vec<Line<'static>> {
    let colon = crate::strings::ui::colon(l);
    let code = it.rule.kind.code();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}{colon}", s::RULE.get(l)), theme::heading()),
        Span::raw(strings::rule_name(l, code).to_string()),
    ])];
    for w in wrap(strings::rule_explain(l, code), width) {
        lines.push(Line::from(Span::styled(w, theme::dim())));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{}{colon}", s::SCOPE.get(l)), theme::heading()),
        Span::raw(scope_text(l, it)),
        Span::raw(format!(
            "   {}{colon}{}",
            s::F_PROPOSER.get(l),
            clean_line(&it.proposer)
        )),
    ]));
    lines.push(Line::from(Span::styled(
        format!("{}{colon}", s::PROPOSAL.get(l)),
        theme::heading(),
    )));
    for w in wrap(&crate::domain::text::clean_multiline(&it.proposal), width) {
        lines.push(Line::from(w));
    }
    lines
}

impl Prepare {
    pub fn load(app: &App, id: i64) -> Prepare {
        let mut p = Prepare {
            meeting: None,
            id,
            items: Vec::new(),
            sel: 0,
        };
        p.reload(app);
        p
    }

    pub fn reload(&mut self, app: &App) {
        self.meeting = app.store.meeting(self.id).ok();
        self.items = app.store.items(self.id).unwrap_or_default();
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        let current = self.items.get(self.sel).cloned();
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.items.len(), act, 5);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::EditMeeting => match &self.meeting {
                Some(m) => Nav::Form(Box::new(forms::meeting_form(app, m.community_id, Some(m)))),
                None => Nav::Stay,
            },
            Act::AddItem => Nav::Form(Box::new(forms::item_form(app, self.id, None))),
            Act::EditItem => match current {
                Some(it) => Nav::Form(Box::new(forms::item_form(app, self.id, Some(&it)))),
                None => Nav::Form(Box::new(forms::item_form(app, self.id, None))),
            },
            Act::MoveUp | Act::MoveDown => {
                if let Some(it) = current {
                    let d = if act == Act::MoveUp { -1 } else { 1 };
                    if app.store_do(|st| st.move_item(it.id, d)).is_some() {
                        self.reload(app);
                        self.sel = moved(
                            self.sel,
                            self.items.len(),
                            if d < 0 { Act::Up } else { Act::Down },
                            1,
                        );
                    }
                }
                Nav::Stay
            }
            Act::RemoveItem => match current {
                Some(it) => Nav::Ask(
                    format!("{}「{}」", app.t(s::CONFIRM_REMOVE), clean_line(&it.title)),
                    Pending::RemoveItem(it.id),
                ),
                None => Nav::Stay,
            },
            Act::OpenMeeting => Nav::Ask(
                app.t(s::CONFIRM_OPEN).to_string(),
                Pending::OpenMeeting(self.id),
            ),
            _ => Nav::Stay,
        }
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(app.lang);
        let l = app.lang;
        let [head, body] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(5)]).areas(area);
        if let Some(m) = &self.meeting {
            let lines = vec![
                Line::from(vec![
                    Span::styled(clean_line(&m.title), theme::heading()),
                    Span::raw(format!(
                        "  {}  {}",
                        strings::meeting_kind(l, m.kind),
                        strings::meeting_status(l, m.status)
                    )),
                ]),
                Line::from(format!(
                    "{}{colon}{}  {}{colon}{}  {}{colon}{}  {}{colon}{}",
                    app.t(s::F_TIME),
                    m.starts_at,
                    app.t(s::F_VENUE),
                    clean_line(&m.venue),
                    app.t(s::F_HOST),
                    clean_line(&m.host),
                    app.t(s::F_SECRETARY),
                    clean_line(&m.secretary)
                )),
            ];
            f.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(format!(" {} ", app.t(s::PREPARE_TITLE))),
                ),
                head,
            );
        }
        let [list_area, detail] =
            Layout::horizontal([Constraint::Percentage(42), Constraint::Min(20)]).areas(body);
        let items: Vec<ListItem<'_>> = if self.items.is_empty() {
            vec![ListItem::new(app.t(s::NO_ITEMS))]
        } else {
            self.items
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    ListItem::new(format!(
                        "{}. {}  [{}]",
                        i + 1,
                        clean_line(&it.title),
                        strings::category(l, it.category)
                    ))
                })
                .collect()
        };
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", app.t(s::AGENDA_TITLE))),
            )
            .highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state = ListState::default().with_selected(if self.items.is_empty() {
            None
        } else {
            Some(self.sel)
        });
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
