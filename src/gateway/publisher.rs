//! The event path out of the gateway. The chat never waits on Kafka: events go into a
//! queue drained by one task into the idempotent producer, which retries without a
//! deadline while the broker is away. The queue is bounded by policy:
//! - above half of `capacity`, CHUNK_RECEIVED telemetry is coalesced (counted, not sent;
//!   STREAM_COMPLETED still carries the totals);
//! - CHAT_MESSAGE, SESSION_STARTED and terminal events are never dropped: instead, above
//!   80% of `capacity` new chats are refused (`BUSY`) so the queue cannot overflow.
//!
//! With a spool (the default in `chatctl serve`), every event is on disk before the
//! producer sees it and stays there until the broker acknowledged it (`spool.rs`).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::FutureRecord;
use tokio::sync::{mpsc, oneshot};

use super::spool::Spool;
use crate::events::Event;
use crate::kafka::producer::EventProducer;
use crate::metrics::Metrics;
use crate::quarantine::{is_permanent, Quarantine, MAX_EVENT_BYTES};

/// The first pause before an event refused for a transient reason is sent again; it
/// doubles up to [`MAX_RETRY_PAUSE`].
const FIRST_RETRY_PAUSE: Duration = Duration::from_millis(100);
const MAX_RETRY_PAUSE: Duration = Duration::from_secs(5);

/// What goes down the queue: events, and barriers answered once everything queued before
/// them is on disk (see [`Publisher::spooled`]). Events are not boxed: they are the hot
/// path, barriers are one per finished answer.
#[allow(clippy::large_enum_variant)]
enum Item {
    Event(Event),
    Barrier(oneshot::Sender<()>),
}

#[derive(Clone)]
pub struct Publisher {
    tx: mpsc::UnboundedSender<Item>,
    pending: Arc<AtomicI64>,
    capacity: i64,
    metrics: Arc<Metrics>,
}

impl Publisher {
    pub fn start(
        producer: EventProducer,
        capacity: usize,
        metrics: Arc<Metrics>,
    ) -> (Publisher, tokio::task::JoinHandle<()>) {
        Self::start_spooled(producer, capacity, metrics, None, Vec::new(), None).expect("no spool, no I/O")
    }

    /// As [`start`](Self::start), every event through `spool`; `left` (what a previous
    /// run left unacknowledged) is spooled again and sent before anything new. An event
    /// Kafka refuses for good (or larger than [`MAX_EVENT_BYTES`], checked before it is
    /// produced) goes to `quarantine`, and its spool entry is settled: the spool moves on.
    pub fn start_spooled(
        producer: EventProducer,
        capacity: usize,
        metrics: Arc<Metrics>,
        spool: Option<Arc<Spool>>,
        left: Vec<Event>,
        quarantine: Option<Arc<Quarantine>>,
    ) -> std::io::Result<(Publisher, tokio::task::JoinHandle<()>)> {
        let (tx, rx) = mpsc::unbounded_channel();
        let pending = Arc::new(AtomicI64::new(0));
        // Spooled again before the first checkpoint can declare the old segments done.
        let first: Vec<(Event, Option<u64>)> = match &spool {
            Some(sp) if !left.is_empty() => {
                let seqs = sp.append(&left)?;
                left.into_iter().zip(seqs.into_iter().map(Some)).collect()
            }
            _ => Vec::new(),
        };
        pending.fetch_add(first.len() as i64, Ordering::Relaxed);
        if let Some(sp) = spool.clone() {
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    if !sp.needs_checkpoint() {
                        continue;
                    }
                    let s = sp.clone();
                    if let Ok(Err(e)) = tokio::task::spawn_blocking(move || s.checkpoint()).await {
                        tracing::warn!(error = %e, "spool checkpoint failed");
                    }
                }
            });
        }
        let (refused_tx, refused_rx) = mpsc::unbounded_channel();
        let out = Outlet {
            refusals: refused_tx,
            producer,
            pending: pending.clone(),
            metrics: metrics.clone(),
            spool,
            quarantine,
            transient_logged: Arc::default(),
            published: Arc::new(metrics.events_published_by_type()),
        };
        tokio::spawn(refusals(refused_rx, out.clone()));
        let task = tokio::spawn(drain(rx, first, out));
        Ok((Publisher { tx, pending, capacity: capacity as i64, metrics }, task))
    }

    /// Events not yet acknowledged by the broker.
    pub fn depth(&self) -> i64 {
        self.pending.load(Ordering::Relaxed)
    }

    /// May a new chat start? False when its essential events could push the queue over.
    pub fn admit(&self) -> bool {
        self.depth() < self.capacity * 8 / 10
    }

    pub fn publish(&self, event: Event) {
        if !event.payload.is_essential() && self.depth() >= self.capacity / 2 {
            self.metrics.events_coalesced.inc();
            return;
        }
        let depth = self.pending.fetch_add(1, Ordering::Relaxed) + 1;
        self.metrics.events_queue_depth.set(depth);
        if self.tx.send(Item::Event(event)).is_err() {
            // Only after shutdown closed the queue; nothing can publish then.
            self.pending.fetch_sub(1, Ordering::Relaxed);
            self.metrics.events_failed.inc();
        }
    }

    /// Resolves once every event published before this call is in the spool (synced), or
    /// at once without a spool. A client is told an answer is done only after this: the
    /// events of what it saw then survive a kill -9 of this process.
    pub async fn spooled(&self) {
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Item::Barrier(tx)).is_ok() {
            let _ = rx.await;
        }
    }
}

