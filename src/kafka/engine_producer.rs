//! The engine's long-lived producer: rdkafka's `BaseProducer` with chatctl's own delivery
//! thread, which sleeps until librdkafka puts something on the producer's queue.
//!
//! rdkafka's `FutureProducer` serves its delivery reports from a thread calling
//! `poll(100 ms)` forever: ten wake-ups a second per idle producer, and each `poll` loops
//! until its deadline passing the time left in milliseconds, truncated, so its last fraction
//! of a millisecond is non-blocking polls in a loop (~1% of a core per idle producer;
//! BENCHMARKS.md "Idle engine"). Here librdkafka calls us when the queue goes from empty to
//! non-empty (`rd_kafka_queue_cb_event_enable`, the wake-up rdkafka's `StreamConsumer`
//! uses); the thread then serves the queue with non-blocking polls until it is empty and
//! sleeps again. Idle, it never wakes (a 10 s safety net aside); dropped, it stops at once.

use std::ffi::c_void;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rdkafka::bindings as rdsys;
use rdkafka::client::ClientContext;
use rdkafka::config::{ClientConfig, FromClientConfigAndContext};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Message, ToBytes};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, FutureRecord, Producer, ProducerContext};

/// Where a record landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub partition: i32,
    pub offset: i64,
}

/// The broker's answer for one record: where it landed, or why it was not written. Closed
/// without an answer when the producer went away first.
pub type Receipt = tokio::sync::oneshot::Receiver<Result<Delivered, KafkaError>>;

/// What the broker's answer for one record goes to: a [`Receipt`], or a call made on the
/// delivery thread (no task woken, no channel: the event path's hot case, see
/// [`EngineProducer::send_then`]).
enum Answer {
    Receipt(tokio::sync::oneshot::Sender<Result<Delivered, KafkaError>>),
    Call(Box<dyn FnOnce(Result<Delivered, KafkaError>) + Send + Sync>),
}

/// A record whose answer is a call, given back when librdkafka refused it at once.
pub type Refused<'a, K, P> =
    (KafkaError, FutureRecord<'a, K, P>, Box<dyn FnOnce(Result<Delivered, KafkaError>) + Send + Sync>);

/// How long the delivery thread sleeps without being called: only a safety net, librdkafka
/// wakes it for every delivery report.
const SAFETY_NET: Duration = Duration::from_secs(10);

/// Each record carries where its answer goes.
struct Acks;

impl ClientContext for Acks {}

impl ProducerContext for Acks {
    type DeliveryOpaque = Box<Answer>;

    fn delivery(&self, result: &DeliveryResult<'_>, answer: Box<Answer>) {
        let r = match result {
            Ok(m) => Ok(Delivered { partition: m.partition(), offset: m.offset() }),
            Err((e, _)) => Err(e.clone()),
        };
        match *answer {
            Answer::Receipt(tx) => {
                let _ = tx.send(r);
            }
            Answer::Call(f) => f(r),
        }
    }
}

/// The delivery thread's doorbell: rung by librdkafka (queue no longer empty) or by `Drop`.
#[derive(Default)]
struct Bell {
    state: Mutex<Rung>,
    cond: Condvar,
}

#[derive(Default)]
struct Rung {
    pending: bool,
    stop: bool,
}

impl Bell {
    fn ring(&self, stop: bool) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.pending = true;
        s.stop |= stop;
        self.cond.notify_one();
    }

    /// Wait for a ring (or the safety net); false once stopped.
    fn wait(&self) -> bool {
        let s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (mut s, _) = self.cond.wait_timeout_while(s, SAFETY_NET, |s| !s.pending).unwrap_or_else(|p| p.into_inner());
        s.pending = false;
        !s.stop
    }
}

