//! Settings: command line > `CHATCTL_*` environment > `chatctl.toml` (a named profile over
//! the file's top level) > defaults. The command line and the environment arrive together
//! as one [`Layer`] (clap reads both); this module merges it with the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::error::{Error, Result};

/// Environment variable names, kept in one place.
pub mod env {
    pub const BROKERS: &str = "CHATCTL_BROKERS";
    pub const REDIS: &str = "CHATCTL_REDIS";
    pub const REDIS_PASSWORD: &str = "CHATCTL_REDIS_PASSWORD";
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

/// One source of settings; every field optional so sources can be stacked.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Layer {
    pub brokers: Option<String>,
    pub redis: Option<String>,
    /// CA that signs a `rediss://` server's certificate.
    pub redis_ca: Option<PathBuf>,
    /// The Redis password, from this file (first line); or `CHATCTL_REDIS_PASSWORD`.
    pub redis_password_file: Option<PathBuf>,
    pub output: Option<String>,
    pub node_id: Option<String>,
    /// Timeout of broker requests, e.g. "10s".
    pub timeout: Option<String>,
    /// librdkafka properties passed through verbatim (SASL, SSL, tuning).
    #[serde(default)]
    pub kafka: BTreeMap<String, String>,
    #[serde(default)]
    pub topics: TopicsLayer,
    /// TLS and SASL (`[security]`).
    #[serde(default)]
    pub security: crate::security::SecurityLayer,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TopicsLayer {
    pub partitions: Option<i32>,
    pub replication_factor: Option<i32>,
    pub chat_retention: Option<String>,
    pub stream_retention: Option<String>,
    pub broadcast_retention: Option<String>,
    pub dlq_retention: Option<String>,
}

impl Layer {
    /// `self` wins over `lower` field by field; Kafka properties merge key by key.
    pub fn over(self, lower: Layer) -> Layer {
        let mut kafka = lower.kafka;
        kafka.extend(self.kafka);
        Layer {
            brokers: self.brokers.or(lower.brokers),
            redis: self.redis.or(lower.redis),
            redis_ca: self.redis_ca.or(lower.redis_ca),
            redis_password_file: self.redis_password_file.or(lower.redis_password_file),
            output: self.output.or(lower.output),
            node_id: self.node_id.or(lower.node_id),
            timeout: self.timeout.or(lower.timeout),
            kafka,
            topics: TopicsLayer {
                partitions: self.topics.partitions.or(lower.topics.partitions),
                replication_factor: self.topics.replication_factor.or(lower.topics.replication_factor),
                chat_retention: self.topics.chat_retention.or(lower.topics.chat_retention),
                stream_retention: self.topics.stream_retention.or(lower.topics.stream_retention),
                broadcast_retention: self.topics.broadcast_retention.or(lower.topics.broadcast_retention),
                dlq_retention: self.topics.dlq_retention.or(lower.topics.dlq_retention),
            },
            security: self.security.over(lower.security),
        }
    }
}

/// The config file: a top-level [`Layer`] plus `[profiles.NAME]` layers.
#[derive(Debug, Default)]
pub struct ConfigFile {
    pub path: Option<PathBuf>,
    pub base: Layer,
    pub profiles: BTreeMap<String, Layer>,
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

