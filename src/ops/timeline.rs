//! One session's timeline: the session's key gives its partition in each topic (the
//! producer's murmur2 partitioner), a time bound gives the start offset, so only one
//! partition per topic is read, from where the session can start.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::range::{PartitionRange, RangeSpec, Resolved, Resolver};
use super::replay::{read, Filter};
use crate::error::{Error, Result};
use crate::events::{Event, Payload, CHAT_EVENTS, STREAM_EVENTS};
use crate::kafka::partitioner::partition_for_key;
use crate::kafka::KafkaSettings;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub events: usize,
    pub messages: usize,
    pub chunks: usize,
    pub total_latency_ms: u64,
    pub errors: usize,
    pub nodes: Vec<String>,
    /// Per message, chunk indexes missing between 0 and the highest seen.
    pub gaps: BTreeMap<String, Vec<u32>>,
    pub undecodable: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub session_id: String,
    pub events: Vec<Event>,
    pub summary: Summary,
    /// The offset ranges read (one partition per topic).
    pub scanned: Vec<PartitionRange>,
}

/// Build the timeline of `session_id` within [since, until). Blocking.
pub fn session_timeline(
    kafka: &KafkaSettings,
    session_id: &str,
    since_ms: Option<i64>,
    until_ms: Option<i64>,
) -> Result<(Timeline, Vec<String>)> {
    let resolver = Resolver::new(kafka)?;
    let mut resolved = Resolved::default();
    for topic in [CHAT_EVENTS, STREAM_EVENTS] {
        let partitions = resolver.partitions(topic)?.len() as i32;
        let p = partition_for_key(session_id.as_bytes(), partitions);
        let spec = RangeSpec { since_ms, until_ms, partitions: Some(vec![p]), ..Default::default() };
        resolver.resolve_topic(topic, &spec, &mut resolved)?;
    }
    drop(resolver);
    let (scanned, mut notes) = (resolved.ranges, resolved.notes);
    let filter = Filter { session: Some(session_id.to_string()), since_ms, until_ms, ..Default::default() };
    let mut events = Vec::new();
    let mut undecodable = 0;
    read(
        kafka,
        &scanned,
        &filter,
        |rec| {
            match Event::decode(rdkafka::Message::payload(rec).unwrap_or_default()) {
                Ok(e) => events.push(e),
                Err(_) => undecodable += 1,
            }
            Ok(())
        },
        |_| {},
        &mut notes,
    )?;
    if events.is_empty() && undecodable == 0 {
        return Err(Error::NotFound(format!(
            "session {session_id} has no events in {} (partitions {})",
            window_text(since_ms, until_ms),
            scanned.iter().map(|r| format!("{}[{}]", r.topic, r.partition)).collect::<Vec<_>>().join(", ")
        )));
    }
    events.sort_by_key(|e| (e.timestamp, e.event_id));
    let summary = summarise(&events, undecodable);
    Ok((Timeline { session_id: session_id.to_string(), events, summary, scanned }, notes))
}

fn window_text(since: Option<i64>, until: Option<i64>) -> String {
    let t = |ms: Option<i64>, d: &str| {
        ms.and_then(chrono::DateTime::from_timestamp_millis).map(|t| t.to_rfc3339()).unwrap_or_else(|| d.to_string())
    };
    format!("[{}, {})", t(since, "the beginning"), t(until, "now"))
}

pub fn summarise(events: &[Event], undecodable: usize) -> Summary {
    let mut chunks_by_msg: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut messages = BTreeSet::new();
    let mut nodes = BTreeSet::new();
    let (mut chunks, mut total_latency_ms, mut errors) = (0, 0, 0);
    for e in events {
        nodes.insert(e.metadata.node_id.clone());
        messages.insert(e.payload.message_id().to_string());
        match &e.payload {
            Payload::ChunkReceived(c) => {
                chunks += 1;
                chunks_by_msg.entry(c.message_id.clone()).or_default().insert(c.chunk_index);
            }
            Payload::StreamCompleted(c) => total_latency_ms += c.total_latency_ms,
            Payload::StreamError(_) => errors += 1,
            _ => {}
        }
    }
    let gaps = chunks_by_msg
        .into_iter()
        .filter_map(|(m, seen)| {
            let max = *seen.iter().next_back()?;
            let missing: Vec<u32> = (0..=max).filter(|i| !seen.contains(i)).collect();
            (!missing.is_empty()).then_some((m, missing))
        })
        .collect();
    Summary {
        events: events.len(),
        messages: messages.len(),
        chunks,
        total_latency_ms,
        errors,
        nodes: nodes.into_iter().collect(),
        gaps,
        undecodable,
    }
}
