//! Consumer lag over time: per group and partition, the committed offset against the log
//! end, sampled at an interval, judged by Burrow's evaluator ([`crate::ops::burrow`]) over
//! a window of commits, with the lag in seconds from kafka-lag-exporter's lookup table
//! ([`crate::ops::lookup`]).
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

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kafka::groups;
use crate::kafka::KafkaSettings;
use crate::ops::burrow::{self, Commit, PartitionVerdict};
use crate::ops::lookup::{AddPoint, Lookup, Point, Table};

pub use crate::ops::burrow::Status;

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

/// How often a poller looks for new groups, topics and partitions (a full scan); between
/// scans it asks only about the partitions each group has offsets for.
pub const DISCOVERY: Duration = Duration::from_secs(30);

/// Gathers one [`Poll`] at a time from the broker (blocking: run it on its own thread).
/// Clients are kept between polls: one for metadata and log ends, one per group for its
/// committed offsets (a consumer with the group id that never joins it). A poll between
/// discoveries costs the broker one DescribeGroups, one ListOffsets and one OffsetFetch per
/// group, each for the partitions that matter only.
pub struct Poller {
    kafka: KafkaSettings,
    only: Vec<String>,
    client: BaseConsumer,
    per_group: HashMap<String, BaseConsumer>,
    /// Cleared after the broker fails a DescribeGroups (tansu's SQLite engine): then
    /// membership is unknown, and not asked again.
    can_describe: bool,
    discovered: Option<Instant>,
    /// Every partition of every topic, as of the last discovery.
    all: TopicPartitionList,
    names: Vec<String>,
    /// Per group: the partitions it had offsets for at the last discovery.
    scope: HashMap<String, TopicPartitionList>,
    /// Record times asked for lately, (topic, partition, offset) → when.
    asked: HashMap<(String, i32, i64), Instant>,
}

impl Drop for Poller {
    fn drop(&mut self) {
        for (_, c) in self.per_group.drain() {
            crate::kafka::dispose(c);
        }
    }
}

impl Poller {
    /// Watch `only` these groups, or every group the broker lists.
    pub fn new(kafka: &KafkaSettings, only: Vec<String>) -> Result<Self> {
        Ok(Poller {
            kafka: kafka.clone(),
            only,
            client: groups::admin_consumer(kafka)?,
            per_group: HashMap::new(),
            can_describe: true,
            discovered: None,
            all: TopicPartitionList::new(),
            names: Vec::new(),
            scope: HashMap::new(),
            asked: HashMap::new(),
        })
    }

    /// Groups, topics and partitions, afresh.
    fn discover(&mut self) -> Result<()> {
        let kafka = &self.kafka;
        let md = self.client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
        self.all = groups::topic_partitions(&md, None);
        self.names = if self.only.is_empty() {
            groups::list(self.client.client(), kafka.timeout)?.into_iter().map(|g| g.group).collect()
        } else {
            self.only.clone()
        };
        self.scope.clear();
        self.discovered = Some(Instant::now());
        Ok(())
    }

    fn membership(&mut self) -> HashMap<String, Membership> {
        let mut out = HashMap::new();
        if !self.can_describe || self.names.is_empty() {
            return out;
        }
        match groups::describe(self.client.client(), &self.names, self.kafka.timeout) {
            Ok(ds) => {
                for d in ds {
                    // Some brokers (tansu) give an active group's state but no members.
                    let active = !d.members.is_empty()
                        || matches!(d.state.as_str(), "Stable" | "PreparingRebalance" | "CompletingRebalance");
                    out.insert(d.group, if active { Membership::Active } else { Membership::Empty });
                }
            }
            Err(e) => {
                tracing::info!(error = %e, "the broker cannot describe groups: membership unknown");
                self.can_describe = false;
            }
        }
        out
    }

