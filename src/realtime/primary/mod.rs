//! The Redis primary, found and followed. One Redis is used as given. Behind Sentinel,
//! the primary is the one the sentinels name and that confirms it with `ROLE` (redis-rs's
//! `SentinelClient` asks both), and chatctl owns the swap when it changes: redis-rs's
//! `ConnectionManager` reconnects to the address it was built with, never to a promoted
//! replica (redis-rs issue 1438).
//!
//! The primary is looked for again
//! - at once, on a sign that it moved: an I/O error or a dropped connection, `READONLY`
//!   (a demoted primary), `NOREPLICAS`, `MASTERDOWN`, or a sentinel's `+switch-master`;
//! - and every [`CHECK_EVERY`] whatever happens: a demoted primary keeps its connections
//!   open and answers reads, so a missed `+switch-master` must not pin chatctl to it.
//!
//! Calls in flight during a swap fail like any Redis error (the gateway's degraded path);
//! the next call goes to the new primary. Each swap bumps [`Primary::moves`], which the
//! pub/sub subscriber watches to re-subscribe on the new primary.
//!
//! Behind Redis Cluster the connection is redis-rs's cluster connection, which follows
//! each shard's primary itself (`MOVED`, a refresh of the slot map after an error); what
//! this adds is `SCRIPT LOAD` on every node that answers (not refused because one is down),
//! pipelines split by slot ([`Primary::each`]) and a SCAN over every primary
//! ([`Primary::scan_keys`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock, Weak};
use std::time::Duration;

use redis::aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig};
use redis::cluster_async::ClusterConnection;
use redis::cluster_routing::{MultipleNodeRoutingInfo, ResponsePolicy, RoutingInfo};
use redis::sentinel::SentinelClient;
use redis::{AsyncCommands, Cmd, Pipeline, RedisError, RedisFuture, Value};
use tokio::sync::{watch, Notify};

mod cluster;
use cluster::{cluster_health, is_script_load};
mod sentinel;
use sentinel::{follow, switch_master};

use super::keys::PARTITIONS;
use super::target::{RedisTarget, Topology};
use crate::error::{Error, Result};

/// How often the primary is confirmed with the sentinels when nothing signalled a move.
pub const CHECK_EVERY: Duration = Duration::from_secs(1);

/// How often the sentinels are asked whether they could fail over (`SENTINEL CKQUORUM`)
/// and how many replicas are up (`SENTINEL REPLICAS`).
pub const HEALTH_EVERY: Duration = Duration::from_secs(3);

/// The bound on one look-up (sentinels, then the primary's `ROLE`): a paused sentinel must
/// not stall the search; the next look-up starts over with fresh connections.
const LOOKUP_TIMEOUT: Duration = Duration::from_secs(2);

/// A connection to the Redis primary that follows it across failovers. Clones share it.
#[derive(Clone)]
pub struct Primary {
    shared: Arc<Shared>,
    /// Behind Cluster, which connection this handle uses: a partition's, or (PARTITIONS)
    /// the one for everything else.
    part: usize,
}

struct Shared {
    current: RwLock<Current>,
    /// A sign the primary may have moved: look now.
    kick: Notify,
    /// Bumped at each swap.
    moved: watch::Sender<u64>,
    /// Sentinel mode (for `/readyz` detail and the console).
    sentinel: bool,
    /// Cluster mode: a client for each node the URL names (pub/sub connects to one of
    /// them, the next one after a failure).
    seeds: Vec<redis::Client>,
    next_seed: AtomicU64,
    /// Look-ups that failed in a row (the sentinels or the primary unreachable).
    failed_lookups: AtomicU64,
    health: RwLock<SentinelHealth>,
    /// Replicas the primary last listed in step (`INFO replication`, read with each `WAIT`).
    replicas_online: AtomicU64,
    /// When an answer last said Redis was unreachable or moved, or the primary changed.
    trouble: std::sync::Mutex<Option<tokio::time::Instant>>,
}

impl Shared {
    fn troubled(&self) {
        *self.trouble.lock().unwrap() = Some(tokio::time::Instant::now());
    }
}

/// What the sentinels say of their own set-up, asked every [`HEALTH_EVERY`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentinelHealth {
    /// Whether the live sentinels can still agree that the primary failed and authorise a
    /// failover (`SENTINEL CKQUORUM`); None until first asked.
    pub failover_ready: Option<bool>,
    /// Replicas the sentinels see up and connected.
    pub replicas_up: Option<u32>,
    /// What is wrong, in a sentinel's words, when something is ("" when not).
    pub problem: String,
}

struct Current {
    conn: Link,
    client: redis::Client,
    addr: String,
}

