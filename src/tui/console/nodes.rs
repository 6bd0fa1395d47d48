//! `:nodes`: every node of the fleet from its heartbeat, with its load, and what just
//! happened (a node lost, answers taken over) underneath.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::fleet::{FleetState, Health, NodeView};
use super::grid::{Column, Grid, GridRow};
use super::{Pane, Reply, ScreenId};
use crate::tui::text::{clock, rate, seconds};

const COLUMNS: [Column; 13] = [
    Column { title: "NODE", key: 'N', width: Constraint::Min(10) },
    Column { title: "STATUS", key: 'S', width: Constraint::Length(11) },
    Column { title: "ROLE", key: 'O', width: Constraint::Length(9) },
    Column { title: "ADDRESS", key: 'A', width: Constraint::Length(18) },
    Column { title: "CONNS", key: 'C', width: Constraint::Length(9) },
    Column { title: "GEN", key: 'E', width: Constraint::Length(7) },
    Column { title: "FOLLOW", key: 'F', width: Constraint::Length(10) },
    Column { title: "CHUNKS/S", key: 'D', width: Constraint::Length(12) },
    Column { title: "P99", key: 'P', width: Constraint::Length(8) },
    Column { title: "EVENTS/S", key: 'V', width: Constraint::Length(12) },
    Column { title: "QUEUE", key: 'Q', width: Constraint::Length(9) },
    Column { title: "WORKERS(LAG)", key: 'K', width: Constraint::Min(16) },
    Column { title: "BEAT", key: 'B', width: Constraint::Length(9) },
];

const KEYS: &[(&str, &str)] = &[("Enter", "the node's answers (:streams)"), ("Shift+letter", "sort by that column")];

#[derive(Debug, Default)]
pub struct NodesPane {
    pub grid: Grid,
}

fn row(v: &NodeView, now_ms: i64) -> GridRow {
    let b = &v.beat;
    let workers: Vec<String> = b.workers.iter().map(|w| format!("{}:{}", short_worker(&w.name), w.lag)).collect();
    let cells = vec![
        b.node.clone(),
        v.health.as_str().to_string(),
        if b.role.is_empty() { "-".into() } else { b.role.clone() },
        b.listen.clone(),
        b.connections.to_string(),
        b.generating.to_string(),
        b.following.to_string(),
        rate(v.deliveries_per_s()),
        b.chunk_p99_ms.map(|ms| format!("{ms}ms")).unwrap_or_else(|| "-".into()),
        rate(v.events_per_s()),
        b.events_queue.to_string(),
        if workers.is_empty() { "-".into() } else { workers.join(" ") },
        seconds(Some(((now_ms - b.beat_ms).max(0)) as f64 / 1000.0)),
    ];
    let style = match v.health {
        Health::Up => Style::default(),
        Health::Draining => Style::default().fg(Color::Yellow),
        Health::Lost => Style::default().fg(Color::Red),
    };
    GridRow::new(b.node.clone(), cells, style)
}

/// `chatctl-audit` reads as `audit` in a narrow column.
fn short_worker(name: &str) -> &str {
    name.strip_prefix("chatctl-").unwrap_or(name)
}

impl NodesPane {
    fn rows(&self, fleet: &FleetState) -> Vec<GridRow> {
        let now = fleet.updated_ms.unwrap_or(0);
        self.grid.view(fleet.nodes.values().map(|v| row(v, now)).collect())
    }
}

impl Pane for NodesPane {
    list_pane!("nodes", KEYS);

    fn key(&mut self, k: &KeyEvent, fleet: &FleetState) -> Reply {
        let shown = self.rows(fleet);
        if self.grid.key(k, &COLUMNS, &shown) {
            return Reply::Done;
        }
        match (k.code, self.grid.selected(&shown)) {
            (KeyCode::Enter, Some(r)) => Reply::Open(ScreenId::Streams, Some(format!("^{}$", regex::escape(&r.id)))),
            _ => Reply::Ignored,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, fleet: &FleetState) {
        let [table, events] = Layout::vertical([Constraint::Min(5), Constraint::Length(8)]).areas(area);
        let shown = self.rows(fleet);
        let lost = fleet.nodes.values().filter(|v| v.health == Health::Lost).count();
        let generating: i64 =
            fleet.nodes.values().filter(|v| v.health != Health::Lost).map(|v| v.beat.generating).sum();
        let title = format!(" nodes: {} ({} lost), {generating} answer(s) generating ", fleet.nodes.len(), lost);
        self.grid.render(f, table, title, &COLUMNS, &shown);
        let lines: Vec<Line> = fleet
            .events
            .iter()
            .take(events.height.saturating_sub(2) as usize)
            .map(|e| {
                let style = match e.kind {
                    "NODE_LOST" => Style::default().fg(Color::Red),
                    "STREAM_RESUMED" => Style::default().fg(Color::Yellow),
                    _ => Style::default(),
                };
                Line::styled(format!("{} {:<15} {}", clock(e.at_ms), e.kind, e.text), style)
            })
            .collect();
        let block = Block::default().borders(Borders::ALL).title(" takeovers and node changes ");
        f.render_widget(Paragraph::new(lines).block(block), events);
    }
}
