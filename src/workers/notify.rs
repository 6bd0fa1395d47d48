//! The notifier: a webhook call for every failed stream (STREAM_ERROR on `stream-events`).
//!
//! One group cluster-wide (`chatctl-notify`), so each failure is notified once by one node.
//! A record replayed by `chatctl replay` (header `chatctl-replay`) is never notified again:
//! side effects are not repeated. Delivery is at least once: the offset moves only after
//! the webhook answered 2xx, and the call carries `Idempotency-Key: <eventId>` so the
//! receiver can drop a redelivery. 5xx, 429 and network errors are retried with backoff,
//! then dead-lettered; other 4xx go to the DLQ at once (the receiver refuses the payload).

use std::time::Duration;

use futures_util::future::BoxFuture;
use serde::Serialize;

use super::{Handler, HandlerError, Record};
use crate::events::{Event, Payload, STREAM_EVENTS};

/// What the webhook receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub event_id: String,
    pub timestamp: String,
    pub session_id: String,
    pub message_id: String,
    pub node_id: String,
    pub error_code: String,
    pub error: String,
}

pub struct Notify {
    client: reqwest::Client,
    url: String,
}

impl Notify {
    pub fn new(url: &str) -> crate::error::Result<Notify> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| crate::error::Error::Config(format!("notify client: {e}")))?;
        Ok(Notify { client, url: url.to_string() })
    }
}

impl Handler for Notify {
    fn name(&self) -> &'static str {
        "chatctl-notify"
    }

    fn topics(&self) -> Vec<String> {
        vec![STREAM_EVENTS.into()]
    }

    fn handle<'a>(&'a self, event: &'a Event, rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let Payload::StreamError(e) = &event.payload else { return Ok(()) };
            if rec.is_replay() {
                return Ok(());
            }
            let body = Notification {
                event_id: event.event_id.to_string(),
                timestamp: event.timestamp.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                session_id: event.session_id.clone(),
                message_id: e.message_id.clone(),
                node_id: event.metadata.node_id.clone(),
                error_code: e.error_code.clone(),
                error: e.error.clone(),
            };
            let answer = self
                .client
                .post(&self.url)
                .header("Idempotency-Key", &body.event_id)
                .json(&body)
                .send()
                .await
                // No answer at all (refused, unreachable): the endpoint is down, not the record.
                .map_err(|e| {
                    if e.is_connect() {
                        HandlerError::Unavailable(format!("webhook {}: {e}", self.url))
                    } else {
                        HandlerError::Transient(format!("webhook {}: {e}", self.url))
                    }
                })?;
            let status = answer.status();
            if status.is_success() {
                Ok(())
            } else if status.is_server_error() || status.as_u16() == 429 {
                Err(HandlerError::Transient(format!("webhook {} answered {status}", self.url)))
            } else {
                Err(HandlerError::Permanent(format!("webhook {} refused the notification: {status}", self.url)))
            }
        })
    }
}
