//! The dead-letter topics (`<topic>.dlq`) read back: each record with where it came from
//! and why it failed (the headers of [`crate::events::dlq_headers`], which the workers write), and re-drive — the record put
//! back on its origin topic with its key and its own headers, plus `chatctl-redriven`.
//!
//! A re-drive first claims the letter with a receipt in the DLQ itself (an empty record
//! whose `chatctl-redrive-receipt` header names the letter's offset, `chatctl-redrive-origin`
//! the record that failed and `chatctl-redrive-claim` the run's own id), in the letter's
//! partition. The partition orders the claims: the run whose claim comes first re-drives,
//! any other run that claimed it meanwhile reads that back and skips it. So two concurrent
//! `dlq redrive --all --execute` send each record once, and every reader of the DLQ (`dlq
//! list`, another operator's `dlq tail`) sees it taken. Claims are for the origin record:
//! two letters of one record (the DLQ worker wrote it twice) are one claim. A run killed
//! between its claim and its send leaves the letter claimed and not sent; it is still in
//! the DLQ, and `dlq redrive --offset N --again --execute` sends it by hand: its claim
//! supersedes the last claim it read (`chatctl-redrive-basis`), and the first claim of a
//! basis wins, so two `--again` runs send it once (see [`redrive`]).
//!
//! A re-driven record carries `chatctl-redrive-count` (one more than the letter had): a
//! record that fails again and again is re-driven at most `--max-redrives` times.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Headers;
use rdkafka::metadata::Metadata;
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::events::dlq_headers as h;
use crate::kafka::KafkaSettings;
use crate::ops::range::{resolve, PartitionRange, RangeSpec};
use crate::ops::replay::{read, Filter, Take};

/// On a re-driven record: `<dlq topic>:<partition>:<offset>` it came back from.
pub const REDRIVEN: &str = "chatctl-redriven";
/// On a receipt in the DLQ: `<partition>:<offset>` of the dead letter re-driven.
pub const RECEIPT: &str = "chatctl-redrive-receipt";
/// On a receipt: the id of the run that claimed the letter.
pub const CLAIM: &str = "chatctl-redrive-claim";
/// On a receipt: `<topic>/<partition>/<offset>` of the record that failed (the letter's
/// origin). Claims are for the origin record, so two dead letters of one record (the DLQ
/// worker wrote it twice, at least once) are re-driven once.
pub const ORIGIN: &str = "chatctl-redrive-origin";
/// On a receipt of `--again`: the claim it supersedes (the last one it read before its
/// own). Absent on a first claim.
pub const BASIS: &str = "chatctl-redrive-basis";
/// On a receipt written after the send: the claiming run sent the record.
pub const SENT: &str = "chatctl-redrive-sent";
/// On a re-driven record (and on its dead letter if it fails again): how many times it
/// has been re-driven.
pub const REDRIVE_COUNT: &str = "chatctl-redrive-count";

/// One dead letter (owned: kept by the TUI, re-driven). Serializes as its [`LetterRef`].
#[derive(Debug, Clone, PartialEq)]
pub struct DeadLetter {
    pub redriven: bool,
    pub dlq_topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub origin_topic: String,
    pub origin_partition: Option<i32>,
    pub origin_offset: Option<i64>,
    pub worker: String,
    pub error_class: String,
    pub error_message: String,
    pub attempts: Option<u32>,
    pub key: Option<Vec<u8>>,
    pub payload: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    /// The offset of an earlier dead letter of the same origin record in this partition
    /// (the DLQ worker wrote it twice): this one is a copy, re-driven with it.
    pub first_copy: Option<i64>,
}

impl Serialize for DeadLetter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.as_ref().serialize(s)
    }
}

/// The headers a worker adds to a dead letter: dropped again when a record is re-driven.
const DLQ_HEADERS: [&str; 8] = [
    h::ORIGINAL_TOPIC,
    h::ORIGINAL_PARTITION,
    h::ORIGINAL_OFFSET,
    h::ORIGINAL_TIMESTAMP,
    h::WORKER,
    h::ERROR_CLASS,
    h::ERROR_MESSAGE,
    h::ATTEMPTS,
];

impl DeadLetter {
    pub fn id(&self) -> (String, i32, i64) {
        (self.dlq_topic.clone(), self.partition, self.offset)
    }

