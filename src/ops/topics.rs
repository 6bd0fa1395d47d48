//! Any topic, not only chatctl's: list, describe (partitions, leaders, watermarks, record
//! times, configs, the groups reading it and how far behind they are), create, delete and
//! alter configs. Blocking calls: run them off the async runtime.

use std::collections::BTreeMap;
use std::time::Duration;

use rdkafka::admin::{AdminOptions, AlterConfig, NewTopic, ResourceSpecifier, TopicReplication};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::metadata::Metadata;
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kafka::{groups, KafkaSettings};

/// One line of `topics list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicSummary {
    pub topic: String,
    pub partitions: i32,
    /// Replicas of its first partition (the replication factor).
    pub replicas: i32,
    pub internal: bool,
}

/// A partition as `topics describe` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionInfo {
    pub partition: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    /// Log start (low watermark) and end (high watermark).
    pub start: i64,
    pub end: i64,
    pub records: i64,
    /// Timestamps (ms) of the first and last record, where they could be read.
    pub first_ms: Option<i64>,
    pub last_ms: Option<i64>,
}

/// A group with committed offsets on the topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupOnTopic {
    pub group: String,
    pub state: String,
    /// Partitions of the topic the group has committed offsets for.
    pub partitions: usize,
    /// Records between its committed offsets and the log ends.
    pub lag: i64,
}

/// What `topics describe` reports of one topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicDescription {
    pub topic: String,
    pub partitions: Vec<PartitionInfo>,
    pub records: i64,
    /// Its configuration as the broker reports it (name → value); empty with `configs_error`
    /// when the broker does not answer DescribeConfigs.
    pub configs: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configs_error: Option<String>,
    pub groups: Vec<GroupOnTopic>,
}

fn metadata(kafka: &KafkaSettings, client: &BaseConsumer, topic: Option<&str>) -> Result<Metadata> {
    client.fetch_metadata(topic, kafka.timeout).map_err(|e| kafka.unreachable(e))
}

/// Every topic of the cluster, by name.
pub fn list(kafka: &KafkaSettings) -> Result<Vec<TopicSummary>> {
    let client = groups::admin_consumer(kafka)?;
    let md = metadata(kafka, &client, None)?;
    let mut out: Vec<TopicSummary> = md
        .topics()
        .iter()
        .filter(|t| t.error().is_none())
        .map(|t| TopicSummary {
            topic: t.name().to_string(),
            partitions: t.partitions().len() as i32,
            replicas: t.partitions().first().map_or(0, |p| p.replicas().len() as i32),
            internal: t.name().starts_with("__"),
        })
        .collect();
    out.sort_by(|a, b| a.topic.cmp(&b.topic));
    crate::kafka::dispose(client);
    Ok(out)
}

/// Describe `topic`: an unknown topic is [`Error::NotFound`].
pub fn describe(kafka: &KafkaSettings, topic: &str) -> Result<TopicDescription> {
    Ok(describe_many(kafka, &[topic.to_string()])?.remove(0))
}

/// Describe `topics` with one client and one question of each kind for them all (metadata,
/// the first and last records, each group's committed offsets); an unknown topic is
/// [`Error::NotFound`]. Configs are asked apart ([`configs_many`]).
pub fn describe_many(kafka: &KafkaSettings, topics: &[String]) -> Result<Vec<TopicDescription>> {
    let client = groups::admin_consumer(kafka)?;
    let md = metadata(kafka, &client, None)?;
    let mut out = Vec::with_capacity(topics.len());
    for topic in topics {
        let Some(t) =
            md.topics().iter().find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
        else {
            return Err(Error::NotFound(format!("topic {topic} does not exist")));
        };
        out.push(bare(kafka, &client, t)?);
    }
    record_times(kafka, &mut out)?;
    groups_on(kafka, &client, &mut out)?;
    crate::kafka::dispose(client);
    Ok(out)
}

/// Every topic but the internal ones, with its partitions and their watermarks only (no
/// record times, configs or groups): the console's `:topics`, polled.
pub fn overview(kafka: &KafkaSettings) -> Result<Vec<TopicDescription>> {
    let client = groups::admin_consumer(kafka)?;
    let md = metadata(kafka, &client, None);
    let out = md.and_then(|md| {
        md.topics()
            .iter()
            .filter(|t| t.error().is_none() && !t.name().starts_with("__") && !t.partitions().is_empty())
            .map(|t| bare(kafka, &client, t))
            .collect::<Result<Vec<_>>>()
    });
    crate::kafka::dispose(client);
    let mut out = out?;
    out.sort_by(|a, b| a.topic.cmp(&b.topic));
    Ok(out)
}

