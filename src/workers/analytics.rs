//! The analytics worker: per-node, per-minute stream figures. Each event becomes one
//! idempotent sample (keyed by eventId); `chatctl stats` aggregates them, and Prometheus
//! counters move as events arrive (replayed records do not move them twice).

use std::sync::Arc;

use futures_util::future::BoxFuture;

use super::{Handler, HandlerError, Record};
use crate::events::{Event, Payload, STREAM_EVENTS};
use crate::metrics::Metrics;
use crate::store::{Sample, Store};

pub struct Analytics {
    pub store: Store,
    pub metrics: Arc<Metrics>,
}

impl Handler for Analytics {
    fn name(&self) -> &'static str {
        "chatctl-analytics"
    }

    fn topics(&self) -> Vec<String> {
        vec![STREAM_EVENTS.into()]
    }

    /// Inserts keyed by eventId do not depend on order: let them share transactions.
    fn in_flight_per_partition(&self) -> usize {
        64
    }

    fn handle<'a>(&'a self, event: &'a Event, rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let (kind, latency, chunks) = match &event.payload {
                Payload::StreamCompleted(c) => ("stream", Some(c.total_latency_ms as i64), 1),
                Payload::ChunkReceived(c) => ("chunk", None, c.count() as i64),
                Payload::StreamError(_) => ("error", None, 1),
                _ => return Ok(()),
            };
            let ts = event.timestamp.timestamp_millis();
            let sample = Sample {
                event_id: event.event_id.to_string(),
                node_id: event.metadata.node_id.clone(),
                minute_ms: ts - ts.rem_euclid(60_000),
                kind,
                latency_ms: latency,
                chunks,
            };
            self.store.sample(sample).await.map_err(HandlerError::from)?;
            if !rec.is_replay() {
                match kind {
                    "stream" => {
                        self.metrics.analytics_streams.inc();
                        self.metrics.analytics_stream_latency.observe(latency.unwrap_or(0) as f64);
                    }
                    "chunk" => {
                        self.metrics.analytics_chunks.inc();
                    }
                    _ => {
                        self.metrics.analytics_errors.inc();
                    }
                }
            }
            Ok(())
        })
    }
}
