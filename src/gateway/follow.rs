//! Resume anywhere: a client on any node gets a message's chunks after its position, then
//! the live ones, whichever node generates them, across takeovers, with no gap and no
//! duplicate. Chunks are delivered strictly in index order from one cursor: the buffer in
//! Redis is the truth (fenced: one entry per index), the pub/sub channel only makes live
//! chunks arrive sooner. So the seam is: subscribe, read the buffer, then take live entries
//! that continue the cursor; an entry past it (a lost publish, a lag, a Redis restart) or a
//! quiet second sends the follower back to the buffer.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{broadcast, watch};

use super::frames::FrameSender;
use super::protocol::{ErrorCode, ServerFrame};
use super::{final_frame, Gateway};
use crate::realtime::{channel, LiveEntry, Snapshot, Subscription, WATCH_TTL};

/// How long a follower waits on the live channel before it reads the buffer again.
const QUIET: Duration = Duration::from_secs(1);

/// How long a follower keeps looking for a message Redis does not know any more (a Redis
/// restart, until the generating node restores it) before it gives up.
const VANISHED: Duration = Duration::from_secs(60);

/// Why a resume was refused (the connection stays).
pub(crate) fn refusal(code: ErrorCode, message_id: &str, message: &str) -> ServerFrame {
    ServerFrame::Error { code, message: message.into(), message_id: Some(message_id.to_string()) }
}

/// How long a resume waits for Redis to answer before it is refused with `UNAVAILABLE`:
/// a client that reconnects at once after its node died may land in a Sentinel failover
/// (1.5-3 s) or a Redis restart, and should not have to retry by itself.
const RESUME_PATIENCE: Duration = Duration::from_secs(6);

/// `read` until it answers, within [`RESUME_PATIENCE`] (backing off, as every retry here).
async fn patiently<T, F: std::future::Future<Output = crate::error::Result<T>>>(
    mut read: impl FnMut() -> F,
) -> crate::error::Result<T> {
    let deadline = tokio::time::Instant::now() + RESUME_PATIENCE;
    let (base, max) = (Duration::from_millis(100), Duration::from_millis(800));
    let mut delays = crate::retry::delays(base, max);
    loop {
        match read().await {
            Err(_) if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(crate::retry::next(&mut delays, max)).await;
            }
            answer => return answer,
        }
    }
}

/// Check the resume and start following from `next`; Err is the frame refusing it.
pub(crate) async fn resume(
    gw: &Arc<Gateway>,
    user_id: &str,
    message_id: &str,
    next: u32,
    deliver: FrameSender,
    gone: watch::Receiver<bool>,
    ticket: std::sync::Arc<()>,
) -> Result<(), ServerFrame> {
    let (Some(buf), Some(subscriber)) = (&gw.buffer, &gw.subscriber) else {
        return resume_in_process(gw, user_id, message_id, next, deliver, ticket);
    };
    let outcome = |o: &'static str| gw.metrics.resumes.get_or_create(&vec![("outcome", o)]).inc();
    // Whose message it is, before anything is subscribed or watched for the asker.
    match patiently(|| buf.owner(message_id)).await {
        Ok(Some(owner)) if owner != user_id => {
            outcome("forbidden");
            return Err(refusal(ErrorCode::Forbidden, message_id, "this message belongs to another user"));
        }
        Ok(_) => {}
        Err(e) => {
            outcome("unavailable");
            tracing::warn!(error = %e, "resume owner read failed");
            return Err(refusal(
                ErrorCode::Unavailable,
                message_id,
                "the resume state cannot be read right now; retry",
            ));
        }
    }
    // Subscribe and watch first, then read: a chunk written in between is in one or the
    // other.
    let sub = subscriber.subscribe(&channel(message_id)).await;
    let snap = match patiently(|| buf.watch_and_load(message_id)).await {
        Ok(Some(s)) => s,
        Ok(None) => {
            outcome("unknown");
            return Err(refusal(
                ErrorCode::UnknownMessage,
                message_id,
                "nothing to resume for this message (unknown or expired)",
            ));
        }
        Err(e) => {
            outcome("unavailable");
            tracing::warn!(error = %e, "resume state read failed");
            return Err(refusal(
                ErrorCode::Unavailable,
                message_id,
                "the resume state cannot be read right now; retry",
            ));
        }
    };
    if snap.meta.user_id != user_id {
        outcome("forbidden");
        return Err(refusal(ErrorCode::Forbidden, message_id, "this message belongs to another user"));
    }
    outcome("followed");
    let f = follow(gw.clone(), message_id.to_string(), next, Some(snap), sub, deliver, gone);
    tokio::spawn(async move {
        f.await;
        drop(ticket);
    });
    Ok(())
}

/// Deliver `message_id` from chunk `next` to its end, or until the client is gone.
pub(crate) async fn follow(
    gw: Arc<Gateway>,
    message_id: String,
    next: u32,
    mut snap: Option<Snapshot>,
    sub: Subscription,
    deliver: FrameSender,
    gone: watch::Receiver<bool>,
) {
    let Some(buf) = gw.buffer.clone() else { return };
    let _following = Following::count(&gw.metrics);
    let now = Instant::now();
    let mut f = Follower { buf, message_id, next, sub, deliver, gone, last_seen: now, watched: now };
    loop {
        if *f.gone.borrow() {
            return;
        }
        let s = match snap.take() {
            Some(s) => s,
            None => match f.load().await {
                Loaded::Snapshot(s) => *s,
                Loaded::Retry => continue,
                Loaded::Done => return,
            },
        };
        f.last_seen = Instant::now();
        f.watched = f.last_seen;
        if !f.deliver_snapshot(&s).await || !f.live().await {
            return;
        }
    }
}

