//! The consumer side of a worker: its librdkafka context (statistics, commits, rebalances)
//! and how polled records reach their partition's task (a queue, a stash, pause and resume).

use super::*;

pub struct WorkerContext {
    pub(super) shared: Arc<Shared>,
}

impl ClientContext for WorkerContext {
    fn stats(&self, stats: Statistics) {
        let lag: i64 = stats
            .topics
            .values()
            .flat_map(|t| t.partitions.values())
            .filter(|p| p.partition >= 0 && p.consumer_lag >= 0)
            .map(|p| p.consumer_lag)
            .sum();
        self.shared.metrics.worker_lag.get_or_create(&vec![("worker", self.shared.handler.name())]).set(lag);
    }
}

impl ConsumerContext for WorkerContext {
    fn commit_callback(&self, result: rdkafka::error::KafkaResult<()>, offsets: &TopicPartitionList) {
        self.shared.committed_answer(&result, offsets);
    }

    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        self.shared.rebalances.fetch_add(1, Ordering::SeqCst);
        if let Rebalance::Revoke(tpl) = rebalance {
            let tps: Vec<Tp> = tpl.elements().iter().map(|e| (e.topic().to_string(), e.partition())).collect();
            tracing::info!(worker = self.shared.handler.name(), partitions = tps.len(), "revoked: draining");
            self.shared.metrics.worker_revokes.get_or_create(&vec![("worker", self.shared.handler.name())]).inc();
            self.shared.drain(consumer, &tps);
        }
    }
}

pub(super) fn route(consumer: &BaseConsumer<WorkerContext>, shared: &Arc<Shared>, rec: Record) {
    let tp = (rec.topic.clone(), rec.partition);
    let mut parts = shared.parts.lock().unwrap();
    let part = parts.entry(tp.clone()).or_insert_with(|| shared.spawn_partition(&tp));
    if part.stash.is_empty() {
        if let Err(mpsc::error::TrySendError::Full(rec)) = part.tx.try_send(rec) {
            part.stash.push_back(rec);
        }
    } else {
        part.stash.push_back(rec);
    }
    // Pause only when the handler is well behind: a pause makes librdkafka drop what it
    // prefetched for the partition and fetch it again on resume.
    if part.stash.len() >= shared.opts.partition_queue && !part.paused {
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition(&tp.0, tp.1);
        if consumer.pause(&tpl).is_ok() {
            part.paused = true;
        }
    }
}

pub(super) fn flush_stashes(consumer: &BaseConsumer<WorkerContext>, shared: &Shared) {
    let mut parts = shared.parts.lock().unwrap();
    for ((topic, partition), part) in parts.iter_mut() {
        while let Some(rec) = part.stash.pop_front() {
            match part.tx.try_send(rec) {
                Ok(()) => {}
                Err(mpsc::error::TrySendError::Full(rec)) | Err(mpsc::error::TrySendError::Closed(rec)) => {
                    part.stash.push_front(rec);
                    break;
                }
            }
        }
        if part.stash.is_empty() && part.paused {
            let mut tpl = TopicPartitionList::new();
            tpl.add_partition(topic, *partition);
            if consumer.resume(&tpl).is_ok() {
                part.paused = false;
            }
        }
    }
}
