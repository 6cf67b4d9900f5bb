//! The forms of preparation: a meeting's details (new or edited) and an agenda item.

use crate::domain::model::{Category, Electorate, MeetingKind, Scope, ScopeKind};
use crate::domain::rules::{Rule, RuleKind};
use crate::store::StoreError;
use crate::store::meetings::{ItemInput, ItemRow, MeetingInput, MeetingRow};
use crate::strings::{self, Lang, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};
use crate::ui::forms::{custom_rule, find_voter, limit, opts, saved};
use crate::ui::nav::Nav;
use crate::ui::route::Route;

/// The handles of a meeting's fields.
#[derive(Clone)]
struct MeetingFields {
    kind: ChoiceField<MeetingKind>,
    title: TextField,
    time: TextField,
    venue: TextField,
    host: TextField,
    secretary: TextField,
    language: ChoiceField<String>,
}

fn meeting_input(f: &Form<Nav>, h: &MeetingFields) -> MeetingInput {
    MeetingInput {
        kind: f.pick(&h.kind),
        title: f.get(h.title),
        starts_at: f.get(h.time),
        venue: f.get(h.venue),
        host: f.get(h.host),
        secretary: f.get(h.secretary),
        language: f.pick(&h.language),
    }
}

/// A meeting's fields, filled from `m` (a new one's time a week from now at 09:30).
fn meeting_fields(l: Lang, m: Option<&MeetingRow>) -> (Fields, MeetingFields) {
    let langs = vec![
        ("zh".to_string(), "中文".to_string()),
        ("en".to_string(), "English".to_string()),
    ];
    let default_time = (chrono::Local::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d 09:30")
        .to_string();
    let text = |name, label, value: Option<&str>, default: &str| {
        Field::text(name, label, value.unwrap_or(default))
    };
    let mut d = Fields::default();
    let h = MeetingFields {
        kind: d.pick(
            "kind",
            s::F_KIND,
            MeetingKind::ALL,
            m.map(|m| m.kind).unwrap_or(MeetingKind::OwnersAssembly),
            |k| k.as_db().to_string(),
            |k| strings::meeting_kind(l, k).to_string(),
        ),
        title: d.text(text("title", s::F_TITLE, m.map(|m| m.title.as_str()), "").max(limit::TITLE)),
        time: d.text(
            text(
                "time",
                s::F_TIME,
                m.map(|m| m.starts_at.as_str()),
                &default_time,
            )
            .with_hint(s::F_TIME_HINT),
        ),
        venue: d.text(text("venue", s::F_VENUE, m.map(|m| m.venue.as_str()), "")),
        host: d.text(text("host", s::F_HOST, m.map(|m| m.host.as_str()), "")),
        secretary: d.text(text(
            "secretary",
            s::F_SECRETARY,
            m.map(|m| m.secretary.as_str()),
            "",
        )),
        language: d.choice(Field::choice(
            "language",
            s::F_LANGUAGE,
            langs,
            m.map(|m| m.language.as_str()).unwrap_or(l.code()),
        )),
    };
    (d, h)
}

/// A new meeting of `community`, or the details of `m`.
pub fn meeting_form(ctx: &Ctx, community: i64, m: Option<&MeetingRow>) -> Form<Nav> {
    let l = ctx.lang;
    let (mut fields, h) = meeting_fields(l, m);
    match m {
        Some(m) => {
            let meeting = m.id;
            Form::new(ctx.t(s::F_EDIT_MEETING), fields, move |f, ctx| {
                ctx.store.update_meeting(meeting, &meeting_input(f, &h))?;
                Ok(saved(ctx))
            })
            .keep_draft("meeting", meeting)
        }
        None => {
            let electorate = fields.pick(
                "electorate",
                s::F_ELECTORATE,
                &[Electorate::Owners, Electorate::Council],
                Electorate::Owners,
                |e| e.as_db().to_string(),
                |e| match e {
                    Electorate::Owners => s::F_ROSTER_EL.get(l).to_string(),
                    Electorate::Council => s::F_COUNCIL_EL.get(l).to_string(),
                },
            );
            // Second, after the kind of meeting.
            fields.move_last_to(1);
            Form::new(ctx.t(s::F_NEW_MEETING), fields, move |f, ctx| {
                let electorate = f.pick(&electorate);
                let id = ctx
                    .store
                    .create_meeting(community, electorate, &meeting_input(f, &h))?;
                ctx.info(ctx.t(s::SAVED));
                Ok(Nav::Open(Route::Prepare { meeting: id }))
            })
            .keep_draft("meeting_new", community)
        }
    }
}

pub fn rule_options(l: Lang) -> Vec<(String, String)> {
    strings::RULE_CODES
        .iter()
        .map(|c| (c.to_string(), strings::rule_name(l, c).to_string()))
        .collect()
}

fn item_input(
    ctx: &Ctx,
    f: &Form<Nav>,
    previous: Option<&Rule>,
    community: i64,
) -> Result<ItemInput, StoreError> {
    let code = f.choice("rule");
    let mut rule = match previous {
        Some(r) if r.kind.code() == code => r.clone(),
        _ => Rule::new(RuleKind::from_code(&code).unwrap_or(RuleKind::NoVote)),
    };
    if let RuleKind::Elevator {
        legacy_two_thirds,
        shaft_voters,
    } = &mut rule.kind
    {
        *legacy_two_thirds = f.choice("legacy") == "yes";
        // Each name or unit label, separated by commas, must be one voter of the roster.
        let mut ids = Vec::new();
        for part in f.text("shaft").split([',', '，', '、', ';', '；']) {
            if !part.trim().is_empty() {
                ids.push(find_voter(ctx, community, part)?);
            }
        }
        *shaft_voters = ids;
    }
    if code == "custom" {
        let custom = RuleKind::Custom(custom_rule::read(f)?);
        match &mut rule {
            r if r.kind.code() == "custom" => r.kind = custom,
            r => *r = Rule::new(custom),
        }
    }
    Ok(ItemInput {
        title: f.text("title"),
        category: Category::from_db(&f.choice("category")).unwrap_or(Category::Other),
        proposer: f.text("proposer"),
        proposal: f.text("proposal"),
        scope: Scope {
            kind: ScopeKind::from_db(&f.choice("scope")).unwrap_or(ScopeKind::All),
            building: f.text("building"),
            unit: f.text("unit"),
        },
        rule,
    })
}

/// The elevator rule's parameters of `it`: the owners whose unit the shaft occupies (by
/// name), and whether the legacy "2/3 of the unit's owners agree" also carries it.
fn shaft_params(
    ctx: &Ctx,
    community: i64,
    it: Option<&ItemRow>,
) -> Result<(String, &'static str), StoreError> {
    Ok(match it.map(|i| &i.rule.kind) {
        Some(RuleKind::Elevator {
            legacy_two_thirds,
            shaft_voters,
        }) => {
            let voters = ctx.store.voters(community)?;
            let names: Vec<String> = shaft_voters
                .iter()
                .filter_map(|id| voters.iter().find(|v| v.id == *id).map(|v| v.name.clone()))
                .collect();
            (
                names.join("，"),
                if *legacy_two_thirds { "yes" } else { "no" },
            )
        }
        _ => (String::new(), "no"),
    })
}

/// The item form's fields, filled from `it` (empty for a new item).
fn item_fields(l: Lang, it: Option<&ItemRow>, shaft: &str, legacy: &str) -> Vec<Field> {
    let yes_no = vec![
        ("no".to_string(), s::NO_WORD.get(l).to_string()),
        ("yes".to_string(), s::YES_WORD.get(l).to_string()),
    ];
    let cats = opts(Category::ALL, |c| c.as_db(), |c| strings::category(l, c));
    let scopes = opts(ScopeKind::ALL, |c| c.as_db(), |c| strings::scope_kind(l, c));
    let prev_custom = match it.map(|i| &i.rule.kind) {
        Some(RuleKind::Custom(c)) => Some(c),
        _ => None,
    };
    let mut fields = vec![
        Field::text(
            "title",
            s::F_TITLE,
            it.map(|i| i.title.as_str()).unwrap_or(""),
        )
        .max(limit::TITLE),
        Field::choice(
            "category",
            s::F_CATEGORY,
            cats,
            it.map(|i| i.category.as_db()).unwrap_or("other"),
        ),
        Field::text(
            "proposer",
            s::F_PROPOSER,
            it.map(|i| i.proposer.as_str()).unwrap_or(""),
        ),
        Field::choice(
            "rule",
            s::F_RULE,
            rule_options(l),
            it.map(|i| i.rule.kind.code()).unwrap_or("art278_ordinary"),
        )
        .with_explain(strings::rule_explain),
        Field::choice(
            "scope",
            s::F_SCOPE,
            scopes,
            it.map(|i| i.scope.kind.as_db()).unwrap_or("all"),
        ),
        Field::text(
            "building",
            s::F_BUILDING,
            it.map(|i| i.scope.building.as_str()).unwrap_or(""),
        )
        .with_hint(s::F_SCOPE_HINT)
        .when("scope", &["building", "unit"]),
        Field::text(
            "unit",
            s::F_UNIT,
            it.map(|i| i.scope.unit.as_str()).unwrap_or(""),
        )
        .with_hint(s::F_SCOPE_HINT)
        .when("scope", &["unit"]),
        Field::text("shaft", s::F_SHAFT, shaft)
            .with_hint(s::F_SHAFT_HINT)
            .when("rule", &["elevator"]),
        Field::choice("legacy", s::F_LEGACY, yes_no, legacy)
            .with_hint(s::F_LEGACY_HINT)
            .when("rule", &["elevator"]),
    ];
    fields.extend(custom_rule::fields(l, prev_custom));
    fields.push(Field::multi(
        "proposal",
        s::F_PROPOSAL,
        it.map(|i| i.proposal.as_str()).unwrap_or(""),
    ));
    fields
}

/// A new agenda item of `meeting`, or the item `it`.
pub fn item_form(ctx: &Ctx, meeting: i64, it: Option<&ItemRow>) -> Result<Form<Nav>, StoreError> {
    let community = ctx.store.meeting(meeting)?.community_id;
    let (shaft, legacy) = shaft_params(ctx, community, it)?;
    let fields = item_fields(ctx.lang, it, &shaft, legacy);
    Ok(match it {
        Some(i) => {
            let (item, prev) = (i.id, i.rule.clone());
            Form::new(ctx.t(s::F_EDIT_ITEM), fields, move |f, ctx| {
                let input = item_input(ctx, f, Some(&prev), community)?;
                ctx.store.update_item(item, &input)?;
                Ok(saved(ctx))
            })
            .keep_draft("item", item)
        }
        None => Form::new(ctx.t(s::F_ADD_ITEM), fields, move |f, ctx| {
            let input = item_input(ctx, f, None, community)?;
            ctx.store.add_item(meeting, &input)?;
            Ok(saved(ctx))
        })
        .keep_draft("item_new", meeting),
    }
    .on_change(elevator_rule)
    .live(custom_rule::live))
}

/// Choosing the category 加装电梯 chooses the elevator rule (the host may still pick
/// another: only a change of the category itself does this).
fn elevator_rule(f: &mut Form<Nav>) {
    if f.focused() == "category" && f.choice("category") == Category::Elevator.as_db() {
        f.set_choice("rule", "elevator");
    }
}

/// The item form, or the sentence of the read that failed to fill it.
pub fn item_nav(ctx: &mut Ctx, meeting: i64, it: Option<&ItemRow>) -> Nav {
    match item_form(ctx, meeting, it) {
        Ok(f) => Nav::form(f),
        Err(e) => {
            ctx.error(ctx.say(&e));
            Nav::Stay
        }
    }
}
