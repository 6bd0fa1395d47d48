//! `chatctl audit`: the seed's three audit queries over the audit store.

use chatctl::store::{ErrorRow, NodeLatencyRow, SessionRow, Store};
use chatctl::time::{now, parse_instant};
use chrono::{TimeZone, Utc};

use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: crate::args::StoreArgs,
    #[command(subcommand)]
    pub query: Query,
}

#[derive(Debug, clap::Subcommand)]
pub enum Query {
    /// Sessions of a user since a time
    Sessions {
        /// The user id (the JWT `sub`)
        #[arg(long)]
        user: String,
        /// RFC 3339, a date, or a duration ago (7d)
        #[arg(long, default_value = "7d")]
        since: String,
    },
    /// Average streaming latency per node
    Latency {
        #[arg(long, default_value = "24h")]
        since: String,
        #[arg(long)]
        until: Option<String>,
    },
    /// Stream errors in a window (default: the last hour)
    Errors {
        #[arg(long, default_value = "1h")]
        since: String,
        #[arg(long)]
        until: Option<String>,
    },
}

pub fn ts(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms).single().map(|t| t.format("%Y-%m-%d %H:%M:%S%.3f").to_string()).unwrap_or_default()
}

impl Row for SessionRow {
    fn headers() -> &'static [&'static str] {
        &["session", "first", "last", "streams", "events", "errors"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.session_id.clone(),
            ts(self.first_ms),
            ts(self.last_ms),
            self.streams.to_string(),
            self.events.to_string(),
            self.errors.to_string(),
        ]
    }
}

impl Row for NodeLatencyRow {
    fn headers() -> &'static [&'static str] {
        &["node", "streams", "avg latency ms"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.node_id.clone(), self.streams.to_string(), format!("{:.1}", self.avg_latency_ms)]
    }
}

impl Row for ErrorRow {
    fn headers() -> &'static [&'static str] {
        &["time", "session", "message", "node", "code", "error"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            ts(self.ts_ms),
            self.session_id.clone(),
            self.message_id.clone(),
            self.node_id.clone(),
            self.error_code.clone(),
            self.error.clone(),
        ]
    }
}

pub fn window(since: &str, until: Option<&str>) -> anyhow::Result<(i64, i64)> {
    let now = now()?;
    let from = parse_instant(since, now)?.timestamp_millis();
    let to = match until {
        Some(u) => parse_instant(u, now)?.timestamp_millis(),
        None => now.timestamp_millis() + 1,
    };
    Ok((from, to))
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let store = Store::open_to_read(&args.store.audit_url).await?;
    match &args.query {
        Query::Sessions { user, since } => {
            let (from, _) = window(since, None)?;
            ctx.printer.rows(&store.user_sessions(user, from).await?)?;
        }
        Query::Latency { since, until } => {
            let (from, to) = window(since, until.as_deref())?;
            ctx.printer.rows(&store.node_latency(from, to).await?)?;
        }
        Query::Errors { since, until } => {
            let (from, to) = window(since, until.as_deref())?;
            ctx.printer.rows(&store.errors(from, to).await?)?;
        }
    }
    Ok(())
}
