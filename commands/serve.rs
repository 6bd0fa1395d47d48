//! `chatctl serve`: run the engine: the gateway (WebSocket chat, events to Kafka) and the
//! workers, or one of them (`--role`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chatctl::gateway::auth::{Auth, Expect};
use chatctl::gateway::{server, Limits};
use chatctl::kafka::admin::{ensure_topics, layout};
use chatctl::llm::builtin::BuiltinModel;
use chatctl::llm::openai::{OpenAiClient, Timeouts};
use chatctl::llm::Llm;
use chatctl::metrics::Metrics;
use chatctl::node::workers::WorkerDeps;
use chatctl::node::{self, Drain, GatewayNode, GatewayPlan, Stopped};
use chatctl::store::Store;
use chatctl::workers::notify::{AlertSettings, Channel};
use chatctl::workers::{self, WorkerOptions};
use clap::ValueEnum;

use crate::Context;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LlmKind {
    /// Deterministic offline model
    Builtin,
    /// OpenAI-compatible /v1/chat/completions (vLLM, llama.cpp server, Ollama)
    Openai,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Role {
    /// Gateway and workers in one process
    All,
    /// Only the WebSocket gateway
    Gateway,
    /// Only the workers (health and metrics on --listen)
    Worker,
}

pub use chatctl::node::workers::WorkerKind;

/// The notify worker's alerting: rules, grouping, channels.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Alerts (the notify worker)")]
pub struct AlertArgs {
    /// Webhook the notify worker POSTs alerts to
    #[arg(long, env = "CHATCTL_NOTIFY_URL", hide_env_values = true)]
    pub notify_url: Option<String>,
    /// Body of webhook calls
    #[arg(long, value_enum, default_value = "json")]
    pub notify_format: crate::args::WebhookFormatArg,
    /// SMTP server alerts are emailed through: smtp://host:port, smtps://..., user:pass@ allowed
    #[arg(long, env = "CHATCTL_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of alert emails
    #[arg(long, env = "CHATCTL_ALERT_FROM", default_value = "chatctl <chatctl@localhost>")]
    pub alert_from: String,
    /// Recipient of alert emails (repeatable, or comma-separated)
    #[arg(long, env = "CHATCTL_ALERT_TO", value_delimiter = ',')]
    pub alert_to: Vec<String>,
    /// A completed answer slower than this raises a slow-answer alert
    #[arg(long, default_value = "10s", value_parser = humantime::parse_duration)]
    pub sla: Duration,
    /// Alerts are grouped per kind, node and code over windows this long: one alert at the
    /// first occurrence, then one digest with the count when the window ends
    #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
    pub alert_window: Duration,
}

impl AlertArgs {
    fn channels(&self) -> chatctl::error::Result<Vec<Channel>> {
        let mut channels = Vec::new();
        if let Some(url) = &self.notify_url {
            channels.push(Channel::webhook(url, self.notify_format.into())?);
        }
        if let Some(url) = &self.smtp_url {
            channels.push(Channel::email(url, &self.alert_from, &self.alert_to)?);
        }
        Ok(channels)
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// What this process runs
    #[arg(help_heading = "Engine", long, value_enum, default_value = "all")]
    pub role: Role,
    /// Workers to run (with --role all or worker)
    #[arg(help_heading = "Engine", long, value_enum, value_delimiter = ',', default_value = "audit,analytics")]
    pub workers: Vec<crate::args::WorkerArg>,
    /// Static group membership (KIP-345): a stable id for this worker process, so a
    /// restart takes its partitions back at once instead of after the session timeout
    #[arg(help_heading = "Engine", long, env = "CHATCTL_INSTANCE_ID")]
    pub instance_id: Option<String>,
    #[command(flatten)]
    pub store: crate::args::StoreArgs,
    #[command(flatten)]
    pub node: crate::args::NodeArgs,
    #[command(flatten)]
    pub redis: crate::args::RedisArgs,
    /// Directory of the search worker's index
    #[arg(help_heading = "Workers", long, env = "CHATCTL_SEARCH_INDEX", default_value = chatctl::workers::search::DEFAULT_INDEX)]
    pub search_index: std::path::PathBuf,
    #[command(flatten)]
    pub alerts: AlertArgs,
    /// Address to listen on
    #[arg(help_heading = "Gateway", long, default_value = "127.0.0.1:8080", env = "CHATCTL_LISTEN")]
    pub listen: SocketAddr,
    /// Where a gateway serves /metrics (and /healthz, /readyz), apart from the public
    /// listener. Default 127.0.0.1:9464, skipped with a warning when taken; an address given
    /// here that cannot be bound is an error
    #[arg(help_heading = "Gateway", long, env = "CHATCTL_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// HS256 secret that signs client JWTs (the user id is the token's `sub`); at least 32
    /// bytes. Prefer the environment variable or --jwt-secret-file: a flag shows in `ps`
    #[arg(help_heading = "Authentication", long, env = "CHATCTL_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// The HS256 secret from this file (its first line)
    #[arg(help_heading = "Authentication", long, value_name = "FILE", conflicts_with = "jwt_secret")]
    pub jwt_secret_file: Option<std::path::PathBuf>,
    /// Tokens must carry this `iss`
    #[arg(help_heading = "Authentication", long, env = "CHATCTL_JWT_ISSUER")]
    pub jwt_issuer: Option<String>,
    /// Tokens must carry this `aud`
    #[arg(help_heading = "Authentication", long, env = "CHATCTL_JWT_AUDIENCE")]
    pub jwt_audience: Option<String>,
    /// Browsers may open /ws only from these origins (repeatable or comma-separated; `*`
    /// allows any). Without it, a browser's Origin must match the Host it connects to.
    /// Clients that send no Origin (not browsers) are not affected
    #[arg(help_heading = "Authentication", long, env = "CHATCTL_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<String>,
    /// Accept connections without a token (user from ?user=, else "anonymous"). Local trials
    /// only: refused unless --listen is a loopback address
    #[arg(help_heading = "Authentication", long)]
    pub insecure_dev_auth: bool,
    /// LLM upstream
    #[arg(help_heading = "Upstream model", long, value_enum, default_value = "builtin")]
    pub llm: LlmKind,
    /// Base URL of the OpenAI-compatible server
    #[arg(
        help_heading = "Upstream model",
        long,
        env = "CHATCTL_LLM_URL",
        hide_env_values = true,
        default_value = "http://127.0.0.1:8000"
    )]
    pub llm_url: String,
    /// Model name sent upstream
    #[arg(help_heading = "Upstream model", long, env = "CHATCTL_LLM_MODEL", default_value = "default")]
    pub llm_model: String,
    /// Longest silence from the upstream between two pieces of an answer before TIMEOUT_ERROR
    #[arg(help_heading = "Upstream model", long, default_value = "30s", value_parser = humantime::parse_duration)]
    pub llm_timeout: Duration,
    /// Longest wait for the first piece of an answer (from sending the request)
    #[arg(help_heading = "Upstream model", long, default_value = "60s", value_parser = humantime::parse_duration)]
    pub llm_first_token_timeout: Duration,
    /// Longest a whole answer may take from the upstream before TIMEOUT_ERROR (what came is
    /// delivered)
    #[arg(help_heading = "Upstream model", long, default_value = "10m", value_parser = humantime::parse_duration)]
    pub llm_answer_timeout: Duration,
    /// Longest wait for the upstream to accept the connection
    #[arg(help_heading = "Upstream model", long, default_value = "5s", value_parser = humantime::parse_duration)]
    pub llm_connect_timeout: Duration,
    /// `max_tokens` asked of the upstream for each answer (0: not sent)
    #[arg(help_heading = "Upstream model", long, default_value_t = 4096)]
    pub llm_max_tokens: u32,
    /// An answer is cut off at this many bytes with an ANSWER_TOO_LARGE error (what fits is
    /// delivered), so no event outgrows the broker's message size limit
    #[arg(help_heading = "Upstream model", long, default_value_t = 256 * 1024)]
    pub max_answer_bytes: usize,
    /// Built-in model: chunks per answer
    #[arg(help_heading = "Upstream model", long, default_value_t = 24)]
    pub model_chunks: u32,
    /// Built-in model: words per chunk
    #[arg(help_heading = "Upstream model", long, default_value_t = 3)]
    pub model_words: u32,
    /// Built-in model: pause before each chunk
    #[arg(help_heading = "Upstream model", long, default_value = "40ms", value_parser = humantime::parse_duration)]
    pub model_interval: Duration,
    /// Built-in model: prefix each chunk with its emit time in unix µs (for load tests)
    #[arg(help_heading = "Upstream model", long, hide = true)]
    pub model_stamp: bool,
    /// Concurrent answers per user
    #[arg(help_heading = "Limits", long, default_value_t = 4)]
    pub max_streams_per_user: usize,
    /// Answers one user may start per minute, across the fleet with Redis (per node without);
    /// past it, RATE_LIMITED saying when the next may start. 0: no quota
    #[arg(help_heading = "Limits", long, default_value_t = 60)]
    pub max_answers_per_minute: usize,
    /// Bytes one user's answers may hold in Redis resume buffers (answers that ended within
    /// the buffer TTL, across the fleet); past it, new chats get RATE_LIMITED saying when
    /// the count lapses. Needs Redis. 0: no quota
    #[arg(help_heading = "Limits", long, default_value_t = 8 * 1024 * 1024)]
    pub max_buffer_bytes_per_user: usize,
    /// Open WebSocket connections per node; past it, upgrades get 503 + Retry-After
    #[arg(help_heading = "Limits", long, default_value_t = 50_000)]
    pub max_connections: usize,
    /// Open WebSocket connections per user on one node; past it, 429 + Retry-After
    #[arg(help_heading = "Limits", long, default_value_t = 32)]
    pub max_connections_per_user: usize,
    /// Open TCP connections from one client address; past it, closed at accept (one host
    /// cannot fill the node). Behind a proxy every client has the proxy's address: raise it
    #[arg(help_heading = "Limits", long, default_value_t = 1024)]
    pub max_connections_per_address: usize,
    /// Largest accepted client frame (bytes); this bounds a prompt too
    #[arg(help_heading = "Limits", long, default_value_t = 16 * 1024)]
    pub max_frame_bytes: usize,
    /// A client must send a request's headers within this, or its socket is closed
    #[arg(help_heading = "Limits", long, default_value = "10s", value_parser = humantime::parse_duration)]
    pub header_timeout: Duration,
    /// The server pings each WebSocket after this much silence from the client
    #[arg(help_heading = "Limits", long, default_value = "25s", value_parser = humantime::parse_duration)]
    pub ws_ping_interval: Duration,
    /// A WebSocket that answers nothing within this after a ping is closed (code 4001)
    #[arg(help_heading = "Limits", long, default_value = "10s", value_parser = humantime::parse_duration)]
    pub ws_pong_timeout: Duration,
    /// Longest a frame, or the close handshake, may take to reach a client that stopped
    /// reading before its connection is dropped
    #[arg(help_heading = "Limits", long, default_value = "10s", value_parser = humantime::parse_duration)]
    pub write_timeout: Duration,
    /// Frames per second per connection
    #[arg(help_heading = "Limits", long, default_value_t = 20)]
    pub rate_limit: u32,
    /// Events that may wait for Kafka before chunk telemetry is coalesced (at 50%) and new
    /// chats are refused (at 80%)
    #[arg(help_heading = "Events to Kafka", long, default_value_t = 100_000)]
    pub event_queue: usize,
    /// Where events wait on disk until Kafka acknowledges them, so a crash during a broker
    /// outage loses none (default: chatctl-data/spool/<node-id>)
    #[arg(help_heading = "Events to Kafka", long, value_name = "DIR")]
    pub spool_dir: Option<std::path::PathBuf>,
    /// Where events Kafka refuses for good (too large, invalid) are kept, one JSON line each
    /// (default: chatctl-data/quarantine/<node-id>.jsonl; workers' undeliverable dead
    /// letters go to chatctl-data/quarantine/<worker>.jsonl)
    #[arg(help_heading = "Events to Kafka", long, value_name = "FILE")]
    pub quarantine_file: Option<std::path::PathBuf>,
    /// Keep unacknowledged events in memory only (a crash while the broker is away loses them)
    #[arg(help_heading = "Events to Kafka", long, conflicts_with = "spool_dir")]
    pub no_spool: bool,
    /// How long a resume buffer lives in Redis
    #[arg(help_heading = "Resume and takeover", long, default_value = "10m", value_parser = humantime::parse_duration)]
    pub buffer_ttl: Duration,
    /// How long a generating node's lease on an answer lasts without renewal: after a
    /// crash, another node continues the answer within this (plus ~0.3 s)
    #[arg(help_heading = "Resume and takeover", long, default_value = "2s", value_parser = humantime::parse_duration)]
    pub lease_ttl: Duration,
    /// Replicas that must hold each chunk (Redis WAIT) before a client is shown it, so a
    /// failover loses none a client saw: at least N, and behind Sentinel every replica the
    /// sentinels see up; while they do not confirm, chunks are held (up to 10 s, then served
    /// from this node). Default: 1 behind Sentinel, 0 with one Redis
    #[arg(help_heading = "Resume and takeover", long, value_name = "N")]
    pub redis_min_replicas: Option<u32>,
    /// On SIGTERM / Ctrl-C: the least time `/readyz` answers 503 before the listener closes
    #[arg(help_heading = "Shutdown", long, default_value = "1s", value_parser = humantime::parse_duration)]
    pub drain_grace: Duration,
    /// On SIGTERM / Ctrl-C: how long in-flight answers may take to finish
    #[arg(help_heading = "Shutdown", long, default_value = "30s", value_parser = humantime::parse_duration)]
    pub drain_timeout: Duration,
}

