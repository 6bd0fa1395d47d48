//! The event contracts every part of chatctl shares: what goes into `chat-events` and
//! `stream-events`, and how a record's bytes become a typed [`Event`] or a typed
//! [`DecodeError`] (which the workers turn into a dead-letter record).

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// The schema version this build writes. Readers accept this one and every older one.
pub const SCHEMA_VERSION: u32 = 1;

/// Topic holding the conversation itself (user and assistant messages): the event store.
pub const CHAT_EVENTS: &str = "chat-events";
/// Topic holding per-stream telemetry (session start, chunks, completion, errors, resumes).
pub const STREAM_EVENTS: &str = "stream-events";
/// Topic every gateway node reads in full (one consumer group per node).
pub const BROADCAST: &str = "multi-node-broadcast";
/// The topics chatctl owns; each also has a `<topic>.dlq`.
pub const TOPICS: [&str; 3] = [CHAT_EVENTS, STREAM_EVENTS, BROADCAST];
/// Header marking a record produced by `chatctl replay`: consumers skip side effects.
pub const REPLAY_HEADER: &str = "chatctl-replay";

/// The headers a dead letter carries besides the record's own: where it came from and why
/// it failed (like Spring's `DLT_ORIGINAL_*`). The contract between the workers that write
/// dead letters and the readers (`ops::dlq`, the console) that show and re-drive them.
pub mod dlq_headers {
    pub const ORIGINAL_TOPIC: &str = "chatctl-original-topic";
    pub const ORIGINAL_PARTITION: &str = "chatctl-original-partition";
    pub const ORIGINAL_OFFSET: &str = "chatctl-original-offset";
    pub const ORIGINAL_TIMESTAMP: &str = "chatctl-original-timestamp";
    pub const WORKER: &str = "chatctl-worker";
    pub const ERROR_CLASS: &str = "chatctl-error-class";
    pub const ERROR_MESSAGE: &str = "chatctl-error-message";
    pub const ATTEMPTS: &str = "chatctl-attempts";
}

/// The dead-letter topic of `topic`.
pub fn dlq_topic(topic: &str) -> String {
    format!("{topic}.dlq")
}

/// One event, as written to Kafka. The envelope fields are on every event; the rest
/// depends on the event type (`eventType` in JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// UUIDv7: unique, time-ordered, and the idempotency key of every effect.
    pub event_id: Uuid,
    pub schema_version: u32,
    #[serde(serialize_with = "ts_millis", deserialize_with = "ts_any")]
    pub timestamp: DateTime<Utc>,
    /// The record key: every event of a session lands on the same partition.
    pub session_id: String,
    pub metadata: Metadata,
    #[serde(flatten)]
    pub payload: Payload,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub node_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "eventType", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Payload {
    ChatMessage(ChatMessage),
    SessionStarted(SessionStarted),
    ChunkReceived(ChunkReceived),
    StreamCompleted(StreamCompleted),
    StreamError(StreamError),
    StreamResumed(StreamResumed),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
    Assistant,
}

impl Role {
    /// The role as written on the wire (`user`, `assistant`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Assistant => "assistant",
        }
    }
}

/// A whole message of the conversation (the user's prompt, or the assistant's full answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatMessage {
    pub message_id: String,
    pub conversation_id: String,
    pub user_id: String,
    pub role: Role,
    pub content: String,
    /// For an assistant message, the user message it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
}

/// A user started a chat turn: the assistant message `message_id` begins streaming.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionStarted {
    pub user_id: String,
    pub message_id: String,
    pub conversation_id: String,
}

/// Chunk telemetry: chunk `chunk_index` of an answer left its node, and with it, folded
/// into the same event, the chunks after it (`folded`, in order): a gateway sends one
/// event for the chunks an answer delivered within `--chunk-events-every` (or saved to
/// Redis together), not one per chunk. Each chunk keeps its own index, length and
/// latency; the event's timestamp is the last chunk's. A reader that knows nothing of
/// `folded` (it is absent when empty) sees the first chunk of each event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChunkReceived {
    pub message_id: String,
    pub chunk_index: u32,
    pub content_length: u32,
    /// Time from the request to this chunk leaving the upstream.
    pub latency_ms: u64,
    /// The chunks after `chunk_index` carried by this event: `[contentLength, latencyMs]` each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<(u32, u64)>,
}

