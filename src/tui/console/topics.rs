//! `:topics`: every topic with its partitions, records, the rate records arrive at and the
//! groups reading it (from the groups screen's lag poller: one poller per source); Enter
//! shows its partitions and its last records; Delete deletes it after the typed name.

use std::collections::{BTreeMap, HashMap};

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::fleet::FleetState;
use super::grid::{Column, Grid, GridRow};
use super::{Pane, Reply, Request};
use crate::ops::consume::Peek;
use crate::ops::lag::LagModel;
use crate::ops::topics::TopicDescription;
use crate::tui::confirm::{answer, Answered, Confirm};
use crate::tui::text::{clock, rate};

/// From the topics poller and the action runner.
#[derive(Debug, Clone)]
pub enum TopicsUpdate {
    Overview(Vec<TopicDescription>, i64),
    Failed(String, i64),
    /// The last records of a topic.
    Tail(String, Vec<Peek>, i64),
    /// An action finished: what to tell the operator.
    Done(String),
}

const COLUMNS: [Column; 7] = [
    Column { title: "TOPIC", key: 'T', width: Constraint::Min(20) },
    Column { title: "PARTITIONS", key: 'P', width: Constraint::Length(14) },
    Column { title: "RECORDS", key: 'R', width: Constraint::Length(12) },
    Column { title: "IN/S", key: 'I', width: Constraint::Length(9) },
    Column { title: "GROUPS", key: 'U', width: Constraint::Length(10) },
    Column { title: "MAX-LAG", key: 'L', width: Constraint::Length(11) },
    Column { title: "READ BY (LAG)", key: 'B', width: Constraint::Min(24) },
];

const PARTITION_COLUMNS: [Column; 5] = [
    Column { title: "PARTITION", key: 'P', width: Constraint::Length(13) },
    Column { title: "LEADER", key: 'L', width: Constraint::Length(10) },
    Column { title: "START", key: 'S', width: Constraint::Length(12) },
    Column { title: "END", key: 'E', width: Constraint::Length(12) },
    Column { title: "RECORDS", key: 'R', width: Constraint::Length(12) },
];

const RECORD_COLUMNS: [Column; 4] = [
    Column { title: "TIME", key: 'T', width: Constraint::Length(11) },
    Column { title: "PARTITION:OFFSET", key: 'O', width: Constraint::Length(19) },
    Column { title: "KEY", key: 'K', width: Constraint::Length(24) },
    Column { title: "VALUE", key: 'V', width: Constraint::Min(20) },
];

const KEYS: &[(&str, &str)] = &[
    ("Enter", "the topic's partitions and last records (Esc: back)"),
    ("Delete", "delete the topic (type its name to confirm)"),
    ("Shift+letter", "sort by that column"),
];

#[derive(Debug, Default)]
pub struct TopicsPane {
    pub topics: Vec<TopicDescription>,
    /// Records per second arriving, per topic (from the last two polls).
    pub rates: HashMap<String, f64>,
    last: HashMap<String, (i64, i64)>,
    /// Per topic, the groups with committed offsets on it and their lag.
    pub readers: BTreeMap<String, Vec<(String, i64)>>,
    pub updated_ms: Option<i64>,
    pub failing: Option<(i64, String)>,
    pub message: Option<String>,
    pub grid: Grid,
    /// The topic drilled into, its last records and when they were read.
    pub open: Option<String>,
    pub tail: Vec<Peek>,
    pub tail_ms: Option<i64>,
    pub records: Grid,
    pub confirm: Option<Confirm<Request>>,
}

impl TopicsPane {
    pub fn apply(&mut self, u: TopicsUpdate) {
        match u {
            TopicsUpdate::Overview(topics, at) => {
                for t in &topics {
                    let end: i64 = t.partitions.iter().map(|p| p.end).sum();
                    if let Some((was, then)) = self.last.get(&t.topic) {
                        if at > *then {
                            self.rates.insert(t.topic.clone(), (end - was).max(0) as f64 * 1000.0 / (at - then) as f64);
                        }
                    }
                    self.last.insert(t.topic.clone(), (end, at));
                }
                self.topics = topics;
                self.updated_ms = Some(at);
                self.failing = None;
            }
            TopicsUpdate::Failed(e, at) => match &mut self.failing {
                Some(f) => f.1 = e,
                None => self.failing = Some((at, e)),
            },
            TopicsUpdate::Tail(topic, records, at) if self.open.as_ref() == Some(&topic) => {
                self.tail = records;
                self.tail_ms = Some(at);
            }
            TopicsUpdate::Tail(..) => {}
            TopicsUpdate::Done(m) => self.message = Some(m),
        }
    }

    /// Who reads each topic, from the lag poller's model.
    pub fn read_by(&mut self, model: &LagModel) {
        let mut readers: BTreeMap<String, Vec<(String, i64)>> = BTreeMap::new();
        for group in model.groups.keys() {
            let mut per_topic: BTreeMap<String, i64> = BTreeMap::new();
            for p in model.partitions(group) {
                *per_topic.entry(p.topic).or_default() += p.lag;
            }
            for (topic, lag) in per_topic {
                readers.entry(topic).or_default().push((group.clone(), lag));
            }
        }
        self.readers = readers;
    }

