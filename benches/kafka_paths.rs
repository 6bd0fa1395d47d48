//! Kafka-side benchmarks, each against a plain rdkafka consumer on the same broker and
//! data in the same run (tansu memory engine, so the broker is less of a limit):
//!
//!   cargo bench --bench kafka_paths -- [--events N] [--partitions P] [--span SECS] [--rounds R]
//!                                      [--worker-events M] [--only-replay | --only-worker]
//!
//! 1. replay: `chatctl replay --since T > /dev/null` (and with filters)
//!    vs a plain consumer reading the same offset range;
//! 2. session: `chatctl session ID` vs a full-topic scan for the same session;
//! 3. audit worker events/s vs the plain consumer's raw ceiling.
//!
//! Data is produced with record timestamps = write times (the memory engine answers
//! offsets-for-times by write time), and each partition ends with a one-record batch (the
//! memory engine's high watermark is the last batch's base offset + 1).

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatctl::events::{ChunkReceived, Event, Payload, STREAM_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::metrics::Metrics;
use chatctl::store::Store;
use common::{Broker, Engine};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Message, Offset, TopicPartitionList};

/// `cargo bench --bench kafka_paths -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Events in the replay/session data set
    #[arg(long, default_value_t = 1_000_000)]
    events: usize,
    /// Partitions of the topics
    #[arg(long, default_value_t = 12)]
    partitions: usize,
    /// Events the worker comparison consumes
    #[arg(long, default_value_t = 100_000)]
    worker_events: usize,
    /// Seconds the data set spans
    #[arg(long, default_value_t = 60)]
    span: usize,
    /// Rounds of each measurement
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Only the worker comparison
    #[arg(long)]
    only_worker: bool,
    /// Only replay and session
    #[arg(long)]
    only_replay: bool,
}

support::parsed_once!(Args);

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run());
}

/// Produce events `from..to` of the data set at `rate` events/s (0: as fast as possible),
/// their record timestamps left to the producer (CreateTime = now), so that the memory
/// engine's offsets-for-times, which answers by write time, agrees with them. A session
/// is 100 consecutive events; its id is a UUIDv7 minted at its first event, as the
/// gateway does. Returns the session ids.
async fn produce(kafka: &KafkaSettings, from: usize, to: usize, rate: usize, one_per_batch: bool) -> Vec<String> {
    let mut conf = kafka.producer_config();
    conf.set("queue.buffering.max.messages", "1000000").set("linger.ms", "20");
    if one_per_batch {
        conf.set("batch.num.messages", "1").set("linger.ms", "0");
    }
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    let mut pending = Vec::with_capacity(to - from);
    let mut sessions = Vec::new();
    let started = Instant::now();
    for i in from..to {
        if i % 100 == 0 || sessions.is_empty() {
            sessions.push(uuid::Uuid::now_v7().to_string());
        }
        if rate > 0 && i % 1000 == 0 {
            let due = started + Duration::from_secs_f64((i - from) as f64 / rate as f64);
            tokio::time::sleep_until(due.into()).await;
        }
        let e = Event::new(
            sessions.last().unwrap().clone(),
            format!("node-{}", i % 3),
            Payload::ChunkReceived(ChunkReceived {
                message_id: format!("m-{}", i / 25),
                chunk_index: (i % 100) as u32,
                content_length: 42,
                latency_ms: (i % 300) as u64,
                folded: Vec::new(),
            }),
        );
        let payload = e.to_json();
        let record = FutureRecord::to(STREAM_EVENTS).key(e.session_id.as_bytes()).payload(&payload);
        pending.push(common::enqueue(&producer, record).await);
    }
    for f in pending {
        f.await.unwrap().map_err(|(e, _)| e).unwrap();
    }
    sessions
}

/// tansu's memory engine reports a partition's high watermark as its last batch's base
/// offset + 1: end every partition with a one-record batch so the watermark is true.
async fn seal(kafka: &KafkaSettings, partitions: i32) {
    let mut conf = kafka.producer_config();
    conf.set("batch.num.messages", "1").set("linger.ms", "0");
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    for p in 0..partitions {
        let e = Event::new(
            format!("seal-{p}"),
            "node-0",
            Payload::ChunkReceived(ChunkReceived {
                message_id: "seal".into(),
                chunk_index: 0,
                content_length: 0,
                latency_ms: 0,
                folded: Vec::new(),
            }),
        );
        let payload = e.to_json();
        let record = FutureRecord::to(STREAM_EVENTS).key(e.session_id.as_bytes()).payload(&payload).partition(p);
        producer.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
    }
}

