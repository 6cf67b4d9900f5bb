//! The custom rule's editor in the item form (PRODUCT.md: the community's own
//! fractions): the turnout requirement and its base, the approval share and its base,
//! and whether area counts too. Its fields show only under the rule "custom", and the
//! rule's plain-language explanation follows them as they are edited.

use crate::domain::model::RuleCode;
use crate::domain::rules::custom_text::{
    base_code, base_from_code, parse_threshold, threshold_text,
};
use crate::domain::rules::numbers::{Cmp, Frac};
use crate::domain::rules::{Base, CustomRule};
use crate::store::{Refusal, StoreError};
use crate::strings::{Lang, forms as h};
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};

const ONLY_CUSTOM: &[&str] = &[RuleCode::Custom.as_db()];

fn bases(l: Lang, codes: &[&str]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|c| (c.to_string(), h::base_name(l, c).to_string()))
        .collect()
}

/// The handles of the editor's fields (bases and area by their codes).
#[derive(Clone)]
pub struct CustomFields {
    part_base: ChoiceField<String>,
    part: TextField,
    appr_base: ChoiceField<String>,
    appr: TextField,
    area: ChoiceField<String>,
}

/// Declare the editor's fields, filled from `prev` (a custom rule being edited) or with
/// the defaults of a new one (turnout ≥ 2/3 of all eligible, yes > 1/2 of yes + no).
pub fn fields(d: &mut Fields, l: Lang, prev: Option<&CustomRule>) -> CustomFields {
    let (part_base, part) = match prev.map(|c| c.participation) {
        Some(None) => ("none", threshold_text(Cmp::Ge, Frac::TWO_THIRDS)),
        Some(Some((f, cmp, b))) => (base_code(b), threshold_text(cmp, f)),
        None => ("eligible", threshold_text(Cmp::Ge, Frac::TWO_THIRDS)),
    };
    let (appr_base, appr) = match prev.map(|c| c.approval) {
        Some((f, cmp, b)) => (base_code(b), threshold_text(cmp, f)),
        None => ("cast", threshold_text(Cmp::Gt, Frac::HALF)),
    };
    let area = if prev.is_some_and(|c| c.use_area) {
        "yes"
    } else {
        "no"
    };
    let areas = vec![
        ("no".to_string(), h::C_AREA_NO.get(l).to_string()),
        ("yes".to_string(), h::C_AREA_YES.get(l).to_string()),
    ];
    CustomFields {
        part_base: d.choice(
            Field::choice(
                "c_part_base",
                h::F_C_PART_BASE,
                bases(l, &["eligible", "present", "none"]),
                part_base,
            )
            .when("rule", ONLY_CUSTOM),
        ),
        part: d.text(
            Field::text("c_part", h::F_C_PART, &part)
                .max(20)
                .with_hint(h::F_C_SHARE_HINT)
                .when("rule", ONLY_CUSTOM),
        ),
        appr_base: d.choice(
            Field::choice(
                "c_appr_base",
                h::F_C_APPR_BASE,
                bases(l, &["cast", "voted", "present", "eligible"]),
                appr_base,
            )
            .when("rule", ONLY_CUSTOM),
        ),
        appr: d.text(
            Field::text("c_appr", h::F_C_APPR, &appr)
                .max(20)
                .with_hint(h::F_C_SHARE_HINT)
                .when("rule", ONLY_CUSTOM),
        ),
        area: d.choice(Field::choice("c_area", h::F_C_AREA, areas, area).when("rule", ONLY_CUSTOM)),
    }
}

/// The rule the fields give, or which field cannot be read.
fn rule_of<N: 'static>(f: &Form<N>, c: &CustomFields, l: Lang) -> Result<CustomRule, String> {
    let share = |field: TextField, label: crate::strings::Tr| {
        parse_threshold(&f.get(field)).ok_or_else(|| h::bad_share(l, label.get(l)))
    };
    let participation = match base_from_code(&f.pick(&c.part_base)) {
        Some(b) => {
            let (cmp, frac) = share(c.part, h::F_C_PART)?;
            Some((frac, cmp, b))
        }
        None => None,
    };
    let (cmp, frac) = share(c.appr, h::F_C_APPR)?;
    let approval = (
        frac,
        cmp,
        base_from_code(&f.pick(&c.appr_base)).unwrap_or(Base::Cast),
    );
    let rule = CustomRule {
        participation,
        approval,
        use_area: f.pick(&c.area) == "yes",
    };
    rule.validate()
        .map_err(|_| h::bad_share(l, h::F_C_PART.get(l)))?;
    Ok(rule)
}

/// The custom rule of the item form, for its submit; a share it cannot read is refused.
pub fn read<N: 'static>(f: &Form<N>, c: &CustomFields) -> Result<CustomRule, StoreError> {
    rule_of(f, c, Lang::En).map_err(|_| Refusal::BadCustomRule.into())
}

/// The form's live line: the custom rule in plain words (or what is wrong with it),
/// while the rule is "custom" and the focus is on the rule or its editor.
pub fn live<N: 'static>(
    f: &Form<N>,
    rule: &ChoiceField<RuleCode>,
    c: &CustomFields,
    l: Lang,
) -> Option<String> {
    let focused = f.focused();
    if f.pick(rule) != RuleCode::Custom || !(focused == "rule" || focused.starts_with("c_")) {
        return None;
    }
    let rule = match rule_of(f, c, l) {
        Ok(r) => r,
        Err(why) => return Some(why),
    };
    let part = |frac: Frac, cmp: Cmp, b: Base| {
        (
            cmp.symbol(),
            frac.to_string(),
            h::base_name(l, base_code(b)),
        )
    };
    let turnout = rule.participation.map(|(f, c, b)| part(f, c, b));
    let (f, c, b) = rule.approval;
    let approval = part(f, c, b);
    Some(h::custom_explain(
        l,
        turnout.as_ref().map(|(c, s, b)| (*c, s.as_str(), *b)),
        (approval.0, &approval.1, approval.2),
        rule.use_area,
    ))
}
