//! The everyday Kafka toolkit on real tansu: `topics`, `consume` and `produce` on any topic.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::{chatctl, text, Broker, Engine};
use rdkafka::producer::{FutureProducer, FutureRecord};
use serde_json::Value;

fn run(broker: &Broker, args: &[&str]) -> Output {
    common::on(broker, args)
}

fn ok(broker: &Broker, args: &[&str]) -> String {
    common::on_ok(broker, args)
}

/// `chatctl produce` with `input` on stdin.
fn produce(broker: &Broker, args: &[&str], input: &[u8]) -> Output {
    let mut child = chatctl()
        .args(["-b", &broker.addr, "produce"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect()
}

// SQLite engine where records are counted: the memory engine's high watermark hides the
// tail of a multi-record batch (BROKER.md), and the producer batches.
#[test]
fn topics_create_list_describe_delete_round_trip() {
    let broker = Broker::start(Engine::Sqlite);
    ok(&broker, &["topics", "create", "orders", "-p", "3", "-c", "retention.ms=3600000"]);
    let again = run(&broker, &["topics", "create", "orders", "-p", "3"]);
    assert!(!again.status.success() && text(&again.stderr).contains("already exists"), "{}", text(&again.stderr));

    let list = lines(&ok(&broker, &["topics", "list", "-o", "json"]));
    let orders = list.iter().find(|t| t["topic"] == "orders").expect("listed");
    assert_eq!(orders["partitions"], 3);

    let out = produce(&broker, &["orders", "-K", ":"], b"a:1\nb:2\nc:3\na:4\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let d: Value = serde_json::from_str(ok(&broker, &["topics", "describe", "orders", "-o", "json"]).trim()).unwrap();
    assert_eq!(d["partitions"].as_array().unwrap().len(), 3);
    assert_eq!(d["records"], 4, "{d}");
    for p in d["partitions"].as_array().unwrap().iter().filter(|p| p["records"].as_i64() > Some(0)) {
        assert!(p["firstMs"].as_i64().is_some() && p["lastMs"].as_i64() >= p["firstMs"].as_i64(), "{p}");
    }

    // Configs: a dry run says the change and makes none; --execute makes it.
    let dry = run(&broker, &["topics", "alter-config", "orders", "-c", "retention.ms=7200000"]);
    let said = text(&dry.stderr);
    assert!(
        dry.status.success() && said.contains("retention.ms 3600000 -> 7200000") && said.contains("dry run"),
        "{said}"
    );
    let retention = || {
        let d: Value =
            serde_json::from_str(ok(&broker, &["topics", "describe", "orders", "-o", "json"]).trim()).unwrap();
        d["configs"]["retention.ms"].as_str().map(str::to_string)
    };
    assert_eq!(retention().as_deref(), Some("3600000"));
    // tansu 0.6 answers AlterConfigs with UNSUPPORTED_FEATURE: said as such (not as an
    // unreachable broker), and nothing changed. (On Apache Kafka the change applies.)
    let exec = run(&broker, &["topics", "alter-config", "orders", "-c", "retention.ms=7200000", "--execute"]);
    let said = text(&exec.stderr);
    assert!(!exec.status.success() && said.contains("does not support AlterConfigs"), "{said}");
    assert_eq!(retention().as_deref(), Some("3600000"));

    let missing = run(&broker, &["topics", "describe", "nope"]);
    assert_eq!(missing.status.code(), Some(4), "{}", text(&missing.stderr));

    // Delete: a dry run changes nothing; --execute deletes.
    let dry = run(&broker, &["topics", "delete", "orders"]);
    assert!(dry.status.success() && text(&dry.stderr).contains("would delete orders"), "{}", text(&dry.stderr));
    assert!(lines(&ok(&broker, &["topics", "list", "-o", "json"])).iter().any(|t| t["topic"] == "orders"));
    ok(&broker, &["topics", "delete", "orders", "--execute"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while lines(&ok(&broker, &["topics", "list", "-o", "json"])).iter().any(|t| t["topic"] == "orders") {
        assert!(Instant::now() < deadline, "orders still listed after its delete");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Issue "The operator's first hour": `produce` to a topic that does not exist (or to a
/// partition it lacks) exits 4 at once, not 5 after the producer's whole timeout.
#[test]
fn produce_to_a_missing_topic_or_partition_is_not_found_at_once() {
    let broker = Broker::start(Engine::Sqlite);
    ok(&broker, &["topics", "create", "t", "-p", "2"]);
    for (args, says) in
        [(&["nope"][..], "topic nope does not exist"), (&["t", "--partition", "5"], "topic t has no partition 5")]
    {
        let started = std::time::Instant::now();
        let out = produce(&broker, args, b"a line\n");
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{args:?} took {:?}", started.elapsed());
    }
}

#[test]
fn produce_10000_keyed_lines_with_headers_arrive_complete_in_order_and_bad_lines_are_named() {
    let broker = Broker::start(Engine::Sqlite);
    ok(&broker, &["topics", "create", "t", "-p", "4"]);
    let mut input = String::new();
    for i in 0..10_000 {
        if i == 4_999 {
            input.push_str("no separator on this line\n");
        }
        input.push_str(&format!("k{}|v{i}\n", i % 10));
    }
    let out = produce(&broker, &["t", "-K", "|", "-H", "source=test", "-H", "run=1"], input.as_bytes());
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "a line without the separator is a usage error: {err}");
    assert!(err.contains("line 5000: no key separator"), "{err}");
    assert!(err.contains("produced 10000 of 10001"), "{err}");

    let records = lines(&ok(&broker, &["consume", "t", "-o", "json"]));
    assert_eq!(records.len(), 10_000);
    let mut last: std::collections::HashMap<String, i64> = Default::default();
    for r in &records {
        assert_eq!(r["headers"]["source"], "test", "{r}");
        assert_eq!(r["headers"]["run"], "1", "{r}");
        let key = r["key"].as_str().unwrap().to_string();
        let i: i64 = r["value"].as_str().unwrap().trim_start_matches('v').parse().unwrap();
        assert_eq!(format!("k{}", i % 10), key);
        // Per key: in the order of the lines.
        if let Some(prev) = last.insert(key, i) {
            assert!(i > prev, "v{i} after v{prev}");
        }
    }
}

#[test]
fn consume_a_dlq_prints_key_headers_and_payload_with_a_template() {
    let broker = Broker::start(Engine::Memory);
    ok(&broker, &["topics", "create", "chat-events.dlq"]);
    let out = produce(
        &broker,
        &["chat-events.dlq", "-k", "session-7", "-H", "chatctl-error-class=schema"],
        b"{\"broken\": true}\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let line = ok(&broker, &["consume", "chat-events.dlq", "-f", "%t %p %o key=%k headers=%h value=%s\\n"]);
    assert_eq!(line, "chat-events.dlq 0 0 key=session-7 headers=chatctl-error-class=schema value={\"broken\": true}\n");
    let raw = ok(&broker, &["consume", "chat-events.dlq", "--raw"]);
    assert_eq!(raw, "{\"broken\": true}\n");
    let none = run(&broker, &["consume", "chat-events.dlq", "--offset", "end"]);
    assert!(none.status.success() && none.stdout.is_empty() && text(&none.stderr).contains("no records"));
}

#[tokio::test]
async fn offsets_by_time_window_and_from_the_end_give_exactly_their_records() {
    // SQLite: exact offsets-for-times (BROKER.md).
    let broker = Broker::start(Engine::Sqlite);
    ok(&broker, &["topics", "create", "w", "-p", "2"]);
    let start_ms = 1_780_000_000_000;
    common::fill(&broker.kafka(), "w", 2, 100, start_ms, 1_000).await;
    let (t1, t2) = (start_ms + 20_000, start_ms + 50_000);
    let want: Vec<String> = (0..2).flat_map(|p| (20..50).map(move |i| format!("{p}-{i}"))).collect();
    let values = |out: String| {
        let mut v: Vec<String> = lines(&out).iter().map(|r| r["value"].as_str().unwrap().to_string()).collect();
        v.sort_by_key(|s| {
            let (p, i) = s.split_once('-').unwrap();
            (p.parse::<i32>().unwrap(), i.parse::<i32>().unwrap())
        });
        v
    };
    let window = format!("@{t1}:{t2}");
    assert_eq!(values(ok(&broker, &["consume", "w", "--offset", &window, "-o", "json"])), want);
    let (since, until) = (t1.to_string(), t2.to_string());
    assert_eq!(values(ok(&broker, &["consume", "w", "--since", &since, "--until", &until, "-o", "json"])), want);

    let tail = values(ok(&broker, &["consume", "w", "-p", "1", "--offset", "-3", "-o", "json"]));
    assert_eq!(tail, vec!["1-97", "1-98", "1-99"]);
    let from = values(ok(&broker, &["consume", "w", "-p", "0", "--offset", "95", "-n", "2", "-o", "json"]));
    assert_eq!(from, vec!["0-95", "0-96"]);
}

#[tokio::test]
async fn follow_prints_a_record_produced_after_it_started() {
    let broker = Broker::start(Engine::Memory);
    ok(&broker, &["topics", "create", "live"]);
    let mut child = chatctl()
        .args(["-b", &broker.addr, "consume", "live", "--offset", "end", "--follow", "-n", "1", "-f", "%s\\n"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send((line.unwrap(), Instant::now()));
        }
    });
    // The consumer is following once it has read to the end (nothing there): give it a
    // moment, then produce.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent = Instant::now();
    let out = produce(&broker, &["live"], b"hello after start\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (line, at) = rx.recv_timeout(Duration::from_secs(15)).expect("the followed record is printed");
    assert_eq!(line, "hello after start");
    eprintln!("followed record printed {:?} after its produce started", at - sent);
    assert!(at - sent < Duration::from_secs(5), "took {:?}", at - sent);
    let status = child.wait().unwrap();
    assert!(status.success(), "-n 1 ends the follow");
}

#[tokio::test]
async fn groups_at_fleet_scale_plain_output_for_awk_and_a_reset_to_another_groups_offsets() {
    // The memory engine describes groups (states) and every record here is its own batch.
    let broker = Broker::start(Engine::Memory);
    ok(&broker, &["topics", "create", "fleet", "-p", "2"]);
    let kafka = broker.kafka();
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    for p in 0..2 {
        for i in 0..5 {
            let v = format!("{p}-{i}");
            let record = FutureRecord::<(), _>::to("fleet").partition(p).payload(&v);
            producer.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
        }
    }
    ok(&broker, &["groups", "reset", "lagging", "--topic", "fleet", "--to-offset", "2", "--execute"]);
    ok(&broker, &["groups", "reset", "caught-up", "--topic", "fleet", "--to-latest", "--execute"]);

    // Every group, only what lags, Kafka's columns: awk sums the LAG column.
    let sum = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} -b {} groups describe --all-groups --only-with-lag -o plain | awk 'NR == 1 {{ print $1, $7 }} NR > 1 {{ g[$1] = 1; s += $7 }} END {{ for (k in g) print k; print s }}'",
            env!("CARGO_BIN_EXE_chatctl"),
            broker.addr
        ))
        .output()
        .unwrap();
    assert_eq!(text(&sum.stdout), "GROUP LAG\nlagging\n6\n", "{}", text(&sum.stderr));

    // Rolled up per topic: one line per group and topic.
    let by_topic = lines(&ok(&broker, &["groups", "describe", "--all-groups", "--by", "topic", "-o", "json"]));
    let lagging = by_topic.iter().find(|r| r["group"] == "lagging").expect("lagging rolled up");
    assert_eq!(
        (lagging["of"].as_str(), lagging["partitions"].as_u64(), lagging["lag"].as_i64()),
        (Some("fleet"), Some(2), Some(6))
    );
    let caught_up = by_topic.iter().find(|r| r["group"] == "caught-up").expect("caught-up rolled up");
    assert_eq!(caught_up["lag"], 0);

    let all = lines(&ok(&broker, &["groups", "describe", "--all-groups", "-o", "json"]));
    let names: Vec<&str> = all.iter().map(|g| g["group"].as_str().unwrap()).collect();
    assert!(names.contains(&"lagging") && names.contains(&"caught-up"), "{names:?}");
    let empty = lines(&ok(&broker, &["groups", "describe", "--all-groups", "--state", "stable", "-o", "json"]));
    assert!(empty.is_empty(), "no group has members: {empty:?}");

    // A new group starts where another one is.
    ok(&broker, &["groups", "reset", "copy", "--all-topics", "--to-group", "lagging", "--execute"]);
    let copy: Value = serde_json::from_str(ok(&broker, &["groups", "describe", "copy", "-o", "json"]).trim()).unwrap();
    let offsets: Vec<(i64, i64)> = copy["offsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["partition"].as_i64().unwrap(), o["committed"].as_i64().unwrap()))
        .collect();
    assert_eq!(offsets, vec![(0, 2), (1, 2)]);
    let none = run(&broker, &["groups", "reset", "copy2", "--all-topics", "--to-group", "nobody", "--execute"]);
    assert!(none.status.success(), "{}", text(&none.stderr));
    let copy2 = run(&broker, &["groups", "describe", "copy2", "-o", "json"]);
    let nothing = copy2.status.code() == Some(4)
        || serde_json::from_slice::<Value>(&copy2.stdout)
            .is_ok_and(|d| d["offsets"].as_array().is_some_and(Vec::is_empty));
    assert!(nothing, "nothing copied from a group without offsets: {}", text(&copy2.stdout));
}

#[test]
fn yaml_output_reads_back_as_the_json_does() {
    let broker = Broker::start(Engine::Memory);
    ok(&broker, &["topics", "create", "y1", "-p", "2"]);
    ok(&broker, &["topics", "create", "y2"]);
    let json = lines(&ok(&broker, &["topics", "list", "-o", "json"]));
    let yaml: Vec<Value> = serde_norway::from_str(&ok(&broker, &["topics", "list", "-o", "yaml"])).unwrap();
    assert_eq!(yaml, json);
    let doc: Value =
        serde_norway::from_str(ok(&broker, &["topics", "describe", "y1", "-o", "yaml"]).trim_start_matches("---\n"))
            .unwrap();
    assert_eq!(doc["partitions"].as_array().unwrap().len(), 2);
}

/// `COMPLETE=fish chatctl -- chatctl ...`: what the shell asks for as the user types.
fn complete(broker: &Broker, words: &[&str]) -> Vec<String> {
    let out =
        chatctl().env("COMPLETE", "fish").env("CHATCTL_BROKERS", &broker.addr).arg("--").args(words).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

#[test]
fn completions_offer_live_topic_and_group_names() {
    let broker = Broker::start(Engine::Memory);
    ok(&broker, &["topics", "create", "comp-orders"]);
    ok(&broker, &["topics", "create", "comp-users"]);
    ok(&broker, &["groups", "reset", "comp-group", "--topic", "comp-orders", "--to-earliest", "--execute"]);
    let topics = complete(&broker, &["chatctl", "topics", "describe", "comp-"]);
    assert!(topics.contains(&"comp-orders".to_string()) && topics.contains(&"comp-users".to_string()), "{topics:?}");
    let consume = complete(&broker, &["chatctl", "consume", "comp-o"]);
    assert_eq!(consume, vec!["comp-orders"]);
    let groups = complete(&broker, &["chatctl", "groups", "describe", "comp"]);
    assert_eq!(groups, vec!["comp-group"]);
    // No cluster: no candidates, quickly, and no error.
    let t = Instant::now();
    let out = chatctl()
        .env("COMPLETE", "fish")
        .env("CHATCTL_BROKERS", format!("127.0.0.1:{}", common::free_port()))
        .args(["--", "chatctl", "consume", ""])
        .output()
        .unwrap();
    assert!(out.status.success() && t.elapsed() < Duration::from_secs(5), "{:?} {}", t.elapsed(), text(&out.stderr));
}

/// The committed offsets `groups describe -o json` shows: (topic, partition, offset).
fn committed(broker: &Broker, group: &str) -> Vec<(String, i64, i64)> {
    let out = run(broker, &["groups", "describe", group, "-o", "json"]);
    if out.status.code() == Some(4) {
        return Vec::new();
    }
    let d: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    d["offsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["topic"].as_str().unwrap().to_string(),
                o["partition"].as_i64().unwrap(),
                o["committed"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// kafka-consumer-groups.sh --delete-offsets: the named topic's offsets go, the others stay.
/// tansu 0.6 has no OffsetDelete, so this is the other way (delete and commit back), which
/// must leave exactly what OffsetDelete would.
#[test]
fn delete_offsets_removes_the_named_topics_offsets_and_keeps_the_rest() {
    let broker = Broker::start(Engine::Memory);
    ok(&broker, &["topics", "create", "do-a", "-p", "2"]);
    ok(&broker, &["topics", "create", "do-b", "-p", "2"]);
    produce(&broker, &["do-a"], b"1\n2\n3\n4\n");
    produce(&broker, &["do-b"], b"1\n2\n3\n4\n5\n6\n");
    ok(&broker, &["groups", "reset", "dg", "--topic", "do-a", "--topic", "do-b", "--to-latest", "--execute"]);
    let before = committed(&broker, "dg");
    assert_eq!(before.len(), 4, "{before:?}");
    // Dry run: the plan, nothing changed.
    let dry = ok(&broker, &["groups", "delete-offsets", "dg", "--topic", "do-a", "-o", "json"]);
    assert_eq!(lines(&dry).len(), 2, "{dry}");
    assert!(lines(&dry).iter().all(|r| r["status"] == "to-delete"), "{dry}");
    assert_eq!(committed(&broker, "dg"), before);
    // One partition of do-b, then all of do-a.
    ok(&broker, &["groups", "delete-offsets", "dg", "--topic", "do-b:1", "--execute"]);
    let after: Vec<_> = before.iter().filter(|(t, p, _)| !(t == "do-b" && *p == 1)).cloned().collect();
    assert_eq!(committed(&broker, "dg"), after);
    let out = ok(&broker, &["groups", "delete-offsets", "dg", "--topic", "do-a", "--execute", "-o", "json"]);
    assert!(lines(&out).iter().all(|r| r["status"] == "deleted"), "{out}");
    let left: Vec<_> = after.iter().filter(|(t, _, _)| t != "do-a").cloned().collect();
    assert_eq!(committed(&broker, "dg"), left);
    // Nothing left to delete there: said, exit 4.
    let again = run(&broker, &["groups", "delete-offsets", "dg", "--topic", "do-a", "--execute"]);
    assert_eq!(again.status.code(), Some(4), "{}", text(&again.stderr));
    assert!(text(&again.stderr).contains("no committed offset on do-a"), "{}", text(&again.stderr));
}

/// Issue "The operator's first hour": each exit code `chatctl --help` lists, shown by a
/// real command that gives it.
#[test]
fn each_documented_exit_code_has_a_command_that_gives_it() {
    let broker = Broker::start(Engine::Sqlite);
    ok(&broker, &["topics", "create", "taken", "-p", "1"]);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "brokers = [unclosed\n").unwrap();
    let bad = bad.display().to_string();
    let help = text(&chatctl().arg("--help").output().unwrap().stdout);
    let cases: [(&[&str], i32, &str); 6] = [
        (&["security"], 0, "success"),
        (&["lag", "--interval", "soon"], 2, "usage"),
        (&["--config", &bad, "topics", "list"], 3, "config"),
        (&["-b", &broker.addr, "groups", "describe", "no-such-group"], 4, "not found"),
        (&["-b", "127.0.0.1:1", "--timeout", "2s", "topics", "list"], 5, "unavailable"),
        (&["-b", &broker.addr, "topics", "create", "taken"], 6, "conflict"),
    ];
    for (args, code, word) in cases {
        assert!(help.contains(&format!("  {code}  {word}")), "--help lists {code} as {word}:\n{help}");
        let out = chatctl().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out.stderr));
    }
}
