//! The forms of each dialog, filled with what is there now.

use crate::domain::model::{Category, CouncilKind, MeetingKind, ScopeKind, VoterKind};
use crate::domain::rules::RuleKind;
use crate::store::meetings::{ItemRow, MeetingRow};
use crate::store::roster::VoterRow;
use crate::strings::{self, Lang, ui as s};
use crate::ui::app::App;
use crate::ui::form::{Field, Form, Purpose};

fn opts<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&v| (code(v).to_string(), label(v).to_string()))
        .collect()
}

pub fn meeting_form(app: &App, community: i64, m: Option<&MeetingRow>) -> Form {
    let l = app.lang;
    let kinds = opts(
        MeetingKind::ALL,
        |k| k.as_db(),
        |k| strings::meeting_kind(l, k),
    );
    let langs = vec![
        ("zh".to_string(), "中文".to_string()),
        ("en".to_string(), "English".to_string()),
    ];
    let electorate = vec![
        ("owners".to_string(), s::F_ROSTER_EL.get(l).to_string()),
        ("council".to_string(), s::F_COUNCIL_EL.get(l).to_string()),
    ];
    let default_time = (chrono::Local::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d 09:30")
        .to_string();
    let mut fields = vec![
        Field::choice(
            s::F_KIND,
            kinds,
            m.map(|m| m.kind.as_db()).unwrap_or("owners_assembly"),
        ),
        Field::text(s::F_TITLE, m.map(|m| m.title.as_str()).unwrap_or("")),
        Field::text(
            s::F_TIME,
            m.map(|m| m.starts_at.as_str()).unwrap_or(&default_time),
        )
        .with_hint(s::F_TIME_HINT),
        Field::text(s::F_VENUE, m.map(|m| m.venue.as_str()).unwrap_or("")),
        Field::text(s::F_HOST, m.map(|m| m.host.as_str()).unwrap_or("")),
        Field::text(
            s::F_SECRETARY,
            m.map(|m| m.secretary.as_str()).unwrap_or(""),
        ),
        Field::choice(
            s::F_LANGUAGE,
            langs,
            m.map(|m| m.language.as_str()).unwrap_or(l.code()),
        ),
    ];
    match m {
        Some(m) => Form::new(
            app.t(s::F_EDIT_MEETING),
            Purpose::EditMeeting { meeting: m.id },
            fields,
        ),
        None => {
            fields.insert(1, Field::choice(s::F_ELECTORATE, electorate, "owners"));
            Form::new(
                app.t(s::F_NEW_MEETING),
                Purpose::NewMeeting { community },
                fields,
            )
        }
    }
}

/// Field order of the item form (submit reads them by these indices).
pub const ITEM_TITLE: usize = 0;
pub const ITEM_CATEGORY: usize = 1;
pub const ITEM_PROPOSER: usize = 2;
pub const ITEM_RULE: usize = 3;
pub const ITEM_SCOPE: usize = 4;
pub const ITEM_BUILDING: usize = 5;
pub const ITEM_UNIT: usize = 6;
pub const ITEM_SHAFT: usize = 7;
pub const ITEM_LEGACY: usize = 8;
pub const ITEM_PROPOSAL: usize = 9;

pub fn rule_options(l: Lang) -> Vec<(String, String)> {
    strings::RULE_CODES
        .iter()
        .map(|c| (c.to_string(), strings::rule_name(l, c).to_string()))
        .collect()
}

pub fn item_form(app: &App, meeting: i64, it: Option<&ItemRow>) -> Form {
    let l = app.lang;
    // The elevator rule's parameters: the owners whose unit the shaft occupies (by name),
    // and whether the legacy "2/3 of the unit's owners agree" also carries it.
    let (shaft, legacy) = match it.map(|i| &i.rule.kind) {
        Some(RuleKind::Elevator {
            legacy_two_thirds,
            shaft_voters,
        }) => {
            let community = app
                .store
                .meeting(meeting)
                .map(|m| m.community_id)
                .unwrap_or_default();
            let voters = app.store.voters(community).unwrap_or_default();
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
    };
    let yes_no = vec![
        ("no".to_string(), s::NO_WORD.get(l).to_string()),
        ("yes".to_string(), s::YES_WORD.get(l).to_string()),
    ];
    let cats = opts(Category::ALL, |c| c.as_db(), |c| strings::category(l, c));
    let scopes = opts(ScopeKind::ALL, |c| c.as_db(), |c| strings::scope_kind(l, c));
    let fields = vec![
        Field::text(s::F_TITLE, it.map(|i| i.title.as_str()).unwrap_or("")),
        Field::choice(
            s::F_CATEGORY,
            cats,
            it.map(|i| i.category.as_db()).unwrap_or("other"),
        ),
        Field::text(s::F_PROPOSER, it.map(|i| i.proposer.as_str()).unwrap_or("")),
        Field::choice(
            s::F_RULE,
            rule_options(l),
            it.map(|i| i.rule.kind.code()).unwrap_or("art278_ordinary"),
        )
        .with_explain(strings::rule_explain),
        Field::choice(
            s::F_SCOPE,
            scopes,
            it.map(|i| i.scope.kind.as_db()).unwrap_or("all"),
        ),
        Field::text(
            s::F_BUILDING,
            it.map(|i| i.scope.building.as_str()).unwrap_or(""),
        )
        .with_hint(s::F_SCOPE_HINT),
        Field::text(s::F_UNIT, it.map(|i| i.scope.unit.as_str()).unwrap_or(""))
            .with_hint(s::F_SCOPE_HINT),
        Field::text(s::F_SHAFT, &shaft).with_hint(s::F_SHAFT_HINT),
        Field::choice(s::F_LEGACY, yes_no, legacy).with_hint(s::F_LEGACY_HINT),
        Field::multi(s::F_PROPOSAL, it.map(|i| i.proposal.as_str()).unwrap_or("")),
    ];
    match it {
        Some(i) => Form::new(
            app.t(s::F_EDIT_ITEM),
            Purpose::EditItem { item: i.id },
            fields,
        ),
        None => Form::new(app.t(s::F_ADD_ITEM), Purpose::AddItem { meeting }, fields),
    }
}

pub fn voter_form(app: &App, community: i64, v: Option<&VoterRow>) -> Form {
    let l = app.lang;
    let kinds = opts(VoterKind::ALL, |k| k.as_db(), |k| strings::voter_kind(l, k));
    let fields = vec![
        Field::text(s::COL_NAME, v.map(|v| v.name.as_str()).unwrap_or("")),
        Field::choice(
            s::COL_KIND,
            kinds,
            v.map(|v| v.kind.as_db()).unwrap_or("person"),
        ),
        Field::text(s::COL_ROLES, v.map(|v| v.roles.as_str()).unwrap_or("")),
        Field::text(s::F_PHONE, v.map(|v| v.phone.as_str()).unwrap_or("")),
    ];
    match v {
        Some(v) => Form::new(
            app.t(s::K_EDIT_VOTER),
            Purpose::EditVoter { voter: v.id },
            fields,
        ),
        None => Form::new(
            app.t(s::K_ADD_VOTER),
            Purpose::AddVoter { community },
            fields,
        ),
    }
}

pub fn unit_form(app: &App, v: &VoterRow) -> Form {
    let colon = crate::strings::ui::colon(app.lang);
    Form::new(
        format!(
            "{}{colon}{}",
            app.t(s::K_ADD_UNIT),
            crate::domain::text::clean_line(&v.name)
        ),
        Purpose::AddUnit { voter: v.id },
        vec![
            Field::text(s::F_LABEL, ""),
            Field::text(s::F_BUILDING, ""),
            Field::text(s::F_UNIT, ""),
            Field::text(s::F_AREA, ""),
        ],
    )
}

pub fn council_form(app: &App, v: &VoterRow) -> Form {
    let colon = crate::strings::ui::colon(app.lang);
    let l = app.lang;
    let kinds = opts(
        CouncilKind::ALL,
        |k| k.as_db(),
        |k| strings::council_kind(l, k),
    );
    let current = v.councils.first();
    Form::new(
        format!(
            "{}{colon}{}",
            app.t(s::K_COUNCIL),
            crate::domain::text::clean_line(&v.name)
        ),
        Purpose::Council { voter: v.id },
        vec![
            Field::choice(
                s::F_COUNCIL,
                kinds,
                current.map(|c| c.0.as_db()).unwrap_or("residents_council"),
            ),
            Field::text(s::F_ROLE, current.map(|c| c.1.as_str()).unwrap_or("")),
        ],
    )
}

pub fn one_line(
    app: &App,
    title: crate::strings::Tr,
    label: crate::strings::Tr,
    value: &str,
    purpose: Purpose,
) -> Form {
    Form::new(app.t(title), purpose, vec![Field::text(label, value)])
}

pub fn multi_line(
    app: &App,
    title: crate::strings::Tr,
    label: crate::strings::Tr,
    value: &str,
    purpose: Purpose,
) -> Form {
    Form::new(app.t(title), purpose, vec![Field::multi(label, value)])
}