/// Shown without its secrets: the JWT secret never, URLs without their passwords.
impl std::fmt::Debug for Args {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use chatctl::security::redact_url;
        f.debug_struct("serve::Args")
            .field("role", &self.role)
            .field("listen", &self.listen)
            .field("redis", &self.redis.redis.as_deref().map(redact_url))
            .field("llm", &self.llm)
            .field("llm_url", &redact_url(&self.llm_url))
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "<redacted>"))
            .field("jwt_secret_file", &self.jwt_secret_file)
            .field("insecure_dev_auth", &self.insecure_dev_auth)
            .finish_non_exhaustive()
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let notify = args.role != Role::Gateway && args.workers.contains(&crate::args::WorkerArg::Notify);
    if notify && args.alerts.notify_url.is_none() && args.alerts.smtp_url.is_none() {
        return Err(chatctl::Error::usage(
            "--workers notify needs a channel: --notify-url (CHATCTL_NOTIFY_URL) or --smtp-url with --alert-to",
        )
        .into());
    }
    let channels = if notify { args.alerts.channels()? } else { Vec::new() };
    let auth = if args.role == Role::Worker { None } else { Some(gateway_auth(args)?) };
    let kafka = ctx.settings.kafka();
    let metrics = Arc::new(Metrics::default());
    // The topics are usually there; if the broker is down at start, chats still run and
    // events wait in the queue.
    match ensure_topics(&kafka, &layout(&ctx.settings.topics)).await {
        Err(e) => tracing::warn!(error = %e, "could not ensure topics; events will queue until the broker answers"),
        Ok(topics) => {
            for t in topics.iter().filter(|t| t.error.is_some()) {
                tracing::warn!(topic = %t.topic, error = t.error.as_deref().unwrap_or_default(), "could not create topic");
            }
        }
    }
    let workers =
        if args.role != Role::Gateway { start_workers(args, ctx, &metrics, channels).await? } else { Vec::new() };
    let listener = tokio::net::TcpListener::bind(args.listen).await.map_err(|e| {
        chatctl::Error::Unavailable(format!(
            "cannot listen on {}: {} (--listen)",
            args.listen,
            chatctl::error::io_in_words(&e)
        ))
    })?;
    if args.role == Role::Worker {
        eprintln!(
            "chatctl serve: node {} (workers) listening on http://{}",
            ctx.settings.node_id,
            listener.local_addr()?
        );
        let app = server::worker_router(metrics);
        server::serve_router(listener, app, args.header_timeout, 256, shutdown_signal()).await?;
    } else {
        let names = workers.iter().map(|w| w.name).collect();
        run_gateway(args, ctx, listener, metrics, auth.expect("a gateway role"), names).await?;
    }
    for w in workers {
        w.stop().await;
    }
    eprintln!("chatctl serve: stopped");
    Ok(())
}

