//! An item's cost plan (费用分摊): the plan and every unit's share as it will be
//! voted on, opened from the preparation screen or from the item before its vote; the
//! form edits the total, the fixed shares, the method and the floor coefficients.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::cost::{
    CostPlan, FixedShare, ShareMethod, fmt_coef, fmt_coefs, fmt_yuan, parse_coefs, parse_yuan,
};
use crate::domain::suggestions::ItemCost;
use crate::domain::text::{clean_line, pad, truncate};
use crate::store::StoreError;
use crate::store::ids::ItemId;
use crate::store::refusal::suggestions::SuggestionRefusal;
use crate::strings::{suggestions as w, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::keys::act::CivicAct;
use crate::ui::keys::suggestions;
use crate::ui::keys::{Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::widgets::scroll::Scroll;
use crate::ui::{forms, theme};

pub struct CostView {
    pub item: ItemId,
    pub title: String,
    pub cost: Option<ItemCost>,
    pub scroll: Scroll,
}

impl CostView {
    pub fn load(ctx: &mut Ctx, item: ItemId) -> CostView {
        loaded(
            ctx,
            CostView {
                item,
                title: String::new(),
                cost: None,
                scroll: Scroll::default(),
            },
        )
    }
}

fn refuse(r: SuggestionRefusal) -> StoreError {
    StoreError::Refused(crate::store::Refusal::Suggestion(r))
}

/// "物业公司:80000, 政府补贴:200000" into fixed shares.
fn parse_fixed(s: &str) -> Option<Vec<FixedShare>> {
    let mut out = Vec::new();
    for part in s
        .split([',', '，', ';', '；'])
        .filter(|p| !p.trim().is_empty())
    {
        let (party, amount) = part.rsplit_once([':', '：'])?;
        let party = clean_line(party).trim().to_string();
        if party.is_empty() {
            return None;
        }
        out.push(FixedShare {
            party,
            fen: parse_yuan(amount)?,
        });
    }
    Some(out)
}

fn plain_yuan(fen: i64) -> String {
    fmt_yuan(fen).replace(',', "")
}

pub fn cost_form(ctx: &Ctx, item: ItemId, cur: Option<&CostPlan>) -> Form<Nav> {
    let l = ctx.lang;
    let total = cur.map(|p| plain_yuan(p.total_fen)).unwrap_or_default();
    let fixed = cur
        .map(|p| {
            p.fixed
                .iter()
                .map(|f| format!("{}:{}", f.party, plain_yuan(f.fen)))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let method = cur.map(|p| p.method).unwrap_or(ShareMethod::Area);
    let coefs = cur.map(|p| fmt_coefs(&p.coefs)).unwrap_or_default();
    let mut fields = Fields::default();
    let total_field = fields.text(Field::text("total", w::COST_TOTAL, &total));
    let fixed_field = fields.text(Field::text("fixed", w::COST_FIXED, &fixed));
    let method_field = fields.pick(
        "method",
        w::COST_METHOD,
        &ShareMethod::ALL,
        method,
        |m| m.as_db().to_string(),
        |m| w::method(l, m).to_string(),
    );
    let coefs_field = fields.text(Field::text("coefs", w::COST_COEFS, &coefs));
    Form::new(ctx.t(w::COST_TITLE), fields, move |f, ctx| {
        let total = f.get(total_field);
        if total.trim().is_empty() {
            ctx.store.set_cost_plan(item, None)?;
            ctx.info(ctx.t(w::COST_REMOVED));
            return Ok(Nav::Reload);
        }
        let total_fen = parse_yuan(&total).ok_or_else(|| refuse(SuggestionRefusal::CostTotal))?;
        let fixed =
            parse_fixed(&f.get(fixed_field)).ok_or_else(|| refuse(SuggestionRefusal::CostFixed))?;
        let coefs = parse_coefs(&f.get(coefs_field))
            .ok_or_else(|| refuse(SuggestionRefusal::CostWeight))?;
        let plan = CostPlan {
            total_fen,
            fixed,
            method: f.pick(&method_field),
            coefs,
        };
        ctx.store.set_cost_plan(item, Some(&plan))?;
        Ok(forms::saved(ctx))
    })
    .changes_record()
}

/// The plan's lines as the screen shows them (the minutes print the same figures).
pub fn plan_lines(ctx: &Ctx, cost: &ItemCost, width: usize) -> Vec<Line<'static>> {
    let l = ctx.lang;
    let c = s::colon(l);
    let p = &cost.plan;
    let mut lines = vec![Line::from(format!(
        "{}{c}{} {}",
        ctx.t(w::COST_TOTAL),
        fmt_yuan(p.total_fen),
        w::method(l, p.method)
    ))];
    for f in &p.fixed {
        lines.push(Line::from(format!(
            "  {}{c}{}",
            clean_line(&f.party),
            fmt_yuan(f.fen)
        )));
    }
    lines.push(Line::from(format!(
        "{}{c}{}（{} {}）",
        ctx.t(w::COST_REST),
        fmt_yuan(p.rest()),
        cost.shares.len(),
        ctx.t(w::COST_UNITS)
    )));
    if p.method.uses_floors() {
        lines.push(Line::from(format!(
            "{}{c}{}",
            ctx.t(w::COST_COEFS),
            fmt_coefs(&p.coefs)
        )));
    }
    lines.push(Line::from(""));
    for sh in &cost.shares {
        let coef = if p.method.uses_floors() {
            format!(" ×{}", fmt_coef(p.coef(sh.floor)))
        } else {
            String::new()
        };
        let amount = fmt_yuan(sh.fen);
        let left = format!(
            "{} {}{coef}",
            pad(&truncate(&clean_line(&sh.label), 14), 14),
            truncate(&clean_line(&sh.name), 10)
        );
        let room = width.saturating_sub(amount.len() + 1);
        lines.push(Line::from(format!(
            "{} {amount}",
            pad(&truncate(&left, room), room)
        )));
    }
    lines
}

impl Screen for CostView {
    fn keys(&self) -> &'static [Binding] {
        suggestions::COST
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.title = ctx.store.item(self.item)?.title;
        self.cost = ctx.store.cost_plan(self.item)?;
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Back => Nav::Back,
            Act::Civic(CivicAct::EditCost) => Nav::form(cost_form(
                ctx,
                self.item,
                self.cost.as_ref().map(|c| &c.plan),
            )),
            Act::Up | Act::PageUp | Act::Down | Act::PageDown => {
                self.scroll.on(act);
                Nav::Stay
            }
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let width = usize::from(area.width.saturating_sub(2));
        let lines = match &self.cost {
            Some(c) => plan_lines(ctx, c, width),
            None => vec![Line::from(Span::styled(ctx.t(w::COST_NONE), theme::dim()))],
        };
        f.render_widget(
            Paragraph::new(self.scroll.shown(lines)).block(
                Block::default().borders(Borders::ALL).title(format!(
                    " {}：{} ",
                    ctx.t(w::COST_TITLE),
                    clean_line(&self.title)
                )),
            ),
            area,
        );
    }
}
