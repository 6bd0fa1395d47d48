//! One node of the engine, assembled in one place. `chatctl serve`, `replay --into`, the
//! tests and the benches build their gateways and workers here, so what is tested is what
//! ships.
//!
//! A gateway node ([`GatewayNode::start`]) is: the engine producer, the event spool and the
//! quarantine file, the publisher between them, the resume buffer (with Redis), the
//! gateway, the coordination loop (heartbeats and sweeps, with Redis), the announcement
//! reader, the client listener and the operations listener (`/metrics`, `/readyz`).
//! Its workers are built by [`workers::handler`] and run by [`crate::workers::start`].
//!
//! # Shutdown
//!
//! [`GatewayNode::shutdown`] walks these states, in this order, each bounded; the order
//! matters (a step only starts once what it depends on is done):
//!
//! 1. **Draining**: `/readyz` answers 503, new connections and chats are refused, clients
//!    are told to reconnect elsewhere; the answers in flight are handed to other nodes
//!    (with Redis) or finished here, for up to `drain.timeout`. Clients get up to 5 s to
//!    leave; the listener stays open for at least `drain.grace`, so that a load balancer's
//!    health check sees the 503.
//! 2. **Listener closed**: the HTTP server stops and its connections end.
//! 3. **Publisher emptied**: every event the gateway published is handed to the producer
//!    (at most 10 s for this and the next step together).
//! 4. **Flushed**: the producer waits for Kafka's answers for what it holds.
//! 5. **Checkpointed**: the spool writes its acknowledged mark; what Kafka did not
//!    acknowledge stays in it, and the next start sends it first.
//!
//! The verdict ([`Stopped`]) says what happened to the events: all acknowledged, kept in
//! the spool, or (without a spool) lost.

pub mod workers;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::ClientConfig;

use crate::error::{Error, Result};
use crate::gateway::auth::Auth;
use crate::gateway::publisher::Publisher;
use crate::gateway::spool::Spool;
use crate::gateway::{announce, coordination, server, Gateway, Limits};
use crate::kafka::producer::EventProducer;
use crate::kafka::KafkaSettings;
use crate::llm::Llm;
use crate::metrics::Metrics;
use crate::quarantine::Quarantine;
use crate::realtime::fleet::NodeBeat;
use crate::realtime::{RedisTarget, ResumeBuffer};

/// What a gateway node is made of.
pub struct GatewayPlan {
    pub node_id: String,
    pub auth: Auth,
    pub limits: Limits,
    pub llm: Arc<dyn Llm>,
    /// Events that may wait for Kafka ([`Publisher`]'s capacity).
    pub event_queue: usize,
    /// Where unacknowledged events wait on disk; `None`: in memory only.
    pub spool_dir: Option<PathBuf>,
    /// Where events Kafka refuses for good are kept.
    pub quarantine_file: PathBuf,
    /// The real-time path (resume anywhere, takeover, coordination); `None`: in-process.
    pub redis: Option<RedisTarget>,
    pub buffer_ttl: Duration,
    pub lease_ttl: Duration,
    /// The producer's config; `None`: the process's shared engine producer.
    pub producer_config: Option<ClientConfig>,
    /// What the heartbeat calls this node's role (`gateway`, or `all` with workers).
    pub role: String,
    /// The workers running in this process (their names), whose figures the beat carries.
    pub workers: Vec<&'static str>,
}

impl GatewayPlan {
    /// A plan with `serve`'s defaults: spool in `chatctl-data/spool/<node>`, quarantine in
    /// `chatctl-data/quarantine/<node>.jsonl`, no Redis.
    pub fn new(node_id: impl Into<String>, auth: Auth, llm: Arc<dyn Llm>) -> GatewayPlan {
        let node_id = node_id.into();
        GatewayPlan {
            spool_dir: Some(std::path::Path::new("chatctl-data/spool").join(&node_id)),
            quarantine_file: std::path::Path::new(crate::quarantine::DEFAULT_DIR).join(format!("{node_id}.jsonl")),
            node_id,
            auth,
            limits: Limits::default(),
            llm,
            event_queue: 100_000,
            redis: None,
            buffer_ttl: Duration::from_secs(600),
            lease_ttl: Duration::from_secs(2),
            producer_config: None,
            role: "gateway".into(),
            workers: Vec::new(),
        }
    }
}