/// The workers of `--workers`, each consuming under its group.
async fn start_workers(
    args: &Args,
    ctx: &Context,
    metrics: &Arc<Metrics>,
    alert_channels: Vec<Channel>,
) -> anyhow::Result<Vec<workers::WorkerHandle>> {
    let needs_store = args.workers.iter().any(|w| WorkerKind::from(*w).needs_store());
    let store = if needs_store { Some(Store::open_waiting(&args.store.audit_url).await?) } else { None };
    let mut deps = WorkerDeps {
        store,
        search_index: args.search_index.clone(),
        node_id: ctx.settings.node_id.clone(),
        metrics: metrics.clone(),
        summary_model: summary_model(args),
        alert_channels,
        alerts: AlertSettings { sla: args.alerts.sla, window: args.alerts.alert_window, ..AlertSettings::default() },
    };
    let kafka = ctx.settings.kafka();
    let mut running = Vec::new();
    for kind in args.workers.iter().map(|w| WorkerKind::from(*w)) {
        let handler = node::workers::handler(kind, &mut deps)?;
        eprintln!("chatctl serve: worker {} consuming {}", handler.name(), handler.topics().join(", "));
        let mut opts = WorkerOptions::default();
        if let Some(id) = &args.instance_id {
            opts.consumer_props.push(("group.instance.id".into(), format!("{id}-{}", handler.name())));
        }
        running.push(workers::start(&kafka, handler, opts, metrics.clone())?);
    }
    Ok(running)
}

