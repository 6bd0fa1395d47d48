//! The command-line definition: one source for parsing, help, the CLI reference and the
//! shell completions in `completions/`.

use std::path::PathBuf;

use chatctl::config::{env, parse_kv, Layer};
use clap::{Args, Parser, Subcommand};

pub use crate::args::OutputFormat;
use crate::args::{NodeArgs, RedisArgs};
use crate::{
    announce, audit, chat, completions, consume, dlq, groups, lag, produce, quarantine, replay, search, serve, session,
    stalls, stats, summaries, topics, training, ui,
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
    /// Every answer whose user waited longer than a gap, with its cause, from Kafka alone
    Stalls(stalls::Args),
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
    /// Events Kafka refused for good: list them, replay them once the cause is fixed
    #[command(subcommand)]
    Quarantine(quarantine::Command),
    /// Topics: create chatctl's own (ensure), list, describe, create, delete, alter-config
    #[command(subcommand)]
    Topics(topics::TopicsCommand),
    /// Read any topic: from an offset, N before the end, a time or a time window; -n, --follow,
    /// kcat-style --format templates
    Consume(consume::Args),
    /// Write one record per stdin line to any topic: keys, headers, a partition
    Produce(produce::Args),
    /// Contexts (named clusters) and the effective settings: get-contexts, use-context,
    /// current-context, view
    #[command(subcommand)]
    Config(crate::config::ConfigCommand),
    /// The operator console: :nodes, :streams, :groups, :dlq (k9s's keys; ? lists them)
    Ui(Box<ui::Args>),
    /// The Kafka security flags (TLS, SASL, OAUTHBEARER) every command takes
    Security,
    /// Print a shell completion script
    Completions(completions::Args),
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Kafka bootstrap servers, host:port[,host:port...]
    #[arg(short = 'b', long, env = env::BROKERS, global = true, value_name = "HOST:PORT")]
    pub brokers: Option<String>,

    /// Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL
    #[arg(short = 'X', value_name = "KEY=VALUE", value_parser = parse_kv, global = true)]
    pub kafka_props: Vec<(String, String)>,

    /// Output format
    #[arg(long, short = 'o', value_enum, env = env::OUTPUT, global = true)]
    pub output: Option<OutputFormat>,

    /// Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]);
    /// default: the current context (`chatctl config use-context`)
    #[arg(long, alias = "profile", env = "CHATCTL_CONTEXT", global = true, value_name = "NAME", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::contexts))]
    pub context: Option<String>,

    /// Config file layered over the user config (default: ./chatctl.toml when present)
    #[arg(long, env = env::CONFIG, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

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
/// command line. Left out of every command's help (they would repeat in each): `chatctl
/// security` lists them once; completions still offer them.
#[derive(Debug, Clone, Args)]
pub struct SecurityArgs {
    /// PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism,
    /// SSL with a CA or client certificate)
    #[arg(
        long,
        env = "CHATCTL_SECURITY_PROTOCOL",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "PROTOCOL"
    )]
    pub security_protocol: Option<String>,
    /// CA certificate(s) that sign the brokers' certificates (PEM)
    #[arg(
        long,
        env = "CHATCTL_SSL_CA",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "FILE"
    )]
    pub ssl_ca: Option<PathBuf>,
    /// Client certificate for mutual TLS (PEM)
    #[arg(
        long,
        env = "CHATCTL_SSL_CERT",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "FILE",
        requires = "ssl_key"
    )]
    pub ssl_cert: Option<PathBuf>,
    /// Client key for mutual TLS (PEM)
    #[arg(
        long,
        env = "CHATCTL_SSL_KEY",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "FILE",
        requires = "ssl_cert"
    )]
    pub ssl_key: Option<PathBuf>,
    /// SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER
    #[arg(
        long,
        env = "CHATCTL_SASL_MECHANISM",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "MECHANISM"
    )]
    pub sasl_mechanism: Option<String>,
    /// SASL user name (the password: --sasl-password-file, --sasl-password-env or
    /// CHATCTL_SASL_PASSWORD)
    #[arg(
        long,
        env = "CHATCTL_SASL_USERNAME",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "USER"
    )]
    pub sasl_username: Option<String>,
    /// Read the SASL password from this file (first line)
    #[arg(long, global = true, hide_short_help = true, hide_long_help = true, value_name = "FILE")]
    pub sasl_password_file: Option<PathBuf>,
    /// Read the SASL password from this environment variable
    #[arg(long, global = true, hide_short_help = true, hide_long_help = true, value_name = "VAR")]
    pub sasl_password_env: Option<String>,
    /// OAUTHBEARER: the OIDC token endpoint (client credentials grant)
    #[arg(
        long,
        env = "CHATCTL_OAUTH_TOKEN_URL",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "URL"
    )]
    pub oauth_token_url: Option<String>,
    /// OAUTHBEARER: the client id (the secret: --oauth-client-secret-file,
    /// --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)
    #[arg(
        long,
        env = "CHATCTL_OAUTH_CLIENT_ID",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "ID"
    )]
    pub oauth_client_id: Option<String>,
    /// OAUTHBEARER: read the client secret from this file
    #[arg(long, global = true, hide_short_help = true, hide_long_help = true, value_name = "FILE")]
    pub oauth_client_secret_file: Option<PathBuf>,
    /// OAUTHBEARER: read the client secret from this environment variable
    #[arg(long, global = true, hide_short_help = true, hide_long_help = true, value_name = "VAR")]
    pub oauth_client_secret_env: Option<String>,
    /// OAUTHBEARER: the scope to ask for
    #[arg(
        long,
        env = "CHATCTL_OAUTH_SCOPE",
        global = true,
        hide_short_help = true,
        hide_long_help = true,
        value_name = "SCOPE"
    )]
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

