//! What a node is, in one value: [`NodeConfig`]. `chatctl serve` translates its flags into
//! it, the tests and the benches fill it in code; [`NodeConfig::validate`] refuses what
//! cannot run before anything starts, and [`super::Node::start`] assembles the node from it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::ClientConfig;

use super::workers::WorkerKind;
use super::Drain;
use crate::config::TopicSettings;
use crate::error::{Error, Result};
use crate::gateway::auth::{Auth, Expect};
use crate::gateway::Limits;
use crate::llm::builtin::BuiltinModel;
use crate::llm::openai::{OpenAiClient, Timeouts};
use crate::llm::Llm;
use crate::realtime::RedisTarget;
use crate::workers::notify::{AlertSettings, Channel};

/// What the process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeRole {
    /// Gateway and workers.
    All,
    /// Only the WebSocket gateway.
    Gateway,
    /// Only the workers (health and metrics on the listener).
    Worker,
}

impl NodeRole {
    pub fn gateway(self) -> bool {
        self != NodeRole::Worker
    }
    pub fn workers(self) -> bool {
        self != NodeRole::Gateway
    }
}

/// The model the gateway answers with (and the summary worker writes with).
#[derive(Clone)]
pub enum ModelConfig {
    /// Offline and deterministic.
    Builtin(BuiltinModel),
    /// An OpenAI-compatible upstream.
    OpenAi { url: String, model: String, api_key: Option<String>, timeouts: Timeouts, max_tokens: Option<u32> },
    /// A model built elsewhere (tests, embedding).
    Given(Arc<dyn Llm>),
}

impl std::fmt::Debug for ModelConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelConfig::Builtin(m) => f.debug_tuple("Builtin").field(m).finish(),
            ModelConfig::OpenAi { url, model, api_key, .. } => f
                .debug_struct("OpenAi")
                .field("url", &crate::security::redact_url(url))
                .field("model", model)
                .field("api_key", &api_key.as_ref().map(|_| "<redacted>"))
                .finish_non_exhaustive(),
            ModelConfig::Given(m) => f.debug_tuple("Given").field(&m.name()).finish(),
        }
    }
}

impl ModelConfig {
    /// The gateway's model.
    pub fn build(&self) -> Arc<dyn Llm> {
        match self {
            ModelConfig::Builtin(m) => Arc::new(m.clone()),
            ModelConfig::OpenAi { .. } => Arc::new(self.openai()),
            ModelConfig::Given(m) => m.clone(),
        }
    }

    /// The summary worker's model and its name: the upstream, or the built-in model with its
    /// defaults (it summarizes offline and at once).
    pub fn summary(&self) -> (Arc<dyn Llm>, String) {
        match self {
            ModelConfig::OpenAi { model, .. } => (Arc::new(self.openai()), model.clone()),
            ModelConfig::Given(m) => (m.clone(), m.name().to_string()),
            ModelConfig::Builtin(_) => (Arc::new(BuiltinModel::default()), "builtin".into()),
        }
    }

    fn openai(&self) -> OpenAiClient {
        let ModelConfig::OpenAi { url, model, api_key, timeouts, max_tokens } = self else {
            unreachable!("called on the OpenAI variant only")
        };
        OpenAiClient::new(url, model, api_key.clone(), *timeouts).with_max_tokens(*max_tokens)
    }
}

/// Who may connect: a JWT secret (given, or the first line of a file), or anonymous access
/// on a loopback listener only.
#[derive(Clone, Default)]
pub struct AuthConfig {
    pub jwt_secret: Option<String>,
    pub jwt_secret_file: Option<PathBuf>,
    pub expect: Expect,
    pub insecure_dev: bool,
    /// An `Auth` built elsewhere (tests): used as is.
    pub given: Option<Auth>,
}

impl std::fmt::Debug for AuthConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthConfig")
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "<redacted>"))
            .field("jwt_secret_file", &self.jwt_secret_file)
            .field("insecure_dev", &self.insecure_dev)
            .finish_non_exhaustive()
    }
}

