//! `chatctl replay`: re-read events by time or offset range, filter them, and print them,
//! copy them to a topic, or feed them to a worker's handler.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use chatctl::events::{CHAT_EVENTS, REPLAY_HEADER, STREAM_EVENTS};
use chatctl::llm::builtin::BuiltinModel;
use chatctl::metrics::Metrics;
use chatctl::ops::range::{resolve, RangeSpec};
use chatctl::ops::replay::{read, Filter, PartitionSummary};
use chatctl::store::Store;
use chatctl::time::{now, parse_instant};
use chatctl::workers::analytics::Analytics;
use chatctl::workers::audit::Audit;
use chatctl::workers::search::{Search, SearchIndex};
use chatctl::workers::summary::Summary;
use chatctl::workers::training::Training;
use chatctl::workers::{Handler, Record};
use chatctl::Error;
use clap::ValueEnum;
use rdkafka::producer::FutureProducer;

use crate::cli::OutputFormat;
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
    /// With --into analytics, search, training or summary: empty that worker's store or index first
    #[arg(long, requires = "into")]
    pub rebuild: bool,
    #[command(flatten)]
    pub store: crate::cli::StoreArgs,
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
    let now = now()?;
    let since_ms = args.since.as_deref().map(|s| parse_instant(s, now)).transpose()?.map(|t| t.timestamp_millis());
    let until_ms = args.until.as_deref().map(|s| parse_instant(s, now)).transpose()?.map(|t| t.timestamp_millis());
    if let (Some(s), Some(u)) = (since_ms, until_ms) {
        if u <= s {
            return Err(Error::usage("--until must be after --since").into());
        }
    }
    let topics: Vec<&str> = match args.topic {
        Source::ChatEvents => vec![CHAT_EVENTS],
        Source::StreamEvents => vec![STREAM_EVENTS],
        Source::Both => vec![CHAT_EVENTS, STREAM_EVENTS],
    };
    if args.partition.is_some() && topics.len() > 1 {
        return Err(Error::usage("--partition needs one --topic (chat-events or stream-events)").into());
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
    if args.rebuild && matches!(args.into, Some(Into_::Audit)) {
        return Err(
            Error::usage("--rebuild is not offered for the audit trail: it is the record of what happened").into()
        );
    }
    let kafka = ctx.settings.kafka();
    // The ranges are resolved before anything is cleared: a broker that does not answer
    // leaves the rows to rebuild as they were.
    let resolved = {
        let (k, t, s) = (kafka.clone(), topics.iter().map(|t| t.to_string()).collect::<Vec<_>>(), spec.clone());
        tokio::task::spawn_blocking(move || resolve(&k, &t.iter().map(String::as_str).collect::<Vec<_>>(), &s))
            .await??
    };
    let mut rebuild_index: Option<SearchIndex> = None;
    let mut swap: Option<(Store, Store, &[&'static str])> = None;
    let handler: Option<Arc<dyn Handler>> = match args.into {
        None => None,
        Some(Into_::Search) if args.rebuild => {
            // A fresh index beside the live one, swapped in at the end; documents go
            // straight from the read loop to the indexer (below).
            rebuild_index = Some(SearchIndex::rebuild(&args.search_index)?);
            None
        }
        Some(Into_::Search) => {
            Some(Arc::new(Search::new(SearchIndex::open(&args.search_index)?, &ctx.settings.node_id)))
        }
        Some(kind) => {
            let live = Store::open(&args.store.audit_url).await?;
            // A rebuild writes beside the live rows and swaps them in only once the whole
            // read succeeded: a failure leaves the live rows as they were.
            let store = if args.rebuild {
                let tables = match kind {
                    Into_::Training => chatctl::store::TRAINING_TABLES,
                    Into_::Summary => chatctl::store::SUMMARY_TABLES,
                    _ => chatctl::store::ANALYTICS_TABLES,
                };
                let beside = live.open_beside().await?;
                swap = Some((live, beside.clone(), tables));
                beside
            } else {
                live
            };
            Some(match kind {
                Into_::Analytics => Arc::new(Analytics { store, metrics: Arc::new(Metrics::default()) }),
                Into_::Training => Arc::new(Training { store }),
                Into_::Summary => {
                    Arc::new(Summary { store, llm: Arc::new(BuiltinModel::default()), model: "builtin".into() })
                }
                _ => Arc::new(Audit { store }),
            })
        }
    };
    let producer: Option<FutureProducer> = match &args.to_topic {
        Some(_) => Some(kafka.create(&kafka.producer_config())?),
        None => None,
    };
    let to_topic = args.to_topic.clone();
    let json = ctx.printer.format == OutputFormat::Json;
    let show_progress = std::io::stderr().is_terminal();
    let run_id = uuid::Uuid::now_v7().to_string();
    let rt = tokio::runtime::Handle::current();
    let printing = handler.is_none() && to_topic.is_none() && rebuild_index.is_none();
    let bulk = rebuild_index.clone();

    let (summaries, written, notes) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let mut resolved = resolved;
        let total: i64 = resolved.ranges.iter().map(|r| r.len()).sum();
        let bar = if show_progress {
            let b = indicatif::ProgressBar::new(total as u64);
            b.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} events  {per_sec}  eta {eta}")
                    .expect("valid template"),
            );
            b
        } else {
            indicatif::ProgressBar::hidden()
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let mut table: Vec<ReplayRow> = Vec::new();
        let mut deliveries = Vec::new();
        let mut written: u64 = 0;
        let mut failed: u64 = 0;
        let mut in_flight = std::collections::VecDeque::new();
        // As many records in flight as the worker would have over these partitions.
        let window = handler.as_ref().map_or(1, |h| h.in_flight_per_partition().max(1) * resolved.ranges.len().max(1));
        let summaries = read(
            &kafka,
            &resolved.ranges,
            &filter,
            |msg| {
                if let Some(index) = &bulk {
                    let payload = rdkafka::Message::payload(msg).unwrap_or_default();
                    match chatctl::events::Event::decode(payload) {
                        Ok(event) if index.add_bulk_blocking(&rt, &event).is_ok() => written += 1,
                        _ => failed += 1,
                    }
                } else if let Some(h) = &handler {
                    let mut rec = Record::from_message(msg);
                    rec.headers.push((REPLAY_HEADER.into(), Some(run_id.clone().into_bytes())));
                    let Ok(event) = chatctl::events::Event::decode(rec.payload.as_deref().unwrap_or_default()) else {
                        failed += 1;
                        return Ok(());
                    };
                    // As many records at once as the worker takes per partition (its
                    // effects are then order-free), so group commits fill up.
                    let h = h.clone();
                    in_flight.push_back(rt.spawn(async move { h.handle(&event, &rec).await }));
                    while in_flight.len() >= window {
                        let done = in_flight.pop_front().expect("not empty");
                        if handled(&rt, done) {
                            written += 1
                        } else {
                            failed += 1
                        }
                    }
                } else if let (Some(p), Some(t)) = (&producer, &to_topic) {
                    deliveries.push(copy(p, t, &Record::from_message(msg), &run_id));
                } else if json {
                    out.write_all(rdkafka::Message::payload(msg).unwrap_or_default())?;
                    out.write_all(b"\n")?;
                    written += 1;
                } else {
                    table.push(ReplayRow::from(&Record::from_message(msg)));
                    written += 1;
                }
                Ok(())
            },
            |n| bar.set_position(n),
            &mut resolved.notes,
        )?;
        for done in in_flight.drain(..) {
            if handled(&rt, done) {
                written += 1
            } else {
                failed += 1
            }
        }
        bar.finish_and_clear();
        if !table.is_empty() {
            drop(out);
            crate::output::Printer { format: OutputFormat::Table, is_terminal: true }.rows(&table)?;
        } else {
            out.flush()?;
        }
        for d in deliveries {
            match rt.block_on(d) {
                Ok(Ok(_)) => written += 1,
                _ => failed += 1,
            }
        }
        let mut notes = resolved.notes;
        if failed > 0 {
            notes.push(format!("{failed} matching record(s) could not be written"));
        }
        Ok((summaries, written, notes))
    })
    .await??;

    if let Some(index) = rebuild_index {
        index.finish().await?;
    }
    if let Some((live, beside, tables)) = swap {
        // Every row the handler wrote is durable (each write awaited its commit).
        live.swap_in(beside, tables).await?;
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
        for s in &summaries {
            t.add_row(s.cells());
        }
        eprintln!("{t}");
    }
    eprintln!("replay: read {read}, matched {matched}, written {written}");
    Ok(())
}

/// Wait for one record handed to a worker's handler; true if it took effect.
fn handled(
    rt: &tokio::runtime::Handle,
    done: tokio::task::JoinHandle<std::result::Result<(), chatctl::workers::HandlerError>>,
) -> bool {
    matches!(rt.block_on(done), Ok(Ok(())))
}

fn copy(p: &FutureProducer, topic: &str, rec: &Record, run_id: &str) -> rdkafka::producer::DeliveryFuture {
    let mut r = rec.future_record(topic, &[(REPLAY_HEADER, run_id)]);
    loop {
        match p.send_result(r) {
            Ok(f) => return f,
            Err((_, back)) => {
                // Queue full: let deliveries drain.
                std::thread::sleep(std::time::Duration::from_millis(10));
                r = back;
            }
        }
    }
}

#[derive(serde::Serialize)]
struct ReplayRow {
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
