//! The built-in model: an offline, deterministic "LLM". Chunk k of (messageId, prompt) is
//! always the same text, so a node that takes over a stream continues it exactly.

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::Stream;

use super::{ChunkStream, Llm, LlmError, LlmRequest, Said};

#[derive(Debug, Clone)]
pub struct BuiltinModel {
    /// Chunks per answer.
    pub chunks: u32,
    /// Words per chunk.
    pub words_per_chunk: u32,
    /// Pause before each chunk (the "token rate").
    pub interval: Duration,
    /// Prefix each chunk with its emit time (unix µs) so a load generator on the same
    /// host can measure upstream-emit → client-receive latency.
    pub stamp: bool,
}

impl Default for BuiltinModel {
    fn default() -> Self {
        BuiltinModel { chunks: 24, words_per_chunk: 3, interval: Duration::from_millis(40), stamp: false }
    }
}

const WORDS: &[&str] = &[
    "kafka",
    "stream",
    "chunk",
    "token",
    "answer",
    "node",
    "partition",
    "offset",
    "replay",
    "event",
    "the",
    "a",
    "of",
    "and",
    "to",
    "is",
    "every",
    "message",
    "resume",
    "epoch",
    "gateway",
    "worker",
    "audit",
    "lag",
    "broker",
    "log",
    "durable",
    "ordered",
    "idempotent",
    "exactly",
    "latency",
    "fast",
];

fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl BuiltinModel {
    /// The text of chunk `k` for this request: a pure function of (messageId, prompt, k).
    pub fn chunk(&self, message_id: &str, prompt: &str, k: u32) -> String {
        let seed = fnv1a(prompt.as_bytes(), fnv1a(message_id.as_bytes(), 0xcbf2_9ce4_8422_2325));
        let mut state = splitmix(seed ^ (k as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let mut out = String::new();
        for w in 0..self.words_per_chunk {
            state = splitmix(state);
            let word = WORDS[(state % WORDS.len() as u64) as usize];
            if k > 0 || w > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        if k + 1 == self.chunks {
            out.push('.');
        }
        out
    }
}

impl Llm for BuiltinModel {
    fn stream(&self, req: LlmRequest) -> ChunkStream {
        let pause = (!self.interval.is_zero()).then(|| Box::pin(tokio::time::sleep(Duration::ZERO)));
        Box::pin(Chunks { model: self.clone(), k: req.start_chunk, req, pause, armed: false })
    }

    fn name(&self) -> &str {
        "builtin"
    }

    /// Offline and instant: an extractive summary (what was asked, how the last answer
    /// began), a pure function of the messages, so a redelivery or a replay writes it again
    /// word for word.
    fn summarize<'a>(
        &'a self,
        _conversation: &'a str,
        messages: &'a [Said],
    ) -> BoxFuture<'a, Result<String, LlmError>> {
        Box::pin(async move { Ok(extractive_summary(messages)) })
    }
}

/// A built-in answer's chunks, one per `interval` (the pause before each one starts when
/// the chunk is asked for). One timer per answer, reset per chunk.
struct Chunks {
    model: BuiltinModel,
    req: LlmRequest,
    k: u32,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
    armed: bool,
}

impl Stream for Chunks {
    type Item = Result<String, LlmError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.k >= this.model.chunks {
            return Poll::Ready(None);
        }
        if let Some(pause) = &mut this.pause {
            if !this.armed {
                pause.as_mut().reset(tokio::time::Instant::now() + this.model.interval);
                this.armed = true;
            }
            ready!(pause.as_mut().poll(cx));
            this.armed = false;
        }
        let text = this.model.chunk(&this.req.message_id, &this.req.prompt, this.k);
        this.k += 1;
        if this.model.stamp {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            return Poll::Ready(Some(Ok(format!("{}|{text}", now.as_micros()))));
        }
        Poll::Ready(Some(Ok(text)))
    }
}

/// Questions quoted in a built-in summary (the latest), and their length.
const QUOTED: usize = 5;
const QUOTE_CHARS: usize = 80;

fn quote(text: &str, chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= chars {
        return one_line;
    }
    let cut: String = one_line.chars().take(chars).collect();
    format!("{}…", cut.trim_end())
}

/// "2 turns. Asked: “q1” · “q2”. Last answer: “…”."
pub fn extractive_summary(messages: &[Said]) -> String {
    let asked: Vec<&Said> = messages.iter().filter(|m| m.role == "user").collect();
    let turns = messages.iter().filter(|m| m.role == "assistant").count();
    let mut out = format!("{turns} turn{}.", if turns == 1 { "" } else { "s" });
    if !asked.is_empty() {
        let skipped = asked.len().saturating_sub(QUOTED);
        let quoted: Vec<String> =
            asked[skipped..].iter().map(|m| format!("“{}”", quote(&m.content, QUOTE_CHARS))).collect();
        let more = if skipped > 0 { format!("{skipped} earlier question(s), then ") } else { String::new() };
        out.push_str(&format!(" Asked: {more}{}.", quoted.join(" · ")));
    }
    if let Some(last) = messages.iter().rev().find(|m| m.role == "assistant") {
        out.push_str(&format!(" Last answer: “{}”.", quote(&last.content, QUOTE_CHARS)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[tokio::test]
    async fn deterministic_and_resumable() {
        let m = BuiltinModel { chunks: 10, words_per_chunk: 2, interval: Duration::ZERO, stamp: false };
        let req = |start| LlmRequest {
            message_id: "m".into(),
            prompt: "p".into(),
            prefix: String::new(),
            start_chunk: start,
        };
        let all: Vec<String> = m.stream(req(0)).map(|c| c.unwrap()).collect().await;
        let again: Vec<String> = m.stream(req(0)).map(|c| c.unwrap()).collect().await;
        let tail: Vec<String> = m.stream(req(6)).map(|c| c.unwrap()).collect().await;
        assert_eq!(all.len(), 10);
        assert_eq!(all, again);
        assert_eq!(&all[6..], &tail[..]);
        assert!(all.last().unwrap().ends_with('.'));
        let other: Vec<String> =
            m.stream(LlmRequest { message_id: "m2".into(), ..req(0) }).map(|c| c.unwrap()).collect().await;
        assert_ne!(all, other);
    }

    #[test]
    fn extractive_summaries_quote_the_conversation() {
        let said = |role: &str, content: &str| Said { role: role.into(), content: content.into() };
        let mut conv =
            vec![said("user", "How do I reset a consumer group?"), said("assistant", "Use chatctl groups reset.")];
        assert_eq!(
            extractive_summary(&conv),
            "1 turn. Asked: “How do I reset a consumer group?”. Last answer: “Use chatctl groups reset.”."
        );
        for i in 0..6 {
            conv.push(said("user", &format!("question {i}  with\nspaces")));
            conv.push(said("assistant", &"word ".repeat(40)));
        }
        let s = extractive_summary(&conv);
        assert!(s.starts_with("7 turns. Asked: 2 earlier question(s), then “question 1 with spaces”"), "{s}");
        assert!(s.contains("“question 5 with spaces”. Last answer: “word word"), "{s}");
        assert!(s.ends_with("…”."), "{s}");
        assert_eq!(extractive_summary(&[]), "0 turns.");
    }
}
