//! Re-drive: a dead letter claimed in its DLQ partition, then sent back once.

use rdkafka::message::{Header, Headers, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::Message;

use super::*;

impl DeadLetter {
    /// How many times this record was re-driven before it landed here again.
    pub fn redrive_count(&self) -> u32 {
        self.header(REDRIVE_COUNT).and_then(|c| c.trim().parse().ok()).unwrap_or(0)
    }
}

/// How many times a record may be re-driven before it stays in the DLQ (`--max-redrives`,
/// and the TUI's `r`).
pub const DEFAULT_MAX_REDRIVES: u32 = 3;

/// What became of one letter in a re-drive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redriven {
    /// Claimed by this run and sent back to its topic.
    Sent,
    /// Another run claimed it first (a concurrent re-drive): not sent by this one.
    ClaimedElsewhere,
    /// Re-driven `max` times already: left in the DLQ.
    HopLimit(u32),
}

/// Put `letter` back on its origin topic (key, own headers, `chatctl-redriven`, the
/// re-drive count one higher), once: claim it in its DLQ partition, read back which claim
/// came first, and send only when it is this run's (`run` is the run's id). `again` lets
/// a letter already claimed be claimed anew (a run that died between claim and send).
pub async fn redrive(
    kafka: &KafkaSettings,
    producer: &FutureProducer,
    letter: &DeadLetter,
    run: &str,
    max_redrives: u32,
    again: bool,
) -> Result<Redriven> {
    let mark = format!("{}:{}:{}", letter.dlq_topic, letter.partition, letter.offset);
    if letter.redriven && !again {
        return Err(Error::Conflict(format!("{mark} was re-driven already")));
    }
    let count = letter.redrive_count();
    if count >= max_redrives {
        return Ok(Redriven::HopLimit(count));
    }
    let timeout = kafka.timeout;
    // 1. The claim, in the letter's own partition (after the letter: offsets order claims).
    let receipt_value = format!("{}:{}", letter.partition, letter.offset);
    let receipt = FutureRecord::<[u8], [u8]>::to(&letter.dlq_topic).partition(letter.partition).headers(
        OwnedHeaders::new()
            .insert(Header { key: RECEIPT, value: Some(&receipt_value) })
            .insert(Header { key: CLAIM, value: Some(run) }),
    );
    let claimed_at =
        producer.send(receipt, timeout).await.map_err(|(e, _)| Error::Broker(format!("claiming {mark}: {e}")))?.offset;
    // 2. The first claim between the letter and ours decides (ours is there at least).
    let (k, l, from) = (kafka.clone(), letter.clone(), if again { claimed_at } else { letter.offset + 1 });
    let first = tokio::task::spawn_blocking(move || first_claim(&k, &l, from, claimed_at)).await.expect("reader")?;
    if first.as_deref() != Some(run) {
        return Ok(Redriven::ClaimedElsewhere);
    }
    // 3. Ours: send it back.
    let count = (count + 1).to_string();
    let mut headers = OwnedHeaders::new();
    for (k, v) in letter.headers.iter().filter(|(k, _)| !DLQ_HEADERS.contains(&k.as_str()) && k != REDRIVE_COUNT) {
        headers = headers.insert(Header { key: k, value: v.as_deref() });
    }
    headers = headers.insert(Header { key: REDRIVEN, value: Some(&mark) });
    headers = headers.insert(Header { key: REDRIVE_COUNT, value: Some(&count) });
    let mut record = FutureRecord::<[u8], [u8]>::to(&letter.origin_topic).headers(headers);
    if let Some(k) = &letter.key {
        record = record.key(k);
    } else if let Some(p) = letter.origin_partition {
        record = record.partition(p);
    }
    if let Some(v) = &letter.payload {
        record = record.payload(v);
    }
    producer.send(record, timeout).await.map_err(|(e, _)| {
        Error::Broker(format!(
            "re-driving {mark} to {}: {e} (claimed by this run and not sent: `dlq redrive --offset {} --again --execute`)",
            letter.origin_topic, letter.offset
        ))
    })?;
    Ok(Redriven::Sent)
}

/// The claim id of the first receipt for `letter` in its partition, reading offsets
/// `from..=to`. Blocking.
fn first_claim(kafka: &KafkaSettings, letter: &DeadLetter, from: i64, to: i64) -> Result<Option<String>> {
    let range = PartitionRange {
        topic: letter.dlq_topic.clone(),
        partition: letter.partition,
        start: from,
        end: to + 1,
        check: None,
    };
    let want = format!("{}:{}", letter.partition, letter.offset);
    let mut first = None;
    let mut notes = Vec::new();
    read(
        kafka,
        std::slice::from_ref(&range),
        &Filter::default(),
        |m| {
            if first.is_none() {
                let hs = m.headers();
                let get = |k: &str| {
                    hs.and_then(|hs| hs.iter().find(|x| x.key == k).and_then(|x| x.value))
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                };
                if get(RECEIPT).as_deref() == Some(want.as_str()) {
                    // A receipt from before claims had ids: someone re-drove it.
                    first = Some(get(CLAIM).unwrap_or_default());
                }
            }
            Ok(Take::More)
        },
        |_| {},
        &mut notes,
    )?;
    Ok(first)
}
