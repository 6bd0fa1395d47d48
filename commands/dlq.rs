//! `chatctl dlq list | tail | redrive`: what the workers gave up on, and putting it back.

use chatctl::kafka::KafkaSettings;
use chatctl::ops::dlq::{self, DeadLetter, Letters, Redriven};
use chatctl::tui::console::ScreenId;
use chatctl::Error;
use rdkafka::producer::FutureProducer;

use crate::args::{DlqTopicArgs, OutputFormat};
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Subcommand)]
pub enum DlqCommand {
    /// Every dead letter: time, origin topic/partition/offset, worker, error, attempts,
    /// whether it was re-driven (JSON Lines when piped: payload and headers included)
    List(ListArgs),
    /// Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive
    /// after a confirmation, export, pause)
    Tail(DlqTopicArgs),
    /// Put dead letters back on their origin topic (key and headers kept,
    /// `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever
    /// runs it. A dry run unless --execute
    Redrive(RedriveArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub topics: DlqTopicArgs,
    /// Hide records already re-driven
    #[arg(long)]
    pub pending: bool,
}

#[derive(Debug, clap::Args)]
pub struct RedriveArgs {
    #[command(flatten)]
    pub topics: DlqTopicArgs,
    /// Every dead letter not yet re-driven
    #[arg(long, required_unless_present = "offsets", conflicts_with = "offsets")]
    pub all: bool,
    /// These DLQ offsets (repeatable; with one --topic when several DLQs have records)
    #[arg(long = "offset", value_name = "N", num_args = 1..)]
    pub offsets: Vec<i64>,
    /// Re-drive (without it, only say what would be re-driven)
    #[arg(long, conflicts_with = "dry_run")]
    pub execute: bool,
    /// Say what would be re-driven, change nothing (the default)
    #[arg(long)]
    pub dry_run: bool,
    /// A record re-driven this many times already stays in the DLQ (it keeps failing)
    #[arg(long, default_value_t = dlq::DEFAULT_MAX_REDRIVES)]
    pub max_redrives: u32,
    /// Claim and re-drive letters already claimed (a run killed between its claim and its
    /// send); only with --offset. The claim supersedes the last claim there: of two --again
    /// runs that read the same claim, the first to claim sends, the other skips
    #[arg(long, requires = "offsets")]
    pub again: bool,
}

/// A line of `dlq list` / `dlq redrive`.
impl Row for DeadLetter {
    fn headers() -> &'static [&'static str] {
        &["time", "dlq", "origin", "worker", "error", "attempts", "state", "message"]
    }
    fn cells(&self) -> Vec<String> {
        let msg: String = self.error_message.chars().take(60).collect();
        vec![
            self.timestamp
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(|t| t.to_rfc3339())
                .unwrap_or_else(|| "-".into()),
            format!("{}/{}/{}", self.dlq_topic, self.partition, self.offset),
            self.origin(),
            self.worker.clone(),
            self.error_class.clone(),
            self.attempts.map(|a| a.to_string()).unwrap_or_else(|| "-".into()),
            if self.redriven { "redriven".into() } else { "dead".into() },
            msg,
        ]
    }
}

pub async fn run(cmd: &DlqCommand, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    match cmd {
        DlqCommand::List(args) if ctx.printer.format == OutputFormat::Json => {
            // Straight from the consumer's buffers to stdout: no copy of each letter.
            let (_, names) = args.topics.resolve(&kafka).await?;
            let pending = args.pending;
            tokio::task::spawn_blocking(move || {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                dlq::list_json(&kafka, &names, pending, &mut out)
            })
            .await??;
        }
        DlqCommand::List(args) => {
            let letters = read(&kafka, &args.topics).await?;
            let rows: Vec<DeadLetter> = letters.list.into_iter().filter(|l| !(args.pending && l.redriven)).collect();
            ctx.printer.rows(&rows)?;
        }
        DlqCommand::Tail(args) => crate::ui::open(ctx, ScreenId::Dlq, crate::ui::LagOptions::every(None), args).await?,
        DlqCommand::Redrive(args) => redrive(&kafka, args, ctx).await?,
    }
    Ok(())
}

