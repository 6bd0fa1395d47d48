//! Consumer lag over time: per group and partition, the committed offset against the log
//! end, sampled at an interval, judged by Burrow's evaluator ([`burrow`]) over
//! a window of commits, with the lag in seconds from kafka-lag-exporter's lookup table
//! ([`lookup`]).
//!
//! Burrow reads every commit from `__consumer_offsets`; a CLI can only poll the committed
//! offset. So the window holds the commits chatctl *saw*: the offset at the first poll (the
//! baseline), then each change of it, dated when first seen, with Burrow's lag at commit
//! (the log end last known before the commit, minus the offset). The differences this
//! forces, and nothing else differs from Burrow's rules:
//! - A window is judged once it holds [`MIN_COMMITS`] of its [`WINDOW`] slots (Burrow's
//!   `minimum-complete` 0.3); before that a partition is OK with `complete < 1` ("not
//!   enough history"). A poller's first sight is not a commit time, and one seen commit
//!   gives no span to compare silence with.
//! - A commit of an unchanged offset cannot be seen, so Burrow's STOP (silence longer than
//!   the window spans) is reported as STALL while the broker says the group has members
//!   (alive, committing, not moving), and as STOP otherwise.
//! - An Empty group (the broker says nobody consumes) with lag is STOP at once.
//! - With a silence limit (`--watch`): a partition not yet judged whose offset has not
//!   moved for longer than the limit while it lags is STOP (STALL with members).
//!
//! Lag in seconds: `now − t(committed)`, `t` looked up in the partition's table of log-end
//! sightings (kafka-lag-exporter's `MemoryTable`: a flat log end keeps its first and last
//! sight). Where the committed offset is older than the whole table, or the table has too
//! few points, the poller reads that one record's timestamp (once per offset) instead of
//! extrapolating: exact where kafka-lag-exporter guesses. Caught up is 0 s, idle or not.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

pub mod burrow;
pub mod lookup;

use burrow::{Commit, PartitionVerdict};
use lookup::{AddPoint, Lookup, Point, Table};

pub use burrow::Status;

/// Commits a window holds (Burrow's default `intervals`).
pub const WINDOW: usize = 10;
/// Commits a window needs before it is judged.
pub const MIN_COMMITS: usize = 3;
/// Lag history kept for sparklines.
pub const HISTORY: usize = 120;
/// Lookup table points kept per partition (kafka-lag-exporter's default `size`).
const TABLE: usize = 60;

/// Whether anyone consumes in the group, as far as the broker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Membership {
    Active,
    Empty,
    Unknown,
}

/// One observation of a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    pub at_ms: i64,
    pub committed: i64,
    pub log_end: i64,
}

impl Sample {
    pub fn lag(&self) -> i64 {
        (self.log_end - self.committed).max(0)
    }
}

/// How partitions are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Judge {
    /// Burrow's `allowed-lag`: at or under it a partition is OK.
    pub allowed_lag: u64,
    /// A partition not yet judged that has not moved for this long while lagging is
    /// stopped (none: never, as a one-shot, which cannot tell a slow committer).
    pub silence_ms: Option<i64>,
}

/// What is known about one partition of one group.
#[derive(Debug, Clone)]
pub struct PartitionHistory {
    /// The commits seen, oldest first (at most [`WINDOW`]).
    commits: VecDeque<Commit>,
    /// Recent log ends (Burrow's broker offsets), oldest first.
    broker: VecDeque<i64>,
    /// Recent samples, for rates.
    samples: VecDeque<Sample>,
    table: Table,
    /// The exact timestamp of the record at an offset (looked up by the poller).
    exact: Option<(i64, i64)>,
    /// When the committed offset was last seen to change (or first seen).
    moved_ms: i64,
    /// Lag per sample, for sparklines.
    pub lags: VecDeque<u64>,
}

impl Default for PartitionHistory {
    fn default() -> Self {
        PartitionHistory {
            commits: VecDeque::new(),
            broker: VecDeque::new(),
            samples: VecDeque::new(),
            table: Table::new(TABLE),
            exact: None,
            moved_ms: 0,
            lags: VecDeque::new(),
        }
    }
}

fn push_bounded<T>(q: &mut VecDeque<T>, cap: usize, v: T) {
    if q.len() == cap {
        q.pop_front();
    }
    q.push_back(v);
}

