//! Reading resolved offset ranges: filters, and a callback per matching record. The
//! reader stops at each partition's end offset, so it terminates while producers write.

use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::BorrowedMessage;
use rdkafka::{Message, Offset, TopicPartitionList};
use serde::Serialize;
use serde_json::Value;

use memchr::memmem;

use super::pick::{pick, MAX_PATHS};
use super::range::PartitionRange;
use crate::error::{Error, Result};
use crate::kafka::KafkaSettings;

/// What a record must satisfy to be replayed.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub event_types: Vec<String>,
    pub session: Option<String>,
    pub user: Option<String>,
    /// Dotted JSON path and the value it must equal (compared as text).
    pub fields: Vec<(String, String)>,
    /// Record timestamps must be in [since, until): offsets bound the read, this makes it
    /// exact where a partition's timestamps are not in offset order.
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
}

impl Filter {
    pub fn in_window(&self, ts: Option<i64>) -> bool {
        match ts {
            Some(ts) => self.since_ms.is_none_or(|s| ts >= s) && self.until_ms.is_none_or(|u| ts < u),
            None => self.since_ms.is_none() && self.until_ms.is_none(),
        }
    }

    /// Parse `path=value`.
    pub fn parse_field(raw: &str) -> std::result::Result<(String, String), String> {
        match raw.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => Err(format!("expected PATH=VALUE (e.g. metadata.nodeId=ws-node-1), got {raw:?}")),
        }
    }

    /// Does the record match? (Builds a matcher each call: for many records, keep one
    /// from `matcher()`.)
    pub fn matches(&self, key: Option<&[u8]>, value: Option<&[u8]>) -> bool {
        self.matcher().matches(key, value)
    }

    /// The filter made ready for many records: paths split and text searchers built once.
    pub fn matcher(&self) -> Matcher<'_> {
        let finder = |t: &str| memmem::Finder::new(t.as_bytes()).into_owned();
        let mut paths: Vec<Vec<String>> = Vec::new();
        if !self.event_types.is_empty() {
            paths.push(vec!["eventType".into()]);
        }
        if self.user.is_some() {
            paths.push(vec!["userId".into()]);
        }
        paths.extend(self.fields.iter().map(|(p, _)| p.split('.').map(String::from).collect()));
        Matcher {
            filter: self,
            paths,
            types: self.event_types.iter().map(|t| finder(t)).collect(),
            required: self.user.iter().chain(self.fields.iter().map(|(_, w)| w)).map(|t| finder(t)).collect(),
        }
    }
}

/// A `Filter` ready to test many records.
pub struct Matcher<'f> {
    filter: &'f Filter,
    /// The JSON paths looked at: eventType (with --event-type), userId (with --user), then
    /// each --where path.
    paths: Vec<Vec<String>>,
    /// Text of the wanted event types (one must appear) and of the other wanted values
    /// (each must appear), for the prefilter.
    types: Vec<memmem::Finder<'static>>,
    required: Vec<memmem::Finder<'static>>,
}

impl Matcher<'_> {
    pub fn matches(&self, key: Option<&[u8]>, value: Option<&[u8]>) -> bool {
        let f = self.filter;
        if let Some(s) = &f.session {
            // The key is the sessionId: no parsing needed.
            if key != Some(s.as_bytes()) {
                return false;
            }
        }
        if self.paths.is_empty() {
            return true;
        }
        let value = value.unwrap_or_default();
        // Prefilter, sound: in a record without any escape sequence, a field can only equal
        // a wanted value if the value's text appears in the record. Most records that do
        // not match are dropped here without parsing.
        if memchr::memchr(b'\\', value).is_none() {
            let has = |t: &memmem::Finder| t.find(value).is_some();
            if (!self.types.is_empty() && !self.types.iter().any(has)) || !self.required.iter().all(has) {
                return false;
            }
        }
        // Then read only the fields looked at (a full parse past pick's limit of paths).
        let picked = if self.paths.len() <= MAX_PATHS {
            pick(value, &self.paths)
        } else {
            serde_json::from_slice::<Value>(value)
                .map(|v| self.paths.iter().map(|p| p.iter().try_fold(&v, |v, k| v.get(k)).cloned()).collect())
        };
        let Ok(picked) = picked else { return false };
        let mut picked = picked.into_iter();
        let text_is = |v: &Option<Value>, want: &str| matches!(v, Some(Value::String(s)) if s == want);
        if !f.event_types.is_empty() {
            let t = picked.next().flatten();
            if !f.event_types.iter().any(|want| text_is(&t, want)) {
                return false;
            }
        }
        if let Some(u) = &f.user {
            if !text_is(&picked.next().flatten(), u) {
                return false;
            }
        }
        f.fields.iter().zip(picked).all(|((_, want), got)| equals(got.as_ref(), want))
    }
}

