//! What the DLQ screen holds: the letters, the cursor, the filter, pause.

use std::sync::mpsc::Sender;

use crate::ops::dlq::{DeadLetter, Entry, Letters};
use crate::tui::confirm::Confirm;

/// From the follower and the action runner.
#[derive(Debug, Clone)]
pub enum DlqUpdate {
    /// New DLQ records, read at this time (ms since the epoch).
    Entries(Vec<Entry>, i64),
    /// Reading failed at this time: the screen keeps what it has, marked stale.
    Failed(String, i64),
    /// An action finished: what to tell the operator.
    Done(String),
}

/// What the screen asks the action runner to do (off the render thread).
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Redrive(Vec<DeadLetter>),
    Export(Vec<DeadLetter>),
}

pub struct DlqState {
    pub letters: Letters,
    /// Entries that arrived while paused, shown on resume.
    pub held: Vec<Entry>,
    pub paused: bool,
    pub selected: usize,
    pub filter: String,
    pub editing: bool,
    /// Rows the last drawn list held (for paging).
    pub page: std::cell::Cell<usize>,
    /// The last action's outcome (or a hint).
    pub message: Option<String>,
    pub updated_ms: Option<i64>,
    pub failing: Option<(i64, String)>,
    /// A re-drive waiting for the operator's yes.
    pub confirm: Option<Confirm<Action>>,
    /// Where actions go.
    pub actions: Sender<Action>,
    pub topics: Vec<String>,
}

impl DlqState {
    pub fn new(topics: Vec<String>, actions: Sender<Action>) -> Self {
        DlqState {
            letters: Letters::default(),
            held: Vec::new(),
            paused: false,
            selected: 0,
            filter: String::new(),
            editing: false,
            page: std::cell::Cell::new(20),
            message: None,
            updated_ms: None,
            failing: None,
            confirm: None,
            actions,
            topics,
        }
    }

    pub fn apply(&mut self, u: DlqUpdate) {
        match u {
            DlqUpdate::Entries(es, at) => {
                self.updated_ms = Some(at);
                self.failing = None;
                if self.paused {
                    self.held.extend(es);
                } else {
                    let following = self.selected + 1 >= self.shown_len();
                    for e in es {
                        self.letters.apply(e);
                    }
                    if following {
                        self.selected = usize::MAX;
                    }
                }
            }
            DlqUpdate::Failed(e, at) => match &mut self.failing {
                Some(f) => f.1 = e,
                None => self.failing = Some((at, e)),
            },
            DlqUpdate::Done(m) => self.message = Some(m),
        }
        self.clamp();
    }

    pub fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
        if !paused {
            for e in std::mem::take(&mut self.held) {
                self.letters.apply(e);
            }
        }
        self.clamp();
    }

    /// Letters shown: the filter matches worker, error class, origin topic or message.
    pub fn shown(&self) -> Vec<&DeadLetter> {
        let f = self.filter.to_lowercase();
        self.letters
            .list
            .iter()
            .filter(|l| {
                f.is_empty()
                    || [&l.worker, &l.error_class, &l.origin_topic, &l.error_message]
                        .iter()
                        .any(|x| x.to_lowercase().contains(&f))
            })
            .collect()
    }

    /// How many letters are shown (no filter: all, without a scan).
    pub fn shown_len(&self) -> usize {
        if self.filter.is_empty() {
            self.letters.list.len()
        } else {
            self.shown().len()
        }
    }

    pub fn selected_letter(&self) -> Option<&DeadLetter> {
        if self.filter.is_empty() {
            self.letters.list.get(self.selected)
        } else {
            self.shown().get(self.selected).copied()
        }
    }

    pub fn clamp(&mut self) {
        self.selected = self.selected.min(self.shown_len().saturating_sub(1));
    }

    /// Ask before re-driving `letters`: `y` for one, the DLQ's name typed for more.
    pub fn ask_redrive(&mut self, letters: Vec<DeadLetter>) {
        let mut topics: Vec<&str> = letters.iter().map(|l| l.dlq_topic.as_str()).collect();
        topics.dedup();
        let mut origins: Vec<String> = letters.iter().map(|l| l.origin_topic.clone()).collect();
        origins.sort();
        origins.dedup();
        let plan = vec![
            format!("re-drive {} record(s) from {}", letters.len(), topics.join(", ")),
            format!("to {} (key and headers kept, chatctl-redriven added)", origins.join(", ")),
            format!(
                "offsets: {}",
                letters.iter().take(12).map(|l| l.offset.to_string()).collect::<Vec<_>>().join(" ")
                    + if letters.len() > 12 { " …" } else { "" }
            ),
        ];
        let typed = (letters.len() > 1).then(|| topics.first().map(|t| t.to_string()).unwrap_or_default());
        self.confirm = Some(Confirm {
            title: "re-drive".into(),
            plan,
            cli: redrive_command(&letters),
            typed,
            input: String::new(),
            action: Action::Redrive(letters),
        });
    }

    pub fn request(&mut self, a: Action) {
        let what = match &a {
            Action::Redrive(ls) => format!("re-driving {} record(s)…", ls.len()),
            Action::Export(ls) => format!("exporting {} record(s)…", ls.len()),
        };
        self.message = Some(match self.actions.send(a) {
            Ok(()) => what,
            Err(_) => "the action runner has stopped".into(),
        });
    }
}

/// `letters` re-driven from the command line (one command per DLQ topic).
pub fn redrive_command(letters: &[DeadLetter]) -> String {
    let mut by_topic: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for l in letters {
        by_topic.entry(l.dlq_topic.as_str()).or_default().push(l.offset.to_string());
    }
    by_topic
        .iter()
        .map(|(t, offsets)| format!("chatctl dlq redrive --topic {t} --offset {} --execute", offsets.join(" ")))
        .collect::<Vec<_>>()
        .join(" && ")
}