    pub fn load(path: &Path) -> Result<ConfigFile> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::config(format!("cannot read config file {}: {e}", path.display())))?;
        let mut file = Self::parse(&text).map_err(|e| Error::config(format!("config file {}: {e}", path.display())))?;
        file.path = Some(path.to_path_buf());
        Ok(file)
    }

    pub fn parse(text: &str) -> std::result::Result<ConfigFile, String> {
        let mut table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let profiles = match table.remove("profiles") {
            None => BTreeMap::new(),
            Some(toml::Value::Table(t)) => t
                .into_iter()
                .map(|(name, v)| {
                    v.try_into::<Layer>()
                        .map(|l| (name.clone(), l))
                        .map_err(|e| format!("[profiles.{name}]: {}", e.message()))
                })
                .collect::<std::result::Result<_, _>>()?,
            Some(_) => return Err("`profiles` must be a table of [profiles.NAME] sections".into()),
        };
        let base = toml::Value::Table(table).try_into::<Layer>().map_err(|e| e.message().to_string())?;
        Ok(ConfigFile { path: None, base, profiles })
    }

    /// The file's layer for `profile` (the profile over the top level).
    pub fn layer(self, profile: Option<&str>) -> Result<Layer> {
        match profile {
            None => Ok(self.base),
            Some(name) => {
                let mut profiles = self.profiles;
                let known: Vec<String> = profiles.keys().cloned().collect();
                let p = profiles.remove(name).ok_or_else(|| {
                    let file =
                        self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "no config file".into());
                    Error::config(format!(
                        "profile `{name}` not found ({file}; known profiles: {})",
                        if known.is_empty() { "none".to_string() } else { known.join(", ") }
                    ))
                })?;
                Ok(p.over(self.base))
            }
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

/// Resolved settings every command works from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub brokers: String,
    pub redis: Option<String>,
    pub redis_ca: Option<PathBuf>,
    /// From `redis-password-file` or `CHATCTL_REDIS_PASSWORD` (never the command line).
    pub redis_password: Option<String>,
    pub output: Option<String>,
    pub node_id: String,
    /// The node id is the host name (none was given): `serve` adds its port, so several
    /// nodes on one machine get distinct ids.
    pub node_id_is_default: bool,
    pub timeout: Duration,
    pub kafka: Vec<(String, String)>,
    pub topics: TopicSettings,
}

impl Settings {
    /// Resolve `cli` (command line and environment) over the config file's `profile`.
    pub fn resolve(cli: Layer, file: ConfigFile, profile: Option<&str>) -> Result<Settings> {
        let l = cli.over(file.layer(profile)?);
        let t = l.topics;
        let dur = |what: &str, v: Option<String>, default: &str| -> Result<Duration> {
            let raw = v.unwrap_or_else(|| default.to_string());
            humantime::parse_duration(&raw)
                .map_err(|e| Error::config(format!("{what} = {raw:?}: {e} (use e.g. 90s, 10m, 7d)")))
        };
        let topics = TopicSettings {
            partitions: positive("topics.partitions", t.partitions.unwrap_or(12))?,
            replication_factor: positive("topics.replication-factor", t.replication_factor.unwrap_or(1))?,
            chat_retention: dur("topics.chat-retention", t.chat_retention, "90d")?,
            stream_retention: dur("topics.stream-retention", t.stream_retention, "7d")?,
            broadcast_retention: dur("topics.broadcast-retention", t.broadcast_retention, "1h")?,
            dlq_retention: dur("topics.dlq-retention", t.dlq_retention, "30d")?,
        };
        if let Some(o) = &l.output {
            if o != "table" && o != "json" {
                return Err(Error::config(format!("output = {o:?}: expected `table` or `json`")));
            }
        }
        Ok(Settings {
            brokers: l.brokers.unwrap_or_else(|| DEFAULT_BROKERS.to_string()),
            redis: l.redis,
            redis_ca: l.redis_ca,
            redis_password: match &l.redis_password_file {
                Some(p) => Some(
                    std::fs::read_to_string(p)
                        .map_err(|e| Error::config(format!("Redis password file {}: {e}", p.display())))?
                        .lines()
                        .next()
                        .unwrap_or("")
                        .to_string(),
                ),
                None => std::env::var(env::REDIS_PASSWORD).ok(),
            },
            output: l.output,
            node_id_is_default: l.node_id.is_none(),
            node_id: l.node_id.unwrap_or_else(default_node_id),
            timeout: dur("timeout", l.timeout, "10s")?,
            // TLS and SASL first: a -X property overrides what they set.
            kafka: l.security.properties(|k| std::env::var(k).ok())?.into_iter().chain(l.kafka).collect(),
            topics,
        })
    }

    /// Redis, where one is configured.
    pub fn redis_target(&self) -> Option<crate::realtime::RedisTarget> {
        self.redis.as_ref().map(|url| crate::realtime::RedisTarget {
            url: url.clone(),
            ca_file: self.redis_ca.clone(),
            password: self.redis_password.clone(),
        })
    }

    pub fn kafka(&self) -> crate::kafka::KafkaSettings {
        crate::kafka::KafkaSettings {
            brokers: self.brokers.clone(),
            props: self.kafka.clone(),
            client_id: format!("chatctl-{}", self.node_id),
            timeout: self.timeout,
        }
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
pub fn parse_kv(raw: &str) -> std::result::Result<(String, String), String> {
    match raw.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE (a librdkafka property), got {raw:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
