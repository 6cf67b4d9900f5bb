//! The minutes: rendered deterministically from a [`MeetingRecord`] (same record, same
//! bytes), as Markdown, in sections so that verification can name the part of the record
//! that changed.
//!
//! What is signed is the **body**: [`render`] in the meeting's own language
//! ([`meeting_lang`]). The body holds everything the meeting recorded (header,
//! attendance, every item with its proposal and revisions, remarks, the frozen roll call by
//! answer, every figure of the rule, action items, the summary). It does **not** hold the
//! meeting's status, the addenda or the signatures: those come after signing, so they are
//! appended for display by [`render_document`]. An addendum is signed on its own (see
//! [`addendum_bytes`]).

use chrono::DateTime;

use super::model::{Choice, ItemStatus, PresenceKind, ScopeKind};
use super::record::{AddendumRecord, Ballot, ItemRecord, MeetingRecord};
use super::rules::{self, Basis, Check, CheckKind, Flag, Outcome, fmt_area, fmt_percent_tenths};
use super::signing::{fingerprint, from_hex};
use super::text::{clean_line, clean_multiline, mask_name, width};
use crate::strings::{self as s, Lang};

/// A part of the minutes, named in verification reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Section {
    Header,
    Attendance,
    Item {
        position: i64,
        title: String,
        part: ItemPart,
    },
    Summary,
}

/// A part of one agenda item's section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ItemPart {
    /// Title, category, proposer, scope, rule.
    Heading,
    /// The proposal text and its revisions.
    Proposal,
    Remarks,
    /// The roll call by name, the figures and the outcome.
    Vote,
    Actions,
}

/// The language the minutes of this meeting are written (and signed) in.
pub fn meeting_lang(rec: &MeetingRecord) -> Lang {
    Lang::parse(&rec.language).unwrap_or(Lang::Zh)
}

/// A stored time ("2026-05-16T09:30:07+08:00") as "2026-05-16 09:30", in the offset it
/// was taken in (so it renders the same on every machine); anything else cleaned as is.
pub fn fmt_time(t: &str) -> String {
    match DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        Err(_) => clean_line(t),
    }
}

/// Only the time of day of a stored time ("09:30"), for the remarks and the timeline.
fn fmt_clock(t: &str) -> String {
    match DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.format("%H:%M").to_string(),
        Err(_) => clean_line(t),
    }
}

/// Between names in a list. Not "、", which joins co-owners in one voter's name.
fn sep(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "，",
        Lang::En => ", ",
    }
}

fn semi(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

fn colon(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

fn paren(l: Lang, inner: &str) -> String {
    match l {
        Lang::Zh => format!("（{inner}）"),
        Lang::En => format!(" ({inner})"),
    }
}

/// Multi-line data text as a Markdown block quote: every line starts with "> ", so a
/// line of data can never become a heading or a list item of the minutes.
fn quote(text: &str) -> String {
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
fn indent_cont(text: &str) -> String {
    clean_multiline(text)
        .trim_end()
        .split('\n')
        .collect::<Vec<_>>()
        .join("\n  ")
}

/// One check as printed, e.g. "同意 18/24 人 75.0% ≥ 3/4 ✓" or
/// "面积 1,520.40/2,010.00 m² 75.6% ≥ 3/4 ✓".
pub fn fmt_check(l: Lang, c: &Check) -> String {
    let pct = c
        .percent_tenths()
        .map(fmt_percent_tenths)
        .unwrap_or_else(|| "—".into());
    let mark = if c.met { "✓" } else { "✗" };
    let (cmp, th) = (c.cmp.symbol(), c.threshold);
    match c.basis {
        Basis::Headcount => {
            let label = match c.kind {
                CheckKind::Participation => s::MIN_PARTICIPATION.get(l),
                CheckKind::Approval => s::MIN_APPROVAL.get(l),
                CheckKind::Legacy => s::MIN_LEGACY.get(l),
            };
            match l {
                Lang::Zh => format!("{label} {}/{} 人 {pct} {cmp} {th} {mark}", c.value, c.total),
                Lang::En => format!(
                    "{label} {}/{} voters {pct} {cmp} {th} {mark}",
                    c.value, c.total
                ),
            }
        }
        Basis::Area => {
            let label = match l {
                Lang::Zh => "面积",
                Lang::En => "area",
            };
            format!(
                "{label} {}/{} m² {pct} {cmp} {th} {mark}",
                fmt_area(c.value),
                fmt_area(c.total)
            )
        }
    }
}

/// The checks of an outcome, one line per kind (participation, approval, legacy), the
/// headcount and area figures of a kind joined with "；".
pub fn fmt_checks(l: Lang, checks: &[Check]) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in [
        CheckKind::Participation,
        CheckKind::Approval,
        CheckKind::Legacy,
    ] {
        let parts: Vec<String> = checks
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| fmt_check(l, c))
            .collect();
        if !parts.is_empty() {
            lines.push(parts.join(semi(l)));
        }
    }
    lines
}

fn fmt_scope(l: Lang, it: &ItemRecord) -> String {
    let kind = s::scope_kind(l, it.scope.kind);
    match it.scope.kind {
        ScopeKind::All | ScopeKind::Council => kind.to_string(),
        ScopeKind::Building => format!("{kind}{}", paren(l, &clean_line(&it.scope.building))),
        ScopeKind::Unit => format!(
            "{kind}{}",
            paren(
                l,
                &format!(
                    "{}{}",
                    clean_line(&it.scope.building),
                    clean_line(&it.scope.unit)
                )
            )
        ),
    }
}

fn result_word(l: Lang, o: &Outcome) -> &'static str {
    if o.passed {
        s::MIN_PASSED.get(l)
    } else {
        s::MIN_FAILED.get(l)
    }
}