/// Where the drain hands events: the producer, and what settles each one.
#[derive(Clone)]
struct Outlet {
    producer: EventProducer,
    pending: Arc<AtomicI64>,
    metrics: Arc<Metrics>,
    spool: Option<Arc<Spool>>,
    quarantine: Option<Arc<Quarantine>>,
    /// When a transient refusal was last logged (ms since the epoch).
    transient_logged: Arc<AtomicI64>,
    /// Where the delivery thread hands an event Kafka refused (see [`refusals`]).
    refusals: mpsc::UnboundedSender<Refusal>,
    /// `chatctl_events_published_total` by type, looked up once.
    published: Arc<Vec<(&'static str, prometheus_client::metrics::counter::Counter)>>,
}

impl Outlet {
    /// The event is settled: acknowledged, or refused for good (then quarantined). Either
    /// way its spool entry is done and the spool's mark can move past it.
    fn acknowledged(&self, ty: &'static str, seq: Option<u64>) {
        match self.published.iter().find(|(t, _)| *t == ty) {
            Some((_, c)) => c.inc(),
            None => self.metrics.events_published.get_or_create(&vec![("type", ty)]).inc(),
        };
        self.settle(seq);
    }

    fn settle(&self, seq: Option<u64>) {
        if let (Some(sp), Some(seq)) = (&self.spool, seq) {
            sp.ack(seq);
        }
        let depth = self.pending.fetch_sub(1, Ordering::Relaxed) - 1;
        self.metrics.events_queue_depth.set(depth);
    }

    /// Kafka refused the event for a reason that may pass: count it, say so (one line in
    /// ten seconds at most: an outage refuses everything at once); it is sent again.
    fn transient(&self, event: &Event, e: &KafkaError) {
        self.metrics.events_retried.inc();
        let now = chrono::Utc::now().timestamp_millis();
        let last = self.transient_logged.load(Ordering::Relaxed);
        if now - last >= 10_000
            && self.transient_logged.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            tracing::warn!(
                event_type = event.event_type(), event_id = %event.event_id, error = %e,
                retried = self.metrics.events_retried.get(),
                "Kafka refused an event for now: kept in the spool and sent again (not quarantined)"
            );
        }
    }

    /// Kafka will never take this event: keep it in the quarantine file, say where. Settled
    /// only once the quarantine holds it: while that file cannot be written (a full disk),
    /// the event stays in the spool and the write is tried again.
    async fn refused(&self, event: &Event, payload: Vec<u8>, why: &str, seq: Option<u64>) {
        let ty = event.event_type();
        self.metrics.events_failed.inc();
        let bytes = payload.len();
        let Some(q) = &self.quarantine else {
            tracing::error!(event_type = ty, event_id = %event.event_id, error = why, "event refused by Kafka");
            return self.settle(seq);
        };
        let mut pause = Duration::from_secs(1);
        loop {
            // Written and synced off the runtime's threads, before the spool lets it go.
            let (q2, topic, key, reason, value) =
                (q.clone(), event.topic(), event.session_id.clone(), why.to_string(), payload.clone());
            let kept = tokio::task::spawn_blocking(move || q2.keep(topic, Some(key.as_bytes()), &value, &reason))
                .await
                .unwrap_or_else(|e| Err(std::io::Error::other(e)));
            match kept {
                Ok(()) => {
                    self.metrics.events_quarantined.inc();
                    tracing::error!(
                        event_type = ty, event_id = %event.event_id, bytes, error = why,
                        file = %q.path().display(),
                        "event refused by Kafka for good: quarantined (`chatctl quarantine replay` once the cause is fixed)"
                    );
                    return self.settle(seq);
                }
                Err(e) => {
                    tracing::error!(
                        event_type = ty, event_id = %event.event_id, error = why, quarantine_error = %e,
                        file = %q.path().display(), retry_in = ?pause,
                        "event refused by Kafka and the quarantine file cannot be written: kept in the spool, trying again"
                    );
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(60));
                }
            }
        }
    }
}

