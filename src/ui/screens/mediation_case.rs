//! One mediation case: its parties, mediators, facts and issue, the terms of
//! its agreement and the parties' paper signatures on the left; its sessions and
//! performance checks on the right. Tab shows the agreement itself: the draft rendered
//! from the records as they are now, or the text the mediator signed. Every change is a
//! form whose submit is committed before the screen shows it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::mediation::agreement::{V1_WORDS, party_label};
use crate::domain::mediation::verify::{AgreementAddendum, AgreementSignature};
use crate::domain::mediation::{CaseRecord, Session};
use crate::domain::text::clean_line;
use crate::store::StoreError;
use crate::store::ids::{CaseId, CommunityId};
use crate::store::mediation::{CaseRow, CheckRow};
use crate::strings::mediation as m;
use crate::ui::ctx::Ctx;
use crate::ui::forms::mediation as fm;
use crate::ui::keys::act::MedAct;
use crate::ui::keys::mediation::{CASE, CASE_SIGNED};
use crate::ui::keys::{Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::screen::{Screen, loaded};
use crate::ui::theme;
use crate::ui::widgets::wrap_lines;

pub struct CaseScreen {
    pub id: CaseId,
    pub row: Option<CaseRow>,
    pub rec: Option<CaseRecord>,
    pub sessions: Vec<Session>,
    pub checks: Vec<CheckRow>,
    pub signatures: Vec<AgreementSignature>,
    pub addenda: Vec<AgreementAddendum>,
    /// The agreement as it reads now (draft or signed).
    pub text: String,
    pub show_text: bool,
    pub scroll: u16,
}

impl CaseScreen {
    pub fn load(ctx: &mut Ctx, id: CaseId) -> CaseScreen {
        loaded(
            ctx,
            CaseScreen {
                id,
                row: None,
                rec: None,
                sessions: Vec::new(),
                checks: Vec::new(),
                signatures: Vec::new(),
                addenda: Vec::new(),
                text: String::new(),
                show_text: false,
                scroll: 0,
            },
        )
    }

    fn signed(&self) -> bool {
        self.row.as_ref().is_some_and(|r| r.signed)
    }

    /// The mediator offered in the signing forms: the first one of the case who has not
    /// signed yet, else the first.
    fn mediator(&self) -> String {
        let Some(rec) = &self.rec else {
            return String::new();
        };
        rec.mediators
            .iter()
            .find(|n| !self.signatures.iter().any(|s| &s.signer_name == *n))
            .or(rec.mediators.first())
            .cloned()
            .unwrap_or_default()
    }

    /// The case and the agreement's text: its facts, then its terms and signatures.
    fn left(&self, ctx: &Ctx) -> Vec<Line<'static>> {
        let (Some(row), Some(rec)) = (&self.row, &self.rec) else {
            return Vec::new();
        };
        let mut out = self.facts_lines(ctx, row, rec);
        out.extend(self.terms_lines(ctx, rec));
        out
    }

    /// The case's number, title, status, kind, parties, mediators, facts and issue.
    fn facts_lines(&self, ctx: &Ctx, row: &CaseRow, rec: &CaseRecord) -> Vec<Line<'static>> {
        let l = ctx.lang;
        let c = crate::strings::ui::colon(l);
        let mut out = vec![
            Line::from(Span::styled(
                format!(
                    "{} {}  {}",
                    row.number,
                    clean_line(&rec.title),
                    m::status(l, row.status)
                ),
                theme::heading(),
            )),
            Line::from(format!(
                "{}{c}{}  {}{c}{}",
                ctx.t(m::COL_KIND),
                m::kind(l, rec.kind),
                ctx.t(m::COL_OPENED),
                rec.opened_on
            )),
            Line::from(""),
            Line::from(Span::styled(
                ctx.t(m::PARTIES).to_string(),
                theme::heading(),
            )),
        ];
        for p in &rec.parties {
            let mut t = format!(
                "  {} {} {}",
                party_label(&V1_WORDS, p.seq),
                clean_line(&p.name),
                clean_line(&p.units.join("、"))
            );
            if !p.on_roster {
                t.push_str(&format!("（{}）", ctx.t(m::OUTSIDER)));
            }
            out.push(Line::from(t));
        }
        out.push(Line::from(format!(
            "{}{c}{}",
            ctx.t(m::MEDIATORS),
            clean_line(&rec.mediators.join("、"))
        )));
        for (label, text) in [(m::FACTS, &rec.facts), (m::ISSUE, &rec.issue)] {
            out.push(Line::from(Span::styled(
                ctx.t(label).to_string(),
                theme::heading(),
            )));
            for t in text.lines() {
                out.push(Line::from(format!("  {}", clean_line(t))));
            }
        }
        out
    }

    /// The agreement's terms, its paper signatures and its signers.
    fn terms_lines(&self, ctx: &Ctx, rec: &CaseRecord) -> Vec<Line<'static>> {
        let l = ctx.lang;
        let c = crate::strings::ui::colon(l);
        let mut out = Vec::new();
        out.push(Line::from(Span::styled(
            ctx.t(m::TERMS).to_string(),
            theme::heading(),
        )));
        // Empty: say so, and (while it can still change) which key fills it.
        let open = !self.signed();
        if rec.terms.is_empty() {
            let none = if open { m::NO_TERMS } else { m::NONE };
            out.push(Line::from(Span::styled(
                format!("  {}", ctx.t(none)),
                theme::dim(),
            )));
        }
        for t in &rec.terms {
            out.push(Line::from(format!(
                "  {}. {} {}（{} {}）",
                t.seq,
                party_label(&V1_WORDS, t.party),
                clean_line(&t.duty),
                ctx.t(m::COL_DUE),
                t.due_on
            )));
        }
        let paper: Vec<String> = rec
            .paper
            .iter()
            .map(|p| format!("{} {}", party_label(&V1_WORDS, p.party), p.signed_on))
            .collect();
        let paper = match (paper.is_empty(), open) {
            (false, _) => paper.join("；"),
            (true, true) => ctx.t(m::NO_PAPER).to_string(),
            (true, false) => ctx.t(m::NONE).to_string(),
        };
        out.push(Line::from(format!("{}{c}{paper}", ctx.t(m::PAPER))));
        let signers: Vec<String> = self
            .signatures
            .iter()
            .filter(|s| s.addendum_id.is_none())
            .map(|s| format!("{} {}", clean_line(&s.signer_name), s.fingerprint()))
            .collect();
        if !signers.is_empty() {
            out.push(Line::from(Span::styled(
                format!("{}{c}{}", ctx.t(m::SIGNED_BY), signers.join("；")),
                theme::pass(),
            )));
        }
        out
    }

    fn right(&self, ctx: &Ctx) -> Vec<Line<'static>> {
        let c = crate::strings::ui::colon(ctx.lang);
        let mut out = Vec::new();
        if self.sessions.is_empty() {
            out.push(Line::from(ctx.t(m::NO_SESSIONS).to_string()));
        }
        for sn in &self.sessions {
            out.push(Line::from(Span::styled(
                format!(
                    "{}  {}{c}{}",
                    sn.held_on,
                    ctx.t(m::PRESENT),
                    clean_line(&sn.present.join("、"))
                ),
                theme::heading(),
            )));
            for t in sn.notes.lines() {
                out.push(Line::from(format!("  {}", clean_line(t))));
            }
        }
        if !self.checks.is_empty() {
            out.push(Line::from(""));
            out.push(Line::from(Span::styled(
                ctx.t(m::CHECKS).to_string(),
                theme::heading(),
            )));
        }
        for k in &self.checks {
            let word = if k.performed {
                m::YES_PERFORMED
            } else {
                m::NOT_PERFORMED
            };
            out.push(Line::from(format!(
                "{} {}{c}{}",
                k.checked_on,
                ctx.t(word),
                clean_line(&k.note)
            )));
        }
        for a in &self.addenda {
            out.push(Line::from(""));
            out.push(Line::from(Span::styled(
                format!("{} {}", ctx.t(m::K_ADDENDUM), a.id),
                theme::heading(),
            )));
            for t in a.text.lines() {
                out.push(Line::from(format!("  {}", clean_line(t))));
            }
        }
        out
    }
}

