//! The summary worker's backfill, against a plain consumer of the same topic and data in the
//! same run, and its effect on the audit worker when both run at once:
//!
//!   cargo bench --bench summary -- [--events N] [--partitions P] [--turns T]
//!
//! Data: N events on `chat-events` (tansu on SQLite, the default stack's engine: exact high
//! watermarks and fetches from any offset), conversations of T turns, each turn a
//! SESSION_STARTED, the user's message and the answer. Each worker gets a fresh SQLite
//! store; the built-in model writes the summaries (offline, instant: the worker and the
//! store are what is measured).

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chatctl::events::{ChatMessage, Event, Payload, Role, SessionStarted, CHAT_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::llm::builtin::BuiltinModel;
use chatctl::metrics::Metrics;
use chatctl::store::Store;
use chatctl::workers::{Handler, WorkerOptions};
use common::{Broker, Engine};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::producer::{FutureProducer, FutureRecord};

/// `cargo bench --bench summary -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Events in the data set
    #[arg(long, default_value_t = 100_000)]
    events: usize,
    /// Partitions of the topics
    #[arg(long, default_value_t = 12)]
    partitions: usize,
    /// Turns per conversation
    #[arg(long, default_value_t = 5)]
    turns: usize,
}

support::parsed_once!(Args);

fn main() {
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run());
}

/// `n` events of conversations of `turns` turns (3 events a turn).
async fn produce(kafka: &KafkaSettings, n: usize, turns: usize) {
    let mut conf = kafka.producer_config();
    conf.set("queue.buffering.max.messages", "1000000").set("linger.ms", "20");
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    let mut pending = Vec::with_capacity(n);
    for i in 0..n {
        let (turn, step) = (i / 3, i % 3);
        let conv = turn / turns;
        let session = format!("sess-{conv}");
        let (q, a) = (format!("{session}-q{turn}"), format!("{session}-a{turn}"));
        let user = format!("user-{}", conv % 100);
        let payload = match step {
            0 => Payload::SessionStarted(SessionStarted {
                user_id: user,
                message_id: a,
                conversation_id: format!("conv-{conv}"),
            }),
            1 => Payload::ChatMessage(ChatMessage {
                message_id: q,
                conversation_id: format!("conv-{conv}"),
                user_id: user,
                role: Role::User,
                content: format!("how do I read partition {} of the log from offset {turn}?", turn % 12),
                reply_to: None,
            }),
            _ => Payload::ChatMessage(ChatMessage {
                message_id: a,
                conversation_id: format!("conv-{conv}"),
                user_id: user,
                role: Role::Assistant,
                content: "seek the consumer to the offset, then poll: records come in order, each once per group"
                    .repeat(2),
                reply_to: Some(q),
            }),
        };
        let e = Event::new(session, "node-1", payload);
        let json = e.to_json();
        let record = FutureRecord::to(CHAT_EVENTS).key(e.session_id.as_bytes()).payload(&json);
        pending.push(common::enqueue(&producer, record).await);
    }
    for f in pending {
        f.await.unwrap().map_err(|(e, _)| e).unwrap();
    }
}

fn processed(metrics: &Metrics, worker: &str) -> usize {
    let prefix = format!("chatctl_worker_processed_total{{worker=\"{worker}\"}} ");
    metrics.render().lines().find_map(|l| l.strip_prefix(&prefix)).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
}

