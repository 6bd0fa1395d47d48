//! The worker framework every background worker runs on: at-least-once consumption with
//! offsets committed only after the effect is done, per-partition order, bounded work in
//! flight without ever blocking the poll loop, drain before revoke and on shutdown,
//! retries with jittered exponential backoff (`crate::retry`), and a dead-letter topic.
//!
//! Shape: one poll thread owns the consumer (so librdkafka's rebalance callbacks may block
//! while in-flight work drains); each assigned partition gets a task that handles its
//! records in order. Records beyond a partition's queue are stashed, and a partition whose
//! stash fills is paused until its task catches up, so the poll loop keeps running (no
//! max.poll.interval kick) and memory stays bounded.

pub mod analytics;
pub mod audit;
pub mod dlq;
mod idle;
pub mod notify;
mod partitions;
pub mod search;
pub mod summary;
pub mod training;

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use futures_util::stream::{FuturesOrdered, StreamExt};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::message::{Header, Headers, OwnedHeaders};
use rdkafka::producer::FutureRecord;
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};
use tokio::sync::mpsc;

use crate::error::Result;
use crate::events::{Event, REPLAY_HEADER};
use crate::kafka::KafkaSettings;
use crate::metrics::Metrics;
use idle::{Idle, IDLE_CHECK, IDLE_SLEEP};
pub use partitions::WorkerContext;
use partitions::{flush_stashes, route};

/// A consumed record, owned.
#[derive(Debug, Clone)]
pub struct Record {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub key: Option<Vec<u8>>,
    pub payload: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
}

impl Record {
    pub fn from_message<M: Message>(m: &M) -> Record {
        let headers = m
            .headers()
            .map(|h| h.iter().map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec))).collect())
            .unwrap_or_default();
        Record {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            timestamp: m.timestamp().to_millis(),
            key: m.key().map(<[u8]>::to_vec),
            payload: m.payload().map(<[u8]>::to_vec),
            headers,
        }
    }

    pub fn header(&self, key: &str) -> Option<&[u8]> {
        self.headers.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.as_deref())
    }

    /// This record, to be produced again to `topic`: key, payload, timestamp and headers
    /// kept, `extra` headers added after its own (DLQ origin, replay run).
    pub fn future_record<'a>(&'a self, topic: &'a str, extra: &[(&str, &str)]) -> FutureRecord<'a, [u8], [u8]> {
        let mut headers = OwnedHeaders::new();
        for (k, v) in &self.headers {
            headers = headers.insert(Header { key: k, value: v.as_deref() });
        }
        for (k, v) in extra {
            headers = headers.insert(Header { key: k, value: Some(*v) });
        }
        let mut r = FutureRecord::<[u8], [u8]>::to(topic).headers(headers);
        if let Some(k) = &self.key {
            r = r.key(k);
        }
        if let Some(v) = &self.payload {
            r = r.payload(v);
        }
        if let Some(ts) = self.timestamp {
            r = r.timestamp(ts);
        }
        r
    }

    /// Produced by `chatctl replay`: handlers skip side effects (notifications, webhooks).
    pub fn is_replay(&self) -> bool {
        self.headers.iter().any(|(k, _)| k == REPLAY_HEADER)
    }
}

/// How a handler failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandlerError {
    /// What the record needs is down (the store, the index, the webhook endpoint): not
    /// the record's fault. Retried without limit (the partition waits, and is paused once
    /// its queue fills); never dead-lettered.
    #[error("{0}")]
    Unavailable(String),
    /// Worth a few retries (a timeout, a deadlock): then the DLQ.
    #[error("{0}")]
    Transient(String),
    /// Will never succeed (bad data for this worker, a row the store refuses): straight
    /// to the DLQ.
    #[error("{0}")]
    Permanent(String),
}

impl HandlerError {
    pub fn class(&self) -> &'static str {
        match self {
            HandlerError::Unavailable(_) => "unavailable",
            HandlerError::Transient(_) => "transient",
            HandlerError::Permanent(_) => "record",
        }
    }
}

impl From<crate::store::WriteError> for HandlerError {
    fn from(e: crate::store::WriteError) -> Self {
        use crate::store::WriteError as W;
        match e {
            W::Unavailable(_) => HandlerError::Unavailable(e.to_string()),
            W::Row(_) => HandlerError::Permanent(e.to_string()),
            W::Other(_) => HandlerError::Transient(e.to_string()),
        }
    }
}

