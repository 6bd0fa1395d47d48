//! The gateway end to end: real tansu, real Redis, a real WebSocket client.

mod common;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatctl::events::{Event, Payload, Role};
use chatctl::gateway::auth::{mint, Auth};
use chatctl::gateway::{Gateway, Limits};
use chatctl::kafka::KafkaSettings;
use chatctl::llm::builtin::BuiltinModel;
use chatctl::llm::openai::{OpenAiClient, Timeouts};
use chatctl::llm::Llm;
use chatctl::node::{AuthConfig, EventPath, MetricsListen, ModelConfig, NodeConfig};
use chatctl::realtime::{stream_key, RedisTarget, ResumeBuffer};
use common::{read_events, Broker, Engine, Redis};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

const SECRET: &str = "test-secret-of-thirty-two-bytes!";

/// A gateway node as `chatctl serve` assembles it (a [`NodeConfig`] into
/// `chatctl::node::Node::start`): spool and quarantine in its own directory, coordination
/// and announcements on.
struct Node {
    addr: std::net::SocketAddr,
    /// The operations listener: /metrics.
    ops: std::net::SocketAddr,
    gw: Arc<Gateway>,
    _node: chatctl::node::Node,
    _dir: tempfile::TempDir,
}

async fn start_node(kafka: &KafkaSettings, redis: Option<&str>, llm: Arc<dyn Llm>) -> Node {
    start_node_with(kafka, redis, llm, Auth::hs256(SECRET)).await
}

async fn start_node_with(kafka: &KafkaSettings, redis: Option<&str>, llm: Arc<dyn Llm>, auth: Auth) -> Node {
    start_node_full(kafka, redis, llm, auth, Limits::default(), Tweaks::default()).await
}

/// A node whose limits the test sets.
async fn start_node_limited(kafka: &KafkaSettings, redis: Option<&str>, llm: Arc<dyn Llm>, limits: Limits) -> Node {
    start_node_full(kafka, redis, llm, Auth::hs256(SECRET), limits, Tweaks::default()).await
}

/// What a test sets beyond a node's defaults.
#[derive(Default)]
struct Tweaks {
    /// Shrinks the kernel's send buffer of accepted sockets (a slow path to the client,
    /// without which a test would have to outwrite megabytes of autotuned buffers).
    send_buffer_bytes: Option<u32>,
    /// `serve --chunk-events-every` (default: serve's).
    chunk_events_every: Option<Duration>,
}

async fn start_node_full(
    kafka: &KafkaSettings,
    redis: Option<&str>,
    llm: Arc<dyn Llm>,
    auth: Auth,
    limits: Limits,
    tweaks: Tweaks,
) -> Node {
    let Tweaks { send_buffer_bytes, chunk_events_every } = tweaks;
    static NODES: AtomicUsize = AtomicUsize::new(0);
    let dir = tempfile::tempdir().unwrap();
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    if let Some(bytes) = send_buffer_bytes {
        socket.set_send_buffer_size(bytes).unwrap();
    }
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1024).unwrap();
    let mut c = NodeConfig::gateway(
        format!("node-{}", NODES.fetch_add(1, Ordering::Relaxed) + 1),
        listener.local_addr().unwrap(),
        ModelConfig::Given(llm),
        AuthConfig { given: Some(auth), ..AuthConfig::default() },
    );
    c.listener = Some(listener);
    c.metrics_listen = MetricsListen::At("127.0.0.1:0".parse().unwrap());
    c.limits = limits;
    let mut conf = kafka.producer_config();
    conf.set("message.timeout.ms", "0");
    c.events = EventPath {
        queue: 10_000,
        spool_dir: Some(Some(dir.path().join("spool"))),
        quarantine_file: Some(dir.path().join("quarantine.jsonl")),
        producer_config: Some(conf),
        chunk_events_every: chunk_events_every.unwrap_or(chatctl::gateway::CHUNK_EVENTS_EVERY),
    };
    c.realtime.redis = redis.map(RedisTarget::new);
    let node = chatctl::node::Node::start(kafka, c).await.unwrap();
    let (addr, ops, gw) = (node.info().addr, node.info().ops_addr.unwrap(), node.gateway().unwrap().clone());
    Node { addr, ops, gw, _node: node, _dir: dir }
}

fn model(chunks: u32, interval_ms: u64) -> Arc<dyn Llm> {
    Arc::new(BuiltinModel { chunks, words_per_chunk: 2, interval: Duration::from_millis(interval_ms), stamp: false })
}

use common::ws::Ws;

async fn connect(node: &Node, user: &str) -> Ws {
    common::ws::connect(&format!("ws://{}/ws?token={}", node.addr, mint(SECRET, user, 600))).await
}

async fn next_frame(ws: &mut Ws) -> Value {
    common::ws::next_json(ws, Duration::from_secs(20)).await.expect("the connection is open")
}

async fn send(ws: &mut Ws, v: Value) {
    common::ws::send_json(ws, &v).await
}

/// Chat once; return (messageId, deltas, done frame).
async fn chat(ws: &mut Ws, content: &str) -> (String, Vec<String>, Value) {
    send(ws, json!({"type": "chat", "conversationId": "conv-1", "content": content})).await;
    let start = next_frame(ws).await;
    assert_eq!(start["type"], "start", "{start}");
    let id = start["messageId"].as_str().unwrap().to_string();
    let mut deltas = Vec::new();
    loop {
        let f = next_frame(ws).await;
        match f["type"].as_str().unwrap() {
            "chunk" => {
                assert_eq!(f["messageId"], id.as_str());
                assert_eq!(f["index"], deltas.len(), "chunks in order, no gaps");
                deltas.push(f["delta"].as_str().unwrap().to_string());
            }
            "done" => return (id, deltas, f),
            other => panic!("unexpected {other}: {f}"),
        }
    }
}

