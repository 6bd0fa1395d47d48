//! `chatctl replay` and `chatctl session` against real tansu (sqlite engine: exact
//! offsets-for-times), with records produced at explicit past timestamps.

use crate::common;

use std::collections::BTreeSet;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chatctl::events::{
    examples, ChunkReceived, Event, Payload, SessionStarted, StreamCompleted, REPLAY_HEADER, STREAM_EVENTS,
};
use chatctl::kafka::partitioner::partition_for_key;
use chrono::{DateTime, Duration as Cd, Utc};
use common::{chatctl, produce, Broker, Engine};

const PARTITIONS: i32 = 4;
const NOW: &str = "2024-03-01T12:00:00Z";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Session ids that land on partitions 0..=2 only: partition 3 stays empty.
fn sessions() -> Vec<String> {
    (0..).map(|i| format!("sess-{i}")).filter(|s| partition_for_key(s.as_bytes(), PARTITIONS) < 3).take(9).collect()
}

fn chunk(session: &str, at: DateTime<Utc>, i: u32) -> Event {
    Event::at(
        at,
        session,
        "node-a",
        Payload::ChunkReceived(ChunkReceived {
            message_id: format!("{session}-m"),
            chunk_index: i,
            content_length: 4,
            latency_ms: 10 + i as u64,
            folded: Vec::new(),
        }),
    )
}

/// 9 sessions x 20 chunks, one a minute from 10:00; sessions on partition 2 stop at 10:05
/// (no record after a later --since there).
fn dataset() -> Vec<Event> {
    let mut out = Vec::new();
    let base = t("2024-03-01T10:00:00Z");
    for s in sessions() {
        let n = if partition_for_key(s.as_bytes(), PARTITIONS) == 2 { 6 } else { 20 };
        for i in 0..n {
            out.push(chunk(&s, base + Cd::minutes(i as i64) + Cd::milliseconds(7), i));
        }
    }
    // Produced in time order, as live events are.
    out.sort_by_key(|e| e.timestamp);
    out
}

fn run(args: &[&str]) -> Output {
    chatctl().args(args).env("CHATCTL_NOW", NOW).output().unwrap()
}

fn ids_of_stdout(out: &Output) -> BTreeSet<String> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| Event::decode(l.as_bytes()).unwrap().event_id.to_string())
        .collect()
}

