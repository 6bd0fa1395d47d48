//! An idle engine's CPU, and how late the first record after a quiet spell is (issue "An
//! idle engine costs a quarter of a core"):
//!
//!   cargo bench --bench idle -- [--settle 15] [--secs 30] [--records 100] [--spacing-ms 1000]...
//!
//! tansu on SQLite (the default stack), `chatctl serve --workers
//! audit,analytics,search,training` (gateway and four workers) with nothing connected. After
//! `--settle` seconds, the CPU of both processes over `--secs` (from /proc, % of one core).
//! Then `--records` single CHAT_MESSAGE events, `--spacing-ms` apart (the flag may be given
//! more than once: one series per value), each timed from its send to the audit worker's
//! processed counter (its `/metrics`, counted once the row is in the store) moving.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::time::{Duration, Instant};

use chatctl::events::{ChatMessage, Event, Payload, Role, CHAT_EVENTS};
use common::{Broker, Engine, Proc};
use rdkafka::producer::{FutureProducer, FutureRecord};

/// `cargo bench --bench idle -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Seconds the engine settles before the CPU is measured
    #[arg(long, default_value_t = 15)]
    settle: u64,
    /// Seconds the CPU is measured over
    #[arg(long, default_value_t = 30)]
    secs: u64,
    /// Records per series
    #[arg(long, default_value_t = 100)]
    records: usize,
    /// Quiet between two records (repeatable: one series per value)
    #[arg(long = "spacing-ms", default_values_t = [1000])]
    spacings: Vec<u64>,
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run());
}

fn clk_tck() -> f64 {
    let out = std::process::Command::new("getconf").arg("CLK_TCK").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

async fn run() {
    let Args { settle, secs, records, spacings } = support::args();
    let broker = Broker::start(Engine::Sqlite);
    let st = common::chatctl().args(["-b", &broker.addr, "topics", "ensure"]).output().unwrap();
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let dir = tempfile::tempdir().unwrap();
    let (port, mport) = (common::free_port(), common::free_port());
    let engine = Proc(
        common::chatctl()
            .args(std::env::var("BENCH_SERVE_X").ok().map(|x| vec!["-X".to_string(), x]).unwrap_or_default())
            .args(["-b", &broker.addr, "serve", "--workers", "audit,analytics,search,training", "--insecure-dev-auth"])
            .args(["--listen", &format!("127.0.0.1:{port}"), "--metrics-listen", &format!("127.0.0.1:{mport}")])
            .args(["--audit-url", &format!("sqlite://{}/store.db", dir.path().display())])
            .args(["--search-index", &dir.path().join("index").display().to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(match std::env::var_os("BENCH_SERVE_LOG") {
                // The engine's log (with RUST_LOG from BENCH_SERVE_RUST_LOG) for a look inside.
                Some(f) => std::fs::File::create(f).unwrap().into(),
                None => std::process::Stdio::null(),
            })
            .envs(std::env::var_os("BENCH_SERVE_RUST_LOG").map(|v| ("RUST_LOG", v)))
            .spawn()
            .unwrap(),
    );
    common::wait_for_port(port, "chatctl serve", Duration::from_secs(30));
    let (me, tansu) = (engine.0.id(), broker.pid().unwrap());
    tokio::time::sleep(Duration::from_secs(settle)).await;
    let (a, b, t) = (support::cpu_ticks(me), support::cpu_ticks(tansu), Instant::now());
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let (a2, b2, el) = (support::cpu_ticks(me), support::cpu_ticks(tansu), t.elapsed().as_secs_f64());
    let hz = clk_tck();
    println!(
        "idle {secs} s after {settle} s: chatctl {:.2}% of a core, tansu {:.2}%",
        (a2 - a) as f64 / hz / el * 100.0,
        (b2 - b) as f64 / hz / el * 100.0
    );

    let kafka = broker.kafka();
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    // The producer's first send connects: not part of what is measured.
    let warm = common::example_events(1, 1);
    let warm = warm[0].to_json();
    producer.send(FutureRecord::to(CHAT_EVENTS).key("warm").payload(&warm), Duration::from_secs(10)).await.unwrap();
    common::wait_until("the warm-up record", Duration::from_secs(30), async || {
        common::processed(mport, "chatctl-audit").await >= 1
    })
    .await;
    for spacing in spacings {
        let mut lat = support::Latencies::default();
        let mut seen = common::processed(mport, "chatctl-audit").await;
        for i in 0..records {
            let next = Instant::now() + Duration::from_millis(spacing);
            let e = Event::new(
                format!("idle-{spacing}-{i}"),
                "bench",
                Payload::ChatMessage(ChatMessage {
                    message_id: format!("m-{spacing}-{i}"),
                    conversation_id: format!("c-{i}"),
                    user_id: "u-1".into(),
                    role: Role::User,
                    content: "is anyone there".into(),
                    reply_to: None,
                }),
            );
            assert_eq!(e.topic(), CHAT_EVENTS);
            let payload = e.to_json();
            let started = Instant::now();
            let record = FutureRecord::to(CHAT_EVENTS).key(e.session_id.as_bytes()).payload(&payload);
            producer.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
            let acked = started.elapsed();
            loop {
                let now = common::processed(mport, "chatctl-audit").await;
                if now > seen {
                    seen = now;
                    break;
                }
                assert!(started.elapsed() < Duration::from_secs(30), "record {i} never reached the audit store");
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            lat.record(started.elapsed());
            if std::env::var_os("BENCH_SERVE_LOG").is_some() {
                let sent = chrono::Utc::now() - started.elapsed();
                println!(
                    "record {i}: sent {} acked +{acked:?} stored +{:?}",
                    sent.format("%H:%M:%S%.3f"),
                    started.elapsed()
                );
            }
            tokio::time::sleep_until(next.into()).await;
        }
        println!(
            "first record after {spacing} ms of quiet, {records} records: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
            lat.ms(0.5),
            lat.ms(0.99),
            lat.ms(1.0)
        );
    }
    engine.stop();
}
