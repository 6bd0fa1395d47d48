//! Settings: command line and `CHATCTL_*` environment > `./chatctl.toml` (or `--config`) >
//! the user config (`~/.config/chatctl/config.toml`) > defaults; in each file, the context in
//! force (`--context`, `CHATCTL_PROFILE`, else `current-context`) over the file's top level.
//! The command line and the environment arrive together as one [`Layer`] (clap reads both);
//! this module merges it with the files ([`Sources`], through figment, which keeps where each
//! value came from for `config view --origin`) and resolves the secrets kept in files or the
//! environment, never on the command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Environment variable names, kept in one place.
pub mod env {
    pub const BROKERS: &str = "CHATCTL_BROKERS";
    pub const REDIS: &str = "CHATCTL_REDIS";
    pub const REDIS_CA: &str = "CHATCTL_REDIS_CA";
    pub const REDIS_PASSWORD: &str = "CHATCTL_REDIS_PASSWORD";
    /// The upstream model's API key (`serve --llm openai`); `OPENAI_API_KEY` also works.
    pub const LLM_API_KEY: &str = "CHATCTL_LLM_API_KEY";
    pub const OPENAI_API_KEY: &str = "OPENAI_API_KEY";
    pub const CONFIG: &str = "CHATCTL_CONFIG";
    pub const PROFILE: &str = "CHATCTL_PROFILE";
    pub const OUTPUT: &str = "CHATCTL_OUTPUT";
    pub const NODE_ID: &str = "CHATCTL_NODE_ID";
    pub const TIMEOUT: &str = "CHATCTL_TIMEOUT";
    /// Injected clock for `--since 2h` style arguments (RFC 3339), for exact tests.
    pub const NOW: &str = "CHATCTL_NOW";
}

pub const DEFAULT_CONFIG_FILE: &str = "chatctl.toml";
pub const DEFAULT_BROKERS: &str = "127.0.0.1:9092";

/// The value of every setting nobody set: one table for resolving and for `config view`.
const DEFAULTS: &[(&str, &str)] = &[
    ("brokers", DEFAULT_BROKERS),
    ("timeout", "10s"),
    ("topics.partitions", "12"),
    ("topics.replication-factor", "1"),
    ("topics.chat-retention", "90d"),
    ("topics.stream-retention", "7d"),
    ("topics.broadcast-retention", "1h"),
    ("topics.dlq-retention", "30d"),
];

fn default_of(key: &str) -> &'static str {
    DEFAULTS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v).expect("every default is in DEFAULTS")
}

/// One source of settings; every field optional so sources can be stacked (by figment:
/// a higher source wins key by key, tables merge).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Layer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brokers: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis: Option<String>,
    /// CA that signs a `rediss://` server's certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis_ca: Option<PathBuf>,
    /// The Redis password, from this file (first line); or `CHATCTL_REDIS_PASSWORD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis_password_file: Option<PathBuf>,
    /// The upstream model's API key, from this file (first line); or `CHATCTL_LLM_API_KEY`
    /// (`OPENAI_API_KEY`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub llm_api_key_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_id: Option<String>,
    /// Timeout of broker requests, e.g. "10s".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,
    /// librdkafka properties passed through verbatim (SASL, SSL, tuning).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kafka: BTreeMap<String, String>,
    #[serde(default)]
    pub topics: TopicsLayer,
    /// TLS and SASL (`[security]`).
    #[serde(default)]
    pub security: crate::security::SecurityLayer,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TopicsLayer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partitions: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_factor: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_retention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_retention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broadcast_retention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dlq_retention: Option<String>,
}

/// A config file: top-level settings, named contexts (`[contexts.NAME]`, or
/// `[profiles.NAME]` as before), and which context is current (`current-context`, kept in
/// the user config by `chatctl config use-context`).
#[derive(Debug, Default, Clone)]
pub struct ConfigFile {
    pub path: Option<PathBuf>,
    pub base: Layer,
    /// The named contexts (`[contexts.NAME]`; `[profiles.NAME]` is read as one too).
    pub contexts: BTreeMap<String, Layer>,
    pub current_context: Option<String>,
}

/// The user-level config: `$XDG_CONFIG_HOME/chatctl/config.toml`, else
/// `~/.config/chatctl/config.toml`.
pub fn user_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("chatctl").join("config.toml"))
}

