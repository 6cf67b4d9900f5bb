//! The secretary's review after adjourning: the minutes, scrollable and wrapped by
//! display width, the summary, and signing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::text::{clean_line, wrap};
use crate::store::meetings::MeetingRow;
use crate::strings::ui as s;
use crate::ui::app::{App, Nav};
use crate::ui::form::Purpose;
use crate::ui::forms;
use crate::ui::keymap::Act;

pub struct Minutes {
    pub id: i64,
    pub meeting: Option<MeetingRow>,
    /// The rendered minutes, as the secretary will sign them.
    pub text: String,
    pub scroll: usize,
}

impl Minutes {
    pub fn load(app: &App, id: i64) -> Minutes {
        let mut m = Minutes {
            id,
            meeting: None,
            text: String::new(),
            scroll: 0,
        };
        m.reload(app);
        m
    }

    pub fn reload(&mut self, app: &App) {
        self.meeting = app.store.meeting(self.id).ok();
        self.text = match app.store.meeting_record(self.id) {
            Ok(rec) => interim_text(&rec),
            Err(e) => crate::strings::store_error(app.lang, &e),
        };
    }

    pub fn on(&mut self, app: &mut App, act: Act) -> Nav {
        match act {
            Act::Up => self.scroll = self.scroll.saturating_sub(1),
            Act::Down => self.scroll += 1,
            Act::PageUp => self.scroll = self.scroll.saturating_sub(15),
            Act::PageDown => self.scroll += 15,
            Act::Top => self.scroll = 0,
            Act::Back => return Nav::Back,
            Act::Summary => {
                let summary = self
                    .meeting
                    .as_ref()
                    .map(|m| m.summary.clone())
                    .unwrap_or_default();
                return Nav::Form(Box::new(forms::multi_line(
                    app,
                    s::F_SUMMARY,
                    s::F_SUMMARY,
                    &summary,
                    Purpose::Summary { meeting: self.id },
                )));
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn draw(&self, app: &App, f: &mut Frame<'_>, area: Rect) {
        let title = self
            .meeting
            .as_ref()
            .map(|m| clean_line(&m.title))
            .unwrap_or_default();
        let block = Block::default().borders(Borders::ALL).title(format!(
            " {}：{} ",
            app.t(s::MINUTES_TITLE),
            title
        ));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let lines: Vec<Line<'_>> = wrap(
            &crate::domain::text::clean_multiline(&self.text),
            inner.width as usize,
        )
        .into_iter()
        .skip(self.scroll)
        .take(inner.height as usize)
        .map(Line::from)
        .collect();
        f.render_widget(Paragraph::new(lines), inner);
    }
}

/// Until the minutes renderer lands: the items and their outcomes.
fn interim_text(rec: &crate::domain::record::MeetingRecord) -> String {
    let mut out = format!("{}\n{}\n\n", rec.title, rec.starts_at);
    for it in &rec.items {
        let o = it
            .vote
            .as_ref()
            .and_then(|v| v.outcome.as_ref())
            .map(|o| if o.passed { "✓" } else { "✗" })
            .unwrap_or("");
        out.push_str(&format!("{}. {} {}\n", it.position, it.title, o));
    }
    out.push_str(&format!("\n{}\n", rec.summary));
    out
}
