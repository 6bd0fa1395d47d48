//! The real-time path's Redis side: what any node needs to resume a message, or to take
//! over its generation, lives here and not in one node's memory.
//!
//! Per message `M`, in its partition `T` (the key layout and why: [`keys`]):
//! - `chatctl:{T}:msg:M:meta`, a hash: who asked (user, session, conversation, prompt, the
//!   user message it replies to, when it started, client address), and the control fields
//!   `epoch`, `owner`, `next` (the next chunk index the buffer expects), `state`
//!   (`generating`, `done`, `error`) and `final` (the terminal frame, once there is one);
//! - `chatctl:{T}:msg:M:chunks`, a stream: one entry per chunk (`i`, `e` epoch, `d` delta),
//!   then the terminal marker (`t`);
//! - `chatctl:{T}:msg:M:live`, the pub/sub channel each entry is published on while a
//!   follower on some node watches the message (meta field `w`, a deadline);
//! - `chatctl:{T}:msg:M:lease`, `node/epoch` with a TTL: the generating node's lease.
//!
//! Per partition: the sorted set `chatctl:{T}:leases` (message → lease expiry, Redis time),
//! where orphaned generations are found. Across partitions: `chatctl:{fleet}:node:<id>`,
//! each node's heartbeat (the node registry: what runs where, for operators).
//!
//! Every write of a generating node goes through one Lua script that first checks the node
//! still holds the message at its epoch, as its owner (fencing): a node that lost its lease
//! while paused can never add a chunk after the takeover, nor can one whose claim a Redis
//! failover rolled back. `chatctl:{T}:dataset` names the dataset (see [`Dataset`]): a node
//! that finds it gone knows Redis lost everything (or a Cluster shard did), not one
//! message. Every script touches one partition's keys (those it computes too), so each
//! runs on one Cluster slot; one Redis (or a primary behind Sentinel) takes a call that
//! covers many partitions at once.

pub mod fleet;
pub mod keys;
mod primary;
pub mod subscriber;

use std::sync::Arc;
use std::time::Duration;

use redis::aio::ConnectionManagerConfig;
use redis::{AsyncCommands, Script};
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, Result};
pub use primary::Primary;
pub use subscriber::{Subscriber, Subscription};
pub use target::RedisTarget;

mod batch;
mod liveness;
mod quota;
mod target;
use batch::{batch_appends, Append, AppendRequest};
pub use liveness::Dataset;
pub use quota::Admission;

/// The default lease: long enough to ride out a Redis hiccup of a second, short enough
/// that a dead node's answers continue elsewhere within ~3 s.
pub const DEFAULT_LEASE_TTL: Duration = Duration::from_secs(2);

/// How long a follower's watch lasts (see [`ResumeBuffer::watch`]).
pub const WATCH_TTL: Duration = Duration::from_secs(9);

/// Every Redis call is bounded: the real-time path must not hang on a dead Redis.
const RESPONSE_TIMEOUT: Duration = Duration::from_millis(1000);

/// How long an append waits for its replicas (`WAIT`) before it counts as not confirmed
/// (the chunks are held and the append tried again).
const WAIT_TIMEOUT: Duration = Duration::from_millis(250);

const FENCE: &str = include_str!("lua/fence.lua");

/// KEYS: meta, lease, leases. ARGV: node, lease ttl, buffer ttl, message id, fields (JSON).
const CREATE: &str = include_str!("lua/create.lua");

