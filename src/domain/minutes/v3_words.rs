//! Minutes format V3: an item's source (a resident's suggestion) under its
//! heading, and its cost plan with every unit's share after the proposal. Self-contained
//! (words here too) so other V3 parts stay apart; frozen with V3 once released.

use crate::domain::cost::{ShareMethod, fmt_coef, fmt_coefs, fmt_yuan};
use crate::domain::lang::Lang;
use crate::domain::minutes::v1_format::{colon, field, fmt_area, paren};
use crate::domain::minutes::v1_words::W;
use crate::domain::record::ItemRecord;
use crate::domain::text::clean_line;
use crate::domain::text::md_escape::escape;
use crate::domain::text::names::mask_name;

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
pub(super) fn source_field(o: &mut String, l: Lang, it: &ItemRecord) {
    if let Some(s) = &it.civic.source {
        let v = match l {
            Lang::Zh => format!("居民意见 #{}，{}", s.number, d(&s.raised_on)),
            Lang::En => format!("residents' suggestion #{}, {}", s.number, d(&s.raised_on)),
        };
        field(o, l, SOURCE.get(l), &v);
    }
}

/// The cost plan and each unit's share, one a line; `masked` for the public notice.
pub(super) fn cost_part(l: Lang, it: &ItemRecord, masked: bool) -> String {
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