/// A worker: its name is its consumer group.
pub trait Handler: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    fn topics(&self) -> Vec<String>;
    /// Records of one partition that may be handled at the same time. 1 (the default)
    /// keeps effects in partition order; order-free effects (idempotent inserts) may
    /// overlap, while offsets are still committed only past finished records.
    fn in_flight_per_partition(&self) -> usize {
        1
    }
    /// Apply the record's effect. Must be idempotent by `event.event_id`.
    fn handle<'a>(&'a self, event: &'a Event, record: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>>;
}

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub max_attempts: u32,
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    /// Records queued per partition for its task; as many again may wait in a stash
    /// before the partition is paused.
    pub partition_queue: usize,
    pub commit_interval: Duration,
    /// Longest wait for in-flight work when partitions are revoked or on shutdown.
    pub drain_timeout: Duration,
    /// Bound on an idle worker's log-end and commit queries.
    pub idle_timeout: Duration,
    /// Extra consumer properties (tests shorten session and poll intervals).
    pub consumer_props: Vec<(String, String)>,
    /// Where a dead letter Kafka refuses for good is kept: `<dir>/<worker>.jsonl`.
    pub quarantine_dir: std::path::PathBuf,
}

pub use crate::quarantine::DEFAULT_DIR as QUARANTINE_DIR;

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            max_attempts: 5,
            base_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(10),
            partition_queue: 2048,
            commit_interval: Duration::from_secs(1),
            drain_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(2),
            consumer_props: Vec::new(),
            quarantine_dir: QUARANTINE_DIR.into(),
        }
    }
}

type Tp = (String, i32);

struct Part {
    tx: mpsc::Sender<Record>,
    stash: VecDeque<Record>,
    paused: bool,
    task: tokio::task::JoinHandle<()>,
}

struct Shared {
    handler: Arc<dyn Handler>,
    opts: WorkerOptions,
    dlq: dlq::DeadLetters,
    rt: tokio::runtime::Handle,
    parts: Mutex<HashMap<Tp, Part>>,
    /// Next offset to commit per partition (last handled + 1).
    done: Mutex<HashMap<Tp, i64>>,
    committed: Mutex<HashMap<Tp, i64>>,
    metrics: Arc<Metrics>,
    /// Records waiting for something unavailable right now.
    unavailable: std::sync::atomic::AtomicI64,
    /// Bumped by every rebalance: an idle worker's paused assignment is still the
    /// assignment while this has not moved (asking librdkafka costs its main thread a
    /// round trip at each check).
    rebalances: std::sync::atomic::AtomicU64,
    /// Commits answered successfully (a stranded consumer's count stops moving).
    commits_ok: std::sync::atomic::AtomicU64,
}

impl Shared {
    /// Nothing waiting in a stash and no partition paused for back-pressure.
    fn quiet(&self) -> bool {
        self.parts.lock().unwrap().values().all(|p| p.stash.is_empty() && !p.paused)
    }

    fn unavailable_start(&self) {
        let n = self.unavailable.fetch_add(1, Ordering::SeqCst) + 1;
        self.metrics.worker_unavailable.get_or_create(&vec![("worker", self.handler.name())]).set(n);
    }

    fn unavailable_end(&self) {
        let n = self.unavailable.fetch_sub(1, Ordering::SeqCst) - 1;
        self.metrics.worker_unavailable.get_or_create(&vec![("worker", self.handler.name())]).set(n);
    }

    fn spawn_partition(self: &Arc<Self>, tp: &Tp) -> Part {
        let (tx, mut rx) = mpsc::channel::<Record>(self.opts.partition_queue);
        let shared = self.clone();
        let key = tp.clone();
        let task = self.rt.spawn(async move {
            // Up to `depth` records of this partition in flight; their offsets are marked
            // done strictly in order, so a commit never passes an unfinished record.
            let depth = shared.handler.in_flight_per_partition().max(1);
            let mut inflight = FuturesOrdered::new();
            loop {
                tokio::select! {
                    biased;
                    Some(next) = inflight.next(), if !inflight.is_empty() => {
                        shared.done.lock().unwrap().insert(key.clone(), next);
                    }
                    rec = rx.recv(), if inflight.len() < depth => match rec {
                        Some(rec) => {
                            let s = shared.clone();
                            inflight.push_back(async move {
                                s.process(&rec).await;
                                rec.offset + 1
                            });
                        }
                        None => break,
                    },
                }
            }
            while let Some(next) = inflight.next().await {
                shared.done.lock().unwrap().insert(key.clone(), next);
            }
        });
        Part { tx, stash: VecDeque::new(), paused: false, task }
    }

