//! `chatctl stalls` over an hour of a busy fleet, against a plain read of the same range in
//! the same run:
//!
//!   cargo bench --bench stalls -- [--answers 100000] [--chunks 4] [--rounds 3]
//!
//! Data: `--answers` answers spread over the last 50 minutes, each a SESSION_STARTED,
//! `--chunks` CHUNK_RECEIVED 100 ms apart and a STREAM_COMPLETED on `stream-events`, and its
//! assistant CHAT_MESSAGE on `chat-events`; one answer in 100 is taken over (a
//! STREAM_RESUMED and a 3 s wait). Records carry their events' times, so `--since 1h`
//! resolves by time as on a real fleet. tansu on SQLite: its memory engine answers
//! offsets-for-times by the batches' write time, not the records' (BROKER.md).
//!
//! - `chatctl stalls --since 1h --min-gap 2s -o json` (the whole process: both topics' ranges
//!   resolved by time, every record read and decoded, the answers rebuilt, the waits found);
//! - the peer: a BaseConsumer with chatctl's bulk-read settings reading the same ranges
//!   and touching every payload, nothing decoded.
//!
//! Medians of `--rounds`; the ratio is the plain read's time over `stalls`' (≥ 0.8 is the
//! target: the analysis costs at most a quarter more than reading).

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::time::{Duration, Instant};

use chatctl::events::{
    ChatMessage, ChunkReceived, Event, Payload, Role, SessionStarted, StreamCompleted, StreamResumed, CHAT_EVENTS,
    STREAM_EVENTS,
};
use chatctl::kafka::KafkaSettings;
use common::{Broker, Engine};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};

/// `cargo bench --bench stalls -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Answers in the hour
    #[arg(long, default_value_t = 100_000)]
    answers: usize,
    /// Chunks per answer
    #[arg(long, default_value_t = 4)]
    chunks: u32,
    /// Rounds of each measurement (the median is reported)
    #[arg(long, default_value_t = 3)]
    rounds: usize,
}

fn main() {
    let args: Args = support::args();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run(args));
}

/// One answer's events, starting at `t0` (ms since the epoch).
fn answer(i: usize, chunks: u32, t0: i64) -> Vec<Event> {
    let at = |ms: i64| chrono::DateTime::from_timestamp_millis(ms).unwrap();
    let (session, message) = (format!("sess-{i}"), format!("msg-{i}"));
    let taken = i % 100 == 7;
    let node = |k: u32| if taken && k >= 2 { "node-2" } else { "node-1" };
    let mut out = vec![Event::at(
        at(t0),
        &session,
        "node-1",
        Payload::SessionStarted(SessionStarted {
            user_id: format!("user-{}", i % 1000),
            message_id: message.clone(),
            conversation_id: format!("conv-{i}"),
        }),
    )];
    let mut t = t0 + 300;
    for k in 0..chunks {
        if taken && k == 2 {
            t += 3_000;
            out.push(Event::at(
                at(t - 100),
                &session,
                "node-2",
                Payload::StreamResumed(StreamResumed {
                    message_id: message.clone(),
                    epoch: 1,
                    from_chunk: 2,
                    previous_node_id: Some("node-1".into()),
                }),
            ));
        }
        out.push(Event::at(
            at(t),
            &session,
            node(k),
            Payload::ChunkReceived(ChunkReceived {
                message_id: message.clone(),
                chunk_index: k,
                content_length: 12,
                latency_ms: (t - t0) as u64,
                folded: Vec::new(),
            }),
        ));
        t += 100;
    }
    let text = "twelve bytes".repeat(chunks as usize);
    out.push(Event::at(
        at(t),
        &session,
        node(chunks),
        Payload::StreamCompleted(StreamCompleted {
            message_id: message.clone(),
            conversation_id: format!("conv-{i}"),
            total_chunks: chunks,
            content_length: text.len() as u64,
            total_latency_ms: (t - t0) as u64,
            tokens_used: 0,
        }),
    ));
    out.push(Event::at(
        at(t),
        &session,
        node(chunks),
        Payload::ChatMessage(ChatMessage {
            message_id: message,
            conversation_id: format!("conv-{i}"),
            user_id: format!("user-{}", i % 1000),
            role: Role::Assistant,
            content: text,
            reply_to: None,
        }),
    ));
    out
}