    pub fn header(&self, key: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_deref())
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    /// The payload for people: pretty JSON, or the text as is.
    pub fn pretty_payload(&self) -> String {
        match self.payload.as_deref() {
            None => "(no payload)".into(),
            Some(b) => match serde_json::from_slice::<Value>(b) {
                Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_default(),
                Err(_) => String::from_utf8_lossy(b).into_owned(),
            },
        }
    }

    /// `topic/partition/offset` it failed at, when the DLQ worker's headers say it all:
    /// what a claim is for.
    pub fn origin_key(&self) -> Option<String> {
        Some(format!("{}/{}/{}", self.origin_topic, self.origin_partition?, self.origin_offset?))
    }

    /// `topic/partition/offset` it failed at.
    pub fn origin(&self) -> String {
        let opt = |v: Option<String>| v.unwrap_or_else(|| "?".into());
        format!(
            "{}/{}/{}",
            self.origin_topic,
            opt(self.origin_partition.map(|p| p.to_string())),
            opt(self.origin_offset.map(|o| o.to_string()))
        )
    }
}

/// What a DLQ record is.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Letter(Box<DeadLetter>),
    /// A re-drive receipt for the letter at (dlq topic, partition, offset).
    Receipt(String, i32, i64),
}

/// A DLQ record read in place (nothing copied): what `list_json` serializes straight from
/// the consumer's buffer, and what `DeadLetter` is made from.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LetterRef<'a> {
    pub redriven: bool,
    pub dlq_topic: &'a str,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub origin_topic: Cow<'a, str>,
    pub origin_partition: Option<i32>,
    pub origin_offset: Option<i64>,
    pub worker: Cow<'a, str>,
    pub error_class: Cow<'a, str>,
    pub error_message: Cow<'a, str>,
    pub attempts: Option<u32>,
    #[serde(serialize_with = "as_text")]
    pub key: Option<&'a [u8]>,
    #[serde(serialize_with = "as_json")]
    pub payload: Option<&'a [u8]>,
    #[serde(serialize_with = "headers_map")]
    pub headers: Vec<(&'a str, Option<&'a [u8]>)>,
}

fn as_text<S: serde::Serializer>(v: &Option<&[u8]>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match v {
        Some(b) => s.serialize_str(&String::from_utf8_lossy(b)),
        None => s.serialize_none(),
    }
}

fn as_json<S: serde::Serializer>(v: &Option<&[u8]>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match v.map(serde_json::from_slice::<&serde_json::value::RawValue>) {
        Some(Ok(json)) => json.serialize(s),
        Some(Err(_)) => s.serialize_str(&String::from_utf8_lossy(v.unwrap_or_default())),
        None => s.serialize_none(),
    }
}

fn headers_map<S: serde::Serializer>(v: &[(&str, Option<&[u8]>)], s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, val) in v {
        m.serialize_entry(k, &val.map(String::from_utf8_lossy))?;
    }
    m.end()
}

/// A DLQ record in place: a letter, or a receipt (dlq topic, partition, offset).
// Lives on the stack for one record at a time: boxing the letter would allocate per record.
#[allow(clippy::large_enum_variant)]
pub enum EntryRef<'a> {
    Letter(LetterRef<'a>),
    Receipt(&'a str, i32, i64),
}

/// Read one DLQ record without copying it.
pub fn parse_ref<'a, M: Message>(m: &'a M) -> EntryRef<'a> {
    let headers: Vec<(&str, Option<&[u8]>)> =
        m.headers().map(|hs| hs.iter().map(|x| (x.key, x.value)).collect()).unwrap_or_default();
    let get = |k: &str| headers.iter().find(|(hk, _)| *hk == k).and_then(|(_, v)| *v).map(String::from_utf8_lossy);
    if let Some(r) = get(RECEIPT) {
        if let Some((p, o)) = r.split_once(':') {
            if let (Ok(p), Ok(o)) = (p.parse(), o.parse()) {
                return EntryRef::Receipt(m.topic(), p, o);
            }
        }
    }
    let topic = m.topic();
    let num = |k: &str| get(k).and_then(|v| v.parse::<i64>().ok());
    EntryRef::Letter(LetterRef {
        redriven: false,
        dlq_topic: topic,
        partition: m.partition(),
        offset: m.offset(),
        timestamp: m.timestamp().to_millis(),
        origin_topic: get(h::ORIGINAL_TOPIC).unwrap_or(Cow::Borrowed(topic.trim_end_matches(".dlq"))),
        origin_partition: num(h::ORIGINAL_PARTITION).map(|p| p as i32),
        origin_offset: num(h::ORIGINAL_OFFSET),
        worker: get(h::WORKER).unwrap_or_default(),
        error_class: get(h::ERROR_CLASS).unwrap_or_default(),
        error_message: get(h::ERROR_MESSAGE).unwrap_or_default(),
        attempts: num(h::ATTEMPTS).map(|a| a as u32),
        key: m.key(),
        payload: m.payload(),
        headers,
    })
}

