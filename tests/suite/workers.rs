//! The worker framework and the audit/analytics workers against real tansu (sqlite
//! engine), real PostgreSQL and SQLite stores.

use crate::common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatctl::events::{examples, Event, Payload, StreamCompleted, StreamError, CHAT_EVENTS, STREAM_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::metrics::Metrics;
use chatctl::store::Store;
use chatctl::workers::{self, dlq, Handler, HandlerError, Record, WorkerOptions};
use chrono::{DateTime, Utc};
use common::{produce, read_topic, Broker, Engine, Postgres};
use futures_util::future::BoxFuture;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Offset, TopicPartitionList};

fn fast_opts() -> WorkerOptions {
    WorkerOptions {
        max_attempts: 4,
        base_backoff: Duration::from_millis(50),
        max_backoff: Duration::from_millis(400),
        commit_interval: Duration::from_millis(200),
        ..WorkerOptions::default()
    }
}

async fn produce_raw(kafka: &KafkaSettings, topic: &str, key: &str, value: &[u8]) -> i64 {
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    let d = producer
        .send(FutureRecord::to(topic).key(key).payload(value), Duration::from_secs(10))
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    d.offset
}

fn committed(kafka: &KafkaSettings, group: &str, topic: &str, partition: i32) -> i64 {
    common::committed(kafka, group, topic, partition + 1)[partition as usize]
}

async fn eventually(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A handler scripted per message id: how many times to fail before succeeding.
struct Scripted {
    fail_first: HashMap<String, u32>,
    always_fail: Vec<String>,
    slow: Duration,
    attempts: Mutex<HashMap<String, u32>>,
    handled: Mutex<Vec<String>>,
}

impl Scripted {
    fn new() -> Self {
        Scripted {
            fail_first: HashMap::new(),
            always_fail: Vec::new(),
            slow: Duration::ZERO,
            attempts: Mutex::default(),
            handled: Mutex::default(),
        }
    }
}

impl Handler for Scripted {
    fn name(&self) -> &'static str {
        "test-scripted"
    }
    fn topics(&self) -> Vec<String> {
        vec![STREAM_EVENTS.into()]
    }
    fn handle<'a>(&'a self, event: &'a Event, _rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let id = event.payload.message_id().to_string();
            let n = {
                let mut a = self.attempts.lock().unwrap();
                let n = a.entry(id.clone()).or_insert(0);
                *n += 1;
                *n
            };
            if !self.slow.is_zero() {
                tokio::time::sleep(self.slow).await;
            }
            if self.always_fail.contains(&id) {
                return Err(HandlerError::Transient(format!("{id} always fails")));
            }
            if n <= self.fail_first.get(&id).copied().unwrap_or(0) {
                return Err(HandlerError::Transient(format!("{id} attempt {n} fails")));
            }
            self.handled.lock().unwrap().push(id);
            Ok(())
        })
    }
}