/// One Redis (or the primary behind Sentinel), or a Redis Cluster: a connection per
/// partition and one for the rest (see [`Primary::part`]).
#[derive(Clone)]
enum Link {
    One(ConnectionManager),
    Cluster(Arc<Vec<ClusterConnection>>),
}

/// The connection one call goes on.
enum Conn {
    One(ConnectionManager),
    Cluster(ClusterConnection),
}

impl Primary {
    /// Connect to the primary `target` names (bounded by `within`): one Redis, or the one
    /// the sentinels name. In Sentinel mode a task keeps following it while any clone lives.
    pub async fn connect(target: &RedisTarget, config: ConnectionManagerConfig, within: Duration) -> Result<Primary> {
        let shown = target.shown();
        let unreachable = |e: String| Error::Broker(format!("cannot reach Redis at {shown}: {e}"));
        let (client, sentinel) = match target.topology()? {
            Topology::Single(client) => (client, None),
            Topology::Sentinel(mut sentinel) => {
                let client = tokio::time::timeout(within, sentinel.async_get_client())
                    .await
                    .map_err(|_| unreachable(format!("no sentinel named a primary within {within:?}")))?
                    .map_err(|e| unreachable(format!("no primary found through the sentinels: {e}")))?;
                (client, Some(sentinel))
            }
            Topology::Cluster { client, seeds } => {
                // A connection per partition: redis-rs's cluster connection holds every call
                // while it rebuilds its slot map (after an error, e.g. a shard's primary
                // died), so one shared by all would stall every shard's answers for one.
                let conns = (0..=PARTITIONS).map(|_| client.get_async_connection());
                let conns = tokio::time::timeout(within, futures_util::future::try_join_all(conns))
                    .await
                    .map_err(|_| unreachable(format!("no cluster node answered within {within:?}")))?
                    .map_err(|e| unreachable(e.to_string()))?;
                let primary = Primary::new(Link::Cluster(Arc::new(conns)), seeds[0].clone(), false, seeds);
                tokio::spawn(cluster_health(Arc::downgrade(&primary.shared)));
                return Ok(primary);
            }
        };
        let conn = tokio::time::timeout(within, ConnectionManager::new_with_config(client.clone(), config.clone()))
            .await
            .map_err(|_| unreachable(format!("no answer within {within:?}")))?
            .map_err(|e| unreachable(e.to_string()))?;
        let primary = Primary::new(Link::One(conn), client, sentinel.is_some(), Vec::new());
        if let Some(sentinel) = sentinel {
            tokio::spawn(follow(Arc::downgrade(&primary.shared), target.clone(), config, sentinel));
            tokio::spawn(switch_master(Arc::downgrade(&primary.shared), target.clone()));
        }
        Ok(primary)
    }

    fn new(conn: Link, client: redis::Client, sentinel: bool, seeds: Vec<redis::Client>) -> Primary {
        let addr = address(&client);
        let shared = Arc::new(Shared {
            current: RwLock::new(Current { conn, client, addr }),
            kick: Notify::new(),
            moved: watch::channel(0).0,
            sentinel,
            seeds,
            next_seed: AtomicU64::new(0),
            failed_lookups: AtomicU64::new(0),
            health: RwLock::new(SentinelHealth::default()),
            replicas_online: AtomicU64::new(0),
            trouble: std::sync::Mutex::new(None),
        });
        Primary { shared, part: PARTITIONS }
    }

    /// This connection for partition `k`'s keys (behind Cluster, its own connection; one
    /// Redis: the same).
    pub fn part(&self, k: usize) -> Primary {
        Primary { shared: self.shared.clone(), part: k.min(PARTITIONS) }
    }

    /// This connection for `message_id`'s keys.
    pub fn of(&self, message_id: &str) -> Primary {
        self.part(super::keys::partition(message_id))
    }

    /// A client for the primary as it is now (for a dedicated connection, e.g. pub/sub).
    /// Behind Cluster, a node the URL names: the next one at each call (so a subscriber
    /// whose node died connects to another); a message published on any node reaches it.
    pub fn client(&self) -> redis::Client {
        let s = &self.shared;
        if s.seeds.is_empty() {
            return s.current.read().unwrap().client.clone();
        }
        let n = s.next_seed.fetch_add(1, Ordering::Relaxed) as usize;
        s.seeds[n % s.seeds.len()].clone()
    }

    /// A Redis Cluster (rather than one Redis or Sentinel): a script or pipeline may touch
    /// one slot's keys only.
    pub fn is_cluster(&self) -> bool {
        !self.shared.seeds.is_empty()
    }

    /// Bumped each time the primary changed.
    pub fn moves(&self) -> watch::Receiver<u64> {
        self.shared.moved.subscribe()
    }

    /// How many times the primary changed since this connection was made.
    pub fn failovers(&self) -> u64 {
        *self.shared.moved.borrow()
    }