impl ConfigFile {
    /// Load `explicit` (must exist), else `./chatctl.toml` if present, else nothing.
    pub fn discover(explicit: Option<&Path>) -> Result<ConfigFile> {
        match explicit {
            Some(p) => Self::load(p),
            None if Path::new(DEFAULT_CONFIG_FILE).is_file() => Self::load(Path::new(DEFAULT_CONFIG_FILE)),
            None => Ok(ConfigFile::default()),
        }
    }

    /// The user config, if there is one.
    pub fn user() -> Result<ConfigFile> {
        match user_config_path() {
            Some(p) if p.is_file() => Self::load(&p),
            _ => Ok(ConfigFile::default()),
        }
    }

    pub fn load(path: &Path) -> Result<ConfigFile> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::config(format!("cannot read config file {}: {e}", path.display())))?;
        let mut file = Self::parse(&text).map_err(|e| Error::config(format!("config file {}: {e}", path.display())))?;
        file.path = Some(path.to_path_buf());
        Ok(file)
    }

    pub fn parse(text: &str) -> std::result::Result<ConfigFile, String> {
        let mut table: toml::Table = toml::from_str(text).map_err(|e| {
            // Where: line and column (1-based) of the error's start.
            let at = e.span().map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!("line {line}, column {column}: ")
            });
            format!("{}{}", at.unwrap_or_default(), e.message().trim().replace('\n', "; "))
        })?;
        let current_context = match table.remove("current-context") {
            None => None,
            Some(toml::Value::String(s)) => Some(s),
            Some(_) => return Err("`current-context` must be a string".into()),
        };
        let mut contexts = BTreeMap::new();
        for section in ["profiles", "contexts"] {
            match table.remove(section) {
                None => {}
                Some(toml::Value::Table(t)) => {
                    for (name, v) in t {
                        let l = v.try_into::<Layer>().map_err(|e| format!("[{section}.{name}]: {}", e.message()))?;
                        contexts.insert(name, l);
                    }
                }
                Some(_) => return Err(format!("`{section}` must be a table of [{section}.NAME] sections")),
            }
        }
        let base = toml::Value::Table(table).try_into::<Layer>().map_err(|e| e.message().to_string())?;
        Ok(ConfigFile { path: None, base, contexts, current_context })
    }

    pub fn shown(&self) -> String {
        self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "no config file".into())
    }
}

/// Where settings come from, lowest first: the user config, its context, the local config
/// file, its context, then the command line and `CHATCTL_*` environment.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub user: ConfigFile,
    pub local: ConfigFile,
    pub cli: Layer,
    /// `--context` (or `--profile`); else the user config's `current-context`.
    pub context: Option<String>,
}

/// One named source of settings, for figment (which keeps where each value came from).
struct Named {
    name: String,
    path: Option<PathBuf>,
    layer: Layer,
}

impl figment::Provider for Named {
    fn metadata(&self) -> figment::Metadata {
        let m = figment::Metadata::named(self.name.clone());
        match &self.path {
            Some(p) => m.source(figment::Source::File(p.clone())),
            None => m,
        }
    }

    fn data(&self) -> std::result::Result<figment::value::Map<figment::Profile, figment::value::Dict>, figment::Error> {
        figment::providers::Serialized::defaults(&self.layer).data()
    }
}

impl Sources {
    /// The context in force: the one asked for, else the current one.
    pub fn context(&self) -> Option<&str> {
        self.context.as_deref().or(self.user.current_context.as_deref()).or(self.local.current_context.as_deref())
    }