impl AuthConfig {
    /// The gateway's `Auth` for a listener on `listen`, or why there is none.
    pub fn build(&self, listen: SocketAddr) -> Result<Auth> {
        if let Some(a) = &self.given {
            return Ok(a.clone());
        }
        let secret = match &self.jwt_secret_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| Error::config(format!("--jwt-secret-file {}: {e}", path.display())))?
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            ),
            None => self.jwt_secret.clone(),
        };
        match (&secret, self.insecure_dev) {
            (Some(secret), _) => {
                Ok(Auth::hs256_expecting(Auth::checked_secret(secret).map_err(Error::config)?, &self.expect))
            }
            (None, true) if !listen.ip().is_loopback() => Err(Error::usage(format!(
                "--insecure-dev-auth on {listen}: anonymous connections are only allowed on a loopback address; \
                 set --jwt-secret (CHATCTL_JWT_SECRET)"
            ))),
            (None, true) => Ok(Auth::InsecureDev),
            (None, false) => {
                Err(Error::usage("set --jwt-secret (CHATCTL_JWT_SECRET), or --insecure-dev-auth for local trials"))
            }
        }
    }
}

/// Where the node's events wait for Kafka.
#[derive(Debug, Clone)]
pub struct EventPath {
    /// Events that may wait in memory.
    pub queue: usize,
    /// The spool: `None` off (in memory only); `Some(None)` the default directory
    /// (`chatctl-data/spool/<node>`).
    pub spool_dir: Option<Option<PathBuf>>,
    /// Where events Kafka refuses for good are kept (default `chatctl-data/quarantine/<node>.jsonl`).
    pub quarantine_file: Option<PathBuf>,
    /// The producer's config (default: the process's shared engine producer).
    pub producer_config: Option<ClientConfig>,
    /// One CHUNK_RECEIVED for the chunks an answer delivers within this long (zero: one per chunk).
    pub chunk_events_every: Duration,
}

impl Default for EventPath {
    fn default() -> Self {
        EventPath {
            queue: 100_000,
            spool_dir: Some(None),
            quarantine_file: None,
            producer_config: None,
            chunk_events_every: crate::gateway::CHUNK_EVENTS_EVERY,
        }
    }
}

/// The real-time path: Redis (resume anywhere, takeover, coordination), or in-process.
#[derive(Debug, Clone)]
pub struct Realtime {
    pub redis: Option<RedisTarget>,
    pub buffer_ttl: Duration,
    pub lease_ttl: Duration,
}

impl Default for Realtime {
    fn default() -> Self {
        Realtime { redis: None, buffer_ttl: Duration::from_secs(600), lease_ttl: Duration::from_secs(2) }
    }
}

/// The workers of the process and what they need.
pub struct WorkersConfig {
    pub kinds: Vec<WorkerKind>,
    /// The audit store (`sqlite://…`, `postgres://…`), for the workers that write one.
    pub store_url: String,
    pub search_index: PathBuf,
    pub alerts: AlertSettings,
    /// Where the notify worker sends alerts.
    pub channels: Vec<Channel>,
    /// Static group membership: `group.instance.id` is this plus the worker's name.
    pub instance_id: Option<String>,
}

/// The channels hold credentials: counted, never shown.
impl std::fmt::Debug for WorkersConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkersConfig")
            .field("kinds", &self.kinds)
            .field("store_url", &crate::security::redact_url(&self.store_url))
            .field("search_index", &self.search_index)
            .field("channels", &self.channels.len())
            .field("instance_id", &self.instance_id)
            .finish_non_exhaustive()
    }
}

impl Default for WorkersConfig {
    fn default() -> Self {
        WorkersConfig {
            kinds: Vec::new(),
            store_url: "sqlite://chatctl-data/audit.db".into(),
            search_index: PathBuf::from(crate::workers::search::DEFAULT_INDEX),
            alerts: AlertSettings::default(),
            channels: Vec::new(),
            instance_id: None,
        }
    }
}

/// Where `/metrics` and `/readyz` are served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricsListen {
    /// Not served.
    Off,
    /// 127.0.0.1:9464 (Prometheus exporters' range), or nowhere with a warning when
    /// another process holds it.
    Default,
    /// This address; failing to bind it is an error.
    At(SocketAddr),
}

/// The default metrics address.
pub const METRICS_LISTEN: &str = "127.0.0.1:9464";

