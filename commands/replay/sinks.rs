//! Where `chatctl replay` puts matching records: one sink per destination (JSON Lines or a
//! table on stdout, a topic, a worker's handler, a fresh search index), each counting what
//! it wrote and what it could not.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::sync::Arc;

use chatctl::events::{Event, REPLAY_HEADER};
use chatctl::workers::search::SearchIndex;
use chatctl::workers::{Handler, HandlerError, Record};
use rdkafka::message::BorrowedMessage;
use rdkafka::producer::{DeliveryFuture, FutureProducer};
use rdkafka::Message;
use tokio::runtime::Handle;

use super::ReplayRow;
use crate::args::OutputFormat;

/// What a sink did with the records it was given.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    pub written: u64,
    pub failed: u64,
}

impl Tally {
    fn count(&mut self, ok: bool) {
        if ok {
            self.written += 1
        } else {
            self.failed += 1
        }
    }
}

/// A destination of matching records. Runs on a blocking thread (the reader's).
pub(super) trait Sink: Send {
    /// One matching record.
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()>;
    /// After the last record: wait for what is still in flight, then the tally.
    fn finish(self: Box<Self>) -> anyhow::Result<Tally>;
}

/// The payloads as they are, one per line.
pub(super) struct JsonLines {
    out: std::io::BufWriter<std::io::Stdout>,
    tally: Tally,
}

impl JsonLines {
    pub fn new() -> JsonLines {
        JsonLines { out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()), tally: Tally::default() }
    }
}

impl Sink for JsonLines {
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()> {
        self.out.write_all(msg.payload().unwrap_or_default())?;
        self.out.write_all(b"\n")?;
        self.tally.written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<Tally> {
        self.out.flush()?;
        Ok(self.tally)
    }
}

/// A table for people, printed once the read is done.
#[derive(Default)]
pub(super) struct Table {
    rows: Vec<ReplayRow>,
}

impl Sink for Table {
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()> {
        self.rows.push(ReplayRow::from(&Record::from_message(msg)));
        Ok(())
    }

    fn finish(self: Box<Self>) -> anyhow::Result<Tally> {
        if !self.rows.is_empty() {
            crate::output::Printer { format: OutputFormat::Table, is_terminal: true }.rows(&self.rows)?;
        }
        Ok(Tally { written: self.rows.len() as u64, failed: 0 })
    }
}

/// A copy to another topic: key, headers and timestamp kept, the run's id added.
pub(super) struct ToTopic {
    pub producer: FutureProducer,
    pub topic: String,
    pub run_id: String,
    pub rt: Handle,
    deliveries: Vec<DeliveryFuture>,
}

impl ToTopic {
    pub fn new(producer: FutureProducer, topic: String, run_id: String, rt: Handle) -> ToTopic {
        ToTopic { producer, topic, run_id, rt, deliveries: Vec::new() }
    }
}

impl Sink for ToTopic {
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()> {
        let rec = Record::from_message(msg);
        let mut r = rec.future_record(&self.topic, &[(REPLAY_HEADER, &self.run_id)]);
        loop {
            match self.producer.send_result(r) {
                Ok(f) => {
                    self.deliveries.push(f);
                    return Ok(());
                }
                Err((_, back)) => {
                    // Queue full: let deliveries drain.
                    std::thread::sleep(std::time::Duration::from_millis(10));
                    r = back;
                }
            }
        }
    }

    fn finish(self: Box<Self>) -> anyhow::Result<Tally> {
        let mut tally = Tally::default();
        for d in self.deliveries {
            tally.count(matches!(self.rt.block_on(d), Ok(Ok(_))));
        }
        Ok(tally)
    }
}

/// One partition's records being handled, oldest first.
type Handling = VecDeque<tokio::task::JoinHandle<Result<(), HandlerError>>>;

/// A worker's handler, with as many records of a partition in flight as the worker would
/// have, partitions alongside (its effects are then as in the worker), so that group
/// commits fill up.
pub(super) struct IntoHandler {
    handler: Arc<dyn Handler>,
    run_id: String,
    rt: Handle,
    /// Records of one partition handled at once: the handler's own window, as its worker
    /// has it (1 keeps a partition's effects in order: a summary reads the messages before
    /// it).
    per_partition: usize,
    /// What is in flight, by partition, oldest first.
    in_flight: HashMap<(String, i32), Handling>,
    tally: Tally,
}

impl IntoHandler {
    pub fn new(handler: Arc<dyn Handler>, run_id: String, rt: Handle) -> IntoHandler {
        let per_partition = handler.in_flight_per_partition().max(1);
        IntoHandler { handler, run_id, rt, per_partition, in_flight: HashMap::new(), tally: Tally::default() }
    }

