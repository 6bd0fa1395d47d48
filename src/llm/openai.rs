//! An OpenAI-compatible streaming client (`POST {base}/v1/chat/completions`, SSE), which
//! vLLM, llama.cpp's server and Ollama all speak.

use std::time::Duration;

use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use serde_json::json;

use super::{ChunkStream, Llm, LlmError, LlmRequest};

/// How long the upstream may take: to accept the connection, to send the first piece of
/// the answer, and between two pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub first_token: Duration,
    pub between_tokens: Duration,
}

impl Timeouts {
    /// One limit for the first piece and between pieces; connecting within 5 s.
    pub fn idle(idle: Duration) -> Self {
        Timeouts { connect: Duration::from_secs(5), first_token: idle, between_tokens: idle }
    }
}

#[derive(Clone)]
pub struct OpenAiClient {
    pub base_url: String,
    pub model: String,
    pub api_key: Option<String>,
    pub timeouts: Timeouts,
    /// `max_tokens` asked of the upstream (its own cap on the answer's length).
    pub max_tokens: Option<u32>,
    http: reqwest::Client,
}

impl std::fmt::Debug for OpenAiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenAiClient")
            .field("base_url", &crate::security::redact_url(&self.base_url))
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("timeouts", &self.timeouts)
            .field("max_tokens", &self.max_tokens)
            .finish()
    }
}

impl OpenAiClient {
    pub fn new(base_url: &str, model: &str, api_key: Option<String>, timeouts: Timeouts) -> Self {
        let http = reqwest::Client::builder().connect_timeout(timeouts.connect).build().expect("TLS backend");
        OpenAiClient {
            base_url: base_url.trim_end_matches('/').to_string(),
            model: model.to_string(),
            api_key,
            timeouts,
            max_tokens: None,
            http,
        }
    }

    pub fn with_max_tokens(mut self, max: Option<u32>) -> Self {
        self.max_tokens = max;
        self
    }
}

impl Llm for OpenAiClient {
    fn stream(&self, req: LlmRequest) -> ChunkStream {
        let mut messages = vec![json!({"role": "user", "content": req.prompt})];
        if !req.prefix.is_empty() {
            // A takeover: let the model continue the partial answer.
            messages.push(json!({"role": "assistant", "content": req.prefix}));
        }
        let mut body = json!({"model": self.model, "messages": messages, "stream": true});
        if let Some(max) = self.max_tokens {
            body["max_tokens"] = json!(max);
        }
        let mut builder = self.http.post(format!("{}/v1/chat/completions", self.base_url)).json(&body);
        if let Some(key) = &self.api_key {
            builder = builder.bearer_auth(key);
        }
        let s = async_stream(builder, self.timeouts);
        Box::pin(s)
    }

    fn name(&self) -> &str {
        "openai"
    }
}

/// What an upstream said, for the node's log: its status and the start of its body, with
/// any URL in it stripped of credentials and path. Never sent to end users.
fn upstream_said(status: reqwest::StatusCode, body: &str) -> String {
    let text: String = body.chars().take(200).collect();
    format!("HTTP {status}: {}", crate::security::redact_text(&text))
}

fn async_stream(
    builder: reqwest::RequestBuilder,
    t: Timeouts,
) -> impl futures_util::Stream<Item = Result<String, LlmError>> + Send {
    type Events = std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<eventsource_stream::Event, String>> + Send>>;
    enum State {
        Start(Box<reqwest::RequestBuilder>),
        /// Reading; until the first piece arrives, by the first-token deadline.
        Reading(Events, Option<tokio::time::Instant>),
        Done,
    }
    let failed = |e: LlmError| Some((Err(e), State::Done));
    futures_util::stream::unfold(State::Start(Box::new(builder)), move |state| async move {
        let (mut events, mut first_by) = match state {
            State::Done => return None,
            State::Reading(events, first_by) => (events, first_by),
            State::Start(builder) => {
                let first_by = tokio::time::Instant::now() + t.first_token;
                let resp = match tokio::time::timeout_at(first_by, (*builder).send()).await {
                    Err(_) => return failed(LlmError::Timeout(format!("no response within {:?}", t.first_token))),
                    Ok(Err(e)) if e.is_connect() || e.is_timeout() => {
                        return failed(LlmError::Upstream(format!("cannot connect: {}", redacted(&e))))
                    }
                    Ok(Err(e)) => return failed(LlmError::Upstream(redacted(&e))),
                    Ok(Ok(r)) => r,
                };
                if !resp.status().is_success() {
                    let status = resp.status();
                    let text = resp.text().await.unwrap_or_default();
                    return failed(LlmError::Upstream(upstream_said(status, &text)));
                }
                let events: Events = Box::pin(resp.bytes_stream().eventsource().map(|r| r.map_err(|e| e.to_string())));
                (events, Some(first_by))
            }
        };
        loop {
            let deadline = first_by.unwrap_or_else(|| tokio::time::Instant::now() + t.between_tokens);
            let next = match tokio::time::timeout_at(deadline, events.next()).await {
                Err(_) if first_by.is_some() => {
                    return failed(LlmError::Timeout(format!("no first token within {:?}", t.first_token)))
                }
                Err(_) => return failed(LlmError::Timeout(format!("no data for {:?}", t.between_tokens))),
                Ok(None) => return None,
                Ok(Some(Err(e))) => return failed(LlmError::Upstream(crate::security::redact_text(&e))),
                Ok(Some(Ok(ev))) => ev,
            };
            if next.data.trim() == "[DONE]" {
                return None;
            }
            let v: serde_json::Value = match serde_json::from_str(&next.data) {
                Ok(v) => v,
                Err(e) => return failed(LlmError::Upstream(format!("bad SSE data: {e}"))),
            };
            if let Some(err) = v.get("error") {
                let text: String = err.to_string().chars().take(200).collect();
                return failed(LlmError::Upstream(crate::security::redact_text(&text)));
            }
            let delta = v["choices"][0]["delta"]["content"].as_str().unwrap_or_default();
            if !delta.is_empty() {
                first_by = None;
                return Some((Ok(delta.to_string()), State::Reading(events, first_by)));
            }
        }
    })
}

/// A reqwest error without the URL's credentials or path.
fn redacted(e: &reqwest::Error) -> String {
    crate::security::redact_text(&e.to_string())
}
