//! `chatctl produce TOPIC`: one record per line of stdin (or `--file`), as kcat `-P` and
//! `rpk topic produce` do: an optional key before a separator, headers from `-H`, an
//! idempotent producer (no duplicates on retries, order kept per partition). A line that
//! cannot be sent is reported with its number; at the end, how many were acknowledged.

use std::io::BufRead;

use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The topic to write to
    #[arg(add = clap_complete::engine::ArgValueCandidates::new(crate::complete::topics))]
    pub topic: String,
    /// Each line is KEY<separator>VALUE (lines without the separator are refused)
    #[arg(short = 'K', long = "key-separator", value_name = "SEP")]
    pub key_separator: Option<String>,
    /// One key for every record
    #[arg(short = 'k', long, conflicts_with = "key_separator")]
    pub key: Option<String>,
    /// A header on every record (repeatable)
    #[arg(short = 'H', long = "header", value_name = "KEY=VALUE", value_parser = chatctl::config::parse_kv)]
    pub headers: Vec<(String, String)>,
    /// Only this partition (default: by key, or spread without one)
    #[arg(long)]
    pub partition: Option<i32>,
    /// Read the lines from this file (default: stdin), with a progress bar on a terminal
    #[arg(long, value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    // The topic (and the partition asked for) exist, said at once: a producer would
    // otherwise wait its whole message timeout for a topic that never comes.
    let (k, topic) = (kafka.clone(), args.topic.clone());
    let partitions = tokio::task::spawn_blocking(move || chatctl::ops::range::Resolver::new(&k)?.partitions(&topic))
        .await
        .expect("metadata task")?;
    if let Some(p) = args.partition.filter(|p| !partitions.contains(p)) {
        return Err(chatctl::Error::NotFound(format!(
            "topic {} has no partition {p} (it has {})",
            args.topic,
            partitions.len()
        ))
        .into());
    }
    let mut config = kafka.producer_config();
    config.set("enable.idempotence", "true").set("linger.ms", "5");
    let producer: FutureProducer = kafka.create(&config)?;
    let mut headers = OwnedHeaders::new();
    for (k, v) in &args.headers {
        headers = headers.insert(Header { key: k, value: Some(v.as_bytes()) });
    }
    let (input, bar) = input(args)?;
    let mut tally = Tally::default();
    for (i, line) in input.split(b'\n').enumerate() {
        let n = i as u64 + 1;
        let mut line = line.map_err(|e| chatctl::Error::Io(std::io::Error::new(e.kind(), format!("line {n}: {e}"))))?;
        bar.inc(line.len() as u64 + 1);
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        tally.lines = n;
        let Some((key, value)) = split(args, &line, n) else {
            tally.refused += 1;
            tally.unsplit += 1;
            continue;
        };
        let mut record = FutureRecord::<[u8], [u8]>::to(&args.topic).payload(value).headers(headers.clone());
        if let Some(k) = key {
            record = record.key(k);
        }
        if let Some(p) = args.partition {
            record = record.partition(p);
        }
        tally.send(&producer, record, n).await;
    }
    tally.settle_all().await;
    bar.finish_and_clear();
    eprintln!("produced {} of {} line(s) to {}", tally.sent, tally.lines, args.topic);
    if tally.unsplit > 0 && tally.unsplit == tally.refused {
        // The input does not match the flags given: a usage matter, not the broker's.
        return Err(chatctl::Error::usage(format!(
            "{} of {} line(s) not written to {}: no key separator (each named above)",
            tally.refused, tally.lines, args.topic
        ))
        .into());
    }
    if tally.refused > 0 {
        return Err(chatctl::Error::Broker(format!(
            "{} of {} line(s) not written to {} (each named above)",
            tally.refused, tally.lines, args.topic
        ))
        .into());
    }
    Ok(())
}

/// The lines to send: `--file` (with a progress bar on a terminal) or stdin.
fn input(args: &Args) -> anyhow::Result<(Box<dyn BufRead>, indicatif::ProgressBar)> {
    let Some(path) = &args.file else {
        let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
        return Ok((Box::new(stdin), indicatif::ProgressBar::hidden()));
    };
    let f = std::fs::File::open(path).map_err(|e| chatctl::Error::usage(format!("{}: {e}", path.display())))?;
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        indicatif::ProgressBar::new(f.metadata()?.len())
    } else {
        indicatif::ProgressBar::hidden()
    };
    Ok((Box::new(std::io::BufReader::with_capacity(1 << 16, f)), bar))
}

/// Line `n` as (key, value); `None` (said on stderr) when it lacks the key separator.
fn split<'a>(args: &'a Args, line: &'a [u8], n: u64) -> Option<(Option<&'a [u8]>, &'a [u8])> {
    match (&args.key_separator, &args.key) {
        (Some(sep), _) => match find(line, sep.as_bytes()) {
            Some(at) => Some((Some(&line[..at]), &line[at + sep.len()..])),
            None => {
                eprintln!("line {n}: no key separator {sep:?}: not sent");
                None
            }
        },
        (None, Some(k)) => Some((Some(k.as_bytes()), line)),
        (None, None) => Some((None, line)),
    }
}

/// What became of the lines, and the answers still to come (line number, delivery).
#[derive(Default)]
struct Tally {
    lines: u64,
    sent: u64,
    refused: u64,
    /// Of `refused`, lines without the key separator.
    unsplit: u64,
    pending: std::collections::VecDeque<(u64, rdkafka::producer::DeliveryFuture)>,
}

impl Tally {
    /// Queue line `n`'s record; a full queue waits for the oldest answers.
    async fn send(&mut self, producer: &FutureProducer, mut record: FutureRecord<'_, [u8], [u8]>, n: u64) {
        loop {
            match producer.send_result(record) {
                Ok(d) => break self.pending.push_back((n, d)),
                Err((
                    rdkafka::error::KafkaError::MessageProduction(rdkafka::types::RDKafkaErrorCode::QueueFull),
                    r,
                )) => {
                    record = r;
                    // Let acknowledgements drain the queue.
                    if !self.settle_one().await {
                        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                    }
                }
                Err((e, _)) => {
                    eprintln!("line {n}: not sent: {e}");
                    self.refused += 1;
                    return;
                }
            }
        }
        while self.pending.len() > 100_000 {
            self.settle_one().await;
        }
    }

    /// The oldest answer; false if none is pending.
    async fn settle_one(&mut self) -> bool {
        let Some((line, d)) = self.pending.pop_front() else { return false };
        match d.await {
            Ok(Ok(_)) => self.sent += 1,
            Ok(Err((e, _))) => {
                eprintln!("line {line}: not written: {e}");
                self.refused += 1;
            }
            Err(_) => {
                eprintln!("line {line}: no answer (the producer stopped)");
                self.refused += 1;
            }
        }
        true
    }

    async fn settle_all(&mut self) {
        while self.settle_one().await {}
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}
