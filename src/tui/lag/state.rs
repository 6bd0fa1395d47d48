//! What the lag screen shows and where the cursor is.

use crate::ops::lag::{GroupLag, LagModel, Membership, PartitionLag};
use crate::tui::confirm::Confirm;
use crate::tui::request::Request;

/// From the poller.
#[derive(Debug, Clone)]
pub enum LagUpdate {
    /// A fresh model, polled at this time (ms since the epoch).
    Model(Box<LagModel>, i64),
    /// A poll failed at this time: the screen keeps the last figures, marked stale.
    Failed(String, i64),
    /// An action finished: what to tell the operator.
    Done(String),
    /// The poller now polls every this many ms (it lengthens with the number of groups).
    Interval(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Status,
    Lag,
    LagSeconds,
    Name,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Status => Sort::Lag,
            Sort::Lag => Sort::LagSeconds,
            Sort::LagSeconds => Sort::Name,
            Sort::Name => Sort::Status,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Groups,
    Partitions(String),
}

#[derive(Debug, Clone)]
pub struct LagState {
    pub model: LagModel,
    pub interval_ms: u64,
    pub updated_ms: Option<i64>,
    /// The last failed poll (time, error) since the last good one.
    pub failing: Option<(i64, String)>,
    pub view: View,
    pub selected: usize,
    pub part_selected: usize,
    pub filter: String,
    pub editing: bool,
    pub sort: Sort,
    /// Rows the last drawn list held (for paging).
    pub page: std::cell::Cell<usize>,
    /// A reset waiting for the operator's typed yes.
    pub confirm: Option<Confirm<Request>>,
    /// What the screen asks of the command, taken by the console.
    pub asked: Option<Request>,
    /// The last action's outcome (or a hint).
    pub message: Option<String>,
    /// The groups as last shown, kept while the model, filter and sort stand: judging 200
    /// groups costs more than drawing them.
    shown: std::cell::RefCell<Option<ShownGroups>>,
}

#[derive(Debug, Clone)]
struct ShownGroups {
    updated_ms: Option<i64>,
    filter: String,
    sort: Sort,
    rows: std::rc::Rc<Vec<GroupLag>>,
}

impl LagState {
    pub fn new(interval_ms: u64) -> Self {
        LagState {
            model: LagModel::default(),
            interval_ms,
            updated_ms: None,
            failing: None,
            view: View::Groups,
            selected: 0,
            part_selected: 0,
            filter: String::new(),
            editing: false,
            sort: Sort::Status,
            page: std::cell::Cell::new(20),
            confirm: None,
            asked: None,
            message: None,
            shown: Default::default(),
        }
    }

    pub fn apply(&mut self, u: LagUpdate) {
        match u {
            LagUpdate::Model(m, at) => {
                self.model = *m;
                self.updated_ms = Some(at);
                self.failing = None;
            }
            LagUpdate::Done(m) => self.message = Some(m),
            LagUpdate::Interval(ms) => self.interval_ms = ms,
            LagUpdate::Failed(e, at) => {
                if self.failing.is_none() {
                    self.failing = Some((at, e));
                } else if let Some(f) = &mut self.failing {
                    f.1 = e;
                }
            }
        }
        self.clamp();
    }

    /// Groups shown: filtered by name (substring), sorted by the sort key; worked out once
    /// per model (each poll applied), filter and sort.
    pub fn groups(&self) -> std::rc::Rc<Vec<GroupLag>> {
        let mut shown = self.shown.borrow_mut();
        if let Some(s) = shown.as_ref() {
            if s.updated_ms == self.updated_ms && s.filter == self.filter && s.sort == self.sort {
                return s.rows.clone();
            }
        }
        let rows = std::rc::Rc::new(self.judge_groups());
        *shown = Some(ShownGroups {
            updated_ms: self.updated_ms,
            filter: self.filter.clone(),
            sort: self.sort,
            rows: rows.clone(),
        });
        rows
    }

