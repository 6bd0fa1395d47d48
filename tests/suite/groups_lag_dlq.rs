//! `chatctl groups`, `chatctl lag` and `chatctl dlq` against real tansu: every reset mode
//! commits exactly the offsets expected, dry runs change nothing, active groups are
//! refused; a stopped worker's group goes ERR (STOP) with rising lag and back to OK; dead
//! letters are listed, re-driven once with their headers, never twice; the seed's backfill
//! (reset a search group to the earliest offsets, restart the worker) rebuilds the index.

use crate::common;

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use chatctl::events::{ChatMessage, Event, Payload, Role, CHAT_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::ops::dlq::{CLAIM, ORIGIN, RECEIPT, REDRIVEN, REDRIVE_COUNT};
use chatctl::workers::search::SearchReader;
use chrono::{Duration as Cd, Utc};
use common::{chatctl, committed, create_topic, free_port, produce, read_records, text, Broker, Engine, Proc};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};

fn run(broker: &Broker, args: &[&str]) -> Output {
    common::on(broker, args)
}

fn ok(broker: &Broker, args: &[&str]) -> String {
    common::on_ok(broker, args)
}

async fn eventually(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_reset_mode_commits_exactly_the_expected_offsets() {
    let broker = Broker::start(Engine::Sqlite);
    let kafka = broker.kafka();
    create_topic(&kafka, "orders", 2).await;
    // Ten records per partition, a minute apart, the last one 60 s ago.
    let now = Utc::now().timestamp_millis();
    let start = now - 600_000;
    common::fill(&kafka, "orders", 2, 10, start, 60_000).await;
    let g = "backfill";
    let reset = |extra: &[&str]| {
        let mut args = vec!["groups", "reset", g, "--force", "-o", "json"];
        args.extend_from_slice(extra);
        run(&broker, &args)
    };
    let check = |extra: &[&str], want: [i64; 2]| {
        let mut args = extra.to_vec();
        args.push("--execute");
        let out = reset(&args);
        assert!(out.status.success(), "{extra:?}: {}", text(&out.stderr));
        assert_eq!(committed(&kafka, g, "orders", 2), want, "{extra:?}");
        out
    };

    // The group has no offsets yet: --all-topics (its committed partitions) is nothing.
    let out = reset(&["--all-topics", "--to-earliest"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("nothing to reset"), "{}", text(&out.stderr));
    check(&["--topic", "orders", "--to-offset", "5"], [5, 5]);

    // Dry run (the default) prints the plan and changes nothing.
    let out = reset(&["--all-topics", "--to-earliest"]);
    assert!(out.status.success());
    let plan: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(plan.len(), 2);
    assert_eq!((plan[0]["current"].as_i64(), plan[0]["target"].as_i64()), (Some(5), Some(0)));
    assert!(text(&out.stderr).contains("dry run"), "{}", text(&out.stderr));
    assert_eq!(committed(&kafka, g, "orders", 2), [5, 5]);

    check(&["--all-topics", "--to-earliest"], [0, 0]);
    check(&["--all-topics", "--to-latest"], [10, 10]);
    check(&["--all-topics", "--shift-by", "-3"], [7, 7]);
    check(&["--all-topics", "--to-current"], [7, 7]);
    check(&["--topic", "orders:1", "--to-offset", "2"], [7, 2]);
    let out = check(&["--all-topics", "--shift-by", "-5"], [2, 0]);
    assert!(
        text(&out.stderr).contains("orders:1: new offset -3 is before the log start 0; using 0"),
        "{}",
        text(&out.stderr)
    );
    let out = check(&["--all-topics", "--to-offset", "99"], [10, 10]);
    assert!(text(&out.stderr).contains("past the log end 10"), "{}", text(&out.stderr));
    // Record i is at start + i minutes: the first at or after start + 4.5 min is 5.
    let at = chrono::DateTime::from_timestamp_millis(start + 270_000).unwrap().to_rfc3339();
    check(&["--all-topics", "--to-datetime", &at], [5, 5]);
    // 5.5 minutes ago: record 5 (written 5 minutes ago) is the first after it... minus
    // the seconds this test has run, far less than a minute.
    check(&["--all-topics", "--by-duration", "330s"], [5, 5]);
    // After the last record: the log end.
    check(&["--all-topics", "--by-duration", "10s"], [10, 10]);

    // --export writes Kafka's CSV; --from-file reads it back.
    let out = reset(&["--all-topics", "--to-offset", "3", "--export"]);
    let csv = text(&out.stdout);
    assert_eq!(csv, "orders,0,3\norders,1,3\n");
    assert_eq!(committed(&kafka, g, "orders", 2), [10, 10], "--export alone is a dry run");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.csv");
    std::fs::write(&file, &csv).unwrap();
    check(&["--from-file", file.to_str().unwrap()], [3, 3]);
    std::fs::write(&file, "orders,1,8\n").unwrap();
    check(&["--from-file", file.to_str().unwrap()], [3, 8]);

    // tansu's SQLite engine cannot describe groups: without --force, refused.
    let out = run(&broker, &["groups", "reset", g, "--all-topics", "--to-earliest", "--execute"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(text(&out.stderr).contains("cannot tell whether group backfill has members"), "{}", text(&out.stderr));
    assert_eq!(committed(&kafka, g, "orders", 2), [3, 8]);

    // describe and list see the offsets.
    let d: serde_json::Value =
        serde_json::from_str(ok(&broker, &["groups", "describe", g, "-o", "json"]).trim()).unwrap();
    assert_eq!(d["offsets"][1]["committed"], 8);
    assert_eq!(d["offsets"][1]["lag"], 2);
    let list = ok(&broker, &["groups", "list", "-o", "json"]);
    assert!(list.lines().any(|l| l.contains("\"group\":\"backfill\"") && l.contains("\"lag\":9")), "{list}");

    // delete: refused without --force here too; a dry run without --execute; then gone.
    assert_eq!(run(&broker, &["groups", "delete", g, "--execute"]).status.code(), Some(6));
    let dry = run(&broker, &["groups", "delete", g, "--force"]);
    assert!(text(&dry.stderr).contains("dry run"), "{}", text(&dry.stderr));
    assert_eq!(committed(&kafka, g, "orders", 2), [3, 8], "a dry run deletes nothing");
    ok(&broker, &["groups", "delete", g, "--force", "--execute"]);
    assert_eq!(committed(&kafka, g, "orders", 2), [-1, -1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_with_a_running_member_is_refused() {
    // The memory engine can describe groups.
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    create_topic(&kafka, "orders", 1).await;
    common::fill(&kafka, "orders", 1, 3, Utc::now().timestamp_millis(), 1).await;
    let mut config = kafka.consumer_config("busy");
    config.set("client.id", "busy-member-7");
    let member: BaseConsumer = config.create().unwrap();
    member.subscribe(&["orders"]).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while member.assignment().unwrap().count() == 0 {
        assert!(Instant::now() < deadline, "the member never got its partition");
        let _ = member.poll(Duration::from_millis(100));
    }
    // Keep it alive (polling) while the reset is attempted.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let s = stop.clone();
    let poller = std::thread::spawn(move || {
        while !s.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = member.poll(Duration::from_millis(100));
        }
    });
    for execute in [false, true] {
        let mut args = vec!["groups", "reset", "busy", "--topic", "orders", "--to-earliest"];
        if execute {
            args.push("--execute");
        }
        let out = run(&broker, &args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(6), "{err}");
        assert!(err.contains("group busy is Stable"), "{err}");
        // Apache Kafka names the members (client-id@host); tansu gives none to name.
        assert!(err.contains("stop its consumers first"), "{err}");
    }
    let out = run(&broker, &["groups", "describe", "busy", "-o", "table"]);
    assert!(text(&out.stdout).contains("group busy: Stable"), "{}{}", text(&out.stdout), text(&out.stderr));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    poller.join().unwrap();
}

fn message(session: &str, i: usize) -> Event {
    Event::at(
        Utc::now() - Cd::minutes(10) + Cd::milliseconds(i as i64),
        session,
        "node-a",
        Payload::ChatMessage(ChatMessage {
            message_id: format!("{session}-m{i}"),
            conversation_id: format!("conv-{session}"),
            user_id: "user-1".into(),
            role: Role::User,
            content: format!("backfill word{i} from the log"),
            reply_to: None,
        }),
    )
}

fn worker(broker: &Broker, workers: &str, dir: &Path, extra: &[&str]) -> Proc {
    Proc(
        common::serve_worker(workers, &broker.addr, free_port())
            .args(["--node-id", "n1", "--audit-url", &format!("sqlite://{}", dir.join("store.db").display())])
            .args(extra)
            .spawn()
            .unwrap(),
    )
}

/// Produce one record per batch (tansu's memory engine hides a multi-record last batch's
/// tail from the high watermark).
async fn produce_singly(kafka: &KafkaSettings, events: &[Event]) {
    for e in events {
        produce(kafka, std::slice::from_ref(e)).await;
    }
}

/// `chatctl lag -g G --exit-code -o json`: (exit code, the group's row).
fn lag(broker: &Broker, group: &str) -> (Option<i32>, serde_json::Value) {
    let out = run(broker, &["lag", "-g", group, "--exit-code", "--interval", "500ms", "-o", "json"]);
    let row = text(&out.stdout).lines().next().map(|l| serde_json::from_str(l).unwrap()).unwrap_or_default();
    (out.status.code(), row)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_worker_goes_stop_with_rising_lag_and_back_to_ok() {
    // The memory engine describes groups: a stopped worker's group is Empty, so STOP at once.
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    produce_singly(&kafka, &(0..20).map(|i| message(&format!("s{}", i % 4), i)).collect::<Vec<_>>()).await;
    let w = worker(&broker, "search", dir.path(), &["--search-index", dir.path().join("idx").to_str().unwrap()]);
    let group = "chatctl-search-n1";
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (code, row) = lag(&broker, group);
        if code == Some(0) && row["partitions"] == 2 && row["lag"] == 0 && row["status"] == "OK" {
            break;
        }
        assert!(Instant::now() < deadline, "never caught up: {row}");
    }
    w.stop();
    produce_singly(&kafka, &(20..40).map(|i| message(&format!("s{}", i % 4), i)).collect::<Vec<_>>()).await;
    let (code, first) = lag(&broker, group);
    assert_eq!(code, Some(7), "{first}");
    assert_eq!(first["status"], "ERR", "{first}");
    assert!(matches!(first["worstStatus"].as_str(), Some("STOP" | "STALL")), "{first}");
    assert_eq!(first["lag"], 20);
    assert!(first["lagSeconds"].as_f64().unwrap() >= 599.0, "records are ten minutes old: {first}");
    produce_singly(&kafka, &(40..50).map(|i| message(&format!("s{}", i % 4), i)).collect::<Vec<_>>()).await;
    let (_, second) = lag(&broker, group);
    assert_eq!(second["lag"], 30, "lag rises while stopped: {second}");

    let _w = worker(&broker, "search", dir.path(), &["--search-index", dir.path().join("idx").to_str().unwrap()]);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (code, row) = lag(&broker, group);
        if code == Some(0) {
            assert_eq!((row["lag"].as_i64(), row["status"].as_str()), (Some(0), Some("OK")));
            break;
        }
        assert!(Instant::now() < deadline, "never back to OK: {row}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backfill_reset_to_earliest_rebuilds_the_search_index() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let idx = index.to_str().unwrap().to_string();
    produce(&kafka, &(0..30).map(|i| message(&format!("s{}", i % 3), i)).collect::<Vec<_>>()).await;
    let count = || SearchReader::open(&index).and_then(|r| r.count()).unwrap_or(0);
    let w = worker(&broker, "search", dir.path(), &["--search-index", &idx]);
    eventually("the live index", Duration::from_secs(60), || count() == 30).await;
    w.stop();
    // The index is lost; the group still says everything was consumed.
    std::fs::remove_dir_all(&index).unwrap();
    let w = worker(&broker, "search", dir.path(), &["--search-index", &idx]);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(count(), 0, "a restarted worker resumes at its committed offsets");
    w.stop();
    let out = ok(
        &broker,
        &[
            "groups",
            "reset",
            "chatctl-search-n1",
            "--all-topics",
            "--to-earliest",
            "--execute",
            "--force",
            "-o",
            "json",
        ],
    );
    assert!(out.lines().count() >= 2, "{out}");
    let _w = worker(&broker, "search", dir.path(), &["--search-index", &idx]);
    eventually("the rebuilt index", Duration::from_secs(60), || count() == 30).await;
    let hit = ok(&broker, &["search", "word17", "-o", "json", "--search-index", &idx]);
    assert_eq!(hit.lines().count(), 1, "{hit}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dead_letters_are_listed_and_redriven_once_with_their_headers() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    // A record no worker can decode, with a header of its own.
    common::produce_raw(&kafka, CHAT_EVENTS, "sess-bad", "{not json", &[("traceparent", "00-feed-01")]).await;
    let w = worker(&broker, "audit", dir.path(), &[]);
    eventually("the dead letter", Duration::from_secs(60), || {
        let out = run(&broker, &["dlq", "list", "-o", "json"]);
        out.status.success() && text(&out.stdout).lines().count() == 1
    })
    .await;
    w.stop();
    let listed: serde_json::Value = serde_json::from_str(ok(&broker, &["dlq", "list", "-o", "json"]).trim()).unwrap();
    assert_eq!(listed["dlqTopic"], "chat-events.dlq");
    assert_eq!(listed["originTopic"], "chat-events");
    assert_eq!(listed["worker"], "chatctl-audit");
    assert!(listed["errorClass"].as_str().unwrap().starts_with("decode"), "{listed}");
    assert_eq!(listed["redriven"], false);
    assert_eq!(listed["headers"]["traceparent"], "00-feed-01");
    let table = ok(&broker, &["dlq", "list", "--topic", "chat-events", "-o", "table"]);
    assert!(table.contains("chatctl-audit") && table.contains("dead"), "{table}");

    let before = read_records(&kafka, CHAT_EVENTS).len();
    let out = run(&broker, &["dlq", "redrive", "--all", "--dry-run"]);
    assert!(text(&out.stderr).contains("1 record(s) would be re-driven"), "{}", text(&out.stderr));
    assert_eq!(read_records(&kafka, CHAT_EVENTS).len(), before, "a dry run writes nothing");

    let out = run(&broker, &["dlq", "redrive", "--all"]);
    assert!(text(&out.stderr).contains("dry run"), "without --execute: {}", text(&out.stderr));
    assert_eq!(read_records(&kafka, CHAT_EVENTS).len(), before, "the default is a dry run");

    let out = run(&broker, &["dlq", "redrive", "--all", "--execute"]);
    assert!(text(&out.stderr).contains("re-drove 1 record(s)"), "{}", text(&out.stderr));
    let after = read_records(&kafka, CHAT_EVENTS);
    assert_eq!(after.len(), before + 1);
    let back = after.iter().find(|r| r.headers.contains_key(REDRIVEN)).expect("the re-driven record");
    assert_eq!(back.key.as_deref(), Some(&b"sess-bad"[..]));
    assert_eq!(back.value, b"{not json");
    assert_eq!(back.headers["traceparent"], "00-feed-01");
    assert_eq!(back.headers[REDRIVEN], format!("chat-events.dlq:0:{}", listed["offset"]));
    assert!(!back.headers.contains_key("chatctl-error-class"), "the DLQ's own headers are not carried back");
    assert_eq!(back.headers[REDRIVE_COUNT], "1");

    // A second run, by anyone, re-drives nothing.
    let out = run(&broker, &["dlq", "redrive", "--all", "--execute"]);
    assert!(text(&out.stderr).contains("nothing to re-drive"), "{}", text(&out.stderr));
    let off = listed["offset"].to_string();
    let out = run(&broker, &["dlq", "redrive", "--offset", &off, "--execute"]);
    assert!(text(&out.stderr).contains("re-driven already"), "{}", text(&out.stderr));
    assert_eq!(read_records(&kafka, CHAT_EVENTS).len(), before + 1);
    let listed: serde_json::Value = serde_json::from_str(ok(&broker, &["dlq", "list", "-o", "json"]).trim()).unwrap();
    assert_eq!(listed["redriven"], true);
    assert_eq!(ok(&broker, &["dlq", "list", "--pending", "-o", "json"]), "");
}

/// A dead letter as the workers write it, straight into `chat-events.dlq` partition 0.
async fn dead_letter(kafka: &chatctl::kafka::KafkaSettings, i: usize, redrives: Option<u32>) {
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    let count = redrives.map(|c| c.to_string());
    let mut headers = OwnedHeaders::new()
        .insert(Header { key: "chatctl-original-topic", value: Some(CHAT_EVENTS) })
        .insert(Header { key: "chatctl-worker", value: Some("chatctl-audit") })
        .insert(Header { key: "chatctl-error-class", value: Some("decode:json") });
    if let Some(c) = &count {
        headers = headers.insert(Header { key: REDRIVE_COUNT, value: Some(c) });
    }
    let key = format!("sess-{i}");
    producer
        .send(
            FutureRecord::to("chat-events.dlq").partition(0).key(&key).payload("{broken").headers(headers),
            Duration::from_secs(10),
        )
        .await
        .map_err(|(e, _)| e)
        .unwrap();
}

/// Two operators run `dlq redrive --all --execute` at the same time: each record goes back
/// once (the first claim in the DLQ partition wins); a record re-driven 3 times already
/// stays in the DLQ (`--max-redrives`), and one re-driven once goes back with a count of 2.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_redrives_send_each_record_once_and_stop_at_the_hop_limit() {
    const N: usize = 40;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    for i in 0..N {
        dead_letter(&kafka, i, None).await;
    }
    dead_letter(&kafka, 1000, Some(3)).await;
    dead_letter(&kafka, 1001, Some(1)).await;
    let before = read_records(&kafka, CHAT_EVENTS).len();
    let spawn = || {
        chatctl()
            .args(["-b", &broker.addr, "dlq", "redrive", "--all", "--execute", "-o", "json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success(), "{}\n{}", text(&a.stderr), text(&b.stderr));
    let sent = |o: &std::process::Output| text(&o.stdout).lines().count();
    let back: Vec<_> = read_records(&kafka, CHAT_EVENTS)
        .into_iter()
        .skip(before)
        .filter(|r| r.headers.contains_key(REDRIVEN))
        .collect();
    let marks: std::collections::HashSet<_> = back.iter().map(|r| r.headers[REDRIVEN].clone()).collect();
    eprintln!(
        "concurrent re-drives: run A sent {}, run B sent {}; A: {} B: {}",
        sent(&a),
        sent(&b),
        text(&a.stderr).trim(),
        text(&b.stderr).trim()
    );
    assert_eq!(back.len(), N + 1, "every letter once (and the one under the limit), none twice");
    assert_eq!(marks.len(), N + 1, "no letter re-driven twice");
    assert_eq!(sent(&a) + sent(&b), N + 1, "the two runs' own reports add up");
    // The hop limit: sess-1000 stayed; sess-1001 went back with a count of 2.
    assert!(back.iter().all(|r| r.key.as_deref() != Some(&b"sess-1000"[..])), "the record at the limit stayed");
    let again = back.iter().find(|r| r.key.as_deref() == Some(&b"sess-1001"[..])).expect("sess-1001 re-driven");
    assert_eq!(again.headers[REDRIVE_COUNT], "2");
    assert!(text(&a.stderr).contains("re-driven 3 times already"), "{}", text(&a.stderr));
}

/// Issue "Nothing lost at the edges", re-drive: one claim rule for every mode. One record
/// dead-lettered twice (the DLQ worker is at least once), claimed by a run that died
/// before sending (its claim 10 minutes old, no sent mark): `--all` sends neither copy; two
/// `--again` runs started together, one per copy, send it once between them; a third
/// `--again` afterwards reads the sent mark and sends nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copies_and_concurrent_agains_send_a_claimed_letter_once() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    async fn to_partition_0(p: &FutureProducer, r: FutureRecord<'_, str, str>) -> i64 {
        p.send(r.partition(0), Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap().offset
    }
    let letter = || {
        FutureRecord::to("chat-events.dlq").key("sess-twice").payload("{broken").headers(
            OwnedHeaders::new()
                .insert(Header { key: "chatctl-original-topic", value: Some(CHAT_EVENTS) })
                .insert(Header { key: "chatctl-original-partition", value: Some("0") })
                .insert(Header { key: "chatctl-original-offset", value: Some("7") })
                .insert(Header { key: "chatctl-worker", value: Some("chatctl-audit") })
                .insert(Header { key: "chatctl-error-class", value: Some("decode:json") }),
        )
    };
    let first = to_partition_0(&producer, letter()).await;
    let copy = to_partition_0(&producer, letter()).await;
    let receipt = format!("0:{first}");
    let ten_minutes_ago = Utc::now().timestamp_millis() - 600_000;
    to_partition_0(
        &producer,
        FutureRecord::to("chat-events.dlq").timestamp(ten_minutes_ago).headers(
            OwnedHeaders::new()
                .insert(Header { key: RECEIPT, value: Some(&receipt) })
                .insert(Header { key: CLAIM, value: Some("a-run-that-died") })
                .insert(Header { key: ORIGIN, value: Some("chat-events/0/7") }),
        ),
    )
    .await;
    let before = read_records(&kafka, CHAT_EVENTS).len();
    let out = run(&broker, &["dlq", "redrive", "--all", "--execute"]);
    assert!(text(&out.stderr).contains("nothing to re-drive"), "{}", text(&out.stderr));
    assert_eq!(read_records(&kafka, CHAT_EVENTS).len(), before, "claimed: --all leaves both copies");

    let again = |offset: i64| {
        chatctl()
            .args(["-b", &broker.addr, "dlq", "redrive", "--offset", &offset.to_string(), "--again", "--execute"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (again(first), again(copy));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success(), "{}\n{}", text(&a.stderr), text(&b.stderr));
    eprintln!("--again A: {}\n--again B: {}", text(&a.stderr).trim(), text(&b.stderr).trim());
    let back: Vec<_> = read_records(&kafka, CHAT_EVENTS).into_iter().skip(before).collect();
    assert_eq!(back.len(), 1, "two --again runs sent the record once");
    assert_eq!(back[0].key.as_deref(), Some(&b"sess-twice"[..]));
    let said = format!("{}{}", text(&a.stderr), text(&b.stderr));
    assert!(said.contains("re-drove 1 record(s)") && said.contains("re-drove 0 record(s)"), "{said}");

    let c = run(&broker, &["dlq", "redrive", "--offset", &copy.to_string(), "--again", "--execute"]);
    assert!(text(&c.stderr).contains("said it sent it"), "{}", text(&c.stderr));
    assert_eq!(read_records(&kafka, CHAT_EVENTS).len(), before + 1, "sent once, whoever asks again");
}

/// Issue "The operator's first hour": a group the broker knows nothing of is NOTFOUND (exit
/// 4) for describe and delete alike, as it is for `lag`; nothing is said deleted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_group_is_not_found_for_describe_and_delete() {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(1).await;
    for args in [&["groups", "describe", "no-such-group"][..], &["groups", "delete", "no-such-group", "--execute"]] {
        let out = run(&broker, args);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("no such group: no-such-group"), "{}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("deleted group"), "{}", text(&out.stderr));
    }
}