/// A plain consumer: resolves [offsets-for-times(since) or low, high) per partition and
/// reads it, counting records (and those with `key`). Timed from its creation to the last
/// record; its teardown is not (chatctl tears its clients down off the clock too).
fn plain_consumer(
    kafka: &KafkaSettings,
    partitions: i32,
    since: Option<i64>,
    key: Option<&[u8]>,
) -> (usize, usize, Duration) {
    let started = Instant::now();
    // The same client configuration as chatctl's reader: like for like.
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config()).unwrap();
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition_offset(STREAM_EVENTS, p, Offset::Offset(since.unwrap_or(0))).unwrap();
    }
    let starts = since.map(|_| consumer.offsets_for_times(tpl, Duration::from_secs(10)).unwrap());
    let mut tpl = TopicPartitionList::new();
    let mut ends = HashMap::new();
    for p in 0..partitions {
        let (low, high) = consumer.fetch_watermarks(STREAM_EVENTS, p, Duration::from_secs(10)).unwrap();
        let start = match starts.as_ref().map(|s| s.find_partition(STREAM_EVENTS, p).unwrap().offset()) {
            Some(Offset::Offset(o)) => o,
            Some(_) => high,
            None => low,
        };
        if high > start {
            tpl.add_partition_offset(STREAM_EVENTS, p, Offset::Offset(start)).unwrap();
            ends.insert(p, high);
        }
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
    let elapsed = started.elapsed();
    std::thread::spawn(move || drop(consumer));
    (read, matched, elapsed)
}

/// tansu keeps serving a client's queued fetches after it has gone: let it finish before
/// the next measurement.
async fn settle() {
    tokio::time::sleep(Duration::from_secs(2)).await;
}

fn time_cmd(args: &[&str]) -> (Duration, String) {
    let started = Instant::now();
    let out = common::chatctl().args(args).stdout(std::process::Stdio::null()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (started.elapsed(), String::from_utf8_lossy(&out.stderr).into_owned())
}

async fn run() {
    let n = args().events;
    let partitions = args().partitions as i32;
    let worker_events = args().worker_events;
    let only_worker = args().only_worker;
    if !only_worker {
        replay_and_session(n, partitions).await;
    }
    if !args().only_replay {
        worker(partitions, worker_events).await;
    }
}

async fn replay_and_session(n: usize, partitions: i32) {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(partitions).await;
    let kafka = broker.kafka();
    // Two halves, each written over `span` seconds, with a pause between them in which T
    // falls. Record timestamps are write times, so offsets-for-times is exact on the
    // memory engine too.
    let span = args().span;
    let rate = n / 2 / span.max(1);
    let t = Instant::now();
    let mut sessions = produce(&kafka, 0, n / 2, rate, false).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let since = chrono::Utc::now();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    sessions.extend(produce(&kafka, n / 2, n, rate, false).await);
    seal(&kafka, partitions).await;
    println!(
        "produced {n} events ({} sessions of 100) into {partitions} partitions in {:.1}s",
        sessions.len(),
        t.elapsed().as_secs_f64()
    );
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let since_arg = since.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let since = since.timestamp_millis();
    if std::env::var_os("BENCH_HOLD").is_some() {
        println!("holding: broker {} since {since_arg}", broker.addr);
        let _ = std::io::stdout().flush();
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }

    // Every measurement is taken `rounds` times, interleaved (plain, chatctl, ...), and
    // the medians are compared: this machine is shared and noisy.
    let rounds = args().rounds;
    let summary =
        |log: &str| log.lines().filter(|l| !l.starts_with('│') && !l.starts_with('┌')).collect::<Vec<_>>().join("; ");

    // 1. Replay the second half: unfiltered (JSON Lines out), a selective filter (most
    // records dropped by the sound text prefilter), and one whose text is in nearly every
    // record, so nearly every record is parsed.
    let base = ["replay", "-b", &broker.addr, "--topic", "stream-events", "--since", &since_arg, "-o", "json"];
    let variants: [(&str, Vec<&str>); 3] = [
        ("unfiltered", vec![]),
        (
            "--event-type CHUNK_RECEIVED --where metadata.nodeId=node-1",
            vec!["--event-type", "CHUNK_RECEIVED", "--where", "metadata.nodeId=node-1"],
        ),
        (
            "--event-type CHUNK_RECEIVED --where chunkIndex=7 (parses ~every record)",
            vec!["--event-type", "CHUNK_RECEIVED", "--where", "chunkIndex=7"],
        ),
    ];
    let mut plain_times = Vec::new();
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); variants.len()];
    let mut logs = vec![String::new(); variants.len()];
    let mut plain_n = 0;
    for _ in 0..rounds {
        settle().await;
        let k = kafka.clone();
        let (n, _, t) =
            tokio::task::spawn_blocking(move || plain_consumer(&k, partitions, Some(since), None)).await.unwrap();
        plain_n = n;
        plain_times.push(t);
        for (i, (_, extra)) in variants.iter().enumerate() {
            settle().await;
            let args: Vec<&str> = base.iter().copied().chain(extra.iter().copied()).collect();
            let (t, log) = time_cmd(&args);
            times[i].push(t);
            logs[i] = log;
        }
    }
    let plain = median(&plain_times);
    println!(
        "| plain rdkafka consumer, --since T (second half of {n}) | {plain_n} records | {:.2}s = {:.0}/s | | |",
        plain.as_secs_f64(),
        plain_n as f64 / plain.as_secs_f64()
    );
    for (i, (label, _)) in variants.iter().enumerate() {
        let t = median(&times[i]);
        println!(
            "| chatctl replay --since T {label} | {plain_n} records | {:.2}s = {:.0}/s | {:.2} | {} |",
            t.as_secs_f64(),
            plain_n as f64 / t.as_secs_f64(),
            plain.as_secs_f64() / t.as_secs_f64(),
            summary(&logs[i])
        );
    }
    let _ = std::io::stdout().flush();

    // 2. One session (100 events, in the second half): chatctl session vs a full-topic scan.
    let session = sessions[sessions.len() * 3 / 4].clone();
    let (mut full_t, mut whole_t, mut bounded_t, mut floor_t) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut scanned, mut found) = (0, 0);
    for _ in 0..rounds {
        settle().await;
        let (k, key) = (kafka.clone(), session.clone());
        let (s, f, t) = tokio::task::spawn_blocking(move || plain_consumer(&k, partitions, None, Some(key.as_bytes())))
            .await
            .unwrap();
        (scanned, found) = (s, f);
        full_t.push(t);
        settle().await;
        whole_t.push(time_cmd(&["session", &session, "-b", &broker.addr, "--since", "1d", "--json"]).0);
        settle().await;
        bounded_t.push(time_cmd(&["session", &session, "-b", &broker.addr, "--json"]).0);
        settle().await;
        let (k, key) = (kafka.clone(), session.clone());
        floor_t.push(tokio::task::spawn_blocking(move || last_record(&k, &key, partitions)).await.unwrap());
    }
    let full = median(&full_t);
    println!(
        "| plain consumer: full-topic scan for one session | {scanned} records, {found} of the session | {:.2}s | | |",
        full.as_secs_f64()
    );
    for (label, t) in [
        ("broker floor: a plain consumer fetching only the last record of that partition", median(&floor_t)),
        ("chatctl session --since 1d (its partition, whole)", median(&whole_t)),
        ("chatctl session (its partition, from its UUIDv7 time)", median(&bounded_t)),
    ] {
        println!("| {label} | | {:.3}s | {:.3} | |", t.as_secs_f64(), t.as_secs_f64() / full.as_secs_f64());
    }
}

