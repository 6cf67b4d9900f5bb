//! Reading minutes: the secretary's review after adjourning (summary, signatures) and the
//! archive's reading view (verification status at the top, jump between items, export).
//! The text is wrapped by display width and can be opened at a search match.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::model::MeetingStatus;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::verify::{Role, VerifyStatus};
use crate::store::meetings::MeetingRow;
use crate::strings::{self, ui as s};
use crate::ui::app::{App, Nav, Pending};
use crate::ui::form::{Field, Form, Purpose};
use crate::ui::keymap::Act;
use crate::ui::{md_view, theme};

pub struct Minutes {
    pub id: i64,
    pub meeting: Option<MeetingRow>,
    /// The minutes with addenda and the signature block, as the export shows them.
    pub text: String,
    pub status: Option<VerifyStatus>,
    pub status_line: String,
    pub scroll: usize,
    /// A search match to open at and highlight.
    pub find: Option<String>,
    /// Wrapped width of the last frame (for item jumps and opening at a match).
    pub width: std::cell::Cell<usize>,
    /// The Markdown line of a search match to open at: placed on the top line at the
    /// width of the frame it is drawn in (the width is known only then), until a key
    /// moves the page.
    pub anchor: std::cell::Cell<Option<usize>>,
}

impl Minutes {
    pub fn load(app: &App, id: i64) -> Minutes {
        let mut m = Minutes {
            id,
            meeting: None,
            text: String::new(),
            status: None,
            status_line: String::new(),
            scroll: 0,
            find: None,
            width: std::cell::Cell::new(96),
            anchor: std::cell::Cell::new(None),
        };
        m.reload(app);
        m
    }

    /// Open at the first line containing `q` (from the archive's search).
    pub fn open_at(app: &App, id: i64, q: &str) -> Minutes {
        let mut m = Minutes::load(app, id);
        if !q.trim().is_empty() {
            m.find = Some(q.trim().to_string());
            m.anchor.set(md_view::first_match(&m.text, q.trim()));
        }
        m
    }

    pub fn reload(&mut self, app: &App) {
        self.meeting = app.store.meeting(self.id).ok();
        self.text = match app.store.minutes_text(self.id, app.lang) {
            Ok(t) => clean_multiline(&t),
            Err(e) => strings::store_error(app.lang, &e),
        };
        match app.store.verify_meeting(self.id) {
            Ok(r) => {
                let signers: Vec<String> = r
                    .signatures
                    .iter()
                    .map(|s| clean_line(&s.signer_name))
                    .collect();
                self.status_line = strings::verify_line(
                    app.lang,
                    None,
                    &clean_line(&r.title),
                    &r.status,
                    &signers.join("、"),
                );
                self.status = Some(r.status);
            }
            Err(e) => {
                self.status_line = strings::store_error(app.lang, &e);
                self.status = None;
            }
        }
    }

    fn lines(&self, width: usize) -> Vec<md_view::Shown> {
        md_view::layout(&self.text, width)
    }

    /// The top line: the anchor's first shown line while there is one.
    fn top(&self, lines: &[md_view::Shown]) -> usize {
        match self.anchor.get() {
            Some(src) => lines.iter().position(|l| l.src == src).unwrap_or(0),
            None => self.scroll,
        }
    }

