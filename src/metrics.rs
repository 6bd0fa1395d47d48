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
    /// Answers generated elsewhere that this node relays to its clients.
    pub streams_following: Gauge,
    /// Chunk latencies (ms) since the node's last heartbeat (its p99 rides in the beat).
    pub chunk_window: std::sync::Mutex<hdrhistogram::Histogram<u64>>,
    pub chunks_sent: Counter,
    pub events_published: Family<Labels, Counter>,
    pub events_queue_depth: Gauge<i64, std::sync::atomic::AtomicI64>,
    /// Times the Redis primary changed and this node followed it (Sentinel), at scrape.
    pub redis_primary_changes: Gauge<i64, std::sync::atomic::AtomicI64>,
    /// 1 while the sentinels name no reachable primary (the known one is kept), at scrape.
    pub redis_sentinels_unreachable: Gauge<i64, std::sync::atomic::AtomicI64>,
    /// 1 while the sentinels could fail over (`CKQUORUM`), 0 when not, at scrape.
    pub redis_failover_ready: Gauge<i64, std::sync::atomic::AtomicI64>,
    /// Replicas the sentinels see up, at scrape.
    pub redis_replicas_up: Gauge<i64, std::sync::atomic::AtomicI64>,
    /// Tasks alive in the node's runtime, at scrape: one per connection, answer and
    /// background loop, so a count that does not come back after a burst is a leak.
    pub runtime_tasks: Gauge<i64, std::sync::atomic::AtomicI64>,
    pub events_coalesced: Counter,
    pub events_failed: Counter,
    pub events_retried: Counter,
    pub frame_errors: Family<Labels, Counter>,
    pub redis_errors: Counter,
    pub takeovers: Counter,
    pub broadcast_undecodable: Counter,
    pub announcements_delivered: Counter,
    pub redis_restores: Counter,
    pub redis_dataset_losses: Counter,
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
    pub events_already_delivered: Counter,
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
            streams_following: Gauge::default(),
            chunk_window: std::sync::Mutex::new(
                hdrhistogram::Histogram::new_with_bounds(1, 3_600_000, 2).expect("valid histogram bounds"),
            ),
            chunks_sent: Counter::default(),
            events_published: Family::default(),
            events_queue_depth: Gauge::default(),
            redis_primary_changes: Gauge::default(),
            redis_sentinels_unreachable: Gauge::default(),
            redis_failover_ready: Gauge::default(),
            redis_replicas_up: Gauge::default(),
            runtime_tasks: Gauge::default(),
            events_coalesced: Counter::default(),
            events_failed: Counter::default(),
            events_retried: Counter::default(),
            frame_errors: Family::default(),
            redis_errors: Counter::default(),
            takeovers: Counter::default(),
            broadcast_undecodable: Counter::default(),
            announcements_delivered: Counter::default(),
            redis_restores: Counter::default(),
            redis_dataset_losses: Counter::default(),
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
            events_already_delivered: Counter::default(),
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
        m.register_gateway(&mut registry);
        m.register_events(&mut registry);
        m.register_workers(&mut registry);
        m.register_analytics(&mut registry);
        Metrics { registry, ..m }
    }
}

impl Metrics {
    /// One chunk delivered `ms` after its upstream emitted it.
    pub fn chunk_delivered(&self, ms: u64) {
        self.chunks_sent.inc();
        self.chunk_latency_ms_sum.inc_by(ms);
        if let Ok(mut h) = self.chunk_window.lock() {
            h.saturating_record(ms.max(1));
        }
    }

    /// The p99 chunk latency since the last call (none without chunks), and a fresh window.
    pub fn take_chunk_p99(&self) -> Option<u64> {
        let mut h = self.chunk_window.lock().ok()?;
        let p99 = (!h.is_empty()).then(|| h.value_at_quantile(0.99));
        h.reset();
        p99
    }

    /// The acknowledged-events counter of each type, looked up once: the event path counts
    /// one per event and should not allocate a label set for it.
    pub fn events_published_by_type(&self) -> Vec<(&'static str, Counter)> {
        crate::events::EVENT_TYPES
            .iter()
            .map(|t| (*t, self.events_published.get_or_create(&vec![("type", *t)]).clone()))
            .collect()
    }

