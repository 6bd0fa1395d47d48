//! Faults that must lose nothing, on real tansu (sqlite), real PostgreSQL and the real
//! `chatctl serve` worker process, each bounded in time and reporting its figures:
//! - PostgreSQL stopped mid-backlog: the worker waits (unavailable, never dead-lettered),
//!   then drains; rows == events, 0 records in the DLQ, lag back to 0, no restart.
//! - One row PostgreSQL refuses among good ones in the same batches: that record alone goes
//!   to the DLQ (class `record`), every good row is stored.
//! - The broker down while 100 chats stream, the gateway killed -9 meanwhile: after both
//!   restart, every event the clients' chats produced is in Kafka (from the gateway's spool).
//! - SIGTERM while the broker is down: exit 0, the message says what was spooled, the next
//!   start delivers it.

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use chatctl::events::{examples, Event, Payload, StreamError, STREAM_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::store::Store;
use chatctl::workers::dlq as h;
use common::{chatctl, free_port, produce, read_records, tail, Broker, Engine, Postgres, Proc};
use rdkafka::consumer::{BaseConsumer, Consumer};

fn audit_worker(broker: &Broker, pg: &Postgres, port: u16) -> Proc {
    Proc(
        common::serve_worker("audit", &broker.addr, port)
            .args(["--instance-id", "w1", "--audit-url", &pg.url])
            .env("RUST_LOG", "chatctl=debug,info")
            .stderr(std::fs::File::create(broker.path("worker.log")).unwrap())
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
    // 100,000 again (cut to 20,000 on 2026-12-03, when the worker stalled near 4,500 rows:
    // 5 MiB fetch answers larger than what it holds before pausing a partition, dropped
    // and fetched again on each resume; see `KafkaSettings::worker_config`).
    const N: usize = 100_000;
    const OUTAGE: Duration = Duration::from_secs(20);
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let pg = Postgres::start();
    let events: Vec<Event> = common::example_events(N, 300);
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
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "worker too slow: {rows} rows\nworker:\n{}\ntansu:\n{}",
            tail(&broker.path("worker.log"), 60),
            tail(&broker.path("tansu.log"), 20)
        );
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
            .args(["lag", "-b", &broker.addr, "-g", "chatctl-audit", "--exit-code"])
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
        assert!(
            Instant::now() < deadline,
            "rows {rows}, dead letters {dead}\nworker:\n{}\ntansu:\n{}",
            tail(&broker.path("worker.log"), 40),
            tail(&broker.path("tansu.log"), 40)
        );
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

/// `chatctl chat` against `url`: the message id it was answered under and the chunks it saw.
async fn chat(url: String, text: String) -> (String, u64) {
    let user = format!("user-{}", text.replace(' ', "-"));
    let out = tokio::task::spawn_blocking(move || {
        chatctl().args(["chat", "--node", &url, "--user", &user, &text]).output().unwrap()
    })
    .await
    .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    let id = err.lines().find_map(|l| l.strip_prefix("[message ")?.strip_suffix(']')).expect("message id").to_string();
    let chunks =
        err.lines().find_map(|l| l.strip_prefix("[done: ")?.split(' ').next()?.parse().ok()).expect("done line");
    (id, chunks)
}

fn gateway(broker: &Broker, spool: &std::path::Path, port: u16) -> Proc {
    Proc(
        common::serve_gateway("g1", &broker.addr, port)
            .arg("--spool-dir")
            .arg(spool)
            .args(["--model-chunks", "8", "--model-interval", "10ms"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// Wait until the gateway answers `/readyz` (the port is bound before it serves).
async fn ready(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/readyz")).await {
            if r.status().is_success() {
                return;
            }
        }
        assert!(Instant::now() < deadline, "gateway on {port} never ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Per message id: the chunk indexes and terminal events Kafka holds.
fn kafka_view(
    kafka: &KafkaSettings,
) -> std::collections::HashMap<String, (std::collections::BTreeSet<u32>, usize, usize)> {
    let mut out: std::collections::HashMap<String, (std::collections::BTreeSet<u32>, usize, usize)> =
        Default::default();
    for e in common::read_events(kafka) {
        match &e.payload {
            Payload::ChunkReceived(c) => {
                out.entry(c.message_id.clone()).or_default().0.extend(c.chunks().map(|(index, _, _)| index));
            }
            Payload::StreamCompleted(c) => out.entry(c.message_id.clone()).or_default().1 += 1,
            Payload::ChatMessage(m) if m.reply_to.is_some() => out.entry(m.message_id.clone()).or_default().2 += 1,
            _ => {}
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn events_survive_a_gateway_crash_during_a_broker_outage() {
    const CHATS: usize = 100;
    let mut broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let port = free_port();
    let g = gateway(&broker, &spool, port);
    ready(port).await;
    let url = format!("ws://127.0.0.1:{port}/ws");
    // The broker goes away; 100 chats stream anyway (the chat never waits on Kafka).
    broker.kill();
    let outage = Instant::now();
    let chats: Vec<_> = (0..CHATS).map(|i| tokio::spawn(chat(url.clone(), format!("question {i}")))).collect();
    let mut seen = Vec::new();
    for c in chats {
        seen.push(c.await.unwrap());
    }
    assert!(outage.elapsed() < Duration::from_secs(30), "the chats took the whole outage");
    // kill -9 at once, the broker still down: only the spool has these events now. A client
    // hears "done" only after the events of its chat were synced to the spool.
    drop(g);
    let spooled: u64 = std::fs::read_dir(&spool)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".log"))
        .map(|e| e.metadata().unwrap().len())
        .sum();
    assert!(spooled > 0, "nothing spooled");
    while outage.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    broker.restart();
    let port2 = free_port();
    let _g2 = gateway(&broker, &spool, port2);
    let deadline = Instant::now() + Duration::from_secs(120);
    let k = kafka.clone();
    loop {
        let k2 = k.clone();
        let view = tokio::task::spawn_blocking(move || kafka_view(&k2)).await.unwrap();
        let missing: Vec<&(String, u64)> = seen
            .iter()
            .filter(|(id, chunks)| {
                view.get(id).is_none_or(|(idx, done, answer)| idx.len() as u64 != *chunks || *done == 0 || *answer == 0)
            })
            .collect();
        if missing.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {CHATS} chats incomplete in Kafka, e.g. {:?}",
            missing.len(),
            missing[0]
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // Duplicates are only re-sent eventIds: every (message, chunk) once by eventId.
    let events = common::read_events(&kafka);
    let ids: std::collections::HashSet<_> = events.iter().map(|e| e.event_id).collect();
    let chunks_seen: u64 = seen.iter().map(|s| s.1).sum();
    eprintln!(
        "broker outage + gateway kill -9: {CHATS} chats, {chunks_seen} chunks seen by clients, {spooled} bytes spooled, \
         0 missing in Kafka after restart, {} records for {} distinct eventIds",
        events.len(),
        ids.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_while_the_broker_is_down_says_what_was_spooled() {
    let mut broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let port = free_port();
    let mut g = gateway(&broker, &spool, port);
    ready(port).await;
    broker.kill();
    let mut seen = Vec::new();
    for i in 0..5 {
        seen.push(chat(format!("ws://127.0.0.1:{port}/ws"), format!("q {i}")).await);
    }
    let _ = std::process::Command::new("kill").args(["-TERM", &g.0.id().to_string()]).status();
    let out = tokio::task::spawn_blocking(move || {
        let mut stderr = String::new();
        use std::io::Read;
        g.0.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        (g.0.wait().unwrap(), stderr)
    })
    .await
    .unwrap();
    assert!(out.0.success(), "kept in the spool is kept: exit 0; {}", out.1);
    assert!(out.1.contains("they are kept in the spool"), "{}", out.1);
    broker.restart();
    let port2 = free_port();
    let g2 = gateway(&broker, &spool, port2);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let k = kafka.clone();
        let view = tokio::task::spawn_blocking(move || kafka_view(&k)).await.unwrap();
        if seen.iter().all(|(id, n)| view.get(id).is_some_and(|(idx, done, _)| idx.len() as u64 == *n && *done > 0)) {
            break;
        }
        assert!(Instant::now() < deadline, "spooled events never delivered");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    g2.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_twice_redelivers_and_loses_nothing() {
    const N: usize = 30_000;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let pg = Postgres::start();
    let events: Vec<Event> = common::example_events(N, 300);
    produce(&kafka, &events).await;
    let store = Store::open(&pg.url).await.unwrap();
    // Records each process handled, read from its /metrics just before it is killed: the
    // true count is at least this.
    let mut handled = 0.0;
    for stop_at in [N / 4, N / 2] {
        let port = free_port();
        let mut w = audit_worker(&broker, &pg, port);
        let started = Instant::now();
        let mut last = 0.0;
        loop {
            let (rows, _) = store.audit_counts().await.unwrap();
            last = f64::max(last, metric(port, "chatctl_worker_processed_total").await);
            if rows >= stop_at as i64 {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "worker too slow: {rows} rows\nworker:\n{}\ntansu:\n{}",
                tail(&broker.path("worker.log"), 40),
                tail(&broker.path("tansu.log"), 40)
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        w.0.kill().unwrap(); // SIGKILL: no drain, no final commit
        w.0.wait().unwrap();
        handled += last;
    }
    let port = free_port();
    let _w = audit_worker(&broker, &pg, port);
    let started = Instant::now();
    loop {
        let (rows, distinct) = store.audit_counts().await.unwrap();
        assert_eq!(rows, distinct);
        if rows == N as i64 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(300), "only {rows} of {N} events stored");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The last process finishes what it handles; give its counter a moment to settle.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let last = metric(port, "chatctl_worker_processed_total").await;
    let total = handled + last;
    let redelivered = total - N as f64;
    assert!(redelivered > 0.0, "no record was handled twice: {total} handled for {N} events");
    assert_eq!(dlq_len(&kafka), 0);
    eprintln!(
        "kill -9 twice: {N} events, {total} records handled across three processes \
         ({redelivered} redelivered after the kills), rows == distinct eventIds == {N}"
    );
}

/// A gateway killed between Kafka's acknowledgement and its spool's mark leaves events in
/// the spool that Kafka already has. The next start reads Kafka from the oldest of them and
/// sends only the ones it lacks: 50 delivered events and 10 undelivered ones left in the
/// spool, each once in Kafka afterwards, the 50 counted as already delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn spooled_events_kafka_already_has_are_not_sent_twice() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let delivered: Vec<Event> = common::example_events(50, 7);
    let undelivered: Vec<Event> = common::example_events(10, 3);
    produce(&kafka, &delivered).await;
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    {
        let (sp, left) = chatctl::gateway::spool::Spool::open(&spool).unwrap();
        assert!(left.is_empty());
        sp.append(&delivered).unwrap();
        sp.append(&undelivered).unwrap();
    }
    let (port, mport) = (free_port(), free_port());
    let g = Proc(
        common::serve_gateway("g1", &broker.addr, port)
            .arg("--spool-dir")
            .arg(&spool)
            .args(["--metrics-listen", &format!("127.0.0.1:{mport}")])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(broker.path("gateway.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    ready(port).await;
    let ids: std::collections::HashSet<_> = delivered.iter().chain(&undelivered).map(|e| e.event_id).collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    let counts = loop {
        let mut counts: std::collections::HashMap<uuid::Uuid, usize> = Default::default();
        for e in common::read_events(&kafka) {
            *counts.entry(e.event_id).or_default() += 1;
        }
        if ids.iter().all(|id| counts.contains_key(id)) {
            break counts;
        }
        assert!(
            Instant::now() < deadline,
            "the undelivered events never reached Kafka\n{}",
            tail(&broker.path("gateway.log"), 30)
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    let twice: Vec<_> = ids.iter().filter(|id| counts[*id] != 1).collect();
    assert!(twice.is_empty(), "{} of 60 events not once in Kafka: {twice:?}", twice.len());
    let body = reqwest::get(format!("http://127.0.0.1:{mport}/metrics")).await.unwrap().text().await.unwrap();
    let already = body
        .lines()
        .find(|l| l.starts_with("chatctl_events_already_delivered_total "))
        .and_then(|l| l.rsplit(' ').next()?.parse::<f64>().ok());
    assert_eq!(already, Some(50.0), "the delivered ones counted, not sent");
    g.stop();
    eprintln!(
        "spool redelivery: 50 delivered + 10 undelivered left in the spool; each once in Kafka after the restart"
    );
}

/// A worker started while its store is down (PostgreSQL restarting) waits for it and says
/// so, instead of exiting: once the store is back it listens and stores what was produced.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_worker_started_while_its_store_is_down_waits_for_it() {
    const N: usize = 200;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let pg = Postgres::start();
    produce(&kafka, &common::example_events(N, 20)).await;
    pg.stop();
    let port = free_port();
    let mut w = audit_worker(&broker, &pg, port);
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert!(w.0.try_wait().unwrap().is_none(), "the worker exited:\n{}", tail(&broker.path("worker.log"), 20));
    let log = std::fs::read_to_string(broker.path("worker.log")).unwrap();
    assert!(log.contains("the store does not answer yet"), "{log}");
    pg.start_again();
    let store = Store::open(&pg.url).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while store.audit_counts().await.unwrap().0 < N as i64 {
        assert!(
            Instant::now() < deadline,
            "not stored after the store came back\n{}",
            tail(&broker.path("worker.log"), 20)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(store.audit_counts().await.unwrap(), (N as i64, N as i64));
}
