//! Saving an answer's chunks to Redis before a client is shown them: fenced by epoch,
//! confirmed by replicas where asked (`--redis-min-replicas`), written back after Redis
//! lost them, renewed, handed over on drain.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::answer::{ChatEnd, Generation};
use super::Gateway;
use crate::realtime::{Fenced, Final};

/// How long unconfirmed chunks are held back while Redis fails (see `holds_unconfirmed`):
/// a Sentinel failover takes 1.5-3 s.
const CONFIRM_PATIENCE: Duration = Duration::from_secs(10);

/// How long an end recorded while Redis could not take it keeps being written to Redis
/// (see [`Gateway::write_end_later`]).
const WRITE_BEHIND_FOR: Duration = Duration::from_secs(600);

/// The pause between tries while chunks are held back.
pub(super) const RETRY_PAUSE: Duration = Duration::from_millis(200);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Saved {
    Ok,
    /// Redis unreachable: keep serving, write later.
    Degraded,
    /// Another node holds the message.
    Lost,
}

impl Gateway {
    /// Draining: save what Redis lacks, give the lease up, stop here. None when that is not
    /// possible (Redis unreachable): the answer then finishes here.
    pub(super) async fn hand_over(&self, gen: &mut Generation) -> Option<ChatEnd> {
        let buf = self.buffer.as_ref()?;
        if self.save(gen, None).await != Saved::Ok {
            return None;
        }
        match buf.release(&gen.meta.message_id, &self.node_id, gen.epoch).await {
            Ok(Fenced::Ok { .. }) => {
                self.metrics.handed_off.inc();
                tracing::info!(message = %gen.meta.message_id, at_chunk = gen.deltas.len(), "handed over (draining)");
                Some(ChatEnd::Fenced { next: gen.delivered })
            }
            Ok(_) => Some(self.fenced(gen)),
            Err(e) => {
                self.redis_failed(&e);
                None
            }
        }
    }

    /// Another node holds the message now: stop here; the client follows the new owner
    /// from the first chunk it has not been sent.
    pub(super) fn fenced(&self, gen: &Generation) -> ChatEnd {
        self.metrics.fenced.inc();
        tracing::warn!(
            message = %gen.meta.message_id, epoch = gen.epoch,
            "another node took this generation over; stopping it here"
        );
        ChatEnd::Fenced { next: gen.delivered }
    }

    /// Write what Redis lacks of this generation (and its end), fenced by epoch. A Redis
    /// that lost the message gets it back; a Redis that cannot be reached is noted and the
    /// client served from here (the chunks are written once it answers again).
    pub(super) async fn save(&self, gen: &mut Generation, end: Option<&Final>) -> Saved {
        let Some(buf) = &self.buffer else { return Saved::Ok };
        for _ in 0..3 {
            let pending = &gen.deltas[gen.saved as usize..];
            let answer =
                buf.append(&gen.meta.message_id, &self.node_id, gen.epoch, gen.saved, pending.to_vec(), end).await;
            match answer {
                Ok(Fenced::Ok { next }) => {
                    if gen.degraded.is_some() {
                        tracing::info!(message = %gen.meta.message_id, "resume buffer written again");
                    }
                    gen.saved = next;
                    gen.degraded = None;
                    return Saved::Ok;
                }
                Ok(Fenced::Gap { next }) => gen.saved = next.min(gen.saved),
                Ok(Fenced::Lost) => return Saved::Lost,
                Ok(Fenced::Gone) => {
                    let kept = &gen.deltas[..gen.saved as usize];
                    if let Err(e) = buf.restore(&self.node_id, gen.epoch, &gen.meta, kept).await {
                        self.redis_failed(&e);
                        gen.degraded.get_or_insert_with(Instant::now);
                        return Saved::Degraded;
                    }
                    self.metrics.redis_restores.inc();
                    tracing::info!(message = %gen.meta.message_id, chunks = kept.len(), "resume state restored in Redis");
                }
                Err(e) => {
                    if gen.degraded.is_none() {
                        self.redis_failed(&e);
                    }
                    gen.degraded.get_or_insert_with(Instant::now);
                    return Saved::Degraded;
                }
            }
        }
        Saved::Degraded
    }

