//! The cluster the nemesis runs against, all on this machine: three tansu brokers over one
//! PostgreSQL, Redis behind Sentinel (a primary, two replicas, three sentinels), three
//! gateway nodes behind nginx, an audit worker on a PostgreSQL of its own. Every broker,
//! Redis node and sentinel is reached through a [`Proxy`] (brokers and Redis nodes announce
//! the proxy's address), so a node can be cut off them.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, BrokerCluster, Nginx, Postgres, RedisProc};
use crate::proxy::{Mode, Proxy};

pub const MASTER: &str = "chatctl";
pub const CHUNKS: u32 = 30;
pub const INTERVAL_MS: u64 = 100;
pub const LEASE: Duration = Duration::from_secs(2);

/// A `chatctl serve` process (a gateway node or the worker) and how to start it again.
pub struct Served {
    pub id: String,
    /// The run's own copy of chatctl: a rebuild during a long run changes nothing.
    bin: PathBuf,
    pub child: Option<Child>,
    pub port: u16,
    args: Vec<String>,
    pub log: PathBuf,
}

impl Served {
    fn spawn(&mut self) {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log).unwrap();
        let child = common::chatctl_at(&self.bin)
            .args(&self.args)
            .env("RUST_LOG", "info,librdkafka=off,rdkafka=off")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("chatctl serve starts");
        self.child = Some(child);
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    pub fn signal(&self, sig: &str) {
        if let Some(pid) = self.pid() {
            let _ = Command::new("kill").args([sig, &pid.to_string()]).status();
        }
    }

    /// kill -9 and reap.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM, then wait (bounded) for the drain to end; SIGKILL past `limit`.
    pub fn stop(&mut self, limit: Duration) -> bool {
        let Some(mut c) = self.child.take() else { return true };
        let _ = Command::new("kill").args(["-TERM", &c.id().to_string()]).status();
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = c.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = c.kill();
        let _ = c.wait();
        false
    }

    /// Start it again; false when it does not listen within 90 s (said by the caller: a
    /// heal that failed is part of the run's record, not the end of the run).
    pub fn start_again(&mut self) -> bool {
        self.kill();
        self.spawn();
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            if let Some(Ok(Some(_))) = self.child.as_mut().map(|c| c.try_wait()) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.kill();
    }
}

pub struct Redis {
    pub nodes: Vec<RedisProc>,
    pub sentinels: Vec<RedisProc>,
    pub node_proxies: Vec<Proxy>,
    pub sentinel_proxies: Vec<Proxy>,
    pub url: String,
    dir: tempfile::TempDir,
}

impl Redis {
    fn data_args(&self, k: usize, replica_of: Option<u16>) -> Vec<String> {
        data_args(self.dir.path(), k, self.node_proxies[k].port, replica_of)
    }

    /// Which data node the sentinels name as primary (a quorum of those that answer).
    pub fn primary(&self) -> Option<usize> {
        let mut named = Vec::new();
        for s in self.sentinels.iter().filter(|s| s.is_running()) {
            let Ok(client) = redis::Client::open(format!("redis://127.0.0.1:{}", s.port)) else { continue };
            let Ok(mut c) = client.get_connection_with_timeout(Duration::from_millis(500)) else { continue };
            let _ = c.set_read_timeout(Some(Duration::from_millis(500)));
            let addr: redis::RedisResult<(String, u16)> =
                redis::cmd("SENTINEL").arg("get-master-addr-by-name").arg(MASTER).query(&mut c);
            if let Ok((_, port)) = addr {
                named.push(port);
            }
        }
        let first = *named.first()?;
        if named.len() < 2 || named.iter().any(|p| *p != first) {
            return None;
        }
        self.node_proxies.iter().position(|p| p.port == first)
    }

