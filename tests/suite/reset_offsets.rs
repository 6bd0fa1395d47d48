//! Apache Kafka's `ResetConsumerGroupOffsetTest` (tools/src/test/java/org/apache/kafka/
//! tools/consumer/group/ResetConsumerGroupOffsetTest.java), ported case for case to
//! `chatctl groups reset` on real tansu: each test names the Kafka test it ports and
//! expects Kafka's offsets. As in Kafka's tests, a group "consumed" a topic with a real
//! consumer that committed and left (produceConsumeAndShutdown), records are produced one
//! per batch with their real time, and every case asserts both the printed plan and what
//! the broker then holds (unchanged after a dry run). The memory engine: it can describe
//! groups, so resets are guarded as on Apache Kafka (no --force anywhere here).

use crate::common;

use std::collections::BTreeMap;
use std::process::Output;
use std::time::{Duration, Instant};

use chatctl::kafka::KafkaSettings;
use common::{chatctl, committed, create_topic, Broker, Engine};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::ClientConfig;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `chatctl groups reset ARGS -o json` against `broker`.
fn reset(broker: &Broker, args: &[&str]) -> Output {
    chatctl().args(["-b", &broker.addr, "groups", "reset", "-o", "json"]).args(args).output().unwrap()
}

/// The plan a reset printed: (group, topic, partition) → new offset.
fn plan(out: &Output) -> BTreeMap<(String, String, i32), i64> {
    assert!(out.status.success(), "reset failed: {}{}", text(&out.stdout), text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let key = (
                v["group"].as_str().unwrap().to_string(),
                v["topic"].as_str().unwrap().to_string(),
                v["partition"].as_i64().unwrap() as i32,
            );
            (key, v["target"].as_i64().unwrap())
        })
        .collect()
}

/// Kafka's produceMessages: `n` records, spread over the topic's `partitions`, one per
/// batch (tansu's memory engine hides a multi-record last batch's tail from the watermark).
async fn produce(kafka: &KafkaSettings, topic: &str, partitions: i32, n: i32) {
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    for i in 0..n {
        let v = format!("record-{i}");
        producer
            .send(FutureRecord::<(), _>::to(topic).partition(i % partitions).payload(&v), Duration::from_secs(10))
            .await
            .map_err(|(e, _)| e)
            .unwrap();
    }
}

/// Kafka's produceConsumeAndShutdown: 100 records, then a member of `group` reads them
/// all, commits, and leaves the group.
async fn produce_consume_and_shutdown(kafka: &KafkaSettings, topic: &str, partitions: i32, group: &str) {
    produce(kafka, topic, partitions, 100).await;
    let (k, t, g) = (kafka.clone(), topic.to_string(), group.to_string());
    tokio::task::spawn_blocking(move || consume_all(&k, &t, partitions, &g)).await.unwrap();
}

fn consume_all(kafka: &KafkaSettings, topic: &str, partitions: i32, group: &str) {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &kafka.brokers)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .create()
        .unwrap();
    c.subscribe(&[topic]).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = 0;
    while seen < 100 {
        assert!(Instant::now() < deadline, "{group} read {seen} of 100 records of {topic}");
        if let Some(m) = c.poll(Duration::from_millis(200)) {
            m.unwrap();
            seen += 1;
        }
    }
    c.commit_consumer_state(CommitMode::Sync).unwrap();
    let sum: i64 = committed(kafka, group, topic, partitions).iter().sum();
    assert_eq!(sum, 100, "awaitConsumerProgress: {group} committed all 100 of {topic}");
    c.unsubscribe();
    drop(c); // leaves the group: Empty
}