/// Start `handlers` together (each its own group) and time each one to `n` records, from its
/// first processed record (the group join, which tansu can hold for seconds, is not the
/// worker's rate).
async fn run_workers(kafka: &KafkaSettings, handlers: Vec<Arc<dyn Handler>>, n: usize, reset: bool) -> Vec<Duration> {
    let metrics = Arc::new(Metrics::default());
    let names: Vec<&'static str> = handlers.iter().map(|h| h.name()).collect();
    // Every run reads the whole log: groups an earlier run moved are set back to the start
    // (tansu then holds the next join for a while: a reset run is timed from its first
    // record, and the run that has to start its workers together uses new groups).
    let partitions = kafka
        .create::<BaseConsumer>(&kafka.reader_config())
        .unwrap()
        .fetch_metadata(Some(CHAT_EVENTS), Duration::from_secs(10))
        .unwrap()
        .topics()[0]
        .partitions()
        .len() as i32;
    for h in handlers.iter().filter(|_| reset) {
        for topic in h.topics() {
            let zero: Vec<(String, i32, i64)> = (0..partitions).map(|p| (topic.clone(), p, 0)).collect();
            chatctl::kafka::groups::commit(kafka, h.name(), &zero).unwrap();
        }
    }
    let workers: Vec<_> = handlers
        .into_iter()
        .map(|h| {
            let mut opts = WorkerOptions::default();
            if let Ok(d) = std::env::var("BENCH_RDKAFKA_DEBUG") {
                opts.consumer_props.push(("debug".into(), d));
            }
            chatctl::workers::start(kafka, h, opts, metrics.clone()).unwrap()
        })
        .collect();
    let mut first: Vec<Option<Instant>> = vec![None; names.len()];
    let mut done: Vec<Option<Duration>> = vec![None; names.len()];
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut report = Instant::now();
    while done.iter().any(Option::is_none) {
        assert!(Instant::now() < deadline, "workers stalled: {}", metrics.render());
        if report.elapsed() > Duration::from_secs(10) {
            report = Instant::now();
            let progress: Vec<String> =
                names.iter().map(|name| format!("{name} {}", processed(&metrics, name))).collect();
            eprintln!("  ... {}", progress.join(", "));
        }
        for (i, name) in names.iter().enumerate() {
            let p = processed(&metrics, name);
            if p > 0 && first[i].is_none() {
                first[i] = Some(Instant::now());
            }
            if p >= n && done[i].is_none() {
                done[i] = Some(first[i].unwrap().elapsed());
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    for w in workers {
        w.stop().await;
    }
    done.into_iter().map(Option::unwrap).collect()
}

async fn store(dir: &std::path::Path, name: &str) -> Store {
    Store::open(&format!("sqlite://{}/{name}.db", dir.display())).await.unwrap()
}

fn summary(store: Store) -> Arc<dyn Handler> {
    Arc::new(chatctl::workers::summary::Summary {
        store,
        llm: Arc::new(BuiltinModel::default()),
        model: "builtin".into(),
    })
}

fn rate(n: usize, d: Duration) -> String {
    format!("{:.2}s = {:.0}/s", d.as_secs_f64(), n as f64 / d.as_secs_f64())
}

async fn run() {
    let (n, partitions, turns) = (args().events, args().partitions as i32, args().turns);
    let n = n / 3 * 3;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(partitions).await;
    let kafka = broker.kafka();
    produce(&kafka, n, turns).await;
    println!(
        "produced {n} events ({} conversations of {turns} turns) on {partitions} partitions",
        (n / 3).div_ceil(turns)
    );
    let k = kafka.clone();
    let (read, plain) =
        tokio::task::spawn_blocking(move || common::plain_read(&k, CHAT_EVENTS, partitions)).await.unwrap();
    assert_eq!(read, n);
    tokio::time::sleep(Duration::from_secs(2)).await;

    let dir = tempfile::tempdir().unwrap();
    // Both at once first, while both groups are new: tansu holds the join of a group whose
    // earlier member left until that member's session times out, which would start one
    // worker long after the other. (Each run is timed from its first record.)
    let both = {
        let s = store(dir.path(), "both").await;
        run_workers(&kafka, vec![Arc::new(chatctl::workers::audit::Audit { store: s.clone() }), summary(s)], n, false)
            .await
    };
    tokio::time::sleep(Duration::from_secs(2)).await;
    let alone = run_workers(&kafka, vec![summary(store(dir.path(), "s1").await)], n, true).await[0];
    let summaries = store(dir.path(), "s1").await.summaries(None, None).await.unwrap();
    assert_eq!(summaries.len(), (n / 3).div_ceil(turns));
    tokio::time::sleep(Duration::from_secs(2)).await;
    let audit_alone = {
        let s = store(dir.path(), "a1").await;
        run_workers(&kafka, vec![Arc::new(chatctl::workers::audit::Audit { store: s })], n, true).await[0]
    };
    println!("| what | time, rate | ratio |");
    println!("|---|---|---|");
    println!("| plain consumer, {n} events | {} | 1.00 |", rate(n, plain));
    println!(
        "| summary worker backfill, alone | {} | {:.2} of the plain consumer |",
        rate(n, alone),
        plain.as_secs_f64() / alone.as_secs_f64()
    );
    println!(
        "| audit worker, alone | {} | {:.2} of the plain consumer |",
        rate(n, audit_alone),
        plain.as_secs_f64() / audit_alone.as_secs_f64()
    );
    println!(
        "| audit worker, summary worker backfilling beside it | {} | {:.2} of the audit worker alone |",
        rate(n, both[0]),
        audit_alone.as_secs_f64() / both[0].as_secs_f64()
    );
    println!(
        "| summary worker, beside the audit worker | {} | {:.2} of the summary worker alone |",
        rate(n, both[1]),
        alone.as_secs_f64() / both[1].as_secs_f64()
    );
}
