//! The benchmark's report: a Markdown table per scale and one JSON object per measure.

use super::{Measure, pct};

pub fn f(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

pub fn markdown(all: &[(usize, Vec<Measure>, String)]) -> String {
    let mut s = String::new();
    for (scale, ms, facts) in all {
        s.push_str(&format!("### scale {scale} ({facts})\n\n"));
        s.push_str("| measure | median ms | p95 ms | p99 ms | floor median ms | ratio | target | notes |\n");
        s.push_str("|---|---:|---:|---:|---:|---:|---|---|\n");
        for m in ms {
            let ratio = if m.floor.is_empty() {
                "—".into()
            } else if m.speedup {
                format!("{}× faster", f(m.ratio()))
            } else {
                format!("{}×", f(m.ratio()))
            };
            let (med, p95, p99) = if m.name.starts_with("peak memory") {
                (format!("{} MB", f(m.median())), "—".into(), "—".into())
            } else if m.name.starts_with("size:") {
                (format!("{} KB", f(m.median())), "—".into(), "—".into())
            } else {
                (
                    f(m.median()),
                    f(pct(&m.samples, 95.0)),
                    f(pct(&m.samples, 99.0)),
                )
            };
            s.push_str(&format!(
                "| {} | {med} | {p95} | {p99} | {} | {ratio} | {} | {} |\n",
                m.name,
                if m.floor.is_empty() {
                    "—".into()
                } else {
                    f(m.floor_median())
                },
                m.target,
                m.note
            ));
        }
        s.push('\n');
    }
    s
}

pub fn json(all: &[(usize, Vec<Measure>, String)]) -> String {
    let mut list = Vec::new();
    for (scale, ms, _) in all {
        for m in ms {
            let num = |v: f64| {
                if v.is_finite() {
                    serde_json::json!(v)
                } else {
                    serde_json::Value::Null
                }
            };
            let mut o = serde_json::json!({
                "name": m.name,
                "scale": scale,
                "median_ms": num(m.median()),
                "p95_ms": num(pct(&m.samples, 95.0)),
                "p99_ms": num(pct(&m.samples, 99.0)),
                "floor_median_ms": if m.floor.is_empty() { serde_json::Value::Null } else { num(m.floor_median()) },
                "samples": m.samples.len(),
                "note": m.note,
            });
            if !m.floor.is_empty() {
                let key = if m.speedup { "speedup" } else { "ratio" };
                o[key] = num(m.ratio());
            }
            list.push(o);
        }
    }
    serde_json::to_string_pretty(&list).unwrap_or_default()
}