/// One node: everything [`super::Node::start`] needs.
#[derive(Debug)]
pub struct NodeConfig {
    pub role: NodeRole,
    pub node_id: String,
    /// Add the listener's port to the id (no id was given: several nodes on one host get
    /// distinct ids).
    pub node_id_add_port: bool,
    pub listen: SocketAddr,
    /// A listener bound elsewhere (tests that set socket options), used instead of `listen`.
    pub listener: Option<tokio::net::TcpListener>,
    pub metrics_listen: MetricsListen,
    pub auth: AuthConfig,
    pub model: ModelConfig,
    pub limits: Limits,
    pub events: EventPath,
    pub realtime: Realtime,
    pub workers: WorkersConfig,
    pub drain: Drain,
    /// The topics made sure of at start (a broker down at start is a warning: events queue).
    pub topics: Option<TopicSettings>,
}

impl NodeConfig {
    /// A gateway on `listen` with `model` and `auth`, everything else as `serve`'s defaults.
    pub fn gateway(node_id: impl Into<String>, listen: SocketAddr, model: ModelConfig, auth: AuthConfig) -> NodeConfig {
        NodeConfig {
            role: NodeRole::Gateway,
            node_id: node_id.into(),
            node_id_add_port: false,
            listen,
            listener: None,
            metrics_listen: MetricsListen::Off,
            auth,
            model,
            limits: Limits::default(),
            events: EventPath::default(),
            realtime: Realtime::default(),
            workers: WorkersConfig::default(),
            drain: Drain { timeout: Duration::from_secs(30), grace: Duration::from_secs(1) },
            topics: None,
        }
    }

    /// What cannot run, said before anything starts.
    pub fn validate(&self) -> Result<()> {
        if self.role.workers() && self.workers.kinds.contains(&WorkerKind::Notify) && self.workers.channels.is_empty() {
            return Err(Error::usage(
                "--workers notify needs a channel: --notify-url (CHATCTL_NOTIFY_URL) or --smtp-url with --alert-to",
            ));
        }
        if self.role.gateway() {
            let listen = match &self.listener {
                Some(l) => l.local_addr()?,
                None => self.listen,
            };
            self.auth.build(listen)?;
            if self.events.queue == 0 {
                return Err(Error::usage("--event-queue must be at least 1"));
            }
        }
        if self.realtime.lease_ttl.is_zero() {
            return Err(Error::usage("--lease-ttl must be more than 0"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> NodeConfig {
        NodeConfig::gateway(
            "n1",
            "127.0.0.1:0".parse().unwrap(),
            ModelConfig::Builtin(BuiltinModel::default()),
            AuthConfig { insecure_dev: true, ..AuthConfig::default() },
        )
    }

    #[test]
    fn anonymous_access_only_on_loopback_and_a_secret_of_32_bytes() {
        assert!(config().validate().is_ok());
        let mut c = config();
        c.listen = "0.0.0.0:8080".parse().unwrap();
        let e = c.validate().unwrap_err().to_string();
        assert!(e.contains("only allowed on a loopback address"), "{e}");
        c.auth = AuthConfig { jwt_secret: Some("short".into()), ..AuthConfig::default() };
        assert!(c.validate().is_err());
        c.auth.jwt_secret = Some("a-secret-of-at-least-thirty-two-bytes".into());
        assert!(c.validate().is_ok());
        c.auth = AuthConfig::default();
        assert!(c.validate().unwrap_err().to_string().contains("set --jwt-secret"));
    }

    #[test]
    fn notify_without_a_channel_is_refused_and_the_api_key_is_never_shown() {
        let mut c = config();
        c.role = NodeRole::All;
        c.workers.kinds = vec![WorkerKind::Audit, WorkerKind::Notify];
        assert!(c.validate().unwrap_err().to_string().contains("--workers notify needs a channel"));
        c.role = NodeRole::Gateway;
        assert!(c.validate().is_ok(), "a gateway runs no worker");
        c.model = ModelConfig::OpenAi {
            url: "http://u:pw@upstream:8000".into(),
            model: "m".into(),
            api_key: Some("sk-SEKRIT".into()),
            timeouts: Timeouts {
                connect: Duration::from_secs(1),
                first_token: Duration::from_secs(1),
                between_tokens: Duration::from_secs(1),
                answer: Duration::from_secs(1),
            },
            max_tokens: None,
        };
        let shown = format!("{c:?}");
        assert!(!shown.contains("SEKRIT") && !shown.contains(":pw@"), "{shown}");
    }
}
