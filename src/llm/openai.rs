//! An OpenAI-compatible streaming client (`POST {base}/v1/chat/completions`, SSE), which
//! vLLM, llama.cpp's server and Ollama all speak.

use std::time::Duration;

use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use serde_json::json;

use super::{ChunkStream, Llm, LlmError, LlmRequest};

#[derive(Debug, Clone)]
pub struct OpenAiClient {
    pub base_url: String,
    pub model: String,
    pub api_key: Option<String>,
    /// Longest wait for the next piece of the answer (and for the response to start).
    pub idle_timeout: Duration,
    http: reqwest::Client,
}

impl OpenAiClient {
    pub fn new(base_url: &str, model: &str, api_key: Option<String>, idle_timeout: Duration) -> Self {
        let http = reqwest::Client::builder().connect_timeout(Duration::from_secs(5)).build().expect("TLS backend");
        OpenAiClient {
            base_url: base_url.trim_end_matches('/').to_string(),
            model: model.to_string(),
            api_key,
            idle_timeout,
            http,
        }
    }
}

impl Llm for OpenAiClient {
    fn stream(&self, req: LlmRequest) -> ChunkStream {
        let mut messages = vec![json!({"role": "user", "content": req.prompt})];
        if !req.prefix.is_empty() {
            // A takeover: let the model continue the partial answer.
            messages.push(json!({"role": "assistant", "content": req.prefix}));
        }
        let body = json!({"model": self.model, "messages": messages, "stream": true});
        let mut builder = self.http.post(format!("{}/v1/chat/completions", self.base_url)).json(&body);
        if let Some(key) = &self.api_key {
            builder = builder.bearer_auth(key);
        }
        let idle = self.idle_timeout;
        let s = async_stream(builder, idle);
        Box::pin(s)
    }

    fn name(&self) -> &str {
        "openai"
    }
}

fn async_stream(
    builder: reqwest::RequestBuilder,
    idle: Duration,
) -> impl futures_util::Stream<Item = Result<String, LlmError>> + Send {
    enum State {
        Start(Box<reqwest::RequestBuilder>),
        Reading(std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<eventsource_stream::Event, String>> + Send>>),
        Done,
    }
    futures_util::stream::unfold(State::Start(Box::new(builder)), move |state| async move {
        let mut events = match state {
            State::Done => return None,
            State::Reading(events) => events,
            State::Start(builder) => {
                let resp = match tokio::time::timeout(idle, (*builder).send()).await {
                    Err(_) => {
                        return Some((Err(LlmError::Timeout(format!("no response within {idle:?}"))), State::Done))
                    }
                    Ok(Err(e)) => return Some((Err(LlmError::Upstream(e.to_string())), State::Done)),
                    Ok(Ok(r)) => r,
                };
                if !resp.status().is_success() {
                    let status = resp.status();
                    let text = resp.text().await.unwrap_or_default();
                    let msg = format!("HTTP {status}: {}", text.chars().take(200).collect::<String>());
                    return Some((Err(LlmError::Upstream(msg)), State::Done));
                }
                Box::pin(resp.bytes_stream().eventsource().map(|r| r.map_err(|e| e.to_string())))
            }
        };
        loop {
            let next = match tokio::time::timeout(idle, events.next()).await {
                Err(_) => return Some((Err(LlmError::Timeout(format!("no data for {idle:?}"))), State::Done)),
                Ok(None) => return None,
                Ok(Some(Err(e))) => return Some((Err(LlmError::Upstream(e)), State::Done)),
                Ok(Some(Ok(ev))) => ev,
            };
            if next.data.trim() == "[DONE]" {
                return None;
            }
            let v: serde_json::Value = match serde_json::from_str(&next.data) {
                Ok(v) => v,
                Err(e) => return Some((Err(LlmError::Upstream(format!("bad SSE data: {e}"))), State::Done)),
            };
            if let Some(err) = v.get("error") {
                return Some((Err(LlmError::Upstream(err.to_string())), State::Done));
            }
            let delta = v["choices"][0]["delta"]["content"].as_str().unwrap_or_default();
            if !delta.is_empty() {
                return Some((Ok(delta.to_string()), State::Reading(events)));
            }
        }
    })
}
