//! Saving an answer's chunks to Redis before a client is shown them: fenced by epoch,
//! confirmed by replicas where asked (`--redis-min-replicas`), written back after Redis
//! lost them, renewed, handed over on drain.

use std::time::{Duration, Instant};

use super::answer::{ChatEnd, Generation};
use super::Gateway;
use crate::realtime::{Fenced, Final};

/// How long unconfirmed chunks are held back while Redis fails (see `holds_unconfirmed`):
/// a Sentinel failover takes 1.5-3 s.
const CONFIRM_PATIENCE: Duration = Duration::from_secs(10);

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

    /// Renew the lease (every TTL/3), writing first what Redis lacks.
    pub(super) async fn renew(&self, gen: &mut Generation) -> Saved {
        let Some(buf) = &self.buffer else { return Saved::Ok };
        if gen.degraded.is_some() {
            let saved = self.save(gen, None).await;
            if saved != Saved::Ok {
                return saved;
            }
        }
        match buf.renew(&gen.meta.message_id, &self.node_id, gen.epoch).await {
            Ok(Fenced::Lost) => Saved::Lost,
            Ok(_) => Saved::Ok,
            Err(e) => {
                self.redis_failed(&e);
                gen.degraded.get_or_insert_with(Instant::now);
                Saved::Degraded
            }
        }
    }

    /// Behind replicas (`--redis-min-replicas` > 0), chunks Redis has not confirmed are held
    /// back from the client while Redis fails, for up to [`CONFIRM_PATIENCE`]: a failover
    /// then loses no chunk a client has seen. Past that, the answer is served from here as
    /// with one Redis (availability over that promise, and said in the log).
    pub(super) fn holds_unconfirmed(&self, gen: &Generation) -> bool {
        let confirming = self.buffer.as_ref().is_some_and(|b| b.min_replicas() > 0);
        confirming && gen.degraded.is_some_and(|since| since.elapsed() < CONFIRM_PATIENCE)
    }

    pub(super) fn redis_failed(&self, e: &crate::error::Error) {
        self.metrics.redis_errors.inc();
        tracing::warn!(error = %e, "resume state write failed; serving from this node until Redis answers");
    }
}
