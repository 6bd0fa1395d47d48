//! One node of the engine, assembled in one place from one [`NodeConfig`]: `chatctl serve`
//! translates its flags into it, the tests fill it in code, [`Node::start`] builds the node
//! ([`Node::info`] says what it became, [`Node::shutdown`] stops it), so what is tested is
//! what ships. `replay --into` builds its workers with [`workers::handler`] too.
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

pub mod config;
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
use crate::workers::{WorkerHandle, WorkerOptions};
pub use config::{
    AuthConfig, EventPath, MetricsListen, ModelConfig, NodeConfig, NodeRole, Realtime, WorkersConfig, METRICS_LISTEN,
};

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
    /// One CHUNK_RECEIVED for the chunks an answer delivers within this long.
    pub chunk_events_every: Duration,
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
            chunk_events_every: crate::gateway::CHUNK_EVENTS_EVERY,
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
        let mut gw = Gateway::new(plan.node_id, plan.auth, plan.limits, plan.llm, publisher, buffer, metrics);
        gw.chunk_events_every = plan.chunk_events_every;
        let gw = Arc::new(gw);
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

/// What a started node became, for its banner.
#[derive(Debug, Clone)]
pub struct NodeInfo {
    pub node_id: String,
    pub role: NodeRole,
    /// Where clients connect (the gateway), or health and metrics are served (workers only).
    pub addr: SocketAddr,
    /// Where `/metrics` and `/readyz` are served (the gateway), if anywhere.
    pub ops_addr: Option<SocketAddr>,
    /// The gateway's model.
    pub llm: Option<String>,
    /// Whether the real-time path goes through Redis.
    pub realtime: bool,
    /// Events a previous run left in the spool, sent before anything new, and the spool.
    pub spooled_at_start: usize,
    pub spool_dir: Option<PathBuf>,
    /// Each worker and the topics it consumes.
    pub workers: Vec<(&'static str, Vec<String>)>,
    /// Anonymous access is on.
    pub insecure_dev_auth: bool,
    /// What did not start as asked but does not stop the node (topics not made sure of,
    /// metrics not served).
    pub warnings: Vec<String>,
}

/// A running node: its gateway or its workers' HTTP server, and its workers.
pub struct Node {
    info: NodeInfo,
    pub metrics: Arc<Metrics>,
    gateway: Option<GatewayNode>,
    worker_server: Option<(tokio::task::JoinHandle<std::io::Result<()>>, tokio::sync::oneshot::Sender<()>)>,
    workers: Vec<WorkerHandle>,
    drain: Drain,
}

impl Node {
    /// Check `config`, then start what it says: topics made sure of, workers, the gateway
    /// (or the workers' health and metrics listener).
    pub async fn start(kafka: &KafkaSettings, mut config: NodeConfig) -> Result<Node> {
        config.validate()?;
        let metrics = Arc::new(Metrics::default());
        let mut warnings = Vec::new();
        if let Some(topics) = &config.topics {
            // Usually there; with the broker down at start, chats still run and events queue.
            match crate::kafka::admin::ensure_topics(kafka, &crate::kafka::admin::layout(topics)).await {
                Err(e) => {
                    warnings.push(format!("could not ensure topics ({e}); events will queue until the broker answers"))
                }
                Ok(made) => warnings.extend(
                    made.iter()
                        .filter_map(|t| Some(format!("could not create topic {}: {}", t.topic, t.error.as_deref()?))),
                ),
            }
        }
        let (workers, worker_topics) = match config.role.workers() {
            true => start_workers(kafka, &mut config, &metrics).await?,
            false => (Vec::new(), Vec::new()),
        };
        let listener = match config.listener.take() {
            Some(l) => l,
            None => bind(config.listen, "--listen").await?,
        };
        let addr = listener.local_addr()?;
        let mut info = NodeInfo {
            node_id: config.node_id.clone(),
            role: config.role,
            addr,
            ops_addr: None,
            llm: None,
            realtime: false,
            spooled_at_start: 0,
            spool_dir: None,
            workers: worker_topics,
            insecure_dev_auth: false,
            warnings,
        };
        let drain = config.drain;
        if !config.role.gateway() {
            let (close, closed) = tokio::sync::oneshot::channel::<()>();
            let app = server::worker_router(metrics.clone());
            let server =
                tokio::spawn(server::serve_router(listener, app, config.limits.header_read_timeout, 256, async {
                    let _ = closed.await;
                }));
            let worker_server = Some((server, close));
            return Ok(Node { info, metrics, gateway: None, worker_server, workers, drain });
        }
        if config.node_id_add_port {
            info.node_id = format!("{}-{}", config.node_id, addr.port());
        }
        let names = workers.iter().map(|w| w.name).collect();
        let gateway = start_gateway(kafka, config, listener, names, &mut info, metrics.clone()).await?;
        Ok(Node { info, metrics, gateway: Some(gateway), worker_server: None, workers, drain })
    }

