//! `chatctl topics ensure`: create chatctl's topics and their DLQs where missing.

use chatctl::kafka::admin::{ensure_topics, layout, EnsuredTopic, TopicStatus};

use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Subcommand)]
pub enum TopicsCommand {
    /// Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where
    /// missing; report each as created or present
    Ensure(EnsureArgs),
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
    match cmd {
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