async fn drain(mut rx: mpsc::UnboundedReceiver<Item>, first: Vec<(Event, Option<u64>)>, outlet: Outlet) {
    let (metrics, spool) = (outlet.metrics.clone(), outlet.spool.clone());
    // Spooling and sending are two tasks: a producer queue that is full while the broker
    // is away must not hold up the disk, nor the barriers a finishing chat waits on.
    let (out, mut to_send) = mpsc::unbounded_channel::<(Event, Option<Vec<u8>>, Option<u64>)>();
    let sender = tokio::spawn(async move {
        // What a previous run left in the spool and Kafka already has (acknowledged, but
        // killed before the spool said so) is settled, not sent twice.
        let first = without_delivered(&outlet, first).await;
        for (event, seq) in first {
            send(&outlet, event, None, seq).await;
        }
        while let Some((event, json, seq)) = to_send.recv().await {
            send(&outlet, event, json, seq).await;
        }
    });
    while let Some(item) = rx.recv().await {
        // Everything waiting goes to the spool as one batch (one fdatasync); the barriers
        // among it are answered once that batch is on disk.
        let mut batch = Vec::new();
        let mut barriers = Vec::new();
        let mut next = Some(item);
        while let Some(item) = next.take() {
            match item {
                Item::Event(e) => batch.push(e),
                Item::Barrier(b) => barriers.push(b),
            }
            if batch.len() < 4096 {
                next = rx.try_recv().ok();
            }
        }
        // Serialized once: the same bytes go to the spool and to Kafka.
        let jsons: Vec<Vec<u8>> = batch.iter().map(Event::to_json).collect();
        let (jsons, seqs): (Vec<Vec<u8>>, Vec<Option<u64>>) = match &spool {
            Some(sp) if !batch.is_empty() => {
                let sp = sp.clone();
                let (jsons, result) = tokio::task::spawn_blocking(move || {
                    let r = sp.append_json(&jsons);
                    (jsons, r)
                })
                .await
                .expect("spool task");
                match result {
                    Ok(seqs) => (jsons, seqs.into_iter().map(Some).collect()),
                    Err(e) => {
                        // Sent anyway, but not kept: say so loudly.
                        tracing::error!(error = %e, events = batch.len(), "spool write failed: these events are only in memory");
                        metrics.events_spool_failed.inc_by(batch.len() as u64);
                        let n = jsons.len();
                        (jsons, vec![None; n])
                    }
                }
            }
            _ => {
                let n = jsons.len();
                (jsons, vec![None; n])
            }
        };
        for b in barriers {
            let _ = b.send(());
        }
        for ((event, json), seq) in batch.into_iter().zip(jsons).zip(seqs) {
            let _ = out.send((event, Some(json), seq));
        }
    }
    drop(out);
    let _ = sender.await;
}

/// `first` (a previous run's unacknowledged events) less those Kafka already holds, which
/// are settled here: a node killed between Kafka's acknowledgement and its spool's mark
/// would otherwise publish them twice. Kafka is read from the oldest event's time (each
/// record carries its event's time) to the end of both event topics: the few seconds
/// before the crash (at most the last hour). If Kafka cannot be read within a minute, all
/// are sent (at least once, said in the log).
async fn without_delivered(out: &Outlet, first: Vec<(Event, Option<u64>)>) -> Vec<(Event, Option<u64>)> {
    if first.is_empty() {
        return first;
    }
    let wanted: std::collections::HashSet<uuid::Uuid> = first.iter().map(|(e, _)| e.event_id).collect();
    // At most the last hour: older leftovers are from an outage (never delivered), and a
    // fleet's hour of events is as much as a restart should read.
    let hour_ago = chrono::Utc::now().timestamp_millis() - 3_600_000;
    let since = first.iter().map(|(e, _)| e.timestamp.timestamp_millis()).min().unwrap_or(0).max(hour_ago);
    let kafka = out.producer.settings().clone();
    let mut waits = crate::retry::delays(Duration::from_millis(500), Duration::from_secs(10));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let found = loop {
        let (k, w) = (kafka.clone(), wanted.clone());
        match tokio::task::spawn_blocking(move || delivered_since(&k, since, &w)).await.expect("reader") {
            Ok(found) => break Some(found),
            Err(e) if tokio::time::Instant::now() < deadline => {
                tracing::warn!(error = %e, "cannot read Kafka yet to see which spooled events it has; trying again");
                tokio::time::sleep(crate::retry::next(&mut waits, Duration::from_secs(10))).await;
            }
            Err(e) => {
                tracing::warn!(
                    error = %e, events = first.len(),
                    "cannot read Kafka to see which spooled events it has: sending them all (some may be there twice)"
                );
                break None;
            }
        }
    };
    let Some(found) = found else { return first };
    let mut rest = Vec::with_capacity(first.len());
    for (event, seq) in first {
        if found.contains(&event.event_id) {
            out.metrics.events_already_delivered.inc();
            out.settle(seq);
        } else {
            rest.push((event, seq));
        }
    }
    tracing::info!(
        already_in_kafka = found.len(),
        to_send = rest.len(),
        "events a previous run left in the spool: those Kafka has are not sent again"
    );
    rest
}

