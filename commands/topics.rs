//! `chatctl topics ensure | list | describe | create | delete | alter-config`: chatctl's
//! own topics created where missing, and any topic of the cluster listed, described,
//! created, deleted or reconfigured (deletes and changes are dry runs unless `--execute`).

use chatctl::kafka::admin::{ensure_topics, layout, EnsuredTopic, TopicStatus};
use chatctl::ops::topics::{self, GroupOnTopic, PartitionInfo, TopicSummary};

use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Subcommand)]
pub enum TopicsCommand {
    /// Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where
    /// missing; report each as created or present
    Ensure(EnsureArgs),
    /// Every topic of the cluster: partitions and replicas
    List(ListArgs),
    /// Partitions (leader, replicas, log start/end, records, first/last record time),
    /// configs and the groups reading each topic with their lag
    Describe(DescribeArgs),
    /// Create a topic
    Create(CreateArgs),
    /// Delete topics (a dry run unless --execute)
    Delete(DeleteArgs),
    /// Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)
    AlterConfig(AlterArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Also internal topics (names starting with __)
    #[arg(long)]
    pub internal: bool,
}

#[derive(Debug, clap::Args)]
pub struct DescribeArgs {
    /// Topics to describe
    #[arg(required = true, value_name = "TOPIC", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::topics))]
    pub topics: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    pub topic: String,
    /// Partitions
    #[arg(short = 'p', long, default_value_t = 1)]
    pub partitions: i32,
    /// Replication factor
    #[arg(short = 'r', long, default_value_t = 1)]
    pub replication_factor: i32,
    /// A topic config (repeatable), e.g. -c cleanup.policy=compact
    #[arg(short = 'c', long = "topic-config", value_name = "KEY=VALUE", value_parser = chatctl::config::parse_kv)]
    pub configs: Vec<(String, String)>,
}

#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    #[arg(required = true, value_name = "TOPIC", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::topics))]
    pub topics: Vec<String>,
    /// Delete them (without it: say what would be deleted, change nothing)
    #[arg(long)]
    pub execute: bool,
}

#[derive(Debug, clap::Args)]
pub struct AlterArgs {
    #[arg(add = clap_complete::engine::ArgValueCandidates::new(crate::complete::topics))]
    pub topic: String,
    /// A config to set (repeatable)
    #[arg(short = 'c', long = "topic-config", value_name = "KEY=VALUE", value_parser = chatctl::config::parse_kv, required = true)]
    pub configs: Vec<(String, String)>,
    /// Apply (without it: show the change, apply nothing)
    #[arg(long)]
    pub execute: bool,
}

impl Row for TopicSummary {
    fn headers() -> &'static [&'static str] {
        &["TOPIC", "PARTITIONS", "REPLICAS"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.topic.clone(), self.partitions.to_string(), self.replicas.to_string()]
    }
}

/// A partition row with its topic, for `describe`.
#[derive(serde::Serialize)]
struct PartitionRow<'a> {
    topic: &'a str,
    #[serde(flatten)]
    p: &'a PartitionInfo,
}

impl Row for PartitionRow<'_> {
    fn headers() -> &'static [&'static str] {
        &["TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR", "LOG-START", "LOG-END", "RECORDS", "FIRST", "LAST"]
    }
    fn cells(&self) -> Vec<String> {
        let ids = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
        let time = |t: Option<i64>| t.map(crate::audit::ts).unwrap_or_else(|| "-".into());
        vec![
            self.topic.to_string(),
            self.p.partition.to_string(),
            self.p.leader.to_string(),
            ids(&self.p.replicas),
            ids(&self.p.isr),
            self.p.start.to_string(),
            self.p.end.to_string(),
            self.p.records.to_string(),
            time(self.p.first_ms),
            time(self.p.last_ms),
        ]
    }
}

impl Row for GroupOnTopic {
    fn headers() -> &'static [&'static str] {
        &["GROUP", "STATE", "PARTITIONS", "LAG"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.group.clone(), self.state.clone(), self.partitions.to_string(), self.lag.to_string()]
    }
}

#[derive(serde::Serialize)]
struct ConfigRow {
    name: String,
    value: String,
}

impl Row for ConfigRow {
    fn headers() -> &'static [&'static str] {
        &["CONFIG", "VALUE"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.name.clone(), self.value.clone()]
    }
}

#[derive(Debug, clap::Args)]
pub struct EnsureArgs {
    /// Partitions of chat-events and stream-events (overrides topics.partitions)
    #[arg(long)]
    pub partitions: Option<i32>,
    /// Replication factor (overrides topics.replication-factor)
    #[arg(long)]
    pub replication_factor: Option<i32>,
}

impl Row for EnsuredTopic {
    fn headers() -> &'static [&'static str] {
        &["topic", "status", "partitions", "retention"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.topic.clone(),
            match self.status {
                TopicStatus::Created => "created".into(),
                TopicStatus::Present => "present".into(),
                TopicStatus::Failed => format!("failed: {}", self.error.as_deref().unwrap_or("?")),
            },
            self.partitions.to_string(),
            retention(self.retention_ms),
        ]
    }
}