    async fn process(&self, rec: &Record) {
        let worker = self.handler.name();
        let event = match Event::decode(rec.payload.as_deref().unwrap_or_default()) {
            Ok(e) => e,
            Err(e) => {
                self.dlq.send(worker, rec, &format!("decode:{}", e.class()), &e.to_string(), 1).await;
                self.metrics.worker_dead_lettered.get_or_create(&vec![("worker", worker)]).inc();
                return;
            }
        };
        let mut attempt = 0;
        let mut unavailable_since: Option<Instant> = None;
        let (base, max) = (self.opts.base_backoff, self.opts.max_backoff);
        let (mut transient, mut unavailable) = (crate::retry::delays(base, max), crate::retry::delays(base, max));
        let mut warned = Instant::now();
        loop {
            attempt += 1;
            match self.handler.handle(&event, rec).await {
                Ok(()) => {
                    self.metrics.worker_processed.get_or_create(&vec![("worker", worker)]).inc();
                    if let Some(since) = unavailable_since {
                        self.unavailable_end();
                        tracing::info!(worker, down_for = ?since.elapsed(), "available again");
                    }
                    return;
                }
                Err(HandlerError::Unavailable(e)) => {
                    // Not the record's fault: wait without limit, never dead-letter.
                    if unavailable_since.is_none() {
                        unavailable_since = Some(Instant::now());
                        self.unavailable_start();
                        tracing::warn!(worker, topic = %rec.topic, partition = rec.partition, error = %e, "unavailable: retrying until it is back");
                    } else if warned.elapsed() >= Duration::from_secs(30) {
                        warned = Instant::now();
                        tracing::warn!(worker, down_for = ?unavailable_since.map(|s| s.elapsed()), error = %e, "still unavailable");
                    }
                    self.metrics.worker_unavailable_retries.get_or_create(&vec![("worker", worker)]).inc();
                    tokio::time::sleep(crate::retry::next(&mut unavailable, max)).await;
                    attempt -= 1; // waiting for the store is not the record's attempt
                    continue;
                }
                Err(e) if matches!(e, HandlerError::Permanent(_)) || attempt >= self.opts.max_attempts => {
                    tracing::warn!(worker, topic = %rec.topic, partition = rec.partition, offset = rec.offset, attempts = attempt, error = %e, "dead-lettering record");
                    self.dlq.send(worker, rec, e.class(), &e.to_string(), attempt).await;
                    self.metrics.worker_dead_lettered.get_or_create(&vec![("worker", worker)]).inc();
                    return;
                }
                Err(e) => {
                    self.metrics.worker_retried.get_or_create(&vec![("worker", worker)]).inc();
                    tracing::debug!(worker, attempt, error = %e, "transient failure; retrying");
                    tokio::time::sleep(crate::retry::next(&mut transient, max)).await;
                }
            }
        }
    }

    /// Commit what is done and not yet committed: for `only` partitions (a drain, while
    /// this member still owns them), or for every partition it owns. A partition whose task
    /// was taken away (revoked, drained) is never committed by a later periodic commit.
    fn commit(&self, consumer: &BaseConsumer<WorkerContext>, mode: CommitMode, only: Option<&[Tp]>) {
        let done = self.done.lock().unwrap().clone();
        let owned: std::collections::HashSet<Tp> = self.parts.lock().unwrap().keys().cloned().collect();
        let mut committed = self.committed.lock().unwrap();
        let mut tpl = TopicPartitionList::new();
        for (tp, off) in &done {
            let allowed = match only {
                Some(o) => o.contains(tp),
                None => owned.contains(tp),
            };
            if !allowed || committed.get(tp) == Some(off) {
                continue;
            }
            let _ = tpl.add_partition_offset(&tp.0, tp.1, Offset::Offset(*off));
        }
        if tpl.count() == 0 {
            return;
        }
        match consumer.commit(&tpl, mode) {
            Ok(()) => {
                for e in tpl.elements() {
                    if let Offset::Offset(o) = e.offset() {
                        committed.insert((e.topic().to_string(), e.partition()), o);
                    }
                }
            }
            Err(e) => {
                self.metrics.worker_commit_failed.get_or_create(&vec![("worker", self.handler.name())]).inc();
                tracing::warn!(worker = self.handler.name(), error = %e, "offset commit failed; will retry");
            }
        }
    }