/// KEYS: the first item's lease set (Cluster routes the call by it). ARGV: lease ttl, buffer
/// ttl, then items, each `m p n e f c d1..dc t x`: append the `c` deltas of message `m` (in
/// partition tag `p`) numbered from `f` (skipping those already there), then the terminal
/// marker `t` with the final frame `x` (`t` empty: none), if node `n` still holds `m` at
/// epoch `e`. Behind Cluster every item of a call is of one partition. One call carries the pending chunks of many streams (one round trip,
/// one script run), in flat arguments (no JSON to build here or to decode in Redis).
///
/// Fencing is by epoch: every change of owner (claim, restore) bumps or sets it, so a
/// message at this node's epoch and still generating is this node's, whatever the lease
/// says. The lease is not touched here (the generating node renews it every TTL/3). An
/// entry is published on the message's channel only while a follower watches it (meta
/// field `w`, a Redis-clock deadline set by [`ResumeBuffer::watch`]): the common case, the
/// client on the generating node, costs no publish. Returns one integer per item: `next`
/// (>= 0) written, -1 fenced, -2 gone, `-3 - next` a gap (the buffer expects `next`).
const APPEND: &str = include_str!("lua/append.lua");

/// KEYS: meta. ARGV: how long (ms). A follower watches the message: its entries are
/// published until the deadline (Redis clock). Nothing when the message is unknown.
const WATCH: &str = include_str!("lua/watch.lua");

/// KEYS: meta, lease, leases, chunks. ARGV: node, epoch, lease ttl, message id, buffer ttl.
/// Renews the lease and the buffer's TTL; answers `next`, or the fence's code.
const RENEW: &str = include_str!("lua/renew.lua");

/// KEYS: meta, lease, leases, chunks. ARGV: node, epoch, lease ttl, buffer ttl, message id,
/// fields (JSON), deltas... Puts a generation back after Redis lost it (a restart without
/// persistence), unless someone else already did.
const RESTORE: &str = include_str!("lua/restore.lua");

/// KEYS: meta, lease, leases. ARGV: node, epoch, lease ttl, message id. Gives the message
/// up at once (a draining node): the lease goes, and the message is due for a claim now.
/// Answers 0, or the fence's code.
const RELEASE: &str = include_str!("lua/release.lua");

/// KEYS: user streams, user answers, user buffer bytes. ARGV: message id, cap, ttl ms,
/// answers per minute (0: no quota), buffer bytes (0: no quota). `{1, 0}` when the slot is
/// taken (or was this message's already), `{0, 0}` when the user has `cap` live slots,
/// `{-1, ms}` when the user started `per minute` answers in the last minute (the next one
/// may start in `ms`), `{-2, ms}` when the user's answers of the last buffer TTL hold the
/// bytes quota (the count lapses in `ms`). Uses Redis time.
const ACQUIRE_SLOT: &str = include_str!("lua/acquire_slot.lua");

/// KEYS: lease sets (one partition's or many). ARGV: node, lease ttl, max. Claims up to
/// `max` generations whose lease expired or was released: bumps the epoch, takes the
/// lease. Returns {message, epoch, previous owner, released (1) or lost (0)}.
const CLAIM: &str = include_str!("lua/claim.lua");

use keys::{leases_of, msg_key};

pub fn stream_key(message_id: &str) -> String {
    msg_key(message_id, "chunks")
}

pub fn channel(message_id: &str) -> String {
    msg_key(message_id, "live")
}

fn meta_key(message_id: &str) -> String {
    msg_key(message_id, "meta")
}

fn lease_key(message_id: &str) -> String {
    msg_key(message_id, "lease")
}

/// One buffered entry of a message stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buffered {
    pub index: u32,
    pub epoch: u32,
    pub delta: String,
    /// "" for a chunk; "done" or "error" for the terminal marker.
    pub terminal: String,
}

/// A live entry as published on the message's channel.
#[derive(Debug, Clone, Deserialize)]
pub struct LiveEntry {
    pub i: u32,
    pub e: u32,
    pub d: String,
    pub t: String,
}

/// Who asked for a message: what a resuming node checks and a takeover node needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MessageMeta {
    pub message_id: String,
    pub session_id: String,
    pub user_id: String,
    pub conversation_id: String,
    pub prompt: String,
    /// The user message this answer replies to.
    pub reply_to: String,
    /// When the answer started (unix ms), for the total latency after a takeover.
    pub started_ms: i64,
    #[serde(default)]
    pub client_ip: String,
    #[serde(default)]
    pub user_agent: String,
}