/// `--where` equality: a string field equals the text; any other field equals the text
/// read as JSON (`chunkIndex=3`, `final=true`).
fn equals(got: Option<&Value>, want: &str) -> bool {
    match got {
        Some(Value::String(s)) => s == want,
        Some(other) => serde_json::from_str::<Value>(want).is_ok_and(|w| *other == w),
        None => false,
    }
}

/// What a sink wants after a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    More,
    /// Stop reading (a record limit reached).
    Enough,
}

/// Per-partition counts of a replay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionSummary {
    pub topic: String,
    pub partition: i32,
    pub start: i64,
    pub end: i64,
    pub read: u64,
    pub matched: u64,
}

/// Read every range to its end; call `sink` for each matching record (borrowed: a sink
/// that prints copies nothing; `workers::Record::from_message` makes an owned one). `progress` is
/// called with the number of records read so far (for a progress bar). Notes for the
/// operator (a start corrected, offsets the broker skipped) are appended to `notes`.
///
/// A range whose start is an unchecked offsets-for-times answer (`check`) is read from one
/// record earlier: that record must be older than `since`. If it is not, the answer was
/// late; a client-side search finds the true start and the reader seeks there, before any
/// record of that partition reaches the sink. An early answer costs only extra reading:
/// records before `since` are dropped by the filter's window.
pub fn read(
    kafka: &KafkaSettings,
    ranges: &[PartitionRange],
    filter: &Filter,
    mut sink: impl FnMut(&BorrowedMessage<'_>) -> Result<Take>,
    mut progress: impl FnMut(u64),
    notes: &mut Vec<String>,
) -> Result<Vec<PartitionSummary>> {
    let mut cursors: Vec<Cursor> = ranges.iter().map(Cursor::new).collect();
    // A handful of ranges: a scan without allocating beats hashing a topic name per record.
    let index = |topic: &str, partition: i32| ranges.iter().position(|r| r.partition == partition && r.topic == topic);
    let mut open: usize = cursors.iter().filter(|c| !c.closed).count();
    if open == 0 {
        return Ok(cursors.into_iter().map(|c| c.summary).collect());
    }
    let started = std::time::Instant::now();
    let matcher = filter.matcher();
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config())?;
    let mut tpl = TopicPartitionList::new();
    for c in cursors.iter().filter(|c| !c.closed) {
        tpl.add_partition_offset(&c.range.topic, c.range.partition, Offset::Offset(c.first_offset()))
            .map_err(Error::Kafka)?;
    }
    consumer.assign(&tpl)?;
    let mut total: u64 = 0;
    let mut waiting = Waiting::default();
    while open > 0 {
        let msg = match consumer.poll(Duration::from_millis(100)) {
            None => {
                open -= close_passed(&consumer, &mut cursors, index);
                waiting.check(kafka, open)?;
                continue;
            }
            Some(Err(e)) if crate::kafka::is_transient(&e) => {
                tracing::warn!(error = %e, "a broker is away: reading on from the others");
                waiting.check(kafka, open).map_err(|_| kafka.unreachable(e))?;
                continue;
            }
            Some(Err(e)) => return Err(kafka.unreachable(e)),
            Some(Ok(m)) => m,
        };
        waiting = Waiting::default();
        let Some(c) = index(msg.topic(), msg.partition()).map(|i| &mut cursors[i]) else { continue };
        match c.take(&msg, kafka, notes)? {
            Taken::Skip => continue,
            Taken::SeekTo(found) => {
                consumer.seek(&c.range.topic, c.range.partition, Offset::Offset(found), kafka.timeout)?;
                continue;
            }
            Taken::Read => {}
        }
        total += 1;
        if filter.in_window(msg.timestamp().to_millis()) && matcher.matches(msg.key(), msg.payload()) {
            c.summary.matched += 1;
            if sink(&msg)? == Take::Enough {
                break;
            }
        }
        if msg.offset() + 1 >= c.summary.end {
            c.closed = true;
            open -= 1;
            let mut done = TopicPartitionList::new();
            done.add_partition(msg.topic(), msg.partition());
            let _ = consumer.pause(&done);
        }
        if total.is_multiple_of(4096) {
            progress(total);
        }
    }
    progress(total);
    crate::kafka::dispose(consumer);
    tracing::debug!(records = total, elapsed = ?started.elapsed(), "read");
    Ok(cursors.into_iter().map(|c| c.summary).collect())
}

