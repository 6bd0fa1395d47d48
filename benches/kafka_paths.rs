//! Kafka-side benchmarks, each against a plain rdkafka consumer on the same broker and
//! data in the same run (tansu memory engine, so the broker is less of a limit):
//!
//!   cargo bench --bench kafka_paths -- [--events N] [--partitions P] [--worker-events M]
//!
//! 1. replay: `chatctl replay --since T > /dev/null` (and with an --event-type filter)
//!    vs a plain consumer reading the same offset range;
//! 2. session: `chatctl session ID` vs a full-topic scan for the same session;
//! 3. audit worker events/s vs the plain consumer's raw ceiling.
//!
//! tansu's memory engine reports a partition's high watermark as the last batch's base
//! offset + 1, so the data is produced one record per batch to keep watermarks true.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatctl::events::{ChunkReceived, Event, Payload, STREAM_EVENTS};
use chatctl::gateway::metrics::Metrics;
use chatctl::kafka::KafkaSettings;
use chatctl::store::Store;
use common::{Broker, Engine};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Message, Offset, TopicPartitionList};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run());
}

async fn produce(kafka: &KafkaSettings, n: usize, sessions: usize, start_ms: i64, span_ms: i64) {
    let mut conf = kafka.producer_config();
    conf.set("batch.num.messages", "1").set("linger.ms", "0").set("queue.buffering.max.messages", "1000000");
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    let mut pending = Vec::with_capacity(n);
    for i in 0..n {
        let ts = start_ms + (i as i64 * span_ms) / n as i64;
        let e = Event::at(
            chrono::DateTime::from_timestamp_millis(ts).unwrap(),
            format!("session-{}", i % sessions),
            format!("node-{}", i % 3),
            Payload::ChunkReceived(ChunkReceived {
                message_id: format!("m-{}", i % (sessions * 4)),
                chunk_index: (i / sessions) as u32,
                content_length: 42,
                latency_ms: (i % 300) as u64,
            }),
        );
        let payload = e.to_json();
        let mut record = FutureRecord::to(STREAM_EVENTS).key(e.session_id.as_bytes()).payload(&payload).timestamp(ts);
        loop {
            match producer.send_result(record) {
                Ok(f) => {
                    pending.push(f);
                    break;
                }
                Err((_, r)) => {
                    record = r;
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
            }
        }
    }
    for f in pending {
        f.await.unwrap().map_err(|(e, _)| e).unwrap();
    }
}

/// A plain consumer reading [start, end) of every partition, counting records.
fn plain_read(kafka: &KafkaSettings, ranges: &[(i32, i64, i64)], key: Option<&[u8]>) -> (usize, usize) {
    let consumer: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let mut tpl = TopicPartitionList::new();
    let mut ends = HashMap::new();
    for &(p, s, e) in ranges.iter().filter(|r| r.2 > r.1) {
        tpl.add_partition_offset(STREAM_EVENTS, p, Offset::Offset(s)).unwrap();
        ends.insert(p, e);
    }
    consumer.assign(&tpl).unwrap();
    let (mut read, mut matched) = (0, 0);
    while !ends.is_empty() {
        if let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) {
            let Some(&end) = ends.get(&m.partition()) else { continue };
            if m.offset() >= end {
                continue;
            }
            read += 1;
            if key.is_some_and(|k| m.key() == Some(k)) {
                matched += 1;
            }
            if m.offset() + 1 >= end {
                ends.remove(&m.partition());
            }
        }
    }
    (read, matched)
}

fn ranges_since(kafka: &KafkaSettings, partitions: i32, since: Option<i64>) -> Vec<(i32, i64, i64)> {
    let c: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let mut out = Vec::new();
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition_offset(STREAM_EVENTS, p, Offset::Offset(since.unwrap_or(0))).unwrap();
    }
    let starts = since.map(|_| c.offsets_for_times(tpl, Duration::from_secs(10)).unwrap());
    for p in 0..partitions {
        let (low, high) = c.fetch_watermarks(STREAM_EVENTS, p, Duration::from_secs(10)).unwrap();
        let start = match starts.as_ref().map(|s| s.find_partition(STREAM_EVENTS, p).unwrap().offset()) {
            Some(Offset::Offset(o)) => o,
            Some(_) => high,
            None => low,
        };
        out.push((p, start, high));
    }
    out
}

