//! The gateway: the WebSocket front door. It streams answers chunk by chunk on the
//! real-time path (upstream → resume buffer → client) and records every step as an event
//! on the Kafka path, which it never waits on.

#[allow(unsafe_code)] // getrlimit/setrlimit, with its SAFETY note
pub mod accept;
pub mod announce;
mod answer;
pub mod auth;
pub mod connection;
pub mod coordination;
pub mod follow;
mod frames;
mod saving;

pub mod protocol;
pub mod publisher;
pub mod server;
pub mod spool;
mod takeover;
mod telemetry;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{broadcast, watch};

use crate::events::{
    ChatMessage, ChunkReceived, Event, Payload, Role, SessionStarted, StreamCompleted, StreamError, StreamResumed,
};
use crate::llm::{Llm, LlmRequest};
use crate::metrics::Metrics;
use crate::realtime::{Admission, Claimed, Fenced, Final, MessageMeta, ResumeBuffer, Subscriber};
use auth::Auth;
use protocol::{ErrorCode, ServerFrame};
use publisher::Publisher;

pub use answer::{final_frame, ChatEnd};

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_frame_bytes: usize,
    pub max_streams_per_user: usize,
    /// Frames per second per connection (burst = 2x).
    pub frames_per_sec: u32,
    /// Rate-limit violations after which a connection is closed as abusive.
    pub max_violations: u32,
    /// Outgoing frames buffered per connection before it is closed as too slow.
    pub send_buffer: usize,
    /// Open connections per node; past it, upgrades get 503 + Retry-After (a load
    /// balancer tries another node).
    pub max_connections: usize,
    /// Open connections per user on one node; past it, 429 + Retry-After.
    pub max_connections_per_user: usize,
    /// Answers one user may start per minute, across the fleet with Redis (0: no quota).
    pub max_answers_per_minute: usize,
    /// Bytes one user's answers of the last buffer TTL may hold in Redis (0: no quota).
    pub max_buffer_bytes_per_user: usize,
    /// Open TCP connections from one client address (before any upgrade); past it, closed
    /// at accept. Bounds what one host cycling half-sent requests can hold.
    pub max_connections_per_address: usize,
    /// Longest wait for a request's headers before the socket is closed.
    pub header_read_timeout: Duration,
    /// The server pings a WebSocket this often; a client that answers nothing (no pong,
    /// no frame) within `pong_timeout` after a ping is closed.
    pub ping_interval: Duration,
    pub pong_timeout: Duration,
    /// Longest a single frame (or the close handshake) may take to reach a client that
    /// stopped reading before the connection is dropped.
    pub write_timeout: Duration,
    /// An answer stops at this many bytes (it ends with a clear notice, not silently).
    pub max_answer_bytes: usize,
    /// Origins a browser may open /ws from (`*`: any). Empty: the Origin must match Host.
    pub allowed_origins: Vec<String>,
    /// Resumes and follows one connection may run at once.
    pub max_follows_per_connection: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_frame_bytes: 16 * 1024,
            max_streams_per_user: 4,
            frames_per_sec: 20,
            max_violations: 20,
            send_buffer: 1024,
            max_connections: 50_000,
            max_connections_per_user: 32,
            max_connections_per_address: 1024,
            max_answers_per_minute: 60,
            max_buffer_bytes_per_user: 8 * 1024 * 1024,
            header_read_timeout: server::HEADER_READ_TIMEOUT,
            ping_interval: Duration::from_secs(25),
            pong_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            max_answer_bytes: 256 * 1024,
            allowed_origins: Vec::new(),
            max_follows_per_connection: 16,
        }
    }
}

/// One answer being generated on this node: its buffered chunks and live feed, so a
/// client that reconnects here resumes without a gap or a duplicate.
pub struct LiveMessage {
    pub user_id: String,
    pub chunks: Vec<String>,
    pub done: Option<ServerFrame>,
    pub feed: broadcast::Sender<ServerFrame>,
}

/// How long an answer's delivered chunks are folded into one CHUNK_RECEIVED by default:
/// each chunk keeps its index, length and latency in the event, and a client never waits
/// for it (`serve --chunk-events-every`). Half a second: a model's tokens come 20-50 ms
/// apart, so at 100 ms an event folded two to five chunks; at 500, ten to twenty-five (at
/// 10,000 streams of a chunk per 200 ms: 18k events/s instead of 46k, -17% CPU per chunk;
/// BENCHMARKS.md, 2026-12-08 03:55). Telemetry is at most that late in Kafka.
pub const CHUNK_EVENTS_EVERY: Duration = Duration::from_millis(500);

