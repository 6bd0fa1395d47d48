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

fn is_script_load(cmd: &Cmd) -> bool {
    let mut args = cmd.args_iter().map(|a| match a {
        redis::Arg::Simple(b) => b,
        redis::Arg::Cursor => &b""[..],
    });
    args.next().is_some_and(|a| a.eq_ignore_ascii_case(b"SCRIPT"))
        && args.next().is_some_and(|a| a.eq_ignore_ascii_case(b"LOAD"))
}

impl Primary {
    /// Run `cmds` (each touching one slot) and answer their replies in order: one pipeline
    /// on one Redis; behind Cluster, each on its own slot's primary, 32 at a time.
    pub async fn each<T: redis::FromRedisValue>(&self, cmds: Vec<Cmd>) -> std::result::Result<Vec<T>, RedisError> {
        use futures_util::{StreamExt, TryStreamExt};
        if cmds.is_empty() {
            return Ok(Vec::new());
        }
        if !self.is_cluster() {
            let mut pipe = redis::pipe();
            for c in cmds {
                pipe.add_command(c);
            }
            return pipe.query_async(&mut self.clone()).await;
        }
        futures_util::stream::iter(cmds)
            .map(|c| {
                let mut conn = self.clone();
                async move { c.query_async::<T>(&mut conn).await }
            })
            .buffered(32)
            .try_collect()
            .await
    }

    /// Keys matching `pattern`, at most `max` (SCAN): behind Cluster, on every primary.
    pub async fn scan_keys(&self, pattern: &str, max: usize) -> std::result::Result<Vec<String>, RedisError> {
        let opts = || redis::ScanOptions::default().with_pattern(pattern).with_count(1000);
        let mut keys = Vec::new();
        let clients = match self.conn() {
            Conn::One(_) => {
                let mut conn = self.clone();
                let mut it = conn.scan_options::<String>(opts()).await?;
                while let Some(k) = it.next_item().await {
                    keys.push(k);
                    if keys.len() >= max {
                        break;
                    }
                }
                return Ok(keys);
            }
            Conn::Cluster(mut c) => self.primaries(&mut c).await?,
        };
        for client in clients {
            let mut conn = client.get_multiplexed_async_connection().await?;
            let mut it = conn.scan_options::<String>(opts()).await?;
            while let Some(k) = it.next_item().await {
                keys.push(k);
                if keys.len() >= max {
                    return Ok(keys);
                }
            }
        }
        Ok(keys)
    }

    /// A client for each primary of the cluster (from `CLUSTER NODES`), with the seeds'
    /// credentials and TLS.
    async fn primaries(&self, c: &mut ClusterConnection) -> std::result::Result<Vec<redis::Client>, RedisError> {
        let nodes: String = redis::cmd("CLUSTER").arg("NODES").query_async(c).await?;
        let seed = self.shared.seeds[0].get_connection_info().clone();
        let mut out = Vec::new();
        for line in nodes.lines() {
            let f: Vec<&str> = line.split(' ').collect();
            if f.len() < 8 || !f[2].contains("master") || f[2].contains("fail") || f[7] != "connected" {
                continue;
            }
            let hostport = f[1].split('@').next().unwrap_or_default();
            let Some((host, port)) = hostport.rsplit_once(':') else { continue };
            let Ok(port) = port.parse::<u16>() else { continue };
            let addr = match &seed.addr {
                redis::ConnectionAddr::TcpTls { insecure, tls_params, .. } => redis::ConnectionAddr::TcpTls {
                    host: host.to_string(),
                    port,
                    insecure: *insecure,
                    tls_params: tls_params.clone(),
                },
                _ => redis::ConnectionAddr::Tcp(host.to_string(), port),
            };
            out.push(redis::Client::open(redis::ConnectionInfo { addr, redis: seed.redis.clone() })?);
        }
        Ok(out)
    }
}

