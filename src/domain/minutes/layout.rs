//! The layout of the signed body, section by section, for every format. V1 is frozen
//! (see `crate::domain::minutes`): each V2 difference is a branch on the format (`f.v2()`), and the V1
//! path of every function must never change; the golden tests (tests/minutes_golden.rs)
//! fail on one changed byte of either format's fixtures.
//!
//! What V2 adds: data escaped for Markdown (a remark "## 签署" can never look like
//! structure), percentages beside thresholds that never contradict the verdict,
//! corrected answers with their times, recusals with the base the rule used, items not
//! taken up (未审议) apart from those decided without a vote (不表决), and the elevator
//! rule's shaft owners with each one's answer; and a written consultation's ballots
//! (served, returned, invalid with reasons, extensions) in place of the attendance, with
//! a short notice said (the words of that section are in `domain::minutes::written`,
//! frozen with V2).

use crate::domain::lang::Lang;
use crate::domain::minutes::v1_format::{
    colon, field, fmt_area, fmt_clock, fmt_cmp, fmt_frac, fmt_percent, fmt_time, indent_cont,
    paren, quote, semi, sep,
};
use crate::domain::minutes::v1_words as w;
use crate::domain::minutes::v2_words as w2;
use crate::domain::minutes::{ItemPart, MinutesFormat, Section};
use crate::domain::model::{Choice, ItemStatus, PresenceKind, ScopeKind};
use crate::domain::record::{Ballot, ItemRecord, MeetingRecord, RecusalBase};
use crate::domain::rules::{self, Basis, Check, CheckKind, Flag, Outcome};
use crate::domain::text::clean_line;

/// One line of data as the format writes it: cleaned, and in V2 escaped for Markdown.
fn d(f: MinutesFormat, s: &str) -> String {
    let c = clean_line(s);
    if f.v2() {
        crate::domain::text::md_escape::escape(&c)
    } else {
        c
    }
}

/// Multi-line data as a block quote (V2: escaped line by line).
fn dq(f: MinutesFormat, text: &str) -> String {
    if f.v2() {
        quote(&crate::domain::text::md_escape::escape(
            &crate::domain::text::clean_multiline(text),
        ))
    } else {
        quote(text)
    }
}

/// Multi-line data inside a list item (V2: escaped line by line).
fn dc(f: MinutesFormat, text: &str) -> String {
    if f.v2() {
        indent_cont(&crate::domain::text::md_escape::escape(
            &crate::domain::text::clean_multiline(text),
        ))
    } else {
        indent_cont(text)
    }
}

