//! The search index: a rebuild from the log against a plain read of the same events in the
//! same run, and queries over a large index.
//!
//!   cargo bench --bench search -- [--events N] [--partitions P] [--rounds R] [--live-rounds L]
//!                                  [--query-docs M] [--queries Q]
//!
//! 1. N CHAT_MESSAGE events of ~40 words on `chat-events` (tansu memory engine, each
//!    partition sealed with a one-record batch so its high watermark is true); per round, a
//!    plain consumer reads them (the replay reader's client settings; timed from its creation
//!    to the last record) and `chatctl replay --topic chat-events --since T --into search
//!    --rebuild` rebuilds an index from them (the whole process, timed), and the training
//!    rebuild (SQLite) from the same events; beside them, N stream events (CHUNK_RECEIVED,
//!    every 20th a STREAM_COMPLETED) on `stream-events`, read plainly and rebuilt into
//!    analytics (SQLite) with `replay --topic stream-events --into analytics --rebuild`.
//!    Rounds interleave.
//! 2. The live search worker draining a backlog, measured as the audit worker's is
//!    (`kafka_paths`): the same N messages on a second broker, one record per batch (a
//!    worker pauses partitions for back-pressure, and the memory engine answers a fetch
//!    inside a batch with the next batch); per round a plain consumer reads them, then a
//!    worker of a fresh group (in process, a fresh index) handles them all, timed from its
//!    start to its processed counter reaching N (group join included, and shown apart).
//! 3. An index of M documents (100 users) written by the rebuild path, then Q one-word
//!    queries each narrowed to one user, as `chatctl search WORD --user U` runs them:
//!    p50 / p99 / max.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::time::{Duration, Instant};

use chatctl::events::{ChatMessage, ChunkReceived, Event, Payload, Role, StreamCompleted, CHAT_EVENTS, STREAM_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::workers::search::{SearchIndex, SearchReader};
use common::{Broker, Engine};
use rdkafka::producer::{FutureProducer, FutureRecord};

/// `cargo bench --bench search -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Events replayed into the index and store
    #[arg(long, default_value_t = 100_000)]
    events: usize,
    /// Partitions of the topics
    #[arg(long, default_value_t = 12)]
    partitions: usize,
    /// Rounds of each measurement
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Documents in the index queried
    #[arg(long, default_value_t = 1_000_000)]
    query_docs: usize,
    /// Queries timed
    #[arg(long, default_value_t = 1000)]
    queries: usize,
    /// Rounds of the live worker
    #[arg(long, default_value_t = 2)]
    live_rounds: usize,
}

support::parsed_once!(Args);

const WORDS: &[&str] = &[
    "kafka",
    "replay",
    "offset",
    "partition",
    "broker",
    "consumer",
    "group",
    "lag",
    "stream",
    "chunk",
    "token",
    "answer",
    "resume",
    "epoch",
    "lease",
    "redis",
    "gateway",
    "worker",
    "audit",
    "index",
    "search",
    "commit",
    "segment",
    "merge",
    "durable",
    "ordered",
    "idempotent",
    "latency",
    "summary",
    "alert",
    "digest",
    "window",
    "the",
    "a",
    "of",
    "and",
    "to",
    "is",
    "every",
    "message",
    "log",
    "node",
    "spool",
    "fetch",
    "batch",
];

/// Message `i`: ~40 words, user `user-{i % 100}`.
fn message(i: usize) -> Event {
    let mut x = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let content: Vec<&str> = (0..40)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            WORDS[(x % WORDS.len() as u64) as usize]
        })
        .collect();
    Event::new(
        format!("sess-{}", i / 20),
        "node-1",
        Payload::ChatMessage(ChatMessage {
            message_id: format!("m-{i}"),
            conversation_id: format!("c-{}", i / 20),
            user_id: format!("user-{}", i % 100),
            role: if i.is_multiple_of(2) { Role::User } else { Role::Assistant },
            content: content.join(" "),
            reply_to: None,
        }),
    )
}

