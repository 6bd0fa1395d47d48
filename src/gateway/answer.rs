//! One answer's lifecycle on the node generating it: opened (or taken over), read from the
//! upstream chunk by chunk, each chunk saved to Redis before it is delivered, the lease
//! renewed, handed over on drain, fenced when another node took it, finished with its
//! terminal events and frame.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;

use super::frames::FrameSender;
use super::saving::{Saved, RETRY_PAUSE};
use super::telemetry::ChunkFold;
use super::*;

impl Gateway {
    /// Generate one answer for a connected client. `send` delivers frames to it (it may
    /// have gone: a disconnect is not a stop); `stop` resolves when the client asks to stop.
    /// Returns where the client stands when another node took the answer over.
    pub(crate) async fn run_chat(
        self: &Arc<Self>,
        origin: ChatOrigin,
        conversation_id: String,
        content: String,
        message_id: String,
        send: &FrameSender,
        stop: tokio::sync::oneshot::Receiver<()>,
    ) -> ChatEnd {
        let mut gen = self.open_chat(origin, conversation_id, content, message_id).await;
        send.try_send(ServerFrame::Start {
            message_id: gen.meta.message_id.clone(),
            conversation_id: gen.meta.conversation_id.clone(),
            reply_to: gen.meta.reply_to.clone(),
            epoch: 0,
        });
        let upstream = self.llm.stream(LlmRequest {
            message_id: gen.meta.message_id.clone(),
            prompt: gen.meta.prompt.clone(),
            prefix: String::new(),
            start_chunk: 0,
        });
        self.generate(&mut gen, upstream, Some(send), stop).await
    }

    /// Record the user's turn and register the answer (Redis: meta, lease at epoch 0).
    async fn open_chat(
        self: &Arc<Self>,
        origin: ChatOrigin,
        conversation_id: String,
        content: String,
        message_id: String,
    ) -> Generation {
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
        let meta = MessageMeta {
            message_id: message_id.clone(),
            session_id: origin.session_id.clone(),
            user_id: origin.user_id.clone(),
            conversation_id,
            prompt: content,
            reply_to: user_message_id,
            started_ms: chrono::Utc::now().timestamp_millis(),
            client_ip: origin.client_ip.clone().unwrap_or_default(),
            user_agent: origin.user_agent.clone().unwrap_or_default(),
        };
        let mut degraded = None;
        if let Some(buf) = &self.buffer {
            if let Err(e) = buf.create(&self.node_id, &meta).await {
                self.redis_failed(&e);
                degraded = Some(Instant::now());
            }
        }
        // Without Redis, resumers on this node follow the in-process copy. Only resuming
        // clients subscribe; the channel is small and skipped when unused.
        let live = self.buffer.is_none().then(|| {
            let (feed, _) = broadcast::channel(64);
            let live = Arc::new(Mutex::new(LiveMessage {
                user_id: origin.user_id.clone(),
                chunks: Vec::new(),
                done: None,
                feed,
            }));
            self.live.lock().unwrap().insert(message_id.clone(), live.clone());
            live
        });
        Generation {
            origin,
            epoch: 0,
            answer: String::new(),
            deltas: Vec::new(),
            answer_bytes: 0,
            saved: 0,
            delivered: 0,
            degraded,
            meta,
            live,
            fold: None,
        }
    }

    /// Drive the upstream to its end: save each chunk (fenced), deliver it, record it; then
    /// the terminal step. The upstream is read as it produces (a model does not wait for
    /// us), and saving is a group commit per answer: one append in flight, carrying every
    /// chunk produced since the previous one (and batched with other answers' appends).
    /// Each chunk is delivered, in order, once Redis holds it. So the buffer holds every
    /// chunk a client has seen, and Redis latency delays chunks without slowing the answer.
    pub(super) async fn generate(
        self: &Arc<Self>,
        gen: &mut Generation,
        upstream: crate::llm::ChunkStream,
        send: Client<'_>,
        stop: tokio::sync::oneshot::Receiver<()>,
    ) -> ChatEnd {
        let end = self.generate_here(gen, upstream, send, stop).await;
        // Fenced or handed over: the telemetry of what was delivered here still goes out
        // (finishing here published it before the end's events).
        self.flush_chunks(gen);
        end
    }

