//! The command-line definition: one source for parsing, help, the CLI reference and the
//! shell completions in `completions/`.

use std::path::PathBuf;

use chatctl::config::{env, parse_kv, Layer};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{
    announce, audit, chat, completions, dlq, groups, lag, replay, search, serve, session, stats, summaries, topics,
    training,
};

#[derive(Debug, Parser)]
#[command(
    name = "chatctl",
    version,
    about = "Multi-node LLM chat streaming on Kafka, and the operator tool that runs and debugs it",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the engine: WebSocket gateway streaming answers, events to Kafka
    Serve(Box<serve::Args>),
    /// Ask one question and stream the answer, resuming on the next --node if its node goes
    Chat(chat::Args),
    /// Tell connected users something, on every node (--all, --session S or --user U)
    Announce(announce::Args),
    /// Re-read events by time or offset range: print, copy to a topic, or feed a worker
    Replay(Box<replay::Args>),
    /// One session's timeline (reads only the session's partitions)
    Session(session::Args),
    /// Audit trail queries: a user's sessions, latency per node, recent errors
    Audit(audit::Args),
    /// Per-node, per-minute stream figures (analytics worker)
    Stats(stats::Args),
    /// Full-text search over chat messages (the search worker's index)
    Search(search::Args),
    /// Conversation summaries kept by the summary worker
    Summaries(summaries::Args),
    /// Training data kept by the training worker
    #[command(subcommand)]
    Training(training::Command),
    /// Consumer groups: list, describe, reset offsets (dry-run by default), delete
    #[command(subcommand)]
    Groups(groups::GroupsCommand),
    /// Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)
    Lag(lag::Args),
    /// Dead letters: list, follow live (TUI) and re-drive to their origin topic
    #[command(subcommand)]
    Dlq(dlq::DlqCommand),
    /// Create the Kafka topics chatctl uses (idempotent)
    #[command(subcommand)]
    Topics(topics::TopicsCommand),
    /// Contexts (named clusters) and the effective settings: get-contexts, use-context,
    /// current-context, view
    #[command(subcommand)]
    Config(crate::config::ConfigCommand),
    /// Print a shell completion script
    Completions(completions::Args),
}

/// The store the workers write to, for every command that reads or feeds it.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Store: sqlite://PATH or postgres://...
    #[arg(long, env = "CHATCTL_AUDIT_URL", hide_env_values = true, default_value = crate::audit::DEFAULT_STORE, global = true, value_name = "URL")]
    pub audit_url: String,
}

/// Consumer groups by name, for the commands that watch or change them.
#[derive(Debug, Clone, Args)]
pub struct GroupArgs {
    /// Only this group (repeatable); default: every group the broker lists
    #[arg(long = "group", short = 'g', value_name = "GROUP")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human tables (the default on a terminal)
    Table,
    /// JSON Lines (the default when stdout is not a terminal)
    Json,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Kafka bootstrap servers, host:port[,host:port...]
    #[arg(short = 'b', long, env = env::BROKERS, global = true, value_name = "HOST:PORT")]
    pub brokers: Option<String>,

    /// Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL
    #[arg(short = 'X', value_name = "KEY=VALUE", value_parser = parse_kv, global = true)]
    pub kafka_props: Vec<(String, String)>,

    /// Redis URL for the real-time path: redis://HOST:PORT, rediss:// for TLS, an ACL user as
    /// rediss://USER@HOST:PORT (the password: --redis-password-file or CHATCTL_REDIS_PASSWORD)
    #[arg(long, env = env::REDIS, hide_env_values = true, global = true, value_name = "URL")]
    pub redis: Option<String>,

    /// CA certificate that signs the rediss:// server's certificate (PEM)
    #[arg(long, env = "CHATCTL_REDIS_CA", global = true, value_name = "FILE")]
    pub redis_ca: Option<PathBuf>,

    /// Read the Redis password from this file (first line)
    #[arg(long, global = true, value_name = "FILE")]
    pub redis_password_file: Option<PathBuf>,

    /// Output format
    #[arg(long, short = 'o', value_enum, env = env::OUTPUT, global = true)]
    pub output: Option<OutputFormat>,

    /// Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]);
    /// default: the current context (`chatctl config use-context`)
    #[arg(long, alias = "profile", env = "CHATCTL_CONTEXT", global = true, value_name = "NAME")]
    pub context: Option<String>,

    /// Config file layered over the user config (default: ./chatctl.toml when present)
    #[arg(long, env = env::CONFIG, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// This node's id in events and logs (default: the host name)
    #[arg(long, env = env::NODE_ID, global = true)]
    pub node_id: Option<String>,

    /// Bound on each broker request, e.g. 10s
    #[arg(long, env = env::TIMEOUT, global = true, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// More logs (-v info and librdkafka's own, -vv debug, -vvv trace); RUST_LOG overrides
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    #[command(flatten)]
    pub security: SecurityArgs,
}