/// A topic's partitions with their watermarks.
fn bare(
    kafka: &KafkaSettings,
    client: &BaseConsumer,
    t: &rdkafka::metadata::MetadataTopic,
) -> Result<TopicDescription> {
    let topic = t.name();
    let mut partitions = Vec::with_capacity(t.partitions().len());
    for p in t.partitions() {
        let (start, end) = client.fetch_watermarks(topic, p.id(), kafka.timeout).map_err(|e| kafka.unreachable(e))?;
        partitions.push(PartitionInfo {
            partition: p.id(),
            leader: p.leader(),
            replicas: p.replicas().to_vec(),
            isr: p.isr().to_vec(),
            start,
            end,
            records: (end - start).max(0),
            first_ms: None,
            last_ms: None,
        });
    }
    partitions.sort_by_key(|p| p.partition);
    Ok(TopicDescription {
        topic: topic.to_string(),
        records: partitions.iter().map(|p| p.records).sum(),
        partitions,
        configs: BTreeMap::new(),
        configs_error: None,
        groups: Vec::new(),
    })
}

/// The timestamps of each non-empty partition's first and last record: one reader per end
/// for all the topics, one record read per partition (bounded by the settings' timeout).
fn record_times(kafka: &KafkaSettings, topics: &mut [TopicDescription]) -> Result<()> {
    for last in [false, true] {
        let mut tpl = TopicPartitionList::new();
        for d in topics.iter() {
            for p in d.partitions.iter().filter(|p| p.records > 0) {
                let at = if last { p.end - 1 } else { p.start };
                tpl.add_partition_offset(&d.topic, p.partition, Offset::Offset(at)).map_err(Error::Kafka)?;
            }
        }
        if tpl.count() == 0 {
            return Ok(());
        }
        let consumer: BaseConsumer = kafka.create(&kafka.reader_config())?;
        consumer.assign(&tpl)?;
        let mut missing = tpl.count();
        let until = std::time::Instant::now() + kafka.timeout;
        while missing > 0 && std::time::Instant::now() < until {
            let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) else { continue };
            let Some(d) = topics.iter_mut().find(|d| d.topic == m.topic()) else { continue };
            let Some(p) = d.partitions.iter_mut().find(|p| p.partition == m.partition()) else { continue };
            let slot = if last { &mut p.last_ms } else { &mut p.first_ms };
            if slot.is_none() {
                *slot = m.timestamp().to_millis();
                missing -= 1;
                // One record is all this partition needs.
                let mut done = TopicPartitionList::new();
                done.add_partition(m.topic(), m.partition());
                let _ = consumer.pause(&done);
            }
        }
        crate::kafka::dispose(consumer);
    }
    Ok(())
}

/// The groups with committed offsets on each topic, with their lag against its ends: one
/// group listing and one committed-offsets question per group for all the topics.
fn groups_on(kafka: &KafkaSettings, client: &BaseConsumer, topics: &mut [TopicDescription]) -> Result<()> {
    let mut tpl = TopicPartitionList::new();
    for d in topics.iter() {
        for p in &d.partitions {
            tpl.add_partition(&d.topic, p.partition);
        }
    }
    for g in groups::list(client.client(), kafka.timeout)? {
        let committed = groups::committed(kafka, &g.group, &tpl)?;
        for d in topics.iter_mut() {
            let mine: Vec<&(String, i32, i64)> = committed.iter().filter(|c| c.0 == d.topic).collect();
            if mine.is_empty() {
                continue;
            }
            let lag = mine
                .iter()
                .filter_map(|(_, p, o)| d.partitions.iter().find(|x| x.partition == *p).map(|x| (x.end - o).max(0)))
                .sum();
            d.groups.push(GroupOnTopic { group: g.group.clone(), state: g.state.clone(), partitions: mine.len(), lag });
        }
    }
    Ok(())
}

fn options(kafka: &KafkaSettings) -> AdminOptions {
    AdminOptions::new().operation_timeout(Some(kafka.timeout)).request_timeout(Some(kafka.timeout))
}

/// The topic's configuration as the broker reports it (sensitive values masked).
pub async fn configs(kafka: &KafkaSettings, topic: &str) -> Result<BTreeMap<String, String>> {
    configs_many(kafka, &[topic.to_string()]).await?.remove(0)
}

