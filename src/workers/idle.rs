//! The idle state machine of a worker's poll loop: caught up, it pauses its partitions and
//! waits for a log end to move (see `kafka::idle`), instead of fetching empty batches.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Offset, TopicPartitionList};

use super::{Shared, WorkerContext};

/// After this long without a record, with nothing queued, a worker goes idle.
pub(super) const IDLE_AFTER: Duration = Duration::from_secs(1);
/// How often an idle worker asks for the log ends of its partitions (with no shared
/// watcher), or at the longest sleeps between two polls of its consumer (with one: the
/// watcher wakes it when an end moves; the poll serves rebalances).
pub(super) const IDLE_CHECK: Duration = Duration::from_millis(100);
pub(super) const IDLE_SLEEP: Duration = Duration::from_secs(1);

/// A caught-up worker pauses its partitions and asks for their log ends every
/// [`IDLE_CHECK`], resuming as soon as one moved (see `kafka::idle`).
pub(super) struct Idle {
    pub(super) watch: Option<crate::kafka::idle::LogWatch>,
    pub(super) last_record: Instant,
    /// The assignment paused, and the next offset to read per partition.
    pub(super) paused: Option<(TopicPartitionList, crate::kafka::idle::Positions)>,
    /// `Shared::rebalances` when it was paused.
    pub(super) paused_at: u64,
    /// The watcher's version when last looked at.
    pub(super) watch_version: u64,
    pub(super) last_check: Instant,
}

impl Idle {
    pub(super) fn new(watch: Option<crate::kafka::idle::LogWatch>) -> Self {
        Idle {
            watch,
            last_record: Instant::now(),
            paused: None,
            paused_at: 0,
            watch_version: 0,
            last_check: Instant::now(),
        }
    }

    pub(super) fn record(&mut self) {
        self.last_record = Instant::now();
    }

    pub(super) fn tick(&mut self, consumer: &BaseConsumer<WorkerContext>, shared: &Shared) {
        match self.paused.take() {
            None => self.pause_if_caught_up(consumer, shared),
            Some((assigned, next)) => self.check_paused(assigned, next, consumer, shared),
        }
    }

    /// Running: pause the assignment once nothing came for [`IDLE_AFTER`] and the worker is
    /// caught up on every partition.
    fn pause_if_caught_up(&mut self, consumer: &BaseConsumer<WorkerContext>, shared: &Shared) {
        if self.last_record.elapsed() < IDLE_AFTER || !shared.quiet() {
            return;
        }
        let generation = shared.rebalances.load(Ordering::SeqCst);
        let Ok(assigned) = consumer.assignment() else { return };
        if assigned.count() == 0 {
            return;
        }
        let Some(next) = caught_up_at(consumer, &assigned, shared) else {
            // Something to read, or a place that cannot be told yet: keep fetching, and ask
            // again after IDLE_AFTER, not every poll.
            self.record();
            return;
        };
        if consumer.pause(&assigned).is_ok() {
            if let Some(w) = &self.watch {
                self.watch_version = w.version();
                w.watch(&assigned);
            }
            tracing::debug!(worker = shared.handler.name(), "caught up: paused until the log moves");
            self.paused = Some((assigned, next));
            self.paused_at = generation;
            self.last_check = Instant::now();
        }
    }

    /// Paused: every [`IDLE_CHECK`], resume if a rebalance replaced the assignment or a
    /// log end moved past where the worker stands.
    fn check_paused(
        &mut self,
        assigned: TopicPartitionList,
        next: crate::kafka::idle::Positions,
        consumer: &BaseConsumer<WorkerContext>,
        shared: &Shared,
    ) {
        if self.last_check.elapsed() < IDLE_CHECK {
            self.paused = Some((assigned, next));
            return;
        }
        self.last_check = Instant::now();
        // A rebalance replaced the assignment (new partitions are not paused).
        if shared.rebalances.load(Ordering::SeqCst) != self.paused_at {
            if let Some(w) = &self.watch {
                w.unwatch(&assigned);
            }
            self.record();
            return;
        }
        let moved = match &self.watch {
            Some(w) => w.behind(&next),
            None => crate::kafka::idle::behind(consumer, &assigned, &next, shared.opts.idle_timeout),
        };
        if moved && crate::kafka::idle::resume(consumer, &assigned, shared.opts.idle_timeout).is_ok() {
            if let Some(w) = &self.watch {
                w.unwatch(&assigned);
            }
            tracing::debug!(worker = shared.handler.name(), "new records: fetching again");
            self.record();
        } else {
            self.paused = Some((assigned, next));
        }
    }
}

/// Where each assigned partition stands, if the worker is caught up on all of them: the
/// consumer's position, else (nothing read since the assignment) the group's committed
/// offset, else 0 where the log is empty. `None`: there is something to read, or a
/// partition's place cannot be told (the broker did not answer in time).
fn caught_up_at(
    consumer: &BaseConsumer<WorkerContext>,
    assigned: &TopicPartitionList,
    shared: &Shared,
) -> Option<crate::kafka::idle::Positions> {
    let timeout = shared.opts.idle_timeout;
    let mut next = HashMap::new();
    if let Ok(pos) = consumer.position() {
        for e in pos.elements() {
            if let Offset::Offset(o) = e.offset() {
                next.insert((e.topic().to_string(), e.partition()), o);
            }
        }
    }
    if next.len() < assigned.count() {
        if let Ok(c) = consumer.committed_offsets(assigned.clone(), timeout) {
            for e in c.elements() {
                if let Offset::Offset(o) = e.offset() {
                    next.entry((e.topic().to_string(), e.partition())).or_insert(o);
                }
            }
        }
    }
    if next.len() < assigned.count() {
        // Nothing read and nothing committed: the worker starts at the log start
        // (`auto.offset.reset` = earliest), so it is caught up only where the log is empty.
        // (Not asked as offsets-for-times(earliest): tansu on SQLite answers that slowly
        // under a backlog, and the questions then queue ahead of this consumer's fetches on
        // the same connection: seen as a new group that never received a record.)
        let ends = crate::kafka::idle::ends(consumer, assigned, timeout);
        for e in assigned.elements() {
            let key = (e.topic().to_string(), e.partition());
            if next.contains_key(&key) {
                continue;
            }
            if ends.get(&key) != Some(&0) {
                return None;
            }
            next.insert(key, 0);
        }
    }
    // Only when truly caught up: a slow first fetch (a big backlog) must not be mistaken
    // for idleness (a pause drops what librdkafka prefetched).
    if crate::kafka::idle::behind(consumer, assigned, &next, timeout) {
        return None;
    }
    Some(next)
}
