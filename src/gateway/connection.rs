//! One WebSocket connection, generic over its sink and stream so the protocol is testable
//! with channels as well as with a real socket.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::ws::Message;
use futures_util::{Sink, Stream, StreamExt};
use tokio::sync::{oneshot, watch};

use super::frames::{Closing, End, FrameSender};
use super::protocol::{self, ClientFrame, ErrorCode, ServerFrame};
use super::{follow, ChatEnd, ChatOrigin, Gateway};
use crate::realtime::channel;

/// Token bucket: `rate` frames per second, bursts of `2 * rate`.
struct RateLimit {
    rate: f64,
    tokens: f64,
    last: Instant,
}

impl RateLimit {
    fn new(rate: u32) -> Self {
        RateLimit { rate: rate as f64, tokens: 2.0 * rate as f64, last: Instant::now() }
    }

    fn allow(&mut self) -> bool {
        let now = Instant::now();
        self.tokens = (self.tokens + now.duration_since(self.last).as_secs_f64() * self.rate).min(2.0 * self.rate);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The close code for a client that answered no ping within the pong timeout.
pub const CLOSE_NO_PONG: u16 = 4001;

/// Serve one connection until the client leaves or misbehaves. Answers being generated
/// keep going after a disconnect (the client may resume).
pub async fn run<W, R, E>(gw: Arc<Gateway>, origin: ChatOrigin, sink: W, mut stream: R)
where
    W: Sink<Message> + Unpin + Send + 'static,
    R: Stream<Item = Result<Message, E>> + Unpin + Send,
    E: std::fmt::Display,
{
    gw.metrics.connections.inc();
    let (frames, writer) = super::frames::outbox(sink, gw.limits.send_buffer, gw.limits.write_timeout);
    let mut writer = tokio::spawn(write_frames(writer, gw.clone()));
    let (gone_tx, gone) = watch::channel(false);
    let conn = Conn { gw: gw.clone(), origin, frames, stops: Arc::default(), gone, follows: Arc::default() };
    conn.deliver(ServerFrame::Session {
        session_id: conn.origin.session_id.clone(),
        node_id: gw.node_id.clone(),
        user_id: conn.origin.user_id.clone(),
    });
    let registered = gw.register(&conn.origin, conn.frames.clone());
    let mut guard = Guard { limiter: RateLimit::new(gw.limits.frames_per_sec), violations: 0 };
    let mut drain = gw.drain_signal();
    let mut told_to_reconnect = false;
    let mut writer_done = false;
    let mut keepalive = Keepalive::new(gw.limits.ping_interval, gw.limits.pong_timeout);
    loop {
        let msg = tokio::select! {
            msg = stream.next() => msg,
            _ = tokio::time::sleep_until(keepalive.due()) => {
                if keepalive.pinged.is_some() {
                    gw.metrics.clients_timed_out.inc();
                    conn.frames.close(Closing::NoPong);
                    break;
                }
                conn.frames.ping();
                keepalive.pinged = Some(tokio::time::Instant::now());
                continue;
            }
            _ = &mut writer => {
                // The socket failed, or the client was too slow and was closed.
                writer_done = true;
                break;
            }
            _ = drain.wait_for(|d| *d), if !told_to_reconnect => {
                // Keep serving what is in flight; the client moves when it is done.
                conn.deliver(ServerFrame::Reconnect { reason: "node draining".into() });
                told_to_reconnect = true;
                continue;
            }
        };
        let msg = match msg {
            // A frame far over the limit (the WebSocket layer refuses to read it): said in
            // an error frame, then closed with 1008, as docs/serve.md says.
            Some(Err(e)) if too_large(&e) => {
                conn.refuse_huge_frame();
                break;
            }
            None | Some(Err(_)) | Some(Ok(Message::Close(_))) => break,
            Some(Ok(m)) => m,
        };
        keepalive.heard();
        // Boxed: a received frame's handling (a chat, a resume) is a large future, and an idle
        // connection's task would otherwise keep its room (~1.7 KiB each) while it waits.
        if !Box::pin(conn.receive(msg, &mut guard)).await {
            break;
        }
    }
    gw.deregister(registered);
    gw.metrics.connections.dec();
    // Followers of this connection stop; answers it asked for keep generating.
    let _ = gone_tx.send(true);
    drop(conn);
    if !writer_done {
        let _ = writer.await;
    }
}

impl Conn {
    /// A frame far over the limit: said in an error frame, then closed with 1008.
    fn refuse_huge_frame(&self) {
        self.gw.metrics.frame_errors.get_or_create(&vec![("code", "FRAME_TOO_LARGE")]).inc();
        self.deliver(ServerFrame::error(
            ErrorCode::FrameTooLarge,
            format!("a frame over {} bytes: the connection is closed", self.gw.limits.max_frame_bytes * 4),
        ));
        self.frames.close(Closing::FrameTooLarge);
    }
}

/// The WebSocket layer refused a message or frame over its size cap (tungstenite's
/// `Capacity` error, which axum passes on as text).
fn too_large(e: &impl std::fmt::Display) -> bool {
    let text = e.to_string();
    text.contains("Space limit exceeded") || text.contains("too long") || text.contains("too big")
}

/// Keepalive: a ping after `ping_every` of silence from the client; anything it sends (a
/// pong included) counts as an answer. No answer within `pong_within`: closed.
struct Keepalive {
    ping_every: std::time::Duration,
    pong_within: std::time::Duration,
    heard: tokio::time::Instant,
    pinged: Option<tokio::time::Instant>,
}

impl Keepalive {
    fn new(ping_every: std::time::Duration, pong_within: std::time::Duration) -> Keepalive {
        Keepalive { ping_every, pong_within, heard: tokio::time::Instant::now(), pinged: None }
    }

    /// When to ping, or (pinged) when to give up.
    fn due(&self) -> tokio::time::Instant {
        match self.pinged {
            Some(at) => at + self.pong_within,
            None => self.heard + self.ping_every,
        }
    }

    fn heard(&mut self) {
        self.heard = tokio::time::Instant::now();
        self.pinged = None;
    }
}

/// A connection's frame budget, and how often it went over.
struct Guard {
    limiter: RateLimit,
    violations: u32,
}

impl Conn {
    /// One frame from the client; false: the connection is to be closed (abuse).
    async fn receive(&self, msg: Message, guard: &mut Guard) -> bool {
        // Every frame counts, text, binary or control: a ping flood is a flood too.
        if !guard.limiter.allow() {
            guard.violations += 1;
            self.error(ServerFrame::error(ErrorCode::RateLimited, "too many frames; slow down"));
            if guard.violations >= self.gw.limits.max_violations {
                // Abusive: close with 1008 (policy violation).
                self.frames.close(Closing::TooManyFrames);
                return false;
            }
            return true;
        }
        let text = match msg {
            Message::Text(t) => t,
            Message::Binary(_) => {
                self.error(ServerFrame::error(ErrorCode::BadJson, "binary frames are not supported; send JSON text"));
                return true;
            }
            _ => return true, // ping/pong answered by the WebSocket layer
        };
        match protocol::parse(&text, self.gw.limits.max_frame_bytes) {
            Ok(frame) => self.handle(frame).await,
            Err(e) => self.error(e),
        }
        true
    }
}

/// The connection's writer (`frames.rs`), counted as it ends.
async fn write_frames(writer: super::frames::Writer, gw: Arc<Gateway>) {
    match writer.run().await {
        End::TooSlow => {
            gw.metrics.slow_clients_closed.inc();
        }
        End::TimedOut => {
            gw.metrics.clients_timed_out.inc();
        }
        End::Close(_) | End::Failed | End::Finished => {}
    }
}

/// One connection's side of the protocol.
struct Conn {
    gw: Arc<Gateway>,
    origin: ChatOrigin,
    /// The client's frame queue.
    frames: FrameSender,
    /// Answers this connection asked for and may stop.
    stops: Arc<Mutex<HashMap<String, oneshot::Sender<()>>>>,
    /// Turns true when the client has left.
    gone: watch::Receiver<bool>,
    /// One clone per follow this connection runs (resumes are bounded per connection).
    follows: Arc<()>,
}

impl Conn {
    fn deliver(&self, f: ServerFrame) {
        self.frames.try_send(f);
    }

    /// An error frame, counted by code.
    fn error(&self, f: ServerFrame) {
        if let ServerFrame::Error { code, .. } = &f {
            self.gw.metrics.frame_errors.get_or_create(&vec![("code", code.as_str())]).inc();
        }
        self.deliver(f);
    }

    async fn handle(&self, frame: ClientFrame) {
        match frame {
            ClientFrame::Ping => self.deliver(ServerFrame::Pong),
            ClientFrame::Stop { message_id } => self.stop(message_id),
            ClientFrame::Chat { conversation_id, content } => self.chat(conversation_id, content),
            ClientFrame::Resume { message_id, last_chunk, .. } => {
                let next = last_chunk.map(|c| c + 1).unwrap_or(0);
                // Each follow holds a ticket: the count is bounded per connection.
                if Arc::strong_count(&self.follows) > self.gw.limits.max_follows_per_connection {
                    return self.error(ServerFrame::Error {
                        code: ErrorCode::TooManyStreams,
                        message: "too many resumes on this connection".into(),
                        message_id: Some(message_id),
                    });
                }
                let (gone, ticket) = (self.gone.clone(), self.follows.clone());
                let user = &self.origin.user_id;
                if let Err(refused) =
                    follow::resume(&self.gw, user, &message_id, next, self.frames.clone(), gone, ticket).await
                {
                    self.error(refused);
                }
            }
        }
    }

    fn stop(&self, message_id: String) {
        match self.stops.lock().unwrap().remove(&message_id) {
            Some(stop) => {
                let _ = stop.send(());
            }
            None => self.error(ServerFrame::Error {
                code: ErrorCode::UnknownMessage,
                message: "no answer with this id is being generated for this connection".into(),
                message_id: Some(message_id),
            }),
        }
    }

    /// Start an answer; if another node takes it over, this client follows it there.
    fn chat(&self, conversation_id: String, content: String) {
        let message_id = uuid::Uuid::now_v7().to_string();
        let guard = match self.gw.admit(&self.origin.user_id, &message_id) {
            Ok(g) => g,
            Err(e) => return self.error(e),
        };
        let (stop_tx, stop_rx) = oneshot::channel();
        self.stops.lock().unwrap().insert(message_id.clone(), stop_tx);
        let (gw, origin, frames, stops, gone) =
            (self.gw.clone(), self.origin.clone(), self.frames.clone(), self.stops.clone(), self.gone.clone());
        let metrics = self.gw.metrics.clone();
        tokio::spawn(async move {
            // The node's own cap was checked at once; the fleet's is one Redis call.
            if let Err(refused) = gw.admit_fleet(&origin.user_id, &message_id).await {
                stops.lock().unwrap().remove(&message_id);
                drop(guard);
                if let ServerFrame::Error { code, .. } = &refused {
                    metrics.frame_errors.get_or_create(&vec![("code", code.as_str())]).inc();
                }
                return frames.try_send(refused);
            }
            // A slow client does not slow generation down: when its queue is full, it is
            // closed with CLOSE_RESUME (it resumes from its last chunk).
            let end = gw.run_chat(origin, conversation_id, content, message_id.clone(), &frames, stop_rx).await;
            stops.lock().unwrap().remove(&message_id);
            drop(guard);
            if let (ChatEnd::Fenced { next }, Some(subscriber)) = (end, &gw.subscriber) {
                let sub = subscriber.subscribe(&channel(&message_id)).await;
                follow::follow(gw.clone(), message_id, next, None, sub, frames, gone).await;
            }
        });
    }
}