/// How a message ended, kept so that a resume after the end gets the real terminal frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Final {
    /// "done" or "error".
    pub terminal: String,
    pub total_chunks: u32,
    pub content_length: u64,
    #[serde(default)]
    pub stopped: bool,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
}

/// A message as Redis holds it.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub meta: MessageMeta,
    pub epoch: u32,
    pub chunks: Vec<Buffered>,
    pub final_frame: Option<Final>,
}

/// The answer to a fenced write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fenced {
    /// Written; the buffer now expects chunk `next`.
    Ok { next: u32 },
    /// Another node took the message over (or it ended): stop generating.
    Lost,
    /// Redis no longer knows the message (restarted without persistence): restore it.
    Gone,
    /// The buffer expects chunk `next`, before the first one sent: send from there.
    Gap { next: u32 },
}

/// A generation whose lease expired, now this node's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub message_id: String,
    pub epoch: u32,
    pub previous_owner: String,
    /// The previous owner handed it over (drain), rather than lost it.
    pub released: bool,
}

#[derive(Clone)]
pub struct ResumeBuffer {
    conn: Primary,
    /// Where the writes that replicas confirm (`WAIT`) go: appends and claims. Its own
    /// connection when replicas confirm (a `WAIT` blocks the connection it is sent on,
    /// and must not hold up reads and renewals), else `conn`.
    confirming: Primary,
    confirm: batch::Confirm,
    /// Replicas that confirm each append before it is answered (`WAIT`), 0: none.
    min_replicas: u32,
    /// The append batchers: one, or one per partition behind Cluster.
    appends: Vec<mpsc::UnboundedSender<AppendRequest>>,
    ttl: Duration,
    lease_ttl: Duration,
    create: Script,
    renew: Script,
    restore: Script,
    release: Script,
    claim: Script,
    acquire_slot: Script,
    watch: Script,
    /// The dataset ids (one per partition) this node last saw (see [`Dataset`]).
    dataset: Arc<std::sync::Mutex<Option<Vec<String>>>>,
}

impl ResumeBuffer {
    pub async fn connect(url: &str, ttl: Duration) -> Result<ResumeBuffer> {
        ResumeBuffer::connect_with(url, ttl, DEFAULT_LEASE_TTL).await
    }

    pub async fn connect_with(url: &str, ttl: Duration, lease_ttl: Duration) -> Result<ResumeBuffer> {
        ResumeBuffer::connect_to(&RedisTarget::new(url), ttl, lease_ttl).await
    }

    pub async fn connect_to(target: &RedisTarget, ttl: Duration, lease_ttl: Duration) -> Result<ResumeBuffer> {
        // Bounded calls and quick reconnects: a Redis restart costs a second, not a minute.
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(RESPONSE_TIMEOUT)
            .set_response_timeout(RESPONSE_TIMEOUT)
            .set_number_of_retries(2)
            .set_factor(50)
            .set_max_delay(500);
        let conn = Primary::connect(target, config.clone(), Duration::from_secs(5)).await?;
        let min_replicas = target.min_replicas();
        // The appends have a connection of their own: a `WAIT` blocks the connection it is
        // sent on (until the replicas confirm), and it must not hold up reads and renewals.
        let confirming = match min_replicas {
            0 => conn.clone(),
            _ => Primary::connect(target, config, Duration::from_secs(5)).await?,
        };
        let script = |body: &str| Script::new(&format!("{FENCE}\n{body}"));
        let confirm = batch::Confirm { replicas: min_replicas, within: WAIT_TIMEOUT };
        let batchers = if conn.is_cluster() { keys::PARTITIONS } else { 1 };
        let appends = (0..batchers)
            .map(|k| {
                let (tx, rx) = mpsc::unbounded_channel();
                tokio::spawn(batch_appends(confirming.part(k), script(APPEND), lease_ttl, ttl, confirm, rx));
                tx
            })
            .collect();
        Ok(ResumeBuffer {
            conn,
            confirming,
            confirm,
            min_replicas,
            appends,
            ttl,
            lease_ttl,
            create: script(CREATE),
            renew: script(RENEW),
            restore: script(RESTORE),
            release: script(RELEASE),
            claim: script(CLAIM),
            acquire_slot: Script::new(ACQUIRE_SLOT),
            watch: script(WATCH),
            dataset: Arc::default(),
        })
    }