fn header(rec: &MeetingRecord, l: Lang) -> String {
    let c = colon(l);
    let mut o = String::new();
    o.push_str(&format!(
        "# {} {}\n\n",
        clean_line(&rec.title),
        s::MIN_TITLE.get(l)
    ));
    let mut field = |label: &str, value: String| {
        o.push_str(&format!("- {label}{c}{value}\n"));
    };
    field(s::MIN_COMMUNITY.get(l), clean_line(&rec.community));
    field(s::MIN_KIND.get(l), s::meeting_kind(l, rec.kind).to_string());
    field(s::MIN_WHEN.get(l), clean_line(&rec.starts_at));
    field(s::MIN_VENUE.get(l), clean_line(&rec.venue));
    field(s::MIN_HOST.get(l), clean_line(&rec.host));
    field(s::MIN_SECRETARY.get(l), clean_line(&rec.secretary));
    if let Some(t) = &rec.opened_at {
        field(s::MIN_OPENED.get(l), fmt_time(t));
    }
    if let Some(t) = &rec.adjourned_at {
        field(s::MIN_ADJOURNED.get(l), fmt_time(t));
    }
    field(s::MIN_UID.get(l), clean_line(&rec.uid));
    o.push('\n');
    o
}

/// Attendance: the roll call at opening (each voter's first mark) and the changes during
/// the meeting with their times.
fn attendance(rec: &MeetingRecord, l: Lang) -> String {
    let c = colon(l);
    let mut o = format!("## {}\n\n", s::MIN_ATTENDANCE.get(l));
    let mut seen: Vec<i64> = Vec::new();
    let mut present: Vec<String> = Vec::new();
    let mut proxies: Vec<String> = Vec::new();
    let mut absent: Vec<String> = Vec::new();
    let mut changes: Vec<String> = Vec::new();
    for e in &rec.presence {
        let name = clean_line(&e.name);
        let first = !seen.contains(&e.voter_id)
            && matches!(
                e.kind,
                PresenceKind::Present | PresenceKind::Absent | PresenceKind::Proxy
            );
        if first {
            seen.push(e.voter_id);
            match e.kind {
                PresenceKind::Present => present.push(name),
                PresenceKind::Absent => absent.push(name),
                _ => proxies.push(format!(
                    "{name}{}",
                    paren(
                        l,
                        &s::min_proxy(l, &clean_line(&e.proxy_name), &clean_line(&e.proxy_ref))
                    )
                )),
            }
            continue;
        }
        if !seen.contains(&e.voter_id) {
            seen.push(e.voter_id);
        }
        let what = match (e.kind, e.item_position) {
            (PresenceKind::Recuse, Some(p)) => s::min_recused_for(l, p),
            (PresenceKind::Proxy, _) => format!(
                "{}{}",
                s::presence_kind(l, e.kind),
                paren(
                    l,
                    &s::min_proxy(l, &clean_line(&e.proxy_name), &clean_line(&e.proxy_ref))
                )
            ),
            (k, _) => s::presence_kind(l, k).to_string(),
        };
        changes.push(format!("  - {} {name} {what}\n", fmt_clock(&e.at)));
    }
    let total = (present.len() + proxies.len() + absent.len()) as i64;
    o.push_str(&format!(
        "- {}\n",
        s::min_attendance_totals(
            l,
            total,
            (present.len() + proxies.len()) as i64,
            proxies.len() as i64,
            absent.len() as i64
        )
    ));
    let none = s::MIN_NONE.get(l);
    let list = |v: &[String]| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.join(sep(l))
        }
    };
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_PRESENT.get(l),
        list(&present)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_BY_PROXY.get(l),
        list(&proxies)
    ));
    o.push_str(&format!("- {}{c}{}\n", s::MIN_ABSENT.get(l), list(&absent)));
    if changes.is_empty() {
        o.push_str(&format!("- {}{c}{none}\n", s::MIN_CHANGES.get(l)));
    } else {
        o.push_str(&format!("- {}{c}\n", s::MIN_CHANGES.get(l)));
        for ch in changes {
            o.push_str(&ch);
        }
    }
    o.push('\n');
    o
}

fn item_heading(it: &ItemRecord, l: Lang) -> String {
    let c = colon(l);
    let mut o = format!(
        "## {}\n\n",
        s::min_item_heading(l, it.position, &clean_line(&it.title))
    );
    if it.added_late {
        o.push_str(&format!("- {}\n", s::MIN_LATE.get(l)));
    }
    if it.status == ItemStatus::Withdrawn {
        o.push_str(&format!("- {}\n", s::MIN_WITHDRAWN.get(l)));
    }
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_CATEGORY.get(l),
        s::category(l, it.category)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_PROPOSER.get(l),
        clean_line(&it.proposer)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_SCOPE.get(l),
        fmt_scope(l, it)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n\n",
        s::MIN_RULE.get(l),
        s::rule_name(l, it.rule.kind.code())
    ));
    o
}

fn item_proposal(it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", s::MIN_PROPOSAL.get(l));
    o.push_str(&quote(it.proposal()));
    o.push('\n');
    if it.revisions.len() > 1 {
        o.push_str(&format!("#### {}\n\n", s::MIN_REVISIONS.get(l)));
        for r in &it.revisions[..it.revisions.len() - 1] {
            o.push_str(&format!(
                "{}{}\n\n",
                s::min_revision(l, r.rev, &fmt_time(&r.at)),
                colon(l)
            ));
            o.push_str(&quote(&r.text));
            o.push('\n');
        }
    }
    o
}

