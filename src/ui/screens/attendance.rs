//! Attendance: the roll call at opening and later arrivals, departures and proxies, with
//! the quorum shown live by headcount and by area.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row};

use crate::domain::model::{CouncilKind, Electorate, PresenceKind};
use crate::domain::presence::{self, Attendance as Att};
use crate::domain::rules::numbers::fmt_area;
use crate::domain::rules::{self, Eligible, Rule, RuleKind};
use crate::domain::text::{clean_line, width};
use crate::store::StoreError;
use crate::store::ids::MeetingId;
use crate::store::roster::VoterRow;
use crate::strings::{self, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::forms::floor;
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded, reread};
use crate::ui::screens::moved;
use crate::ui::widgets::columns::Col;
use crate::ui::widgets::table::{Fitted, ListTable, widest};
use crate::ui::{room, theme, widgets};

pub struct Attendance {
    pub meeting: MeetingId,
    pub title: String,
    pub electorate: Electorate,
    pub voters: Vec<VoterRow>,
    pub now: std::collections::HashMap<i64, Att>,
    pub sel: usize,
    /// The council called when the electorate is a council.
    pub council: CouncilKind,
}

impl Attendance {
    pub fn load(ctx: &mut Ctx, meeting: MeetingId) -> Attendance {
        let mut a = loaded(
            ctx,
            Attendance {
                meeting,
                title: String::new(),
                electorate: Electorate::Owners,
                voters: Vec::new(),
                now: Default::default(),
                sel: 0,
                council: CouncilKind::ResidentsCouncil,
            },
        );
        // Start at the first voter not yet called.
        a.sel = a
            .voters
            .iter()
            .position(|v| !a.now.get(&v.id.0).is_some_and(|x| x.marked))
            .unwrap_or(0);
        a
    }

    /// The quorum checks as the meeting stands now.
    pub fn quorum(&self) -> Vec<rules::Check> {
        let rule = match self.electorate {
            Electorate::Owners => Rule::new(RuleKind::Art278Ordinary),
            Electorate::Council if self.council == CouncilKind::OwnersCommittee => {
                Rule::new(RuleKind::Committee)
            }
            Electorate::Council => Rule::new(RuleKind::ResidentsMeeting),
        };
        let electorate: Vec<Eligible> = self
            .voters
            .iter()
            .map(|v| Eligible {
                voter_id: v.id.0,
                area: v.area(),
                present: self.now.get(&v.id.0).is_some_and(|a| a.present),
                choice: None,
            })
            .collect();
        rules::quorum(&rule, &electorate)
    }

    fn mark(&mut self, ctx: &mut Ctx, kind: PresenceKind) {
        let Some(v) = self.voters.get(self.sel) else {
            return;
        };
        let was = self.now.get(&v.id.0).cloned().unwrap_or_default();
        // After the roll call, a change is an arrival or a departure on the timeline.
        let kind = match (kind, was.marked, was.present) {
            (PresenceKind::Present, true, false) => PresenceKind::Arrive,
            (PresenceKind::Present, true, true) if was.proxy.is_none() => return,
            (PresenceKind::Absent, true, true) => PresenceKind::Leave,
            (PresenceKind::Absent, true, false) => return,
            (k, _, _) => k,
        };
        if ctx
            .store_do(|st| st.mark_presence(self.meeting, v.id, kind, None, None))
            .is_some()
        {
            reread(ctx, self);
            self.sel = moved(self.sel, self.voters.len(), Act::Down, 1);
        }
    }

    pub fn status_text(&self, ctx: &Ctx, v: &VoterRow) -> String {
        match self.now.get(&v.id.0) {
            None => ctx.t(s::ATT_UNMARKED).to_string(),
            Some(a) if !a.marked => ctx.t(s::ATT_UNMARKED).to_string(),
            Some(Att {
                proxy: Some((n, r)),
                ..
            }) => {
                format!(
                    "{} {}（{} {}）",
                    strings::presence_kind(ctx.lang, PresenceKind::Proxy),
                    clean_line(n),
                    ctx.t(s::VIA),
                    clean_line(r)
                )
            }
            Some(a) if a.present => {
                strings::presence_kind(ctx.lang, PresenceKind::Present).to_string()
            }
            Some(_) => strings::presence_kind(ctx.lang, PresenceKind::Absent).to_string(),
        }
    }
}

