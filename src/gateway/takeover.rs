//! Continuing an answer another node was generating: its lease ran out (a crash) or it was
//! handed over (a drain). The generation resumes from what Redis holds.

use std::sync::Arc;

use super::answer::*;
use super::*;

impl Gateway {
    /// Continue a generation whose node was lost: this node won the claim at `claimed.epoch`.
    pub(crate) async fn take_over(self: &Arc<Self>, claimed: Claimed) {
        let Some(buf) = &self.buffer else { return };
        let snap = match buf.load(&claimed.message_id).await {
            Ok(Some(s)) if s.epoch == claimed.epoch && s.final_frame.is_none() => s,
            other => {
                tracing::debug!(
                    message = %claimed.message_id, epoch = claimed.epoch,
                    redis_has = ?other.as_ref().map(|s| s.as_ref().map(|s| (s.epoch, s.final_frame.is_some()))),
                    "claimed, but not taken over"
                );
                if let Err(e) = other {
                    // The lease runs out again and a node (maybe this one) claims it anew.
                    self.redis_failed(&e);
                }
                return;
            }
        };
        // The user's fleet-wide slot for this answer is in Redis already (its member is the
        // message id): the guard gives it back when the answer ends here.
        let Some(_guard) = self.track(&snap.meta.user_id, &claimed.message_id) else {
            tracing::warn!(
                message = %claimed.message_id, epoch = claimed.epoch,
                "claimed an answer this node generates already (Redis lost an earlier claim): not generating it twice"
            );
            return;
        };
        if claimed.released {
            self.metrics.handovers_received.inc();
        } else {
            self.metrics.takeovers.inc();
        }
        let origin = ChatOrigin {
            session_id: snap.meta.session_id.clone(),
            user_id: snap.meta.user_id.clone(),
            client_ip: Some(snap.meta.client_ip.clone()).filter(|s| !s.is_empty()),
            user_agent: Some(snap.meta.user_agent.clone()).filter(|s| !s.is_empty()),
        };
        let deltas: Vec<String> =
            snap.chunks.iter().filter(|c| c.terminal.is_empty()).map(|c| c.delta.clone()).collect();
        let from = deltas.len() as u32;
        tracing::info!(
            message = %claimed.message_id, epoch = claimed.epoch, from_chunk = from,
            previous = %claimed.previous_owner, "taking over a generation"
        );
        self.announce_takeover(&claimed, &origin, from, buf.lease_ttl());
        let mut gen = Generation {
            answer: deltas.concat(),
            answer_bytes: deltas.iter().map(String::len).sum(),
            saved: from,
            delivered: from,
            deltas,
            epoch: claimed.epoch,
            origin,
            degraded: None,
            meta: snap.meta,
            live: None,
            fold: None,
        };
        let upstream = self.llm.stream(LlmRequest {
            message_id: gen.meta.message_id.clone(),
            prompt: gen.meta.prompt.clone(),
            prefix: gen.answer.clone(),
            start_chunk: from,
        });
        let (_never, stop) = tokio::sync::oneshot::channel();
        self.generate(&mut gen, upstream, None, stop).await;
    }

    /// The events of a takeover: why the previous owner lost the answer (unless it handed
    /// it over), and where this node continues.
    fn announce_takeover(&self, claimed: &Claimed, origin: &ChatOrigin, from: u32, ttl: Duration) {
        if !claimed.released {
            self.publisher.publish(self.event(
                origin,
                Payload::StreamError(StreamError {
                    message_id: claimed.message_id.clone(),
                    error: format!(
                        "node {} stopped renewing its lease for {ttl:?} (crashed, paused or cut off from Redis); \
                     {} continues at chunk {from} (epoch {})",
                        claimed.previous_owner, self.node_id, claimed.epoch
                    ),
                    error_code: "NODE_LOST".into(),
                    chunk_index: from.checked_sub(1),
                }),
            ));
        }
        self.publisher.publish(self.event(
            origin,
            Payload::StreamResumed(StreamResumed {
                message_id: claimed.message_id.clone(),
                epoch: claimed.epoch,
                from_chunk: from,
                previous_node_id: Some(claimed.previous_owner.clone()),
            }),
        ));
    }
}