    async fn generate_here(
        self: &Arc<Self>,
        gen: &mut Generation,
        mut upstream: crate::llm::ChunkStream,
        send: Client<'_>,
        mut stop: tokio::sync::oneshot::Receiver<()>,
    ) -> ChatEnd {
        let mut renew = self.lease_renewals().await;
        // Publishes folded chunk telemetry when no chunk came to do it (armed while a fold
        // waits; one timer per answer, reset per fold, not per chunk).
        let mut fold_due = Box::pin(tokio::time::sleep(Duration::ZERO));
        let mut fold_armed = false;
        // The node's signals, each one future for the whole answer (made once, not per
        // chunk: each making registers with, and each drop leaves, the node's shared list).
        let (mut halt, mut may_halt) = (self.halt.subscribe(), true);
        let (mut handoff, mut may_hand_off) = (self.handoff.subscribe(), self.buffer.is_some());
        let mut halted = std::pin::pin!(async { halt.wait_for(|h| *h).await.is_ok() });
        let mut asked_to_hand_off = std::pin::pin!(async { handoff.wait_for(|h| *h).await.is_ok() });
        let mut inflight: Option<Pending> = None;
        // When each produced, undelivered chunk was produced (for the latency metric).
        let mut emitted: VecDeque<Instant> = VecDeque::new();
        let mut model = ModelSide::default();
        let outcome: Result<bool, crate::llm::LlmError> = loop {
            if inflight.is_none() && gen.delivered < gen.deltas.len() as u32 {
                if self.buffer.is_some() {
                    inflight = Some(self.save_from(gen, gen.delivered));
                } else {
                    // In-process: nothing to save first, delivered as produced.
                    gen.saved = gen.deltas.len() as u32;
                    for i in gen.delivered..gen.saved {
                        let at = emitted.pop_front().unwrap_or_else(Instant::now);
                        self.deliver_chunk(gen, i, at, send);
                    }
                }
            }
            if model.done && inflight.is_none() {
                break model.end(self.limits.max_answer_bytes);
            }
            if !fold_armed {
                if let Some(f) = &gen.fold {
                    fold_due.as_mut().reset((f.since + self.chunk_events_every).into());
                    fold_armed = true;
                }
            }
            tokio::select! {
                biased;
                _ = &mut stop => {
                    // What is on its way to Redis reaches the client first; chunks produced
                    // after it are dropped (the client asked to stop).
                    let saving = inflight.take();
                    if !self.save_all(gen, saving, &mut emitted, send, false).await {
                        return self.fenced(gen);
                    }
                    gen.deltas.truncate(gen.delivered as usize);
                    break Ok(true);
                }
                halted = &mut halted, if may_halt => {
                    may_halt = false;
                    if !halted {
                        continue;
                    }
                    // Past the drain timeout: what is produced is delivered, then the end.
                    if !self.save_all(gen, inflight.take(), &mut emitted, send, true).await {
                        return self.fenced(gen);
                    }
                    break Err(crate::llm::LlmError::Interrupted("past the drain timeout".into()));
                }
                asked = &mut asked_to_hand_off, if may_hand_off => {
                    may_hand_off = false;
                    if !asked {
                        continue;
                    }
                    if let Some(end) = self.hand_over(gen).await {
                        return end;
                    }
                }
                _ = &mut fold_due, if fold_armed => {
                    fold_armed = false;
                    if gen.fold.as_ref().is_some_and(|f| f.since.elapsed() >= self.chunk_events_every) {
                        self.flush_chunks(gen);
                    }
                }
                _ = renew.tick() => {
                    if self.renew(gen).await == Saved::Lost {
                        return self.fenced(gen);
                    }
                }
                saved = async { inflight.as_mut().expect("guarded").await }, if inflight.is_some() => {
                    inflight = None;
                    if !self.saved_then_deliver(gen, saved, &mut emitted, send).await {
                        return self.fenced(gen);
                    }
                }
                next = upstream.next(), if !model.done && gen.deltas.len() - (gen.delivered as usize) < MAX_UNSAVED => {
                    if let Some(e) = model.take(next, gen, &mut emitted, self.limits.max_answer_bytes) {
                        // Deliver what was produced before the failure, then the error.
                        if !self.save_all(gen, inflight.take(), &mut emitted, send, true).await {
                            return self.fenced(gen);
                        }
                        break Err(e);
                    }
                }
            }
        };
        // Dropping the upstream stream cancels its request (stop, error or end).
        drop(upstream);
        self.finish(gen, outcome, send).await
    }

