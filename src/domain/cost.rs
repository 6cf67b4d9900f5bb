//! Cost sharing (费用分摊): an item's cost plan and its exact allocation in fen.
//!
//! A plan has a total, parties paying fixed sums (the property company's share of the road),
//! and the rest over the units of the item's scope by one method: by area (the default of
//! Civil Code art. 283), equally per unit, by floor coefficient, or by floor coefficient ×
//! area (the usual elevator scheme). Coefficients are thousandths (0.7 is 700), never floats.
//!
//! The allocation is exact: each unit first gets the whole fen of its exact share
//! `rest × weight / total weight`, then the fen left over go one each to the units with the
//! largest remainders, ties to the earlier unit in roster order. Every fen is assigned, no
//! share is negative, and each differs from its exact share by less than one fen.

use serde::{Deserialize, Serialize};

/// Coefficients in thousandths: 1.000 is this.
pub const COEF_ONE: i64 = 1000;
/// A plan above one hundred million yuan is a typing error, not a compound's road.
pub const MAX_TOTAL_FEN: i64 = 10_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareMethod {
    Area,
    Equal,
    Floor,
    FloorArea,
}

impl ShareMethod {
    pub const ALL: [ShareMethod; 4] = [
        ShareMethod::Area,
        ShareMethod::Equal,
        ShareMethod::Floor,
        ShareMethod::FloorArea,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            ShareMethod::Area => "area",
            ShareMethod::Equal => "equal",
            ShareMethod::Floor => "floor",
            ShareMethod::FloorArea => "floor_area",
        }
    }

    pub fn from_db(s: &str) -> Option<ShareMethod> {
        ShareMethod::ALL.into_iter().find(|m| m.as_db() == s)
    }

    pub fn uses_floors(self) -> bool {
        matches!(self, ShareMethod::Floor | ShareMethod::FloorArea)
    }
}

/// A party paying a fixed sum before the owners share the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedShare {
    pub party: String,
    pub fen: i64,
}

/// One floor's coefficient in thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FloorCoef {
    pub floor: i64,
    pub milli: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostPlan {
    pub total_fen: i64,
    pub fixed: Vec<FixedShare>,
    pub method: ShareMethod,
    /// For the floor methods; a floor not listed has coefficient 1.000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coefs: Vec<FloorCoef>,
}

impl CostPlan {
    pub fn fixed_total(&self) -> i64 {
        // Saturating: a forged file's sums must not overflow.
        self.fixed
            .iter()
            .map(|f| f.fen)
            .fold(0, i64::saturating_add)
    }

    /// What the owners share: the total less the fixed shares.
    pub fn rest(&self) -> i64 {
        self.total_fen - self.fixed_total()
    }

    pub fn coef(&self, floor: Option<i64>) -> i64 {
        floor
            .and_then(|fl| self.coefs.iter().find(|c| c.floor == fl))
            .map(|c| c.milli)
            .unwrap_or(COEF_ONE)
    }
}

/// A unit of the scope that pays, in roster order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payer {
    pub label: String,
    /// The holder's name (masked in the notice).
    pub name: String,
    pub area_centi: i64,
    pub floor: Option<i64>,
}

/// One unit's share as allocated (and as the minutes print it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitShare {
    pub label: String,
    pub name: String,
    pub area_centi: i64,
    pub floor: Option<i64>,
    pub fen: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostError {
    /// The total is negative or above [`MAX_TOTAL_FEN`].
    Total,
    /// A fixed share is negative, or the fixed shares exceed the total.
    Fixed,
    /// A coefficient is negative or above 100.000, or an area negative.
    Weight,
    /// Something is left to share but nobody (or only zero weights) to share it.
    NoPayer,
}