    pub fn lease_ttl(&self) -> Duration {
        self.lease_ttl
    }

    /// Replicas that confirm each append before a client is shown it (0: none).
    pub fn min_replicas(&self) -> u32 {
        self.min_replicas
    }

    /// The connection to the Redis primary (it follows a Sentinel failover).
    pub fn primary(&self) -> &Primary {
        &self.conn
    }

    /// A new generation at epoch 0, owned by `node`.
    pub async fn create(&self, node: &str, meta: &MessageMeta) -> Result<()> {
        let m = &meta.message_id;
        let mut eval = batch::evalsha(&self.create, &[&meta_key(m), &lease_key(m), &leases_of(m)]);
        eval.arg(node)
            .arg(self.lease_ttl.as_millis() as u64)
            .arg(self.ttl.as_millis() as u64)
            .arg(m)
            .arg(serde_json::to_string(meta).expect("meta serialises"));
        let _: String = self.confirmed(m, &self.create, &eval).await?;
        Ok(())
    }

    /// Run a control write (create, restore, release) on `message_id`'s connection for
    /// confirmed writes, confirmed by the replicas as appends are (see [`batch::Confirm`]):
    /// a node acts on it only once a failover cannot roll it back. Unconfirmed, it is an
    /// error (the write may still be on the primary; the caller's next write finds it).
    async fn confirmed<T: redis::FromRedisValue>(
        &self,
        message_id: &str,
        script: &Script,
        eval: &redis::Cmd,
    ) -> Result<T> {
        let mut conn = self.confirming.of(message_id);
        self.confirm.run(&mut conn, script, eval).await.map_err(Error::Broker)
    }

    /// Append chunks `from..from + deltas.len()` (those the buffer lacks), and the terminal
    /// marker when `end` is given, if `node` still holds the message at `epoch`. Appends of
    /// all streams of this node that wait at the same time go to Redis in one call.
    pub async fn append(
        &self,
        message_id: &str,
        node: &str,
        epoch: u32,
        from: u32,
        deltas: Vec<String>,
        end: Option<&Final>,
    ) -> Result<Fenced> {
        let item = Append {
            message_id: message_id.to_string(),
            node: node.to_string(),
            epoch,
            from,
            deltas,
            end: end.map(|f| (f.terminal.clone(), serde_json::to_string(f).expect("final serialises"))),
        };
        let (reply, answer) = oneshot::channel();
        let batcher = &self.appends[keys::partition(message_id) % self.appends.len()];
        batcher.send((item, reply)).map_err(|_| Error::Broker("redis: the append batcher stopped".into()))?;
        answer.await.map_err(|_| Error::Broker("redis: the append batcher stopped".into()))?
    }

    /// A follower is here: publish `message_id`'s entries for the next [`WATCH_TTL`]. The
    /// follower calls this before it reads the buffer (so each entry is in the buffer it
    /// read or published after) and again every [`WATCH_TTL`]/3 while it follows; a missed
    /// renewal costs it the live entries, not correctness (it reads the buffer when the
    /// channel is quiet).
    pub async fn watch(&self, message_id: &str) -> Result<()> {
        let mut conn = self.conn.of(message_id);
        let _: i64 = self
            .watch
            .key(meta_key(message_id))
            .arg(WATCH_TTL.as_millis() as u64)
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        Ok(())
    }

