//! Minutes format V2: its data style (escaped for Markdown) and the words and parts it
//! adds to V1's (V2 uses every V1 word as it is). Frozen once released, like V1's: a new
//! wording is a new format version.

use crate::domain::lang::Lang;
use crate::domain::minutes::frozen::numbers::check_percent;
use crate::domain::minutes::frozen::text::{clean_line, clean_multiline, escape, mask_name};
use crate::domain::minutes::v1_format::{field, fmt_clock, indent_cont, paren, quote, semi, sep};
use crate::domain::minutes::v1_words::{NO_VOTE, choice};
use crate::domain::minutes::words::{W, Words};
use crate::domain::minutes::written::written_section;
use crate::domain::model::Choice;
use crate::domain::record::{ItemRecord, MeetingRecord, RecusalBase, VoteRecord};
use crate::domain::rules::{Check, Outcome};

/// Format V2's data style and parts: data escaped for Markdown, percentages that agree
/// with the verdict, a written consultation's ballots, items not taken up, corrected
/// answers, recusals and the shaft owners' answers.
pub(super) struct V2Words;

impl Words for V2Words {
    fn data(&self, s: &str) -> String {
        d(s)
    }

    fn block(&self, text: &str) -> String {
        quote(&escape(&clean_multiline(text)))
    }

    fn continued(&self, text: &str) -> String {
        indent_cont(&escape(&clean_multiline(text)))
    }

    fn escaped(&self) -> bool {
        true
    }

    fn percent(&self, c: &Check) -> String {
        check_percent(c)
    }

    /// A written consultation's ballots stand where a room meeting's attendance does; a
    /// room meeting opened on short notice says so before its attendance.
    fn presence(&self, rec: &MeetingRecord, l: Lang, attendance: &dyn Fn() -> String) -> String {
        if rec.form.written.is_some() {
            written_section(rec, l)
        } else {
            written_section(rec, l) + &attendance()
        }
    }

    fn heading_notes(&self, o: &mut String, it: &ItemRecord, l: Lang) {
        if it.not_taken_up() {
            o.push_str(&format!("- {}\n", NOT_TAKEN_UP_LINE.get(l)));
        }
    }

    fn heading_fields(&self, _: &mut String, _: &ItemRecord, _: Lang) {}

    fn after_proposal(&self, _: &ItemRecord, _: Lang, _: bool) -> String {
        String::new()
    }

    fn no_vote(&self, it: &ItemRecord, l: Lang) -> &'static str {
        if it.not_taken_up() {
            NOT_TAKEN_UP.get(l)
        } else {
            NO_VOTE.get(l)
        }
    }

    fn after_answers(&self, o: &mut String, rec: &MeetingRecord, it: &ItemRecord, l: Lang) {
        corrections(o, it, l);
        recusals(o, rec, it, l);
    }

    fn shaft(
        &self,
        o: &mut String,
        it: &ItemRecord,
        _: &VoteRecord,
        _: &Outcome,
        l: Lang,
        masked: bool,
    ) {
        shaft_line(o, it, l, masked);
    }
}

/// One line of data: cleaned and escaped for Markdown.
fn d(s: &str) -> String {
    escape(&clean_line(s))
}

/// Under an item's heading when the meeting adjourned before it was taken up.
const NOT_TAKEN_UP_LINE: W = W(
    "本议题未审议：会议在审议前休会。",
    "This item was not taken up: the meeting adjourned before it.",
);
/// In the vote part of such an item (不表决 is for an item decided without a vote).
const NOT_TAKEN_UP: W = W("本议题未审议。", "This item was not taken up.");
const CORRECTIONS: W = W("更正", "Corrected answers");
const RECUSED: W = W("回避", "Recused");
const BASE_ALL: W = W(
    "回避者仍计入全体成员基数",
    "recused members stay in the base of all members",
);
const BASE_WITHOUT: W = W(
    "按规则设定，回避者不计入基数",
    "by the rule's setting, recused members leave the base",
);
const SHAFT_OWNERS: W = W("井道占用业主", "Owners whose units the shaft occupies");
const NO_ANSWER: W = W("未表态", "no answer");
const SHAFT_MET: W = W("均同意，条件满足", "all agree: condition met");
const SHAFT_NOT_MET: W = W(
    "须全部同意，条件未满足",
    "all must agree: condition not met",
);

/// One corrected answer: "王伟：同意 → 反对，10:32 更正".
fn correction(l: Lang, name: &str, from: &str, to: &str, clock: &str) -> String {
    match l {
        Lang::Zh => format!("{name}：{from} → {to}，{clock} 更正"),
        Lang::En => format!("{name}: {from} → {to}, corrected at {clock}"),
    }
}

/// Every answer changed on purpose, "王伟：同意 → 反对，10:32 更正".
fn corrections(o: &mut String, it: &ItemRecord, l: Lang) {
    let list = it.corrections();
    if list.is_empty() {
        return;
    }
    let lines: Vec<String> = list
        .iter()
        .map(|(name, c)| {
            correction(
                l,
                &d(name),
                choice(l, c.from),
                choice(l, c.to),
                &fmt_clock(&c.at),
            )
        })
        .collect();
    field(o, l, CORRECTIONS.get(l), &lines.join(semi(l)));
}

/// Who recused from a council's item, and which base the rule used.
fn recusals(o: &mut String, rec: &MeetingRecord, it: &ItemRecord, l: Lang) {
    let Some(base) = it.recusal_base(&rec.presence) else {
        return;
    };
    let names: Vec<String> = it
        .recusals(&rec.presence)
        .iter()
        .map(|e| d(&e.name))
        .collect();
    let base = match base {
        RecusalBase::AllMembers => BASE_ALL.get(l),
        RecusalBase::WithoutRecused => BASE_WITHOUT.get(l),
    };
    field(
        o,
        l,
        RECUSED.get(l),
        &format!("{}{}", names.join(sep(l)), paren(l, base)),
    );
}

/// The elevator rule's shaft owners, each with their answer, and whether the
/// condition is met.
/// `masked`: names as the public notice prints them.
fn shaft_line(o: &mut String, it: &ItemRecord, l: Lang, masked: bool) {
    let Some(sc) = it.shaft_condition() else {
        return;
    };
    let owners: Vec<String> = sc
        .owners
        .iter()
        .map(|so| {
            let answer = so.choice.map(|c| choice(l, c)).unwrap_or(NO_ANSWER.get(l));
            let mark = if so.choice == Some(Choice::Yes) {
                "✓"
            } else {
                "✗"
            };
            let name = if masked {
                escape(&mask_name(&so.name))
            } else {
                d(&so.name)
            };
            format!("{name} {answer} {mark}")
        })
        .collect();
    let verdict = if sc.met {
        SHAFT_MET.get(l)
    } else {
        SHAFT_NOT_MET.get(l)
    };
    field(
        o,
        l,
        SHAFT_OWNERS.get(l),
        &format!("{}{}{verdict}", owners.join(sep(l)), semi(l)),
    );
}
