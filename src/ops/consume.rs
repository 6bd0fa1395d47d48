//! `chatctl consume`: any topic read from where the operator says, through the same range
//! reader as `replay` (`ops::replay::read`), then (with `--follow`) on past the ends.
//!
//! Where to start, in the forms kcat's `-o` and rpk's `-o` accept: `beginning`, `end`, an
//! offset, `-N` (N before the end), `@T` (the first record at or after time T) and `@T1:T2`
//! (records with timestamps in [T1, T2)). Times are what `--since` takes: RFC 3339, a date,
//! epoch milliseconds or a duration ago.

use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::BorrowedMessage;
use rdkafka::{Message, Offset, TopicPartitionList};

use super::range::{resolve, PartitionRange, RangeSpec};
use super::replay::{read, Filter, Take};
use crate::error::{Error, Result};
use crate::kafka::KafkaSettings;

/// Where each partition's read starts (and, for a time window, ends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Beginning,
    End,
    Offset(i64),
    /// N records before the end.
    FromEnd(i64),
    /// Timestamps in [since, until) (until: the end as it was at start).
    Time {
        since_ms: i64,
        until_ms: Option<i64>,
    },
}

impl Start {
    /// Parse `--offset`: `beginning`, `end`, `N`, `-N`, `@T`, `@T1:T2`. `instant` turns a
    /// time as typed into epoch milliseconds.
    pub fn parse(raw: &str, instant: impl Fn(&str) -> Result<i64>) -> Result<Start> {
        let bad = || Error::usage(format!("--offset {raw:?}: expected beginning, end, N, -N, @TIME or @TIME1:TIME2"));
        match raw {
            "beginning" | "earliest" | "oldest" | "start" => return Ok(Start::Beginning),
            "end" | "latest" | "newest" => return Ok(Start::End),
            _ => {}
        }
        if let Some(times) = raw.strip_prefix('@') {
            // RFC 3339 times hold colons: split at the colon that starts a second time.
            let (since, until) = split_window(times);
            let since_ms = instant(since)?;
            let until_ms = until.map(&instant).transpose()?;
            if until_ms.is_some_and(|u| u <= since_ms) {
                return Err(Error::usage(format!("--offset {raw:?}: the end is not after the start")));
            }
            return Ok(Start::Time { since_ms, until_ms });
        }
        match raw.strip_prefix('-') {
            Some(n) => n.parse::<i64>().ok().filter(|n| *n >= 0).map(Start::FromEnd).ok_or_else(bad),
            None => raw.parse::<i64>().ok().filter(|n| *n >= 0).map(Start::Offset).ok_or_else(bad),
        }
    }
}

/// `T1:T2` → (T1, Some(T2)); a lone time → (T, None). The separator is the first colon not
/// inside an RFC 3339 time (whose colons sit between two digits after a `T` or a space).
fn split_window(s: &str) -> (&str, Option<&str>) {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b':' {
            continue;
        }
        let inside_time = {
            let head = &s[..i];
            let clock =
                head.rfind(['T', ' ']).is_some_and(|t| head[t + 1..].chars().all(|c| c.is_ascii_digit() || c == ':'));
            clock && i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        };
        if !inside_time {
            return (&s[..i], Some(&s[i + 1..]));
        }
    }
    (s, None)
}

/// What to read.
#[derive(Debug, Clone)]
pub struct Spec {
    pub topics: Vec<String>,
    /// Only these partitions (none: all).
    pub partitions: Option<Vec<i32>>,
    pub start: Start,
    /// Stop after this many records.
    pub max: Option<u64>,
    /// Keep reading past the ends (until `max`, or interrupted).
    pub follow: bool,
}

/// The ranges `spec` covers, each from its start to the partition's end at this moment (or
/// the window's end).
pub fn ranges(kafka: &KafkaSettings, spec: &Spec) -> Result<(Vec<PartitionRange>, Vec<String>)> {
    let topics: Vec<&str> = spec.topics.iter().map(String::as_str).collect();
    let range = match &spec.start {
        Start::Time { since_ms, until_ms } => RangeSpec {
            since_ms: Some(*since_ms),
            until_ms: *until_ms,
            partitions: spec.partitions.clone(),
            ..Default::default()
        },
        _ => RangeSpec { partitions: spec.partitions.clone(), ..Default::default() },
    };
    let resolved = resolve(kafka, &topics, &range)?;
    let mut out = resolved.ranges;
    for r in &mut out {
        // `resolve` gives [low, high) without a time: move the start as asked.
        let (low, high) = (r.start, r.end);
        r.start = match spec.start {
            Start::Beginning | Start::Time { .. } => r.start,
            Start::End => high,
            Start::Offset(o) => o.clamp(low, high),
            Start::FromEnd(n) => (high - n).max(low),
        };
    }
    Ok((out, resolved.notes))
}

/// A record as a list shows it: where it is, when, its key and the start of its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peek {
    pub partition: i32,
    pub offset: i64,
    pub timestamp_ms: Option<i64>,
    pub key: String,
    pub value: String,
}