/// The floor of a unit from its label: the number at its end without its last two digits
/// ("3栋2单元501" is floor 5, "1203" floor 12); None when the label does not end so.
pub fn floor_of(label: &str) -> Option<i64> {
    let digits: String = label
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.len() < 3 || digits.len() > 6 {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(n / 100).filter(|f| *f >= 1)
}

fn weight(plan: &CostPlan, p: &Payer) -> i128 {
    let area = i128::from(p.area_centi);
    let coef = i128::from(plan.coef(p.floor));
    match plan.method {
        ShareMethod::Area => area,
        ShareMethod::Equal => 1,
        ShareMethod::Floor => coef,
        ShareMethod::FloorArea => coef * area,
    }
}

/// The checks a plan must pass whatever its payers.
pub fn check_plan(plan: &CostPlan) -> Result<(), CostError> {
    if plan.total_fen < 0 || plan.total_fen > MAX_TOTAL_FEN {
        return Err(CostError::Total);
    }
    if plan.fixed.iter().any(|f| f.fen < 0) || plan.fixed_total() > plan.total_fen {
        return Err(CostError::Fixed);
    }
    if plan
        .coefs
        .iter()
        .any(|c| c.milli < 0 || c.milli > 100 * COEF_ONE)
    {
        return Err(CostError::Weight);
    }
    Ok(())
}

/// Every unit's share of the rest, in the payers' order; the shares sum to `plan.rest()`.
pub fn allocate(plan: &CostPlan, payers: &[Payer]) -> Result<Vec<UnitShare>, CostError> {
    check_plan(plan)?;
    if payers.iter().any(|p| p.area_centi < 0) {
        return Err(CostError::Weight);
    }
    let rest = i128::from(plan.rest());
    let weights: Vec<i128> = payers.iter().map(|p| weight(plan, p)).collect();
    let total_w: i128 = weights.iter().sum();
    if total_w == 0 {
        if rest == 0 {
            return Ok(payers.iter().map(|p| share(p, 0)).collect());
        }
        return Err(CostError::NoPayer);
    }
    let mut fen: Vec<i128> = weights.iter().map(|w| rest * w / total_w).collect();
    let left = rest - fen.iter().sum::<i128>();
    // Largest remainder first; equal remainders in roster order (the sort is stable).
    let mut order: Vec<usize> = (0..payers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rest * weights[i] % total_w));
    for &i in order.iter().take(left as usize) {
        fen[i] += 1;
    }
    Ok(payers
        .iter()
        .zip(fen)
        .map(|(p, f)| share(p, i64::try_from(f).unwrap_or(0)))
        .collect())
}

fn share(p: &Payer, fen: i64) -> UnitShare {
    UnitShare {
        label: p.label.clone(),
        name: p.name.clone(),
        area_centi: p.area_centi,
        floor: p.floor,
        fen,
    }
}

/// Fen as yuan with two decimals and thousands separators: 1600000000 → "16,000,000.00".
pub fn fmt_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let f = fen.unsigned_abs();
    let whole = (f / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", f % 100)
}

/// A coefficient in thousandths as a decimal: 700 → "0.7", 1250 → "1.25", 1000 → "1".
pub fn fmt_coef(milli: i64) -> String {
    let whole = milli / COEF_ONE;
    let frac = milli % COEF_ONE;
    if frac == 0 {
        return whole.to_string();
    }
    let s = format!("{frac:03}");
    format!("{whole}.{}", s.trim_end_matches('0'))
}

/// Reads "0.7", "1", "1.25" into thousandths; None for anything else (more than three
/// decimals, a sign, letters).
pub fn parse_coef(s: &str) -> Option<i64> {
    let s = s.trim();
    let (w, f) = s.split_once('.').unwrap_or((s, ""));
    if (w.is_empty() && f.is_empty()) || f.len() > 3 {
        return None;
    }
    if !w.chars().all(|c| c.is_ascii_digit()) || !f.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = if w.is_empty() { 0 } else { w.parse().ok()? };
    let frac: i64 = if f.is_empty() {
        0
    } else {
        format!("{f:0<3}").parse().ok()?
    };
    whole.checked_mul(COEF_ONE)?.checked_add(frac)
}