/// Which of `wanted` are in the event topics from `since_ms` on. Blocking.
fn delivered_since(
    kafka: &crate::kafka::KafkaSettings,
    since_ms: i64,
    wanted: &std::collections::HashSet<uuid::Uuid>,
) -> crate::error::Result<std::collections::HashSet<uuid::Uuid>> {
    use crate::ops::range::{resolve, RangeSpec};
    use crate::ops::replay::{read, Filter, Take};
    use rdkafka::Message;
    let spec = RangeSpec { since_ms: Some(since_ms), ..RangeSpec::default() };
    let resolved = resolve(kafka, &[crate::events::CHAT_EVENTS, crate::events::STREAM_EVENTS], &spec)?;
    let mut found = std::collections::HashSet::new();
    let mut notes = Vec::new();
    read(
        kafka,
        &resolved.ranges,
        &Filter::default(),
        |m| {
            // Every event's JSON starts with its id: no need to parse the rest.
            const PREFIX: &[u8] = b"{\"eventId\":\"";
            if let Some(id) = m
                .payload()
                .filter(|p| p.starts_with(PREFIX) && p.len() >= PREFIX.len() + 36)
                .and_then(|p| std::str::from_utf8(&p[PREFIX.len()..PREFIX.len() + 36]).ok())
                .and_then(|s| uuid::Uuid::parse_str(s).ok())
                .filter(|id| wanted.contains(id))
            {
                found.insert(id);
            }
            Ok(Take::More)
        },
        |_| {},
        &mut notes,
    )?;
    Ok(found)
}

/// An event on its way: what its answer settles, or what is sent again.
struct Sending {
    event: Event,
    payload: Vec<u8>,
    seq: Option<u64>,
}

/// An event Kafka refused after queueing it, with the pause its attempt was given.
type Refusal = (Arc<Sending>, KafkaError, Duration);

/// Hand one event to the producer; its answer settles it (and its spool entry). A refusal
/// that sending again cannot fix ([`is_permanent`]: too large, an invalid topic, not
/// authorised) quarantines it; any other (timed out, the topic not there yet after a cold
/// start, a fatal producer error) is sent again after a pause, the event kept in the spool
/// meanwhile: a transient error never quarantines.
async fn send(out: &Outlet, event: Event, json: Option<Vec<u8>>, seq: Option<u64>) {
    let payload = json.unwrap_or_else(|| event.to_json());
    if payload.len() > MAX_EVENT_BYTES {
        let why = format!("{} bytes, over the {MAX_EVENT_BYTES}-byte event limit", payload.len());
        return out.refused(&event, payload, &why, seq).await;
    }
    enqueue(out, Arc::new(Sending { event, payload, seq }), FIRST_RETRY_PAUSE).await;
}

/// Queue the event in the producer, waiting while its queue is full and retrying
/// transient refusals. Its answer is taken on the producer's delivery thread: an
/// acknowledgement settles it there (no task per event); a refusal goes to
/// [`refusals`], which sends it again after `pause` or quarantines it.
async fn enqueue(out: &Outlet, sending: Arc<Sending>, pause: Duration) {
    let mut wait = pause;
    loop {
        // No headers: see EventProducer::send_to.
        let event = &sending.event;
        let record = FutureRecord::to(event.topic())
            .key(event.session_id.as_bytes())
            .payload(&sending.payload)
            .timestamp(event.timestamp.timestamp_millis());
        let (o, s) = (out.clone(), sending.clone());
        let then = Box::new(move |answer: Result<_, KafkaError>| match answer {
            Ok(_) => o.acknowledged(s.event.event_type(), s.seq),
            Err(e) => {
                if let Err(mpsc::error::SendError((s, ..))) = o.refusals.send((s, e, pause)) {
                    // Only after shutdown: the spool keeps it.
                    let _ = s;
                    o.metrics.events_failed.inc();
                    o.pending.fetch_sub(1, Ordering::Relaxed);
                }
            }
        });
        match out.producer.raw().send_then(record, then) {
            Ok(()) => return,
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), ..)) => {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Err((e, ..)) if is_permanent(&e) => {
                return out.refused(event, sending.payload.clone(), &e.to_string(), sending.seq).await;
            }
            Err((e, ..)) => {
                out.transient(event, &e);
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(MAX_RETRY_PAUSE);
            }
        }
    }
}