fn item_remarks(it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", s::MIN_REMARKS.get(l));
    if it.remarks.is_empty() {
        o.push_str(&format!("{}\n\n", s::MIN_NO_REMARKS.get(l)));
        return o;
    }
    for (i, r) in it.remarks.iter().enumerate() {
        o.push_str(&format!(
            "{}. {}{}{}{}\n",
            i + 1,
            clean_line(&r.speaker),
            paren(l, &fmt_clock(&r.at)),
            colon(l),
            indent_cont(&r.text)
        ));
    }
    o.push('\n');
    o
}

fn ballot_name(l: Lang, b: &Ballot, with_area: bool) -> String {
    let mut extra: Vec<String> = Vec::new();
    if with_area {
        extra.push(format!("{} m²", fmt_area(b.area)));
    }
    if !b.proxy_name.is_empty() {
        extra.push(s::min_proxy(
            l,
            &clean_line(&b.proxy_name),
            &clean_line(&b.proxy_ref),
        ));
    }
    if !b.present && b.proxy_name.is_empty() {
        extra.push(s::MIN_ABSENT.get(l).to_string());
    }
    let name = clean_line(&b.name);
    if extra.is_empty() {
        name
    } else {
        format!("{name}{}", paren(l, &extra.join(semi(l))))
    }
}

fn item_vote(it: &ItemRecord, l: Lang) -> String {
    let c = colon(l);
    let mut o = format!("### {}\n\n", s::MIN_VOTE.get(l));
    let Some(v) = &it.vote else {
        o.push_str(&format!("{}\n\n", s::MIN_NO_VOTE.get(l)));
        return o;
    };
    let with_area = it.rule.kind.uses_area();
    let closed = v.closed_at.as_deref().map(fmt_time).unwrap_or_default();
    o.push_str(&format!(
        "- {}\n",
        s::min_vote_times(l, &fmt_time(&v.opened_at), &closed)
    ));
    let n = v.ballots.len() as i64;
    let area: i64 = v.ballots.iter().map(|b| b.area).sum();
    let present = v.ballots.iter().filter(|b| b.present).count() as i64;
    let mut frozen = format!("- {}{c}{}", s::MIN_VOTERS.get(l), s::min_persons(l, n));
    if with_area {
        frozen.push_str(&format!("{}{} m²", sep(l), fmt_area(area)));
    }
    frozen.push_str(&format!(
        "{}{} {}\n",
        sep(l),
        s::MIN_PRESENT.get(l),
        s::min_persons(l, present)
    ));
    o.push_str(&frozen);
    for choice in Choice::ALL {
        let group: Vec<&Ballot> = v
            .ballots
            .iter()
            .filter(|b| b.choice.unwrap_or(Choice::NotVoting) == choice)
            .collect();
        let count = group.len() as i64;
        let garea: i64 = group.iter().map(|b| b.area).sum();
        let mut head = format!("{} {}", s::choice(l, choice), s::min_persons(l, count));
        if with_area {
            head.push_str(&format!("{}{} m²", sep(l), fmt_area(garea)));
        }
        let names = if group.is_empty() {
            s::MIN_NONE.get(l).to_string()
        } else {
            group
                .iter()
                .map(|b| ballot_name(l, b, with_area))
                .collect::<Vec<_>>()
                .join(sep(l))
        };
        o.push_str(&format!("- {head}{c}{names}\n"));
    }
    // The live quorum at the start of the vote (participation counted over those present).
    if v.outcome.is_some() {
        let quorum = rules::quorum(
            &it.rule,
            &v.electorate()
                .into_iter()
                .map(|mut e| {
                    e.choice = None;
                    e
                })
                .collect::<Vec<_>>(),
        );
        let lines = fmt_checks(l, &quorum);
        if !lines.is_empty() {
            o.push_str(&format!(
                "- {}{c}{}\n",
                s::MIN_QUORUM.get(l),
                lines.join(semi(l))
            ));
        }
    }
    match &v.outcome {
        None => o.push_str(&format!("- {}\n", s::MIN_VOTE_OPEN.get(l))),
        Some(out) => {
            for line in fmt_checks(l, &out.checks) {
                o.push_str(&format!("- {line}\n"));
            }
            for f in &out.flags {
                let Flag::ShaftOwnerNotAgreed(id) = f;
                let name = v
                    .ballots
                    .iter()
                    .find(|b| b.voter_id == *id)
                    .map(|b| clean_line(&b.name))
                    .unwrap_or_else(|| id.to_string());
                o.push_str(&format!("- ⚠ {}{c}{name}\n", s::MIN_SHAFT.get(l)));
            }
            o.push_str(&format!(
                "- {}{c}{}\n",
                s::MIN_RESULT.get(l),
                result_word(l, out)
            ));
        }
    }
    o.push('\n');
    o
}

fn item_actions(it: &ItemRecord, l: Lang) -> String {
    if it.actions.is_empty() {
        return String::new();
    }
    let mut o = format!("### {}\n\n", s::MIN_ACTIONS.get(l));
    for a in &it.actions {
        let mut line = format!("- {}", clean_line(&a.what));
        let mut extra = Vec::new();
        if !a.who.is_empty() {
            extra.push(format!("{} {}", s::MIN_WHO.get(l), clean_line(&a.who)));
        }
        if !a.due.is_empty() {
            extra.push(format!("{} {}", s::MIN_DUE.get(l), clean_line(&a.due)));
        }
        if !extra.is_empty() {
            line.push_str(&paren(l, &extra.join(semi(l))));
        }
        o.push_str(&line);
        o.push('\n');
    }
    o.push('\n');
    o
}