impl ChunkReceived {
    /// How many chunks this event stands for.
    pub fn count(&self) -> u32 {
        1 + self.folded.len().min(u32::MAX as usize - 1) as u32
    }

    /// Each chunk: (index, content length, latency ms), in order.
    pub fn chunks(&self) -> impl Iterator<Item = (u32, u32, u64)> + '_ {
        let first = (self.chunk_index, self.content_length, self.latency_ms);
        std::iter::once(first).chain(self.folded.iter().enumerate().map(|(i, &(length, latency))| {
            (self.chunk_index.saturating_add(1).saturating_add(i.min(u32::MAX as usize) as u32), length, latency)
        }))
    }

    /// The last chunk's latency (the event's timestamp is that chunk's time).
    pub fn last_latency_ms(&self) -> u64 {
        self.folded.last().map_or(self.latency_ms, |&(_, latency)| latency)
    }

    /// When chunk `latency_ms` left its node, given the event's timestamp (ms since the
    /// epoch): the timestamp less the time between that chunk and the last one.
    pub fn at_ms(&self, event_ms: i64, latency_ms: u64) -> i64 {
        event_ms - self.last_latency_ms().saturating_sub(latency_ms).min(i64::MAX as u64) as i64
    }

    /// Bytes of every chunk this event stands for.
    pub fn content_bytes(&self) -> u64 {
        self.content_length as u64 + self.folded.iter().map(|&(length, _)| length as u64).sum::<u64>()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamCompleted {
    pub message_id: String,
    pub conversation_id: String,
    pub total_chunks: u32,
    pub content_length: u64,
    pub total_latency_ms: u64,
    #[serde(default)]
    pub tokens_used: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamError {
    pub message_id: String,
    pub error: String,
    /// Stable code: TIMEOUT_ERROR, UPSTREAM_ERROR, NODE_LOST, CANCELLED, ...
    pub error_code: String,
    /// The last chunk delivered before the error, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chunk_index: Option<u32>,
}

/// Another node took over a stream whose node was lost, from `from_chunk` on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamResumed {
    pub message_id: String,
    pub epoch: u32,
    pub from_chunk: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_node_id: Option<String>,
}

/// Every `eventType` string.
pub const EVENT_TYPES: [&str; 6] =
    ["CHAT_MESSAGE", "SESSION_STARTED", "CHUNK_RECEIVED", "STREAM_COMPLETED", "STREAM_ERROR", "STREAM_RESUMED"];

impl Payload {
    /// The `eventType` string of this payload (one of [`EVENT_TYPES`]).
    pub fn event_type(&self) -> &'static str {
        match self {
            Payload::ChatMessage(_) => "CHAT_MESSAGE",
            Payload::SessionStarted(_) => "SESSION_STARTED",
            Payload::ChunkReceived(_) => "CHUNK_RECEIVED",
            Payload::StreamCompleted(_) => "STREAM_COMPLETED",
            Payload::StreamError(_) => "STREAM_ERROR",
            Payload::StreamResumed(_) => "STREAM_RESUMED",
        }
    }

    /// The topic this payload belongs to.
    pub fn topic(&self) -> &'static str {
        match self {
            Payload::ChatMessage(_) => CHAT_EVENTS,
            _ => STREAM_EVENTS,
        }
    }

    pub fn message_id(&self) -> &str {
        match self {
            Payload::ChatMessage(p) => &p.message_id,
            Payload::SessionStarted(p) => &p.message_id,
            Payload::ChunkReceived(p) => &p.message_id,
            Payload::StreamCompleted(p) => &p.message_id,
            Payload::StreamError(p) => &p.message_id,
            Payload::StreamResumed(p) => &p.message_id,
        }
    }

    /// The user, where the event carries one.
    pub fn user_id(&self) -> Option<&str> {
        match self {
            Payload::ChatMessage(p) => Some(&p.user_id),
            Payload::SessionStarted(p) => Some(&p.user_id),
            _ => None,
        }
    }

    /// Events that must never be dropped or coalesced under back-pressure.
    pub fn is_essential(&self) -> bool {
        !matches!(self, Payload::ChunkReceived(_))
    }
}

