//! Faults that must lose nothing, on real tansu (sqlite), real PostgreSQL and the real
//! `chatctl serve` worker process, each bounded in time and reporting its figures:
//! - PostgreSQL stopped mid-backlog: the worker waits (unavailable, never dead-lettered),
//!   then drains; rows == events, 0 records in the DLQ, lag back to 0, no restart.
//! - One row PostgreSQL refuses among good ones in the same batches: that record alone goes
//!   to the DLQ (class `record`), every good row is stored.

mod common;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chatctl::events::{examples, Event, Payload, StreamError, STREAM_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::store::Store;
use chatctl::workers::dlq as h;
use common::{chatctl, free_port, produce, read_records, Broker, Engine, Postgres};
use rdkafka::consumer::{BaseConsumer, Consumer};

struct Proc(Child);
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn audit_worker(broker: &Broker, pg: &Postgres, port: u16) -> Proc {
    Proc(
        chatctl()
            .args(["serve", "--role", "worker", "--workers", "audit", "--instance-id", "w1"])
            .args(["--listen", &format!("127.0.0.1:{port}"), "--audit-url", &pg.url, "-b", &broker.addr])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// A counter or gauge of the worker's /metrics (0 when absent).
async fn metric(port: u16, name: &str) -> f64 {
    let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/metrics")).await else { return 0.0 };
    let text = r.text().await.unwrap_or_default();
    text.lines()
        .filter(|l| l.starts_with(name) && l.contains("chatctl-audit"))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

fn dlq_len(kafka: &KafkaSettings) -> i64 {
    let c: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    ["chat-events.dlq", "stream-events.dlq"]
        .iter()
        .map(|t| {
            let (low, high) = c.fetch_watermarks(t, 0, Duration::from_secs(10)).unwrap();
            high - low
        })
        .sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_outage_pauses_the_worker_and_loses_nothing() {
    const N: usize = 30_000;
    const OUTAGE: Duration = Duration::from_secs(20);
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let pg = Postgres::start();
    let base = examples();
    let events: Vec<Event> =
        (0..N).map(|i| Event::new(format!("sess-{}", i % 300), "n", base[i % base.len()].clone())).collect();
    produce(&kafka, &events).await;
    let store = Store::open(&pg.url).await.unwrap();
    let port = free_port();
    let _worker = audit_worker(&broker, &pg, port);
    let started = Instant::now();
    loop {
        let (rows, _) = store.audit_counts().await.unwrap();
        if rows >= (N / 5) as i64 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "worker too slow: {rows} rows");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    pg.stop();
    let stopped = Instant::now();
    // The fault happened and was seen: the worker says it is waiting for the store.
    let mut waiting = 0.0;
    while stopped.elapsed() < OUTAGE {
        waiting = f64::max(waiting, metric(port, "chatctl_worker_unavailable{").await);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(waiting > 0.0, "the worker never reported the store unavailable");
    let retries = metric(port, "chatctl_worker_unavailable_retries_total").await;
    assert!(retries > 0.0);
    assert_eq!(dlq_len(&kafka), 0, "nothing dead-lettered during the outage");
    pg.start_again();
    let back = Instant::now();
    let store = Store::open(&pg.url).await.unwrap();
    loop {
        let (rows, distinct) = store.audit_counts().await.unwrap();
        assert_eq!(rows, distinct);
        if rows == N as i64 {
            break;
        }
        assert!(back.elapsed() < Duration::from_secs(180), "only {rows} of {N} events stored after the outage");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let drained = back.elapsed();
    assert_eq!(dlq_len(&kafka), 0, "0 records in the DLQ");
    // Lag back to 0 without a restart.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let out = chatctl()
            .args(["lag", "-b", &broker.addr, "-g", "chatctl-audit", "--exit-code", "--samples", "2"])
            .args(["--interval", "300ms", "-o", "json"])
            .output()
            .unwrap();
        let row: serde_json::Value = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .map(|l| serde_json::from_str(l).unwrap())
            .unwrap_or_default();
        if out.status.success() && row["lag"] == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "lag never back to 0: {row}");
    }
    assert_eq!(metric(port, "chatctl_worker_unavailable{").await, 0.0);
    eprintln!(
        "postgres outage: {N} events, store down {OUTAGE:?}, {retries} retries while down, \
         drained {:?} after it came back, 0 dead-lettered, rows == events",
        drained
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_poison_row_goes_alone_to_the_dlq() {
    const GOOD: usize = 1_000;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let pg = Postgres::start();
    let base = examples();
    let mut events: Vec<Event> =
        (0..GOOD).map(|i| Event::new(format!("sess-{}", i % 20), "n", base[i % base.len()].clone())).collect();
    // PostgreSQL refuses a NUL byte in TEXT (SQLSTATE 22021): the row's fault, not the
    // store's. In the middle of the backlog, so it shares batches with good rows.
    let poison = Event::new(
        "sess-poison",
        "n",
        Payload::StreamError(StreamError {
            message_id: "m-poison".into(),
            error: "upstream said \u{0} and stopped".into(),
            error_code: "UPSTREAM_ERROR".into(),
            chunk_index: None,
        }),
    );
    events.insert(GOOD / 2, poison.clone());
    produce(&kafka, &events).await;
    let port = free_port();
    let _worker = audit_worker(&broker, &pg, port);
    let store = Store::open(&pg.url).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (rows, _) = store.audit_counts().await.unwrap();
        let k = kafka.clone();
        let dead = tokio::task::spawn_blocking(move || dlq_len(&k)).await.unwrap();
        if rows == GOOD as i64 && dead == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "rows {rows}, dead letters {dead}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let k = kafka.clone();
    let dead = tokio::task::spawn_blocking(move || read_records(&k, "stream-events.dlq")).await.unwrap();
    assert_eq!(dead.len(), 1);
    let d = &dead[0];
    assert_eq!(d.headers[h::WORKER], "chatctl-audit");
    assert_eq!(d.headers[h::ERROR_CLASS], "record");
    assert_eq!(d.headers[h::ORIGINAL_TOPIC], STREAM_EVENTS);
    assert!(d.headers[h::ERROR_MESSAGE].contains("refused the row"), "{:?}", d.headers);
    assert_eq!(Event::decode(&d.value).unwrap().event_id, poison.event_id);
    // Give it a moment more: still exactly one, and the good rows all there.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(dlq_len(&kafka), 1);
    assert_eq!(store.audit_counts().await.unwrap(), (GOOD as i64, GOOD as i64));
    eprintln!("poison row: {GOOD} good rows stored, 1 record dead-lettered (class record)");
}