/// How a node drains on shutdown (`serve --drain-timeout`, `--drain-grace`).
#[derive(Debug, Clone, Copy)]
pub struct Drain {
    /// How long answers in flight may take to finish or be handed over.
    pub timeout: Duration,
    /// The least time `/readyz` answers 503 before the listener closes.
    pub grace: Duration,
}

/// How long the answers still running at the drain timeout may take to end.
const HALT_BOUND: Duration = Duration::from_secs(2);

/// How long clients told to reconnect may take to leave before the listener closes.
const CLIENTS_LEAVE: Duration = Duration::from_secs(5);

/// How long emptying the publisher and flushing the producer may take together.
const FLUSH_BOUND: Duration = Duration::from_secs(10);

/// What became of a node's events at shutdown.
#[derive(Debug)]
pub enum Stopped {
    /// Kafka acknowledged every event.
    Flushed { drained: bool },
    /// Kafka did not answer for `pending` events: they are in the spool at `dir`.
    KeptInSpool { drained: bool, pending: usize, dir: PathBuf, why: String },
}

/// A running gateway node.
pub struct GatewayNode {
    pub gateway: Arc<Gateway>,
    /// Where clients connect.
    pub addr: SocketAddr,
    /// Where `/metrics` and `/readyz` are served, if anywhere.
    pub ops_addr: Option<SocketAddr>,
    /// Events a previous run left in the spool, sent before anything new.
    pub spooled_at_start: usize,
    producer: EventProducer,
    spool: Option<(Arc<Spool>, PathBuf)>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    close_listener: tokio::sync::oneshot::Sender<()>,
}

impl GatewayNode {
    /// Assemble and start a gateway node serving clients on `listener` (and `/metrics`,
    /// `/readyz` on `ops`).
    pub async fn start(
        kafka: &KafkaSettings,
        plan: GatewayPlan,
        listener: tokio::net::TcpListener,
        ops: Option<tokio::net::TcpListener>,
        metrics: Arc<Metrics>,
    ) -> Result<GatewayNode> {
        let producer = match &plan.producer_config {
            Some(config) => EventProducer::with_config(kafka, config)?,
            None => EventProducer::new(kafka)?,
        };
        let (spool, left) = match &plan.spool_dir {
            Some(dir) => {
                let (spool, left) = Spool::open(dir)
                    .map_err(|e| Error::config(format!("cannot open the event spool {}: {e}", dir.display())))?;
                (Some((Arc::new(spool), dir.clone())), left)
            }
            None => (None, Vec::new()),
        };
        let spooled_at_start = left.len();
        let (publisher, _drain_task) = Publisher::start_spooled(
            producer.clone(),
            plan.event_queue,
            metrics.clone(),
            spool.as_ref().map(|(s, _)| s.clone()),
            left,
            Some(Arc::new(Quarantine::new(plan.quarantine_file))),
        )?;
        let buffer = match &plan.redis {
            Some(target) => Some(ResumeBuffer::connect_to(target, plan.buffer_ttl, plan.lease_ttl).await?),
            None => None,
        };
        let gw = Arc::new(Gateway::new(plan.node_id, plan.auth, plan.limits, plan.llm, publisher, buffer, metrics));
        let addr = listener.local_addr()?;
        let fixed = NodeBeat {
            node: gw.node_id.clone(),
            listen: addr.to_string(),
            role: plan.role.clone(),
            pid: std::process::id(),
            started_ms: chrono::Utc::now().timestamp_millis(),
            ..NodeBeat::default()
        };
        coordination::spawn(&gw, fixed, plan.workers.clone());
        if let Err(e) = announce::spawn_reader(&gw, kafka).await {
            tracing::warn!(error = %e, "announcements will not reach this node's clients");
        }
        let ops_addr = match ops {
            Some(l) => {
                let at = l.local_addr()?;
                let (app, timeout) = (server::ops_router(gw.clone()), gw.limits.header_read_timeout);
                tokio::spawn(server::serve_router(l, app, timeout, 256, std::future::pending()));
                Some(at)
            }
            None => None,
        };
        let (close_listener, closed) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(server::serve(listener, gw.clone(), async move {
            let _ = closed.await;
        }));
        Ok(GatewayNode { gateway: gw, addr, ops_addr, spooled_at_start, producer, spool, server, close_listener })
    }