/// Each topic's configuration, in one DescribeConfigs request for them all: per topic, its
/// configs or why the broker would not say.
pub async fn configs_many(kafka: &KafkaSettings, topics: &[String]) -> Result<Vec<Result<BTreeMap<String, String>>>> {
    let shown = |e: rdkafka::admin::ConfigEntry| {
        let v = if e.is_sensitive { Some("<redacted>".to_string()) } else { e.value };
        v.map(|v| (e.name, v))
    };
    Ok(entries_many(kafka, topics).await?.into_iter().map(|r| Ok(r?.into_iter().filter_map(shown).collect())).collect())
}

/// Each topic's config entries, in one DescribeConfigs request for them all.
async fn entries_many(
    kafka: &KafkaSettings,
    topics: &[String],
) -> Result<Vec<Result<Vec<rdkafka::admin::ConfigEntry>>>> {
    let admin = kafka.admin()?;
    let specs: Vec<ResourceSpecifier> = topics.iter().map(|t| ResourceSpecifier::Topic(t)).collect();
    let results = admin.describe_configs(specs.iter(), &options(kafka)).await.map_err(|e| kafka.unreachable(e))?;
    Ok(results
        .into_iter()
        .zip(topics)
        .map(|(r, topic)| {
            r.map(|resource| resource.entries)
                .map_err(|code| Error::Broker(format!("describing the configs of {topic}: {code}")))
        })
        .collect())
}

async fn entries(kafka: &KafkaSettings, topic: &str) -> Result<Vec<rdkafka::admin::ConfigEntry>> {
    entries_many(kafka, &[topic.to_string()]).await?.remove(0)
}

/// Create `topic` with `partitions`, `replication` and `configs`.
pub async fn create(
    kafka: &KafkaSettings,
    topic: &str,
    partitions: i32,
    replication: i32,
    configs: &[(String, String)],
) -> Result<()> {
    let admin = kafka.admin()?;
    let mut new = NewTopic::new(topic, partitions, TopicReplication::Fixed(replication));
    for (k, v) in configs {
        new = new.set(k, v);
    }
    let results = admin.create_topics([&new], &options(kafka)).await.map_err(|e| kafka.unreachable(e))?;
    for r in results {
        r.map_err(|(name, code)| match code {
            rdkafka::types::RDKafkaErrorCode::TopicAlreadyExists => {
                Error::Conflict(format!("topic {name} already exists (`chatctl topics describe {name}`)"))
            }
            code => Error::Broker(format!("creating {name}: {code}")),
        })?;
    }
    Ok(())
}

/// Delete `topics`; each answered on its own (one refusal does not hide the others).
pub async fn delete(kafka: &KafkaSettings, topics: &[String]) -> Result<Vec<(String, Option<String>)>> {
    let admin = kafka.admin()?;
    let names: Vec<&str> = topics.iter().map(String::as_str).collect();
    let results = admin.delete_topics(&names, &options(kafka)).await.map_err(|e| kafka.unreachable(e))?;
    Ok(results
        .into_iter()
        .map(|r| match r {
            Ok(name) => (name, None),
            Err((name, code)) => (name, Some(code.to_string())),
        })
        .collect())
}

/// Set `set` on `topic`. AlterConfigs replaces a topic's whole set of overrides, so the
/// overrides it has (set, not defaults, not read-only) are sent along with the new values.
pub async fn alter_configs(kafka: &KafkaSettings, topic: &str, set: &[(String, String)]) -> Result<()> {
    let mut all: BTreeMap<String, String> = entries(kafka, topic)
        .await?
        .into_iter()
        .filter(|e| !e.is_default && !e.is_read_only && !e.is_sensitive)
        .filter_map(|e| e.value.map(|v| (e.name, v)))
        .collect();
    for (k, v) in set {
        all.insert(k.clone(), v.clone());
    }
    let admin = kafka.admin()?;
    let mut alter = AlterConfig::new(ResourceSpecifier::Topic(topic));
    for (k, v) in &all {
        alter = alter.set(k, v);
    }
    let results = admin.alter_configs([&alter], &options(kafka)).await.map_err(|e| match e {
        rdkafka::error::KafkaError::AdminOp(rdkafka::types::RDKafkaErrorCode::UnsupportedFeature) => Error::Broker(
            format!("the broker does not support AlterConfigs: {topic}'s configs cannot be changed there"),
        ),
        e => kafka.unreachable(e),
    })?;
    for r in results {
        r.map_err(|(_, code)| Error::Broker(format!("altering the configs of {topic}: {code}")))?;
    }
    Ok(())
}
