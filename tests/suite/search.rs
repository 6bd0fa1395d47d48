//! The search indexer, the training worker and the notifier, run by `chatctl serve --role
//! worker` against real tansu (sqlite engine): the live index and training pairs equal
//! ones rebuilt by `chatctl replay --into search|training --rebuild`; `chatctl search`
//! finds messages; a failed stream is notified once, and a replayed copy is not notified.

use crate::common;

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use chatctl::events::{ChatMessage, Event, Payload, Role, StreamError, STREAM_EVENTS};
use chatctl::workers::search::{Hit, SearchReader};
use chrono::{Duration as Cd, Utc};
use common::{chatctl, free_port, processed, produce, wait_until, webhook, Broker, Engine, Proc};

fn message(session: &str, i: usize, role: Role, content: String, reply_to: Option<String>) -> Event {
    Event::at(
        Utc::now() - Cd::minutes(30) + Cd::milliseconds(i as i64),
        session,
        "node-a",
        Payload::ChatMessage(ChatMessage {
            message_id: format!("{session}-m{i}"),
            conversation_id: format!("conv-{session}"),
            user_id: format!("user-{}", i % 3),
            role,
            content,
            reply_to,
        }),
    )
}

fn failure(session: &str) -> Event {
    Event::at(
        Utc::now() - Cd::minutes(20),
        session,
        "node-b",
        Payload::StreamError(StreamError {
            message_id: format!("{session}-answer"),
            error: "upstream closed the stream".into(),
            error_code: "UPSTREAM_ERROR".into(),
            chunk_index: Some(3),
        }),
    )
}

fn all_docs(dir: &std::path::Path) -> BTreeSet<(String, String, String, String)> {
    let hits: Vec<Hit> = SearchReader::open(dir).unwrap().search("", None, None, 100_000).unwrap();
    hits.into_iter().map(|h| (h.event_id, h.session_id, h.role, h.content)).collect()
}

/// `chatctl replay --into search --rebuild` of the whole of `chat-events` into `index`.
fn rebuild_search(broker: &Broker, index: &std::path::Path) -> Command {
    let mut c = chatctl();
    c.args(["replay", "-b", &broker.addr, "--topic", "chat-events", "--since", "1d", "--into", "search"])
        .args(["--rebuild", "--force", "--search-index"])
        .arg(index);
    c
}

