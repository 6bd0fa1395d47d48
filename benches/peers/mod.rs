//! The gateway bench's peers, driven by the same load generator as `chatctl serve`:
//!
//! - **bare**: the limit. tokio and tokio-tungstenite (the WebSocket crate chatctl's gateway
//!   uses), sending the same frames (session, start, chunk, done) at the same size and rate,
//!   and nothing else: no Kafka, no Redis, no auth, no resume buffer. Runs in a process of
//!   its own (the bench binary re-executed with `--serve-bare`), so its RSS and CPU are its own.
//! - **socketio**: the common choice. Socket.IO 4 on Node (`peers/socketio/server.js`,
//!   installed by `benches/peers/install` from the npm registry), single node with its
//!   in-memory adapter, or with `@socket.io/redis-adapter` (`--redis`).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

const WORDS: [&str; 8] = ["offset", "partition", "replica", "leader", "segment", "epoch", "commit", "lag"];

/// The bare fan-out server on 127.0.0.1 (a free port), until killed: says where it
/// listens on stderr, as `chatctl serve` does.
pub async fn serve_bare(chunks: u32, interval: Duration) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    eprintln!("bare peer listening on http://{}", listener.local_addr().unwrap());
    loop {
        let Ok((tcp, _)) = listener.accept().await else { continue };
        tokio::spawn(async move {
            let _ = tcp.set_nodelay(true);
            // The buffers chatctl's gateway sets (`gateway/server.rs`): 2 KiB to read, no write
            // buffer (each frame written through).
            let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
                .read_buffer_size(2 * 1024)
                .write_buffer_size(0);
            let Ok(mut ws) = tokio_tungstenite::accept_async_with_config(tcp, Some(config)).await else { return };
            let session = uuid::Uuid::now_v7();
            let hello = format!(r#"{{"type":"session","sessionId":"{session}","nodeId":"bare","userId":"u"}}"#);
            if ws.send(Message::Text(hello.into())).await.is_err() {
                return;
            }
            while let Some(Ok(m)) = ws.next().await {
                let Message::Text(_) = m else { continue };
                let (id, reply_to) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
                let start = format!(
                    r#"{{"type":"start","messageId":"{id}","conversationId":"bench","replyTo":"{reply_to}","epoch":0}}"#
                );
                if ws.send(Message::Text(start.into())).await.is_err() {
                    return;
                }
                let mut length = 0;
                for k in 0..chunks {
                    tokio::time::sleep(interval).await;
                    let i = k as usize;
                    let text = format!("{} {} {} ", WORDS[i % 8], WORDS[(i + 3) % 8], WORDS[(i + 5) % 8]);
                    length += text.len();
                    let chunk = format!(
                        r#"{{"type":"chunk","messageId":"{id}","epoch":0,"index":{k},"delta":"{}|{text}"}}"#,
                        super::now_us()
                    );
                    if ws.send(Message::Text(chunk.into())).await.is_err() {
                        return;
                    }
                }
                let done = format!(
                    r#"{{"type":"done","messageId":"{id}","totalChunks":{chunks},"contentLength":{length},"stopped":false}}"#
                );
                if ws.send(Message::Text(done.into())).await.is_err() {
                    return;
                }
            }
        });
    }
}

/// The Socket.IO peer (node), with its Redis adapter on `redis` when given; once it listens.
pub fn spawn_socketio(chunks: u32, interval_ms: u64, redis: Option<&str>) -> (Child, SocketAddr) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers");
    let install = Command::new(dir.join("install")).status().expect("benches/peers/install");
    assert!(install.success(), "benches/peers/install failed");
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("socketio/server.js"))
        .env("CHUNKS", chunks.to_string())
        .env("INTERVAL_MS", interval_ms.to_string())
        .stderr(Stdio::piped());
    if let Some(url) = redis {
        cmd.env("REDIS_URL", url);
    }
    let mut child = cmd.spawn().expect("node (apt-get install nodejs)");
    let addr = listening(&mut child, "socket.io peer listening on http://");
    (child, addr)
}

/// The bare peer, in a process of its own.
pub fn spawn_bare(chunks: u32, interval_ms: u64) -> (Child, SocketAddr) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--serve-bare", "--chunks", &chunks.to_string(), "--interval-ms", &interval_ms.to_string()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let addr = listening(&mut child, "bare peer listening on http://");
    (child, addr)
}

/// The address `child` says it listens on (a line of its stderr with `marker`); the rest
/// of its stderr is drained.
fn listening(child: &mut Child, marker: &str) -> SocketAddr {
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("the peer exited before it listened").unwrap();
        if let Some(rest) = line.split(marker).nth(1) {
            break rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    addr
}

/// The CPU seconds a Redis has used so far (`INFO cpu`: user + sys, its own threads).
pub fn redis_cpu_secs(port: u16) -> f64 {
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}")).unwrap();
    let mut c = client.get_connection_with_timeout(Duration::from_secs(1)).unwrap();
    let info: String = redis::cmd("INFO").arg("cpu").query(&mut c).unwrap();
    info.lines()
        .filter(|l| l.starts_with("used_cpu_user:") || l.starts_with("used_cpu_sys:"))
        .filter_map(|l| l.split(':').nth(1)?.trim().parse::<f64>().ok())
        .sum()
}