pub struct Gateway {
    pub node_id: String,
    pub auth: Auth,
    pub limits: Limits,
    pub llm: Arc<dyn Llm>,
    pub publisher: Publisher,
    pub buffer: Option<ResumeBuffer>,
    /// Live entries of messages generated elsewhere (with Redis).
    pub subscriber: Option<Subscriber>,
    pub metrics: Arc<Metrics>,
    /// CHUNK_RECEIVED telemetry: one event for the chunks an answer delivers within this
    /// long (zero: an event per chunk). See [`CHUNK_EVENTS_EVERY`].
    pub chunk_events_every: Duration,
    user_streams: Mutex<HashMap<String, usize>>,
    /// When each user's answers of the last minute started (the quota without Redis).
    answers_started: Mutex<HashMap<String, std::collections::VecDeque<Instant>>>,
    /// The answers this node generates now (by message id).
    generating: Mutex<std::collections::HashSet<String>>,
    user_connections: Mutex<HashMap<String, usize>>,
    open_connections: AtomicUsize,
    /// Open connections by id: their session, user and frame queue (announcements).
    pub(crate) registry: Mutex<HashMap<u64, (ChatOrigin, frames::FrameSender)>>,
    next_connection: std::sync::atomic::AtomicU64,
    pub(crate) live: Mutex<HashMap<String, Arc<Mutex<LiveMessage>>>>,
    active: AtomicUsize,
    draining: watch::Sender<bool>,
    /// Set on drain (with Redis): generations give their lease up for another node.
    handoff: watch::Sender<bool>,
    /// Set past the drain timeout: the answers still running here end now (their terminal
    /// events published, so the flush that follows carries them).
    halt: watch::Sender<bool>,
    /// `/readyz`'s last Redis check: when, and whether it answered.
    pub(crate) redis_ready: tokio::sync::Mutex<Option<(Instant, bool)>>,
    /// Redis write failures since the last one logged (one line a second at most: an
    /// outage fails every stream's writes at once).
    redis_failures_unlogged: std::sync::atomic::AtomicU64,
    redis_failure_logged: Mutex<Option<Instant>>,
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
            subscriber: buffer.as_ref().map(|b| Subscriber::start(b.primary().clone())),
            buffer,
            metrics,
            chunk_events_every: CHUNK_EVENTS_EVERY,
            user_streams: Mutex::new(HashMap::new()),
            generating: Mutex::default(),
            answers_started: Mutex::default(),
            user_connections: Mutex::new(HashMap::new()),
            open_connections: AtomicUsize::new(0),
            registry: Mutex::new(HashMap::new()),
            next_connection: std::sync::atomic::AtomicU64::new(0),
            live: Mutex::new(HashMap::new()),
            active: AtomicUsize::new(0),
            draining: watch::channel(false).0,
            handoff: watch::channel(false).0,
            halt: watch::channel(false).0,
            redis_ready: tokio::sync::Mutex::new(None),
            redis_failures_unlogged: std::sync::atomic::AtomicU64::new(0),
            redis_failure_logged: Mutex::new(None),
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

    /// Stop taking new chats and connections (`/readyz` answers 503 from now on) and tell
    /// connected clients to reconnect elsewhere. With Redis, the answers being generated
    /// are handed over: each gives its lease up, with its position saved, and another node
    /// continues it at its next sweep instead of after the lease TTL.
    pub fn start_drain(&self) {
        self.draining.send_replace(true);
        if self.buffer.is_some() {
            self.handoff.send_replace(true);
        }
    }

    /// End every answer still running here (past the drain timeout): each delivers what it
    /// has, then ends with `DRAINING` (STREAM_ERROR recorded). Waits up to `within` for them.
    pub async fn halt(&self, within: Duration) -> bool {
        self.halt.send_replace(true);
        let until = Instant::now() + within;
        while self.active_streams() > 0 && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.active_streams() == 0
    }

