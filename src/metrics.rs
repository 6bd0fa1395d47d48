//! The engine's Prometheus metrics: gateway, workers, analytics (bounded label values only).

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
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
    pub takeovers: Counter,
    pub broadcast_undecodable: Counter,
    pub announcements_delivered: Counter,
    pub redis_restores: Counter,
    pub slow_clients_closed: Counter,
    pub clients_timed_out: Counter,
    pub events_quarantined: Counter,
    pub connections_refused: Family<Labels, Counter>,
    pub handed_off: Counter,
    pub handovers_received: Counter,
    pub fenced: Counter,
    pub resumes: Family<Labels, Counter>,
    pub chunk_latency_ms_sum: Counter<u64, AtomicU64>,
    pub events_spool_failed: Counter,
    pub worker_processed: Family<Labels, Counter>,
    pub worker_retried: Family<Labels, Counter>,
    pub worker_dead_lettered: Family<Labels, Counter>,
    pub worker_lag: Family<Labels, Gauge>,
    pub worker_revokes: Family<Labels, Counter>,
    pub worker_unavailable: Family<Labels, Gauge>,
    pub worker_unavailable_retries: Family<Labels, Counter>,
    pub worker_commit_failed: Family<Labels, Counter>,
    pub worker_drain_aborted: Family<Labels, Counter>,
    pub analytics_streams: Counter,
    pub analytics_chunks: Counter,
    pub analytics_errors: Counter,
    pub analytics_stream_latency: Histogram,
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
            takeovers: Counter::default(),
            broadcast_undecodable: Counter::default(),
            announcements_delivered: Counter::default(),
            redis_restores: Counter::default(),
            slow_clients_closed: Counter::default(),
            clients_timed_out: Counter::default(),
            events_quarantined: Counter::default(),
            connections_refused: Family::default(),
            handed_off: Counter::default(),
            handovers_received: Counter::default(),
            fenced: Counter::default(),
            resumes: Family::default(),
            chunk_latency_ms_sum: Counter::default(),
            events_spool_failed: Counter::default(),
            worker_processed: Family::default(),
            worker_retried: Family::default(),
            worker_dead_lettered: Family::default(),
            worker_lag: Family::default(),
            worker_revokes: Family::default(),
            worker_unavailable: Family::default(),
            worker_unavailable_retries: Family::default(),
            worker_commit_failed: Family::default(),
            worker_drain_aborted: Family::default(),
            analytics_streams: Counter::default(),
            analytics_chunks: Counter::default(),
            analytics_errors: Counter::default(),
            analytics_stream_latency: Histogram::new(exponential_buckets(10.0, 2.0, 14)),
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
        registry.register(
            "events_spool_failed",
            "Events the spool could not write (sent, but only kept in memory)",
            m.events_spool_failed.clone(),
        );
        registry.register("frame_errors", "Error frames sent, by code", m.frame_errors.clone());
        registry.register("redis_errors", "Failed resume-buffer writes", m.redis_errors.clone());
        registry.register("takeovers", "Generations this node took over from a lost node", m.takeovers.clone());
        registry.register("handed_off", "Generations this node handed over while draining", m.handed_off.clone());
        registry.register(
            "handovers_received",
            "Generations this node continued for a draining node",
            m.handovers_received.clone(),
        );
        registry.register(
            "slow_clients_closed",
            "Connections closed (code 4000, resume) because their send queue overflowed",
            m.slow_clients_closed.clone(),
        );
        registry.register(
            "clients_timed_out",
            "Connections closed because they answered no ping, or a frame could not be written in time",
            m.clients_timed_out.clone(),
        );
        registry.register(
            "events_quarantined",
            "Events Kafka refused for good (too large, invalid), written to the quarantine file instead",
            m.events_quarantined.clone(),
        );
        registry.register(
            "connections_refused",
            "WebSocket upgrades refused, by reason",
            m.connections_refused.clone(),
        );
        registry.register(
            "redis_restores",
            "Generations written back to a Redis that had lost them (restarted empty)",
            m.redis_restores.clone(),
        );
        registry.register(
            "broadcast_undecodable",
            "Broadcast records skipped because they did not decode",
            m.broadcast_undecodable.clone(),
        );
        registry.register(
            "announcements_delivered",
            "Announcement frames sent to connections",
            m.announcements_delivered.clone(),
        );
        registry.register("fenced", "Generations this node stopped because another took them over", m.fenced.clone());
        registry.register("resumes", "Resume requests, by outcome", m.resumes.clone());
        registry.register(
            "chunk_latency_ms_sum",
            "Sum of upstream-emit to send latencies (ms)",
            m.chunk_latency_ms_sum.clone(),
        );
        registry.register("worker_processed", "Records a worker handled", m.worker_processed.clone());
        registry.register("worker_retried", "Transient failures retried", m.worker_retried.clone());
        registry.register("worker_dead_lettered", "Records sent to a DLQ", m.worker_dead_lettered.clone());
        registry.register("worker_lag", "Records behind the log end (librdkafka stats)", m.worker_lag.clone());
        registry.register("worker_revokes", "Partition revocations (rebalances) drained", m.worker_revokes.clone());
        registry.register(
            "worker_unavailable",
            "Records waiting for an unavailable store, index or endpoint",
            m.worker_unavailable.clone(),
        );
        registry.register(
            "worker_unavailable_retries",
            "Retries while a store, index or endpoint was unavailable",
            m.worker_unavailable_retries.clone(),
        );
        registry.register(
            "worker_commit_failed",
            "Offset commits that failed (retried)",
            m.worker_commit_failed.clone(),
        );
        registry.register(
            "worker_drain_aborted",
            "Partition tasks aborted after the drain timeout",
            m.worker_drain_aborted.clone(),
        );
        registry.register("analytics_streams", "Completed streams seen by analytics", m.analytics_streams.clone());
        registry.register("analytics_chunks", "Chunks seen by analytics", m.analytics_chunks.clone());
        registry.register("analytics_errors", "Stream errors seen by analytics", m.analytics_errors.clone());
        registry.register(
            "analytics_stream_latency_ms",
            "Total latency of completed streams",
            m.analytics_stream_latency.clone(),
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
