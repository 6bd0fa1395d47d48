//! The operator commands' costs, against a plain consumer on the same broker in the same run
//! (tansu memory engine: headers on the SQLite engine cost a full header-table scan per
//! record, see README "Broker notes"):
//!
//!   cargo bench --bench operator_tuis -- [--letters N] [--rounds R] [--idle SECS]
//!
//! 1. `chatctl dlq list -o json > /dev/null` over N dead letters (8 DLQ headers each, as the
//!    workers write them) vs a plain consumer reading the same topic with chatctl's reader
//!    settings, rounds interleaved;
//! 2. the TUIs idle on a screen (`lag --watch`, `dlq tail`, in tmux): their CPU and the
//!    broker's over SECS, from /proc.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use chatctl::kafka::KafkaSettings;
use chatctl::workers::dlq as h;
use common::{Broker, Engine};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Offset, TopicPartitionList};

const DLQ: &str = "stream-events.dlq";

/// `cargo bench --bench operator_tuis -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Dead letters in the DLQ
    #[arg(long, default_value_t = 100_000)]
    letters: usize,
    /// Rounds of each measurement
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Seconds of idle CPU measured
    #[arg(long, default_value_t = 30)]
    idle: usize,
}

support::parsed_once!(Args);

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run());
}

fn letter(i: usize) -> (String, String, OwnedHeaders) {
    let payload = format!(
        "{{\"eventId\":\"e-{i}\",\"eventType\":\"CHUNK_RECEIVED\",\"sessionId\":\"s-{}\",\"payload\":{{\"chunkIndex\":{}}}}}",
        i / 100,
        i % 100
    );
    let (p, o) = ((i % 12).to_string(), (i / 12).to_string());
    let headers = [
        (h::ORIGINAL_TOPIC, "stream-events"),
        (h::ORIGINAL_PARTITION, p.as_str()),
        (h::ORIGINAL_OFFSET, o.as_str()),
        (h::ORIGINAL_TIMESTAMP, "1764400000000"),
        (h::WORKER, "chatctl-audit"),
        (h::ERROR_CLASS, "store"),
        (h::ERROR_MESSAGE, "UNIQUE constraint failed: audit.event_id"),
        (h::ATTEMPTS, "5"),
    ]
    .iter()
    .fold(OwnedHeaders::new(), |hs, (k, v)| hs.insert(Header { key: k, value: Some(*v) }));
    (format!("s-{}", i / 100), payload, headers)
}

async fn fill(kafka: &KafkaSettings, n: usize) {
    let mut conf = kafka.producer_config();
    conf.set("queue.buffering.max.messages", "1000000").set("linger.ms", "20");
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    let mut pending = Vec::with_capacity(n);
    for i in 0..n - 1 {
        let (k, v, hs) = letter(i);
        pending.push(common::enqueue(&producer, FutureRecord::to(DLQ).key(&k).payload(&v).headers(hs)).await);
    }
    for f in pending {
        f.await.unwrap().map_err(|(e, _)| e).unwrap();
    }
    // A one-record last batch: the memory engine's high watermark is the last batch's
    // base offset + 1.
    let (k, v, hs) = letter(n - 1);
    producer
        .send(FutureRecord::to(DLQ).key(&k).payload(&v).headers(hs), Duration::from_secs(10))
        .await
        .map_err(|(e, _)| e)
        .unwrap();
}

/// Read the whole DLQ with chatctl's reader settings; records read and the time taken.
/// With `emit`, also what `kcat -J` would print: each record's key, value and headers as a
/// JSON line (into a buffer, as `dlq list` builds its output before writing it).
fn plain_consumer(kafka: &KafkaSettings, emit: bool) -> (usize, Duration) {
    let started = Instant::now();
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config()).unwrap();
    let (low, high) = consumer.fetch_watermarks(DLQ, 0, Duration::from_secs(10)).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(DLQ, 0, Offset::Offset(low)).unwrap();
    consumer.assign(&tpl).unwrap();
    let mut read = 0;
    let mut out: Vec<u8> = Vec::new();
    loop {
        if let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) {
            use rdkafka::message::Headers;
            use rdkafka::Message;
            read += 1;
            if emit {
                let headers: serde_json::Map<String, serde_json::Value> = m
                    .headers()
                    .map(|h| {
                        h.iter()
                            .map(|h| (h.key.to_string(), String::from_utf8_lossy(h.value.unwrap_or_default()).into()))
                            .collect()
                    })
                    .unwrap_or_default();
                let line = serde_json::json!({
                    "topic": m.topic(), "partition": m.partition(), "offset": m.offset(),
                    "key": m.key().map(String::from_utf8_lossy),
                    "payload": m.payload().map(String::from_utf8_lossy),
                    "headers": headers,
                });
                serde_json::to_writer(&mut out, &line).unwrap();
                out.push(b'\n');
            }
            if m.offset() + 1 >= high {
                break;
            }
        }
    }
    let elapsed = started.elapsed();
    std::thread::spawn(move || drop(consumer));
    (read, elapsed)
}

