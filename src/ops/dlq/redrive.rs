//! Re-drive: a dead letter claimed in its DLQ partition, then sent back once.

use rdkafka::consumer::{BaseConsumer, Consumer};
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
    /// `--again`, but the run holding the claim said it sent the record.
    SentAlready(String),
    /// `--again`, but the claim is young enough that its run may still be sending: left
    /// alone (claimed this long ago).
    InFlight(String, Duration),
}

/// Put `letter` back on its origin topic (key, own headers, `chatctl-redriven`, the
/// re-drive count one higher), once: claim it in its DLQ partition, read back which claim
/// came first, and send only when it is this run's (`run` is the run's id).
///
/// One claim rule for every mode: a claim is for the letter's origin record (so copies of
/// one record are one claim) and names its basis, the claim it supersedes (none for a
/// first claim); **the first claim in the partition with a given basis wins**. A run
/// without `again` claims with no basis, so it wins only when no claim came before it.
/// `again` (a run that died between claim and send) first reads the claims already there
/// and supersedes the last one: two `--again` runs that read the same claim, or an
/// `--again` beside an `--all`, still send once.
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
    // Claims for this record come after its first letter (offsets order claims).
    let from = letter.first_copy.unwrap_or(letter.offset).min(letter.offset) + 1;
    let basis = if again {
        match basis_for_again(kafka, letter, from).await? {
            Ok(basis) => basis,
            Err(skipped) => return Ok(skipped),
        }
    } else {
        String::new()
    };
    // 1. The claim, in the letter's own partition (after the letter).
    let extra: &[(&str, &str)] = if basis.is_empty() { &[] } else { &[(BASIS, &basis)] };
    let claim = FutureRecord::<[u8], [u8]>::to(&letter.dlq_topic)
        .partition(letter.partition)
        .headers(receipt_headers(letter, run, extra));
    let claimed_at = producer
        .send(claim, kafka.timeout)
        .await
        .map_err(|(e, _)| Error::Broker(format!("claiming {mark}: {e}")))?
        .offset;
    // 2. The first claim with our basis, up to ours, decides (ours is there at least).
    let (k, l) = (kafka.clone(), letter.clone());
    let all = tokio::task::spawn_blocking(move || claims(&k, &l, from, Some(claimed_at))).await.expect("reader")?;
    if winner(&all, &basis) != Some(run) {
        return Ok(Redriven::ClaimedElsewhere);
    }
    // 3. Ours: send it back.
    send_back(kafka, producer, letter, count + 1, &mark).await?;
    // 4. Said sent, so that an `--again` later knows (without it, one may send it again).
    let sent = FutureRecord::<[u8], [u8]>::to(&letter.dlq_topic).partition(letter.partition).headers(receipt_headers(
        letter,
        run,
        &[(SENT, "1")],
    ));
    if let Err((e, _)) = producer.send(sent, kafka.timeout).await {
        tracing::warn!(letter = %mark, error = %e, "re-driven, but the sent mark was not written: an --again could send it again");
    }
    Ok(Redriven::Sent)
}

/// An `--again` supersedes the claim that holds the letter now: Ok(its id, or "" when none
/// is there), or Err(why it is left alone: sent already, or claimed too recently).
async fn basis_for_again(
    kafka: &KafkaSettings,
    letter: &DeadLetter,
    from: i64,
) -> Result<std::result::Result<String, Redriven>> {
    let (k, l) = (kafka.clone(), letter.clone());
    let before = tokio::task::spawn_blocking(move || claims(&k, &l, from, None)).await.expect("reader")?;
    Ok(match current(&before) {
        None => Ok(String::new()),
        Some(c) if c.sent => Err(Redriven::SentAlready(c.id.clone())),
        Some(c) => {
            let age = c.at.map(|at| chrono::Utc::now().timestamp_millis() - at).unwrap_or(i64::MAX);
            if age < live_claim_ms(kafka) {
                Err(Redriven::InFlight(c.id.clone(), Duration::from_millis(age.max(0) as u64)))
            } else {
                Ok(c.id.clone())
            }
        }
    })
}

/// A receipt's headers: which letter, which run, the origin record, and `extra`.
fn receipt_headers(letter: &DeadLetter, run: &str, extra: &[(&str, &str)]) -> OwnedHeaders {
    let receipt = format!("{}:{}", letter.partition, letter.offset);
    let mut headers = OwnedHeaders::new()
        .insert(Header { key: RECEIPT, value: Some(&receipt) })
        .insert(Header { key: CLAIM, value: Some(run) });
    if let Some(o) = letter.origin_key() {
        headers = headers.insert(Header { key: ORIGIN, value: Some(&o) });
    }
    for (k, v) in extra {
        headers = headers.insert(Header { key: k, value: Some(*v) });
    }
    headers
}

/// The letter back on its origin topic: its key (or partition), payload and own headers,
/// with `chatctl-redriven` and its re-drive `count`.
async fn send_back(
    kafka: &KafkaSettings,
    producer: &FutureProducer,
    letter: &DeadLetter,
    count: u32,
    mark: &str,
) -> Result<()> {
    let count = count.to_string();
    let mut headers = OwnedHeaders::new();
    for (k, v) in letter.headers.iter().filter(|(k, _)| !DLQ_HEADERS.contains(&k.as_str()) && k != REDRIVE_COUNT) {
        headers = headers.insert(Header { key: k, value: v.as_deref() });
    }
    headers = headers.insert(Header { key: REDRIVEN, value: Some(mark) });
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
    producer.send(record, kafka.timeout).await.map_err(|(e, _)| {
        Error::Broker(format!(
            "re-driving {mark} to {}: {e} (claimed by this run and not sent: `dlq redrive --offset {} --again --execute`)",
            letter.origin_topic, letter.offset
        ))
    })?;
    Ok(())
}