/// Called by librdkafka, on one of its threads, when the producer's queue goes from empty to
/// non-empty. It must not call back into librdkafka: it only rings.
unsafe extern "C" fn queue_not_empty(_rk: *mut rdsys::rd_kafka_t, bell: *mut c_void) {
    // SAFETY: `bell` is the `Arc<Bell>` given in `Delivery::start`, kept alive by the
    // delivery thread until after it has removed this callback.
    let bell = unsafe { &*(bell as *const Bell) };
    bell.ring(false);
}

/// A handle on the producer's main queue (the one its delivery reports arrive on).
struct MainQueue(*mut rdsys::rd_kafka_queue_t);

impl MainQueue {
    fn of(producer: &BaseProducer<Acks>) -> MainQueue {
        // SAFETY: a valid client; the new reference is released in Drop.
        MainQueue(unsafe { rdsys::rd_kafka_queue_get_main(producer.client().native_ptr()) })
    }

    fn len(&self) -> usize {
        // SAFETY: a live queue reference.
        unsafe { rdsys::rd_kafka_queue_length(self.0) }
    }

    fn call_on_arrival(&self, bell: Option<&Arc<Bell>>) {
        let (cb, opaque) = match bell {
            Some(b) => (Some(queue_not_empty as unsafe extern "C" fn(_, _)), Arc::as_ptr(b) as *mut c_void),
            None => (None, std::ptr::null_mut()),
        };
        // SAFETY: a live queue reference; librdkafka swaps the callback under the queue's
        // lock, so once it is removed no call is running or will start.
        unsafe { rdsys::rd_kafka_queue_cb_event_enable(self.0, cb, opaque) }
    }
}

impl Drop for MainQueue {
    fn drop(&mut self) {
        // SAFETY: the reference taken in `of`, released once.
        unsafe { rdsys::rd_kafka_queue_destroy(self.0) }
    }
}

/// The delivery thread: serve the queue until it is empty, sleep until rung, again.
fn serve(producer: Arc<BaseProducer<Acks>>, bell: Arc<Bell>) {
    let queue = MainQueue::of(&producer);
    queue.call_on_arrival(Some(&bell));
    loop {
        // Each non-blocking poll takes one event off the queue (a delivery report may hold
        // many records); what arrives meanwhile is seen by the next length check or rings.
        while queue.len() > 0 {
            producer.poll(Duration::ZERO);
        }
        if !bell.wait() {
            break;
        }
    }
    queue.call_on_arrival(None);
    drop(queue);
    // The last reference: librdkafka's own shutdown (purge, then answer what it purged).
    drop(producer);
    drop(bell);
}

/// The producer the engine's events and dead letters go through ([`KafkaSettings::shared_producer`]).
///
/// [`KafkaSettings::shared_producer`]: super::KafkaSettings::shared_producer
pub struct EngineProducer {
    producer: Arc<BaseProducer<Acks>>,
    bell: Arc<Bell>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl EngineProducer {
    pub fn new(config: &ClientConfig) -> Result<EngineProducer, KafkaError> {
        let producer = Arc::new(BaseProducer::from_config_and_context(config, Acks)?);
        let bell = Arc::new(Bell::default());
        let (p, b) = (producer.clone(), bell.clone());
        let thread = std::thread::Builder::new()
            .name("chatctl-deliveries".into())
            .spawn(move || serve(p, b))
            .map_err(|e| KafkaError::ClientCreation(format!("delivery thread: {e}")))?;
        Ok(EngineProducer { producer, bell, thread: Some(thread) })
    }

    /// Queue `record`; its [`Receipt`] answers when the broker has. A full queue or a record
    /// librdkafka refuses at once is an error here, with the record back.
    #[allow(clippy::result_large_err)] // the record is given back, as rdkafka's own send does
    pub fn send_result<'a, K, P>(
        &self,
        record: FutureRecord<'a, K, P>,
    ) -> Result<Receipt, (KafkaError, FutureRecord<'a, K, P>)>
    where
        K: ToBytes + ?Sized,
        P: ToBytes + ?Sized,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.queue(record, Answer::Receipt(tx)).map(|()| rx).map_err(|(e, r, _)| (e, r))
    }