    /// An async commit's answer: a failure un-marks those offsets so the next commit
    /// sends them again.
    fn committed_answer(&self, result: &rdkafka::error::KafkaResult<()>, offsets: &TopicPartitionList) {
        let Err(e) = result else {
            self.commits_ok.fetch_add(1, Ordering::SeqCst);
            return;
        };
        self.metrics.worker_commit_failed.get_or_create(&vec![("worker", self.handler.name())]).inc();
        tracing::warn!(worker = self.handler.name(), error = %e, "offset commit failed; will retry");
        let mut committed = self.committed.lock().unwrap();
        for el in offsets.elements() {
            let tp = (el.topic().to_string(), el.partition());
            if let Offset::Offset(o) = el.offset() {
                if committed.get(&tp) == Some(&o) {
                    committed.remove(&tp);
                }
            }
        }
    }

    /// Stop the given partitions' tasks after they finish what they hold, then commit.
    fn drain(&self, consumer: &BaseConsumer<WorkerContext>, tps: &[Tp]) {
        self.finish_tasks(tps);
        self.commit(consumer, CommitMode::Sync, Some(tps));
        self.forget(tps);
    }

    /// What is done and committed for `tps` is no longer this member's to commit.
    fn forget(&self, tps: &[Tp]) {
        let mut done = self.done.lock().unwrap();
        let mut committed = self.committed.lock().unwrap();
        for tp in tps {
            done.remove(tp);
            committed.remove(tp);
        }
    }

    /// Stop the given partitions' tasks after they finish what they hold (bounded by the
    /// drain timeout).
    fn finish_tasks(&self, tps: &[Tp]) {
        let parts: Vec<(Tp, Part)> = {
            let mut map = self.parts.lock().unwrap();
            tps.iter().filter_map(|tp| map.remove(tp).map(|p| (tp.clone(), p))).collect()
        };
        let deadline = Instant::now() + self.opts.drain_timeout;
        for (tp, part) in parts {
            // Stashed records were never handed over: the next owner gets them again.
            drop(part.tx);
            let left = deadline.saturating_duration_since(Instant::now());
            let mut task = part.task;
            if self.rt.block_on(async { tokio::time::timeout(left, &mut task).await }).is_err() {
                // Abort it: its records go to the next owner (at least once); its offset
                // stays where the last finished record put it.
                task.abort();
                let _ = self.rt.block_on(task);
                self.metrics.worker_drain_aborted.get_or_create(&vec![("worker", self.handler.name())]).inc();
                tracing::warn!(worker = self.handler.name(), topic = %tp.0, partition = tp.1, "in-flight work did not drain in time: aborted");
            }
        }
    }
}

/// A running worker; [`WorkerHandle::stop`] drains and commits.
pub struct WorkerHandle {
    /// The worker's name (its group), as its metrics are labelled.
    pub name: &'static str,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl WorkerHandle {
    pub async fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = tokio::task::spawn_blocking(move || t.join()).await;
        }
    }
}

/// Start `handler` as a member of its consumer group. Must be called inside a Tokio
/// runtime (partition tasks run on it).
pub fn start(
    kafka: &KafkaSettings,
    handler: Arc<dyn Handler>,
    opts: WorkerOptions,
    metrics: Arc<Metrics>,
) -> Result<WorkerHandle> {
    let name = handler.name();
    let mut config = kafka.worker_config(handler.name());
    // librdkafka statistics (only the lag gauge is read from them): building and parsing
    // them is a good part of an idle worker's CPU at shorter intervals.
    config.set("statistics.interval.ms", "15000");
    for (k, v) in &opts.consumer_props {
        config.set(k, v);
    }
    let shared = Arc::new(Shared {
        dlq: dlq::DeadLetters::new(
            kafka,
            crate::quarantine::Quarantine::new(opts.quarantine_dir.join(format!("{}.jsonl", handler.name()))),
            metrics.clone(),
        )?,
        handler: handler.clone(),
        opts,
        rt: tokio::runtime::Handle::current(),
        parts: Mutex::new(HashMap::new()),
        done: Mutex::new(HashMap::new()),
        committed: Mutex::new(HashMap::new()),
        metrics,
        unavailable: std::sync::atomic::AtomicI64::new(0),
        rebalances: std::sync::atomic::AtomicU64::new(0),
        commits_ok: std::sync::atomic::AtomicU64::new(0),
    });
    let member = {
        let shared = shared.clone();
        move || -> Result<BaseConsumer<WorkerContext>> {
            let consumer: BaseConsumer<WorkerContext> = config
                .create_with_context(WorkerContext { shared: shared.clone() })
                .map_err(crate::kafka::config_error)?;
            let topics = shared.handler.topics();
            let refs: Vec<&str> = topics.iter().map(String::as_str).collect();
            consumer.subscribe(&refs)?;
            Ok(consumer)
        }
    };
    let mut consumer = member()?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let watch = crate::kafka::idle::LogWatch::shared(kafka).ok();
    let thread = std::thread::Builder::new().name(format!("worker-{}", handler.name())).spawn(move || loop {
        match poll_loop(consumer, shared.clone(), flag.clone(), watch.clone()) {
            Exit::Stopped => return,
            Exit::Stranded => {
                tracing::warn!(
                    worker = shared.handler.name(),
                    "no broker has answered the group for {STRANDED_AFTER:?}: joining again with a new consumer"
                );
                consumer = loop {
                    match member() {
                        Ok(c) => break c,
                        Err(e) if !flag.load(Ordering::SeqCst) => {
                            tracing::warn!(worker = shared.handler.name(), error = %e, "cannot make a new consumer");
                            std::thread::sleep(Duration::from_secs(1));
                        }
                        Err(_) => return,
                    }
                };
            }
        }
    })?;
    Ok(WorkerHandle { name, stop, thread: Some(thread) })
}

