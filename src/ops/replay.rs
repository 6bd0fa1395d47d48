//! Reading resolved offset ranges: filters, and a callback per matching record. The
//! reader stops at each partition's end offset, so it terminates while producers write.

use std::collections::HashMap;
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;

use super::range::PartitionRange;
use crate::error::{Error, Result};
use crate::kafka::KafkaSettings;
use crate::workers::Record;

/// What a record must satisfy to be replayed.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub event_types: Vec<String>,
    pub session: Option<String>,
    pub user: Option<String>,
    /// Dotted JSON path and the value it must equal (compared as text).
    pub fields: Vec<(String, String)>,
    /// Record timestamps must be in [since, until): offsets bound the read, this makes it
    /// exact where a partition's timestamps are not in offset order.
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
}

impl Filter {
    pub fn in_window(&self, ts: Option<i64>) -> bool {
        match ts {
            Some(ts) => self.since_ms.is_none_or(|s| ts >= s) && self.until_ms.is_none_or(|u| ts < u),
            None => self.since_ms.is_none() && self.until_ms.is_none(),
        }
    }

    /// Parse `path=value`.
    pub fn parse_field(raw: &str) -> std::result::Result<(String, String), String> {
        match raw.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => Err(format!("expected PATH=VALUE (e.g. metadata.nodeId=ws-node-1), got {raw:?}")),
        }
    }

    pub fn matches(&self, key: Option<&[u8]>, value: Option<&[u8]>) -> bool {
        if let Some(s) = &self.session {
            // The key is the sessionId: no parsing needed.
            if key != Some(s.as_bytes()) {
                return false;
            }
        }
        let needs_parse = self.user.is_some() || !self.fields.is_empty();
        let value = value.unwrap_or_default();
        if !self.event_types.is_empty() && !needs_parse {
            // Fast path: our own serialiser writes `"eventType":"X"` without spaces.
            let fast = self.event_types.iter().any(|t| contains(value, format!("\"eventType\":\"{t}\"").as_bytes()));
            if fast {
                return true;
            }
            if !contains(value, b"eventType") {
                return false;
            }
        }
        if self.event_types.is_empty() && !needs_parse {
            return true;
        }
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(value) else {
            return false;
        };
        if !self.event_types.is_empty() && !self.event_types.iter().any(|t| v["eventType"] == t.as_str()) {
            return false;
        }
        if let Some(u) = &self.user {
            if v["userId"] != u.as_str() {
                return false;
            }
        }
        self.fields.iter().all(|(path, want)| {
            let got = path.split('.').try_fold(&v, |v, k| v.get(k));
            match got {
                Some(serde_json::Value::String(s)) => s == want,
                Some(other) => {
                    *other == serde_json::from_str::<serde_json::Value>(want).unwrap_or(serde_json::Value::Null)
                }
                None => false,
            }
        })
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Per-partition counts of a replay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionSummary {
    pub topic: String,
    pub partition: i32,
    pub start: i64,
    pub end: i64,
    pub read: u64,
    pub matched: u64,
}

/// Read every range to its end; call `sink` for each matching record. `progress` is
/// called with the number of records read so far (for a progress bar).
pub fn read(
    kafka: &KafkaSettings,
    ranges: &[PartitionRange],
    filter: &Filter,
    mut sink: impl FnMut(&Record) -> Result<()>,
    mut progress: impl FnMut(u64),
) -> Result<Vec<PartitionSummary>> {
    let mut summaries: Vec<PartitionSummary> = ranges
        .iter()
        .map(|r| PartitionSummary {
            topic: r.topic.clone(),
            partition: r.partition,
            start: r.start,
            end: r.end,
            ..Default::default()
        })
        .collect();
    let index: HashMap<(String, i32), usize> =
        ranges.iter().enumerate().map(|(i, r)| ((r.topic.clone(), r.partition), i)).collect();
    let mut open: usize = ranges.iter().filter(|r| !r.is_empty()).count();
    if open == 0 {
        return Ok(summaries);
    }
    let mut config = kafka.reader_config();
    // Big fetches: fewer round trips per record.
    config.set("fetch.wait.max.ms", "100").set("queued.min.messages", "200000");
    let consumer: BaseConsumer = kafka.create(&config)?;
    let mut tpl = TopicPartitionList::new();
    for r in ranges.iter().filter(|r| !r.is_empty()) {
        tpl.add_partition_offset(&r.topic, r.partition, Offset::Offset(r.start)).map_err(Error::Kafka)?;
    }
    consumer.assign(&tpl)?;
    let mut closed: Vec<bool> = ranges.iter().map(|r| r.is_empty()).collect();
    let mut total: u64 = 0;
    let mut idle_since = std::time::Instant::now();
    while open > 0 {
        let msg = match consumer.poll(Duration::from_millis(100)) {
            None => {
                // Offsets missing at the end of a range (compaction, transaction markers)
                // never arrive as records: the consumer's position says we are past them.
                if let Ok(pos) = consumer.position() {
                    for e in pos.elements() {
                        let Some(&i) = index.get(&(e.topic().to_string(), e.partition())) else { continue };
                        if let Offset::Offset(o) = e.offset() {
                            if o >= ranges[i].end && !closed[i] {
                                closed[i] = true;
                                open -= 1;
                            }
                        }
                    }
                }
                if idle_since.elapsed() > kafka.timeout * 3 {
                    return Err(Error::Broker(format!(
                        "no records for {:?} while {open} partition(s) still had records to read",
                        kafka.timeout * 3
                    )));
                }
                continue;
            }
            Some(Err(e)) => return Err(kafka.unreachable(e)),
            Some(Ok(m)) => m,
        };
        idle_since = std::time::Instant::now();
        let Some(&i) = index.get(&(msg.topic().to_string(), msg.partition())) else { continue };
        let s = &mut summaries[i];
        let end = ranges[i].end;
        if msg.offset() >= end || closed[i] {
            continue;
        }
        s.read += 1;
        total += 1;
        if filter.in_window(msg.timestamp().to_millis()) && filter.matches(msg.key(), msg.payload()) {
            s.matched += 1;
            sink(&Record::from_message(&msg))?;
        }
        if msg.offset() + 1 >= end {
            closed[i] = true;
            open -= 1;
            let mut done = TopicPartitionList::new();
            done.add_partition(msg.topic(), msg.partition());
            let _ = consumer.pause(&done);
        }
        if total % 4096 == 0 {
            progress(total);
        }
    }
    progress(total);
    Ok(summaries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let v = br#"{"eventType":"SESSION_STARTED","userId":"alice","metadata":{"nodeId":"n1"},"chunkIndex":3}"#;
        let f = |f: Filter| f.matches(Some(b"s1"), Some(v));
        assert!(f(Filter::default()));
        assert!(f(Filter { event_types: vec!["SESSION_STARTED".into()], ..Default::default() }));
        assert!(!f(Filter { event_types: vec!["CHUNK_RECEIVED".into()], ..Default::default() }));
        assert!(f(Filter { session: Some("s1".into()), ..Default::default() }));
        assert!(!f(Filter { session: Some("s2".into()), ..Default::default() }));
        assert!(f(Filter { user: Some("alice".into()), ..Default::default() }));
        assert!(!f(Filter { user: Some("bob".into()), ..Default::default() }));
        assert!(f(Filter { fields: vec![("metadata.nodeId".into(), "n1".into())], ..Default::default() }));
        assert!(f(Filter { fields: vec![("chunkIndex".into(), "3".into())], ..Default::default() }));
        assert!(!f(Filter { fields: vec![("metadata.nodeId".into(), "n2".into())], ..Default::default() }));
        // Spaces in someone else's JSON still match, through the slow path.
        let spaced = br#"{"eventType": "SESSION_STARTED"}"#;
        assert!(
            Filter { event_types: vec!["SESSION_STARTED".into()], ..Default::default() }.matches(None, Some(spaced))
        );
        assert!(!Filter { user: Some("x".into()), ..Default::default() }.matches(None, Some(b"not json")));
    }
}