async fn live(n: usize, partitions: i32, rounds: usize, dir: &std::path::Path) {
    use chatctl::workers::search::Search;
    let (_broker, kafka, total) = loaded(n, partitions, true).await;
    println!("live worker: produced {total} CHAT_MESSAGE events, one per batch");
    println!("| round | plain read | search worker (incl. group join) | after the join | ratio (plain / worker) |");
    println!("|---|---|---|---|---|");
    for round in 1..=rounds {
        let plain = plain_read(&kafka, CHAT_EVENTS, partitions, total).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let metrics = std::sync::Arc::new(chatctl::metrics::Metrics::default());
        let index = SearchIndex::open(&dir.join(format!("live-{round}"))).unwrap();
        let name = format!("bench-{round}-{}", std::process::id());
        let t = Instant::now();
        let worker = chatctl::workers::start(
            &kafka,
            std::sync::Arc::new(Search::new(index.clone(), &name)),
            chatctl::workers::WorkerOptions::default(),
            metrics.clone(),
        )
        .unwrap();
        let key = format!("chatctl_worker_processed_total{{worker=\"chatctl-search-{name}\"}} ");
        let processed =
            || metrics.render().lines().find_map(|l| l.strip_prefix(&key)?.trim().parse::<usize>().ok()).unwrap_or(0);
        while processed() == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let joined = t.elapsed();
        let deadline = Instant::now() + Duration::from_secs(300);
        while processed() < total {
            assert!(Instant::now() < deadline, "search worker stalled at {} of {total}", processed());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let all = t.elapsed();
        worker.stop().await;
        index.finish().await.unwrap();
        let count = index.reader().unwrap().count().unwrap();
        assert_eq!(count, total, "every message indexed once");
        let steady = all - joined;
        println!(
            "| {round} | {:.2}s = {:.0}/s | {:.2}s = {:.0}/s | {:.2}s = {:.0}/s (join {:.2}s) | {:.2} / {:.2} |",
            plain.as_secs_f64(),
            total as f64 / plain.as_secs_f64(),
            all.as_secs_f64(),
            total as f64 / all.as_secs_f64(),
            steady.as_secs_f64(),
            total as f64 / steady.as_secs_f64(),
            joined.as_secs_f64(),
            plain.as_secs_f64() / all.as_secs_f64(),
            plain.as_secs_f64() / steady.as_secs_f64()
        );
    }
}

/// Stream event `i` of answer `i / 20`: chunks, the 20th completes the answer.
fn stream_event(i: usize) -> Event {
    let message_id = format!("m-{}", i / 20);
    let payload = if i % 20 == 19 {
        Payload::StreamCompleted(StreamCompleted {
            message_id,
            conversation_id: format!("c-{}", i / 400),
            total_chunks: 19,
            content_length: 19 * 24,
            total_latency_ms: 40 * 19 + (i % 97) as u64,
            tokens_used: 19 * 4,
        })
    } else {
        Payload::ChunkReceived(ChunkReceived {
            message_id,
            chunk_index: (i % 20) as u32,
            content_length: 24,
            latency_ms: 40 * (i % 20) as u64,
            folded: Vec::new(),
        })
    };
    Event::new(format!("sess-{}", i / 400), "node-1", payload)
}

/// A broker (memory engine) holding `n` messages plus the sealing ones, and their count.
async fn loaded(n: usize, partitions: i32, one_per_batch: bool) -> (Broker, KafkaSettings, usize) {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(partitions).await;
    let kafka = broker.kafka();
    produce(&kafka, n, partitions, one_per_batch).await;
    (broker, kafka, n + partitions as usize)
}

/// The baseline: a plain consumer reading all `total` records of `topic`.
async fn plain_read(kafka: &KafkaSettings, topic: &'static str, partitions: i32, total: usize) -> Duration {
    let k = kafka.clone();
    let (read, took) = tokio::task::spawn_blocking(move || common::plain_read(&k, topic, partitions)).await.unwrap();
    assert_eq!(read, total);
    took
}

async fn produce(kafka: &KafkaSettings, n: usize, partitions: i32, one_per_batch: bool) {
    produce_to(kafka, CHAT_EVENTS, message, n, partitions, one_per_batch).await
}

async fn produce_to(
    kafka: &KafkaSettings,
    topic: &str,
    make: fn(usize) -> Event,
    n: usize,
    partitions: i32,
    one_per_batch: bool,
) {
    let mut conf = kafka.producer_config();
    conf.set("queue.buffering.max.messages", "1000000").set("linger.ms", "20");
    if one_per_batch {
        conf.set("batch.num.messages", "1").set("linger.ms", "0");
    }
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    let mut pending = Vec::with_capacity(n);
    for i in 0..n {
        let e = make(i);
        let json = e.to_json();
        let record = FutureRecord::to(topic).key(e.session_id.as_bytes()).payload(&json);
        pending.push(common::enqueue(&producer, record).await);
    }
    for f in pending {
        f.await.unwrap().map_err(|(e, _)| e).unwrap();
    }
    // The memory engine's high watermark is its last batch's base offset + 1: end every
    // partition with a one-record batch.
    let mut conf = kafka.producer_config();
    conf.set("batch.num.messages", "1").set("linger.ms", "0");
    let sealer: FutureProducer = kafka.create(&conf).unwrap();
    for p in 0..partitions {
        let json = make(n + p as usize).to_json();
        let record = FutureRecord::<[u8], [u8]>::to(topic).payload(&json).partition(p);
        sealer.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run());
}

async fn run() {
    let (n, partitions, rounds) = (args().events, args().partitions as i32, args().rounds);
    let (docs, queries) = (args().query_docs, args().queries);
    let dir = tempfile::tempdir().unwrap();
    if n > 0 {
        let since = chrono::Utc::now() - chrono::Duration::seconds(5);
        let (broker, kafka, total) = loaded(n, partitions, false).await;
        produce_to(&kafka, STREAM_EVENTS, stream_event, n, partitions, false).await;
        println!("produced {total} CHAT_MESSAGE events (~40 words) and {total} stream events on {partitions} partitions each");
        println!("| round | plain read | `chatctl replay -o json > /dev/null` | replay --into training --rebuild (SQLite) | replay --into search --rebuild | ratio (plain / search rebuild) | plain read, stream-events | replay --into analytics --rebuild (SQLite) | ratio (plain / analytics) |");
        println!("|---|---|---|---|---|---|---|---|---|");
        for round in 1..=rounds {
            let plain = plain_read(&kafka, CHAT_EVENTS, partitions, total).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let since = since.to_rfc3339();
            let replay_of = |topic: &str, extra: &[&str], path: Option<std::ffi::OsString>| {
                let t = Instant::now();
                let out = common::chatctl()
                    .args(["replay", "-b", &broker.addr, "--topic", topic, "--since", &since])
                    .args(extra)
                    .args(path)
                    .stdout(std::process::Stdio::null())
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                t.elapsed()
            };
            let replay = |extra: &[&str], path: Option<std::ffi::OsString>| replay_of("chat-events", extra, path);
            let print = replay(&["-o", "json"], None);
            tokio::time::sleep(Duration::from_secs(2)).await;
            let store = format!("sqlite://{}", dir.path().join("training.db").display());
            let training = replay(&["--into", "training", "--rebuild", "--audit-url"], Some(store.into()));
            tokio::time::sleep(Duration::from_secs(2)).await;
            let index = dir.path().join("index");
            let rebuild = replay(&["--into", "search", "--rebuild", "--search-index"], Some(index.clone().into()));
            let count = SearchReader::open(&index).unwrap().count().unwrap();
            assert_eq!(count, total, "the rebuilt index holds every message");
            tokio::time::sleep(Duration::from_secs(2)).await;
            let plain_stream = plain_read(&kafka, STREAM_EVENTS, partitions, total).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let store = format!("sqlite://{}", dir.path().join("analytics.db").display());
            let analytics =
                replay_of("stream-events", &["--into", "analytics", "--rebuild", "--audit-url"], Some(store.into()));
            println!(
                "| {round} | {:.2}s = {:.0}/s | {:.2}s | {:.2}s | {:.2}s = {:.0}/s | {:.2} | {:.2}s | {:.2}s | {:.2} |",
                plain.as_secs_f64(),
                total as f64 / plain.as_secs_f64(),
                print.as_secs_f64(),
                training.as_secs_f64(),
                rebuild.as_secs_f64(),
                total as f64 / rebuild.as_secs_f64(),
                plain.as_secs_f64() / rebuild.as_secs_f64(),
                plain_stream.as_secs_f64(),
                analytics.as_secs_f64(),
                plain_stream.as_secs_f64() / analytics.as_secs_f64()
            );
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
    let live_rounds = args().live_rounds;
    if n > 0 && live_rounds > 0 {
        live(n, partitions, live_rounds, dir.path()).await;
    }
    if docs > 0 {
        let path = dir.path().join("big");
        let t = Instant::now();
        let index = SearchIndex::rebuild(&path).unwrap();
        for i in 0..docs {
            index.add_bulk(&message(i)).await.unwrap();
        }
        index.finish().await.unwrap();
        println!("indexed {docs} documents in {:.1}s", t.elapsed().as_secs_f64());
        let reader = SearchReader::open(&path).unwrap();
        assert_eq!(reader.count().unwrap(), docs);
        let mut times = Vec::with_capacity(queries);
        for q in 0..queries {
            let word = WORDS[q % 32];
            let user = format!("user-{}", (q * 7) % 100);
            let t = Instant::now();
            let hits = reader.search(word, None, Some(&user), 20).unwrap();
            times.push(t.elapsed());
            assert!(!hits.is_empty() && hits.iter().all(|h| h.user_id == user));
        }
        times.sort();
        let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)].as_secs_f64() * 1000.0;
        println!(
            "| {queries} one-word queries narrowed to a user, {docs} documents, limit 20 | p50 {:.2} ms | p99 {:.2} ms | max {:.2} ms |",
            pct(0.5),
            pct(0.99),
            times.last().unwrap().as_secs_f64() * 1000.0
        );
    }
}
