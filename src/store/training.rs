//! Training data: chat messages kept by eventId, joined into prompt/answer pairs on read.

use serde::Serialize;

use super::writer::WriteError;
use super::{Param, Store};
use crate::error::Result;

/// A chat message kept for training export.
#[derive(Debug, Clone)]
pub struct TrainingMessage {
    pub event_id: String,
    pub ts_ms: i64,
    pub conversation_id: String,
    pub message_id: String,
    pub role: String,
    pub content: String,
    pub reply_to: Option<String>,
}

/// One training example: a prompt and the answer it got.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingPair {
    pub conversation_id: String,
    pub message_id: String,
    pub ts_ms: i64,
    pub prompt: String,
    pub completion: String,
}

const INSERT_MESSAGE: &str = "INSERT INTO training_messages (event_id, ts_ms, conversation_id, message_id, role, \
    content, reply_to) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING";
// An answer and the prompt it replies to; a message delivered twice (two eventIds) pairs once.
const Q_PAIRS: &str = "SELECT a.conversation_id, a.message_id, MIN(a.ts_ms), MIN(u.content), MIN(a.content) \
    FROM training_messages a JOIN training_messages u ON u.message_id = a.reply_to AND u.role = 'user' \
    WHERE a.role = 'assistant' AND a.ts_ms >= $1 AND a.ts_ms < $2 \
    GROUP BY a.conversation_id, a.message_id ORDER BY MIN(a.ts_ms), a.message_id";

impl Store {
    /// Keep a chat message for training export; one with the same eventId is left as it is.
    pub async fn training_message(&self, m: TrainingMessage) -> std::result::Result<(), WriteError> {
        let params = vec![
            Param::Text(m.event_id),
            Param::Int(m.ts_ms),
            Param::Text(m.conversation_id),
            Param::Text(m.message_id),
            Param::Text(m.role),
            Param::Text(m.content),
            Param::OptText(m.reply_to),
        ];
        self.exec(INSERT_MESSAGE, params).await
    }

    /// Prompt/answer pairs whose answer is in [from, to), oldest first.
    pub async fn training_pairs(&self, from_ms: i64, to_ms: i64) -> Result<Vec<TrainingPair>> {
        self.query(Q_PAIRS, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| TrainingPair {
            conversation_id: r.text(0),
            message_id: r.text(1),
            ts_ms: r.int(2),
            prompt: r.text(3),
            completion: r.text(4),
        })
        .await
    }

    /// Empty the training messages (a rebuild by replay starts from here).
    pub async fn clear_training(&self) -> Result<()> {
        self.delete_all("DELETE FROM training_messages").await
    }
}

/// The tables a rebuild of this domain replaces (`Store::swap_in`).
pub const TRAINING_TABLES: &[&str] = &["training_messages"];
