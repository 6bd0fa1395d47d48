//! `chatctl replay`: re-read events by time or offset range, filter them, and print them,
//! copy them to a topic, or feed them to a worker's handler.

mod sinks;

use std::io::IsTerminal;
use std::sync::Arc;

use chatctl::events::{CHAT_EVENTS, STREAM_EVENTS};
use chatctl::kafka::KafkaSettings;
use chatctl::llm::builtin::BuiltinModel;
use chatctl::metrics::Metrics;
use chatctl::node::workers::{WorkerDeps, WorkerKind};
use chatctl::ops::range::{resolve, RangeSpec};
use chatctl::ops::replay::{read, Filter, PartitionSummary, Take};
use chatctl::store::Store;
use chatctl::time::{now, parse_instant};
use chatctl::workers::search::SearchIndex;
use chatctl::workers::Record;
use chatctl::Error;
use clap::ValueEnum;
use sinks::{IntoHandler, IntoIndex, JsonLines, Sink, Table, Tally, ToTopic};

use crate::args::OutputFormat;
use crate::output::Row;
use crate::Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Source {
    ChatEvents,
    StreamEvents,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Into_ {
    Audit,
    Analytics,
    Search,
    Training,
    Summary,
}

impl Into_ {
    /// The worker whose handler takes the records.
    fn worker(self) -> WorkerKind {
        match self {
            Into_::Audit => WorkerKind::Audit,
            Into_::Analytics => WorkerKind::Analytics,
            Into_::Search => WorkerKind::Search,
            Into_::Training => WorkerKind::Training,
            Into_::Summary => WorkerKind::Summary,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which topic(s) to replay
    #[arg(long, value_enum, default_value = "both")]
    pub topic: Source,
    /// From this time: RFC 3339, a date, or a duration ago (2h, 7d)
    #[arg(long)]
    pub since: Option<String>,
    /// Up to this time (exclusive); default: the log end when the replay starts
    #[arg(long)]
    pub until: Option<String>,
    /// Only this partition (with --from-offset / --to-offset)
    #[arg(long)]
    pub partition: Option<i32>,
    /// First offset (inclusive)
    #[arg(long, requires = "partition")]
    pub from_offset: Option<i64>,
    /// Last offset (exclusive)
    #[arg(long, requires = "partition")]
    pub to_offset: Option<i64>,
    /// Only these event types (repeatable)
    #[arg(long = "event-type", value_name = "TYPE")]
    pub event_types: Vec<String>,
    /// Only this session
    #[arg(long)]
    pub session: Option<String>,
    /// Only events carrying this userId
    #[arg(long)]
    pub user: Option<String>,
    /// Only events whose JSON field equals a value, e.g. --where metadata.nodeId=ws-node-1
    #[arg(long = "where", value_name = "PATH=VALUE", value_parser = Filter::parse_field)]
    pub fields: Vec<(String, String)>,
    /// Copy matching records to this topic (keys, headers and timestamps kept)
    #[arg(long, conflicts_with = "into")]
    pub to_topic: Option<String>,
    /// Feed matching events to a worker's handler
    #[arg(long, value_enum)]
    pub into: Option<Into_>,
    /// With --into analytics, search, training or summary: rebuild that worker's store or
    /// index from the log (written beside the live one, swapped in at the end). Refused
    /// while the worker's consumer group has members: rows it commits during the rebuild
    /// would be lost in the swap. Stop the worker first
    #[arg(long, requires = "into")]
    pub rebuild: bool,
    /// With --rebuild: go on when the broker cannot say whether the worker's group has
    /// members (tansu on SQLite cannot describe groups); make sure the worker is stopped
    #[arg(long, requires = "rebuild")]
    pub force: bool,
    #[command(flatten)]
    pub store: crate::args::StoreArgs,
    /// With --into: the node id the worker writes into its rows
    #[command(flatten)]
    pub node: crate::args::NodeArgs,
    /// Index of --into search
    #[arg(long, env = "CHATCTL_SEARCH_INDEX", default_value = chatctl::workers::search::DEFAULT_INDEX)]
    pub search_index: std::path::PathBuf,
}

impl Row for PartitionSummary {
    fn headers() -> &'static [&'static str] {
        &["topic", "partition", "start", "end", "read", "matched"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.topic.clone(),
            self.partition.to_string(),
            self.start.to_string(),
            self.end.to_string(),
            self.read.to_string(),
            self.matched.to_string(),
        ]
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let (topics, spec, filter) = plan(args)?;
    let kafka = ctx.settings.kafka();
    if let (true, Some(kind)) = (args.rebuild, args.into) {
        crate::groups::guard(&kafka, &worker_group(kind, &ctx.settings.node_id), args.force, true).await?;
    }
    // The ranges are resolved before anything is cleared: a broker that does not answer
    // leaves the rows to rebuild as they were.
    let resolved = {
        let (k, t, s) = (kafka.clone(), topics, spec);
        tokio::task::spawn_blocking(move || resolve(&k, &t, &s)).await??
    };
    let dest = Destination::open(args, ctx, &kafka).await?;
    let (sink, after, printing) = (dest.sink, dest.after, dest.printing);
    let show_progress = std::io::stderr().is_terminal();
    let read = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let mut resolved = resolved;
        let bar = progress_bar(show_progress, resolved.ranges.iter().map(|r| r.len()).sum());
        let mut sink = sink;
        let summaries = read(
            &kafka,
            &resolved.ranges,
            &filter,
            |msg| sink.take(msg).map(|()| Take::More),
            |n| bar.set_position(n),
            &mut resolved.notes,
        )?;
        bar.finish_and_clear();
        Ok((summaries, sink.finish()?, resolved.notes))
    })
    .await
    .map_err(anyhow::Error::from)
    .and_then(|r| r);
    let (summaries, tally, notes) = match read {
        Ok(done) => done,
        Err(e) => {
            // The live rows are as they were; the rebuild's copy goes.
            after.discard().await;
            return Err(e);
        }
    };
    after.complete().await?;
    report(&summaries, tally, notes, printing);
    Ok(())
}

/// The topics, ranges and filter the arguments ask for (checked before any broker call).
fn plan(args: &Args) -> anyhow::Result<(Vec<&'static str>, RangeSpec, Filter)> {
    let now = now()?;
    let since_ms = args.since.as_deref().map(|s| parse_instant(s, now)).transpose()?.map(|t| t.timestamp_millis());
    let until_ms = args.until.as_deref().map(|s| parse_instant(s, now)).transpose()?.map(|t| t.timestamp_millis());
    if let (Some(s), Some(u)) = (since_ms, until_ms) {
        if u <= s {
            return Err(Error::usage("--until must be after --since").into());
        }
    }
    let topics: Vec<&'static str> = match args.topic {
        Source::ChatEvents => vec![CHAT_EVENTS],
        Source::StreamEvents => vec![STREAM_EVENTS],
        Source::Both => vec![CHAT_EVENTS, STREAM_EVENTS],
    };
    if args.partition.is_some() && topics.len() > 1 {
        return Err(Error::usage("--partition needs one --topic (chat-events or stream-events)").into());
    }
    if args.rebuild && matches!(args.into, Some(Into_::Audit)) {
        return Err(
            Error::usage("--rebuild is not offered for the audit trail: it is the record of what happened").into()
        );
    }
    let spec = RangeSpec {
        since_ms,
        until_ms,
        partitions: args.partition.map(|p| vec![p]),
        from_offset: args.from_offset,
        to_offset: args.to_offset,
    };
    let filter = Filter {
        event_types: args.event_types.clone(),
        session: args.session.clone(),
        user: args.user.clone(),
        fields: args.fields.clone(),
        since_ms,
        until_ms,
    };
    Ok((topics, spec, filter))
}