    /// A tick every third of the lease (the first one already taken).
    async fn lease_renewals(&self) -> tokio::time::Interval {
        let lease_ttl = self.buffer.as_ref().map(|b| b.lease_ttl()).unwrap_or(Duration::from_secs(3600));
        let mut renew = tokio::time::interval(lease_ttl / 3);
        renew.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        renew.tick().await;
        renew
    }

    /// Save and deliver what `inflight` carries, then (with `rest`) every other chunk
    /// produced so far; false if another node fenced this one meanwhile.
    async fn save_all(
        self: &Arc<Self>,
        gen: &mut Generation,
        mut inflight: Option<Pending>,
        emitted: &mut VecDeque<Instant>,
        send: Client<'_>,
        rest: bool,
    ) -> bool {
        loop {
            let saving = match inflight.take() {
                Some(s) => s,
                None if rest && gen.delivered < gen.deltas.len() as u32 => self.save_from(gen, gen.delivered),
                None => return true,
            };
            if !self.saved_then_deliver(gen, saving.await, emitted, send).await {
                return false;
            }
        }
    }

    /// Start saving the chunks from `from` to the last one produced (resolves to the end of
    /// that range and how the save went).
    fn save_from(&self, gen: &Generation, from: u32) -> Pending {
        let end = gen.deltas.len() as u32;
        let Some(buf) = self.buffer.clone() else {
            return Box::pin(async move { (end, Ok(Fenced::Ok { next: end })) });
        };
        if gen.degraded.is_some() {
            // Redis is away: serve from here; `save` writes the backlog when it answers.
            // Holding unconfirmed chunks, the next try waits a little: nothing is shown
            // meanwhile, and a tight loop would only load a Redis that is failing over.
            let pause = if self.holds_unconfirmed(gen) { RETRY_PAUSE } else { Duration::ZERO };
            return Box::pin(async move {
                tokio::time::sleep(pause).await;
                (end, Err(crate::error::Error::Broker("redis unreachable".into())))
            });
        }
        let (message_id, node, epoch) = (gen.meta.message_id.clone(), self.node_id.clone(), gen.epoch);
        let deltas = gen.deltas[from as usize..].to_vec();
        Box::pin(async move {
            let answer = buf.append(&message_id, &node, epoch, from, deltas, None).await;
            (end, answer)
        })
    }

    /// The chunks before `end` came back from Redis: deliver them (and, after a Redis
    /// hiccup, what the sequential path wrote). False when another node holds the message
    /// now.
    async fn saved_then_deliver(
        &self,
        gen: &mut Generation,
        (end, saved): (u32, crate::error::Result<Fenced>),
        emitted: &mut VecDeque<Instant>,
        send: Client<'_>,
    ) -> bool {
        let end = match saved {
            Ok(Fenced::Ok { next }) if next >= end => {
                gen.saved = gen.saved.max(next);
                end
            }
            Ok(Fenced::Lost) => return false,
            // Redis lost the message, has a gap, or is away: the sequential path (restore,
            // resend, or note the outage and serve from here).
            other => {
                if let Err(e) = &other {
                    if gen.degraded.is_none() && self.buffer.is_some() {
                        self.redis_failed(e);
                    }
                }
                match self.save(gen, None).await {
                    Saved::Lost => return false,
                    // Only what Redis and its replicas hold is shown (see `holds_unconfirmed`).
                    Saved::Degraded if self.holds_unconfirmed(gen) => gen.saved,
                    _ => gen.deltas.len() as u32,
                }
            }
        };
        for i in gen.delivered..end {
            let at = emitted.pop_front().unwrap_or_else(Instant::now);
            self.deliver_chunk(gen, i, at, send);
        }
        // A group saved together is one event: its telemetry is out as soon as the client
        // has its chunks (a takeover continues from what Redis holds; nothing waits here).
        self.flush_chunks(gen);
        true
    }

    /// Send chunk `index` to the client and record it.
    fn deliver_chunk(&self, gen: &mut Generation, index: u32, emitted: Instant, send: Client<'_>) {
        let delta = &gen.deltas[index as usize];
        gen.answer.push_str(delta);
        gen.delivered = index + 1;
        if let Some(live) = &gen.live {
            let mut l = live.lock().unwrap();
            l.chunks.push(delta.clone());
            if l.feed.receiver_count() > 0 {
                let (message_id, epoch, delta) = (gen.meta.message_id.clone(), gen.epoch, delta.clone());
                let _ = l.feed.send(ServerFrame::Chunk { message_id, epoch, index, delta });
            }
        }
        if let Some(client) = send {
            // Serialised from the answer's own strings: no frame is built to be dropped.
            client.try_send_text(protocol::chunk_text(&gen.meta.message_id, gen.epoch, index, delta));
        }
        self.metrics.chunk_delivered(emitted.elapsed().as_millis() as u64);
        self.fold_chunk(gen, index);
    }

