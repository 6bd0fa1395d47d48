//! `chatctl stalls`: every answer in a time range whose user waited longer than a gap —
//! before its first chunk or between two — with the cause where the events name one, read
//! from Kafka alone (both event topics, once, by time), and a summary per node and cause.

use chatctl::events::{Event, CHAT_EVENTS, STREAM_EVENTS};
use chatctl::ops::range::{resolve, RangeSpec};
use chatctl::ops::replay::{read, Filter, Take};
use chatctl::ops::stalls::{answers, summary, Stall};
use chatctl::time::{now, parse_instant};
use rdkafka::Message;

use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start of the range: RFC 3339, a date, or a duration ago
    #[arg(long, default_value = "1h")]
    pub since: String,
    /// End of the range (default: now)
    #[arg(long)]
    pub until: Option<String>,
    /// A wait at least this long is a stall
    #[arg(long, default_value = "2s", value_parser = humantime::parse_duration)]
    pub min_gap: std::time::Duration,
    /// Only stalls that ended on this node
    #[arg(long)]
    pub node: Option<String>,
}

impl Row for Stall {
    fn headers() -> &'static [&'static str] {
        &["time", "session", "message", "before chunk", "wait s", "node", "cause"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            chrono::DateTime::from_timestamp_millis(self.at_ms)
                .map(|t| t.format("%H:%M:%S%.3f").to_string())
                .unwrap_or_default(),
            self.session_id.clone(),
            self.message_id.clone(),
            self.before_chunk.to_string(),
            format!("{:.2}", self.gap_ms as f64 / 1000.0),
            self.node.clone(),
            self.cause.clone(),
        ]
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let now = now()?;
    // A stall that ends in range may have begun before it: read a minute earlier.
    let since = parse_instant(&args.since, now)?.timestamp_millis();
    let until = args.until.as_deref().map(|u| parse_instant(u, now)).transpose()?.map(|t| t.timestamp_millis());
    let kafka = ctx.settings.kafka();
    let (events, undecodable) = tokio::task::spawn_blocking(move || -> chatctl::Result<(Vec<Event>, usize)> {
        let spec = RangeSpec { since_ms: Some(since - 60_000), until_ms: until, ..RangeSpec::default() };
        let resolved = resolve(&kafka, &[STREAM_EVENTS, CHAT_EVENTS], &spec)?;
        let (mut events, mut bad) = (Vec::new(), 0);
        let mut notes = resolved.notes.clone();
        read(
            &kafka,
            &resolved.ranges,
            &Filter::default(),
            |m| {
                match m.payload().map(Event::decode) {
                    Some(Ok(e)) => events.push(e),
                    _ => bad += 1,
                }
                Ok(Take::More)
            },
            |_| {},
            &mut notes,
        )?;
        Ok((events, bad))
    })
    .await??;
    let mut stalls: Vec<Stall> = answers(&events)
        .values()
        .flat_map(|a| a.stalls(args.min_gap.as_millis() as i64))
        .filter(|s| s.at_ms >= since && args.node.as_ref().is_none_or(|n| *n == s.node))
        .collect();
    stalls.sort_by_key(|s| s.at_ms);
    ctx.printer.rows(&stalls)?;
    let (by_node, by_cause) = summary(&stalls);
    let line = |m: &std::collections::BTreeMap<String, (usize, i64)>| {
        m.iter()
            .map(|(k, (n, max))| format!("{k} {n} (longest {:.1} s)", *max as f64 / 1000.0))
            .collect::<Vec<_>>()
            .join(", ")
    };
    eprintln!(
        "{} stall(s) of {} ms or more among {} answer(s); by node: {}; by cause: {}",
        stalls.len(),
        args.min_gap.as_millis(),
        answers(&events).values().filter(|a| !a.chunks.is_empty()).count(),
        if by_node.is_empty() { "-".into() } else { line(&by_node) },
        if by_cause.is_empty() { "-".into() } else { line(&by_cause) },
    );
    if undecodable > 0 {
        eprintln!("{undecodable} record(s) could not be decoded and were skipped");
    }
    Ok(())
}