    /// Every context either file defines, with the files that define it.
    pub fn contexts(&self) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in [&self.user, &self.local] {
            for name in f.contexts.keys() {
                out.entry(name.clone()).or_default().push(f.shown());
            }
        }
        out
    }

    /// The layers merged, each value tagged with its source. A context asked for with
    /// `--context` must exist (else NotFound, with the known ones); a *current* context
    /// that no file defines any more (a `config use-context` of another file's context)
    /// is left out with a warning: it never stops a command, and flags and the
    /// environment win over any context anyway.
    pub fn figment(&self, context: Option<&str>) -> Result<figment::Figment> {
        let context = match context {
            Some(c) if !self.user.contexts.contains_key(c) && !self.local.contexts.contains_key(c) => {
                let known: Vec<String> = self.contexts().into_keys().collect();
                let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
                if self.context.as_deref() == Some(c) {
                    return Err(Error::NotFound(format!(
                        "context `{c}` not found ({}, {}; known contexts: {known}; `chatctl config get-contexts` lists them)",
                        self.user.shown(),
                        self.local.shown(),
                    )));
                }
                static WARNED: std::sync::Once = std::sync::Once::new();
                WARNED.call_once(|| {
                    eprintln!(
                        "warning: the current context `{c}` is defined in no config file ({}, {}; known contexts: \
                         {known}): ignored. Fix: `chatctl config use-context NAME`, or `chatctl config get-contexts`",
                        self.user.shown(),
                        self.local.shown(),
                    )
                });
                None
            }
            c => c,
        };
        let mut f = figment::Figment::new();
        for (file, what) in [(&self.user, "user config"), (&self.local, "config file")] {
            f = f.merge(Named { name: what.to_string(), path: file.path.clone(), layer: file.base.clone() });
            if let Some(l) = context.and_then(|c| file.contexts.get(c)) {
                let name = format!("{what}, context {}", context.unwrap_or_default());
                f = f.merge(Named { name, path: file.path.clone(), layer: l.clone() });
            }
        }
        Ok(f.merge(Named { name: "command line or CHATCTL_* environment".into(), path: None, layer: self.cli.clone() }))
    }

    /// The merged layer for `context`.
    pub fn layer(&self, context: Option<&str>) -> Result<Layer> {
        self.figment(context)?.extract::<Layer>().map_err(|e| Error::config(e.to_string()))
    }

    /// Each effective setting (flattened `a.b = value`, secrets masked) and where it came
    /// from: a source's name and file, or `default`.
    pub fn view(&self) -> Result<Vec<(String, String, String)>> {
        let f = self.figment(self.context())?;
        let mut out = Vec::new();
        if let Ok(dict) = f.extract::<figment::value::Dict>() {
            let root = figment::value::Value::from(dict);
            flatten(&f, "", &root, &mut out);
        }
        for &(key, default) in DEFAULTS {
            if !out.iter().any(|(k, _, _)| k == key) {
                out.push((key.to_string(), default.to_string(), "default".to_string()));
            }
        }
        out.sort();
        Ok(out)
    }
}

fn flatten(f: &figment::Figment, prefix: &str, v: &figment::value::Value, out: &mut Vec<(String, String, String)>) {
    use figment::value::Value;
    match v {
        Value::Dict(_, d) => {
            for (k, v) in d {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(f, &key, v, out);
            }
        }
        leaf => {
            let text = match leaf {
                Value::String(_, s) => s.clone(),
                Value::Num(_, n) => n.to_i128().map(|n| n.to_string()).unwrap_or_else(|| format!("{n:?}")),
                Value::Bool(_, b) => b.to_string(),
                other => format!("{other:?}"),
            };
            let shown = crate::security::shown(prefix, &text).to_string();
            let origin = f
                .get_metadata(leaf.tag())
                .map(|m| match &m.source {
                    Some(figment::Source::File(p)) => format!("{} ({})", m.name, p.display()),
                    _ => m.name.to_string(),
                })
                .unwrap_or_else(|| "?".into());
            out.push((prefix.to_string(), shown, origin));
        }
    }
}

/// Topic layout `chatctl topics ensure` creates.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicSettings {
    pub partitions: i32,
    pub replication_factor: i32,
    pub chat_retention: Duration,
    pub stream_retention: Duration,
    pub broadcast_retention: Duration,
    pub dlq_retention: Duration,
}

/// Resolved settings every command works from. Its `{:?}` shows no secret (see the
/// `Debug` impl).
#[derive(Clone)]
pub struct Settings {
    pub brokers: String,
    pub redis: Option<String>,
    pub redis_ca: Option<PathBuf>,
    /// From `redis-password-file` or `CHATCTL_REDIS_PASSWORD` (never the command line).
    pub redis_password: Option<String>,
    /// From `llm-api-key-file`, `CHATCTL_LLM_API_KEY` or `OPENAI_API_KEY` (never the
    /// command line).
    pub llm_api_key: Option<String>,
    pub output: Option<String>,
    pub node_id: String,
    /// The node id is the host name (none was given): `serve` adds its port, so several
    /// nodes on one machine get distinct ids.
    pub node_id_is_default: bool,
    pub timeout: Duration,
    pub kafka: Vec<(String, String)>,
    pub topics: TopicSettings,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kafka: Vec<(&str, String)> =
            self.kafka.iter().map(|(k, v)| (k.as_str(), crate::security::shown(k, v).into_owned())).collect();
        f.debug_struct("Settings")
            .field("brokers", &self.brokers)
            .field("redis", &self.redis.as_deref().map(crate::security::redact_url))
            .field("redis_ca", &self.redis_ca)
            .field("redis_password", &self.redis_password.as_ref().map(|_| "<redacted>"))
            .field("llm_api_key", &self.llm_api_key.as_ref().map(|_| "<redacted>"))
            .field("output", &self.output)
            .field("node_id", &self.node_id)
            .field("node_id_is_default", &self.node_id_is_default)
            .field("timeout", &self.timeout)
            .field("kafka", &kafka)
            .field("topics", &self.topics)
            .finish()
    }
}

