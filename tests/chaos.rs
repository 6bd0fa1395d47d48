//! Chaos suite: three `chatctl serve` nodes on a real tansu (sqlite) and a real Redis,
//! 100 concurrent streams per scenario, one fault per scenario. Each scenario reports chunks
//! lost and duplicated, streams completed, and whether each final text equals an
//! uninterrupted run of the same prompt (the built-in model is deterministic per message).
//!
//! (a) every client drops and resumes on another node; (b) kill -9 of the node holding the
//! clients and generating their answers; (c) kill -9 of the generating node while the
//! clients follow from other nodes; (d) Redis restarted mid-stream; (e) the broker restarted
//! mid-stream; (f) the generating node paused past the lease TTL, then resumed: it must stop
//! (fencing by epoch), and no chunk of the old epoch may reach a client after the takeover;
//! (i) three brokers over one PostgreSQL, the one in use SIGKILLed mid-stream: every answer
//! completes, every event reaches Kafka once, the audit worker loses nothing and its lag
//! returns to 0, the operator commands work while it is down. Behind Sentinel: (j) the
//! primary killed five times, (k) sentinels lost, (l) a lost acknowledged write, (m) the
//! primary and the generating node killed together, (o) the generating node paused across
//! a failover; (n) `FLUSHALL` mid-stream; (p) `session --play` and `stalls` after two
//! kills; and on Redis Cluster, (q) one shard's primary killed mid-stream, (r) one shard
//! flushed mid-stream. A failed scenario prints each node's log.

mod common;

use std::collections::HashMap;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatctl::events::{Event, Payload, Role};
use chatctl::llm::builtin::BuiltinModel;
use chatctl::llm::{Llm, LlmRequest};
use common::{Broker, Engine, Nginx, Redis};
use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

const STREAMS: usize = 100;
const CHUNKS: u32 = 30;
const INTERVAL_MS: u64 = 100;
const LEASE_TTL: &str = "2s";
/// Every scenario ends within this, fault included.
const SCENARIO_BOUND: Duration = Duration::from_secs(150);

use common::ws::Ws;

struct Node {
    child: Child,
    port: u16,
    /// Its --metrics-listen port.
    metrics_port: u16,
    id: String,
    /// Its stderr (info level), read for a failure's message.
    log: Option<tempfile::NamedTempFile>,
}

impl Node {
    /// The lines of this node's log that mention `needle`, each prefixed with the node's id.
    fn log_lines(&self, needle: &str) -> Vec<String> {
        let Some(log) = &self.log else { return Vec::new() };
        let text = std::fs::read_to_string(log.path()).unwrap_or_default();
        text.lines().filter(|l| l.contains(needle)).map(|l| format!("{}: {l}", self.id)).collect()
    }

    /// This node's log lines about Redis (its warnings, failovers, replicas).
    fn redis_lines(&self) -> Vec<String> {
        let mut lines = self.log_lines("redis");
        lines.retain(|l| !l.contains("message="));
        lines.split_off(lines.len().saturating_sub(40))
    }

    fn signal(&self, sig: &str) {
        let ok = std::process::Command::new("kill").args([sig, &self.child.id().to_string()]).status().unwrap();
        assert!(ok.success(), "kill {sig} {}", self.id);
    }

    async fn metric(&self, name: &str) -> f64 {
        let url = format!("http://127.0.0.1:{}/metrics", self.metrics_port);
        let body = reqwest::get(url).await.unwrap().text().await.unwrap();
        body.lines()
            .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A scenario that failed shows what each node said last.
        if let (true, Some(log)) = (std::thread::panicking(), &self.log) {
            let text = std::fs::read_to_string(log.path()).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let tail = lines[lines.len().saturating_sub(200)..].join("\n");
            eprintln!("--- the last lines of {}'s log ---\n{tail}", self.id);
        }
    }
}

struct Cluster {
    broker: Broker,
    redis: Redis,
    nodes: Vec<Node>,
}

impl Cluster {
    async fn start() -> Cluster {
        let broker = Broker::start(Engine::Sqlite);
        broker.ensure_topics(4).await;
        let redis = Redis::start();
        let nodes = (0..3).map(|k| start_node(&broker, &redis, k)).collect::<Vec<_>>();
        for n in &nodes {
            common::wait_for_port(n.port, &n.id, Duration::from_secs(30));
        }
        Cluster { broker, redis, nodes }
    }
}

fn start_node(broker: &Broker, redis: &Redis, k: usize) -> Node {
    start_node_on(&broker.addr, &redis.url, k, common::free_port(), CHUNKS, &[])
}

/// A gateway node on `brokers` (one address, or a bootstrap list) and the Redis `redis`
/// names (one Redis, or Sentinel).
fn start_node_on(brokers: &str, redis: &str, k: usize, port: u16, chunks: u32, extra: &[&str]) -> Node {
    let id = format!("node-{k}");
    let metrics_port = common::free_port();
    let log = tempfile::NamedTempFile::new().unwrap();
    let child = common::serve_gateway(&id, brokers, port)
        .args(["--metrics-listen", &format!("127.0.0.1:{metrics_port}")])
        .args(["--redis", redis, "--lease-ttl", LEASE_TTL])
        .args(["--model-chunks", &chunks.to_string(), "--model-interval", &format!("{INTERVAL_MS}ms")])
        .args(extra)
        .env("RUST_LOG", "info,chatctl::gateway=debug,librdkafka=off,rdkafka=off")
        .stdout(Stdio::null())
        .stderr(log.reopen().unwrap())
        .spawn()
        .expect("chatctl serve starts");
    Node { child, port, metrics_port, id, log: Some(log) }
}

async fn connect(port: u16, user: &str) -> Ws {
    common::ws::connect_user(format!("127.0.0.1:{port}"), user).await
}

/// The next JSON frame; None when the socket closed or died.
async fn next_frame(ws: &mut Ws) -> Option<Value> {
    common::ws::next_json(ws, Duration::from_secs(30)).await
}

async fn send(ws: &mut Ws, v: Value) {
    common::ws::send_json(ws, &v).await
}

/// Each client read to its end on a task of its own; `taken` counts the answers whose
/// chunks of a new epoch (≥ 1) have reached their client, as they arrive.
fn follow_to_the_end(clients: Vec<(Ws, Seen)>) -> (Arc<AtomicUsize>, tokio::task::JoinHandle<Vec<Seen>>) {
    let taken = Arc::new(AtomicUsize::new(0));
    let tasks = clients.into_iter().map(|(mut ws, mut seen)| {
        let taken = taken.clone();
        async move {
            let mut counted = false;
            while seen.end.is_none() {
                let have = seen.chunks.len();
                if !seen.read(&mut ws, Some(have + 1)).await {
                    break;
                }
                if !counted && seen.chunks.last().is_some_and(|c| c.1 >= 1) {
                    taken.fetch_add(1, Ordering::SeqCst);
                    counted = true;
                }
            }
            seen
        }
    });
    let all = tokio::spawn(futures_util::future::join_all(tasks));
    (taken, all)
}

/// What one client saw of its answer.
#[derive(Default, Debug)]
struct Seen {
    user: String,
    message_id: String,
    prompt: String,
    /// (index, epoch, delta) in arrival order.
    chunks: Vec<(u32, u32, String)>,
    /// When each chunk (and the end) arrived.
    arrivals: Vec<Instant>,
    end: Option<Value>,
}

impl Seen {
    /// The longest wait between two frames of the answer (chunks and the end).
    fn longest_gap(&self) -> Duration {
        self.arrivals.windows(2).map(|w| w[1] - w[0]).max().unwrap_or_default()
    }

    fn last_index(&self) -> Option<u32> {
        self.chunks.iter().map(|c| c.0).max()
    }

    /// Read frames until the end of the answer (true) or the socket dies (false), or until
    /// `enough` chunks have arrived.
    async fn read(&mut self, ws: &mut Ws, enough: Option<usize>) -> bool {
        loop {
            if enough.is_some_and(|n| self.chunks.len() >= n) {
                return true;
            }
            let Some(f) = next_frame(ws).await else { return false };
            if matches!(f["type"].as_str(), Some("chunk" | "done" | "error")) {
                self.arrivals.push(Instant::now());
            }
            match f["type"].as_str() {
                Some("start") => self.message_id = f["messageId"].as_str().unwrap().to_string(),
                Some("chunk") => self.chunks.push((
                    f["index"].as_u64().unwrap() as u32,
                    f["epoch"].as_u64().unwrap() as u32,
                    f["delta"].as_str().unwrap().to_string(),
                )),
                Some("done") | Some("error") => {
                    self.end = Some(f);
                    return true;
                }
                _ => {}
            }
        }
    }

    async fn chat(ws: &mut Ws, user: &str, prompt: String) -> Seen {
        send(ws, json!({"type": "chat", "conversationId": "chaos", "content": prompt})).await;
        let mut seen = Seen { user: user.to_string(), prompt, ..Seen::default() };
        while seen.message_id.is_empty() {
            let f = next_frame(ws).await.expect("start frame");
            assert_ne!(f["type"], "error", "{f}");
            if f["type"] == "start" {
                seen.message_id = f["messageId"].as_str().unwrap().to_string();
            }
        }
        seen
    }

    /// Read to the end; if the socket dies first (its node was killed), reconnect to
    /// `port`, resume there and read to the end.
    async fn finish_or_resume_on(mut self, mut ws: Ws, port: u16) -> Seen {
        if !self.read(&mut ws, None).await || self.end.is_none() {
            let mut ws = connect(port, &self.user).await;
            self.resume(&mut ws).await;
            self.read(&mut ws, None).await;
        }
        self
    }

    async fn resume(&mut self, ws: &mut Ws) {
        let last = self.last_index();
        send(
            ws,
            json!({"type": "resume", "sessionId": "", "messageId": self.message_id, "epoch": 0, "lastChunk": last}),
        )
        .await;
    }
}

/// The answer an uninterrupted run gives for this message and prompt.
async fn uninterrupted(message_id: &str, prompt: &str) -> String {
    uninterrupted_of(message_id, prompt, CHUNKS).await
}

async fn uninterrupted_of(message_id: &str, prompt: &str, chunks: u32) -> String {
    let model = BuiltinModel { chunks, interval: Duration::ZERO, ..BuiltinModel::default() };
    let req =
        LlmRequest { message_id: message_id.into(), prompt: prompt.into(), prefix: String::new(), start_chunk: 0 };
    model.stream(req).map(|c| c.unwrap()).collect::<Vec<_>>().await.concat()
}

