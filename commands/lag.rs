//! `chatctl lag`: consumer lag per group (and partition) in records and seconds, rate,
//! time to drain and a status by Burrow's rules; `--watch` is a live TUI.

use std::sync::mpsc;
use std::time::Duration;

use chatctl::ops::lag::{GroupLag, Judge, LagModel, PartitionLag, Poller, Status};
use chatctl::tui::lag::LagUpdate;
use chatctl::tui::text::{rate, seconds};
use chatctl::Error;

use crate::args::{GroupArgs, OutputFormat};
use crate::output::Row;
use crate::Context;

/// Lag per group in records and seconds, judged as Burrow judges it.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Status is Burrow's (linkedin/Burrow's caching evaluator, rule for rule) over each partition's \
last 10 commits: OK when lag is within --allowed-lag now or anywhere in the window; else STOP \
(no commit for longer than the window spans), REWIND (the offset went back and has not \
climbed back), STALL (the offset never moved), WARN (lag never decreased: flat counts). A group \
is OK, WARN or ERR (any partition STOP, STALL or REWIND), with its worst partition and its \
max-lag partition; a group with no committed offsets is NOTFOUND.

What a CLI cannot see, it does not guess. chatctl polls the committed offset, so the window holds \
the commits it saw change it, dated when first seen; a partition is judged once 3 are seen \
(before that: OK, `complete` < 0.3, \"not enough history\"). A one-shot samples every --interval \
until every lagging partition is judged or --window (15s) passes: a consumer committing every 5 s \
is judged in ~10 s; one committing every 30 s or 60 s (Kafka Streams, Connect) needs --window 2m, \
or is reported OK-incomplete rather than stuck. An Empty group (the broker says nobody consumes) \
with lag is STOP at once. A commit of an unchanged offset is invisible, so a partition that stops \
moving while the group has members is STALL, and STOP otherwise. With --watch, a lagging partition \
not yet judged that has not moved for --window (5m) is STOP/STALL too.

Lag in seconds is kafka-lag-exporter's: now minus when the log end was at the committed offset, \
interpolated in a table of log-end sightings that keeps the first and last sight of a flat log \
end. Where the committed offset is older than the table, chatctl reads that record's timestamp \
(exact) instead of extrapolating.

--exit-code: 0 all OK, 7 a group is ERR, 8 a group is WARN (and none ERR); an unknown group \
exits 4 whatever the flags.")]
pub struct Args {
    #[command(flatten)]
    pub groups: GroupArgs,
    /// Live TUI (q or Ctrl-C quits); with -o json (or stdout not a terminal): one JSON line
    /// per group (per partition with --partitions) every interval
    #[arg(long, short = 'w')]
    pub watch: bool,
    /// Time between polls (default: 1s; with --watch 2s, or 75ms per group where longer:
    /// 200 groups, every 15s)
    #[arg(long, value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub interval: Option<Duration>,
    /// One-shot: sample at most this long (default 15s). --watch: a lagging partition not yet
    /// judged is stopped after this long without moving (default 5m)
    #[arg(long, value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub window: Option<Duration>,
    /// Lag (records) at or under which a partition is OK (Burrow's allowed-lag)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub allowed_lag: u64,
    /// One row per partition instead of per group
    #[arg(long)]
    pub partitions: bool,
    /// Exit 7 when a group is ERR, 8 when one is WARN (for cron and alerting)
    #[arg(long)]
    pub exit_code: bool,
}

impl Row for GroupLag {
    fn headers() -> &'static [&'static str] {
        &["group", "status", "complete", "partitions", "lag", "lag s", "rate/s", "drain", "worst", "max lag at"]
    }
    fn cells(&self) -> Vec<String> {
        let worst = match &self.worst_partition {
            Some(p) if self.worst_status != Status::Ok => format!("{p} {}", self.worst_status.as_str()),
            _ => "-".into(),
        };
        vec![
            self.group.clone(),
            self.status.as_str().into(),
            format!("{:.1}", self.complete),
            self.partitions.to_string(),
            self.lag.to_string(),
            seconds(self.lag_seconds),
            rate(self.consume_rate),
            drain(self.lag, self.time_to_drain_seconds),
            worst,
            self.max_lag_partition.clone().unwrap_or_else(|| "-".into()),
        ]
    }
}

impl Row for PartitionLag {
    fn headers() -> &'static [&'static str] {
        &[
            "group",
            "topic",
            "partition",
            "status",
            "complete",
            "committed",
            "log end",
            "lag",
            "lag s",
            "rate/s",
            "drain",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.group.clone(),
            self.topic.clone(),
            self.partition.to_string(),
            self.status.as_str().into(),
            format!("{:.1}", self.complete),
            self.committed.to_string(),
            self.log_end.to_string(),
            self.lag.to_string(),
            seconds(self.lag_seconds),
            rate(self.consume_rate),
            drain(self.lag, self.time_to_drain_seconds),
        ]
    }
}