impl DeadLetter {
    /// This letter seen as a [`LetterRef`] (for serializing).
    pub fn as_ref(&self) -> LetterRef<'_> {
        LetterRef {
            redriven: self.redriven,
            dlq_topic: &self.dlq_topic,
            partition: self.partition,
            offset: self.offset,
            timestamp: self.timestamp,
            origin_topic: Cow::Borrowed(&self.origin_topic),
            origin_partition: self.origin_partition,
            origin_offset: self.origin_offset,
            worker: Cow::Borrowed(&self.worker),
            error_class: Cow::Borrowed(&self.error_class),
            error_message: Cow::Borrowed(&self.error_message),
            attempts: self.attempts,
            key: self.key.as_deref(),
            payload: self.payload.as_deref(),
            headers: self.headers.iter().map(|(k, v)| (k.as_str(), v.as_deref())).collect(),
        }
    }
}

impl LetterRef<'_> {
    pub fn to_owned(&self) -> DeadLetter {
        DeadLetter {
            redriven: self.redriven,
            dlq_topic: self.dlq_topic.to_string(),
            partition: self.partition,
            offset: self.offset,
            timestamp: self.timestamp,
            origin_topic: self.origin_topic.to_string(),
            origin_partition: self.origin_partition,
            origin_offset: self.origin_offset,
            worker: self.worker.to_string(),
            error_class: self.error_class.to_string(),
            error_message: self.error_message.to_string(),
            attempts: self.attempts,
            key: self.key.map(<[u8]>::to_vec),
            payload: self.payload.map(<[u8]>::to_vec),
            headers: self.headers.iter().map(|(k, v)| (k.to_string(), v.map(<[u8]>::to_vec))).collect(),
            first_copy: None,
        }
    }
}

/// Read one DLQ record.
pub fn parse<M: Message>(m: &M) -> Entry {
    match parse_ref(m) {
        EntryRef::Letter(l) => Entry::Letter(Box::new(l.to_owned())),
        EntryRef::Receipt(t, p, o) => Entry::Receipt(t.to_string(), p, o),
    }
}

/// Every `<topic>.dlq` in the cluster.
/// The DLQ topics `wanted` names (`x` or `x.dlq`), or every one when it names none;
/// [`Error::NotFound`] for a name that is not a DLQ topic.
pub fn select_topics(md: &Metadata, wanted: &[String]) -> Result<Vec<String>> {
    let all = dlq_topics(md);
    if wanted.is_empty() {
        return Ok(all);
    }
    wanted
        .iter()
        .map(|t| {
            let name = if t.ends_with(".dlq") { t.clone() } else { format!("{t}.dlq") };
            if all.contains(&name) {
                Ok(name)
            } else {
                Err(Error::NotFound(format!("no DLQ topic {name} (there are: {})", all.join(", "))))
            }
        })
        .collect()
}

pub fn dlq_topics(md: &Metadata) -> Vec<String> {
    let mut out: Vec<String> = md
        .topics()
        .iter()
        .filter(|t| t.name().ends_with(".dlq") && t.error().is_none())
        .map(|t| t.name().to_string())
        .collect();
    out.sort();
    out
}

/// Every dead letter in `topics` up to their ends now (blocking).
pub fn read_all(kafka: &KafkaSettings, topics: &[String]) -> Result<Letters> {
    let names: Vec<&str> = topics.iter().map(String::as_str).collect();
    let resolved = resolve(kafka, &names, &RangeSpec::default())?;
    let mut letters = Letters::default();
    let mut notes = Vec::new();
    read(
        kafka,
        &resolved.ranges,
        &Filter::default(),
        |m| {
            letters.apply(parse(m));
            Ok(Take::More)
        },
        |_| {},
        &mut notes,
    )?;
    Ok(letters)
}