fn progress_bar(show: bool, total: i64) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new(total as u64);
    b.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} events  {per_sec}  eta {eta}")
            .expect("valid template"),
    );
    b
}

/// Where the matching records go, and what to do once all are there.
struct Destination {
    sink: Box<dyn Sink>,
    after: After,
    /// Records go to stdout (the summary goes to stderr only on a terminal).
    printing: bool,
}

/// What completes a replay once every record is in its sink.
enum After {
    Nothing,
    /// `--into search --rebuild`: commit the fresh index and swap it in.
    FinishIndex(SearchIndex),
    /// `--into ... --rebuild`: the rows written beside the live ones replace them.
    Swap {
        live: Store,
        beside: Store,
        tables: &'static [&'static str],
    },
}

impl After {
    async fn complete(self) -> anyhow::Result<()> {
        match self {
            After::Nothing => {}
            After::FinishIndex(index) => index.finish().await?,
            // Every row the handler wrote is durable (each write awaited its commit).
            After::Swap { live, beside, tables } => live.swap_in(beside, tables).await?,
        }
        Ok(())
    }

    /// The replay failed: a rebuild's copy is removed (the live rows were not touched).
    async fn discard(self) {
        if let After::Swap { live, beside, .. } = self {
            if let Err(e) = live.discard_beside(beside).await {
                eprintln!("note: the rebuild's copy could not be removed: {e}");
            }
        }
    }
}

