//! Offset ranges resolved up front: per partition, a start (offsets-for-times, checked
//! against the records around it) and an end (offsets-for-times of `until`, capped by the
//! high watermark at start), so every read terminates however fast producers write.
//!
//! Checking a start costs reading the record before it. Where the reader will start there
//! anyway, the check is left to it (`PartitionRange::check`): it starts one record early
//! and looks at that record first, so a correct answer costs no extra round trip. Where no
//! reader will go (an answer at the log end, an `until` bound), a probe checks up front.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kafka::KafkaSettings;

/// Offsets [start, end) of one partition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionRange {
    pub topic: String,
    pub partition: i32,
    pub start: i64,
    pub end: i64,
    /// `start` is the broker's offsets-for-times answer, not yet checked: the reader
    /// checks it against the record before it (see `ops::replay::read`).
    #[serde(skip)]
    pub check: Option<StartCheck>,
}

/// What the reader needs to check a start offset: the time it should be the first record
/// at or after, and the partition's low watermark (where a search would begin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartCheck {
    pub since_ms: i64,
    pub low: i64,
}

impl PartitionRange {
    pub fn len(&self) -> i64 {
        (self.end - self.start).max(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What to resolve.
#[derive(Debug, Clone, Default)]
pub struct RangeSpec {
    /// Milliseconds since the epoch; none = from the low watermark.
    pub since_ms: Option<i64>,
    /// Exclusive; none = to the high watermark at start.
    pub until_ms: Option<i64>,
    /// Only these partitions (none = all).
    pub partitions: Option<Vec<i32>>,
    /// Explicit offsets (with one partition): [from, to).
    pub from_offset: Option<i64>,
    pub to_offset: Option<i64>,
}

/// The resolved ranges, plus notes for the operator (fallbacks taken, clamps).
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub ranges: Vec<PartitionRange>,
    pub notes: Vec<String>,
}

/// Resolve `spec` on `topics`. Blocking (librdkafka calls): run it off the async runtime.
pub fn resolve(kafka: &KafkaSettings, topics: &[&str], spec: &RangeSpec) -> Result<Resolved> {
    let resolver = Resolver::new(kafka)?;
    let mut out = Resolved::default();
    for topic in topics {
        resolver.resolve_topic(topic, spec, &mut out)?;
    }
    Ok(out)
}

/// Clients kept for a whole resolution (one for metadata and offsets, a probe reading
/// single records, made on first use), so several topics cost no new connections.
pub struct Resolver<'a> {
    consumer: Option<BaseConsumer>,
    probe: Probe<'a>,
    /// Partition ids per topic, asked once.
    partitions: RefCell<HashMap<String, Vec<i32>>>,
}

impl Drop for Resolver<'_> {
    fn drop(&mut self) {
        crate::kafka::dispose(self.consumer.take());
    }
}

impl<'a> Resolver<'a> {
    pub fn new(kafka: &'a KafkaSettings) -> Result<Self> {
        Ok(Resolver {
            consumer: Some(kafka.create(&kafka.reader_config())?),
            probe: Probe::new(kafka),
            partitions: RefCell::default(),
        })
    }

    fn consumer(&self) -> &BaseConsumer {
        self.consumer.as_ref().expect("present until drop")
    }

    /// The topic's partition ids, sorted; NotFound if it does not exist.
    pub fn partitions(&self, topic: &str) -> Result<Vec<i32>> {
        if let Some(known) = self.partitions.borrow().get(topic) {
            return Ok(known.clone());
        }
        let kafka = self.probe.kafka;
        let md = self.consumer().fetch_metadata(Some(topic), kafka.timeout).map_err(|e| kafka.unreachable(e))?;
        let t = md
            .topics()
            .iter()
            .find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
            .ok_or_else(|| Error::NotFound(format!("topic {topic} does not exist (run `chatctl topics ensure`)")))?;
        let mut partitions: Vec<i32> = t.partitions().iter().map(|p| p.id()).collect();
        partitions.sort_unstable();
        self.partitions.borrow_mut().insert(topic.to_string(), partitions.clone());
        Ok(partitions)
    }