impl PartitionHistory {
    pub fn push(&mut self, s: Sample) {
        let before = self.samples.back().copied();
        let seen = self.commits.back().map(|c| c.offset);
        if seen != Some(s.committed) {
            // Burrow's lag at commit: the log end last known when the commit arrived. At
            // the first sight nothing was known before it: no lag (Burrow's `Lag: nil`),
            // so the first sight never counts as a lag in the WARN or OK rules.
            let lag = before.map(|b| (b.log_end - s.committed).max(0) as u64);
            push_bounded(&mut self.commits, WINDOW, Commit { offset: s.committed, timestamp_ms: s.at_ms, lag });
            self.moved_ms = s.at_ms;
        }
        push_bounded(&mut self.broker, WINDOW, s.log_end);
        push_bounded(&mut self.samples, WINDOW, s);
        push_bounded(&mut self.lags, HISTORY, s.lag() as u64);
        let p = Point { offset: s.log_end, time: s.at_ms };
        if self.table.add_point(p) == AddPoint::NonMonotonic {
            // The log was truncated or recreated: the old table says nothing now.
            self.table.clear();
            self.table.add_point(p);
        }
    }

    pub fn last(&self) -> Option<Sample> {
        self.samples.back().copied()
    }

    /// The commits in the window, oldest first.
    pub fn commits(&self) -> impl Iterator<Item = &Commit> {
        self.commits.iter()
    }

    /// The record at `offset` was written at `ts_ms` (the poller read it).
    pub fn record_time(&mut self, offset: i64, ts_ms: i64) {
        self.exact = Some((offset, ts_ms));
    }

    fn table_answers(&self, offset: i64) -> bool {
        self.table.len() >= 2 && self.table.covers(offset)
    }

    /// The committed offset whose record time is needed and unknown: older than the
    /// table (or the table too short), and not yet looked up.
    pub fn needs_record_time(&self) -> Option<i64> {
        let last = self.last()?;
        if last.lag() == 0 || self.exact.is_some_and(|(o, _)| o == last.committed) {
            return None;
        }
        (!self.table_answers(last.committed)).then_some(last.committed)
    }

    /// Seconds the oldest unconsumed record has waited; none when it cannot be told yet.
    pub fn lag_seconds(&self, now_ms: i64) -> Option<f64> {
        let last = self.last()?;
        if last.lag() == 0 {
            return Some(0.0);
        }
        let c = last.committed;
        let exact = self.exact.filter(|(o, _)| *o == c).map(|(_, ts)| ((now_ms - ts).max(0)) as f64 / 1000.0);
        if !self.table_answers(c) && exact.is_some() {
            return exact;
        }
        match self.table.lookup(c) {
            Lookup::LagIsZero => Some(0.0),
            Lookup::Prediction(at) if at.is_finite() => Some(((now_ms as f64 - at) / 1000.0).max(0.0)),
            _ => exact,
        }
    }

    /// Records committed per second over the recent samples.
    pub fn consume_rate(&self) -> Option<f64> {
        self.rate(|s| s.committed)
    }

    /// Records written per second over the recent samples.
    pub fn produce_rate(&self) -> Option<f64> {
        self.rate(|s| s.log_end)
    }

    fn rate(&self, f: impl Fn(&Sample) -> i64) -> Option<f64> {
        let (a, b) = (self.samples.front()?, self.samples.back()?);
        let secs = (b.at_ms - a.at_ms) as f64 / 1000.0;
        (secs > 0.0).then(|| ((f(b) - f(a)).max(0)) as f64 / secs)
    }

    /// Seconds until lag reaches 0 at the current rates; none when it is not shrinking.
    pub fn time_to_drain(&self) -> Option<f64> {
        let last = self.last()?;
        if last.lag() == 0 {
            return Some(0.0);
        }
        let net = self.consume_rate()? - self.produce_rate()?;
        (net > 0.0).then(|| last.lag() as f64 / net)
    }

    /// Whether the window holds enough commits to be judged.
    pub fn judged(&self) -> bool {
        self.commits.len() >= MIN_COMMITS
    }