/// The eventIds the index at `dir` holds, and how many documents.
fn indexed(dir: &std::path::Path) -> (BTreeSet<String>, usize) {
    let hits = SearchReader::open(dir).unwrap().search("", None, None, 100_000).unwrap();
    (hits.iter().map(|h| h.event_id.clone()).collect(), hits.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn search_index_rebuilds_identically_and_replays_notify_nothing() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live");
    let rebuilt = dir.path().join("rebuilt");

    // 60 messages in 6 sessions, each with a word of its own ("word17"), and one failure.
    // Odd messages answer the one before them.
    let sessions: Vec<String> = (0..6).map(|s| format!("sess-{s}")).collect();
    let mut data: Vec<Event> = (0..60)
        .map(|i| {
            let text = format!("kafka replay word{i} for the log");
            if i % 2 == 0 {
                message(&sessions[i % 6], i, Role::User, text, None)
            } else {
                let prompt = format!("{}-m{}", sessions[(i - 1) % 6], i - 1);
                message(&sessions[i % 6], i, Role::Assistant, text, Some(prompt))
            }
        })
        .collect();
    // The same message delivered twice (at-least-once upstream): one document.
    data.push(data[0].clone());
    produce(&kafka, &data).await;
    let failed = failure(&sessions[2]);
    produce(&kafka, std::slice::from_ref(&failed)).await;

    let (hook, got) = webhook().await;
    let port = free_port();
    let _serve = Proc(
        common::serve_worker("search,notify,training", &broker.addr, port)
            .args(["--node-id", "n1", "--audit-url", &format!("sqlite://{}", dir.path().join("live.db").display())])
            .args(["--notify-url", &hook, "--search-index"])
            .arg(&live)
            .spawn()
            .unwrap(),
    );
    wait_until("the live index", Duration::from_secs(90), async || {
        SearchReader::open(&live).and_then(|r| r.count()).unwrap_or(0) == 60
    })
    .await;
    wait_until("the notification", Duration::from_secs(60), async || !got.lock().unwrap().is_empty()).await;

    // chatctl search finds one message by its word, and narrows by session.
    let out = chatctl().args(["search", "word17", "-o", "json", "--search-index"]).arg(&live).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["eventId"], data[17].event_id.to_string());
    let out = chatctl()
        .args(["search", "kafka", "--session", "sess-4", "--limit", "100", "-o", "json", "--search-index"])
        .arg(&live)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 10);

    // Rebuilt from the log by replay: the same documents.
    for _ in 0..2 {
        // twice: --rebuild starts from empty each time
        let out = rebuild_search(&broker, &rebuilt).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let want = all_docs(&live);
    assert_eq!(want.len(), 60);
    assert_eq!(all_docs(&rebuilt), want);

    // Training pairs: the live worker's and a rebuild's exports are the same 30 pairs.
    let export = |db: &str| {
        let out = chatctl()
            .args(["training", "export", "--since", "1d", "--audit-url"])
            .arg(format!("sqlite://{}", dir.path().join(db).display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    wait_until("the training worker", Duration::from_secs(60), async || export("live.db").lines().count() == 30).await;
    for _ in 0..2 {
        let out = chatctl()
            .args(["replay", "-b", &broker.addr, "--topic", "chat-events", "--since", "1d", "--into", "training"])
            .args(["--rebuild", "--force", "--audit-url"])
            .arg(format!("sqlite://{}", dir.path().join("rebuilt.db").display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let live_pairs = export("live.db");
    assert_eq!(export("rebuilt.db"), live_pairs);
    let first: serde_json::Value = serde_json::from_str(live_pairs.lines().next().unwrap()).unwrap();
    assert_eq!(first["messages"][0]["content"], "kafka replay word0 for the log");
    assert_eq!(first["messages"][1]["content"], "kafka replay word1 for the log");
    assert_eq!(first["messageId"], "sess-1-m1");

    // The failure was alerted once: the first (and only) occurrence of its window.
    {
        let got = got.lock().unwrap();
        assert_eq!(got.len(), 1, "{got:?}");
        let (key, alert) = &got[0];
        assert_eq!(key, &alert.alert_id, "the Idempotency-Key is the alert's id");
        assert_eq!(alert.first_event_id, failed.event_id.to_string());
        assert_eq!((alert.status.as_str(), alert.count, alert.code.as_str()), ("firing", 1, "UPSTREAM_ERROR"));
        assert!(alert.detail.contains("session sess-2"), "{alert:?}");
    }
    // A replayed copy of it back into stream-events (header chatctl-replay) is handled by
    // the notifier but notifies nobody.
    let before = processed(port, "chatctl-notify").await;
    let out = chatctl()
        .args(["replay", "-b", &broker.addr, "--topic", "stream-events", "--since", "1d"])
        .args(["--event-type", "STREAM_ERROR", "--to-topic", STREAM_EVENTS])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("the notifier to handle the replayed copy", Duration::from_secs(60), async || {
        processed(port, "chatctl-notify").await > before
    })
    .await;
    assert_eq!(got.lock().unwrap().len(), 1);
}

/// kill -9 of a search worker draining a backlog, and of a rebuild half-way: the restarted
/// worker completes the index with every message exactly once; the killed rebuild leaves
/// the live index whole (searches answer from it, never an empty or half-built one) and
/// the next rebuild completes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn search_survives_kill_9_mid_indexing_and_mid_rebuild() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live");
    let total = 6000;
    let data: Vec<Event> = (0..total)
        .map(|i| message(&format!("sess-{}", i % 40), i, Role::User, format!("kafka backlog word{i}"), None))
        .collect();
    produce(&kafka, &data).await;
    let ids: BTreeSet<String> = data.iter().map(|e| e.event_id.to_string()).collect();
    let port = free_port();
    let start = || {
        Proc(
            common::serve_worker("search", &broker.addr, port)
                .args(["--node-id", "k9", "--instance-id", "k9", "--search-index"])
                .arg(&live)
                .spawn()
                .unwrap(),
        )
    };
    let first = start();
    wait_until("a part of the backlog indexed", Duration::from_secs(90), async || {
        processed(port, "chatctl-search-k9").await > 0
    })
    .await;
    drop(first); // kill -9
    let before = SearchReader::open(&live).and_then(|r| r.count()).unwrap_or(0);
    assert!(before < total, "killed mid-backlog: {before} of {total} indexed");
    let second = start();
    wait_until("the whole backlog indexed", Duration::from_secs(120), async || {
        SearchReader::open(&live).and_then(|r| r.count()).unwrap_or(0) >= total
    })
    .await;
    // Settle: nothing more arrives, nothing doubled.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (got, docs) = indexed(&live);
    assert_eq!(docs, total, "no document doubled");
    assert_eq!(got, ids, "no document missing");
    second.stop();

    // A rebuild killed half-way: the live index is still the whole one.
    let rebuild = || rebuild_search(&broker, &live).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let reader = SearchReader::open(&live).unwrap();
    let killed = Proc(rebuild());
    let rebuild_dir = dir.path().join("live.rebuild");
    wait_until("the rebuild under way", Duration::from_secs(60), async || rebuild_dir.exists()).await;
    drop(killed);
    assert_eq!(reader.count().unwrap(), total, "a search during the rebuild sees the old index");
    assert_eq!(SearchReader::open(&live).unwrap().count().unwrap(), total, "the killed rebuild left it whole");
    let out = rebuild().wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(indexed(&live), (ids, total));
    assert!(!rebuild_dir.exists(), "the finished rebuild was swapped in");
}