/// How long a claim without its sent mark may belong to a run still sending: its read
/// back and its send, each bounded by the Kafka timeout, and a margin. `--again` leaves
/// younger claims alone.
fn live_claim_ms(kafka: &KafkaSettings) -> i64 {
    (kafka.timeout * 3 + Duration::from_secs(30)).as_millis() as i64
}

/// One claim read back from a DLQ partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The claiming run's id.
    pub id: String,
    /// The claim it supersedes ("" for a first claim).
    pub basis: String,
    /// Its run said it sent the record.
    pub sent: bool,
    /// When it was claimed (ms since the epoch), when the record says.
    pub at: Option<i64>,
}

/// The winning run among `claims` (in partition order) for a claim with `basis`.
pub fn winner<'a>(claims: &'a [Claim], basis: &str) -> Option<&'a str> {
    claims.iter().find(|c| c.basis == basis).map(|c| c.id.as_str())
}

/// The claim that holds the record now: the first claim, then the first that superseded
/// it, and so on (losing claims are no link).
pub fn current(claims: &[Claim]) -> Option<&Claim> {
    let mut cur = claims.iter().find(|c| c.basis.is_empty())?;
    while let Some(next) = claims.iter().find(|c| c.basis == cur.id) {
        cur = next;
    }
    Some(cur)
}

/// The claims for `letter` (for its origin record, or for the letter itself when its
/// origin is not known) in its partition, reading offsets `from..=to` (to the end when
/// `to` is `None`). Blocking.
fn claims(kafka: &KafkaSettings, letter: &DeadLetter, from: i64, to: Option<i64>) -> Result<Vec<Claim>> {
    let end = match to {
        Some(to) => to + 1,
        None => {
            let consumer: BaseConsumer = kafka.create(&kafka.reader_config())?;
            consumer.fetch_watermarks(&letter.dlq_topic, letter.partition, kafka.timeout)?.1
        }
    };
    let range =
        PartitionRange { topic: letter.dlq_topic.clone(), partition: letter.partition, start: from, end, check: None };
    let want = format!("{}:{}", letter.partition, letter.offset);
    let origin = letter.origin_key();
    let mut found: Vec<Claim> = Vec::new();
    let mut notes = Vec::new();
    if end > from {
        read(
            kafka,
            std::slice::from_ref(&range),
            &Filter::default(),
            |m| {
                let hs = m.headers();
                let get = |k: &str| {
                    hs.and_then(|hs| hs.iter().find(|x| x.key == k).and_then(|x| x.value))
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                };
                if let Some(receipt) = get(RECEIPT) {
                    let same_origin = origin.is_some() && get(ORIGIN) == origin;
                    if same_origin || receipt == want {
                        // A receipt from before claims had ids: someone re-drove it.
                        let id = get(CLAIM).unwrap_or_default();
                        if get(SENT).is_some() {
                            if let Some(c) = found.iter_mut().find(|c| c.id == id) {
                                c.sent = true;
                            }
                        } else {
                            let at = m.timestamp().to_millis();
                            found.push(Claim { id, basis: get(BASIS).unwrap_or_default(), sent: false, at });
                        }
                    }
                }
                Ok(Take::More)
            },
            |_| {},
            &mut notes,
        )?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, basis: &str) -> Claim {
        Claim { id: id.into(), basis: basis.into(), sent: false, at: None }
    }

    #[test]
    fn the_current_claim_follows_the_chain_and_skips_losers() {
        let cs = [c("a", ""), c("x", ""), c("b", "a"), c("y", "a"), c("c", "b")];
        assert_eq!(current(&cs).map(|c| c.id.as_str()), Some("c"));
        assert_eq!(current(&cs[..2]).map(|c| c.id.as_str()), Some("a"));
        assert_eq!(current(&[]), None);
    }

    #[test]
    fn the_first_claim_wins_and_a_later_first_claim_loses() {
        let cs = [c("a", ""), c("b", "")];
        assert_eq!(winner(&cs, ""), Some("a"));
    }

    #[test]
    fn two_agains_that_read_the_same_claim_send_once() {
        // a claimed and died; b and c both ran --again having read a.
        let cs = [c("a", ""), c("b", "a"), c("c", "a")];
        assert_eq!(winner(&cs, "a"), Some("b"));
    }

    #[test]
    fn an_again_after_an_again_supersedes_it() {
        // b superseded a and died too; c read both and supersedes b.
        let cs = [c("a", ""), c("b", "a"), c("c", "b")];
        assert_eq!(winner(&cs, "b"), Some("c"));
    }

    #[test]
    fn an_all_beside_an_again_loses_to_the_first_claim() {
        // An --all that listed the letter before a's claim claims with no basis: a wins
        // that basis, and the --again (basis a) is the one re-send.
        let cs = [c("a", ""), c("again", "a"), c("all", "")];
        assert_eq!(winner(&cs, ""), Some("a"));
        assert_eq!(winner(&cs, "a"), Some("again"));
    }
}
