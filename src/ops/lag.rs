//! Consumer lag over time: per group and partition, the committed offset against the log
//! end, sampled at an interval, judged by Burrow's evaluation rules over a sliding window,
//! with the lag in seconds interpolated as kafka-lag-exporter does.
//!
//! Lag in seconds: each partition keeps a table of (log-end offset, the time it was first
//! seen there). The record at the committed offset was written when the log end passed
//! it, so its age is `now - t(committed)`, interpolated between the two table entries
//! around it. A committed offset older than the whole table (the first samples, a stopped
//! consumer) is looked up exactly instead: the poller reads that one record's timestamp
//! (once per offset) and the answer joins the table, so a consumer catching up from there
//! interpolates again. A caught-up partition is 0 s, idle topic or not.
//!
//! Status (Burrow's rules, the window being the last [`WINDOW`] samples):
//! REWIND if the committed offset went backwards; OK if any sample had lag 0; STALL if the
//! committed offset did not move while the group has members (alive but stuck), STOP if it
//! did not move and the group has no members or the broker cannot say (nobody commits);
//! WARN if it moved but lag grew in every interval; OK otherwise. A group takes its worst
//! partition's status (severity OK < WARN < REWIND < STALL < STOP).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kafka::groups;
use crate::kafka::KafkaSettings;

/// Samples a status is judged over (Burrow's default).
pub const WINDOW: usize = 10;
/// Lag history kept for sparklines.
pub const HISTORY: usize = 120;
/// Log-end table entries kept per partition.
const TABLE: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Ok,
    Warn,
    Rewind,
    Stall,
    Stop,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Rewind => "REWIND",
            Status::Stall => "STALL",
            Status::Stop => "STOP",
        }
    }
}

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

/// What is known about one partition of one group.
#[derive(Debug, Clone, Default)]
pub struct PartitionHistory {
    window: VecDeque<Sample>,
    /// (log end, when it was first seen there), oldest first.
    table: VecDeque<(i64, i64)>,
    /// The exact timestamp of the record at an offset (looked up by the poller).
    exact: Option<(i64, i64)>,
    /// Lag per sample, for sparklines.
    pub lags: VecDeque<u64>,
}

impl PartitionHistory {
    pub fn push(&mut self, s: Sample) {
        if self.window.len() == WINDOW {
            self.window.pop_front();
        }
        self.window.push_back(s);
        if self.lags.len() == HISTORY {
            self.lags.pop_front();
        }
        self.lags.push_back(s.lag() as u64);
        match self.table.back() {
            Some(&(end, _)) if end == s.log_end => {}
            Some(&(end, _)) if s.log_end < end => {
                // The log was truncated or recreated: the old table says nothing now.
                self.table.clear();
                self.table.push_back((s.log_end, s.at_ms));
            }
            _ => {
                if self.table.len() == TABLE {
                    self.table.pop_front();
                }
                self.table.push_back((s.log_end, s.at_ms));
            }
        }
    }

    pub fn last(&self) -> Option<Sample> {
        self.window.back().copied()
    }

    /// The record at `offset` was written at `ts_ms` (the poller read it).
    pub fn record_time(&mut self, offset: i64, ts_ms: i64) {
        self.exact = Some((offset, ts_ms));
        // The log end passed `offset` when it was written: an entry older than the table.
        if self.table.front().is_some_and(|&(end, t)| end > offset + 1 && t >= ts_ms) {
            self.table.push_front((offset + 1, ts_ms));
        }
    }

    /// The committed offset whose record time is needed and unknown: older than the
    /// table, and not yet looked up.
    pub fn needs_record_time(&self) -> Option<i64> {
        let last = self.last()?;
        if last.lag() == 0 || self.exact.is_some_and(|(o, _)| o == last.committed) {
            return None;
        }
        match self.table.front() {
            Some(&(end, _)) if end <= last.committed => None,
            _ => Some(last.committed),
        }
    }

    /// Seconds the oldest unconsumed record has waited; none when it cannot be told yet.
    pub fn lag_seconds(&self, now_ms: i64) -> Option<f64> {
        let last = self.last()?;
        if last.lag() == 0 {
            return Some(0.0);
        }
        let c = last.committed;
        if let Some((o, ts)) = self.exact {
            if o == c {
                return Some(((now_ms - ts).max(0)) as f64 / 1000.0);
            }
        }
        let t: Vec<(i64, i64)> = self.table.iter().copied().collect();
        for pair in t.windows(2) {
            let ((e0, t0), (e1, t1)) = (pair[0], pair[1]);
            if e0 <= c && c < e1 {
                let at = t0 as f64 + (c - e0) as f64 / (e1 - e0) as f64 * (t1 - t0) as f64;
                return Some(((now_ms as f64 - at) / 1000.0).max(0.0));
            }
        }
        None
    }

    /// Records committed per second over the window.
    pub fn consume_rate(&self) -> Option<f64> {
        self.rate(|s| s.committed)
    }

    /// Records written per second over the window.
    pub fn produce_rate(&self) -> Option<f64> {
        self.rate(|s| s.log_end)
    }