/// `dlq list -o json > FILE` (a file, as `> /dev/null` would be, but countable after):
/// the lines written and the whole process's time.
fn dlq_list(addr: &str) -> (usize, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letters.jsonl");
    let file = std::fs::File::create(&path).unwrap();
    let started = Instant::now();
    let out = common::chatctl().args(["-b", addr, "dlq", "list", "-o", "json"]).stdout(file).output().unwrap();
    let elapsed = started.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = std::fs::read(&path).unwrap().iter().filter(|b| **b == b'\n').count();
    (lines, elapsed)
}

fn tansu_pid(port: u16) -> u32 {
    support::pid_of(&format!("tansu broker .*127.0.0.1:{port}"))
}

/// CPU (% of a core) of a TUI idle in tmux for `secs`, and of the broker meanwhile.
fn idle_tui(addr: &str, port: u16, args: &str, secs: u64) -> (f64, f64) {
    let socket = format!("chatctl-bench-{}", std::process::id());
    let bin = env!("CARGO_BIN_EXE_chatctl");
    let cmd = format!("{bin} -b {addr} {args}");
    let tmux = |a: &[&str]| Command::new("tmux").args(["-L", &socket]).args(a).env_remove("TMUX").output().unwrap();
    tmux(&["new-session", "-d", "-s", "bench", "-x", "160", "-y", "40", &cmd]);
    let pid = support::pid_of(&format!("{bin} -b {addr} {args}"));
    let broker = tansu_pid(port);
    std::thread::sleep(Duration::from_secs(5)); // settle: first polls, first draw
    let tick = 100.0; // USER_HZ
    let (a0, b0, t0) = (support::cpu_ticks(pid), support::cpu_ticks(broker), Instant::now());
    std::thread::sleep(Duration::from_secs(secs));
    let (a1, b1, dt) = (support::cpu_ticks(pid), support::cpu_ticks(broker), t0.elapsed().as_secs_f64());
    tmux(&["send-keys", "-t", "bench", "q"]);
    std::thread::sleep(Duration::from_millis(500));
    tmux(&["kill-server"]);
    ((a1 - a0) as f64 / tick / dt * 100.0, (b1 - b0) as f64 / tick / dt * 100.0)
}

async fn run() {
    let n = args().letters;
    let rounds = args().rounds;
    let idle = args().idle as u64;
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(12).await;
    let kafka = broker.kafka();
    let t = Instant::now();
    fill(&kafka, n).await;
    println!("{n} dead letters produced in {:.1}s", t.elapsed().as_secs_f64());
    tokio::time::sleep(Duration::from_secs(2)).await;

    println!("| round | plain consumer s | plain + JSON lines (kcat -J) s | `dlq list -o json` s | ratio plain / dlq list | ratio plain+JSON / dlq list |");
    println!("|---|---|---|---|---|---|");
    let (mut ratios, mut ratios_json) = (Vec::new(), Vec::new());
    for r in 1..=rounds {
        let k = kafka.clone();
        let (read, plain) = tokio::task::spawn_blocking(move || plain_consumer(&k, false)).await.unwrap();
        assert_eq!(read, n);
        tokio::time::sleep(Duration::from_secs(2)).await;
        let k = kafka.clone();
        let (read, json) = tokio::task::spawn_blocking(move || plain_consumer(&k, true)).await.unwrap();
        assert_eq!(read, n);
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (lines, list) = dlq_list(&broker.addr);
        assert_eq!(lines, n);
        tokio::time::sleep(Duration::from_secs(2)).await;
        let ratio = plain.as_secs_f64() / list.as_secs_f64();
        let ratio_json = json.as_secs_f64() / list.as_secs_f64();
        ratios.push(ratio);
        ratios_json.push(ratio_json);
        println!(
            "| {r} | {:.2} | {:.2} | {:.2} | {ratio:.2} | {ratio_json:.2} |",
            plain.as_secs_f64(),
            json.as_secs_f64(),
            list.as_secs_f64()
        );
    }
    ratios.sort_by(f64::total_cmp);
    ratios_json.sort_by(f64::total_cmp);
    println!(
        "median ratios: {:.2} (plain), {:.2} (plain + JSON)",
        ratios[ratios.len() / 2],
        ratios_json[ratios_json.len() / 2]
    );

    // A group with offsets, for the lag screen to show.
    let c: BaseConsumer = kafka.create(&kafka.consumer_config("chatctl-audit")).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(DLQ, 0, Offset::Offset(10)).unwrap();
    c.commit(&tpl, rdkafka::consumer::CommitMode::Sync).unwrap();
    let (_, broker_alone) = {
        let pid = tansu_pid(broker.port);
        let (b0, t0) = (support::cpu_ticks(pid), Instant::now());
        std::thread::sleep(Duration::from_secs(idle));
        (0.0, (support::cpu_ticks(pid) - b0) as f64 / 100.0 / t0.elapsed().as_secs_f64() * 100.0)
    };
    println!();
    println!("| idle {idle} s on a screen | chatctl CPU % of a core | tansu CPU % |");
    println!("|---|---|---|");
    println!("| (nothing running) | - | {broker_alone:.1} |");
    for args in ["lag --watch", "dlq tail"] {
        let (tui, b) = idle_tui(&broker.addr, broker.port, args, idle);
        println!("| `{args}` | {tui:.1} | {b:.1} |");
    }
}
