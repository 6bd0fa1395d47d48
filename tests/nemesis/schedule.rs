//! The nemesis: faults on a seeded random schedule, overlapping. Within one kind of part
//! (the gateway nodes, Redis, the brokers) one fault at a time, so that two of three
//! nodes and a Redis quorum remain; across kinds they overlap freely (a Redis failover
//! during a node's drain, a broker lost while the worker restarts).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::cluster::{Cluster, LEASE};
use crate::proxy::Mode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    GatewayKill,
    GatewayPause,
    GatewayDrain,
    RedisPrimaryKill,
    RedisReplicaPause,
    BrokerKill,
    PostgresStop,
    WorkerKill,
    CutFromRedis,
    CutFromBrokers,
}

pub const ALL: [Kind; 10] = [
    Kind::GatewayKill,
    Kind::GatewayPause,
    Kind::GatewayDrain,
    Kind::RedisPrimaryKill,
    Kind::RedisReplicaPause,
    Kind::BrokerKill,
    Kind::PostgresStop,
    Kind::WorkerKill,
    Kind::CutFromRedis,
    Kind::CutFromBrokers,
];

impl Kind {
    pub fn name(self) -> String {
        serde_json::to_value(self).unwrap().as_str().unwrap().to_string()
    }

    pub fn parse(s: &str) -> Option<Kind> {
        ALL.into_iter().find(|k| k.name() == s)
    }

    /// Which part it takes: one fault per part at a time.
    fn part(self) -> usize {
        match self {
            Kind::GatewayKill | Kind::GatewayPause | Kind::GatewayDrain | Kind::CutFromRedis | Kind::CutFromBrokers => {
                0
            }
            Kind::RedisPrimaryKill | Kind::RedisReplicaPause => 1,
            Kind::BrokerKill => 2,
            Kind::PostgresStop => 3,
            Kind::WorkerKill => 4,
        }
    }
}

/// One fault as planned, and (once run) as it happened.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    pub kind: Kind,
    /// ms after the start.
    pub at: u64,
    pub hold: u64,
    /// What it hit (`node-1`, `redis-0`, `broker-2`, ...) and how (a cut's mode).
    pub target: String,
    pub how: String,
    /// When it was really injected and healed (ms after the start).
    pub injected: Option<u64>,
    pub healed: Option<u64>,
}

/// The plan: every kind in `kinds` once per round, in a seeded order, a seeded gap
/// between starts, until `minutes` is over.
pub fn plan(seed: u64, minutes: f64, kinds: &[Kind]) -> Vec<Fault> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let end = (minutes * 60_000.0) as u64;
    let mut at = 5_000;
    let mut out = Vec::new();
    // Leave the last 20 s without a new fault: the run ends healed.
    while at + 20_000 < end {
        let mut round = kinds.to_vec();
        rng.shuffle(&mut round);
        for kind in round {
            if at + 20_000 >= end {
                break;
            }
            let hold = match kind {
                // Past the lease, so that another node takes over.
                Kind::GatewayPause => LEASE.as_millis() as u64 + rng.u64(1_000..4_000),
                Kind::WorkerKill | Kind::GatewayKill | Kind::GatewayDrain => rng.u64(1_000..6_000),
                _ => rng.u64(3_000..10_000),
            };
            out.push(Fault { kind, at, hold, target: String::new(), how: String::new(), injected: None, healed: None });
            at += rng.u64(4_000..(12_000 * 10 / kinds.len().max(1) as u64).max(5_000));
        }
    }
    out
}