/// The least any client can do for one session on this broker: fetch one record (the
/// last) of the session's partition. Timed like `plain_consumer`.
fn last_record(kafka: &KafkaSettings, session: &str, partitions: i32) -> Duration {
    let started = Instant::now();
    let p = chatctl::kafka::partitioner::partition_for_key(session.as_bytes(), partitions);
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config()).unwrap();
    let (_, high) = consumer.fetch_watermarks(STREAM_EVENTS, p, Duration::from_secs(10)).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(STREAM_EVENTS, p, Offset::Offset(high - 1)).unwrap();
    consumer.assign(&tpl).unwrap();
    loop {
        if let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) {
            if m.offset() == high - 1 {
                break;
            }
        }
    }
    let elapsed = started.elapsed();
    std::thread::spawn(move || drop(consumer));
    elapsed
}

fn median(times: &[Duration]) -> Duration {
    let mut v = times.to_vec();
    v.sort();
    v[v.len() / 2]
}

/// 3. Audit worker vs the raw ceiling, on a fresh topic set.
async fn worker(partitions: i32, worker_events: usize) {
    let broker2 = Broker::start(Engine::Memory);
    broker2.ensure_topics(partitions).await;
    let kafka2 = broker2.kafka();
    // One record per batch: a worker pauses partitions when busy, which makes librdkafka
    // fetch again from an offset inside a batch, and tansu's memory engine answers that
    // with the next batch, skipping records (seen: 97,690 of 100,012 handled, lag 0).
    produce(&kafka2, 0, worker_events, 0, true).await;
    seal(&kafka2, partitions).await;
    let worker_events = worker_events + partitions as usize;
    println!("produced {worker_events} events for the worker");
    let _ = std::io::Write::flush(&mut std::io::stdout());
    let k = kafka2.clone();
    let (raw_n, _, raw) =
        tokio::task::spawn_blocking(move || plain_consumer(&k, partitions, None, None)).await.unwrap();
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
    // At least once: a record handled twice (a rebalance) counts twice, so wait for >=.
    let processed = |text: String| -> usize {
        text.lines()
            .find_map(|l| l.strip_prefix("chatctl_worker_processed_total{worker=\"chatctl-audit\"} "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    while !metrics.render().contains("chatctl_worker_processed_total{") {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let joined = t.elapsed();
    let deadline = Instant::now() + Duration::from_secs(120);
    while processed(metrics.render()) < worker_events {
        assert!(
            Instant::now() < deadline,
            "audit worker stalled at {} of {worker_events}:\n{}",
            processed(metrics.render()),
            metrics.render().lines().filter(|l| l.contains("audit")).collect::<Vec<_>>().join("\n")
        );
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