    /// Renew the lease, if `node` still holds the message at `epoch`.
    pub async fn renew(&self, message_id: &str, node: &str, epoch: u32) -> Result<Fenced> {
        let mut conn = self.conn.of(message_id);
        let code: i64 = self
            .renew
            .key(meta_key(message_id))
            .key(lease_key(message_id))
            .key(leases_of(message_id))
            .key(stream_key(message_id))
            .arg(node)
            .arg(epoch)
            .arg(self.lease_ttl.as_millis() as u64)
            .arg(message_id)
            .arg(self.ttl.as_millis() as u64)
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        Ok(fenced(code))
    }

    /// Hand the message to whichever node claims it next (this node is draining); Lost when
    /// it was not this node's any more.
    pub async fn release(&self, message_id: &str, node: &str, epoch: u32) -> Result<Fenced> {
        let m = message_id;
        let mut eval = batch::evalsha(&self.release, &[&meta_key(m), &lease_key(m), &leases_of(m)]);
        eval.arg(node).arg(epoch).arg(self.lease_ttl.as_millis() as u64).arg(m);
        let code: i64 = self.confirmed(m, &self.release, &eval).await?;
        Ok(fenced(code))
    }

    /// Put back a generation Redis lost; false when it is there already.
    pub async fn restore(&self, node: &str, epoch: u32, meta: &MessageMeta, deltas: &[String]) -> Result<bool> {
        let m = &meta.message_id;
        let mut eval = batch::evalsha(&self.restore, &[&meta_key(m), &lease_key(m), &leases_of(m), &stream_key(m)]);
        eval.arg(node)
            .arg(epoch)
            .arg(self.lease_ttl.as_millis() as u64)
            .arg(self.ttl.as_millis() as u64)
            .arg(m)
            .arg(serde_json::to_string(meta).expect("meta serialises"));
        for d in deltas {
            eval.arg(d);
        }
        let status: String = self.confirmed(m, &self.restore, &eval).await?;
        Ok(status == "OK")
    }

    /// Whether claims wait: Redis was unreachable, or its primary changed, less than a lease
    /// ago (as this node saw it). Leases lapse in such a gap while their nodes live (a
    /// failover takes longer than a short lease, and the replica promoted holds the leases
    /// as they were); their owners renew them within a lease of Redis answering again. A
    /// claim before that would take an answer over from a live node: its client has to
    /// follow it elsewhere, and work is done twice. A dead node's answers wait one lease
    /// more.
    pub fn claims_wait(&self) -> bool {
        let lease = self.lease_ttl;
        [&self.conn, &self.confirming].iter().any(|p| p.calm_for().is_some_and(|calm| calm < lease))
    }

    /// Claim up to `max` generations whose lease expired (behind Cluster, up to `max` in
    /// each partition: one call per partition, each on its own slot).
    pub async fn claim_orphans(&self, node: &str, max: usize) -> Result<Vec<Claimed>> {
        let groups: Vec<Vec<String>> = match self.conn.is_cluster() {
            true => keys::all_leases().into_iter().map(|k| vec![k]).collect(),
            false => vec![keys::all_leases()],
        };
        let calls = groups.iter().enumerate().map(|(k, leases)| async move {
            let mut conn = self.confirming.part(k);
            let keys: Vec<&str> = leases.iter().map(String::as_str).collect();
            let mut eval = batch::evalsha(&self.claim, &keys);
            eval.arg(node).arg(self.lease_ttl.as_millis() as u64).arg(max);
            // A claim a failover could roll back must not be acted on: its epoch could be
            // handed out again. So a claim is confirmed by every replica in step, as appends
            // are (whichever the sentinels promote holds it). Unconfirmed, the claims lapse
            // with their lease and are made again.
            self.confirm.run::<Vec<(String, i64, String, i64)>>(&mut conn, &self.claim, &eval).await
        });
        let mut claimed = Vec::new();
        let mut failure = None;
        for answer in futures_util::future::join_all(calls).await {
            match answer {
                Ok(rows) => claimed.extend(rows.into_iter().map(|(message_id, epoch, previous_owner, released)| {
                    Claimed { message_id, epoch: epoch as u32, previous_owner, released: released == 1 }
                })),
                Err(e) => failure = Some(e),
            }
        }
        // What was claimed is this node's now, whatever another partition answered.
        match (claimed.is_empty(), failure) {
            (true, Some(e)) => Err(Error::Broker(e)),
            _ => Ok(claimed),
        }
    }

