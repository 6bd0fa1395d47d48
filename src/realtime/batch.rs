//! The append batcher: appends that wait together go to Redis in one script call.

use super::*;

/// One stream's pending chunks (and end), as the append script reads them.
pub(super) struct Append {
    pub(super) message_id: String,
    pub(super) node: String,
    pub(super) epoch: u32,
    pub(super) from: u32,
    pub(super) deltas: Vec<String>,
    /// The terminal marker ("done", "error") and the final frame (JSON), or empty.
    pub(super) end: Option<(String, String)>,
}

pub(super) type AppendRequest = (Append, oneshot::Sender<Result<Fenced>>);

/// Replicas that must confirm an append (`WAIT`) before it is answered Ok: every replica
/// the sentinels see up, and at least `replicas`. All of them, because the sentinels promote
/// the replica whose offset they last saw highest (polled, so possibly stale), not one that
/// confirmed: a write one replica of two confirmed could still be missing after a failover.
#[derive(Clone, Copy)]
pub(super) struct Confirm {
    pub(super) replicas: u32,
    pub(super) within: Duration,
}

/// Appends that wait together go in one script call (group commit): while one call is in
/// Redis, the next batch gathers. Up to [`BATCHES_IN_FLIGHT`] calls overlap.
pub(super) async fn batch_appends(
    conn: Primary,
    script: Script,
    lease_ttl: Duration,
    ttl: Duration,
    confirm: Confirm,
    mut rx: mpsc::UnboundedReceiver<AppendRequest>,
) {
    let script = Arc::new(script);
    let slots = Arc::new(tokio::sync::Semaphore::new(BATCHES_IN_FLIGHT));
    while let Some(first) = rx.recv().await {
        // A slot first, then the batch: what arrives while both calls are in Redis goes in
        // this one, not the next.
        let Ok(slot) = slots.clone().acquire_owned().await else { return };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(r) => batch.push(r),
                Err(_) => break,
            }
        }
        let (mut c, script) = (conn.clone(), script.clone());
        tokio::spawn(async move {
            let mut inv = script.prepare_invoke();
            inv.key(LEASES).arg(lease_ttl.as_millis() as u64).arg(ttl.as_millis() as u64);
            let mut replies = Vec::with_capacity(batch.len());
            for (a, reply) in batch {
                inv.arg(a.message_id).arg(a.node).arg(a.epoch).arg(a.from).arg(a.deltas.len());
                for d in a.deltas {
                    inv.arg(d);
                }
                let (terminal, last) = a.end.unwrap_or_default();
                inv.arg(terminal).arg(last);
                replies.push(reply);
            }
            let answer: std::result::Result<Vec<i64>, _> = inv.invoke_async(&mut c).await;
            // On the connection the script ran on, so the WAIT covers these writes (it
            // cannot run inside the script).
            let confirmed = match (&answer, confirm.replicas) {
                (Ok(_), 1..) => confirm.wait(&mut c).await,
                _ => Ok(()),
            };
            drop(slot);
            let failure = match (answer, confirmed) {
                (Ok(rows), Ok(())) if rows.len() == replies.len() => {
                    for (code, reply) in rows.into_iter().zip(replies) {
                        let _ = reply.send(Ok(fenced(code)));
                    }
                    return;
                }
                (Ok(rows), Ok(())) => {
                    format!("redis: the append script answered {} rows for {} items", rows.len(), replies.len())
                }
                (Ok(_), Err(not_confirmed)) => not_confirmed,
                (Err(e), _) => format!("redis: {e}"),
            };
            for reply in replies {
                let _ = reply.send(Err(Error::Broker(failure.clone())));
            }
        });
    }
}

impl Confirm {
    /// `WAIT`: Ok once the replicas hold every write made on `c` so far.
    pub(super) async fn wait(&self, c: &mut Primary) -> std::result::Result<(), String> {
        let up = c.sentinel_health().replicas_up.unwrap_or(0);
        let want = self.replicas.max(up);
        let mut wait = redis::cmd("WAIT");
        wait.arg(want).arg(self.within.as_millis() as u64);
        match wait.query_async::<i64>(c).await {
            Ok(got) if got >= i64::from(want) => Ok(()),
            Ok(got) => Err(format!(
                "redis: not confirmed: the append reached {got} of {want} replicas within {:?}",
                self.within
            )),
            Err(e) => Err(format!("redis: {e}")),
        }
    }
}

/// Items per append call at most.
const MAX_BATCH: usize = 512;
/// Append calls in Redis at once.
const BATCHES_IN_FLIGHT: usize = 4;
