//! Alerts, against a real SMTP server (aiosmtpd, started here) and a webhook receiver, with
//! the notify worker (`chatctl serve --workers notify`) on real tansu: one alert per distinct
//! failure; a storm of 1,000 STREAM_ERRORs in 10 s becomes a handful of messages whose counts
//! add up to 1,000, through a kill -9 of the worker mid-storm, with no message twice; a 12 s
//! answer is a slow-answer alert and a 9 s one is not; replayed records alert nobody.

use crate::common;

use std::collections::{BTreeMap, HashSet};
use std::process::{Command, Stdio};
use std::time::Duration;

use chatctl::events::{Event, Payload, StreamCompleted, StreamError, STREAM_EVENTS};
use chatctl::workers::notify::Alert;
use chrono::{DateTime, Duration as Cd, Utc};
use common::{chatctl, free_port, processed, produce, wait_for_port, wait_until, webhook, Broker, Engine, Proc};

/// Window of the test's alert grouping.
const WINDOW_S: i64 = 10;

fn error(at: DateTime<Utc>, node: &str, code: &str, i: usize) -> Event {
    Event::at(
        at,
        format!("sess-{node}-{i}"),
        node,
        Payload::StreamError(StreamError {
            message_id: format!("m-{node}-{code}-{i}"),
            error: format!("{code} while streaming"),
            error_code: code.into(),
            chunk_index: None,
        }),
    )
}

fn completed(at: DateTime<Utc>, node: &str, latency_ms: u64) -> Event {
    Event::at(
        at,
        format!("sess-{node}-{latency_ms}"),
        node,
        Payload::StreamCompleted(StreamCompleted {
            message_id: format!("m-{node}-{latency_ms}"),
            conversation_id: "c".into(),
            total_chunks: 10,
            content_length: 100,
            total_latency_ms: latency_ms,
            tokens_used: 20,
        }),
    )
}

/// The SMTP server: aiosmtpd's debugging handler prints every message it accepts.
struct Smtp {
    _proc: Proc,
    out: std::path::PathBuf,
    port: u16,
}

impl Smtp {
    fn start(dir: &std::path::Path) -> Smtp {
        let port = free_port();
        let out = dir.join("smtp.out");
        let proc = Proc(
            Command::new("/usr/bin/python3")
                .args(["-u", "-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
                .stdout(std::fs::File::create(&out).unwrap())
                .stderr(Stdio::null())
                .spawn()
                .expect("aiosmtpd (scripts/stack install-test installs python3-aiosmtpd)"),
        );
        wait_for_port(port, "aiosmtpd", Duration::from_secs(20));
        Smtp { _proc: proc, out, port }
    }

    /// The subjects of the messages received so far (long ones are folded over lines
    /// that start with white space: unfolded here, as RFC 5322 says).
    fn subjects(&self) -> Vec<String> {
        let text = std::fs::read_to_string(&self.out).unwrap_or_default();
        let mut out: Vec<String> = Vec::new();
        let mut in_subject = false;
        for line in text.lines() {
            if let Some(s) = line.strip_prefix("Subject: ") {
                out.push(s.to_string());
                in_subject = true;
            } else if in_subject && line.starts_with([' ', '\t']) {
                out.last_mut().expect("a subject").push_str(line);
            } else {
                in_subject = false;
            }
        }
        out
    }
}

fn worker(broker: &Broker, dir: &std::path::Path, port: u16, hook: &str, smtp: u16) -> Proc {
    Proc(
        common::serve_worker("notify", &broker.addr, port)
            .args(["--instance-id", "n1", "--audit-url"])
            .arg(format!("sqlite://{}", dir.join("alerts.db").display()))
            .args(["--notify-url", hook, "--smtp-url", &format!("smtp://127.0.0.1:{smtp}")])
            .args(["--alert-to", "oncall@example.com", "--alert-window", &format!("{WINDOW_S}s"), "--sla", "10s"])
            .spawn()
            .unwrap(),
    )
}

fn for_node<'a>(got: &'a [(String, Alert)], node: &str) -> Vec<&'a Alert> {
    got.iter().map(|(_, a)| a).filter(|a| a.node_id == node).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn alerts_are_grouped_sent_by_webhook_and_email_and_never_repeated() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let smtp = Smtp::start(dir.path());
    let (hook, got) = webhook().await;
    let port = free_port();
    let w = worker(&broker, dir.path(), port, &hook, smtp.port);
    let now = Utc::now();

    // Distinct failures: two codes on one node, one on another: three alerts.
    let distinct = vec![
        error(now, "node-a", "UPSTREAM_ERROR", 0),
        error(now, "node-a", "TIMEOUT_ERROR", 0),
        error(now, "node-b", "UPSTREAM_ERROR", 0),
    ];
    // A slow answer (12 s) and one within the SLA (9 s).
    let slow = vec![completed(now, "node-slow", 12_000), completed(now, "node-slow", 9_000)];
    produce(&kafka, &distinct).await;
    produce(&kafka, &slow).await;
    wait_until("the distinct and slow alerts", Duration::from_secs(60), async || got.lock().unwrap().len() >= 4).await;