/// The last `per_partition` records of each partition of `topic` (the same read path as
/// `consume --offset -N`), newest first.
pub fn last_records(kafka: &KafkaSettings, topic: &str, per_partition: i64) -> Result<Vec<Peek>> {
    let spec = Spec {
        topics: vec![topic.to_string()],
        partitions: None,
        start: Start::FromEnd(per_partition),
        max: None,
        follow: false,
    };
    let (ranges, mut notes) = ranges(kafka, &spec)?;
    let text = |b: Option<&[u8]>, max: usize| {
        b.map(|b| String::from_utf8_lossy(b).chars().take(max).collect::<String>()).unwrap_or_default()
    };
    let mut out = Vec::new();
    consume(kafka, &spec, &ranges, &mut notes, |m| {
        out.push(Peek {
            partition: m.partition(),
            offset: m.offset(),
            timestamp_ms: m.timestamp().to_millis(),
            key: text(m.key(), 40),
            value: text(m.payload(), 200).replace(['\n', '\r'], " "),
        });
        Ok(())
    })?;
    out.sort_by(|a, b| b.timestamp_ms.cmp(&a.timestamp_ms).then(b.offset.cmp(&a.offset)));
    Ok(out)
}

/// Read `ranges` through `sink` (at most `spec.max` records), then with `spec.follow` go on
/// from their ends. Returns how many records reached the sink.
pub fn consume(
    kafka: &KafkaSettings,
    spec: &Spec,
    ranges: &[PartitionRange],
    notes: &mut Vec<String>,
    mut sink: impl FnMut(&BorrowedMessage<'_>) -> Result<()>,
) -> Result<u64> {
    let mut taken: u64 = 0;
    let max = spec.max.unwrap_or(u64::MAX);
    if max == 0 {
        return Ok(0);
    }
    let window = match spec.start {
        Start::Time { since_ms, until_ms } => Filter { since_ms: Some(since_ms), until_ms, ..Default::default() },
        _ => Filter::default(),
    };
    read(
        kafka,
        ranges,
        &window,
        |m| {
            sink(m)?;
            taken += 1;
            Ok(if taken >= max { Take::Enough } else { Take::More })
        },
        |_| {},
        notes,
    )?;
    let timed_window_closed = matches!(spec.start, Start::Time { until_ms: Some(_), .. });
    if !spec.follow || taken >= max || timed_window_closed {
        return Ok(taken);
    }
    follow(kafka, ranges, max - taken, &mut sink).map(|n| taken + n)
}

/// Past the ends: every record as it arrives, until `max` of them.
fn follow(
    kafka: &KafkaSettings,
    ranges: &[PartitionRange],
    max: u64,
    sink: &mut impl FnMut(&BorrowedMessage<'_>) -> Result<()>,
) -> Result<u64> {
    let consumer: BaseConsumer = kafka.create(&kafka.reader_config())?;
    let mut tpl = TopicPartitionList::new();
    for r in ranges {
        tpl.add_partition_offset(&r.topic, r.partition, Offset::Offset(r.end.max(r.start))).map_err(Error::Kafka)?;
    }
    consumer.assign(&tpl)?;
    let mut taken = 0;
    while taken < max {
        match consumer.poll(Duration::from_millis(100)) {
            None => continue,
            Some(Ok(m)) => {
                sink(&m)?;
                taken += 1;
            }
            Some(Err(e)) if crate::kafka::is_transient(&e) => {
                tracing::warn!(error = %e, "a broker is away: following on from the others")
            }
            Some(Err(e)) => return Err(kafka.unreachable(e)),
        }
    }
    crate::kafka::dispose(consumer);
    Ok(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> Result<i64> {
        match s {
            "2026-12-01T10:00:00Z" => Ok(1_000),
            "2026-12-01T11:00:00Z" => Ok(2_000),
            "2h" => Ok(500),
            other => other.parse().map_err(|_| Error::usage(format!("time {other:?}"))),
        }
    }

    /// kcat's `-o` forms (beginning, end, N, -N, s@T) and rpk's (`@T`, `@T1:T2`).
    #[test]
    fn offsets_as_kcat_and_rpk_write_them() {
        assert_eq!(Start::parse("beginning", ms).unwrap(), Start::Beginning);
        assert_eq!(Start::parse("oldest", ms).unwrap(), Start::Beginning);
        assert_eq!(Start::parse("end", ms).unwrap(), Start::End);
        assert_eq!(Start::parse("newest", ms).unwrap(), Start::End);
        assert_eq!(Start::parse("42", ms).unwrap(), Start::Offset(42));
        assert_eq!(Start::parse("-10", ms).unwrap(), Start::FromEnd(10));
        assert_eq!(Start::parse("@2h", ms).unwrap(), Start::Time { since_ms: 500, until_ms: None });
        assert_eq!(Start::parse("@1000:2000", ms).unwrap(), Start::Time { since_ms: 1000, until_ms: Some(2000) });
        assert_eq!(
            Start::parse("@2026-12-01T10:00:00Z:2026-12-01T11:00:00Z", ms).unwrap(),
            Start::Time { since_ms: 1_000, until_ms: Some(2_000) }
        );
        assert_eq!(Start::parse("@2026-12-01T10:00:00Z", ms).unwrap(), Start::Time { since_ms: 1_000, until_ms: None });
        for bad in ["", "x", "-", "--3", "1.5", "@2000:1000", "@nope"] {
            assert!(Start::parse(bad, ms).is_err(), "{bad:?} accepted");
        }
    }
}