/// Since when polls have returned nothing (no clock read per record).
#[derive(Default)]
struct Waiting(Option<std::time::Instant>);

impl Waiting {
    /// An error once nothing has come for three broker timeouts while ranges are open.
    fn check(&mut self, kafka: &KafkaSettings, open: usize) -> Result<()> {
        let bound = kafka.timeout * 3;
        if self.0.get_or_insert_with(std::time::Instant::now).elapsed() > bound {
            return Err(Error::Broker(format!(
                "no records for {bound:?} while {open} partition(s) still had records to read"
            )));
        }
        Ok(())
    }
}

/// Offsets missing at the end of a range (compaction, transaction markers) never arrive as
/// records: the consumer's position says the reader is past them. How many it closed.
fn close_passed(consumer: &BaseConsumer, cursors: &mut [Cursor], index: impl Fn(&str, i32) -> Option<usize>) -> usize {
    let Ok(pos) = consumer.position() else { return 0 };
    let mut closed = 0;
    for e in pos.elements() {
        let Some(c) = index(e.topic(), e.partition()).map(|i| &mut cursors[i]) else { continue };
        if let Offset::Offset(o) = e.offset() {
            if o >= c.summary.end && !c.closed {
                c.closed = true;
                closed += 1;
            }
        }
    }
    closed
}

/// One range being read, and where it stands.
struct Cursor<'a> {
    range: &'a PartitionRange,
    summary: PartitionSummary,
    /// The record just before an unchecked start is still to come.
    pending_check: bool,
    /// No record of the range has been read yet.
    first: bool,
    /// Everything of the range has been read.
    closed: bool,
}

/// What a record means for its range.
enum Taken {
    /// Not part of the range (past its end, or before its start).
    Skip,
    /// The start was late: read again from this offset.
    SeekTo(i64),
    /// A record of the range, counted as read.
    Read,
}