/// Every dead letter in `topics` as JSON Lines on `out` (blocking), serialized straight
/// from the consumer's buffers: one line per letter kept in memory, no copy of its fields.
/// A receipt (always after its letter: same partition) flips the letter's
/// `"redriven":false` in place; `pending` leaves re-driven letters out. Returns the lines
/// written.
pub fn list_json(
    kafka: &KafkaSettings,
    topics: &[String],
    pending: bool,
    out: &mut impl std::io::Write,
) -> Result<usize> {
    const PREFIX: &[u8] = b"{\"redriven\":false";
    let names: Vec<&str> = topics.iter().map(String::as_str).collect();
    let resolved = resolve(kafka, &names, &RangeSpec::default())?;
    let total: i64 = resolved.ranges.iter().map(|r| r.len()).sum();
    let mut buf: Vec<u8> = Vec::new();
    // Per letter: (range, offset, where its line starts), in arrival order; offsets rise
    // within a range, so a receipt finds its letter by binary search, no map needed.
    let mut lines: Vec<(usize, i64, usize)> = Vec::new();
    let mut receipts: Vec<(usize, i64)> = Vec::new();
    let range_of = |t: &str, p: i32| resolved.ranges.iter().position(|r| r.partition == p && r.topic == t);
    let mut notes = Vec::new();
    read(
        kafka,
        &resolved.ranges,
        &Filter::default(),
        |m| {
            match parse_ref(m) {
                EntryRef::Letter(l) => {
                    let start = buf.len();
                    serde_json::to_writer(&mut buf, &l).map_err(|e| Error::Io(e.into()))?;
                    buf.push(b'\n');
                    if lines.is_empty() {
                        // Lines of a DLQ are alike: size the buffer once from the first.
                        buf.reserve((buf.len() + 64) * total.max(1) as usize);
                    }
                    lines.push((range_of(l.dlq_topic, l.partition).unwrap_or(usize::MAX), l.offset, start));
                }
                EntryRef::Receipt(t, p, o) => receipts.push((range_of(t, p).unwrap_or(usize::MAX), o)),
            }
            Ok(Take::More)
        },
        |_| {},
        &mut notes,
    )?;
    let mut redriven = vec![false; lines.len()];
    if !receipts.is_empty() {
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_unstable_by_key(|&i| (lines[i].0, lines[i].1));
        for r in receipts {
            if let Ok(k) = order.binary_search_by_key(&r, |&i| (lines[i].0, lines[i].1)) {
                redriven[order[k]] = true;
            }
        }
    }
    let mut written = 0;
    for (i, &(_, _, start)) in lines.iter().enumerate() {
        let end = lines.get(i + 1).map_or(buf.len(), |n| n.2);
        if redriven[i] {
            if pending {
                continue;
            }
            // `false` -> `true ` (same length, still JSON).
            buf[start + PREFIX.len() - 5..start + PREFIX.len()].copy_from_slice(b"true ");
        }
        debug_assert!(buf[start..end].starts_with(if redriven[i] { b"{\"redriven\":true " } else { PREFIX }));
        out.write_all(&buf[start..end])?;
        written += 1;
    }
    out.flush()?;
    Ok(written)
}

/// Follows the DLQs from their start for `dlq tail`: new records as they land.
///
/// Caught up, it pauses its partitions and only asks for the log ends once a poll,
/// resuming when one moved (see `kafka::idle`).
pub struct Follower {
    consumer: BaseConsumer,
    all: TopicPartitionList,
    /// Next offset to read per partition (from the records seen; else the log start).
    next: crate::kafka::idle::Positions,
    paused: bool,
    timeout: Duration,
}

impl Follower {
    pub fn new(kafka: &KafkaSettings, md: &Metadata, topics: &[String]) -> Result<Self> {
        let consumer: BaseConsumer = kafka.create(&kafka.reader_config())?;
        let mut tpl = TopicPartitionList::new();
        let mut next = HashMap::new();
        for t in md.topics().iter().filter(|t| topics.iter().any(|x| x == t.name())) {
            for p in t.partitions() {
                tpl.add_partition_offset(t.name(), p.id(), Offset::Beginning).map_err(Error::Kafka)?;
                let (low, _) =
                    consumer.fetch_watermarks(t.name(), p.id(), kafka.timeout).map_err(|e| kafka.unreachable(e))?;
                next.insert((t.name().to_string(), p.id()), low);
            }
        }
        consumer.assign(&tpl)?;
        Ok(Follower { consumer, all: tpl, next, paused: false, timeout: kafka.timeout })
    }