/// Poll Kafka until `pred` holds over this session's events (or time out).
async fn wait_for_events(
    kafka: &KafkaSettings,
    session: &str,
    limit: Duration,
    pred: impl Fn(&[Event]) -> bool,
) -> Vec<Event> {
    let deadline = Instant::now() + limit;
    loop {
        let k = kafka.clone();
        let s = session.to_string();
        let events: Vec<Event> = tokio::task::spawn_blocking(move || read_events(&k))
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.session_id == s)
            .collect();
        if pred(&events) {
            return events;
        }
        assert!(Instant::now() < deadline, "events did not arrive within {limit:?}: {} seen", events.len());
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

fn check_chat_events(events: &[Event], message_id: &str, deltas: &[String], prompt: &str) {
    let of = |t: &str| events.iter().filter(|e| e.event_type() == t && e.payload.message_id() == message_id).count();
    let user_msgs: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.payload {
            Payload::ChatMessage(m) if m.role == Role::User && m.content == prompt => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(user_msgs.len(), 1, "one user CHAT_MESSAGE for {prompt:?}");
    assert_eq!(of("SESSION_STARTED"), 1);
    // Chunks fold into fewer events; every chunk is in one of them, once.
    assert!((1..=deltas.len()).contains(&of("CHUNK_RECEIVED")), "{} chunk events", of("CHUNK_RECEIVED"));
    let mut chunks: Vec<(u32, u32)> = events
        .iter()
        .filter_map(|e| match &e.payload {
            Payload::ChunkReceived(c) if c.message_id == message_id => Some(c),
            _ => None,
        })
        .flat_map(|c| c.chunks().map(|(index, length, _)| (index, length)))
        .collect();
    chunks.sort();
    let want: Vec<(u32, u32)> = deltas.iter().enumerate().map(|(i, d)| (i as u32, d.len() as u32)).collect();
    assert_eq!(chunks, want);
    let completed: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.payload {
            Payload::StreamCompleted(c) if c.message_id == message_id => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(completed.len(), 1);
    assert_eq!(completed[0].total_chunks as usize, deltas.len());
    assert_eq!(completed[0].content_length as usize, deltas.concat().len());
    let answer: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.payload {
            Payload::ChatMessage(m) if m.message_id == message_id && m.role == Role::Assistant => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(answer.len(), 1);
    assert_eq!(answer[0].content, deltas.concat());
    assert_eq!(answer[0].reply_to.as_deref(), Some(user_msgs[0].message_id.as_str()));
    // Idempotent producer: no duplicates.
    let mut ids: Vec<_> = events.iter().map(|e| e.event_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), events.len(), "duplicate eventIds");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn chat_streams_ordered_chunks_and_records_exact_events() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(3).await;
    let redis = Redis::start();
    let node = start_node(&broker.kafka(), Some(&redis.url), model(12, 5)).await;
    let mut ws = connect(&node, "alice").await;
    let hello = next_frame(&mut ws).await;
    assert_eq!(hello["type"], "session");
    assert_eq!(hello["userId"], "alice");
    let session = hello["sessionId"].as_str().unwrap().to_string();

    let (id, deltas, done) = chat(&mut ws, "what is kafka?").await;
    assert_eq!(deltas.len(), 12);
    assert_eq!(done["totalChunks"], 12);
    assert_eq!(done["stopped"], false);

    let events = wait_for_events(&broker.kafka(), &session, Duration::from_secs(30), |e| {
        e.iter().any(|e| e.event_type() == "STREAM_COMPLETED")
            && e.iter().filter(|e| e.event_type() == "CHAT_MESSAGE").count() == 2
    })
    .await;
    check_chat_events(&events, &id, &deltas, "what is kafka?");
    assert!(events.iter().all(|e| e.metadata.node_id == node.gw.node_id && e.metadata.client_ip.is_some()));

    // Resume buffer: every chunk plus the terminal marker, written as it went.
    let buf = ResumeBuffer::connect(&redis.url, Duration::from_secs(60)).await.unwrap();
    let saved = buf.read_all(&id).await.unwrap();
    assert_eq!(saved.len(), 13, "{}", stream_key(&id));
    assert_eq!(saved.iter().filter(|b| b.terminal.is_empty()).map(|b| b.delta.clone()).collect::<Vec<_>>(), deltas);
    assert_eq!(saved.last().unwrap().terminal, "done");

    // A resume after chunk 5 gets exactly the rest.
    let mut other = connect(&node, "alice").await;
    next_frame(&mut other).await;
    send(&mut other, json!({"type": "resume", "sessionId": session, "messageId": id, "epoch": 0, "lastChunk": 5}))
        .await;
    for i in 6..12 {
        let f = next_frame(&mut other).await;
        assert_eq!((f["type"].as_str(), f["index"].as_u64()), (Some("chunk"), Some(i)), "{f}");
        assert_eq!(f["delta"], deltas[i as usize].as_str());
    }
    assert_eq!(next_frame(&mut other).await["type"], "done");

    // Another user cannot resume alice's answer; the refusal keeps the connection.
    let mut mallory = connect(&node, "mallory").await;
    next_frame(&mut mallory).await;
    send(&mut mallory, json!({"type": "resume", "sessionId": session, "messageId": id, "epoch": 0, "lastChunk": null}))
        .await;
    let f = next_frame(&mut mallory).await;
    assert_eq!((f["type"].as_str(), f["code"].as_str()), (Some("error"), Some("FORBIDDEN")), "{f}");
    send(&mut mallory, json!({"type": "ping"})).await;
    assert_eq!(next_frame(&mut mallory).await["type"], "pong", "no chunk of alice's answer, and still connected");

    let metrics = reqwest_get(node.ops, "/metrics").await;
    assert!(metrics.contains("chatctl_chunks_sent_total 12"), "{metrics}");
    assert!(metrics.contains("chatctl_events_queue_depth"), "{metrics}");
    // Not on the public listener (a proxy in front would publish it).
    let public = reqwest::get(format!("http://{}/metrics", node.addr)).await.unwrap();
    assert_eq!(public.status(), 404);
}

async fn reqwest_get(addr: std::net::SocketAddr, path: &str) -> String {
    reqwest::get(format!("http://{addr}{path}")).await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn stop_ends_the_stream_bad_frames_get_codes_and_tokens_are_required() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let node = start_node(&broker.kafka(), None, model(200, 20)).await;

    // No token: refused at the handshake.
    let refused = tokio_tungstenite::connect_async(format!("ws://{}/ws", node.addr)).await;
    assert!(refused.is_err());
    let forged = format!("ws://{}/ws?token={}", node.addr, mint("wrong-secret", "eve", 60));
    assert!(tokio_tungstenite::connect_async(forged).await.is_err());

    let mut ws = connect(&node, "bob").await;
    next_frame(&mut ws).await;
    for (frame, code) in [
        ("hello".to_string(), "BAD_JSON"),
        (r#"{"type":"dance"}"#.to_string(), "UNKNOWN_TYPE"),
        (r#"{"type":"chat","content":"x"}"#.to_string(), "INVALID_FRAME"),
        (json!({"type":"chat","conversationId":"c","content":"x".repeat(20_000)}).to_string(), "FRAME_TOO_LARGE"),
        (r#"{"type":"stop","messageId":"nope"}"#.to_string(), "UNKNOWN_MESSAGE"),
    ] {
        ws.send(Message::Text(frame.into())).await.unwrap();
        let f = next_frame(&mut ws).await;
        assert_eq!((f["type"].as_str(), f["code"].as_str()), (Some("error"), Some(code)), "{f}");
    }
    // Still usable.
    send(&mut ws, json!({"type": "ping"})).await;
    assert_eq!(next_frame(&mut ws).await["type"], "pong");

    send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "long answer please"})).await;
    let start = next_frame(&mut ws).await;
    let id = start["messageId"].as_str().unwrap().to_string();
    assert_eq!(next_frame(&mut ws).await["type"], "chunk");
    send(&mut ws, json!({"type": "stop", "messageId": id})).await;
    let done = loop {
        let f = next_frame(&mut ws).await;
        if f["type"] == "done" {
            break f;
        }
        assert_eq!(f["type"], "chunk");
    };
    assert_eq!(done["stopped"], true);
    assert!(done["totalChunks"].as_u64().unwrap() < 200);
    // Generation really ended: nothing more arrives.
    let extra = tokio::time::timeout(Duration::from_millis(300), ws.next()).await;
    assert!(extra.is_err(), "frame after done: {extra:?}");
    assert_eq!(node.gw.active_streams(), 0);

    // Per-user stream limit (4 by default): the fifth concurrent chat is refused.
    for _ in 0..5 {
        send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "again"})).await;
    }
    let mut refused = 0;
    let mut started = 0;
    while refused + started < 5 {
        let f = next_frame(&mut ws).await;
        match f["type"].as_str().unwrap() {
            "start" => started += 1,
            "error" => {
                assert_eq!(f["code"], "TOO_MANY_STREAMS");
                refused += 1
            }
            _ => {}
        }
    }
    assert_eq!((started, refused), (4, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killing_the_broker_mid_chat_loses_nothing() {
    let mut broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let node = start_node(&kafka, None, model(20, 10)).await;
    let mut ws = connect(&node, "carol").await;
    let session = next_frame(&mut ws).await["sessionId"].as_str().unwrap().to_string();
    let (first, first_deltas, _) = chat(&mut ws, "before").await;

    broker.kill();
    let started = Instant::now();
    let (second, second_deltas, done) = chat(&mut ws, "while the broker is down").await;
    assert_eq!(done["totalChunks"], 20);
    assert!(started.elapsed() < Duration::from_secs(5), "chat stalled for {:?}", started.elapsed());
    assert!(node.gw.publisher.depth() > 0, "events should be waiting for the broker");

    broker.restart();
    let events = wait_for_events(&kafka, &session, Duration::from_secs(90), |e| {
        e.iter().filter(|e| e.event_type() == "STREAM_COMPLETED").count() == 2
            && e.iter().filter(|e| e.event_type() == "CHAT_MESSAGE").count() == 4
    })
    .await;
    let only = |id: &str| -> Vec<Event> {
        events
            .iter()
            .filter(|e| e.payload.message_id() == id || matches!(&e.payload, Payload::ChatMessage(_)))
            .cloned()
            .collect()
    };
    check_chat_events(&only(&first), &first, &first_deltas, "before");
    check_chat_events(&only(&second), &second, &second_deltas, "while the broker is down");
}

/// A local OpenAI-compatible SSE server: streams `n` deltas, slowly, and records whether
/// the client went away before the end.
async fn sse_server(n: usize, dropped: Arc<AtomicBool>, served: Arc<AtomicUsize>) -> std::net::SocketAddr {
    use axum::response::sse::{Event as SseEvent, Sse};
    use axum::routing::post;
    struct Guard(Arc<AtomicBool>, bool);
    impl Drop for Guard {
        fn drop(&mut self) {
            if !self.1 {
                self.0.store(true, Ordering::SeqCst);
            }
        }
    }
    let app = axum::Router::new().route(
        "/v1/chat/completions",
        post(move |axum::Json(body): axum::Json<Value>| {
            let dropped = dropped.clone();
            let served = served.clone();
            async move {
                assert_eq!(body["stream"], true);
                let prompt = body["messages"][0]["content"].as_str().unwrap_or_default().to_string();
                let guard = Guard(dropped, false);
                // The guard lives in the final [DONE] event: dropped early means the
                // client went away mid-answer.
                let s = async_stream_deltas(n, prompt, served).chain(futures_util::stream::once(async move {
                    let mut guard = guard;
                    guard.1 = true;
                    Ok::<_, std::convert::Infallible>(SseEvent::default().data("[DONE]"))
                }));
                Sse::new(s)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

fn async_stream_deltas(
    n: usize,
    prompt: String,
    served: Arc<AtomicUsize>,
) -> impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>> + Send + Unpin {
    Box::pin(futures_util::stream::unfold(0, move |i| {
        let prompt = prompt.clone();
        let served = served.clone();
        async move {
            if i >= n {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
            served.fetch_add(1, Ordering::SeqCst);
            let data = json!({"choices": [{"delta": {"content": format!("{prompt}-{i} ")}}]}).to_string();
            Some((Ok(axum::response::sse::Event::default().data(data)), i + 1))
        }
    }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn openai_compatible_upstream_streams_and_stop_cancels_it() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let dropped = Arc::new(AtomicBool::new(false));
    let served = Arc::new(AtomicUsize::new(0));
    let sse = sse_server(8, dropped.clone(), served.clone()).await;
    let llm = Arc::new(OpenAiClient::new(&format!("http://{sse}"), "m", None, Timeouts::idle(Duration::from_secs(5))));
    let node = start_node(&broker.kafka(), None, llm).await;
    let mut ws = connect(&node, "dave").await;
    next_frame(&mut ws).await;
    let (_, deltas, done) = chat(&mut ws, "q").await;
    assert_eq!(deltas, (0..8).map(|i| format!("q-{i} ")).collect::<Vec<_>>());
    assert_eq!(done["totalChunks"], 8);

    // A long answer, stopped after the first chunk: the upstream request is dropped.
    let sse = sse_server(1000, dropped.clone(), served.clone()).await;
    let llm = Arc::new(OpenAiClient::new(&format!("http://{sse}"), "m", None, Timeouts::idle(Duration::from_secs(5))));
    let node = start_node(&broker.kafka(), None, llm).await;
    let mut ws = connect(&node, "dave").await;
    next_frame(&mut ws).await;
    send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "long"})).await;
    let id = next_frame(&mut ws).await["messageId"].as_str().unwrap().to_string();
    assert_eq!(next_frame(&mut ws).await["type"], "chunk");
    send(&mut ws, json!({"type": "stop", "messageId": id})).await;
    loop {
        if next_frame(&mut ws).await["type"] == "done" {
            break;
        }
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while !dropped.load(Ordering::SeqCst) {
        assert!(Instant::now() < deadline, "upstream request was not cancelled");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(served.load(Ordering::SeqCst) < 8 + 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn upstream_errors_become_stream_error_events() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    // Nothing listens there: the upstream fails.
    let port = common::free_port();
    let llm = Arc::new(OpenAiClient::new(
        &format!("http://127.0.0.1:{port}"),
        "m",
        None,
        Timeouts::idle(Duration::from_secs(2)),
    ));
    let redis = Redis::start();
    let node = start_node(&broker.kafka(), Some(&redis.url), llm).await;
    let mut ws = connect(&node, "erin").await;
    let session = next_frame(&mut ws).await["sessionId"].as_str().unwrap().to_string();
    send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "q"})).await;
    let start = next_frame(&mut ws).await;
    assert_eq!(start["type"], "start");
    let err = next_frame(&mut ws).await;
    assert_eq!((err["type"].as_str(), err["code"].as_str()), (Some("error"), Some("UPSTREAM_ERROR")), "{err}");

    // A resume of the finished, errored answer gets its error frame, not `done`.
    let id = start["messageId"].as_str().unwrap();
    let mut again = connect(&node, "erin").await;
    next_frame(&mut again).await;
    send(&mut again, json!({"type": "resume", "sessionId": session, "messageId": id, "epoch": 0, "lastChunk": null}))
        .await;
    let f = next_frame(&mut again).await;
    assert_eq!(
        (f["type"].as_str(), f["code"].as_str(), f["messageId"].as_str()),
        (Some("error"), Some("UPSTREAM_ERROR"), Some(id)),
        "{f}"
    );
    let events = wait_for_events(&broker.kafka(), &session, Duration::from_secs(30), |e| {
        e.iter().any(|e| e.event_type() == "STREAM_ERROR")
    })
    .await;
    let e = events.iter().find(|e| e.event_type() == "STREAM_ERROR").unwrap();
    match &e.payload {
        Payload::StreamError(s) => assert_eq!(s.error_code, "UPSTREAM_ERROR"),
        _ => unreachable!(),
    }
}

/// Evaluate `expr` in the page through the Chrome DevTools Protocol.
async fn cdp_eval(ws: &mut Ws, id: &mut u64, expr: &str) -> Value {
    *id += 1;
    let call = json!({"id": *id, "method": "Runtime.evaluate", "params": {"expression": expr, "returnByValue": true}});
    cdp_call(ws, call, *id).await["result"]["value"].clone()
}

async fn cdp_call(ws: &mut Ws, call: Value, id: u64) -> Value {
    ws.send(Message::Text(call.to_string().into())).await.unwrap();
    loop {
        let f = next_frame(ws).await;
        if f["id"] == id {
            return f["result"].clone();
        }
    }
}

/// The browser process; its profile directory lives as long as it does.
struct Chromium(std::process::Child, #[allow(dead_code)] tempfile::TempDir);
impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_web_page_streams_an_answer_in_headless_chromium() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let model = BuiltinModel { chunks: 8, words_per_chunk: 2, interval: Duration::from_millis(150), stamp: false };
    let node = start_node_with(&broker.kafka(), None, Arc::new(model.clone()), Auth::InsecureDev).await;

    let port = common::free_port();
    let profile = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(common::find_binary("chromium", "CHROMIUM_BIN"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--remote-debugging-port={port}"),
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("http://{}/?user=web-user", node.addr))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start chromium");
    let _chromium = Chromium(child, profile);

    // Find the page's DevTools socket (poll: Chromium takes a moment to start).
    let deadline = Instant::now() + Duration::from_secs(30);
    let page_ws = loop {
        assert!(Instant::now() < deadline, "chromium did not expose a page target");
        if let Ok(resp) = reqwest::get(format!("http://127.0.0.1:{port}/json/list")).await {
            if let Ok(targets) = resp.json::<Vec<Value>>().await {
                if let Some(t) =
                    targets.iter().find(|t| t["type"] == "page" && t["url"].as_str().unwrap_or("").contains("/?user="))
                {
                    break t["webSocketDebuggerUrl"].as_str().unwrap().to_string();
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let (mut cdp, _) = tokio_tungstenite::connect_async(page_ws).await.unwrap();
    let mut id = 0;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let status = cdp_eval(&mut cdp, &mut id, "document.getElementById('status').textContent").await;
        if status.as_str().unwrap_or("").contains("web-user") {
            break;
        }
        assert!(Instant::now() < deadline, "page never connected: {status}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Type like a person: focus the box, insert text, click Send.
    cdp_eval(&mut cdp, &mut id, "document.getElementById('prompt').focus()").await;
    id += 1;
    cdp_call(&mut cdp, json!({"id": id, "method": "Input.insertText", "params": {"text": "hello from chromium"}}), id)
        .await;
    cdp_eval(&mut cdp, &mut id, "document.getElementById('send').click()").await;

    // Mid-answer, the socket goes (as when a node dies): the page reconnects and resumes.
    let deadline = Instant::now() + Duration::from_secs(20);
    while cdp_eval(&mut cdp, &mut id, "window.chatctl.last").await.as_i64().unwrap_or(-1) < 1 {
        assert!(Instant::now() < deadline, "no chunk reached the page");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    cdp_eval(&mut cdp, &mut id, "window.chatctl.ws.close()").await;

    let deadline = Instant::now() + Duration::from_secs(20);
    let (message_id, text) = loop {
        let v = cdp_eval(
            &mut cdp,
            &mut id,
            "(() => { const a = document.querySelector('.assistant'); return a ? [a.dataset.messageId || '', a.dataset.done || '', a.textContent] : null })()",
        )
        .await;
        if v.is_array() && v[1] == "true" {
            break (v[0].as_str().unwrap().to_string(), v[2].as_str().unwrap().to_string());
        }
        assert!(Instant::now() < deadline, "no complete answer on the page: {v}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let expected: String = (0..8).map(|k| model.chunk(&message_id, "hello from chromium", k)).collect();
    assert_eq!(text, expected, "the whole answer, once, across the reconnect");
    let resumes = cdp_eval(&mut cdp, &mut id, "window.chatctl.resumes").await;
    assert!(resumes.as_i64().unwrap_or(0) >= 1, "the page resumed: {resumes}");
    let user_line = cdp_eval(&mut cdp, &mut id, "document.querySelector('.user').textContent").await;
    assert_eq!(user_line, "you: hello from chromium");
    // A prompt over the frame limit (10,000 two-byte letters: 20 KB) is not sent; the page
    // says so in words, not with the server's error code.
    let said = cdp_eval(
        &mut cdp,
        &mut id,
        "(() => { document.getElementById('prompt').value = '\\u00e9'.repeat(10000); document.getElementById('send').click(); \
         const e = document.querySelectorAll('.error'); return e.length ? e[e.length - 1].textContent : '' })()",
    )
    .await;
    assert!(said.as_str().unwrap_or("").contains("the limit is 16 KB"), "{said}");
    assert_eq!(cdp_eval(&mut cdp, &mut id, "document.querySelectorAll('.user').length").await, 1, "nothing sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_drains_in_flight_answers_and_flushes_events() {
    use std::io::{BufRead, BufReader};
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let mut child = common::chatctl()
        .args(["serve", "--listen", "127.0.0.1:0", "--jwt-secret", SECRET, "--model-chunks", "30"])
        .args(["--model-interval", "30ms", "--node-id", "node-term", "-b", &broker.addr])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr: std::net::SocketAddr = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    };
    let url = format!("ws://{addr}/ws?token={}", mint(SECRET, "frank", 600));
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let session = next_frame(&mut ws).await["sessionId"].as_str().unwrap().to_string();
    send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "drain me"})).await;
    assert_eq!(next_frame(&mut ws).await["type"], "start");
    assert_eq!(next_frame(&mut ws).await["type"], "chunk");

    let kill = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let mut saw_reconnect = false;
    let mut chunks = 1;
    loop {
        let f = next_frame(&mut ws).await;
        match f["type"].as_str().unwrap() {
            "reconnect" => saw_reconnect = true,
            "chunk" => chunks += 1,
            "done" => break,
            other => panic!("unexpected {other}: {f}"),
        }
    }
    assert!(saw_reconnect, "clients are told to reconnect during the drain");
    assert_eq!(chunks, 30, "the in-flight answer finished");
    let status = tokio::task::spawn_blocking(move || child.wait()).await.unwrap().unwrap();
    assert_eq!(status.code(), Some(0));
    let stderr: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(stderr.iter().any(|l| l.contains("all events flushed")), "{stderr:?}");
    // Flushed before exit: everything is already in Kafka.
    let kafka = broker.kafka();
    let events: Vec<Event> = tokio::task::spawn_blocking(move || read_events(&kafka))
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.session_id == session)
        .collect();
    let chunks: u32 = events
        .iter()
        .map(|e| match &e.payload {
            Payload::ChunkReceived(c) => c.count(),
            _ => 0,
        })
        .sum();
    assert_eq!(chunks, 30, "every chunk's telemetry");
    assert_eq!(events.iter().filter(|e| e.event_type() == "STREAM_COMPLETED").count(), 1);
}

/// Over the node's connection limit an upgrade gets 503 + Retry-After (a load balancer tries
/// another node); over a user's, 429. A slot frees when its connection closes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn connection_limits_refuse_with_retry_after() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let limits = Limits { max_connections: 2, max_connections_per_user: 1, ..Limits::default() };
    let node = start_node_limited(&broker.kafka(), None, model(3, 1), limits).await;
    let refused = |user: &str| {
        let url = format!("ws://{}/ws?token={}", node.addr, mint(SECRET, user, 600));
        async move {
            match tokio_tungstenite::connect_async(url).await {
                Err(tokio_tungstenite::tungstenite::Error::Http(r)) => {
                    Some((r.status().as_u16(), r.headers().get("retry-after").map(|v| v.to_str().unwrap().to_string())))
                }
                Ok(_) => None,
                Err(e) => panic!("{e}"),
            }
        }
    };
    let mut a = connect(&node, "ann").await;
    assert_eq!(next_frame(&mut a).await["type"], "session");
    assert_eq!(refused("ann").await, Some((429, Some("5".into()))), "a second connection of one user");
    let mut b = connect(&node, "bob").await;
    assert_eq!(next_frame(&mut b).await["type"], "session");
    assert_eq!(refused("cid").await, Some((503, Some("1".into()))), "the node is full");
    b.close(None).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while refused("cid").await.is_some() {
        assert!(Instant::now() < deadline, "the slot was not freed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let metrics = reqwest_get(node.ops, "/metrics").await;
    assert!(metrics.contains(r#"chatctl_connections_refused_total{reason="node_full"}"#), "{metrics}");
}

/// A client that reads nothing while its answer streams is closed with code 4000 (resume),
/// not fed gaps; it then resumes from its last chunk and gets the whole answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_client_that_falls_behind_is_closed_with_the_resume_code_and_resumes() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let redis = Redis::start();
    // A long answer (~360 KB: over the default 256 KiB answer cap, raised here) to a client
    // that does not read.
    let limits = Limits { send_buffer: 8, max_answer_bytes: 1 << 20, ..Limits::default() };
    let llm = Arc::new(BuiltinModel { chunks: 3000, words_per_chunk: 20, interval: Duration::ZERO, stamp: false });
    let node = start_node_full(
        &broker.kafka(),
        Some(&redis.url),
        llm,
        Auth::hs256(SECRET),
        limits,
        Tweaks { send_buffer_bytes: Some(4096), ..Tweaks::default() },
    )
    .await;
    // Small socket buffers, so that not reading really backs the server up.
    let url = format!("ws://{}/ws?token={}", node.addr, mint(SECRET, "sam", 600));
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stream = socket.connect(node.addr).await.unwrap();
    let stream = tokio_tungstenite::MaybeTlsStream::Plain(stream);
    let (mut ws, _) = tokio_tungstenite::client_async(url, stream).await.unwrap();
    next_frame(&mut ws).await;
    send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "a long answer"})).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut id = String::new();
    let mut last: Option<u64> = None;
    let code = loop {
        match tokio::time::timeout(Duration::from_secs(10), ws.next()).await.expect("frames or a close") {
            Some(Ok(Message::Text(t))) => {
                let f: Value = serde_json::from_str(&t).unwrap();
                match f["type"].as_str() {
                    Some("start") => id = f["messageId"].as_str().unwrap().to_string(),
                    Some("chunk") => {
                        let i = f["index"].as_u64().unwrap();
                        assert_eq!(i, last.map(|l| l + 1).unwrap_or(0), "no gap before the close");
                        last = Some(i);
                    }
                    Some("done") => panic!("the answer fit in the buffers; the test needs a slower reader"),
                    _ => {}
                }
            }
            Some(Ok(Message::Close(Some(c)))) => break u16::from(c.code),
            other => panic!("unexpected {other:?}"),
        }
    };
    assert_eq!(code, 4000, "closed with the resume code");
    let mut again = connect(&node, "sam").await;
    next_frame(&mut again).await;
    send(&mut again, json!({"type": "resume", "sessionId": "", "messageId": id, "epoch": 0, "lastChunk": last})).await;
    let mut next = last.map(|l| l + 1).unwrap_or(0);
    loop {
        let f = next_frame(&mut again).await;
        match f["type"].as_str() {
            Some("chunk") => {
                assert_eq!(f["index"].as_u64().unwrap(), next, "{f}");
                next += 1;
            }
            Some("done") => break,
            _ => panic!("{f}"),
        }
    }
    assert_eq!(next, 3000);
    let metrics = reqwest_get(node.ops, "/metrics").await;
    assert!(metrics.contains("chatctl_slow_clients_closed_total 1"), "{metrics}");
}

/// Binary frames count against the rate limit like text: a binary flood is cut off and the
/// connection closed (1008), exactly like a text flood.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_binary_flood_is_closed_like_a_text_flood() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let node = start_node(&broker.kafka(), None, model(3, 1)).await;
    for (round, binary) in [(1, false), (2, true)] {
        let mut ws = connect(&node, "flo").await;
        next_frame(&mut ws).await;
        let mut close = None;
        for _ in 0..200 {
            let frame =
                if binary { Message::Binary(vec![0u8; 16].into()) } else { Message::text(r#"{"type":"ping"}"#) };
            if ws.send(frame).await.is_err() {
                break;
            }
        }
        while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(5), ws.next()).await {
            if let Message::Close(Some(c)) = m {
                close = Some(u16::from(c.code));
                break;
            }
        }
        assert!(close.is_none() || close == Some(1008), "closed with {close:?}");
        // The server side: the flood was rate limited and the connection is gone.
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let metrics = reqwest_get(node.ops, "/metrics").await;
            let limited = metrics
                .lines()
                .find(|l| l.starts_with(r#"chatctl_frame_errors_total{code="RATE_LIMITED"}"#))
                .and_then(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
                .unwrap_or(0);
            if limited >= 20 * round && metrics.contains("chatctl_ws_connections 0") {
                break;
            }
            assert!(Instant::now() < deadline, "binary={binary}: not cut off: {metrics}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The append path: entries are published only while a follower watches the message, a
/// chunk is written once whatever retries carry it, a gap is refused, and a node whose
/// epoch is gone is fenced.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn appends_publish_only_while_watched_and_are_fenced_by_epoch() {
    use chatctl::realtime::{channel, Fenced, MessageMeta, Subscriber};
    let redis = Redis::start();
    let buf = ResumeBuffer::connect(&redis.url, Duration::from_secs(60)).await.unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let meta = MessageMeta { message_id: id.clone(), user_id: "alice".into(), ..Default::default() };
    buf.create("node-1", &meta).await.unwrap();
    let subscriber = Subscriber::start(buf.primary().clone());
    let mut sub = subscriber.subscribe(&channel(&id)).await;
    let d = |s: &str| vec![s.to_string()];

    // Nobody watches: written, not published.
    assert_eq!(buf.append(&id, "node-1", 0, 0, d("a"), None).await.unwrap(), Fenced::Ok { next: 1 });
    let quiet = tokio::time::timeout(Duration::from_millis(300), sub.rx.recv()).await;
    assert!(quiet.is_err(), "published without a watcher: {quiet:?}");

    // Watched: each new entry is published once; a retry of chunk 1 with chunk 2 writes 2 only.
    buf.watch(&id).await.unwrap();
    assert_eq!(buf.append(&id, "node-1", 0, 1, d("b"), None).await.unwrap(), Fenced::Ok { next: 2 });
    let more = vec!["b".to_string(), "c".to_string()];
    assert_eq!(buf.append(&id, "node-1", 0, 1, more, None).await.unwrap(), Fenced::Ok { next: 3 });
    for (i, text) in [(1, "b"), (2, "c")] {
        let got = tokio::time::timeout(Duration::from_secs(2), sub.rx.recv()).await.unwrap().unwrap();
        let v: Value = serde_json::from_str(&got).unwrap();
        assert_eq!((v["i"].as_u64(), v["d"].as_str()), (Some(i), Some(text)));
    }
    // A gap is refused with where the buffer stands; a stale epoch is fenced.
    assert_eq!(buf.append(&id, "node-1", 0, 7, d("x"), None).await.unwrap(), Fenced::Gap { next: 3 });
    assert_eq!(buf.append(&id, "node-2", 1, 3, d("x"), None).await.unwrap(), Fenced::Lost);
    let saved: Vec<String> = buf.read_all(&id).await.unwrap().into_iter().map(|b| b.delta).collect();
    assert_eq!(saved, ["a", "b", "c"]);
    // An unknown message is gone (Redis lost it), not fenced.
    assert_eq!(buf.append("no-such", "node-1", 0, 0, d("a"), None).await.unwrap(), Fenced::Gone);
}

/// The per-user stream cap holds across the fleet: with Redis, a user at the cap on one
/// node is refused on another (TOO_MANY_STREAMS) until an answer ends, then served there.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_stream_cap_holds_across_nodes() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let redis = Redis::start();
    let limits = || Limits { max_streams_per_user: 1, ..Limits::default() };
    let a = start_node_limited(&broker.kafka(), Some(&redis.url), model(60, 40), limits()).await;
    let b = start_node_limited(&broker.kafka(), Some(&redis.url), model(3, 1), limits()).await;
    let (mut on_a, mut on_b) = (connect(&a, "carol").await, connect(&b, "carol").await);
    next_frame(&mut on_a).await;
    next_frame(&mut on_b).await;
    send(&mut on_a, json!({"type": "chat", "conversationId": "c", "content": "long"})).await;
    assert_eq!(next_frame(&mut on_a).await["type"], "start");
    // Another node, the same user: refused while the first answer runs.
    send(&mut on_b, json!({"type": "chat", "conversationId": "c", "content": "second"})).await;
    let f = next_frame(&mut on_b).await;
    assert_eq!((f["type"].as_str(), f["code"].as_str()), (Some("error"), Some("TOO_MANY_STREAMS")), "{f}");
    // Another user on that node is not affected.
    let mut dave = connect(&b, "dave").await;
    next_frame(&mut dave).await;
    let (_, _, done) = chat(&mut dave, "mine").await;
    assert_eq!(done["type"], "done");
    // Once the first answer ends, the slot is back (given back through Redis).
    loop {
        if next_frame(&mut on_a).await["type"] == "done" {
            break;
        }
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        send(&mut on_b, json!({"type": "chat", "conversationId": "c", "content": "third"})).await;
        let f = next_frame(&mut on_b).await;
        if f["type"] == "start" {
            break;
        }
        assert_eq!(f["code"], "TOO_MANY_STREAMS", "{f}");
        assert!(Instant::now() < deadline, "the slot never came back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// One user's chat loop across three nodes meets the fleet-wide quota (10 answers a minute
/// here): the 11th, on whichever node, is refused with RATE_LIMITED saying when the next may
/// start, while another user's chat on the same nodes is served as before.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_users_chat_loop_across_three_nodes_meets_the_fleet_wide_quota() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let redis = Redis::start();
    let limits = || Limits { max_answers_per_minute: 10, ..Limits::default() };
    let mut nodes = Vec::new();
    for _ in 0..3 {
        nodes.push(start_node_limited(&broker.kafka(), Some(&redis.url), model(2, 1), limits()).await);
    }
    let mut done = 0;
    let mut refused = None;
    for i in 0..12 {
        let mut ws = connect(&nodes[i % 3], "looper").await;
        next_frame(&mut ws).await;
        send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": format!("again {i}")})).await;
        let first = next_frame(&mut ws).await;
        if first["type"] == "error" {
            refused = Some((i, first));
            break;
        }
        loop {
            let f = next_frame(&mut ws).await;
            if f["type"] == "done" {
                done += 1;
                break;
            }
            assert_ne!(f["type"], "error", "{f}");
        }
    }
    assert_eq!(done, 10, "ten answers in the minute, over three nodes");
    let (at, frame) = refused.expect("the 11th is refused");
    assert_eq!(at, 10);
    assert_eq!(frame["code"], "RATE_LIMITED", "{frame}");
    assert!(frame["message"].as_str().unwrap().contains("answers per minute"), "{frame}");
    // Another user is served as usual, on every node.
    for n in &nodes {
        let mut ws = connect(n, "someone-else").await;
        next_frame(&mut ws).await;
        let (_, deltas, end) = chat(&mut ws, "hello").await;
        assert_eq!((deltas.len(), end["type"].as_str()), (2, Some("done")));
    }
    // Without Redis the quota is the node's own.
    let limits = Limits { max_answers_per_minute: 3, ..Limits::default() };
    let alone = start_node_limited(&broker.kafka(), None, model(2, 1), limits).await;
    let mut ws = connect(&alone, "looper").await;
    next_frame(&mut ws).await;
    for _ in 0..3 {
        assert_eq!(chat(&mut ws, "again").await.2["type"], "done");
    }
    send(&mut ws, json!({"type": "chat", "conversationId": "c", "content": "one more"})).await;
    let refused = next_frame(&mut ws).await;
    assert_eq!(refused["code"], "RATE_LIMITED", "{refused}");
}

/// Issue "The operator's first hour": frames far over the limit (200 KB and 2 MB, past the
/// WebSocket layer's cap) get an error frame in protocol words, then a close with 1008.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_frame_gets_an_error_frame_and_a_1008_close() {
    use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let node = start_node(&broker.kafka(), None, model(2, 1)).await;
    for size in [200_000, 2_000_000] {
        let mut ws = connect(&node, "big").await;
        next_frame(&mut ws).await;
        let frame = json!({"type": "chat", "conversationId": "c", "content": "x".repeat(size)}).to_string();
        // The server may close before it has read all of it: the send itself may fail.
        let _ = ws.send(Message::Text(frame.into())).await;
        let (mut error, mut close) = (None, None);
        while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
            match m {
                Message::Text(t) => error = Some(serde_json::from_str::<Value>(&t).unwrap()),
                Message::Close(c) => {
                    close = c;
                    break;
                }
                _ => {}
            }
        }
        let error = error.unwrap_or_else(|| panic!("{size} bytes: no error frame"));
        assert_eq!(error["code"], "FRAME_TOO_LARGE", "{error}");
        let close = close.unwrap_or_else(|| panic!("{size} bytes: no close frame"));
        assert_eq!(close.code, CloseCode::Policy, "{size} bytes: {close:?}");
    }
}

/// The resume-buffer bytes quota is the fleet's: a user whose finished answers hold the
/// quota in Redis (1 byte here: any answer) is refused its next chat on another node with
/// RATE_LIMITED saying when the count lapses; another user is served.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_users_resume_buffers_are_capped_across_the_fleet() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let redis = Redis::start();
    let limits = || Limits { max_buffer_bytes_per_user: 1, ..Limits::default() };
    let mut nodes = Vec::new();
    for _ in 0..2 {
        nodes.push(start_node_limited(&broker.kafka(), Some(&redis.url), model(2, 1), limits()).await);
    }
    let mut ws = connect(&nodes[0], "hoarder").await;
    next_frame(&mut ws).await;
    assert_eq!(chat(&mut ws, "first").await.2["type"], "done", "nothing held yet: served");
    // The count lands just after the answer ends; the next chat, on the other node, is refused.
    let mut other = connect(&nodes[1], "hoarder").await;
    next_frame(&mut other).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let refused = loop {
        send(&mut other, json!({"type": "chat", "conversationId": "c", "content": "more"})).await;
        let f = next_frame(&mut other).await;
        if f["type"] == "error" {
            break f;
        }
        while next_frame(&mut other).await["type"] != "done" {}
        assert!(Instant::now() < deadline, "never refused");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(refused["code"], "RATE_LIMITED", "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("bytes of resume buffers"), "{refused}");
    let mut ws = connect(&nodes[1], "someone-else").await;
    next_frame(&mut ws).await;
    assert_eq!(chat(&mut ws, "hello").await.2["type"], "done", "another user is served");
}

/// A browser cannot set `Authorization` on a WebSocket: its token goes as the subprotocol
/// `chatctl.bearer.<token>` beside `chatctl` (no token in a URL, its history or a Referer);
/// the node answers `chatctl` and knows the user. A forged one is refused like any.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_token_goes_as_a_subprotocol_not_in_the_url() {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let node = start_node(&broker.kafka(), None, model(2, 1)).await;
    let request = |token: String| {
        let mut r = format!("ws://{}/ws", node.addr).into_client_request().unwrap();
        r.headers_mut().insert("sec-websocket-protocol", format!("chatctl, chatctl.bearer.{token}").parse().unwrap());
        r
    };
    let (mut ws, resp) = tokio_tungstenite::connect_async(request(mint(SECRET, "pat", 600))).await.unwrap();
    assert_eq!(resp.headers()["sec-websocket-protocol"], "chatctl");
    let hello = next_frame(&mut ws).await;
    assert_eq!((hello["type"].as_str(), hello["userId"].as_str()), (Some("session"), Some("pat")), "{hello}");
    let (_, deltas, end) = chat(&mut ws, "hi").await;
    assert_eq!((deltas.len(), end["type"].as_str()), (2, Some("done")));
    let forged = tokio_tungstenite::connect_async(request(mint("wrong-secret-of-thirty-two-bytes", "eve", 60))).await;
    assert!(forged.is_err(), "a forged token in the subprotocol is refused");
}

/// Chunk telemetry is folded: in-process, one CHUNK_RECEIVED for the chunks an answer
/// delivers within `chunk_events_every`, each chunk's index, length and latency kept, the
/// event stamped with its last chunk's time; with a zero window, one event per chunk, as
/// before folding.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn chunk_telemetry_is_folded_and_every_chunk_is_kept() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let mut sessions = Vec::new();
    for every in [Duration::from_millis(100), Duration::ZERO] {
        let tweaks = Tweaks { chunk_events_every: Some(every), ..Tweaks::default() };
        let node =
            start_node_full(&broker.kafka(), None, model(40, 5), Auth::hs256(SECRET), Limits::default(), tweaks).await;
        let mut ws = connect(&node, "fold").await;
        let session = next_frame(&mut ws).await["sessionId"].as_str().unwrap().to_string();
        let (id, deltas, _) = chat(&mut ws, "fold them").await;
        assert_eq!(deltas.len(), 40);
        sessions.push((every, session, id, deltas));
    }
    for (every, session, id, deltas) in sessions {
        let events = wait_for_events(&broker.kafka(), &session, Duration::from_secs(30), |e| {
            e.iter().any(|e| e.event_type() == "STREAM_COMPLETED")
                && e.iter().filter(|e| e.event_type() == "CHAT_MESSAGE").count() == 2
        })
        .await;
        check_chat_events(&events, &id, &deltas, "fold them");
        let folds: Vec<(&Event, &chatctl::events::ChunkReceived)> = events
            .iter()
            .filter_map(|e| match &e.payload {
                Payload::ChunkReceived(c) => Some((e, c)),
                _ => None,
            })
            .collect();
        if every.is_zero() {
            assert_eq!(folds.len(), 40, "one event per chunk");
            assert!(folds.iter().all(|(_, c)| c.folded.is_empty()));
            continue;
        }
        let mut latencies: Vec<u64> = Vec::new();
        for (e, c) in &folds {
            latencies.extend(c.chunks().map(|(_, _, latency)| latency));
            // The event's time is its last chunk's: its first chunk left before it, by the
            // difference of their latencies.
            let ms = e.timestamp.timestamp_millis();
            assert_eq!(c.at_ms(ms, c.last_latency_ms()), ms);
            assert_eq!(c.at_ms(ms, c.latency_ms), ms - (c.last_latency_ms() - c.latency_ms) as i64);
        }
        assert_eq!(latencies.len(), 40);
        assert!(latencies.windows(2).all(|w| w[0] <= w[1]), "each chunk's own latency, in order: {latencies:?}");
        // Folded by 100 ms: a new event's first chunk comes 100 ms or more after the one
        // before's, so at most one event per 100 ms of the answer (not 40), and one event
        // spans the window and at most one more chunk's wait (a machine this loaded spaces
        // 5 ms chunks further apart: the bounds are the answer's own).
        let span = latencies[39] - latencies[0];
        let longest_wait = latencies.windows(2).map(|w| w[1] - w[0]).max().unwrap();
        assert!(folds.len() as u64 <= span / 100 + 2, "{} events over {span} ms", folds.len());
        assert!(folds.len() < 40);
        for (_, c) in &folds {
            assert!(c.last_latency_ms() - c.latency_ms <= 100 + longest_wait + 50, "a fold past its window: {c:?}");
        }
        assert!(latencies[39] >= 190, "the 40th chunk 5 ms apart left 195 ms or more after the request: {latencies:?}");
    }
}
