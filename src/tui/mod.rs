//! The operator console (`chatctl ui`; `lag --watch` and `dlq tail` open it on their
//! screen): terminal setup and restore in one place, one event loop, the console's
//! navigation in `console`, one folder per screen (state, view, input).
//!
//! Data comes from pollers on their own threads as updates over a channel; the loop
//! redraws only when a key, a resize or an update changed something, so an idle screen
//! costs a wake-up every 100 ms and nothing else, and a slow broker never freezes it.

pub mod confirm;
pub mod console;
pub mod dlq;
pub mod lag;
pub mod request;
pub mod text;

use std::io;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;

/// What a key press asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// A screen: pure rendering from its state, keys and updates change the state.
pub trait Screen {
    type Update: Send + 'static;
    fn update(&mut self, update: Self::Update);
    fn key(&mut self, key: KeyEvent) -> Flow;
    fn render(&self, frame: &mut Frame);
    /// Moves a clock of the screen's own (a player); whether it changed what is shown.
    fn tick(&mut self) -> bool {
        false
    }
    /// Whether a clock of the screen's runs: the loop then wakes ten times a second.
    fn animating(&self) -> bool {
        false
    }
}

/// The keys every list screen reads alike (k9s habits): while the filter line is typed,
/// every key edits it (the cursor back to the top); Esc clears the filter, ↑/↓ j/k move
/// `cursor`, PgUp/PgDn by `page` rows, Ctrl-d/u by half of it, g/G to the ends, / types a
/// filter. `None`: the key is the screen's own. (q, ?, : and Esc with nothing to clear are
/// the console's.)
pub fn list_key(
    k: &KeyEvent,
    filter: &mut String,
    editing: &mut bool,
    cursor: &mut usize,
    page: usize,
) -> Option<Flow> {
    if *editing {
        *editing = edit_filter(filter, k);
        *cursor = 0;
        return Some(Flow::Continue);
    }
    let page = page.max(2);
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Esc => filter.clear(),
        KeyCode::Char('d') if ctrl => *cursor = cursor.saturating_add(page / 2),
        KeyCode::Char('u') if ctrl => *cursor = cursor.saturating_sub(page / 2),
        KeyCode::Down | KeyCode::Char('j') => *cursor += 1,
        KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
        KeyCode::PageDown => *cursor = cursor.saturating_add(page),
        KeyCode::PageUp => *cursor = cursor.saturating_sub(page),
        KeyCode::Home | KeyCode::Char('g') => *cursor = 0,
        KeyCode::End | KeyCode::Char('G') => *cursor = usize::MAX,
        KeyCode::Char('/') => *editing = true,
        _ => return None,
    }
    Some(Flow::Continue)
}

/// Ctrl-C quits every screen (raw mode turns it into a key press).
pub fn is_interrupt(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

/// The terminal in raw mode on the alternate screen, restored when dropped — on return, on
/// error, and (ratatui's panic hook, installed by `ratatui::init`) on a panic.
struct Terminal(ratatui::DefaultTerminal);

impl Drop for Terminal {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Run `screen` until it quits.
pub fn run<S: Screen>(screen: &mut S, updates: Receiver<S::Update>) -> io::Result<()> {
    let mut term = Terminal(ratatui::try_init()?);
    // A key redraws at once; new data at most once per DATA_REDRAW (k9s refreshes every
    // 2 s): the pollers' updates are applied as they come, the screen catches up.
    let (mut keyed, mut fresh) = (true, false);
    let mut drawn = Instant::now();
    loop {
        if keyed || (fresh && drawn.elapsed() >= DATA_REDRAW) {
            term.0.draw(|f| screen.render(f))?;
            (keyed, fresh, drawn) = (false, false, Instant::now());
        }
        // Keys wake it at once; the pollers' updates are looked at four times a second (an
        // idle console wakes for nothing else).
        let wait = if screen.animating() { Duration::from_millis(100) } else { Duration::from_millis(250) };
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    if is_interrupt(&k) || screen.key(k) == Flow::Quit {
                        return Ok(());
                    }
                    keyed = true;
                }
                Event::Resize(..) => keyed = true,
                _ => {}
            }
        }
        while let Ok(u) = updates.try_recv() {
            screen.update(u);
            fresh = true;
        }
        if screen.tick() {
            keyed = true;
        }
    }
}

/// The shortest time between two redraws for new data (keys redraw at once).
pub const DATA_REDRAW: Duration = Duration::from_secs(1);

/// A key while the filter line is being typed: Enter keeps it, Esc clears it, Backspace
/// and characters edit it. Returns whether editing goes on.
pub fn edit_filter(filter: &mut String, key: &KeyEvent) -> bool {
    match key.code {
        KeyCode::Enter => return false,
        KeyCode::Esc => {
            filter.clear();
            return false;
        }
        KeyCode::Backspace => {
            filter.pop();
        }
        KeyCode::Char(c) => filter.push(c),
        _ => {}
    }
    true
}

/// The help box: `lines` centred over the screen.
pub fn help_popup(f: &mut Frame, lines: Vec<ratatui::text::Line<'static>>) {
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Borders, Clear, Paragraph};
    let area = f.area();
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16;
    let w = (widest + 4).clamp(40, 110).min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" help ")), r);
}

/// A key press as the tests send it.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn lines_of(buf: &ratatui::buffer::Buffer, width: u16, height: u16) -> Vec<String> {
    (0..height)
        .map(|y| {
            let line: String = (0..width).map(|x| buf[(x, y)].symbol().to_string()).collect();
            line.trim_end().to_string()
        })
        .collect()
}

/// Render `screen` on a test terminal and return its lines (trailing spaces trimmed).
pub fn render_lines<S: Screen>(screen: &S, width: u16, height: u16) -> Vec<String> {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("test backend");
    t.draw(|f| screen.render(f)).expect("draw");
    lines_of(t.backend().buffer(), width, height)
}