    /// The terminal step: save the end (fenced), record it, tell the client.
    async fn finish(
        self: &Arc<Self>,
        gen: &mut Generation,
        outcome: Result<bool, crate::llm::LlmError>,
        send: Client<'_>,
    ) -> ChatEnd {
        let end = final_of(gen, &outcome);
        let saved = loop {
            match self.save(gen, Some(&end)).await {
                Saved::Lost => return self.fenced(gen),
                // The end too is confirmed before the client hears it: an end a failover
                // lost would have another node finish the answer a second time.
                Saved::Degraded if self.holds_unconfirmed(gen) => tokio::time::sleep(RETRY_PAUSE).await,
                saved => break saved,
            }
        };
        tracing::debug!(
            message = %gen.meta.message_id, epoch = gen.epoch, chunks = gen.deltas.len(),
            saved = ?saved, "answer finished here"
        );
        if saved == Saved::Degraded {
            self.write_end_later(gen.clone(), end.clone());
        }
        self.charge_buffer(&gen.meta.user_id, gen.answer.len());
        self.flush_chunks(gen);
        self.publish_end(gen, &outcome);
        // The client hears "done" only once the events of what it saw are on disk: a kill -9
        // from here on loses none of them. (A client following this answer on another node
        // reads the end from Redis, saved above, and can be a few milliseconds earlier.)
        self.publisher.spooled().await;
        let frame = final_frame(&gen.meta.message_id, &end);
        if let Some(live) = &gen.live {
            self.keep_resumable(live, &gen.meta.message_id, &frame);
        }
        if let Some(client) = send {
            client.try_send(frame);
        }
        ChatEnd::Finished
    }

    /// The events of an answer's end: the assistant's message and STREAM_COMPLETED, or
    /// STREAM_ERROR (stopped by the client, or failed).
    fn publish_end(&self, gen: &Generation, outcome: &Result<bool, crate::llm::LlmError>) {
        let index = gen.deltas.len() as u32;
        let message_id = gen.meta.message_id.clone();
        let stopped = match outcome {
            Ok(stopped) => *stopped,
            Err(e) => {
                let error = crate::security::redact_text(&e.to_string());
                let error_code = e.code().into();
                let chunk_index = index.checked_sub(1);
                let p = Payload::StreamError(StreamError { message_id, error, error_code, chunk_index });
                return self.publisher.publish(self.event(&gen.origin, p));
            }
        };
        self.publisher.publish(self.event(
            &gen.origin,
            Payload::ChatMessage(ChatMessage {
                message_id: message_id.clone(),
                conversation_id: gen.meta.conversation_id.clone(),
                user_id: gen.meta.user_id.clone(),
                role: Role::Assistant,
                content: gen.answer.clone(),
                reply_to: Some(gen.meta.reply_to.clone()),
            }),
        ));
        let last = if stopped {
            Payload::StreamError(StreamError {
                message_id,
                error: "stopped by the client".into(),
                error_code: "CANCELLED".into(),
                chunk_index: index.checked_sub(1),
            })
        } else {
            Payload::StreamCompleted(StreamCompleted {
                message_id,
                conversation_id: gen.meta.conversation_id.clone(),
                total_chunks: index,
                content_length: gen.answer.len() as u64,
                total_latency_ms: (chrono::Utc::now().timestamp_millis() - gen.meta.started_ms).max(0) as u64,
                tokens_used: gen.answer.split_whitespace().count() as u64,
            })
        };
        self.publisher.publish(self.event(&gen.origin, last));
    }

    /// The finished message stays resumable on this node for a minute.
    fn keep_resumable(self: &Arc<Self>, live: &Arc<Mutex<LiveMessage>>, message_id: &str, frame: &ServerFrame) {
        let mut l = live.lock().unwrap();
        l.done = Some(frame.clone());
        let _ = l.feed.send(frame.clone());
        let (gw, message_id) = (Arc::downgrade(self), message_id.to_string());
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(60)).await;
            if let Some(gw) = gw.upgrade() {
                gw.live.lock().unwrap().remove(&message_id);
            }
        });
    }
}