    /// [`Gateway::start_drain`], then wait up to `deadline` until this node generates
    /// nothing (handed over, or finished here).
    pub async fn drain(&self, deadline: Duration) -> bool {
        self.start_drain();
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

    /// Send an announcement to the matching connections of this node; returns how many.
    pub fn deliver_announcement(&self, a: &announce::Announcement) -> usize {
        let frame = ServerFrame::Announcement { announcement_id: a.announcement_id.clone(), text: a.text.clone() };
        // Serialised once; written outside the registry's lock (a frame is written into its
        // socket by the sender: connections come and go meanwhile).
        let text = frame.to_text();
        let to: Vec<frames::FrameSender> = {
            let registry = self.registry.lock().unwrap();
            let matching = registry.values().filter(|(origin, _)| a.matches(&origin.session_id, &origin.user_id));
            matching.map(|(_, frames)| frames.clone()).collect()
        };
        for frames in &to {
            frames.try_send_text(text.clone());
        }
        self.metrics.announcements_delivered.inc_by(to.len() as u64);
        to.len()
    }

    pub(crate) fn register(&self, origin: &ChatOrigin, frames: frames::FrameSender) -> u64 {
        let id = self.next_connection.fetch_add(1, Ordering::Relaxed);
        self.registry.lock().unwrap().insert(id, (origin.clone(), frames));
        id
    }

    pub(crate) fn deregister(&self, id: u64) {
        self.registry.lock().unwrap().remove(&id);
    }

    /// Admission control for a new connection: the node's capacity, then the user's.
    pub fn admit_connection(self: &Arc<Self>, user: &str) -> Result<ConnectionGuard, Refusal> {
        if self.open_connections.fetch_add(1, Ordering::SeqCst) >= self.limits.max_connections {
            self.open_connections.fetch_sub(1, Ordering::SeqCst);
            self.metrics.connections_refused.get_or_create(&vec![("reason", "node_full")]).inc();
            return Err(Refusal::NodeFull);
        }
        let mut users = self.user_connections.lock().unwrap();
        let n = users.entry(user.to_string()).or_insert(0);
        if *n >= self.limits.max_connections_per_user {
            drop(users);
            self.open_connections.fetch_sub(1, Ordering::SeqCst);
            self.metrics.connections_refused.get_or_create(&vec![("reason", "user_limit")]).inc();
            return Err(Refusal::UserLimit);
        }
        *n += 1;
        Ok(ConnectionGuard { gw: self.clone(), user: user.to_string() })
    }

    /// Admission control for a new chat: the event queue, then the user's stream count.
    /// The user's slot across the fleet (with Redis): `max_streams_per_user` per user over
    /// every node, not per node. A Redis that does not answer does not stop chats (the
    /// node's own cap still holds).
    pub(crate) async fn admit_fleet(&self, user: &str, message_id: &str) -> Result<(), ServerFrame> {
        let Some(buf) = &self.buffer else { return Ok(()) };
        let (cap, per_minute) = (self.limits.max_streams_per_user, self.limits.max_answers_per_minute);
        let max_bytes = self.limits.max_buffer_bytes_per_user;
        match buf.acquire_stream(user, message_id, cap, STREAM_SLOT_TTL, per_minute, max_bytes).await {
            Ok(Admission::Admitted) => Ok(()),
            Ok(Admission::Full) => Err(ServerFrame::Error {
                code: ErrorCode::TooManyStreams,
                message: format!("at most {cap} concurrent answers per user"),
                message_id: Some(message_id.to_string()),
            }),
            Ok(Admission::OverQuota { retry }) => Err(ServerFrame::Error {
                code: ErrorCode::RateLimited,
                message: over_quota(per_minute, retry),
                message_id: Some(message_id.to_string()),
            }),
            Ok(Admission::OverBytes { retry }) => Err(ServerFrame::Error {
                code: ErrorCode::RateLimited,
                message: format!(
                    "your recent answers hold {max_bytes} bytes of resume buffers, the most one user may; \
                     the next may start in {} s",
                    retry.as_secs() + 1
                ),
                message_id: Some(message_id.to_string()),
            }),
            Err(e) => {
                self.redis_failed(&e);
                Ok(())
            }
        }
    }

    pub(crate) fn admit(self: &Arc<Self>, user: &str, message_id: &str) -> Result<StreamGuard, ServerFrame> {
        if self.is_draining() {
            return Err(ServerFrame::error(ErrorCode::Draining, "this node is shutting down; reconnect"));
        }
        if !self.publisher.admit() {
            return Err(ServerFrame::error(ErrorCode::Busy, "the event log is backed up; try again shortly"));
        }
        // Without Redis the per-minute quota is this node's (with Redis, the fleet's).
        if self.buffer.is_none() && self.limits.max_answers_per_minute > 0 {
            let mut started = self.answers_started.lock().unwrap();
            let times = started.entry(user.to_string()).or_default();
            while times.front().is_some_and(|t| t.elapsed() >= Duration::from_secs(60)) {
                times.pop_front();
            }
            if times.len() >= self.limits.max_answers_per_minute {
                let retry =
                    Duration::from_secs(60).saturating_sub(times.front().map(|t| t.elapsed()).unwrap_or_default());
                return Err(ServerFrame::error(
                    ErrorCode::RateLimited,
                    over_quota(self.limits.max_answers_per_minute, retry),
                ));
            }
            times.push_back(Instant::now());
        }
        // Checked and counted under one lock: two chats racing for the last slot cannot
        // both get it.
        let mut streams = self.user_streams.lock().unwrap();
        let running = streams.entry(user.to_string()).or_insert(0);
        if *running >= self.limits.max_streams_per_user {
            return Err(ServerFrame::error(
                ErrorCode::TooManyStreams,
                format!("at most {} concurrent answers per user", self.limits.max_streams_per_user),
            ));
        }
        *running += 1;
        drop(streams);
        Ok(self.counted(user, message_id))
    }

    /// Count an answer this node takes over (for drain and the per-user limit); None when
    /// this node generates it already (a claim a failover rolled back, made again: one
    /// generation per message and node, whatever Redis forgot).
    fn track(self: &Arc<Self>, user: &str, message_id: &str) -> Option<StreamGuard> {
        if self.generating.lock().unwrap().contains(message_id) {
            return None;
        }
        *self.user_streams.lock().unwrap().entry(user.to_string()).or_insert(0) += 1;
        Some(self.counted(user, message_id))
    }

    /// The guard of a stream already counted in `user_streams`.
    fn counted(self: &Arc<Self>, user: &str, message_id: &str) -> StreamGuard {
        self.generating.lock().unwrap().insert(message_id.to_string());
        self.active.fetch_add(1, Ordering::Relaxed);
        self.metrics.streams_active.inc();
        StreamGuard { gw: self.clone(), user: user.to_string(), message_id: message_id.to_string() }
    }
}

/// The error a user over the per-minute quota is told.
fn over_quota(per_minute: usize, retry: Duration) -> String {
    format!("at most {per_minute} answers per minute per user; the next may start in {} s", retry.as_secs() + 1)
}

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NodeFull,
    UserLimit,
}