impl Cli {
    /// The command line and environment as one settings layer: the global flags, and the
    /// engine's flags from the command that has them (the environment's for the others).
    pub fn layer(&self) -> Layer {
        let mut layer = self.global.layer();
        let (redis, node) = match &self.command {
            Command::Serve(a) => (a.redis.clone(), a.node.clone()),
            Command::Replay(a) => (RedisArgs::from_env(), a.node.clone()),
            Command::Ui(a) => (a.redis.clone(), NodeArgs::from_env()),
            _ => (RedisArgs::from_env(), NodeArgs::from_env()),
        };
        redis.apply(&mut layer);
        layer.node_id = node.node_id;
        layer
    }
}

impl GlobalArgs {
    /// The global flags and their environment as one settings layer.
    pub fn layer(&self) -> Layer {
        Layer {
            brokers: self.brokers.clone(),
            redis: None,
            redis_ca: None,
            redis_password_file: None,
            llm_api_key_file: None,
            output: self.output.map(|o| o.name().to_string()),
            node_id: None,
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

    /// `{:?}` of the whole command line (a panic message, a debug log) shows no secret.
    #[test]
    fn debug_output_holds_no_secret() {
        let cli = Cli::try_parse_from([
            "chatctl",
            "serve",
            "--jwt-secret",
            "SEKRIT-jwt-of-at-least-thirty-two-bytes",
            "--redis",
            "redis://u:SEKRIT-redis@h:6379",
            "--llm-url",
            "https://u:SEKRIT-llm@h/v1?token=SEKRIT-q",
        ])
        .unwrap();
        let shown = format!("{cli:?}");
        assert!(!shown.contains("SEKRIT"), "{shown}");
        assert!(shown.contains("<redacted>") && shown.contains("redis://u:***@h:6379"), "{shown}");
    }

    #[test]
    fn x_flag_requires_key_value() {
        let err = Cli::try_parse_from(["chatctl", "-X", "oops", "topics", "ensure"]).unwrap_err();
        assert!(err.to_string().contains("KEY=VALUE"), "{err}");
    }
}
