//! `:streams`: the answers being generated across the fleet, from the lease set.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::Frame;

use super::fleet::{FleetState, Health};
use super::grid::{Column, Grid, GridRow, ViewCache};
use super::{Pane, Reply, ScreenId};
use crate::realtime::fleet::InFlight;
use crate::tui::text::seconds;

const COLUMNS: [Column; 9] = [
    Column { title: "MESSAGE", key: 'M', width: Constraint::Length(38) },
    Column { title: "SESSION", key: 'S', width: Constraint::Min(12) },
    Column { title: "USER", key: 'U', width: Constraint::Min(10) },
    Column { title: "OWNER", key: 'O', width: Constraint::Min(10) },
    Column { title: "EPOCH", key: 'E', width: Constraint::Length(9) },
    Column { title: "CHUNKS", key: 'C', width: Constraint::Length(10) },
    Column { title: "AGE", key: 'A', width: Constraint::Length(9) },
    Column { title: "FOLLOWED", key: 'F', width: Constraint::Length(12) },
    Column { title: "STATE", key: 'T', width: Constraint::Length(13) },
];

const KEYS: &[(&str, &str)] = &[
    ("Enter", "the answer's session (the command that prints its timeline)"),
    ("Shift+letter", "sort by that column"),
];

#[derive(Debug, Default)]
pub struct StreamsPane {
    pub grid: Grid,
    cache: ViewCache,
    /// The answers the last frame showed: the fleet poller refreshes these every second
    /// and the whole list less often ([`FleetState::rows_stamp`]).
    pub in_view: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl StreamsPane {
    /// Built once per read of the whole list (10,000 answers cost ~10 ms), not per frame;
    /// the rows refreshed in between are patched in place.
    fn rows(&self, fleet: &FleetState) -> std::rc::Rc<Vec<GridRow>> {
        self.cache
            .patch(fleet.rows_stamp, &fleet.refreshed, |id| fleet.answer(id).map(|a| row(a, fleet.rows_ms, fleet)));
        self.cache.view(&self.grid, fleet.generation, || {
            fleet.in_flight.iter().map(|a| row(a, fleet.in_flight_ms, fleet)).collect()
        })
    }
}

/// One answer's row, its age as of `now`; red when its owner is lost.
fn row(a: &InFlight, now: i64, fleet: &FleetState) -> GridRow {
    let lost = fleet.nodes.get(&a.owner).is_some_and(|n| n.health == Health::Lost);
    let cells = vec![
        a.message_id.clone(),
        a.session_id.clone(),
        a.user_id.clone(),
        a.owner.clone(),
        a.epoch.to_string(),
        a.chunks.to_string(),
        seconds(Some(((now - a.started_ms).max(0)) as f64 / 1000.0)),
        if a.watched { "yes" } else { "no" }.into(),
        if lost { "orphaned".into() } else { a.state.clone() },
    ];
    let style = if lost { Style::default().fg(Color::Red) } else { Style::default() };
    GridRow::new(a.message_id.clone(), cells, style)
}

impl Pane for StreamsPane {
    list_pane!("streams", KEYS);

    fn key(&mut self, k: &KeyEvent, fleet: &FleetState) -> Reply {
        let shown = self.rows(fleet);
        if self.grid.key(k, &COLUMNS, &shown) {
            return Reply::Done;
        }
        match (k.code, self.grid.selected(&shown)) {
            (KeyCode::Enter, Some(r)) => Reply::Open(ScreenId::Session, Some(r.cells[1].clone())),
            _ => Reply::Ignored,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, fleet: &FleetState) {
        let shown = self.rows(fleet);
        let title = format!(" streams: {} in flight ({} shown) ", fleet.in_flight.len(), shown.len());
        self.grid.render(f, area, title, &COLUMNS, &shown);
        let ids: Vec<String> = self.grid.window(&shown).iter().map(|r| r.id.clone()).collect();
        let mut in_view = self.in_view.lock().unwrap_or_else(|p| p.into_inner());
        if *in_view != ids {
            *in_view = ids;
        }
    }
}