/// Events Kafka refused after queueing them: quarantined when sending again cannot help,
/// else sent again after their pause (doubling, up to [`MAX_RETRY_PAUSE`]), each in a task
/// of its own so one event's pause holds up no other.
async fn refusals(mut rx: mpsc::UnboundedReceiver<Refusal>, out: Outlet) {
    while let Some((sending, e, pause)) = rx.recv().await {
        let out = out.clone();
        tokio::spawn(async move {
            if is_permanent(&e) {
                let s = &sending;
                return out.refused(&s.event, s.payload.clone(), &e.to_string(), s.seq).await;
            }
            out.transient(&sending.event, &e);
            tokio::time::sleep(pause).await;
            enqueue(&out, sending, (pause * 2).min(MAX_RETRY_PAUSE)).await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{examples, Payload};
    use crate::kafka::KafkaSettings;

    /// With the broker away, nothing essential is dropped: chunk telemetry is coalesced
    /// past half the capacity, and new chats are refused past 80%.
    #[tokio::test]
    async fn back_pressure_policy() {
        let kafka = KafkaSettings::new("127.0.0.1:1");
        let mut conf = kafka.producer_config();
        conf.set("message.timeout.ms", "0");
        let producer = EventProducer::with_config(&kafka, &conf).unwrap();
        let metrics = Arc::new(Metrics::default());
        let (p, _task) = Publisher::start(producer, 10, metrics.clone());
        let chunk = || Event::new("s", "n", examples().remove(2));
        let essential = || Event::new("s", "n", examples().remove(1));
        assert!(matches!(chunk().payload, Payload::ChunkReceived(_)));

        for _ in 0..4 {
            p.publish(chunk());
        }
        assert_eq!(p.depth(), 4);
        assert!(p.admit());
        p.publish(essential());
        // At half the capacity: telemetry is coalesced, essentials still queue.
        p.publish(chunk());
        p.publish(chunk());
        assert_eq!(p.depth(), 5);
        assert_eq!(metrics.events_coalesced.get(), 2);
        for _ in 0..3 {
            p.publish(essential());
        }
        assert_eq!(p.depth(), 8);
        assert!(!p.admit(), "new chats are refused at 80%");
        // Essentials of chats already running are still accepted beyond it.
        for _ in 0..4 {
            p.publish(essential());
        }
        assert_eq!(p.depth(), 12);
        assert_eq!(metrics.events_failed.get(), 0);
        assert!(metrics.render().contains("chatctl_events_coalesced_total 2"));
    }

    /// `spooled` answers once everything published before it is on disk, with the broker
    /// away (nothing acknowledged, the producer's queue holding it all).
    #[tokio::test]
    async fn spooled_waits_for_the_disk_not_for_the_broker() {
        let kafka = KafkaSettings::new("127.0.0.1:1");
        let producer = EventProducer::new(&kafka).unwrap();
        let metrics = Arc::new(Metrics::default());
        let dir = tempfile::tempdir().unwrap();
        let (spool, left) = Spool::open(dir.path()).unwrap();
        assert!(left.is_empty());
        let (p, _task) =
            Publisher::start_spooled(producer, 1000, metrics, Some(Arc::new(spool)), Vec::new(), None).unwrap();
        let events: Vec<Event> = (0..5).map(|_| Event::new("s", "n", examples().remove(1))).collect();
        for e in &events {
            p.publish(e.clone());
        }
        tokio::time::timeout(Duration::from_secs(5), p.spooled()).await.expect("spooled() answered");
        let mut lines = Vec::new();
        for f in std::fs::read_dir(dir.path()).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|x| x == "log") {
                lines.extend(std::fs::read_to_string(f).unwrap().lines().map(|l| Event::decode(l.as_bytes()).unwrap()));
            }
        }
        let ids: Vec<_> = lines.iter().map(|e| e.event_id).collect();
        assert_eq!(ids, events.iter().map(|e| e.event_id).collect::<Vec<_>>());
        assert_eq!(p.depth(), 5, "none acknowledged: the broker is away");
    }
}
