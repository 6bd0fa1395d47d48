//! `chatctl serve`'s flags and their help (what `serve.rs` translates into a
//! [`chatctl::node::NodeConfig`]).

use std::net::SocketAddr;
use std::time::Duration;

use chatctl::workers::notify::Channel;
use clap::ValueEnum;

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
    pub fn channels(&self) -> chatctl::error::Result<Vec<Channel>> {
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
    /// One CHUNK_RECEIVED event for the chunks an answer delivers within this long: each
    /// chunk keeps its index, length and latency in it (`folded`), a client never waits for
    /// it; with Redis, a group of chunks saved together is one event. 0: one event per chunk
    #[arg(help_heading = "Events to Kafka", long, default_value = "500ms", value_parser = humantime::parse_duration)]
    pub chunk_events_every: Duration,
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
