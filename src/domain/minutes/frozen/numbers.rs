//! Frozen copies of the number formats the signed minutes depend on beyond V1's
//! (`v1_format`): the percentage printed beside a threshold (format V2 on), and money and
//! floor coefficients (format V3's cost plans).
//!
//! **These must never change.** `verify` renders minutes signed years ago with them and
//! compares byte for byte. The live formats in `domain::rules::figures` and
//! `domain::cost` serve the screens and may evolve; a change here would be a new format
//! version with its own copy.

use std::cmp::Ordering;

use crate::domain::cost::FloorCoef;
use crate::domain::rules::Check;
use crate::domain::rules::numbers::{Cmp, Frac};

const COEF_ONE: i64 = 1000;

/// The most decimals printed; past it the figure is rounded towards the exact value's
/// side of the threshold (floor below it, ceiling above it), which always agrees.
const MAX_DECIMALS: u32 = 4;

/// `value/total` as a percentage with enough decimals to agree with `cmp threshold`;
/// "—" without a base.
fn percent_beside(value: i64, total: i64, cmp: Cmp, threshold: Frac) -> String {
    if total <= 0 || threshold.den <= 0 {
        return "—".into();
    }
    let (v, t) = (i128::from(value), i128::from(total));
    let (num, den) = (i128::from(threshold.num), i128::from(threshold.den));
    // Where the exact fraction lies against the threshold.
    let exact = (v * den).cmp(&(num * t));
    let met = meets(value, total, cmp, threshold);
    for d in 1..=MAX_DECIMALS {
        let scale = 100 * 10i128.pow(d);
        // round half up of v*scale/t
        let p = (2 * v * scale + t).div_euclid(2 * t);
        if agrees(p, scale, num, den, exact, cmp, met) {
            return fmt_scaled(p, d);
        }
    }
    let scale = 100 * 10i128.pow(MAX_DECIMALS);
    let q = v * scale;
    let p = match exact {
        Ordering::Less => q.div_euclid(t),
        Ordering::Greater => -((-q).div_euclid(t)),
        // Exactly on the threshold: round away from the side the verdict excludes.
        Ordering::Equal if met => -((-q).div_euclid(t)),
        Ordering::Equal => q.div_euclid(t),
    };
    fmt_scaled(p, MAX_DECIMALS)
}

/// The percentage of a rule's check, as printed beside its threshold.
pub(crate) fn check_percent(c: &Check) -> String {
    percent_beside(c.value, c.total, c.cmp, c.threshold)
}

/// Whether the printed figure `p / scale` (a fraction) says the same as the exact one.
fn agrees(
    p: i128,
    scale: i128,
    num: i128,
    den: i128,
    exact: Ordering,
    cmp: Cmp,
    met: bool,
) -> bool {
    let printed = (p * den).cmp(&(num * scale));
    match exact {
        Ordering::Less | Ordering::Greater => printed == exact,
        // Exactly the threshold (2/3 has no finite decimals): the printed figure must
        // satisfy the comparison exactly when the verdict does.
        Ordering::Equal => {
            let says_met = match cmp {
                Cmp::Ge => printed != Ordering::Less,
                Cmp::Gt => printed == Ordering::Greater,
            };
            says_met == met
        }
    }
}

fn fmt_scaled(p: i128, d: u32) -> String {
    let sign = if p < 0 { "-" } else { "" };
    let a = p.unsigned_abs();
    let unit = 10u128.pow(d);
    format!(
        "{sign}{}.{:0width$}%",
        a / unit,
        a % unit,
        width = d as usize
    )
}

/// Decide `value/total cmp threshold` by cross-multiplication in `i128`.
///
/// With `total <= 0` there is no base: `Gt` is never met and `Ge` is met only by a zero
/// threshold. A threshold with `den == 0` is never met.
fn meets(value: i64, total: i64, cmp: Cmp, threshold: Frac) -> bool {
    if threshold.den == 0 {
        return false;
    }
    if total <= 0 {
        return cmp == Cmp::Ge && threshold.num == 0;
    }
    let (mut num, mut den) = (i128::from(threshold.num), i128::from(threshold.den));
    if den < 0 {
        num = -num;
        den = -den;
    }
    let lhs = i128::from(value) * den;
    let rhs = num * i128::from(total);
    match cmp {
        Cmp::Ge => lhs >= rhs,
        Cmp::Gt => lhs > rhs,
    }
}

/// Fen as yuan with two decimals and thousands separators: 1600000000 → "16,000,000.00".
pub(crate) fn fmt_yuan(fen: i64) -> String {
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
pub(crate) fn fmt_coef(milli: i64) -> String {
    let whole = milli / COEF_ONE;
    let frac = milli % COEF_ONE;
    if frac == 0 {
        return whole.to_string();
    }
    let s = format!("{frac:03}");
    format!("{whole}.{}", s.trim_end_matches('0'))
}

/// Floor coefficients as `cost::parse_coefs` reads them, with runs of equal coefficients as ranges.
pub(crate) fn fmt_coefs(coefs: &[FloorCoef]) -> String {
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