impl Event {
    /// A new event stamped now, with a fresh UUIDv7.
    pub fn new(session_id: impl Into<String>, node_id: impl Into<String>, payload: Payload) -> Self {
        Self::at(Utc::now(), session_id, node_id, payload)
    }

    /// A new event stamped at `timestamp` (tests and backfills).
    pub fn at(
        timestamp: DateTime<Utc>,
        session_id: impl Into<String>,
        node_id: impl Into<String>,
        payload: Payload,
    ) -> Self {
        Event {
            event_id: Uuid::now_v7(),
            schema_version: SCHEMA_VERSION,
            // The wire carries milliseconds; keep the struct equal to what it decodes to.
            timestamp: timestamp.trunc_subsecs(3),
            session_id: session_id.into(),
            metadata: Metadata { node_id: node_id.into(), ..Metadata::default() },
            payload,
        }
    }

    pub fn event_type(&self) -> &'static str {
        self.payload.event_type()
    }

    pub fn topic(&self) -> &'static str {
        self.payload.topic()
    }

    pub fn to_json(&self) -> Vec<u8> {
        // Serialising these plain structs cannot fail: no maps with non-string keys, no
        // user Serialize impls that error.
        serde_json::to_vec(self).expect("events always serialise")
    }

    /// Decode a record value. Unknown fields are ignored; anything else that does not fit
    /// the contract is a [`DecodeError`] saying what is wrong.
    pub fn decode(bytes: &[u8]) -> Result<Event, DecodeError> {
        if bytes.is_empty() {
            return Err(DecodeError::Empty);
        }
        let event: Event = serde_json::from_slice(bytes).map_err(|e| {
            use serde_json::error::Category;
            match e.classify() {
                Category::Syntax | Category::Eof | Category::Io => DecodeError::NotJson(e.to_string()),
                Category::Data => DecodeError::Schema(e.to_string()),
            }
        })?;
        if event.schema_version > SCHEMA_VERSION {
            return Err(DecodeError::UnsupportedVersion(event.schema_version));
        }
        Ok(event)
    }
}

/// Why a record could not become an [`Event`]. Never transient: such a record goes to the
/// dead-letter topic at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty record value")]
    Empty,
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("does not match the event contract: {0}")]
    Schema(String),
    #[error("schemaVersion {0} is newer than this build understands ({SCHEMA_VERSION})")]
    UnsupportedVersion(u32),
}

impl DecodeError {
    /// A short stable class name (DLQ header `chatctl-error-class`, metrics label).
    pub fn class(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::NotJson(_) => "not_json",
            DecodeError::Schema(_) => "schema",
            DecodeError::UnsupportedVersion(_) => "unsupported_version",
        }
    }
}

fn ts_millis<S: Serializer>(ts: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&ts.to_rfc3339_opts(SecondsFormat::Millis, true))
}

fn ts_any<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    // Events carry milliseconds: a finer timestamp (another producer's) is cut to its
    // millisecond, so what is decoded is what encodes (found by the fuzzer).
    DateTime::parse_from_rfc3339(&raw)
        .map(|t| t.with_timezone(&Utc).trunc_subsecs(3))
        .map_err(|e| serde::de::Error::custom(format!("timestamp {raw:?}: {e}")))
}

