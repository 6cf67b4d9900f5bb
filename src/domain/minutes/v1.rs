//! Minutes format V1: the layout of the signed body, section by section. Frozen (see
//! `super`): a change here changes the bytes of every minutes signed as V1. The golden
//! test (tests/minutes_golden.rs) fails on one changed byte.

use super::v1_format::{
    colon, field, fmt_area, fmt_clock, fmt_cmp, fmt_frac, fmt_percent, fmt_time, indent_cont,
    paren, quote, semi, sep,
};
use super::v1_words as w;
use super::{ItemPart, Section};
use crate::domain::lang::Lang;
use crate::domain::model::{Choice, ItemStatus, PresenceKind, ScopeKind};
use crate::domain::record::{Ballot, ItemRecord, MeetingRecord};
use crate::domain::rules::{self, Basis, Check, CheckKind, Flag, Outcome};
use crate::domain::text::clean_line;

/// One check as printed, e.g. "同意 18/24 人 75.0% ≥ 3/4 ✓" or
/// "面积 1,520.40/2,010.00 m² 75.6% ≥ 3/4 ✓".
pub(super) fn fmt_check(l: Lang, c: &Check) -> String {
    let pct = fmt_percent(c.value, c.total);
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
pub(super) fn fmt_checks(l: Lang, checks: &[Check]) -> Vec<String> {
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
    let kind = w::scope_kind(l, it.scope.kind);
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

pub(super) fn result_word(l: Lang, o: &Outcome) -> &'static str {
    if o.passed {
        w::PASSED.get(l)
    } else {
        w::FAILED.get(l)
    }
}

fn header(rec: &MeetingRecord, l: Lang) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "# {} {}\n\n",
        clean_line(&rec.title),
        w::TITLE.get(l)
    ));
    field(&mut o, l, w::COMMUNITY.get(l), &clean_line(&rec.community));
    field(&mut o, l, w::KIND.get(l), w::meeting_kind(l, rec.kind));
    field(&mut o, l, w::WHEN.get(l), &clean_line(&rec.starts_at));
    field(&mut o, l, w::VENUE.get(l), &clean_line(&rec.venue));
    field(&mut o, l, w::HOST.get(l), &clean_line(&rec.host));
    field(&mut o, l, w::SECRETARY.get(l), &clean_line(&rec.secretary));
    if let Some(t) = &rec.opened_at {
        field(&mut o, l, w::OPENED.get(l), &fmt_time(t));
    }
    if let Some(t) = &rec.adjourned_at {
        field(&mut o, l, w::ADJOURNED.get(l), &fmt_time(t));
    }
    field(&mut o, l, w::UID.get(l), &clean_line(&rec.uid));
    o.push('\n');
    o
}

/// Attendance: the roll call at opening (each voter's first mark) and the changes during
/// the meeting with their times.
fn attendance(rec: &MeetingRecord, l: Lang) -> String {
    let mut o = format!("## {}\n\n", w::ATTENDANCE.get(l));
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
                        &w::proxy(l, &clean_line(&e.proxy_name), &clean_line(&e.proxy_ref))
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
                    &w::proxy(l, &clean_line(&e.proxy_name), &clean_line(&e.proxy_ref))
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

fn item_heading(it: &ItemRecord, l: Lang) -> String {
    let mut o = format!(
        "## {}\n\n",
        w::item_heading(l, it.position, &clean_line(&it.title))
    );
    if it.added_late {
        o.push_str(&format!("- {}\n", w::LATE.get(l)));
    }
    if it.status == ItemStatus::Withdrawn {
        o.push_str(&format!("- {}\n", w::WITHDRAWN.get(l)));
    }
    field(&mut o, l, w::CATEGORY.get(l), w::category(l, it.category));
    field(&mut o, l, w::PROPOSER.get(l), &clean_line(&it.proposer));
    field(&mut o, l, w::SCOPE.get(l), &fmt_scope(l, it));
    field(
        &mut o,
        l,
        w::RULE.get(l),
        w::rule_name(l, it.rule.kind.code()),
    );
    o.push('\n');
    o
}

fn item_proposal(it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::PROPOSAL.get(l));
    o.push_str(&quote(it.proposal()));
    o.push('\n');
    if it.revisions.len() > 1 {
        o.push_str(&format!("#### {}\n\n", w::REVISIONS.get(l)));
        for r in &it.revisions[..it.revisions.len() - 1] {
            o.push_str(&format!(
                "{}{}\n\n",
                w::revision(l, r.rev, &fmt_time(&r.at)),
                colon(l)
            ));
            o.push_str(&quote(&r.text));
            o.push('\n');
        }
    }
    o
}

