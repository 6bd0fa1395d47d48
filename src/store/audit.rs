//! The audit trail: every event, once per eventId, and the seed's three queries.

use serde::Serialize;

use super::writer::WriteError;
use super::{Param, Store};
use crate::error::Result;
use crate::events::{Event, Payload};

/// One audit row: the event's searchable columns plus its full JSON.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub event_id: String,
    pub event_type: String,
    pub ts_ms: i64,
    pub session_id: String,
    pub user_id: Option<String>,
    pub message_id: String,
    pub conversation_id: Option<String>,
    pub node_id: String,
    pub latency_ms: Option<i64>,
    pub error_code: Option<String>,
    pub error: Option<String>,
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub payload: String,
}

impl AuditRow {
    /// The row of `e`, read from `topic`/`partition`/`offset`. `raw` is the record's own
    /// payload, kept as it arrived (and not serialised again); without it, `e` is.
    pub fn new(e: &Event, raw: Option<&[u8]>, topic: &str, partition: i32, offset: i64) -> AuditRow {
        let (conversation_id, latency_ms, error_code, error) = match &e.payload {
            Payload::ChatMessage(m) => (Some(m.conversation_id.clone()), None, None, None),
            Payload::SessionStarted(s) => (Some(s.conversation_id.clone()), None, None, None),
            Payload::ChunkReceived(c) => (None, Some(c.latency_ms as i64), None, None),
            Payload::StreamCompleted(c) => {
                (Some(c.conversation_id.clone()), Some(c.total_latency_ms as i64), None, None)
            }
            Payload::StreamError(s) => (None, None, Some(s.error_code.clone()), Some(s.error.clone())),
            Payload::StreamResumed(_) => (None, None, None, None),
        };
        AuditRow {
            event_id: e.event_id.to_string(),
            event_type: e.event_type().to_string(),
            ts_ms: e.timestamp.timestamp_millis(),
            session_id: e.session_id.clone(),
            user_id: e.payload.user_id().map(str::to_owned),
            message_id: e.payload.message_id().to_string(),
            conversation_id,
            node_id: e.metadata.node_id.clone(),
            latency_ms,
            error_code,
            error,
            topic: topic.to_string(),
            partition,
            offset,
            payload: match raw.map(std::str::from_utf8) {
                Some(Ok(text)) => text.to_string(),
                _ => String::from_utf8(e.to_json()).expect("JSON is UTF-8"),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRow {
    pub session_id: String,
    pub first_ms: i64,
    pub last_ms: i64,
    pub streams: i64,
    pub events: i64,
    pub errors: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeLatencyRow {
    pub node_id: String,
    pub streams: i64,
    pub avg_latency_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorRow {
    pub ts_ms: i64,
    pub session_id: String,
    pub message_id: String,
    pub node_id: String,
    pub error_code: String,
    pub error: String,
}

const INSERT_AUDIT: &str = "INSERT INTO audit_events (event_id, event_type, ts_ms, session_id, user_id, message_id, \
    conversation_id, node_id, latency_ms, error_code, error, topic, kafka_partition, kafka_offset, payload) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (event_id) DO NOTHING";
const Q_SESSIONS: &str = "SELECT e.session_id, MIN(e.ts_ms), MAX(e.ts_ms), \
    SUM(CASE WHEN e.event_type = 'SESSION_STARTED' THEN 1 ELSE 0 END), COUNT(*), \
    SUM(CASE WHEN e.event_type = 'STREAM_ERROR' THEN 1 ELSE 0 END) \
    FROM audit_events e \
    WHERE e.session_id IN (SELECT session_id FROM audit_events WHERE user_id = $1 AND ts_ms >= $2) AND e.ts_ms >= $2 \
    GROUP BY e.session_id ORDER BY MIN(e.ts_ms)";
const Q_LATENCY: &str = "SELECT node_id, COUNT(*), AVG(CAST(latency_ms AS DOUBLE PRECISION)) FROM audit_events \
    WHERE event_type = 'STREAM_COMPLETED' AND ts_ms >= $1 AND ts_ms < $2 GROUP BY node_id ORDER BY node_id";
const Q_ERRORS: &str = "SELECT ts_ms, session_id, message_id, node_id, error_code, error FROM audit_events \
    WHERE event_type = 'STREAM_ERROR' AND ts_ms >= $1 AND ts_ms < $2 ORDER BY ts_ms";

impl Store {
    /// Record an audit row; a row with the same eventId is left as it is.
    pub async fn audit(&self, row: AuditRow) -> std::result::Result<(), WriteError> {
        use Param::*;
        let r = row;
        let params = vec![
            Text(r.event_id),
            Text(r.event_type),
            Int(r.ts_ms),
            Text(r.session_id),
            OptText(r.user_id),
            Text(r.message_id),
            OptText(r.conversation_id),
            Text(r.node_id),
            OptInt(r.latency_ms),
            OptText(r.error_code),
            OptText(r.error),
            Text(r.topic),
            Int32(r.partition),
            Int(r.offset),
            Text(r.payload),
        ];
        self.exec(INSERT_AUDIT, params).await
    }

    /// Seed query 1: a user's sessions since `since_ms`.
    pub async fn user_sessions(&self, user: &str, since_ms: i64) -> Result<Vec<SessionRow>> {
        self.query(Q_SESSIONS, vec![Param::Text(user.into()), Param::Int(since_ms)], |r| SessionRow {
            session_id: r.text(0),
            first_ms: r.int(1),
            last_ms: r.int(2),
            streams: r.int(3),
            events: r.int(4),
            errors: r.int(5),
        })
        .await
    }

    /// Seed query 2: average streaming latency per node in [from, to).
    pub async fn node_latency(&self, from_ms: i64, to_ms: i64) -> Result<Vec<NodeLatencyRow>> {
        self.query(Q_LATENCY, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| NodeLatencyRow {
            node_id: r.text(0),
            streams: r.int(1),
            avg_latency_ms: r.float(2),
        })
        .await
    }

    /// Seed query 3: stream errors in [from, to).
    pub async fn errors(&self, from_ms: i64, to_ms: i64) -> Result<Vec<ErrorRow>> {
        self.query(Q_ERRORS, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| ErrorRow {
            ts_ms: r.int(0),
            session_id: r.text(1),
            message_id: r.text(2),
            node_id: r.text(3),
            error_code: r.text(4),
            error: r.text(5),
        })
        .await
    }

    /// The eventId of every row of the audit table, one per row (a checker's read: the
    /// nemesis compares them with Kafka).
    pub async fn audit_event_ids(&self) -> Result<Vec<String>> {
        self.query("SELECT event_id FROM audit_events", vec![], |r| r.text(0)).await
    }

    /// (rows, distinct eventIds) of the audit table.
    pub async fn audit_counts(&self) -> Result<(i64, i64)> {
        let rows = self
            .query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM audit_events", vec![], |r| (r.int(0), r.int(1)))
            .await?;
        Ok(rows[0])
    }
}
