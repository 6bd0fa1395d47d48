//! `chatctl stalls`: every answer in a time range whose user waited longer than a gap —
//! before its first chunk or between two — with the cause where the events name one, read
//! from Kafka alone (both event topics, once, by time), and a summary per node and cause.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::time::{Duration, Instant};

use chatctl::ops::stalls::{add, summary, Answer, Reader, Stall};
use chatctl::time::{now, parse_instant};

use crate::args::OutputFormat;
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
    /// Keep reading: print each new stall once its answer has ended (Ctrl-C stops)
    #[arg(long, conflicts_with = "until")]
    pub watch: bool,
    /// With --watch: time between reads
    #[arg(long, default_value = "2s", value_parser = humantime::parse_duration, requires = "watch")]
    pub interval: std::time::Duration,
}

impl Row for Stall {
    fn headers() -> &'static [&'static str] {
        &["time", "session", "message", "before chunk", "wait s", "node", "cause"]
    }
    fn cells(&self) -> Vec<String> {
        Stall::cells(self)
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let now = now()?;
    let since = parse_instant(&args.since, now)?.timestamp_millis();
    let until = args.until.as_deref().map(|u| parse_instant(u, now)).transpose()?.map(|t| t.timestamp_millis());
    let mut reader = Reader::new(ctx.settings.kafka(), since, until);
    let (events, undecodable, reader) = tokio::task::spawn_blocking(move || -> chatctl::Result<_> {
        let (events, bad) = reader.next_events()?;
        Ok((events, bad, reader))
    })
    .await??;
    let mut all = BTreeMap::new();
    for e in &events {
        add(&mut all, e);
    }
    let min_gap = args.min_gap.as_millis() as i64;
    let mut stalls: Vec<Stall> =
        all.values().flat_map(|a| a.stalls(min_gap)).filter(|s| keep(args, since, s)).collect();
    stalls.sort_by_key(|s| s.at_ms);
    if args.watch {
        return watch(args, ctx, reader, all, stalls, since).await;
    }
    ctx.printer.rows(&stalls)?;
    let (by_node, by_cause) = summary(&stalls);
    let line = |m: &BTreeMap<String, (usize, i64)>| {
        m.iter()
            .map(|(k, (n, max))| format!("{k} {n} (longest {:.1} s)", *max as f64 / 1000.0))
            .collect::<Vec<_>>()
            .join(", ")
    };
    eprintln!(
        "{} stall(s) of {} ms or more among {} answer(s); by node: {}; by cause: {}",
        stalls.len(),
        args.min_gap.as_millis(),
        all.values().filter(|a| !a.chunks.is_empty()).count(),
        if by_node.is_empty() { "-".into() } else { line(&by_node) },
        if by_cause.is_empty() { "-".into() } else { line(&by_cause) },
    );
    if undecodable > 0 {
        eprintln!("{undecodable} record(s) could not be decoded and were skipped");
    }
    Ok(())
}

/// Whether `s` is one the operator asked for: it ended in range, on the node asked for.
fn keep(args: &Args, since: i64, s: &Stall) -> bool {
    s.at_ms >= since && args.node.as_ref().is_none_or(|n| *n == s.node)
}

/// `--watch`: the stalls so far, then each new one once its answer has ended (completed or
/// failed) and [`SETTLE`] more has passed, so events still on their way (retried after a
/// timeout, re-sent from a restarted node's spool) are counted: one line each, JSON Lines
/// with `-o json`, until Ctrl-C. An answer not waited on whose last event is older than
/// [`FORGET_AFTER_MS`] is forgotten (one that failed as well as one that completed), so a
/// long watch holds little more than the answers in flight.
async fn watch(
    args: &Args,
    ctx: &Context,
    mut reader: Reader,
    mut all: BTreeMap<String, Answer>,
    stalls: Vec<Stall>,
    since: i64,
) -> anyhow::Result<()> {
    let min_gap = args.min_gap.as_millis() as i64;
    let ended = |a: &Answer| a.completed.is_some() || !a.errors.is_empty();
    let mut shown: HashSet<(String, u32)> = HashSet::new();
    let print = |s: &Stall| -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        match ctx.printer.format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, s)?;
                writeln!(out)?;
            }
            _ => writeln!(out, "{}", s.cells().join("  "))?,
        }
        out.flush()
    };
    // What has happened: the waits of the answers that have ended; those in flight wait.
    let mut so_far = 0;
    for s in stalls.iter().filter(|s| all.get(&s.message_id).is_some_and(ended)) {
        shown.insert((s.message_id.clone(), s.before_chunk));
        print(s)?;
        so_far += 1;
    }
    let mut pending: HashMap<String, Instant> =
        all.iter().filter(|(_, a)| !ended(a)).map(|(id, _)| (id.clone(), Instant::now())).collect();
    eprintln!(
        "{so_far} stall(s) so far; watching for more every {} (Ctrl-C stops)",
        humantime::format_duration(args.interval)
    );
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => return Ok(()),
            _ = tokio::time::sleep(args.interval) => {}
        }
        let (result, back) = tokio::task::spawn_blocking(move || (reader.next_events(), reader)).await?;
        reader = back;
        let (events, bad) = result.unwrap_or_else(|e| {
            eprintln!("stalls: reading the events failed, trying again: {e}");
            (Vec::new(), 0)
        });
        if bad > 0 {
            eprintln!("{bad} record(s) could not be decoded and were skipped");
        }
        for e in &events {
            if let Some(id) = add(&mut all, e) {
                // Touched again: looked at (again) once it has settled.
                pending.insert(id.to_string(), Instant::now());
            }
        }
        let settled: Vec<String> = pending
            .iter()
            .filter(|(id, touched)| touched.elapsed() >= SETTLE && all.get(*id).is_some_and(ended))
            .map(|(id, _)| id.clone())
            .collect();
        let mut new: Vec<Stall> = settled
            .iter()
            .filter_map(|id| all.get(id))
            .flat_map(|a| a.stalls(min_gap))
            .filter(|s| keep(args, since, s) && shown.insert((s.message_id.clone(), s.before_chunk)))
            .collect();
        new.sort_by_key(|s| s.at_ms);
        for s in &new {
            print(s)?;
        }
        for id in &settled {
            pending.remove(id);
        }
        let horizon = now()?.timestamp_millis() - FORGET_AFTER_MS;
        all.retain(|id, a| pending.contains_key(id) || a.last_ms() >= horizon);
    }
}

/// How long after its last event an ended answer's waits are printed by `--watch`.
const SETTLE: Duration = Duration::from_secs(2);

/// How long `--watch` keeps a finished answer (its late events, a CHAT_MESSAGE retried
/// after a producer timeout, still find it).
const FORGET_AFTER_MS: i64 = 10 * 60_000;
