//! What is shown and exported around the signed body, never part of it: the addenda
//! and the signature block ([`render_document`]), the public notice ([`render_notice`],
//! [`notice`]) and the bytes an addendum's signature covers ([`addendum_bytes`]). The
//! notice reuses the current format's words for what it shares with the minutes.

use crate::domain::lang::Lang;
use crate::domain::minutes::MinutesFormat;
use crate::domain::minutes::frozen::text::{clean_line, escape, mask_name};
use crate::domain::minutes::layout::{fmt_checks, result_word};
use crate::domain::minutes::v1_format::{field, fmt_area, fmt_time, paren, semi};
use crate::domain::minutes::v1_words as w;
use crate::domain::minutes::words::{W, Words};
use crate::domain::model::{Choice, SignatureRole};
use crate::domain::record::{AddendumRecord, ItemRecord, MeetingRecord, VoteRecord};
use crate::domain::rules::{self, Outcome};

// Words outside the signed body (display only: these may be reworded freely).
const ADDENDA: W = W("补充更正", "Addenda");
const ADDENDUM: W = W("补充更正", "Addendum");
const SIGNATURES: W = W("签署", "Signatures");
const UNSIGNED: W = W("（尚未签署）", "(not signed yet)");
const SIGNED_HASH: W = W("会议记录 SHA-256", "Minutes SHA-256");
const NOTICE: W = W("公示", "Public notice");
const NOTICE_NOTE: W = W(
    "本公示仅列表决结果与合计，姓名已隐去部分文字；完整会议记录可向业主委员会查阅。",
    "This notice shows results and totals only, with names partly hidden; the full minutes may be inspected at the owners' committee.",
);

fn signature_line(l: Lang, role: &str, name: &str, at: &str, fingerprint: &str) -> String {
    match l {
        Lang::Zh => format!("{role}：{name}，签署于 {at}，密钥指纹 {fingerprint}"),
        Lang::En => format!("{role}: {name}, signed {at}, key fingerprint {fingerprint}"),
    }
}

fn sign_role(l: Lang, role: &str) -> &'static str {
    match SignatureRole::from_db(role) {
        Some(SignatureRole::Host) => W("主持人", "Host").get(l),
        Some(SignatureRole::Secretary) => W("记录人", "Secretary").get(l),
        Some(SignatureRole::Addendum) => W("补充更正签署人", "Addendum signed by").get(l),
        Some(SignatureRole::Member) | None => W("与会成员", "Member").get(l),
    }
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
    /// The key's short fingerprint as the signing code writes it ("?" for a key that
    /// is not 32 bytes of hex).
    pub fingerprint: String,
    /// `None` for the minutes, the addendum's id otherwise.
    pub addendum_id: Option<i64>,
}

/// The complete minutes for display and export: the signed body (`body`: the stored,
/// signed text, or a fresh rendering while unsigned), then the addenda with their
/// signatures, then the signature block. Labels outside the body are in `lang`.
///
/// `format` is the body's: in V2 the data around it (signers' names, addenda) is escaped
/// for Markdown too, so the whole document reads back the same way.
pub fn render_document(
    rec: &MeetingRecord,
    body: &str,
    sigs: &[SignatureLine],
    minutes_sha256: Option<&str>,
    lang: Lang,
    format: MinutesFormat,
) -> String {
    let l = lang;
    let words = format.words();
    let data = |t: &str| words.data(t);
    let mut o = body.to_string();
    if !o.ends_with('\n') {
        o.push('\n');
    }
    let sig_line = |sg: &SignatureLine| {
        format!(
            "- {}\n",
            signature_line(
                l,
                sign_role(l, &sg.role),
                &data(&sg.signer_name),
                &fmt_time(&sg.signed_at),
                &sg.fingerprint
            )
        )
    };
    if !rec.addenda.is_empty() {
        o.push_str(&format!("\n## {}\n\n", ADDENDA.get(l)));
        for (i, a) in rec.addenda.iter().enumerate() {
            o.push_str(&format!(
                "### {} {}{}\n\n",
                ADDENDUM.get(l),
                i + 1,
                paren(l, &fmt_time(&a.at))
            ));
            o.push_str(&words.block(&a.text));
            o.push('\n');
            for sg in sigs.iter().filter(|sg| sg.addendum_id == Some(a.id)) {
                o.push_str(&sig_line(sg));
            }
            o.push('\n');
        }
    }
    o.push_str(&format!("\n## {}\n\n", SIGNATURES.get(l)));
    let mine: Vec<&SignatureLine> = sigs.iter().filter(|sg| sg.addendum_id.is_none()).collect();
    if mine.is_empty() {
        o.push_str(UNSIGNED.get(l));
        o.push('\n');
    }
    for sg in mine {
        o.push_str(&sig_line(sg));
    }
    if let Some(h) = minutes_sha256 {
        field(&mut o, l, SIGNED_HASH.get(l), h);
    }
    o
}