/// The verdict of a scenario.
struct Report {
    complete: usize,
    lost: usize,
    duplicated: usize,
    identical: usize,
    texts: HashMap<String, String>,
}

async fn report(name: &str, seen: &[Seen]) -> Report {
    report_of(name, seen, CHUNKS).await
}

async fn report_of(name: &str, seen: &[Seen], chunks: u32) -> Report {
    let mut r = Report { complete: 0, lost: 0, duplicated: 0, identical: 0, texts: HashMap::new() };
    for s in seen {
        let mut next = 0;
        let mut text = String::new();
        for (i, _, d) in &s.chunks {
            if *i == next {
                text.push_str(d);
                next += 1;
            } else if *i < next {
                r.duplicated += 1;
            } else {
                r.lost += (*i - next) as usize;
                text.push_str(d);
                next = *i + 1;
            }
        }
        r.lost += chunks.saturating_sub(next) as usize;
        if s.end.as_ref().is_some_and(|e| e["type"] == "done" && e["totalChunks"] == chunks) {
            r.complete += 1;
        }
        if text == uninterrupted_of(&s.message_id, &s.prompt, chunks).await {
            r.identical += 1;
        }
        r.texts.insert(s.message_id.clone(), text);
    }
    let n = seen.len();
    println!(
        "scenario {name}: {}/{n} complete, {} chunks lost, {} duplicated, {}/{n} texts identical to uninterrupted runs",
        r.complete, r.lost, r.duplicated, r.identical
    );
    r
}

fn assert_perfect(name: &str, r: &Report) {
    assert_eq!(
        (r.complete, r.lost, r.duplicated, r.identical),
        (STREAMS, 0, 0, STREAMS),
        "scenario {name}: (complete, lost, duplicated, identical)"
    );
}

/// Every event of the cluster, once each message has its assistant CHAT_MESSAGE (bounded).
async fn events_when_recorded(broker: &Broker, messages: usize) -> Vec<Event> {
    events_recorded_on(&broker.kafka(), messages).await
}