/// Run `plan` against the cluster; returns the faults as they happened.
pub async fn run(cluster: Arc<Mutex<Cluster>>, plan: Vec<Fault>, seed: u64, start: Instant) -> Vec<Fault> {
    let busy: Arc<Mutex<[bool; 5]>> = Arc::default();
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let mut tasks = Vec::new();
    for mut f in plan {
        let wait = Duration::from_millis(f.at).saturating_sub(start.elapsed());
        tokio::time::sleep(wait).await;
        let pick = rng.usize(0..3);
        let mode = match rng.u8(0..3) {
            0 => Mode::Blackhole,
            1 => Mode::Reset,
            _ => Mode::Delay(Duration::from_millis(rng.u64(200..1_000))),
        };
        // The part is still faulted: wait for it (bounded: past 30 s the fault is skipped
        // and said so).
        let deadline = Instant::now() + Duration::from_secs(30);
        let got = loop {
            {
                let mut b = busy.lock().unwrap();
                if !b[f.kind.part()] {
                    b[f.kind.part()] = true;
                    break true;
                }
            }
            if Instant::now() > deadline {
                break false;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        if !got {
            f.how = "skipped: its part was still faulted".into();
            tasks.push(tokio::spawn(async move { f }));
            continue;
        }
        let (c, b) = (cluster.clone(), busy.clone());
        tasks.push(tokio::spawn(async move {
            f.injected = Some(start.elapsed().as_millis() as u64);
            let (c2, f2) = (c.clone(), f.clone());
            let (target, how) = tokio::task::spawn_blocking(move || inject(&mut locked(&c2), &f2, pick, mode))
                .await
                .unwrap_or_else(|e| ("?".into(), format!("inject failed: {e}")));
            eprintln!("nemesis {:>7} ms: {} {target} {how}", f.injected.unwrap(), f.kind.name());
            f.target = target;
            f.how = how;
            tokio::time::sleep(Duration::from_millis(f.hold)).await;
            let f3 = f.clone();
            let healed = tokio::task::spawn_blocking(move || heal(&mut locked(&c), &f3)).await;
            match healed {
                Ok(Ok(())) => {}
                Ok(Err(why)) => f.how = format!("{} (heal: {why})", f.how),
                Err(e) => f.how = format!("{} (heal panicked: {e})", f.how),
            }
            f.healed = Some(start.elapsed().as_millis() as u64);
            eprintln!("nemesis {:>7} ms: healed {} {}", f.healed.unwrap(), f.kind.name(), f.target);
            b.lock().unwrap()[f.kind.part()] = false;
            f
        }));
    }
    let mut done = Vec::new();
    for t in tasks {
        match t.await {
            Ok(f) => done.push(f),
            Err(e) => eprintln!("nemesis: a fault's task failed: {e}"),
        }
    }
    done
}

/// The cluster, whatever an earlier fault's thread did while it held it.
fn locked(c: &Mutex<Cluster>) -> std::sync::MutexGuard<'_, Cluster> {
    c.lock().unwrap_or_else(|e| e.into_inner())
}

fn node_index(target: &str) -> usize {
    target.rsplit('-').next().and_then(|k| k.parse().ok()).unwrap_or(0)
}

/// Inject one fault; returns (target, how).
fn inject(c: &mut Cluster, f: &Fault, pick: usize, mode: Mode) -> (String, String) {
    match f.kind {
        Kind::GatewayKill => {
            c.nodes[pick].kill();
            (c.nodes[pick].id.clone(), "kill -9".into())
        }
        Kind::GatewayPause => {
            c.nodes[pick].signal("-STOP");
            (c.nodes[pick].id.clone(), "SIGSTOP".into())
        }
        Kind::GatewayDrain => {
            let clean = c.nodes[pick].stop(Duration::from_secs(40));
            (
                c.nodes[pick].id.clone(),
                format!("SIGTERM (drained {})", if clean { "cleanly" } else { "past 40 s: killed" }),
            )
        }
        Kind::CutFromRedis | Kind::CutFromBrokers => {
            let brokers = f.kind == Kind::CutFromBrokers;
            if let Some(pid) = c.nodes[pick].pid() {
                c.cut(pid, brokers, mode);
            }
            (c.nodes[pick].id.clone(), format!("{mode:?}"))
        }
        Kind::RedisPrimaryKill => match c.redis.primary() {
            Some(p) => {
                c.redis.nodes[p].kill();
                (format!("redis-{p}"), "kill -9 (primary)".into())
            }
            None => ("redis-?".into(), "skipped: the sentinels do not agree on a primary".into()),
        },
        Kind::RedisReplicaPause => {
            let primary = c.redis.primary();
            let k = (0..3).map(|i| (pick + i) % 3).find(|k| Some(*k) != primary && c.redis.nodes[*k].is_running());
            match k {
                Some(k) => {
                    c.redis.nodes[k].signal("-STOP");
                    (format!("redis-{k}"), "SIGSTOP (replica)".into())
                }
                None => ("redis-?".into(), "skipped: no replica".into()),
            }
        }
        Kind::BrokerKill => {
            c.brokers.kill(pick);
            (format!("broker-{pick}"), "kill -9".into())
        }
        Kind::PostgresStop => {
            c.store.stop();
            ("audit-postgres".into(), "pg_ctl stop -m fast".into())
        }
        Kind::WorkerKill => {
            c.worker.kill();
            ("worker".into(), "kill -9".into())
        }
    }
}

/// Undo `f`; Err says what did not come back (the run goes on and records it).
fn heal(c: &mut Cluster, f: &Fault) -> Result<(), String> {
    if f.how.starts_with("skipped") || f.how.starts_with("inject failed") {
        return Ok(());
    }
    let again = |s: &mut crate::cluster::Served| {
        if s.start_again() {
            Ok(())
        } else {
            Err(format!("{} did not listen within 90 s (see its log)", s.id))
        }
    };
    match f.kind {
        Kind::GatewayKill | Kind::GatewayDrain => return again(&mut c.nodes[node_index(&f.target)]),
        Kind::GatewayPause => c.nodes[node_index(&f.target)].signal("-CONT"),
        Kind::CutFromRedis | Kind::CutFromBrokers => {
            let k = node_index(&f.target);
            if let Some(pid) = c.nodes[k].pid() {
                c.cut(pid, f.kind == Kind::CutFromBrokers, Mode::Pass);
            }
        }
        Kind::RedisPrimaryKill => {
            let k = node_index(&f.target);
            // A new primary first (bounded), then the old one back, empty, as its replica.
            if let Some(p) = c.redis.wait_primary(Some(k), Duration::from_secs(30)) {
                c.redis.rejoin(k, p);
            } else {
                eprintln!("nemesis: no new Redis primary within 30 s; redis-{k} stays down");
            }
        }
        Kind::RedisReplicaPause => c.redis.nodes[node_index(&f.target)].signal("-CONT"),
        Kind::BrokerKill => c.brokers.restart(node_index(&f.target)),
        Kind::PostgresStop => c.store.start_again(),
        Kind::WorkerKill => return again(&mut c.worker),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_five_minute_plan_has_every_kind_and_the_same_seed_the_same_plan() {
        let a = plan(1, 5.0, &ALL);
        for k in ALL {
            assert!(a.iter().any(|f| f.kind == k), "{k:?} in the plan");
        }
        let b = plan(1, 5.0, &ALL);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert!(a.iter().all(|f| f.at + 20_000 < 300_000), "the last 20 s are quiet");
        assert_ne!(format!("{a:?}"), format!("{:?}", plan(2, 5.0, &ALL)));
    }
}
