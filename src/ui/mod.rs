//! The full-screen program: the terminal's set-up and restoration, the event loop, and
//! the frame around every screen (title, message line, key bar, overlays, room view).

mod app;
mod ctx;
mod delivered;
mod drafts;
mod editor;
mod fields;
mod form;
mod forms;
mod item_detail;
mod keys;
mod matching;
mod md_view;
mod nav;
mod resume;
mod room;
mod room_bars;
mod route;
mod screen;
mod screens;
mod theme;
mod widgets;

pub use app::App;
pub use editor::Editor;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::text::width;
use crate::store::Store;
use crate::strings::{Lang, ui as s};
use app::{Overlay, too_small};

/// Leave the terminal as we found it: raw mode off, main screen, no bracketed paste.
fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// Run the program until the user quits (or SIGTERM/SIGHUP arrive). The terminal is
/// restored on every way out, panics included.
pub fn run(mut store: Store, lang: Lang) -> Result<(), String> {
    let read_only_file = store.read_only();
    let claimed = store.claim();
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let mut signals =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).map_err(|e| e.to_string())?;
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                stop.store(true, Ordering::Relaxed);
                // The event loop sees the flag within half a second and restores the
                // terminal. But once the terminal has hung up, crossterm's poll spins on
                // end-of-file and never returns: then end the program from here (every
                // answer is already committed, so nothing is lost).
                std::thread::sleep(Duration::from_secs(2));
                restore();
                signal_hook::low_level::exit(1);
            }
        });
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let mut app = App::new(store, lang);
    if !claimed && !read_only_file {
        app.error(s::OPEN_ELSEWHERE.get(lang));
    }
    let result = event_loop(&mut terminal, &mut app, &stop);
    restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> Result<(), String> {
    // A large file's integrity check runs in the background (see store::Integrity);
    // its failure is told once, and the store refuses writes from then on.
    let mut integrity_told = false;
    // Test hook: with YISHI_TEST_PANIC=1, F12 panics inside the UI, so the tests can
    // prove the terminal is restored and the meeting resumes after a panic.
    let test_panic = std::env::var_os("YISHI_TEST_PANIC").is_some_and(|v| v == "1");
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if !integrity_told && let crate::store::Integrity::Failed = app.store.integrity() {
            integrity_told = true;
            let lang = app.lang;
            app.error(crate::strings::forms::INTEGRITY_FAILED.get(lang));
        }
        terminal.draw(|f| draw(app, f)).map_err(|e| e.to_string())?;
        // Wake up each second for the speaker's clock and to notice signals.
        if event::poll(Duration::from_millis(500)).map_err(|e| e.to_string())? {
            let ev = event::read().map_err(|e| e.to_string())?;
            if test_panic
                && let event::Event::Key(k) = &ev
                && k.code == event::KeyCode::F(12)
            {
                panic_on_request();
            }
            app.handle_event(ev);
        }
    }
    Ok(())
}

/// The test hook's panic (see `event_loop`): proves the terminal is restored and the
/// meeting resumes after a panic.
#[expect(
    clippy::panic,
    reason = "a panic inside the UI is this test hook's purpose"
)]
fn panic_on_request() {
    panic!("YISHI_TEST_PANIC: a panic inside the UI, on request");
}

/// Draw the whole frame from the app's state; drawing changes no state (it only notes
/// in a `Cell` whether the window is too small, for the keys that follow).
pub fn draw(app: &App, f: &mut Frame<'_>) {
    let area = f.area();
    app.too_small.set(too_small(area.width, area.height));
    if app.too_small.get() {
        let msg = Paragraph::new(app.t(s::TOO_SMALL)).wrap(Wrap { trim: true });
        f.render_widget(msg, area);
        return;
    }
    if app.room && app.room_applies() && app.top().draw_room(&app.ctx, f, area) {
        return;
    }
    let [top, body, msg, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let mut title = format!(" {} ", app.t(s::APP_TITLE));
    if app.store.read_only() {
        title.push_str(&format!(" [{}]", app.t(s::READ_ONLY)));
    }
    f.render_widget(Paragraph::new(title).style(theme::title()), top);
    app.top().draw(&app.ctx, f, body);
    if let Some(m) = &app.msg {
        let style = if m.error {
            theme::error()
        } else {
            theme::info()
        };
        f.render_widget(Paragraph::new(format!(" {}", m.text)).style(style), msg);
    }
    draw_keys(app, f, keys);
    let lang = app.lang;
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => draw_help(lang, app.keymap(), app.store.read_only(), f, body),
        Some(Overlay::Confirm(c)) => {
            let keys = keys::dialog::line(app::confirm_keys(c), lang, "   ");
            draw_confirm(&c.question, keys, f, body)
        }
        Some(Overlay::Form(form)) => form.render(f, body, lang),
        Some(Overlay::Discard(form)) => drafts::draw_discard(lang, form, f, body),
    }
}

