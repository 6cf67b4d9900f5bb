//! The secretary's archive: every finished meeting of every community, newest first, with
//! its verification status; filters; search over minutes, proposals and remarks that shows
//! the matching line and opens the minutes there.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::domain::model::{Category, MeetingKind};
use crate::domain::signing::verify::VerifyStatus;
use crate::domain::text::search::matching_line;
use crate::domain::text::{clean_line, truncate};
use crate::store::Refusal;
use crate::store::StoreError;
use crate::store::archive::{ArchiveFilter, ArchiveRow};
use crate::store::ids::MeetingId;
use crate::strings::{self, Lang, ui as s};
use crate::ui::ctx::Ctx;
use crate::ui::delivered::Delivered;
use crate::ui::fields::Fields;
use crate::ui::form::{Field, Form};
use crate::ui::keys::{self, Act, Binding};
use crate::ui::nav::Nav;
use crate::ui::route::Route;
use crate::ui::screen::{Screen, loaded, reread};
use crate::ui::screens::moved;
use crate::ui::theme;

/// How many rows around the selection get their status and matching line worked out.
const WINDOW: usize = 25;
/// Meetings fetched at a time; more are fetched as the selection nears the end.
const PAGE: usize = 100;

pub struct Archive {
    pub filter: ArchiveFilter,
    pub rows: Vec<ArchiveRow>,
    pub sel: usize,
    /// Verification status by meeting (worked out for the rows near the selection).
    pub status: HashMap<MeetingId, Option<VerifyStatus>>,
    /// The first line of the minutes that matches the search, by meeting.
    pub matches: HashMap<MeetingId, String>,
    /// Whether the archive may hold more meetings than fetched so far.
    pub more: bool,
}

impl Archive {
    pub fn load(ctx: &mut Ctx) -> Archive {
        loaded(
            ctx,
            Archive {
                filter: ArchiveFilter::default(),
                rows: Vec::new(),
                sel: 0,
                status: HashMap::new(),
                matches: HashMap::new(),
                more: false,
            },
        )
    }

    /// Work out status and match lines for the rows near the selection, fetching the
    /// next page first when the selection nears the end.
    fn fill(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        if self.more && self.sel + WINDOW >= self.rows.len() {
            let next = ctx
                .store
                .archive_page(&self.filter, Some(PAGE), self.rows.len())?;
            self.more = next.len() >= PAGE;
            self.rows.extend(next);
        }
        let from = self.sel.saturating_sub(WINDOW);
        let to = (self.sel + WINDOW).min(self.rows.len());
        let q = self.filter.search.clone().unwrap_or_default();
        for r in &self.rows[from..to] {
            if let std::collections::hash_map::Entry::Vacant(slot) = self.status.entry(r.id) {
                slot.insert(if r.status == "signed" {
                    Some(ctx.store.verify_meeting(r.id)?.status)
                } else {
                    None
                });
            }
            if !q.trim().is_empty() && !self.matches.contains_key(&r.id) {
                let text = ctx.store.minutes_text(r.id, ctx.lang)?;
                let line = matching_line(&text, &q).map(plain_line).unwrap_or_default();
                self.matches.insert(r.id, clean_line(&line));
            }
        }
        Ok(())
    }

    fn search_form(&self, ctx: &Ctx) -> Form<Nav> {
        let mut fields = Fields::default();
        // Opened empty: new words replace the old search (which the filter line
        // still shows), they are not typed after it.
        let words_field =
            fields.text(Field::text("words", s::F_SEARCH_WORDS, "").with_hint(s::F_SEARCH_HINT));
        Form::new(ctx.t(s::K_SEARCH), fields, move |f, _| {
            Ok(Nav::Deliver(Delivered::ArchiveSearch(f.get(words_field))))
        })
    }

