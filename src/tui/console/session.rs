//! The session timeline (Enter on an answer in `:streams`): what `chatctl session` prints,
//! live — events from both topics in time order, who generated which chunks, takeovers,
//! errors, the time between chunks as a sparkline — and the selected event's raw JSON.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::fleet::FleetState;
use super::grid::{Column, Grid, GridRow};
use super::player::Player;
use super::{Pane, Reply};
use crate::events::Payload;
use crate::ops::stalls::answers;
use crate::ops::timeline::{event_line, Timeline};
use crate::tui::text::{clock, sparkline};

/// From the session watcher.
#[derive(Debug, Clone)]
pub enum TimelineUpdate {
    /// The session's timeline, read at this time.
    Read(Box<Timeline>, i64),
    /// Reading it failed at this time.
    Failed(String, String, i64),
}

const COLUMNS: [Column; 8] = [
    Column { title: "TIME", key: 'T', width: Constraint::Length(15) },
    Column { title: "+MS", key: 'P', width: Constraint::Length(9) },
    Column { title: "EVENT", key: 'E', width: Constraint::Length(19) },
    Column { title: "MESSAGE", key: 'M', width: Constraint::Length(12) },
    Column { title: "CHUNK", key: 'C', width: Constraint::Length(9) },
    Column { title: "LATENCY", key: 'L', width: Constraint::Length(11) },
    Column { title: "NODE", key: 'N', width: Constraint::Length(12) },
    Column { title: "DETAIL", key: 'D', width: Constraint::Min(20) },
];

const KEYS: &[(&str, &str)] = &[
    ("j/k", "select an event: its raw JSON below"),
    ("Shift+letter", "sort by that column"),
    ("p", "play the selected event's answer (or the last one) as its user saw it"),
    ("Esc", "close the player; then back to the answers"),
];

#[derive(Debug, Default)]
pub struct SessionPane {
    pub session: Option<String>,
    pub timeline: Option<Timeline>,
    pub updated_ms: Option<i64>,
    pub failing: Option<(i64, String)>,
    pub grid: Grid,
    /// `p`: an answer played in a pane.
    pub player: Option<Player>,
    /// Why `p` had nothing to play.
    pub note: Option<String>,
}

impl SessionPane {
    pub fn apply(&mut self, u: TimelineUpdate) {
        match u {
            TimelineUpdate::Read(t, at) if Some(&t.session_id) == self.session.as_ref() => {
                self.timeline = Some(*t);
                self.updated_ms = Some(at);
                self.failing = None;
            }
            TimelineUpdate::Failed(session, e, at) if Some(&session) == self.session.as_ref() => {
                match &mut self.failing {
                    Some(f) => f.1 = e,
                    None => self.failing = Some((at, e)),
                }
            }
            _ => {} // an answer for a session no longer shown
        }
    }

    /// `p`: the answer of the selected event, or the session's last one with chunks.
    fn play(&mut self) {
        let Some(t) = &self.timeline else {
            self.note = Some("nothing to play yet: the timeline is being read".into());
            return;
        };
        let all = answers(&t.events);
        let shown = self.rows();
        let selected = self
            .grid
            .selected(&shown)
            .and_then(|r| t.events.iter().find(|e| e.event_id.to_string() == r.id))
            .map(|e| e.payload.message_id().to_string());
        let answer = selected.and_then(|id| all.get(&id).filter(|a| !a.chunks.is_empty())).or_else(|| {
            all.values().filter(|a| !a.chunks.is_empty()).max_by_key(|a| a.chunks.values().next().map(|c| c.0))
        });
        match answer {
            Some(a) => {
                self.player = Some(Player::new(a));
                self.note = None;
            }
            None => self.note = Some("no answer with chunks in this session to play".into()),
        }
    }

    fn rows(&self) -> Vec<GridRow> {
        let Some(t) = &self.timeline else { return Vec::new() };
        let first = t.events.first().map(|e| e.timestamp.timestamp_millis()).unwrap_or(0);
        let rows = t
            .events
            .iter()
            .map(|e| {
                let l = event_line(e, first);
                let style = match &e.payload {
                    Payload::StreamError(_) => Style::default().fg(Color::Red),
                    Payload::StreamResumed(_) => Style::default().fg(Color::Yellow),
                    _ => Style::default(),
                };
                let cells = vec![
                    l.at,
                    l.relative_ms.to_string(),
                    l.event_type.to_string(),
                    short(&l.message),
                    l.chunk,
                    l.latency_ms,
                    l.node,
                    l.detail,
                ];
                GridRow::new(e.event_id.to_string(), cells, style)
            })
            .collect();
        self.grid.view(rows)
    }

