//! LLM upstreams behind one trait: the deterministic built-in model (the default, so
//! `serve` runs offline) and an OpenAI-compatible streaming client.

pub mod builtin;
pub mod openai;

use std::pin::Pin;

use futures_util::future::BoxFuture;
use futures_util::{Stream, StreamExt};

/// One generation request.
#[derive(Debug, Clone)]
pub struct LlmRequest {
    pub message_id: String,
    pub prompt: String,
    /// Text already delivered (a takeover continues after it).
    pub prefix: String,
    /// Index of the first chunk to produce (a takeover resumes mid-stream).
    pub start_chunk: u32,
}

/// Why an upstream failed; `code()` is the STREAM_ERROR errorCode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LlmError {
    #[error("upstream timed out: {0}")]
    Timeout(String),
    #[error("upstream failed: {0}")]
    Upstream(String),
    /// The answer reached the node's size limit (bytes) and was cut off there.
    #[error("the answer reached the {0}-byte limit (--max-answer-bytes) and was cut off")]
    TooLarge(usize),
    /// The node shut down before the answer finished (past its drain timeout).
    #[error("the node shut down before the answer finished ({0})")]
    Interrupted(String),
}

impl LlmError {
    pub fn code(&self) -> &'static str {
        match self {
            LlmError::Timeout(_) => "TIMEOUT_ERROR",
            LlmError::Upstream(_) => "UPSTREAM_ERROR",
            LlmError::TooLarge(_) => "ANSWER_TOO_LARGE",
            LlmError::Interrupted(_) => "DRAINING",
        }
    }

    /// What an end user is told: no upstream address, status or body (those are in the
    /// node's log and the STREAM_ERROR event, redacted).
    pub fn public_message(&self) -> String {
        match self {
            LlmError::Timeout(_) => "the model did not answer in time; try again".into(),
            LlmError::Upstream(_) => "the model's server failed; try again".into(),
            LlmError::TooLarge(_) => self.to_string(),
            LlmError::Interrupted(_) => "the node shut down before the answer finished; ask again".into(),
        }
    }
}

pub type ChunkStream = Pin<Box<dyn Stream<Item = Result<String, LlmError>> + Send>>;

/// One message of a conversation to summarize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// "user" or "assistant".
    pub role: String,
    pub content: String,
}

/// Messages and characters per message an upstream summary is asked about (the latest).
const SUMMARY_MESSAGES: usize = 40;
const SUMMARY_CHARS: usize = 2000;

/// The request an upstream model gets for a summary of `messages`.
pub fn summary_prompt(messages: &[Said]) -> String {
    let mut p = String::from(
        "Summarize the following conversation in at most three sentences: what the user wants \
         and what the assistant answered.\n\n",
    );
    for m in &messages[messages.len().saturating_sub(SUMMARY_MESSAGES)..] {
        let text: String = m.content.chars().take(SUMMARY_CHARS).collect();
        p.push_str(&format!("{}: {}\n", m.role, text));
    }
    p
}

/// A source of streamed answers. Dropping the stream cancels the upstream request.
pub trait Llm: Send + Sync + 'static {
    fn stream(&self, req: LlmRequest) -> ChunkStream;
    fn name(&self) -> &str;

    /// A summary of the conversation `messages` (oldest first): by default the upstream's
    /// whole answer to [`summary_prompt`].
    fn summarize<'a>(
        &'a self,
        conversation_id: &'a str,
        messages: &'a [Said],
    ) -> BoxFuture<'a, Result<String, LlmError>> {
        Box::pin(async move {
            let mut answer = self.stream(LlmRequest {
                message_id: format!("summary-{conversation_id}"),
                prompt: summary_prompt(messages),
                prefix: String::new(),
                start_chunk: 0,
            });
            let mut out = String::new();
            while let Some(piece) = answer.next().await {
                out.push_str(&piece?);
            }
            Ok(out.trim().to_string())
        })
    }
}
