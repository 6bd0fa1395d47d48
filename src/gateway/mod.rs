//! The gateway: the WebSocket front door. It streams answers chunk by chunk on the
//! real-time path (upstream → resume buffer → client) and records every step as an event
//! on the Kafka path, which it never waits on.

pub mod auth;
pub mod connection;
pub mod metrics;
pub mod protocol;
pub mod publisher;
pub mod server;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::{broadcast, watch};

use crate::events::{ChatMessage, ChunkReceived, Event, Payload, Role, SessionStarted, StreamCompleted, StreamError};
use crate::llm::{Llm, LlmRequest};
use crate::realtime::ResumeBuffer;
use auth::Auth;
use metrics::Metrics;
use protocol::{ErrorCode, ServerFrame};
use publisher::Publisher;

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_frame_bytes: usize,
    pub max_streams_per_user: usize,
    /// Frames per second per connection (burst = 2x).
    pub frames_per_sec: u32,
    /// Rate-limit violations after which a connection is closed as abusive.
    pub max_violations: u32,
    /// Outgoing frames buffered per connection before it is dropped as too slow.
    pub send_buffer: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_frame_bytes: 16 * 1024,
            max_streams_per_user: 4,
            frames_per_sec: 20,
            max_violations: 20,
            send_buffer: 1024,
        }
    }
}

/// One answer being generated on this node: its buffered chunks and live feed, so a
/// client that reconnects here resumes without a gap or a duplicate.
pub struct LiveMessage {
    pub chunks: Vec<String>,
    pub done: Option<ServerFrame>,
    pub feed: broadcast::Sender<ServerFrame>,
}

pub struct Gateway {
    pub node_id: String,
    pub auth: Auth,
    pub limits: Limits,
    pub llm: Arc<dyn Llm>,
    pub publisher: Publisher,
    pub buffer: Option<ResumeBuffer>,
    pub metrics: Arc<Metrics>,
    user_streams: Mutex<HashMap<String, usize>>,
    pub(crate) live: Mutex<HashMap<String, Arc<Mutex<LiveMessage>>>>,
    active: AtomicUsize,
    draining: watch::Sender<bool>,
}

/// What a chat turn needs to know about where it came from.
#[derive(Debug, Clone)]
pub struct ChatOrigin {
    pub session_id: String,
    pub user_id: String,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
}

impl Gateway {
    pub fn new(
        node_id: String,
        auth: Auth,
        limits: Limits,
        llm: Arc<dyn Llm>,
        publisher: Publisher,
        buffer: Option<ResumeBuffer>,
        metrics: Arc<Metrics>,
    ) -> Gateway {
        Gateway {
            node_id,
            auth,
            limits,
            llm,
            publisher,
            buffer,
            metrics,
            user_streams: Mutex::new(HashMap::new()),
            live: Mutex::new(HashMap::new()),
            active: AtomicUsize::new(0),
            draining: watch::channel(false).0,
        }
    }

    pub fn active_streams(&self) -> usize {
        self.active.load(Ordering::Relaxed)
    }

    pub fn is_draining(&self) -> bool {
        *self.draining.borrow()
    }

    pub fn drain_signal(&self) -> watch::Receiver<bool> {
        self.draining.subscribe()
    }

    /// Stop taking new chats; tell connected clients to reconnect elsewhere; wait up to
    /// `deadline` for the answers being generated to finish.
    pub async fn drain(&self, deadline: Duration) -> bool {
        self.draining.send_replace(true);
        let until = Instant::now() + deadline;
        while self.active_streams() > 0 && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.active_streams() == 0
    }

    fn event(&self, origin: &ChatOrigin, payload: Payload) -> Event {
        let mut e = Event::new(&origin.session_id, &self.node_id, payload);
        e.metadata.client_ip = origin.client_ip.clone();
        e.metadata.user_agent = origin.user_agent.clone();
        e
    }

    /// Admission control for a new chat: the event queue, then the user's stream count.
    pub(crate) fn admit(self: &Arc<Self>, user: &str) -> Result<StreamGuard, ServerFrame> {
        if self.is_draining() {
            return Err(ServerFrame::error(ErrorCode::Draining, "this node is shutting down; reconnect"));
        }
        if !self.publisher.admit() {
            return Err(ServerFrame::error(ErrorCode::Busy, "the event log is backed up; try again shortly"));
        }
        let mut streams = self.user_streams.lock().unwrap();
        let n = streams.entry(user.to_string()).or_insert(0);
        if *n >= self.limits.max_streams_per_user {
            return Err(ServerFrame::error(
                ErrorCode::TooManyStreams,
                format!("at most {} concurrent answers per user", self.limits.max_streams_per_user),
            ));
        }
        *n += 1;
        self.active.fetch_add(1, Ordering::Relaxed);
        self.metrics.streams_active.inc();
        Ok(StreamGuard { gw: self.clone(), user: user.to_string() })
    }