async fn read(kafka: &KafkaSettings, args: &DlqTopicArgs) -> anyhow::Result<Letters> {
    let (_, names) = args.resolve(kafka).await?;
    let k = kafka.clone();
    Ok(tokio::task::spawn_blocking(move || dlq::read_all(&k, &names)).await??)
}

async fn redrive(kafka: &KafkaSettings, args: &RedriveArgs, ctx: &Context) -> anyhow::Result<()> {
    let letters = read(kafka, &args.topics).await?;
    let chosen: Vec<DeadLetter> = if args.all {
        // A copy (the DLQ worker wrote one record twice) goes with its first letter.
        let copies = letters.list.iter().filter(|l| !l.redriven && l.first_copy.is_some()).count();
        if copies > 0 {
            eprintln!("{copies} letter(s) are copies of an earlier letter of the same record: re-driven with it, once");
        }
        letters.list.into_iter().filter(|l| !l.redriven && l.first_copy.is_none()).collect()
    } else {
        let mut out = Vec::new();
        for &o in &args.offsets {
            let found: Vec<&DeadLetter> = letters.list.iter().filter(|l| l.offset == o).collect();
            match found.as_slice() {
                [] => return Err(Error::NotFound(format!("no dead letter at offset {o}")).into()),
                [l] if l.redriven && !args.again => {
                    eprintln!(
                        "skipped {}/{}/{}: re-driven already (--again to send it anyway)",
                        l.dlq_topic, l.partition, l.offset
                    )
                }
                [l] => out.push((*l).clone()),
                _ => return Err(Error::usage(format!("offset {o} is in several DLQs: name one with --topic")).into()),
            }
        }
        out
    };
    let over = chosen.iter().filter(|l| l.redrive_count() >= args.max_redrives).count();
    if chosen.is_empty() {
        eprintln!("nothing to re-drive: no dead letter waits (`chatctl dlq list` shows them all)");
        return Ok(());
    }
    if !args.execute {
        ctx.printer.rows(&chosen)?;
        eprintln!(
            "dry run: {} record(s) would be re-driven ({over} of them at the re-drive limit of {}); add --execute",
            chosen.len() - over,
            args.max_redrives
        );
        return Ok(());
    }
    let producer: FutureProducer = kafka.create(&kafka.producer_config())?;
    let run = uuid::Uuid::now_v7().to_string();
    let (mut sent, mut elsewhere, mut limited) = (Vec::new(), 0, 0);
    for l in &chosen {
        let id = format!("{}/{}/{}", l.dlq_topic, l.partition, l.offset);
        match dlq::redrive(kafka, &producer, l, &run, args.max_redrives, args.again).await {
            Ok(Redriven::Sent) => sent.push(l.clone()),
            Ok(Redriven::ClaimedElsewhere) => {
                elsewhere += 1;
                eprintln!("skipped {id}: another re-drive claimed it first");
            }
            Ok(Redriven::SentAlready(by)) => {
                elsewhere += 1;
                eprintln!("skipped {id}: run {by} claimed it and said it sent it");
            }
            Ok(Redriven::InFlight(by, age)) => {
                elsewhere += 1;
                eprintln!(
                    "skipped {id}: claimed {} s ago by run {by}, which may still be sending it (--again once that run is gone)",
                    age.as_secs()
                );
            }
            Ok(Redriven::HopLimit(n)) => {
                limited += 1;
                eprintln!("skipped {id}: re-driven {n} times already (--max-redrives {})", args.max_redrives);
            }
            Err(e) => {
                ctx.printer.rows(&sent)?;
                return Err(anyhow::anyhow!("{id}: {e} (re-drove {} record(s) before it)", sent.len()));
            }
        }
    }
    ctx.printer.rows(&sent)?;
    eprintln!("re-drove {} record(s); {elsewhere} claimed by another run, {limited} at the re-drive limit", sent.len());
    Ok(())
}
