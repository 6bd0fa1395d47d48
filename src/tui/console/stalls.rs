//! `:stalls`: every wait of the fleet's users in a window — before an answer's first chunk
//! or between two — with its cause where the events name one (what `chatctl stalls`
//! prints), kept up to date from the records appended since the last read; Enter opens the
//! session's timeline, where `p` plays the answer.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::Frame;

use super::fleet::FleetState;
use super::grid::{Column, Grid, GridRow};
use super::{Pane, Reply, ScreenId};
use crate::ops::stalls::{summary, Stall};
use crate::tui::request::Request;
use crate::tui::text::clock;

/// From the stalls reader.
#[derive(Debug, Clone)]
pub enum StallsUpdate {
    /// The waits in the window asked for, among how many answers, read at this time.
    Read { window_ms: i64, min_gap_ms: i64, stalls: Vec<Stall>, answers: usize, at: i64 },
    /// Reading failed at this time.
    Failed(String, i64),
}

const COLUMNS: [Column; 7] = [
    Column { title: "TIME", key: 'T', width: Constraint::Length(13) },
    Column { title: "SESSION", key: 'S', width: Constraint::Length(14) },
    Column { title: "MESSAGE", key: 'M', width: Constraint::Length(14) },
    Column { title: "CHUNK", key: 'C', width: Constraint::Length(9) },
    Column { title: "WAIT S", key: 'W', width: Constraint::Length(10) },
    Column { title: "NODE", key: 'N', width: Constraint::Length(10) },
    Column { title: "CAUSE", key: 'A', width: Constraint::Min(20) },
];

const KEYS: &[(&str, &str)] = &[
    ("Enter", "the session's timeline (p there plays the answer)"),
    ("w", "the window: 5m, 15m, 1h, 6h"),
    ("m", "the shortest wait shown: 1s, 2s, 5s, 10s"),
    ("Shift+letter", "sort by that column"),
];

const WINDOWS_MS: [i64; 4] = [5 * 60_000, 15 * 60_000, 3_600_000, 6 * 3_600_000];
const GAPS_MS: [i64; 4] = [1_000, 2_000, 5_000, 10_000];

#[derive(Debug)]
pub struct StallsPane {
    pub grid: Grid,
    pub window_ms: i64,
    pub min_gap_ms: i64,
    /// What was last read (for the window and gap asked for).
    pub stalls: Vec<Stall>,
    pub answers: usize,
    pub updated_ms: Option<i64>,
    pub failing: Option<(i64, String)>,
    /// Whether the reader was told the window and gap shown.
    pub asked: bool,
}

impl Default for StallsPane {
    fn default() -> Self {
        StallsPane {
            grid: Grid::default(),
            window_ms: WINDOWS_MS[1],
            min_gap_ms: GAPS_MS[1],
            stalls: Vec::new(),
            answers: 0,
            updated_ms: None,
            failing: None,
            asked: false,
        }
    }
}

impl StallsPane {
    /// What the reader should read for this screen.
    pub fn request(&mut self) -> Request {
        self.asked = true;
        Request::Stalls { window_ms: self.window_ms, min_gap_ms: self.min_gap_ms }
    }

    pub fn apply(&mut self, u: StallsUpdate) {
        match u {
            StallsUpdate::Read { window_ms, min_gap_ms, stalls, answers, at }
                if (window_ms, min_gap_ms) == (self.window_ms, self.min_gap_ms) =>
            {
                self.stalls = stalls;
                self.answers = answers;
                self.updated_ms = Some(at);
                self.failing = None;
            }
            StallsUpdate::Read { .. } => {} // for a window no longer shown
            StallsUpdate::Failed(e, at) => match &mut self.failing {
                Some(f) => f.1 = e,
                None => self.failing = Some((at, e)),
            },
        }
    }

    fn rows(&self) -> Vec<GridRow> {
        let mut stalls: Vec<&Stall> = self.stalls.iter().collect();
        // The latest first, unless a column sorts them.
        stalls.sort_by_key(|s| std::cmp::Reverse(s.at_ms));
        let rows = stalls
            .into_iter()
            .map(|s| {
                let style = if s.cause.starts_with("takeover") {
                    Style::default().fg(Color::Yellow)
                } else if s.gap_ms >= 10_000 {
                    Style::default().fg(Color::Red)
                } else {
                    Style::default()
                };
                let cells = s.cells();
                GridRow::new(format!("{}\t{}\t{}", s.session_id, s.message_id, s.before_chunk), cells, style)
            })
            .collect();
        self.grid.view(rows)
    }

    fn title(&self) -> String {
        let (_, by_cause) = summary(&self.stalls);
        let causes: Vec<String> =
            by_cause.iter().map(|(k, (n, max))| format!("{k} {n} (longest {:.1} s)", *max as f64 / 1000.0)).collect();
        let mut t = format!(
            " stalls: {} wait(s) ≥ {} s in the last {} among {} answer(s){}{} ",
            self.stalls.len(),
            self.min_gap_ms / 1000,
            humantime::format_duration(std::time::Duration::from_millis(self.window_ms as u64)),
            self.answers,
            if causes.is_empty() { String::new() } else { " — ".into() },
            causes.join(", ")
        );
        match (&self.failing, self.updated_ms) {
            (Some((since, e)), _) => t.push_str(&format!("STALE since {}: {e} ", clock(*since))),
            (None, Some(at)) => t.push_str(&format!("updated {} ", clock(at))),
            (None, None) => t.push_str("reading both event topics… "),
        }
        t
    }
}

/// The next value after `now` in `ladder`, round.
fn next(ladder: &[i64], now: i64) -> i64 {
    let at = ladder.iter().position(|v| *v == now).map_or(0, |i| (i + 1) % ladder.len());
    ladder[at]
}

impl Pane for StallsPane {
    list_pane!("stalls", KEYS);

    fn key(&mut self, k: &KeyEvent, _fleet: &FleetState) -> Reply {
        let shown = self.rows();
        if self.grid.key(k, &COLUMNS, &shown) {
            return Reply::Done;
        }
        match k.code {
            KeyCode::Enter => match self.grid.selected(&shown) {
                Some(r) => Reply::Open(ScreenId::Session, r.id.split('\t').next().map(str::to_string)),
                None => Reply::Ignored,
            },
            KeyCode::Char('w') => {
                self.window_ms = next(&WINDOWS_MS, self.window_ms);
                self.updated_ms = None;
                Reply::Ask(self.request())
            }
            KeyCode::Char('m') => {
                self.min_gap_ms = next(&GAPS_MS, self.min_gap_ms);
                self.updated_ms = None;
                Reply::Ask(self.request())
            }
            _ => Reply::Ignored,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, _fleet: &FleetState) {
        let shown = self.rows();
        self.grid.render(f, area, self.title(), &COLUMNS, &shown);
    }
}