/// Why a poll loop ended.
enum Exit {
    Stopped,
    /// Only broker errors, no record and no commit answered, for [`STRANDED_AFTER`]: the
    /// consumer knows no live broker. (A client knows the brokers the cluster advertises;
    /// where each broker advertises only itself, as tansu does, losing that broker leaves
    /// the group's consumer without a coordinator, while the bootstrap list has live ones.)
    Stranded,
}

/// Shorter than librdkafka's session timeout (45 s), whose expiry revokes the assignment
/// and blocks the poll thread in a commit that waits for a coordinator it cannot find.
const STRANDED_AFTER: Duration = Duration::from_secs(30);

fn poll_loop(
    consumer: BaseConsumer<WorkerContext>,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    watch: Option<crate::kafka::idle::LogWatch>,
) -> Exit {
    let mut last_commit = Instant::now();
    let mut idle = Idle::new(watch);
    // Since when only broker errors have come, and the commits answered then.
    let mut stranded: Option<(Instant, u64)> = None;
    while !stop.load(Ordering::SeqCst) {
        if let Some((since, ok)) = stranded {
            if shared.commits_ok.load(Ordering::SeqCst) != ok {
                stranded = None;
            } else if since.elapsed() >= STRANDED_AFTER {
                // Finish what the partition tasks hold; no commit (there is no coordinator
                // to take it): the new member reads from the group's committed offsets, again
                // what was handled since (the handlers are idempotent).
                let all: Vec<Tp> = shared.parts.lock().unwrap().keys().cloned().collect();
                shared.finish_tasks(&all);
                shared.forget(&all);
                crate::kafka::dispose(consumer);
                return Exit::Stranded;
            }
        }
        flush_stashes(&consumer, &shared);
        // Idle, nothing can arrive before the next check: no point waking sooner.
        let wait = match (&idle.paused, &idle.watch) {
            (Some(_), Some(w)) => {
                w.wait(idle.watch_version, IDLE_SLEEP);
                idle.watch_version = w.version();
                idle.last_check = Instant::now() - IDLE_CHECK; // check now
                Duration::ZERO
            }
            (Some(_), None) => IDLE_CHECK * 2,
            (None, _) => Duration::from_millis(50),
        };
        match consumer.poll(wait) {
            Some(Ok(m)) => {
                stranded = None;
                idle.record();
                route(&consumer, &shared, Record::from_message(&m));
            }
            Some(Err(e)) => {
                if crate::kafka::is_transient(&e) && stranded.is_none() {
                    stranded = Some((Instant::now(), shared.commits_ok.load(Ordering::SeqCst)));
                }
                tracing::warn!(worker = shared.handler.name(), error = %e, "consumer error")
            }
            None => idle.tick(&consumer, &shared),
        }
        if last_commit.elapsed() >= shared.opts.commit_interval {
            shared.commit(&consumer, CommitMode::Async, None);
            last_commit = Instant::now();
        }
    }
    let all: Vec<Tp> = shared.parts.lock().unwrap().keys().cloned().collect();
    shared.drain(&consumer, &all);
    consumer.unsubscribe();
    Exit::Stopped
}