    /// Scroll to the next (or previous) item heading.
    fn jump(&mut self, forward: bool) {
        let lines = self.lines(self.width.get());
        let heads: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == md_view::Kind::Heading)
            .map(|(i, _)| i)
            .collect();
        let target = if forward {
            heads.iter().copied().find(|&i| i > self.scroll)
        } else {
            heads.iter().rev().copied().find(|&i| i < self.scroll)
        };
        if let Some(t) = target {
            self.scroll = t;
        }
    }

    fn status(&self) -> MeetingStatus {
        self.meeting
            .as_ref()
            .map(|m| m.status)
            .unwrap_or(MeetingStatus::Adjourned)
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        let lines = self.lines(self.width.get());
        let last = lines.len().saturating_sub(1);
        // The page moves on from where the match put it.
        self.scroll = self.top(&lines);
        self.anchor.set(None);
        match act {
            Act::Up => self.scroll = self.scroll.saturating_sub(1),
            Act::Down => self.scroll = (self.scroll + 1).min(last),
            Act::PageUp => self.scroll = self.scroll.saturating_sub(15),
            Act::PageDown => self.scroll = (self.scroll + 15).min(last),
            Act::Top => self.scroll = 0,
            Act::Bottom => self.scroll = last,
            Act::NextItem => self.jump(true),
            Act::PrevItem => self.jump(false),
            Act::Back => return Nav::Back,
            Act::Summary => {
                let summary = self
                    .meeting
                    .as_ref()
                    .map(|m| m.summary.clone())
                    .unwrap_or_default();
                return Nav::Form(Box::new(Form::new(
                    app.t(s::F_SUMMARY),
                    Purpose::Summary { meeting: self.id },
                    vec![Field::multi(s::F_SUMMARY, &summary)],
                )));
            }
            Act::Register => {
                return Nav::Form(Box::new(Form::new(
                    app.t(s::K_REGISTER),
                    Purpose::Register { meeting: self.id },
                    vec![
                        Field::text(s::COL_NAME, ""),
                        Field::masked(s::F_PASSPHRASE),
                        Field::masked(s::F_REPEAT),
                        // The endorsement (empty while the community's roster is founded).
                        Field::text(crate::strings::trust::F_ENDORSER, ""),
                        Field::masked(crate::strings::trust::F_ENDORSER_PASS),
                    ],
                )));
            }
            Act::Sign
                if self.status() != MeetingStatus::Draft
                    && self.status() != MeetingStatus::Open =>
            {
                let l = app.lang;
                let roles: Vec<(String, String)> = [Role::Host, Role::Secretary, Role::Member]
                    .iter()
                    .map(|r| {
                        (
                            r.as_db().to_string(),
                            strings::sign_role(l, r.as_db()).to_string(),
                        )
                    })
                    .collect();
                let signed: Vec<String> = app
                    .store
                    .signatures(self.id)
                    .unwrap_or_default()
                    .iter()
                    .map(|s| s.role.clone())
                    .collect();
                let (role, name) = match &self.meeting {
                    Some(m) if !signed.iter().any(|r| r == "host") => ("host", m.host.clone()),
                    Some(m) => ("secretary", m.secretary.clone()),
                    None => ("host", String::new()),
                };
                return Nav::Form(Box::new(Form::new(
                    app.t(s::K_SIGN),
                    Purpose::Sign { meeting: self.id },
                    vec![
                        Field::choice(s::F_ROLE, roles, role),
                        Field::text(s::COL_NAME, &name),
                        Field::masked(s::F_PASSPHRASE),
                    ],
                )));
            }
            Act::Export => {
                let formats = vec![
                    ("md".to_string(), "Markdown".to_string()),
                    ("html".to_string(), "HTML (A4)".to_string()),
                    ("json".to_string(), "JSON".to_string()),
                ];
                let kinds = vec![
                    ("full".to_string(), app.t(s::EXPORT_FULL).to_string()),
                    ("notice".to_string(), app.t(s::EXPORT_NOTICE).to_string()),
                ];
                let default_path = format!("yishi-{}.md", self.id);
                return Nav::Form(Box::new(Form::new(
                    app.t(s::K_EXPORT),
                    Purpose::Export { meeting: self.id },
                    vec![
                        Field::choice(s::F_FORMAT, formats, "md"),
                        Field::choice(s::F_CONTENT, kinds, "full"),
                        Field::text(s::F_PATH, &default_path).with_hint(s::F_PATH_HINT),
                    ],
                )));
            }
            Act::Withdraw if self.status() == MeetingStatus::Adjourned => {
                return Nav::Ask(
                    app.t(s::CONFIRM_WITHDRAW).to_string(),
                    Pending::Withdraw(self.id),
                );
            }
            Act::Addendum if self.status() == MeetingStatus::Signed => {
                return Nav::Form(Box::new(Form::new(
                    app.t(s::K_ADDENDUM),
                    Purpose::Addendum { meeting: self.id },
                    vec![
                        Field::multi(s::F_ADDENDUM, ""),
                        Field::text(s::COL_NAME, ""),
                        Field::masked(s::F_PASSPHRASE),
                    ],
                )));
            }
            Act::ExportNotice => {
                let default_path = format!("yishi-{}-notice.html", self.id);
                return Nav::Form(Box::new(Form::new(
                    app.t(s::K_EXPORT_NOTICE),
                    Purpose::ExportNotice { meeting: self.id },
                    vec![Field::text(s::F_PATH, &default_path).with_hint(s::F_PATH_HINT)],
                )));
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(app.lang);
        let title = self
            .meeting
            .as_ref()
            .map(|m| clean_line(&m.title))
            .unwrap_or_default();
        let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
        let style = match &self.status {
            Some(VerifyStatus::Valid) => theme::pass(),
            Some(VerifyStatus::Invalid(_)) => theme::error(),
            _ => theme::focus(),
        };
        f.render_widget(
            Paragraph::new(Span::styled(self.status_line.clone(), style)).wrap(Wrap { trim: true }),
            top,
        );
        let block = Block::default().borders(Borders::ALL).title(format!(
            " {}{colon}{} ",
            app.t(s::MINUTES_TITLE),
            title
        ));
        let inner = block.inner(body);
        f.render_widget(block, body);
        self.width.set(inner.width as usize);
        let lines = self.lines(inner.width as usize);
        let scroll = self.top(&lines).min(lines.len().saturating_sub(1));
        let shown: Vec<Line<'_>> = lines
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .map(|l| md_view::to_line(l, self.find.as_deref()))
            .collect();
        f.render_widget(Paragraph::new(shown), inner);
    }
}

/// A line with every occurrence of `q` highlighted.
pub fn highlight(line: String, q: Option<&str>) -> Line<'static> {
    let style = if line.starts_with('#') {
        theme::heading()
    } else {
        ratatui::style::Style::default()
    };
    let Some(q) = q.filter(|q| !q.is_empty() && line.contains(*q)) else {
        return Line::from(Span::styled(line, style));
    };
    let mut spans = Vec::new();
    let mut rest = line.as_str();
    while let Some(i) = rest.find(q) {
        spans.push(Span::styled(rest[..i].to_string(), style));
        spans.push(Span::styled(q.to_string(), theme::selected()));
        rest = &rest[i + q.len()..];
    }
    spans.push(Span::styled(rest.to_string(), style));
    Line::from(spans)
}
