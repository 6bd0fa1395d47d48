//! Topic administration: the layout chatctl needs, created idempotently.

use std::collections::HashMap;

use rdkafka::admin::{AdminOptions, NewTopic, TopicReplication};
use rdkafka::types::RDKafkaErrorCode;
use serde::Serialize;

use super::KafkaSettings;
use crate::config::TopicSettings;
use crate::error::Result;
use crate::events::{dlq_topic, BROADCAST, CHAT_EVENTS, STREAM_EVENTS};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicSpec {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i32,
    pub retention_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicStatus {
    Created,
    Present,
    /// The broker refused to create it (the reason is in `error`).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnsuredTopic {
    pub topic: String,
    pub status: TopicStatus,
    /// Partitions as the broker reports them (for a present topic, its real count).
    pub partitions: i32,
    pub retention_ms: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The topics chatctl owns, with their DLQs, laid out from settings.
pub fn layout(t: &TopicSettings) -> Vec<TopicSpec> {
    let spec = |name: String, partitions: i32, retention: std::time::Duration| TopicSpec {
        name,
        partitions,
        replication_factor: t.replication_factor,
        retention_ms: retention.as_millis() as i64,
    };
    let mut out = vec![
        spec(CHAT_EVENTS.into(), t.partitions, t.chat_retention),
        spec(STREAM_EVENTS.into(), t.partitions, t.stream_retention),
        // Every node reads every partition of it: one is plenty.
        spec(BROADCAST.into(), 1, t.broadcast_retention),
    ];
    for base in [CHAT_EVENTS, STREAM_EVENTS, BROADCAST] {
        out.push(spec(dlq_topic(base), 1, t.dlq_retention));
    }
    out
}

/// Create whichever of `specs` does not exist yet; report each as created or present.
pub async fn ensure_topics(kafka: &KafkaSettings, specs: &[TopicSpec]) -> Result<Vec<EnsuredTopic>> {
    let md = kafka.metadata(None).await?;
    let existing: HashMap<String, i32> = md
        .topics()
        .iter()
        .filter(|t| t.error().is_none())
        .map(|t| (t.name().to_string(), t.partitions().len() as i32))
        .collect();

    let missing: Vec<&TopicSpec> = specs.iter().filter(|s| !existing.contains_key(&s.name)).collect();
    let mut created: HashMap<String, (TopicStatus, Option<String>)> = HashMap::new();
    if !missing.is_empty() {
        let admin = kafka.admin()?;
        let retention: Vec<String> = missing.iter().map(|s| s.retention_ms.to_string()).collect();
        let new: Vec<NewTopic> = missing
            .iter()
            .zip(&retention)
            .map(|(s, r)| {
                NewTopic::new(&s.name, s.partitions, TopicReplication::Fixed(s.replication_factor))
                    .set("retention.ms", r)
            })
            .collect();
        let opts = AdminOptions::new().operation_timeout(Some(kafka.timeout)).request_timeout(Some(kafka.timeout));
        let results = admin.create_topics(new.iter(), &opts).await.map_err(|e| kafka.unreachable(e))?;
        for r in results {
            match r {
                Ok(name) => {
                    created.insert(name, (TopicStatus::Created, None));
                }
                // Someone else created it between our metadata call and ours.
                Err((name, RDKafkaErrorCode::TopicAlreadyExists)) => {
                    created.insert(name, (TopicStatus::Present, None));
                }
                // Every topic gets its answer: one refusal does not hide the others.
                Err((name, code)) => {
                    created.insert(name, (TopicStatus::Failed, Some(code.to_string())));
                }
            }
        }
    }

    Ok(specs
        .iter()
        .map(|s| match existing.get(&s.name) {
            Some(&partitions) => EnsuredTopic {
                topic: s.name.clone(),
                status: TopicStatus::Present,
                partitions,
                retention_ms: s.retention_ms,
                error: None,
            },
            None => {
                let (status, error) = created.get(&s.name).cloned().unwrap_or((TopicStatus::Created, None));
                EnsuredTopic {
                    topic: s.name.clone(),
                    status,
                    partitions: s.partitions,
                    retention_ms: s.retention_ms,
                    error,
                }
            }
        })
        .collect())
}
