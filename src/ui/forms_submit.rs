//! What each form does when saved. Every store call commits before the screen changes;
//! an error keeps the form open with what was typed.

use crate::domain::model::{
    ActionStatus, Category, CouncilKind, Electorate, MeetingKind, PresenceKind, Scope, ScopeKind,
    VoterKind,
};
use crate::domain::roster_csv::parse_area;
use crate::domain::rules::{Rule, RuleKind};
use crate::domain::verify::Role;
use crate::export::Format;
use crate::store::meetings::{ItemInput, MeetingInput};
use crate::store::roster::VoterInput;
use crate::strings::{self, ui as s};
use crate::ui::app::{App, View};
use crate::ui::form::{Form, Purpose};
use crate::ui::forms::*;
use crate::ui::screens::prepare;

fn err(app: &App, e: crate::store::StoreError) -> String {
    strings::store_error(app.lang, &e)
}

fn meeting_input(f: &Form, offset: usize) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::from_db(&f.choice(0)).unwrap_or(MeetingKind::Other),
        title: f.value(1 + offset),
        starts_at: f.value(2 + offset),
        venue: f.value(3 + offset),
        host: f.value(4 + offset),
        secretary: f.value(5 + offset),
        language: f.choice(6 + offset),
    }
}

fn item_input(
    app: &App,
    f: &Form,
    previous: Option<&Rule>,
    community: i64,
) -> Result<ItemInput, String> {
    let code = f.choice(ITEM_RULE);
    let mut rule = match previous {
        Some(r) if r.kind.code() == code => r.clone(),
        _ => Rule::new(RuleKind::from_code(&code).unwrap_or(RuleKind::NoVote)),
    };
    if let RuleKind::Elevator {
        legacy_two_thirds,
        shaft_voters,
    } = &mut rule.kind
    {
        *legacy_two_thirds = f.choice(ITEM_LEGACY) == "yes";
        // Each name or unit label, separated by commas, must be one voter of the roster.
        let mut ids = Vec::new();
        for part in f.value(ITEM_SHAFT).split([',', '，', '、', ';', '；']) {
            if !part.trim().is_empty() {
                ids.push(find_voter(app, community, part)?);
            }
        }
        *shaft_voters = ids;
    }
    Ok(ItemInput {
        title: f.value(ITEM_TITLE),
        category: Category::from_db(&f.choice(ITEM_CATEGORY)).unwrap_or(Category::Other),
        proposer: f.value(ITEM_PROPOSER),
        proposal: f.value(ITEM_PROPOSAL),
        scope: Scope {
            kind: ScopeKind::from_db(&f.choice(ITEM_SCOPE)).unwrap_or(ScopeKind::All),
            building: f.value(ITEM_BUILDING),
            unit: f.value(ITEM_UNIT),
        },
        rule,
    })
}

/// Find one voter of a community by a part of their name or unit label.
pub fn find_voter(app: &App, community: i64, query: &str) -> Result<i64, String> {
    let q = query.trim();
    let voters = app.store.voters(community).map_err(|e| err(app, e))?;
    let hits: Vec<_> = voters
        .iter()
        .filter(|v| {
            !q.is_empty() && (v.name.contains(q) || v.units.iter().any(|u| u.label.contains(q)))
        })
        .collect();
    if let Some(exact) = hits.iter().find(|v| v.name == q) {
        return Ok(exact.id);
    }
    match hits.as_slice() {
        [] => Err(app.t(s::NOT_FOUND_VOTER).into()),
        [one] => Ok(one.id),
        _ => Err(app.t(s::MANY_FOUND).into()),
    }
}

