//! The summary worker (`chatctl-summary`): after every completed turn (an assistant
//! CHAT_MESSAGE on `chat-events`), a summary of the conversation so far, written by the
//! configured model (the built-in one offline) and kept as the conversation's one current
//! summary.
//!
//! The worker keeps its own copy of the messages it reads from the log (never asks the
//! gateway), so a summary is a function of the log: a redelivered record or a replay writes
//! the same summary again, and a summary never replaces one covering more of the
//! conversation. Added after months of traffic, a new `chatctl-summary` group starts at the
//! earliest offset and catches up (the seed's backfill); its progress is its lag. Records of
//! one partition are handled in order (a turn's summary reads the messages before it), which
//! also keeps the worker from crowding out the other groups on the shared store.

use std::sync::Arc;

use futures_util::future::BoxFuture;

use super::{Handler, HandlerError, Record};
use crate::events::{Event, Payload, Role, CHAT_EVENTS};
use crate::llm::{Llm, LlmError, Said};
use crate::store::{ConversationSummary, Store, SummaryMessage};

pub struct Summary {
    pub store: Store,
    pub llm: Arc<dyn Llm>,
    /// Recorded with each summary: "builtin" or the upstream model's name.
    pub model: String,
}

impl Summary {
    /// (Re)write the summary of `conversation` from the messages kept for it.
    async fn summarize(&self, conversation: &str, user: &str) -> Result<(), HandlerError> {
        let kept = self.store.conversation_messages(user, conversation).await.map_err(HandlerError::from)?;
        let Some(last) = kept.last() else { return Ok(()) };
        let (last_message_id, last_ts_ms) = (last.3.clone(), last.2);
        let messages: Vec<Said> = kept.into_iter().map(|(role, content, _, _)| Said { role, content }).collect();
        let turns = messages.iter().filter(|m| m.role == "assistant").count() as i64;
        let text = self.llm.summarize(conversation, &messages).await.map_err(|e| match e {
            // An upstream that does not answer is down, not the record's fault.
            LlmError::Timeout(_) | LlmError::Upstream(_) | LlmError::TooLarge(_) | LlmError::Interrupted(_) => {
                HandlerError::Unavailable(format!("summary model: {e}"))
            }
        })?;
        self.store
            .put_summary(ConversationSummary {
                conversation_id: conversation.to_string(),
                user_id: user.to_string(),
                summary: text,
                messages: messages.len() as i64,
                turns,
                last_message_id,
                last_ts_ms,
                model: self.model.clone(),
                updated_ms: chrono::Utc::now().timestamp_millis(),
            })
            .await
            .map_err(HandlerError::from)
    }
}

impl Handler for Summary {
    fn name(&self) -> &'static str {
        "chatctl-summary"
    }

    fn topics(&self) -> Vec<String> {
        vec![CHAT_EVENTS.into()]
    }

    fn handle<'a>(&'a self, event: &'a Event, _rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let Payload::ChatMessage(m) = &event.payload else { return Ok(()) };
            self.store
                .summary_message(SummaryMessage {
                    event_id: event.event_id.to_string(),
                    ts_ms: event.timestamp.timestamp_millis(),
                    conversation_id: m.conversation_id.clone(),
                    message_id: m.message_id.clone(),
                    user_id: m.user_id.clone(),
                    role: m.role.as_str().to_string(),
                    content: m.content.clone(),
                })
                .await
                .map_err(HandlerError::from)?;
            // A turn is complete when the assistant's answer is in.
            if m.role == Role::Assistant {
                self.summarize(&m.conversation_id, &m.user_id).await?;
            }
            Ok(())
        })
    }
}
