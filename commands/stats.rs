//! `chatctl stats`: per-node, per-minute stream figures from the analytics worker.

use chatctl::store::{MinuteRow, Store};

use crate::audit::{ts, window};
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: crate::args::StoreArgs,
    /// RFC 3339, a date, or a duration ago
    #[arg(long, default_value = "1h")]
    pub since: String,
    #[arg(long)]
    pub until: Option<String>,
    /// Only this node
    #[arg(long)]
    pub node: Option<String>,
}

impl Row for MinuteRow {
    fn headers() -> &'static [&'static str] {
        &["node", "minute", "streams", "chunks", "errors", "avg latency ms", "p95 latency ms"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.node_id.clone(),
            ts(self.minute_ms),
            self.streams.to_string(),
            self.chunks.to_string(),
            self.errors.to_string(),
            self.avg_latency_ms.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into()),
            self.p95_latency_ms.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
        ]
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let (from, to) = window(&args.since, args.until.as_deref())?;
    let store = Store::open_to_read(&args.store.audit_url).await?;
    let mut rows = store.minutes(from, to).await?;
    if let Some(n) = &args.node {
        rows.retain(|r| &r.node_id == n);
    }
    ctx.printer.rows(&rows)?;
    Ok(())
}