    /// Queue `record`; `then` is called with the broker's answer, on the delivery thread (it
    /// must be quick and must not block: count, settle, or hand the record to a task). A
    /// full queue or a record librdkafka refuses at once is an error here, with the record
    /// and `then` back. The answer is always given: when the producer is dropped with the
    /// record still queued, librdkafka answers it with its purge error.
    #[allow(clippy::result_large_err)]
    pub fn send_then<'a, K, P>(
        &self,
        record: FutureRecord<'a, K, P>,
        then: Box<dyn FnOnce(Result<Delivered, KafkaError>) + Send + Sync>,
    ) -> Result<(), Refused<'a, K, P>>
    where
        K: ToBytes + ?Sized,
        P: ToBytes + ?Sized,
    {
        self.queue(record, Answer::Call(then)).map_err(|(e, r, answer)| match answer {
            Answer::Call(f) => (e, r, f),
            Answer::Receipt(_) => unreachable!("queued as a call"),
        })
    }

    #[allow(clippy::result_large_err)]
    fn queue<'a, K, P>(
        &self,
        record: FutureRecord<'a, K, P>,
        answer: Answer,
    ) -> Result<(), (KafkaError, FutureRecord<'a, K, P>, Answer)>
    where
        K: ToBytes + ?Sized,
        P: ToBytes + ?Sized,
    {
        let base = BaseRecord {
            topic: record.topic,
            partition: record.partition,
            payload: record.payload,
            key: record.key,
            timestamp: record.timestamp,
            headers: record.headers,
            delivery_opaque: Box::new(answer),
        };
        match self.producer.send(base) {
            Ok(()) => Ok(()),
            Err((e, b)) => Err((
                e,
                FutureRecord {
                    topic: b.topic,
                    partition: b.partition,
                    payload: b.payload,
                    key: b.key,
                    timestamp: b.timestamp,
                    headers: b.headers,
                },
                *b.delivery_opaque,
            )),
        }
    }

    /// Send `record` and wait for the broker's answer; a full local queue is waited out for
    /// up to `queue_timeout` (as rdkafka's `FutureProducer::send`).
    pub async fn send<K, P>(
        &self,
        mut record: FutureRecord<'_, K, P>,
        queue_timeout: Duration,
    ) -> Result<Delivered, KafkaError>
    where
        K: ToBytes + ?Sized,
        P: ToBytes + ?Sized,
    {
        let until = tokio::time::Instant::now() + queue_timeout;
        loop {
            match self.send_result(record) {
                Ok(receipt) => return receipt.await.unwrap_or(Err(KafkaError::Canceled)),
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), r))
                    if tokio::time::Instant::now() < until =>
                {
                    record = r;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                Err((e, _)) => return Err(e),
            }
        }
    }

    /// Wait until everything queued is acknowledged, or `timeout`.
    pub fn flush(&self, timeout: Duration) -> Result<(), KafkaError> {
        self.producer.flush(timeout)
    }

    /// Records queued in librdkafka and not yet answered.
    pub fn in_flight_count(&self) -> i32 {
        self.producer.in_flight_count()
    }
}