    fn rate(&self, f: impl Fn(&Sample) -> i64) -> Option<f64> {
        let (a, b) = (self.window.front()?, self.window.back()?);
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

    /// Burrow's verdict over the window.
    pub fn status(&self, membership: Membership) -> Status {
        let w: Vec<&Sample> = self.window.iter().collect();
        if w.windows(2).any(|p| p[1].committed < p[0].committed) {
            return Status::Rewind;
        }
        if w.len() < 2 || w.iter().any(|s| s.lag() == 0) {
            return Status::Ok;
        }
        let (first, last) = (w[0], w[w.len() - 1]);
        if first.committed == last.committed {
            return match membership {
                Membership::Active => Status::Stall,
                Membership::Empty | Membership::Unknown => Status::Stop,
            };
        }
        if w.windows(2).all(|p| p[1].lag() > p[0].lag()) {
            return Status::Warn;
        }
        Status::Ok
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

/// Every group watched, fed one poll at a time.
#[derive(Debug, Clone, Default)]
pub struct LagModel {
    pub groups: BTreeMap<String, GroupHistory>,
    pub last_poll_ms: Option<i64>,
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
}

/// A group's figures: the worst status, the sums, the partition furthest behind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupLag {
    pub group: String,
    pub status: Status,
    pub membership: Membership,
    pub partitions: usize,
    pub lag: i64,
    pub lag_seconds: Option<f64>,
    pub consume_rate: Option<f64>,
    pub time_to_drain_seconds: Option<f64>,
    /// `topic:partition` furthest behind (Burrow's maxlag).
    pub max_lag_partition: Option<String>,
}

impl LagModel {
    pub fn apply(&mut self, poll: &Poll) {
        self.last_poll_ms = Some(poll.at_ms);
        for g in &poll.groups {
            let h = self.groups.entry(g.group.clone()).or_insert_with(|| GroupHistory {
                membership: g.membership,
                partitions: BTreeMap::new(),
                total_lags: VecDeque::new(),
            });
            h.membership = g.membership;
            let mut total = 0u64;
            for (topic, partition, committed, log_end) in &g.partitions {
                let s = Sample { at_ms: poll.at_ms, committed: *committed, log_end: *log_end };
                total += s.lag() as u64;
                h.partitions.entry((topic.clone(), *partition)).or_default().push(s);
            }
            if h.total_lags.len() == HISTORY {
                h.total_lags.pop_front();
            }
            h.total_lags.push_back(total);
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

    pub fn partitions(&self, group: &str) -> Vec<PartitionLag> {
        let Some(h) = self.groups.get(group) else { return Vec::new() };
        let now = self.last_poll_ms.unwrap_or_default();
        h.partitions
            .iter()
            .filter_map(|((topic, partition), ph)| {
                let last = ph.last()?;
                Some(PartitionLag {
                    group: group.to_string(),
                    topic: topic.clone(),
                    partition: *partition,
                    committed: last.committed,
                    log_end: last.log_end,
                    lag: last.lag(),
                    lag_seconds: ph.lag_seconds(now),
                    consume_rate: ph.consume_rate(),
                    time_to_drain_seconds: ph.time_to_drain(),
                    status: ph.status(h.membership),
                })
            })
            .collect()
    }

    pub fn group(&self, group: &str) -> Option<GroupLag> {
        let h = self.groups.get(group)?;
        let parts = self.partitions(group);
        let max = parts.iter().filter(|p| p.lag > 0).max_by_key(|p| p.lag);
        let fold = |f: &dyn Fn(&PartitionLag) -> Option<f64>, sum: bool| {
            parts.iter().filter_map(f).fold(None, |acc: Option<f64>, v| {
                Some(if sum { acc.unwrap_or(0.0) + v } else { acc.unwrap_or(0.0).max(v) })
            })
        };
        // A group drains when its slowest partition does; one that never drains, never.
        let drains = parts.iter().all(|p| p.time_to_drain_seconds.is_some());
        Some(GroupLag {
            group: group.to_string(),
            status: parts.iter().map(|p| p.status).max().unwrap_or(Status::Ok),
            membership: h.membership,
            partitions: parts.len(),
            lag: parts.iter().map(|p| p.lag).sum(),
            lag_seconds: fold(&|p| p.lag_seconds, false),
            consume_rate: fold(&|p| p.consume_rate, true),
            time_to_drain_seconds: if drains { fold(&|p| p.time_to_drain_seconds, false) } else { None },
            max_lag_partition: max.map(|p| format!("{}:{}", p.topic, p.partition)),
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
            let m = r.map_err(|e| kafka.unreachable(e))?;
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

    fn history(samples: &[(i64, i64, i64)]) -> PartitionHistory {
        let mut h = PartitionHistory::default();
        for &(at_ms, committed, log_end) in samples {
            h.push(Sample { at_ms, committed, log_end });
        }
        h
    }

    /// `n` samples a second apart: committed and log end as functions of the step.
    fn steps(n: i64, committed: impl Fn(i64) -> i64, end: impl Fn(i64) -> i64) -> PartitionHistory {
        history(&(0..n).map(|i| (i * 1000, committed(i), end(i))).collect::<Vec<_>>())
    }

    #[test]
    fn caught_up_at_some_point_is_ok() {
        // Caught up at 4 s, falling behind since: still OK while that sample is in the window.
        let end = |i: i64| if i <= 4 { 100 } else { 100 + 5 * (i - 4) };
        let h = steps(10, |i| (92 + 2 * i).min(end(i)), end);
        assert_eq!(h.status(Membership::Active), Status::Ok);
    }

    #[test]
    fn idle_topic_is_ok_with_zero_seconds() {
        let h = steps(10, |_| 500, |_| 500);
        assert_eq!(h.status(Membership::Unknown), Status::Ok);
        assert_eq!(h.lag_seconds(9000), Some(0.0));
        assert_eq!(h.time_to_drain(), Some(0.0));
    }

    #[test]
    fn stuck_with_members_is_stall_without_is_stop() {
        let h = steps(10, |_| 100, |i| 200 + i * 10);
        assert_eq!(h.status(Membership::Active), Status::Stall);
        assert_eq!(h.status(Membership::Empty), Status::Stop);
        assert_eq!(h.status(Membership::Unknown), Status::Stop);
        assert_eq!(h.time_to_drain(), None, "not draining");
    }

    #[test]
    fn falling_behind_is_warn() {
        // Consumes 5/s, produced 10/s: moves, lag grows every interval.
        let h = steps(10, |i| 100 + i * 5, |i| 110 + i * 10);
        assert_eq!(h.status(Membership::Active), Status::Warn);
        assert_eq!(h.consume_rate(), Some(5.0));
        assert_eq!(h.produce_rate(), Some(10.0));
    }

    #[test]
    fn going_backwards_is_rewind() {
        let h = steps(6, |i| if i < 3 { 1000 + i } else { 10 + i }, |_| 2000);
        assert_eq!(h.status(Membership::Active), Status::Rewind);
    }

    #[test]
    fn one_sample_is_not_enough_to_judge() {
        let h = steps(1, |_| 0, |_| 1000);
        assert_eq!(h.status(Membership::Empty), Status::Ok);
    }

    #[test]
    fn steady_consumption_lag_seconds_interpolates() {
        // 100 records/s written from t=0; the consumer stays 250 records behind.
        let h = steps(10, |i| (i * 100 - 250).max(0), |i| i * 100);
        // At t=9 s committed = 650; the log end was 600 at 6 s and 700 at 7 s: 6.5 s.
        let s = h.lag_seconds(9000).unwrap();
        assert!((s - 2.5).abs() < 1e-9, "{s}");
        assert_eq!(h.status(Membership::Active), Status::Ok, "moves, lag steady");
        let drain = h.time_to_drain();
        assert_eq!(drain, None, "consumes slower than written over the window: never drains");
    }

    #[test]
    fn catch_up_after_burst() {
        // A burst of 1,000 at t=0, nothing after; the consumer does 200/s.
        let h = steps(4, |i| i * 200, |_| 1000);
        assert_eq!(h.status(Membership::Active), Status::Ok);
        assert_eq!(h.consume_rate(), Some(200.0));
        // 400 left at 200/s.
        assert_eq!(h.time_to_drain(), Some(2.0));
        // Committed (600) is older than the table (log end 1000 from the first sample):
        // unknown until the record's time is read.
        assert_eq!(h.needs_record_time(), Some(600));
        assert_eq!(h.lag_seconds(3000), None);
        let mut h = h;
        h.record_time(600, -500);
        assert_eq!(h.needs_record_time(), None);
        assert_eq!(h.lag_seconds(3000), Some(3.5));
    }

    #[test]
    fn exact_time_joins_the_table_for_later_offsets() {
        // Log end: 1,000 at t=0 (burst written at t=-10 s .. 0), then 10/s.
        let mut h = steps(3, |i| i * 100, |i| 1000 + i * 10);
        h.record_time(200, -8000);
        // A later committed offset between 201 and 1000 interpolates between (201, -8 s)
        // and (1000, 0 s).
        h.push(Sample { at_ms: 3000, committed: 600, log_end: 1030 });
        let s = h.lag_seconds(3000).unwrap();
        let expect = 3.0 + 8.0 * (1.0 - (600.0 - 201.0) / (1000.0 - 201.0));
        assert!((s - expect).abs() < 1e-6, "{s} vs {expect}");
    }

    #[test]
    fn group_takes_the_worst_partition() {
        let mut m = LagModel::default();
        for i in 0..12 {
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
        assert_eq!(g.status, Status::Stop);
        assert_eq!(g.lag, 11);
        assert_eq!(g.max_lag_partition.as_deref(), Some("t:0"));
        let parts = m.partitions("g");
        assert_eq!(parts[1].status, Status::Ok);
        assert_eq!(m.groups["g"].total_lags.back(), Some(&11));
    }
}