    fn filter_form(&self, ctx: &Ctx) -> Result<Form<Nav>, StoreError> {
        let l = ctx.lang;
        let any = (String::new(), ctx.t(s::ANY).to_string());
        let mut communities = vec![any.clone()];
        communities.extend(
            ctx.store
                .communities()?
                .into_iter()
                .map(|c| (c.name.clone(), clean_line(&c.name))),
        );
        let mut kinds = vec![any.clone()];
        kinds.extend(MeetingKind::ALL.iter().map(|k| {
            (
                k.as_db().to_string(),
                strings::meeting_kind(l, *k).to_string(),
            )
        }));
        let mut cats = vec![any.clone()];
        cats.extend(
            Category::ALL
                .iter()
                .map(|c| (c.as_db().to_string(), strings::category(l, *c).to_string())),
        );
        let outcomes = vec![
            any,
            ("passed".into(), s::PASSED.get(l).into()),
            ("failed".into(), s::FAILED.get(l).into()),
        ];
        let f = &self.filter;
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let mut fields = Fields::default();
        let community_field = fields.choice(Field::choice(
            "community",
            s::F_COMMUNITY,
            communities,
            &opt(&f.community),
        ));
        let kind_field = fields.choice(Field::choice("kind", s::F_KIND, kinds, &opt(&f.kind)));
        let since_field =
            fields.text(Field::text("since", s::F_SINCE, &opt(&f.since)).with_hint(s::F_DATE_HINT));
        let until_field =
            fields.text(Field::text("until", s::F_UNTIL, &opt(&f.until)).with_hint(s::F_DATE_HINT));
        let category_field = fields.choice(Field::choice(
            "category",
            s::F_CATEGORY,
            cats,
            &opt(&f.category),
        ));
        let outcome_field = fields.choice(Field::choice(
            "outcome",
            s::F_OUTCOME,
            outcomes,
            &opt(&f.outcome),
        ));
        Ok(Form::new(ctx.t(s::K_FILTER), fields, move |f, _| {
            let (since, until) = (
                f.get(since_field).trim().to_string(),
                f.get(until_field).trim().to_string(),
            );
            for d in [&since, &until] {
                if !d.is_empty() && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                    return Err(Refusal::BadFilterDate.into());
                }
            }
            let some = |x: String| Some(x).filter(|x| !x.is_empty());
            Ok(Nav::Deliver(Delivered::ArchiveFilter(ArchiveFilter {
                community: some(f.pick(&community_field)),
                kind: some(f.pick(&kind_field)),
                since: some(since),
                until: some(until),
                category: some(f.pick(&category_field)),
                outcome: some(f.pick(&outcome_field)),
                ..ArchiveFilter::default()
            })))
        }))
    }

    fn filter_text(&self, l: Lang) -> String {
        let f = &self.filter;
        let mut parts = Vec::new();
        if let Some(c) = &f.community {
            parts.push(clean_line(c));
        }
        if let Some(k) = f.kind.as_deref().and_then(MeetingKind::from_db) {
            parts.push(strings::meeting_kind(l, k).to_string());
        }
        if f.since.is_some() || f.until.is_some() {
            parts.push(format!(
                "{}–{}",
                f.since.as_deref().unwrap_or(""),
                f.until.as_deref().unwrap_or("")
            ));
        }
        if let Some(c) = f.category.as_deref().and_then(Category::from_db) {
            parts.push(strings::category(l, c).to_string());
        }
        match f.outcome.as_deref() {
            Some("passed") => parts.push(s::PASSED.get(l).to_string()),
            Some("failed") => parts.push(s::FAILED.get(l).to_string()),
            _ => {}
        }
        if let Some(q) = &f.search {
            parts.push(format!("「{}」", clean_line(q)));
        }
        parts.join(" · ")
    }
}

impl Screen for Archive {
    fn keys(&self) -> &'static [Binding] {
        keys::ARCHIVE
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        // Keep as many rows as were shown (at least one page), so a refresh keeps the place.
        let want = self.rows.len().max(PAGE);
        self.rows = ctx.store.archive_page(&self.filter, Some(want), 0)?;
        self.more = self.rows.len() >= want;
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
        self.status.clear();
        self.matches.clear();
        self.fill(ctx)
    }

    fn deliver(&mut self, ctx: &mut Ctx, value: Delivered) -> Result<Nav, StoreError> {
        match value {
            Delivered::ArchiveSearch(q) => {
                self.filter.search = Some(q.trim().to_string()).filter(|q| !q.is_empty());
            }
            Delivered::ArchiveFilter(f) => {
                let kept = std::mem::take(&mut self.filter);
                self.filter = ArchiveFilter {
                    search: kept.search,
                    include_open: kept.include_open,
                    ..f
                };
            }
            _ => {}
        }
        self.sel = 0;
        self.rows.clear();
        reread(ctx, self);
        Ok(Nav::Stay)
    }

    fn on(&mut self, ctx: &mut Ctx, act: Act) -> Nav {
        match act {
            Act::Civic(_) => Nav::Open(Route::Summary),
            Act::Up | Act::Down | Act::PageUp | Act::PageDown | Act::Top | Act::Bottom => {
                self.sel = moved(self.sel, self.rows.len(), act, 10);
                if let Err(e) = self.fill(ctx) {
                    ctx.error(ctx.say(&e));
                }
                Nav::Stay
            }
            Act::Search => Nav::form(self.search_form(ctx)),
            Act::Filter => match self.filter_form(ctx) {
                Ok(f) => Nav::form(f),
                Err(e) => {
                    ctx.error(ctx.say(&e));
                    Nav::Stay
                }
            },
            Act::ClearFilter => {
                self.filter = ArchiveFilter::default();
                self.rows.clear();
                self.sel = 0;
                reread(ctx, self);
                Nav::Stay
            }
            Act::Open => match self.rows.get(self.sel) {
                Some(r) => {
                    let words = self.filter.search.clone().unwrap_or_default();
                    Nav::Open(Route::MinutesAt {
                        meeting: r.id,
                        words,
                    })
                }
                None => Nav::Stay,
            },
            Act::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn draw(&self, ctx: &Ctx, f: &mut Frame<'_>, area: Rect) {
        let colon = crate::strings::ui::colon(ctx.lang);
        let l = ctx.lang;
        let [top, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        let ft = self.filter_text(l);
        let head = if ft.is_empty() {
            ctx.t(s::NO_FILTER).to_string()
        } else {
            format!("{}{colon}{}", ctx.t(s::FILTER), ft)
        };
        f.render_widget(
            Paragraph::new(format!(
                " {head}   {}",
                s::found(l, self.rows.len(), self.more)
            ))
            .style(theme::focus()),
            top,
        );
        let width = list.width.saturating_sub(8) as usize;
        let items: Vec<ListItem<'_>> = if self.rows.is_empty() {
            vec![ListItem::new(ctx.t(s::NOTHING_FOUND))]
        } else {
            self.rows
                .iter()
                .map(|r| self.row_item(ctx, r, width))
                .collect()
        };
        let list_w = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", ctx.t(s::ARCHIVE_TITLE))),
            )
            .highlight_style(theme::selected())
            .highlight_symbol("> ");
        let mut state =
            ListState::default().with_selected((!self.rows.is_empty()).then_some(self.sel));
        f.render_stateful_widget(list_w, list, &mut state);
    }
}