impl Screen for Attendance {
    fn keys(&self) -> &'static [Binding] {
        keys::ATTENDANCE
    }

    /// A proxy recorded: shown as stored, and on to the next row.
    fn deliver(&mut self, ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        if let Delivered::ProxyRecorded = value {
            self.reload(ctx)?;
            self.sel = moved(self.sel, self.voters.len(), Act::Down, 1);
        }
        Ok(Nav::Stay)
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        let m = ctx.store.meeting(self.meeting)?;
        self.title = m.title;
        self.electorate = m.electorate;
        let all = ctx.store.voters(m.community_id)?;
        self.voters = match m.electorate {
            Electorate::Owners => all.into_iter().filter(|v| !v.units.is_empty()).collect(),
            // Each body with its own members: a 业委会 meeting calls the committee.
            Electorate::Council => {
                let council = ctx
                    .store
                    .meeting_council(self.meeting)?
                    .unwrap_or(m.kind.council());
                self.council = council;
                all.into_iter()
                    .filter(|v| v.councils.iter().any(|(k, _)| *k == council))
                    .collect()
            }
        };
        self.now = presence::current(&ctx.store.presence(self.meeting)?);
        Ok(())
    }

    fn has_room(&self) -> bool {
        true
    }

    fn draw_room(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) -> bool {
        room::draw(ctx, f, area, clean_line(&self.title), None);
        true
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.voters.len(), act, 15);
                Nav::Stay
            }
            Act::Present => {
                self.mark(ctx, PresenceKind::Present);
                Nav::Stay
            }
            Act::Absent => {
                self.mark(ctx, PresenceKind::Absent);
                Nav::Stay
            }
            Act::Proxy => match self.voters.get(self.sel) {
                Some(v) => Nav::form(floor::proxy_form(ctx, self.meeting, v.id, &v.name)),
                None => Nav::Stay,
            },
            Act::Agenda => {
                // Coming from the agenda: go back to it; at opening: it is below us.
                Nav::Back
            }
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let [list, side] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(36)]).areas(area);
        self.draw_table(ctx, f, list);
        self.draw_quorum(ctx, f, side);
    }
}

/// A voter's units, as one line.
fn units_of(v: &VoterRow) -> String {
    let units: Vec<String> = v.units.iter().map(|u| clean_line(&u.label)).collect();
    units.join(" ")
}

impl Attendance {
    /// The roll: each voter with their units and where they stand.
    fn draw_table(&self, ctx: &Ctx, f: &mut Frame<'_>, list: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let header_cells = [
            "#",
            ctx.t(s::COL_NAME),
            ctx.t(s::COL_UNITS),
            ctx.t(s::COL_STATUS),
        ];
        let v = &self.voters;
        // Names keep their room: the units give first, then names down to 8 columns;
        // a short status ("未点名") stays whole. Each cell is cut to its column with a
        // visible "…".
        let cols = Fitted::new(
            list,
            &[
                Col::fixed(width(&self.voters.len().to_string()).max(1)),
                Col::new(
                    widest(v, |v| width(&clean_line(&v.name)), header_cells[1]).min(20),
                    8,
                    2,
                ),
                Col::new(
                    widest(v, |v| width(&units_of(v)), header_cells[2]).min(20),
                    6,
                    1,
                ),
                Col::new(
                    widest(v, |v| width(&self.status_text(ctx, v)), header_cells[3]),
                    8,
                    3,
                ),
            ],
        );
        let rows: Vec<Row<'_>> = self
            .voters
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let st = self.status_text(ctx, v);
                let style = match self.now.get(&v.id.0) {
                    Some(a) if a.present => theme::pass(),
                    Some(a) if a.marked => theme::fail(),
                    _ => ratatui::style::Style::default(),
                };
                Row::new(vec![
                    Cell::from(format!("{}", i + 1)),
                    Cell::from(cols.cut(&clean_line(&v.name), 1)),
                    Cell::from(cols.cut(&units_of(v), 2)),
                    Cell::from(cols.cut(&st, 3)).style(style),
                ])
            })
            .collect();
        ListTable {
            title: format!(
                " {}{colon}{} ",
                ctx.t(s::ATT_TITLE),
                clean_line(&self.title)
            ),
            header: header_cells
                .iter()
                .enumerate()
                .map(|(i, h)| Cell::from(cols.cut(h, i)))
                .collect(),
            widths: cols.constraints(),
            rows,
            selected: Some(self.sel),
        }
        .render(f, list);
    }

    /// The quorum as it stands: heads, area, who is not yet called, the rule's checks.
    fn draw_quorum(&self, ctx: &Ctx, f: &mut Frame<'_>, side: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let present: Vec<&VoterRow> = self
            .voters
            .iter()
            .filter(|v| self.now.get(&v.id.0).is_some_and(|a| a.present))
            .collect();
        let area_present: i64 = present.iter().map(|v| v.area()).sum();
        let area_all: i64 = self.voters.iter().map(|v| v.area()).sum();
        let marked = self
            .voters
            .iter()
            .filter(|v| self.now.get(&v.id.0).is_some_and(|a| a.marked))
            .count();
        let mut lines = vec![
            Line::from(format!(
                "{}{colon}{} / {}",
                ctx.t(s::Q_HEADS),
                present.len(),
                self.voters.len()
            )),
            Line::from(format!(
                "{}{colon}{} / {} m²",
                ctx.t(s::Q_AREA),
                fmt_area(area_present),
                fmt_area(area_all)
            )),
            Line::from(format!(
                "{}{colon}{}",
                ctx.t(s::ATT_UNMARKED),
                self.voters.len() - marked
            )),
            Line::from(""),
        ];
        lines.extend(widgets::check_lines(l, &self.quorum()));
        f.render_widget(
            Paragraph::new(widgets::wrap_lines(
                lines,
                usize::from(side.width.saturating_sub(2)),
            ))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(s::QUORUM))),
            ),
            side,
        );
    }
}