    fn rows(&self) -> Vec<GridRow> {
        let rows = self
            .topics
            .iter()
            .map(|t| {
                let readers = self.readers.get(&t.topic).map(Vec::as_slice).unwrap_or_default();
                let by: Vec<String> = readers.iter().map(|(g, lag)| format!("{g}:{lag}")).collect();
                let cells = vec![
                    t.topic.clone(),
                    t.partitions.len().to_string(),
                    t.records.to_string(),
                    rate(self.rates.get(&t.topic).copied()),
                    readers.len().to_string(),
                    readers.iter().map(|r| r.1).max().map(|l| l.to_string()).unwrap_or_else(|| "-".into()),
                    if by.is_empty() { "-".into() } else { by.join(" ") },
                ];
                GridRow::new(t.topic.clone(), cells, Style::default())
            })
            .collect();
        self.grid.view(rows)
    }

    fn record_rows(&self) -> Vec<GridRow> {
        let rows = self
            .tail
            .iter()
            .map(|r| {
                let cells = vec![
                    r.timestamp_ms.map(clock).unwrap_or_else(|| "-".into()),
                    format!("{}:{}", r.partition, r.offset),
                    r.key.clone(),
                    r.value.clone(),
                ];
                GridRow::new(format!("{}:{}", r.partition, r.offset), cells, Style::default())
            })
            .collect();
        self.records.view(rows)
    }

    fn ask_delete(&mut self, topic: &str) {
        self.confirm = Some(Confirm {
            title: "delete topic".into(),
            plan: vec![
                format!("delete topic {topic} and every record in it"),
                format!("groups reading it: {}", self.readers.get(topic).map_or(0, Vec::len)),
            ],
            cli: format!("chatctl topics delete {topic} --execute"),
            typed: Some(topic.to_string()),
            input: String::new(),
            action: Request::DeleteTopic(topic.to_string()),
        });
    }

    fn render_open(&self, f: &mut Frame, area: Rect, topic: &str) {
        let Some(t) = self.topics.iter().find(|t| t.topic == topic) else {
            f.render_widget(ratatui::widgets::Paragraph::new(format!("topic {topic} is gone")), area);
            return;
        };
        let parts = t.partitions.len().min(12) as u16 + 3;
        let [top, bottom] = Layout::vertical([Constraint::Length(parts), Constraint::Min(5)]).areas(area);
        let rows: Vec<GridRow> = t
            .partitions
            .iter()
            .map(|p| {
                let cells = vec![
                    p.partition.to_string(),
                    p.leader.to_string(),
                    p.start.to_string(),
                    p.end.to_string(),
                    p.records.to_string(),
                ];
                GridRow::new(p.partition.to_string(), cells, Style::default())
            })
            .collect();
        Grid::default().render(f, top, format!(" {topic}: partitions "), &PARTITION_COLUMNS, &rows);
        let read = self.tail_ms.map(|t| format!("read {}", clock(t))).unwrap_or_else(|| "reading…".into());
        let shown = self.record_rows();
        self.records.render(f, bottom, format!(" last records ({read}) "), &RECORD_COLUMNS, &shown);
    }
}

impl Pane for TopicsPane {
    fn crumb(&self) -> String {
        match &self.open {
            Some(t) => format!("topics › {t}"),
            None => "topics".into(),
        }
    }

    fn help(&self) -> Vec<String> {
        super::key_lines(KEYS)
    }

    fn capturing(&self) -> bool {
        self.grid.editing || self.records.editing || self.confirm.is_some()
    }

    fn back(&mut self) -> bool {
        if self.open.is_some() {
            if !self.records.back() {
                self.open = None;
                self.tail.clear();
            }
            return true;
        }
        self.grid.back()
    }

    fn key(&mut self, k: &KeyEvent, _fleet: &FleetState) -> Reply {
        if self.confirm.is_some() {
            return match answer(&mut self.confirm, k) {
                Answered::Pending => Reply::Done,
                Answered::Cancelled => {
                    self.message = Some("delete cancelled".into());
                    Reply::Done
                }
                Answered::Confirmed { action, cli } => {
                    self.message = Some(format!("deleting… (same as: {cli})"));
                    Reply::Ask(action)
                }
            };
        }
        if self.open.is_some() {
            let shown = self.record_rows();
            return if self.records.key(k, &RECORD_COLUMNS, &shown) { Reply::Done } else { Reply::Ignored };
        }
        let shown = self.rows();
        if self.grid.key(k, &COLUMNS, &shown) {
            return Reply::Done;
        }
        let Some(topic) = self.grid.selected(&shown).map(|r| r.id.clone()) else { return Reply::Ignored };
        match k.code {
            KeyCode::Enter => {
                self.open = Some(topic.clone());
                self.tail.clear();
                self.tail_ms = None;
                self.records = Grid::default();
                Reply::Ask(Request::TopicTail(topic))
            }
            KeyCode::Delete => {
                self.ask_delete(&topic);
                Reply::Done
            }
            _ => Reply::Ignored,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, _fleet: &FleetState) {
        match &self.open {
            Some(t) => self.render_open(f, area, t),
            None => {
                let mut title = format!(" topics: {} ", self.topics.len());
                match (&self.failing, self.updated_ms) {
                    (Some((since, e)), _) => title.push_str(&format!("STALE since {}: {e} ", clock(*since))),
                    (None, Some(t)) => title.push_str(&format!("updated {} ", clock(t))),
                    (None, None) => title.push_str("reading… "),
                }
                if let Some(m) = &self.message {
                    title.push_str(&format!("— {m} "));
                }
                let shown = self.rows();
                self.grid.render(f, area, title, &COLUMNS, &shown);
            }
        }
        if let Some(c) = &self.confirm {
            c.render(f);
        }
    }
}