    /// Who generated what, the takeovers, the errors, the chunk latencies.
    fn summary(&self) -> Vec<Line<'static>> {
        let Some(t) = &self.timeline else {
            return vec![Line::raw("reading the session's partitions…")];
        };
        let s = &t.summary;
        let mut lines = vec![Line::raw(format!(
            "{} event(s), {} message(s), {} chunk(s), {} error(s), nodes: {}",
            s.events,
            s.messages,
            s.chunks,
            s.errors,
            s.nodes.join(", ")
        ))];
        for (message, runs) in &s.generated_by {
            let runs: Vec<String> = runs.iter().map(|r| format!("{} {}-{}", r.node, r.from, r.to)).collect();
            lines.push(Line::raw(format!("{}: {}", short(message), runs.join(" → "))));
        }
        for k in &s.takeovers {
            lines.push(Line::styled(
                format!(
                    "TAKEOVER {} {} → {} at chunk {} (epoch {})",
                    short(&k.message_id),
                    k.from_node.as_deref().unwrap_or("?"),
                    k.to_node,
                    k.from_chunk,
                    k.epoch
                ),
                Style::default().fg(Color::Yellow),
            ));
        }
        // Per chunk, the time since the chunk before it of the same answer: a stall (a
        // takeover, a slow model) stands out.
        let mut last: BTreeMap<&str, u64> = BTreeMap::new();
        let gaps: Vec<u64> = t
            .events
            .iter()
            .flat_map(|e| match &e.payload {
                Payload::ChunkReceived(c) => {
                    c.chunks().map(|(_, _, latency)| (c.message_id.as_str(), latency)).collect()
                }
                _ => Vec::new(),
            })
            .map(|(message, latency)| {
                let before = last.insert(message, latency);
                latency.saturating_sub(before.unwrap_or(latency))
            })
            .collect();
        if let Some(max) = gaps.iter().max() {
            lines.push(Line::raw(format!("ms between chunks (max {max}): {}", sparkline(gaps.iter().copied(), 100))));
        }
        lines
    }
}

/// A message id's first 8 characters (a UUID reads apart by them).
fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

impl Pane for SessionPane {
    fn crumb(&self) -> String {
        format!("session {}", self.session.as_deref().unwrap_or("-"))
    }

    fn help(&self) -> Vec<String> {
        let mut keys = super::key_lines(KEYS);
        if self.player.is_some() {
            keys.push(String::new());
            keys.extend(super::key_lines(super::player::KEYS));
        }
        keys
    }

    fn grid(&self) -> Option<&Grid> {
        Some(&self.grid)
    }

    fn grid_mut(&mut self) -> Option<&mut Grid> {
        Some(&mut self.grid)
    }

    fn back(&mut self) -> bool {
        if self.player.take().is_some() {
            return true;
        }
        self.grid.back()
    }

    fn key(&mut self, k: &KeyEvent, _fleet: &FleetState) -> Reply {
        if !self.grid.editing {
            if let Some(p) = &mut self.player {
                if p.key(k) {
                    return Reply::Done;
                }
            }
            if k.code == KeyCode::Char('p') {
                self.play();
                return Reply::Done;
            }
        }
        let shown = self.rows();
        if self.grid.key(k, &COLUMNS, &shown) {
            Reply::Done
        } else {
            Reply::Ignored
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, _fleet: &FleetState) {
        let mut summary = self.summary();
        if let Some(n) = &self.note {
            summary.push(Line::styled(n.clone(), Style::default().fg(Color::Cyan)));
        }
        let lower = if self.player.is_some() { Constraint::Percentage(45) } else { Constraint::Length(6) };
        let [head, table, raw] =
            Layout::vertical([Constraint::Length(summary.len() as u16 + 2), Constraint::Min(5), lower]).areas(area);
        let mut title = format!(" session {} ", self.session.as_deref().unwrap_or("-"));
        match (&self.failing, self.updated_ms) {
            (Some((since, e)), _) => title.push_str(&format!("STALE since {}: {e} ", clock(*since))),
            (None, Some(t)) => title.push_str(&format!("updated {} ", clock(t))),
            _ => {}
        }
        let block = Block::default().borders(Borders::ALL).title(title);
        f.render_widget(Paragraph::new(summary).block(block), head);
        let shown = self.rows();
        self.grid.render(f, table, " events (both topics, time order) ".into(), &COLUMNS, &shown);
        if let Some(p) = &self.player {
            p.render(f, raw);
            return;
        }
        let selected = self
            .grid
            .selected(&shown)
            .and_then(|r| self.timeline.as_ref()?.events.iter().find(|e| e.event_id.to_string() == r.id));
        // Compact and wrapped: every field of the event in the panel.
        let json = selected.map(|e| serde_json::to_string(e).unwrap_or_default()).unwrap_or_default();
        let at = selected.and_then(|e| self.timeline.as_ref()?.positions.get(&e.event_id).cloned()).unwrap_or_default();
        let block = Block::default().borders(Borders::ALL).title(format!(" raw event {at} "));
        f.render_widget(Paragraph::new(json).wrap(Wrap { trim: false }).block(block), raw);
    }

    fn arrive(&mut self, session: String) {
        if self.session.as_ref() != Some(&session) {
            *self = SessionPane { session: Some(session), ..Default::default() };
        }
    }
}
