//! Conversation summaries: the summary worker's own copy of the chat messages it read from
//! the log (so it never asks the gateway, and a restart or a replay finds them again), and
//! one current summary per conversation.
//!
//! A summary is a function of the messages stored for its conversation, so handling a
//! record twice, or replaying the log, writes the same summary again. A summary never
//! replaces one that covered more of the conversation (a redelivered older turn).

use serde::Serialize;

use super::writer::WriteError;
use super::{Param, Store};
use crate::error::Result;

/// A chat message as the summary worker keeps it.
#[derive(Debug, Clone)]
pub struct SummaryMessage {
    pub event_id: String,
    pub ts_ms: i64,
    pub conversation_id: String,
    pub message_id: String,
    pub user_id: String,
    pub role: String,
    pub content: String,
}

/// The current summary of one conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationSummary {
    pub conversation_id: String,
    pub user_id: String,
    pub summary: String,
    /// Messages the summary covers (user and assistant, each message once).
    pub messages: i64,
    /// Completed turns (assistant answers) it covers.
    pub turns: i64,
    pub last_message_id: String,
    pub last_ts_ms: i64,
    /// What wrote it: "builtin" or the upstream's model name.
    pub model: String,
    pub updated_ms: i64,
}

const INSERT_MESSAGE: &str = "INSERT INTO summary_messages (event_id, ts_ms, conversation_id, message_id, user_id, \
    role, content) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING";
// Each message once even if it was published twice (two eventIds), oldest first.
const Q_CONVERSATION: &str = "SELECT role, MIN(content), MIN(ts_ms), message_id FROM summary_messages \
    WHERE user_id = $1 AND conversation_id = $2 GROUP BY message_id, role ORDER BY MIN(ts_ms), message_id";
const UPSERT_SUMMARY: &str =
    "INSERT INTO user_conversation_summaries (conversation_id, user_id, summary, messages, turns, \
    last_message_id, last_ts_ms, model, updated_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
    ON CONFLICT (user_id, conversation_id) DO UPDATE SET user_id = excluded.user_id, summary = excluded.summary, \
    messages = excluded.messages, turns = excluded.turns, last_message_id = excluded.last_message_id, \
    last_ts_ms = excluded.last_ts_ms, model = excluded.model, updated_ms = excluded.updated_ms \
    WHERE excluded.messages >= user_conversation_summaries.messages";
const Q_SUMMARIES: &str = "SELECT conversation_id, user_id, summary, messages, turns, last_message_id, last_ts_ms, \
    model, updated_ms FROM user_conversation_summaries \
    WHERE ($1 = '' OR conversation_id = $1) AND ($2 = '' OR user_id = $2) ORDER BY last_ts_ms, conversation_id";

impl Store {
    /// Keep a chat message for summaries; one with the same eventId is left as it is.
    pub async fn summary_message(&self, m: SummaryMessage) -> std::result::Result<(), WriteError> {
        self.exec(
            INSERT_MESSAGE,
            vec![
                Param::Text(m.event_id),
                Param::Int(m.ts_ms),
                Param::Text(m.conversation_id),
                Param::Text(m.message_id),
                Param::Text(m.user_id),
                Param::Text(m.role),
                Param::Text(m.content),
            ],
        )
        .await
    }

    /// The messages kept for `conversation`, oldest first: (role, content, ts_ms, message id).
    pub async fn conversation_messages(
        &self,
        user: &str,
        conversation: &str,
    ) -> std::result::Result<Vec<(String, String, i64, String)>, WriteError> {
        self.read(Q_CONVERSATION, vec![Param::Text(user.into()), Param::Text(conversation.into())], |r| {
            (r.text(0), r.text(1), r.int(2), r.text(3))
        })
        .await
    }

    /// Write `s` unless the stored summary already covers more messages.
    pub async fn put_summary(&self, s: ConversationSummary) -> std::result::Result<(), WriteError> {
        self.exec(
            UPSERT_SUMMARY,
            vec![
                Param::Text(s.conversation_id),
                Param::Text(s.user_id),
                Param::Text(s.summary),
                Param::Int(s.messages),
                Param::Int(s.turns),
                Param::Text(s.last_message_id),
                Param::Int(s.last_ts_ms),
                Param::Text(s.model),
                Param::Int(s.updated_ms),
            ],
        )
        .await
    }

    /// Summaries, oldest last message first; empty filters match everything.
    pub async fn summaries(&self, conversation: Option<&str>, user: Option<&str>) -> Result<Vec<ConversationSummary>> {
        let params = vec![Param::Text(conversation.unwrap_or("").into()), Param::Text(user.unwrap_or("").into())];
        self.query(Q_SUMMARIES, params, |r| ConversationSummary {
            conversation_id: r.text(0),
            user_id: r.text(1),
            summary: r.text(2),
            messages: r.int(3),
            turns: r.int(4),
            last_message_id: r.text(5),
            last_ts_ms: r.int(6),
            model: r.text(7),
            updated_ms: r.int(8),
        })
        .await
    }

    /// Empty the summaries and the messages they are made from (a rebuild by replay).
    pub async fn clear_summaries(&self) -> Result<()> {
        self.delete_all("DELETE FROM user_conversation_summaries").await?;
        self.delete_all("DELETE FROM summary_messages").await
    }
}

/// The tables a rebuild of this domain replaces (`Store::swap_in`).
pub const SUMMARY_TABLES: &[&str] = &["summary_messages", "user_conversation_summaries"];
