//! LLM upstreams behind one trait: the deterministic built-in model (the default, so
//! `serve` runs offline) and an OpenAI-compatible streaming client.

pub mod builtin;
pub mod openai;

use std::pin::Pin;

use futures_util::Stream;

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
}

impl LlmError {
    pub fn code(&self) -> &'static str {
        match self {
            LlmError::Timeout(_) => "TIMEOUT_ERROR",
            LlmError::Upstream(_) => "UPSTREAM_ERROR",
        }
    }
}

pub type ChunkStream = Pin<Box<dyn Stream<Item = Result<String, LlmError>> + Send>>;

/// A source of streamed answers. Dropping the stream cancels the upstream request.
pub trait Llm: Send + Sync + 'static {
    fn stream(&self, req: LlmRequest) -> ChunkStream;
    fn name(&self) -> &str;
}
