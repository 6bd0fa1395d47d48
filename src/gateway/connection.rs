//! One WebSocket connection, generic over its sink and stream so the protocol is testable
//! with channels as well as with a real socket.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::ws::{CloseFrame, Message};
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use tokio::sync::{mpsc, oneshot};

use super::protocol::{self, ClientFrame, ErrorCode, ServerFrame};
use super::{ChatOrigin, Gateway};

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

/// Outgoing: frames are serialised by the sender, so a queue slot is a string, not a
/// frame (an idle connection's first queue block stays small).
enum Out {
    Text(String),
    Close(u16, &'static str),
}

/// Serve one connection until the client leaves or misbehaves. Answers being generated
/// keep going after a disconnect (the client may resume).
pub async fn run<W, R, E>(gw: Arc<Gateway>, origin: ChatOrigin, sink: W, mut stream: R)
where
    W: Sink<Message> + Unpin + Send + 'static,
    R: Stream<Item = Result<Message, E>> + Unpin + Send,
{
    gw.metrics.connections.inc();
    let (tx, mut rx) = mpsc::channel::<Out>(gw.limits.send_buffer);
    let writer = tokio::spawn(async move {
        let mut sink = sink;
        while let Some(out) = rx.recv().await {
            let msg = match out {
                Out::Text(t) => Message::Text(t.into()),
                Out::Close(code, reason) => {
                    let _ = sink.send(Message::Close(Some(CloseFrame { code, reason: reason.into() }))).await;
                    break;
                }
            };
            if sink.send(msg).await.is_err() {
                break;
            }
        }
        let _ = sink.close().await;
    });
    // A slow client does not slow generation down: when its buffer is full, it is cut
    // off (it can resume) rather than queued without bound.
    let closer = tx.clone();
    let deliver = {
        let tx = tx.clone();
        move |f: ServerFrame| {
            let _ = tx.try_send(Out::Text(f.to_text()));
        }
    };
    let metrics = gw.metrics.clone();
    let error = move |f: ServerFrame| {
        if let ServerFrame::Error { code, .. } = &f {
            metrics.frame_errors.get_or_create(&vec![("code", code.as_str())]).inc();
        }
        let _ = tx.try_send(Out::Text(f.to_text()));
    };

    deliver(ServerFrame::Session {
        session_id: origin.session_id.clone(),
        node_id: gw.node_id.clone(),
        user_id: origin.user_id.clone(),
    });

    let stops: Arc<Mutex<HashMap<String, oneshot::Sender<()>>>> = Arc::default();
    let mut limiter = RateLimit::new(gw.limits.frames_per_sec);
    let mut violations = 0;
    let mut drain = gw.drain_signal();
    let mut told_to_reconnect = false;
    loop {
        let msg = tokio::select! {
            msg = stream.next() => msg,
            _ = drain.wait_for(|d| *d), if !told_to_reconnect => {
                // Keep serving what is in flight; the client moves when it is done.
                deliver(ServerFrame::Reconnect { reason: "node draining".into() });
                told_to_reconnect = true;
                continue;
            }
        };
        let text = match msg {
            None | Some(Err(_)) | Some(Ok(Message::Close(_))) => break,
            Some(Ok(Message::Text(t))) => t,
            Some(Ok(Message::Binary(_))) => {
                error(ServerFrame::error(ErrorCode::BadJson, "binary frames are not supported; send JSON text"));
                continue;
            }
            Some(Ok(_)) => continue, // ping/pong handled by the WebSocket layer
        };
        if !limiter.allow() {
            violations += 1;
            error(ServerFrame::error(ErrorCode::RateLimited, "too many frames; slow down"));
            if violations >= gw.limits.max_violations {
                // Abusive: close with 1008 (policy violation).
                let _ = closer.try_send(Out::Close(1008, "too many frames"));
                break;
            }
            continue;
        }
        let frame = match protocol::parse(&text, gw.limits.max_frame_bytes) {
            Ok(f) => f,
            Err(e) => {
                error(e);
                continue;
            }
        };
        match frame {
            ClientFrame::Ping => deliver(ServerFrame::Pong),
            ClientFrame::Stop { message_id } => match stops.lock().unwrap().remove(&message_id) {
                Some(stop) => {
                    let _ = stop.send(());
                }
                None => error(ServerFrame::Error {
                    code: ErrorCode::UnknownMessage,
                    message: "no answer with this id is being generated for this connection".into(),
                    message_id: Some(message_id),
                }),
            },
            ClientFrame::Chat { conversation_id, content } => {
                let guard = match gw.admit(&origin.user_id) {
                    Ok(g) => g,
                    Err(e) => {
                        error(e);
                        continue;
                    }
                };
                let message_id = uuid::Uuid::now_v7().to_string();
                let (stop_tx, stop_rx) = oneshot::channel();
                stops.lock().unwrap().insert(message_id.clone(), stop_tx);
                let (gw2, origin2, deliver2, stops2) = (gw.clone(), origin.clone(), deliver.clone(), stops.clone());
                tokio::spawn(async move {
                    let _guard = guard;
                    gw2.run_chat(origin2, conversation_id, content, message_id.clone(), deliver2, stop_rx).await;
                    stops2.lock().unwrap().remove(&message_id);
                });
            }
            ClientFrame::Resume { message_id, last_chunk, .. } => {
                resume(&gw, &message_id, last_chunk, deliver.clone(), &error).await;
            }
        }
    }
    gw.metrics.connections.dec();
    drop((deliver, error, closer));
    let _ = writer.await;
}

/// Send what the client missed after `last_chunk`, then the live rest, with no gap and no
/// duplicate at the seam (subscribe first, then read the buffer, then skip what was sent).
async fn resume(
    gw: &Arc<Gateway>,
    message_id: &str,
    last_chunk: Option<u32>,
    deliver: impl Fn(ServerFrame) + Send + Clone + 'static,
    error: &impl Fn(ServerFrame),
) {
    let next = last_chunk.map(|c| c + 1).unwrap_or(0);
    let live = gw.live.lock().unwrap().get(message_id).cloned();
    if let Some(live) = live {
        let (mut feed, chunks, done) = {
            let l = live.lock().unwrap();
            (l.feed.subscribe(), l.chunks.clone(), l.done.clone())
        };
        let mut sent = next;
        for (i, delta) in chunks.iter().enumerate().skip(next as usize) {
            deliver(ServerFrame::Chunk {
                message_id: message_id.into(),
                epoch: 0,
                index: i as u32,
                delta: delta.clone(),
            });
            sent = i as u32 + 1;
        }
        if let Some(done) = done {
            deliver(done);
            return;
        }
        tokio::spawn(async move {
            while let Ok(frame) = feed.recv().await {
                match &frame {
                    ServerFrame::Chunk { index, .. } if *index < sent => continue,
                    ServerFrame::Chunk { .. } => deliver(frame),
                    _ => {
                        deliver(frame);
                        break;
                    }
                }
            }
        });
        return;
    }
    if let Some(buf) = &gw.buffer {
        match buf.read_all(message_id).await {
            Ok(entries) if !entries.is_empty() => {
                for e in entries.iter().filter(|e| e.terminal.is_empty() && e.index >= next) {
                    deliver(ServerFrame::Chunk {
                        message_id: message_id.into(),
                        epoch: e.epoch,
                        index: e.index,
                        delta: e.delta.clone(),
                    });
                }
                if let Some(t) = entries.iter().find(|e| !e.terminal.is_empty()) {
                    let total: u64 = entries.iter().map(|e| e.delta.len() as u64).sum();
                    deliver(ServerFrame::Done {
                        message_id: message_id.into(),
                        total_chunks: t.index,
                        content_length: total,
                        stopped: false,
                    });
                }
                return;
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "resume buffer read failed"),
        }
    }
    error(ServerFrame::Error {
        code: ErrorCode::UnknownMessage,
        message: "nothing to resume for this message (unknown or expired)".into(),
        message_id: Some(message_id.into()),
    });
}
