//! Offset ranges resolved up front: per partition, a start (offsets-for-times, verified
//! against the record found there) and an end (offsets-for-times of `until`, capped by the
//! high watermark at start), so every read terminates however fast producers write.

use std::time::Duration;

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
    let consumer: BaseConsumer = kafka.create(&kafka.reader_config())?;
    // The probe reads single records: small, prompt fetches, no prefetching.
    let mut probe_config = kafka.reader_config();
    probe_config
        .set("fetch.wait.max.ms", "10")
        .set("max.partition.fetch.bytes", "65536")
        .set("queued.min.messages", "1");
    let probe = Probe { consumer: kafka.create(&probe_config)?, kafka };
    let timeout = kafka.timeout;
    let mut out = Resolved::default();
    for topic in topics {
        let md = consumer.fetch_metadata(Some(topic), timeout).map_err(|e| kafka.unreachable(e))?;
        let t = md
            .topics()
            .iter()
            .find(|t| t.name() == *topic && t.error().is_none() && !t.partitions().is_empty())
            .ok_or_else(|| Error::NotFound(format!("topic {topic} does not exist")))?;
        let mut partitions: Vec<i32> = t.partitions().iter().map(|p| p.id()).collect();
        partitions.sort_unstable();
        if let Some(only) = &spec.partitions {
            for p in only {
                if !partitions.contains(p) {
                    return Err(Error::usage(format!("{topic} has no partition {p} (it has {})", partitions.len())));
                }
            }
            partitions.retain(|p| only.contains(p));
        }
        let marks: Vec<(i32, i64, i64)> = partitions
            .iter()
            .map(|&p| {
                let (low, high) = consumer.fetch_watermarks(topic, p, timeout).map_err(|e| kafka.unreachable(e))?;
                Ok((p, low, high))
            })
            .collect::<Result<_>>()?;
        let starts = match spec.since_ms {
            Some(t) => offsets_at(&consumer, kafka, &probe, topic, &marks, t, &mut out.notes)?,
            None => marks.iter().map(|m| m.1).collect(),
        };
        let ends = match spec.until_ms {
            Some(t) => offsets_at(&consumer, kafka, &probe, topic, &marks, t, &mut out.notes)?,
            None => marks.iter().map(|m| m.2).collect(),
        };
        for (i, &(p, low, high)) in marks.iter().enumerate() {
            let mut start = starts[i].max(low);
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
            out.ranges.push(PartitionRange { topic: topic.to_string(), partition: p, start, end: end.max(start) });
        }
    }
    Ok(out)
}

/// The first offset with timestamp >= `ts` per partition (the high watermark where no
/// record is that recent: librdkafka answers -1). The broker's answer is checked against
/// the records around it; a wrong or missing answer falls back to a client-side search.
fn offsets_at(
    consumer: &BaseConsumer,
    kafka: &KafkaSettings,
    probe: &Probe,
    topic: &str,
    marks: &[(i32, i64, i64)],
    ts: i64,
    notes: &mut Vec<String>,
) -> Result<Vec<i64>> {
    let mut tpl = TopicPartitionList::new();
    for (p, _, _) in marks {
        tpl.add_partition_offset(topic, *p, Offset::Offset(ts)).map_err(Error::Kafka)?;
    }
    let answer = consumer.offsets_for_times(tpl, kafka.timeout).ok();
    let mut out = Vec::with_capacity(marks.len());
    for &(p, low, high) in marks {
        let broker = answer.as_ref().and_then(|a| a.find_partition(topic, p)).and_then(|e| {
            if e.error().is_err() {
                return None;
            }
            match e.offset() {
                Offset::Offset(o) if o >= 0 => Some(o),
                Offset::End => Some(high),
                _ => None,
            }
        });
        let verified = match broker {
            Some(o) if verify(probe, topic, p, low, high, o, ts)? => Some(o),
            _ => None,
        };
        match verified {
            Some(o) => out.push(o),
            None => {
                let o = search(probe, topic, p, low, high, ts)?;
                notes.push(format!(
                    "{topic}[{p}]: the broker's offsets-for-times answer ({}) does not match the records; used a client-side search ({o})",
                    broker.map(|b| b.to_string()).unwrap_or_else(|| "none".into())
                ));
                out.push(o);
            }
        }
    }
    Ok(out)
}

/// Is `o` the first offset whose record is at or after `ts`?
fn verify(kafka: &Probe, topic: &str, p: i32, low: i64, high: i64, o: i64, ts: i64) -> Result<bool> {
    if o < low || o > high {
        return Ok(false);
    }
    if o < high && timestamp_at(kafka, topic, p, o)?.is_some_and(|t| t < ts) {
        return Ok(false);
    }
    if o > low && timestamp_at(kafka, topic, p, o - 1)?.is_some_and(|t| t >= ts) {
        return Ok(false);
    }
    Ok(true)
}

/// Binary search for the first offset with timestamp >= `ts` (timestamps are assumed to
/// grow with offsets, as CreateTime from one producer per key does).
fn search(kafka: &Probe, topic: &str, p: i32, low: i64, high: i64, ts: i64) -> Result<i64> {
    let (mut lo, mut hi) = (low, high);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match timestamp_at(kafka, topic, p, mid)? {
            Some(t) if t >= ts => hi = mid,
            _ => lo = mid + 1,
        }
    }
    Ok(lo)
}

/// The timestamp of the record at `offset` (None when it cannot be read: compacted away).
fn timestamp_at(probe: &Probe, topic: &str, p: i32, offset: i64) -> Result<Option<i64>> {
    let (c, kafka) = (&probe.consumer, probe.kafka);
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, p, Offset::Offset(offset)).map_err(Error::Kafka)?;
    c.assign(&tpl)?;
    let deadline = std::time::Instant::now() + kafka.timeout;
    while std::time::Instant::now() < deadline {
        match c.poll(Duration::from_millis(100)) {
            Some(Ok(m)) if m.partition() == p && m.offset() >= offset => {
                return Ok(if m.offset() == offset { m.timestamp().to_millis() } else { None });
            }
            Some(Err(e)) => return Err(kafka.unreachable(e)),
            _ => {}
        }
    }
    Ok(None)
}

/// One reader reused for every single-record look-up.
struct Probe<'a> {
    consumer: BaseConsumer,
    kafka: &'a KafkaSettings,
}