/// The model the summary worker writes with: the configured upstream (the built-in model
/// summarizes offline and at once).
fn summary_model(args: &Args) -> (Arc<dyn Llm>, String) {
    match args.llm {
        LlmKind::Builtin => (Arc::new(BuiltinModel::default()), "builtin".into()),
        LlmKind::Openai => (Arc::new(openai(args)), args.llm_model.clone()),
    }
}

fn openai(args: &Args) -> OpenAiClient {
    let timeouts = Timeouts {
        connect: args.llm_connect_timeout,
        first_token: args.llm_first_token_timeout,
        between_tokens: args.llm_timeout,
        answer: args.llm_answer_timeout,
    };
    OpenAiClient::new(
        &args.llm_url,
        &args.llm_model,
        std::env::var("CHATCTL_LLM_API_KEY").or_else(|_| std::env::var("OPENAI_API_KEY")).ok(),
        timeouts,
    )
    .with_max_tokens(Some(args.llm_max_tokens).filter(|m| *m > 0))
}

/// Who may connect to the gateway, decided before anything starts: a JWT secret of at
/// least 32 bytes, or anonymous access on a loopback listener only.
fn gateway_auth(args: &Args) -> anyhow::Result<Auth> {
    let secret = match &args.jwt_secret_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| chatctl::Error::config(format!("--jwt-secret-file {}: {e}", path.display())))?
                .lines()
                .next()
                .unwrap_or_default()
                .to_string(),
        ),
        None => args.jwt_secret.clone(),
    };
    let expect = Expect { issuer: args.jwt_issuer.clone(), audience: args.jwt_audience.clone() };
    Ok(match (&secret, args.insecure_dev_auth) {
        (Some(secret), _) => {
            Auth::hs256_expecting(Auth::checked_secret(secret).map_err(chatctl::Error::config)?, &expect)
        }
        (None, true) if !args.listen.ip().is_loopback() => {
            return Err(chatctl::Error::usage(format!(
                "--insecure-dev-auth on {}: anonymous connections are only allowed on a loopback address; \
                 set --jwt-secret (CHATCTL_JWT_SECRET)",
                args.listen
            ))
            .into())
        }
        (None, true) => {
            tracing::warn!("INSECURE: --insecure-dev-auth accepts anonymous connections; never use it in production");
            eprintln!("WARNING: --insecure-dev-auth is on: anyone can connect as any user");
            Auth::InsecureDev
        }
        (None, false) => {
            return Err(chatctl::Error::usage(
                "set --jwt-secret (CHATCTL_JWT_SECRET), or --insecure-dev-auth for local trials",
            )
            .into())
        }
    })
}