fn ids(events: impl IntoIterator<Item = Event>) -> BTreeSet<String> {
    events.into_iter().map(|e| e.event_id.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replay_returns_exactly_the_window_and_terminates_under_writes() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(PARTITIONS).await;
    let data = dataset();
    produce(&broker.kafka(), &data).await;
    let b = broker.addr.clone();

    // [10:03, 10:10): includes partition 2 (no record after 10:05) and empty partition 3.
    let since = t("2024-03-01T10:03:00Z");
    let until = t("2024-03-01T10:10:00Z");
    let want = ids(data.iter().filter(|e| e.timestamp >= since && e.timestamp < until).cloned());
    assert!(!want.is_empty());

    // Someone keeps writing (now-stamped records) while the replay runs.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, kafka) = (stop.clone(), broker.kafka());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                produce(&kafka, &[chunk("sess-0", Utc::now(), 1000 + i)]).await;
                i += 1;
            }
        })
    };
    let out = run(&[
        "replay",
        "-b",
        &b,
        "--topic",
        "stream-events",
        "--since",
        &since.to_rfc3339(),
        "--until",
        &until.to_rfc3339(),
        "-o",
        "json",
    ]);
    assert_eq!(ids_of_stdout(&out), want, "{}", String::from_utf8_lossy(&out.stderr));

    // A partition with no record at or after --since replays nothing; "2h" is relative
    // to CHATCTL_NOW (12:00): 10:00 onwards = everything produced by dataset().
    let late = run(&[
        "replay",
        "-b",
        &b,
        "--topic",
        "stream-events",
        "--since",
        "2024-03-01T10:06:00Z",
        "--until",
        "2024-03-01T11:00:00Z",
        "-o",
        "json",
    ]);
    let late_ids = ids_of_stdout(&late);
    assert!(data
        .iter()
        .filter(|e| partition_for_key(e.session_id.as_bytes(), PARTITIONS) == 2)
        .all(|e| !late_ids.contains(&e.event_id.to_string())));
    assert_eq!(late_ids, ids(data.iter().filter(|e| e.timestamp >= t("2024-03-01T10:06:00Z")).cloned()));
    let rel = run(&["replay", "-b", &b, "--topic", "stream-events", "--since", "2h", "--until", "1h", "-o", "json"]);
    assert_eq!(ids_of_stdout(&rel), ids(data.iter().cloned()));
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();

    // Offsets: partition 0, [2, 5).
    let out = run(&[
        "replay",
        "-b",
        &b,
        "--topic",
        "stream-events",
        "--partition",
        "0",
        "--from-offset",
        "2",
        "--to-offset",
        "5",
        "-o",
        "json",
    ]);
    assert_eq!(ids_of_stdout(&out).len(), 3);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("read 3, matched 3, written 3"), "{summary}");

    // Bad input: a clear usage error.
    let out = run(&["replay", "-b", &b, "--since", "last tuesday"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("last tuesday"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replay_filters_and_copies_with_the_replay_header() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(PARTITIONS).await;
    let kafka = broker.kafka();
    let at = t("2024-03-01T11:00:00Z");
    let mut data = Vec::new();
    for (i, p) in examples().into_iter().enumerate() {
        let mut p = p;
        if let Payload::SessionStarted(s) = &mut p {
            *s = SessionStarted { user_id: "zoe".into(), message_id: "m1".into(), conversation_id: "c".into() };
        }
        data.push(Event::at(at + Cd::seconds(i as i64), if i % 2 == 0 { "s-even" } else { "s-odd" }, "node-x", p));
    }
    data.push(Event::at(
        at,
        "s-other",
        "node-y",
        Payload::StreamCompleted(StreamCompleted {
            message_id: "o".into(),
            conversation_id: "c".into(),
            total_chunks: 1,
            content_length: 1,
            total_latency_ms: 5,
            tokens_used: 1,
        }),
    ));
    produce(&kafka, &data).await;
    let b = broker.addr.clone();
    let sel = |f: &dyn Fn(&Event) -> bool| ids(data.iter().filter(|e| f(e)).cloned());

    let out = run(&["replay", "-b", &b, "--since", "1d", "--event-type", "STREAM_COMPLETED", "-o", "json"]);
    assert_eq!(ids_of_stdout(&out), sel(&|e| e.event_type() == "STREAM_COMPLETED"));
    let out = run(&["replay", "-b", &b, "--since", "1d", "--session", "s-odd", "-o", "json"]);
    assert_eq!(ids_of_stdout(&out), sel(&|e| e.session_id == "s-odd"));
    let out = run(&["replay", "-b", &b, "--since", "1d", "--user", "zoe", "-o", "json"]);
    assert_eq!(ids_of_stdout(&out), sel(&|e| e.payload.user_id() == Some("zoe")));
    let out = run(&["replay", "-b", &b, "--since", "1d", "--where", "metadata.nodeId=node-y", "-o", "json"]);
    assert_eq!(ids_of_stdout(&out), sel(&|e| e.metadata.node_id == "node-y"));

    // Copy: same keys, values and timestamps, plus the replay header.
    let out = run(&[
        "replay",
        "-b",
        &b,
        "--since",
        "1d",
        "--topic",
        "stream-events",
        "--session",
        "s-even",
        "--to-topic",
        "multi-node-broadcast.dlq",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copied = tokio::task::spawn_blocking(move || copied(&kafka)).await.unwrap();
    let want: Vec<&Event> = data.iter().filter(|e| e.session_id == "s-even" && e.topic() == STREAM_EVENTS).collect();
    assert_eq!(copied.len(), want.len());
    for (key, value, ts, replay) in &copied {
        let e = Event::decode(value).unwrap();
        assert_eq!(key, "s-even");
        assert_eq!(*ts, e.timestamp.timestamp_millis());
        assert!(replay, "copied record lacks the {REPLAY_HEADER} header");
    }
}

fn copied(kafka: &chatctl::kafka::KafkaSettings) -> Vec<(String, Vec<u8>, i64, bool)> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::message::Headers;
    use rdkafka::{Message, Offset, TopicPartitionList};
    let c: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let (_, high) = c.fetch_watermarks("multi-node-broadcast.dlq", 0, Duration::from_secs(10)).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset("multi-node-broadcast.dlq", 0, Offset::Beginning).unwrap();
    c.assign(&tpl).unwrap();
    let mut out = Vec::new();
    while (out.len() as i64) < high {
        if let Some(m) = c.poll(Duration::from_millis(200)) {
            let m = m.unwrap();
            let replay = m.headers().is_some_and(|h| h.iter().any(|h| h.key == REPLAY_HEADER));
            out.push((
                String::from_utf8_lossy(m.key().unwrap()).into_owned(),
                m.payload().unwrap().to_vec(),
                m.timestamp().to_millis().unwrap(),
                replay,
            ));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replay_into_analytics_rebuild_matches_the_live_worker() {
    use chatctl::store::Store;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(PARTITIONS).await;
    let kafka = broker.kafka();
    let mut data = dataset();
    for s in sessions().iter().take(3) {
        data.push(Event::at(
            t("2024-03-01T10:30:00Z"),
            s,
            "node-b",
            Payload::StreamCompleted(StreamCompleted {
                message_id: format!("{s}-m"),
                conversation_id: "c".into(),
                total_chunks: 20,
                content_length: 80,
                total_latency_ms: 900,
                tokens_used: 20,
            }),
        ));
    }
    produce(&kafka, &data).await;
    let dir = tempfile::tempdir().unwrap();
    let (_, live, metrics, worker) = live_analytics(&kafka, dir.path()).await;
    let n = data.len();
    until_analytics_processed(&metrics, n).await;
    worker.stop().await;
    let live_minutes = live.minutes(0, i64::MAX).await.unwrap();
    assert!(!live_minutes.is_empty());

    let rebuilt_url = format!("sqlite://{}/rebuilt.db", dir.path().display());
    // A stale sample that --rebuild must clear.
    let rebuilt = Store::open(&rebuilt_url).await.unwrap();
    rebuilt
        .sample(chatctl::store::Sample {
            event_id: "stale".into(),
            node_id: "ghost".into(),
            minute_ms: 0,
            kind: "stream",
            latency_ms: Some(1),
            chunks: 1,
        })
        .await
        .unwrap();
    let stale = rebuilt.minutes(0, i64::MAX).await.unwrap();
    // A rebuild that cannot read the log changes nothing: the rows are rebuilt beside the
    // live ones and swapped in only at the end.
    let rebuild = |brokers: &str| {
        run(&[
            "replay",
            "-b",
            brokers,
            "--topic",
            "stream-events",
            "--into",
            "analytics",
            "--rebuild",
            // tansu on SQLite cannot describe groups: the worker is stopped (above).
            "--force",
            "--audit-url",
            &rebuilt_url,
        ])
    };
    let failed = rebuild("127.0.0.1:1");
    assert!(!failed.status.success());
    assert_eq!(rebuilt.minutes(0, i64::MAX).await.unwrap(), stale, "a failed rebuild left the rows as they were");
    let out = rebuild(&broker.addr);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(rebuilt.minutes(0, i64::MAX).await.unwrap(), live_minutes);
    let copies: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("rebuilt.db.rebuild"))
        .collect();
    assert!(copies.is_empty(), "the rebuild's copies are removed (after the failure and after the swap): {copies:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn session_reads_one_partition_and_returns_exactly_its_events() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(PARTITIONS).await;
    let mut data = dataset();
    let target = sessions().into_iter().find(|s| partition_for_key(s.as_bytes(), PARTITIONS) == 1).unwrap();
    // A chat message and a gap (chunk 7 missing) for the target session.
    data.retain(|e| !(e.session_id == target && matches!(&e.payload, Payload::ChunkReceived(c) if c.chunk_index == 7)));
    data.push(Event::at(t("2024-03-01T09:59:00Z"), &target, "node-a", examples().remove(0)));
    produce(&broker.kafka(), &data).await;
    let want = ids(data.iter().filter(|e| e.session_id == target).cloned());

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("timeline.json");
    let out =
        run(&["session", &target, "-b", &broker.addr, "--since", "1d", "--json", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: BTreeSet<String> =
        v["events"].as_array().unwrap().iter().map(|e| e["eventId"].as_str().unwrap().to_string()).collect();
    assert_eq!(got, want);
    let times: Vec<&str> = v["events"].as_array().unwrap().iter().map(|e| e["timestamp"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "time order");
    assert_eq!(v["summary"]["chunks"], 19);
    assert_eq!(v["summary"]["gaps"][format!("{target}-m")], serde_json::json!([7]));
    let scanned = v["scanned"].as_array().unwrap();
    assert_eq!(scanned.len(), 2, "one partition per topic");
    let p = partition_for_key(target.as_bytes(), PARTITIONS);
    for s in scanned {
        assert_eq!(s["partition"], p);
    }
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(written, v);

    let table = run(&["session", &target, "-b", &broker.addr, "--since", "1d", "-o", "table"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("missing chunks [7]") && text.contains("CHAT_MESSAGE"), "{text}");

    let missing = run(&["session", "no-such-session", "-b", &broker.addr, "--since", "1d"]);
    assert_eq!(missing.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-session"));
}

/// Produce one record per batch (tansu's memory engine reports a partition's high
/// watermark as its last batch's base offset + 1), each stamped as given.
async fn produce_one_per_batch(kafka: &chatctl::kafka::KafkaSettings, events: &[Event]) {
    let mut conf = kafka.producer_config();
    conf.set("batch.num.messages", "1").set("linger.ms", "0");
    let producer: rdkafka::producer::FutureProducer = kafka.create(&conf).unwrap();
    for e in events {
        let payload = e.to_json();
        let record = rdkafka::producer::FutureRecord::to(STREAM_EVENTS)
            .key(e.session_id.as_bytes())
            .payload(&payload)
            .timestamp(e.timestamp.timestamp_millis());
        producer.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
    }
}

/// `replay --rebuild` swaps the rebuilt rows in at the end: rows the live worker commits
/// meanwhile would be deleted by the swap. So it is refused while the worker's group has
/// members (tansu's memory engine describes groups), with the group named; once the worker
/// stopped, the rebuild runs and leaves the same rows.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rebuild_is_refused_while_the_worker_runs() {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(PARTITIONS).await;
    let kafka = broker.kafka();
    let data = dataset();
    produce(&kafka, &data).await;
    let dir = tempfile::tempdir().unwrap();
    let (live_url, live, metrics, worker) = live_analytics(&kafka, dir.path()).await;
    let n = data.iter().filter(|e| e.topic() == "stream-events").count();
    until_analytics_processed(&metrics, n).await;
    let rows = live.minutes(0, i64::MAX).await.unwrap();
    assert!(!rows.is_empty());
    let rebuild = || {
        run(&["replay", "-b", &broker.addr, "--topic", "stream-events", "--into", "analytics", "--rebuild"]
            .into_iter()
            .chain(["--audit-url", &live_url])
            .collect::<Vec<_>>())
    };
    let refused = rebuild();
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "refused while the worker runs: {err}");
    assert!(err.contains("group chatctl-analytics is") && err.contains("stop its consumers"), "{err}");
    assert_eq!(live.minutes(0, i64::MAX).await.unwrap(), rows, "the live rows untouched");
    worker.stop().await;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let done = loop {
        let out = rebuild();
        if out.status.success() {
            break out;
        }
        // The group empties once the broker has seen the worker leave.
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(std::time::Instant::now() < deadline && err.contains("stop its consumers"), "{err}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    // (tansu's memory engine answers offsets-for-times by write time, so the window it reads
    // is not the live worker's: the SQLite engine's rebuild is compared row for row with the
    // live worker's in the test above.)
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(err.contains("replay: read") && !live.minutes(0, i64::MAX).await.unwrap().is_empty(), "{err}");
}

/// tansu's memory engine answers offsets-for-times by write time, not record time.
/// Records stamped in the future but written before --since make its answer late; records
/// stamped in the past make it early. Either way chatctl's output is exactly the window, and it says what it
/// corrected.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replay_corrects_a_broker_that_answers_offsets_for_times_wrongly() {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let now = Utc::now();
    let at = |minutes: i64, i: u32| chunk("sess-x", now + Cd::minutes(minutes), i);
    // Written first: 5 old records, then 5 stamped an hour ahead.
    let first: Vec<Event> = (0..5).map(|i| at(-60, i)).chain((5..10).map(|i| at(60, i))).collect();
    produce_one_per_batch(&kafka, &first).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let since = Utc::now();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Written after --since: 5 stamped two hours ahead.
    let second: Vec<Event> = (10..15).map(|i| at(120, i)).collect();
    produce_one_per_batch(&kafka, &second).await;

    // The broker answers offset 10 (the first record written after --since), but records
    // 5..10 are stamped after it too: the reader sees record 9 and searches.
    let out = chatctl()
        .args(["replay", "-b", &broker.addr, "--topic", "stream-events", "--since", &since.to_rfc3339(), "-o", "json"])
        .output()
        .unwrap();
    let want = ids(first[5..].iter().chain(&second).cloned());
    assert_eq!(ids_of_stdout(&out), want);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(10) comes after records") && err.contains("client-side search (5)"), "{err}");

    // --since an hour and a half ahead: tansu answers 0 (a record stamped an hour ago):
    // early. Everything before the window is read and left out.
    let later = now + Cd::minutes(90);
    let out = chatctl()
        .args(["replay", "-b", &broker.addr, "--topic", "stream-events", "--since", &later.to_rfc3339(), "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(ids_of_stdout(&out), ids(second.iter().cloned()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(0) is before the start time"), "{err}");

    // --since half an hour ago: the broker answers 0 (everything was written later); the
    // five old records are read and left out.
    let earlier = now - Cd::minutes(30);
    let out = chatctl()
        .args([
            "replay",
            "-b",
            &broker.addr,
            "--topic",
            "stream-events",
            "--since",
            &earlier.to_rfc3339(),
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(ids_of_stdout(&out), want);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is before the start time"));
}

/// A session id minted as the gateway mints them (UUIDv7) bounds the scan by itself:
/// older records of its partition are not read.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn session_with_a_uuidv7_id_reads_from_its_minting_time() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(PARTITIONS).await;
    let kafka = broker.kafka();
    let id = uuid::Uuid::now_v7().to_string();
    let p = partition_for_key(id.as_bytes(), PARTITIONS);
    // Earlier traffic on the same partition, an hour old.
    let others: Vec<String> = (0..)
        .map(|i| format!("old-{i}"))
        .filter(|s| partition_for_key(s.as_bytes(), PARTITIONS) == p)
        .take(8)
        .collect();
    let old: Vec<Event> = others.iter().map(|s| chunk(s, Utc::now() - Cd::hours(1), 0)).collect();
    produce(&kafka, &old).await;
    let mine: Vec<Event> = (0..6).map(|i| chunk(&id, Utc::now(), i)).collect();
    produce(&kafka, &mine).await;

    let out = chatctl().args(["session", &id, "-b", &broker.addr, "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: BTreeSet<String> =
        v["events"].as_array().unwrap().iter().map(|e| e["eventId"].as_str().unwrap().to_string()).collect();
    assert_eq!(got, ids(mine));
    let stream = v["scanned"].as_array().unwrap().iter().find(|r| r["topic"] == "stream-events").unwrap();
    assert_eq!((stream["partition"].as_i64(), stream["start"].as_i64()), (Some(p as i64), Some(old.len() as i64)));
}

/// The analytics worker on a store of its own in `dir` (`live.db`): its URL, the store, the
/// worker's metrics and the worker.
async fn live_analytics(
    kafka: &chatctl::kafka::KafkaSettings,
    dir: &std::path::Path,
) -> (String, chatctl::store::Store, Arc<chatctl::metrics::Metrics>, chatctl::workers::WorkerHandle) {
    let live_url = format!("sqlite://{}/live.db", dir.display());
    let live = chatctl::store::Store::open(&live_url).await.unwrap();
    let metrics = Arc::new(chatctl::metrics::Metrics::default());
    let worker = chatctl::workers::start(
        kafka,
        Arc::new(chatctl::workers::analytics::Analytics { store: live.clone(), metrics: metrics.clone() }),
        chatctl::workers::WorkerOptions::default(),
        metrics.clone(),
    )
    .unwrap();
    (live_url, live, metrics, worker)
}

/// Until the analytics worker has processed `n` records (60 s bound).
async fn until_analytics_processed(metrics: &chatctl::metrics::Metrics, n: usize) {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !metrics.render().contains(&format!("chatctl_worker_processed_total{{worker=\"chatctl-analytics\"}} {n}")) {
        assert!(std::time::Instant::now() < deadline, "{}", metrics.render());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
