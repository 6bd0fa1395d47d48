//! `chatctl lag` agrees with Burrow and kafka-lag-exporter on real tansu (the memory
//! engine, which can describe groups as Apache Kafka does): a member auto-committing every
//! 5 s that keeps up is OK in a one-shot; a group that committed once and left while
//! production goes on is ERR (STOP); an unknown group is NOTFOUND with its own exit; a
//! rewind 300 → 150 → log end is forgiven; a caught-up group idle for 20 s reports a
//! record that has just landed as seconds old, not 20; a topic deleted under a group
//! leaves its poll working, on the topics that remain.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatctl::kafka::KafkaSettings;
use common::{chatctl, committed, create_topic, Broker, Engine};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{ClientConfig, Offset, TopicPartitionList};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn lag(broker: &Broker, args: &[&str]) -> Output {
    chatctl().args(["-b", &broker.addr, "lag", "-o", "json"]).args(args).output().unwrap()
}

fn first_row(out: &Output) -> serde_json::Value {
    text(&out.stdout).lines().next().map(|l| serde_json::from_str(l).unwrap()).unwrap_or_default()
}

/// `n` records, one per batch (flushed each), so the memory engine's watermark is exact.
fn produce(kafka: &KafkaSettings, topic: &str, n: usize) {
    let p: BaseProducer = kafka.create(&kafka.producer_config()).unwrap();
    for i in 0..n {
        let v = format!("r{i}");
        p.send(BaseRecord::<(), _>::to(topic).partition(0).payload(&v)).map_err(|(e, _)| e).unwrap();
        p.flush(Duration::from_secs(10)).unwrap();
    }
}

/// Commit `offset` for `group` on partition 0 of `topic` from outside (no member).
fn commit(kafka: &KafkaSettings, group: &str, topic: &str, offset: i64) {
    let c: BaseConsumer = kafka.create(&kafka.consumer_config(group)).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, 0, Offset::Offset(offset)).unwrap();
    c.commit(&tpl, CommitMode::Sync).unwrap();
}

fn consumer(kafka: &KafkaSettings, group: &str, extra: &[(&str, &str)]) -> BaseConsumer {
    let mut cfg = ClientConfig::new();
    cfg.set("bootstrap.servers", &kafka.brokers).set("group.id", group).set("auto.offset.reset", "earliest");
    for (k, v) in extra {
        cfg.set(*k, *v);
    }
    cfg.create().unwrap()
}

/// A `lag --watch -o json` process and its lines.
struct Watch {
    child: Child,
    lines: std::sync::mpsc::Receiver<serde_json::Value>,
}

impl Watch {
    fn start(broker: &Broker, args: &[&str]) -> Watch {
        let mut child = chatctl()
            .args(["-b", &broker.addr, "lag", "--watch", "-o", "json", "--interval", "1s"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for l in BufReader::new(out).lines() {
                let Ok(l) = l else { return };
                if tx.send(serde_json::from_str(&l).unwrap()).is_err() {
                    return;
                }
            }
        });
        Watch { child, lines }
    }

