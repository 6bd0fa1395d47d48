//! `chatctl lag`: consumer lag per group (and partition) in records and seconds, rate,
//! time to drain and a status by Burrow's rules; `--watch` is a live TUI.

use std::sync::mpsc;
use std::time::Duration;

use chatctl::ops::lag::{GroupLag, LagModel, PartitionLag, Poller};
use chatctl::tui::lag::{LagState, LagUpdate};
use chatctl::tui::text::{rate, seconds};
use chatctl::Error;

use crate::cli::GroupArgs;
use crate::output::Row;
use crate::Context;

/// Without --watch, lag is judged over --samples polls --interval apart (default 3 over
/// 2 s): one poll cannot tell a stuck consumer from one that committed a moment ago, and
/// workers commit every second.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Lag in seconds is the age of the oldest unconsumed record: interpolated from the log end's \
history while running (kafka-lag-exporter's method), read from that record's timestamp where \
the committed offset is older than the history. Status follows Burrow's rules over the last \
10 polls: OK, WARN (lag grows every poll), STALL (members, offset not moving), STOP (no \
members or unknown, offset not moving), REWIND (offset went back).")]
pub struct Args {
    #[command(flatten)]
    pub groups: GroupArgs,
    /// Live TUI (q, Esc or Ctrl-C quits)
    #[arg(long, short = 'w')]
    pub watch: bool,
    /// Time between polls (default: 2s with --watch, 1s otherwise)
    #[arg(long, value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub interval: Option<Duration>,
    /// Polls a one-shot report is judged over (at least 2)
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(2..))]
    pub samples: u32,
    /// One row per partition instead of per group
    #[arg(long)]
    pub partitions: bool,
    /// Exit 7 when a group is not OK (for cron and alerting)
    #[arg(long)]
    pub exit_code: bool,
}

impl Row for GroupLag {
    fn headers() -> &'static [&'static str] {
        &["group", "status", "partitions", "lag", "lag s", "rate/s", "drain", "max lag at"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.group.clone(),
            self.status.as_str().into(),
            self.partitions.to_string(),
            self.lag.to_string(),
            seconds(self.lag_seconds),
            rate(self.consume_rate),
            drain(self.lag, self.time_to_drain_seconds),
            self.max_lag_partition.clone().unwrap_or_else(|| "-".into()),
        ]
    }
}

impl Row for PartitionLag {
    fn headers() -> &'static [&'static str] {
        &["group", "topic", "partition", "status", "committed", "log end", "lag", "lag s", "rate/s", "drain"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.group.clone(),
            self.topic.clone(),
            self.partition.to_string(),
            self.status.as_str().into(),
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
        let interval = args.interval.unwrap_or(Duration::from_secs(2));
        let mut poller = Poller::new(&kafka, only)?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut model = LagModel::default();
            loop {
                let started = std::time::Instant::now();
                let at = chrono::Utc::now().timestamp_millis();
                let update = match poller.sample(&mut model) {
                    Ok(()) => LagUpdate::Model(Box::new(model.clone()), at),
                    Err(e) => LagUpdate::Failed(e.to_string(), at),
                };
                if tx.send(update).is_err() {
                    return; // the screen has gone
                }
                std::thread::sleep(interval.saturating_sub(started.elapsed()));
            }
        });
        let mut state = LagState::new(interval.as_millis() as u64);
        tokio::task::block_in_place(|| chatctl::tui::run(&mut state, rx))?;
        return Ok(());
    }
    let interval = args.interval.unwrap_or(Duration::from_secs(1));
    let samples = args.samples;
    let model = tokio::task::spawn_blocking(move || -> chatctl::error::Result<LagModel> {
        let mut poller = Poller::new(&kafka, only)?;
        let mut model = LagModel::default();
        for i in 0..samples {
            if i > 0 {
                std::thread::sleep(interval);
            }
            poller.sample(&mut model)?;
        }
        Ok(model)
    })
    .await??;
    let groups = model.group_rows();
    if args.groups.groups.iter().any(|g| !model.groups.contains_key(g)) {
        let missing: Vec<&String> = args.groups.groups.iter().filter(|g| !model.groups.contains_key(*g)).collect();
        return Err(Error::NotFound(format!(
            "no such group: {}",
            missing.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", ")
        ))
        .into());
    }
    if args.partitions {
        let rows: Vec<PartitionLag> = groups.iter().flat_map(|g| model.partitions(&g.group)).collect();
        ctx.printer.rows(&rows)?;
    } else {
        ctx.printer.rows(&groups)?;
    }
    if args.exit_code {
        let bad: Vec<String> = groups
            .iter()
            .filter(|g| g.status != chatctl::ops::lag::Status::Ok)
            .map(|g| format!("{} {}", g.group, g.status.as_str()))
            .collect();
        if !bad.is_empty() {
            return Err(Error::Unhealthy(format!("{} group(s) not OK: {}", bad.len(), bad.join(", "))).into());
        }
    }
    Ok(())
}
