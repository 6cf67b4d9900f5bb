//! The numbers of a decision: exact fractions by cross-multiplication, percentages in
//! tenths, and the figures as the minutes print them.

use serde::{Deserialize, Serialize};

/// How a figure is compared with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    /// "以上": reaches the threshold (≥).
    Ge,
    /// "过半数"-style: strictly more than the threshold (>).
    Gt,
}

impl Cmp {
    /// The symbol printed on screens and in the minutes.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Ge => "≥",
            Cmp::Gt => ">",
        }
    }
}

/// An exact fraction `num/den`. A fraction with `den == 0` is never met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frac {
    pub num: i64,
    pub den: i64,
}

impl Frac {
    pub const HALF: Frac = Frac { num: 1, den: 2 };
    pub const TWO_THIRDS: Frac = Frac { num: 2, den: 3 };
    pub const THREE_QUARTERS: Frac = Frac { num: 3, den: 4 };

    pub const fn new(num: i64, den: i64) -> Frac {
        Frac { num, den }
    }
}

impl std::fmt::Display for Frac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// `value/total` in tenths of a percent, rounded half up (towards +∞ on exact halves);
/// `None` if `total == 0`.
pub fn percent_tenths(value: i64, total: i64) -> Option<i64> {
    if total == 0 {
        return None;
    }
    let (mut v, mut t) = (i128::from(value), i128::from(total));
    if t < 0 {
        v = -v;
        t = -t;
    }
    // floor(v*1000/t + 1/2) = floor((2*v*1000 + t) / (2*t))
    let r = (2 * v * 1000 + t).div_euclid(2 * t);
    Some(i64::try_from(r).unwrap_or(if r < 0 { i64::MIN } else { i64::MAX }))
}

/// Decide `value/total cmp threshold` by cross-multiplication in `i128`.
///
/// With `total <= 0` there is no base: `Gt` is never met and `Ge` is met only by a zero
/// threshold. A threshold with `den == 0` is never met.
pub fn meets(value: i64, total: i64, cmp: Cmp, threshold: Frac) -> bool {
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

/// Group the digits of a non-negative number with commas: 1520 -> "1,520".
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Area in hundredths of m² for display: 152040 -> "1,520.40".
pub fn fmt_area(centi: i64) -> String {
    let sign = if centi < 0 { "-" } else { "" };
    let abs = centi.unsigned_abs();
    format!("{sign}{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// Tenths of a percent for display: 756 -> "75.6%".
pub fn fmt_percent_tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let abs = t.unsigned_abs();
    format!("{sign}{}.{}%", abs / 10, abs % 10)
}
