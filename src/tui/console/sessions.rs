//! `:sessions`: recent sessions (their answers still in the resume buffer), by their last
//! activity; Enter opens one's timeline.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::Frame;

use super::fleet::FleetState;
use super::grid::{Column, Grid, GridRow, ViewCache};
use super::{Pane, Reply, ScreenId};
use crate::realtime::fleet::InFlight;
use crate::tui::text::seconds;

const COLUMNS: [Column; 7] = [
    Column { title: "SESSION", key: 'S', width: Constraint::Length(38) },
    Column { title: "USER", key: 'U', width: Constraint::Min(10) },
    Column { title: "ANSWERS", key: 'A', width: Constraint::Length(11) },
    Column { title: "CHUNKS", key: 'C', width: Constraint::Length(10) },
    Column { title: "LAST", key: 'L', width: Constraint::Length(13) },
    Column { title: "NODE", key: 'N', width: Constraint::Min(10) },
    Column { title: "STARTED", key: 'T', width: Constraint::Length(11) },
];

const KEYS: &[(&str, &str)] = &[("Enter", "the session's timeline, live"), ("Shift+letter", "sort by that column")];

#[derive(Debug, Default)]
pub struct SessionsPane {
    pub grid: Grid,
    cache: ViewCache,
}

/// One session out of its answers: the latest answer says its state and node.
fn session_row(answers: &[&InFlight], now_ms: i64) -> GridRow {
    let last = answers.iter().max_by_key(|a| a.started_ms).expect("a session has an answer");
    let state = if last.state.is_empty() { "-".to_string() } else { last.state.clone() };
    let style = match state.as_str() {
        "error" => Style::default().fg(Color::Red),
        "generating" => Style::default().fg(Color::Green),
        _ => Style::default(),
    };
    let cells = vec![
        last.session_id.clone(),
        last.user_id.clone(),
        answers.len().to_string(),
        answers.iter().map(|a| a.chunks as u64).sum::<u64>().to_string(),
        state,
        last.owner.clone(),
        seconds(Some((now_ms - answers.iter().map(|a| a.started_ms).min().unwrap_or(now_ms)).max(0) as f64 / 1000.0)),
    ];
    GridRow::new(last.session_id.clone(), cells, style)
}

impl SessionsPane {
    fn rows(&self, fleet: &FleetState) -> std::rc::Rc<Vec<GridRow>> {
        self.cache.view(&self.grid, fleet.generation, || Self::build(fleet))
    }

    fn build(fleet: &FleetState) -> Vec<GridRow> {
        let mut by_session: BTreeMap<&str, Vec<&InFlight>> = BTreeMap::new();
        for a in fleet.recent.iter().filter(|a| !a.session_id.is_empty()) {
            by_session.entry(a.session_id.as_str()).or_default().push(a);
        }
        let now = fleet.updated_ms.unwrap_or(0);
        let mut rows: Vec<(i64, GridRow)> = by_session
            .values()
            .map(|answers| (answers.iter().map(|a| a.started_ms).max().unwrap_or(0), session_row(answers, now)))
            .collect();
        // The most recently active first, unless a column sorts them.
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        rows.into_iter().map(|(_, r)| r).collect()
    }
}

impl Pane for SessionsPane {
    list_pane!("sessions", KEYS);

    fn key(&mut self, k: &KeyEvent, fleet: &FleetState) -> Reply {
        let shown = self.rows(fleet);
        if self.grid.key(k, &COLUMNS, &shown) {
            return Reply::Done;
        }
        match (k.code, self.grid.selected(&shown)) {
            (KeyCode::Enter, Some(r)) => Reply::Open(ScreenId::Session, Some(r.id.clone())),
            _ => Reply::Ignored,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, fleet: &FleetState) {
        let shown = self.rows(fleet);
        let title = format!(" sessions: {} recent ({} answers in the resume buffer) ", shown.len(), fleet.recent.len());
        self.grid.render(f, area, title, &COLUMNS, &shown);
    }
}
