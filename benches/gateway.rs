//! Gateway load generator: N WebSocket clients chatting concurrently against one
//! `chatctl serve` process (release build, built-in model stamping each chunk with its
//! emit time), on tansu's memory engine so the broker is not the bottleneck — or against
//! one of its peers, with the same clients, chunk sizes and intervals (`peers/mod.rs`):
//! the bare fan-out server (`--peer bare`) and Socket.IO (`--peer socketio [--redis]`).
//!
//!   cargo bench --bench gateway -- [--peer chatctl|bare|socketio] [--clients N] [--chats K] [--chunks C]
//!                                   [--interval-ms I] [--idle M] [--redis | --sentinel | --cluster] [--no-spool] [--chunk-events-every D]
//!
//! Reports chunk latency p50/p99 (upstream emit → client receive), chunk deliveries/s,
//! peak concurrent streams (chatctl's own gauge), RSS per idle connection, the CPU the
//! server (and its Redis) spent per 10,000 chunks delivered, and with Redis the commands/s
//! it processed during the chats.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "peers/mod.rs"]
mod peers;
mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{Broker, Engine, Redis};
use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

/// Who serves the clients.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Peer {
    Chatctl,
    Bare,
    Socketio,
}

/// `cargo bench --bench gateway -- [OPTIONS]`
#[derive(clap::Parser)]
struct Opts {
    /// The server under load
    #[arg(long, value_enum, default_value = "chatctl")]
    peer: Peer,
    /// Run the bare peer's server (the bench re-executes itself with this)
    #[arg(long, hide = true)]
    serve_bare: bool,
    /// Concurrent WebSocket clients
    #[arg(long, default_value_t = 1000)]
    clients: usize,
    /// Chats per client
    #[arg(long, default_value_t = 3)]
    chats: usize,
    /// Chunks per answer
    #[arg(long, default_value_t = 50)]
    chunks: u32,
    /// The model's interval between chunks
    #[arg(long, default_value_t = 20)]
    interval_ms: u64,
    /// Idle connections for the RSS-per-connection figure
    #[arg(long, default_value_t = 5000)]
    idle: usize,
    /// The real-time path through Redis (Socket.IO: its Redis adapter)
    #[arg(long)]
    redis: bool,
    /// The real-time path through Redis behind Sentinel (a primary, two replicas, three
    /// sentinels), each chunk confirmed by a replica before it is sent (`WAIT 1`)
    #[arg(long, conflicts_with = "redis")]
    sentinel: bool,
    /// The real-time path through a Redis Cluster (3 primaries, a replica each), each
    /// chunk confirmed by its shard's replica (`WAIT 1`); commands/s and CPU summed over
    /// the primaries
    #[arg(long, conflicts_with_all = ["redis", "sentinel"])]
    cluster: bool,
    /// No event spool (`serve --no-spool`)
    #[arg(long = "no-spool", action = clap::ArgAction::SetFalse)]
    spool: bool,
    /// `serve --chunk-events-every` (0: one CHUNK_RECEIVED per chunk; default: serve's, 100ms)
    #[arg(long, value_name = "DURATION")]
    chunk_events_every: Option<String>,
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status.lines().find(|l| l.starts_with("VmRSS:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn now_us() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_micros() as i64
}

use common::ws::Ws;

async fn connect(addr: SocketAddr, user: &str, peer: Peer) -> Ws {
    for attempt in 0.. {
        // tungstenite zeroes its whole read buffer before every read (128 KiB by default):
        // with 1,000 clients that memset was a fifth of this machine's CPU, taken from the
        // server under test. The frames are ~100 bytes.
        let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default().read_buffer_size(4096);
        let url = match peer {
            Peer::Socketio => format!("ws://{addr}/socket.io/?EIO=4&transport=websocket&user={user}"),
            _ => format!("ws://{addr}/ws?user={user}"),
        };
        match tokio_tungstenite::connect_async_with_config(url, Some(config), false).await {
            Ok((mut ws, _)) => {
                // chatctl and the bare peer: the session frame. Socket.IO: Engine.IO's open
                // packet, then the namespace's connect (`40`) answered with its own.
                let _hello = ws.next().await;
                if peer == Peer::Socketio {
                    ws.send(Message::Text("40".into())).await.unwrap();
                    loop {
                        match ws.next().await {
                            Some(Ok(Message::Text(t))) if t.starts_with("40") => break,
                            Some(Ok(_)) => {}
                            other => panic!("socket.io connect: {other:?}"),
                        }
                    }
                }
                return ws;
            }
            Err(e) if attempt < 50 => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            Err(e) => panic!("connect: {e}"),
        }
    }
    unreachable!()
}

async fn gauge(addr: SocketAddr, name: &str) -> i64 {
    let text = reqwest::get(format!("http://{addr}/metrics")).await.unwrap().text().await.unwrap();
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Sum of `chatctl_events_published_total` over event types.
async fn published(addr: SocketAddr) -> i64 {
    let text = reqwest::get(format!("http://{addr}/metrics")).await.unwrap().text().await.unwrap();
    text.lines()
        .filter(|l| l.starts_with("chatctl_events_published_total"))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse::<i64>().ok())
        .sum()
}

fn main() {
    let o: Opts = support::args();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    if o.serve_bare {
        return rt.block_on(peers::serve_bare(o.chunks, Duration::from_millis(o.interval_ms)));
    }
    rt.block_on(run(o));
}

/// `chatctl serve` on a fresh tansu (and the Redis `url` names, when asked): the server,
/// its address and its /metrics address.
fn spawn_chatctl(o: &Opts, broker: &Broker, url: Option<&str>) -> (std::process::Child, SocketAddr, SocketAddr) {
    let mut cmd = common::serve_gateway("bench", &broker.addr, 0);
    cmd.args(["--model-stamp", "--metrics-listen", "127.0.0.1:0"])
        .args(["--model-chunks", &o.chunks.to_string(), "--model-interval", &format!("{}ms", o.interval_ms)])
        .args(["--max-streams-per-user", "2", "--event-queue", "1000000"])
        // Every simulated client comes from 127.0.0.1.
        .args(["--max-connections-per-address", "1000000"])
        .stderr(std::process::Stdio::piped());
    if !o.spool {
        cmd.arg("--no-spool");
    }
    if let Some(every) = &o.chunk_events_every {
        cmd.args(["--chunk-events-every", every]);
    }
    if let Some(url) = url {
        cmd.args(["--redis", url]);
    }
    let mut server = cmd.spawn().unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let addr: SocketAddr = loop {
        let line = lines.next().unwrap().unwrap();
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    };
    // /metrics is on its own (loopback) listener.
    let ops: SocketAddr = loop {
        let line = lines.next().unwrap().unwrap();
        if let Some(rest) = line.split("metrics on http://").nth(1) {
            break rest.trim_end_matches("/metrics").parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (server, addr, ops)
}

async fn run(o: Opts) {
    let peer = o.peer;
    let broker = (peer == Peer::Chatctl).then(|| Broker::start(Engine::Memory));
    if let Some(b) = &broker {
        b.ensure_topics(12).await;
    }
    let redis = o.redis.then(Redis::start);
    let sentinel = o.sentinel.then(common::Sentinel::start);
    let cluster = o.cluster.then(common::RedisCluster::start);
    assert!(!((o.sentinel || o.cluster) && peer != Peer::Chatctl), "--sentinel and --cluster are chatctl's");
    // The ports of the Redis primaries, for their commands/s and CPU.
    let primaries: Vec<u16> = match (&redis, &sentinel, &cluster) {
        (Some(r), _, _) => vec![r.port],
        (_, Some(s), _) => vec![s.nodes[s.primary()].port],
        (_, _, Some(c)) => {
            let mut ports: Vec<u16> = c.slots().iter().map(|s| s.2).collect();
            ports.sort_unstable();
            ports.dedup();
            ports
        }
        _ => Vec::new(),
    };
    let primary = (!primaries.is_empty()).then_some(&primaries);
    let url = redis
        .as_ref()
        .map(|r| r.url.clone())
        .or(sentinel.as_ref().map(|s| s.url.clone()))
        .or(cluster.as_ref().map(|c| c.url.clone()));
    let (server, addr, ops) = match peer {
        Peer::Chatctl => {
            let (server, addr, ops) = spawn_chatctl(&o, broker.as_ref().unwrap(), url.as_deref());
            (server, addr, Some(ops))
        }
        Peer::Bare => {
            let (server, addr) = peers::spawn_bare(o.chunks, o.interval_ms);
            (server, addr, None)
        }
        Peer::Socketio => {
            let (server, addr) = peers::spawn_socketio(o.chunks, o.interval_ms, redis.as_ref().map(|r| r.url.as_str()));
            (server, addr, None)
        }
    };
    let pid = server.id();
    // Stopped however the run ends: a run that panics must not leave its server holding
    // the pipe `benches/peers/run` reads (it would wait for ever).
    struct Stop(Option<std::process::Child>);
    impl Drop for Stop {
        fn drop(&mut self) {
            if let Some(mut c) = self.0.take() {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
    let mut server = Stop(Some(server));

    // Phase 1: idle connections, RSS per connection.
    let base = rss_kib(pid);
    let mut idle = Vec::with_capacity(o.idle);
    for i in 0..o.idle {
        idle.push(connect(addr, &format!("idle{i}"), peer).await);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let with_idle = rss_kib(pid);
    let per_conn_kib = (with_idle.saturating_sub(base)) as f64 / o.idle.max(1) as f64;
    drop(idle);
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Phase 2: N clients chatting concurrently.
    let peak = Arc::new(AtomicI64::new(0));
    let sampler = ops.map(|ops| {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                let g = gauge(ops, "chatctl_streams_active").await;
                peak.fetch_max(g, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
    });
    let mut conns = Vec::with_capacity(o.clients);
    for i in 0..o.clients {
        conns.push(connect(addr, &format!("u{i}"), peer).await);
    }
    let started = Instant::now();
    let commands_of = |ports: &Vec<u16>| ports.iter().map(|p| common::redis_commands_processed(*p)).sum::<u64>();
    let cpu_of = |ports: &Vec<u16>| ports.iter().map(|p| peers::redis_cpu_secs(*p)).sum::<f64>();
    let commands_before = primary.map(commands_of);
    let cpu_before = (support::cpu_ticks(pid), primary.map(cpu_of));
    let mut tasks = Vec::with_capacity(o.clients);
    let n_clients = conns.len() as u64;
    for (i, mut ws) in conns.into_iter().enumerate() {
        let chats = o.chats;
        // Start times spread over one chunk interval, as real users' are (not all at the
        // same millisecond, which would measure a synthetic thundering herd).
        let offset = Duration::from_micros(i as u64 * o.interval_ms * 1000 / n_clients.max(1));
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(offset).await;
            let mut lat = support::Latencies::default();
            for _ in 0..chats {
                let chat = match peer {
                    Peer::Socketio => r#"42["chat",{"content":"load test"}]"#,
                    _ => r#"{"type":"chat","conversationId":"bench","content":"load test"}"#,
                };
                ws.send(Message::Text(chat.into())).await.unwrap();
                loop {
                    let t = match ws.next().await {
                        Some(Ok(Message::Text(t))) => t,
                        // The server's keep-alive pings (answered by tungstenite): a run
                        // longer than the ping interval gets them.
                        Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                        other => panic!("connection lost: {other:?}"),
                    };
                    let received = now_us();
                    if t.as_str() == "2" {
                        // Engine.IO's ping.
                        ws.send(Message::Text("3".into())).await.unwrap();
                        continue;
                    }
                    if let Some(pos) = t.find(r#""delta":""#) {
                        let rest = &t[pos + 9..];
                        let emitted: i64 = rest[..rest.find('|').unwrap()].parse().unwrap();
                        lat.record_us((received - emitted).max(0) as u64);
                    } else if t.contains(r#""type":"done""#) {
                        break;
                    } else if t.contains(r#""type":"error""#) {
                        panic!("{t}");
                    }
                }
            }
            lat
        }));
    }
    let mut lat = support::Latencies::default();
    for t in tasks {
        lat.add(&t.await.unwrap());
    }
    let elapsed = started.elapsed();
    let commands = primary.map(commands_of).zip(commands_before).map(|(b, a)| b - a);
    let server_cpu = (support::cpu_ticks(pid) - cpu_before.0) as f64 / 100.0;
    let redis_cpu = primary.map(cpu_of).zip(cpu_before.1).map_or(0.0, |(b, a)| b - a);
    // CPU (ms) of the server and its Redis per 10,000 chunks delivered.
    let cpu_per_10k = (server_cpu + redis_cpu) * 1000.0 / (lat.len().max(1) as f64 / 10_000.0);
    if let Some(s) = sampler {
        s.abort();
    }
    let pct = |q: f64| lat.ms(q);
    let rss_run = rss_kib(pid);
    let (coalesced, published) = match ops {
        // Events acknowledged by Kafka over the run (they keep flowing a little after it).
        Some(ops) => (gauge(ops, "chatctl_events_coalesced_total").await, published(ops).await),
        None => (0, 0),
    };
    let name = match (peer, o.redis, o.sentinel) {
        (Peer::Chatctl, ..) if o.cluster => "chatctl, Cluster (3 shards) + WAIT 1",
        (Peer::Chatctl, false, false) => "chatctl in-process",
        (Peer::Chatctl, true, _) => "chatctl, one Redis",
        (Peer::Chatctl, _, true) => "chatctl, Sentinel + WAIT 1",
        (Peer::Bare, ..) => "bare fan-out server",
        (Peer::Socketio, false, _) => "Socket.IO, one node",
        (Peer::Socketio, true, _) => "Socket.IO, Redis adapter",
    };
    println!(
        "| {name} | {} | {} | {}x{}ms | {:.0} | {:.2} | {:.2} | {:.2} | {:.1} | {} | {:.0} | {} | {:.0} events/s | {} | {} | spool {} |",
        o.clients,
        o.chats,
        o.chunks,
        o.interval_ms,
        lat.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(0.999),
        per_conn_kib,
        rss_run / 1024,
        cpu_per_10k,
        if ops.is_some() { peak.load(Ordering::Relaxed).to_string() } else { "-".into() },
        published as f64 / elapsed.as_secs_f64(),
        coalesced,
        commands.map_or("-".to_string(), |c| format!("{:.0}", c as f64 / elapsed.as_secs_f64())),
        if o.spool { "on" } else { "off" },
    );
    let _ = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    if let Some(c) = server.0.as_mut() {
        let _ = c.wait();
    }
}
