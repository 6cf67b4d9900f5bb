//! The layout of the signed body, section by section, common to every format version.
//! Where versions differ, it calls through the version's [`Words`] (`v1_words`,
//! `v2_words`, `v3_words`) and never asks which version it is writing. A released
//! version's output must never change: the golden tests (tests/minutes/golden*.rs) fail
//! on one changed byte of any version's fixtures.

use crate::domain::lang::Lang;
use crate::domain::minutes::frozen::text::clean_line;
use crate::domain::minutes::v1_format::{
    colon, field, fmt_area, fmt_clock, fmt_cmp, fmt_frac, fmt_time, paren, semi, sep,
};
use crate::domain::minutes::v1_words as w;
use crate::domain::minutes::words::Words;
use crate::domain::minutes::{ItemPart, Section};
use crate::domain::model::{Choice, ItemStatus, PresenceKind, ScopeKind};
use crate::domain::record::{Ballot, ItemRecord, MeetingRecord, VoteRecord};
use crate::domain::rules::{self, Basis, Check, CheckKind, Outcome};

/// One check as printed, e.g. "同意 18/24 人 75.0% ≥ 3/4 ✓" or
/// "面积 1,520.40/2,010.00 m² 75.6% ≥ 3/4 ✓".
pub(super) fn fmt_check(f: &dyn Words, l: Lang, c: &Check) -> String {
    let pct = f.percent(c);
    let mark = if c.met { "✓" } else { "✗" };
    let rest = format!("{pct} {} {} {mark}", fmt_cmp(c.cmp), fmt_frac(c.threshold));
    match c.basis {
        Basis::Headcount => {
            let label = match c.kind {
                CheckKind::Participation => w::PARTICIPATION.get(l),
                CheckKind::Approval => w::APPROVAL.get(l),
                CheckKind::Legacy => w::LEGACY.get(l),
            };
            w::headcount_check(l, label, c.value, c.total, &rest)
        }
        Basis::Area => format!(
            "{} {}/{} m² {rest}",
            w::AREA.get(l),
            fmt_area(c.value),
            fmt_area(c.total)
        ),
    }
}

/// The checks of an outcome, one line per kind (participation, approval, legacy), the
/// headcount and area figures of a kind joined with "；".
pub(super) fn fmt_checks(f: &dyn Words, l: Lang, checks: &[Check]) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in [
        CheckKind::Participation,
        CheckKind::Approval,
        CheckKind::Legacy,
    ] {
        let parts: Vec<String> = checks
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| fmt_check(f, l, c))
            .collect();
        if !parts.is_empty() {
            lines.push(parts.join(semi(l)));
        }
    }
    lines
}

fn fmt_scope(f: &dyn Words, l: Lang, it: &ItemRecord) -> String {
    let kind = w::scope_kind(l, it.scope.kind);
    match it.scope.kind {
        ScopeKind::All | ScopeKind::Council => kind.to_string(),
        ScopeKind::Building => format!("{kind}{}", paren(l, &f.data(&it.scope.building))),
        ScopeKind::Unit => format!(
            "{kind}{}",
            paren(
                l,
                &format!("{}{}", f.data(&it.scope.building), f.data(&it.scope.unit))
            )
        ),
    }
}

pub(super) fn result_word(l: Lang, o: &Outcome) -> &'static str {
    if o.passed {
        w::PASSED.get(l)
    } else {
        w::FAILED.get(l)
    }
}

fn header(f: &dyn Words, rec: &MeetingRecord, l: Lang) -> String {
    let mut o = String::new();
    o.push_str(&format!("# {} {}\n\n", f.data(&rec.title), w::TITLE.get(l)));
    field(&mut o, l, w::COMMUNITY.get(l), &f.data(&rec.community));
    field(&mut o, l, w::KIND.get(l), w::meeting_kind(l, rec.kind));
    field(&mut o, l, w::WHEN.get(l), &f.data(&rec.starts_at));
    field(&mut o, l, w::VENUE.get(l), &f.data(&rec.venue));
    field(&mut o, l, w::HOST.get(l), &f.data(&rec.host));
    field(&mut o, l, w::SECRETARY.get(l), &f.data(&rec.secretary));
    if let Some(t) = &rec.opened_at {
        field(&mut o, l, w::OPENED.get(l), &fmt_time(t));
    }
    if let Some(t) = &rec.adjourned_at {
        field(&mut o, l, w::ADJOURNED.get(l), &fmt_time(t));
    }
    field(&mut o, l, w::UID.get(l), &f.data(&rec.uid));
    o.push('\n');
    o
}