fn summary(rec: &MeetingRecord, l: Lang) -> String {
    let mut o = format!("## {}\n\n", s::MIN_SUMMARY.get(l));
    if rec.summary.trim().is_empty() {
        o.push_str(s::MIN_NO_SUMMARY.get(l));
        o.push('\n');
    } else {
        o.push_str(&quote(&rec.summary));
    }
    o
}

/// The body of the minutes in `lang`, section by section. Concatenated they are
/// [`render`].
pub fn sections(rec: &MeetingRecord, lang: Lang) -> Vec<(Section, String)> {
    let mut out = vec![
        (Section::Header, header(rec, lang)),
        (Section::Attendance, attendance(rec, lang)),
    ];
    for it in &rec.items {
        let sec = |part| Section::Item {
            position: it.position,
            title: clean_line(&it.title),
            part,
        };
        out.push((sec(ItemPart::Heading), item_heading(it, lang)));
        out.push((sec(ItemPart::Proposal), item_proposal(it, lang)));
        out.push((sec(ItemPart::Remarks), item_remarks(it, lang)));
        out.push((sec(ItemPart::Vote), item_vote(it, lang)));
        out.push((sec(ItemPart::Actions), item_actions(it, lang)));
    }
    out.push((Section::Summary, summary(rec, lang)));
    out
}

/// The minutes body as Markdown in `lang`. What is signed is `render(rec,
/// meeting_lang(rec))` ([`signed_body`]).
pub fn render(rec: &MeetingRecord, lang: Lang) -> String {
    sections(rec, lang).into_iter().map(|(_, t)| t).collect()
}

/// The exact text that is hashed and signed: the body in the meeting's language.
pub fn signed_body(rec: &MeetingRecord) -> String {
    render(rec, meeting_lang(rec))
}

/// The sections of `expected` (a fresh rendering) that differ from `signed` (the text as
/// it was signed), found by the longest common prefix and suffix; with the first
/// differing line of each ("records give" / "signed text says").
pub fn diff_sections(
    expected: &[(Section, String)],
    signed: &str,
) -> (Vec<Section>, String, String) {
    let full: String = expected.iter().map(|(_, t)| t.as_str()).collect();
    let (a, b) = (full.as_bytes(), signed.as_bytes());
    if a == b {
        return (Vec::new(), String::new(), String::new());
    }
    let mut p = 0;
    while p < a.len() && p < b.len() && a[p] == b[p] {
        p += 1;
    }
    let mut q = 0;
    while q < a.len() - p && q < b.len() - p && a[a.len() - 1 - q] == b[b.len() - 1 - q] {
        q += 1;
    }
    // Differing range in the fresh rendering: [p, a.len() - q); an insertion-only change
    // is an empty range at p, which still belongs to the section around p.
    let (lo, hi) = (p, (a.len() - q).max(p + 1));
    let mut names = Vec::new();
    let mut start = 0;
    for (sec, t) in expected {
        let end = start + t.len();
        if start < hi && lo < end.max(start + 1) && !t.is_empty() {
            names.push(sec.clone());
        }
        start = end;
    }
    if names.is_empty()
        && let Some((sec, _)) = expected.iter().rev().find(|(_, t)| !t.is_empty())
    {
        names.push(sec.clone());
    }
    let (a_line, b_line) = (line_of(&full, p), line_of(signed, p));
    if let Some((x, y)) = list_difference(a_line, b_line) {
        return (names, x, y);
    }
    (names, excerpt(&full, p), excerpt(signed, p))
}

fn line_of(text: &str, pos: usize) -> &str {
    let pos = floor_char(text, pos.min(text.len()));
    let begin = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    &text[begin..end]
}

/// For two list lines ("label：a，b，c"), the label of each with only the entries that
/// are not in the other (e.g. the voter whose answer moved), or None if they are not
/// lists.
fn list_difference(a: &str, b: &str) -> Option<(String, String)> {
    fn split(line: &str) -> Option<(&str, Vec<&str>)> {
        let (label, rest) = line.split_once('：').or_else(|| line.split_once(": "))?;
        let items: Vec<&str> = if rest.contains('，') {
            rest.split('，').collect()
        } else {
            rest.split(", ").collect()
        };
        (items.len() > 1).then_some((label, items))
    }
    let (la, ia) = split(a)?;
    let (lb, ib) = split(b)?;
    let only = |x: &[&str], y: &[&str]| -> String {
        let v: Vec<&str> = x.iter().copied().filter(|e| !y.contains(e)).collect();
        if v.is_empty() {
            "—".into()
        } else {
            v.join("，")
        }
    };
    let (oa, ob) = (only(&ia, &ib), only(&ib, &ia));
    if oa == "—" && ob == "—" {
        return None;
    }
    Some((
        clean_line(&format!("{}：{oa}", la.trim_start_matches("- "))),
        clean_line(&format!("{}：{ob}", lb.trim_start_matches("- "))),
    ))
}

