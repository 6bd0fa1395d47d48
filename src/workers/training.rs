//! The training-data worker: every chat message (CHAT_MESSAGE on `chat-events`) into the
//! store, once per eventId; `chatctl training export` then writes prompt/answer pairs as
//! JSON Lines (an assistant message joined to the user message it replies to).

use futures_util::future::BoxFuture;

use super::{Handler, HandlerError, Record};
use crate::events::{Event, Payload, CHAT_EVENTS};
use crate::store::{Store, TrainingMessage};

pub struct Training {
    pub store: Store,
}

impl Handler for Training {
    fn name(&self) -> &'static str {
        "chatctl-training"
    }

    fn topics(&self) -> Vec<String> {
        vec![CHAT_EVENTS.into()]
    }

    /// Inserts keyed by eventId do not depend on order: let them share transactions.
    fn in_flight_per_partition(&self) -> usize {
        64
    }

    fn handle<'a>(&'a self, event: &'a Event, _rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let Payload::ChatMessage(m) = &event.payload else { return Ok(()) };
            let row = TrainingMessage {
                event_id: event.event_id.to_string(),
                ts_ms: event.timestamp.timestamp_millis(),
                conversation_id: m.conversation_id.clone(),
                message_id: m.message_id.clone(),
                role: m.role.as_str().to_string(),
                content: m.content.clone(),
                reply_to: m.reply_to.clone(),
            };
            self.store.training_message(row).await.map_err(HandlerError::from)
        })
    }
}