fn item_remarks(it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::REMARKS.get(l));
    if it.remarks.is_empty() {
        o.push_str(&format!("{}\n\n", w::NO_REMARKS.get(l)));
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
        extra.push(w::proxy(
            l,
            &clean_line(&b.proxy_name),
            &clean_line(&b.proxy_ref),
        ));
    }
    if !b.present && b.proxy_name.is_empty() {
        extra.push(w::ABSENT.get(l).to_string());
    }
    let name = clean_line(&b.name);
    if extra.is_empty() {
        name
    } else {
        format!("{name}{}", paren(l, &extra.join(semi(l))))
    }
}

fn item_vote(it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::VOTE.get(l));
    let Some(v) = &it.vote else {
        o.push_str(&format!("{}\n\n", w::NO_VOTE.get(l)));
        return o;
    };
    let with_area = it.rule.kind.uses_area();
    let closed = v.closed_at.as_deref().map(fmt_time).unwrap_or_default();
    o.push_str(&format!(
        "- {}\n",
        w::vote_times(l, &fmt_time(&v.opened_at), &closed)
    ));
    let n = v.ballots.len() as i64;
    let area: i64 = v.ballots.iter().map(|b| b.area).sum();
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
    field(&mut o, l, w::VOTERS.get(l), &frozen);
    for choice in Choice::ALL {
        let group: Vec<&Ballot> = v
            .ballots
            .iter()
            .filter(|b| b.choice.unwrap_or(Choice::NotVoting) == choice)
            .collect();
        let count = group.len() as i64;
        let garea: i64 = group.iter().map(|b| b.area).sum();
        let mut head = format!("{} {}", w::choice(l, choice), w::persons(l, count));
        if with_area {
            head.push_str(&format!("{}{} m²", sep(l), fmt_area(garea)));
        }
        let names = if group.is_empty() {
            w::NONE.get(l).to_string()
        } else {
            group
                .iter()
                .map(|b| ballot_name(l, b, with_area))
                .collect::<Vec<_>>()
                .join(sep(l))
        };
        field(&mut o, l, &head, &names);
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
            field(&mut o, l, w::QUORUM.get(l), &lines.join(semi(l)));
        }
    }
    match &v.outcome {
        None => o.push_str(&format!("- {}\n", w::VOTE_OPEN.get(l))),
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
                field(&mut o, l, &format!("⚠ {}", w::SHAFT.get(l)), &name);
            }
            field(&mut o, l, w::RESULT.get(l), result_word(l, out));
        }
    }
    o.push('\n');
    o
}

fn item_actions(it: &ItemRecord, l: Lang) -> String {
    if it.actions.is_empty() {
        return String::new();
    }
    let mut o = format!("### {}\n\n", w::ACTIONS.get(l));
    for a in &it.actions {
        let mut line = format!("- {}", clean_line(&a.what));
        let mut extra = Vec::new();
        if !a.who.is_empty() {
            extra.push(format!("{} {}", w::WHO.get(l), clean_line(&a.who)));
        }
        if !a.due.is_empty() {
            extra.push(format!("{} {}", w::DUE.get(l), clean_line(&a.due)));
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
    let mut o = format!("## {}\n\n", w::SUMMARY.get(l));
    if rec.summary.trim().is_empty() {
        o.push_str(w::NO_SUMMARY.get(l));
        o.push('\n');
    } else {
        o.push_str(&quote(&rec.summary));
    }
    o
}

/// The V1 body in `lang`, section by section.
pub(super) fn sections(rec: &MeetingRecord, lang: Lang) -> Vec<(Section, String)> {
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
