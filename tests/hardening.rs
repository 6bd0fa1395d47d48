//! Hardening, end to end on the real `chatctl serve` process, real tansu and real sockets:
//! - 2,000 connections that never finish their headers (half send nothing at all) and
//!   2,000 WebSockets that never answer a ping: all closed within the configured timeouts,
//!   a new client served meanwhile, and every connection's task gone after each burst (RSS under a ceiling).
//! - A 2 MB answer from the upstream: capped with ANSWER_TOO_LARGE by default; with the
//!   cap raised, delivered, its 2 MB CHAT_MESSAGE quarantined (Kafka's limit is 1 MB) and
//!   the spool's mark moving on; the next chats' events land either way.
//! - Secrets set everywhere: none in `--help`, stderr/logs, client frames, `/metrics`, DLQ
//!   headers or `config view`.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use chatctl::events::{Event, Payload, CHAT_EVENTS, STREAM_EVENTS};
use chatctl::gateway::spool::Spool;
use common::{chatctl, free_port, read_events, read_records, tail, wait_for_port, Broker, Engine, Proc};
use futures_util::SinkExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use common::ws::Ws;

/// A gateway node: its process, its ports and its log file.
struct Node {
    proc: Option<Proc>,
    port: u16,
    metrics: u16,
    log: std::path::PathBuf,
}

impl Node {
    fn start(broker: &Broker, name: &str, args: &[&str]) -> Node {
        let (port, metrics) = (free_port(), free_port());
        let log = broker.path(&format!("{name}.log"));
        let child = common::serve_gateway(name, &broker.addr, port)
            .args(["--metrics-listen", &format!("127.0.0.1:{metrics}")])
            .args(args)
            .env("RUST_LOG", "chatctl=debug,info")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        wait_for_port(port, name, Duration::from_secs(30));
        Node { proc: Some(Proc(child)), port, metrics, log }
    }

    fn pid(&self) -> u32 {
        self.proc.as_ref().unwrap().0.id()
    }

    /// SIGTERM and wait (a clean stop: flush, spool checkpoint).
    fn stop(&mut self) {
        if let Some(p) = self.proc.take() {
            p.stop();
        }
    }