/// The line of `text` around byte `pos`, shortened for a report: its label (up to the
/// first colon) and about 40 characters from a little before `pos`.
fn excerpt(text: &str, pos: usize) -> String {
    let pos = floor_char(text, pos.min(text.len()));
    let begin = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let line = &text[begin..end];
    let at = pos - begin;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    if chars.len() <= 60 {
        return clean_line(line);
    }
    let idx = chars
        .iter()
        .position(|(b, _)| *b >= at)
        .unwrap_or(chars.len());
    let from = idx.saturating_sub(12);
    let to = (idx + 40).min(chars.len());
    let window: String = chars[from..to].iter().map(|(_, c)| *c).collect();
    let label_end = line.find('：').or_else(|| line.find(": "));
    let mut out = String::new();
    if let Some(le) = label_end
        && le < chars.get(from).map_or(0, |(b, _)| *b)
    {
        out.push_str(&line[..le]);
        out.push_str("：…");
    } else if from > 0 {
        out.push('…');
    }
    out.push_str(&window);
    if to < chars.len() {
        out.push('…');
    }
    clean_line(&out)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The bytes an addendum signature covers (through their SHA-256, in the statement's
/// `minutes_sha256` field): `"yishi-addendum-v1\nat=<time>\n\n<text>"`, the text as
/// stored. The statement's `prev_sha256` is the SHA-256 of the signed minutes body it
/// corrects, and its role is `addendum`.
pub fn addendum_bytes(a: &AddendumRecord) -> Vec<u8> {
    format!("yishi-addendum-v1\nat={}\n\n{}", a.at, a.text).into_bytes()
}

/// A signature as shown in the signature block (and carried by exports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureLine {
    pub signer_name: String,
    pub role: String,
    pub signed_at: String,
    /// Hex of the Ed25519 public key.
    pub public_key: String,
    /// `None` for the minutes, the addendum's id otherwise.
    pub addendum_id: Option<i64>,
}

fn fp_of(hex_key: &str) -> String {
    from_hex(hex_key)
        .and_then(|v| <[u8; 32]>::try_from(v).ok())
        .map(|k| fingerprint(&k))
        .unwrap_or_else(|| "?".into())
}

/// The complete minutes for display and export: the signed body (`body`: the stored,
/// signed text, or a fresh rendering while unsigned), then the addenda with their
/// signatures, then the signature block. Labels outside the body are in `lang`.
pub fn render_document(
    rec: &MeetingRecord,
    body: &str,
    sigs: &[SignatureLine],
    minutes_sha256: Option<&str>,
    lang: Lang,
) -> String {
    let l = lang;
    let mut o = body.to_string();
    if !o.ends_with('\n') {
        o.push('\n');
    }
    let sig_line = |sg: &SignatureLine| {
        format!(
            "- {}\n",
            s::min_signature_line(
                l,
                s::sign_role(l, &sg.role),
                &clean_line(&sg.signer_name),
                &fmt_time(&sg.signed_at),
                &fp_of(&sg.public_key)
            )
        )
    };
    if !rec.addenda.is_empty() {
        o.push_str(&format!("\n## {}\n\n", s::MIN_ADDENDA.get(l)));
        for (i, a) in rec.addenda.iter().enumerate() {
            o.push_str(&format!(
                "### {} {}{}\n\n",
                s::MIN_ADDENDUM.get(l),
                i + 1,
                paren(l, &fmt_time(&a.at))
            ));
            o.push_str(&quote(&a.text));
            o.push('\n');
            for sg in sigs.iter().filter(|sg| sg.addendum_id == Some(a.id)) {
                o.push_str(&sig_line(sg));
            }
            o.push('\n');
        }
    }
    o.push_str(&format!("\n## {}\n\n", s::MIN_SIGNATURES.get(l)));
    let mine: Vec<&SignatureLine> = sigs.iter().filter(|sg| sg.addendum_id.is_none()).collect();
    if mine.is_empty() {
        o.push_str(s::MIN_UNSIGNED.get(l));
        o.push('\n');
    }
    for sg in mine {
        o.push_str(&sig_line(sg));
    }
    if let Some(h) = minutes_sha256 {
        o.push_str(&format!(
            "- {}{}{}\n",
            s::MIN_SIGNED_HASH.get(l),
            colon(l),
            h
        ));
    }
    o
}

/// The public notice (公示): results and totals only, every name masked
/// ([`mask_name`]), no roll call, no remarks, never a phone number (the record has none).
pub fn render_notice(rec: &MeetingRecord, sigs: &[SignatureLine], lang: Lang) -> String {
    let l = lang;
    let c = colon(l);
    let mut o = format!("# {} {}\n\n", clean_line(&rec.title), s::MIN_NOTICE.get(l));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_COMMUNITY.get(l),
        clean_line(&rec.community)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_KIND.get(l),
        s::meeting_kind(l, rec.kind)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_WHEN.get(l),
        clean_line(&rec.starts_at)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_VENUE.get(l),
        clean_line(&rec.venue)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_HOST.get(l),
        mask_name(&rec.host)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n",
        s::MIN_SECRETARY.get(l),
        mask_name(&rec.secretary)
    ));
    o.push_str(&format!(
        "- {}{c}{}\n\n",
        s::MIN_UID.get(l),
        clean_line(&rec.uid)
    ));
    for it in &rec.items {
        o.push_str(&format!(
            "## {}\n\n",
            s::min_item_heading(l, it.position, &clean_line(&it.title))
        ));
        if it.added_late {
            o.push_str(&format!("- {}\n", s::MIN_LATE.get(l)));
        }
        o.push_str(&format!(
            "- {}{c}{}\n",
            s::MIN_RULE.get(l),
            s::rule_name(l, it.rule.kind.code())
        ));
        match it.vote.as_ref().and_then(|v| v.outcome.as_ref()) {
            None => o.push_str(&format!("- {}\n", s::MIN_NO_VOTE.get(l))),
            Some(out) => {
                let t = &out.tally;
                let area = it.rule.kind.uses_area();
                let mut parts = Vec::new();
                for (choice, n, a) in [
                    (Choice::Yes, t.yes, t.yes_area),
                    (Choice::No, t.no, t.no_area),
                    (Choice::Abstain, t.abstain, t.abstain_area),
                    (Choice::Recused, t.recused, t.recused_area),
                    (Choice::NotVoting, t.not_voting, t.not_voting_area),
                ] {
                    let mut p = format!("{} {}", s::choice(l, choice), s::min_persons(l, n));
                    if area {
                        p.push_str(&format!(" {} m²", fmt_area(a)));
                    }
                    parts.push(p);
                }
                o.push_str(&format!("- {}\n", parts.join(semi(l))));
                for line in fmt_checks(l, &out.checks) {
                    o.push_str(&format!("- {line}\n"));
                }
                o.push_str(&format!(
                    "- {}{c}{}\n",
                    s::MIN_RESULT.get(l),
                    result_word(l, out)
                ));
            }
        }
        o.push('\n');
    }
    o.push_str(&format!("## {}\n\n", s::MIN_SIGNATURES.get(l)));
    let mine: Vec<&SignatureLine> = sigs.iter().filter(|sg| sg.addendum_id.is_none()).collect();
    if mine.is_empty() {
        o.push_str(s::MIN_UNSIGNED.get(l));
        o.push('\n');
    }
    for sg in mine {
        o.push_str(&format!(
            "- {}\n",
            s::min_signature_line(
                l,
                s::sign_role(l, &sg.role),
                &mask_name(&sg.signer_name),
                &fmt_time(&sg.signed_at),
                &fp_of(&sg.public_key)
            )
        ));
    }
    o.push_str(&format!("\n{}\n", s::MIN_NOTICE_NOTE.get(l)));
    o
}

