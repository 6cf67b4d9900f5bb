//! The district report as JSON, CSV and a printable A4 HTML page with SVG bar charts
//! (no script, no remote resource), in the reader's language.

use crate::domain::mediation::stats::{MediationCount, MediationFigures};
use crate::domain::mediation::{CaseKind, CaseStatus};
use crate::domain::minutes::markup::html_escape;
use crate::domain::model::{Category, MeetingKind};
use crate::domain::report::{ExtraSection, Figures, ItemEnd, Report, fmt_halves};
use crate::domain::suggestions::SuggestionStatus;
use crate::store::{Result, Store};
use crate::strings::mediation as med;
use crate::strings::suggestions as w;
use crate::strings::{self, Lang};

/// The report over `store` (a year, one community, or all).
pub fn build(
    store: &Store,
    year: Option<i32>,
    community: Option<&str>,
    today: &str,
    lang: Lang,
) -> Result<Report> {
    let facts = store.report_facts(year, community, today)?;
    let mut r = crate::domain::report::build(year, today, &facts, w::R_TOTAL.get(lang));
    // Mediation, per community and in the total: counts only, by kind, status
    // and month opened; no name, unit or fact is in the figures, so none can be printed.
    for f in r.communities.iter_mut() {
        let id = store.community_by_name(&f.name)?.map(|c| c.id);
        f.extra = match id {
            Some(id) => mediation_sections(&store.mediation_figures(Some(id))?, year, lang),
            None => Vec::new(),
        };
    }
    let all = match community {
        Some(name) => match store.community_by_name(name)? {
            Some(c) => store.mediation_figures(Some(c.id))?,
            None => Default::default(),
        },
        None => store.mediation_figures(None)?,
    };
    r.total.extra = mediation_sections(&all, year, lang);
    Ok(r)
}