impl Destination {
    async fn open(args: &Args, ctx: &Context, kafka: &KafkaSettings) -> anyhow::Result<Destination> {
        let run_id = uuid::Uuid::now_v7().to_string();
        let rt = tokio::runtime::Handle::current();
        let (sink, after): (Box<dyn Sink>, After) = match (args.into, &args.to_topic) {
            (Some(Into_::Search), _) if args.rebuild => {
                // A fresh index beside the live one, swapped in at the end; documents go
                // straight from the read loop to the indexer.
                let index = SearchIndex::rebuild(&args.search_index)?;
                (Box::new(IntoIndex { index: index.clone(), rt, tally: Tally::default() }), After::FinishIndex(index))
            }
            (Some(kind), _) => {
                let (store, after) = into_store(args, kind).await?;
                let mut deps = WorkerDeps {
                    store,
                    search_index: args.search_index.clone(),
                    node_id: ctx.settings.node_id.clone(),
                    metrics: Arc::new(Metrics::default()),
                    summary_model: (Arc::new(BuiltinModel::default()), "builtin".into()),
                    alert_channels: Vec::new(),
                    alerts: Default::default(),
                };
                let handler = chatctl::node::workers::handler(kind.worker(), &mut deps)?;
                (Box::new(IntoHandler::new(handler, run_id, rt)), after)
            }
            (None, Some(topic)) => {
                let producer = kafka.create(&kafka.producer_config())?;
                (Box::new(ToTopic::new(producer, topic.clone(), run_id, rt)), After::Nothing)
            }
            (None, None) if ctx.printer.format == OutputFormat::Json => (Box::new(JsonLines::new()), After::Nothing),
            (None, None) => (Box::<Table>::default(), After::Nothing),
        };
        let printing = args.into.is_none() && args.to_topic.is_none();
        Ok(Destination { sink, after, printing })
    }
}

/// The consumer group of the worker `kind` (as its handler names it; the search index is
/// per node).
fn worker_group(kind: Into_, node_id: &str) -> String {
    match kind {
        Into_::Audit => "chatctl-audit".into(),
        Into_::Analytics => "chatctl-analytics".into(),
        Into_::Search => format!("chatctl-search-{node_id}"),
        Into_::Training => "chatctl-training".into(),
        Into_::Summary => "chatctl-summary".into(),
    }
}

/// The store `--into kind` writes to: the live one, or (with `--rebuild`) one beside it
/// that replaces the live rows only once the whole read succeeded, so a failure leaves
/// them as they were. Search keeps an index, not a store.
async fn into_store(args: &Args, kind: Into_) -> anyhow::Result<(Option<Store>, After)> {
    if kind == Into_::Search {
        return Ok((None, After::Nothing));
    }
    let live = Store::open(&args.store.audit_url).await?;
    if !args.rebuild {
        return Ok((Some(live), After::Nothing));
    }
    let tables = match kind {
        Into_::Training => chatctl::store::TRAINING_TABLES,
        Into_::Summary => chatctl::store::SUMMARY_TABLES,
        _ => chatctl::store::ANALYTICS_TABLES,
    };
    let beside = live.open_beside().await?;
    Ok((Some(beside.clone()), After::Swap { live, beside, tables }))
}

/// Notes, the per-partition summary (on a terminal, or when records went elsewhere than
/// stdout) and the totals, all on stderr.
fn report(summaries: &[PartitionSummary], tally: Tally, mut notes: Vec<String>, printing: bool) {
    if tally.failed > 0 {
        notes.push(format!("{} matching record(s) could not be written", tally.failed));
    }
    for n in &notes {
        eprintln!("note: {n}");
    }
    let read: u64 = summaries.iter().map(|s| s.read).sum();
    let matched: u64 = summaries.iter().map(|s| s.matched).sum();
    if std::io::stderr().is_terminal() || !printing {
        let mut t = comfy_table::Table::new();
        t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_header(PartitionSummary::headers().iter().copied());
        for s in summaries {
            t.add_row(s.cells());
        }
        eprintln!("{t}");
    }
    eprintln!("replay: read {read}, matched {matched}, written {}", tally.written);
}

#[derive(serde::Serialize)]
pub(crate) struct ReplayRow {
    time: String,
    topic: String,
    partition: i32,
    offset: i64,
    event_type: String,
    session: String,
    message: String,
}

impl From<&Record> for ReplayRow {
    fn from(r: &Record) -> Self {
        let v: serde_json::Value = serde_json::from_slice(r.payload.as_deref().unwrap_or_default()).unwrap_or_default();
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        ReplayRow {
            time: r.timestamp.map(crate::audit::ts).unwrap_or_default(),
            topic: r.topic.clone(),
            partition: r.partition,
            offset: r.offset,
            event_type: s("eventType"),
            session: String::from_utf8_lossy(r.key.as_deref().unwrap_or_default()).into_owned(),
            message: s("messageId"),
        }
    }
}

impl Row for ReplayRow {
    fn headers() -> &'static [&'static str] {
        &["time", "topic", "partition", "offset", "type", "session", "message"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.time.clone(),
            self.topic.clone(),
            self.partition.to_string(),
            self.offset.to_string(),
            self.event_type.clone(),
            self.session.clone(),
            self.message.clone(),
        ]
    }
}
