//! The summary worker backfills: 50 conversations are in the log before the worker exists;
//! `chatctl serve --workers summary`, started afterwards on real tansu (sqlite engine) and
//! a SQLite store, writes exactly 50 summaries, each of its own conversation, through a
//! kill -9 mid-way (the records it had not committed are really delivered again), and
//! `chatctl replay --into summary --rebuild` writes the same 50.

use crate::common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use chatctl::events::{ChatMessage, Event, Payload, Role, SessionStarted, CHAT_EVENTS};
use chrono::{Duration as Cd, Utc};
use common::{chatctl, free_port, processed, produce, read_records, wait_until, Broker, Engine, Proc};

const CONVERSATIONS: usize = 50;
const TURNS: usize = 8;

fn question(c: usize, t: usize) -> String {
    format!("question {t} about topic{c} from its user")
}

/// One conversation: per turn a SESSION_STARTED, the user's message and the answer.
fn conversation(c: usize) -> Vec<Event> {
    let session = format!("sess-{c}");
    let base = Utc::now() - Cd::hours(2) + Cd::seconds(c as i64);
    let mut out = Vec::new();
    for t in 0..TURNS {
        let at = |k: i64| base + Cd::milliseconds((t as i64) * 100 + k);
        let msg = |id: String, role: Role, content: String, reply_to: Option<String>| {
            Payload::ChatMessage(ChatMessage {
                message_id: id,
                conversation_id: format!("conv-{c}"),
                user_id: format!("user-{}", c % 5),
                role,
                content,
                reply_to,
            })
        };
        let (q, a) = (format!("{session}-q{t}"), format!("{session}-a{t}"));
        out.push(Event::at(
            at(0),
            &session,
            "node-a",
            Payload::SessionStarted(SessionStarted {
                message_id: a.clone(),
                conversation_id: format!("conv-{c}"),
                user_id: format!("user-{}", c % 5),
            }),
        ));
        out.push(Event::at(at(1), &session, "node-a", msg(q.clone(), Role::User, question(c, t), None)));
        let answer = format!("answer {t} for topic{c}: kafka keeps the log");
        out.push(Event::at(at(2), &session, "node-a", msg(a, Role::Assistant, answer, Some(q))));
    }
    out
}

