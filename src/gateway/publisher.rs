//! The event path out of the gateway. The chat never waits on Kafka: events go into a
//! queue drained by one task into the idempotent producer, which retries without a
//! deadline while the broker is away. The queue is bounded by policy:
//! - above half of `capacity`, CHUNK_RECEIVED telemetry is coalesced (counted, not sent;
//!   STREAM_COMPLETED still carries the totals);
//! - CHAT_MESSAGE, SESSION_STARTED and terminal events are never dropped: instead, above
//!   80% of `capacity` new chats are refused (`BUSY`) so the queue cannot overflow.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::FutureRecord;
use tokio::sync::mpsc;

use super::metrics::Metrics;
use crate::events::Event;
use crate::kafka::producer::EventProducer;

#[derive(Clone)]
pub struct Publisher {
    tx: mpsc::UnboundedSender<Event>,
    pending: Arc<AtomicI64>,
    capacity: i64,
    metrics: Arc<Metrics>,
}

impl Publisher {
    pub fn start(
        producer: EventProducer,
        capacity: usize,
        metrics: Arc<Metrics>,
    ) -> (Publisher, tokio::task::JoinHandle<()>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let pending = Arc::new(AtomicI64::new(0));
        let task = tokio::spawn(drain(rx, producer, pending.clone(), metrics.clone()));
        (Publisher { tx, pending, capacity: capacity as i64, metrics }, task)
    }

    /// Events not yet acknowledged by the broker.
    pub fn depth(&self) -> i64 {
        self.pending.load(Ordering::Relaxed)
    }

    /// May a new chat start? False when its essential events could push the queue over.
    pub fn admit(&self) -> bool {
        self.depth() < self.capacity * 8 / 10
    }

    pub fn publish(&self, event: Event) {
        if !event.payload.is_essential() && self.depth() >= self.capacity / 2 {
            self.metrics.events_coalesced.inc();
            return;
        }
        let depth = self.pending.fetch_add(1, Ordering::Relaxed) + 1;
        self.metrics.events_queue_depth.set(depth);
        if self.tx.send(event).is_err() {
            // Only after shutdown closed the queue; nothing can publish then.
            self.pending.fetch_sub(1, Ordering::Relaxed);
            self.metrics.events_failed.inc();
        }
    }
}

async fn drain(
    mut rx: mpsc::UnboundedReceiver<Event>,
    producer: EventProducer,
    pending: Arc<AtomicI64>,
    metrics: Arc<Metrics>,
) {
    while let Some(event) = rx.recv().await {
        let payload = event.to_json();
        let ty = event.event_type();
        loop {
            // No headers: see EventProducer::send_to.
            let record = FutureRecord::to(event.topic())
                .key(event.session_id.as_bytes())
                .payload(&payload)
                .timestamp(event.timestamp.timestamp_millis());
            match producer.raw().send_result(record) {
                Ok(delivery) => {
                    let pending = pending.clone();
                    let metrics = metrics.clone();
                    tokio::spawn(async move {
                        match delivery.await {
                            Ok(Ok(_)) => {
                                metrics.events_published.get_or_create(&vec![("type", ty)]).inc();
                            }
                            Ok(Err((e, _))) => {
                                tracing::error!(event_type = ty, error = %e, "event refused by Kafka");
                                metrics.events_failed.inc();
                            }
                            Err(_) => {
                                metrics.events_failed.inc();
                            }
                        }
                        let depth = pending.fetch_sub(1, Ordering::Relaxed) - 1;
                        metrics.events_queue_depth.set(depth);
                    });
                    break;
                }
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                Err((e, _)) => {
                    tracing::error!(event_type = ty, error = %e, "event could not be queued");
                    metrics.events_failed.inc();
                    pending.fetch_sub(1, Ordering::Relaxed);
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{examples, Payload};
    use crate::kafka::KafkaSettings;

    /// With the broker away, nothing essential is dropped: chunk telemetry is coalesced
    /// past half the capacity, and new chats are refused past 80%.
    #[tokio::test]
    async fn back_pressure_policy() {
        let kafka = KafkaSettings::new("127.0.0.1:1");
        let mut conf = kafka.producer_config();
        conf.set("message.timeout.ms", "0");
        let producer = EventProducer::with_config(&kafka, &conf).unwrap();
        let metrics = Arc::new(Metrics::default());
        let (p, _task) = Publisher::start(producer, 10, metrics.clone());
        let chunk = || Event::new("s", "n", examples().remove(2));
        let essential = || Event::new("s", "n", examples().remove(1));
        assert!(matches!(chunk().payload, Payload::ChunkReceived(_)));

        for _ in 0..4 {
            p.publish(chunk());
        }
        assert_eq!(p.depth(), 4);
        assert!(p.admit());
        p.publish(essential());
        // At half the capacity: telemetry is coalesced, essentials still queue.
        p.publish(chunk());
        p.publish(chunk());
        assert_eq!(p.depth(), 5);
        assert_eq!(metrics.events_coalesced.get(), 2);
        for _ in 0..3 {
            p.publish(essential());
        }
        assert_eq!(p.depth(), 8);
        assert!(!p.admit(), "new chats are refused at 80%");
        // Essentials of chats already running are still accepted beyond it.
        for _ in 0..4 {
            p.publish(essential());
        }
        assert_eq!(p.depth(), 12);
        assert_eq!(metrics.events_failed.get(), 0);
        assert!(metrics.render().contains("chatctl_events_coalesced_total 2"));
    }
}
