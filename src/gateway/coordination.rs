//! How nodes share the work through Redis: each node heartbeats, and sweeps for
//! generations whose lease expired (their node died, or was paused past the TTL) to take
//! them over. The claim is one Lua step, so exactly one node wins each orphan.

use std::sync::{Arc, Weak};
use std::time::Duration;

use super::Gateway;

/// A node is alive while its heartbeat key lives (three beats).
pub const HEARTBEAT: Duration = Duration::from_secs(1);

/// Orphans one node claims per sweep: the rest are left to the other nodes' sweeps, so a
/// dead node's answers spread over the survivors.
const CLAIMS_PER_SWEEP: usize = 16;

/// Start the heartbeat and the takeover sweep (with Redis only). Both stop when the
/// gateway is dropped, and the sweep stops while the node drains.
pub fn spawn(gw: &Arc<Gateway>, listen: String) {
    if gw.buffer.is_none() {
        return;
    }
    let info = serde_json::json!({"listen": listen, "pid": std::process::id()}).to_string();
    tokio::spawn(heartbeat(Arc::downgrade(gw), info));
    tokio::spawn(sweep(Arc::downgrade(gw)));
}

async fn heartbeat(gw: Weak<Gateway>, info: String) {
    let mut tick = tokio::time::interval(HEARTBEAT);
    loop {
        tick.tick().await;
        let Some(gw) = gw.upgrade() else { return };
        let Some(buf) = &gw.buffer else { return };
        if let Err(e) = buf.heartbeat(&gw.node_id, &info, HEARTBEAT * 3).await {
            tracing::debug!(error = %e, "heartbeat failed");
        }
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
