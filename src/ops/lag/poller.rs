//! The lag poller: one [`Poll`] at a time from the broker, for [`super::LagModel`].

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};

use super::*;
use crate::error::{Error, Result};
use crate::kafka::groups;
use crate::kafka::KafkaSettings;

/// How often a poller looks for new groups, topics and partitions (a full scan); between
/// scans it asks only about the partitions each group has offsets for.
pub const DISCOVERY: Duration = Duration::from_secs(30);

/// Gathers one [`Poll`] at a time from the broker (blocking: run it on its own thread).
/// One client, kept between polls, for metadata, log ends and every group's committed
/// offsets (the Admin API's ListConsumerGroupOffsets, all groups in flight at once). A poll
/// between discoveries costs the broker one DescribeGroups, one ListOffsets and one
/// OffsetFetch per group, each for the partitions that matter only.
pub struct Poller {
    kafka: KafkaSettings,
    only: Vec<String>,
    client: BaseConsumer,
    /// Cleared after the broker fails a DescribeGroups (tansu's SQLite engine): then
    /// membership is unknown, and not asked again.
    can_describe: bool,
    discovered: Option<Instant>,
    /// Every partition of every topic, as of the last discovery (committed offsets of others
    /// are left out).
    all: std::collections::HashSet<(String, i32)>,
    names: Vec<String>,
    /// Per group: the partitions it had offsets for at the last discovery.
    scope: HashMap<String, TopicPartitionList>,
    /// Record times asked for lately, (topic, partition, offset) → when.
    asked: HashMap<(String, i32, i64), Instant>,
}

/// A group with members, or in a state only a group with members has, is active.
fn membership_of(has_members: bool, state: &str) -> Membership {
    if has_members || matches!(state, "Stable" | "PreparingRebalance" | "CompletingRebalance") {
        Membership::Active
    } else {
        Membership::Empty
    }
}

impl Poller {
    /// Watch `only` these groups, or every group the broker lists.
    pub fn new(kafka: &KafkaSettings, only: Vec<String>) -> Result<Self> {
        Ok(Poller {
            kafka: kafka.clone(),
            only,
            client: groups::admin_consumer(kafka)?,
            can_describe: true,
            discovered: None,
            all: Default::default(),
            names: Vec::new(),
            scope: HashMap::new(),
            asked: HashMap::new(),
        })
    }

    /// How many groups it polls (as of the last discovery).
    pub fn groups(&self) -> usize {
        self.names.len()
    }

    /// Groups, topics and partitions, afresh.
    fn discover(&mut self) -> Result<()> {
        let kafka = &self.kafka;
        let md = self.client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
        self.all = groups::topic_partitions(&md, None)
            .elements()
            .iter()
            .map(|e| (e.topic().to_string(), e.partition()))
            .collect();
        self.names = if self.only.is_empty() {
            groups::list(self.client.client(), kafka.timeout)?.into_iter().map(|g| g.group).collect()
        } else {
            self.only.clone()
        };
        self.scope.clear();
        self.discovered = Some(Instant::now());
        Ok(())
    }

    /// Each group's membership: from one ListGroups where the broker gives the groups'
    /// states (Apache Kafka, tansu's memory engine), with a DescribeGroups (one request per
    /// group) only for those it does not.
    fn membership(&mut self) -> HashMap<String, Membership> {
        let mut out = HashMap::new();
        if self.names.is_empty() {
            return out;
        }
        if let Ok(listed) = groups::list(self.client.client(), self.kafka.timeout) {
            for g in listed.into_iter().filter(|g| g.state != "Unknown") {
                out.insert(g.group, membership_of(false, &g.state));
            }
        }
        let rest: Vec<String> = self.names.iter().filter(|g| !out.contains_key(*g)).cloned().collect();
        if !self.can_describe || rest.is_empty() {
            return out;
        }
        match groups::describe(self.client.client(), &rest, self.kafka.timeout) {
            Ok(ds) => {
                for d in ds {
                    // Some brokers (tansu) give an active group's state but no members.
                    out.insert(d.group, membership_of(!d.members.is_empty(), &d.state));
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
        // Committed offsets first (each group's known partitions, or all it has at a discovery),
        // every group's request in flight at once on the one client.
        let asks: Vec<(String, TopicPartitionList)> = self
            .names
            .iter()
            .map(|g| {
                let ask = match self.scope.get(g) {
                    Some(known) if known.count() > 0 => known.clone(),
                    // None yet: an OffsetFetch without topics, answered with the group's
                    // committed partitions only (asking each of the cluster's 800 partitions
                    // for 200 groups made a discovery 160,000 answers).
                    _ => TopicPartitionList::new(),
                };
                (g.clone(), ask)
            })
            .collect();
        let mut committed = groups::committed_many(self.client.client(), &asks, kafka.timeout)?;
        let mut found: Vec<(String, Vec<groups::TopicOffset>)> = Vec::new();
        for g in &self.names {
            // Offsets of partitions the cluster still has (a deleted topic's stay committed
            // until they expire).
            let mut offsets = committed.remove(g).unwrap_or_default();
            offsets.retain(|(t, p, _)| self.all.contains(&(t.clone(), *p)));
            let mut scope = TopicPartitionList::new();
            for (t, p, _) in &offsets {
                scope.add_partition(t, *p);
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