/// The public notice as JSON data: results and totals only, names masked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    /// "yishi-notice-v1"
    pub format: String,
    pub uid: String,
    pub community: String,
    pub kind: String,
    pub title: String,
    pub starts_at: String,
    pub venue: String,
    pub host: String,
    pub secretary: String,
    pub items: Vec<NoticeItem>,
    pub signatures: Vec<NoticeSignature>,
    pub minutes_sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoticeItem {
    pub position: i64,
    pub title: String,
    pub added_late: bool,
    pub rule: String,
    /// "passed", "failed", or "no_vote".
    pub result: String,
    pub tally: Option<rules::Tally>,
    /// Every figure of the rule, as printed in the minutes.
    pub figures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoticeSignature {
    pub role: String,
    pub signer: String,
    pub signed_at: String,
    pub fingerprint: String,
}

/// The public notice's data (see [`render_notice`]).
pub fn notice(
    rec: &MeetingRecord,
    sigs: &[SignatureLine],
    minutes_sha256: Option<&str>,
    lang: Lang,
) -> Notice {
    Notice {
        format: "yishi-notice-v1".into(),
        uid: clean_line(&rec.uid),
        community: clean_line(&rec.community),
        kind: s::meeting_kind(lang, rec.kind).into(),
        title: clean_line(&rec.title),
        starts_at: clean_line(&rec.starts_at),
        venue: clean_line(&rec.venue),
        host: mask_name(&rec.host),
        secretary: mask_name(&rec.secretary),
        items: rec
            .items
            .iter()
            .map(|it| {
                let out = it.vote.as_ref().and_then(|v| v.outcome.as_ref());
                NoticeItem {
                    position: it.position,
                    title: clean_line(&it.title),
                    added_late: it.added_late,
                    rule: s::rule_name(lang, it.rule.kind.code()).into(),
                    result: match out {
                        None => "no_vote".into(),
                        Some(o) if o.passed => "passed".into(),
                        Some(_) => "failed".into(),
                    },
                    tally: out.map(|o| o.tally.clone()),
                    figures: out.map(|o| fmt_checks(lang, &o.checks)).unwrap_or_default(),
                }
            })
            .collect(),
        signatures: sigs
            .iter()
            .filter(|sg| sg.addendum_id.is_none())
            .map(|sg| NoticeSignature {
                role: clean_line(&sg.role),
                signer: mask_name(&sg.signer_name),
                signed_at: clean_line(&sg.signed_at),
                fingerprint: fp_of(&sg.public_key),
            })
            .collect(),
        minutes_sha256: minutes_sha256.map(clean_line),
    }
}

/// Plain text from the minutes' Markdown: headings underlined, block quotes indented.
/// Only the Markdown this module writes is handled.
pub fn to_txt(md: &str) -> String {
    let mut o = String::new();
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("# ") {
            o.push_str(h);
            o.push('\n');
            o.push_str(&"=".repeat(width(h).max(1)));
        } else if let Some(h) = line.strip_prefix("## ") {
            o.push_str(h);
            o.push('\n');
            o.push_str(&"-".repeat(width(h).max(1)));
        } else if let Some(h) = line
            .strip_prefix("### ")
            .or_else(|| line.strip_prefix("#### "))
        {
            o.push_str(&format!("[{h}]"));
        } else if let Some(q) = line.strip_prefix("> ") {
            o.push_str("    ");
            o.push_str(q);
        } else if line == ">" {
        } else {
            o.push_str(line);
        }
        o.push('\n');
    }
    o
}