/// The bottom bar: the keys of this screen, from the keymap, packed by display width so
/// no hint is split across lines. When they do not all fit (80 columns, a long screen),
/// the last ones give way to F1 help, which lists them all: a new host always sees it.
fn draw_keys(app: &App, f: &mut Frame<'_>, area: Rect) {
    let hints = keys::hints(app.keymap(), app.lang, app.store.read_only());
    let cells: Vec<(String, String, bool)> = hints
        .into_iter()
        .map(|(k, h, act)| (format!(" {k} "), format!(" {h}  "), act == keys::Act::Help))
        .collect();
    let lines = pack_keys(&cells, area.width as usize, area.height as usize)
        .into_iter()
        .map(|line| {
            Line::from(
                line.into_iter()
                    .flat_map(|k| {
                        [
                            Span::styled(cells[k].0.clone(), theme::key()),
                            Span::raw(cells[k].1.clone()),
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect::<Vec<_>>();
    f.render_widget(Paragraph::new(lines), area);
}

/// Which cells (key, hint, is help) go on which of `rows` lines of `cols` columns, in
/// order, none split: all of them when they fit, else as many as fit with help last.
fn pack_keys(cells: &[(String, String, bool)], cols: usize, rows: usize) -> Vec<Vec<usize>> {
    let w = |k: usize| width(&cells[k].0) + width(&cells[k].1);
    let pack = |order: &[usize], reserve: usize| {
        let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0;
        for &k in order {
            let last = lines.len() == rows;
            let room = cols.saturating_sub(if last { reserve } else { 0 });
            if used + w(k) > room && used > 0 {
                if last {
                    return (lines, false);
                }
                lines.push(Vec::new());
                used = 0;
            }
            if let Some(l) = lines.last_mut() {
                l.push(k);
            }
            used += w(k);
        }
        (lines, true)
    };
    let all: Vec<usize> = (0..cells.len()).collect();
    let (lines, fit) = pack(&all, 0);
    let help = cells.iter().position(|c| c.2);
    match help {
        Some(h) if !fit => {
            let others: Vec<usize> = all.into_iter().filter(|&k| k != h).collect();
            let (mut lines, _) = pack(&others, w(h));
            lines.truncate(rows.max(1));
            if let Some(l) = lines.last_mut() {
                l.push(h);
            }
            lines
        }
        _ => lines,
    }
}

fn popup(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_help(l: Lang, table: &[keys::Binding], read_only: bool, f: &mut Frame<'_>, area: Rect) {
    let rows = keys::all(table, l, read_only);
    // One column when it fits the height (an 80×24 window, a screen with many keys);
    // else side by side in columns across the width, so the last keys are not cut off.
    let notes = if read_only { 3 } else { 2 };
    let fit = (area.height as usize).saturating_sub(2 + notes).max(1);
    let columns = rows.len().div_ceil(fit).max(1);
    let per = rows.len().div_ceil(columns);
    let kw = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(4);
    let cell = if columns == 1 {
        62
    } else {
        ((area.width as usize).saturating_sub(2) / columns).max(kw + 4)
    };
    let mut lines: Vec<Line<'_>> = (0..per)
        .map(|r| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some((k, h)) = rows.get(c * per + r) {
                    spans.push(Span::styled(
                        crate::domain::text::pad(k, kw + 2),
                        theme::focus(),
                    ));
                    let last = c + 1 == columns;
                    let hint = if last {
                        h.to_string()
                    } else {
                        crate::domain::text::pad(h, cell.saturating_sub(kw + 2))
                    };
                    spans.push(Span::raw(hint));
                }
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::from(""));
    if read_only {
        lines.push(Line::from(Span::styled(
            s::HELP_READ_ONLY.get(l),
            theme::dim(),
        )));
    }
    lines.push(Line::from(Span::styled(
        s::PRESS_ANY_KEY.get(l),
        theme::dim(),
    )));
    let w = if columns == 1 { 64 } else { area.width };
    let r = popup(area, w, lines.len() as u16 + 2);
    widgets::clear_popup(f, r);
    f.render_widget(
        Paragraph::new(lines).style(theme::popup()).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", s::HELP_TITLE.get(l))),
        ),
        r,
    );
}

fn draw_confirm(text: &str, keys: String, f: &mut Frame<'_>, area: Rect) {
    let lines = crate::domain::text::wrap::wrap(text, 56);
    let mut body: Vec<Line<'_>> = lines.into_iter().map(Line::from).collect();
    body.push(Line::from(""));
    body.push(Line::from(Span::styled(keys, theme::focus())));
    let r = popup(area, 60, body.len() as u16 + 2);
    widgets::clear_popup(f, r);
    f.render_widget(
        Paragraph::new(body)
            .style(theme::popup())
            .block(Block::default().borders(Borders::ALL)),
        r,
    );
}

#[cfg(test)]
mod bar_tests {
    use super::pack_keys;

    fn cells(n: usize, help: usize) -> Vec<(String, String, bool)> {
        (0..n)
            .map(|k| (format!(" {k} "), " 十个字宽  ".to_string(), k == help))
            .collect()
    }

    #[test]
    fn keys_that_fit_keep_their_order_and_help_stays_when_some_give_way() {
        // Each cell is 3 + 12 = 15 columns: four to a line of 60.
        let c = cells(6, 5);
        assert_eq!(pack_keys(&c, 60, 2), vec![vec![0, 1, 2, 3], vec![4, 5]]);
        let c = cells(12, 11);
        let got = pack_keys(&c, 60, 2);
        assert_eq!(got, vec![vec![0, 1, 2, 3], vec![4, 5, 6, 11]]);
        // Help first in the table (it is not always last) is still kept, at the end.
        let c = cells(12, 0);
        assert_eq!(
            pack_keys(&c, 60, 2),
            vec![vec![1, 2, 3, 4], vec![5, 6, 7, 0]]
        );
        // One line only.
        assert_eq!(pack_keys(&c, 60, 1), vec![vec![1, 2, 3, 0]]);
    }
}