/// The public notice (公示): results and totals only, every name masked
/// ([`mask_name`]), no roll call, no remarks, never a phone number (the record has none).
/// Rendered afresh for every export (never signed), in the current format: its data is
/// escaped for Markdown, so a converter unescapes it (`to_html(.., true)`).
pub fn render_notice(rec: &MeetingRecord, sigs: &[SignatureLine], lang: Lang) -> String {
    let l = lang;
    let cur = MinutesFormat::CURRENT.words();
    let mut o = notice_header(rec, l);
    for it in &rec.items {
        notice_item(cur, &mut o, it, l);
    }
    o.push_str(&format!("## {}\n\n", SIGNATURES.get(l)));
    let mine: Vec<&SignatureLine> = sigs.iter().filter(|sg| sg.addendum_id.is_none()).collect();
    if mine.is_empty() {
        o.push_str(UNSIGNED.get(l));
        o.push('\n');
    }
    for sg in mine {
        o.push_str(&format!(
            "- {}\n",
            signature_line(
                l,
                sign_role(l, &sg.role),
                &notice_masked(&sg.signer_name),
                &fmt_time(&sg.signed_at),
                &sg.fingerprint
            )
        ));
    }
    o.push_str(&format!("\n{}\n", NOTICE_NOTE.get(l)));
    o
}

/// Data in the notice: cleaned and escaped for Markdown.
fn notice_data(t: &str) -> String {
    escape(&clean_line(t))
}

/// A name in the notice: masked and escaped for Markdown.
fn notice_masked(t: &str) -> String {
    escape(&mask_name(t))
}

/// The notice's title and the meeting's details, the host and secretary masked.
fn notice_header(rec: &MeetingRecord, l: Lang) -> String {
    let data = notice_data;
    let masked = notice_masked;
    let mut o = format!("# {} {}\n\n", data(&rec.title), NOTICE.get(l));
    field(&mut o, l, w::COMMUNITY.get(l), &data(&rec.community));
    field(&mut o, l, w::KIND.get(l), w::meeting_kind(l, rec.kind));
    field(&mut o, l, w::WHEN.get(l), &data(&rec.starts_at));
    field(&mut o, l, w::VENUE.get(l), &data(&rec.venue));
    field(&mut o, l, w::HOST.get(l), &masked(&rec.host));
    field(&mut o, l, w::SECRETARY.get(l), &masked(&rec.secretary));
    field(&mut o, l, w::UID.get(l), &data(&rec.uid));
    o.push('\n');
    o
}

/// One item in the notice: heading, rule, the current format's additions (source, cost
/// plan with masked names), and its totals and result.
fn notice_item(cur: &dyn Words, o: &mut String, it: &ItemRecord, l: Lang) {
    o.push_str(&format!(
        "## {}\n\n",
        w::item_heading(l, it.position, &notice_data(&it.title))
    ));
    if it.added_late {
        o.push_str(&format!("- {}\n", w::LATE.get(l)));
    }
    field(
        o,
        l,
        w::RULE.get(l),
        w::rule_name(l, it.rule.kind.rule_code()),
    );
    cur.heading_fields(o, it, l);
    let cost = cur.after_proposal(it, l, true);
    if !cost.is_empty() {
        o.push('\n');
        o.push_str(&cost);
    }
    let vote = it.vote.as_ref();
    match vote.and_then(|v| v.outcome.as_ref().map(|out| (v, out))) {
        None => o.push_str(&format!("- {}\n", cur.no_vote(it, l))),
        Some((v, out)) => notice_outcome(cur, o, it, v, out, l),
    }
    o.push('\n');
}

/// An outcome in the notice: the totals by answer, the figures, the shaft owners (named,
/// masked: their agreement is a condition of the rule) and the result.
fn notice_outcome(
    cur: &dyn Words,
    o: &mut String,
    it: &ItemRecord,
    v: &VoteRecord,
    out: &Outcome,
    l: Lang,
) {
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
        let mut p = format!("{} {}", w::choice(l, choice), w::persons(l, n));
        if area {
            p.push_str(&format!(" {} m²", fmt_area(a)));
        }
        parts.push(p);
    }
    o.push_str(&format!("- {}\n", parts.join(semi(l))));
    for line in fmt_checks(cur, l, &out.checks) {
        o.push_str(&format!("- {line}\n"));
    }
    cur.shaft(o, it, v, out, l, true);
    field(o, l, w::RESULT.get(l), result_word(l, out));
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
        kind: w::meeting_kind(lang, rec.kind).into(),
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
                    rule: w::rule_name(lang, it.rule.kind.rule_code()).into(),
                    result: match out {
                        None => "no_vote".into(),
                        Some(o) if o.passed => "passed".into(),
                        Some(_) => "failed".into(),
                    },
                    tally: out.map(|o| o.tally.clone()),
                    figures: out
                        .map(|o| fmt_checks(MinutesFormat::CURRENT.words(), lang, &o.checks))
                        .unwrap_or_default(),
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
                fingerprint: sg.fingerprint.clone(),
            })
            .collect(),
        minutes_sha256: minutes_sha256.map(clean_line),
    }
}