/// The mediation sections of one community (or the total): none when it has no case in
/// the year.
fn mediation_sections(m: &MediationFigures, year: Option<i32>, lang: Lang) -> Vec<ExtraSection> {
    let prefix = year.map(|y| format!("{y:04}-"));
    let rows: Vec<&MediationCount> = m
        .rows
        .iter()
        .filter(|r| prefix.as_deref().is_none_or(|p| r.month.starts_with(p)))
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let count = |pick: &dyn Fn(&MediationCount) -> bool| -> i64 {
        rows.iter().filter(|r| pick(r)).map(|r| r.cases).sum()
    };
    let by_kind = CaseKind::ALL
        .iter()
        .map(|k| (med::kind(lang, *k).to_string(), count(&|r| r.kind == *k)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let by_status = CaseStatus::ALL
        .iter()
        .map(|s| {
            (
                med::status(lang, *s).to_string(),
                count(&|r| r.status == *s),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut months: Vec<(String, i64)> = Vec::new();
    for r in &rows {
        match months.iter_mut().find(|(m, _)| *m == r.month) {
            Some((_, n)) => *n += r.cases,
            None => months.push((r.month.clone(), r.cases)),
        }
    }
    months.sort();
    vec![
        ExtraSection {
            key: "mediation_kind".into(),
            title: med::R_BY_KIND.get(lang).into(),
            rows: by_kind,
        },
        ExtraSection {
            key: "mediation_status".into(),
            title: med::R_BY_STATUS.get(lang).into(),
            rows: by_status,
        },
        ExtraSection {
            key: "mediation_month".into(),
            title: med::R_BY_MONTH.get(lang).into(),
            rows: months,
        },
    ]
}

pub fn kind_name(l: Lang, code: &str) -> String {
    MeetingKind::from_db(code)
        .map(|k| strings::meeting_kind(l, k).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn category_name(l: Lang, code: &str) -> String {
    Category::from_db(code)
        .map(|c| strings::category(l, c).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn status_name(l: Lang, code: &str) -> String {
    SuggestionStatus::from_db(code)
        .map(|s| w::status(l, s).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn end_name(l: Lang, e: ItemEnd) -> &'static str {
    match e {
        ItemEnd::Passed => w::R_PASSED,
        ItemEnd::Failed => w::R_FAILED,
        ItemEnd::NoVote => w::R_NO_VOTE,
        ItemEnd::Withdrawn => w::R_WITHDRAWN,
        ItemEnd::NotTakenUp => w::R_NOT_TAKEN_UP,
    }
    .get(l)
}

fn end_code(e: ItemEnd) -> &'static str {
    match e {
        ItemEnd::Passed => "passed",
        ItemEnd::Failed => "failed",
        ItemEnd::NoVote => "no_vote",
        ItemEnd::Withdrawn => "withdrawn",
        ItemEnd::NotTakenUp => "not_taken_up",
    }
}

pub fn to_json(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn csv_cell(s: &str) -> String {
    // A cell that a spreadsheet would read as a formula starts with a quote mark.
    let s = crate::domain::text::clean_line(s);
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One row per figure: community, section, key, value (stable codes, so the district's
/// spreadsheet reads every year's file the same way).
pub fn to_csv(r: &Report) -> String {
    let mut o = String::from("community,section,key,value\n");
    let mut row = |c: &str, sec: &str, key: &str, v: String| {
        o.push_str(&format!(
            "{},{sec},{},{}\n",
            csv_cell(c),
            csv_cell(key),
            csv_cell(&v)
        ));
    };
    for f in r.communities.iter().chain(std::iter::once(&r.total)) {
        let c = f.name.as_str();
        row(c, "meetings", "total", f.meetings_total.to_string());
        for (k, n) in &f.meetings {
            row(c, "meetings", k, n.to_string());
        }
        row(c, "items", "total", f.items_total.to_string());
        for (e, n) in &f.outcomes {
            row(c, "outcomes", end_code(*e), n.to_string());
        }
        for (cat, ends) in &f.items {
            for (e, n) in ends {
                row(
                    c,
                    "items",
                    &format!("{cat}/{}", end_code(*e)),
                    n.to_string(),
                );
            }
        }
        row(c, "participation", "votes", f.votes.to_string());
        if let Some(m) = f.participation_median {
            row(c, "participation", "median", format!("{}/{}", m.num, m.den));
        }
        if let Some(m) = f.participation_lowest {
            row(c, "participation", "lowest", format!("{}/{}", m.num, m.den));
        }
        row(c, "actions", "total", f.actions.total.to_string());
        row(c, "actions", "done", f.actions.done.to_string());
        row(c, "actions", "on_time", f.actions.on_time.to_string());
        row(c, "actions", "overdue", f.actions.overdue.to_string());
        row(c, "suggestions", "total", f.suggestions_total.to_string());
        for (s, n) in &f.suggestions {
            row(c, "suggestions", s, n.to_string());
        }
        if let Some(h) = f.median_answer_halves {
            row(c, "suggestions", "median_days_to_answer", fmt_halves(h));
        }
        for x in &f.extra {
            for (k, n) in &x.rows {
                row(c, &x.key, k, n.to_string());
            }
        }
    }
    o
}

/// A horizontal bar chart: one bar a row, scaled to the largest value.
fn bars(rows: &[(String, i64)]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let h = 22 * rows.len() as i64 + 4;
    let mut o = format!(
        "<svg class=\"chart\" width=\"520\" height=\"{h}\" viewBox=\"0 0 520 {h}\" role=\"img\">\n"
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = 22 * i as i64 + 2;
        let wbar = 300 * n / max;
        o.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"11\">{}</text>\
<rect x=\"170\" y=\"{y}\" width=\"{wbar}\" height=\"16\" fill=\"#555\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"11\">{n}</text>\n",
            y + 13,
            html_escape(label),
            175 + wbar,
            y + 13
        ));
    }
    o.push_str("</svg>\n");
    o
}

fn section(l: Lang, f: &Figures) -> String {
    let e = html_escape;
    let mut o = format!("<section>\n<h2>{}</h2>\n", e(&f.name));
    meetings_and_items(&mut o, l, f);
    participation(&mut o, l, f);
    actions(&mut o, l, f);
    suggestions(&mut o, l, f);
    for x in &f.extra {
        o.push_str(&format!("<h3>{}</h3>\n", e(&x.title)));
        o.push_str(&bars(&x.rows));
    }
    o.push_str("</section>\n");
    o
}

/// The colon and the brackets of the reader's language.
fn punct(l: Lang) -> (&'static str, &'static str, &'static str) {
    if l == Lang::Zh {
        ("：", "（", "）")
    } else {
        (": ", " (", ")")
    }
}

/// Meetings by kind; items by outcome, then by category and outcome.
fn meetings_and_items(o: &mut String, l: Lang, f: &Figures) {
    let e = html_escape;
    let (c, _, _) = punct(l);
    o.push_str(&format!(
        "<h3>{}{c}{}</h3>\n",
        w::R_MEETINGS.get(l),
        f.meetings_total
    ));
    let rows: Vec<(String, i64)> = f
        .meetings
        .iter()
        .map(|(k, n)| (kind_name(l, k), *n))
        .collect();
    o.push_str(&bars(&rows));
    // Items by outcome, then by category and outcome.
    o.push_str(&format!(
        "<h3>{}{c}{}</h3>\n",
        w::R_ITEMS.get(l),
        f.items_total
    ));
    let rows: Vec<(String, i64)> = f
        .outcomes
        .iter()
        .map(|(k, n)| (end_name(l, *k).to_string(), *n))
        .collect();
    o.push_str(&bars(&rows));
    if !f.items.is_empty() {
        o.push_str(&format!("<table><tr><th>{}</th>", w::COL_CATEGORY.get(l)));
        for end in ItemEnd::ALL {
            o.push_str(&format!("<th>{}</th>", end_name(l, end)));
        }
        o.push_str("</tr>\n");
        for (cat, ends) in &f.items {
            o.push_str(&format!("<tr><td>{}</td>", e(&category_name(l, cat))));
            for end in ItemEnd::ALL {
                o.push_str(&format!(
                    "<td>{}</td>",
                    ends.get(&end).copied().unwrap_or(0)
                ));
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</table>\n");
    }
}

fn participation(o: &mut String, l: Lang, f: &Figures) {
    let (c, po, pc) = punct(l);
    o.push_str(&format!("<h3>{}</h3>\n<ul>\n", w::R_PARTICIPATION.get(l)));
    o.push_str(&format!("<li>{}{c}{}</li>\n", w::R_VOTES.get(l), f.votes));
    for (label, r) in [
        (w::R_MEDIAN, f.participation_median),
        (w::R_LOWEST, f.participation_lowest),
    ] {
        let v = r
            .map(|r| format!("{}{po}{}/{}{pc}", r.percent(), r.num, r.den))
            .unwrap_or_else(|| "—".into());
        o.push_str(&format!("<li>{}{c}{v}</li>\n", label.get(l)));
    }
    o.push_str("</ul>\n");
}

fn actions(o: &mut String, l: Lang, f: &Figures) {
    let (c, _, _) = punct(l);
    let a = &f.actions;
    o.push_str(&format!("<h3>{}{c}{}</h3>\n", w::R_ACTIONS.get(l), a.total));
    o.push_str(&bars(&[
        (w::R_DONE.get(l).to_string(), a.done),
        (w::R_ON_TIME.get(l).to_string(), a.on_time),
        (w::R_OVERDUE.get(l).to_string(), a.overdue),
    ]));
}

fn suggestions(o: &mut String, l: Lang, f: &Figures) {
    let (c, po, pc) = punct(l);
    o.push_str(&format!(
        "<h3>{}{c}{}</h3>\n",
        w::R_SUGGESTIONS.get(l),
        f.suggestions_total
    ));
    let rows: Vec<(String, i64)> = SuggestionStatus::ALL
        .iter()
        .filter_map(|s| {
            f.suggestions
                .get(s.as_db())
                .map(|n| (w::status(l, *s).to_string(), *n))
        })
        .collect();
    o.push_str(&bars(&rows));
    let days = f
        .median_answer_halves
        .map(|h| format!("{} {}", fmt_halves(h), w::R_DAYS.get(l)))
        .unwrap_or_else(|| "—".into());
    o.push_str(&format!(
        "<p>{}{c}{days}{po}{} {}{pc}</p>\n",
        w::R_MEDIAN_DAYS.get(l),
        f.answered,
        w::R_ANSWERED.get(l)
    ));
}

/// The printable page: A4, print CSS, each community on its own page after the total.
pub fn to_html(r: &Report, l: Lang) -> String {
    let year = r
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| w::R_ALL_YEARS.get(l).to_string());
    let title = format!("{} {year}", w::R_TITLE.get(l));
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"meta\">{} {}</p>\n",
        html_escape(&title),
        w::R_AS_OF.get(l),
        html_escape(&r.today)
    );
    body.push_str(&section(l, &r.total));
    for f in &r.communities {
        body.push_str(&section(l, f));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
@page {{ size: A4; margin: 16mm 14mm; }}\n\
body {{ font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"SimHei\", sans-serif; font-size: 10.5pt; line-height: 1.5; max-width: 182mm; margin: 0 auto; color: #000; }}\n\
h1 {{ font-size: 16pt; text-align: center; margin: 0 0 4pt; }}\n\
p.meta {{ text-align: center; margin: 0 0 8pt; }}\n\
h2 {{ font-size: 13pt; border-bottom: 1px solid #000; margin: 10pt 0 4pt; }}\n\
h3 {{ font-size: 11pt; margin: 8pt 0 2pt; }}\n\
section {{ page-break-inside: avoid; }}\n\
section + section {{ page-break-before: always; }}\n\
table {{ border-collapse: collapse; margin: 4pt 0; }}\n\
th, td {{ border: 1px solid #000; padding: 1pt 5pt; text-align: center; }}\n\
svg.chart {{ display: block; margin: 2pt 0; }}\n\
</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        l.code(),
        html_escape(&title),
        body
    )
}

/// The public list of responses (居民意见答复公示): every suggestion with a response, its
/// date, category, the masked name, the text and the response; never a contact.
pub fn responses_html(rows: &[crate::store::suggestions::SuggestionRow], l: Lang) -> String {
    use crate::domain::text::names::mask_name;
    let e = |t: &str| html_escape(t);
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"meta\">{}</p>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        w::RESP_TITLE.get(l),
        w::RESP_NOTE.get(l),
        w::COL_NO.get(l),
        w::COL_DATE.get(l),
        w::COL_WHO.get(l),
        w::COL_TEXT.get(l),
        w::COL_STATUS.get(l),
        w::COL_RESPONSE.get(l)
    );
    let mut sorted: Vec<_> = rows.iter().filter(|r| r.status.is_response()).collect();
    sorted.sort_by_key(|r| r.id);
    for r in sorted {
        let response = match &r.item {
            Some((_, _, title)) if r.response.is_empty() => title.clone(),
            _ => r.response.clone(),
        };
        body.push_str(&format!(
            "<tr><td>#{}</td><td>{}</td><td>{}</td><td class=\"t\">{}</td><td>{}</td><td class=\"t\">{}</td></tr>\n",
            r.id,
            e(&r.raised_on),
            e(&mask_name(&r.raised_by)),
            e(&r.text.replace('\n', " ")),
            w::status(l, r.status),
            e(&response.replace('\n', " "))
        ));
    }
    body.push_str("</table>\n");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
@page {{ size: A4; margin: 16mm 14mm; }}\n\
body {{ font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"SimHei\", sans-serif; font-size: 10.5pt; max-width: 182mm; margin: 0 auto; }}\n\
h1 {{ font-size: 16pt; text-align: center; }}\n\
p.meta {{ text-align: center; }}\n\
table {{ border-collapse: collapse; width: 100%; }}\n\
th, td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }}\n\
td.t {{ text-align: left; }}\n\
tr {{ page-break-inside: avoid; }}\n\
</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        l.code(),
        w::RESP_TITLE.get(l),
        body
    )
}