/// TLS and SASL to Kafka. Secrets come from a file or the environment, never from the
/// command line.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Kafka security")]
pub struct SecurityArgs {
    /// PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism,
    /// SSL with a CA or client certificate)
    #[arg(long, env = "CHATCTL_SECURITY_PROTOCOL", global = true, value_name = "PROTOCOL")]
    pub security_protocol: Option<String>,
    /// CA certificate(s) that sign the brokers' certificates (PEM)
    #[arg(long, env = "CHATCTL_SSL_CA", global = true, value_name = "FILE")]
    pub ssl_ca: Option<PathBuf>,
    /// Client certificate for mutual TLS (PEM)
    #[arg(long, env = "CHATCTL_SSL_CERT", global = true, value_name = "FILE", requires = "ssl_key")]
    pub ssl_cert: Option<PathBuf>,
    /// Client key for mutual TLS (PEM)
    #[arg(long, env = "CHATCTL_SSL_KEY", global = true, value_name = "FILE", requires = "ssl_cert")]
    pub ssl_key: Option<PathBuf>,
    /// SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER
    #[arg(long, env = "CHATCTL_SASL_MECHANISM", global = true, value_name = "MECHANISM")]
    pub sasl_mechanism: Option<String>,
    /// SASL user name (the password: --sasl-password-file, --sasl-password-env or
    /// CHATCTL_SASL_PASSWORD)
    #[arg(long, env = "CHATCTL_SASL_USERNAME", global = true, value_name = "USER")]
    pub sasl_username: Option<String>,
    /// Read the SASL password from this file (first line)
    #[arg(long, global = true, value_name = "FILE")]
    pub sasl_password_file: Option<PathBuf>,
    /// Read the SASL password from this environment variable
    #[arg(long, global = true, value_name = "VAR")]
    pub sasl_password_env: Option<String>,
    /// OAUTHBEARER: the OIDC token endpoint (client credentials grant)
    #[arg(long, env = "CHATCTL_OAUTH_TOKEN_URL", global = true, value_name = "URL")]
    pub oauth_token_url: Option<String>,
    /// OAUTHBEARER: the client id (the secret: --oauth-client-secret-file,
    /// --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)
    #[arg(long, env = "CHATCTL_OAUTH_CLIENT_ID", global = true, value_name = "ID")]
    pub oauth_client_id: Option<String>,
    /// OAUTHBEARER: read the client secret from this file
    #[arg(long, global = true, value_name = "FILE")]
    pub oauth_client_secret_file: Option<PathBuf>,
    /// OAUTHBEARER: read the client secret from this environment variable
    #[arg(long, global = true, value_name = "VAR")]
    pub oauth_client_secret_env: Option<String>,
    /// OAUTHBEARER: the scope to ask for
    #[arg(long, env = "CHATCTL_OAUTH_SCOPE", global = true, value_name = "SCOPE")]
    pub oauth_scope: Option<String>,
}

impl SecurityArgs {
    fn layer(&self) -> chatctl::security::SecurityLayer {
        chatctl::security::SecurityLayer {
            protocol: self.security_protocol.clone(),
            ca_file: self.ssl_ca.clone(),
            cert_file: self.ssl_cert.clone(),
            key_file: self.ssl_key.clone(),
            sasl_mechanism: self.sasl_mechanism.clone(),
            sasl_username: self.sasl_username.clone(),
            sasl_password_file: self.sasl_password_file.clone(),
            sasl_password_env: self.sasl_password_env.clone(),
            oauth_token_url: self.oauth_token_url.clone(),
            oauth_client_id: self.oauth_client_id.clone(),
            oauth_client_secret_file: self.oauth_client_secret_file.clone(),
            oauth_client_secret_env: self.oauth_client_secret_env.clone(),
            oauth_scope: self.oauth_scope.clone(),
        }
    }
}

impl GlobalArgs {
    /// The command line and environment as one settings layer.
    pub fn layer(&self) -> Layer {
        Layer {
            brokers: self.brokers.clone(),
            redis: self.redis.clone(),
            redis_ca: self.redis_ca.clone(),
            redis_password_file: self.redis_password_file.clone(),
            output: self.output.map(|o| match o {
                OutputFormat::Table => "table".to_string(),
                OutputFormat::Json => "json".to_string(),
            }),
            node_id: self.node_id.clone(),
            timeout: self.timeout.clone(),
            kafka: self.kafka_props.iter().cloned().collect(),
            topics: Default::default(),
            security: self.security.layer(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn x_flag_requires_key_value() {
        let err = Cli::try_parse_from(["chatctl", "-X", "oops", "topics", "ensure"]).unwrap_err();
        assert!(err.to_string().contains("KEY=VALUE"), "{err}");
    }
}