/// Holds one of the node's connection slots (and one of its user's).
pub struct ConnectionGuard {
    gw: Arc<Gateway>,
    user: String,
}

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        let mut users = self.gw.user_connections.lock().unwrap();
        if let Some(n) = users.get_mut(&self.user) {
            *n -= 1;
            if *n == 0 {
                users.remove(&self.user);
            }
        }
        self.gw.open_connections.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How long a user's fleet-wide stream slot lives without being given back: a node that
/// died mid-answer (and whose answer nobody took over) frees its slots within this.
pub const STREAM_SLOT_TTL: Duration = Duration::from_secs(600);

/// Holds one of a user's stream slots; releases it when the answer ends (on this node, and
/// in Redis across the fleet).
pub(crate) struct StreamGuard {
    gw: Arc<Gateway>,
    user: String,
    message_id: String,
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
        drop(streams);
        self.gw.generating.lock().unwrap().remove(&self.message_id);
        self.gw.active.fetch_sub(1, Ordering::Relaxed);
        self.gw.metrics.streams_active.dec();
        if let Some(buf) = self.gw.buffer.clone() {
            let (user, message_id) = (std::mem::take(&mut self.user), std::mem::take(&mut self.message_id));
            if let Ok(rt) = tokio::runtime::Handle::try_current() {
                rt.spawn(async move {
                    if let Err(e) = buf.release_stream(&user, &message_id).await {
                        tracing::warn!(error = %e, "could not give a stream slot back (it lapses by itself)");
                    }
                });
            }
        }
    }
}