    /// The first report (after `after`, if given) that satisfies `f`, within `limit`.
    fn until(&self, what: &str, limit: Duration, mut f: impl FnMut(&serde_json::Value) -> bool) -> serde_json::Value {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(v) if f(&v) => return v,
                Ok(_) => {}
                Err(_) => panic!("lag --watch -o json never showed: {what}"),
            }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_auto_committing_every_5s_that_keeps_up_is_ok() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    create_topic(&kafka, "orders", 1).await;
    // Production goes on throughout: 20 records a second.
    let stop = Arc::new(AtomicBool::new(false));
    let (k, s) = (kafka.clone(), stop.clone());
    let producer = std::thread::spawn(move || {
        while !s.load(Ordering::Relaxed) {
            produce(&k, "orders", 1);
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    // Java's defaults: auto-commit every 5 s.
    let (k, s) = (kafka.clone(), stop.clone());
    let member = std::thread::spawn(move || {
        let c = consumer(&k, "app", &[("enable.auto.commit", "true"), ("auto.commit.interval.ms", "5000")]);
        c.subscribe(&["orders"]).unwrap();
        while !s.load(Ordering::Relaxed) {
            if let Some(m) = c.poll(Duration::from_millis(100)) {
                m.unwrap();
            }
        }
    });
    // Until the first auto-commit lands.
    let deadline = Instant::now() + Duration::from_secs(60);
    while committed(&kafka, "app", "orders", 1)[0] < 0 {
        assert!(Instant::now() < deadline, "the member never committed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Three one-shots, started at different points of the commit interval: between two
    // commits the group lags by up to 5 s of records, and must not be called stuck.
    let mut runs = Vec::new();
    for pause in [2500, 1000, 3000] {
        tokio::time::sleep(Duration::from_millis(pause)).await;
        let started = Instant::now();
        let out = lag(&broker, &["-g", "app", "--partitions", "--exit-code"]);
        runs.push((out, started.elapsed()));
    }
    stop.store(true, Ordering::Relaxed);
    producer.join().unwrap();
    member.join().unwrap();
    let mut judged = 0;
    for (out, took) in &runs {
        let row = first_row(out);
        assert_eq!(out.status.code(), Some(0), "{row} {}", text(&out.stderr));
        assert_eq!(row["status"], "OK", "{row}");
        assert!(*took < Duration::from_secs(17), "bounded by --window: {took:?}");
        // Judged on the commits it saw (its first sight and two auto-commits: 0.3).
        if row["complete"].as_f64().unwrap() >= 0.3 {
            judged += 1;
        }
    }
    assert!(judged >= 2, "the one-shot sampled until it could judge: {judged} of 3");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_that_committed_once_and_left_is_stop_and_an_unknown_group_notfound() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    create_topic(&kafka, "orders", 1).await;
    produce(&kafka, "orders", 10);
    let k = kafka.clone();
    tokio::task::spawn_blocking(move || {
        let c = consumer(&k, "once", &[("enable.auto.commit", "false")]);
        c.subscribe(&["orders"]).unwrap();
        let mut n = 0;
        while n < 10 {
            if let Some(m) = c.poll(Duration::from_millis(200)) {
                m.unwrap();
                n += 1;
            }
        }
        c.commit_consumer_state(CommitMode::Sync).unwrap();
    })
    .await
    .unwrap();
    produce(&kafka, "orders", 5);
    let deadline = Instant::now() + Duration::from_secs(60);
    let row = loop {
        let out = lag(&broker, &["-g", "once", "--exit-code"]);
        let row = first_row(&out);
        if row["membership"] == "empty" {
            assert_eq!(out.status.code(), Some(7), "{row}");
            break row;
        }
        assert!(Instant::now() < deadline, "the group never became Empty: {row}");
    };
    assert_eq!(row["status"], "ERR", "{row}");
    assert_eq!(row["worstStatus"], "STOP", "{row}");
    assert_eq!(row["worstPartition"], "orders:0", "{row}");
    assert_eq!(row["lag"], 5, "{row}");

    // An unknown group: NOTFOUND, exit 4, with or without --exit-code.
    for extra in [&["--exit-code"][..], &[][..]] {
        let out = lag(&broker, &[&["-g", "no-such-group"][..], extra].concat());
        assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
        assert_eq!(first_row(&out)["status"], "NOTFOUND");
        assert!(text(&out.stderr).contains("no such group: no-such-group"), "{}", text(&out.stderr));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rewind_that_climbs_back_is_not_rewind_and_idle_lag_seconds_stay_small() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    create_topic(&kafka, "orders", 1).await;
    produce(&kafka, "orders", 400);
    commit(&kafka, "ops", "orders", 300);
    let w = Watch::start(&broker, &["-g", "ops", "--partitions"]);
    w.until("committed 300", Duration::from_secs(30), |v| v["committed"] == 300);
    // Reset back to 150 (the rewind)...
    commit(&kafka, "ops", "orders", 150);
    w.until("committed 150", Duration::from_secs(30), |v| v["committed"] == 150);
    // ...and consumed to the log end within the window: forgiven, OK.
    commit(&kafka, "ops", "orders", 400);
    let v = w.until("committed 400", Duration::from_secs(30), |v| v["committed"] == 400);
    assert_eq!(v["status"], "OK", "{v}");
    assert_eq!(v["lagSeconds"], 0.0, "{v}");

    // Caught up, idle for 20 s under watch; then one record lands.
    let idle = Instant::now();
    while idle.elapsed() < Duration::from_secs(20) {
        let v = w.until("a report", Duration::from_secs(10), |_| true);
        assert_ne!(v["status"], "REWIND", "{v}");
    }
    produce(&kafka, "orders", 1);
    let v = w.until("the new record", Duration::from_secs(30), |v| v["lag"] == 1);
    let secs = v["lagSeconds"].as_f64().unwrap();
    assert!(secs < 5.0, "a record that has just landed after a 20 s idle spell: {secs} s ({v})");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_topic_leaves_the_groups_poll_working() {
    // The poller's discovery asks each group for all its committed offsets (an OffsetFetch
    // without topics): a topic deleted since keeps its group offsets on the broker until
    // they expire, and has no log end to measure against.
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    create_topic(&kafka, "kept", 1).await;
    create_topic(&kafka, "gone", 1).await;
    produce(&kafka, "kept", 6);
    produce(&kafka, "gone", 4);
    commit(&kafka, "reader", "kept", 2);
    commit(&kafka, "reader", "gone", 3);
    let out = lag(&broker, &["-g", "reader", "--partitions"]);
    let both: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    assert_eq!(both.len(), 2, "one row per partition before the delete: {both:?} {}", text(&out.stderr));

    let deleted = chatctl::ops::topics::delete(&kafka, &["gone".to_string()]).await.unwrap();
    assert_eq!(deleted, [("gone".to_string(), None)]);
    // Apache Kafka keeps them until offsets.retention.minutes; tansu drops them with the
    // topic (and refuses a commit to it), so here this shows the poll after a delete, not
    // the left-out offsets themselves.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let out = lag(&broker, &["-g", "reader", "--partitions"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let rows: Vec<serde_json::Value> =
            text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        if rows.len() == 1 {
            assert_eq!(rows[0]["topic"], "kept", "{rows:?}");
            assert_eq!(rows[0]["lag"], 4, "{rows:?}");
            break;
        }
        assert!(Instant::now() < deadline, "the deleted topic still listed: {rows:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
