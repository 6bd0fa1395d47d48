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
/// in step, and at least `replicas`. All of them, because the sentinels promote the
/// replica whose offset they last saw highest (polled, so possibly stale), not one that
/// confirmed: a write one replica of two confirmed could still be missing after a failover.
#[derive(Clone, Copy)]
pub(super) struct Confirm {
    pub(super) replicas: u32,
    pub(super) within: Duration,
}

/// Appends that wait together go in one script call (group commit): while one call is in
/// Redis, the next batch gathers. Up to [`BATCHES_IN_FLIGHT`] calls overlap. Behind Cluster
/// each partition has a batcher of its own (a call touches one slot, and a shard that
/// fails over holds up its own partitions' appends only).
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
        let (c, script) = (conn.clone(), script.clone());
        tokio::spawn(async move {
            append_group(c, &script, lease_ttl, ttl, confirm, batch).await;
            drop(slot);
        });
    }
}

/// One append call: the items of `group` (one partition's, behind Cluster).
async fn append_group(
    mut c: Primary,
    script: &Script,
    lease_ttl: Duration,
    ttl: Duration,
    confirm: Confirm,
    group: Vec<AppendRequest>,
) {
    let leases = keys::leases_of(&group[0].0.message_id);
    let mut eval = evalsha(script, &[&leases]);
    eval.arg(lease_ttl.as_millis() as u64).arg(ttl.as_millis() as u64);
    let mut replies = Vec::with_capacity(group.len());
    for (a, reply) in group {
        let tag = keys::tag(&a.message_id);
        eval.arg(a.message_id).arg(tag).arg(a.node).arg(a.epoch).arg(a.from).arg(a.deltas.len());
        for d in a.deltas {
            eval.arg(d);
        }
        let (terminal, last) = a.end.unwrap_or_default();
        eval.arg(terminal).arg(last);
        replies.push(reply);
    }
    let answer: std::result::Result<Vec<i64>, String> = confirm.run(&mut c, script, &eval).await;
    let failure = match answer {
        Ok(rows) if rows.len() == replies.len() => {
            for (code, reply) in rows.into_iter().zip(replies) {
                let _ = reply.send(Ok(fenced(code)));
            }
            return;
        }
        Ok(rows) => format!("redis: the append script answered {} rows for {} items", rows.len(), replies.len()),
        Err(e) => e,
    };
    for reply in replies {
        let _ = reply.send(Err(Error::Broker(failure.clone())));
    }
}

/// `EVALSHA` of `script` over `keys` (the arguments follow).
pub(super) fn evalsha(script: &Script, keys: &[&str]) -> redis::Cmd {
    let mut cmd = redis::cmd("EVALSHA");
    cmd.arg(script.get_hash()).arg(keys.len()).arg(keys);
    cmd
}

impl Confirm {
    /// Run `eval` (an [`evalsha`] of `script`), loading the script when Redis lacks it;
    /// with replicas to confirm, followed by `WAIT` in the same pipeline (so on the same
    /// connection: a `WAIT` sent after a failover swapped the connection would confirm
    /// nothing and answer at once), Ok once every replica in step holds the script's writes
    /// and at least `replicas` do. Which replicas are in step is the primary's own answer
    /// (`INFO replication`, in the same pipeline: online, acknowledged within
    /// [`IN_STEP_LAG`]), not the sentinels' (polled every few seconds): a replica that
    /// rejoined a moment ago can be promoted at the next failover, so it must confirm too,
    /// while one that stopped answering cannot be (the sentinels see it down) and must not
    /// hold every write up. The count is kept for the next call; when this call asked for
    /// fewer than were in step, it answers "not confirmed" (the caller tries again).
    pub(super) async fn run<T: redis::FromRedisValue>(
        &self,
        c: &mut Primary,
        script: &Script,
        eval: &redis::Cmd,
    ) -> std::result::Result<T, String> {
        let no_script = |e: &redis::RedisError| e.kind() == redis::ErrorKind::NoScriptError;
        let failed = |e: redis::RedisError| format!("redis: {e}");
        if self.replicas == 0 {
            return match eval.query_async(c).await {
                Err(e) if no_script(&e) => {
                    script.load_async(c).await.map_err(failed)?;
                    eval.query_async(c).await.map_err(failed)
                }
                answer => answer.map_err(failed),
            };
        }
        let want = self.replicas.max(c.replicas_online());
        let mut pipe = redis::pipe();
        pipe.add_command(eval.clone());
        pipe.cmd("WAIT").arg(want).arg(self.within.as_millis() as u64).cmd("INFO").arg("replication");
        let answer = match pipe.query_async::<(T, i64, String)>(c).await {
            Err(e) if no_script(&e) => {
                script.load_async(c).await.map_err(failed)?;
                pipe.query_async(c).await
            }
            answer => answer,
        };
        let (value, got, info) = answer.map_err(failed)?;
        let in_step = replicas_in_step(&info);
        c.note_replicas_online(in_step);
        if got < i64::from(want.max(in_step)) {
            return Err(format!(
                "redis: not confirmed: the write reached {got} of {} replicas within {:?}",
                want.max(in_step),
                self.within
            ));
        }
        Ok(value)
    }
}

/// A replica whose last acknowledgement is older than this (seconds, as `INFO` counts) is
/// not waited for: it stopped answering, and the sentinels will not promote it.
const IN_STEP_LAG: u64 = 2;

/// Replicas a primary's `INFO replication` lists online and acknowledging (lines such as
/// `slave0:ip=127.0.0.1,port=6380,state=online,offset=123,lag=0`).
fn replicas_in_step(info: &str) -> u32 {
    info.lines()
        .filter(|l| l.starts_with("slave") && l.as_bytes().get(5).is_some_and(u8::is_ascii_digit))
        .filter(|l| {
            let field = |k: &str| l.split([':', ',']).find_map(|f| f.strip_prefix(k)?.strip_prefix('='));
            field("state") == Some("online")
                && field("lag").and_then(|v| v.parse::<u64>().ok()).is_some_and(|lag| lag <= IN_STEP_LAG)
        })
        .count() as u32
}

/// Items per append call at most.
const MAX_BATCH: usize = 512;
/// Append calls in Redis at once.
const BATCHES_IN_FLIGHT: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replicas_in_step_counts_online_replicas_that_acknowledge() {
        let info = "# Replication\r\nrole:master\r\nconnected_slaves:3\r\nmin_slaves_good_slaves:2\r\n\
                    slave0:ip=127.0.0.1,port=6380,state=online,offset=4242,lag=0\r\n\
                    slave1:ip=127.0.0.1,port=6381,state=wait_bgsave,offset=0,lag=0\r\n\
                    slave2:ip=127.0.0.1,port=6382,state=online,offset=4200,lag=7\r\n\
                    slave3:ip=127.0.0.1,port=6383,state=online,offset=4242,lag=2\r\n\
                    master_failover_state:no-failover\r\nslave_read_repl_offset:1\r\n";
        // slave1 is still syncing, slave2 stopped acknowledging 7 s ago.
        assert_eq!(replicas_in_step(info), 2);
        assert_eq!(replicas_in_step("# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\n"), 0);
    }
}