    /// Burrow's verdict at `now_ms`, with the differences a poller forces (module docs).
    pub fn verdict(&self, membership: Membership, now_ms: i64, judge: &Judge) -> PartitionVerdict {
        let lag = self.last().map(|s| s.lag() as u64).unwrap_or(0);
        let mut ring: Vec<Option<Commit>> = vec![None; WINDOW.saturating_sub(self.commits.len())];
        ring.extend(self.commits.iter().copied().map(Some));
        let broker: Vec<i64> = self.broker.iter().copied().collect();
        let min = MIN_COMMITS as f32 / WINDOW as f32;
        let mut v = burrow::evaluate_partition(&ring, &broker, lag, now_ms, min, judge.allowed_lag);
        if lag > judge.allowed_lag {
            let silent = !self.judged() && judge.silence_ms.is_some_and(|s| now_ms - self.moved_ms > s);
            if membership == Membership::Empty || silent {
                v.status = Status::Stop;
            }
            if v.status == Status::Stop && membership == Membership::Active {
                v.status = Status::Stall;
            }
        }
        v
    }
}

/// A group's partitions and membership over time.
#[derive(Debug, Clone)]
pub struct GroupHistory {
    pub membership: Membership,
    pub partitions: BTreeMap<(String, i32), PartitionHistory>,
    pub total_lags: VecDeque<u64>,
}

/// A committed offset whose record's timestamp is wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordAt {
    pub group: String,
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
}

/// One poll: per group, its membership and (topic, partition, committed, log end).
#[derive(Debug, Clone, Default)]
pub struct Poll {
    pub at_ms: i64,
    pub groups: Vec<GroupPoll>,
}

#[derive(Debug, Clone)]
pub struct GroupPoll {
    pub group: String,
    pub membership: Membership,
    pub partitions: Vec<(String, i32, i64, i64)>,
}

/// Every group watched, fed one poll at a time. A group or partition missing from a poll
/// is gone (deleted, its offsets expired) and leaves the model.
#[derive(Debug, Clone, Default)]
pub struct LagModel {
    pub groups: BTreeMap<String, GroupHistory>,
    pub last_poll_ms: Option<i64>,
    pub judge: Judge,
}

/// A partition's figures, as shown and printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionLag {
    pub group: String,
    pub topic: String,
    pub partition: i32,
    pub committed: i64,
    pub log_end: i64,
    pub lag: i64,
    pub lag_seconds: Option<f64>,
    pub consume_rate: Option<f64>,
    pub time_to_drain_seconds: Option<f64>,
    pub status: Status,
    /// How full the commit window is (Burrow's `complete`); under 0.3 not yet judged.
    pub complete: f32,
}

/// A group's figures (Burrow's roll-up): its status, the sums, the partition with the
/// worst status and the one with the most lag.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupLag {
    pub group: String,
    /// OK, WARN, ERR (a partition in STOP, STALL or REWIND), or NOTFOUND.
    pub status: Status,
    pub membership: Membership,
    pub partitions: usize,
    pub lag: i64,
    pub lag_seconds: Option<f64>,
    pub consume_rate: Option<f64>,
    pub time_to_drain_seconds: Option<f64>,
    /// Share of partitions whose window is full (Burrow's `complete`).
    pub complete: f32,
    /// Every lagging partition has been judged (or needs no history: caught up, an Empty
    /// group); false: an OK may only mean "not enough history yet".
    pub judged: bool,
    /// `topic:partition` with the worst status, and that status.
    pub worst_partition: Option<String>,
    pub worst_status: Status,
    /// `topic:partition` furthest behind (Burrow's maxlag).
    pub max_lag_partition: Option<String>,
}

impl LagModel {
    pub fn new(judge: Judge) -> Self {
        LagModel { judge, ..Default::default() }
    }

    pub fn apply(&mut self, poll: &Poll) {
        self.last_poll_ms = Some(poll.at_ms);
        self.groups.retain(|g, _| poll.groups.iter().any(|p| &p.group == g));
        for g in &poll.groups {
            let h = self.groups.entry(g.group.clone()).or_insert_with(|| GroupHistory {
                membership: g.membership,
                partitions: BTreeMap::new(),
                total_lags: VecDeque::new(),
            });
            h.membership = g.membership;
            h.partitions.retain(|(t, p), _| g.partitions.iter().any(|(pt, pp, _, _)| pt == t && pp == p));
            let mut total = 0u64;
            for (topic, partition, committed, log_end) in &g.partitions {
                let s = Sample { at_ms: poll.at_ms, committed: *committed, log_end: *log_end };
                total += s.lag() as u64;
                h.partitions.entry((topic.clone(), *partition)).or_default().push(s);
            }
            push_bounded(&mut h.total_lags, HISTORY, total);
        }
    }