/// One answer relayed to a client of this node, counted while it lasts.
struct Following(Arc<crate::metrics::Metrics>);

impl Following {
    fn count(metrics: &Arc<crate::metrics::Metrics>) -> Following {
        metrics.streams_following.inc();
        Following(metrics.clone())
    }
}

impl Drop for Following {
    fn drop(&mut self) {
        self.0.streams_following.dec();
    }
}

/// One follower's cursor on a message.
struct Follower {
    buf: crate::realtime::ResumeBuffer,
    message_id: String,
    /// The next chunk the client is to get.
    next: u32,
    sub: Subscription,
    deliver: FrameSender,
    gone: watch::Receiver<bool>,
    /// When the message's state was last found in the buffer.
    last_seen: Instant,
    /// When the message was last watched: every read of the buffer (here, or `resume`'s)
    /// watches it first.
    watched: Instant,
}

enum Loaded {
    Snapshot(Box<Snapshot>),
    /// Not there (yet): look again.
    Retry,
    /// Gone for good, or the client left.
    Done,
}

impl Follower {
    /// The message's state from the buffer (watched first).
    async fn load(&mut self) -> Loaded {
        match self.buf.watch_and_load(&self.message_id).await {
            Ok(Some(s)) => Loaded::Snapshot(Box::new(s)),
            Ok(None) | Err(_) => {
                if self.last_seen.elapsed() > VANISHED {
                    let gone =
                        refusal(ErrorCode::UnknownMessage, &self.message_id, "the message's resume state is gone");
                    self.deliver.send(gone).await;
                    return Loaded::Done;
                }
                tokio::select! {
                    _ = self.gone.changed() => Loaded::Done,
                    _ = tokio::time::sleep(QUIET / 4) => Loaded::Retry,
                }
            }
        }
    }

    /// The chunks of `s` from the cursor on, and its end if it has one; false once done.
    async fn deliver_snapshot(&mut self, s: &Snapshot) -> bool {
        for c in s.chunks.iter().filter(|c| c.terminal.is_empty()) {
            if c.index == self.next && !self.chunk(c.epoch, c.index, c.delta.clone()).await {
                return false;
            }
        }
        if let Some(end) = &s.final_frame {
            self.deliver.send(final_frame(&self.message_id, end)).await;
            return false;
        }
        true
    }

    async fn chunk(&mut self, epoch: u32, index: u32, delta: String) -> bool {
        let frame = ServerFrame::Chunk { message_id: self.message_id.clone(), epoch, index, delta };
        if !self.deliver.send(frame).await {
            return false;
        }
        self.next += 1;
        true
    }

    /// Live entries that continue the cursor; anything else (a gap, the end, a quiet spell,
    /// a lagging subscription) sends the follower back to the buffer (true). False: done.
    async fn live(&mut self) -> bool {
        loop {
            if self.watched.elapsed() > WATCH_TTL / 3 {
                let _ = self.buf.watch(&self.message_id).await;
                self.watched = Instant::now();
            }
            let entry = tokio::select! {
                _ = self.gone.changed() => return false,
                r = tokio::time::timeout(QUIET, self.sub.rx.recv()) => r,
            };
            let payload = match entry {
                Ok(Ok(p)) => p,
                Ok(Err(broadcast::error::RecvError::Lagged(_))) | Err(_) => return true,
                Ok(Err(broadcast::error::RecvError::Closed)) => {
                    tokio::time::sleep(QUIET / 4).await;
                    return true;
                }
            };
            let Ok(e) = serde_json::from_str::<LiveEntry>(&payload) else { return true };
            if !e.t.is_empty() || e.i > self.next {
                return true;
            }
            if e.i == self.next && !self.chunk(e.e, e.i, e.d).await {
                return false;
            }
        }
    }
}

/// Without Redis: follow the copy this node keeps of the answers it generates.
fn resume_in_process(
    gw: &Arc<Gateway>,
    user_id: &str,
    message_id: &str,
    next: u32,
    deliver: FrameSender,
    ticket: std::sync::Arc<()>,
) -> Result<(), ServerFrame> {
    let Some(live) = gw.live.lock().unwrap().get(message_id).cloned() else {
        return Err(refusal(
            ErrorCode::UnknownMessage,
            message_id,
            "nothing to resume for this message (unknown or expired)",
        ));
    };
    let (mut feed, chunks, done) = {
        let l = live.lock().unwrap();
        if l.user_id != user_id {
            return Err(refusal(ErrorCode::Forbidden, message_id, "this message belongs to another user"));
        }
        (l.feed.subscribe(), l.chunks.clone(), l.done.clone())
    };
    let message_id = message_id.to_string();
    tokio::spawn(async move {
        let _ticket = ticket;
        let mut sent = next;
        for (i, delta) in chunks.iter().enumerate().skip(next as usize) {
            let chunk =
                ServerFrame::Chunk { message_id: message_id.clone(), epoch: 0, index: i as u32, delta: delta.clone() };
            if !deliver.send(chunk).await {
                return;
            }
            sent = i as u32 + 1;
        }
        if let Some(done) = done {
            deliver.send(done).await;
            return;
        }
        while let Ok(frame) = feed.recv().await {
            match &frame {
                ServerFrame::Chunk { index, .. } if *index < sent => continue,
                ServerFrame::Chunk { .. } => {
                    if !deliver.send(frame).await {
                        return;
                    }
                }
                _ => {
                    deliver.send(frame).await;
                    break;
                }
            }
        }
    });
    Ok(())
}
