//! Dead letters: a record a worker gives up on goes to `<topic>.dlq` with its key, value
//! and headers unchanged, plus headers saying where it came from and why it failed (like
//! Spring's `DLT_ORIGINAL_*`), so it can be inspected and re-driven.

use std::sync::Arc;
use std::time::Duration;

use super::Record;
use crate::error::Result;
use crate::events::dlq_topic;
use crate::kafka::KafkaSettings;
use crate::metrics::Metrics;
use crate::quarantine::{is_permanent, Quarantine};

pub use crate::events::dlq_headers::*;

#[derive(Clone)]
pub struct DeadLetters {
    producer: Arc<crate::kafka::engine_producer::EngineProducer>,
    timeout: Duration,
    quarantine: Arc<Quarantine>,
    metrics: Arc<Metrics>,
}

impl DeadLetters {
    pub fn new(kafka: &KafkaSettings, quarantine: Quarantine, metrics: Arc<Metrics>) -> Result<Self> {
        Ok(DeadLetters {
            producer: kafka.shared_producer()?,
            timeout: kafka.timeout,
            quarantine: Arc::new(quarantine),
            metrics,
        })
    }

    /// Send `rec` to its DLQ; retries while the broker is away (the offset must not move
    /// before the record is safe somewhere). A record the DLQ refuses for good (too large
    /// for it, not authorised) goes to the quarantine file instead, so that its partition
    /// moves on. The error message is redacted (URLs lose credentials and paths): it is
    /// kept for the DLQ's retention and shown by `dlq list`.
    pub async fn send(&self, worker: &str, rec: &Record, class: &str, message: &str, attempts: u32) {
        let dlq = dlq_topic(&rec.topic);
        let (partition, offset) = (rec.partition.to_string(), rec.offset.to_string());
        let timestamp = rec.timestamp.map(|t| t.to_string()).unwrap_or_default();
        let attempts = attempts.to_string();
        let message: String = crate::security::redact_text(message).chars().take(2000).collect();
        let max = Duration::from_secs(10);
        let mut waits = crate::retry::delays(Duration::from_millis(100), max);
        loop {
            let origin = [
                (ORIGINAL_TOPIC, rec.topic.as_str()),
                (ORIGINAL_PARTITION, &partition),
                (ORIGINAL_OFFSET, &offset),
                (ORIGINAL_TIMESTAMP, &timestamp),
                (WORKER, worker),
                (ERROR_CLASS, class),
                (ERROR_MESSAGE, &message),
                (ATTEMPTS, &attempts),
            ];
            let record = rec.future_record(&dlq, &origin);
            match self.producer.send(record, self.timeout).await {
                Ok(_) => return,
                Err(e) if is_permanent(&e) => {
                    let why = format!("dead letter refused by {dlq}: {e} (first failure, {class}: {message})");
                    let kept = self.quarantine.keep(
                        &rec.topic,
                        rec.key.as_deref(),
                        rec.payload.as_deref().unwrap_or_default(),
                        &why,
                    );
                    self.metrics.events_quarantined.inc();
                    match kept {
                        Ok(()) => tracing::error!(
                            topic = %dlq, error = %e, file = %self.quarantine.path().display(),
                            "dead letter refused for good: quarantined"
                        ),
                        Err(q) => tracing::error!(
                            topic = %dlq, error = %e, quarantine_error = %q,
                            "dead letter refused for good and the quarantine cannot be written: lost"
                        ),
                    }
                    return;
                }
                Err(e) => {
                    tracing::error!(topic = %dlq, error = %e, "cannot write dead letter; retrying");
                    tokio::time::sleep(crate::retry::next(&mut waits, max)).await;
                }
            }
        }
    }
}
