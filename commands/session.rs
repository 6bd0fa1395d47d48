//! `chatctl session <id>`: one session's timeline, reading only the session's partition
//! of each topic from its time bound.

use chatctl::ops::timeline::{event_line, session_timeline, uuid_v7_ms, EventLine, Timeline};
use chatctl::time::{now, parse_instant};

use crate::args::OutputFormat;
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session id (the events' key)
    pub session_id: String,
    /// Start of the scan: RFC 3339, a date, or a duration ago. Default: when the id is a
    /// UUIDv7 (the gateway mints those), its own time minus --clock-skew; otherwise 7d
    #[arg(long)]
    pub since: Option<String>,
    /// How far other nodes' clocks may lag the node that minted the session id (used for
    /// the default --since)
    #[arg(long, default_value = "10s", value_parser = humantime::parse_duration)]
    pub clock_skew: std::time::Duration,
    /// End of the scan (exclusive; default: the log end)
    #[arg(long)]
    pub until: Option<String>,
    /// Print the timeline as one JSON document
    #[arg(long)]
    pub json: bool,
    /// Also write the timeline as JSON to this file
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Replay the session's answers as the user received them: the text chunk by chunk at
    /// the recorded pace, waits longer than --min-gap marked with their cause (-o json: the
    /// chunk sequence, one object per chunk)
    #[arg(long)]
    pub play: bool,
    /// With --play: only this answer (its message id)
    #[arg(long, value_name = "MESSAGE_ID", requires = "play")]
    pub message: Option<String>,
    /// With --play: this many times faster than it happened
    #[arg(long, default_value_t = 1.0, requires = "play")]
    pub speed: f64,
    /// With --play: mark waits at least this long
    #[arg(long, default_value = "1s", value_parser = humantime::parse_duration)]
    pub min_gap: std::time::Duration,
}

impl Row for EventLine {
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

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let now = now()?;
    let since = match (&args.since, uuid_v7_ms(&args.session_id)) {
        (Some(s), _) => parse_instant(s, now)?.timestamp_millis(),
        // Every event of a session follows its id's minting.
        (None, Some(minted)) => minted - args.clock_skew.as_millis() as i64,
        (None, None) => parse_instant("7d", now)?.timestamp_millis(),
    };
    let until = args.until.as_deref().map(|u| parse_instant(u, now)).transpose()?.map(|t| t.timestamp_millis());
    let kafka = ctx.settings.kafka();
    let id = args.session_id.clone();
    let (timeline, notes): (Timeline, Vec<String>) =
        tokio::task::spawn_blocking(move || session_timeline(&kafka, &id, Some(since), until)).await??;
    for n in &notes {
        eprintln!("note: {n}");
    }
    if let Some(path) = &args.out {
        std::io::Write::write_all(
            &mut chatctl::security::create_private(path)?,
            &serde_json::to_vec_pretty(&timeline)?,
        )?;
    }
    if args.play {
        // The replay is for people even in a pipe: JSON only when asked for.
        return play(&timeline, args, ctx.settings.output.as_deref() == Some("json")).await;
    }
    if ctx.printer.format == OutputFormat::Yaml && !args.json {
        ctx.printer.document(&timeline)?;
        return Ok(());
    }
    if args.json || ctx.printer.format == OutputFormat::Json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &timeline)?;
        std::io::Write::write_all(&mut out, b"\n")?;
        return Ok(());
    }
    let first = timeline.events.first().map(|e| e.timestamp.timestamp_millis()).unwrap_or(0);
    let lines: Vec<EventLine> = timeline.events.iter().map(|e| event_line(e, first)).collect();
    ctx.printer.rows(&lines)?;
    print_summary(&timeline, since);
    Ok(())
}

/// The timeline's summary for people: counts, gaps, takeovers, what was read.
fn print_summary(timeline: &Timeline, since: i64) {
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
    for t in &s.takeovers {
        let runs = s
            .generated_by
            .get(&t.message_id)
            .map(|r| r.iter().map(|r| format!("{}-{} by {}", r.from, r.to, r.node)).collect::<Vec<_>>().join(", "));
        println!(
            "takeover: message {} continued by {} at chunk {} (epoch {}) after {} was lost; chunks {}",
            t.message_id,
            t.to_node,
            t.from_chunk,
            t.epoch,
            t.from_node.as_deref().unwrap_or("its node"),
            runs.unwrap_or_else(|| "-".into())
        );
    }
    if s.undecodable > 0 {
        println!("{} record(s) of this session could not be decoded", s.undecodable);
    }
    println!(
        "read from {}: {}",
        chrono::DateTime::from_timestamp_millis(since).map(|t| t.to_rfc3339()).unwrap_or_default(),
        timeline
            .scanned
            .iter()
            .map(|r| format!("{}[{}] {}..{}", r.topic, r.partition, r.start, r.end))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// `--play`: each answer of the session (or the one asked for) as its user received it.
async fn play(timeline: &Timeline, args: &Args, json: bool) -> anyhow::Result<()> {
    use std::io::Write;
    if args.speed.is_nan() || args.speed <= 0.0 {
        return Err(chatctl::Error::usage("--speed must be more than 0").into());
    }
    let answers = chatctl::ops::stalls::answers(&timeline.events);
    let chosen: Vec<_> = answers
        .values()
        .filter(|a| !a.chunks.is_empty() && args.message.as_ref().is_none_or(|m| *m == a.message_id))
        .collect();
    if chosen.is_empty() {
        let what = args.message.as_deref().map_or("any answer".to_string(), |m| format!("answer {m}"));
        return Err(chatctl::Error::NotFound(format!("no chunk of {what} in session {}", timeline.session_id)).into());
    }
    let min_gap = args.min_gap.as_millis() as i64;
    let mut out = std::io::stdout().lock();
    for a in chosen {
        let played = a.play();
        if json {
            for c in &played {
                let mut v = serde_json::to_value(c)?;
                v["messageId"] = a.message_id.clone().into();
                writeln!(out, "{v}")?;
            }
            continue;
        }
        let stalls = a.stalls(min_gap);
        let node = a.started.as_ref().map(|(_, n)| n.as_str()).unwrap_or("?");
        writeln!(out, "[answer {}: {} chunks, started on {node}]", a.message_id, played.len())?;
        for c in &played {
            let wait = std::time::Duration::from_millis((c.gap_ms.max(0) as f64 / args.speed) as u64);
            out.flush()?;
            tokio::time::sleep(wait).await;
            if let Some(s) = stalls.iter().find(|s| s.before_chunk == c.index) {
                write!(out, " ⟨waited {:.1} s: {}⟩ ", s.gap_ms as f64 / 1000.0, s.cause)?;
            }
            match &c.text {
                Some(t) => write!(out, "{t}")?,
                None => write!(out, "[chunk {}: {} bytes]", c.index, c.length)?,
            }
        }
        let total = played.last().map_or(0, |c| c.at_ms);
        writeln!(
            out,
            "\n[{} chunks in {:.1} s, {} wait(s) of {} ms or more]",
            played.len(),
            total as f64 / 1000.0,
            stalls.len(),
            min_gap
        )?;
    }
    out.flush()?;
    Ok(())
}