impl Settings {
    /// Resolve `cli` (command line and environment) over the config file's `profile`.
    pub fn resolve(cli: Layer, file: ConfigFile, profile: Option<&str>) -> Result<Settings> {
        let sources = Sources { local: file, cli, context: profile.map(str::to_string), ..Default::default() };
        Settings::from_sources(&sources)
    }

    /// The first line of the file at `p` (a secret kept in a file).
    fn first_line(p: &std::path::Path, what: &str) -> Result<String> {
        let text = std::fs::read_to_string(p).map_err(|e| Error::config(format!("{what} {}: {e}", p.display())))?;
        Ok(text.lines().next().unwrap_or("").to_string())
    }

    /// Resolve every source in order (see [`Sources`]).
    pub fn from_sources(sources: &Sources) -> Result<Settings> {
        let l = sources.layer(sources.context())?;
        let t = l.topics;
        let dur = |what: &str, v: Option<String>, default: &str| -> Result<Duration> {
            let raw = v.unwrap_or_else(|| default.to_string());
            humantime::parse_duration(&raw)
                .map_err(|e| Error::config(format!("{what} = {raw:?}: {e} (use e.g. 90s, 10m, 7d)")))
        };
        let topics = TopicSettings {
            partitions: positive(
                "topics.partitions",
                t.partitions.unwrap_or_else(|| default_of("topics.partitions").parse().unwrap()),
            )?,
            replication_factor: positive(
                "topics.replication-factor",
                t.replication_factor.unwrap_or_else(|| default_of("topics.replication-factor").parse().unwrap()),
            )?,
            chat_retention: dur("topics.chat-retention", t.chat_retention, default_of("topics.chat-retention"))?,
            stream_retention: dur(
                "topics.stream-retention",
                t.stream_retention,
                default_of("topics.stream-retention"),
            )?,
            broadcast_retention: dur(
                "topics.broadcast-retention",
                t.broadcast_retention,
                default_of("topics.broadcast-retention"),
            )?,
            dlq_retention: dur("topics.dlq-retention", t.dlq_retention, default_of("topics.dlq-retention"))?,
        };
        if let Some(o) = &l.output {
            if !OUTPUT_FORMATS.contains(&o.as_str()) {
                return Err(Error::config(format!("output = {o:?}: expected one of {}", OUTPUT_FORMATS.join(", "))));
            }
        }
        Ok(Settings {
            brokers: l.brokers.unwrap_or_else(|| DEFAULT_BROKERS.to_string()),
            // `CHATCTL_REDIS=` (set, empty) means no Redis, not a URL that does not parse.
            redis: l.redis.filter(|r| !r.trim().is_empty()),
            redis_ca: l.redis_ca,
            redis_password: match &l.redis_password_file {
                Some(p) => Some(Self::first_line(p, "Redis password file")?),
                None => std::env::var(env::REDIS_PASSWORD).ok(),
            },
            llm_api_key: match &l.llm_api_key_file {
                Some(p) => Some(Self::first_line(p, "LLM API key file")?),
                None => std::env::var(env::LLM_API_KEY).or_else(|_| std::env::var(env::OPENAI_API_KEY)).ok(),
            },
            output: l.output,
            node_id_is_default: l.node_id.is_none(),
            node_id: l.node_id.unwrap_or_else(default_node_id),
            timeout: dur("timeout", l.timeout, default_of("timeout"))?,
            // TLS and SASL first: a -X property overrides what they set.
            kafka: l.security.properties(|k| std::env::var(k).ok())?.into_iter().chain(l.kafka).collect(),
            topics,
        })
    }
}

fn positive(what: &str, v: i32) -> Result<i32> {
    if v < 1 {
        return Err(Error::config(format!("{what} = {v}: must be at least 1")));
    }
    Ok(v)
}