/// Until the broker says `group` has no members (Kafka's awaitConsumerGroupInactive).
async fn await_inactive(broker: &Broker, group: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let out = chatctl().args(["-b", &broker.addr, "groups", "describe", group, "-o", "json"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap_or_default();
        if matches!(v["state"].as_str(), Some("Empty" | "Dead")) {
            return;
        }
        assert!(Instant::now() < deadline, "{group} never became inactive: {}", text(&out.stdout));
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Kafka's resetAndAssertOffsets: the plan gives `expected` for partition 0 of each of
/// `topics` in every group reset, and the broker then holds it (or, after a dry run, what
/// it held before).
fn reset_and_assert(broker: &Broker, args: &[&str], expected: i64, dry_run: bool, topics: &[&str], groups: &[&str]) {
    let kafka = broker.kafka();
    let prior: Vec<Vec<i64>> = groups
        .iter()
        .flat_map(|g| topics.iter().map(move |t| (g, t)))
        .map(|(g, t)| committed(&kafka, g, t, 1))
        .collect();
    let p = plan(&reset(broker, args));
    let mut i = 0;
    for g in groups {
        for t in topics {
            assert_eq!(p.get(&(g.to_string(), t.to_string(), 0)), Some(&expected), "{args:?}: plan for {g} {t}: {p:?}");
            let want = if dry_run { prior[i].clone() } else { vec![expected] };
            assert_eq!(committed(&kafka, g, t, 1), want, "{args:?}: committed for {g} {t}");
            i += 1;
        }
    }
}

fn with(args: &[&str], extra: &[&str]) -> Vec<String> {
    args.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// testResetOffsetsNotExistingGroup, testResetOffsetsExistingTopic,
/// testResetOffsetsExistingTopicSelectedGroups, testResetWithUnrecognizedNewConsumerOption,
/// and chatctl's own refusals (Kafka's usage errors).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_reset_offsets_groups_and_existing_topics() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();

    // testResetOffsetsNotExistingGroup: --all-topics --to-current --execute on a group with
    // no offsets resets nothing and commits nothing.
    create_topic(&kafka, "foo-missing", 1).await;
    let out = reset(&broker, &["--group", "missing.group", "--all-topics", "--to-current", "--execute"]);
    assert!(plan(&out).is_empty(), "{}", text(&out.stdout));
    assert_eq!(committed(&kafka, "missing.group", "foo-missing", 1), [-1]);

    // testResetOffsetsExistingTopic: a new group, --topic --to-offset 50, in all three modes.
    create_topic(&kafka, "foo-existing", 1).await;
    produce(&kafka, "foo-existing", 1, 100).await;
    let args = ["--group", "new.group", "--topic", "foo-existing", "--to-offset", "50"];
    reset_and_assert(&broker, &args, 50, true, &["foo-existing"], &["new.group"]);
    reset_and_assert(&broker, &strs(&with(&args, &["--dry-run"])), 50, true, &["foo-existing"], &["new.group"]);
    reset_and_assert(&broker, &strs(&with(&args, &["--execute"])), 50, false, &["foo-existing"], &["new.group"]);

    // testResetOffsetsExistingTopicSelectedGroups: two groups that consumed it all.
    create_topic(&kafka, "foo-selected", 1).await;
    produce(&kafka, "foo-selected", 1, 100).await;
    for g in ["foo-selected1", "foo-selected2"] {
        let (k, g2) = (kafka.clone(), g.to_string());
        tokio::task::spawn_blocking(move || consume_all(&k, "foo-selected", 1, &g2)).await.unwrap();
        await_inactive(&broker, g).await;
    }
    let args = ["--group", "foo-selected1", "--group", "foo-selected2", "--topic", "foo-selected", "--to-offset", "50"];
    let groups = ["foo-selected1", "foo-selected2"];
    reset_and_assert(&broker, &args, 50, true, &["foo-selected"], &groups);
    reset_and_assert(&broker, &strs(&with(&args, &["--dry-run"])), 50, true, &["foo-selected"], &groups);
    reset_and_assert(&broker, &strs(&with(&args, &["--execute"])), 50, false, &["foo-selected"], &groups);

    // testResetWithUnrecognizedNewConsumerOption: an unknown option is a usage error.
    let out = reset(&broker, &["--new-consumer", "--group", "g", "--all-topics", "--to-offset", "2", "--export"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));

    // Kafka's option checks: --dry-run with --execute is refused.
    let out = reset(&broker, &strs(&with(&args, &["--dry-run", "--execute"])));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(committed(&kafka, "foo-selected1", "foo-selected", 1), [50]);

    // prepareOffsetsToReset: --shift-by where a group has no committed offset is a usage
    // error, and nothing is committed in any group.
    let out = reset(
        &broker,
        &[
            "--group",
            "foo-selected1",
            "--group",
            "new.group",
            "--topic",
            "foo-selected",
            "--shift-by",
            "5",
            "--execute",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no current committed offset"), "{}", text(&out.stderr));
    assert_eq!(committed(&kafka, "foo-selected1", "foo-selected", 1), [50], "nothing committed");
}

/// testResetOffsetsExistingTopicAllGroups and testResetOffsetsAllTopicsAllGroups (a broker
/// of their own: --all-groups means every group on it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_reset_offsets_all_groups() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();

    // testResetOffsetsExistingTopicAllGroups: three groups that consumed one topic.
    create_topic(&kafka, "foo-all", 1).await;
    produce(&kafka, "foo-all", 1, 100).await;
    let groups = ["test.group-a", "test.group-b", "test.group-c"];
    for g in groups {
        let (k, g2) = (kafka.clone(), g.to_string());
        tokio::task::spawn_blocking(move || consume_all(&k, "foo-all", 1, &g2)).await.unwrap();
        await_inactive(&broker, g).await;
    }
    let args = ["--all-groups", "--topic", "foo-all", "--to-offset", "50"];
    reset_and_assert(&broker, &args, 50, true, &["foo-all"], &groups);
    reset_and_assert(&broker, &strs(&with(&args, &["--dry-run"])), 50, true, &["foo-all"], &groups);
    reset_and_assert(&broker, &strs(&with(&args, &["--execute"])), 50, false, &["foo-all"], &groups);

    // testResetOffsetsAllTopicsAllGroups: two topics, two groups each consumed both (with
    // Kafka's groups of three consumers, one here: the committed offsets are the same).
    let topics = ["foo-tt1", "foo-tt2"];
    let groups2 = ["test.group-x1", "test.group-x2"];
    for t in topics {
        create_topic(&kafka, t, 1).await;
        produce(&kafka, t, 1, 100).await;
        for g in groups2 {
            let (k, g2, t2) = (kafka.clone(), g.to_string(), t.to_string());
            tokio::task::spawn_blocking(move || consume_all(&k, &t2, 1, &g2)).await.unwrap();
            await_inactive(&broker, g).await;
        }
    }
    let args = ["--all-groups", "--all-topics", "--to-offset", "50"];
    reset_and_assert(&broker, &args, 50, true, &topics, &groups2);
    reset_and_assert(&broker, &strs(&with(&args, &["--dry-run"])), 50, true, &topics, &groups2);
    reset_and_assert(&broker, &strs(&with(&args, &["--execute"])), 50, false, &topics, &groups2);
    // --all-topics is exactly each group's committed partitions: the groups of the first
    // case never read foo-tt1, and still have nothing there.
    assert_eq!(committed(&kafka, "test.group-a", "foo-tt1", 1), [-1]);
}

/// One group that consumed a fresh one-partition topic (Kafka's produceConsumeAndShutdown).
async fn consumed(broker: &Broker, topic: &str, group: &str) {
    let kafka = broker.kafka();
    create_topic(&kafka, topic, 1).await;
    produce_consume_and_shutdown(&kafka, topic, 1, group).await;
    await_inactive(broker, group).await;
}

/// The scenarios with --all-topics on one consumed topic: testResetOffsetsToEarliest,
/// ToLatest, ToCurrentOffset, ToSpecificOffset, ShiftPlus, ShiftMinus,
/// ShiftByLowerThanEarliest, ShiftByHigherThanLatest, ToEarliestOnOneTopic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_reset_offsets_scenarios() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    // (Kafka test, extra records produced after consuming, args, expected offset)
    let cases: [(&str, i32, &[&str], i64); 9] = [
        ("testResetOffsetsToEarliest", 0, &["--all-topics", "--to-earliest"], 0),
        ("testResetOffsetsToLatest", 100, &["--all-topics", "--to-latest"], 200),
        ("testResetOffsetsToCurrentOffset", 100, &["--all-topics", "--to-current"], 100),
        ("testResetOffsetsToSpecificOffset", 0, &["--all-topics", "--to-offset", "1"], 1),
        ("testResetOffsetsShiftPlus", 100, &["--all-topics", "--shift-by", "50"], 150),
        ("testResetOffsetsShiftMinus", 100, &["--all-topics", "--shift-by", "-50"], 50),
        ("testResetOffsetsShiftByLowerThanEarliest", 100, &["--all-topics", "--shift-by", "-150"], 0),
        ("testResetOffsetsShiftByHigherThanLatest", 100, &["--all-topics", "--shift-by", "150"], 200),
        ("testResetOffsetsToEarliestOnOneTopic", 0, &["--topic", "TOPIC", "--to-earliest"], 0),
    ];
    for (i, (name, more, args, expected)) in cases.iter().enumerate() {
        let (topic, group) = (format!("foo-scenario-{i}"), format!("test.group-scenario-{i}"));
        consumed(&broker, &topic, &group).await;
        if *more > 0 {
            produce(&kafka, &topic, 1, *more).await;
        }
        let mut a: Vec<&str> = vec!["--group", &group];
        a.extend(args.iter().map(|x| if *x == "TOPIC" { topic.as_str() } else { x }));
        a.push("--execute");
        let p = plan(&reset(&broker, &a));
        assert_eq!(p.get(&(group.clone(), topic.clone(), 0)), Some(expected), "{name}: {p:?}");
        assert_eq!(committed(&kafka, &group, &topic, 1), [*expected], "{name}");
    }
}

/// testResetOffsetsToLocalDateTime, testResetOffsetsToZonedDateTime,
/// testResetOffsetsByDuration, testResetOffsetsByDurationToEarliest,
/// testResetOffsetsByDurationFallbackToLatestWhenNoRecords.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_reset_offsets_by_time() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    let check = |args: &[&str], group: &str, topic: &str, expected: i64| {
        let mut a = vec!["--group", group];
        a.extend_from_slice(args);
        a.push("--execute");
        let p = plan(&reset(&broker, &a));
        assert_eq!(p.get(&(group.to_string(), topic.to_string(), 0)), Some(&expected), "{args:?}: {p:?}");
        assert_eq!(committed(&kafka, group, topic, 1), [expected], "{args:?}");
    };

    // testResetOffsetsToLocalDateTime: a day ago, Kafka's zone-less format (read as UTC).
    consumed(&broker, "foo-local", "test.group-local").await;
    let day_ago = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%S%.3f").to_string();
    check(&["--all-topics", "--to-datetime", &day_ago], "test.group-local", "foo-local", 0);

    // testResetOffsetsToZonedDateTime: 50 records, a checkpoint with its zone, 50 more.
    create_topic(&kafka, "foo-zoned", 1).await;
    produce(&kafka, "foo-zoned", 1, 50).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    let checkpoint = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(2 * 3600).unwrap());
    tokio::time::sleep(Duration::from_millis(50)).await;
    produce(&kafka, "foo-zoned", 1, 50).await;
    let (k, g) = (kafka.clone(), "test.group-zoned".to_string());
    tokio::task::spawn_blocking(move || consume_all(&k, "foo-zoned", 1, &g)).await.unwrap();
    await_inactive(&broker, "test.group-zoned").await;
    let zoned = checkpoint.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string();
    check(&["--all-topics", "--to-datetime", &zoned], "test.group-zoned", "foo-zoned", 50);

    // testResetOffsetsByDuration: PT1M, every record is newer: the earliest.
    consumed(&broker, "foo-duration", "test.group-duration").await;
    check(&["--all-topics", "--by-duration", "PT1M"], "test.group-duration", "foo-duration", 0);

    // testResetOffsetsByDurationToEarliest: PT0.1S, no record is that recent: the log end.
    consumed(&broker, "foo-duration-end", "test.group-duration-end").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    check(&["--all-topics", "--by-duration", "PT0.1S"], "test.group-duration-end", "foo-duration-end", 100);

    // testResetOffsetsByDurationFallbackToLatestWhenNoRecords: an empty topic: the log end.
    create_topic(&kafka, "foo-empty", 1).await;
    check(&["--topic", "foo-empty", "--by-duration", "PT1M"], "test.group-empty", "foo-empty", 0);
}