/// One payload of every event type, for message `m1` (docs, tests, benchmarks).
pub fn examples() -> Vec<Payload> {
    vec![
        Payload::ChatMessage(ChatMessage {
            message_id: "m1".into(),
            conversation_id: "c".into(),
            user_id: "u".into(),
            role: Role::Assistant,
            content: "hello".into(),
            reply_to: Some("m0".into()),
        }),
        Payload::SessionStarted(SessionStarted {
            user_id: "u".into(),
            message_id: "m1".into(),
            conversation_id: "c".into(),
        }),
        Payload::ChunkReceived(ChunkReceived {
            message_id: "m1".into(),
            chunk_index: 0,
            content_length: 3,
            latency_ms: 7,
            folded: vec![(4, 9), (2, 12)],
        }),
        Payload::StreamCompleted(StreamCompleted {
            message_id: "m1".into(),
            conversation_id: "c".into(),
            total_chunks: 10,
            content_length: 300,
            total_latency_ms: 900,
            tokens_used: 75,
        }),
        Payload::StreamError(StreamError {
            message_id: "m1".into(),
            error: "upstream timed out".into(),
            error_code: "TIMEOUT_ERROR".into(),
            chunk_index: Some(4),
        }),
        Payload::StreamResumed(StreamResumed {
            message_id: "m1".into(),
            epoch: 2,
            from_chunk: 5,
            previous_node_id: Some("n1".into()),
        }),
    ]
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// Arbitrary bytes never panic the decoder; a refusal always has one of the
        /// stable classes.
        #[test]
        fn arbitrary_bytes_decode_or_get_a_class(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            if let Err(e) = Event::decode(&bytes) {
                proptest::prop_assert!(["empty", "not_json", "schema", "unsupported_version"].contains(&e.class()));
            }
        }

        /// Valid events with one byte changed: decoded or refused, never a panic.
        #[test]
        fn corrupted_events_decode_or_get_a_class(which in 0usize..7, at in proptest::num::usize::ANY, byte in proptest::num::u8::ANY) {
            let all = examples();
            let mut bytes = Event::new("s", "n", all[which % all.len()].clone()).to_json();
            let i = at % bytes.len();
            bytes[i] = byte;
            if let Err(e) = Event::decode(&bytes) {
                proptest::prop_assert!(["empty", "not_json", "schema", "unsupported_version"].contains(&e.class()));
            }
        }
    }

    use super::*;

    fn fixed(payload: Payload) -> Event {
        Event {
            event_id: Uuid::parse_str("01936d3f-6c2a-7b4e-9a1c-3f5e7d9b1a2c").unwrap(),
            schema_version: 1,
            timestamp: DateTime::parse_from_rfc3339("2024-01-15T10:30:01.234Z").unwrap().into(),
            session_id: "session_123".into(),
            metadata: Metadata { node_id: "ws-node-1".into(), ..Default::default() },
            payload,
        }
    }

    #[test]
    fn golden_chunk_received() {
        let e = fixed(Payload::ChunkReceived(ChunkReceived {
            message_id: "msg_789".into(),
            chunk_index: 5,
            content_length: 42,
            latency_ms: 150,
            folded: Vec::new(),
        }));
        let json = String::from_utf8(e.to_json()).unwrap();
        assert_eq!(
            json,
            r#"{"eventId":"01936d3f-6c2a-7b4e-9a1c-3f5e7d9b1a2c","schemaVersion":1,"timestamp":"2024-01-15T10:30:01.234Z","sessionId":"session_123","metadata":{"nodeId":"ws-node-1"},"eventType":"CHUNK_RECEIVED","messageId":"msg_789","chunkIndex":5,"contentLength":42,"latencyMs":150}"#
        );
        assert_eq!(Event::decode(json.as_bytes()).unwrap(), e);
    }

    #[test]
    fn golden_folded_chunks_and_their_times() {
        let c = ChunkReceived {
            message_id: "msg_789".into(),
            chunk_index: 5,
            content_length: 42,
            latency_ms: 150,
            folded: vec![(7, 190), (9, 260)],
        };
        let e = fixed(Payload::ChunkReceived(c.clone()));
        let json = String::from_utf8(e.to_json()).unwrap();
        assert!(
            json.ends_with(r#""chunkIndex":5,"contentLength":42,"latencyMs":150,"folded":[[7,190],[9,260]]}"#),
            "{json}"
        );
        assert_eq!(Event::decode(json.as_bytes()).unwrap(), e);
        assert_eq!(c.count(), 3);
        assert_eq!(c.chunks().collect::<Vec<_>>(), vec![(5, 42, 150), (6, 7, 190), (7, 9, 260)]);
        assert_eq!(c.content_bytes(), 58);
        // The timestamp is the last chunk's: the first left 110 ms before it.
        assert_eq!(c.at_ms(10_000, 150), 9_890);
        assert_eq!(c.at_ms(10_000, 260), 10_000);
        // A hostile index does not overflow.
        let edge = ChunkReceived { chunk_index: u32::MAX, folded: vec![(1, 1)], ..c };
        assert_eq!(edge.chunks().last(), Some((u32::MAX, 1, 1)));
    }

    #[test]
    fn golden_chat_message() {
        let e = fixed(Payload::ChatMessage(ChatMessage {
            message_id: "msg_1".into(),
            conversation_id: "conv_abc".into(),
            user_id: "user_456".into(),
            role: Role::User,
            content: "xin chào".into(),
            reply_to: None,
        }));
        let json = String::from_utf8(e.to_json()).unwrap();
        assert_eq!(
            json,
            r#"{"eventId":"01936d3f-6c2a-7b4e-9a1c-3f5e7d9b1a2c","schemaVersion":1,"timestamp":"2024-01-15T10:30:01.234Z","sessionId":"session_123","metadata":{"nodeId":"ws-node-1"},"eventType":"CHAT_MESSAGE","messageId":"msg_1","conversationId":"conv_abc","userId":"user_456","role":"user","content":"xin chào"}"#
        );
        assert_eq!(e.topic(), CHAT_EVENTS);
    }

    #[test]
    fn decodes_the_seed_example_with_unknown_fields() {
        // The seed's SESSION_STARTED plus our envelope, plus fields we do not know.
        let raw = r#"{"eventType":"SESSION_STARTED","timestamp":"2024-01-15T10:30:00Z",
            "sessionId":"session_123","userId":"user_456","messageId":"msg_789",
            "conversationId":"conv_abc","eventId":"01936d3f-6c2a-7b4e-9a1c-3f5e7d9b1a2c",
            "schemaVersion":1,"futureField":{"x":1},
            "metadata":{"nodeId":"ws-node-1","clientIp":"192.168.1.100","userAgent":"Chrome/120.0","rack":"a"}}"#;
        let e = Event::decode(raw.as_bytes()).unwrap();
        assert_eq!(e.event_type(), "SESSION_STARTED");
        assert_eq!(e.metadata.client_ip.as_deref(), Some("192.168.1.100"));
        assert_eq!(e.payload.user_id(), Some("user_456"));
    }

    #[test]
    fn every_type_round_trips() {
        for p in examples() {
            let e = Event::new("s", "n", p);
            assert_eq!(Event::decode(&e.to_json()).unwrap(), e);
        }
    }

    #[test]
    fn a_timestamp_finer_than_a_millisecond_decodes_to_its_millisecond() {
        // The fuzzer's input (fuzz/regressions/event/crash-dc6f…): 4 fractional digits.
        let raw = r#"{"eventId":"01936d3f-6c2a-7b4e-9a1c-3f5e7d9b1a2c","schemaVersion":1,"timestamp":"2024-01-15T05:30:01.3234Z","sessionId":"session_123","metadata":{"nodeId":"ws-node-1"},"eventType":"CHUNK_RECEIVED","messageId":"msg_789","chunkIndex":5,"contentLength":42,"latencyMs":150}"#;
        let e = Event::decode(raw.as_bytes()).unwrap();
        assert_eq!(e.timestamp.to_rfc3339_opts(SecondsFormat::Micros, true), "2024-01-15T05:30:01.323000Z");
        assert_eq!(Event::decode(&e.to_json()).unwrap(), e);
    }

    #[test]
    fn typed_decode_errors() {
        assert_eq!(Event::decode(b""), Err(DecodeError::Empty));
        assert_eq!(Event::decode(b"{not json").unwrap_err().class(), "not_json");
        let unknown = r#"{"eventType":"NOPE","eventId":"01936d3f-6c2a-7b4e-9a1c-3f5e7d9b1a2c","schemaVersion":1,"timestamp":"2024-01-15T10:30:00Z","sessionId":"s","metadata":{"nodeId":"n"}}"#;
        assert_eq!(Event::decode(unknown.as_bytes()).unwrap_err().class(), "schema");
        let mut v: serde_json::Value =
            serde_json::from_slice(&Event::new("s", "n", examples().remove(0)).to_json()).unwrap();
        v.as_object_mut().unwrap().remove("messageId");
        let err = Event::decode(v.to_string().as_bytes()).unwrap_err();
        assert!(err.to_string().contains("messageId"), "{err}");
        v["schemaVersion"] = 99.into();
        v["messageId"] = "m".into();
        assert_eq!(Event::decode(v.to_string().as_bytes()), Err(DecodeError::UnsupportedVersion(99)));
    }

    #[test]
    fn event_ids_are_v7_and_time_ordered() {
        let a = Event::new("s", "n", examples().remove(0));
        let b = Event::new("s", "n", examples().remove(0));
        assert_eq!(a.event_id.get_version_num(), 7);
        assert!(a.event_id < b.event_id);
    }
}
