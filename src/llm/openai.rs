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
    /// Between two pieces of text: events without text (keep-alives, empty deltas) do not
    /// count as progress.
    pub between_tokens: Duration,
    /// The whole answer, first byte to last.
    pub answer: Duration,
}

impl Timeouts {
    /// One limit for the first piece and between pieces; connecting within 5 s; an answer
    /// within 10 minutes.
    pub fn idle(idle: Duration) -> Self {
        Timeouts { connect: Duration::from_secs(5), first_token: idle, between_tokens: idle, answer: ANSWER_TIMEOUT }
    }
}

/// The default bound on one whole answer.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(600);

/// The most of a failed response's body read (for the log): the rest is not waited for.
const ERROR_BODY_BYTES: usize = 4096;

/// The longest SSE line taken from the upstream: a line that never ends is an error, not
/// memory without bound.
pub const MAX_SSE_LINE: usize = 1 << 20;

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
        /// Reading: the next piece of text is due by `due` (the first-token deadline, then
        /// the silence allowed after each piece), and the whole answer by `end`.
        Reading {
            events: Events,
            due: tokio::time::Instant,
            first: bool,
            end: tokio::time::Instant,
        },
        Done,
    }
    let failed = |e: LlmError| Some((Err(e), State::Done));
    futures_util::stream::unfold(State::Start(Box::new(builder)), move |state| async move {
        let (mut events, due, first, end) = match state {
            State::Done => return None,
            State::Reading { events, due, first, end } => (events, due, first, end),
            State::Start(builder) => {
                let started = tokio::time::Instant::now();
                let first_by = started + t.first_token;
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
                    let text = error_body(resp, first_by).await;
                    return failed(LlmError::Upstream(upstream_said(status, &text)));
                }
                let events: Events =
                    Box::pin(bounded_lines(resp.bytes_stream()).eventsource().map(|r| r.map_err(|e| e.to_string())));
                (events, first_by, true, started + t.answer)
            }
        };
        loop {
            let by = due.min(end);
            let next = match tokio::time::timeout_at(by, events.next()).await {
                Err(_) if by == end => {
                    return failed(LlmError::Timeout(format!("the answer took over {:?}", t.answer)))
                }
                Err(_) if first => {
                    return failed(LlmError::Timeout(format!("no first token within {:?}", t.first_token)))
                }
                Err(_) => return failed(LlmError::Timeout(format!("no text for {:?}", t.between_tokens))),
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
            // Only text is progress: empty deltas leave the deadline where it was.
            if !delta.is_empty() {
                let due = tokio::time::Instant::now() + t.between_tokens;
                return Some((Ok(delta.to_string()), State::Reading { events, due, first: false, end }));
            }
        }
    })
}

/// The start of a failed response's body (at most [`ERROR_BODY_BYTES`], by `by`): for the
/// log, never worth waiting on or holding whole.
async fn error_body(mut resp: reqwest::Response, by: tokio::time::Instant) -> String {
    let mut body = Vec::new();
    while body.len() < ERROR_BODY_BYTES {
        match tokio::time::timeout_at(by, resp.chunk()).await {
            Ok(Ok(Some(c))) => body.extend_from_slice(&c),
            _ => break,
        }
    }
    body.truncate(ERROR_BODY_BYTES);
    String::from_utf8_lossy(&body).into_owned()
}

/// The upstream's bytes, failing once a line runs past [`MAX_SSE_LINE`] without ending.
fn bounded_lines<S, B>(bytes: S) -> impl futures_util::Stream<Item = Result<B, String>> + Send
where
    S: futures_util::Stream<Item = reqwest::Result<B>> + Send,
    B: AsRef<[u8]>,
{
    let mut since_newline = 0usize;
    bytes.map(move |chunk| {
        let chunk = chunk.map_err(|e| redacted(&e))?;
        let chunk_bytes = chunk.as_ref();
        since_newline = match memchr::memrchr(b'\n', chunk_bytes) {
            Some(at) => chunk_bytes.len() - at - 1,
            None => since_newline + chunk_bytes.len(),
        };
        if since_newline > MAX_SSE_LINE {
            return Err(format!("an SSE line of more than {MAX_SSE_LINE} bytes"));
        }
        Ok(chunk)
    })
}

