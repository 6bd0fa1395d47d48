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
    // makes a reader that has not gone idle yet ask once a second.
    config.set("fetch.wait.max.ms", "1000");
    let consumer: StreamConsumer = kafka.create(&config)?;
    let mut all = TopicPartitionList::new();
    for p in &partitions {
        all.add_partition(BROADCAST, *p);
    }
    // The log ends as numbers (not `Offset::End`): an idle reader must know its position
    // to stop reading and to tell when the log moved past it.
    let timeout = kafka.timeout;
    let (consumer, all, start) = tokio::task::spawn_blocking(move || {
        let start = crate::kafka::idle::ends(&consumer, &all, timeout);
        (consumer, all, start)
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))?;
    // A partition whose end did not come back starts at `Offset::End`; the reader then
    // never closes (it could not tell when the log moved past it).
    let watch = if start.len() == partitions.len() { crate::kafka::idle::LogWatch::shared(kafka).ok() } else { None };
    let reader = Reader { config, all, next: start };
    reader.assign(&consumer)?;
    tokio::spawn(read(Arc::downgrade(gw), consumer, reader, watch));
    Ok(())
}

/// Where the reader stands. A caught-up reader closes its client (an idle librdkafka
/// client still wakes several times a second) and lets the process's log watcher tell it
/// when the log moved (`kafka::idle`); it then opens a new one at its positions.
struct Reader {
    config: rdkafka::ClientConfig,
    all: TopicPartitionList,
    /// Next offset to read per partition.
    next: crate::kafka::idle::Positions,
}

impl Reader {
    fn assign(&self, consumer: &StreamConsumer) -> Result<()> {
        let mut tpl = TopicPartitionList::new();
        for e in self.all.elements() {
            let at = self.next.get(&(e.topic().to_string(), e.partition())).map_or(Offset::End, |o| Offset::Offset(*o));
            tpl.add_partition_offset(e.topic(), e.partition(), at).map_err(Error::Kafka)?;
        }
        consumer.assign(&tpl).map_err(Error::Kafka)
    }

    fn open(&self) -> Result<StreamConsumer> {
        let consumer: StreamConsumer = self.config.create().map_err(crate::kafka::config_error)?;
        self.assign(&consumer)?;
        Ok(consumer)
    }
}

/// After this long without a record, the reader closes its client.
const IDLE_AFTER: Duration = Duration::from_secs(1);

async fn read(
    gw: Weak<Gateway>,
    consumer: StreamConsumer,
    mut reader: Reader,
    watch: Option<crate::kafka::idle::LogWatch>,
) {
    let mut consumer = Some(consumer);
    let mut moved = watch.as_ref().map(|w| w.subscribe());
    loop {
        let Some(c) = &consumer else {
            let (Some(w), Some(moved)) = (&watch, &mut moved) else { return };
            // Woken when the watcher saw a log end move (or every IDLE_AFTER, to notice
            // the gateway has gone).
            let _ = tokio::time::timeout(IDLE_AFTER, moved.changed()).await;
            if gw.strong_count() == 0 {
                return;
            }
            if w.behind(&reader.next) {
                match reader.open() {
                    Ok(c) => {
                        tracing::debug!("new broadcast records: reader reopened");
                        w.unwatch(&reader.all);
                        consumer = Some(c);
                    }
                    Err(e) => tracing::warn!(error = %e, "cannot reopen the broadcast reader; retrying"),
                }
            }
            continue;
        };
        let received = tokio::time::timeout(IDLE_AFTER, c.recv()).await;
        let Some(gw) = gw.upgrade() else { return };
        let msg = match received {
            Err(_) => {
                if let Some(w) = &watch {
                    w.watch(&reader.all);
                    if w.behind(&reader.next) {
                        w.unwatch(&reader.all);
                    } else if let Some(c) = consumer.take() {
                        tracing::debug!("broadcast reader caught up: client closed until the log moves");
                        crate::kafka::dispose(c); // destroying a client blocks
                    }
                }
                continue;
            }
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "broadcast read failed");
                continue;
            }
            Ok(Ok(m)) => m,
        };
        reader.next.insert((BROADCAST.to_string(), msg.partition()), msg.offset() + 1);
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