/// testResetOffsetsToEarliestOnOneTopicAndPartition, testResetOffsetsToEarliestOnTopics,
/// testResetOffsetsToEarliestOnTopicsAndPartitions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_reset_offsets_topics_and_partitions() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();

    // testResetOffsetsToEarliestOnOneTopicAndPartition: T:1 only; partition 0 keeps its offset.
    create_topic(&kafka, "foo-tp", 2).await;
    produce_consume_and_shutdown(&kafka, "foo-tp", 2, "test.group-tp").await;
    await_inactive(&broker, "test.group-tp").await;
    let prior = committed(&kafka, "test.group-tp", "foo-tp", 2);
    let p = plan(&reset(&broker, &["--group", "test.group-tp", "--topic", "foo-tp:1", "--to-earliest", "--execute"]));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[&("test.group-tp".into(), "foo-tp".into(), 1)], 0);
    assert_eq!(committed(&kafka, "test.group-tp", "foo-tp", 2), [prior[0], 0]);

    // testResetOffsetsToEarliestOnTopics: two topics, both to 0.
    for t in ["foo-t1", "foo-t2"] {
        create_topic(&kafka, t, 1).await;
        produce_consume_and_shutdown(&kafka, t, 1, "test.group-ts").await;
        await_inactive(&broker, "test.group-ts").await;
    }
    let p = plan(&reset(
        &broker,
        &["--group", "test.group-ts", "--topic", "foo-t1", "--topic", "foo-t2", "--to-earliest", "--execute"],
    ));
    assert_eq!(p.values().collect::<Vec<_>>(), [&0, &0]);
    assert_eq!(committed(&kafka, "test.group-ts", "foo-t1", 1), [0]);
    assert_eq!(committed(&kafka, "test.group-ts", "foo-t2", 1), [0]);

    // testResetOffsetsToEarliestOnTopicsAndPartitions: T1:1 and T2:1 only.
    for t in ["foo-tp1", "foo-tp2"] {
        create_topic(&kafka, t, 2).await;
        produce_consume_and_shutdown(&kafka, t, 2, "test.group-tps").await;
        await_inactive(&broker, "test.group-tps").await;
    }
    let prior1 = committed(&kafka, "test.group-tps", "foo-tp1", 2);
    let prior2 = committed(&kafka, "test.group-tps", "foo-tp2", 2);
    let p = plan(&reset(
        &broker,
        &["--group", "test.group-tps", "--topic", "foo-tp1:1", "--topic", "foo-tp2:1", "--to-earliest", "--execute"],
    ));
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(committed(&kafka, "test.group-tps", "foo-tp1", 2), [prior1[0], 0]);
    assert_eq!(committed(&kafka, "test.group-tps", "foo-tp2", 2), [prior2[0], 0]);
}

