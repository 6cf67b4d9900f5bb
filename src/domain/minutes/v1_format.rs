//! Minutes format V1: how numbers, areas, percentages, times and lists are written.
//! Frozen with the V1 words (see `crate::domain::minutes` for why): the screens have their own
//! formatting in `rules` and may change it; these copies may not.

use chrono::DateTime;

use crate::domain::lang::Lang;
use crate::domain::minutes::frozen::text::{clean_line, clean_multiline};
use crate::domain::rules::numbers::{Cmp, Frac};

/// A stored time ("2026-05-16T09:30:07+08:00") as "2026-05-16 09:30", in the offset it
/// was taken in (so it renders the same on every machine); anything else cleaned as is.
pub fn fmt_time(t: &str) -> String {
    match DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        Err(_) => clean_line(t),
    }
}

/// Only the time of day of a stored time ("09:30"), for the remarks and the timeline.
pub(super) fn fmt_clock(t: &str) -> String {
    match DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.format("%H:%M").to_string(),
        Err(_) => clean_line(t),
    }
}

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

/// Area in hundredths of m²: 152040 -> "1,520.40".
pub(super) fn fmt_area(centi: i64) -> String {
    let sign = if centi < 0 { "-" } else { "" };
    let abs = centi.unsigned_abs();
    format!("{sign}{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// `value/total` as a percentage to one decimal, rounded half up: 1520/2010 -> "75.6%";
/// "—" without a base.
pub(super) fn fmt_percent(value: i64, total: i64) -> String {
    if total == 0 {
        return "—".into();
    }
    let (mut v, mut t) = (i128::from(value), i128::from(total));
    if t < 0 {
        v = -v;
        t = -t;
    }
    let r = (2 * v * 1000 + t).div_euclid(2 * t);
    let tenths = i64::try_from(r).unwrap_or(if r < 0 { i64::MIN } else { i64::MAX });
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}%", abs / 10, abs % 10)
}

pub(super) fn fmt_cmp(c: Cmp) -> &'static str {
    match c {
        Cmp::Ge => "≥",
        Cmp::Gt => ">",
    }
}

pub(super) fn fmt_frac(f: Frac) -> String {
    format!("{}/{}", f.num, f.den)
}

/// Between names in a list. Not "、", which joins co-owners in one voter's name.
pub(super) fn sep(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "，",
        Lang::En => ", ",
    }
}

pub(super) fn semi(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

pub(super) fn colon(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

pub(super) fn paren(l: Lang, inner: &str) -> String {
    match l {
        Lang::Zh => format!("（{inner}）"),
        Lang::En => format!(" ({inner})"),
    }
}

/// One header-style list line, "- label：value".
pub(super) fn field(o: &mut String, l: Lang, label: &str, value: &str) {
    o.push_str("- ");
    o.push_str(label);
    o.push_str(colon(l));
    o.push_str(value);
    o.push('\n');
}

/// Multi-line data text as a Markdown block quote: every line starts with "> ", so a
/// line of data can never become a heading or a list item of the minutes.
pub(super) fn quote(text: &str) -> String {
    let cleaned = clean_multiline(text);
    let mut out = String::new();
    for line in cleaned.trim_end().split('\n') {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Multi-line data text inside a list item: continuation lines indented by 2 spaces.
pub(super) fn indent_cont(text: &str) -> String {
    clean_multiline(text)
        .trim_end()
        .split('\n')
        .collect::<Vec<_>>()
        .join("\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::numbers::{
        fmt_area as screen_area, fmt_percent_tenths, percent_tenths,
    };

    /// The frozen copies agree with the rules' formatting today (they may part later).
    #[test]
    fn numbers_as_the_rules_wrote_them_at_v1() {
        for (v, t) in [
            (0, 0),
            (1, 3),
            (2, 3),
            (1520, 2010),
            (-5, 7),
            (999_999, 1_000_000),
        ] {
            let want = percent_tenths(v, t)
                .map(fmt_percent_tenths)
                .unwrap_or_else(|| "—".into());
            assert_eq!(fmt_percent(v, t), want, "{v}/{t}");
        }
        for a in [0, 5, 152_040, 100_000_000, -1234] {
            assert_eq!(fmt_area(a), screen_area(a));
        }
        assert_eq!(fmt_area(152_040), "1,520.40");
        assert_eq!(fmt_percent(1520, 2010), "75.6%");
        assert_eq!(fmt_frac(Frac::THREE_QUARTERS), "3/4");
    }
}