    /// Wait (bounded) until the sentinels name a primary other than `not`.
    pub fn wait_primary(&self, not: Option<usize>, limit: Duration) -> Option<usize> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(p) = self.primary().filter(|p| Some(*p) != not) {
                return Some(p);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    /// Start data node `k` again, empty, as a replica of the primary now.
    pub fn rejoin(&mut self, k: usize, primary: usize) {
        let args = self.data_args(k, Some(self.node_proxies[primary].port));
        self.nodes[k].restart_with(args);
    }

    /// Every proxy in front of Redis (data nodes and sentinels).
    pub fn proxies(&self) -> impl Iterator<Item = &Proxy> {
        self.node_proxies.iter().chain(self.sentinel_proxies.iter())
    }
}

fn data_args(dir: &Path, k: usize, announce: u16, replica_of: Option<u16>) -> Vec<String> {
    let d = dir.join(format!("node-{k}"));
    std::fs::create_dir_all(&d).unwrap();
    let mut a: Vec<String> = ["--save", "", "--appendonly", "no", "--min-replicas-to-write", "1"]
        .into_iter()
        .chain(["--min-replicas-max-lag", "2", "--replica-announce-ip", "127.0.0.1"])
        .map(String::from)
        .collect();
    a.extend(["--replica-announce-port".into(), announce.to_string(), "--dir".into(), d.display().to_string()]);
    if let Some(p) = replica_of {
        a.extend(["--replicaof".into(), "127.0.0.1".into(), p.to_string()]);
    }
    a
}

async fn start_redis() -> Redis {
    common::service("redis-server --sentinel");
    let dir = tempfile::tempdir().unwrap();
    let ports: Vec<u16> = (0..3).map(|_| common::free_port()).collect();
    let mut node_proxies = Vec::new();
    for p in &ports {
        node_proxies.push(Proxy::start(*p).await);
    }
    let nodes: Vec<RedisProc> = (0..3)
        .map(|k| {
            let of = (k > 0).then_some(node_proxies[0].port);
            RedisProc::spawn(ports[k], data_args(dir.path(), k, node_proxies[k].port, of))
        })
        .collect();
    let mut sentinels = Vec::new();
    let mut sentinel_proxies = Vec::new();
    for k in 0..3 {
        let conf = dir.path().join(format!("sentinel-{k}.conf"));
        std::fs::write(
            &conf,
            format!(
                "dir {}\nsentinel monitor {MASTER} 127.0.0.1 {} 2\nsentinel down-after-milliseconds {MASTER} 1000\n\
                 sentinel failover-timeout {MASTER} 5000\nsentinel parallel-syncs {MASTER} 1\n",
                dir.path().display(),
                node_proxies[0].port,
            ),
        )
        .unwrap();
        let port = common::free_port();
        sentinels.push(RedisProc::spawn(port, vec![conf.display().to_string(), "--sentinel".into()]));
        sentinel_proxies.push(Proxy::start(port).await);
    }
    let hosts: Vec<String> = sentinel_proxies.iter().map(|s| format!("127.0.0.1:{}", s.port)).collect();
    let url = format!("redis+sentinel://{}/{MASTER}", hosts.join(","));
    let r = Redis { nodes, sentinels, node_proxies, sentinel_proxies, url, dir };
    let ready = tokio::task::block_in_place(|| r.wait_primary(None, Duration::from_secs(30)));
    assert_eq!(ready, Some(0), "Sentinel names node 0 the primary");
    r
}

pub struct Cluster {
    pub brokers: BrokerCluster,
    pub broker_proxies: Vec<Proxy>,
    pub redis: Redis,
    pub store: Postgres,
    pub nodes: Vec<Served>,
    pub worker: Served,
    pub nginx: Nginx,
}

impl Cluster {
    pub async fn start(out: &Path) -> Cluster {
        let ports: Vec<u16> = (0..3).map(|_| common::free_port()).collect();
        let mut broker_proxies = Vec::new();
        for p in &ports {
            broker_proxies.push(Proxy::start(*p).await);
        }
        let pairs = ports.iter().zip(&broker_proxies).map(|(p, x)| (*p, x.port)).collect();
        let brokers = tokio::task::block_in_place(|| BrokerCluster::start_behind(pairs));
        common::chat_topics(&brokers.kafka(), 4).await;
        let redis = start_redis().await;
        let store = tokio::task::block_in_place(Postgres::start);
        let bin = out.join("chatctl");
        std::fs::copy(env!("CARGO_BIN_EXE_chatctl"), &bin).unwrap();
        let bootstrap = brokers.addr();
        let nodes: Vec<Served> = (0..3)
            .map(|k| {
                let (port, metrics_port) = (common::free_port(), common::free_port());
                let id = format!("node-{k}");
                let spool = out.join(format!("spool-{k}"));
                let quarantine = out.join(format!("quarantine-{k}.jsonl"));
                let mut args: Vec<String> = vec!["serve".into(), "--role".into(), "gateway".into()];
                for (flag, v) in [
                    ("--node-id", id.clone()),
                    ("-b", bootstrap.clone()),
                    ("--redis", redis.url.clone()),
                    ("--listen", format!("127.0.0.1:{port}")),
                    ("--metrics-listen", format!("127.0.0.1:{metrics_port}")),
                    ("--lease-ttl", format!("{}s", LEASE.as_secs())),
                    ("--model-chunks", CHUNKS.to_string()),
                    ("--model-interval", format!("{INTERVAL_MS}ms")),
                    ("--spool-dir", spool.display().to_string()),
                    ("--quarantine-file", quarantine.display().to_string()),
                    ("--max-answers-per-minute", "100000".into()),
                ] {
                    args.extend([flag.to_string(), v]);
                }
                args.push("--insecure-dev-auth".into());
                let log = out.join(format!("{id}.log"));
                let mut s = Served { id, bin: bin.clone(), child: None, port, args, log };
                s.spawn();
                s
            })
            .collect();
        let (wport, wmetrics) = (common::free_port(), common::free_port());
        let mut worker = Served {
            id: "worker".into(),
            bin: bin.clone(),
            child: None,
            port: wport,
            args: [
                "serve",
                "--role",
                "worker",
                "--workers",
                "audit",
                "--instance-id",
                "w1",
                "--listen",
                &format!("127.0.0.1:{wport}"),
                "--metrics-listen",
                &format!("127.0.0.1:{wmetrics}"),
                "--audit-url",
                &store.url,
                "-b",
                &bootstrap,
                "--quarantine-file",
                &out.join("quarantine-worker.jsonl").display().to_string(),
            ]
            .map(String::from)
            .into(),
            log: out.join("worker.log"),
        };
        worker.spawn();
        for n in &nodes {
            common::wait_for_port(n.port, &n.id, Duration::from_secs(60));
        }
        common::wait_for_port(wport, "worker", Duration::from_secs(60));
        let nginx = Nginx::start(&nodes.iter().map(|n| n.port).collect::<Vec<_>>());
        Cluster { brokers, broker_proxies, redis, store, nodes, worker, nginx }
    }

    /// Cut process `pid` off every broker (`brokers`) or off Redis, in `mode`.
    pub fn cut(&self, pid: u32, brokers: bool, mode: Mode) {
        if brokers {
            self.broker_proxies.iter().for_each(|p| p.set(pid, mode));
        } else {
            self.redis.proxies().for_each(|p| p.set(pid, mode));
        }
    }
}