async fn events_recorded_on(kafka: &chatctl::kafka::KafkaSettings, messages: usize) -> Vec<Event> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let k = kafka.clone();
        let events = tokio::task::spawn_blocking(move || common::read_events(&k)).await.unwrap();
        let answers = events
            .iter()
            .filter(|e| matches!(&e.payload, Payload::ChatMessage(m) if m.role == Role::Assistant))
            .count();
        if answers >= messages || Instant::now() > deadline {
            return events;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// The recorded assistant message of each stream equals what its client saw.
fn assert_recorded_answers(name: &str, events: &[Event], r: &Report) {
    let recorded: HashMap<&str, &str> = events
        .iter()
        .filter_map(|e| match &e.payload {
            Payload::ChatMessage(m) if m.role == Role::Assistant => Some((m.message_id.as_str(), m.content.as_str())),
            _ => None,
        })
        .collect();
    for (id, text) in &r.texts {
        assert_eq!(recorded.get(id.as_str()).copied(), Some(text.as_str()), "scenario {name}: recorded answer of {id}");
    }
}

fn users() -> Vec<String> {
    (0..STREAMS).map(|i| format!("user-{i}")).collect()
}

/// Start every client's chat on `port`; each waits for `first` chunks, then `after` runs.
async fn chat_all(port: u16, first: usize) -> Vec<(Ws, Seen)> {
    let tasks = users().into_iter().enumerate().map(|(i, u)| async move {
        let mut ws = connect(port, &u).await;
        let mut seen = Seen::chat(&mut ws, &u, format!("question {i}: how does chatctl survive a crash?")).await;
        assert!(seen.read(&mut ws, Some(first)).await, "client {i} lost its socket early");
        (ws, seen)
    });
    futures_util::future::join_all(tasks).await
}

/// Each client leaves its socket and resumes on one of the other nodes.
async fn move_all(cluster: &Cluster, clients: Vec<(Ws, Seen)>) -> Vec<(Ws, Seen)> {
    let tasks = clients.into_iter().enumerate().map(|(i, (ws, mut seen))| {
        let port = cluster.nodes[1 + i % 2].port;
        async move {
            drop(ws);
            let mut ws = connect(port, &seen.user).await;
            seen.resume(&mut ws).await;
            (ws, seen)
        }
    });
    futures_util::future::join_all(tasks).await
}

async fn finish_all(clients: Vec<(Ws, Seen)>) -> Vec<Seen> {
    let tasks = clients.into_iter().map(|(mut ws, mut seen)| async move {
        seen.read(&mut ws, None).await;
        seen
    });
    futures_util::future::join_all(tasks).await
}

async fn bounded<T>(name: &str, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(SCENARIO_BOUND, f)
        .await
        .unwrap_or_else(|_| panic!("scenario {name} exceeded {SCENARIO_BOUND:?}"))
}

fn takeovers(events: &[Event]) -> (usize, usize) {
    let lost =
        events.iter().filter(|e| matches!(&e.payload, Payload::StreamError(s) if s.error_code == "NODE_LOST")).count();
    let resumed = events.iter().filter(|e| matches!(e.payload, Payload::StreamResumed(_))).count();
    (lost, resumed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_every_client_resumes_on_another_node() {
    bounded("a", async {
        let cluster = Cluster::start().await;
        let clients = chat_all(cluster.nodes[0].port, 3).await;
        let clients = move_all(&cluster, clients).await;
        let seen = finish_all(clients).await;
        let r = report("a", &seen).await;
        assert_perfect("a", &r);
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_recorded_answers("a", &events, &r);
        assert_eq!(takeovers(&events), (0, 0), "no node was lost");
        assert!(seen.iter().all(|s| s.chunks.iter().all(|c| c.1 == 0)), "one epoch throughout");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn b_kill_9_of_the_node_holding_clients_and_generating() {
    bounded("b", async {
        let mut cluster = Cluster::start().await;
        let clients = chat_all(cluster.nodes[0].port, 3).await;
        let killed = Instant::now();
        cluster.nodes[0].signal("-KILL");
        // Each client sees its socket die, reconnects to a survivor and resumes there.
        let tasks = clients
            .into_iter()
            .enumerate()
            .map(|(i, (ws, seen))| seen.finish_or_resume_on(ws, cluster.nodes[1 + i % 2].port));
        let seen = futures_util::future::join_all(tasks).await;
        println!("scenario b: all streams ended {:?} after the kill", killed.elapsed());
        let r = report("b", &seen).await;
        assert_perfect("b", &r);
        assert!(seen.iter().all(|s| s.chunks.iter().any(|c| c.1 >= 1)), "every answer was continued by another node");
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_recorded_answers("b", &events, &r);
        let (lost, resumed) = takeovers(&events);
        assert!(lost >= STREAMS && resumed >= STREAMS, "NODE_LOST {lost}, STREAM_RESUMED {resumed}");
        let _ = cluster.nodes.remove(0);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn c_kill_9_of_the_generating_node_while_clients_follow_elsewhere() {
    bounded("c", async {
        let cluster = Cluster::start().await;
        let clients = chat_all(cluster.nodes[0].port, 2).await;
        let clients = move_all(&cluster, clients).await;
        // Every follower is receiving live chunks before the kill.
        let clients = futures_util::future::join_all(clients.into_iter().map(|(mut ws, mut seen)| async move {
            let have = seen.chunks.len();
            assert!(seen.read(&mut ws, Some(have + 1)).await);
            (ws, seen)
        }))
        .await;
        cluster.nodes[0].signal("-KILL");
        let seen = finish_all(clients).await;
        let r = report("c", &seen).await;
        assert_perfect("c", &r);
        assert!(seen.iter().all(|s| s.chunks.iter().any(|c| c.1 >= 1)), "every answer was continued by another node");
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_recorded_answers("c", &events, &r);
        let (lost, resumed) = takeovers(&events);
        assert!(lost >= STREAMS && resumed >= STREAMS, "NODE_LOST {lost}, STREAM_RESUMED {resumed}");
        let survivors = cluster.nodes[1].metric("chatctl_takeovers_total").await
            + cluster.nodes[2].metric("chatctl_takeovers_total").await;
        assert!(survivors as usize >= STREAMS, "the survivors took over every answer ({survivors})");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn d_redis_restarted_mid_stream() {
    bounded("d", async {
        let mut cluster = Cluster::start().await;
        // Half the clients stay on the generating node, half follow from the others.
        let clients = chat_all(cluster.nodes[0].port, 3).await;
        let (stay, go): (Vec<_>, Vec<_>) = clients.into_iter().enumerate().partition(|(i, _)| i % 2 == 0);
        let mut clients: Vec<(Ws, Seen)> = stay.into_iter().map(|(_, c)| c).collect();
        let go: Vec<(Ws, Seen)> = go.into_iter().map(|(_, c)| c).collect();
        let moved = futures_util::future::join_all(go.into_iter().map(|(ws, mut seen)| {
            let port = cluster.nodes[1].port;
            async move {
                drop(ws);
                let mut ws = connect(port, &seen.user).await;
                seen.resume(&mut ws).await;
                let have = seen.chunks.len();
                assert!(seen.read(&mut ws, Some(have + 1)).await);
                (ws, seen)
            }
        }))
        .await;
        clients.extend(moved);
        cluster.redis.kill();
        tokio::time::sleep(Duration::from_millis(500)).await;
        cluster.redis.restart();
        let seen = finish_all(clients).await;
        let r = report("d", &seen).await;
        assert_eq!((r.complete, r.lost, r.duplicated), (STREAMS, 0, 0), "scenario d recovers without a restart");
        assert_eq!(r.identical, STREAMS);
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_every_event_recorded("d", &events, &r);
        // Redis came back empty: the generating node wrote its answers back.
        let restores = cluster.nodes[0].metric("chatctl_redis_restores_total").await;
        assert!(restores >= 1.0, "the generating node restored its answers in the new Redis ({restores})");
        // The node serves new chats after Redis came back, without a restart.
        let mut ws = connect(cluster.nodes[0].port, "after").await;
        let mut s = Seen::chat(&mut ws, "after", "after the restart".into()).await;
        assert!(s.read(&mut ws, None).await && s.end.as_ref().is_some_and(|e| e["type"] == "done"));
    })
    .await;
}

/// (n) `FLUSHALL` mid-stream: Redis answers throughout (no connection drops, unlike (d)),
/// but holds nothing. Every node sees the dataset's identity change, the generating node
/// writes its answers back, and every answer completes: none lost, repeated, or recorded
/// twice, and clients following from another node finish too.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn n_redis_flushall_mid_stream() {
    bounded("n", async {
        let cluster = Cluster::start().await;
        let clients = chat_all(cluster.nodes[0].port, 3).await;
        let (stay, go): (Vec<_>, Vec<_>) = clients.into_iter().enumerate().partition(|(i, _)| i % 2 == 0);
        let mut clients: Vec<(Ws, Seen)> = stay.into_iter().map(|(_, c)| c).collect();
        let moved = futures_util::future::join_all(go.into_iter().map(|(_, (ws, mut seen))| {
            let port = cluster.nodes[1].port;
            async move {
                drop(ws);
                let mut ws = connect(port, &seen.user).await;
                seen.resume(&mut ws).await;
                let have = seen.chunks.len();
                assert!(seen.read(&mut ws, Some(have + 1)).await);
                (ws, seen)
            }
        }))
        .await;
        clients.extend(moved);
        let client = redis::Client::open(cluster.redis.url.as_str()).unwrap();
        let mut c = client.get_multiplexed_async_connection().await.unwrap();
        let keys_before: i64 = redis::cmd("DBSIZE").query_async(&mut c).await.unwrap();
        let _: () = redis::cmd("FLUSHALL").query_async(&mut c).await.unwrap();
        assert!(keys_before > STREAMS as i64, "Redis held the answers before the flush ({keys_before} keys)");
        let seen = finish_all(clients).await;
        let r = report("n", &seen).await;
        assert_eq!((r.complete, r.lost, r.duplicated, r.identical), (STREAMS, 0, 0, STREAMS), "scenario n");
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_every_event_recorded("n", &events, &r);
        assert_one_answer_each(&events, &seen, &cluster.nodes);
        let restores = cluster.nodes[0].metric("chatctl_redis_restores_total").await;
        assert!(restores >= 1.0, "the generating node wrote its answers back ({restores})");
        for n in &cluster.nodes {
            let losses = n.metric("chatctl_redis_dataset_losses_total").await;
            assert_eq!(losses, 1.0, "{} saw Redis lose its dataset once", n.id);
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn e_broker_restarted_mid_stream() {
    bounded("e", async {
        let mut cluster = Cluster::start().await;
        let clients = chat_all(cluster.nodes[0].port, 3).await;
        cluster.broker.kill();
        tokio::time::sleep(Duration::from_secs(1)).await;
        cluster.broker.restart();
        let seen = finish_all(clients).await;
        let r = report("e", &seen).await;
        assert_perfect("e", &r);
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_every_event_recorded("e", &events, &r);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn f_paused_generating_node_is_fenced_after_takeover() {
    bounded("f", async {
        let cluster = Cluster::start().await;
        let clients = chat_all(cluster.nodes[0].port, 2).await;
        let clients = move_all(&cluster, clients).await;
        cluster.nodes[0].signal("-STOP");
        // Followers record when the new epoch first reached them; node 0 resumes after all
        // answers were taken over.
        let (taken, all) = follow_to_the_end(clients);
        let deadline = Instant::now() + Duration::from_secs(30);
        while taken.load(Ordering::SeqCst) < STREAMS && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        cluster.nodes[0].signal("-CONT");
        let seen = all.await.unwrap();
        let r = report("f", &seen).await;
        assert_perfect("f", &r);
        no_old_epoch_after_the_takeover(&seen);
        // The paused node noticed on waking and stopped: every one of its generations fenced.
        let fenced = fenced_within(&cluster.nodes[0], STREAMS, Duration::from_secs(10)).await;
        assert_eq!(fenced as usize, STREAMS, "node 0 stopped each of its generations");
        let events = events_when_recorded(&cluster.broker, STREAMS).await;
        assert_recorded_answers("f", &events, &r);
        let lost: Vec<&Event> = events
            .iter()
            .filter(|e| matches!(&e.payload, Payload::StreamError(s) if s.error_code == "NODE_LOST"))
            .collect();
        assert!(lost.len() >= STREAMS, "{} NODE_LOST events", lost.len());
        assert!(
            lost.iter().all(|e| e.metadata.node_id != "node-0"
                && matches!(&e.payload, Payload::StreamError(s) if s.error.starts_with("node node-0 stopped renewing"))),
            "every NODE_LOST names node-0 as lost and comes from a survivor"
        );
    })
    .await;
}

/// Every step of every stream is in Kafka: the user's message, the start, each chunk, the
/// assistant's message as the client saw it, the completion.
/// Once a client saw a chunk of a new epoch (a takeover), no chunk of the old one follows.
fn no_old_epoch_after_the_takeover(seen: &[Seen]) {
    for s in seen {
        let first_new = s.chunks.iter().position(|c| c.1 >= 1).expect("taken over");
        assert!(
            s.chunks[first_new..].iter().all(|c| c.1 >= 1),
            "{}: a chunk of the old epoch arrived after the takeover: {:?}",
            s.message_id,
            s.chunks.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>()
        );
    }
}

/// The node's generations fenced (`chatctl_fenced_total`) once it reaches `n`, or when
/// `limit` ends.
async fn fenced_within(node: &Node, n: usize, limit: Duration) -> f64 {
    let deadline = Instant::now() + limit;
    let mut fenced = 0.0;
    while fenced < n as f64 && Instant::now() < deadline {
        fenced = node.metric("chatctl_fenced_total").await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    fenced
}

fn assert_every_event_recorded(name: &str, events: &[Event], r: &Report) {
    assert_recorded_answers(name, events, r);
    for id in r.texts.keys() {
        let of: Vec<&Event> = events.iter().filter(|e| e.payload.message_id() == id).collect();
        let chunks: std::collections::BTreeSet<u32> = of
            .iter()
            .filter_map(|e| match &e.payload {
                Payload::ChunkReceived(c) => Some(c.chunks().map(|(index, _, _)| index)),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(chunks.len() as u32, CHUNKS, "scenario {name}: CHUNK_RECEIVED of {id}");
        assert!(of.iter().any(|e| matches!(e.payload, Payload::SessionStarted(_))), "{name}: SESSION_STARTED of {id}");
        assert!(
            of.iter().any(|e| matches!(e.payload, Payload::StreamCompleted(_))),
            "{name}: STREAM_COMPLETED of {id}"
        );
    }
    let users = events.iter().filter(|e| matches!(&e.payload, Payload::ChatMessage(m) if m.role == Role::User)).count();
    assert!(users >= STREAMS, "scenario {name}: {users} user messages recorded");
}

/// Exactly one assistant message and one STREAM_COMPLETED recorded per answer; else the
/// failure shows the answer's events and what the nodes logged about it (and about Redis).
fn assert_one_answer_each(events: &[Event], seen: &[Seen], nodes: &[Node]) {
    for s in seen {
        let of = |is: fn(&Payload) -> bool| {
            events.iter().filter(|e| e.payload.message_id() == s.message_id && is(&e.payload)).count()
        };
        let answers = of(|p| matches!(p, Payload::ChatMessage(m) if m.role == Role::Assistant));
        let completions = of(|p| matches!(p, Payload::StreamCompleted(_)));
        if (answers, completions) != (1, 1) {
            let lines: Vec<String> = nodes.iter().flat_map(|n| n.log_lines(&s.message_id)).collect();
            let recorded: Vec<String> = events
                .iter()
                .filter(|e| e.payload.message_id() == s.message_id && e.event_type() != "CHUNK_RECEIVED")
                .map(|e| format!("{} {} {} {}", e.timestamp, e.metadata.node_id, e.event_id, e.event_type()))
                .collect();
            let redis: Vec<String> = nodes.iter().flat_map(|n| n.redis_lines()).collect();
            panic!(
                "{answers} answers and {completions} completions recorded for {} (one of each expected); \
                 its events:\n{}\nthe nodes' log lines about it:\n{}\nthe nodes' log lines about Redis:\n{}",
                s.message_id,
                recorded.join("\n"),
                lines.join("\n"),
                redis.join("\n")
            );
        }
    }
}

/// (o) The generating node paused (SIGSTOP) past its lease while the Redis primary is
/// killed and replaced, then continued: the survivors take its answers over on the new
/// primary, and no write of the old owner is accepted after the claim (each answer's buffer
/// in Redis never goes back to an older epoch), no client sees a chunk of the old epoch
/// after one of the new, and the paused node stops each answer when it wakes (fenced).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn o_node_paused_across_a_failover() {
    const WAVE: usize = 20;
    bounded("o", async {
        let (broker, sentinel, nodes) = sentinel_fleet(CHUNKS, &[&[], &[], &[]]).await;
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        let clients = futures_util::future::join_all((0..WAVE).map(|i| {
            let ports = ports.clone();
            async move {
                let user = format!("o-{i}");
                let mut ws = connect(ports[0], &user).await;
                let mut seen = Seen::chat(&mut ws, &user, format!("{i}: paused across a failover?")).await;
                assert!(seen.read(&mut ws, Some(3)).await);
                drop(ws);
                ws = connect(ports[1 + i % 2], &user).await;
                seen.resume(&mut ws).await;
                (ws, seen)
            }
        }))
        .await;
        nodes[0].signal("-STOP");
        let sentinel = tokio::task::spawn_blocking(move || {
            let mut sentinel = sentinel;
            sentinel.kill_primary(Duration::from_secs(20));
            sentinel
        })
        .await
        .unwrap();
        let (taken, all) = follow_to_the_end(clients);
        let deadline = Instant::now() + Duration::from_secs(40);
        while taken.load(Ordering::SeqCst) < WAVE && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        nodes[0].signal("-CONT");
        let seen = all.await.unwrap();
        let r = report("o", &seen).await;
        assert_eq!((r.complete, r.lost, r.duplicated, r.identical), (WAVE, 0, 0, WAVE), "scenario o");
        no_old_epoch_after_the_takeover(&seen);
        // The paused node woke up to fences: each of its answers stopped there.
        let fenced = fenced_within(&nodes[0], WAVE, Duration::from_secs(10)).await;
        assert_eq!(fenced as usize, WAVE, "node 0 stopped each of its generations when it woke");
        // What Redis holds: per answer, epochs never go back (no write of the old owner
        // after the claim), every index once, and the end once.
        let (primary, _sentinel) =
            tokio::task::spawn_blocking(move || (sentinel.primary_port(), sentinel)).await.unwrap();
        let primary = primary.expect("a primary");
        let client = redis::Client::open(format!("redis://127.0.0.1:{primary}")).unwrap();
        let mut c = client
            .get_multiplexed_async_connection()
            .await
            .unwrap_or_else(|e| panic!("the primary the sentinels name, {primary}: {e}"));
        for s in &seen {
            let key = chatctl::realtime::stream_key(&s.message_id);
            let entries: redis::streams::StreamRangeReply =
                redis::AsyncCommands::xrange_all(&mut c, &key).await.unwrap();
            let rows: Vec<(u32, u32)> = entries
                .ids
                .iter()
                .filter(|e| e.get::<String>("t").unwrap_or_default().is_empty())
                .map(|e| (e.get::<u32>("i").unwrap(), e.get::<u32>("e").unwrap()))
                .collect();
            assert!(rows.windows(2).all(|w| w[1].1 >= w[0].1), "{}: epochs went back in Redis: {rows:?}", s.message_id);
            assert_eq!(
                rows.iter().map(|r| r.0).collect::<Vec<_>>(),
                (0..CHUNKS).collect::<Vec<_>>(),
                "{}: each index once in Redis",
                s.message_id
            );
        }
        let events = events_recorded_on(&broker.kafka(), WAVE).await;
        assert_recorded_answers("o", &events, &r);
        assert_one_answer_each(&events, &seen, &nodes);
    })
    .await;
}

/// `chatctl chat` leaves its node after 3 chunks, resumes on another, and prints the whole
/// answer exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn chat_command_resumes_on_the_next_node() {
    bounded("chat command", async {
        let cluster = Cluster::start().await;
        let url = |n: &Node| format!("ws://127.0.0.1:{}/ws", n.port);
        let out = common::chatctl()
            .args(["chat", "--user", "cli", "--switch-after", "3", "--node", &url(&cluster.nodes[0])])
            .args(["--node", &url(&cluster.nodes[1]), "what survives a crash?"])
            .output()
            .unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("[resuming on node-1 after chunk 2]"), "{stderr}");
        let id = stderr.split("[message ").nth(1).and_then(|s| s.split(']').next()).expect("message id on stderr");
        assert_eq!(stdout.trim_end_matches('\n'), uninterrupted(id, "what survives a crash?").await);
    })
    .await;
}

/// Rolling restart: each node in turn gets SIGTERM while 100 answers stream (clients spread
/// over the three nodes), exits 0 and starts again on its port. A draining node answers
/// `/readyz` with 503 while its listener still answers, tells its clients to reconnect and
/// hands its answers over: nothing lost or duplicated, and no answer waits for a lease TTL.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn g_rolling_restart_hands_answers_over() {
    bounded("g", rolling_restart("g", false)).await;
}

/// The same rolling restart with the clients behind real nginx (`deploy/nginx.conf`):
/// every (re)connection goes through it, and it routes around the draining node.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn h_rolling_restart_behind_nginx() {
    bounded("h", rolling_restart("h", true)).await;
}

/// Over a node's connection limit, nginx tries another node and the client connects.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nginx_sends_refused_connections_to_another_node() {
    bounded("nginx limit", async {
        let broker = Broker::start(Engine::Sqlite);
        broker.ensure_topics(4).await;
        let redis = Redis::start();
        let ports: Vec<u16> = (0..3).map(|_| common::free_port()).collect();
        let nodes: Vec<Node> = (0..3)
            .map(|k| {
                let full: &[&str] = if k == 0 { &["--max-connections", "0"] } else { &[] };
                start_node_on(&broker.addr, &redis.url, k, ports[k], CHUNKS, full)
            })
            .collect();
        for n in &nodes {
            common::wait_for_port(n.port, &n.id, Duration::from_secs(30));
        }
        let nginx = Nginx::start(&ports);
        let mut on = Vec::new();
        for i in 0..6 {
            let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{}/ws?user=lb-{i}", nginx.port))
                .await
                .expect("connected through nginx");
            on.push(next_frame(&mut ws).await.unwrap()["nodeId"].as_str().unwrap().to_string());
        }
        assert!(on.iter().all(|n| n != "node-0"), "the full node took none: {on:?}");
        let refused = reqwest::get(format!("http://127.0.0.1:{}/metrics", nodes[0].metrics_port))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            refused.contains(r#"chatctl_connections_refused_total{reason="node_full"}"#),
            "node-0 refused: {refused}"
        );
    })
    .await;
}

async fn rolling_restart(name: &'static str, via_nginx: bool) {
    const LONG: u32 = 80;
    {
        let broker = Broker::start(Engine::Sqlite);
        broker.ensure_topics(4).await;
        let redis = Redis::start();
        let ports: Vec<u16> = (0..3).map(|_| common::free_port()).collect();
        let mut nodes: Vec<Node> =
            (0..3).map(|k| start_node_on(&broker.addr, &redis.url, k, ports[k], LONG, &[])).collect();
        for n in &nodes {
            common::wait_for_port(n.port, &n.id, Duration::from_secs(30));
        }
        let nginx = via_nginx.then(|| Nginx::start(&ports));
        let entry = nginx.as_ref().map(|n| n.port);
        let tasks = users().into_iter().enumerate().map(|(i, u)| {
            let ports = ports.clone();
            async move {
                let mut at = i % 3;
                let mut ws = connect(entry.unwrap_or(ports[at]), &u).await;
                let mut seen = Seen::chat(&mut ws, &u, format!("question {i}: what survives a deploy?")).await;
                let mut arrivals = vec![Instant::now()];
                loop {
                    match next_frame(&mut ws).await {
                        Some(f) if f["type"] == "chunk" => {
                            seen.chunks.push((
                                f["index"].as_u64().unwrap() as u32,
                                f["epoch"].as_u64().unwrap() as u32,
                                f["delta"].as_str().unwrap().to_string(),
                            ));
                            arrivals.push(Instant::now());
                        }
                        Some(f) if f["type"] == "done" || f["type"] == "error" => {
                            seen.end = Some(f);
                            break;
                        }
                        Some(f) if f["type"] != "reconnect" => {}
                        _ => {
                            // Told to reconnect, or the node went: the next node that takes us.
                            let t0 = Instant::now();
                            let mut errs = Vec::new();
                            ws = loop {
                                at = (at + 1) % 3;
                                let attempt = tokio_tungstenite::connect_async(format!(
                                    "ws://127.0.0.1:{}/ws?user={u}",
                                    entry.unwrap_or(ports[at])
                                ))
                                .await;
                                if let Err(e) = &attempt {
                                    if errs.is_empty() {
                                        errs.push(format!("{e}"));
                                    }
                                }
                                if let Ok((mut w, _)) = attempt {
                                    if next_frame(&mut w).await.is_some_and(|f| f["type"] == "session") {
                                        break w;
                                    }
                                    errs.push("no session".to_string());
                                }
                                tokio::time::sleep(Duration::from_millis(50)).await;
                            };
                            if t0.elapsed() > Duration::from_secs(1) {
                                eprintln!("{u}: reconnect took {:?}: {errs:?}", t0.elapsed());
                            }
                            seen.resume(&mut ws).await;
                        }
                    }
                }
                let gap = arrivals.windows(2).map(|w| w[1] - w[0]).max().unwrap_or_default();
                (seen, gap)
            }
        });
        let clients = tokio::spawn(futures_util::future::join_all(tasks));
        tokio::time::sleep(Duration::from_millis(800)).await;
        let client = reqwest::Client::new();
        for k in 0..3 {
            let node = &mut nodes[k];
            node.signal("-TERM");
            // The listener still answers, with 503, while the node drains.
            // The node keeps its listener for at least --drain-grace (1 s) after the signal:
            // ask until then (each request bounded), and say what was answered instead.
            let mut saw_503 = false;
            let mut answers = Vec::new();
            let asked = Instant::now();
            while asked.elapsed() < Duration::from_secs(1) {
                let url = format!("http://127.0.0.1:{}/readyz", node.port);
                match client.get(url).timeout(Duration::from_millis(300)).send().await {
                    Ok(r) if r.status() == 503 => {
                        saw_503 = true;
                        break;
                    }
                    Ok(r) => answers.push(format!("{:?}: {}", asked.elapsed(), r.status())),
                    Err(e) => answers.push(format!("{:?}: {e}", asked.elapsed())),
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            let tail: Vec<_> = answers.iter().rev().take(5).collect();
            assert!(saw_503, "node-{k}: /readyz answered 503 during the drain; the last answers: {tail:?}");
            let deadline = Instant::now() + Duration::from_secs(30);
            let status = loop {
                if let Some(st) = node.child.try_wait().unwrap() {
                    break st;
                }
                assert!(Instant::now() < deadline, "node-{k} did not exit within 30 s of SIGTERM");
                tokio::time::sleep(Duration::from_millis(20)).await;
            };
            assert_eq!(status.code(), Some(0), "node-{k} exits 0 after draining");
            nodes[k] = start_node_on(&broker.addr, &redis.url, k, ports[k], LONG, &[]);
            common::wait_for_port(ports[k], &nodes[k].id, Duration::from_secs(30));
        }
        let results = clients.await.unwrap();
        let worst_gap = results.iter().map(|r| r.1).max().unwrap();
        let seen: Vec<Seen> = results.into_iter().map(|r| r.0).collect();
        let r = report_of(name, &seen, LONG).await;
        assert_perfect(name, &r);
        let moved = seen.iter().filter(|s| s.chunks.iter().any(|c| c.1 >= 1)).count();
        println!("scenario {name}: {moved} answers moved node, longest wait between chunks {worst_gap:?}");
        assert!(moved >= STREAMS / 2, "answers were handed over ({moved})");
        // That no answer waited for a lease to expire is shown by the events below (no
        // NODE_LOST, a STREAM_RESUMED per hand-over); the gap is bounded by the lease itself
        // (it was 1.8 s, crossed at 1.82 s in a CI run with every hand-over clean).
        assert!(worst_gap < Duration::from_secs(2), "no answer waited for the 2 s lease: {worst_gap:?}");
        let events = events_when_recorded(&broker, STREAMS).await;
        assert_eq!(takeovers(&events).0, 0, "hand-overs are not NODE_LOST");
        assert!(takeovers(&events).1 >= moved, "each hand-over is a STREAM_RESUMED");
    }
}

/// `chatctl announce --all` reaches every client on all three nodes exactly once;
/// `--session` only that session's client; an undecodable record is skipped, not fatal.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn announcements_reach_every_node_exactly_once() {
    bounded("announce", async {
        let cluster = Cluster::start().await;
        let mut clients = Vec::new();
        for i in 0..6 {
            let port = cluster.nodes[i % 3].port;
            let (mut ws, _) =
                tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{port}/ws?user=ann-{i}")).await.unwrap();
            let hello = next_frame(&mut ws).await.unwrap();
            clients.push((ws, hello["sessionId"].as_str().unwrap().to_string()));
        }
        // The nodes' readers start at the log end: give them a moment to be assigned.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let announce = |args: Vec<String>| {
            let out = common::chatctl().arg("announce").args(args).args(["-b", &cluster.broker.addr]).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        };
        // A record that is not an announcement: skipped, counted.
        let producer: rdkafka::producer::FutureProducer =
            cluster.broker.kafka().create(&cluster.broker.kafka().producer_config()).unwrap();
        producer
            .send(
                rdkafka::producer::FutureRecord::to("multi-node-broadcast").key("x").payload("not json"),
                Duration::from_secs(10),
            )
            .await
            .unwrap();
        announce(vec!["maintenance at noon".into(), "--all".into()]);
        let target = clients[4].1.clone();
        announce(vec!["just for you".into(), "--session".into(), target.clone()]);
        let mut got: Vec<Vec<String>> = Vec::new();
        for (ws, _) in clients.iter_mut() {
            let mut texts = Vec::new();
            let until = Instant::now() + Duration::from_secs(3);
            while let Ok(Some(Ok(Message::Text(t)))) =
                tokio::time::timeout(until.saturating_duration_since(Instant::now()), ws.next()).await
            {
                let f: Value = serde_json::from_str(&t).unwrap();
                if f["type"] == "announcement" {
                    texts.push(f["text"].as_str().unwrap().to_string());
                }
            }
            got.push(texts);
        }
        for (i, texts) in got.iter().enumerate() {
            let want: Vec<&str> =
                if i == 4 { vec!["maintenance at noon", "just for you"] } else { vec!["maintenance at noon"] };
            assert_eq!(texts, &want, "client {i} (node-{})", i % 3);
        }
        let mut skipped = 0.0;
        for n in &cluster.nodes {
            skipped += n.metric("chatctl_broadcast_undecodable_total").await;
        }
        assert_eq!(skipped, 3.0, "each node skipped the undecodable record once");
    })
    .await;
}

/// (i) Three tansu brokers over one PostgreSQL 18; two gateway nodes and an audit worker
/// bootstrapped with all three; 100 answers streaming when the broker they use is
/// SIGKILLed. Every answer completes, every event reaches Kafka exactly once by eventId, the
/// worker stores every event and its committed offsets reach the log end (when the dead
/// broker was the only one its consumer knew, it joins again with a new consumer), and
/// `lag`, `groups list`, `replay` and `dlq list` work while that broker is down; then it
/// comes back.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn i_the_broker_in_use_killed_of_three() {
    bounded("i", async {
        let mut brokers = common::BrokerCluster::start(3);
        let kafka = brokers.kafka();
        common::chat_topics(&kafka, 4).await;
        let redis = Redis::start();
        let addr = brokers.addr();
        let nodes: Vec<Node> =
            (0..2).map(|k| start_node_on(&addr, &redis.url, k, common::free_port(), CHUNKS, &[])).collect();
        for n in &nodes {
            common::wait_for_port(n.port, &n.id, Duration::from_secs(30));
        }
        let dir = tempfile::tempdir().unwrap();
        let store_url = format!("sqlite://{}", dir.path().join("audit.db").display());
        let _worker = Node {
            child: common::serve_worker("audit", &addr, common::free_port())
                .args(["--node-id", "w1", "--audit-url", &store_url])
                .spawn()
                .unwrap(),
            port: 0,
            metrics_port: 0,
            id: "w1".into(),
            log: None,
        };
        // 100 answers, half on each node, each 3 chunks in.
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        let tasks = users().into_iter().enumerate().map(|(i, u)| {
            let port = ports[i % 2];
            async move {
                let mut ws = connect(port, &u).await;
                let mut seen = Seen::chat(&mut ws, &u, format!("question {i}: what if a broker dies?")).await;
                assert!(seen.read(&mut ws, Some(3)).await, "client {i} lost its socket early");
                (ws, seen)
            }
        });
        let clients = futures_util::future::join_all(tasks).await;
        let (victim, before) = brokers.busiest();
        assert!(before > 0, "the engine is connected to some broker");
        let killed = Instant::now();
        brokers.kill(victim);
        let seen = finish_all(clients).await;
        let r = report("i", &seen).await;
        assert_perfect("i", &r);
        let others: usize = (0..3).filter(|i| *i != victim).map(|i| brokers.connections(i)).sum();
        assert!(others > 0, "the clients failed over to the other brokers");
        let events = events_recorded_on(&kafka, STREAMS).await;
        assert_every_event_recorded("i", &events, &r);
        let mut by_id: HashMap<uuid::Uuid, usize> = HashMap::new();
        for e in &events {
            *by_id.entry(e.event_id).or_default() += 1;
        }
        let twice = by_id.values().filter(|n| **n > 1).count();
        assert_eq!(twice, 0, "every event once by eventId");
        // The worker stored every event, and its lag is back to 0.
        let store = chatctl::store::Store::open(&store_url).await.unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        let rows = loop {
            let (rows, distinct) = store.audit_counts().await.unwrap();
            assert_eq!(rows, distinct);
            if rows as usize >= by_id.len() || Instant::now() > deadline {
                break rows as usize;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        };
        assert_eq!(rows, by_id.len(), "audit rows == distinct events");
        // Its committed offsets reach the end (a member that lost its only known broker
        // joins again with a new consumer within about a minute).
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            let out =
                common::chatctl().args(["-b", &addr, "lag", "-g", "chatctl-audit", "-o", "json"]).output().unwrap();
            let row: Value =
                serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("{}")).unwrap();
            if row["lag"] == 0 && row["partitions"].as_u64().unwrap_or(0) > 0 {
                break;
            }
            assert!(Instant::now() < deadline, "audit lag never back to 0: {row}");
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        // The operator's commands, with that broker still down.
        for args in [
            &["lag", "-o", "json"][..],
            &["groups", "list", "-o", "json"][..],
            &["replay", "--since", "1h", "--topic", "stream-events", "-o", "json"][..],
            &["dlq", "list", "-o", "json"][..],
        ] {
            let out = common::chatctl().args(["-b", &addr]).args(args).output().unwrap();
            assert!(out.status.success(), "{args:?} with a broker down: {}", String::from_utf8_lossy(&out.stderr));
        }
        let recovered = killed.elapsed();
        assert!(brokers.connections(victim) == 0, "still down while all that ran");
        brokers.restart(victim);
        println!(
            "scenario i: broker {victim} of 3 SIGKILLed ({before} connections); {}/{STREAMS} answers completed, \
             {} events, {} distinct by eventId, {rows} audit rows, audit lag 0 after {recovered:?}",
            r.complete,
            events.len(),
            by_id.len()
        );
    })
    .await;
}

/// A tansu broker, Redis behind Sentinel, and one gateway node on them per entry of
/// `extras` (that node's further `serve` arguments), answers of `chunks` chunks.
async fn sentinel_fleet(chunks: u32, extras: &[&[&str]]) -> (Broker, common::Sentinel, Vec<Node>) {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let sentinel = tokio::task::spawn_blocking(common::Sentinel::start).await.unwrap();
    let nodes: Vec<Node> = extras
        .iter()
        .enumerate()
        .map(|(k, extra)| start_node_on(&broker.addr, &sentinel.url, k, common::free_port(), chunks, extra))
        .collect();
    for n in &nodes {
        common::wait_for_port(n.port, &n.id, Duration::from_secs(30));
    }
    (broker, sentinel, nodes)
}

/// One client's answer: asked on `home`, 2 chunks read there; then, with `away`, followed
/// from that node (which reads Redis for it); read to its end.
async fn asked_then_followed(home: u16, away: Option<u16>, user: String, prompt: String) -> Seen {
    let mut ws = connect(home, &user).await;
    let mut seen = Seen::chat(&mut ws, &user, prompt).await;
    assert!(seen.read(&mut ws, Some(2)).await, "client {user} lost its socket early");
    if let Some(away) = away {
        drop(ws);
        ws = connect(away, &user).await;
        seen.resume(&mut ws).await;
    }
    seen.read(&mut ws, None).await;
    seen
}

/// (j) Redis behind Sentinel (a primary, two replicas, three sentinels), the primary
/// SIGKILLed at a random moment while 30 answers stream on 3 nodes (half the clients
/// following from another node), 5 rounds, the old primary back as a replica each time:
/// every transcript byte-equal to its assistant message in Kafka, no chunk index missing
/// or repeated, exactly one `done` per answer, and each round's answers complete after
/// that round's failover. Every node followed every failover (its metric counts them).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn j_redis_primary_killed_behind_sentinel() {
    const ROUNDS: usize = 5;
    const WAVE: usize = 30;
    bounded("j", async {
        let (broker, sentinel, nodes) = sentinel_fleet(CHUNKS, &[&[], &[], &[]]).await;
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        let seed = fastrand::u64(..);
        let mut rng = fastrand::Rng::with_seed(seed);
        println!("scenario j: seed {seed}");
        let sentinel = Arc::new(std::sync::Mutex::new(sentinel));
        let mut all = Vec::new();
        for round in 0..ROUNDS {
            let tasks = (0..WAVE).map(|i| {
                let (home, away) = (ports[i % 3], (i % 2 == 1).then_some(ports[(i + 1) % 3]));
                let prompt = format!("round {round}, question {i}: what if Redis fails over?");
                asked_then_followed(home, away, format!("j{round}-{i}"), prompt)
            });
            let wave = tokio::spawn(futures_util::future::join_all(tasks));
            tokio::time::sleep(Duration::from_millis(rng.u64(300..2_000))).await;
            let s = sentinel.clone();
            let (killed, from, to) = tokio::task::spawn_blocking(move || {
                let mut s = s.lock().unwrap();
                let from = s.primary_port().unwrap();
                let killed = s.kill_primary(Duration::from_secs(20));
                (killed, from, s.primary_port().unwrap())
            })
            .await
            .unwrap();
            let seen = wave.await.unwrap();
            let done = seen.iter().filter(|s| s.end.as_ref().is_some_and(|e| e["type"] == "done")).count();
            println!("scenario j: round {round}: primary {from} killed, {to} promoted; {done}/{WAVE} answers done");
            assert_eq!(done, WAVE, "round {round}: every answer completes across the failover");
            let s = sentinel.clone();
            tokio::task::spawn_blocking(move || s.lock().unwrap().rejoin(killed, Duration::from_secs(30)))
                .await
                .unwrap();
            all.extend(seen);
        }
        let r = report("j", &all).await;
        assert_eq!(
            (r.complete, r.lost, r.duplicated, r.identical),
            (ROUNDS * WAVE, 0, 0, ROUNDS * WAVE),
            "scenario j: (complete, lost, duplicated, identical)"
        );
        let events = events_recorded_on(&broker.kafka(), ROUNDS * WAVE).await;
        assert_recorded_answers("j", &events, &r);
        assert_one_answer_each(&events, &all, &nodes);
        for n in &nodes {
            let followed = n.metric("chatctl_redis_primary_changes").await;
            assert!(followed >= ROUNDS as f64, "{} followed {followed} of {ROUNDS} failovers", n.id);
        }
    })
    .await;
}

/// (k) Sentinels lost: with 1 of 3 sentinels down a killed primary is still replaced and the
/// answers complete; with 2 of 3 down every node says a failover could not happen (a
/// `redis degraded:` line on `/readyz`, `chatctl_redis_failover_ready` 0) while it keeps
/// serving, and says so no more once they are back, when a killed primary is replaced again.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn k_sentinels_lost() {
    const WAVE: usize = 10;
    bounded("k", async {
        let (_broker, sentinel, nodes) = sentinel_fleet(CHUNKS, &[&[], &[]]).await;
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        let sentinel = Arc::new(std::sync::Mutex::new(sentinel));
        let on = |f: fn(&mut common::Sentinel)| {
            let s = sentinel.clone();
            tokio::task::spawn_blocking(move || f(&mut s.lock().unwrap()))
        };
        // A wave of answers across a primary kill: half the clients follow from the other node.
        let failover_wave = |tag: &'static str| {
            let s = sentinel.clone();
            let ports = ports.clone();
            async move {
                let tasks = (0..WAVE).map(|i| {
                    let (home, away) = (ports[i % 2], (i % 2 == 1).then_some(ports[(i + 1) % 2]));
                    asked_then_followed(home, away, format!("k{tag}-{i}"), format!("{tag} {i}: and the sentinels?"))
                });
                let wave = tokio::spawn(futures_util::future::join_all(tasks));
                tokio::time::sleep(Duration::from_millis(500)).await;
                tokio::task::spawn_blocking(move || {
                    let mut s = s.lock().unwrap();
                    let killed = s.kill_primary(Duration::from_secs(20));
                    s.rejoin(killed, Duration::from_secs(30));
                })
                .await
                .unwrap();
                let seen = wave.await.unwrap();
                let r = report(&format!("k ({tag})"), &seen).await;
                assert_eq!((r.complete, r.lost, r.duplicated), (WAVE, 0, 0), "k ({tag}): (complete, lost, duplicated)");
            }
        };
        let readyz = |port: u16| async move {
            reqwest::get(format!("http://127.0.0.1:{port}/readyz")).await.unwrap().text().await.unwrap()
        };
        let ready_everywhere = |want: f64| {
            let nodes = &nodes;
            async move {
                for n in nodes {
                    common::wait_until(
                        &format!("{}: chatctl_redis_failover_ready {want}", n.id),
                        Duration::from_secs(20),
                        async || n.metric("chatctl_redis_failover_ready").await == want,
                    )
                    .await;
                }
            }
        };
        // 1 of 3 sentinels down: still a quorum, still a failover.
        on(|s| s.sentinels[2].kill()).await.unwrap();
        failover_wave("one-down").await;
        // 2 of 3 down: no failover could happen; the nodes serve and say so.
        on(|s| s.sentinels[1].kill()).await.unwrap();
        ready_everywhere(0.0).await;
        for n in &nodes {
            let line = readyz(n.port).await;
            assert!(line.starts_with("ready; redis degraded: the sentinels cannot fail over"), "{}: {line}", n.id);
            print!("scenario k: {} /readyz with 2 of 3 sentinels down: {line}", n.id);
        }
        let mut ws = connect(ports[0], "k-degraded").await;
        let mut s = Seen::chat(&mut ws, "k-degraded", "served while degraded?".into()).await;
        assert!(s.read(&mut ws, None).await && s.end.as_ref().is_some_and(|e| e["type"] == "done"));
        // Back: said so no more, and a failover works again.
        on(|s| {
            s.sentinels[1].restart();
            s.sentinels[2].restart();
        })
        .await
        .unwrap();
        ready_everywhere(1.0).await;
        for n in &nodes {
            assert_eq!(readyz(n.port).await, "ready\n", "{}", n.id);
        }
        failover_wave("recovered").await;
    })
    .await;
}

/// (l) The lost acknowledged write: both replicas paused and cut off, the lone primary
/// still acknowledges the appends, but no client is shown a chunk its replicas have not
/// confirmed (`WAIT`, on by default behind Sentinel): the clients see nothing while it is
/// alone. Then it is killed -9 and a replica that lacks those writes is promoted: every
/// answer completes, none lost or repeated, each text the uninterrupted one. A node with
/// `--redis-min-replicas 0` keeps showing chunks meanwhile (the hold is that setting's).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn l_unconfirmed_chunks_are_held_across_a_lost_write() {
    const WAVE: usize = 10;
    const LONG: u32 = 60;
    bounded("l", async {
        let (_broker, sentinel, nodes) = sentinel_fleet(LONG, &[&[], &["--redis-min-replicas", "0"]]).await;
        let (confirm, unconfirmed) = (&nodes[0], &nodes[1]);
        let start = |port: u16, tag: &'static str| async move {
            futures_util::future::join_all((0..WAVE).map(|i| async move {
                let user = format!("l{tag}-{i}");
                let mut ws = connect(port, &user).await;
                let mut seen = Seen::chat(&mut ws, &user, format!("{tag} {i}: and a lost write?")).await;
                assert!(seen.read(&mut ws, Some(3)).await);
                (ws, seen)
            }))
            .await
        };
        let (held, flowing) = tokio::join!(start(confirm.port, "held"), start(unconfirmed.port, "flowing"));
        let sentinel = Arc::new(std::sync::Mutex::new(sentinel));
        let s = sentinel.clone();
        let replicas = tokio::task::spawn_blocking(move || s.lock().unwrap().isolate_primary()).await.unwrap();
        // What was on its way when the replicas stopped settles; then, for a second, count
        // what each client is shown.
        tokio::time::sleep(Duration::from_millis(600)).await;
        let shown_during = |clients: Vec<(Ws, Seen)>| async move {
            let tasks = clients.into_iter().map(|(mut ws, mut seen)| async move {
                let before = seen.chunks.len();
                let _ = tokio::time::timeout(Duration::from_secs(1), seen.read(&mut ws, None)).await;
                let shown = seen.chunks.len() - before;
                (ws, seen, shown)
            });
            futures_util::future::join_all(tasks).await
        };
        let (held, flowing) = tokio::join!(shown_during(held), shown_during(flowing));
        let held_shown: usize = held.iter().map(|c| c.2).sum();
        let flowing_shown: usize = flowing.iter().map(|c| c.2).sum();
        println!(
            "scenario l: in 1 s with the primary alone: {held_shown} chunks shown by the confirming node, \
             {flowing_shown} by the node with --redis-min-replicas 0"
        );
        assert_eq!(held_shown, 0, "no unconfirmed chunk shown");
        assert!(flowing_shown >= WAVE, "the lone primary acknowledged writes meanwhile ({flowing_shown})");
        // The primary dies; a replica without those writes is promoted.
        let s = sentinel.clone();
        tokio::task::spawn_blocking(move || {
            let mut s = s.lock().unwrap();
            let old = s.primary();
            s.nodes[old].kill();
            for k in &replicas {
                s.nodes[*k].signal("-CONT");
            }
            let deadline = Instant::now() + Duration::from_secs(20);
            while s.primary_port().is_none_or(|p| p == s.nodes[old].port) {
                assert!(Instant::now() < deadline, "no replica promoted");
                std::thread::sleep(Duration::from_millis(50));
            }
        })
        .await
        .unwrap();
        let clients: Vec<(Ws, Seen)> = held.into_iter().chain(flowing).map(|(ws, seen, _)| (ws, seen)).collect();
        let seen = finish_all(clients).await;
        let r = report_of("l", &seen, LONG).await;
        assert_eq!(
            (r.complete, r.lost, r.duplicated, r.identical),
            (2 * WAVE, 0, 0, 2 * WAVE),
            "scenario l: (complete, lost, duplicated, identical)"
        );
    })
    .await;
}

/// (m) The Redis primary and the generating node killed -9 together, 20 answers in flight
/// (half the clients on the generating node, half following from another): the survivors
/// follow the promoted replica, take the answers over and finish them; no client loses or
/// repeats a chunk, every chunk index reads the same (epoch, text) to every client that saw
/// it (the node that took over changed none a client had seen), and no epoch of an answer
/// was handed out twice (from the fences: each takeover's STREAM_RESUMED epoch).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn m_primary_and_generating_node_killed_together() {
    const WAVE: usize = 20;
    bounded("m", async {
        let (broker, sentinel, nodes) = sentinel_fleet(CHUNKS, &[&[], &[], &[]]).await;
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        let clients = futures_util::future::join_all((0..WAVE).map(|i| {
            let ports = ports.clone();
            async move {
                let user = format!("m-{i}");
                let mut ws = connect(ports[0], &user).await;
                let mut seen = Seen::chat(&mut ws, &user, format!("{i}: what if both die?")).await;
                assert!(seen.read(&mut ws, Some(3)).await);
                if i % 2 == 1 {
                    drop(ws);
                    ws = connect(ports[1 + i % 2], &user).await;
                    seen.resume(&mut ws).await;
                    assert!(seen.read(&mut ws, Some(seen.chunks.len() + 1)).await);
                }
                (ws, seen)
            }
        }))
        .await;
        let mut sentinel = sentinel;
        nodes[0].signal("-KILL");
        let primary = sentinel.primary();
        sentinel.nodes[primary].kill();
        let tasks =
            clients.into_iter().enumerate().map(|(i, (ws, seen))| seen.finish_or_resume_on(ws, ports[1 + i % 2]));
        let seen = futures_util::future::join_all(tasks).await;
        let promoted = tokio::task::spawn_blocking(move || sentinel.primary_port()).await.unwrap();
        println!("scenario m: generating node and Redis primary killed; promoted {promoted:?}");
        let r = report("m", &seen).await;
        assert_eq!(
            (r.complete, r.lost, r.duplicated, r.identical),
            (WAVE, 0, 0, WAVE),
            "scenario m: (complete, lost, duplicated, identical)"
        );
        assert!(seen.iter().all(|s| s.chunks.iter().any(|c| c.1 >= 1)), "every answer was continued by another node");
        // What each client saw of an index agrees with every other client's.
        let mut by_index: HashMap<(String, u32), (u32, String)> = HashMap::new();
        for s in &seen {
            for (i, e, d) in &s.chunks {
                let was = by_index.entry((s.message_id.clone(), *i)).or_insert((*e, d.clone()));
                assert_eq!(was, &(*e, d.clone()), "chunk {i} of {} read differently", s.message_id);
            }
        }
        let events = events_recorded_on(&broker.kafka(), WAVE).await;
        assert_recorded_answers("m", &events, &r);
        let mut epochs: HashMap<&str, Vec<u32>> = HashMap::new();
        for e in &events {
            if let Payload::StreamResumed(t) = &e.payload {
                epochs.entry(t.message_id.as_str()).or_default().push(t.epoch);
            }
        }
        for s in &seen {
            let mut handed = epochs.get(s.message_id.as_str()).cloned().unwrap_or_default();
            assert!(!handed.is_empty(), "{} was taken over", s.message_id);
            let n = handed.len();
            handed.sort_unstable();
            handed.dedup();
            assert_eq!(
                handed.len(),
                n,
                "an epoch of {} handed out twice: {:?}",
                s.message_id,
                epochs[s.message_id.as_str()]
            );
        }
    })
    .await;
}

/// A connection's session id (the `session` frame), for `chatctl session`.
async fn connect_with_session(port: u16, user: &str) -> (Ws, String) {
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{port}/ws?user={user}")).await.unwrap();
    let hello = next_frame(&mut ws).await.expect("session frame");
    (ws, hello["sessionId"].as_str().unwrap().to_string())
}

/// (p) What the user saw. Two generating nodes killed in turn, three answers each followed
/// from another node: `session --play -o json` gives every chunk with its index and length
/// as in Kafka and, together, the assistant message's text; `session --play` marks the
/// takeover's wait with the two nodes and its length (within 100 ms of the events' times);
/// `stalls --since 10m --min-gap 1s` names exactly the six answers that crossed a takeover
/// with that cause (an answer on a node nobody killed has none).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn p_play_and_stalls_name_the_takeovers_of_two_kills() {
    bounded("p", async {
        let cluster = Cluster::start().await;
        // `stalls --watch`, started before any answer: it must print each takeover's wait
        // as the events that end it arrive, once.
        let mut watcher = common::chatctl()
            .args(["-b", &cluster.broker.addr, "stalls", "--watch", "--interval", "500ms"])
            .args(["--since", "10m", "--min-gap", "1s", "-o", "json"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let watched = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
        let lines = watcher.stdout.take().unwrap();
        let into = watched.clone();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for l in std::io::BufReader::new(lines).lines().map_while(Result::ok) {
                into.lock().unwrap().push(serde_json::from_str(&l).unwrap());
            }
        });
        let mut taken = Vec::new();
        let mut restarted = Vec::new();
        for (victim, follower) in [(0usize, 1usize), (1, 2)] {
            let mut follows = Vec::new();
            for i in 0..3 {
                let user = format!("play-{victim}-{i}");
                let (mut ws, sid) = connect_with_session(cluster.nodes[victim].port, &user).await;
                let mut seen = Seen::chat(&mut ws, &user, format!("question {i} for node {victim}")).await;
                assert!(seen.read(&mut ws, Some(2)).await);
                let mut other = connect(cluster.nodes[follower].port, &user).await;
                seen.resume(&mut other).await;
                follows.push((ws, other, seen, sid));
            }
            for (_, other, seen, _) in follows.iter_mut() {
                let have = seen.chunks.len();
                assert!(seen.read(other, Some(have + 1)).await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            // Killed, then started again on its spool (as a supervisor would): the events it
            // had spooled but not yet sent reach Kafka (the spool is the event path's truth).
            let pid = cluster.nodes[victim].child.id();
            let cwd = std::fs::read_link(format!("/proc/{pid}/cwd")).unwrap();
            let spool = cwd.join("chatctl-data/spool").join(&cluster.nodes[victim].id);
            cluster.nodes[victim].signal("-KILL");
            let spool = spool.display().to_string();
            restarted.push(start_node_on(
                &cluster.broker.addr,
                &cluster.redis.url,
                10 + victim,
                common::free_port(),
                CHUNKS,
                &["--spool-dir", &spool],
            ));
            for (ws, mut other, mut seen, sid) in follows {
                drop(ws);
                assert!(seen.read(&mut other, None).await);
                assert_eq!(seen.end.as_ref().map(|e| e["type"].clone()), Some(json!("done")), "{:?}", seen.end);
                taken.push((victim, sid, seen.message_id.clone()));
            }
        }
        // One answer nobody interrupted, on the node left.
        let (mut ws, calm_sid) = connect_with_session(cluster.nodes[2].port, "calm").await;
        let mut calm = Seen::chat(&mut ws, "calm", "a quiet question".into()).await;
        calm.read(&mut ws, None).await;
        let events = events_when_recorded(&cluster.broker, 7).await;
        let addr = cluster.broker.addr.clone();
        let run = |args: &[&str]| {
            let out = common::chatctl().args(["-b", &addr]).args(args).output().unwrap();
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        // Each chunk as its CHUNK_RECEIVED tells it (an event folds several, each with its
        // own time).
        let chunk_events = |mid: &str| -> Vec<(u32, u32, i64, String)> {
            let mut v: Vec<_> = events
                .iter()
                .filter_map(|e| match &e.payload {
                    Payload::ChunkReceived(c) if c.message_id == mid => {
                        Some(c.chunks().map(|(index, length, latency)| {
                            (
                                index,
                                length,
                                c.at_ms(e.timestamp.timestamp_millis(), latency),
                                e.metadata.node_id.clone(),
                            )
                        }))
                    }
                    _ => None,
                })
                .flatten()
                .collect();
            v.sort();
            v
        };
        let assistant = |mid: &str| {
            events
                .iter()
                .find_map(|e| match &e.payload {
                    Payload::ChatMessage(m) if m.role == Role::Assistant && m.message_id == mid => {
                        Some(m.content.clone())
                    }
                    _ => None,
                })
                .expect("the assistant message")
        };
        // The calm answer: chunks as in Kafka, the whole text, no wait marked.
        let json_lines = run(&["session", &calm_sid, "--play", "--message", &calm.message_id, "-o", "json"]);
        let played: Vec<Value> = json_lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let kafka: Vec<(u32, u32)> = chunk_events(&calm.message_id).iter().map(|c| (c.0, c.1)).collect();
        let got: Vec<(u32, u32)> = played
            .iter()
            .map(|c| (c["index"].as_u64().unwrap() as u32, c["length"].as_u64().unwrap() as u32))
            .collect();
        assert_eq!(got, kafka, "the chunk sequence as its CHUNK_RECEIVED events");
        let text: String = played.iter().map(|c| c["text"].as_str().unwrap_or("")).collect();
        assert_eq!(text, assistant(&calm.message_id));
        // Each taken-over answer: its text, and its takeover's wait marked.
        for (victim, sid, mid) in &taken {
            let played: Vec<Value> = run(&["session", sid, "--play", "--message", mid, "-o", "json"])
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let text: String = played.iter().map(|c| c["text"].as_str().unwrap_or("")).collect();
            let c = chunk_events(mid);
            assert_eq!(
                text,
                assistant(mid),
                "answer {mid}: the played text is the assistant message; chunk events {:?}, {} bytes",
                c.iter().map(|c| (c.0, c.1, c.3.as_str())).collect::<Vec<_>>(),
                c.iter().map(|c| c.1).sum::<u32>()
            );
            let human = run(&["session", sid, "--play", "--message", mid, "--speed", "100"]);
            eprintln!("$ chatctl session {sid} --play --message {mid} --speed 100\n{human}");
            let marker = format!("after node-{victim} was lost");
            let line = human
                .split('⟨')
                .find(|s| s.contains(&marker))
                .unwrap_or_else(|| panic!("no takeover marked:\n{human}"));
            assert!(line.contains("takeover: node-"), "{line}");
            let waited: f64 = line.trim_start_matches("waited ").split(' ').next().unwrap().parse().unwrap();
            let c = chunk_events(mid);
            let longest = c.windows(2).map(|w| w[1].2 - w[0].2).max().unwrap() as f64 / 1000.0;
            assert!((waited - longest).abs() <= 0.1, "marked {waited} s, the events say {longest} s");
        }
        let stalls: Vec<Value> = run(&["stalls", "--since", "10m", "--min-gap", "1s", "-o", "json"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let by_takeover: std::collections::BTreeSet<String> = stalls
            .iter()
            .filter(|s| s["cause"].as_str().unwrap().starts_with("takeover"))
            .map(|s| s["messageId"].as_str().unwrap().to_string())
            .collect();
        let expected: std::collections::BTreeSet<String> = taken.iter().map(|t| t.2.clone()).collect();
        assert_eq!(by_takeover, expected, "the answers that crossed a takeover, and only them");
        assert!(stalls.iter().all(|s| s["messageId"] != calm.message_id.as_str()), "{stalls:?}");
        // The watcher saw the same stalls, each once, as their answers ended.
        let key = |s: &Value| (s["messageId"].as_str().unwrap().to_string(), s["beforeChunk"].as_u64().unwrap());
        let expected: std::collections::BTreeSet<_> = stalls.iter().map(key).collect();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let keys: Vec<_> = watched.lock().unwrap().iter().map(key).collect();
            let unique: std::collections::BTreeSet<_> = keys.iter().cloned().collect();
            assert_eq!(unique.len(), keys.len(), "a stall printed twice by --watch: {keys:?}");
            if unique == expected {
                break;
            }
            assert!(Instant::now() < deadline, "stalls --watch printed {keys:?}\nthe one-shot read {expected:?}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(watcher.try_wait().unwrap().is_none(), "the watcher is still running");
        let _ = watcher.kill();
        let _ = watcher.wait();
        // The console's `:stalls` reader: the same waits over a ten-minute window.
        let kafka = chatctl::kafka::KafkaSettings::new(addr.clone());
        let now = chrono::Utc::now().timestamp_millis();
        let followed = tokio::task::spawn_blocking(move || {
            let mut follow = chatctl::ops::stalls::Follow::new(kafka, 600_000, 1_000, now);
            let first = follow.read(now).unwrap();
            // Read again: only what was appended since, and the same waits.
            (first, follow.read(now + 1).unwrap())
        })
        .await
        .unwrap();
        for (stalls_read, answers) in [&followed.0, &followed.1] {
            let keys: std::collections::BTreeSet<_> =
                stalls_read.iter().map(|s| (s.message_id.clone(), s.before_chunk as u64)).collect();
            assert_eq!(keys, expected, ":stalls reads what `stalls` does");
            assert_eq!(*answers, 7, "the seven answers of the run");
        }
        let table = common::chatctl()
            .args(["-b", &addr, "stalls", "--since", "10m", "--min-gap", "1s", "-o", "table"])
            .output()
            .unwrap();
        eprintln!(
            "$ chatctl stalls --since 10m --min-gap 1s\n{}{}",
            String::from_utf8_lossy(&table.stdout),
            String::from_utf8_lossy(&table.stderr)
        );
    })
    .await;
}

/// A broker, a Redis Cluster (3 shards of a primary and a replica) and `n` gateway nodes on
/// them, listening.
async fn cluster_fleet(n: usize) -> (Broker, common::RedisCluster, Vec<Node>) {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(4).await;
    let cluster = tokio::task::spawn_blocking(common::RedisCluster::start).await.unwrap();
    let nodes: Vec<Node> =
        (0..n).map(|k| start_node_on(&broker.addr, &cluster.url, k, common::free_port(), CHUNKS, &[])).collect();
    for n in &nodes {
        common::wait_for_port(n.port, &n.id, Duration::from_secs(30));
    }
    (broker, cluster, nodes)
}

/// (q) Redis Cluster (3 shards, a primary and a replica each), 30 answers streaming on 3
/// nodes (half the clients following from another node), the primary of the shard that
/// holds partition 0 SIGKILLed mid-stream, and started again (a replica now) only 8 s after
/// its replica took over: only that shard's answers stall (their chunks are held until a
/// replica confirms them again), the others stream on; none is lost, every transcript is
/// byte-equal to its assistant message in Kafka, no index missing or repeated, one `done`
/// each; no script or pipeline met `CROSSSLOT`; the nodes said the shard had no replica
/// (`/readyz`, `chatctl_redis_replicas_up` 0) and stopped saying so once it had one again;
/// the console's reader lists every node and every answer of the cluster.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn q_redis_cluster_shard_primary_killed() {
    const WAVE: usize = 30;
    const STALL: Duration = Duration::from_secs(8);
    bounded("q", async {
        let (broker, cluster, nodes) = cluster_fleet(3).await;
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        // The partitions the shard serving slot 0 holds (Redis says where each one's keys
        // hash: `CLUSTER KEYSLOT`).
        let end = cluster.slots().iter().find(|(a, _, _)| *a == 0).map(|(_, b, _)| *b).expect("a shard holds slot 0");
        let client = redis::Client::open(format!("redis://127.0.0.1:{}", cluster.nodes[0].port)).unwrap();
        let mut c = client.get_multiplexed_async_connection().await.unwrap();
        let mut shard = std::collections::HashSet::new();
        for k in 0..chatctl::realtime::keys::PARTITIONS {
            let key = chatctl::realtime::keys::leases_key(k);
            let slot: u16 = redis::cmd("CLUSTER").arg("KEYSLOT").arg(&key).query_async(&mut c).await.unwrap();
            if slot <= end {
                shard.insert(k);
            }
        }
        println!("scenario q: partitions {shard:?} on the shard of slots 0..={end}");
        let tasks = (0..WAVE).map(|i| {
            let (home, away) = (ports[i % 3], (i % 2 == 1).then_some(ports[(i + 1) % 3]));
            asked_then_followed(home, away, format!("q-{i}"), format!("question {i}: what if a shard fails over?"))
        });
        let wave = tokio::spawn(futures_util::future::join_all(tasks));
        tokio::time::sleep(Duration::from_millis(800)).await;
        let cluster = Arc::new(std::sync::Mutex::new(cluster));
        let c = cluster.clone();
        let killed = tokio::task::spawn_blocking(move || c.lock().unwrap().kill_primary_of(0, Duration::from_secs(20)))
            .await
            .unwrap();
        let killed_at = Instant::now();
        println!("scenario q: the primary of slot 0 (node {killed}) killed; its replica took over");
        // The nodes say the shard has no replica (on /readyz and in the metric).
        let readyz = |port: u16| async move {
            reqwest::get(format!("http://127.0.0.1:{port}/readyz")).await.unwrap().text().await.unwrap()
        };
        let degraded = "ready; redis degraded: a shard has no replica";
        common::wait_until("node-0 /readyz says a shard has no replica", STALL, async || {
            readyz(ports[0]).await.starts_with(degraded)
        })
        .await;
        print!("scenario q: node-0 /readyz while the shard has no replica: {}", readyz(ports[0]).await);
        assert_eq!(nodes[0].metric("chatctl_redis_replicas_up").await, 0.0);
        tokio::time::sleep(STALL.saturating_sub(killed_at.elapsed())).await;
        let c = cluster.clone();
        tokio::task::spawn_blocking(move || c.lock().unwrap().rejoin(killed, Duration::from_secs(30))).await.unwrap();
        let seen = wave.await.unwrap();
        common::wait_until("node-0 /readyz says ready again", Duration::from_secs(20), async || {
            readyz(ports[0]).await == "ready\n"
        })
        .await;
        let on_shard = |s: &Seen| shard.contains(&chatctl::realtime::keys::partition(&s.message_id));
        // In flight at the kill: a chunk before it and after it.
        let in_flight = |s: &&Seen| {
            s.arrivals.first().is_some_and(|t| *t < killed_at) && s.arrivals.last().is_some_and(|t| *t > killed_at)
        };
        let stalled: Vec<Duration> =
            seen.iter().filter(|s| on_shard(s)).filter(in_flight).map(Seen::longest_gap).collect();
        let others: Vec<Duration> = seen.iter().filter(|s| !on_shard(s)).map(Seen::longest_gap).collect();
        println!(
            "scenario q: the shard's answers in flight waited at most {:?}; the others {:?}",
            stalled.iter().max(),
            others.iter().max()
        );
        assert!(
            !stalled.is_empty() && !others.is_empty(),
            "answers on both sides: {} and {}",
            stalled.len(),
            others.len()
        );
        assert!(
            stalled.iter().any(|g| *g >= Duration::from_secs(3)),
            "the killed shard's answers stalled: {stalled:?}"
        );
        assert!(
            others.iter().all(|g| *g < Duration::from_secs(3)),
            "the other shards' answers did not stall: {others:?}"
        );
        let r = report("q", &seen).await;
        assert_eq!(
            (r.complete, r.lost, r.duplicated, r.identical),
            (WAVE, 0, 0, WAVE),
            "scenario q: (complete, lost, duplicated, identical)"
        );
        let events = events_recorded_on(&broker.kafka(), WAVE).await;
        assert_recorded_answers("q", &events, &r);
        // What an operator's console reads of the cluster: every node's beat, and every
        // answer (a SCAN of each primary, the metas read shard by shard).
        let cluster_url = cluster.lock().unwrap().url.clone();
        let fleet = chatctl::realtime::fleet::FleetReader::connect(&chatctl::realtime::RedisTarget::new(cluster_url))
            .await
            .unwrap();
        let beats = fleet.nodes().await.unwrap();
        assert_eq!(beats.iter().map(|b| b.node.as_str()).collect::<Vec<_>>(), ["node-0", "node-1", "node-2"]);
        let recent = fleet.recent(1000).await.unwrap();
        for s in &seen {
            let found = recent.iter().find(|a| a.message_id == s.message_id);
            assert!(found.is_some_and(|a| a.state == "done"), "{} in the console's list: {found:?}", s.message_id);
        }
        for n in &nodes {
            for needle in ["CROSSSLOT", "non local key", "different slot"] {
                assert!(n.log_lines(needle).is_empty(), "{}: {:?}", n.id, n.log_lines(needle));
            }
        }
    })
    .await;
}

/// (r) `FLUSHALL` on one Redis Cluster shard mid-stream (its replica follows it, so the
/// shard holds nothing while the cluster stays up): every node sees that shard's
/// partitions lose their dataset identity (one loss each), the generating nodes write
/// their answers back, and all 30 answers complete, none lost, repeated, or recorded twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn r_one_cluster_shard_flushed_mid_stream() {
    const WAVE: usize = 30;
    bounded("r", async {
        let (broker, cluster, nodes) = cluster_fleet(2).await;
        let ports: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        let tasks = (0..WAVE).map(|i| {
            let away = (i % 2 == 1).then_some(ports[1]);
            asked_then_followed(ports[0], away, format!("r-{i}"), format!("question {i}: what if a shard forgets?"))
        });
        let wave = tokio::spawn(futures_util::future::join_all(tasks));
        tokio::time::sleep(Duration::from_millis(1_200)).await;
        let primary = cluster.slots().iter().find(|(a, _, _)| *a == 0).map(|s| s.2).expect("a shard holds slot 0");
        let client = redis::Client::open(format!("redis://127.0.0.1:{primary}")).unwrap();
        let mut c = client.get_multiplexed_async_connection().await.unwrap();
        let keys_before: i64 = redis::cmd("DBSIZE").query_async(&mut c).await.unwrap();
        let _: () = redis::cmd("FLUSHALL").query_async(&mut c).await.unwrap();
        assert!(keys_before > 0, "the shard held answers before the flush ({keys_before} keys)");
        println!("scenario r: the shard of slot 0 ({primary}) flushed, {keys_before} keys");
        let seen = wave.await.unwrap();
        let r = report("r", &seen).await;
        assert_eq!((r.complete, r.lost, r.duplicated, r.identical), (WAVE, 0, 0, WAVE), "scenario r");
        let events = events_recorded_on(&broker.kafka(), WAVE).await;
        assert_recorded_answers("r", &events, &r);
        let restores = nodes[0].metric("chatctl_redis_restores_total").await;
        assert!(restores >= 1.0, "the generating node wrote its answers back ({restores})");
        for n in &nodes {
            let losses = n.metric("chatctl_redis_dataset_losses_total").await;
            assert_eq!(losses, 1.0, "{} saw the shard lose its dataset once", n.id);
        }
    })
    .await;
}