    /// Has any partition records past what was read?
    fn behind(&self) -> bool {
        crate::kafka::idle::behind(&self.consumer, &self.all, &self.next, self.timeout)
    }

    /// What arrived within `wait` (returns at the first record, then drains what is queued).
    pub fn poll(&mut self, wait: Duration) -> Result<Vec<Entry>> {
        if self.paused {
            std::thread::sleep(wait);
            if !self.behind() {
                return Ok(Vec::new());
            }
            crate::kafka::idle::resume(&self.consumer, &self.all, self.timeout).map_err(Error::Kafka)?;
            self.paused = false;
            tracing::debug!("new dead letters: following again");
        }
        let mut out = Vec::new();
        let mut timeout = wait;
        while let Some(r) = self.consumer.poll(timeout) {
            let m = match r {
                Ok(m) => m,
                // A broker away: what was read so far, and the next call reads on.
                Err(e) if crate::kafka::is_transient(&e) => {
                    tracing::warn!(error = %e, "a broker is away");
                    break;
                }
                Err(e) => return Err(Error::Kafka(e)),
            };
            self.next.insert((m.topic().to_string(), m.partition()), m.offset() + 1);
            out.push(parse(&m));
            timeout = Duration::ZERO;
            if out.len() >= 10_000 {
                return Ok(out);
            }
        }
        if out.is_empty() && !self.behind() {
            self.consumer.pause(&self.all).map_err(Error::Kafka)?;
            self.paused = true;
            tracing::debug!("caught up: paused");
        }
        Ok(out)
    }
}

mod letters;
mod redrive;
pub use letters::Letters;
pub use redrive::{redrive, Redriven, DEFAULT_MAX_REDRIVES};

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::message::OwnedMessage;
    use rdkafka::message::{Header, OwnedHeaders};
    use rdkafka::Timestamp;

    fn message(topic: &str, offset: i64, headers: &[(&str, &str)], payload: &[u8]) -> OwnedMessage {
        let mut hs = OwnedHeaders::new();
        for (k, v) in headers {
            hs = hs.insert(Header { key: k, value: Some(*v) });
        }
        OwnedMessage::new(
            Some(payload.to_vec()),
            Some(b"k".to_vec()),
            topic.into(),
            Timestamp::CreateTime(1000),
            0,
            offset,
            Some(hs),
        )
    }

    #[test]
    fn parses_origin_and_error() {
        let m = message(
            "stream-events.dlq",
            7,
            &[
                ("trace", "abc"),
                (h::ORIGINAL_TOPIC, "stream-events"),
                (h::ORIGINAL_PARTITION, "3"),
                (h::ORIGINAL_OFFSET, "42"),
                (h::WORKER, "audit"),
                (h::ERROR_CLASS, "decode:json"),
                (h::ERROR_MESSAGE, "expected value"),
                (h::ATTEMPTS, "1"),
            ],
            b"{\"a\":1}",
        );
        let Entry::Letter(l) = parse(&m) else { panic!("a letter") };
        assert_eq!(l.origin(), "stream-events/3/42");
        assert_eq!((l.worker.as_str(), l.error_class.as_str(), l.attempts), ("audit", "decode:json", Some(1)));
        assert_eq!(l.pretty_payload(), "{\n  \"a\": 1\n}");
        let json = serde_json::to_value(&*l).unwrap();
        assert_eq!(json["payload"]["a"], 1);
        assert_eq!(json["headers"]["trace"], "abc");
    }

    #[test]
    fn receipts_mark_letters_in_either_order() {
        let letter = |o| parse(&message("t.dlq", o, &[(h::ORIGINAL_TOPIC, "t")], b"x"));
        let receipt = |o: i64| parse(&message("t.dlq", 100, &[(RECEIPT, &format!("0:{o}"))], b""));
        let mut ls = Letters::default();
        ls.apply(receipt(2));
        ls.apply(letter(1));
        ls.apply(letter(2));
        ls.apply(receipt(1));
        ls.apply(letter(1));
        assert_eq!(ls.list.len(), 2, "a letter seen twice is kept once");
        assert!(ls.list.iter().all(|l| l.redriven));
        assert_eq!(ls.redriven(), 2);
    }
}