fn drain(lag: i64, d: Option<f64>) -> String {
    if lag == 0 {
        "-".into()
    } else {
        d.map(|d| seconds(Some(d))).unwrap_or_else(|| "never".into())
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    let only = args.groups.groups.clone();
    if args.watch {
        let window = args.window.unwrap_or(Duration::from_secs(300));
        let judge = Judge { allowed_lag: args.allowed_lag, silence_ms: Some(window.as_millis() as i64) };
        let lag = crate::ui::LagOptions { groups: only, interval: args.interval, judge };
        if ctx.printer.format == OutputFormat::Json {
            let (tx, rx) = mpsc::channel();
            crate::ui::spawn_lag(&kafka, lag, None, move |u| tx.send(u).is_ok())?;
            return tokio::task::block_in_place(|| stream(&rx, args.partitions, ctx));
        }
        let dlq = crate::args::DlqTopicArgs { topics: Vec::new() };
        return crate::ui::open(ctx, chatctl::tui::console::ScreenId::Groups, lag, &dlq).await;
    }
    let interval = args.interval.unwrap_or(Duration::from_secs(1));
    let window = args.window.unwrap_or(Duration::from_secs(15));
    let judge = Judge { allowed_lag: args.allowed_lag, silence_ms: None };
    let model = tokio::task::spawn_blocking(move || -> chatctl::error::Result<LagModel> {
        let mut poller = Poller::new(&kafka, only)?;
        let mut model = LagModel::new(judge);
        let deadline = std::time::Instant::now() + window;
        loop {
            poller.sample(&mut model)?;
            if model.settled() || std::time::Instant::now() + interval > deadline {
                return Ok(model);
            }
            std::thread::sleep(interval);
        }
    })
    .await??;
    let groups = model.group_rows();
    if args.partitions {
        let rows: Vec<PartitionLag> = groups.iter().flat_map(|g| model.partitions(&g.group)).collect();
        ctx.printer.rows(&rows)?;
    } else {
        ctx.printer.rows(&groups)?;
    }
    verdict(&groups, args.exit_code)
}

/// The exit: unknown groups always fail; with `--exit-code`, ERR and WARN too.
fn verdict(groups: &[GroupLag], exit_code: bool) -> anyhow::Result<()> {
    let with =
        |s: Status| -> Vec<String> { groups.iter().filter(|g| g.status == s).map(|g| g.group.clone()).collect() };
    let missing = with(Status::NotFound);
    if !missing.is_empty() {
        return Err(
            Error::NotFound(format!("no such group: {} (NOTFOUND: no committed offsets)", missing.join(", "))).into()
        );
    }
    if !exit_code {
        return Ok(());
    }
    let describe = |g: &GroupLag| match &g.worst_partition {
        Some(p) if g.status == Status::Err => format!("{} ERR ({p} {})", g.group, g.worst_status.as_str()),
        _ => format!("{} {}", g.group, g.status.as_str()),
    };
    let err: Vec<String> = groups.iter().filter(|g| g.status == Status::Err).map(describe).collect();
    if !err.is_empty() {
        return Err(Error::Unhealthy(format!("{} group(s) in error: {}", err.len(), err.join(", "))).into());
    }
    let warn = with(Status::Warn);
    if !warn.is_empty() {
        return Err(
            Error::Lagging(format!("{} group(s) WARN (lag not decreasing): {}", warn.len(), warn.join(", "))).into()
        );
    }
    Ok(())
}

/// `--watch -o json`: JSON Lines, a report per group (or partition) per poll, until the
/// reader goes away.
fn stream(rx: &mpsc::Receiver<LagUpdate>, partitions: bool, ctx: &Context) -> anyhow::Result<()> {
    for update in rx {
        match update {
            LagUpdate::Model(model, _) => {
                let groups = model.group_rows();
                let r = if partitions {
                    let rows: Vec<PartitionLag> = groups.iter().flat_map(|g| model.partitions(&g.group)).collect();
                    ctx.printer.rows(&rows)
                } else {
                    ctx.printer.rows(&groups)
                };
                match r {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                    r => r?,
                }
            }
            LagUpdate::Failed(e, _) => eprintln!("chatctl: lag: {e}"),
            LagUpdate::Done(_) | LagUpdate::Interval(_) => {}
        }
    }
    Ok(())
}