async fn run_gateway(
    args: &Args,
    ctx: &Context,
    listener: tokio::net::TcpListener,
    metrics: Arc<Metrics>,
    auth: Auth,
    workers: Vec<&'static str>,
) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    let local = listener.local_addr()?;
    let node_id = if ctx.settings.node_id_is_default {
        format!("{}-{}", ctx.settings.node_id, local.port())
    } else {
        ctx.settings.node_id.clone()
    };
    let mut plan = GatewayPlan::new(node_id, auth, gateway_model(args));
    plan.limits = limits(args);
    plan.role = if args.role == Role::All { "all" } else { "gateway" }.into();
    plan.workers = workers;
    plan.event_queue = args.event_queue;
    plan.spool_dir = match (&args.spool_dir, args.no_spool) {
        (_, true) => None,
        (Some(dir), false) => Some(dir.clone()),
        (None, false) => plan.spool_dir,
    };
    if let Some(file) = &args.quarantine_file {
        plan.quarantine_file = file.clone();
    }
    plan.redis = ctx
        .settings
        .redis_target()
        .map(|t| chatctl::realtime::RedisTarget { min_replicas: args.redis_min_replicas, ..t });
    (plan.buffer_ttl, plan.lease_ttl) = (args.buffer_ttl, args.lease_ttl);
    let spool_dir = plan.spool_dir.clone();
    let ops = metrics_listener(args).await?;
    let node = GatewayNode::start(&kafka, plan, listener, ops, metrics).await?;
    if let (n @ 1.., Some(dir)) = (node.spooled_at_start, &spool_dir) {
        eprintln!("chatctl serve: {n} event(s) a previous run left in {} are sent first", dir.display());
    }
    let gw = node.gateway.clone();
    eprintln!(
        "chatctl serve: node {} listening on http://{} (llm {}, realtime {}, brokers {})",
        gw.node_id,
        node.addr,
        gw.llm.name(),
        if gw.buffer.is_some() { "redis" } else { "in-process" },
        kafka.brokers
    );
    if let Some(at) = node.ops_addr {
        eprintln!("chatctl serve: metrics on http://{at}/metrics");
    }
    shutdown_signal().await;
    eprintln!(
        "chatctl serve: draining: {} answer(s) {}, {} client(s) told to reconnect",
        gw.active_streams(),
        if gw.buffer.is_some() { "handed to other nodes" } else { "finishing here" },
        gw.metrics.connections.get()
    );
    let drained = match node.shutdown(Drain { timeout: args.drain_timeout, grace: args.drain_grace }).await? {
        Stopped::Flushed { drained } => {
            eprintln!("chatctl serve: all events flushed");
            drained
        }
        Stopped::KeptInSpool { drained, pending, dir, why } => {
            eprintln!(
                "chatctl serve: Kafka did not acknowledge {pending} event(s) ({why}); they are kept in the spool {} and the next start sends them",
                dir.display()
            );
            drained
        }
    };
    if !drained {
        eprintln!("chatctl serve: {} answer(s) were still running at the drain deadline", gw.active_streams());
    }
    Ok(())
}