    /// Generate one answer. `send` delivers frames to the asking connection (it may have
    /// gone: a disconnect is not a stop); `stop` resolves when the client asks to stop.
    pub(crate) async fn run_chat(
        self: &Arc<Self>,
        origin: ChatOrigin,
        conversation_id: String,
        content: String,
        message_id: String,
        send: impl Fn(ServerFrame) + Send,
        stop: tokio::sync::oneshot::Receiver<()>,
    ) {
        let started = Instant::now();
        let user_message_id = uuid::Uuid::now_v7().to_string();
        self.publisher.publish(self.event(
            &origin,
            Payload::ChatMessage(ChatMessage {
                message_id: user_message_id.clone(),
                conversation_id: conversation_id.clone(),
                user_id: origin.user_id.clone(),
                role: Role::User,
                content: content.clone(),
                reply_to: None,
            }),
        ));
        self.publisher.publish(self.event(
            &origin,
            Payload::SessionStarted(SessionStarted {
                user_id: origin.user_id.clone(),
                message_id: message_id.clone(),
                conversation_id: conversation_id.clone(),
            }),
        ));
        // Only resuming clients subscribe; the channel is small and skipped when unused.
        let (feed, _) = broadcast::channel(64);
        let live = Arc::new(Mutex::new(LiveMessage { chunks: Vec::new(), done: None, feed }));
        self.live.lock().unwrap().insert(message_id.clone(), live.clone());

        let start = ServerFrame::Start {
            message_id: message_id.clone(),
            conversation_id: conversation_id.clone(),
            reply_to: user_message_id.clone(),
            epoch: 0,
        };
        send(start);

        let mut upstream = self.llm.stream(LlmRequest {
            message_id: message_id.clone(),
            prompt: content,
            prefix: String::new(),
            start_chunk: 0,
        });
        let mut stop = stop;
        let mut answer = String::new();
        let mut index: u32 = 0;
        let outcome: Result<bool, crate::llm::LlmError> = loop {
            let next = tokio::select! {
                biased;
                _ = &mut stop => break Ok(true),
                next = upstream.next() => next,
            };
            match next {
                None => break Ok(false),
                Some(Err(e)) => break Err(e),
                Some(Ok(delta)) => {
                    let emitted = Instant::now();
                    if let Some(buf) = &self.buffer {
                        if let Err(e) = buf.append(&message_id, 0, index, &delta, "").await {
                            self.metrics.redis_errors.inc();
                            tracing::warn!(error = %e, "resume buffer write failed");
                        }
                    }
                    answer.push_str(&delta);
                    let frame =
                        ServerFrame::Chunk { message_id: message_id.clone(), epoch: 0, index, delta: delta.clone() };
                    {
                        let mut l = live.lock().unwrap();
                        l.chunks.push(delta.clone());
                        if l.feed.receiver_count() > 0 {
                            let _ = l.feed.send(frame.clone());
                        }
                    }
                    send(frame);
                    self.metrics.chunks_sent.inc();
                    self.metrics.chunk_latency_ms_sum.inc_by(emitted.elapsed().as_millis() as u64);
                    self.publisher.publish(self.event(
                        &origin,
                        Payload::ChunkReceived(ChunkReceived {
                            message_id: message_id.clone(),
                            chunk_index: index,
                            content_length: delta.len() as u32,
                            latency_ms: started.elapsed().as_millis() as u64,
                        }),
                    ));
                    index += 1;
                }
            }
        };
        // Dropping the upstream stream cancels its request (stop, error or end).
        drop(upstream);
        let total_latency_ms = started.elapsed().as_millis() as u64;
        let (terminal, frame) = match outcome {
            Ok(stopped) => {
                self.publisher.publish(self.event(
                    &origin,
                    Payload::ChatMessage(ChatMessage {
                        message_id: message_id.clone(),
                        conversation_id: conversation_id.clone(),
                        user_id: origin.user_id.clone(),
                        role: Role::Assistant,
                        content: answer.clone(),
                        reply_to: Some(user_message_id),
                    }),
                ));
                if stopped {
                    self.publisher.publish(self.event(
                        &origin,
                        Payload::StreamError(StreamError {
                            message_id: message_id.clone(),
                            error: "stopped by the client".into(),
                            error_code: "CANCELLED".into(),
                            chunk_index: index.checked_sub(1),
                        }),
                    ));
                } else {
                    self.publisher.publish(self.event(
                        &origin,
                        Payload::StreamCompleted(StreamCompleted {
                            message_id: message_id.clone(),
                            conversation_id,
                            total_chunks: index,
                            content_length: answer.len() as u64,
                            total_latency_ms,
                            tokens_used: answer.split_whitespace().count() as u64,
                        }),
                    ));
                }
                let done = ServerFrame::Done {
                    message_id: message_id.clone(),
                    total_chunks: index,
                    content_length: answer.len() as u64,
                    stopped,
                };
                ("done", done)
            }
            Err(e) => {
                self.publisher.publish(self.event(
                    &origin,
                    Payload::StreamError(StreamError {
                        message_id: message_id.clone(),
                        error: e.to_string(),
                        error_code: e.code().into(),
                        chunk_index: index.checked_sub(1),
                    }),
                ));
                let code = if e.code() == "TIMEOUT_ERROR" { ErrorCode::TimeoutError } else { ErrorCode::UpstreamError };
                let frame = ServerFrame::Error { code, message: e.to_string(), message_id: Some(message_id.clone()) };
                ("error", frame)
            }
        };
        if let Some(buf) = &self.buffer {
            if let Err(e) = buf.append(&message_id, 0, index, "", terminal).await {
                self.metrics.redis_errors.inc();
                tracing::warn!(error = %e, "resume buffer write failed");
            }
        }
        {
            let mut l = live.lock().unwrap();
            l.done = Some(frame.clone());
            let _ = l.feed.send(frame.clone());
        }
        send(frame);
        // Keep the finished message resumable here for a short while.
        let gw = Arc::downgrade(self);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(60)).await;
            if let Some(gw) = gw.upgrade() {
                gw.live.lock().unwrap().remove(&message_id);
            }
        });
    }
}

/// Holds one of a user's stream slots; releases it when the answer ends.
pub(crate) struct StreamGuard {
    gw: Arc<Gateway>,
    user: String,
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut streams = self.gw.user_streams.lock().unwrap();
        if let Some(n) = streams.get_mut(&self.user) {
            *n -= 1;
            if *n == 0 {
                streams.remove(&self.user);
            }
        }
        self.gw.active.fetch_sub(1, Ordering::Relaxed);
        self.gw.metrics.streams_active.dec();
    }
}