impl<'a> Cursor<'a> {
    fn new(r: &'a PartitionRange) -> Cursor<'a> {
        Cursor {
            range: r,
            summary: PartitionSummary {
                topic: r.topic.clone(),
                partition: r.partition,
                start: r.start,
                end: r.end,
                ..Default::default()
            },
            pending_check: r.check.is_some_and(|c| r.start > c.low),
            first: true,
            closed: r.is_empty(),
        }
    }

    /// Where reading begins: one record early where the start is to be checked.
    fn first_offset(&self) -> i64 {
        if self.pending_check {
            self.range.start - 1
        } else {
            self.range.start
        }
    }

    fn take(&mut self, msg: &BorrowedMessage<'_>, kafka: &KafkaSettings, notes: &mut Vec<String>) -> Result<Taken> {
        let (start, end) = (self.summary.start, self.summary.end);
        if self.closed || msg.offset() >= end {
            return Ok(Taken::Skip);
        }
        let ts = msg.timestamp().to_millis();
        if msg.offset() < start {
            return self.before_start(msg.offset(), ts, kafka, notes);
        }
        self.pending_check = false;
        if std::mem::take(&mut self.first) {
            self.first_record(msg.offset(), ts, notes);
        }
        self.summary.read += 1;
        Ok(Taken::Read)
    }

    /// Only the record just before an unchecked start matters: it must be older than
    /// `since`, or the broker's answer was late and a client-side search finds the start.
    fn before_start(
        &mut self,
        offset: i64,
        ts: Option<i64>,
        kafka: &KafkaSettings,
        notes: &mut Vec<String>,
    ) -> Result<Taken> {
        let (r, start) = (self.range, self.summary.start);
        let Some(c) = r.check.filter(|_| self.pending_check && offset == start - 1) else { return Ok(Taken::Skip) };
        self.pending_check = false;
        if ts.is_none_or(|t| t < c.since_ms) {
            return Ok(Taken::Skip);
        }
        let marks = super::range::Marks { partition: r.partition, low: c.low, high: start };
        let found = super::range::Probe::new(kafka).search(&r.topic, &[marks], c.since_ms)?[0];
        notes.push(format!(
            "{}[{}]: the broker's offsets-for-times answer ({start}) comes after records at or past the start time; used a client-side search ({found})",
            r.topic, r.partition
        ));
        self.summary.start = found;
        Ok(Taken::SeekTo(found))
    }

    /// The first record at or after the start: what the broker's answers left out.
    fn first_record(&self, offset: i64, ts: Option<i64>, notes: &mut Vec<String>) {
        let (r, start) = (self.range, self.summary.start);
        if let Some(c) = r.check.filter(|c| start == r.start && ts.is_some_and(|t| t < c.since_ms)) {
            notes.push(format!(
                "{}[{}]: the broker's offsets-for-times answer ({start}) is before the start time (record at {} ms < {} ms); records before the start time were read and left out",
                r.topic, r.partition, ts.unwrap_or_default(), c.since_ms
            ));
        }
        if offset > start {
            notes.push(format!(
                "{}[{}]: the broker returned no records for offsets {start}..{} (compacted away, or a broker that answers a fetch inside a batch with the next batch)",
                r.topic,
                r.partition,
                offset - 1
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let v = br#"{"eventType":"SESSION_STARTED","userId":"alice","metadata":{"nodeId":"n1"},"chunkIndex":3}"#;
        let f = |f: Filter| f.matches(Some(b"s1"), Some(v));
        assert!(f(Filter::default()));
        assert!(f(Filter { event_types: vec!["SESSION_STARTED".into()], ..Default::default() }));
        assert!(!f(Filter { event_types: vec!["CHUNK_RECEIVED".into()], ..Default::default() }));
        assert!(f(Filter { session: Some("s1".into()), ..Default::default() }));
        assert!(!f(Filter { session: Some("s2".into()), ..Default::default() }));
        assert!(f(Filter { user: Some("alice".into()), ..Default::default() }));
        assert!(!f(Filter { user: Some("bob".into()), ..Default::default() }));
        assert!(f(Filter { fields: vec![("metadata.nodeId".into(), "n1".into())], ..Default::default() }));
        assert!(f(Filter { fields: vec![("chunkIndex".into(), "3".into())], ..Default::default() }));
        assert!(!f(Filter { fields: vec![("metadata.nodeId".into(), "n2".into())], ..Default::default() }));
        // Spaces in someone else's JSON still match, through the slow path.
        let spaced = br#"{"eventType": "SESSION_STARTED"}"#;
        assert!(
            Filter { event_types: vec!["SESSION_STARTED".into()], ..Default::default() }.matches(None, Some(spaced))
        );
        assert!(!Filter { user: Some("x".into()), ..Default::default() }.matches(None, Some(b"not json")));
    }

    #[test]
    fn prefilter_never_drops_a_match() {
        let node = |n: &str| Filter { fields: vec![("metadata.nodeId".into(), n.into())], ..Default::default() };
        // The value written with an escape: the text "node-1" does not appear, it still matches.
        let escaped = br#"{"eventType":"CHUNK_RECEIVED","metadata":{"nodeId":"node\u002d1"}}"#;
        assert!(node("node-1").matches(None, Some(escaped)));
        assert!(!node("node-2").matches(None, Some(escaped)));
        // A key written with an escape takes the full parse.
        let escaped_key = br#"{"eventType":"CHUNK_RECEIVED","metadata":{"node\u0049d":"node-1"}}"#;
        assert!(node("node-1").matches(None, Some(escaped_key)));
        let escaped_type = br#"{"event\u0054ype":"CHUNK_RECEIVED"}"#;
        assert!(Filter { event_types: vec!["CHUNK_RECEIVED".into()], ..Default::default() }
            .matches(None, Some(escaped_type)));
        // The wanted text elsewhere in the record is not a match.
        let elsewhere = br#"{"eventType":"CHUNK_RECEIVED","messageId":"node-1","metadata":{"nodeId":"node-2"}}"#;
        assert!(!node("node-1").matches(None, Some(elsewhere)));
        // Non-string fields compare as JSON; text that is not JSON matches nothing, not null.
        let v = br#"{"chunkIndex":3,"final":true,"gone":null}"#;
        let field = |k: &str, w: &str| Filter { fields: vec![(k.into(), w.into())], ..Default::default() };
        assert!(field("final", "true").matches(None, Some(v)));
        assert!(!field("chunkIndex", "4").matches(None, Some(v)));
        assert!(!field("gone", "garbage").matches(None, Some(v)));
        assert!(field("gone", "null").matches(None, Some(v)));
    }
}
