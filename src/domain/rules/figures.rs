//! A percentage printed beside its threshold (PRODUCT.md "Who may answer"): it never
//! contradicts the verdict. One decimal when that is enough; otherwise as many more as it
//! takes for the printed figure to sit on the same side of the threshold as the exact
//! fraction (49.987% beside "> 1/2 ✗" prints 49.99%, never 50.0%). Integer arithmetic
//! only: the figure is `value/total`, the threshold `num/den`, compared by
//! cross-multiplication in i128.

use std::cmp::Ordering;

use crate::domain::rules::Check;
use crate::domain::rules::numbers::{Cmp, Frac};

/// The most decimals printed; past it the figure is rounded towards the exact value's
/// side of the threshold (floor below it, ceiling above it), which always agrees.
const MAX_DECIMALS: u32 = 4;

/// `value/total` as a percentage with enough decimals to agree with `cmp threshold`;
/// "—" without a base.
pub fn percent_beside(value: i64, total: i64, cmp: Cmp, threshold: Frac) -> String {
    if total <= 0 || threshold.den <= 0 {
        return "—".into();
    }
    let (v, t) = (i128::from(value), i128::from(total));
    let (num, den) = (i128::from(threshold.num), i128::from(threshold.den));
    // Where the exact fraction lies against the threshold.
    let exact = (v * den).cmp(&(num * t));
    let met = crate::domain::rules::numbers::meets(value, total, cmp, threshold);
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
pub fn check_percent(c: &Check) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn just_below_one_half_never_prints_as_fifty() {
        // 49.987%: 1 decimal would round to 50.0% beside "> 1/2 ✗".
        assert_eq!(
            percent_beside(49_987, 100_000, Cmp::Gt, Frac::HALF),
            "49.99%"
        );
        // Area figures: 3,999.00 of 8,000.26 m² (49.987…%).
        assert_eq!(
            percent_beside(399_900, 800_026, Cmp::Gt, Frac::HALF),
            "49.99%"
        );
    }

    #[test]
    fn just_below_three_quarters_never_prints_as_seventy_five() {
        assert_eq!(
            percent_beside(7_497, 10_000, Cmp::Ge, Frac::THREE_QUARTERS),
            "74.97%"
        );
        // 2,999/4,000 = 74.975% → 74.98% is still below 75.
        assert_eq!(
            percent_beside(2_999, 4_000, Cmp::Ge, Frac::THREE_QUARTERS),
            "74.98%"
        );
        // 74.9999% needs the directed rounding: it stays below 75.
        assert_eq!(
            percent_beside(749_999, 1_000_000, Cmp::Ge, Frac::THREE_QUARTERS),
            "74.9999%"
        );
        assert_eq!(
            percent_beside(7_499_999, 10_000_000, Cmp::Ge, Frac::THREE_QUARTERS),
            "74.9999%"
        );
    }

    #[test]
    fn one_decimal_when_it_already_agrees() {
        assert_eq!(
            percent_beside(18, 24, Cmp::Ge, Frac::THREE_QUARTERS),
            "75.0%"
        );
        assert_eq!(
            percent_beside(756, 1000, Cmp::Ge, Frac::THREE_QUARTERS),
            "75.6%"
        );
        assert_eq!(percent_beside(1, 2, Cmp::Gt, Frac::HALF), "50.0%");
        assert_eq!(percent_beside(0, 5, Cmp::Gt, Frac::HALF), "0.0%");
        assert_eq!(percent_beside(1, 0, Cmp::Gt, Frac::HALF), "—");
    }

    #[test]
    fn just_above_prints_above() {
        // 50.01% is met against > 1/2; 50.0% would look like exactly half.
        assert_eq!(percent_beside(5_001, 10_000, Cmp::Gt, Frac::HALF), "50.01%");
        assert_eq!(
            percent_beside(75_003, 100_000, Cmp::Ge, Frac::THREE_QUARTERS),
            "75.003%"
        );
    }

    #[test]
    fn exactly_two_thirds_agrees_with_its_verdict() {
        // 2/3 ≥ 2/3 ✓: 66.7% is fine.
        assert_eq!(percent_beside(2, 3, Cmp::Ge, Frac::TWO_THIRDS), "66.7%");
        // 2/3 > 2/3 ✗: a figure that looks above would contradict; printed below.
        assert_eq!(percent_beside(2, 3, Cmp::Gt, Frac::TWO_THIRDS), "66.6666%");
        // Just below 2/3: 66.66% < 66.666…
        assert_eq!(
            percent_beside(6_666, 10_000, Cmp::Ge, Frac::TWO_THIRDS),
            "66.66%"
        );
    }
}