    /// Partitions whose committed record's time must be read.
    pub fn needs_record_times(&self) -> Vec<RecordAt> {
        let mut out = Vec::new();
        for (g, h) in &self.groups {
            for ((t, p), ph) in &h.partitions {
                if let Some(o) = ph.needs_record_time() {
                    out.push(RecordAt { group: g.clone(), topic: t.clone(), partition: *p, offset: o });
                }
            }
        }
        out
    }

    pub fn record_time(&mut self, at: &RecordAt, ts_ms: i64) {
        let key = (at.topic.clone(), at.partition);
        if let Some(ph) = self.groups.get_mut(&at.group).and_then(|h| h.partitions.get_mut(&key)) {
            ph.record_time(at.offset, ts_ms);
        }
    }

    /// Whether every lagging partition of every group has a judged window (or needs none:
    /// caught up, or in an Empty group): a one-shot can stop sampling.
    pub fn settled(&self) -> bool {
        self.groups.values().all(|h| self.group_judged(h))
    }

    fn group_judged(&self, h: &GroupHistory) -> bool {
        h.membership == Membership::Empty
            || h.partitions
                .values()
                .all(|p| p.judged() || p.last().is_none_or(|s| s.lag() as u64 <= self.judge.allowed_lag))
    }

    fn verdicts(&self, group: &str) -> Vec<(PartitionLag, PartitionVerdict)> {
        let Some(h) = self.groups.get(group) else { return Vec::new() };
        let now = self.last_poll_ms.unwrap_or_default();
        h.partitions
            .iter()
            .filter_map(|((topic, partition), ph)| {
                let last = ph.last()?;
                let v = ph.verdict(h.membership, now, &self.judge);
                let row = PartitionLag {
                    group: group.to_string(),
                    topic: topic.clone(),
                    partition: *partition,
                    committed: last.committed,
                    log_end: last.log_end,
                    lag: last.lag(),
                    lag_seconds: ph.lag_seconds(now),
                    consume_rate: ph.consume_rate(),
                    time_to_drain_seconds: ph.time_to_drain(),
                    status: v.status,
                    complete: v.complete,
                };
                Some((row, v))
            })
            .collect()
    }

    pub fn partitions(&self, group: &str) -> Vec<PartitionLag> {
        self.verdicts(group).into_iter().map(|(p, _)| p).collect()
    }

    pub fn group(&self, group: &str) -> Option<GroupLag> {
        let h = self.groups.get(group)?;
        let (parts, verdicts): (Vec<PartitionLag>, Vec<PartitionVerdict>) = self.verdicts(group).into_iter().unzip();
        let g = burrow::evaluate_group(&verdicts);
        let fold = |f: &dyn Fn(&PartitionLag) -> Option<f64>, sum: bool| {
            parts.iter().filter_map(f).fold(None, |acc: Option<f64>, v| {
                Some(if sum { acc.unwrap_or(0.0) + v } else { acc.unwrap_or(0.0).max(v) })
            })
        };
        // A group drains when its slowest partition does; one that never drains, never.
        let drains = parts.iter().all(|p| p.time_to_drain_seconds.is_some());
        let name = |i: Option<usize>| i.map(|i| format!("{}:{}", parts[i].topic, parts[i].partition));
        Some(GroupLag {
            group: group.to_string(),
            // No committed offset anywhere: Kafka does not know the group (Burrow's 404).
            status: if parts.is_empty() { Status::NotFound } else { g.status },
            membership: h.membership,
            partitions: parts.len(),
            lag: parts.iter().map(|p| p.lag).sum(),
            lag_seconds: fold(&|p| p.lag_seconds, false),
            consume_rate: fold(&|p| p.consume_rate, true),
            time_to_drain_seconds: if drains { fold(&|p| p.time_to_drain_seconds, false) } else { None },
            complete: g.complete,
            judged: self.group_judged(h),
            worst_partition: name(g.worst),
            worst_status: g.worst.map(|i| parts[i].status).unwrap_or(Status::Ok),
            max_lag_partition: name(g.maxlag),
        })
    }

    pub fn group_rows(&self) -> Vec<GroupLag> {
        self.groups.keys().filter_map(|g| self.group(g)).collect()
    }
}

mod poller;
pub use poller::{Poller, DISCOVERY};

#[cfg(test)]
mod tests;