    pub fn poll(&mut self) -> Result<Poll> {
        if self.discovered.is_none_or(|d| d.elapsed() >= DISCOVERY) {
            self.discover()?;
        }
        let membership = self.membership();
        let kafka = &self.kafka;
        // Committed offsets first (each group's known partitions, or all at a discovery).
        let mut found: Vec<(String, Vec<groups::TopicOffset>)> = Vec::new();
        for g in &self.names {
            if !self.per_group.contains_key(g) {
                self.per_group.insert(g.clone(), kafka.create(&kafka.consumer_config(g))?);
            }
            let ask = match self.scope.get(g) {
                Some(known) if known.count() > 0 => known.clone(),
                _ => self.all.clone(), // none yet: look everywhere
            };
            let committed =
                self.per_group[g].committed_offsets(ask, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
            let mut offsets = Vec::new();
            let mut scope = TopicPartitionList::new();
            for e in committed.elements() {
                if let Offset::Offset(c) = e.offset() {
                    offsets.push((e.topic().to_string(), e.partition(), c));
                    scope.add_partition(e.topic(), e.partition());
                }
            }
            self.scope.insert(g.clone(), scope);
            found.push((g.clone(), offsets));
        }
        // Log ends of those partitions in one ListOffsets request (timestamp -1: latest).
        let mut ends_req = TopicPartitionList::new();
        for (_, offsets) in &found {
            for (t, p, _) in offsets {
                if ends_req.find_partition(t, *p).is_none() {
                    ends_req.add_partition_offset(t, *p, Offset::End).map_err(Error::Kafka)?;
                }
            }
        }
        let ends = if ends_req.count() == 0 {
            TopicPartitionList::new()
        } else {
            self.client.offsets_for_times(ends_req, kafka.timeout).map_err(|e| kafka.unreachable(e))?
        };
        let at_ms = chrono::Utc::now().timestamp_millis();
        let mut out = Poll { at_ms, groups: Vec::new() };
        for (g, offsets) in found {
            let mut partitions = Vec::new();
            for (t, p, c) in offsets {
                let end = match ends.find_partition(&t, p).and_then(|e| e.offset().to_raw()).filter(|o| *o >= 0) {
                    Some(end) => end,
                    None => self.client.fetch_watermarks(&t, p, kafka.timeout).map_err(|x| kafka.unreachable(x))?.1,
                };
                partitions.push((t, p, c, end));
            }
            if partitions.is_empty() && self.only.is_empty() {
                continue; // a group with no offsets (a reader, a group being formed)
            }
            let membership = membership.get(&g).copied().unwrap_or(Membership::Unknown);
            out.groups.push(GroupPoll { group: g, membership, partitions });
        }
        Ok(out)
    }

    /// Read the timestamps (ms) of the records at `wanted`: the first record at or after
    /// each offset (the record itself on Apache Kafka; the next one where the offset is gone
    /// — compaction, transaction markers — or where a broker answers from the next batch,
    /// as tansu's memory engine does). Bounded by the request timeout; an offset not
    /// answered is not asked again before the next discovery.
    pub fn record_times(&mut self, wanted: &[RecordAt]) -> Result<Vec<(RecordAt, i64)>> {
        self.asked.retain(|_, at| at.elapsed() < DISCOVERY);
        let wanted: Vec<&RecordAt> =
            wanted.iter().filter(|w| !self.asked.contains_key(&(w.topic.clone(), w.partition, w.offset))).collect();
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let kafka = &self.kafka;
        let reader: BaseConsumer = kafka.create(&kafka.reader_config())?;
        let mut tpl = TopicPartitionList::new();
        let mut want: HashMap<(String, i32), i64> = HashMap::new();
        for w in &wanted {
            self.asked.insert((w.topic.clone(), w.partition, w.offset), Instant::now());
            if want.insert((w.topic.clone(), w.partition), w.offset).is_none() {
                tpl.add_partition_offset(&w.topic, w.partition, Offset::Offset(w.offset)).map_err(Error::Kafka)?;
            }
        }
        reader.assign(&tpl)?;
        let mut found: HashMap<(String, i32), i64> = HashMap::new();
        let deadline = Instant::now() + kafka.timeout;
        while found.len() < want.len() && Instant::now() < deadline {
            let Some(r) = reader.poll(Duration::from_millis(100)) else { continue };
            let m = match r {
                Ok(m) => m,
                Err(e) if crate::kafka::is_transient(&e) => continue, // bounded by the deadline
                Err(e) => return Err(kafka.unreachable(e)),
            };
            let key = (m.topic().to_string(), m.partition());
            if want.get(&key).is_some_and(|o| m.offset() >= *o) && !found.contains_key(&key) {
                if let Some(ts) = m.timestamp().to_millis() {
                    found.insert(key, ts);
                }
                let mut done = TopicPartitionList::new();
                done.add_partition(m.topic(), m.partition());
                let _ = reader.incremental_unassign(&done);
            }
        }
        crate::kafka::dispose(reader);
        Ok(wanted
            .into_iter()
            .filter_map(|w| found.get(&(w.topic.clone(), w.partition)).map(|ts| (w.clone(), *ts)))
            .collect())
    }

    /// One poll applied to `model`, with the record times it asks for.
    pub fn sample(&mut self, model: &mut LagModel) -> Result<()> {
        let poll = self.poll()?;
        model.apply(&poll);
        for (at, ts) in self.record_times(&model.needs_record_times())? {
            model.record_time(&at, ts);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIVE: Membership = Membership::Active;

    /// One poll of one group with one partition.
    fn poll(m: &mut LagModel, at_ms: i64, membership: Membership, committed: i64, log_end: i64) {
        m.apply(&Poll {
            at_ms,
            groups: vec![GroupPoll {
                group: "g".into(),
                membership,
                partitions: vec![("t".into(), 0, committed, log_end)],
            }],
        });
    }

    fn status(m: &LagModel) -> Status {
        m.partitions("g")[0].status
    }

    fn history(samples: &[(i64, i64, i64)]) -> PartitionHistory {
        let mut h = PartitionHistory::default();
        for &(at_ms, committed, log_end) in samples {
            h.push(Sample { at_ms, committed, log_end });
        }
        h
    }

    #[test]
    fn a_consumer_auto_committing_every_5s_that_keeps_up_is_ok() {
        // 10 records/s produced; the consumer reads as they come and commits its position
        // every 5 s (Java's default); polled every second.
        let mut m = LagModel::default();
        let mut polls = 0;
        for s in 0..15 {
            let end = 1000 + 10 * s;
            let committed = 1000 + 10 * (s / 5 * 5) - 3;
            poll(&mut m, s * 1000, ACTIVE, committed, end);
            polls += 1;
            if m.settled() {
                break;
            }
        }
        assert!(m.settled(), "three commits seen within 15 polls");
        assert!(polls <= 11, "{polls}");
        assert_eq!(status(&m), Status::Ok);
        assert_eq!(m.group("g").unwrap().status, Status::Ok);
    }

    #[test]
    fn one_shot_without_enough_commits_is_ok_and_incomplete() {
        // A Kafka Streams app committing every 30 s, sampled for 15 s: one commit seen.
        let mut m = LagModel::default();
        for s in 0..15 {
            poll(&mut m, s * 1000, ACTIVE, 500, 520 + 10 * s);
        }
        let p = &m.partitions("g")[0];
        assert_eq!((p.status, p.complete), (Status::Ok, 0.1), "not enough history");
        assert!(!m.settled());
        assert!(!m.group("g").unwrap().judged, "and the group says so");
    }

    #[test]
    fn an_empty_group_with_lag_is_stop_at_once() {
        let mut m = LagModel::default();
        poll(&mut m, 0, Membership::Empty, 100, 150);
        assert_eq!(status(&m), Status::Stop);
        assert!(m.settled());
        let g = m.group("g").unwrap();
        assert_eq!((g.status, g.worst_status, g.worst_partition.as_deref()), (Status::Err, Status::Stop, Some("t:0")));
    }

    #[test]
    fn a_stuck_member_is_stall_and_a_silent_group_stop_past_the_silence_limit() {
        let judge = Judge { allowed_lag: 0, silence_ms: Some(30_000) };
        let mut stuck = LagModel::new(judge);
        let mut silent = LagModel::new(judge);
        for s in 0..=31 {
            poll(&mut stuck, s * 1000, ACTIVE, 100, 200 + s);
            poll(&mut silent, s * 1000, Membership::Unknown, 100, 200 + s);
        }
        assert_eq!((status(&stuck), status(&silent)), (Status::Stall, Status::Stop));
        // Within the limit: not judged yet.
        let mut m = LagModel::new(judge);
        poll(&mut m, 0, ACTIVE, 100, 200);
        poll(&mut m, 20_000, ACTIVE, 100, 220);
        assert_eq!(status(&m), Status::Ok);
    }

    #[test]
    fn a_committer_that_went_silent_is_stop_by_burrows_span_rule() {
        // Polled every second; the log grows 10/s; commits seen at 0, 5 and 10 s, then none.
        let mut m = LagModel::default();
        let c = |s: i64| {
            if s < 5 {
                100
            } else if s < 10 {
                150
            } else {
                200
            }
        };
        for s in 0..=20 {
            poll(&mut m, s * 1000, Membership::Unknown, c(s), 120 + 10 * s);
        }
        // Silent 10 s = the window's span: not stopped yet; lag at its commits 10, 10
        // never decreased: WARN.
        assert_eq!(status(&m), Status::Warn);
        poll(&mut m, 21_000, Membership::Unknown, 200, 330);
        assert_eq!(status(&m), Status::Stop);
        assert_eq!(m.group("g").unwrap().status, Status::Err);
    }

    #[test]
    fn a_rewind_that_climbed_back_is_forgiven() {
        // Reset 300 -> 150, then consumed past 300 towards the log end (1000).
        let mut m = LagModel::default();
        for (at, c) in [(0, 300), (1, 150), (2, 250), (3, 350), (4, 500)] {
            poll(&mut m, at * 1000, Membership::Unknown, c, 1000);
        }
        assert_eq!(status(&m), Status::Ok);
        // Not yet climbed back: REWIND.
        let mut m = LagModel::default();
        for (at, c) in [(0, 300), (1, 150), (2, 200), (3, 250)] {
            poll(&mut m, at * 1000, Membership::Unknown, c, 1000);
        }
        assert_eq!(status(&m), Status::Rewind);
        // Within the allowed lag, a rewind is nothing.
        let mut m = LagModel::new(Judge { allowed_lag: 900, silence_ms: None });
        for (at, c) in [(0, 300), (1, 150), (2, 200), (3, 250)] {
            poll(&mut m, at * 1000, Membership::Unknown, c, 1000);
        }
        assert_eq!(status(&m), Status::Ok);
    }

    #[test]
    fn flat_nonzero_lag_is_warn_and_one_increase_is_not() {
        // The consumer moves 10/s, the log grows 10/s: lag flat at 50.
        let mut m = LagModel::default();
        for s in 0..5 {
            poll(&mut m, s * 1000, ACTIVE, 100 + 10 * s, 150 + 10 * s);
        }
        assert_eq!(status(&m), Status::Warn);
        assert_eq!(m.group("g").unwrap().status, Status::Warn);
        // Two samples, lag up once: not enough history to call it anything.
        let mut m = LagModel::default();
        poll(&mut m, 0, ACTIVE, 100, 150);
        poll(&mut m, 1000, ACTIVE, 105, 170);
        assert_eq!(status(&m), Status::Ok);
    }

    #[test]
    fn lag_seconds_after_an_hour_idle_is_the_poll_interval() {
        // Caught up and idle for an hour, polled every 2 s; then one record lands.
        let mut m = LagModel::default();
        for s in (0..=3600).step_by(2) {
            poll(&mut m, s * 1000, ACTIVE, 500, 500);
        }
        assert_eq!(m.partitions("g")[0].lag_seconds, Some(0.0));
        poll(&mut m, 3_602_000, ACTIVE, 500, 501);
        let s = m.partitions("g")[0].lag_seconds.unwrap();
        assert_eq!(s, 2.0, "the log end was last seen at 500 two seconds ago");
    }

    #[test]
    fn steady_consumption_lag_seconds_interpolates() {
        // 100 records/s written from t=0; the consumer stays 250 records behind.
        let h = history(&(0..10).map(|i| (i * 1000, (i * 100 - 250).max(0), i * 100)).collect::<Vec<_>>());
        // At t=9 s committed = 650; the log end was 600 at 6 s and 700 at 7 s: 6.5 s.
        let s = h.lag_seconds(9000).unwrap();
        assert!((s - 2.5).abs() < 1e-9, "{s}");
        assert_eq!(h.time_to_drain(), None, "consumes slower than written over the window: never drains");
    }

    #[test]
    fn a_committed_offset_older_than_the_table_is_read_exactly() {
        // A burst of 1,000 at t=0, nothing after; the consumer does 200/s.
        let mut h = history(&(0..4).map(|i| (i * 1000, i * 200, 1000)).collect::<Vec<_>>());
        assert_eq!(h.consume_rate(), Some(200.0));
        assert_eq!(h.time_to_drain(), Some(2.0));
        // Committed (600) is older than the flat table (log end 1000 throughout): unknown
        // (kafka-lag-exporter would answer infinity) until the record's time is read.
        assert_eq!(h.needs_record_time(), Some(600));
        assert_eq!(h.lag_seconds(3000), None);
        h.record_time(600, -500);
        assert_eq!(h.needs_record_time(), None);
        assert_eq!(h.lag_seconds(3000), Some(3.5));
    }

    #[test]
    fn idle_topic_is_ok_with_zero_seconds() {
        let h = history(&(0..10).map(|i| (i * 1000, 500, 500)).collect::<Vec<_>>());
        assert_eq!(h.verdict(Membership::Unknown, 9000, &Judge::default()).status, Status::Ok);
        assert_eq!(h.lag_seconds(9000), Some(0.0));
        assert_eq!(h.time_to_drain(), Some(0.0));
    }

    #[test]
    fn groups_and_partitions_that_disappear_leave_the_model() {
        let mut m = LagModel::default();
        m.apply(&Poll {
            at_ms: 0,
            groups: vec![
                GroupPoll {
                    group: "a".into(),
                    membership: ACTIVE,
                    partitions: vec![("t".into(), 0, 1, 1), ("t".into(), 1, 1, 1)],
                },
                GroupPoll { group: "b".into(), membership: ACTIVE, partitions: vec![("t".into(), 0, 1, 1)] },
            ],
        });
        m.apply(&Poll {
            at_ms: 1000,
            groups: vec![GroupPoll { group: "a".into(), membership: ACTIVE, partitions: vec![("t".into(), 0, 1, 1)] }],
        });
        assert_eq!(m.groups.keys().collect::<Vec<_>>(), ["a"]);
        assert_eq!(m.partitions("a").len(), 1);
    }

    #[test]
    fn a_group_without_offsets_is_notfound() {
        let mut m = LagModel::default();
        m.apply(&Poll {
            at_ms: 0,
            groups: vec![GroupPoll { group: "nope".into(), membership: Membership::Unknown, partitions: vec![] }],
        });
        assert_eq!(m.group("nope").unwrap().status, Status::NotFound);
    }

    #[test]
    fn group_names_its_max_lag_partition_even_at_zero_lag() {
        let mut m = LagModel::default();
        for i in 0..4 {
            m.apply(&Poll {
                at_ms: i * 1000,
                groups: vec![GroupPoll {
                    group: "g".into(),
                    membership: Membership::Empty,
                    partitions: vec![("t".into(), 0, 50, 50 + i), ("t".into(), 1, 100 + i, 100 + i)],
                }],
            });
        }
        let g = m.group("g").unwrap();
        assert_eq!((g.status, g.lag), (Status::Err, 3));
        assert_eq!(g.max_lag_partition.as_deref(), Some("t:0"));
        assert_eq!(m.partitions("g")[1].status, Status::Ok);
        assert_eq!(m.groups["g"].total_lags.back(), Some(&3));
        let mut m = LagModel::default();
        poll(&mut m, 0, ACTIVE, 5, 5);
        assert_eq!(m.group("g").unwrap().max_lag_partition.as_deref(), Some("t:0"));
    }
}
