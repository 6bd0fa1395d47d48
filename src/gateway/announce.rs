//! Operator announcements through `multi-node-broadcast`. Every node reads every record:
//! it assigns itself all of the topic's partitions from the log end at start, with no
//! consumer group (the seed's one shared group hands each record to a single node), and
//! delivers each announcement to its matching connections. A record that does not decode
//! is counted and skipped; it never stops the reader.

use std::sync::{Arc, Weak};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::{Deserialize, Serialize};

use super::Gateway;
use crate::error::{Error, Result};
use crate::events::BROADCAST;
use crate::kafka::KafkaSettings;

/// Who an announcement is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    All,
    Session(String),
    User(String),
}

/// One record of `multi-node-broadcast`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Announcement {
    pub announcement_id: String,
    pub timestamp: DateTime<Utc>,
    pub target: Target,
    pub text: String,
}

impl Announcement {
    pub fn new(target: Target, text: impl Into<String>) -> Announcement {
        Announcement {
            announcement_id: uuid::Uuid::now_v7().to_string(),
            timestamp: Utc::now(),
            target,
            text: text.into(),
        }
    }

    pub fn matches(&self, session_id: &str, user_id: &str) -> bool {
        match &self.target {
            Target::All => true,
            Target::Session(s) => s == session_id,
            Target::User(u) => u == user_id,
        }
    }
}

/// Write an announcement to the topic; returns (partition, offset).
pub async fn announce(kafka: &KafkaSettings, a: &Announcement) -> Result<(i32, i64)> {
    let producer: FutureProducer = kafka.create(&kafka.producer_config())?;
    let payload = serde_json::to_string(a).expect("announcements serialise");
    let record = FutureRecord::to(BROADCAST)
        .key(a.announcement_id.as_bytes())
        .payload(&payload)
        .timestamp(a.timestamp.timestamp_millis());
    let sent = producer.send(record, kafka.timeout).await.map_err(|(e, _)| kafka.unreachable(e))?;
    Ok((sent.partition, sent.offset))
}

/// Start this node's reader of the broadcast topic (from its end). Stops with the gateway.
pub async fn spawn_reader(gw: &Arc<Gateway>, kafka: &KafkaSettings) -> Result<()> {
    let md = kafka.metadata(Some(BROADCAST)).await?;
    let partitions: Vec<i32> = md
        .topics()
        .iter()
        .filter(|t| t.name() == BROADCAST)
        .flat_map(|t| t.partitions().iter().map(|p| p.id()))
        .collect();
    if partitions.is_empty() {
        return Err(Error::NotFound(format!("topic {BROADCAST} (run `chatctl topics ensure`)")));
    }
    let mut config = kafka.reader_config();
    // Announcements are rare and not urgent to the millisecond: on Apache Kafka a long poll
    // makes an idle reader ask once a second. tansu seems to answer empty fetches early,
    // so there this reader still costs the broker ~5% of a core at idle (issue "idle").
    config.set("fetch.wait.max.ms", "1000");
    let consumer: StreamConsumer = kafka.create(&config)?;
    let mut tpl = TopicPartitionList::new();
    for p in partitions {
        tpl.add_partition_offset(BROADCAST, p, Offset::End).map_err(Error::Kafka)?;
    }
    consumer.assign(&tpl).map_err(Error::Kafka)?;
    tokio::spawn(read(Arc::downgrade(gw), consumer));
    Ok(())
}

async fn read(gw: Weak<Gateway>, consumer: StreamConsumer) {
    loop {
        let received = tokio::time::timeout(Duration::from_secs(1), consumer.recv()).await;
        let Some(gw) = gw.upgrade() else { return };
        let msg = match received {
            Err(_) => continue,
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "broadcast read failed");
                continue;
            }
            Ok(Ok(m)) => m,
        };
        match serde_json::from_slice::<Announcement>(msg.payload().unwrap_or_default()) {
            Ok(a) => {
                let n = gw.deliver_announcement(&a);
                tracing::info!(announcement = %a.announcement_id, connections = n, "announcement delivered");
            }
            Err(e) => {
                gw.metrics.broadcast_undecodable.inc();
                tracing::warn!(offset = msg.offset(), error = %e, "skipping an undecodable broadcast record");
            }
        }
    }
}
