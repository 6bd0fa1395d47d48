//! Argument groups and formats several commands share (the store, groups, DLQ topics,
//! the output format). Commands take them from here; `cli` assembles the commands.

use std::path::PathBuf;

use chatctl::config::{env, Layer};
use clap::{Args, ValueEnum};

/// The store the workers write to when none is given.
pub const DEFAULT_STORE: &str = "sqlite://chatctl-data/audit.db";

/// The store the workers write to, for every command that reads or feeds it.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Store: sqlite://PATH or postgres://...
    #[arg(long, env = "CHATCTL_AUDIT_URL", hide_env_values = true, default_value = DEFAULT_STORE, global = true, value_name = "URL")]
    pub audit_url: String,
}

/// The real-time path, for the commands that run a node (`serve`). Other commands do not
/// show these flags; `CHATCTL_REDIS*` is still read for them (so `config view` tells the truth).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Redis")]
pub struct RedisArgs {
    /// Redis URL for the real-time path: redis://HOST:PORT, rediss:// for TLS, an ACL user as
    /// rediss://USER@HOST:PORT (the password: --redis-password-file or CHATCTL_REDIS_PASSWORD);
    /// behind Sentinel, redis+sentinel://H1:P1,H2:P2,.../MASTER (rediss+sentinel:// for TLS):
    /// the primary is found through the sentinels and followed across failovers; a Redis
    /// Cluster, redis+cluster://H1:P1,H2:P2,... (rediss+cluster:// for TLS; name several nodes)
    #[arg(long, env = env::REDIS, hide_env_values = true, value_name = "URL")]
    pub redis: Option<String>,

    /// CA certificate that signs the rediss:// server's certificate (PEM)
    #[arg(long, env = env::REDIS_CA, value_name = "FILE")]
    pub redis_ca: Option<PathBuf>,

    /// Read the Redis password from this file (first line)
    #[arg(long, value_name = "FILE")]
    pub redis_password_file: Option<PathBuf>,
}

impl RedisArgs {
    /// The environment's values, for commands without the flags.
    pub fn from_env() -> RedisArgs {
        RedisArgs {
            redis: std::env::var(env::REDIS).ok(),
            redis_ca: std::env::var_os(env::REDIS_CA).map(PathBuf::from),
            redis_password_file: None,
        }
    }

    pub fn apply(&self, layer: &mut Layer) {
        layer.redis = self.redis.clone();
        layer.redis_ca = self.redis_ca.clone();
        layer.redis_password_file = self.redis_password_file.clone();
    }
}

/// The id a node (or a replay feeding a worker) writes into events and logs.
#[derive(Debug, Clone, Default, Args)]
pub struct NodeArgs {
    /// This node's id in events and logs (default: the host name)
    #[arg(long, env = env::NODE_ID)]
    pub node_id: Option<String>,
}

impl NodeArgs {
    pub fn from_env() -> NodeArgs {
        NodeArgs { node_id: std::env::var(env::NODE_ID).ok() }
    }
}

/// Consumer groups by name, for the commands that watch or change them.
#[derive(Debug, Clone, Args)]
pub struct GroupArgs {
    /// Only this group (repeatable); default: every group the broker lists
    #[arg(long = "group", short = 'g', value_name = "GROUP", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::groups))]
    pub groups: Vec<String>,
}

/// The dead-letter topics a `dlq` command works on.
#[derive(Debug, Clone, Args)]
pub struct DlqTopicArgs {
    /// Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`;
    /// default: every `*.dlq` topic
    #[arg(long = "topic", short = 't', value_name = "TOPIC")]
    pub topics: Vec<String>,
}

impl DlqTopicArgs {
    /// The DLQ topics named (`x` or `x.dlq`), or every one, with the metadata they came from.
    pub async fn resolve(
        &self,
        kafka: &chatctl::kafka::KafkaSettings,
    ) -> anyhow::Result<(rdkafka::metadata::Metadata, Vec<String>)> {
        let md = kafka.metadata(None).await?;
        let names = chatctl::ops::dlq::select_topics(&md, &self.topics)?;
        Ok((md, names))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human tables (the default on a terminal)
    Table,
    /// Tables at full width, never wrapped
    Wide,
    /// JSON Lines (the default when stdout is not a terminal)
    Json,
    /// YAML: a list of rows, or one document per described item
    Yaml,
    /// Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column
    Plain,
}

impl OutputFormat {
    /// The name `-o` and the config file's `output` take.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Wide => "wide",
            OutputFormat::Json => "json",
            OutputFormat::Yaml => "yaml",
            OutputFormat::Plain => "plain",
        }
    }

    pub fn from_name(name: &str) -> Option<OutputFormat> {
        <OutputFormat as ValueEnum>::from_str(name, false).ok()
    }

    /// A format for people (tables and plain columns), not a data format.
    pub fn is_human(self) -> bool {
        !matches!(self, OutputFormat::Json | OutputFormat::Yaml)
    }
}

/// `serve --workers`: the library's worker kinds, named for the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WorkerArg {
    Audit,
    Analytics,
    /// Chat messages into a full-text index (per node: reads every partition)
    Search,
    /// Alerts on failed and slow answers, grouped (needs --notify-url or --smtp-url)
    Notify,
    /// Chat messages into the store for `chatctl training export`
    Training,
    /// A summary of each conversation after every turn (`chatctl summaries`)
    Summary,
}

impl From<WorkerArg> for chatctl::node::workers::WorkerKind {
    fn from(w: WorkerArg) -> Self {
        use chatctl::node::workers::WorkerKind as K;
        match w {
            WorkerArg::Audit => K::Audit,
            WorkerArg::Analytics => K::Analytics,
            WorkerArg::Search => K::Search,
            WorkerArg::Notify => K::Notify,
            WorkerArg::Training => K::Training,
            WorkerArg::Summary => K::Summary,
        }
    }
}

/// `serve --notify-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum WebhookFormatArg {
    /// The Alert as JSON
    #[default]
    Json,
    /// `{"text": "..."}`, for Slack incoming webhooks and compatible receivers
    Slack,
}

impl From<WebhookFormatArg> for chatctl::workers::notify::WebhookFormat {
    fn from(f: WebhookFormatArg) -> Self {
        match f {
            WebhookFormatArg::Json => Self::Json,
            WebhookFormatArg::Slack => Self::Slack,
        }
    }
}
