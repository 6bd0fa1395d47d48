//! `chatctl consume TOPIC...`: any topic (a DLQ, a compacted topic, another team's), from
//! where the operator says, printed as JSON Lines, a plain line per record, or a kcat-style
//! `--format` template; `--follow` goes on past the ends.

use std::io::Write;

use base64::Engine as _;
use chatctl::ops::consume::{self, Spec, Start};
use chatctl::time::{now, parse_datetime};
use rdkafka::message::{BorrowedMessage, Headers};
use rdkafka::Message;

use crate::args::OutputFormat;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Topics to read (any: `.dlq` topics included)
    #[arg(required = true, value_name = "TOPIC", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::topics))]
    pub topics: Vec<String>,
    /// Only these partitions (repeatable)
    #[arg(short = 'p', long = "partition", value_name = "N")]
    pub partitions: Vec<i32>,
    /// Where to start: beginning, end, an offset, -N (N before the end), @TIME (first record
    /// at or after it) or @TIME1:TIME2 (records in [TIME1, TIME2)); TIME as --since takes it
    #[arg(long, default_value = "beginning", allow_hyphen_values = true, conflicts_with_all = ["since", "until"])]
    pub offset: String,
    /// From this time (as replay --since): the same as --offset @TIME
    #[arg(long)]
    pub since: Option<String>,
    /// Up to this time, exclusive (with --since)
    #[arg(long, requires = "since")]
    pub until: Option<String>,
    /// Stop after this many records
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<u64>,
    /// Keep reading past the end, printing records as they arrive
    #[arg(long)]
    pub follow: bool,
    /// A template per record (kcat's tokens): %t topic, %p partition, %o offset, %k key,
    /// %s (or %v) value, %K/%S key/value length, %T timestamp (ms), %h headers (k=v,...),
    /// %% a percent sign; \n \t \\ escapes
    #[arg(short = 'f', long, value_name = "TEMPLATE")]
    pub format: Option<String>,
    /// Values as they are, one per line (the same as --format '%s\n')
    #[arg(long, conflicts_with = "format")]
    pub raw: bool,
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let start = start(args)?;
    let spec = Spec {
        topics: args.topics.clone(),
        partitions: (!args.partitions.is_empty()).then(|| args.partitions.clone()),
        start,
        max: args.count,
        follow: args.follow,
    };
    let template = match (&args.format, args.raw, ctx.printer.format) {
        (Some(t), _, _) => Some(Template::parse(t)),
        (None, true, _) => Some(Template::parse("%s\\n")),
        (None, false, OutputFormat::Json | OutputFormat::Yaml) => None,
        (None, false, _) => Some(Template::parse("%t %p %o %k\\t%s\\n")),
    };
    let kafka = ctx.settings.kafka();
    let follow = args.follow;
    let yaml = ctx.printer.format == OutputFormat::Yaml;
    let (taken, notes) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let (ranges, mut notes) = consume::ranges(&kafka, &spec)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let taken = consume::consume(&kafka, &spec, &ranges, &mut notes, |m| {
            match &template {
                Some(t) => t.write(&mut out, m)?,
                None if yaml => {
                    out.write_all(b"---\n")?;
                    serde_norway::to_writer(&mut out, &json(m))
                        .map_err(|e| chatctl::Error::Io(std::io::Error::other(e)))?;
                }
                None => {
                    serde_json::to_writer(&mut out, &json(m)).map_err(|e| chatctl::Error::Io(e.into()))?;
                    out.write_all(b"\n")?;
                }
            }
            if follow {
                out.flush()?;
            }
            Ok(())
        })?;
        out.flush()?;
        Ok((taken, notes))
    })
    .await??;
    for n in notes {
        eprintln!("note: {n}");
    }
    if taken == 0 {
        eprintln!("no records");
    }
    Ok(())
}

fn start(args: &Args) -> anyhow::Result<Start> {
    let now = now()?;
    // Kafka's datetime forms, RFC 3339, a date, epoch milliseconds, or a duration ago.
    let instant = |s: &str| parse_datetime(s, now).map(|t| t.timestamp_millis());
    Ok(match &args.since {
        Some(since) => {
            let until_ms = args.until.as_deref().map(instant).transpose()?;
            Start::Time { since_ms: instant(since)?, until_ms }
        }
        None => Start::parse(&args.offset, instant)?,
    })
}

/// A record as JSON, serialized straight from the consumer's buffers: the value embedded
/// as JSON where it is JSON (checked, not parsed into a tree), else as text, else base64.
#[derive(serde::Serialize)]
struct Envelope<'a> {
    topic: &'a str,
    partition: i32,
    offset: i64,
    timestamp: Option<i64>,
    key: Option<Bytes<'a>>,
    headers: HeadersOf<'a>,
    value: Option<Body<'a>>,
}

fn json<'a>(m: &'a BorrowedMessage<'a>) -> Envelope<'a> {
    Envelope {
        topic: m.topic(),
        partition: m.partition(),
        offset: m.offset(),
        timestamp: m.timestamp().to_millis(),
        key: m.key().map(Bytes),
        headers: HeadersOf(m),
        value: m.payload().map(Body),
    }
}

/// Bytes as text, or `{"base64": ...}` when they are not UTF-8.
struct Bytes<'a>(&'a [u8]);

