//! How nodes share the work through Redis: each node heartbeats, and sweeps for
//! generations whose lease expired (their node died, or was paused past the TTL) to take
//! them over. The claim is one Lua step, so exactly one node wins each orphan.

use std::sync::{Arc, Weak};
use std::time::Duration;

use super::Gateway;
use crate::realtime::fleet::{NodeBeat, WorkerBeat};

/// A node is alive while its heartbeat key lives (three beats).
pub const HEARTBEAT: Duration = Duration::from_secs(1);

/// Orphans one node claims per sweep: the rest are left to the other nodes' sweeps, so a
/// dead node's answers spread over the survivors.
const CLAIMS_PER_SWEEP: usize = 16;

/// Start the heartbeat and the takeover sweep (with Redis only). Both stop when the
/// gateway is dropped, and the sweep stops while the node drains. `fixed` is what the beat
/// says that never changes (listen address, role, pid, start, the workers' names); the
/// vital signs are filled in at every beat, with the figures of the `workers` running here.
pub fn spawn(gw: &Arc<Gateway>, fixed: NodeBeat, workers: Vec<&'static str>) {
    if gw.buffer.is_none() {
        return;
    }
    tokio::spawn(heartbeat(Arc::downgrade(gw), fixed, workers));
    tokio::spawn(sweep(Arc::downgrade(gw)));
}

async fn heartbeat(gw: Weak<Gateway>, fixed: NodeBeat, workers: Vec<&'static str>) {
    let mut tick = tokio::time::interval(HEARTBEAT);
    loop {
        tick.tick().await;
        let Some(gw) = gw.upgrade() else { return };
        let Some(buf) = &gw.buffer else { return };
        let beat = vitals(&gw, &fixed, &workers, buf.lease_ttl());
        let info = serde_json::to_string(&beat).expect("a beat always serialises");
        match buf.heartbeat(&gw.node_id, &info, HEARTBEAT * 3).await {
            Ok(crate::realtime::Dataset::Same) => {}
            Ok(crate::realtime::Dataset::Lost) => {
                gw.metrics.redis_dataset_losses.inc();
                tracing::error!(
                    generating_here = gw.metrics.streams_active.get(),
                    "redis lost its whole dataset (FLUSHALL, a restart without persistence, or a failover to an \
                     empty replica): the answers generating here are written back; finished ones are in Kafka"
                );
            }
            Err(e) => tracing::debug!(error = %e, "heartbeat failed"),
        }
    }
}

/// This node's beat now: `fixed` with the vital signs from its metrics.
fn vitals(gw: &Gateway, fixed: &NodeBeat, workers: &[&'static str], lease_ttl: Duration) -> NodeBeat {
    let m = &gw.metrics;
    let worker = |name: &&'static str| {
        let label = vec![("worker", *name)];
        WorkerBeat {
            name: name.to_string(),
            processed: m.worker_processed.get(&label).map(|c| c.get()).unwrap_or(0),
            lag: m.worker_lag.get(&label).map(|g| g.get()).unwrap_or(0),
            dead_lettered: m.worker_dead_lettered.get(&label).map(|c| c.get()).unwrap_or(0),
        }
    };
    NodeBeat {
        node: gw.node_id.clone(),
        beat_ms: chrono::Utc::now().timestamp_millis(),
        lease_ttl_ms: lease_ttl.as_millis() as u64,
        draining: gw.is_draining(),
        connections: m.connections.get(),
        generating: m.streams_active.get(),
        following: m.streams_following.get(),
        chunks_sent: m.chunks_sent.get(),
        events_published: m.events_published_total(&crate::events::EVENT_TYPES),
        events_queue: m.events_queue_depth.get(),
        chunk_p99_ms: m.take_chunk_p99(),
        takeovers: m.takeovers.get(),
        workers: workers.iter().map(worker).collect(),
        redis_degraded: gw.buffer.as_ref().and_then(|b| b.primary().degraded()).unwrap_or_default(),
        ..fixed.clone()
    }
}

async fn sweep(gw: Weak<Gateway>) {
    // Every tenth of the lease (jittered by up to a twentieth, so the nodes' sweeps
    // interleave): a dead node's answers continue within the TTL plus ~0.3 s. A sweep that
    // claimed a full batch goes again at once: more orphans are waiting.
    let every = match gw.upgrade().and_then(|g| g.buffer.as_ref().map(|b| b.lease_ttl())) {
        Some(ttl) => ttl / 10,
        None => return,
    };
    let mut pause = every;
    loop {
        tokio::time::sleep(pause).await;
        pause = every + Duration::from_millis(fastrand::u64(0..=every.as_millis() as u64 / 2));
        let Some(gw) = gw.upgrade() else { return };
        if gw.is_draining() {
            continue;
        }
        let Some(buf) = &gw.buffer else { return };
        if buf.claims_wait() {
            continue;
        }
        match buf.claim_orphans(&gw.node_id, CLAIMS_PER_SWEEP).await {
            Ok(claimed) => {
                if claimed.len() == CLAIMS_PER_SWEEP {
                    pause = Duration::from_millis(5);
                }
                for c in claimed {
                    let gw = gw.clone();
                    tokio::spawn(async move { gw.take_over(c).await });
                }
            }
            Err(e) => tracing::debug!(error = %e, "takeover sweep failed"),
        }
    }
}