/// Every record of both topics from the first at or after `since_ms`, payloads touched.
fn plain_read(kafka: &KafkaSettings, since_ms: i64) -> (usize, usize) {
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config()).unwrap();
    let mut tpl = TopicPartitionList::new();
    let mut ends = std::collections::HashMap::new();
    for topic in [STREAM_EVENTS, CHAT_EVENTS] {
        let md = consumer.fetch_metadata(Some(topic), Duration::from_secs(10)).unwrap();
        for p in md.topics()[0].partitions() {
            let (_, high) = consumer.fetch_watermarks(topic, p.id(), Duration::from_secs(10)).unwrap();
            if high > 0 {
                tpl.add_partition_offset(topic, p.id(), Offset::Offset(since_ms)).unwrap();
                ends.insert((topic.to_string(), p.id()), high);
            }
        }
    }
    let starts = consumer.offsets_for_times(tpl, Duration::from_secs(10)).unwrap();
    let mut assign = TopicPartitionList::new();
    let mut open = 0;
    for e in starts.elements() {
        let start = match e.offset() {
            Offset::Offset(o) => o,
            _ => continue,
        };
        if start < ends[&(e.topic().to_string(), e.partition())] {
            assign.add_partition_offset(e.topic(), e.partition(), Offset::Offset(start)).unwrap();
            open += 1;
        }
    }
    consumer.assign(&assign).unwrap();
    let (mut records, mut bytes) = (0usize, 0usize);
    let mut idle = 0;
    while open > 0 {
        match consumer.poll(Duration::from_secs(1)) {
            // tansu on SQLite takes a while to answer the first fetches of a large range.
            None if idle < 60 => idle += 1,
            Some(Ok(m)) => {
                idle = 0;
                records += 1;
                bytes += m.payload().map_or(0, |p| p.len());
                if m.offset() + 1 >= ends[&(m.topic().to_string(), m.partition())] {
                    open -= 1;
                }
            }
            Some(Err(e)) => panic!("{e}"),
            None => panic!("the plain read stalled with {open} partition(s) open"),
        }
    }
    (records, bytes)
}

async fn run(args: Args) {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(12).await;
    let kafka = broker.kafka();
    let now = chrono::Utc::now().timestamp_millis();
    let span = 50 * 60_000;
    let started = Instant::now();
    let mut total = 0;
    // In slices, so that the events of a few answers are held at a time.
    for from in (0..args.answers).step_by(10_000) {
        let events: Vec<Event> = (from..(from + 10_000).min(args.answers))
            .flat_map(|i| answer(i, args.chunks, now - span + (i as i64 * span / args.answers as i64)))
            .collect();
        total += events.len();
        common::produce(&kafka, &events).await;
    }
    eprintln!("stalls bench: {} answers, {total} events produced in {:.1?}", args.answers, started.elapsed());
    let expected = args.answers.div_ceil(100);

    let (mut ours, mut plain) = (Vec::new(), Vec::new());
    for round in 0..args.rounds {
        let k = kafka.clone();
        let since = now - 3_600_000;
        let (took, (records, _)) = tokio::task::spawn_blocking(move || {
            let t = Instant::now();
            let r = plain_read(&k, since);
            (t.elapsed(), r)
        })
        .await
        .unwrap();
        assert_eq!(records, total, "the plain read reads every record");
        plain.push(took);
        let t = Instant::now();
        let out = common::chatctl()
            .args(["-b", &broker.addr, "stalls", "--since", "1h", "--min-gap", "2s", "-o", "json"])
            .output()
            .unwrap();
        let took = t.elapsed();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let found = out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count();
        assert_eq!(
            found,
            expected,
            "every taken-over answer's wait, and only those: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ours.push(took);
        eprintln!("round {round}: stalls {took:.2?}, plain read {:.2?}", plain[round]);
    }
    let (o, p) = (support::median(ours), support::median(plain));
    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!("| what | time (median of {}) | events/s | ratio |", args.rounds);
    println!("|---|---|---|---|");
    println!("| plain read (BaseConsumer, same ranges) | {p:.2?} | {:.0} | 1.00 |", rate(p));
    println!(
        "| `chatctl stalls --since 1h --min-gap 2s` | {o:.2?} | {:.0} | {:.2} |",
        rate(o),
        p.as_secs_f64() / o.as_secs_f64()
    );
}
