//! The clients: each chats through nginx, follows its answer, and when its socket dies or
//! goes silent (its node killed, paused or cut) connects again — nginx picks a node — and
//! resumes from the last chunk it has. Every frame it receives and every frame it sends is
//! a line of the history, with its time.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

use crate::checker::Line;

use crate::common::ws::Ws;

/// No frame for this long while following an answer: the node is paused or cut; go
/// elsewhere (the chunks come every 100 ms).
const SILENCE: Duration = Duration::from_secs(5);
/// One answer may take this long, faults included, before the client gives up on it.
const ANSWER_BOUND: Duration = Duration::from_secs(180);

#[derive(Clone)]
pub struct Recorder {
    start: Instant,
    tx: mpsc::UnboundedSender<Line>,
}

impl Recorder {
    pub fn new(start: Instant) -> (Recorder, mpsc::UnboundedReceiver<Line>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (Recorder { start, tx }, rx)
    }

    fn line(&self, client: usize, kind: &str, via: Option<&str>, frame: Option<Value>) {
        let t = self.start.elapsed().as_millis() as u64;
        let _ = self.tx.send(Line { t, client, kind: kind.into(), via: via.map(String::from), frame });
    }
}

struct Conn {
    ws: Ws,
    node: String,
}

async fn connect(port: u16, client: usize, rec: &Recorder) -> Conn {
    let mut backoff = Duration::from_millis(100);
    loop {
        let url = format!("ws://127.0.0.1:{port}/ws?user=user-{client}");
        let attempt = tokio::time::timeout(Duration::from_secs(3), async {
            let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.ok()?;
            let hello = next(&mut ws, Duration::from_secs(3)).await?;
            (hello["type"] == "session").then(|| (ws, hello["nodeId"].as_str().unwrap_or("?").to_string()))
        })
        .await;
        if let Ok(Some((ws, node))) = attempt {
            rec.line(client, "connect", Some(&node), None);
            return Conn { ws, node };
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

/// The next JSON text frame within `wait`; None when the socket closed, died or was silent.
async fn next(ws: &mut Ws, wait: Duration) -> Option<Value> {
    loop {
        match tokio::time::timeout(wait, ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return serde_json::from_str(&t).ok(),
            Ok(Some(Ok(Message::Close(_)))) | Ok(Some(Err(_))) | Ok(None) | Err(_) => return None,
            Ok(Some(Ok(_))) => continue,
        }
    }
}

async fn send(conn: &mut Conn, client: usize, rec: &Recorder, kind: &str, frame: Value) -> bool {
    rec.line(client, kind, Some(&conn.node), Some(frame.clone()));
    conn.ws.send(Message::text(frame.to_string())).await.is_ok()
}

/// Client `client`: answers one after another until `until`, then the one in flight to its
/// end. Returns how many answers it asked for.
pub async fn run(
    port: u16,
    client: usize,
    rec: Recorder,
    until: Instant,
    done: Arc<std::sync::atomic::AtomicUsize>,
) -> usize {
    let mut conn = connect(port, client, &rec).await;
    let mut asked = 0;
    while Instant::now() < until {
        let prompt = format!("client {client}, question {asked}: what survives an hour of faults?");
        if !send(
            &mut conn,
            client,
            &rec,
            "chat",
            json!({"type": "chat", "conversationId": format!("nemesis-{client}"), "content": prompt}),
        )
        .await
        {
            conn = connect(port, client, &rec).await;
            continue;
        }
        // The start frame (or a refusal: try again shortly).
        let message_id = loop {
            match next(&mut conn.ws, SILENCE).await {
                Some(f) => {
                    rec.line(client, "frame", Some(&conn.node), Some(f.clone()));
                    match f["type"].as_str() {
                        Some("start") => break Some(f["messageId"].as_str().unwrap_or_default().to_string()),
                        Some("error") => break None,
                        _ => continue,
                    }
                }
                None => break None,
            }
        };
        let Some(id) = message_id else {
            // Not started here (refused, or the socket died before `start`: a chat that
            // never got its start frame is not followed; the checker reads only answers
            // the client saw start).
            rec.line(client, "cut", Some(&conn.node), None);
            tokio::time::sleep(Duration::from_millis(500)).await;
            conn = connect(port, client, &rec).await;
            continue;
        };
        asked += 1;
        follow(&mut conn, port, client, &rec, &id).await;
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    asked
}

/// Follow answer `id` to its terminal frame, moving and resuming as needed (bounded).
async fn follow(conn: &mut Conn, port: u16, client: usize, rec: &Recorder, id: &str) {
    let started = Instant::now();
    let mut last: Option<u64> = None;
    loop {
        if started.elapsed() > ANSWER_BOUND {
            rec.line(client, "gave-up", Some(&conn.node), Some(json!({"messageId": id})));
            return;
        }
        match next(&mut conn.ws, SILENCE).await {
            Some(f) => {
                rec.line(client, "frame", Some(&conn.node), Some(f.clone()));
                let mine = f["messageId"].as_str() == Some(id);
                match f["type"].as_str() {
                    Some("chunk") if mine => {
                        let i = f["index"].as_u64().unwrap_or(0);
                        last = Some(last.map_or(i, |l| l.max(i)));
                    }
                    Some("done") if mine => return,
                    Some("error") if mine => match f["code"].as_str() {
                        // The resume state is out of reach for now: ask again.
                        Some("UNAVAILABLE") => {
                            tokio::time::sleep(Duration::from_millis(500)).await;
                            resume(conn, client, rec, id, last).await;
                        }
                        _ => return,
                    },
                    Some("reconnect") => {
                        *conn = connect(port, client, rec).await;
                        resume(conn, client, rec, id, last).await;
                    }
                    _ => {}
                }
            }
            None => {
                rec.line(client, "cut", Some(&conn.node), None);
                *conn = connect(port, client, rec).await;
                resume(conn, client, rec, id, last).await;
            }
        }
    }
}

async fn resume(conn: &mut Conn, client: usize, rec: &Recorder, id: &str, last: Option<u64>) {
    let frame = json!({"type": "resume", "sessionId": "", "messageId": id, "epoch": 0, "lastChunk": last});
    send(conn, client, rec, "resume", frame).await;
}