/// testResetOffsetsExportImportPlanSingleGroupArg and testResetOffsetsExportImportPlan.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_reset_offsets_export_import() {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reset.csv");

    // testResetOffsetsExportImportPlanSingleGroupArg: topic,partition,offset.
    create_topic(&kafka, "foo-exp", 2).await;
    produce_consume_and_shutdown(&kafka, "foo-exp", 2, "test.group-exp").await;
    await_inactive(&broker, "test.group-exp").await;
    let out = reset(&broker, &["--group", "test.group-exp", "--all-topics", "--to-offset", "2", "--export"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "foo-exp,0,2\nfoo-exp,1,2\n");
    std::fs::write(&file, &out.stdout).unwrap();
    let before = committed(&kafka, "test.group-exp", "foo-exp", 2);
    let p = plan(&reset(
        &broker,
        &["--group", "test.group-exp", "--all-topics", "--from-file", file.to_str().unwrap(), "--dry-run"],
    ));
    let g = "test.group-exp".to_string();
    assert_eq!(p, BTreeMap::from([((g.clone(), "foo-exp".into(), 0), 2), ((g, "foo-exp".into(), 1), 2)]));
    assert_eq!(committed(&kafka, "test.group-exp", "foo-exp", 2), before, "a dry run");

    // testResetOffsetsExportImportPlan: group,topic,partition,offset for several groups.
    for (t, g) in [("foo-exp1", "test.group-exp1"), ("foo-exp2", "test.group-exp2")] {
        create_topic(&kafka, t, 2).await;
        produce_consume_and_shutdown(&kafka, t, 2, g).await;
        await_inactive(&broker, g).await;
    }
    let out = reset(
        &broker,
        &["--group", "test.group-exp1", "--group", "test.group-exp2", "--all-topics", "--to-offset", "2", "--export"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "test.group-exp1,foo-exp1,0,2\ntest.group-exp1,foo-exp1,1,2\ntest.group-exp2,foo-exp2,0,2\ntest.group-exp2,foo-exp2,1,2\n"
    );
    std::fs::write(&file, &out.stdout).unwrap();
    let both = plan(&reset(
        &broker,
        &[
            "--group",
            "test.group-exp1",
            "--group",
            "test.group-exp2",
            "--all-topics",
            "--from-file",
            file.to_str().unwrap(),
            "--dry-run",
        ],
    ));
    assert_eq!(both.len(), 4, "{both:?}");
    assert!(both.values().all(|o| *o == 2), "{both:?}");
    // One group reads its rows out of the several-group file.
    let one = plan(&reset(
        &broker,
        &["--group", "test.group-exp1", "--all-topics", "--from-file", file.to_str().unwrap(), "--dry-run"],
    ));
    assert_eq!(
        one.keys().map(|k| (k.0.as_str(), k.1.as_str(), k.2)).collect::<Vec<_>>(),
        [("test.group-exp1", "foo-exp1", 0), ("test.group-exp1", "foo-exp1", 1)]
    );
    assert_eq!(committed(&kafka, "test.group-exp1", "foo-exp1", 2), [50, 50], "dry runs changed nothing");
    // Then for real, from the file.
    plan(&reset(
        &broker,
        &[
            "--group",
            "test.group-exp1",
            "--group",
            "test.group-exp2",
            "--from-file",
            file.to_str().unwrap(),
            "--execute",
        ],
    ));
    assert_eq!(committed(&kafka, "test.group-exp1", "foo-exp1", 2), [2, 2]);
    assert_eq!(committed(&kafka, "test.group-exp2", "foo-exp2", 2), [2, 2]);
    // Kafka's dry-run table, on request.
    let out = chatctl()
        .args([
            "-b",
            &broker.addr,
            "groups",
            "reset",
            "-g",
            "test.group-exp2",
            "--all-topics",
            "--to-earliest",
            "--kafka-table",
        ])
        .output()
        .unwrap();
    let t = text(&out.stdout);
    assert!(
        t.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"]),
        "{t}"
    );
    assert!(
        t.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["test.group-exp2", "foo-exp2", "1", "0"]),
        "{t}"
    );
}