/// One check as printed, e.g. "同意 18/24 人 75.0% ≥ 3/4 ✓" or
/// "面积 1,520.40/2,010.00 m² 75.6% ≥ 3/4 ✓".
pub(super) fn fmt_check(f: MinutesFormat, l: Lang, c: &Check) -> String {
    let pct = if f.v2() {
        crate::domain::rules::figures::check_percent(c)
    } else {
        fmt_percent(c.value, c.total)
    };
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
pub(super) fn fmt_checks(f: MinutesFormat, l: Lang, checks: &[Check]) -> Vec<String> {
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

fn fmt_scope(f: MinutesFormat, l: Lang, it: &ItemRecord) -> String {
    let kind = w::scope_kind(l, it.scope.kind);
    match it.scope.kind {
        ScopeKind::All | ScopeKind::Council => kind.to_string(),
        ScopeKind::Building => format!("{kind}{}", paren(l, &d(f, &it.scope.building))),
        ScopeKind::Unit => format!(
            "{kind}{}",
            paren(
                l,
                &format!("{}{}", d(f, &it.scope.building), d(f, &it.scope.unit))
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

fn header(f: MinutesFormat, rec: &MeetingRecord, l: Lang) -> String {
    let mut o = String::new();
    o.push_str(&format!("# {} {}\n\n", d(f, &rec.title), w::TITLE.get(l)));
    field(&mut o, l, w::COMMUNITY.get(l), &d(f, &rec.community));
    field(&mut o, l, w::KIND.get(l), w::meeting_kind(l, rec.kind));
    field(&mut o, l, w::WHEN.get(l), &d(f, &rec.starts_at));
    field(&mut o, l, w::VENUE.get(l), &d(f, &rec.venue));
    field(&mut o, l, w::HOST.get(l), &d(f, &rec.host));
    field(&mut o, l, w::SECRETARY.get(l), &d(f, &rec.secretary));
    if let Some(t) = &rec.opened_at {
        field(&mut o, l, w::OPENED.get(l), &fmt_time(t));
    }
    if let Some(t) = &rec.adjourned_at {
        field(&mut o, l, w::ADJOURNED.get(l), &fmt_time(t));
    }
    field(&mut o, l, w::UID.get(l), &d(f, &rec.uid));
    o.push('\n');
    o
}

/// Attendance: the roll call at opening (each voter's first mark) and the changes during
/// the meeting with their times.
fn attendance(f: MinutesFormat, rec: &MeetingRecord, l: Lang) -> String {
    let mut o = format!("## {}\n\n", w::ATTENDANCE.get(l));
    let mut seen: Vec<i64> = Vec::new();
    let mut present: Vec<String> = Vec::new();
    let mut proxies: Vec<String> = Vec::new();
    let mut absent: Vec<String> = Vec::new();
    let mut changes: Vec<String> = Vec::new();
    for e in &rec.presence {
        let name = d(f, &e.name);
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
                    paren(l, &w::proxy(l, &d(f, &e.proxy_name), &d(f, &e.proxy_ref)))
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
                paren(l, &w::proxy(l, &d(f, &e.proxy_name), &d(f, &e.proxy_ref)))
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

fn item_heading(f: MinutesFormat, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!(
        "## {}\n\n",
        w::item_heading(l, it.position, &d(f, &it.title))
    );
    if it.added_late {
        o.push_str(&format!("- {}\n", w::LATE.get(l)));
    }
    if it.status == ItemStatus::Withdrawn {
        o.push_str(&format!("- {}\n", w::WITHDRAWN.get(l)));
    }
    if f.v2() && it.not_taken_up() {
        o.push_str(&format!("- {}\n", w2::NOT_TAKEN_UP_LINE.get(l)));
    }
    field(&mut o, l, w::CATEGORY.get(l), w::category(l, it.category));
    field(&mut o, l, w::PROPOSER.get(l), &d(f, &it.proposer));
    field(&mut o, l, w::SCOPE.get(l), &fmt_scope(f, l, it));
    field(
        &mut o,
        l,
        w::RULE.get(l),
        w::rule_name(l, it.rule.kind.code()),
    );
    if f.v3() {
        crate::domain::minutes::v3_words::source_field(&mut o, l, it);
    }
    o.push('\n');
    o
}

fn item_proposal(f: MinutesFormat, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::PROPOSAL.get(l));
    o.push_str(&dq(f, it.proposal()));
    o.push('\n');
    if it.revisions.len() > 1 {
        o.push_str(&format!("#### {}\n\n", w::REVISIONS.get(l)));
        for r in &it.revisions[..it.revisions.len() - 1] {
            o.push_str(&format!(
                "{}{}\n\n",
                w::revision(l, r.rev, &fmt_time(&r.at)),
                colon(l)
            ));
            o.push_str(&dq(f, &r.text));
            o.push('\n');
        }
    }
    if f.v3() {
        o.push_str(&crate::domain::minutes::v3_words::cost_part(l, it, false));
    }
    o
}

fn item_remarks(f: MinutesFormat, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::REMARKS.get(l));
    if it.remarks.is_empty() {
        o.push_str(&format!("{}\n\n", w::NO_REMARKS.get(l)));
        return o;
    }
    for (i, r) in it.remarks.iter().enumerate() {
        o.push_str(&format!(
            "{}. {}{}{}{}\n",
            i + 1,
            d(f, &r.speaker),
            paren(l, &fmt_clock(&r.at)),
            colon(l),
            dc(f, &r.text)
        ));
    }
    o.push('\n');
    o
}

fn ballot_name(f: MinutesFormat, l: Lang, b: &Ballot, with_area: bool) -> String {
    let mut extra: Vec<String> = Vec::new();
    if with_area {
        extra.push(format!("{} m²", fmt_area(b.area)));
    }
    if !b.proxy_name.is_empty() {
        extra.push(w::proxy(l, &d(f, &b.proxy_name), &d(f, &b.proxy_ref)));
    }
    if !b.present && b.proxy_name.is_empty() {
        extra.push(w::ABSENT.get(l).to_string());
    }
    let name = d(f, &b.name);
    if extra.is_empty() {
        name
    } else {
        format!("{name}{}", paren(l, &extra.join(semi(l))))
    }
}

fn item_vote(f: MinutesFormat, rec: &MeetingRecord, it: &ItemRecord, l: Lang) -> String {
    let mut o = format!("### {}\n\n", w::VOTE.get(l));
    let Some(v) = &it.vote else {
        let word = if f.v2() && it.not_taken_up() {
            w2::NOT_TAKEN_UP.get(l)
        } else {
            w::NO_VOTE.get(l)
        };
        o.push_str(&format!("{word}\n\n"));
        return o;
    };
    let with_area = it.rule.kind.uses_area();
    let closed = v.closed_at.as_deref().map(fmt_time).unwrap_or_default();
    o.push_str(&format!(
        "- {}\n",
        w::vote_times(l, &fmt_time(&v.opened_at), &closed)
    ));
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
    field(&mut o, l, w::VOTERS.get(l), &frozen);
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
        field(&mut o, l, &head, &names);
    }
    if f.v2() {
        v2_corrections(&mut o, it, l);
        v2_recusals(&mut o, rec, it, l);
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
        let lines = fmt_checks(f, l, &quorum);
        if !lines.is_empty() {
            field(&mut o, l, w::QUORUM.get(l), &lines.join(semi(l)));
        }
    }
    match &v.outcome {
        None => o.push_str(&format!("- {}\n", w::VOTE_OPEN.get(l))),
        Some(out) => {
            for line in fmt_checks(f, l, &out.checks) {
                o.push_str(&format!("- {line}\n"));
            }
            if f.v2() {
                shaft_line(&mut o, it, l, false);
            }
            for flag in out.flags.iter().filter(|_| !f.v2()) {
                let Flag::ShaftOwnerNotAgreed(id) = flag;
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

fn item_actions(f: MinutesFormat, it: &ItemRecord, l: Lang) -> String {
    if it.actions.is_empty() {
        return String::new();
    }
    let mut o = format!("### {}\n\n", w::ACTIONS.get(l));
    for a in &it.actions {
        let mut line = format!("- {}", d(f, &a.what));
        let mut extra = Vec::new();
        if !a.who.is_empty() {
            extra.push(format!("{} {}", w::WHO.get(l), d(f, &a.who)));
        }
        if !a.due.is_empty() {
            extra.push(format!("{} {}", w::DUE.get(l), d(f, &a.due)));
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

fn summary(f: MinutesFormat, rec: &MeetingRecord, l: Lang) -> String {
    let mut o = format!("## {}\n\n", w::SUMMARY.get(l));
    if rec.summary.trim().is_empty() {
        o.push_str(w::NO_SUMMARY.get(l));
        o.push('\n');
    } else {
        o.push_str(&dq(f, &rec.summary));
    }
    o
}

/// The body in `lang` and format `f`, section by section.
pub(super) fn sections(
    f: MinutesFormat,
    rec: &MeetingRecord,
    lang: Lang,
) -> Vec<(Section, String)> {
    // V2: a written consultation's ballots stand where a room meeting's attendance does;
    // a room meeting opened on short notice says so before its attendance.
    let presence = if !f.v2() {
        attendance(f, rec, lang)
    } else if rec.form.written.is_some() {
        crate::domain::minutes::written::written_section(rec, lang)
    } else {
        crate::domain::minutes::written::written_section(rec, lang) + &attendance(f, rec, lang)
    };
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

/// V2: every answer changed on purpose, "王伟：同意 → 反对，10:32 更正".
fn v2_corrections(o: &mut String, it: &ItemRecord, l: Lang) {
    let list = it.corrections();
    if list.is_empty() {
        return;
    }
    let f = MinutesFormat::V2;
    let lines: Vec<String> = list
        .iter()
        .map(|(name, c)| {
            w2::correction(
                l,
                &d(f, name),
                w::choice(l, c.from),
                w::choice(l, c.to),
                &fmt_clock(&c.at),
            )
        })
        .collect();
    field(o, l, w2::CORRECTIONS.get(l), &lines.join(semi(l)));
}

/// V2: who recused from a council's item, and which base the rule used.
fn v2_recusals(o: &mut String, rec: &MeetingRecord, it: &ItemRecord, l: Lang) {
    let Some(base) = it.recusal_base(&rec.presence) else {
        return;
    };
    let f = MinutesFormat::V2;
    let names: Vec<String> = it
        .recusals(&rec.presence)
        .iter()
        .map(|e| d(f, &e.name))
        .collect();
    let base = match base {
        RecusalBase::AllMembers => w2::BASE_ALL.get(l),
        RecusalBase::WithoutRecused => w2::BASE_WITHOUT.get(l),
    };
    field(
        o,
        l,
        w2::RECUSED.get(l),
        &format!("{}{}", names.join(sep(l)), paren(l, base)),
    );
}

/// V2: the elevator rule's shaft owners, each with their answer, and whether the
/// condition is met.
/// `masked`: names as the public notice prints them.
pub(super) fn shaft_line(o: &mut String, it: &ItemRecord, l: Lang, masked: bool) {
    let Some(sc) = it.shaft_condition() else {
        return;
    };
    let f = MinutesFormat::V2;
    let owners: Vec<String> = sc
        .owners
        .iter()
        .map(|so| {
            let answer = so
                .choice
                .map(|c| w::choice(l, c))
                .unwrap_or(w2::NO_ANSWER.get(l));
            let mark = if so.choice == Some(Choice::Yes) {
                "✓"
            } else {
                "✗"
            };
            let name = if masked {
                crate::domain::text::md_escape::escape(&crate::domain::text::names::mask_name(
                    &so.name,
                ))
            } else {
                d(f, &so.name)
            };
            format!("{name} {answer} {mark}")
        })
        .collect();
    let verdict = if sc.met {
        w2::SHAFT_MET.get(l)
    } else {
        w2::SHAFT_NOT_MET.get(l)
    };
    field(
        o,
        l,
        w2::SHAFT_OWNERS.get(l),
        &format!("{}{}{verdict}", owners.join(sep(l)), semi(l)),
    );
}