    /// Resolve `spec` on one topic, appending its ranges and notes to `out`.
    pub fn resolve_topic(&self, topic: &str, spec: &RangeSpec, out: &mut Resolved) -> Result<()> {
        let started = Instant::now();
        let kafka = self.probe.kafka;
        let mut partitions = self.partitions(topic)?;
        if let Some(only) = &spec.partitions {
            for p in only {
                if !partitions.contains(p) {
                    return Err(Error::usage(format!("{topic} has no partition {p} (it has {})", partitions.len())));
                }
            }
            partitions.retain(|p| only.contains(p));
        }
        let marks: Vec<Marks> = partitions
            .iter()
            .map(|&p| {
                let (low, high) =
                    self.consumer().fetch_watermarks(topic, p, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
                Ok(Marks { partition: p, low, high })
            })
            .collect::<Result<_>>()?;
        let starts: Vec<(i64, bool)> = match spec.since_ms {
            Some(t) => self.offsets_at(topic, &marks, t, true, &mut out.notes)?,
            None => marks.iter().map(|m| (m.low, false)).collect(),
        };
        let ends: Vec<i64> = match spec.until_ms {
            Some(t) => self.offsets_at(topic, &marks, t, false, &mut out.notes)?.into_iter().map(|e| e.0).collect(),
            None => marks.iter().map(|m| m.high).collect(),
        };
        for (i, m) in marks.iter().enumerate() {
            let (p, low, high) = (m.partition, m.low, m.high);
            let (answer, unchecked) = starts[i];
            let mut start = answer.max(low);
            let mut end = ends[i].min(high);
            if let Some(from) = spec.from_offset {
                if from < low || from > high {
                    out.notes.push(format!("{topic}[{p}]: --from-offset {from} clamped to [{low}, {high}]"));
                }
                start = start.max(from.clamp(low, high));
            }
            if let Some(to) = spec.to_offset {
                if to > high {
                    out.notes.push(format!("{topic}[{p}]: --to-offset {to} clamped to the high watermark {high}"));
                }
                end = end.min(to.clamp(low, high));
            }
            let check = match spec.since_ms {
                Some(since_ms) if unchecked && start == answer => Some(StartCheck { since_ms, low }),
                _ => None,
            };
            out.ranges.push(PartitionRange {
                topic: topic.to_string(),
                partition: p,
                start,
                end: end.max(start),
                check,
            });
        }
        tracing::debug!(topic, elapsed = ?started.elapsed(), "resolved");
        Ok(())
    }

    /// The first offset with timestamp >= `ts` per partition (the high watermark where no
    /// record is that recent: librdkafka answers -1), and whether it is still unchecked.
    /// With `defer`, an answer inside the log is left for the reader to check; otherwise
    /// every answer is checked here against the records around it. A wrong or missing
    /// answer falls back to a client-side search, said in a note. Partitions are probed
    /// together: a few round trips, not a few per partition.
    fn offsets_at(
        &self,
        topic: &str,
        marks: &[Marks],
        ts: i64,
        defer: bool,
        notes: &mut Vec<String>,
    ) -> Result<Vec<(i64, bool)>> {
        let kafka = self.probe.kafka;
        let mut tpl = TopicPartitionList::new();
        for m in marks {
            tpl.add_partition_offset(topic, m.partition, Offset::Offset(ts)).map_err(Error::Kafka)?;
        }
        let answer = self.consumer().offsets_for_times(tpl, kafka.timeout).ok();
        let broker: Vec<Option<i64>> = marks
            .iter()
            .map(|m| {
                let e = answer.as_ref()?.find_partition(topic, m.partition)?;
                if e.error().is_err() {
                    return None;
                }
                match e.offset() {
                    Offset::Offset(o) if o >= m.low && o <= m.high => Some(o),
                    Offset::End => Some(m.high),
                    _ => None,
                }
            })
            .collect();
        let deferred: Vec<bool> =
            marks.iter().zip(&broker).map(|(m, b)| defer && b.is_some_and(|o| o < m.high)).collect();

        // Check here: the record at the answer is at or after `ts`, the one before is not.
        let wants: Vec<Want> = marks
            .iter()
            .zip(&broker)
            .zip(&deferred)
            .filter_map(|((m, b), deferred)| {
                let o = b.filter(|_| !deferred)?;
                let (first, last) = ((o - 1).max(m.low), o.min(m.high - 1));
                (first <= last).then_some(Want { partition: m.partition, first, last })
            })
            .collect();
        let seen = self.probe.timestamps(topic, &wants)?;
        let good: Vec<Option<i64>> = marks
            .iter()
            .zip(&broker)
            .zip(&deferred)
            .map(|((m, b), deferred)| {
                let o = (*b)?;
                if *deferred {
                    return Some(o);
                }
                let at = |off: i64| seen.get(&(m.partition, off)).copied().flatten();
                let early = o < m.high && at(o).is_some_and(|t| t < ts);
                let late = o > m.low && at(o - 1).is_some_and(|t| t >= ts);
                (!early && !late).then_some(o)
            })
            .collect();

        let lost: Vec<Marks> = marks.iter().zip(&good).filter(|(_, g)| g.is_none()).map(|(m, _)| *m).collect();
        let mut found = self.probe.search(topic, &lost, ts)?.into_iter();
        let mut out = Vec::with_capacity(marks.len());
        for (i, m) in marks.iter().enumerate() {
            match good[i] {
                Some(o) => out.push((o, deferred[i])),
                None => {
                    let o = found.next().expect("one search result per partition searched");
                    notes.push(format!(
                        "{topic}[{}]: the broker's offsets-for-times answer ({}) does not match the records; used a client-side search ({o})",
                        m.partition,
                        broker[i].map(|b| b.to_string()).unwrap_or_else(|| "none".into())
                    ));
                    out.push((o, false));
                }
            }
        }
        Ok(out)
    }
}

/// A partition and its watermarks at resolution time.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    pub partition: i32,
    pub low: i64,
    pub high: i64,
}