    /// Renew the lease (every TTL/3), writing first what Redis lacks. The lease is renewed
    /// even when that write fails (Redis answers but its replicas do not confirm): this
    /// node is alive and generating, and a lease let go would have another node generate
    /// the answer a second time.
    pub(super) async fn renew(&self, gen: &mut Generation) -> Saved {
        let Some(buf) = &self.buffer else { return Saved::Ok };
        if gen.degraded.is_some() && self.save(gen, None).await == Saved::Lost {
            return Saved::Lost;
        }
        match buf.renew(&gen.meta.message_id, &self.node_id, gen.epoch).await {
            Ok(Fenced::Lost) => Saved::Lost,
            // Redis lost the message (its dataset, even): write it back now, not at the
            // next chunk (a slow upstream may be minutes away from one).
            Ok(Fenced::Gone) => self.save(gen, None).await,
            Ok(_) => Saved::Ok,
            Err(e) => {
                self.redis_failed(&e);
                gen.degraded.get_or_insert_with(Instant::now);
                Saved::Degraded
            }
        }
    }

    /// The answer ended here, recorded in Kafka, while Redis could not take its end (away,
    /// or its replicas not confirming past [`CONFIRM_PATIENCE`]). Until Redis takes it, this
    /// node keeps the lease, so that no node takes the answer over and generates it a second
    /// time, and writes the end as soon as Redis answers, so that clients following the
    /// answer elsewhere read it. Bounded by [`WRITE_BEHIND_FOR`].
    pub(super) fn write_end_later(self: &Arc<Self>, mut gen: Generation, end: Final) {
        let Some(buf) = self.buffer.clone() else { return };
        let gw = Arc::downgrade(self);
        let every = (buf.lease_ttl() / 3).min(Duration::from_secs(1));
        tokio::spawn(async move {
            let started = Instant::now();
            let message = gen.meta.message_id.clone();
            loop {
                tokio::time::sleep(every).await;
                let Some(gw) = gw.upgrade() else { return };
                let taken = match gw.save(&mut gen, Some(&end)).await {
                    Saved::Ok => {
                        tracing::info!(message = %message, "the end of an answer recorded while Redis was away is in Redis now");
                        return;
                    }
                    Saved::Lost => true,
                    Saved::Degraded => {
                        matches!(buf.renew(&message, &gw.node_id, gen.epoch).await, Ok(Fenced::Lost))
                    }
                };
                if taken {
                    gw.metrics.fenced.inc();
                    tracing::error!(
                        message = %message, epoch = gen.epoch,
                        "another node took over an answer that ended here while Redis was away: it may be recorded twice"
                    );
                    return;
                }
                if started.elapsed() > WRITE_BEHIND_FOR {
                    tracing::error!(
                        message = %message, after = ?WRITE_BEHIND_FOR,
                        "Redis never took the end of an answer recorded while it was away: giving up (a node may take it over)"
                    );
                    return;
                }
            }
        });
    }

    /// Behind replicas (`--redis-min-replicas` > 0), chunks Redis has not confirmed are held
    /// back from the client while Redis fails, for up to [`CONFIRM_PATIENCE`]: a failover
    /// then loses no chunk a client has seen. Past that, the answer is served from here as
    /// with one Redis (availability over that promise, and said in the log).
    pub(super) fn holds_unconfirmed(&self, gen: &Generation) -> bool {
        let confirming = self.buffer.as_ref().is_some_and(|b| b.min_replicas() > 0);
        confirming && gen.degraded.is_some_and(|since| since.elapsed() < CONFIRM_PATIENCE)
    }

    /// Count a finished answer's bytes against its user's resume-buffer quota (fleet-wide,
    /// in Redis; not awaited: a failure only leaves the count lower).
    pub(super) fn charge_buffer(self: &Arc<Self>, user: &str, bytes: usize) {
        let Some(buf) = self.buffer.clone() else { return };
        if self.limits.max_buffer_bytes_per_user == 0 {
            return;
        }
        let (gw, user) = (self.clone(), user.to_string());
        tokio::spawn(async move {
            if let Err(e) = buf.charge_bytes(&user, bytes).await {
                gw.redis_failed(&e);
            }
        });
    }

    /// Count a failed Redis write and log it (with how many others failed since the last
    /// line, one line a second at most).
    pub(super) fn redis_failed(&self, e: &crate::error::Error) {
        use std::sync::atomic::Ordering;
        self.metrics.redis_errors.inc();
        let due = {
            let mut last = self.redis_failure_logged.lock().unwrap();
            let due = last.is_none_or(|at| at.elapsed() >= Duration::from_secs(1));
            if due {
                *last = Some(Instant::now());
            }
            due
        };
        if !due {
            self.redis_failures_unlogged.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let others = self.redis_failures_unlogged.swap(0, Ordering::Relaxed);
        tracing::warn!(
            error = %e, others_since_last_line = others,
            "resume state write failed; serving from this node until Redis answers"
        );
    }
}