    /// The message as Redis holds it (meta and buffer read in one transaction); None when
    /// Redis does not know it.
    pub async fn load(&self, message_id: &str) -> Result<Option<Snapshot>> {
        let mut conn = self.conn.of(message_id);
        let (fields, entries): (std::collections::HashMap<String, String>, redis::streams::StreamRangeReply) =
            redis::pipe()
                .atomic()
                .hgetall(meta_key(message_id))
                .xrange_all(stream_key(message_id))
                .query_async(&mut conn)
                .await
                .map_err(redis_err)?;
        if fields.is_empty() {
            return Ok(None);
        }
        let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
        let meta = MessageMeta {
            message_id: message_id.to_string(),
            session_id: get("sessionId"),
            user_id: get("userId"),
            conversation_id: get("conversationId"),
            prompt: get("prompt"),
            reply_to: get("replyTo"),
            started_ms: get("startedMs").parse().unwrap_or(0),
            client_ip: get("clientIp"),
            user_agent: get("userAgent"),
        };
        Ok(Some(Snapshot {
            meta,
            epoch: get("epoch").parse().unwrap_or(0),
            chunks: buffered(&entries),
            final_frame: fields.get("final").and_then(|f| serde_json::from_str(f).ok()),
        }))
    }

    /// Who a message belongs to (one HGET): checked before a resume subscribes or watches
    /// anything. None when Redis does not know the message.
    pub async fn owner(&self, message_id: &str) -> Result<Option<String>> {
        let mut conn = self.conn.of(message_id);
        conn.hget(meta_key(message_id), "userId").await.map_err(redis_err)
    }

    /// [`watch`](Self::watch) then [`load`](Self::load): a follower's read of the buffer,
    /// after which every new entry is in the buffer it read or published to it. (A failed
    /// watch shows in the read.)
    pub async fn watch_and_load(&self, message_id: &str) -> Result<Option<Snapshot>> {
        let _ = self.watch(message_id).await;
        self.load(message_id).await
    }

    /// Everything buffered for `message_id`, in order.
    pub async fn read_all(&self, message_id: &str) -> Result<Vec<Buffered>> {
        let mut conn = self.conn.of(message_id);
        let reply: redis::streams::StreamRangeReply =
            conn.xrange_all(stream_key(message_id)).await.map_err(redis_err)?;
        Ok(buffered(&reply))
    }

    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.conn.clone();
        let _: String = redis::cmd("PING").query_async(&mut conn).await.map_err(redis_err)?;
        Ok(())
    }
}

/// A fenced script's answer: the append script's per item (see [`APPEND`]), the renew
/// and release scripts' whole.
fn fenced(code: i64) -> Fenced {
    match code {
        0.. => Fenced::Ok { next: code as u32 },
        -1 => Fenced::Lost,
        -2 => Fenced::Gone,
        _ => Fenced::Gap { next: (-3 - code) as u32 },
    }
}

fn buffered(reply: &redis::streams::StreamRangeReply) -> Vec<Buffered> {
    reply
        .ids
        .iter()
        .map(|e| Buffered {
            index: e.get::<u32>("i").unwrap_or(0),
            epoch: e.get::<u32>("e").unwrap_or(0),
            delta: e.get::<String>("d").unwrap_or_default(),
            terminal: e.get::<String>("t").unwrap_or_default(),
        })
        .collect()
}

fn redis_err(e: redis::RedisError) -> Error {
    Error::Broker(format!("redis: {e}"))
}
