//! Minutes format V3: an item's source (a resident's suggestion) under its
//! heading, and its cost plan with every unit's share after the proposal. Self-contained
//! (words here too) so other V3 parts stay apart; frozen with V3 once released.

use crate::domain::cost::ShareMethod;
use crate::domain::lang::Lang;
use crate::domain::minutes::frozen::numbers::{fmt_coef, fmt_coefs, fmt_yuan};
use crate::domain::minutes::frozen::text::{clean_line, escape, mask_name};
use crate::domain::minutes::v1_format::{colon, field, fmt_area, paren};
use crate::domain::minutes::v2_words::V2Words;
use crate::domain::minutes::words::{W, Words};
use crate::domain::record::{ItemRecord, MeetingRecord, VoteRecord};
use crate::domain::rules::{Check, Outcome};

/// Format V3: V2 as it is, with an item's source under its heading and its cost plan
/// after the proposal.
pub(super) struct V3Words;

impl Words for V3Words {
    fn data(&self, s: &str) -> String {
        V2Words.data(s)
    }

    fn block(&self, text: &str) -> String {
        V2Words.block(text)
    }

    fn continued(&self, text: &str) -> String {
        V2Words.continued(text)
    }

    fn escaped(&self) -> bool {
        V2Words.escaped()
    }

    fn percent(&self, c: &Check) -> String {
        V2Words.percent(c)
    }

    fn presence(&self, rec: &MeetingRecord, l: Lang, attendance: &dyn Fn() -> String) -> String {
        V2Words.presence(rec, l, attendance)
    }

    fn heading_notes(&self, o: &mut String, it: &ItemRecord, l: Lang) {
        V2Words.heading_notes(o, it, l);
    }

    fn heading_fields(&self, o: &mut String, it: &ItemRecord, l: Lang) {
        source_field(o, l, it);
    }

    fn after_proposal(&self, it: &ItemRecord, l: Lang, masked: bool) -> String {
        cost_part(l, it, masked)
    }

    fn no_vote(&self, it: &ItemRecord, l: Lang) -> &'static str {
        V2Words.no_vote(it, l)
    }

    fn after_answers(&self, o: &mut String, rec: &MeetingRecord, it: &ItemRecord, l: Lang) {
        V2Words.after_answers(o, rec, it, l);
    }

    fn shaft(
        &self,
        o: &mut String,
        it: &ItemRecord,
        v: &VoteRecord,
        out: &Outcome,
        l: Lang,
        masked: bool,
    ) {
        V2Words.shaft(o, it, v, out, l, masked);
    }
}

const SOURCE: W = W("来源", "Source");
const COST: W = W("费用分摊", "Cost sharing");
const TOTAL: W = W("总额", "Total");
const FIXED: W = W("固定承担", "Fixed shares");
const REST: W = W("业主分摊", "Shared by the owners");
const METHOD: W = W("分摊方式", "Method");
const COEFS: W = W("楼层系数", "Floor coefficients");
const PER_UNIT: W = W("各户分摊", "Per unit");
const COEF: W = W("系数", "coef.");

fn method(l: Lang, m: ShareMethod) -> &'static str {
    match m {
        ShareMethod::Area => W("按面积", "by area"),
        ShareMethod::Equal => W("按户均摊", "equally per unit"),
        ShareMethod::Floor => W("按楼层系数", "by floor coefficient"),
        ShareMethod::FloorArea => W("按楼层系数×面积", "by floor coefficient × area"),
    }
    .get(l)
}

fn yuan(l: Lang, fen: i64) -> String {
    match l {
        Lang::Zh => format!("{} 元", fmt_yuan(fen)),
        Lang::En => format!("{} yuan", fmt_yuan(fen)),
    }
}

fn d(s: &str) -> String {
    escape(&clean_line(s))
}

/// "- 来源：居民意见 #12，2026-03-02" under the heading, for an item from a suggestion.
fn source_field(o: &mut String, l: Lang, it: &ItemRecord) {
    if let Some(s) = &it.civic.source {
        let v = match l {
            Lang::Zh => format!("居民意见 #{}，{}", s.number, d(&s.raised_on)),
            Lang::En => format!("residents' suggestion #{}, {}", s.number, d(&s.raised_on)),
        };
        field(o, l, SOURCE.get(l), &v);
    }
}

/// The cost plan and each unit's share, one a line; `masked` for the public notice.
fn cost_part(l: Lang, it: &ItemRecord, masked: bool) -> String {
    let Some(c) = &it.civic.cost else {
        return String::new();
    };
    let p = &c.plan;
    let mut o = format!("### {}\n\n", COST.get(l));
    field(&mut o, l, TOTAL.get(l), &yuan(l, p.total_fen));
    for f in &p.fixed {
        field(
            &mut o,
            l,
            FIXED.get(l),
            &format!("{}{}{}", d(&f.party), colon(l), yuan(l, f.fen)),
        );
    }
    field(&mut o, l, REST.get(l), &yuan(l, p.rest()));
    field(&mut o, l, METHOD.get(l), method(l, p.method));
    if p.method.uses_floors() && !p.coefs.is_empty() {
        field(&mut o, l, COEFS.get(l), &fmt_coefs(&p.coefs));
    }
    // A line of its own, not a heading: the screens show the minutes as a page.
    o.push_str(&format!("\n{}{}\n\n", PER_UNIT.get(l), colon(l)));
    for s in &c.shares {
        let name = if masked {
            escape(&mask_name(&s.name))
        } else {
            d(&s.name)
        };
        let coef = if p.method.uses_floors() {
            paren(l, &format!("{} {}", COEF.get(l), fmt_coef(p.coef(s.floor))))
        } else {
            String::new()
        };
        o.push_str(&format!(
            "- {} {} {} m²{coef}{}{}\n",
            d(&s.label),
            name,
            fmt_area(s.area_centi),
            colon(l),
            yuan(l, s.fen)
        ));
    }
    o.push('\n');
    o
}