impl Archive {
    /// One meeting: its verification, date, community, kind and title; its items'
    /// outcomes; the line that matched the search.
    fn row_item(&self, ctx: &Ctx, r: &ArchiveRow, width: usize) -> ListItem<'static> {
        let l = ctx.lang;
        let q = self.filter.search.clone();
        let (word, style) = match (r.status.as_str(), self.status.get(&r.id)) {
            ("signed", Some(Some(VerifyStatus::Valid))) => (s::ST_VALID.get(l), theme::pass()),
            ("signed", Some(Some(VerifyStatus::Invalid(_)))) => {
                (s::ST_INVALID.get(l), theme::fail())
            }
            ("signed", _) => (s::ST_SIGNED.get(l), theme::dim()),
            _ => (s::ST_UNSIGNED.get(l), theme::focus()),
        };
        let kind = MeetingKind::from_db(&r.kind)
            .map(|k| strings::meeting_kind(l, k))
            .unwrap_or("");
        let origin = if r.origin == "imported" {
            s::IMPORTED.get(l)
        } else {
            ""
        };
        let outcomes: Vec<String> = r
            .items
            .iter()
            .filter_map(|i| {
                i.outcome.as_deref().map(|o| {
                    format!(
                        "{}{}",
                        clean_line(&i.title),
                        if o == "passed" { "✓" } else { "✗" }
                    )
                })
            })
            .collect();
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!("[{word}] "), style),
                Span::raw(format!(
                    "{}  {}  {}  {}{}",
                    r.starts_at.get(..10).unwrap_or(&r.starts_at),
                    clean_line(&r.community),
                    kind,
                    clean_line(&r.title),
                    origin
                )),
            ]),
            Line::from(Span::styled(
                format!("      {}", truncate(&outcomes.join("  "), width)),
                theme::dim(),
            )),
        ];
        if let Some(m) = self.matches.get(&r.id).filter(|m| !m.is_empty()) {
            let mut hl = highlight(format!("      {}", truncate(m, width)), q.as_deref());
            hl.spans.insert(0, Span::raw(""));
            lines.push(hl);
        }
        ListItem::new(lines)
    }
}

/// A line with every occurrence of `q` highlighted.
fn highlight(line: String, q: Option<&str>) -> Line<'static> {
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

/// A line of the minutes as a reader sees it, without its Markdown marks: the heading's
/// "## ", a quote's "> ", a list's "- " and the backslash before an escaped "1\.".
fn plain_line(line: &str) -> String {
    let mut l = line.trim();
    loop {
        // A mark is one only when a space follows it ("#1栋" stays as it is).
        let hashes = l.trim_start_matches('#');
        let next = [
            hashes,
            l.strip_prefix('>').unwrap_or(l),
            l.strip_prefix('-').unwrap_or(l),
        ]
        .into_iter()
        .find(|rest| rest.len() < l.len() && rest.starts_with(' '));
        match next {
            Some(rest) => l = rest.trim_start(),
            None => break,
        }
    }
    l.replace("\\.", ".")
}

#[cfg(test)]
mod plain_line_tests {
    use super::plain_line;

    #[test]
    fn markdown_marks_are_left_out_of_the_matching_line() {
        assert_eq!(
            plain_line("## 议题 1：安装小区大门"),
            "议题 1：安装小区大门"
        );
        assert_eq!(
            plain_line("> 1\\. 采购并安装东门电动伸缩门"),
            "1. 采购并安装东门电动伸缩门"
        );
        assert_eq!(plain_line("- 结果：通过"), "结果：通过");
        assert_eq!(plain_line("  同意 3/4 ✓"), "同意 3/4 ✓");
        assert_eq!(plain_line("#1栋 -2"), "#1栋 -2");
    }
}