    pub fn info(&self) -> &NodeInfo {
        &self.info
    }

    /// The gateway, when the node runs one.
    pub fn gateway(&self) -> Option<&Arc<Gateway>> {
        self.gateway.as_ref().map(|g| &g.gateway)
    }

    /// Stop: the gateway's shutdown states (see the module's documentation), or the
    /// workers' listener; then the workers.
    pub async fn shutdown(self) -> Result<Stopped> {
        let stopped = match (self.gateway, self.worker_server) {
            (Some(g), _) => g.shutdown(self.drain).await,
            (None, Some((server, close))) => {
                let _ = close.send(());
                let _ = server.await;
                Ok(Stopped::Flushed { drained: true })
            }
            (None, None) => Ok(Stopped::Flushed { drained: true }),
        };
        for w in self.workers {
            w.stop().await;
        }
        stopped
    }
}

/// The gateway of `config` on `listener`, with the workers `workers` beside it; what it
/// became goes into `info`.
async fn start_gateway(
    kafka: &KafkaSettings,
    config: NodeConfig,
    listener: tokio::net::TcpListener,
    workers: Vec<&'static str>,
    info: &mut NodeInfo,
    metrics: Arc<Metrics>,
) -> Result<GatewayNode> {
    let auth = config.auth.build(info.addr)?;
    info.insecure_dev_auth = matches!(auth, Auth::InsecureDev);
    let llm = config.model.build();
    info.llm = Some(llm.name().to_string());
    let mut plan = GatewayPlan::new(info.node_id.clone(), auth, llm);
    plan.limits = config.limits;
    plan.role = if config.role == NodeRole::All { "all" } else { "gateway" }.into();
    plan.workers = workers;
    plan.event_queue = config.events.queue;
    plan.chunk_events_every = config.events.chunk_events_every;
    plan.spool_dir = match config.events.spool_dir {
        None => None,
        Some(Some(dir)) => Some(dir),
        Some(None) => plan.spool_dir,
    };
    if let Some(file) = config.events.quarantine_file {
        plan.quarantine_file = file;
    }
    plan.producer_config = config.events.producer_config;
    plan.redis = config.realtime.redis;
    (plan.buffer_ttl, plan.lease_ttl) = (config.realtime.buffer_ttl, config.realtime.lease_ttl);
    info.spool_dir = plan.spool_dir.clone();
    info.realtime = plan.redis.is_some();
    let ops = match config.metrics_listen {
        MetricsListen::Off => None,
        MetricsListen::At(at) => Some(bind(at, "--metrics-listen").await?),
        MetricsListen::Default => match tokio::net::TcpListener::bind(METRICS_LISTEN).await {
            Ok(l) => Some(l),
            Err(e) => {
                info.warnings.push(format!("metrics not served: {METRICS_LISTEN}: {e} (set --metrics-listen)"));
                None
            }
        },
    };
    let gateway = GatewayNode::start(kafka, plan, listener, ops, metrics).await?;
    info.ops_addr = gateway.ops_addr;
    info.spooled_at_start = gateway.spooled_at_start;
    Ok(gateway)
}

/// A listener on `at`, or why not in words (`flag` names where the address came from).
async fn bind(at: SocketAddr, flag: &str) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(at)
        .await
        .map_err(|e| Error::Unavailable(format!("cannot listen on {at}: {} ({flag})", crate::error::io_in_words(&e))))
}

/// The workers of `config`, each consuming under its group, and the topics each reads.
async fn start_workers(
    kafka: &KafkaSettings,
    config: &mut NodeConfig,
    metrics: &Arc<Metrics>,
) -> Result<(Vec<WorkerHandle>, Vec<(&'static str, Vec<String>)>)> {
    let channels = std::mem::take(&mut config.workers.channels);
    let w = &config.workers;
    let needs_store = w.kinds.iter().any(|k| k.needs_store());
    let store = if needs_store { Some(crate::store::Store::open_waiting(&w.store_url).await?) } else { None };
    let mut deps = workers::WorkerDeps {
        store,
        search_index: w.search_index.clone(),
        node_id: config.node_id.clone(),
        metrics: metrics.clone(),
        summary_model: config.model.summary(),
        alert_channels: channels,
        alerts: w.alerts.clone(),
    };
    let (mut running, mut topics) = (Vec::new(), Vec::new());
    for kind in &w.kinds {
        let handler = workers::handler(*kind, &mut deps)?;
        topics.push((handler.name(), handler.topics().iter().map(|t| t.to_string()).collect()));
        let mut opts = WorkerOptions::default();
        if let Some(id) = &w.instance_id {
            opts.consumer_props.push(("group.instance.id".into(), format!("{id}-{}", handler.name())));
        }
        running.push(crate::workers::start(kafka, handler, opts, metrics.clone())?);
    }
    Ok((running, topics))
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