/// Follow the primary: look it up every [`CHECK_EVERY`], or at once when kicked; swap the
/// connection when it moved. Ends when the last [`Primary`] is dropped.
async fn follow(shared: Weak<Shared>, target: RedisTarget, config: ConnectionManagerConfig, first: SentinelClient) {
    let mut sentinel = Some(first);
    let mut health_due = tokio::time::Instant::now();
    loop {
        {
            let Some(s) = shared.upgrade() else { return };
            tokio::select! {
                _ = tokio::time::sleep(CHECK_EVERY) => {}
                _ = s.kick.notified() => {}
            }
        }
        let Some(s) = shared.upgrade() else { return };
        look_up(&s, &target, &config, &mut sentinel).await;
        if tokio::time::Instant::now() >= health_due {
            health_due = tokio::time::Instant::now() + HEALTH_EVERY;
            let health = ask_health(&target).await;
            let was = std::mem::replace(&mut *s.health.write().unwrap(), health.clone());
            if health.failover_ready != was.failover_ready || health.replicas_up != was.replicas_up {
                match health.failover_ready {
                    Some(false) => tracing::warn!(problem = %health.problem, "redis: the sentinels cannot fail over"),
                    _ if health.replicas_up == Some(0) => tracing::warn!("redis: no replica is up"),
                    _ => tracing::info!(replicas = ?health.replicas_up, "redis: the sentinels can fail over"),
                }
            }
        }
        drop(s);
        // Kicks that came during the look-up are answered by one more, not by a storm.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Ask the sentinels for the primary; swap the connection when it moved.
async fn look_up(
    s: &Shared,
    target: &RedisTarget,
    config: &ConnectionManagerConfig,
    sentinel: &mut Option<SentinelClient>,
) {
    // A fresh SentinelClient after a failed look-up: its cached connection to a paused
    // or dead sentinel would be asked first again.
    if sentinel.is_none() {
        match target.topology() {
            Ok(Topology::Sentinel(c)) => *sentinel = Some(c),
            _ => return,
        }
    }
    let found = tokio::time::timeout(LOOKUP_TIMEOUT, sentinel.as_mut().unwrap().async_get_client()).await;
    let client = match found {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => {
            lookup_failed(s, &e.to_string());
            *sentinel = None;
            return;
        }
        Err(_) => {
            lookup_failed(s, "no answer in time");
            *sentinel = None;
            return;
        }
    };
    s.failed_lookups.store(0, Ordering::Relaxed);
    let addr = address(&client);
    let was = s.current.read().unwrap().addr.clone();
    if addr == was {
        return;
    }
    let made = tokio::time::timeout(LOOKUP_TIMEOUT, ConnectionManager::new_with_config(client.clone(), config.clone()));
    match made.await {
        Ok(Ok(conn)) => {
            *s.current.write().unwrap() = Current { conn: Link::One(conn), client, addr: addr.clone() };
            // The new primary's replicas are counted at its first `WAIT`.
            s.replicas_online.store(0, Ordering::Relaxed);
            s.troubled();
            s.moved.send_modify(|n| *n += 1);
            tracing::warn!(from = %was, to = %addr, "redis: the primary moved; following it");
        }
        Ok(Err(e)) => tracing::warn!(primary = %addr, error = %e, "redis: cannot reach the new primary yet"),
        Err(_) => tracing::warn!(primary = %addr, "redis: the new primary did not answer in time"),
    }
}

/// The first sentinel that answers says whether a failover could happen now and how many
/// replicas are up; none answering is itself the answer.
async fn ask_health(target: &RedisTarget) -> SentinelHealth {
    let (Some(master), Ok(sentinels)) = (target.sentinel_master(), target.sentinel_clients()) else {
        return SentinelHealth::default();
    };
    for client in sentinels {
        let asked = tokio::time::timeout(LOOKUP_TIMEOUT, async {
            let mut c = client.get_multiplexed_async_connection().await?;
            let quorum: redis::RedisResult<String> =
                redis::cmd("SENTINEL").arg("CKQUORUM").arg(&master).query_async(&mut c).await;
            let replicas: Vec<std::collections::HashMap<String, String>> =
                redis::cmd("SENTINEL").arg("REPLICAS").arg(&master).query_async(&mut c).await?;
            Ok::<_, RedisError>((quorum, replicas))
        });
        let Ok(Ok((quorum, replicas))) = asked.await else { continue };
        let up = replicas.iter().filter(|r| r.get("flags").map(String::as_str) == Some("slave")).count() as u32;
        return match quorum {
            Ok(_) => SentinelHealth { failover_ready: Some(true), replicas_up: Some(up), problem: String::new() },
            Err(e) => SentinelHealth {
                failover_ready: Some(false),
                replicas_up: Some(up),
                problem: match (e.code(), e.detail()) {
                    (Some(code), Some(detail)) => format!("{code} {detail}"),
                    _ => e.to_string(),
                },
            },
        };
    }
    SentinelHealth { failover_ready: Some(false), replicas_up: None, problem: "no sentinel answers".into() }
}

fn lookup_failed(s: &Shared, why: &str) {
    let n = s.failed_lookups.fetch_add(1, Ordering::Relaxed) + 1;
    if n == 3 || n.is_power_of_two() && n > 3 {
        tracing::warn!(failed = n, why, "redis: the sentinels name no reachable primary; keeping the one known");
    }
}

/// Behind Cluster, every [`HEALTH_EVERY`]: whether the cluster is ok (`CLUSTER INFO`) and
/// how many replicas the worst-off shard has (`CLUSTER NODES`), kept where the sentinels'
/// answer is kept for Sentinel. Ends when the last [`Primary`] is dropped.
async fn cluster_health(shared: Weak<Shared>) {
    loop {
        let Some(s) = shared.upgrade() else { return };
        let mut p = Primary { shared: s, part: PARTITIONS };
        let asked = tokio::time::timeout(LOOKUP_TIMEOUT, async {
            let info: String = redis::cmd("CLUSTER").arg("INFO").query_async(&mut p).await?;
            let nodes: String = redis::cmd("CLUSTER").arg("NODES").query_async(&mut p).await?;
            Ok::<_, RedisError>((info, nodes))
        });
        let health = match asked.await {
            Ok(Ok((info, nodes))) => cluster_health_of(&info, &nodes),
            Ok(Err(e)) => SentinelHealth { failover_ready: Some(false), replicas_up: None, problem: e.to_string() },
            Err(_) => SentinelHealth {
                failover_ready: Some(false),
                replicas_up: None,
                problem: "no cluster node answered".into(),
            },
        };
        let was = std::mem::replace(&mut *p.shared.health.write().unwrap(), health.clone());
        if health != was {
            match p.degraded() {
                Some(why) => tracing::warn!(why, "redis: degraded"),
                None => tracing::info!(replicas = ?health.replicas_up, "redis: the cluster can fail over"),
            }
        }
        drop(p);
        tokio::time::sleep(HEALTH_EVERY).await;
    }
}

/// A cluster's health from `CLUSTER INFO` and `CLUSTER NODES`: ok or not, and the fewest
/// live replicas any primary serving slots has (naming the shards without one).
fn cluster_health_of(info: &str, nodes: &str) -> SentinelHealth {
    let state = info.lines().find_map(|l| l.trim().strip_prefix("cluster_state:")).unwrap_or("unknown").to_string();
    let rows: Vec<Vec<&str>> =
        nodes.lines().map(|l| l.split(' ').collect()).filter(|f: &Vec<&str>| f.len() >= 8).collect();
    let up = |f: &[&str]| !f[2].contains("fail") && f[7] == "connected";
    let mut fewest: Option<u32> = None;
    let mut bare = Vec::new();
    for p in rows.iter().filter(|f| f[2].contains("master") && f.len() > 8 && up(f)) {
        let replicas = rows.iter().filter(|r| r[2].contains("slave") && r[3] == p[0] && up(r)).count() as u32;
        if replicas == 0 {
            bare.push(format!("{} (slots {})", p[1].split('@').next().unwrap_or(p[1]), p[8..].join(" ")));
        }
        fewest = Some(fewest.map_or(replicas, |f| f.min(replicas)));
    }
    let problem = match (state.as_str(), bare.is_empty()) {
        ("ok", true) => String::new(),
        ("ok", false) => format!("without a replica: {}", bare.join(", ")),
        (s, _) => format!("cluster_state:{s}"),
    };
    SentinelHealth { failover_ready: Some(state == "ok"), replicas_up: fewest, problem }
}

/// Listen for `+switch-master` on the sentinels (any one that answers) and kick the
/// follower at once; the periodic check covers what this misses.
async fn switch_master(shared: Weak<Shared>, target: RedisTarget) {
    use futures_util::StreamExt;
    let mut next = 0usize;
    loop {
        if shared.strong_count() == 0 {
            return;
        }
        let sentinels = target.sentinel_clients().unwrap_or_default();
        if sentinels.is_empty() {
            return;
        }
        let client = &sentinels[next % sentinels.len()];
        next += 1;
        let pubsub = tokio::time::timeout(LOOKUP_TIMEOUT, client.get_async_pubsub()).await;
        if let Ok(Ok(mut pubsub)) = pubsub {
            if pubsub.subscribe("+switch-master").await.is_ok() {
                let mut stream = pubsub.on_message();
                loop {
                    // Wake now and then to notice the last Primary was dropped.
                    match tokio::time::timeout(Duration::from_secs(5), stream.next()).await {
                        Ok(Some(_)) => match shared.upgrade() {
                            Some(s) => s.kick.notify_one(),
                            None => return,
                        },
                        Ok(None) => break,
                        Err(_) if shared.strong_count() == 0 => return,
                        Err(_) => {}
                    }
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_s_health_names_the_shards_without_a_replica() {
        let info = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\n";
        let nodes = "a1 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460\n\
                     b1 127.0.0.1:7001@17001 master - 0 0 2 connected 5461-10922\n\
                     c1 127.0.0.1:7002@17002 master - 0 0 3 connected 10923-16383\n\
                     a2 127.0.0.1:7003@17003 slave a1 0 0 1 connected\n\
                     b2 127.0.0.1:7004@17004 slave,fail b1 0 0 2 disconnected\n\
                     c2 127.0.0.1:7005@17005 slave c1 0 0 3 connected\n";
        let h = cluster_health_of(info, nodes);
        assert_eq!((h.failover_ready, h.replicas_up), (Some(true), Some(0)));
        assert_eq!(h.problem, "without a replica: 127.0.0.1:7001 (slots 5461-10922)");
        let all = nodes.replace("slave,fail b1 0 0 2 disconnected", "slave b1 0 0 2 connected");
        assert_eq!(
            cluster_health_of(info, &all),
            SentinelHealth { failover_ready: Some(true), replicas_up: Some(1), problem: String::new() }
        );
        let h = cluster_health_of("cluster_state:fail\r\n", &all);
        assert_eq!((h.failover_ready, h.problem.as_str()), (Some(false), "cluster_state:fail"));
    }
}