impl serde::Serialize for Bytes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(self.0) {
            Ok(text) => s.serialize_str(text),
            Err(_) => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("base64", &base64::engine::general_purpose::STANDARD.encode(self.0))?;
                m.end()
            }
        }
    }
}

/// A value: JSON as it is, else as [`Bytes`].
struct Body<'a>(&'a [u8]);

impl serde::Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match serde_json::from_slice::<&serde_json::value::RawValue>(self.0) {
            Ok(raw) => raw.serialize(s),
            Err(_) => Bytes(self.0).serialize(s),
        }
    }
}

/// The record's headers as an object (a header without a value: null).
struct HeadersOf<'a>(&'a BorrowedMessage<'a>);

impl serde::Serialize for HeadersOf<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let hs = self.0.headers();
        let mut m = s.serialize_map(hs.map(|h| h.count()))?;
        if let Some(hs) = hs {
            for h in hs.iter() {
                m.serialize_entry(h.key, &h.value.map(Bytes))?;
            }
        }
        m.end()
    }
}

/// What `c` followed by `n` means in a template: a token, an escape, or (None) text.
fn token(c: char, n: char) -> Option<Piece> {
    match (c, n) {
        ('%', 't') => Some(Piece::Topic),
        ('%', 'p') => Some(Piece::Partition),
        ('%', 'o') => Some(Piece::Offset),
        ('%', 'k') => Some(Piece::Key),
        ('%', 'K') => Some(Piece::KeyLen),
        ('%', 's' | 'v') => Some(Piece::Value),
        ('%', 'S') => Some(Piece::ValueLen),
        ('%', 'T') => Some(Piece::Timestamp),
        ('%', 'h') => Some(Piece::Headers),
        ('%', '%') => Some(Piece::Text(b"%".to_vec())),
        ('\\', 'n') => Some(Piece::Text(b"\n".to_vec())),
        ('\\', 't') => Some(Piece::Text(b"\t".to_vec())),
        ('\\', 'r') => Some(Piece::Text(b"\r".to_vec())),
        ('\\', '\\') => Some(Piece::Text(b"\\".to_vec())),
        _ => None,
    }
}

/// A `--format` template, parsed once.
pub struct Template(Vec<Piece>);

#[derive(Debug, PartialEq)]
enum Piece {
    Text(Vec<u8>),
    Topic,
    Partition,
    Offset,
    Key,
    KeyLen,
    Value,
    ValueLen,
    Timestamp,
    Headers,
}

impl Template {
    pub fn parse(t: &str) -> Template {
        let mut pieces = Vec::new();
        let mut text = Vec::new();
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek().and_then(|&n| token(c, n)) {
                Some(Piece::Text(t)) => {
                    chars.next();
                    text.extend(t);
                }
                Some(p) => {
                    chars.next();
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(p);
                }
                None => {
                    let mut b = [0u8; 4];
                    text.extend(c.encode_utf8(&mut b).as_bytes());
                }
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Template(pieces)
    }

    pub fn write(&self, out: &mut impl Write, m: &BorrowedMessage<'_>) -> std::io::Result<()> {
        for p in &self.0 {
            match p {
                Piece::Text(t) => out.write_all(t)?,
                Piece::Topic => out.write_all(m.topic().as_bytes())?,
                Piece::Partition => write!(out, "{}", m.partition())?,
                Piece::Offset => write!(out, "{}", m.offset())?,
                Piece::Key => out.write_all(m.key().unwrap_or_default())?,
                Piece::KeyLen => write!(out, "{}", m.key().map_or(-1, |k| k.len() as i64))?,
                Piece::Value => out.write_all(m.payload().unwrap_or_default())?,
                Piece::ValueLen => write!(out, "{}", m.payload().map_or(-1, |v| v.len() as i64))?,
                Piece::Timestamp => write!(out, "{}", m.timestamp().to_millis().unwrap_or(-1))?,
                Piece::Headers => {
                    if let Some(hs) = m.headers() {
                        for (i, h) in hs.iter().enumerate() {
                            if i > 0 {
                                out.write_all(b",")?;
                            }
                            out.write_all(h.key.as_bytes())?;
                            out.write_all(b"=")?;
                            out.write_all(h.value.unwrap_or_default())?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// kcat's `-f` tokens (kcat's README, "Output formatting"), escapes and literal text.
    #[test]
    fn templates_parse_kcats_tokens() {
        let t = Template::parse("Topic %t [%p] at offset %o: key %k: %s\\n");
        assert_eq!(
            t.0,
            vec![
                Piece::Text(b"Topic ".to_vec()),
                Piece::Topic,
                Piece::Text(b" [".to_vec()),
                Piece::Partition,
                Piece::Text(b"] at offset ".to_vec()),
                Piece::Offset,
                Piece::Text(b": key ".to_vec()),
                Piece::Key,
                Piece::Text(b": ".to_vec()),
                Piece::Value,
                Piece::Text(b"\n".to_vec()),
            ]
        );
        let t = Template::parse("%K %S %T %h 100%% %x\\t\\\\");
        assert_eq!(
            t.0,
            vec![
                Piece::KeyLen,
                Piece::Text(b" ".to_vec()),
                Piece::ValueLen,
                Piece::Text(b" ".to_vec()),
                Piece::Timestamp,
                Piece::Text(b" ".to_vec()),
                Piece::Headers,
                Piece::Text(b" 100% %x\t\\".to_vec()),
            ]
        );
    }
}