fn time_cmd(args: &[&str]) -> (Duration, String) {
    let started = Instant::now();
    let out = common::chatctl().args(args).stdout(std::process::Stdio::null()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (started.elapsed(), String::from_utf8_lossy(&out.stderr).into_owned())
}

async fn run() {
    let n = arg("--events", 1_000_000);
    let partitions = arg("--partitions", 12) as i32;
    let worker_events = arg("--worker-events", 200_000);
    let now = chrono::Utc::now().timestamp_millis();
    let only_worker = std::env::args().any(|a| a == "--only-worker");
    if !only_worker {
        replay_and_session(n, partitions, now).await;
    }
    worker(partitions, worker_events, now).await;
}

async fn replay_and_session(n: usize, partitions: i32, now: i64) {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(partitions).await;
    let kafka = broker.kafka();
    let t = Instant::now();
    produce(&kafka, n, 10_000, now - 2 * 3_600_000, 2 * 3_600_000).await;
    println!("produced {n} events into {partitions} partitions in {:.1}s", t.elapsed().as_secs_f64());
    use std::io::Write;
    let _ = std::io::stdout().flush();

    // 1. Replay from the middle: half the data.
    let since = now - 3_600_000;
    let since_arg = chrono::DateTime::from_timestamp_millis(since).unwrap().to_rfc3339();
    let k = kafka.clone();
    let t = Instant::now();
    let (plain_n, _) =
        tokio::task::spawn_blocking(move || plain_read(&k, &ranges_since(&k, partitions, Some(since)), None))
            .await
            .unwrap();
    let plain = t.elapsed();
    let (replay, log) =
        time_cmd(&["replay", "-b", &broker.addr, "--topic", "stream-events", "--since", &since_arg, "-o", "json"]);
    let (filtered, flog) = time_cmd(&[
        "replay",
        "-b",
        &broker.addr,
        "--topic",
        "stream-events",
        "--since",
        &since_arg,
        "--event-type",
        "CHUNK_RECEIVED",
        "--where",
        "metadata.nodeId=node-1",
        "-o",
        "json",
    ]);
    println!("| replay --since (half of {n}) | plain consumer {plain_n} in {:.2}s = {:.0}/s | chatctl {:.2}s = {:.0}/s | ratio {:.2} | {} |",
        plain.as_secs_f64(), plain_n as f64 / plain.as_secs_f64(), replay.as_secs_f64(), plain_n as f64 / replay.as_secs_f64(),
        plain.as_secs_f64() / replay.as_secs_f64(), log.lines().last().unwrap_or(""));
    println!(
        "| replay --since + filters | | chatctl {:.2}s = {:.0}/s | ratio {:.2} | {} |",
        filtered.as_secs_f64(),
        plain_n as f64 / filtered.as_secs_f64(),
        plain.as_secs_f64() / filtered.as_secs_f64(),
        flog.lines().last().unwrap_or("")
    );

    // 2. One session: chatctl session vs a full-topic scan.
    let session = "session-4242";
    let k = kafka.clone();
    let t = Instant::now();
    let (scanned, found) = tokio::task::spawn_blocking(move || {
        plain_read(&k, &ranges_since(&k, partitions, None), Some(session.as_bytes()))
    })
    .await
    .unwrap();
    let full = t.elapsed();
    let (sess, _) = time_cmd(&["session", session, "-b", &broker.addr, "--since", "3h", "--json"]);
    println!(
        "| session ({found} events) | full scan of {scanned} records {:.2}s | chatctl session {:.2}s | ratio {:.3} |",
        full.as_secs_f64(),
        sess.as_secs_f64(),
        sess.as_secs_f64() / full.as_secs_f64()
    );
}

/// 3. Audit worker vs the raw ceiling, on a fresh topic set.
async fn worker(partitions: i32, worker_events: usize, now: i64) {
    let broker2 = Broker::start(Engine::Memory);
    broker2.ensure_topics(partitions).await;
    let kafka2 = broker2.kafka();
    produce(&kafka2, worker_events, 1000, now - 60_000, 60_000).await;
    let k = kafka2.clone();
    let t = Instant::now();
    let (raw_n, _) =
        tokio::task::spawn_blocking(move || plain_read(&k, &ranges_since(&k, partitions, None), None)).await.unwrap();
    let raw = t.elapsed();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}/audit.db", dir.path().display())).await.unwrap();
    let metrics = Arc::new(Metrics::default());
    let t = Instant::now();
    let worker = chatctl::workers::start(
        &kafka2,
        Arc::new(chatctl::workers::audit::Audit { store: store.clone() }),
        chatctl::workers::WorkerOptions::default(),
        metrics.clone(),
    )
    .unwrap();
    let want = format!("chatctl_worker_processed_total{{worker=\"chatctl-audit\"}} {worker_events}");
    while !metrics.render().contains("chatctl_worker_processed_total{") {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let joined = t.elapsed();
    while !metrics.render().contains(&want) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let audit = t.elapsed();
    let steady = audit - joined;
    println!(
        "| audit worker, after the group join ({:.2}s) | | {:.2}s = {:.0}/s | ratio {:.2} |",
        joined.as_secs_f64(),
        steady.as_secs_f64(),
        worker_events as f64 / steady.as_secs_f64(),
        raw.as_secs_f64() / steady.as_secs_f64()
    );
    worker.stop().await;
    assert_eq!(store.audit_counts().await.unwrap(), (worker_events as i64, worker_events as i64));
    println!("| audit worker (sqlite store) | plain consumer {raw_n} in {:.2}s = {:.0}/s | audit {:.2}s = {:.0}/s (incl. group join) | ratio {:.2} |",
        raw.as_secs_f64(), raw_n as f64 / raw.as_secs_f64(), audit.as_secs_f64(), worker_events as f64 / audit.as_secs_f64(),
        raw.as_secs_f64() / audit.as_secs_f64());
}