/// The client an answer's frames go to (None: nobody on this node, as in a takeover).
pub(super) type Client<'a> = Option<&'a FrameSender>;

/// An append on its way to Redis: the end of the range it saves, and how the save went.
type Pending = std::pin::Pin<Box<dyn std::future::Future<Output = (u32, crate::error::Result<Fenced>)> + Send>>;

/// Chunks produced but not yet delivered, per answer, before the upstream waits (a bound on
/// memory when Redis is slow; the upstream's own buffers hold the rest).
const MAX_UNSAVED: usize = 256;

/// What the model has said of an answer being generated: whether it is done, and whether
/// it went past the answer's size cap.
#[derive(Default)]
struct ModelSide {
    done: bool,
    too_large: bool,
}

impl ModelSide {
    /// One item from the model into `gen` (its time into `emitted`); its error, if it failed.
    /// The answer's size is bounded: the cap ends it with a clear error (what fits is
    /// delivered), so no event outgrows the broker's limit.
    fn take(
        &mut self,
        item: Option<Result<String, crate::llm::LlmError>>,
        gen: &mut Generation,
        emitted: &mut VecDeque<Instant>,
        cap: usize,
    ) -> Option<crate::llm::LlmError> {
        match item {
            None => self.done = true,
            Some(Err(e)) => return Some(e),
            Some(Ok(delta)) if gen.answer_bytes + delta.len() > cap => (self.done, self.too_large) = (true, true),
            Some(Ok(delta)) => {
                gen.answer_bytes += delta.len();
                gen.deltas.push(delta);
                emitted.push_back(Instant::now());
            }
        }
        None
    }

    /// How the answer ends once everything produced is delivered.
    fn end(&self, cap: usize) -> Result<bool, crate::llm::LlmError> {
        if self.too_large {
            Err(crate::llm::LlmError::TooLarge(cap))
        } else {
            Ok(false)
        }
    }
}

/// How a chat ended for the client that asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatEnd {
    /// Its terminal frame was sent.
    Finished,
    /// Another node continues the answer; the client has chunks up to `next` (exclusive).
    Fenced { next: u32 },
}

/// One answer being generated on this node.
#[derive(Clone)]
pub(super) struct Generation {
    pub(super) meta: MessageMeta,
    pub(super) origin: ChatOrigin,
    pub(super) epoch: u32,
    /// The text so far (all epochs).
    pub(super) answer: String,
    /// Every chunk so far, by index.
    pub(super) deltas: Vec<String>,
    /// Bytes of every chunk produced (bounded by `max_answer_bytes`).
    pub(super) answer_bytes: usize,
    /// Chunks Redis holds (the first `saved` of `deltas`).
    pub(super) saved: u32,
    /// Chunks sent to the client (the first `delivered` of `deltas`).
    pub(super) delivered: u32,
    /// Since when Redis writes fail (None: the last one succeeded).
    pub(super) degraded: Option<Instant>,
    /// In-process resume (no Redis).
    pub(super) live: Option<Arc<Mutex<LiveMessage>>>,
    /// Chunk telemetry of delivered chunks not published yet (see `telemetry.rs`).
    pub(super) fold: Option<ChunkFold>,
}

/// The frame a client gets at the end of a message.
pub fn final_frame(message_id: &str, f: &Final) -> ServerFrame {
    if f.terminal == "error" {
        ServerFrame::Error {
            code: ErrorCode::of_upstream(&f.code),
            message: f.message.clone(),
            message_id: Some(message_id.to_string()),
        }
    } else {
        ServerFrame::Done {
            message_id: message_id.to_string(),
            total_chunks: f.total_chunks,
            content_length: f.content_length,
            stopped: f.stopped,
        }
    }
}

/// How an answer ended, as saved in Redis and sent to the client.
fn final_of(gen: &Generation, outcome: &Result<bool, crate::llm::LlmError>) -> Final {
    let (total_chunks, content_length) = (gen.deltas.len() as u32, gen.answer.len() as u64);
    match outcome {
        Ok(stopped) => Final {
            terminal: "done".into(),
            total_chunks,
            content_length,
            stopped: *stopped,
            code: String::new(),
            message: String::new(),
        },
        Err(e) => Final {
            terminal: "error".into(),
            total_chunks,
            content_length,
            stopped: false,
            code: e.code().into(),
            message: e.public_message(),
        },
    }
}