/// HTML-escape text (after removing control characters and bidi overrides).
pub fn html_escape(t: &str) -> String {
    let t = clean_line(t);
    let mut o = String::with_capacity(t.len());
    for ch in t.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A printable A4 HTML page from the minutes' Markdown (only what this module writes:
/// headings, list items, numbered remarks, block quotes, paragraphs). Every piece of text
/// is escaped; no control characters reach the page.
pub fn to_html(md: &str, title: &str, lang: Lang) -> String {
    let mut body = String::new();
    let mut in_list = false;
    let mut in_quote = false;
    let close = |body: &mut String, in_list: &mut bool, in_quote: &mut bool| {
        if *in_list {
            body.push_str("</ul>\n");
            *in_list = false;
        }
        if *in_quote {
            body.push_str("</blockquote>\n");
            *in_quote = false;
        }
    };
    for line in md.lines() {
        if let Some(q) = line
            .strip_prefix("> ")
            .or(if line == ">" { Some("") } else { None })
        {
            if in_list {
                body.push_str("</ul>\n");
                in_list = false;
            }
            if !in_quote {
                body.push_str("<blockquote>\n");
                in_quote = true;
            }
            body.push_str(&format!("{}<br>\n", html_escape(q)));
            continue;
        }
        let item = line.strip_prefix("- ").or_else(|| {
            let digits = line.find(". ")?;
            line[..digits]
                .chars()
                .all(|c| c.is_ascii_digit())
                .then_some(line)
        });
        if let Some(it) = item {
            if in_quote {
                body.push_str("</blockquote>\n");
                in_quote = false;
            }
            if !in_list {
                body.push_str("<ul>\n");
                in_list = true;
            }
            body.push_str(&format!("<li>{}</li>\n", html_escape(it)));
            continue;
        }
        if in_list
            && let Some(sub) = line
                .strip_prefix("  - ")
                .or_else(|| line.strip_prefix("  "))
        {
            body.push_str(&format!("<li class=\"sub\">{}</li>\n", html_escape(sub)));
            continue;
        }
        close(&mut body, &mut in_list, &mut in_quote);
        if line.is_empty() {
            continue;
        }
        let (tag, text) = if let Some(h) = line.strip_prefix("#### ") {
            ("h4", h)
        } else if let Some(h) = line.strip_prefix("### ") {
            ("h3", h)
        } else if let Some(h) = line.strip_prefix("## ") {
            ("h2", h)
        } else if let Some(h) = line.strip_prefix("# ") {
            ("h1", h)
        } else {
            ("p", line)
        };
        body.push_str(&format!("<{tag}>{}</{tag}>\n", html_escape(text)));
    }
    close(&mut body, &mut in_list, &mut in_quote);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
@page {{ size: A4; margin: 18mm 16mm; }}\n\
body {{ font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", serif; font-size: 11pt; line-height: 1.6; max-width: 178mm; margin: 0 auto; color: #000; }}\n\
h1 {{ font-size: 17pt; text-align: center; margin: 0 0 8pt; }}\n\
h2 {{ font-size: 13pt; border-bottom: 1px solid #000; margin: 14pt 0 6pt; page-break-after: avoid; }}\n\
h3 {{ font-size: 11.5pt; margin: 10pt 0 4pt; page-break-after: avoid; }}\n\
h4 {{ font-size: 11pt; margin: 8pt 0 4pt; }}\n\
ul {{ margin: 0 0 6pt; padding-left: 18pt; }}\n\
li {{ margin: 1pt 0; }}\n\
li.sub {{ list-style: circle; margin-left: 14pt; }}\n\
blockquote {{ margin: 4pt 0 8pt; padding: 4pt 10pt; border-left: 3px solid #888; }}\n\
@media print {{ body {{ max-width: none; }} a {{ color: #000; }} }}\n\
</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        lang.code(),
        html_escape(title),
        body
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Category, Electorate, MeetingKind, MeetingStatus, Scope};
    use crate::domain::record::{ActionRecord, PresenceEvent, Remark, Revision, VoteRecord};
    use crate::domain::rules::{Eligible, Rule, RuleKind, evaluate};

    pub(crate) fn sample() -> MeetingRecord {
        let ballots: Vec<Ballot> = (1..=4)
            .map(|i| Ballot {
                voter_id: i,
                name: format!("业主{i}\u{202e}"),
                area: 10000 + i * 100,
                present: i != 4,
                proxy_name: if i == 2 {
                    "周国平".into()
                } else {
                    String::new()
                },
                proxy_ref: if i == 2 { "WT-1".into() } else { String::new() },
                choice: Some(match i {
                    1 | 2 => Choice::Yes,
                    3 => Choice::No,
                    _ => Choice::NotVoting,
                }),
                at: Some("2026-05-16T09:40:00+08:00".into()),
                corrections: Vec::new(),
            })
            .collect();
        let rule = Rule::new(RuleKind::Art278Major);
        let el: Vec<Eligible> = crate::domain::record::electorate(&ballots);
        let outcome = evaluate(&rule, &el);
        MeetingRecord {
            uid: "m-1".into(),
            community: "望城小区".into(),
            kind: MeetingKind::OwnersAssembly,
            electorate: Electorate::Owners,
            title: "第一次业主大会".into(),
            starts_at: "2026-05-16 09:30".into(),
            venue: "党群服务中心".into(),
            host: "黄小明".into(),
            secretary: "李秀英".into(),
            language: "zh".into(),
            status: MeetingStatus::Adjourned,
            opened_at: Some("2026-05-16T09:30:00+08:00".into()),
            adjourned_at: Some("2026-05-16T11:00:00+08:00".into()),
            summary: "大门通过。".into(),
            presence: (1..=4)
                .map(|i| PresenceEvent {
                    voter_id: i,
                    name: format!("业主{i}"),
                    kind: match i {
                        2 => PresenceKind::Proxy,
                        4 => PresenceKind::Absent,
                        _ => PresenceKind::Present,
                    },
                    proxy_name: if i == 2 {
                        "周国平".into()
                    } else {
                        String::new()
                    },
                    proxy_ref: if i == 2 { "WT-1".into() } else { String::new() },
                    item_position: None,
                    at: "2026-05-16T09:31:00+08:00".into(),
                })
                .collect(),
            items: vec![ItemRecord {
                id: 1,
                position: 1,
                title: "安装小区大门".into(),
                category: Category::Gate,
                proposer: "业主委员会".into(),
                scope: Scope::all(),
                rule,
                status: ItemStatus::Closed,
                added_late: true,
                revisions: vec![
                    Revision {
                        rev: 1,
                        text: "# 安装大门\n费用8万".into(),
                        at: "2026-05-16T09:00:00+08:00".into(),
                    },
                    Revision {
                        rev: 2,
                        text: "安装大门\n费用8.6万".into(),
                        at: "2026-05-16T09:35:00+08:00".into(),
                    },
                ],
                remarks: vec![Remark {
                    speaker: "赵德华".into(),
                    text: "支持。\n\u{1b}[31m建议两张卡".into(),
                    at: "2026-05-16T09:33:00+08:00".into(),
                }],
                vote: Some(VoteRecord {
                    opened_at: "2026-05-16T09:38:00+08:00".into(),
                    closed_at: Some("2026-05-16T09:45:00+08:00".into()),
                    ballots,
                    outcome: Some(outcome),
                }),
                actions: vec![ActionRecord {
                    what: "安装东门".into(),
                    who: "业委会".into(),
                    due: "2026-08-31".into(),
                }],
            }],
            addenda: vec![],
        }
    }

    #[test]
    fn render_is_deterministic_and_complete() {
        let rec = sample();
        let a = render(&rec, Lang::Zh);
        assert_eq!(a, render(&rec.clone(), Lang::Zh));
        for needle in [
            "望城小区",
            "业主大会",
            "黄小明",
            "李秀英",
            "议题 1：安装小区大门",
            "不在公布的议程内",
            "> 安装大门",
            "第 1 稿",
            "赵德华（09:33）：支持。",
            "受托人 周国平，委托书 WT-1",
            "同意 2 人",
            "反对 1 人",
            "未表决 1 人",
            "结果：未通过",
            "安装东门（负责 业委会；期限 2026-08-31）",
            "大门通过。",
        ] {
            assert!(a.contains(needle), "missing {needle}:\n{a}");
        }
        assert!(a.contains("同意 2/3 人 66.7% ≥ 3/4 ✗"), "{a}");
        assert!(a.contains("面积 "), "{a}");
        // Data cannot become Markdown structure or carry control characters.
        assert!(!a.contains("\n# 安装大门"));
        assert!(!a.contains('\u{1b}') && !a.contains('\u{202e}'));
        let en = render(&rec, Lang::En);
        assert!(en.contains("Item 1: 安装小区大门"));
        assert!(en.contains("Result: not carried"));
    }

    #[test]
    fn diff_names_the_changed_section() {
        let rec = sample();
        let signed = signed_body(&rec);
        let mut changed = rec.clone();
        if let Some(v) = changed.items[0].vote.as_mut() {
            v.ballots[2].choice = Some(Choice::Yes);
        }
        let (names, exp, got) = diff_sections(&sections(&changed, Lang::Zh), &signed);
        assert_eq!(
            names,
            vec![Section::Item {
                position: 1,
                title: "安装小区大门".into(),
                part: ItemPart::Vote
            }]
        );
        assert_ne!(exp, got);
        let mut changed = rec.clone();
        changed.items[0].remarks[0].text = "反对。".into();
        let (names, _, _) = diff_sections(&sections(&changed, Lang::Zh), &signed);
        assert!(matches!(
            names.as_slice(),
            [Section::Item {
                part: ItemPart::Remarks,
                ..
            }]
        ));
        let (names, _, _) = diff_sections(&sections(&rec, Lang::Zh), &signed);
        assert!(names.is_empty());
    }

    #[test]
    fn notice_masks_names_and_has_no_roll_call() {
        let rec = sample();
        let n = render_notice(&rec, &[], Lang::Zh);
        assert!(n.contains("黄*明"));
        assert!(!n.contains("黄小明"));
        assert!(!n.contains("业主1"));
        assert!(!n.contains("周国平"));
        assert!(n.contains("结果：未通过"));
    }

    #[test]
    fn html_is_escaped() {
        let html = to_html("# a<b>\n\n- x & y\n> <script>\u{7}\n", "t<", Lang::Zh);
        assert!(html.contains("<h1>a&lt;b&gt;</h1>"));
        assert!(html.contains("<li>x &amp; y</li>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains('\u{7}'));
        assert!(html.contains("@page { size: A4"));
    }

    #[test]
    fn txt_has_no_markdown_headings() {
        let t = to_txt(&render(&sample(), Lang::Zh));
        assert!(!t.lines().any(|l| l.starts_with('#')));
        assert!(t.contains("    安装大门"));
    }
}
