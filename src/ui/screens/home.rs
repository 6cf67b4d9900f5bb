//! Home: the communities and their meetings (draft, open, past).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::domain::model::MeetingStatus;
use crate::domain::text::{clean_line, pad};
use crate::store::StoreError;
use crate::store::ids::CommunityId;
use crate::store::meetings::MeetingRow;
use crate::store::roster::Community;
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::resume;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded};
use crate::ui::screens::moved;
use crate::ui::{forms, theme};

pub enum Row {
    Community(Community),
    Meeting(Box<MeetingRow>),
    Empty(CommunityId),
    /// "N more in the archive".
    More(CommunityId, i64),
    /// A mediation agreement whose performance is to be checked.
    CaseDue(crate::store::mediation::CaseDue),
}

/// Finished meetings listed per community on home; the archive has them all.
const PAST_ON_HOME: i64 = 3;

pub struct Home {
    pub rows: Vec<Row>,
    pub sel: usize,
}

impl Home {
    pub fn new(ctx: &mut Ctx) -> Home {
        loaded(
            ctx,
            Home {
                rows: Vec::new(),
                sel: 0,
            },
        )
    }

    fn fill(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.rows.clear();
        let communities = ctx.store.communities()?;
        let due = ctx.store.mediation_due()?;
        for c in communities {
            let (meetings, past_total) = ctx.store.home_meetings(c.id, PAST_ON_HOME)?;
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
            let mine = due.iter().filter(|d| d.community_id == id).cloned();
            self.rows.extend(mine.map(Row::CaseDue));
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
        Ok(())
    }

    /// The community of the selected row.
    fn community(&self) -> Option<CommunityId> {
        let r = self.rows.get(self.sel)?;
        Some(match r {
            Row::Community(c) => c.id,
            Row::Meeting(m) => m.community_id,
            Row::Empty(c) | Row::More(c, _) => *c,
            Row::CaseDue(d) => d.community_id,
        })
    }
}

impl Screen for Home {
    fn keys(&self) -> &'static [Binding] {
        keys::HOME
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.fill(ctx)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.rows.len(), act, 10);
                Nav::Stay
            }
            Act::Open => match self.rows.get(self.sel) {
                Some(Row::Meeting(m)) => match m.status {
                    MeetingStatus::Draft => Nav::Open(Route::Prepare { meeting: m.id }),
                    // A written consultation: its ballots are entered by number.
                    MeetingStatus::Open if m.written => resume::open_written(m.id),
                    MeetingStatus::Open => resume::resume(ctx, m.id),
                    _ => Nav::Open(Route::Minutes { meeting: m.id }),
                },
                Some(Row::Community(c)) => Nav::Open(Route::Roster { community: c.id }),
                Some(Row::CaseDue(d)) => Nav::Open(Route::Case { case: d.case_id }),
                _ => Nav::Stay,
            },
            Act::NewMeeting => match self.community() {
                Some(c) => Nav::form(forms::meeting::meeting_form(ctx, c, None)),
                None => Nav::Stay,
            },
            Act::Roster => match self.community() {
                Some(c) => Nav::Open(Route::Roster { community: c }),
                None => Nav::Stay,
            },
            Act::Board => Nav::Open(Route::Actions),
            Act::Civic(_) => Nav::Open(Route::Suggestions {
                community: self.community(),
            }),
            Act::Archive => Nav::Open(Route::Archive),
            Act::Mediation(crate::ui::keys::act::MedAct::List) => Nav::Open(Route::Cases {
                community: self.community(),
            }),
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", ctx.t(s::HOME_TITLE)));
        if self.rows.is_empty() {
            f.render_widget(
                Paragraph::new(crate::ui::widgets::wrap_lines(
                    vec![Line::from(ctx.t(s::HOME_EMPTY))],
                    usize::from(area.width.saturating_sub(2)),
                ))
                .block(block),
                area,
            );
            return;
        }
        let today = crate::store::actions::today();
        let items: Vec<ListItem<'_>> = self
            .rows
            .iter()
            .map(|r| match r {
                Row::Community(c) => ListItem::new(Line::from(Span::styled(
                    format!("■ {}", clean_line(&c.name)),
                    theme::heading(),
                ))),
                Row::Empty(_) => ListItem::new(format!("    {}", ctx.t(s::HOME_NO_MEETINGS))),
                Row::More(_, n) => ListItem::new(Line::from(Span::styled(
                    format!("    {}", s::home_more(l, *n)),
                    theme::dim(),
                ))),
                Row::CaseDue(d) => {
                    let late = crate::domain::followup::past_due(&d.due_on, &today);
                    // In the meetings' columns: status, day, kind, title.
                    ListItem::new(Line::from(vec![
                        Span::raw("    "),
                        Span::styled(
                            pad(ctx.t(strings::mediation::DUE_BOARD), 8),
                            if late { theme::fail() } else { theme::focus() },
                        ),
                        Span::raw(format!(
                            " {}  {}  {}",
                            pad(&d.due_on, 16),
                            pad(&strings::mediation::due_home(l, d.number), 12),
                            clean_line(&d.title)
                        )),
                    ]))
                }
                Row::Meeting(m) => {
                    let status = strings::meeting_status(l, m.status);
                    let style = match m.status {
                        MeetingStatus::Open => theme::pass(),
                        MeetingStatus::Draft => theme::focus(),
                        _ => ratatui::style::Style::default(),
                    };
                    // A written consultation says so: it is opened to enter ballots by
                    // number, not to roll-call a room.
                    let mark = if m.written {
                        strings::written_ui::TITLE_WRITTEN.get(l)
                    } else {
                        ""
                    };
                    ListItem::new(Line::from(vec![
                        Span::raw("    "),
                        Span::styled(pad(status, 8), style),
                        Span::raw(format!(
                            " {}  {}  {mark}{}",
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