    // The storm: 1,000 failures on one node within 10 s of event time, produced in
    // bursts; the worker is killed -9 mid-storm and started again.
    let storm: Vec<Event> =
        (0..1000).map(|i| error(now + Cd::milliseconds(i as i64 * 10), "node-storm", "UPSTREAM_ERROR", i)).collect();
    produce(&kafka, &storm[..400]).await;
    wait_until("the worker into the storm", Duration::from_secs(60), async || {
        processed(port, "chatctl-notify").await >= 5 + 200
    })
    .await;
    drop(w);
    let before_kill = for_node(&got.lock().unwrap(), "node-storm").len();
    produce(&kafka, &storm[400..]).await;
    let port = free_port();
    let w = worker(&broker, dir.path(), port, &hook, smtp.port);
    wait_until("the storm's digests to add up to 1,000", Duration::from_secs(90), async || {
        for_node(&got.lock().unwrap(), "node-storm").iter().map(|a| a.count).sum::<i64>() >= 1000
    })
    .await;
    // Past the last window's end and grace, and a few sweeps: nothing more comes.
    tokio::time::sleep(Duration::from_secs(4)).await;

    // A message whose sender was killed between sending it and recording it is sent again
    // by the next sender, unchanged: the same id (the Idempotency-Key and Message-ID),
    // the same body. Receivers keep one per id; so does this test, after checking that.
    let received = got.lock().unwrap().clone();
    let mut by_id: BTreeMap<String, Alert> = BTreeMap::new();
    for (_, a) in &received {
        if let Some(first) = by_id.get(&a.alert_id) {
            assert_eq!(first, a, "one id, two different messages");
        }
        by_id.insert(a.alert_id.clone(), a.clone());
    }
    let resent = received.len() - by_id.len();
    let got_now: Vec<(String, Alert)> = by_id.values().map(|a| (a.alert_id.clone(), a.clone())).collect();
    // Three distinct failures, three firing alerts, each its own.
    let firing: BTreeMap<(String, String), i64> = got_now
        .iter()
        .map(|(_, a)| a)
        .filter(|a| a.kind == "error" && a.node_id != "node-storm")
        .map(|a| ((a.node_id.clone(), a.code.clone()), a.count))
        .collect();
    assert_eq!(
        firing,
        BTreeMap::from([
            (("node-a".into(), "TIMEOUT_ERROR".into()), 1),
            (("node-a".into(), "UPSTREAM_ERROR".into()), 1),
            (("node-b".into(), "UPSTREAM_ERROR".into()), 1),
        ]),
        "{got_now:#?}"
    );
    // One slow-answer alert, for the 12 s answer only.
    let slow_alerts = for_node(&got_now, "node-slow");
    assert_eq!(slow_alerts.len(), 1, "{slow_alerts:#?}");
    assert_eq!((slow_alerts[0].kind.as_str(), slow_alerts[0].count), ("slow", 1));
    assert!(slow_alerts[0].detail.contains("took 12.0 s"), "{:?}", slow_alerts[0]);
    // The storm: a handful of messages, counts adding up to exactly 1,000 (none counted
    // twice across the kill), one firing message per window, no message sent twice.
    let storm_alerts = for_node(&got_now, "node-storm");
    let total: i64 = storm_alerts.iter().map(|a| a.count).sum();
    assert_eq!(total, 1000, "{storm_alerts:#?}");
    assert!(storm_alerts.len() <= 6, "not a handful: {} messages", storm_alerts.len());
    let windows: HashSet<&str> = storm_alerts.iter().map(|a| a.window_start.as_str()).collect();
    let firing_storm = storm_alerts.iter().filter(|a| a.status == "firing").count();
    assert_eq!(firing_storm, windows.len(), "{storm_alerts:#?}");
    assert!(received.iter().all(|(key, a)| key == &a.alert_id), "Idempotency-Key is the alert id");
    assert!(resent <= 1, "only a message cut by the kill is sent again: {received:#?}");
    // Every webhook message went by email too, with the same words.
    wait_until("the emails", Duration::from_secs(20), async || smtp.subjects().len() >= got_now.len()).await;
    let mut subjects = smtp.subjects();
    subjects.dedup();
    subjects.sort();
    subjects.dedup();
    let mut texts: Vec<String> = got_now.iter().map(|(_, a)| a.text.clone()).collect();
    subjects.sort();
    texts.sort();
    assert_eq!(subjects, texts);
    eprintln!(
        "alerts: 3 distinct failures -> 3 alerts; slow 12 s -> 1, 9 s -> 0; storm of 1,000 (worker killed -9 after \
         {before_kill} storm message(s)) -> {} messages over {} window(s), counts {:?}, {resent} sent again after the kill; \
         {} distinct emails",
        storm_alerts.len(),
        windows.len(),
        storm_alerts.iter().map(|a| a.count).collect::<Vec<_>>(),
        subjects.len()
    );

    // Replayed copies of every failure: handled, alerting nobody.
    let before = processed(port, "chatctl-notify").await;
    let out = chatctl()
        .args(["replay", "-b", &broker.addr, "--topic", "stream-events", "--since", "1h"])
        .args(["--event-type", "STREAM_ERROR", "--to-topic", STREAM_EVENTS])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("the replayed copies handled", Duration::from_secs(60), async || {
        processed(port, "chatctl-notify").await >= before + 1003
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(got.lock().unwrap().len(), received.len(), "a replayed record was alerted");
    drop(w);
}
