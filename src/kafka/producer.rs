//! The event producer: every event goes to its topic, keyed by sessionId, stamped with the
//! event's own timestamp (so offsets-for-times finds events by when they happened).

use std::time::Duration;

use rdkafka::message::OwnedHeaders;
use rdkafka::producer::FutureRecord;

use super::engine_producer::EngineProducer;

use super::KafkaSettings;
use crate::error::{Error, Result};
use crate::events::Event;

pub use super::engine_producer::Delivered;

#[derive(Clone)]
pub struct EventProducer {
    inner: std::sync::Arc<EngineProducer>,
    kafka: KafkaSettings,
}

impl EventProducer {
    /// The process's engine producer ([`KafkaSettings::shared_producer`]).
    pub fn new(kafka: &KafkaSettings) -> Result<Self> {
        Ok(EventProducer { inner: kafka.shared_producer()?, kafka: kafka.clone() })
    }

    /// Build from an explicit config (tests and tuned paths); still validated.
    pub fn with_config(kafka: &KafkaSettings, config: &rdkafka::ClientConfig) -> Result<Self> {
        Ok(EventProducer { inner: std::sync::Arc::new(kafka.engine_producer(config)?), kafka: kafka.clone() })
    }

    /// The cluster it sends to.
    pub fn settings(&self) -> &KafkaSettings {
        &self.kafka
    }

    /// Send `event` to its topic and wait for the broker's acknowledgement.
    pub async fn send(&self, event: &Event) -> Result<Delivered> {
        self.send_to(event.topic(), event, None).await
    }

    /// Send to an explicit topic, with optional headers. Events carry no headers of their
    /// own (eventType and eventId are in the JSON): on tansu's SQLite engine every header
    /// in a topic makes each fetched record scan the whole header table.
    pub async fn send_to(&self, topic: &str, event: &Event, headers: Option<OwnedHeaders>) -> Result<Delivered> {
        let payload = event.to_json();
        let mut record = FutureRecord::to(topic)
            .key(event.session_id.as_bytes())
            .payload(&payload)
            .timestamp(event.timestamp.timestamp_millis());
        if let Some(h) = headers {
            record = record.headers(h);
        }
        match self.inner.send(record, self.kafka.timeout).await {
            Ok(d) => Ok(d),
            Err(e) => Err(Error::Kafka(e)),
        }
    }

    /// Wait until everything queued is acknowledged, or `timeout`.
    pub fn flush(&self, timeout: Duration) -> Result<()> {
        self.inner.flush(timeout).map_err(Error::Kafka)
    }

    /// Records queued in librdkafka but not yet acknowledged.
    pub fn in_flight(&self) -> i32 {
        self.inner.in_flight_count()
    }

    pub fn raw(&self) -> &EngineProducer {
        &self.inner
    }
}
