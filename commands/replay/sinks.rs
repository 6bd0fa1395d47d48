//! Where `chatctl replay` puts matching records: one sink per destination (JSON Lines or a
//! table on stdout, a topic, a worker's handler, a fresh search index), each counting what
//! it wrote and what it could not.

use std::collections::VecDeque;
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

/// A worker's handler, with as many records in flight as the worker would have over these
/// partitions (its effects are then order-free), so that group commits fill up.
pub(super) struct IntoHandler {
    handler: Arc<dyn Handler>,
    run_id: String,
    rt: Handle,
    window: usize,
    in_flight: VecDeque<tokio::task::JoinHandle<Result<(), HandlerError>>>,
    tally: Tally,
}

impl IntoHandler {
    pub fn new(handler: Arc<dyn Handler>, partitions: usize, run_id: String, rt: Handle) -> IntoHandler {
        let window = handler.in_flight_per_partition().max(1) * partitions.max(1);
        IntoHandler { handler, run_id, rt, window, in_flight: VecDeque::new(), tally: Tally::default() }
    }

    fn settle_one(&mut self) {
        if let Some(done) = self.in_flight.pop_front() {
            self.tally.count(matches!(self.rt.block_on(done), Ok(Ok(()))));
        }
    }
}

impl Sink for IntoHandler {
    fn take(&mut self, msg: &BorrowedMessage<'_>) -> chatctl::Result<()> {
        let mut rec = Record::from_message(msg);
        rec.headers.push((REPLAY_HEADER.into(), Some(self.run_id.clone().into_bytes())));
        let Ok(event) = Event::decode(rec.payload.as_deref().unwrap_or_default()) else {
            self.tally.failed += 1;
            return Ok(());
        };
        let h = self.handler.clone();
        self.in_flight.push_back(self.rt.spawn(async move { h.handle(&event, &rec).await }));
        while self.in_flight.len() >= self.window {
            self.settle_one();
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<Tally> {
        while !self.in_flight.is_empty() {
            self.settle_one();
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
