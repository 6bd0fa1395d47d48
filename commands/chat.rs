//! `chatctl chat`: a terminal client of the gateway. It streams one answer to stdout and,
//! when its node goes away, resumes on the next node from the last chunk it printed, so a
//! takeover can be watched from the client's side. Notes go to stderr.

use std::time::Duration;

use anyhow::{bail, Context as _};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to ask
    pub text: String,
    /// A node's WebSocket URL; repeat for the nodes to resume on, in order
    #[arg(long = "node", value_name = "URL", default_value = "ws://127.0.0.1:8080/ws")]
    pub nodes: Vec<String>,
    /// User id (nodes run with --insecure-dev-auth)
    #[arg(long, default_value = "cli")]
    pub user: String,
    /// HS256 token (nodes run with --jwt-secret)
    #[arg(long, env = "CHATCTL_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Conversation id: the turns of one conversation share it (and its summary)
    #[arg(long, default_value = "cli")]
    pub conversation: String,
    /// Leave the first node after this many chunks and resume on the next one
    #[arg(long, value_name = "N")]
    pub switch_after: Option<u32>,
}

type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The socket and its session frame.
async fn connect(url: &str, args: &Args) -> anyhow::Result<(Ws, Value)> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    // The token in a header (never in the URL, which proxies log); without one, the dev
    // user in the query.
    let mut request = match &args.token {
        Some(_) => url.into_client_request()?,
        None => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}user={}", args.user).into_client_request()?
        }
    };
    if let Some(t) = &args.token {
        let value = format!("Bearer {t}").parse().context("the token is not a valid header value")?;
        request.headers_mut().insert("authorization", value);
    }
    // Frames are ~100 bytes and tungstenite zeroes its whole read buffer before each read
    // (128 KiB by default); it grows for a larger frame.
    let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default().read_buffer_size(4096);
    let connect = tokio_tungstenite::connect_async_with_config(request, Some(config), false);
    let unavailable = |why: String| chatctl::Error::Unavailable(format!("cannot connect to {url}: {why}"));
    let (mut ws, _) = tokio::time::timeout(Duration::from_secs(5), connect)
        .await
        .map_err(|_| unavailable("no answer within 5 s".into()))?
        .map_err(|e| match e {
            tokio_tungstenite::tungstenite::Error::Io(io) => unavailable(chatctl::error::io_in_words(&io)),
            e => unavailable(e.to_string()),
        })?;
    let hello = next(&mut ws).await.with_context(|| format!("{url} closed before its session frame"))?;
    Ok((ws, hello))
}

async fn next(ws: &mut Ws) -> Option<Value> {
    loop {
        match ws.next().await? {
            Ok(Message::Text(t)) => return serde_json::from_str(&t).ok(),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => continue,
        }
    }
}

pub async fn run(args: &Args, _ctx: &Context) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let mut node_ix = 0;
    let (mut ws, hello) = connect(&args.nodes[0], args).await?;
    eprintln!(
        "[connected to {}, session {}]",
        hello["nodeId"].as_str().unwrap_or("?"),
        hello["sessionId"].as_str().unwrap_or("?")
    );
    ws.send(Message::text(
        json!({"type": "chat", "conversationId": args.conversation, "content": args.text}).to_string(),
    ))
    .await?;
    let mut message_id = String::new();
    let mut last: Option<u32> = None;
    let mut epoch = 0;
    let mut chunks = 0;
    loop {
        let switch = args.switch_after.is_some_and(|n| node_ix == 0 && chunks >= n && !message_id.is_empty());
        let frame = if switch { None } else { next(&mut ws).await };
        let Some(f) = frame else {
            // The node went away (or we were asked to leave it): resume on the next one.
            if message_id.is_empty() {
                bail!("the node closed the connection before the answer started");
            }
            node_ix += 1;
            let Some(url) = args.nodes.get(node_ix) else {
                bail!("connection lost after chunk {last:?} and no other --node to resume on");
            };
            let (next_ws, hello) = connect(url, args).await?;
            ws = next_ws;
            let node = hello["nodeId"].as_str().unwrap_or("?");
            eprintln!("\n[resuming on {node} after chunk {}]", last.map(|l| l.to_string()).unwrap_or("-".into()));
            let resume =
                json!({"type": "resume", "sessionId": "", "messageId": message_id, "epoch": epoch, "lastChunk": last});
            ws.send(Message::text(resume.to_string())).await?;
            continue;
        };
        match f["type"].as_str() {
            Some("start") => {
                message_id = f["messageId"].as_str().unwrap_or_default().to_string();
                eprintln!("[message {message_id}]");
            }
            Some("chunk") => {
                let e = f["epoch"].as_u64().unwrap_or(0) as u32;
                if e != epoch {
                    eprintln!("\n[epoch {e}: another node continues the answer]");
                    epoch = e;
                }
                last = f["index"].as_u64().map(|i| i as u32);
                chunks += 1;
                write!(out, "{}", f["delta"].as_str().unwrap_or_default())?;
                out.flush()?;
            }
            Some("done") => {
                writeln!(out)?;
                eprintln!("[done: {} chunks, {} bytes]", f["totalChunks"], f["contentLength"]);
                return Ok(());
            }
            Some("error") => {
                bail!("{}: {}", f["code"].as_str().unwrap_or("ERROR"), f["message"].as_str().unwrap_or(""))
            }
            _ => {}
        }
    }
}
