//! A custom rule's threshold as the host types it in the item form: a comparison and a
//! fraction ("≥ 2/3", "> 1/2", "60%"), full-width forms folded, and its base by code.

use crate::domain::rules::Base;
use crate::domain::rules::numbers::{Cmp, Frac};

/// The largest denominator taken: a community's fraction is small, and the figures are
/// cross-multiplied with it.
const MAX_DEN: i64 = 10_000;

/// Full-width ASCII (what a Chinese input method types) as ASCII.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .collect()
}

/// "≥ 2/3", ">=2/3", "> 1/2", "2/3" (≥), "60%": the comparison and a fraction between 0
/// and 1, or None.
pub fn parse_threshold(s: &str) -> Option<(Cmp, Frac)> {
    let s = fold(s);
    let s = s.trim();
    let (cmp, rest) = if let Some(r) = s.strip_prefix(">=") {
        (Cmp::Ge, r)
    } else if let Some(r) = s.strip_prefix('≥').or_else(|| s.strip_prefix('≧')) {
        (Cmp::Ge, r)
    } else if let Some(r) = s.strip_prefix('>') {
        (Cmp::Gt, r)
    } else {
        (Cmp::Ge, s)
    };
    let rest = rest.trim();
    let frac = if let Some(p) = rest.strip_suffix('%') {
        Frac::new(p.trim().parse().ok()?, 100)
    } else {
        let (n, d) = rest.split_once('/')?;
        Frac::new(n.trim().parse().ok()?, d.trim().parse().ok()?)
    };
    (frac.den > 0 && frac.den <= MAX_DEN && frac.num >= 0 && frac.num <= frac.den)
        .then_some((cmp, frac))
}

/// The form's text for a threshold ("≥ 2/3").
pub fn threshold_text(cmp: Cmp, f: Frac) -> String {
    format!("{} {f}", cmp.symbol())
}

pub fn base_code(b: Base) -> &'static str {
    match b {
        Base::Eligible => "eligible",
        Base::Present => "present",
        Base::Voted => "voted",
        Base::Cast => "cast",
    }
}

pub fn base_from_code(code: &str) -> Option<Base> {
    Some(match code {
        "eligible" => Base::Eligible,
        "present" => Base::Present,
        "voted" => Base::Voted,
        "cast" => Base::Cast,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_as_typed() {
        let ge = |n, d| Some((Cmp::Ge, Frac::new(n, d)));
        let gt = |n, d| Some((Cmp::Gt, Frac::new(n, d)));
        assert_eq!(parse_threshold("≥ 2/3"), ge(2, 3));
        assert_eq!(parse_threshold(">=2/3"), ge(2, 3));
        assert_eq!(parse_threshold("２／３"), ge(2, 3));
        assert_eq!(parse_threshold("＞１/２"), gt(1, 2));
        assert_eq!(parse_threshold(" > 1 / 2 "), gt(1, 2));
        assert_eq!(parse_threshold("60%"), ge(60, 100));
        assert_eq!(parse_threshold("0/1"), ge(0, 1));
        for bad in ["", "2/0", "3/2", "-1/2", "1/2/3", "half", "1/100000", "≥"] {
            assert_eq!(parse_threshold(bad), None, "{bad}");
        }
        assert_eq!(threshold_text(Cmp::Gt, Frac::HALF), "> 1/2");
        for b in [Base::Eligible, Base::Present, Base::Voted, Base::Cast] {
            assert_eq!(base_from_code(base_code(b)), Some(b));
        }
    }
}
