//! Multi-node figures: two `chatctl serve` nodes (release build) on one Redis and one tansu
//! (memory engine, so the broker is not what is measured).
//!
//!   cargo bench --bench multinode -- [--clients N] [--rounds R] [--takeover-streams K] [--lease-ttl 2s]
//!
//! 1. Chunk latency (upstream emit → client receive, the built-in model stamps each chunk)
//!    for clients reading on the generating node (same-node) and clients that resumed on the
//!    other node (cross-node: Redis buffer + pub/sub), in the same run, interleaved.
//! 2. Takeover time: K streams generated on node A, their clients following on node B;
//!    kill -9 A; per stream, the time from the kill to the first chunk of the new epoch.
//! 3. One user against the fleet-wide quota: the same clients' chunk latency with nobody
//!    else, then with one user looping chat-and-stop over both nodes as fast as it can
//!    (connections of its own, default quotas: 60 answers a minute); the loop's answers
//!    admitted and refused, and the others' p50/p99 in both halves, as a ratio.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::Child;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{Broker, Engine, Redis};
use futures_util::SinkExt;
use serde_json::Value;
use tokio_tungstenite::tungstenite::Message;

use common::ws::Ws;

/// `cargo bench --bench multinode -- [OPTIONS]`
#[derive(clap::Parser)]
struct Opts {
    /// Clients per round (half of them follow their answer from the other node)
    #[arg(long, default_value_t = 200)]
    clients: usize,
    /// Rounds of the latency comparison
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Answers in flight when their node is killed
    #[arg(long, default_value_t = 50)]
    takeover_streams: usize,
    /// The nodes' `--lease-ttl`
    #[arg(long, default_value = "2s")]
    lease_ttl: String,
}

fn now_us() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_micros() as i64
}

