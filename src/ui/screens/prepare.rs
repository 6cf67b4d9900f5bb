//! Preparation of a draft meeting: its details and its agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::moved;
use crate::domain::model::ScopeKind;
use crate::domain::text::{clean_line, wrap};
use crate::store::StoreError;
use crate::store::meetings::{ItemRow, MeetingRow};
use crate::strings::{self, Lang, ui as s};
use crate::ui::ctx::{Ctx, Nav, Screen, loaded, reread};
use crate::ui::forms::meeting;
use crate::ui::keymap::{self, Act, Binding};
use crate::ui::screens::{agenda, attendance};
use crate::ui::theme;

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
    pub fn load(ctx: &mut Ctx, id: i64) -> Prepare {
        loaded(
            ctx,
            Prepare {
                meeting: None,
                id,
                items: Vec::new(),
                sel: 0,
            },
        )
    }
}

/// Open the meeting: the agenda, with attendance on top to take the roll first.
fn open_meeting(ctx: &mut Ctx, m: i64) -> Nav {
    if ctx.store_do(|st| st.start_meeting(m)).is_none() {
        return Nav::Stay;
    }
    ctx.info(ctx.t(s::MEETING_OPENED));
    let agenda = agenda::Agenda::load(ctx, m);
    let att = attendance::Attendance::load(ctx, m);
    Nav::Reset(vec![Box::new(agenda), Box::new(att)])
}

impl Screen for Prepare {
    fn keys(&self) -> &'static [Binding] {
        keymap::PREPARE
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.meeting = Some(ctx.store.meeting(self.id)?);
        self.items = ctx.store.items(self.id)?;
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let current = self.items.get(self.sel).cloned();
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.items.len(), act, 5);
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::Civic(_) => match &current {
                Some(it) => Nav::push(super::cost::CostView::load(ctx, it.id)),
                None => Nav::Stay,
            },
            Act::EditMeeting => match &self.meeting {
                Some(m) => Nav::form(meeting::meeting_form(ctx, m.community_id, Some(m))),
                None => Nav::Stay,
            },
            Act::AddItem => meeting::item_nav(ctx, self.id, None),
            Act::EditItem => meeting::item_nav(ctx, self.id, current.as_ref()),
            Act::MoveUp | Act::MoveDown => {
                if let Some(it) = current {
                    let d = if act == Act::MoveUp { -1 } else { 1 };
                    if ctx.store_do(|st| st.move_item(it.id, d)).is_some() {
                        reread(ctx, self);
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
                Some(it) => {
                    let id = it.id;
                    Nav::ask(
                        format!("{}「{}」", ctx.t(s::CONFIRM_REMOVE), clean_line(&it.title)),
                        move |ctx| match ctx.store_do(|st| st.remove_item(id)) {
                            Some(()) => Nav::Reload,
                            None => Nav::Stay,
                        },
                    )
                }
                None => Nav::Stay,
            },
            Act::OpenMeeting => {
                let id = self.id;
                Nav::ask(ctx.t(s::CONFIRM_OPEN).to_string(), move |ctx| {
                    open_meeting(ctx, id)
                })
            }
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
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
                    ctx.t(s::F_TIME),
                    m.starts_at,
                    ctx.t(s::F_VENUE),
                    clean_line(&m.venue),
                    ctx.t(s::F_HOST),
                    clean_line(&m.host),
                    ctx.t(s::F_SECRETARY),
                    clean_line(&m.secretary)
                )),
            ];
            f.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(format!(" {} ", ctx.t(s::PREPARE_TITLE))),
                ),
                head,
            );
        }
        let [list_area, detail] =
            Layout::horizontal([Constraint::Percentage(42), Constraint::Min(20)]).areas(body);
        let items: Vec<ListItem<'_>> = if self.items.is_empty() {
            vec![ListItem::new(ctx.t(s::NO_ITEMS))]
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
                    .title(format!(" {} ", ctx.t(s::AGENDA_TITLE))),
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