    /// The shutdown state machine (see the module's documentation). An error: events
    /// were lost (no spool) or could not be written to the spool.
    pub async fn shutdown(self, drain: Drain) -> Result<Stopped> {
        let gw = self.gateway.clone();
        let drained = drain_clients(&gw, drain).await;
        let _ = self.close_listener.send(());
        self.server.await.map_err(|e| Error::Broker(format!("the HTTP server failed: {e}")))??;
        let flushed = empty_and_flush(&gw, &self.producer).await;
        if let Some((spool, _)) = &self.spool {
            // Let the delivery answers land, then write the acknowledged mark.
            tokio::time::sleep(Duration::from_millis(50)).await;
            let s = spool.clone();
            tokio::task::spawn_blocking(move || s.checkpoint())
                .await
                .map_err(|e| Error::Broker(format!("spool checkpoint: {e}")))??;
        }
        let spool_failed = gw.metrics.events_spool_failed.get();
        if spool_failed > 0 {
            return Err(Error::Broker(format!(
                "{spool_failed} event(s) could not be written to the spool and were only in memory"
            )));
        }
        match (flushed, self.spool) {
            (Ok(()), _) => Ok(Stopped::Flushed { drained }),
            (Err(e), Some((spool, dir))) => {
                Ok(Stopped::KeptInSpool { drained, pending: spool.pending(), dir, why: e.to_string() })
            }
            (Err(e), None) => Err(Error::Broker(format!(
                "{} event(s) not acknowledged by Kafka are lost ({e}; the spool is off: --no-spool)",
                self.producer.in_flight()
            ))),
        }
    }
}

/// States 1 (draining): true if no answer was still running at the deadline.
async fn drain_clients(gw: &Arc<Gateway>, drain: Drain) -> bool {
    let started = tokio::time::Instant::now();
    let mut drained = gw.drain(drain.timeout).await;
    if !drained {
        // Past the deadline: the answers still running end now, their ends recorded before
        // the flush (a client that stopped reading cannot hold the exit up).
        tracing::warn!(answers = gw.active_streams(), "drain timeout: ending the answers still running");
        drained = gw.halt(HALT_BOUND).await;
    }
    // Clients told to reconnect get a few seconds to go; the rest are cut off at exit.
    let deadline = started + drain.timeout.min(CLIENTS_LEAVE);
    while gw.metrics.connections.get() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep_until(started + drain.grace).await;
    drained
}

/// States 3 and 4: the publisher hands everything to the producer, which is then flushed.
async fn empty_and_flush(gw: &Gateway, producer: &EventProducer) -> Result<()> {
    let deadline = tokio::time::Instant::now() + FLUSH_BOUND;
    while gw.publisher.depth() > producer.in_flight() as i64 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let remaining = deadline.saturating_duration_since(tokio::time::Instant::now());
    let p = producer.clone();
    tokio::task::spawn_blocking(move || p.flush(remaining))
        .await
        .map_err(|e| Error::Broker(format!("producer flush: {e}")))?
}
