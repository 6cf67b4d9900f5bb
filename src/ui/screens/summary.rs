//! The archive's summary panel: the district report's figures for this file,
//! per community and in total, for one year or all, read exactly as `yishi report` does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::report::{Figures, Report, fmt_halves};
use crate::domain::text::clean_line;
use crate::report::{category_name, end_name, kind_name, status_name};
use crate::store::StoreError;
use crate::store::actions::today;
use crate::strings::{suggestions as w, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::form::Field;
use crate::ui::keys::act::CivicAct;
use crate::ui::keys::suggestions;
use crate::ui::keys::{Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::widgets::scroll::Scroll;
use crate::ui::{forms, theme};

pub struct Summary {
    pub year: Option<i32>,
    pub report: Option<Report>,
    pub scroll: Scroll,
}

impl Summary {
    pub fn load(ctx: &mut Ctx) -> Summary {
        loaded(
            ctx,
            Summary {
                year: None,
                report: None,
                scroll: Scroll::default(),
            },
        )
    }
}

/// One community's figures (or the total's): its meetings and items, then how their
/// decisions and the residents' suggestions were followed up.
fn figure_lines(ctx: &Ctx, f: &Figures, out: &mut Vec<Line<'static>>) {
    meeting_lines(ctx, f, out);
    follow_up_lines(ctx, f, out);
}

/// The name, the meetings by kind, the items by outcome and by category.
fn meeting_lines(ctx: &Ctx, f: &Figures, out: &mut Vec<Line<'static>>) {
    let l = ctx.lang;
    let c = s::colon(l);
    out.push(Line::from(Span::styled(
        clean_line(&f.name),
        theme::heading(),
    )));
    let kinds: Vec<String> = f
        .meetings
        .iter()
        .map(|(k, n)| format!("{} {n}", kind_name(l, k)))
        .collect();
    out.push(Line::from(format!(
        "  {}{c}{}  {}",
        ctx.t(w::R_MEETINGS),
        f.meetings_total,
        kinds.join("，")
    )));
    let ends: Vec<String> = f
        .outcomes
        .iter()
        .map(|(e, n)| format!("{} {n}", end_name(l, *e)))
        .collect();
    out.push(Line::from(format!(
        "  {}{c}{}  {}",
        ctx.t(w::R_ITEMS),
        f.items_total,
        ends.join("，")
    )));
    for (cat, ends) in &f.items {
        let e: Vec<String> = ends
            .iter()
            .map(|(e, n)| format!("{} {n}", end_name(l, *e)))
            .collect();
        out.push(Line::from(format!(
            "    {}{c}{}",
            category_name(l, cat),
            e.join("，")
        )));
    }
}

/// Participation in votes, the action items, the suggestions and their answer times,
/// and any further table.
fn follow_up_lines(ctx: &Ctx, f: &Figures, out: &mut Vec<Line<'static>>) {
    let l = ctx.lang;
    let c = s::colon(l);
    let ratio = |r: Option<crate::domain::report::Ratio>| {
        r.map(|r| format!("{} ({}/{})", r.percent(), r.num, r.den))
            .unwrap_or_else(|| "—".into())
    };
    out.push(Line::from(format!(
        "  {}{c}{}  {}{c}{}  {}{c}{}",
        ctx.t(w::R_VOTES),
        f.votes,
        ctx.t(w::R_MEDIAN),
        ratio(f.participation_median),
        ctx.t(w::R_LOWEST),
        ratio(f.participation_lowest)
    )));
    let a = &f.actions;
    out.push(Line::from(format!(
        "  {}{c}{}  {} {}  {} {}  {} {}",
        ctx.t(w::R_ACTIONS),
        a.total,
        ctx.t(w::R_DONE),
        a.done,
        ctx.t(w::R_ON_TIME),
        a.on_time,
        ctx.t(w::R_OVERDUE),
        a.overdue
    )));
    let st: Vec<String> = f
        .suggestions
        .iter()
        .map(|(k, n)| format!("{} {n}", status_name(l, k)))
        .collect();
    out.push(Line::from(format!(
        "  {}{c}{}  {}",
        ctx.t(w::R_SUGGESTIONS),
        f.suggestions_total,
        st.join("，")
    )));
    out.push(Line::from(format!(
        "  {}{c}{}",
        ctx.t(w::R_MEDIAN_DAYS),
        f.median_answer_halves
            .map(|h| format!("{} {}", fmt_halves(h), ctx.t(w::R_DAYS)))
            .unwrap_or_else(|| "—".into())
    )));
    for x in &f.extra {
        let rows: Vec<String> = x.rows.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push(Line::from(format!(
            "  {}{c}{}",
            clean_line(&x.title),
            rows.join("，")
        )));
    }
    out.push(Line::from(""));
}

impl Screen for Summary {
    fn keys(&self) -> &'static [Binding] {
        suggestions::SUMMARY
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.report = Some(crate::report::build(
            &ctx.store,
            self.year,
            None,
            &today(),
            ctx.lang,
        )?);
        Ok(())
    }

    fn deliver(&mut self, ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        if let Delivered::SummaryYear(y) = value {
            self.year = y;
            self.reload(ctx)?;
        }
        Ok(Nav::Stay)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Back => Nav::Back,
            Act::Civic(CivicAct::Year) => {
                let cur = self.year.map(|y| y.to_string()).unwrap_or_default();
                Nav::form(forms::one_field(
                    ctx,
                    w::YEAR_TITLE,
                    Field::text("text", w::YEAR_TITLE, &cur),
                    |t, _ctx| {
                        let t = t.trim();
                        if t.is_empty() {
                            return Ok(Nav::Deliver(Delivered::SummaryYear(None)));
                        }
                        match t.parse::<i32>() {
                            Ok(y) if (1900..=9999).contains(&y) => {
                                Ok(Nav::Deliver(Delivered::SummaryYear(Some(y))))
                            }
                            _ => Err(StoreError::Refused(crate::store::Refusal::Suggestion(
                                crate::store::refusal::suggestions::SuggestionRefusal::BadYear,
                            ))),
                        }
                    },
                ))
            }
            Act::Up | Act::PageUp | Act::Down | Act::PageDown => {
                self.scroll.on(act);
                Nav::Stay
            }
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let mut lines = Vec::new();
        if let Some(r) = &self.report {
            figure_lines(ctx, &r.total, &mut lines);
            for c in &r.communities {
                figure_lines(ctx, c, &mut lines);
            }
        }
        let year = self
            .year
            .map(|y| y.to_string())
            .unwrap_or_else(|| ctx.t(w::R_ALL_YEARS).to_string());
        f.render_widget(
            Paragraph::new(crate::ui::widgets::wrap_lines(
                self.scroll.shown(lines),
                usize::from(area.width.saturating_sub(2)),
            ))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} {year} ", ctx.t(w::SUMMARY_TITLE))),
            ),
            area,
        );
    }
}
