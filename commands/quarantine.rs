//! `chatctl quarantine`: what Kafka refused for good, read back (`list`) and put back on
//! its topic once the cause is fixed (`replay`, each record once: a ledger beside the file
//! names what was replayed, by the event's id).

use std::path::{Path, PathBuf};

use chatctl::quarantine::{self, Kept};
use rdkafka::producer::{FutureProducer, FutureRecord};
use serde::Serialize;

use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Every quarantined record: when, topic, event id and type, size, why, whether replayed
    List(Files),
    /// Put quarantined records back on their topic (key kept), each at most once. A dry run
    /// unless --execute
    Replay(ReplayArgs),
}

#[derive(Debug, clap::Args)]
pub struct Files {
    /// A quarantine file (repeatable; default: every *.jsonl in --dir)
    #[arg(long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where `chatctl serve` keeps its quarantine files
    #[arg(long, value_name = "DIR", default_value = "chatctl-data/quarantine")]
    pub dir: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ReplayArgs {
    #[command(flatten)]
    pub files: Files,
    /// Only this event (or `line:N` of a record that is not an event); repeatable
    #[arg(long = "id", value_name = "ID")]
    pub ids: Vec<String>,
    /// Replay (without it, only say what would be replayed)
    #[arg(long)]
    pub execute: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Listed {
    file: String,
    line: usize,
    quarantined_at: String,
    topic: String,
    id: String,
    event_type: String,
    bytes: usize,
    reason: String,
    replayed: bool,
}

impl Row for Listed {
    fn headers() -> &'static [&'static str] {
        &["QUARANTINED AT", "TOPIC", "ID", "TYPE", "BYTES", "REPLAYED", "REASON"]
    }
    fn cells(&self) -> Vec<String> {
        let replayed = if self.replayed { "yes" } else { "no" };
        vec![
            self.quarantined_at.clone(),
            self.topic.clone(),
            self.id.clone(),
            self.event_type.clone(),
            self.bytes.to_string(),
            replayed.into(),
            self.reason.clone(),
        ]
    }
}

pub async fn run(cmd: &Command, ctx: &Context) -> anyhow::Result<()> {
    match cmd {
        Command::List(files) => {
            let mut rows = Vec::new();
            for f in files.resolve()? {
                let done = quarantine::replayed(&f)?;
                for k in quarantine::read(&f)? {
                    let id = k.id();
                    rows.push(Listed {
                        file: f.display().to_string(),
                        line: k.line,
                        quarantined_at: k.quarantined_at.clone(),
                        topic: k.topic.clone(),
                        event_type: k.event_type().unwrap_or_default(),
                        bytes: k.value.len(),
                        reason: k.reason.clone(),
                        replayed: done.contains(&id),
                        id,
                    });
                }
            }
            ctx.printer.rows(&rows)?;
            Ok(())
        }
        Command::Replay(args) => replay(args, ctx).await,
    }
}

impl Files {
    /// The files named, or every `*.jsonl` of the directory (sorted); none is an error.
    fn resolve(&self) -> anyhow::Result<Vec<PathBuf>> {
        if !self.files.is_empty() {
            return Ok(self.files.clone());
        }
        let entries = std::fs::read_dir(&self.dir).map_err(|e| {
            chatctl::Error::Usage(format!(
                "cannot read the quarantine directory {}: {e} (--dir, --file)",
                self.dir.display()
            ))
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        Ok(files)
    }
}

async fn replay(args: &ReplayArgs, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    let producer: Option<FutureProducer> = match args.execute {
        true => Some(kafka.create(kafka.producer_config().set("enable.idempotence", "true"))?),
        false => None,
    };
    let (mut sent, mut already, mut refused) = (0usize, 0usize, 0usize);
    for f in args.files.resolve()? {
        let done = quarantine::replayed(&f)?;
        for k in quarantine::read(&f)? {
            let id = k.id();
            if !args.ids.is_empty() && !args.ids.contains(&id) {
                continue;
            }
            if done.contains(&id) {
                already += 1;
                continue;
            }
            let Some(p) = &producer else {
                println!("would replay {id} to {} ({} bytes; quarantined: {})", k.topic, k.value.len(), k.reason);
                sent += 1;
                continue;
            };
            match put_back(p, &f, &k, &id).await {
                Ok(()) => {
                    println!("replayed {id} to {}", k.topic);
                    sent += 1;
                }
                Err(e) => {
                    eprintln!("{id}: still refused by Kafka: {e} (left in {})", f.display());
                    refused += 1;
                }
            }
        }
    }
    let verb = if args.execute { "replayed" } else { "would replay" };
    eprintln!("{verb} {sent}; {already} replayed before (skipped); {refused} still refused");
    if !args.execute && sent > 0 {
        eprintln!("(a dry run: --execute to replay)");
    }
    if refused > 0 {
        return Err(chatctl::Error::Broker(format!("{refused} record(s) still refused (each named above)")).into());
    }
    Ok(())
}

/// Send one record back and note it in the ledger once Kafka acknowledged it.
async fn put_back(p: &FutureProducer, file: &Path, k: &Kept, id: &str) -> anyhow::Result<()> {
    let mut record = FutureRecord::<[u8], [u8]>::to(&k.topic).payload(&k.value);
    if let Some(key) = &k.key {
        record = record.key(key);
    }
    p.send(record, std::time::Duration::from_secs(30)).await.map_err(|(e, _)| chatctl::Error::Broker(e.to_string()))?;
    quarantine::note_replayed(file, id)?;
    Ok(())
}