/// Attendance: the roll call at opening (each voter's first mark) and the changes during
/// the meeting with their times.
fn attendance(f: &dyn Words, rec: &MeetingRecord, l: Lang) -> String {
    let mut o = format!("## {}\n\n", w::ATTENDANCE.get(l));
    let mut seen: Vec<i64> = Vec::new();
    let mut present: Vec<String> = Vec::new();
    let mut proxies: Vec<String> = Vec::new();
    let mut absent: Vec<String> = Vec::new();
    let mut changes: Vec<String> = Vec::new();
    for e in &rec.presence {
        let name = f.data(&e.name);
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
                        &w::proxy(l, &f.data(&e.proxy_name), &f.data(&e.proxy_ref))
                    )
                )),
            }
            continue;
        }
        if !seen.contains(&e.voter_id) {
            seen.push(e.voter_id);
        }
        let what = match (e.kind, e.item_position) {
            (PresenceKind::Recuse, Some(p)) => w::recused_for(l, p),
            (PresenceKind::Proxy, _) => format!(
                "{}{}",
                w::presence_kind(l, e.kind),
                paren(
                    l,
                    &w::proxy(l, &f.data(&e.proxy_name), &f.data(&e.proxy_ref))
                )
            ),
            (k, _) => w::presence_kind(l, k).to_string(),
        };
        changes.push(format!("  - {} {name} {what}\n", fmt_clock(&e.at)));
    }
    let total = (present.len() + proxies.len() + absent.len()) as i64;
    o.push_str(&format!(
        "- {}\n",
        w::attendance_totals(
            l,
            total,
            (present.len() + proxies.len()) as i64,
            proxies.len() as i64,
            absent.len() as i64
        )
    ));
    let none = w::NONE.get(l);
    let list = |v: &[String]| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.join(sep(l))
        }
    };
    field(&mut o, l, w::PRESENT.get(l), &list(&present));
    field(&mut o, l, w::BY_PROXY.get(l), &list(&proxies));
    field(&mut o, l, w::ABSENT.get(l), &list(&absent));
    if changes.is_empty() {
        field(&mut o, l, w::CHANGES.get(l), none);
    } else {
        field(&mut o, l, w::CHANGES.get(l), "");
        for ch in changes {
            o.push_str(&ch);
        }
    }
    o.push('\n');
    o
}

fn item_heading(f: &dyn Words, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!(
        "## {}\n\n",
        w::item_heading(l, it.position, &f.data(&it.title))
    );
    if it.added_late {
        o.push_str(&format!("- {}\n", w::LATE.get(l)));
    }
    if it.status == ItemStatus::Withdrawn {
        o.push_str(&format!("- {}\n", w::WITHDRAWN.get(l)));
    }
    f.heading_notes(&mut o, it, l);
    field(&mut o, l, w::CATEGORY.get(l), w::category(l, it.category));
    field(&mut o, l, w::PROPOSER.get(l), &f.data(&it.proposer));
    field(&mut o, l, w::SCOPE.get(l), &fmt_scope(f, l, it));
    field(
        &mut o,
        l,
        w::RULE.get(l),
        w::rule_name(l, it.rule.kind.rule_code()),
    );
    f.heading_fields(&mut o, it, l);
    o.push('\n');
    o
}

fn item_proposal(f: &dyn Words, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::PROPOSAL.get(l));
    o.push_str(&f.block(it.proposal()));
    o.push('\n');
    if it.revisions.len() > 1 {
        o.push_str(&format!("#### {}\n\n", w::REVISIONS.get(l)));
        for r in &it.revisions[..it.revisions.len() - 1] {
            o.push_str(&format!(
                "{}{}\n\n",
                w::revision(l, r.rev, &fmt_time(&r.at)),
                colon(l)
            ));
            o.push_str(&f.block(&r.text));
            o.push('\n');
        }
    }
    o.push_str(&f.after_proposal(it, l, false));
    o
}

fn item_remarks(f: &dyn Words, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::REMARKS.get(l));
    if it.remarks.is_empty() {
        o.push_str(&format!("{}\n\n", w::NO_REMARKS.get(l)));
        return o;
    }
    for (i, r) in it.remarks.iter().enumerate() {
        o.push_str(&format!(
            "{}. {}{}{}{}\n",
            i + 1,
            f.data(&r.speaker),
            paren(l, &fmt_clock(&r.at)),
            colon(l),
            f.continued(&r.text)
        ));
    }
    o.push('\n');
    o
}

fn ballot_name(f: &dyn Words, l: Lang, b: &Ballot, with_area: bool) -> String {
    let mut extra: Vec<String> = Vec::new();
    if with_area {
        extra.push(format!("{} m²", fmt_area(b.area)));
    }
    if !b.proxy_name.is_empty() {
        extra.push(w::proxy(l, &f.data(&b.proxy_name), &f.data(&b.proxy_ref)));
    }
    if !b.present && b.proxy_name.is_empty() {
        extra.push(w::ABSENT.get(l).to_string());
    }
    let name = f.data(&b.name);
    if extra.is_empty() {
        name
    } else {
        format!("{name}{}", paren(l, &extra.join(semi(l))))
    }
}

fn item_vote(f: &dyn Words, rec: &MeetingRecord, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::VOTE.get(l));
    let Some(v) = &it.vote else {
        o.push_str(&format!("{}\n\n", f.no_vote(it, l)));
        return o;
    };
    let with_area = it.rule.kind.uses_area();
    let closed = v.closed_at.as_deref().map(fmt_time).unwrap_or_default();
    o.push_str(&format!(
        "- {}\n",
        w::vote_times(l, &fmt_time(&v.opened_at), &closed)
    ));
    vote_list(&mut o, v, with_area, l);
    answers_by_choice(f, &mut o, v, with_area, l);
    f.after_answers(&mut o, rec, it, l);
    vote_figures(f, &mut o, it, v, l);
    o.push('\n');
    o
}