/// A reqwest error without the URL's credentials or path.
fn redacted(e: &reqwest::Error) -> String {
    crate::security::redact_text(&e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::{Body, Bytes};
    use std::convert::Infallible;

    /// An upstream answering every request with `status` and the body `parts` (each after
    /// `every`), then `forever` repeated without end.
    async fn upstream(status: u16, parts: Vec<String>, forever: Option<String>, every: Duration) -> String {
        let app = axum::Router::new().fallback(move || {
            let (parts, forever) = (parts.clone(), forever.clone());
            async move {
                let head = futures_util::stream::iter(parts);
                let tail = futures_util::stream::iter(std::iter::repeat_with(move || forever.clone()))
                    .take_while(|f| std::future::ready(f.is_some()))
                    .map(Option::unwrap);
                let body = head.chain(tail).then(move |p| async move {
                    tokio::time::sleep(every).await;
                    Ok::<_, Infallible>(Bytes::from(p))
                });
                axum::response::Response::builder().status(status).body(Body::from_stream(body)).unwrap()
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        format!("http://{addr}")
    }

    fn text(t: &str) -> String {
        format!("data: {}\n\n", json!({"choices": [{"delta": {"content": t}}]}))
    }

    /// Everything the client yields, with how long it took.
    async fn run(url: &str, t: Timeouts) -> (Vec<Result<String, LlmError>>, Duration) {
        let client = OpenAiClient::new(url, "m", None, t);
        let req = LlmRequest { message_id: "m".into(), prompt: "p".into(), prefix: String::new(), start_chunk: 0 };
        let started = std::time::Instant::now();
        let out = tokio::time::timeout(Duration::from_secs(20), client.stream(req).collect::<Vec<_>>()).await.unwrap();
        (out, started.elapsed())
    }

    fn quick() -> Timeouts {
        Timeouts {
            connect: Duration::from_secs(2),
            first_token: Duration::from_millis(800),
            between_tokens: Duration::from_millis(800),
            answer: Duration::from_secs(60),
        }
    }

    #[tokio::test]
    async fn empty_deltas_do_not_keep_a_silent_upstream_alive() {
        let url = upstream(200, vec![text("hello")], Some(text("")), Duration::from_millis(50)).await;
        let (out, took) = run(&url, quick()).await;
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].as_deref().unwrap(), "hello");
        assert!(matches!(&out[1], Err(LlmError::Timeout(m)) if m.contains("no text")), "{out:?}");
        assert!(took < Duration::from_secs(5), "{took:?}");
    }

    #[tokio::test]
    async fn an_answer_that_never_ends_stops_at_its_deadline() {
        let url = upstream(200, Vec::new(), Some(text("more ")), Duration::from_millis(50)).await;
        let (out, took) = run(&url, Timeouts { answer: Duration::from_secs(1), ..quick() }).await;
        assert!(out.len() > 5, "text arrived before the deadline: {}", out.len());
        assert!(
            matches!(out.last().unwrap(), Err(LlmError::Timeout(m)) if m.contains("took over")),
            "{:?}",
            out.last()
        );
        assert!(took < Duration::from_secs(5), "{took:?}");
    }

    #[tokio::test]
    async fn a_line_that_never_ends_is_refused_not_buffered() {
        let url = upstream(200, vec!["data: ".into()], Some("x".repeat(64 * 1024)), Duration::from_millis(1)).await;
        let (out, _) = run(&url, Timeouts { between_tokens: Duration::from_secs(15), ..quick() }).await;
        assert!(
            matches!(out.last().unwrap(), Err(LlmError::Upstream(m)) if m.contains("SSE line")),
            "{:?}",
            out.last()
        );
    }

    #[tokio::test]
    async fn a_failed_response_is_read_bounded_in_size_and_time() {
        let url = upstream(500, vec!["backend down ".into()], Some("y".repeat(1024)), Duration::from_millis(10)).await;
        let (out, took) = run(&url, quick()).await;
        match &out[..] {
            [Err(LlmError::Upstream(m))] => {
                assert!(m.starts_with("HTTP 500") && m.contains("backend down"), "{m}");
                assert!(m.len() < 400, "only the start of the body is kept: {} bytes", m.len());
            }
            other => panic!("{other:?}"),
        }
        assert!(took < Duration::from_secs(3), "an endless error body is not waited for: {took:?}");
    }
}