impl Drop for EngineProducer {
    fn drop(&mut self) {
        self.bell.ring(true);
        // The thread destroys the client once it stops: the process waits for it at exit.
        if let Some(t) = self.thread.take() {
            super::winding_down(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::mocking::MockCluster;

    fn config(cluster: &MockCluster<'_, rdkafka::producer::DefaultProducerContext>) -> ClientConfig {
        let mut c = ClientConfig::new();
        c.set("bootstrap.servers", cluster.bootstrap_servers()).set("linger.ms", "0");
        c
    }

    #[tokio::test]
    async fn receipts_answer_after_an_idle_spell_and_the_thread_ends_with_the_producer() {
        let cluster = MockCluster::new(1).unwrap();
        cluster.create_topic("t", 3, 1).unwrap();
        let producer = EngineProducer::new(&config(&cluster)).unwrap();
        // The delivery thread holds the client too: it is released when the thread ends.
        let client = Arc::downgrade(&producer.producer);

        let payloads: Vec<String> = (0..300).map(|i| format!("v{i}")).collect();
        let receipts: Vec<Receipt> = payloads
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let record = FutureRecord::<str, str>::to("t").partition(i as i32 % 3).payload(v);
                producer.send_result(record).map_err(|(e, _)| e).unwrap()
            })
            .collect();
        let mut next = [0i64; 3];
        for (i, r) in receipts.into_iter().enumerate() {
            let d = r.await.unwrap().unwrap();
            assert_eq!(d.partition, i as i32 % 3);
            assert_eq!(d.offset, next[d.partition as usize], "offsets in send order");
            next[d.partition as usize] += 1;
        }

        // The queue has been empty for a while: the next report must wake the thread
        // (librdkafka's callback), not wait for the 10 s safety net.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let sent = tokio::time::Instant::now();
        let d = producer.send(FutureRecord::<str, str>::to("t").partition(1).payload("late"), Duration::from_secs(1));
        let d = tokio::time::timeout(Duration::from_secs(5), d).await.expect("answered before the safety net").unwrap();
        assert_eq!((d.partition, d.offset), (1, 100));
        assert!(sent.elapsed() < SAFETY_NET / 2);

        drop(producer);
        let until = std::time::Instant::now() + Duration::from_secs(5);
        while client.upgrade().is_some() && std::time::Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(client.upgrade().is_none(), "the delivery thread stops with its producer and lets the client go");
    }

    #[tokio::test]
    async fn calls_are_answered_on_the_delivery_thread_acknowledged_or_refused() {
        let cluster = MockCluster::new(1).unwrap();
        cluster.create_topic("t", 2, 1).unwrap();
        let mut c = config(&cluster);
        c.set("message.timeout.ms", "1000");
        let producer = EngineProducer::new(&c).unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        // Partition 0 exists, partition 9 does not: one acknowledged, one refused, each
        // answered once, with where it landed or why not.
        for (i, partition) in [(0, 0), (1, 0), (2, 9)] {
            let tx = tx.clone();
            let then = Box::new(move |r: Result<Delivered, KafkaError>| {
                let _ = tx.send((i, std::thread::current().name().map(str::to_string), r));
            });
            let record = FutureRecord::<str, str>::to("t").partition(partition).payload("x");
            assert!(producer.send_then(record, then).is_ok());
        }
        drop(tx);
        let mut answers = Vec::new();
        while let Some(a) = tokio::time::timeout(Duration::from_secs(10), rx.recv()).await.expect("answered") {
            answers.push(a);
        }
        answers.sort_by_key(|a| a.0);
        assert_eq!(answers.len(), 3, "each record answered once");
        assert_eq!(answers[0].2.as_ref().unwrap(), &Delivered { partition: 0, offset: 0 });
        assert_eq!(answers[1].2.as_ref().unwrap(), &Delivered { partition: 0, offset: 1 });
        assert!(
            matches!(answers[2].2, Err(KafkaError::MessageProduction(RDKafkaErrorCode::UnknownPartition))),
            "{:?}",
            answers[2].2
        );
        assert!(answers.iter().all(|a| a.1.as_deref() == Some("chatctl-deliveries")), "on the delivery thread");
    }

    #[tokio::test]
    async fn an_unknown_partition_is_answered_with_the_brokers_error() {
        let cluster = MockCluster::new(1).unwrap();
        cluster.create_topic("t", 1, 1).unwrap();
        let mut c = config(&cluster);
        c.set("message.timeout.ms", "1000");
        let producer = EngineProducer::new(&c).unwrap();
        let answer =
            producer.send(FutureRecord::<str, str>::to("t").partition(7).payload("x"), Duration::from_secs(1)).await;
        assert!(matches!(answer, Err(KafkaError::MessageProduction(RDKafkaErrorCode::UnknownPartition))), "{answer:?}");
    }
}
