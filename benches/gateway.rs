//! Gateway load generator: N WebSocket clients chatting concurrently against one
//! `chatctl serve` process (release build, built-in model stamping each chunk with its
//! emit time), on tansu's memory engine so the broker is not the bottleneck.
//!
//!   cargo bench --bench gateway -- [--clients N] [--chats K] [--chunks C] [--interval-ms I] [--idle M]
//!                                   [--redis | --sentinel] [--no-spool]
//!
//! Reports chunk latency p50/p99 (upstream emit → client receive), chunk deliveries/s,
//! peak concurrent streams (the server's own gauge) and RSS per idle connection, and with
//! Redis the commands/s its primary processed during the chats.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{Broker, Engine, Redis};
use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

/// `cargo bench --bench gateway -- [OPTIONS]`
#[derive(clap::Parser)]
struct Opts {
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
    /// The real-time path through Redis
    #[arg(long)]
    redis: bool,
    /// The real-time path through Redis behind Sentinel (a primary, two replicas, three
    /// sentinels), each chunk confirmed by a replica before it is sent (`WAIT 1`)
    #[arg(long, conflicts_with = "redis")]
    sentinel: bool,
    /// No event spool (`serve --no-spool`)
    #[arg(long = "no-spool", action = clap::ArgAction::SetFalse)]
    spool: bool,
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status.lines().find(|l| l.starts_with("VmRSS:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn now_us() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_micros() as i64
}

async fn connect(
    addr: SocketAddr,
    user: &str,
) -> tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>> {
    for attempt in 0.. {
        // tungstenite zeroes its whole read buffer before every read (128 KiB by default):
        // with 1,000 clients that memset was a fifth of this machine's CPU, taken from the
        // server under test. The frames are ~100 bytes.
        let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default().read_buffer_size(4096);
        let url = format!("ws://{addr}/ws?user={user}");
        match tokio_tungstenite::connect_async_with_config(url, Some(config), false).await {
            Ok((mut ws, _)) => {
                let _session = ws.next().await;
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
    rt.block_on(run(o));
}

async fn run(o: Opts) {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(12).await;
    let redis = o.redis.then(Redis::start);
    let sentinel = o.sentinel.then(common::Sentinel::start);
    let mut cmd = common::chatctl();
    cmd.args([
        "serve",
        "--role",
        "gateway",
        "--listen",
        "127.0.0.1:0",
        "--insecure-dev-auth",
        "--model-stamp",
        "--metrics-listen",
        "127.0.0.1:0",
        "-b",
        &broker.addr,
    ])
    .args(["--model-chunks", &o.chunks.to_string(), "--model-interval", &format!("{}ms", o.interval_ms)])
    .args(["--max-streams-per-user", "2", "--event-queue", "1000000"])
    // Every simulated client comes from 127.0.0.1.
    .args(["--max-connections-per-address", "1000000"])
    .stderr(std::process::Stdio::piped());
    if !o.spool {
        cmd.arg("--no-spool");
    }
    if let Some(r) = &redis {
        cmd.args(["--redis", &r.url]);
    }
    if let Some(s) = &sentinel {
        cmd.args(["--redis", &s.url]);
    }
    // The port of the Redis primary, for its commands/s.
    let primary = redis.as_ref().map(|r| r.port).or(sentinel.as_ref().map(|s| s.nodes[s.primary()].port));
    let mut server = cmd.spawn().unwrap();
    let pid = server.id();
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

    // Phase 1: idle connections, RSS per connection.
    let base = rss_kib(pid);
    let mut idle = Vec::with_capacity(o.idle);
    for i in 0..o.idle {
        idle.push(connect(addr, &format!("idle{i}")).await);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let with_idle = rss_kib(pid);
    let per_conn_kib = (with_idle.saturating_sub(base)) as f64 / o.idle.max(1) as f64;
    drop(idle);
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Phase 2: N clients chatting concurrently.
    let peak = Arc::new(AtomicI64::new(0));
    let sampler = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                let g = gauge(ops, "chatctl_streams_active").await;
                peak.fetch_max(g, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
    };
    let mut conns = Vec::with_capacity(o.clients);
    for i in 0..o.clients {
        conns.push(connect(addr, &format!("u{i}")).await);
    }
    let started = Instant::now();
    let commands_before = primary.map(common::redis_commands_processed);
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
                let chat = r#"{"type":"chat","conversationId":"bench","content":"load test"}"#;
                ws.send(Message::Text(chat.into())).await.unwrap();
                loop {
                    let Some(Ok(Message::Text(t))) = ws.next().await else { panic!("connection lost") };
                    let received = now_us();
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
    let commands = primary.map(common::redis_commands_processed).zip(commands_before).map(|(b, a)| b - a);
    sampler.abort();
    let pct = |q: f64| lat.ms(q);
    let rss_run = rss_kib(pid);
    let coalesced = gauge(ops, "chatctl_events_coalesced_total").await;
    // Events acknowledged by Kafka over the run (they keep flowing a little after it).
    let published = published(ops).await;
    println!(
        "| {} | {} | {}x{}ms | {} | spool {} | {:.0} events/s | {:.0} | {:.2} | {:.2} | {:.2} | {} | {:.1} | {} | {} | {} |",
        o.clients,
        o.chats,
        o.chunks,
        o.interval_ms,
        if o.redis {
            "redis"
        } else if o.sentinel {
            "sentinel + WAIT 1"
        } else {
            "in-process"
        },
        if o.spool { "on" } else { "off" },
        published as f64 / elapsed.as_secs_f64(),
        lat.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(0.999),
        peak.load(Ordering::Relaxed),
        per_conn_kib,
        rss_run / 1024,
        coalesced,
        commands.map_or("-".to_string(), |c| format!("{:.0}", c as f64 / elapsed.as_secs_f64())),
    );
    let _ = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let _ = server.wait();
}
