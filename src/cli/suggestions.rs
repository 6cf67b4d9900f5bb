//! `yishi suggestions list [--status S] [--json]`: the residents' suggestions, longest
//! waiting first, with the days each waited (never the private contact).

use super::args::SuggestionsCmd;
use super::outcome::{CliError, CliResult, Outcome, outln};
use crate::domain::suggestions::SuggestionStatus;
use crate::domain::text::{clean_line, pad, truncate, width};
use crate::store::Store;
use crate::strings::suggestions as w;
use crate::strings::{self, Lang};

pub fn run(store: Store, cmd: &SuggestionsCmd, lang: Lang) -> CliResult {
    let SuggestionsCmd::List { status, json } = cmd;
    let status =
        match status.as_deref() {
            None => None,
            Some(s) => Some(SuggestionStatus::from_db(s.trim()).ok_or_else(|| {
                CliError(strings::suggestions::unknown_status(lang, &clean_line(s)))
            })?),
        };
    let today = crate::store::actions::today();
    let rows = store.suggestions(None, status, &today)?;
    if *json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "community": clean_line(&r.community),
                    "raised_on": r.raised_on,
                    "channel": r.channel.as_db(),
                    "raised_by": clean_line(&r.raised_by),
                    "category": r.category.as_db(),
                    "status": r.status.as_db(),
                    "days": r.days,
                    "responded_on": r.responded_on,
                    "response": crate::domain::text::clean_multiline(&r.response),
                    "text": crate::domain::text::clean_multiline(&r.text),
                    "item": r.item.as_ref().map(|(m, i, t)| serde_json::json!({
                        "meeting_id": m, "item_id": i, "title": clean_line(t)
                    })),
                })
            })
            .collect();
        outln(&serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into()));
        return Ok(Outcome::Ok);
    }
    if rows.is_empty() {
        outln(w::EMPTY_CLI.get(lang));
        return Ok(Outcome::Ok);
    }
    let head = [
        (w::COL_NO, 5),
        (w::COL_DATE, 11),
        (w::COL_WAIT, 8),
        (w::COL_STATUS, 12),
        (w::COL_WHO, 10),
    ];
    let mut line = String::new();
    for (t, n) in head {
        line.push_str(&pad(t.get(lang), n));
        line.push(' ');
    }
    line.push_str(w::COL_TEXT.get(lang));
    outln(line.trim_end());
    for r in rows {
        let first = r.text.lines().next().unwrap_or("");
        let cells = [
            (format!("#{}", r.id), 5),
            (r.raised_on.clone(), 11),
            (w::days(lang, r.days), 8),
            (w::status(lang, r.status).to_string(), 12),
            (truncate(&clean_line(&r.raised_by), 10), 10),
        ];
        let mut line = String::new();
        for (t, n) in cells {
            line.push_str(&pad(&t, n.max(width(&t))));
            line.push(' ');
        }
        line.push_str(&truncate(&clean_line(first), 40));
        outln(&line);
    }
    Ok(Outcome::Ok)
}