    /// Behind Sentinel (rather than one Redis).
    pub fn is_sentinel(&self) -> bool {
        self.shared.sentinel
    }

    /// True while the sentinels cannot be asked (the last look-ups failed): chatctl keeps
    /// using the primary it knows, and says so.
    pub fn sentinels_unreachable(&self) -> bool {
        self.shared.failed_lookups.load(Ordering::Relaxed) >= 3
    }

    /// What the sentinels last said of the failover's chances and the replicas.
    pub fn sentinel_health(&self) -> SentinelHealth {
        self.shared.health.read().unwrap().clone()
    }

    /// How long since an answer last said Redis was unreachable or moved, or the primary
    /// changed (None: never). Leases can lapse in such a gap while their nodes live.
    pub fn calm_for(&self) -> Option<Duration> {
        self.shared.trouble.lock().unwrap().map(|at| at.elapsed())
    }

    /// Replicas the primary last listed in step (`INFO replication`, asked with each `WAIT`).
    pub fn replicas_online(&self) -> u32 {
        self.shared.replicas_online.load(Ordering::Relaxed) as u32
    }

    pub(super) fn note_replicas_online(&self, n: u32) {
        self.shared.replicas_online.store(u64::from(n), Ordering::Relaxed);
    }

    /// Behind Sentinel or Cluster and unable to fail over, or without a replica: one line
    /// saying why, for `/readyz` and the logs. None when all is well (or one Redis).
    pub fn degraded(&self) -> Option<String> {
        if self.is_cluster() {
            let h = self.sentinel_health();
            return match (h.failover_ready, h.replicas_up) {
                (Some(false), _) => Some(format!("the cluster is not ok: {}", h.problem)),
                (_, Some(0)) => Some(format!("a shard has no replica: a failover now would lose it ({})", h.problem)),
                _ => None,
            };
        }
        if !self.shared.sentinel {
            return None;
        }
        if self.sentinels_unreachable() {
            return Some("no sentinel names a reachable primary; using the last known one".into());
        }
        let h = self.sentinel_health();
        if h.failover_ready == Some(false) {
            return Some(format!("the sentinels cannot fail over: {}", h.problem));
        }
        if h.replicas_up == Some(0) {
            return Some("no replica is up: a failover now would lose the data".into());
        }
        None
    }

    fn conn(&self) -> Conn {
        match &self.shared.current.read().unwrap().conn {
            Link::One(c) => Conn::One(c.clone()),
            Link::Cluster(conns) => Conn::Cluster(conns[self.part].clone()),
        }
    }

    /// Look at an answer for a sign that the primary moved.
    fn check<T>(&self, answer: &std::result::Result<T, RedisError>, values: &[Value]) {
        let moved = match answer {
            Err(e) => moved_error(e),
            Ok(_) => values.iter().any(|v| matches!(v, Value::ServerError(e) if moved_code(e.code()))),
        };
        if moved {
            self.shared.troubled();
            if self.shared.sentinel {
                self.shared.kick.notify_one();
            }
        }
    }
}

/// An error that says this connection may no longer reach the primary.
fn moved_error(e: &RedisError) -> bool {
    e.is_io_error()
        || e.is_connection_dropped()
        || e.is_timeout()
        || e.is_connection_refusal()
        || e.code().is_some_and(moved_code)
}

fn moved_code(code: &str) -> bool {
    matches!(code, "READONLY" | "NOREPLICAS" | "MASTERDOWN" | "LOADING")
}

fn address(client: &redis::Client) -> String {
    client.get_connection_info().addr.to_string()
}

impl ConnectionLike for Primary {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        let conn = self.conn();
        Box::pin(async move {
            let answer = match conn {
                Conn::One(mut c) => c.req_packed_command(cmd).await,
                Conn::Cluster(mut c) if is_script_load(cmd) => {
                    // On every node that answers (redis-rs asks all and fails if one is
                    // down): a replica promoted later has the script.
                    let all =
                        RoutingInfo::MultiNode((MultipleNodeRoutingInfo::AllNodes, Some(ResponsePolicy::OneSucceeded)));
                    c.route_command(cmd, all).await
                }
                Conn::Cluster(mut c) => c.req_packed_command(cmd).await,
            };
            let values = answer.as_ref().map(std::slice::from_ref).unwrap_or_default();
            self.check(&answer, values);
            answer
        })
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        cmd: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        let conn = self.conn();
        Box::pin(async move {
            let answer = match conn {
                Conn::One(mut c) => c.req_packed_commands(cmd, offset, count).await,
                Conn::Cluster(mut c) => c.req_packed_commands(cmd, offset, count).await,
            };
            let values = answer.as_deref().unwrap_or_default();
            self.check(&answer, values);
            answer
        })
    }

    fn get_db(&self) -> i64 {
        0
    }
}