fn default_node_id() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "node".into())
}

/// Parse `key=value` (the `-X` flag).
/// What `output` (`-o`) may be.
pub const OUTPUT_FORMATS: &[&str] = &["table", "wide", "json", "yaml", "plain"];

pub fn parse_kv(raw: &str) -> std::result::Result<(String, String), String> {
    match raw.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE (a librdkafka property), got {raw:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_debug_shows_no_secret() {
        let cli = Layer {
            redis: Some("redis://u:SEKRIT-1@h:6379".into()),
            kafka: [("sasl.password".to_string(), "SEKRIT-2".to_string())].into_iter().collect(),
            ..Default::default()
        };
        let mut s = Settings::resolve(cli, ConfigFile::default(), None).unwrap();
        s.redis_password = Some("SEKRIT-3".into());
        let shown = format!("{s:?}");
        assert!(!shown.contains("SEKRIT"), "{shown}");
        assert!(shown.contains("sasl.password") && shown.contains("redis://u:***@h:6379"), "{shown}");
    }

    const FILE: &str = r#"
brokers = "file:9092"
redis = "redis://file"
[kafka]
"socket.timeout.ms" = "5000"
"client.rack" = "a"
[topics]
partitions = 6
[profiles.prod]
brokers = "prod:9092"
[profiles.prod.kafka]
"security.protocol" = "SASL_SSL"
"client.rack" = "b"
"#;

    #[test]
    fn an_empty_redis_url_is_no_redis() {
        let cli = Layer { redis: Some(String::new()), ..Default::default() };
        let s = Settings::resolve(cli, ConfigFile::default(), None).unwrap();
        assert_eq!(s.redis, None);
    }

    #[test]
    fn precedence_cli_over_profile_over_file_over_defaults() {
        let file = ConfigFile::parse(FILE).unwrap();
        let cli = Layer { redis: Some("redis://cli".into()), ..Default::default() };
        let s = Settings::resolve(cli, file, Some("prod")).unwrap();
        assert_eq!(s.brokers, "prod:9092");
        assert_eq!(s.redis.as_deref(), Some("redis://cli"));
        assert_eq!(s.topics.partitions, 6);
        assert_eq!(s.topics.replication_factor, 1);
        assert_eq!(s.topics.stream_retention, Duration::from_secs(7 * 86400));
        let props: BTreeMap<_, _> = s.kafka.into_iter().collect();
        assert_eq!(props["client.rack"], "b");
        assert_eq!(props["socket.timeout.ms"], "5000");
        assert_eq!(props["security.protocol"], "SASL_SSL");
    }

    #[test]
    fn defaults_without_file() {
        let s = Settings::resolve(Layer::default(), ConfigFile::default(), None).unwrap();
        assert_eq!(s.brokers, DEFAULT_BROKERS);
        assert_eq!(s.timeout, Duration::from_secs(10));
        assert_eq!(s.topics.partitions, 12);
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_name() {
        let err = ConfigFile::parse("brokerz = \"x\"").unwrap_err();
        assert!(err.contains("brokerz"), "{err}");
        let err = ConfigFile::parse("[topics]\npartition = 3").unwrap_err();
        assert!(err.contains("partition"), "{err}");
        let err = ConfigFile::parse("[profiles.x]\nredys = \"r\"").unwrap_err();
        assert!(err.contains("profiles.x") && err.contains("redys"), "{err}");
    }

    #[test]
    fn missing_profile_names_the_known_ones() {
        let err = Settings::resolve(Layer::default(), ConfigFile::parse(FILE).unwrap(), Some("staging")).unwrap_err();
        assert!(err.to_string().contains("staging") && err.to_string().contains("prod"), "{err}");
    }

    #[test]
    fn bad_values_are_config_errors() {
        let file = ConfigFile::parse("[topics]\nchat-retention = \"forever\"").unwrap();
        assert!(matches!(Settings::resolve(Layer::default(), file, None), Err(Error::Config(_))));
        let file = ConfigFile::parse("[topics]\npartitions = 0").unwrap();
        assert!(matches!(Settings::resolve(Layer::default(), file, None), Err(Error::Config(_))));
    }

    #[test]
    fn kv_parsing() {
        assert_eq!(parse_kv("a.b=c=d").unwrap(), ("a.b".into(), "c=d".into()));
        assert!(parse_kv("novalue").is_err());
        assert!(parse_kv("=x").is_err());
    }
}