/// The model the gateway answers with.
fn gateway_model(args: &Args) -> Arc<dyn Llm> {
    match args.llm {
        LlmKind::Builtin => Arc::new(BuiltinModel {
            chunks: args.model_chunks,
            words_per_chunk: args.model_words,
            interval: args.model_interval,
            stamp: args.model_stamp,
        }),
        LlmKind::Openai => Arc::new(openai(args)),
    }
}

fn limits(args: &Args) -> Limits {
    Limits {
        max_frame_bytes: args.max_frame_bytes,
        max_streams_per_user: args.max_streams_per_user,
        frames_per_sec: args.rate_limit,
        max_connections: args.max_connections,
        max_connections_per_user: args.max_connections_per_user,
        max_connections_per_address: args.max_connections_per_address,
        max_answers_per_minute: args.max_answers_per_minute,
        max_buffer_bytes_per_user: args.max_buffer_bytes_per_user,
        header_read_timeout: args.header_timeout,
        ping_interval: args.ws_ping_interval,
        pong_timeout: args.ws_pong_timeout,
        write_timeout: args.write_timeout,
        max_answer_bytes: args.max_answer_bytes,
        allowed_origins: args.allowed_origins.clone(),
        ..Limits::default()
    }
}

/// The default `--metrics-listen`: Prometheus exporters' range, loopback only.
const METRICS_LISTEN: &str = "127.0.0.1:9464";

/// The listener `/metrics` is served on: the address given (an error when it cannot be
/// bound), else the default (a warning when another process holds it).
async fn metrics_listener(args: &Args) -> anyhow::Result<Option<tokio::net::TcpListener>> {
    match args.metrics_listen {
        Some(addr) => Ok(Some(tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            chatctl::Error::Unavailable(format!(
                "cannot listen on {addr}: {} (--metrics-listen)",
                chatctl::error::io_in_words(&e)
            ))
        })?)),
        None => match tokio::net::TcpListener::bind(METRICS_LISTEN).await {
            Ok(l) => Ok(Some(l)),
            Err(e) => {
                tracing::warn!(error = %e, "metrics not served on {METRICS_LISTEN}; set --metrics-listen");
                eprintln!("chatctl serve: metrics not served: {METRICS_LISTEN}: {e} (set --metrics-listen)");
                Ok(None)
            }
        },
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {}
        _ = term.recv() => {}
    }
}