    /// Events Kafka acknowledged, every type.
    pub fn events_published_total(&self, types: &[&'static str]) -> u64 {
        types.iter().filter_map(|t| self.events_published.get(&vec![("type", *t)]).map(|c| c.get())).sum()
    }

    /// Connections, answers and the real-time path.
    fn register_gateway(&self, r: &mut Registry) {
        r.register("ws_connections", "Open WebSocket connections", self.connections.clone());
        r.register("runtime_tasks", "Tasks alive in the node's runtime", self.runtime_tasks.clone());
        r.register("streams_active", "Answers being generated", self.streams_active.clone());
        r.register(
            "streams_following",
            "Answers generated elsewhere relayed to this node's clients",
            self.streams_following.clone(),
        );
        r.register("chunks_sent", "Chunks delivered to clients", self.chunks_sent.clone());
        r.register("frame_errors", "Error frames sent, by code", self.frame_errors.clone());
        r.register("redis_errors", "Failed resume-buffer writes", self.redis_errors.clone());
        r.register("takeovers", "Generations this node took over from a lost node", self.takeovers.clone());
        r.register("handed_off", "Generations this node handed over while draining", self.handed_off.clone());
        r.register(
            "handovers_received",
            "Generations this node continued for a draining node",
            self.handovers_received.clone(),
        );
        r.register(
            "slow_clients_closed",
            "Connections closed (code 4000, resume) because their send queue overflowed",
            self.slow_clients_closed.clone(),
        );
        r.register(
            "clients_timed_out",
            "Connections closed because they answered no ping, or a frame could not be written in time",
            self.clients_timed_out.clone(),
        );
        r.register("connections_refused", "WebSocket upgrades refused, by reason", self.connections_refused.clone());
        r.register(
            "redis_primary_changes",
            "Times the Redis primary changed (Sentinel failover) and this node followed it",
            self.redis_primary_changes.clone(),
        );
        r.register(
            "redis_sentinels_unreachable",
            "1 while the sentinels name no reachable Redis primary (the last known one is used)",
            self.redis_sentinels_unreachable.clone(),
        );
        r.register(
            "redis_failover_ready",
            "1 while the live sentinels can agree on a failover (SENTINEL CKQUORUM), 0 when not",
            self.redis_failover_ready.clone(),
        );
        r.register(
            "redis_replicas_up",
            "Replicas of the Redis primary the sentinels see up and connected",
            self.redis_replicas_up.clone(),
        );
        r.register(
            "redis_restores",
            "Generations written back to a Redis that had lost them (restarted empty)",
            self.redis_restores.clone(),
        );
        r.register(
            "redis_dataset_losses",
            "Times this node found Redis had lost its whole dataset (FLUSHALL, a restart without \
             persistence, a failover to an empty replica): its answers in flight are written back",
            self.redis_dataset_losses.clone(),
        );
        r.register(
            "broadcast_undecodable",
            "Broadcast records skipped because they did not decode",
            self.broadcast_undecodable.clone(),
        );
        r.register(
            "announcements_delivered",
            "Announcement frames sent to connections",
            self.announcements_delivered.clone(),
        );
        r.register("fenced", "Generations this node stopped because another took them over", self.fenced.clone());
        r.register("resumes", "Resume requests, by outcome", self.resumes.clone());
        r.register(
            "chunk_latency_ms_sum",
            "Sum of upstream-emit to send latencies (ms)",
            self.chunk_latency_ms_sum.clone(),
        );
    }

    /// The event path to Kafka.
    fn register_events(&self, r: &mut Registry) {
        r.register("events_published", "Events acknowledged by Kafka, by type", self.events_published.clone());
        r.register(
            "events_queue_depth",
            "Events waiting for Kafka (ours plus the producer's queue)",
            self.events_queue_depth.clone(),
        );
        r.register(
            "events_coalesced",
            "CHUNK_RECEIVED events folded away under back-pressure",
            self.events_coalesced.clone(),
        );
        r.register("events_failed", "Events Kafka refused for good", self.events_failed.clone());
        r.register(
            "events_retried",
            "Events sent again after a transient refusal (timed out, unknown topic, a fatal producer error...): \
             kept in the spool meanwhile, never quarantined",
            self.events_retried.clone(),
        );
        r.register(
            "events_spool_failed",
            "Events the spool could not write (sent, but only kept in memory)",
            self.events_spool_failed.clone(),
        );
        r.register(
            "events_already_delivered",
            "Events a previous run left in the spool that Kafka already had (acknowledged before a crash): \
             settled, not sent twice",
            self.events_already_delivered.clone(),
        );
        r.register(
            "events_quarantined",
            "Events Kafka refused for good (too large, invalid), written to the quarantine file instead",
            self.events_quarantined.clone(),
        );
    }

    /// The background workers.
    fn register_workers(&self, r: &mut Registry) {
        r.register("worker_processed", "Records a worker handled", self.worker_processed.clone());
        r.register("worker_retried", "Transient failures retried", self.worker_retried.clone());
        r.register("worker_dead_lettered", "Records sent to a DLQ", self.worker_dead_lettered.clone());
        r.register("worker_lag", "Records behind the log end (librdkafka stats)", self.worker_lag.clone());
        r.register("worker_revokes", "Partition revocations (rebalances) drained", self.worker_revokes.clone());
        r.register(
            "worker_unavailable",
            "Records waiting for an unavailable store, index or endpoint",
            self.worker_unavailable.clone(),
        );
        r.register(
            "worker_unavailable_retries",
            "Retries while a store, index or endpoint was unavailable",
            self.worker_unavailable_retries.clone(),
        );
        r.register("worker_commit_failed", "Offset commits that failed (retried)", self.worker_commit_failed.clone());
        r.register(
            "worker_drain_aborted",
            "Partition tasks aborted after the drain timeout",
            self.worker_drain_aborted.clone(),
        );
    }

    /// The analytics worker's figures.
    fn register_analytics(&self, r: &mut Registry) {
        r.register("analytics_streams", "Completed streams seen by analytics", self.analytics_streams.clone());
        r.register("analytics_chunks", "Chunks seen by analytics", self.analytics_chunks.clone());
        r.register("analytics_errors", "Stream errors seen by analytics", self.analytics_errors.clone());
        r.register(
            "analytics_stream_latency_ms",
            "Total latency of completed streams",
            self.analytics_stream_latency.clone(),
        );
    }

    pub fn render(&self) -> String {
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            self.runtime_tasks.set(i64::try_from(rt.metrics().num_alive_tasks()).unwrap_or(i64::MAX));
        }
        let mut out = String::new();
        encode(&mut out, &self.registry).expect("writing to a String cannot fail");
        out
    }
}