    /// Hand `rec` to the handler once its partition's window has room.
    fn handle(&mut self, mut rec: Record) {
        rec.headers.push((REPLAY_HEADER.into(), Some(self.run_id.clone().into_bytes())));
        let Ok(event) = Event::decode(rec.payload.as_deref().unwrap_or_default()) else {
            self.tally.failed += 1;
            return;
        };
        // The partition's window first: with a window of 1 the record before this one is
        // finished before this one starts, as in the worker.
        let queue = self.in_flight.entry((rec.topic.clone(), rec.partition)).or_default();
        while queue.len() >= self.per_partition {
            Self::settle_one(&self.rt, &mut self.tally, queue);
        }
        let h = self.handler.clone();
        queue.push_back(self.rt.spawn(async move { h.handle(&event, &rec).await }));
    }

    /// Wait for the oldest record in flight of `queue`.
    fn settle_one(rt: &Handle, tally: &mut Tally, queue: &mut Handling) {
        if let Some(done) = queue.pop_front() {
            tally.count(matches!(rt.block_on(done), Ok(Ok(()))));
        }
    }
}

impl Sink for IntoHandler {
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()> {
        self.handle(Record::from_message(msg));
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<Tally> {
        for queue in self.in_flight.values_mut() {
            while !queue.is_empty() {
                Self::settle_one(&self.rt, &mut self.tally, queue);
            }
        }
        Ok(self.tally)
    }
}

/// `--into search --rebuild`: documents straight into a fresh index (swapped in after).
pub(super) struct IntoIndex {
    pub index: SearchIndex,
    pub rt: Handle,
    pub tally: Tally,
}

impl Sink for IntoIndex {
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()> {
        let ok = match Event::decode(msg.payload().unwrap_or_default()) {
            Ok(event) => self.index.add_bulk_blocking(&self.rt, &event).is_ok(),
            Err(_) => false,
        };
        self.tally.count(ok);
        Ok(())
    }

    fn finish(self: Box<Self>) -> anyhow::Result<Tally> {
        Ok(self.tally)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    /// Notes when each record (by offset) starts and ends; the first record is slow.
    struct Slow(Mutex<Vec<(i64, &'static str, Instant)>>);

    impl Handler for Slow {
        fn name(&self) -> &'static str {
            "slow"
        }
        fn topics(&self) -> Vec<String> {
            vec!["t".into()]
        }
        fn handle<'a>(
            &'a self,
            _event: &'a Event,
            rec: &'a Record,
        ) -> futures_util::future::BoxFuture<'a, Result<(), HandlerError>> {
            Box::pin(async move {
                self.0.lock().unwrap().push((rec.offset, "start", Instant::now()));
                if rec.offset == 0 {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                self.0.lock().unwrap().push((rec.offset, "end", Instant::now()));
                Ok(())
            })
        }
    }

    fn record(partition: i32, offset: i64) -> Record {
        let event = Event::new("s", "n", chatctl::events::examples()[0].clone());
        Record {
            topic: "t".into(),
            partition,
            offset,
            timestamp: None,
            key: None,
            payload: Some(event.to_json()),
            headers: Vec::new(),
        }
    }

    /// The summaries test's rebuild missed a turn's question now and then: replay handed a
    /// partition's records to the handler several at a time, so a turn's summary (its
    /// answer) could be written before its question was kept. A partition's records are
    /// handled one after the other now (the handler's window, 1), other partitions alongside.
    #[test]
    fn a_partition_s_records_are_handled_in_order_other_partitions_alongside() {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let handler = Arc::new(Slow(Mutex::new(Vec::new())));
        let mut sink = Box::new(IntoHandler::new(handler.clone(), "run".into(), rt.handle().clone()));
        sink.handle(record(0, 0));
        sink.handle(record(1, 10));
        sink.handle(record(0, 1));
        let tally = (sink as Box<dyn Sink>).finish().unwrap();
        assert_eq!(tally.written, 3);
        let seen = handler.0.lock().unwrap().clone();
        let at = |offset: i64, what: &str| seen.iter().find(|s| s.0 == offset && s.1 == what).unwrap().2;
        assert!(at(1, "start") >= at(0, "end"), "offset 1 started before offset 0 of its partition ended: {seen:?}");
        assert!(at(10, "start") < at(0, "end"), "the other partition waited: {seen:?}");
    }
}