fn chunk(message: &str, i: u32) -> Event {
    Event::new(
        "s-1",
        "n",
        Payload::ChunkReceived(chatctl::events::ChunkReceived {
            message_id: message.into(),
            chunk_index: i,
            content_length: 1,
            latency_ms: 1,
            folded: Vec::new(),
        }),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn retries_then_dead_letters_without_moving_the_offset_early() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    // m0 ok; m1 fails twice then succeeds; m2 always fails (DLQ); then an undecodable
    // record (DLQ at once); m3 ok after all of them.
    produce(&kafka, &[chunk("m0", 0), chunk("m1", 0), chunk("m2", 0)]).await;
    let bad_offset = produce_raw(&kafka, STREAM_EVENTS, "s-1", b"{definitely not json").await;
    produce(&kafka, &[chunk("m3", 0)]).await;

    let mut h = Scripted::new();
    h.fail_first.insert("m1".into(), 2);
    h.always_fail.push("m2".into());
    let h = Arc::new(h);
    let mut opts = fast_opts();
    // Slow retries so the test can look at the committed offset while m1 is failing.
    opts.base_backoff = Duration::from_millis(600);
    opts.max_backoff = Duration::from_millis(600);
    let metrics = Arc::new(Metrics::default());
    let worker = workers::start(&kafka, h.clone(), opts, metrics.clone()).unwrap();

    eventually("m1 failing", Duration::from_secs(30), || {
        h.attempts.lock().unwrap().get("m1").copied().unwrap_or(0) >= 1
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let k = kafka.clone();
    let c = tokio::task::spawn_blocking(move || committed(&k, "test-scripted", STREAM_EVENTS, 0)).await.unwrap();
    assert!(c <= 1, "offset moved past the failing record (committed {c})");

    eventually("m3 handled", Duration::from_secs(60), || h.handled.lock().unwrap().contains(&"m3".to_string())).await;
    assert_eq!(*h.handled.lock().unwrap(), ["m0", "m1", "m3"], "order kept, m2 skipped after the DLQ");
    assert_eq!(h.attempts.lock().unwrap()["m1"], 3);
    assert_eq!(h.attempts.lock().unwrap()["m2"], 4, "max_attempts");

    let k = kafka.clone();
    eventually("all committed", Duration::from_secs(20), || committed(&k, "test-scripted", STREAM_EVENTS, 0) == 5)
        .await;
    worker.stop().await;

    let k = kafka.clone();
    let dead = tokio::task::spawn_blocking(move || dlq_records(&k, "stream-events.dlq")).await.unwrap();
    assert_eq!(dead.len(), 2, "{dead:?}");
    let h2 = &dead[0];
    assert_eq!(h2[dlq::ORIGINAL_TOPIC], "stream-events");
    assert_eq!(h2[dlq::ORIGINAL_PARTITION], "0");
    assert_eq!(h2[dlq::ORIGINAL_OFFSET], "2");
    assert!(!h2[dlq::ORIGINAL_TIMESTAMP].is_empty());
    assert_eq!(h2[dlq::WORKER], "test-scripted");
    assert_eq!(h2[dlq::ERROR_CLASS], "transient");
    assert!(h2[dlq::ERROR_MESSAGE].contains("m2 always fails"));
    assert_eq!(h2[dlq::ATTEMPTS], "4");
    assert_eq!(h2["key"], "s-1");
    let bad = &dead[1];
    assert_eq!(bad[dlq::ORIGINAL_OFFSET], bad_offset.to_string());
    assert_eq!(bad[dlq::ERROR_CLASS], "decode:not_json");
    assert_eq!(bad[dlq::ATTEMPTS], "1");
    assert_eq!(bad["value"], "{definitely not json");
    let m = metrics.render();
    assert!(m.contains(r#"chatctl_worker_dead_lettered_total{worker="test-scripted"} 2"#), "{m}");
    assert!(m.contains(r#"chatctl_worker_retried_total{worker="test-scripted"} 5"#), "{m}");
}

/// DLQ records as header maps (plus "key" and "value").
fn dlq_records(kafka: &KafkaSettings, topic: &str) -> Vec<HashMap<String, String>> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::message::Headers;
    use rdkafka::Message;
    let (_, high) = {
        let c: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
        c.fetch_watermarks(topic, 0, Duration::from_secs(10)).unwrap()
    };
    let c: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, 0, Offset::Beginning).unwrap();
    c.assign(&tpl).unwrap();
    let mut out = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while (out.len() as i64) < high {
        assert!(Instant::now() < deadline);
        if let Some(m) = c.poll(Duration::from_millis(200)) {
            let m = m.unwrap();
            let mut map = HashMap::new();
            if let Some(h) = m.headers() {
                for h in h.iter() {
                    map.insert(h.key.to_string(), String::from_utf8_lossy(h.value.unwrap_or_default()).into_owned());
                }
            }
            map.insert("key".into(), String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned());
            map.insert("value".into(), String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned());
            out.push(map);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_slow_handler_does_not_get_the_consumer_kicked_out() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    produce(&kafka, &(0..4).map(|i| chunk(&format!("slow{i}"), i)).collect::<Vec<_>>()).await;
    let mut h = Scripted::new();
    // Each record takes longer than max.poll.interval.ms: a handler run inside the poll
    // loop would be kicked out of the group after the first one.
    h.slow = Duration::from_millis(2500);
    let h = Arc::new(h);
    let mut opts = fast_opts();
    opts.consumer_props = vec![
        ("max.poll.interval.ms".into(), "2000".into()),
        ("session.timeout.ms".into(), "2000".into()),
        ("heartbeat.interval.ms".into(), "300".into()),
    ];
    let metrics = Arc::new(Metrics::default());
    let worker = workers::start(&kafka, h.clone(), opts, metrics.clone()).unwrap();
    eventually("all slow records handled", Duration::from_secs(40), || h.handled.lock().unwrap().len() == 4).await;
    let attempts = h.attempts.lock().unwrap().clone();
    assert!(attempts.values().all(|n| *n == 1), "records redelivered after a rebalance: {attempts:?}");
    let m = metrics.render();
    assert!(!m.contains("chatctl_worker_revokes_total{"), "the consumer lost its partitions:\n{m}");
    let k = kafka.clone();
    eventually("committed", Duration::from_secs(20), || committed(&k, "test-scripted", STREAM_EVENTS, 0) == 4).await;
    worker.stop().await;
}

fn at(ts: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(ts).unwrap().with_timezone(&Utc)
}

/// Known data for the seed's three queries.
fn known_events() -> Vec<Event> {
    let mut out = Vec::new();
    let ex = examples();
    let started = |user: &str, msg: &str| {
        let Payload::SessionStarted(mut s) = ex[1].clone() else { unreachable!() };
        s.user_id = user.into();
        s.message_id = msg.into();
        Payload::SessionStarted(s)
    };
    let done = |msg: &str, latency: u64| {
        Payload::StreamCompleted(StreamCompleted {
            message_id: msg.into(),
            conversation_id: "c".into(),
            total_chunks: 3,
            content_length: 30,
            total_latency_ms: latency,
            tokens_used: 5,
        })
    };
    let err = |msg: &str| {
        Payload::StreamError(StreamError {
            message_id: msg.into(),
            error: "upstream timed out".into(),
            error_code: "TIMEOUT_ERROR".into(),
            chunk_index: Some(1),
        })
    };
    // alice: two sessions in the window, one before it. bob: one.
    out.push(Event::at(at("2024-01-10T09:00:00Z"), "sA0", "node-1", started("alice", "a0")));
    out.push(Event::at(at("2024-01-15T10:00:00Z"), "sA1", "node-1", started("alice", "a1")));
    out.push(Event::at(at("2024-01-15T10:00:02Z"), "sA1", "node-1", done("a1", 1000)));
    out.push(Event::at(at("2024-01-15T11:00:00Z"), "sA2", "node-2", started("alice", "a2")));
    out.push(Event::at(at("2024-01-15T11:00:03Z"), "sA2", "node-2", done("a2", 3000)));
    out.push(Event::at(at("2024-01-15T11:10:00Z"), "sA2", "node-2", started("alice", "a3")));
    out.push(Event::at(at("2024-01-15T11:10:01Z"), "sA2", "node-2", err("a3")));
    out.push(Event::at(at("2024-01-15T11:30:00Z"), "sB1", "node-1", started("bob", "b1")));
    out.push(Event::at(at("2024-01-15T11:30:04Z"), "sB1", "node-1", done("b1", 2000)));
    out.push(Event::at(at("2024-01-15T11:59:00Z"), "sB1", "node-1", err("b1")));
    out
}

async fn check_seed_queries(store: &Store) {
    let since = at("2024-01-15T00:00:00Z").timestamp_millis();
    let sessions = store.user_sessions("alice", since).await.unwrap();
    let ids: Vec<&str> = sessions.iter().map(|s| s.session_id.as_str()).collect();
    assert_eq!(ids, ["sA1", "sA2"]);
    assert_eq!((sessions[1].streams, sessions[1].events, sessions[1].errors), (2, 4, 1));

    let lat = store.node_latency(since, at("2024-01-16T00:00:00Z").timestamp_millis()).await.unwrap();
    assert_eq!(lat.len(), 2);
    assert_eq!((lat[0].node_id.as_str(), lat[0].streams, lat[0].avg_latency_ms), ("node-1", 2, 1500.0));
    assert_eq!((lat[1].node_id.as_str(), lat[1].streams, lat[1].avg_latency_ms), ("node-2", 1, 3000.0));

    // "Errors in the last hour" at 12:00: both errors; at 11:30 window start only bob's.
    let errs = store
        .errors(at("2024-01-15T11:00:00Z").timestamp_millis(), at("2024-01-15T12:00:00Z").timestamp_millis())
        .await
        .unwrap();
    assert_eq!(errs.iter().map(|e| e.message_id.as_str()).collect::<Vec<_>>(), ["a3", "b1"]);
    assert_eq!(errs[0].error_code, "TIMEOUT_ERROR");
    let errs = store
        .errors(at("2024-01-15T11:30:00Z").timestamp_millis(), at("2024-01-15T12:30:00Z").timestamp_millis())
        .await
        .unwrap();
    assert_eq!(errs.len(), 1);
}

/// The training store on this backend: a message written twice is one row, an answer
/// pairs with the prompt it replies to, and an answer to an unknown prompt pairs with none.
async fn check_training_pairs(store: &Store) {
    use chatctl::store::TrainingMessage;
    let m = |id: &str, ts: i64, role: &str, content: &str, reply_to: Option<&str>| TrainingMessage {
        event_id: format!("ev-{id}"),
        ts_ms: ts,
        conversation_id: "c1".into(),
        message_id: id.into(),
        role: role.into(),
        content: content.into(),
        reply_to: reply_to.map(Into::into),
    };
    for row in [
        m("u1", 1_000, "user", "what is kafka?", None),
        m("a1", 2_000, "assistant", "a log", Some("u1")),
        m("a1", 2_000, "assistant", "a log", Some("u1")),
        m("a2", 3_000, "assistant", "orphan", Some("nope")),
    ] {
        store.training_message(row).await.unwrap();
    }
    let pairs = store.training_pairs(0, i64::MAX).await.unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].prompt.as_str(), pairs[0].completion.as_str()), ("what is kafka?", "a log"));
    assert!(store.training_pairs(2_001, i64::MAX).await.unwrap().is_empty());
    store.clear_training().await.unwrap();
    assert!(store.training_pairs(0, i64::MAX).await.unwrap().is_empty());
}

async fn run_audit_on(store_url: &str) {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let events = known_events();
    produce(&kafka, &events).await;
    // The same events again: a redelivery must not duplicate anything.
    produce(&kafka, &events).await;
    let store = Store::open(store_url).await.unwrap();
    let metrics = Arc::new(Metrics::default());
    let audit = workers::start(
        &kafka,
        Arc::new(chatctl::workers::audit::Audit { store: store.clone() }),
        fast_opts(),
        metrics.clone(),
    )
    .unwrap();
    let analytics = workers::start(
        &kafka,
        Arc::new(chatctl::workers::analytics::Analytics { store: store.clone(), metrics: metrics.clone() }),
        fast_opts(),
        metrics.clone(),
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let m = metrics.render();
        if m.contains(r#"chatctl_worker_processed_total{worker="chatctl-audit"} 20"#)
            && m.contains(r#"chatctl_worker_processed_total{worker="chatctl-analytics"} 20"#)
        {
            break;
        }
        assert!(Instant::now() < deadline, "workers did not process everything:\n{m}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    audit.stop().await;
    analytics.stop().await;
    assert_eq!(store.audit_counts().await.unwrap(), (10, 10));
    check_seed_queries(&store).await;
    check_training_pairs(&store).await;

    let minutes = store
        .minutes(at("2024-01-15T00:00:00Z").timestamp_millis(), at("2024-01-16T00:00:00Z").timestamp_millis())
        .await
        .unwrap();
    let n1: Vec<_> = minutes.iter().filter(|m| m.node_id == "node-1").collect();
    assert_eq!(n1.iter().map(|m| m.streams).sum::<i64>(), 2);
    assert_eq!(n1.iter().map(|m| m.errors).sum::<i64>(), 1);
    let ten =
        n1.iter().find(|m| m.streams == 1 && m.minute_ms == at("2024-01-15T10:00:00Z").timestamp_millis()).unwrap();
    assert_eq!((ten.avg_latency_ms, ten.p95_latency_ms), (Some(1000.0), Some(1000)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn audit_and_analytics_answer_the_seed_queries_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    run_audit_on(&format!("sqlite://{}/audit.db", dir.path().display())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn audit_and_analytics_answer_the_seed_queries_on_postgres() {
    let pg = Postgres::start();
    run_audit_on(&pg.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_mid_backlog_loses_and_duplicates_nothing() {
    // 100,000 again: see faults.rs.
    const N: usize = 100_000;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let pg = Postgres::start();
    let events: Vec<Event> = common::example_events(N, 500);
    produce(&kafka, &events).await;

    let spawn = || {
        common::serve_worker("audit", &broker.addr, 0)
            // The restarted process keeps its identity (static membership), as under a
            // supervisor: it takes its partitions back at once.
            .args(["--instance-id", "w1", "--audit-url", &pg.url])
            .spawn()
            .unwrap()
    };
    let store = Store::open(&pg.url).await.unwrap();
    let mut first = spawn();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (rows, _) = store.audit_counts().await.unwrap();
        if rows >= (N / 5) as i64 {
            break;
        }
        assert!(Instant::now() < deadline, "worker too slow: {rows} rows");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill().unwrap(); // SIGKILL: no drain, no final commit
    first.wait().unwrap();
    let (at_kill, _) = store.audit_counts().await.unwrap();
    assert!(at_kill < N as i64, "killed too late to prove anything");

    let mut second = spawn();
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let (rows, distinct) = store.audit_counts().await.unwrap();
        assert_eq!(rows, distinct);
        if rows == N as i64 {
            break;
        }
        assert!(Instant::now() < deadline, "only {rows} of {N} events audited");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = std::process::Command::new("kill").args(["-TERM", &second.id().to_string()]).status();
    assert!(second.wait().unwrap().success());
    // Every produced eventId is there, exactly once.
    let k = kafka.clone();
    let produced: usize =
        tokio::task::spawn_blocking(move || read_topic(&k, CHAT_EVENTS).len() + read_topic(&k, STREAM_EVENTS).len())
            .await
            .unwrap();
    assert_eq!(produced, N);
    assert_eq!(store.audit_counts().await.unwrap(), (N as i64, N as i64));
}

/// Hangs (a stuck store call) on the messages in `hang_on` for `hold`, the first time only.
struct Hanging {
    hang_on: Vec<String>,
    hold: Duration,
    hung: Mutex<std::collections::HashSet<String>>,
    handled: Mutex<Vec<(i32, String)>>,
}

impl Handler for Hanging {
    fn name(&self) -> &'static str {
        "test-hanging"
    }
    fn topics(&self) -> Vec<String> {
        vec![STREAM_EVENTS.into()]
    }
    fn handle<'a>(&'a self, event: &'a Event, rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let id = event.payload.message_id().to_string();
            if self.hang_on.contains(&id) && self.hung.lock().unwrap().insert(id.clone()) {
                tokio::time::sleep(self.hold).await;
            }
            self.handled.lock().unwrap().push((rec.partition, id));
            Ok(())
        })
    }
}

/// A revoke whose drain times out: the stuck task is aborted, and the member never commits
/// the partition it lost — even when the stuck call would have finished later (which,
/// without the abort and the ownership check, marked it done and had the next periodic
/// commit overwrite the new owner's progress).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_revoke_whose_drain_times_out_never_commits_the_lost_partition() {
    const N: i64 = 200;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    for p in 0..2 {
        for i in 0..N {
            let payload = chunk(&format!("p{p}-m{i}"), i as u32).to_json();
            producer
                .send(FutureRecord::<(), _>::to(STREAM_EVENTS).partition(p).payload(&payload), Duration::from_secs(10))
                .await
                .map_err(|(e, _)| e)
                .unwrap();
        }
    }
    let mut opts = fast_opts();
    opts.drain_timeout = Duration::from_secs(1);
    // A small queue: a stuck task left running would hold only a few records, and its late
    // commit would visibly move the new owner's offset back.
    opts.partition_queue = 4;
    opts.consumer_props =
        vec![("session.timeout.ms".into(), "6000".into()), ("heartbeat.interval.ms".into(), "300".into())];
    // Member A hangs on the fourth record of both partitions for 8 s.
    let a = Arc::new(Hanging {
        hang_on: vec!["p0-m3".into(), "p1-m3".into()],
        hold: Duration::from_secs(8),
        hung: Mutex::default(),
        handled: Mutex::default(),
    });
    let metrics_a = Arc::new(Metrics::default());
    let worker_a = workers::start(&kafka, a.clone(), opts.clone(), metrics_a.clone()).unwrap();
    let k = kafka.clone();
    eventually("A commits up to the stuck records", Duration::from_secs(30), || {
        committed(&k, "test-hanging", STREAM_EVENTS, 0) == 3 && committed(&k, "test-hanging", STREAM_EVENTS, 1) == 3
    })
    .await;
    // Member B joins: A's partitions are revoked while its tasks are stuck.
    let b =
        Arc::new(Hanging { hang_on: vec![], hold: Duration::ZERO, hung: Mutex::default(), handled: Mutex::default() });
    let metrics_b = Arc::new(Metrics::default());
    let worker_b = workers::start(&kafka, b.clone(), opts, metrics_b).unwrap();
    eventually("B finishes a partition", Duration::from_secs(30), || {
        let h = b.handled.lock().unwrap();
        (0..2).any(|p| h.iter().filter(|(hp, _)| *hp == p).count() as i64 >= N - 3)
    })
    .await;
    let lost = {
        let h = b.handled.lock().unwrap();
        (0..2).find(|p| h.iter().filter(|(hp, _)| hp == p).count() as i64 >= N - 3).unwrap()
    };
    assert!(
        metrics_a.render().contains("chatctl_worker_drain_aborted_total{worker=\"test-hanging\"}"),
        "the drain timed out"
    );
    let k = kafka.clone();
    eventually("B commits the partition A lost", Duration::from_secs(20), || {
        committed(&k, "test-hanging", STREAM_EVENTS, lost) == N
    })
    .await;
    // Past the moment A's stuck calls would have returned, and several commit intervals on.
    tokio::time::sleep(Duration::from_secs(9)).await;
    assert_eq!(committed(&kafka, "test-hanging", STREAM_EVENTS, lost), N, "A committed a partition it no longer owns");
    let a_after: Vec<(i32, String)> = a.handled.lock().unwrap().iter().filter(|(p, _)| *p == lost).cloned().collect();
    assert!(!a_after.iter().any(|(_, id)| id.ends_with("-m3")), "A's aborted call never completed: {a_after:?}");
    worker_b.stop().await;
    worker_a.stop().await;
}