    async fn metric(&self, name: &str) -> f64 {
        let url = format!("http://127.0.0.1:{}/metrics", self.metrics);
        let body = reqwest::get(url).await.unwrap().text().await.unwrap();
        // A metric that is not there is a test bug, not a zero.
        body.lines()
            .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no metric {name} in:\n{body}"))
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// Resident memory of a process (KiB).
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

async fn connect(port: u16, user: &str) -> Ws {
    common::ws::connect(&format!("ws://127.0.0.1:{port}/ws?user={user}")).await
}

async fn next_json(ws: &mut Ws) -> Value {
    common::ws::next_json(ws, Duration::from_secs(30)).await.expect("the connection is open")
}

/// One chat: (message id, answer text, the terminal frame).
async fn chat(port: u16, user: &str, text: &str) -> (String, String, Value) {
    let mut ws = connect(port, user).await;
    assert_eq!(next_json(&mut ws).await["type"], "session");
    let frame = json!({"type": "chat", "conversationId": "c1", "content": text}).to_string();
    ws.send(Message::Text(frame.into())).await.unwrap();
    let (mut id, mut answer) = (String::new(), String::new());
    loop {
        let f = next_json(&mut ws).await;
        match f["type"].as_str().unwrap() {
            "chunk" => {
                id = f["messageId"].as_str().unwrap().to_string();
                answer.push_str(f["delta"].as_str().unwrap());
            }
            "done" | "error" => {
                if let Some(m) = f["messageId"].as_str() {
                    id = m.to_string();
                }
                return (id, answer, f);
            }
            _ => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn slow_headers_and_silent_websockets_are_closed_in_time_and_leave_nothing_behind() {
    const SLOW: usize = 2000;
    const IDLE: usize = 2000;
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(1).await;
    let node = Node::start(
        &broker,
        "h1",
        &[
            "--no-spool",
            // Every socket of the bursts comes from 127.0.0.1.
            "--max-connections-per-address",
            "100000",
            "--header-timeout",
            "3s",
            "--ws-ping-interval",
            "2s",
            "--ws-pong-timeout",
            "2s",
            "--write-timeout",
            "2s",
            "--model-chunks",
            "3",
            "--model-interval",
            "1ms",
        ],
    );
    // Warm: one chat, so the baseline includes what every node allocates once.
    let (_, _, end) = chat(node.port, "warm", "hello").await;
    assert_eq!(end["type"], "done");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let baseline = rss_kib(node.pid());
    let tasks_before = node.metric("chatctl_runtime_tasks").await;

    // Three bursts. Every connection is a task in the node's runtime, so a connection the
    // node forgets shows as a task that stays: after each burst the count is back where it
    // was (a few background loops may be mid-tick, hence the slack of 16).
    let mut afters = Vec::new();
    let mut peaks = Vec::new();
    for round in 1..=3 {
        let (p, after) = burst(&node, SLOW, IDLE, round).await;
        peaks.push(p);
        afters.push(after);
        let tasks = node.metric("chatctl_runtime_tasks").await;
        eprintln!("hardening round {round}: {tasks} runtime tasks ({tasks_before} before the bursts)");
        assert!(
            tasks <= tasks_before + 16.0,
            "burst {round} left tasks behind: {tasks_before} before the bursts, {tasks} after"
        );
    }
    eprintln!("hardening: RSS baseline {baseline} KiB, peaks {peaks:?} KiB, after each burst {afters:?} KiB");
    // What stays in RSS after a burst is what tokio's I/O slab and the allocator's
    // per-thread heaps keep for reuse: it follows how many sockets were open at once (how
    // fast they opened), not how many bursts there were, and glibc returns it when it
    // chooses (measured: 55-72 MiB after a burst; 89 MiB once, after the burst that opened
    // in 4.6 s instead of 14 s, 51 MiB over its baseline). The leak check is the task count
    // above; RSS is held to a ceiling that no burst of 4,000 sockets may pass.
    assert!(
        afters.iter().chain(&peaks).all(|a| *a <= baseline + 96 * 1024),
        "memory over the ceiling: baseline {baseline} KiB, peaks {peaks:?} KiB, after each burst {afters:?} KiB"
    );
    // The node still serves.
    let (_, _, end) = chat(node.port, "after", "and now?").await;
    assert_eq!(end["type"], "done");
}

/// One burst of `slow` sockets that never finish their headers (half send nothing) and
/// `idle` WebSockets that never answer a ping: all closed by the node within its timeouts,
/// a newcomer served meanwhile. Returns the node's RSS at the peak and once they are gone.
async fn burst(node: &Node, slow_n: usize, idle_n: usize, round: usize) -> (u64, u64) {
    // 2,000 sockets that never finish their headers; half never send a byte.
    let opened = Instant::now();
    let mut slow = Vec::with_capacity(slow_n);
    // The peak: the most RSS seen while the sockets open (on a loaded machine the first
    // ones are closed before the last open, so the end of the opening is not the peak).
    let mut peak = 0;
    for i in 0..slow_n {
        let mut s = TcpStream::connect(("127.0.0.1", node.port)).unwrap();
        if i % 2 == 0 {
            s.write_all(b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").unwrap();
        }
        slow.push(s);
        if i % 200 == 199 {
            peak = peak.max(rss_kib(node.pid()));
        }
    }
    // 2,000 WebSockets whose clients never read: they answer no ping.
    let mut idle = Vec::with_capacity(idle_n);
    for i in 0..idle_n {
        idle.push(connect(node.port, &format!("idle{round}-{i}")).await);
        if i % 200 == 199 {
            peak = peak.max(rss_kib(node.pid()));
        }
    }
    let mut peak = peak.max(rss_kib(node.pid()));
    let open_took = opened.elapsed();
    // Meanwhile a new client is served.
    let (_, answer, end) = chat(node.port, &format!("newcomer{round}"), "still there?").await;
    assert_eq!(end["type"], "done", "{end}");
    assert!(!answer.is_empty());

    // Every slow socket is closed by the node: EOF (or a reset), within the header
    // timeout after it was opened (plus the time it took to open them all, plus slack).
    let bound = open_took + Duration::from_secs(3) + Duration::from_secs(10);
    let mut closed = 0;
    for s in &mut slow {
        let left = bound.saturating_sub(opened.elapsed()).max(Duration::from_millis(10));
        s.set_read_timeout(Some(left)).unwrap();
        let mut buf = [0u8; 512];
        match s.read(&mut buf) {
            // A 408 first, or nothing: then the end of the stream.
            Ok(n) if n > 0 => {
                let mut rest = Vec::new();
                let _ = s.read_to_end(&mut rest);
                closed += 1;
            }
            Ok(_) => closed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => closed += 1,
            Err(e) => panic!("a slow socket still open after {:?}: {e}", opened.elapsed()),
        }
    }
    assert_eq!(closed, slow_n);
    let slow_closed_after = opened.elapsed();

    // Every silent WebSocket is closed: the node counts none open, and says why.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let open = node.metric("chatctl_ws_connections").await;
        peak = peak.max(rss_kib(node.pid()));
        if open == 0.0 {
            break;
        }
        assert!(Instant::now() < deadline, "{open} WebSockets still open\n{}", tail(&node.log, 20));
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let ws_closed_after = opened.elapsed();
    let timed_out = node.metric("chatctl_clients_timed_out_total").await;
    assert!(timed_out >= (idle_n * round) as f64, "timed out {timed_out}");
    drop(idle);
    drop(slow);

    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = rss_kib(node.pid());
    eprintln!(
        "hardening round {round}: {slow_n} slow-header sockets closed after {slow_closed_after:?}, {idle_n} silent \
         WebSockets after {ws_closed_after:?} (opened in {open_took:?}); RSS peak {peak} KiB, after {after} KiB"
    );
    (peak, after)
}

/// An OpenAI-compatible upstream: prompts containing "big" get `big` bytes of answer in
/// 16 KiB deltas, others a short answer.
async fn upstream(big: usize) -> std::net::SocketAddr {
    use axum::response::sse::{Event as SseEvent, Sse};
    let app = axum::Router::new().route(
        "/v1/chat/completions",
        axum::routing::post(move |axum::Json(body): axum::Json<Value>| async move {
            let prompt = body["messages"][0]["content"].as_str().unwrap_or_default().to_string();
            let piece = "x".repeat(16 * 1024);
            let deltas: Vec<String> =
                if prompt.contains("big") { vec![piece; big / (16 * 1024)] } else { vec!["a short answer".into()] };
            let events = deltas
                .into_iter()
                .map(|d| json!({"choices": [{"delta": {"content": d}}]}).to_string())
                .chain(std::iter::once("[DONE]".to_string()))
                .map(|d| Ok::<_, std::convert::Infallible>(SseEvent::default().data(d)));
            Sse::new(futures_util::stream::iter(events))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_two_megabyte_answer_is_capped_or_quarantined_and_the_event_path_keeps_flowing() {
    const BIG: usize = 2 * 1024 * 1024;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let up = upstream(BIG).await;
    let url = format!("http://{up}");
    let spool = broker.path("spool");
    let quarantine = broker.path("quarantine.jsonl");
    let base: Vec<&str> = vec!["--llm", "openai", "--llm-url", &url];
    let spool_s = spool.display().to_string();
    let quarantine_s = quarantine.display().to_string();

    // 1. The default cap (256 KiB): what fits is delivered, then a clear error.
    let mut node = Node::start(&broker, "cap", &[&base[..], &["--spool-dir", &spool_s]].concat());
    let (capped, answer, end) = chat(node.port, "u1", "a big one please").await;
    assert_eq!(end["type"], "error", "{end}");
    assert_eq!(end["code"], "ANSWER_TOO_LARGE", "{end}");
    assert!(answer.len() <= 256 * 1024 && answer.len() >= 200 * 1024, "delivered {} bytes", answer.len());
    let (next, _, end) = chat(node.port, "u1", "small").await;
    assert_eq!(end["type"], "done", "the next chat is served: {end}");
    node.stop();
    let events = read_events(&kafka);
    let err = events
        .iter()
        .find_map(|e| match &e.payload {
            Payload::StreamError(s) if s.message_id == capped => Some(s.error_code.clone()),
            _ => None,
        })
        .expect("the capped answer's STREAM_ERROR in Kafka");
    assert_eq!(err, "ANSWER_TOO_LARGE");
    assert!(events.iter().any(|e| e.event_type() == "STREAM_COMPLETED" && e.payload.message_id() == next));

    // 2. The cap raised past the event limit: the client gets all 2 MB, the 2 MB
    // CHAT_MESSAGE is quarantined (named in the log, counted), and the spool moves on.
    let mut node = Node::start(
        &broker,
        "raised",
        &[&base[..], &["--spool-dir", &spool_s, "--quarantine-file", &quarantine_s, "--max-answer-bytes", "4000000"]]
            .concat(),
    );
    let (whole, answer, end) = chat(node.port, "u2", "big again").await;
    assert_eq!(end["type"], "done", "{end}");
    assert_eq!(answer.len(), BIG);
    let (after, _, end) = chat(node.port, "u2", "small again").await;
    assert_eq!(end["type"], "done");
    let deadline = Instant::now() + Duration::from_secs(30);
    while node.metric("chatctl_events_quarantined_total").await < 1.0 {
        assert!(Instant::now() < deadline, "nothing quarantined\n{}", tail(&node.log, 30));
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let log = node.log_text();
    assert!(log.contains("quarantined") && log.contains(&quarantine_s), "the log names the file:\n{log}");
    node.stop();
    let kept: Vec<Value> =
        std::fs::read_to_string(&quarantine).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(kept.len(), 1, "one event quarantined");
    assert_eq!(kept[0]["topic"], CHAT_EVENTS);
    let event = Event::decode(kept[0]["value"].as_str().unwrap().as_bytes()).unwrap();
    assert!(matches!(&event.payload, Payload::ChatMessage(m) if m.message_id == whole && m.content.len() == BIG));
    // The spool's mark moved past it: nothing is left for the next start.
    let (_, left) = Spool::open(&spool).unwrap();
    assert!(left.is_empty(), "{} event(s) left in the spool", left.len());
    // And the events after it landed.
    let events = read_events(&kafka);
    assert!(events.iter().any(|e| e.event_type() == "STREAM_COMPLETED" && e.payload.message_id() == after));
    assert!(events.iter().any(|e| e.event_type() == "STREAM_COMPLETED" && e.payload.message_id() == whole));
    assert!(!events.iter().any(|e| matches!(&e.payload, Payload::ChatMessage(m) if m.message_id == whole)));
    assert!(read_records(&kafka, STREAM_EVENTS).len() > 4);
}

/// A webhook that refuses every alert (400): the notify worker dead-letters them.
async fn refusing_webhook() -> std::net::SocketAddr {
    let app = axum::Router::new().fallback(|| async { (axum::http::StatusCode::BAD_REQUEST, "no") });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// An upstream that fails with a body naming internal addresses.
async fn failing_upstream() -> std::net::SocketAddr {
    let app = axum::Router::new().fallback(|| async {
        (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "backend http://10.0.0.7:9000/admin?token=t failed")
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn secrets_set_everywhere_reach_no_output() {
    // Each secret holds "SEKRIT" so that one search finds any of them anywhere.
    const REDIS_PW: &str = "redis-pw-SEKRIT-1";
    const JWT: &str = "jwt-secret-SEKRIT-2-of-at-least-32-bytes";
    const HOOK: &str = "hook-token-SEKRIT-3";
    const SMTP_PW: &str = "smtp-pw-SEKRIT-4";
    const LLM_KEY: &str = "llm-key-SEKRIT-5";
    const LLM_URL_PW: &str = "llm-url-pw-SEKRIT-6";
    const X_PW: &str = "x-prop-SEKRIT-7";
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let redis = common::Redis::start_with(&["--requirepass", REDIS_PW]);
    let hook = refusing_webhook().await;
    let up = failing_upstream().await;
    let dead_smtp = free_port();
    let store = format!("sqlite://{}", broker.path("store.db").display());
    let env: Vec<(&str, String)> = vec![
        ("CHATCTL_REDIS", format!("redis://:{REDIS_PW}@127.0.0.1:{}", redis.port)),
        ("CHATCTL_JWT_SECRET", JWT.into()),
        ("CHATCTL_NOTIFY_URL", format!("http://{hook}/services/{HOOK}")),
        ("CHATCTL_SMTP_URL", format!("smtp://alerts:{SMTP_PW}@127.0.0.1:{dead_smtp}")),
        ("CHATCTL_ALERT_TO", "ops@example.com".into()),
        ("CHATCTL_LLM_API_KEY", LLM_KEY.into()),
        ("CHATCTL_LLM_URL", format!("http://llm:{LLM_URL_PW}@{up}")),
        ("CHATCTL_SASL_PASSWORD", "sasl-pw-SEKRIT-8".into()),
        ("CHATCTL_AUDIT_URL", store.clone()),
        ("CHATCTL_BROKERS", broker.addr.clone()),
    ];
    let cmd = |args: &[&str]| {
        let mut c = chatctl();
        c.args(args).envs(env.iter().map(|(k, v)| (*k, v.as_str())));
        c
    };
    let mut outputs: Vec<(String, String)> = Vec::new();
    fn keep(outputs: &mut Vec<(String, String)>, what: &str, o: std::process::Output) {
        outputs.push((format!("{what} stdout"), String::from_utf8_lossy(&o.stdout).into_owned()));
        outputs.push((format!("{what} stderr"), String::from_utf8_lossy(&o.stderr).into_owned()));
    }
    // --help with every variable set; config view (the secrets come from the environment:
    // a secret given with -X is refused before anything is printed); a refused -X secret
    // property; a wrong Redis password at start.
    keep(&mut outputs, "serve --help", cmd(&["serve", "--help"]).output().unwrap());
    keep(&mut outputs, "config view", cmd(&["config", "view", "-X", "client.id=secrets-test"]).output().unwrap());
    keep(
        &mut outputs,
        "-X refused",
        cmd(&["-X", &format!("sasl.passwordz={X_PW}"), "topics", "ensure"]).output().unwrap(),
    );
    // A secret given with -X is refused, by its key alone.
    let refused = &outputs.iter().find(|(w, _)| w == "-X refused stderr").unwrap().1;
    assert!(refused.contains("-X sasl.passwordz=… puts a secret on the command line"), "{refused}");
    let wrong = format!("redis://:wrong-SEKRIT-9@127.0.0.1:{}", redis.port);
    keep(
        &mut outputs,
        "wrong redis password",
        cmd(&["serve", "--role", "gateway", "--listen", "127.0.0.1:0", "--redis", &wrong, "--no-spool"])
            .output()
            .unwrap(),
    );

    // The engine: gateway + notify worker, the upstream failing, the webhook refusing.
    let (port, mport) = (free_port(), free_port());
    let log = broker.path("serve.log");
    let node = Proc(
        cmd(&["serve", "--workers", "notify", "--llm", "openai", "--node-id", "sec1", "--no-spool"])
            .args(["--listen", &format!("127.0.0.1:{port}"), "--metrics-listen", &format!("127.0.0.1:{mport}")])
            .env("RUST_LOG", "debug")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap(),
    );
    wait_for_port(port, "serve", Duration::from_secs(30));
    let token = chatctl::gateway::auth::mint(JWT, "alice", 600);
    let (mut ws, _) =
        tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{port}/ws?token={token}")).await.unwrap();
    let mut frames = String::new();
    frames.push_str(&next_json(&mut ws).await.to_string());
    let frame = json!({"type": "chat", "conversationId": "c1", "content": "hello"}).to_string();
    ws.send(Message::Text(frame.into())).await.unwrap();
    let end = loop {
        let f = next_json(&mut ws).await;
        frames.push_str(&f.to_string());
        if f["type"] == "error" || f["type"] == "done" {
            break f;
        }
    };
    assert_eq!(end["code"], "UPSTREAM_ERROR", "{end}");
    assert!(
        !frames.contains("10.0.0.7") && !frames.contains(&up.to_string()),
        "upstream details to the client: {frames}"
    );
    // The alert is refused by the webhook: a dead letter whose error names the webhook.
    let deadline = Instant::now() + Duration::from_secs(60);
    let letters = loop {
        let l = read_records(&kafka, "stream-events.dlq");
        if !l.is_empty() {
            break l;
        }
        assert!(Instant::now() < deadline, "no dead letter\n{}", tail(&log, 30));
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    let headers = format!("{:?}", letters.iter().map(|l| &l.headers).collect::<Vec<_>>());
    assert!(headers.contains("refused the alert"), "{headers}");
    outputs.push(("DLQ headers".into(), headers));
    let metrics = reqwest::get(format!("http://127.0.0.1:{mport}/metrics")).await.unwrap().text().await.unwrap();
    outputs.push(("/metrics".into(), metrics));
    outputs.push(("client frames".into(), frames));
    drop(ws);
    node.stop();
    outputs.push(("serve log".into(), std::fs::read_to_string(&log).unwrap()));
    let dlq = chatctl().args(["-b", &broker.addr, "dlq", "list", "-o", "json"]).output().unwrap();
    keep(&mut outputs, "dlq list", dlq);

    let mut leaks = Vec::new();
    for (what, text) in &outputs {
        for (i, line) in text.lines().enumerate() {
            if line.contains("SEKRIT") {
                leaks.push(format!("{what}:{}: {line}", i + 1));
            }
        }
    }
    assert!(leaks.is_empty(), "secrets in the output:\n{}", leaks.join("\n"));
    // The channels were really exercised: each said something.
    for must in [
        "serve --help stdout",
        "config view stdout",
        "-X refused stderr",
        "wrong redis password stderr",
        "DLQ headers",
        "/metrics",
        "client frames",
        "serve log",
        "dlq list stdout",
    ] {
        let (_, text) = outputs.iter().find(|(w, _)| w == must).unwrap();
        assert!(!text.trim().is_empty(), "{must} is empty");
    }
    eprintln!("secrets: {} outputs searched, no secret in any", outputs.len());
}

/// A transient refusal is never quarantined: the broker down past `message.timeout.ms`
/// (1 s here) times every event out, again and again; each is kept in the spool and sent
/// again, and once the broker is back all of them are in Kafka, the quarantine empty.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_broker_down_past_the_message_timeout_quarantines_nothing() {
    let mut broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let (spool, quarantine) = (broker.path("spool"), broker.path("quarantine.jsonl"));
    let (spool_s, quarantine_s) = (spool.display().to_string(), quarantine.display().to_string());
    let args = ["--spool-dir", &spool_s, "--quarantine-file", &quarantine_s, "-X", "message.timeout.ms=1000"];
    // The broker goes before the node starts: tansu 0.6.0 on SQLite, killed after the node's
    // idempotent producer got its id, panics on that id once restarted ("more or less than
    // one row" in `idempotent_message_check`) and stops answering, where Kafka would answer
    // UNKNOWN_PRODUCER_ID. Started with the broker away, the producer gets its id from the
    // restarted broker. The node starts regardless (topics not made sure of: a warning).
    broker.kill();
    let mut node = Node::start(&broker, "transient", &args);
    let mut ids = Vec::new();
    for i in 0..5 {
        let (id, _, end) = chat(node.port, &format!("u{i}"), "while the broker is away").await;
        assert_eq!(end["type"], "done", "{end}");
        ids.push(id);
    }
    // Timed out at least once each (the retries are counted), none quarantined.
    let deadline = Instant::now() + Duration::from_secs(30);
    while node.metric("chatctl_events_retried_total").await < 20.0 {
        assert!(Instant::now() < deadline, "no retries counted\n{}", tail(&node.log, 30));
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(node.metric("chatctl_events_quarantined_total").await, 0.0);
    broker.restart();
    let deadline = Instant::now() + Duration::from_secs(60);
    let events = loop {
        let events = read_events(&kafka);
        // Both the completion and the answer of each (retried events land in any order).
        let done = ids
            .iter()
            .filter(|id| {
                events.iter().any(|e| e.event_type() == "STREAM_COMPLETED" && e.payload.message_id() == id.as_str())
                    && events.iter().any(|e| matches!(&e.payload, Payload::ChatMessage(m) if &m.message_id == *id))
            })
            .count();
        if done == ids.len() {
            break events;
        }
        assert!(
            Instant::now() < deadline,
            "{done} of {} answers and completions in Kafka\n{}",
            ids.len(),
            tail(&node.log, 30)
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    for id in &ids {
        let answers =
            events.iter().filter(|e| matches!(&e.payload, Payload::ChatMessage(m) if &m.message_id == id)).count();
        assert_eq!(answers, 1, "the answer {id} recorded once");
    }
    assert_eq!(node.metric("chatctl_events_quarantined_total").await, 0.0);
    assert!(!quarantine.exists(), "the quarantine file was never written");
    assert!(node.log_text().contains("not quarantined"), "the retries are said in the log");
    node.stop();
}

/// `chatctl quarantine list` and `replay`: a record quarantined for a reason since fixed
/// goes back on its topic with its key, once; a second replay sends nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn quarantine_replay_puts_a_record_back_once() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let file = broker.path("q/node-1.jsonl");
    let event = Event::new("s-replay", "node-1", chatctl::events::examples().remove(0));
    assert_eq!(event.topic(), CHAT_EVENTS);
    let q = chatctl::quarantine::Quarantine::new(&file);
    q.keep(CHAT_EVENTS, Some(b"s-replay"), &event.to_json(), "Broker: Topic authorization failed").unwrap();
    let run = |args: &[&str]| {
        let out = chatctl().args(["-b", &broker.addr]).args(args).output().unwrap();
        let (stdout, stderr) =
            (String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string());
        assert!(out.status.success(), "{args:?}: {stderr}");
        (stdout, stderr)
    };
    let file_s = file.display().to_string();
    let listed = |stdout: &str| -> Value { serde_json::from_str(stdout.lines().next().unwrap()).unwrap() };
    let (out, _) = run(&["quarantine", "list", "--file", &file_s, "-o", "json"]);
    let row = listed(&out);
    assert_eq!(
        (row["id"].as_str(), row["replayed"].as_bool()),
        (Some(event.event_id.to_string().as_str()), Some(false))
    );
    assert_eq!(row["eventType"], "CHAT_MESSAGE");
    let count = || read_events(&kafka).iter().filter(|e| e.event_id == event.event_id).count();
    let (_, err) = run(&["quarantine", "replay", "--file", &file_s]);
    assert!(err.contains("would replay 1") && err.contains("--execute"), "{err}");
    assert_eq!(count(), 0, "a dry run sends nothing");
    let (out, _) = run(&["quarantine", "replay", "--file", &file_s, "--execute"]);
    assert!(out.contains(&format!("replayed {}", event.event_id)), "{out}");
    assert_eq!(count(), 1);
    let (_, err) = run(&["quarantine", "replay", "--file", &file_s, "--execute"]);
    assert!(err.contains("replayed 0; 1 replayed before"), "{err}");
    assert_eq!(count(), 1, "replayed once, whoever runs it again");
    let back = read_records(&kafka, CHAT_EVENTS);
    assert!(back.iter().any(|r| r.key.as_deref() == Some(&b"s-replay"[..])), "the key kept");
    let (out, _) = run(&["quarantine", "list", "--file", &file_s, "-o", "json"]);
    assert_eq!(listed(&out)["replayed"], true);
}

/// A TCP connection from `from` (another loopback address: 127.0.0.2 is another host to
/// the node) that sends half a request and waits.
async fn half_sent(from: &str, port: u16) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    let mut s = socket.connect(([127, 0, 0, 1], port).into()).await.unwrap();
    let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").await;
    s
}

/// Whether the node closed `s` within `within` (EOF or reset), rather than keeping it.
async fn closed_by_node(mut s: tokio::net::TcpStream, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 64];
    matches!(tokio::time::timeout(within, s.read(&mut buf)).await, Ok(Ok(0)) | Ok(Err(_)))
}

/// An HTTP/1.1 GET from 127.0.0.3: (status, body).
async fn get_from(port: u16, path: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.3:0".parse().unwrap()).unwrap();
    let mut s = socket.connect(([127, 0, 0, 1], port).into()).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    tokio::time::timeout(Duration::from_secs(10), s.read_to_string(&mut out)).await.unwrap().unwrap();
    let status = out.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, out.split("\r\n\r\n").nth(1).unwrap_or_default().to_string())
}

/// One host cycling half-sent requests cannot fill the node: 5,000 from 127.0.0.2, of which
/// the node keeps `--max-connections-per-address` (100) and closes the rest at accept, while
/// a client on 127.0.0.3 chats and gets `/readyz`. And when the node is full, its probes
/// still answer: `/readyz` from another host gets 200 on a connection kept for probes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_host_cannot_fill_the_node_and_probes_still_answer() {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(1).await;
    let args = ["--no-spool", "--max-connections-per-address", "100", "--header-timeout", "60s"];
    let node = Node::start(&broker, "per-address", &args);
    let flood = futures_util::future::join_all((0..5000).map(|_| half_sent("127.0.0.2", node.port))).await;
    // Meanwhile, another host is served as usual.
    let (_, answer, end) = chat(node.port, "other-host", "am I served?").await;
    assert_eq!(end["type"], "done", "{end}");
    assert!(!answer.is_empty());
    assert_eq!(get_from(node.port, "/readyz").await.0, 200);
    let closed =
        futures_util::future::join_all(flood.into_iter().map(|s| closed_by_node(s, Duration::from_secs(3)))).await;
    let kept = closed.iter().filter(|c| !**c).count();
    assert_eq!(kept, 100, "the node keeps 100 of 127.0.0.2's 5,000 half-sent requests and closes the rest");

    // A full node: 10 connections (+1, +64 of slack) all taken by one host, which also
    // takes its 2 of the probes' connections; another host's /readyz still answers, and
    // anything else there is refused with 503.
    let args =
        ["--no-spool", "--max-connections", "10", "--max-connections-per-address", "100000", "--header-timeout", "60s"];
    let full = Node::start(&broker, "full", &args);
    let flood = futures_util::future::join_all((0..300).map(|_| half_sent("127.0.0.2", full.port))).await;
    let (status, body) = get_from(full.port, "/readyz").await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = get_from(full.port, "/").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("connection limit"), "{body}");
    let closed =
        futures_util::future::join_all(flood.into_iter().map(|s| closed_by_node(s, Duration::from_secs(3)))).await;
    assert_eq!(closed.iter().filter(|c| !**c).count(), 10 + 1 + 64 + 2, "the cap and 2 probe connections held");
}

/// A client that pipelines requests and never reads the answers: once the node's writes
/// have waited `--write-timeout` (2 s) for it, the node closes the connection (its next
/// write fails: reset), instead of holding a slot forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_pipelining_client_that_never_reads_is_closed_within_its_deadline() {
    use tokio::io::AsyncWriteExt;
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(1).await;
    let node = Node::start(&broker, "pipeline", &["--no-spool", "--write-timeout", "2s"]);
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.3:0".parse().unwrap()).unwrap();
    let s = socket.connect(([127, 0, 0, 1], node.port).into()).await.unwrap();
    let (_read_half, mut w) = s.into_split();
    // 20,000 requests for the chat page: far more answer than any socket buffer holds.
    let requests = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(20_000);
    let sent = tokio::time::timeout(Duration::from_secs(5), w.write_all(&requests)).await;
    assert!(!matches!(sent, Ok(Err(_))), "the requests were taken: {sent:?}");
    tokio::time::sleep(Duration::from_secs(5)).await;
    // Closed by the node: writing more fails (reset). Kept open: it would block, the node
    // not reading while its own writes wait.
    let more = vec![b'x'; 8 << 20];
    let again = tokio::time::timeout(Duration::from_secs(10), async {
        w.write_all(&more).await?;
        w.flush().await
    })
    .await;
    assert!(matches!(again, Ok(Err(_))), "the node still holds the connection: {again:?}");
    // The node serves others meanwhile.
    assert_eq!(get_from(node.port, "/healthz").await.0, 200);
}

/// With `ulimit -n 1024`, a connection flood does not take the descriptors Kafka and the
/// spool need: the node caps its connections below the limit (and says so), a client
/// connected before the flood keeps chatting, its events reach Kafka and the spool, and
/// the log shows no EMFILE.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_under_ulimit_1024_leaves_kafka_and_the_spool_their_descriptors() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let kafka = broker.kafka();
    let (port, metrics) = (free_port(), free_port());
    let log = broker.path("ulimit.log");
    let spool = broker.path("spool");
    let bin = chatctl().get_program().to_owned();
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 1024 && exec \"$0\" \"$@\"")
        .arg(&bin)
        .args(["serve", "--role", "gateway", "--insecure-dev-auth", "--node-id", "ulimit", "-b", &broker.addr])
        .args(["--listen", &format!("127.0.0.1:{port}"), "--metrics-listen", &format!("127.0.0.1:{metrics}")])
        .args(["--spool-dir", &spool.display().to_string(), "--max-connections-per-address", "100000"])
        .args(["--header-timeout", "60s", "--model-chunks", "5", "--model-interval", "5ms"])
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    wait_for_port(port, "ulimit", Duration::from_secs(30));
    let node = Node { proc: Some(Proc(child)), port, metrics, log };
    let mut ws = connect(node.port, "before-the-flood").await;
    assert_eq!(next_json(&mut ws).await["type"], "session");
    let flood = futures_util::future::join_all((0..2000).map(|_| half_sent("127.0.0.2", node.port))).await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let frame = json!({"type": "chat", "conversationId": "c1", "content": format!("during the flood {i}")});
        ws.send(Message::Text(frame.to_string().into())).await.unwrap();
        loop {
            let f = next_json(&mut ws).await;
            match f["type"].as_str().unwrap() {
                "done" => {
                    ids.push(f["messageId"].as_str().unwrap().to_string());
                    break;
                }
                "error" => panic!("{f}"),
                _ => {}
            }
        }
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let events = read_events(&kafka);
        let landed = ids
            .iter()
            .filter(|id| {
                events.iter().any(|e| e.event_type() == "STREAM_COMPLETED" && e.payload.message_id() == id.as_str())
            })
            .count();
        if landed == ids.len() {
            break;
        }
        assert!(Instant::now() < deadline, "{landed} of 3 answers in Kafka\n{}", tail(&node.log, 30));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let kept =
        futures_util::future::join_all(flood.into_iter().map(|s| closed_by_node(s, Duration::from_secs(2)))).await;
    let held = kept.iter().filter(|c| !**c).count();
    assert!(held <= 1024 - 512 + 2, "the node held {held} of 2,000 flood connections (cap: 1024 - 512)");
    let text = node.log_text();
    assert!(text.contains("ulimit -n"), "the lowered cap is said:\n{}", tail(&node.log, 20));
    for emfile in ["Too many open files", "os error 24", "EMFILE"] {
        assert!(!text.contains(emfile), "{emfile} in the log:\n{}", tail(&node.log, 30));
    }
    assert!(spool.read_dir().unwrap().count() > 0, "the spool was written");
}

/// SIGTERM while 50 WebSocket clients stopped reading mid-answer and 10 HTTP clients
/// pipeline requests without reading: the node still exits within its drain bounds (the
/// drain timeout, the grace, the listener's close bound), with every event flushed and
/// the spool checkpointed (nothing left for the next start).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_with_clients_that_stopped_reading_exits_in_bounded_time() {
    use tokio::io::AsyncWriteExt;
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let spool = broker.path("spool");
    let spool_s = spool.display().to_string();
    let args = ["--spool-dir", &spool_s, "--drain-timeout", "3s", "--drain-grace", "1s"];
    let mut node =
        Node::start(&broker, "stuck", &[&args[..], &["--model-chunks", "400", "--model-interval", "20ms"]].concat());
    let mut stuck = Vec::new();
    for i in 0..50 {
        let mut ws = connect(node.port, &format!("stuck{i}")).await;
        assert_eq!(next_json(&mut ws).await["type"], "session");
        let frame = json!({"type": "chat", "conversationId": "c1", "content": "a long one"}).to_string();
        ws.send(Message::Text(frame.into())).await.unwrap();
        stuck.push(ws); // never read again
    }
    let mut pipelined = Vec::new();
    for _ in 0..10 {
        let mut s = tokio::net::TcpStream::connect(("127.0.0.1", node.port)).await.unwrap();
        let requests = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(5_000);
        let _ = tokio::time::timeout(Duration::from_secs(2), s.write_all(&requests)).await;
        pipelined.push(s);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let pid = node.pid();
    let asked = Instant::now();
    let p = node.proc.take().unwrap();
    tokio::task::spawn_blocking(move || p.stop()).await.unwrap();
    let took = asked.elapsed();
    // 3 s drain timeout, 1 s grace, 5 s for the listener to close, and the flush.
    assert!(took < Duration::from_secs(3 + 1 + 5 + 5), "node {pid} took {took:?} to exit\n{}", tail(&node.log, 30));
    let log = node.log_text();
    assert!(log.contains("all events flushed"), "{}", tail(&node.log, 30));
    let (_, left) = Spool::open(&spool).unwrap();
    assert!(left.is_empty(), "{} event(s) left in the spool after a clean stop", left.len());
    // The answers still running at the drain timeout ended there, recorded as such.
    let cut = read_events(&broker.kafka())
        .iter()
        .filter(|e| matches!(&e.payload, Payload::StreamError(s) if s.error_code == "DRAINING"))
        .count();
    assert_eq!(cut, 50, "each cut answer's STREAM_ERROR (DRAINING) is in Kafka");
    drop((stuck, pipelined));
}
