//! Live completion candidates (clap_complete's dynamic engine): topic and group names from
//! the cluster the settings point at, context names from the config files. Each lookup is
//! bounded (1.5 s) and offers nothing when the cluster does not answer. Activated by the
//! shell through `COMPLETE=<shell> chatctl`; the static scripts in `completions/` stay.

use std::sync::OnceLock;
use std::time::Duration;

use chatctl::config::Sources;
use clap_complete::engine::CompletionCandidate;

/// Where the settings come from when completing: the environment and the config files (the
/// command line being typed is not parsed yet). Set by `main` before completing (so this
/// module needs nothing from the command-line definition, which uses it).
pub static SOURCES: OnceLock<fn() -> Option<Sources>> = OnceLock::new();

fn sources() -> Option<Sources> {
    SOURCES.get().and_then(|f| f())
}

/// The Kafka settings a completion looks with.
fn kafka() -> Option<chatctl::kafka::KafkaSettings> {
    let settings = chatctl::config::Settings::from_sources(&sources()?).ok()?;
    let mut kafka = settings.kafka();
    kafka.timeout = kafka.timeout.min(Duration::from_millis(1500));
    Some(kafka)
}

fn names(list: Vec<String>) -> Vec<CompletionCandidate> {
    list.into_iter().map(CompletionCandidate::new).collect()
}

/// Topic names (internal ones left out).
pub fn topics() -> Vec<CompletionCandidate> {
    let Some(kafka) = kafka() else { return Vec::new() };
    let listed = chatctl::ops::topics::list(&kafka).unwrap_or_default();
    names(listed.into_iter().filter(|t| !t.internal).map(|t| t.topic).collect())
}

/// Consumer group names.
pub fn groups() -> Vec<CompletionCandidate> {
    let Some(kafka) = kafka() else { return Vec::new() };
    let Ok(client) = chatctl::kafka::groups::admin_consumer(&kafka) else { return Vec::new() };
    let listed = chatctl::kafka::groups::list(rdkafka::consumer::Consumer::client(&client), kafka.timeout);
    names(listed.map(|l| l.into_iter().map(|g| g.group).collect()).unwrap_or_default())
}

/// Context names of the user config and ./chatctl.toml.
pub fn contexts() -> Vec<CompletionCandidate> {
    sources().map(|s| names(s.contexts().into_keys().collect())).unwrap_or_default()
}