/// Who could vote, frozen when the vote started: how many, their area, how many present.
fn vote_list(o: &mut String, v: &VoteRecord, with_area: bool, l: Lang) {
    let n = v.ballots.len() as i64;
    // Saturating: a forged file's areas must not overflow; it fails to verify instead.
    let area = v
        .ballots
        .iter()
        .map(|b| b.area)
        .fold(0, i64::saturating_add);
    let present = v.ballots.iter().filter(|b| b.present).count() as i64;
    let mut frozen = w::persons(l, n);
    if with_area {
        frozen.push_str(&format!("{}{} m²", sep(l), fmt_area(area)));
    }
    frozen.push_str(&format!(
        "{}{} {}",
        sep(l),
        w::PRESENT.get(l),
        w::persons(l, present)
    ));
    field(o, l, w::VOTERS.get(l), &frozen);
}

/// The roll call by answer: each choice with its count (and area) and the names.
fn answers_by_choice(f: &dyn Words, o: &mut String, v: &VoteRecord, with_area: bool, l: Lang) {
    for choice in Choice::ALL {
        let group: Vec<&Ballot> = v
            .ballots
            .iter()
            .filter(|b| b.choice.unwrap_or(Choice::NotVoting) == choice)
            .collect();
        let count = group.len() as i64;
        let garea = group.iter().map(|b| b.area).fold(0, i64::saturating_add);
        let mut head = format!("{} {}", w::choice(l, choice), w::persons(l, count));
        if with_area {
            head.push_str(&format!("{}{} m²", sep(l), fmt_area(garea)));
        }
        let names = if group.is_empty() {
            w::NONE.get(l).to_string()
        } else {
            group
                .iter()
                .map(|b| ballot_name(f, l, b, with_area))
                .collect::<Vec<_>>()
                .join(sep(l))
        };
        field(o, l, &head, &names);
    }
}

/// The quorum when the vote opened, the outcome's figures and the result (or that the
/// vote is still open).
fn vote_figures(f: &dyn Words, o: &mut String, it: &ItemRecord, v: &VoteRecord, l: Lang) {
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
        let lines = fmt_checks(f, l, &quorum);
        if !lines.is_empty() {
            field(o, l, w::QUORUM.get(l), &lines.join(semi(l)));
        }
    }
    match &v.outcome {
        None => o.push_str(&format!("- {}\n", w::VOTE_OPEN.get(l))),
        Some(out) => {
            for line in fmt_checks(f, l, &out.checks) {
                o.push_str(&format!("- {line}\n"));
            }
            f.shaft(o, it, v, out, l, false);
            field(o, l, w::RESULT.get(l), result_word(l, out));
        }
    }
}

fn item_actions(f: &dyn Words, it: &ItemRecord, l: Lang) -> String {
    if it.actions.is_empty() {
        return String::new();
    }
    let mut o = format!("### {}\n\n", w::ACTIONS.get(l));
    for a in &it.actions {
        let mut line = format!("- {}", f.data(&a.what));
        let mut extra = Vec::new();
        if !a.who.is_empty() {
            extra.push(format!("{} {}", w::WHO.get(l), f.data(&a.who)));
        }
        if !a.due.is_empty() {
            extra.push(format!("{} {}", w::DUE.get(l), f.data(&a.due)));
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

fn summary(f: &dyn Words, rec: &MeetingRecord, l: Lang) -> String {
    let mut o = format!("## {}\n\n", w::SUMMARY.get(l));
    if rec.summary.trim().is_empty() {
        o.push_str(w::NO_SUMMARY.get(l));
        o.push('\n');
    } else {
        o.push_str(&f.block(&rec.summary));
    }
    o
}

/// The body in `lang` and format `f`, section by section.
pub(super) fn sections(f: &dyn Words, rec: &MeetingRecord, lang: Lang) -> Vec<(Section, String)> {
    let presence = f.presence(rec, lang, &|| attendance(f, rec, lang));
    let mut out = vec![
        (Section::Header, header(f, rec, lang)),
        (Section::Attendance, presence),
    ];
    for it in &rec.items {
        let sec = |part| Section::Item {
            position: it.position,
            title: clean_line(&it.title),
            part,
        };
        out.push((sec(ItemPart::Heading), item_heading(f, it, lang)));
        out.push((sec(ItemPart::Proposal), item_proposal(f, it, lang)));
        out.push((sec(ItemPart::Remarks), item_remarks(f, it, lang)));
        out.push((sec(ItemPart::Vote), item_vote(f, rec, it, lang)));
        out.push((sec(ItemPart::Actions), item_actions(f, it, lang)));
    }
    out.push((Section::Summary, summary(f, rec, lang)));
    out
}