fn summaries(db: &std::path::Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = chatctl()
        .args(["summaries", "-o", "json", "--audit-url"])
        .arg(format!("sqlite://{}", db.display()))
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// conversation -> (summary, turns, messages, last message, user), as the store has them.
fn by_conversation(rows: &[serde_json::Value]) -> BTreeMap<String, (String, i64, i64, String, String)> {
    rows.iter()
        .map(|r| {
            (
                r["conversationId"].as_str().unwrap().to_string(),
                (
                    r["summary"].as_str().unwrap().to_string(),
                    r["turns"].as_i64().unwrap(),
                    r["messages"].as_i64().unwrap(),
                    r["lastMessageId"].as_str().unwrap().to_string(),
                    r["userId"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

fn worker(broker: &Broker, db: &std::path::Path, port: u16) -> Proc {
    Proc(
        common::serve_worker("summary", &broker.addr, port)
            .args(["--instance-id", "s1", "--audit-url"])
            .arg(format!("sqlite://{}", db.display()))
            .spawn()
            .unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_summary_worker_added_later_backfills_every_conversation_once() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let kafka = broker.kafka();
    let events: Vec<Event> = (0..CONVERSATIONS).flat_map(conversation).collect();
    let messages = CONVERSATIONS * TURNS * 2;
    produce(&kafka, &events).await;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    // The worker is added after the traffic: it starts from the earliest offset.
    let port = free_port();
    let w = worker(&broker, &db, port);
    let started = Instant::now();
    let mut at_kill = 0;
    while at_kill < (events.len() / 4) as u64 {
        assert!(started.elapsed() < Duration::from_secs(90), "the summary worker never got going");
        tokio::time::sleep(Duration::from_millis(10)).await;
        at_kill = processed(port, "chatctl-summary").await;
    }
    drop(w); // kill -9 mid-backfill
    let partial = summaries(&db, &[]);
    assert!(at_kill < events.len() as u64, "killed mid-way: {at_kill} of {} records handled", events.len());
    assert!(
        partial.len() < CONVERSATIONS || partial.iter().any(|r| r["turns"].as_i64() != Some(TURNS as i64)),
        "not finished at the kill"
    );
    // Messages whose effect is in the store but whose offset was not committed: the
    // restarted worker must be handed them again.
    let committed = common::committed(&kafka, "chatctl-summary", CHAT_EVENTS, 4);
    let stored: HashSet<String> = rusqlite::Connection::open(&db)
        .unwrap()
        .prepare("SELECT event_id FROM summary_messages")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let offsets: HashMap<String, (i32, i64)> = read_records(&kafka, CHAT_EVENTS)
        .into_iter()
        .map(|r| (Event::decode(&r.value).unwrap().event_id.to_string(), (r.partition, r.offset)))
        .collect();
    let to_redeliver = stored.iter().filter(|id| offsets[*id].1 >= committed[offsets[*id].0 as usize]).count();
    assert!(to_redeliver > 0, "every stored message committed at the kill: {committed:?}");

    let port = free_port();
    let _w = worker(&broker, &db, port);
    wait_until("every conversation summarized to its last turn", Duration::from_secs(120), async || {
        let rows = summaries(&db, &[]);
        rows.len() == CONVERSATIONS && rows.iter().all(|r| r["turns"].as_i64() == Some(TURNS as i64))
    })
    .await;
    // Records not committed before the kill were really handled again by the new process:
    // it handled everything from the committed offsets on.
    let after = processed(port, "chatctl-summary").await;
    let uncommitted: i64 =
        read_records(&kafka, CHAT_EVENTS).iter().filter(|r| r.offset >= committed[r.partition as usize]).count() as i64;
    wait_until("the restarted worker to handle every uncommitted record", Duration::from_secs(30), async || {
        processed(port, "chatctl-summary").await as i64 >= uncommitted
    })
    .await;
    let live = by_conversation(&summaries(&db, &[]));
    assert_eq!(live.len(), CONVERSATIONS);
    for c in 0..CONVERSATIONS {
        let (summary, turns, msgs, last, user) = &live[&format!("conv-{c}")];
        assert_eq!((*turns, *msgs), (TURNS as i64, (TURNS * 2) as i64));
        assert_eq!(last, &format!("sess-{c}-a{}", TURNS - 1));
        assert_eq!(user, &format!("user-{}", c % 5));
        // Its own conversation: its last question, and no other conversation's topic.
        assert!(summary.contains(&question(c, TURNS - 1)), "conv-{c}: {summary}");
        assert!(summary.contains(&format!("answer {} for topic{c}:", TURNS - 1)), "conv-{c}: {summary}");
        let foreign = (0..CONVERSATIONS).filter(|o| *o != c).any(|o| summary.contains(&format!("topic{o} ")));
        assert!(!foreign, "conv-{c} mentions another conversation: {summary}");
    }
    eprintln!(
        "summary backfill: {CONVERSATIONS} conversations, {messages} messages, {} records; killed after {at_kill}+ handled; \
         {to_redeliver} stored messages were past the committed offsets and handled again; {after} records handled by \
         the restarted worker; {} summaries",
        events.len(),
        live.len()
    );

    // Filters.
    let one = summaries(&db, &["--conversation", "conv-7"]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["conversationId"], "conv-7");
    let user = summaries(&db, &["--user", "user-3"]);
    assert_eq!(user.len(), CONVERSATIONS / 5);
    assert!(user.iter().all(|r| r["userId"] == "user-3"));
    let missing = chatctl()
        .args(["summaries", "--conversation", "nope", "--audit-url"])
        .arg(format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(4), "{}", String::from_utf8_lossy(&missing.stderr));

    // Rebuilt by replay, twice (--rebuild starts from empty): the same 50.
    let rebuilt = dir.path().join("rebuilt.db");
    for _ in 0..2 {
        let out = chatctl()
            .args(["replay", "-b", &broker.addr, "--topic", "chat-events", "--since", "1d", "--into", "summary"])
            .args(["--rebuild", "--force", "--audit-url"])
            .arg(format!("sqlite://{}", rebuilt.display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(by_conversation(&summaries(&rebuilt, &[])), live);
}
