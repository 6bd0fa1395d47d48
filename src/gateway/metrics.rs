//! The gateway's Prometheus metrics (bounded label values only).

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

type Labels = Vec<(&'static str, &'static str)>;

pub struct Metrics {
    registry: Registry,
    pub connections: Gauge,
    pub streams_active: Gauge,
    pub chunks_sent: Counter,
    pub events_published: Family<Labels, Counter>,
    pub events_queue_depth: Gauge<i64, std::sync::atomic::AtomicI64>,
    pub events_coalesced: Counter,
    pub events_failed: Counter,
    pub frame_errors: Family<Labels, Counter>,
    pub redis_errors: Counter,
    pub chunk_latency_ms_sum: Counter<u64, AtomicU64>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("chatctl");
        let m = Metrics {
            connections: Gauge::default(),
            streams_active: Gauge::default(),
            chunks_sent: Counter::default(),
            events_published: Family::default(),
            events_queue_depth: Gauge::default(),
            events_coalesced: Counter::default(),
            events_failed: Counter::default(),
            frame_errors: Family::default(),
            redis_errors: Counter::default(),
            chunk_latency_ms_sum: Counter::default(),
            registry: Registry::default(),
        };
        registry.register("ws_connections", "Open WebSocket connections", m.connections.clone());
        registry.register("streams_active", "Answers being generated", m.streams_active.clone());
        registry.register("chunks_sent", "Chunks delivered to clients", m.chunks_sent.clone());
        registry.register("events_published", "Events acknowledged by Kafka, by type", m.events_published.clone());
        registry.register(
            "events_queue_depth",
            "Events waiting for Kafka (ours plus the producer's queue)",
            m.events_queue_depth.clone(),
        );
        registry.register(
            "events_coalesced",
            "CHUNK_RECEIVED events folded away under back-pressure",
            m.events_coalesced.clone(),
        );
        registry.register("events_failed", "Events Kafka refused for good", m.events_failed.clone());
        registry.register("frame_errors", "Error frames sent, by code", m.frame_errors.clone());
        registry.register("redis_errors", "Failed resume-buffer writes", m.redis_errors.clone());
        registry.register(
            "chunk_latency_ms_sum",
            "Sum of upstream-emit to send latencies (ms)",
            m.chunk_latency_ms_sum.clone(),
        );
        Metrics { registry, ..m }
    }
}

impl Metrics {
    pub fn render(&self) -> String {
        let mut out = String::new();
        encode(&mut out, &self.registry).expect("writing to a String cannot fail");
        out
    }
}
