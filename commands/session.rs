//! `chatctl session <id>`: one session's timeline, reading only the session's partition
//! of each topic from its time bound.

use chatctl::events::{Event, Payload};
use chatctl::ops::timeline::{session_timeline, Timeline};
use chatctl::time::{now, parse_instant};

use crate::cli::OutputFormat;
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session id (the events' key)
    pub session_id: String,
    /// Start of the scan: RFC 3339, a date, or a duration ago (default: 7d)
    #[arg(long, default_value = "7d")]
    pub since: String,
    /// End of the scan (exclusive; default: the log end)
    #[arg(long)]
    pub until: Option<String>,
    /// Print the timeline as one JSON document
    #[arg(long)]
    pub json: bool,
    /// Also write the timeline as JSON to this file
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

#[derive(serde::Serialize)]
struct Line {
    at: String,
    relative_ms: i64,
    event_type: &'static str,
    message: String,
    chunk: String,
    latency_ms: String,
    node: String,
    detail: String,
}

impl Row for Line {
    fn headers() -> &'static [&'static str] {
        &["time", "+ms", "event", "message", "chunk", "latency ms", "node", "detail"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.at.clone(),
            self.relative_ms.to_string(),
            self.event_type.to_string(),
            self.message.clone(),
            self.chunk.clone(),
            self.latency_ms.clone(),
            self.node.clone(),
            self.detail.clone(),
        ]
    }
}

fn line(e: &Event, first_ms: i64) -> Line {
    let (chunk, latency, detail) = match &e.payload {
        Payload::ChunkReceived(c) => {
            (c.chunk_index.to_string(), c.latency_ms.to_string(), format!("{} bytes", c.content_length))
        }
        Payload::StreamCompleted(c) => (
            String::new(),
            c.total_latency_ms.to_string(),
            format!("{} chunks, {} bytes, {} tokens", c.total_chunks, c.content_length, c.tokens_used),
        ),
        Payload::StreamError(s) => (
            s.chunk_index.map(|c| c.to_string()).unwrap_or_default(),
            String::new(),
            format!("{}: {}", s.error_code, s.error),
        ),
        Payload::StreamResumed(r) => (r.from_chunk.to_string(), String::new(), format!("epoch {}", r.epoch)),
        Payload::ChatMessage(m) => {
            let text: String = m.content.chars().take(40).collect();
            (String::new(), String::new(), format!("{:?}: {text}", m.role).to_lowercase())
        }
        Payload::SessionStarted(s) => (String::new(), String::new(), format!("user {}", s.user_id)),
    };
    let ms = e.timestamp.timestamp_millis();
    Line {
        at: e.timestamp.format("%H:%M:%S%.3f").to_string(),
        relative_ms: ms - first_ms,
        event_type: e.event_type(),
        message: e.payload.message_id().to_string(),
        chunk,
        latency_ms: latency,
        node: e.metadata.node_id.clone(),
        detail,
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let now = now()?;
    let since = parse_instant(&args.since, now)?.timestamp_millis();
    let until = args.until.as_deref().map(|u| parse_instant(u, now)).transpose()?.map(|t| t.timestamp_millis());
    let kafka = ctx.settings.kafka();
    let id = args.session_id.clone();
    let (timeline, notes): (Timeline, Vec<String>) =
        tokio::task::spawn_blocking(move || session_timeline(&kafka, &id, Some(since), until)).await??;
    for n in &notes {
        eprintln!("note: {n}");
    }
    if let Some(path) = &args.out {
        std::fs::write(path, serde_json::to_vec_pretty(&timeline)?)?;
    }
    if args.json || (ctx.printer.format == OutputFormat::Json && !ctx.printer.is_terminal) {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &timeline)?;
        std::io::Write::write_all(&mut out, b"\n")?;
        return Ok(());
    }
    let first = timeline.events.first().map(|e| e.timestamp.timestamp_millis()).unwrap_or(0);
    let lines: Vec<Line> = timeline.events.iter().map(|e| line(e, first)).collect();
    crate::output::Printer { format: OutputFormat::Table, is_terminal: true }.rows(&lines)?;
    let s = &timeline.summary;
    println!(
        "session {}: {} events, {} messages, {} chunks, total latency {} ms, {} errors, nodes: {}",
        timeline.session_id,
        s.events,
        s.messages,
        s.chunks,
        s.total_latency_ms,
        s.errors,
        s.nodes.join(", ")
    );
    if s.gaps.is_empty() {
        println!("no gaps in chunk indexes");
    }
    for (m, missing) in &s.gaps {
        println!("gap: message {m} is missing chunks {missing:?}");
    }
    if s.undecodable > 0 {
        println!("{} record(s) of this session could not be decoded", s.undecodable);
    }
    println!(
        "read: {}",
        timeline
            .scanned
            .iter()
            .map(|r| format!("{}[{}] {}..{}", r.topic, r.partition, r.start, r.end))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}