pub async fn run(cmd: &TopicsCommand, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    match cmd {
        TopicsCommand::List(args) => {
            let k = kafka.clone();
            let mut all = tokio::task::spawn_blocking(move || topics::list(&k)).await??;
            all.retain(|t| args.internal || !t.internal);
            if all.is_empty() {
                eprintln!("no topics");
            }
            Ok(ctx.printer.rows(&all)?)
        }
        TopicsCommand::Describe(args) => describe(ctx, &kafka, &args.topics).await,
        TopicsCommand::Create(a) => {
            topics::create(&kafka, &a.topic, a.partitions, a.replication_factor, &a.configs).await?;
            eprintln!("created {} ({} partition(s), replication {})", a.topic, a.partitions, a.replication_factor);
            Ok(())
        }
        TopicsCommand::Delete(a) => delete(&kafka, a).await,
        TopicsCommand::AlterConfig(a) => {
            let now = topics::configs(&kafka, &a.topic).await?;
            for (k, v) in &a.configs {
                let was = now.get(k).map_or("(unset)", String::as_str);
                eprintln!("{}: {k} {was} -> {v}", a.topic);
            }
            if !a.execute {
                eprintln!("dry run: nothing changed (add --execute to apply)");
                return Ok(());
            }
            topics::alter_configs(&kafka, &a.topic, &a.configs).await?;
            eprintln!("applied");
            Ok(())
        }
        TopicsCommand::Ensure(args) => {
            let mut topics = ctx.settings.topics.clone();
            if let Some(p) = args.partitions {
                topics.partitions = p;
            }
            if let Some(r) = args.replication_factor {
                topics.replication_factor = r;
            }
            let result = ensure_topics(&ctx.settings.kafka(), &layout(&topics)).await?;
            ctx.printer.rows(&result)?;
            let failed: Vec<&str> =
                result.iter().filter(|t| t.status == TopicStatus::Failed).map(|t| t.topic.as_str()).collect();
            if !failed.is_empty() {
                return Err(chatctl::Error::Broker(format!(
                    "{} of {} topics could not be created: {}",
                    failed.len(),
                    result.len(),
                    failed.join(", ")
                ))
                .into());
            }
            Ok(())
        }
    }
}

/// Each topic's partitions (then its configs and the groups reading it, on a terminal;
/// everything as one JSON document per topic otherwise).
async fn describe(ctx: &Context, kafka: &chatctl::kafka::KafkaSettings, names: &[String]) -> anyhow::Result<()> {
    let (k, n) = (kafka.clone(), names.to_vec());
    let mut all = tokio::task::spawn_blocking(move || topics::describe_many(&k, &n)).await??;
    match topics::configs_many(kafka, names).await {
        Ok(configs) => {
            for (d, c) in all.iter_mut().zip(configs) {
                match c {
                    Ok(c) => d.configs = c,
                    Err(e) => d.configs_error = Some(e.to_string()),
                }
            }
        }
        Err(e) => all.iter_mut().for_each(|d| d.configs_error = Some(e.to_string())),
    }
    for d in all {
        if ctx.printer.document(&d)?.is_some() {
            continue;
        }
        let rows: Vec<PartitionRow> = d.partitions.iter().map(|p| PartitionRow { topic: &d.topic, p }).collect();
        ctx.printer.rows(&rows)?;
        let configs: Vec<ConfigRow> =
            d.configs.iter().map(|(k, v)| ConfigRow { name: k.clone(), value: v.clone() }).collect();
        match &d.configs_error {
            Some(e) => eprintln!("configs: not available ({e})"),
            None => ctx.printer.rows(&configs)?,
        }
        if d.groups.is_empty() {
            eprintln!("no group has committed offsets on {}", d.topic);
        } else {
            ctx.printer.rows(&d.groups)?;
        }
    }
    Ok(())
}

async fn delete(kafka: &chatctl::kafka::KafkaSettings, a: &DeleteArgs) -> anyhow::Result<()> {
    let k = kafka.clone();
    let known: Vec<String> =
        tokio::task::spawn_blocking(move || topics::list(&k)).await??.into_iter().map(|t| t.topic).collect();
    let missing: Vec<&String> = a.topics.iter().filter(|t| !known.contains(t)).collect();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        return Err(chatctl::Error::NotFound(format!("no such topic: {}", names.join(", "))).into());
    }
    if !a.execute {
        for t in &a.topics {
            eprintln!("would delete {t}");
        }
        eprintln!("dry run: nothing deleted (add --execute to delete)");
        return Ok(());
    }
    let mut failed = Vec::new();
    for (name, err) in topics::delete(kafka, &a.topics).await? {
        match err {
            None => eprintln!("deleted {name}"),
            Some(e) => {
                eprintln!("{name}: not deleted: {e}");
                failed.push(name);
            }
        }
    }
    if !failed.is_empty() {
        return Err(chatctl::Error::Broker(format!("not deleted: {}", failed.join(", "))).into());
    }
    Ok(())
}

/// Retention the way operators say it: 90d, 12h, or exact.
fn retention(ms: i64) -> String {
    const HOUR: i64 = 3_600_000;
    match ms {
        ms if ms < 0 => "forever".into(),
        ms if ms % (24 * HOUR) == 0 => format!("{}d", ms / (24 * HOUR)),
        ms if ms % HOUR == 0 => format!("{}h", ms / HOUR),
        ms => humantime::format_duration(std::time::Duration::from_millis(ms as u64)).to_string(),
    }
}