pub fn submit(app: &mut App, f: &Form) -> Result<(), String> {
    match f.purpose {
        Purpose::NewMeeting { community } => {
            let electorate = Electorate::from_db(&f.choice(1)).unwrap_or(Electorate::Owners);
            let id = app
                .store
                .create_meeting(community, electorate, &meeting_input(f, 1))
                .map_err(|e| err(app, e))?;
            app.refresh();
            let p = prepare::Prepare::load(app, id);
            app.push(View::Prepare(p));
        }
        Purpose::EditMeeting { meeting } => {
            app.store
                .update_meeting(meeting, &meeting_input(f, 0))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::AddItem { meeting } => {
            let community = app
                .store
                .meeting(meeting)
                .map_err(|e| err(app, e))?
                .community_id;
            let input = item_input(app, f, None, community)?;
            app.store
                .add_item(meeting, &input)
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::EditItem { item } => {
            let prev = app.store.item(item).map_err(|e| err(app, e))?;
            let community = app
                .store
                .meeting(prev.meeting_id)
                .map_err(|e| err(app, e))?
                .community_id;
            let input = item_input(app, f, Some(&prev.rule), community)?;
            app.store
                .update_item(item, &input)
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Search => {
            let q = f.value(0);
            if let View::Roster(r) = app.view_mut() {
                r.filter = q;
                r.sel = 0;
            }
        }
        Purpose::AddVoter { community } => {
            let v = voter_input(f);
            app.store
                .add_voter(community, &v)
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::EditVoter { voter } => {
            app.store
                .update_voter(voter, &voter_input(f))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::AddUnit { voter } => {
            let area =
                parse_area(&f.value(3)).ok_or_else(|| app.t(strings::ui::BAD_AREA).to_string())?;
            app.store
                .add_unit(voter, &f.value(0), &f.value(1), &f.value(2), area)
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Transfer { voter } => {
            app.store
                .transfer_unit(voter, &f.value(0))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Council { voter } => {
            let kind = CouncilKind::from_db(&f.choice(0)).unwrap_or(CouncilKind::ResidentsCouncil);
            app.store
                .set_council_member(voter, kind, &f.value(1))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Proxy { meeting, voter } => {
            let (name, reference) = (f.value(0), f.value(1));
            app.store
                .mark_presence(
                    meeting,
                    voter,
                    PresenceKind::Proxy,
                    Some((&name, &reference)),
                    None,
                )
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Speaker { item } => {
            app.store
                .queue_speaker(item, &f.value(0), None)
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Remark { remark } => {
            app.store
                .record_remark(remark, &f.value(0))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Amend { item } => {
            app.store
                .amend_proposal(item, &f.value(0))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Recuse { meeting, item } => {
            let community = app
                .store
                .meeting(meeting)
                .map_err(|e| err(app, e))?
                .community_id;
            let voter = find_voter(app, community, &f.value(0))?;
            app.store
                .mark_presence(meeting, voter, PresenceKind::Recuse, None, Some(item))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Jump => {
            let q = f.value(0);
            let lang = app.lang;
            if let View::Vote(v) = app.view_mut() {
                v.jump(&q).map_err(|tr| tr.get(lang).to_string())?;
            }
        }
        Purpose::Action { item } => {
            app.store
                .add_action(item, &f.value(0), &f.value(1), &f.value(2))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::ActionStatus { action } => {
            let status = ActionStatus::from_db(&f.choice(0)).unwrap_or(ActionStatus::Open);
            app.store
                .set_action_status(action, status, &f.value(1))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
        Purpose::Register { meeting } => {
            let (name, pass, repeat) = (f.value(0), f.value(1), f.value(2));
            if pass != repeat {
                return Err(app.t(s::PASS_MISMATCH).into());
            }
            let (by, by_pass) = (f.value(3), f.value(4));
            let endorser = (!by.trim().is_empty()).then_some((by.as_str(), by_pass.as_str()));
            let community = app
                .store
                .meeting(meeting)
                .map_err(|e| err(app, e))?
                .community_id;
            app.store
                .register_endorsed(community, &name, &pass, &repeat, endorser)
                .map_err(|e| err(app, e))?;
            app.info(app.t(s::REGISTERED));
            return Ok(());
        }
        Purpose::Sign { meeting } => {
            let role = Role::from_db(&f.choice(0)).unwrap_or(Role::Member);
            let signer = app
                .store
                .signer_by_name(f.value(1).trim())
                .map_err(|e| err(app, e))?
                .ok_or_else(|| app.t(s::NOT_REGISTERED).to_string())?;
            let done = app
                .store
                .sign_meeting(meeting, signer.id, role, &f.value(2))
                .map_err(|e| err(app, e))?;
            app.refresh();
            if done.locked {
                app.info(app.t(s::SIGNED_LOCKED));
            } else {
                let missing: Vec<&str> = done
                    .missing
                    .iter()
                    .map(|r| strings::sign_role(app.lang, r.as_db()))
                    .collect();
                app.info(format!(
                    "{}{}",
                    app.t(s::SIGNED_WAITING),
                    missing.join("、")
                ));
            }
            return Ok(());
        }
        Purpose::Export { meeting } => {
            let format = match f.choice(0).as_str() {
                "html" => Format::Html,
                "json" => Format::Json,
                _ => Format::Md,
            };
            return write_export(app, meeting, format, f.choice(1) == "notice", &f.value(2));
        }
        Purpose::Addendum { meeting } => {
            let signer = app
                .store
                .signer_by_name(f.value(1).trim())
                .map_err(|e| err(app, e))?
                .ok_or_else(|| app.t(s::NOT_REGISTERED).to_string())?;
            app.store
                .add_addendum(meeting, &f.value(0), signer.id, &f.value(2))
                .map_err(|e| err(app, e))?;
            app.refresh();
            app.info(app.t(s::ADDENDUM_SIGNED));
            return Ok(());
        }
        Purpose::ExportNotice { meeting } => {
            return write_export(app, meeting, Format::Html, true, &f.value(0));
        }
        Purpose::ArchiveSearch => {
            let q = f.value(0);
            let n = app.views.len() - 1;
            let mut v = std::mem::replace(
                &mut app.views[n],
                View::Home(crate::ui::screens::home::Home::empty()),
            );
            if let View::Archive(a) = &mut v {
                a.set_search(app, &q);
            }
            app.views[n] = v;
            return Ok(());
        }
        Purpose::ArchiveFilter => {
            let (since, until) = (f.value(2).trim().to_string(), f.value(3).trim().to_string());
            for d in [&since, &until] {
                if !d.is_empty() && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                    return Err(app.t(s::BAD_DATE).into());
                }
            }
            let some = |x: String| Some(x).filter(|x| !x.is_empty());
            if let View::Archive(a) = app.view_mut() {
                a.filter.community = some(f.choice(0));
                a.filter.kind = some(f.choice(1));
                a.filter.since = some(since);
                a.filter.until = some(until);
                a.filter.category = some(f.choice(4));
                a.filter.outcome = some(f.choice(5));
                a.sel = 0;
                a.rows.clear();
            }
            app.refresh();
            return Ok(());
        }
        Purpose::Summary { meeting } => {
            app.store
                .set_summary(meeting, &f.value(0))
                .map_err(|e| err(app, e))?;
            app.refresh();
        }
    }
    app.info(app.t(s::SAVED));
    Ok(())
}

fn voter_input(f: &Form) -> VoterInput {
    VoterInput {
        name: f.value(0),
        kind: VoterKind::from_db(&f.choice(1)),
        roles: f.value(2),
        phone: f.value(3),
    }
}

/// Write an export to a new file (never overwriting one, nor the database; see
/// crate::files).
fn write_export(
    app: &mut App,
    meeting: i64,
    format: Format,
    notice: bool,
    path: &str,
) -> Result<(), String> {
    let mut path = std::path::PathBuf::from(path.trim());
    if path.extension().is_none() {
        path.set_extension(format.extension());
    }
    let text =
        crate::export::export(&app.store, meeting, format, notice).map_err(|e| err(app, e))?;
    let shown = crate::domain::text::clean_line(&path.display().to_string());
    crate::files::write_new(&path, text.as_bytes(), Some(app.store.path()), false)
        .map_err(|r| crate::strings::files::refusal(app.lang, &shown, &r, true))?;
    app.info(format!(
        "{}{}",
        app.t(s::EXPORTED),
        crate::domain::text::clean_line(&path.display().to_string())
    ));
    Ok(())
}
