//! The forms of preparation: a meeting's details (new or edited) and an agenda item.

use crate::domain::model::{Category, Electorate, MeetingKind, RuleCode, Scope, ScopeKind};
use crate::domain::rules::{Rule, RuleKind};

use crate::store::StoreError;
use crate::store::ids::{CommunityId, MeetingId};
use crate::store::meetings::{ItemInput, ItemRow, MeetingInput, MeetingRow};
use crate::strings::{self, Lang, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::fields::{ChoiceField, Fields, TextField};
use crate::ui::form::{Field, Form};
use crate::ui::forms::custom_rule::{self, CustomFields};
use crate::ui::forms::{find_voter, limit, saved};
use crate::ui::nav::Nav;
use crate::ui::route::Route;

/// The fields that show only under the elevator rule.
const ONLY_ELEVATOR: &[&str] = &[RuleCode::Elevator.as_db()];

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
pub fn meeting_form(ctx: &Ctx, community: CommunityId, m: Option<&MeetingRow>) -> Form<Nav> {
    let l = ctx.lang;
    let (mut fields, h) = meeting_fields(l, m);
    match m {
        Some(m) => {
            let meeting = m.id;
            Form::new(ctx.t(s::F_EDIT_MEETING), fields, move |f, ctx| {
                ctx.store.update_meeting(meeting, &meeting_input(f, &h))?;
                Ok(saved(ctx))
            })
            .keep_draft("meeting", meeting.0)
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
            .keep_draft("meeting_new", community.0)
        }
    }
}

/// The elevator rule's parameters of `it`: the owners whose unit the shaft occupies (by
/// name), and whether the legacy "2/3 of the unit's owners agree" also carries it.
fn shaft_params(
    ctx: &Ctx,
    community: CommunityId,
    it: Option<&ItemRow>,
) -> Result<(String, bool), StoreError> {
    Ok(match it.map(|i| &i.rule.kind) {
        Some(RuleKind::Elevator {
            legacy_two_thirds,
            shaft_voters,
        }) => {
            let voters = ctx.store.voters(community)?;
            let names: Vec<String> = shaft_voters
                .iter()
                .filter_map(|id| {
                    voters
                        .iter()
                        .find(|v| v.id.0 == *id)
                        .map(|v| v.name.clone())
                })
                .collect();
            (names.join("，"), *legacy_two_thirds)
        }
        _ => (String::new(), false),
    })
}

/// The handles of an agenda item's fields (the custom rule's are read by
/// `custom_rule::read`, which its live explanation shares).
#[derive(Clone)]
struct ItemFields {
    title: TextField,
    category: ChoiceField<Category>,
    proposer: TextField,
    rule: ChoiceField<RuleCode>,
    scope: ChoiceField<ScopeKind>,
    building: TextField,
    unit: TextField,
    shaft: TextField,
    legacy: ChoiceField<bool>,
    custom: CustomFields,
    proposal: TextField,
}

fn item_input(
    ctx: &Ctx,
    f: &Form<Nav>,
    h: &ItemFields,
    previous: Option<&Rule>,
    community: CommunityId,
) -> Result<ItemInput, StoreError> {
    let code = f.pick(&h.rule);
    let mut rule = match previous {
        Some(r) if r.kind.rule_code() == code => r.clone(),
        // A custom rule's fractions are read below.
        _ => Rule::new(RuleKind::of(code).unwrap_or(RuleKind::NoVote)),
    };
    if let RuleKind::Elevator {
        legacy_two_thirds,
        shaft_voters,
    } = &mut rule.kind
    {
        *legacy_two_thirds = f.pick(&h.legacy);
        // Each name or unit label, separated by commas, must be one voter of the roster.
        let mut ids = Vec::new();
        for part in f.get(h.shaft).split([',', '，', '、', ';', '；']) {
            if !part.trim().is_empty() {
                ids.push(find_voter(ctx, community, part)?.0);
            }
        }
        *shaft_voters = ids;
    }
    if code == RuleCode::Custom {
        let custom = RuleKind::Custom(custom_rule::read(f, &h.custom)?);
        match &mut rule {
            r if r.kind.rule_code() == RuleCode::Custom => r.kind = custom,
            r => *r = Rule::new(custom),
        }
    }
    Ok(ItemInput {
        title: f.get(h.title),
        category: f.pick(&h.category),
        proposer: f.get(h.proposer),
        proposal: f.get(h.proposal),
        scope: Scope {
            kind: f.pick(&h.scope),
            building: f.get(h.building),
            unit: f.get(h.unit),
        },
        rule,
    })
}

/// The item form's fields, filled from `it` (empty for a new item).
fn item_fields(l: Lang, it: Option<&ItemRow>, shaft: &str, legacy: bool) -> (Fields, ItemFields) {
    let prev_custom = match it.map(|i| &i.rule.kind) {
        Some(RuleKind::Custom(c)) => Some(c),
        _ => None,
    };
    let text = |name, label, value: Option<&str>| Field::text(name, label, value.unwrap_or(""));
    let mut d = Fields::default();
    let title = d.text(text("title", s::F_TITLE, it.map(|i| i.title.as_str())).max(limit::TITLE));
    let category = d.pick(
        "category",
        s::F_CATEGORY,
        Category::ALL,
        it.map(|i| i.category).unwrap_or(Category::Other),
        |c| c.as_db().to_string(),
        |c| strings::category(l, c).to_string(),
    );
    let proposer = d.text(text(
        "proposer",
        s::F_PROPOSER,
        it.map(|i| i.proposer.as_str()),
    ));
    let rule = rule_field(&mut d, l, it);
    let scope = d.pick(
        "scope",
        s::F_SCOPE,
        ScopeKind::ALL,
        it.map(|i| i.scope.kind).unwrap_or(ScopeKind::All),
        |c| c.as_db().to_string(),
        |c| strings::scope_kind(l, c).to_string(),
    );
    let building = d.text(
        text(
            "building",
            s::F_BUILDING,
            it.map(|i| i.scope.building.as_str()),
        )
        .with_hint(s::F_SCOPE_HINT)
        .when("scope", &["building", "unit"]),
    );
    let unit = d.text(
        text("unit", s::F_UNIT, it.map(|i| i.scope.unit.as_str()))
            .with_hint(s::F_SCOPE_HINT)
            .when("scope", &["unit"]),
    );
    let shaft = d.text(
        Field::text("shaft", s::F_SHAFT, shaft)
            .with_hint(s::F_SHAFT_HINT)
            .when("rule", ONLY_ELEVATOR),
    );
    let legacy = legacy_field(&mut d, l, legacy);
    let custom = custom_rule::fields(&mut d, l, prev_custom);
    let proposal = d.text(Field::multi(
        "proposal",
        s::F_PROPOSAL,
        it.map(|i| i.proposal.as_str()).unwrap_or(""),
    ));
    let h = ItemFields {
        title,
        category,
        proposer,
        rule,
        scope,
        building,
        unit,
        shaft,
        legacy,
        custom,
        proposal,
    };
    (d, h)
}

/// The item's rule, each with its explanation under the choice.
fn rule_field(d: &mut Fields, l: Lang, it: Option<&ItemRow>) -> ChoiceField<RuleCode> {
    let rule = d.pick(
        "rule",
        s::F_RULE,
        RuleCode::ALL,
        it.map(|i| i.rule.kind.rule_code())
            .unwrap_or(RuleCode::Art278Ordinary),
        |c| c.as_db().to_string(),
        |c| strings::rule_name(l, c).to_string(),
    );
    d.amend_last(|f| {
        f.with_explain(|l, code| {
            RuleCode::from_db(code).map_or("", |c| strings::rule_explain(l, c))
        })
    });
    rule
}

/// Whether the legacy "2/3 of the unit's owners agree" also carries the elevator rule.
fn legacy_field(d: &mut Fields, l: Lang, legacy: bool) -> ChoiceField<bool> {
    let yes_no = |yes: bool| if yes { "yes" } else { "no" };
    let f = d.pick(
        "legacy",
        s::F_LEGACY,
        &[false, true],
        legacy,
        |yes| yes_no(yes).to_string(),
        |yes| {
            if yes { s::YES_WORD } else { s::NO_WORD }
                .get(l)
                .to_string()
        },
    );
    d.amend_last(|f| f.with_hint(s::F_LEGACY_HINT).when("rule", ONLY_ELEVATOR));
    f
}

/// A new agenda item of `meeting`, or the item `it`.
pub fn item_form(
    ctx: &Ctx,
    meeting: MeetingId,
    it: Option<&ItemRow>,
) -> Result<Form<Nav>, StoreError> {
    let community = ctx.store.meeting(meeting)?.community_id;
    let (shaft, legacy) = shaft_params(ctx, community, it)?;
    let (fields, h) = item_fields(ctx.lang, it, &shaft, legacy);
    let (live, hook) = (h.clone(), h.clone());
    Ok(match it {
        Some(i) => {
            let (item, prev) = (i.id, i.rule.clone());
            Form::new(ctx.t(s::F_EDIT_ITEM), fields, move |f, ctx| {
                let input = item_input(ctx, f, &h, Some(&prev), community)?;
                ctx.store.update_item(item, &input)?;
                Ok(saved(ctx))
            })
            .keep_draft("item", item.0)
        }
        None => Form::new(ctx.t(s::F_ADD_ITEM), fields, move |f, ctx| {
            let input = item_input(ctx, f, &h, None, community)?;
            ctx.store.add_item(meeting, &input)?;
            Ok(saved(ctx))
        })
        .keep_draft("item_new", meeting.0),
    }
    .on_change(move |f| elevator_rule(f, &hook))
    .live(move |f, l| custom_rule::live(f, &live.rule, &live.custom, l)))
}

/// Choosing the category 加装电梯 chooses the elevator rule (the host may still pick
/// another: only a change of the category itself does this).
fn elevator_rule(f: &mut Form<Nav>, h: &ItemFields) {
    if f.has_focus(&h.category) && f.pick(&h.category) == Category::Elevator {
        f.choose(&h.rule, &RuleCode::Elevator);
    }
}

/// The item form, or the sentence of the read that failed to fill it.
pub fn item_nav(ctx: &mut Ctx, meeting: MeetingId, it: Option<&ItemRow>) -> Nav {
    match item_form(ctx, meeting, it) {
        Ok(f) => Nav::form(f),
        Err(e) => {
            ctx.error(ctx.say(&e));
            Nav::Stay
        }
    }
}