struct Node {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_node(broker: &Broker, redis: &Redis, id: &str, chunks: u32, interval_ms: u64, lease_ttl: &str) -> Node {
    let mut child = common::serve_gateway(id, &broker.addr, 0)
        .args(["--model-stamp", "--redis", &redis.url, "--lease-ttl", lease_ttl])
        .args(["--model-chunks", &chunks.to_string(), "--model-interval", &format!("{interval_ms}ms")])
        .args(["--event-queue", "1000000", "--max-connections-per-address", "1000000"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr: SocketAddr = loop {
        let line = lines.next().unwrap().unwrap();
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Node { child, addr }
}

async fn connect(addr: SocketAddr, user: &str) -> Ws {
    common::ws::connect_user(addr, user).await
}

async fn frame(ws: &mut Ws) -> Option<Value> {
    common::ws::next_json(ws, Duration::from_secs(120)).await
}

async fn chat(ws: &mut Ws) -> String {
    ws.send(Message::text(r#"{"type":"chat","conversationId":"bench","content":"load test"}"#)).await.unwrap();
    loop {
        let f = frame(ws).await.expect("start");
        if f["type"] == "start" {
            return f["messageId"].as_str().unwrap().to_string();
        }
    }
}

async fn resume(ws: &mut Ws, message_id: &str) {
    let r =
        serde_json::json!({"type": "resume", "sessionId": "", "messageId": message_id, "epoch": 0, "lastChunk": null});
    ws.send(Message::text(r.to_string())).await.unwrap();
}

/// Latencies (µs) of chunks from index 2 on (the first are read from the buffer by a
/// resuming client, which is not the live path being measured).
async fn read_latencies(ws: &mut Ws) -> Vec<u32> {
    let mut lat = Vec::new();
    while let Some(f) = frame(ws).await {
        match f["type"].as_str() {
            Some("chunk") => {
                let received = now_us();
                if f["index"].as_u64().unwrap() >= 2 {
                    let d = f["delta"].as_str().unwrap();
                    let emitted: i64 = d[..d.find('|').unwrap()].parse().unwrap();
                    lat.push((received - emitted).max(0) as u32);
                }
            }
            Some("done") | Some("error") => break,
            _ => {}
        }
    }
    lat
}

fn main() {
    let o: Opts = support::args();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(run(o));
}

async fn run(o: Opts) {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(12).await;
    let redis = Redis::start();

    // 1. Same-node vs cross-node latency: 40 chunks at 25 ms each, half the clients move.
    let a = start_node(&broker, &redis, "bench-a", 40, 25, &o.lease_ttl);
    let b = start_node(&broker, &redis, "bench-b", 40, 25, &o.lease_ttl);
    let (mut same, mut cross) = (support::Latencies::default(), support::Latencies::default());
    for _ in 0..o.rounds {
        let mut tasks = Vec::new();
        for i in 0..o.clients {
            let (a, b) = (a.addr, b.addr);
            tasks.push(tokio::spawn(async move {
                tokio::time::sleep(Duration::from_micros(i as u64 * 25_000 / 200)).await;
                let user = format!("u{i}");
                let mut on_a = connect(a, &user).await;
                if i % 2 == 0 {
                    chat(&mut on_a).await;
                    (false, read_latencies(&mut on_a).await)
                } else {
                    let mut on_b = connect(b, &user).await;
                    let id = chat(&mut on_a).await;
                    resume(&mut on_b, &id).await;
                    drop(on_a);
                    (true, read_latencies(&mut on_b).await)
                }
            }));
        }
        for t in tasks {
            let (crossed, lat) = t.await.unwrap();
            let into = if crossed { &mut cross } else { &mut same };
            lat.into_iter().for_each(|us| into.record_us(us.into()));
        }
    }
    let (s50, s99, c50, c99) = (same.ms(0.5), same.ms(0.99), cross.ms(0.5), cross.ms(0.99));
    println!("| chunk latency | same-node | cross-node | cross/same |");
    println!("|---|---|---|---|");
    println!("| p50 ms | {s50:.2} | {c50:.2} | {:.2} |", c50 / s50);
    println!("| p99 ms | {s99:.2} | {c99:.2} | {:.2} |", c99 / s99);
    println!(
        "({} same-node and {} cross-node chunks, {} clients x {} rounds)",
        same.len(),
        cross.len(),
        o.clients,
        o.rounds
    );
    drop((a, b));

    // 2. Takeover after kill -9: long answers generated on a fresh node A each round, their
    //    clients following on B (same model settings: B continues A's answers).
    let b = start_node(&broker, &redis, "bench-b", 400, 20, &o.lease_ttl);
    let mut times = support::Latencies::default();
    for round in 0..o.rounds {
        let a = start_node(&broker, &redis, &format!("victim-{round}"), 400, 20, &o.lease_ttl);
        let mut followers = Vec::new();
        for i in 0..o.takeover_streams {
            let user = format!("t{round}-{i}");
            let mut on_a = connect(a.addr, &user).await;
            let mut on_b = connect(b.addr, &user).await;
            let id = chat(&mut on_a).await;
            resume(&mut on_b, &id).await;
            followers.push((on_a, on_b));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        let mut a = a;
        let killed = Instant::now();
        let _ = a.child.kill();
        let waits = followers.into_iter().map(|(on_a, mut on_b)| async move {
            drop(on_a);
            while let Some(f) = frame(&mut on_b).await {
                if f["type"] == "chunk" && f["epoch"].as_u64().unwrap() >= 1 {
                    return killed.elapsed();
                }
                assert!(f["type"] != "done" && f["type"] != "error", "the answer ended without a takeover: {f}");
            }
            panic!("the answer was not taken over");
        });
        times.extend(futures_util::future::join_all(waits).await);
        drop(a);
    }
    println!(
        "takeover after kill -9 (lease TTL {}): p50 {:.0} ms, max {:.0} ms over {} streams",
        o.lease_ttl,
        times.ms(0.5),
        times.ms(1.0),
        times.len()
    );
    drop(b);

    // 3. Others' latency with and without one user's chat-and-stop loop over both nodes.
    let a = start_node(&broker, &redis, "quota-a", 40, 25, &o.lease_ttl);
    let b = start_node(&broker, &redis, "quota-b", 40, 25, &o.lease_ttl);
    let others = |round: usize| {
        let (a, b) = (a.addr, b.addr);
        let clients = o.clients;
        async move {
            let mut lat = support::Latencies::default();
            let tasks = (0..clients).map(|i| async move {
                tokio::time::sleep(Duration::from_micros(i as u64 * 25_000 / 200)).await;
                let mut ws = connect(if i % 2 == 0 { a } else { b }, &format!("q{round}-{i}")).await;
                chat(&mut ws).await;
                read_latencies(&mut ws).await
            });
            for l in futures_util::future::join_all(tasks).await {
                l.into_iter().for_each(|us| lat.record_us(us.into()));
            }
            lat
        }
    };
    let alone = others(0).await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let looper = {
        let (a, b, stop) = (a.addr, b.addr, stop.clone());
        tokio::spawn(async move {
            let (mut admitted, mut refused) = (0u64, 0u64);
            let (mut on_a, mut on_b) = (connect(a, "looper").await, connect(b, "looper").await);
            let mut k = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let (ws, addr) = if k.is_multiple_of(2) { (&mut on_a, a) } else { (&mut on_b, b) };
                k += 1;
                let sent = ws.send(Message::text(r#"{"type":"chat","conversationId":"loop","content":"again"}"#)).await;
                // Closed as abusive (past its frame rate): it connects again, as a bot would.
                let Some(f) = (if sent.is_ok() { frame(ws).await } else { None }) else {
                    *ws = connect(addr, "looper").await;
                    continue;
                };
                if f["type"] == "start" {
                    admitted += 1;
                    let stop = serde_json::json!({"type": "stop", "messageId": f["messageId"]});
                    ws.send(Message::text(stop.to_string())).await.unwrap();
                    while let Some(f) = frame(ws).await {
                        if f["type"] == "done" || f["type"] == "error" {
                            break;
                        }
                    }
                } else {
                    refused += 1;
                }
            }
            (admitted, refused)
        })
    };
    tokio::time::sleep(Duration::from_secs(2)).await;
    let loaded = others(1).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (admitted, refused) = looper.await.unwrap();
    println!("| others' chunk latency | alone | beside one user's chat-and-stop loop | loop/alone |");
    println!("|---|---|---|---|");
    for (q, name) in [(0.5, "p50"), (0.99, "p99")] {
        let (x, y) = (alone.ms(q), loaded.ms(q));
        println!("| {name} ms | {x:.2} | {y:.2} | {:.2} |", y / x);
    }
    println!(
        "(the loop: {admitted} answers admitted, {refused} refused by the quota; {} clients each half)",
        o.clients
    );
}