    fn judge_groups(&self) -> Vec<GroupLag> {
        let f = self.filter.to_lowercase();
        let mut rows: Vec<GroupLag> =
            self.model.group_rows().into_iter().filter(|g| g.group.to_lowercase().contains(&f)).collect();
        match self.sort {
            Sort::Status => {
                rows.sort_by(|a, b| b.status.cmp(&a.status).then(b.lag.cmp(&a.lag)).then(a.group.cmp(&b.group)))
            }
            Sort::Lag => rows.sort_by(|a, b| b.lag.cmp(&a.lag).then(a.group.cmp(&b.group))),
            Sort::LagSeconds => rows.sort_by(|a, b| {
                b.lag_seconds.unwrap_or(-1.0).total_cmp(&a.lag_seconds.unwrap_or(-1.0)).then(a.group.cmp(&b.group))
            }),
            Sort::Name => rows.sort_by(|a, b| a.group.cmp(&b.group)),
        }
        rows
    }

    /// Partitions of the group drilled into, sorted like the groups.
    pub fn partitions(&self) -> Vec<PartitionLag> {
        let View::Partitions(g) = &self.view else { return Vec::new() };
        let mut rows = self.model.partitions(g);
        match self.sort {
            Sort::Status => rows.sort_by(|a, b| b.status.cmp(&a.status).then(b.lag.cmp(&a.lag))),
            Sort::Lag => rows.sort_by_key(|p| std::cmp::Reverse(p.lag)),
            Sort::LagSeconds => {
                rows.sort_by(|a, b| b.lag_seconds.unwrap_or(-1.0).total_cmp(&a.lag_seconds.unwrap_or(-1.0)))
            }
            Sort::Name => {}
        }
        rows
    }

    /// The lag history of the selected row (group total, or one partition).
    pub fn history(&self) -> Vec<u64> {
        match &self.view {
            View::Groups => self
                .groups()
                .get(self.selected)
                .and_then(|g| self.model.groups.get(&g.group))
                .map(|h| h.total_lags.iter().copied().collect())
                .unwrap_or_default(),
            View::Partitions(g) => self
                .partitions()
                .get(self.part_selected)
                .and_then(|p| self.model.groups.get(g)?.partitions.get(&(p.topic.clone(), p.partition)))
                .map(|h| h.lags.iter().copied().collect())
                .unwrap_or_default(),
        }
    }

    /// Ask before moving `group`'s offsets to the log ends: the plan from the last poll, the
    /// equivalent command, the group's name to type.
    pub fn ask_reset(&mut self, group: &str) {
        let parts = self.model.partitions(group);
        let skipped: i64 = parts.iter().map(|p| p.lag).sum();
        let mut plan = vec![format!(
            "reset {group}: {} partition(s) to the log end, skipping {skipped} record(s) its consumers have not read",
            parts.len()
        )];
        plan.extend(
            parts
                .iter()
                .filter(|p| p.lag > 0)
                .take(8)
                .map(|p| format!("  {}:{}  {} → {} (skips {})", p.topic, p.partition, p.committed, p.log_end, p.lag)),
        );
        if self.model.groups.get(group).is_some_and(|g| g.membership == Membership::Active) {
            plan.push("the group has members: the reset will be refused until they stop".into());
        }
        plan.push("(planned again against the log when it runs)".into());
        self.confirm = Some(Confirm {
            title: "reset offsets".into(),
            plan,
            cli: format!("chatctl groups reset {group} --all-topics --to-latest --execute"),
            typed: Some(group.to_string()),
            input: String::new(),
            action: Request::ResetGroup(group.to_string()),
        });
    }

    pub fn clamp(&mut self) {
        let n = self.groups().len();
        self.selected = self.selected.min(n.saturating_sub(1));
        let m = self.partitions().len();
        self.part_selected = self.part_selected.min(m.saturating_sub(1));
    }
}
