//! The mediation case list: every case of the community, newest first,
//! filtered by status, kind and month; Enter opens a case, n opens a new one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::domain::mediation::CaseStatus;
use crate::domain::text::{clean_line, pad, truncate, width};
use crate::store::StoreError;
use crate::store::ids::CommunityId;
use crate::store::mediation::{CaseFilter, CaseRow};
use crate::strings::mediation as m;
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::keys::act::MedAct;
use crate::ui::keys::mediation::CASES;
use crate::ui::keys::{Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::{forms, theme};

pub struct CaseList {
    pub filter: CaseFilter,
    pub rows: Vec<CaseRow>,
    pub sel: usize,
}

impl CaseList {
    /// The cases of `community` (all communities' when None).
    pub fn load(ctx: &mut Ctx, community: Option<CommunityId>) -> CaseList {
        loaded(
            ctx,
            CaseList {
                filter: CaseFilter {
                    community,
                    ..CaseFilter::default()
                },
                rows: Vec::new(),
                sel: 0,
            },
        )
    }

    fn community(&self, ctx: &Ctx) -> Option<CommunityId> {
        self.filter.community.or_else(|| {
            ctx.store
                .communities()
                .ok()
                .and_then(|c| c.first().map(|c| c.id))
        })
    }

    fn filter_text(&self, ctx: &Ctx) -> String {
        let l = ctx.lang;
        let mut parts = Vec::new();
        if let Some(s) = self.filter.status {
            parts.push(m::status(l, s).to_string());
        }
        if let Some(k) = self.filter.kind {
            parts.push(m::kind(l, k).to_string());
        }
        if let Some(mo) = &self.filter.month {
            parts.push(mo.clone());
        }
        if let Some(t) = &self.filter.text {
            parts.push(format!("“{}”", clean_line(t)));
        }
        if parts.is_empty() {
            parts.push(ctx.t(m::ALL).to_string());
        }
        parts.join(" · ")
    }
}

impl Screen for CaseList {
    fn keys(&self) -> &'static [Binding] {
        CASES
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.rows = ctx.store.cases(&self.filter)?;
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    fn deliver(&mut self, ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        if let Delivered::CaseFilter(f) = value {
            self.filter = f;
            self.sel = 0;
            self.reload(ctx)?;
        }
        Ok(Nav::Stay)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.rows.len(), act, 10);
                Nav::Stay
            }
            Act::Open => match self.rows.get(self.sel) {
                Some(r) => Nav::Open(Route::Case { case: r.id }),
                None => Nav::Stay,
            },
            Act::Back => Nav::Back,
            Act::Mediation(MedAct::NewCase) => match self.community(ctx) {
                Some(c) => Nav::form(forms::mediation::new_case_form(ctx, c)),
                None => Nav::Stay,
            },
            Act::Mediation(MedAct::Filter) => {
                Nav::form(forms::mediation::filter_form(ctx, &self.filter))
            }
            Act::Mediation(MedAct::ClearFilter) => {
                self.filter = CaseFilter {
                    community: self.filter.community,
                    ..CaseFilter::default()
                };
                Nav::Reload
            }
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let c = crate::strings::ui::colon(l);
        let block = Block::default().borders(Borders::ALL).title(format!(
            " {} — {}{c}{} ",
            ctx.t(m::LIST_TITLE),
            ctx.t(m::FILTER),
            self.filter_text(ctx)
        ));
        if self.rows.is_empty() {
            f.render_widget(
                Paragraph::new(crate::ui::widgets::wrap_lines(
                    vec![Line::from(ctx.t(m::NO_CASES))],
                    usize::from(area.width.saturating_sub(2)),
                ))
                .block(block),
                area,
            );
            return;
        }
        let inner = usize::from(area.width.saturating_sub(4));
        let status_w = CaseStatus::ALL
            .iter()
            .map(|&s| width(m::status(l, s)))
            .max()
            .unwrap_or(8);
        let items: Vec<ListItem<'_>> = self
            .rows
            .iter()
            .map(|r| {
                let style = match r.status {
                    CaseStatus::Open => theme::focus(),
                    CaseStatus::Agreed | CaseStatus::Performed => theme::pass(),
                    CaseStatus::NotPerformed => theme::fail(),
                    _ => theme::dim(),
                };
                let head = format!("{:>4} ", r.number);
                let status = pad(m::status(l, r.status), status_w);
                let rest = format!(
                    " {} {} {} ",
                    r.opened_on,
                    pad(m::kind(l, r.kind), 10),
                    pad(&r.next_due, 10)
                );
                let used = width(&head) + status_w + width(&rest);
                let title = truncate(&clean_line(&r.title), inner.saturating_sub(used));
                ListItem::new(Line::from(vec![
                    Span::raw(head),
                    Span::styled(status, style),
                    Span::raw(rest),
                    Span::raw(title),
                ]))
            })
            .collect();
        // The column heads, over the columns (after the two cells of the "> " mark).
        let heads = Line::from(format!(
            "  {} {} {} {} {} {}",
            pad(ctx.t(m::COL_NO), 4),
            pad(ctx.t(m::COL_STATUS), status_w),
            pad(ctx.t(m::COL_OPENED), 10),
            pad(ctx.t(m::COL_KIND), 10),
            pad(ctx.t(m::COL_DUE), 10),
            ctx.t(m::COL_TITLE)
        ))
        .style(theme::dim());
        let inside = block.inner(area);
        f.render_widget(block, area);
        let [head_area, list_area] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Min(0),
        ])
        .areas(inside);
        f.render_widget(Paragraph::new(heads), head_area);
        let list = List::new(items)
            .highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state = ListState::default().with_selected(Some(self.sel));
        f.render_stateful_widget(list, list_area, &mut state);
    }
}