/// Reads yuan ("160000", "1,600.5", "12.34") into fen; None for a sign, more than two
/// decimals or anything not a number.
pub fn parse_yuan(s: &str) -> Option<i64> {
    let s: String = s.trim().chars().filter(|c| *c != ',').collect();
    let (w, f) = s.split_once('.').unwrap_or((&s, ""));
    if w.is_empty() || f.len() > 2 {
        return None;
    }
    if !w.chars().all(|c| c.is_ascii_digit()) || !f.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = w.parse().ok()?;
    let frac: i64 = if f.is_empty() {
        0
    } else {
        format!("{f:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// Parses "1-2:0, 3:0.7, 4:0.8" (floor or floor range, colon, coefficient).
pub fn parse_coefs(s: &str) -> Option<Vec<FloorCoef>> {
    let mut out: Vec<FloorCoef> = Vec::new();
    for part in s
        .split([',', '，', ';', ' '])
        .filter(|p| !p.trim().is_empty())
    {
        let (floors, coef) = part.split_once([':', '：'])?;
        let milli = parse_coef(coef)?;
        let (a, b) = floors.split_once('-').unwrap_or((floors, floors));
        let (a, b): (i64, i64) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        if a < 1 || b < a || b > 200 {
            return None;
        }
        for floor in a..=b {
            out.retain(|c| c.floor != floor);
            out.push(FloorCoef { floor, milli });
        }
    }
    out.sort_by_key(|c| c.floor);
    Some(out)
}

/// The inverse of [`parse_coefs`], with runs of equal coefficients as ranges.
pub fn fmt_coefs(coefs: &[FloorCoef]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < coefs.len() {
        let mut j = i;
        while j + 1 < coefs.len()
            && coefs[j + 1].milli == coefs[i].milli
            && coefs[j + 1].floor == coefs[j].floor + 1
        {
            j += 1;
        }
        let c = fmt_coef(coefs[i].milli);
        if j > i {
            parts.push(format!("{}-{}:{c}", coefs[i].floor, coefs[j].floor));
        } else {
            parts.push(format!("{}:{c}", coefs[i].floor));
        }
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payer(label: &str, area: i64) -> Payer {
        Payer {
            label: label.into(),
            name: "x".into(),
            area_centi: area,
            floor: floor_of(label),
        }
    }

    #[test]
    fn road_with_a_fixed_share() {
        let plan = CostPlan {
            total_fen: 16_000_000,
            fixed: vec![FixedShare {
                party: "物业公司".into(),
                fen: 8_000_000,
            }],
            method: ShareMethod::Area,
            coefs: vec![],
        };
        let payers = [
            payer("1-101", 10_000),
            payer("1-102", 10_000),
            payer("1-201", 10_000),
        ];
        let s = allocate(&plan, &payers).expect("plan");
        let fen: Vec<i64> = s.iter().map(|u| u.fen).collect();
        // 8,000,000 / 3 = 2,666,666 r 2: the first two units take the two fen.
        assert_eq!(fen, vec![2_666_667, 2_666_667, 2_666_666]);
    }

    #[test]
    fn elevator_by_floor() {
        let plan = CostPlan {
            total_fen: 100_000,
            fixed: vec![],
            method: ShareMethod::Floor,
            coefs: parse_coefs("1-2:0, 3:0.7").expect("coefs"),
        };
        let payers = [payer("101", 1), payer("301", 1), payer("401", 1)];
        let s = allocate(&plan, &payers).expect("plan");
        assert_eq!(s[0].fen, 0);
        assert_eq!(s.iter().map(|u| u.fen).sum::<i64>(), 100_000);
        // 0.7 : 1.0 of 1,000.00 → 411.76 and 588.24.
        assert_eq!((s[1].fen, s[2].fen), (41_176, 58_824));
    }

    #[test]
    fn refusals() {
        let mut plan = CostPlan {
            total_fen: 100,
            fixed: vec![FixedShare {
                party: "a".into(),
                fen: 101,
            }],
            method: ShareMethod::Equal,
            coefs: vec![],
        };
        assert_eq!(allocate(&plan, &[]), Err(CostError::Fixed));
        plan.fixed.clear();
        assert_eq!(allocate(&plan, &[]), Err(CostError::NoPayer));
        plan.total_fen = -1;
        assert_eq!(allocate(&plan, &[]), Err(CostError::Total));
    }

    #[test]
    fn parsing() {
        assert_eq!(floor_of("3栋2单元501"), Some(5));
        assert_eq!(floor_of("1203"), Some(12));
        assert_eq!(floor_of("A1"), None);
        assert_eq!(parse_coef("0.7"), Some(700));
        assert_eq!(parse_coef("1.25"), Some(1250));
        assert_eq!(parse_coef("1.2345"), None);
        assert_eq!(parse_coef("-1"), None);
        assert_eq!(parse_yuan("160,000"), Some(16_000_000));
        assert_eq!(parse_yuan("12.5"), Some(1250));
        assert_eq!(fmt_yuan(16_000_000), "160,000.00");
        assert_eq!(fmt_yuan(5), "0.05");
        let c = parse_coefs("1-2:0, 3:0.7, 4：0.8，5:0.9").expect("coefs");
        assert_eq!(fmt_coefs(&c), "1-2:0, 3:0.7, 4:0.8, 5:0.9");
    }
}