impl Screen for CaseScreen {
    fn keys(&self) -> &'static [Binding] {
        if self.signed() { CASE_SIGNED } else { CASE }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        let st = &ctx.store;
        self.row = Some(st.case_row(self.id)?);
        self.rec = Some(st.case_record(self.id)?);
        self.sessions = st.sessions(self.id)?;
        self.checks = st.checks(self.id)?;
        self.signatures = st.agreement_signatures(self.id)?;
        self.addenda = st.agreement_addenda(self.id)?;
        self.text = st.agreement_text(self.id)?;
        Ok(())
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        let id = self.id;
        let Some(rec) = self.rec.clone() else {
            return if act == Act::Back {
                Nav::Back
            } else {
                Nav::Stay
            };
        };
        let signed = self.signed();
        match act {
            Act::Back if self.show_text => {
                self.show_text = false;
                Nav::Stay
            }
            Act::Back => Nav::Back,
            Act::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Nav::Stay
            }
            Act::Down => {
                self.scroll = self.scroll.saturating_add(1).min(500);
                Nav::Stay
            }
            Act::PageUp => {
                self.scroll = self.scroll.saturating_sub(10);
                Nav::Stay
            }
            Act::PageDown => {
                self.scroll = self.scroll.saturating_add(10).min(500);
                Nav::Stay
            }
            Act::Top => {
                self.scroll = 0;
                Nav::Stay
            }
            Act::Mediation(a) => match a {
                MedAct::Text => {
                    self.show_text = !self.show_text;
                    self.scroll = 0;
                    Nav::Stay
                }
                MedAct::Session => Nav::form(fm::session_form(ctx, id, &rec)),
                MedAct::Sign => Nav::form(fm::sign_form(ctx, id, &self.mediator())),
                MedAct::Check if signed => Nav::form(fm::check_form(ctx, id)),
                MedAct::Addendum if signed => {
                    Nav::form(fm::addendum_form(ctx, id, &self.mediator()))
                }
                _ if signed => Nav::Stay,
                MedAct::Edit => Nav::form(fm::edit_case_form(ctx, id, &rec)),
                MedAct::Party => Nav::form(fm::party_form(ctx, id)),
                MedAct::Mediator => {
                    let team = ctx.store.mediation_team(
                        self.row.as_ref().map_or(CommunityId(0), |r| r.community_id),
                    );
                    let suggested = team
                        .unwrap_or_default()
                        .into_iter()
                        .find(|n| !rec.mediators.contains(n))
                        .unwrap_or_default();
                    Nav::form(fm::mediator_form(ctx, id, &suggested))
                }
                MedAct::Term if !rec.parties.is_empty() => Nav::form(fm::term_form(ctx, id, &rec)),
                MedAct::Paper if !rec.parties.is_empty() => {
                    Nav::form(fm::paper_form(ctx, id, &rec))
                }
                MedAct::Status => match self
                    .row
                    .as_ref()
                    .and_then(|r| fm::status_form(ctx, id, r.status))
                {
                    Some(f) => Nav::form(f),
                    None => Nav::Stay,
                },
                _ => Nav::Stay,
            },
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let title = |t: &str| format!(" {t} ");
        if self.show_text {
            let head = if self.signed() {
                m::SIGNED_TEXT
            } else {
                m::DRAFT
            };
            let lines: Vec<Line<'_>> = self
                .text
                .lines()
                .map(|t| Line::from(clean_line(t)))
                .collect();
            let lines = wrap_lines(lines, usize::from(area.width.saturating_sub(2)));
            f.render_widget(
                Paragraph::new(lines).scroll((self.scroll, 0)).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(title(ctx.t(head))),
                ),
                area,
            );
            return;
        }
        let [left, right] = if area.width >= 90 {
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area)
        } else {
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area)
        };
        let lw = usize::from(left.width.saturating_sub(2));
        f.render_widget(
            Paragraph::new(wrap_lines(self.left(ctx), lw))
                .scroll((self.scroll, 0))
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(title(ctx.t(m::CASE_TITLE))),
                ),
            left,
        );
        let rw = usize::from(right.width.saturating_sub(2));
        f.render_widget(
            Paragraph::new(wrap_lines(self.right(ctx), rw)).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(title(ctx.t(m::SESSIONS))),
            ),
            right,
        );
    }
}