/// Offsets `first..=last` of one partition, to be probed.
struct Want {
    partition: i32,
    first: i64,
    last: i64,
}

/// A reader of a few records at given offsets, made on first use.
pub struct Probe<'a> {
    kafka: &'a KafkaSettings,
    consumer: OnceCell<BaseConsumer>,
}

impl Drop for Probe<'_> {
    fn drop(&mut self) {
        crate::kafka::dispose(self.consumer.take());
    }
}

impl<'a> Probe<'a> {
    pub fn new(kafka: &'a KafkaSettings) -> Self {
        Probe { kafka, consumer: OnceCell::new() }
    }

    fn consumer(&self) -> Result<&BaseConsumer> {
        if let Some(c) = self.consumer.get() {
            return Ok(c);
        }
        // Prompt fetches, and no second-long backoff once a record is queued.
        let mut config = self.kafka.reader_config();
        config
            .set("fetch.wait.max.ms", "10")
            .set("max.partition.fetch.bytes", "65536")
            .set("queued.min.messages", "1")
            .set("fetch.queue.backoff.ms", "1");
        let c: BaseConsumer = self.kafka.create(&config)?;
        Ok(self.consumer.get_or_init(|| c))
    }

    /// Binary search, per partition in [low, high), for the first offset with a timestamp
    /// at or after `ts` (timestamps are assumed to grow with offsets, as CreateTime from
    /// one producer per key does). All partitions step together.
    pub fn search(&self, topic: &str, marks: &[Marks], ts: i64) -> Result<Vec<i64>> {
        let mut bounds: Vec<(i64, i64)> = marks.iter().map(|m| (m.low, m.high)).collect();
        loop {
            let wants: Vec<Want> = marks
                .iter()
                .zip(&bounds)
                .filter(|(_, (lo, hi))| lo < hi)
                .map(|(m, (lo, hi))| {
                    let mid = lo + (hi - lo) / 2;
                    Want { partition: m.partition, first: mid, last: mid }
                })
                .collect();
            if wants.is_empty() {
                return Ok(bounds.into_iter().map(|b| b.0).collect());
            }
            let seen = self.timestamps(topic, &wants)?;
            for w in &wants {
                let i = marks.iter().position(|m| m.partition == w.partition).expect("wants come from marks");
                match seen.get(&(w.partition, w.first)).copied().flatten() {
                    Some(t) if t >= ts => bounds[i].1 = w.first,
                    _ => bounds[i].0 = w.first + 1,
                }
            }
        }
    }

    /// The timestamps of the wanted records, all partitions fetched at once. An offset
    /// with no record (compacted away, or skipped by the broker) is absent or None.
    fn timestamps(&self, topic: &str, wants: &[Want]) -> Result<HashMap<(i32, i64), Option<i64>>> {
        let mut seen = HashMap::new();
        if wants.is_empty() {
            return Ok(seen);
        }
        let (c, kafka) = (self.consumer()?, self.kafka);
        let mut tpl = TopicPartitionList::new();
        for w in wants {
            tpl.add_partition_offset(topic, w.partition, Offset::Offset(w.first)).map_err(Error::Kafka)?;
        }
        c.assign(&tpl)?;
        let mut open: HashMap<i32, (i64, i64)> = wants.iter().map(|w| (w.partition, (w.first, w.last))).collect();
        let deadline = Instant::now() + kafka.timeout;
        while !open.is_empty() {
            if Instant::now() >= deadline {
                let which: Vec<String> = open.iter().map(|(p, (f, _))| format!("{topic}[{p}]@{f}")).collect();
                return Err(Error::Broker(format!(
                    "could not read {} within {:?} to check timestamps",
                    which.join(", "),
                    kafka.timeout
                )));
            }
            match c.poll(Duration::from_millis(100)) {
                Some(Ok(m)) => {
                    let p = m.partition();
                    let Some(&(first, last)) = open.get(&p) else { continue };
                    if m.offset() < first {
                        continue;
                    }
                    if m.offset() <= last {
                        seen.insert((p, m.offset()), m.timestamp().to_millis());
                    }
                    if m.offset() >= last {
                        open.remove(&p);
                    }
                }
                // A broker away: the others answer; the deadline above still bounds this.
                Some(Err(e)) if crate::kafka::is_transient(&e) => tracing::warn!(error = %e, "a broker is away"),
                Some(Err(e)) => return Err(kafka.unreachable(e)),
                None => {}
            }
        }
        Ok(seen)
    }
}
