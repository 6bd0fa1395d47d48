//! Idle consumers that cost nothing: a caught-up consumer pauses its partitions and asks
//! for their log ends (one ListOffsets request) now and then, resuming when one moved.
//! Apache Kafka holds an empty fetch for `fetch.wait.max.ms`, but chatctl's consumers use a
//! short wait (100 ms: a worker that pauses partitions for back-pressure must not wait out
//! long polls), and tansu holds one for half the wait at most and costs a query per
//! partition each time: a caught-up consumer that keeps fetching costs both sides.
//! Used by the workers, the broadcast reader and `dlq tail`.

use std::collections::HashMap;
use std::time::Duration;

use rdkafka::consumer::{Consumer, ConsumerContext};
use rdkafka::{Offset, TopicPartitionList};

/// Next offset to read, per (topic, partition).
pub type Positions = HashMap<(String, i32), i64>;

/// Has any partition of `assigned` records at or past `next` (its next offset to read)?
/// An error (a broker that does not answer in `timeout`) counts as "maybe": fetch again.
pub fn behind<X: ConsumerContext, C: Consumer<X>>(
    consumer: &C,
    assigned: &TopicPartitionList,
    next: &Positions,
    timeout: Duration,
) -> bool {
    let mut ends = assigned.clone();
    if ends.set_all_offsets(Offset::End).is_err() {
        return true;
    }
    match consumer.offsets_for_times(ends, timeout) {
        Ok(ends) => ends.elements().iter().any(|e| {
            let n = next.get(&(e.topic().to_string(), e.partition())).copied().unwrap_or(0);
            e.offset().to_raw().is_some_and(|end| end > n)
        }),
        Err(_) => true,
    }
}

/// Resume `tpl` and have librdkafka fetch at once. A resume only flags the partitions: the
/// broker thread that fetches them notices at its next wake-up, up to a second later when
/// every partition it serves was paused (seen as 0.3-1 s between a resume and its first
/// fetch). Any request through that thread wakes it: a one-partition log-end query does.
pub fn resume<X: ConsumerContext, C: Consumer<X>>(
    consumer: &C,
    tpl: &TopicPartitionList,
    timeout: Duration,
) -> rdkafka::error::KafkaResult<()> {
    consumer.resume(tpl)?;
    if let Some(e) = tpl.elements().first() {
        let _ = consumer.fetch_watermarks(e.topic(), e.partition(), timeout);
    }
    Ok(())
}

/// The log ends of `assigned` now (what a reader starting at the end will read next).
pub fn ends<X: ConsumerContext, C: Consumer<X>>(
    consumer: &C,
    assigned: &TopicPartitionList,
    timeout: Duration,
) -> Positions {
    let mut req = assigned.clone();
    let mut out = Positions::new();
    if req.set_all_offsets(Offset::End).is_ok() {
        if let Ok(got) = consumer.offsets_for_times(req, timeout) {
            for e in got.elements() {
                if let Some(o) = e.offset().to_raw().filter(|o| *o >= 0) {
                    out.insert((e.topic().to_string(), e.partition()), o);
                }
            }
        }
    }
    out
}

/// One log-end watcher per process and cluster: every idle consumer registers the
/// partitions it paused, and one thread asks for all their ends in one ListOffsets request
/// per interval. Four idle workers then cost the broker one
/// request per interval, not one each (on tansu's SQLite engine a ListOffsets costs
/// milliseconds of CPU per partition).
#[derive(Clone)]
pub struct LogWatch {
    inner: std::sync::Arc<WatchInner>,
}

struct WatchInner {
    /// Partitions watched, with how many consumers watch each.
    wanted: std::sync::Mutex<HashMap<(String, i32), usize>>,
    /// The latest log ends seen, and how many times any of them moved.
    ends: std::sync::Mutex<(Positions, u64)>,
    /// Signalled when an end moved (threads wait on the condvar, tasks on the channel).
    moved: std::sync::Condvar,
    versions: tokio::sync::watch::Sender<u64>,
}

/// How often the shared watcher asks, while anything is watched.
pub const WATCH_EVERY: Duration = Duration::from_millis(500);

impl LogWatch {
    /// The watcher of `kafka`'s cluster in this process (made on first use).
    pub fn shared(kafka: &super::KafkaSettings) -> crate::error::Result<LogWatch> {
        static ALL: super::PerProcess<WatchInner> = std::sync::OnceLock::new();
        let inner = super::per_process(&ALL, kafka.brokers.clone(), || Self::start(kafka))?;
        Ok(LogWatch { inner })
    }

    fn start(kafka: &super::KafkaSettings) -> crate::error::Result<std::sync::Arc<WatchInner>> {
        use std::sync::{Arc, Mutex};
        let inner = Arc::new(WatchInner {
            wanted: Mutex::default(),
            ends: Mutex::default(),
            moved: Default::default(),
            versions: tokio::sync::watch::Sender::new(0),
        });
        let consumer: rdkafka::consumer::BaseConsumer = kafka.create(&kafka.reader_config())?;
        let weak = Arc::downgrade(&inner);
        let timeout = kafka.timeout.min(Duration::from_secs(2));
        std::thread::Builder::new().name("log-watch".into()).spawn(move || loop {
            std::thread::sleep(WATCH_EVERY);
            let Some(inner) = weak.upgrade() else { return };
            let wanted: Vec<(String, i32)> = inner.wanted.lock().unwrap().keys().cloned().collect();
            if wanted.is_empty() {
                continue;
            }
            let mut tpl = TopicPartitionList::new();
            for (t, p) in &wanted {
                tpl.add_partition(t, *p);
            }
            let got = ends(&consumer, &tpl, timeout);
            let mut seen = inner.ends.lock().unwrap();
            let mut changed = false;
            for (k, end) in got {
                changed |= seen.0.insert(k, end) != Some(end);
            }
            if changed {
                seen.1 += 1;
                inner.moved.notify_all();
                inner.versions.send_replace(seen.1);
            }
        })?;
        Ok(inner)
    }

    pub fn watch(&self, tpl: &TopicPartitionList) {
        let mut w = self.inner.wanted.lock().unwrap();
        for e in tpl.elements() {
            *w.entry((e.topic().to_string(), e.partition())).or_insert(0) += 1;
        }
    }

    pub fn unwatch(&self, tpl: &TopicPartitionList) {
        let mut w = self.inner.wanted.lock().unwrap();
        for e in tpl.elements() {
            let key = (e.topic().to_string(), e.partition());
            if let Some(n) = w.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    w.remove(&key);
                }
            }
        }
    }

    /// Has any partition of `next` records at or past its next offset, as last seen?
    pub fn behind(&self, next: &Positions) -> bool {
        let ends = self.inner.ends.lock().unwrap();
        next.iter().any(|(k, n)| ends.0.get(k).is_some_and(|end| end > n))
    }

    /// How many times a log end moved so far (for [`LogWatch::wait`]).
    pub fn version(&self) -> u64 {
        self.inner.ends.lock().unwrap().1
    }

    /// Changes of [`LogWatch::version`], for a task to await.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.inner.versions.subscribe()
    }

    /// Block until a log end moves after `version`, or `timeout` passes: an idle consumer
    /// sleeps here instead of waking to ask.
    pub fn wait(&self, version: u64, timeout: Duration) {
        let ends = self.inner.ends.lock().unwrap();
        let _ = self.inner.moved.wait_timeout_while(ends, timeout, |e| e.1 == version).unwrap();
    }
}
