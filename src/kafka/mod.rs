//! Kafka plumbing: the one place that turns settings into librdkafka client configs, plus
//! the admin, producer and partitioner pieces built on them.

pub mod admin;
pub mod diagnose;
#[allow(unsafe_code)] // librdkafka's queue events, each block with its SAFETY note
pub mod engine_producer;
#[allow(unsafe_code)] // librdkafka's Admin API (groups), see the module's SAFETY note
pub mod groups;
pub mod idle;
pub mod partitioner;
pub mod producer;

use std::time::Duration;

use rdkafka::admin::AdminClient;
use rdkafka::client::DefaultClientContext;
use rdkafka::config::{ClientConfig, FromClientConfig};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::metadata::Metadata;

use crate::error::{Error, Result};

/// What every Kafka client of chatctl is built from (its `Debug` masks secrets).
#[derive(Clone)]
pub struct KafkaSettings {
    pub brokers: String,
    /// librdkafka properties passed through verbatim (`-X key=value`); applied last, so
    /// they override chatctl's defaults.
    pub props: Vec<(String, String)>,
    pub client_id: String,
    /// Bound on any single broker request chatctl waits for.
    pub timeout: Duration,
}

impl std::fmt::Debug for KafkaSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let props: Vec<(&str, std::borrow::Cow<str>)> =
            self.props.iter().map(|(k, v)| (k.as_str(), crate::security::shown(k, v))).collect();
        f.debug_struct("KafkaSettings")
            .field("brokers", &self.brokers)
            .field("props", &props)
            .field("client_id", &self.client_id)
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl KafkaSettings {
    pub fn new(brokers: impl Into<String>) -> Self {
        KafkaSettings {
            brokers: brokers.into(),
            props: Vec::new(),
            client_id: "chatctl".into(),
            timeout: Duration::from_secs(10),
        }
    }

    fn base(&self, defaults: &[(&str, &str)]) -> ClientConfig {
        let mut c = ClientConfig::new();
        c.set("bootstrap.servers", &self.brokers).set("client.id", &self.client_id);
        // Fail fast on an unreachable address instead of librdkafka's 30 s default.
        let connect_ms = self.timeout.as_millis().clamp(1000, 30_000).to_string();
        c.set("socket.connection.setup.timeout.ms", &connect_ms);
        // KIP-714 client metrics: librdkafka asks every broker for a telemetry subscription
        // and asks again when the broker has none to give (tansu: ~3 requests/s from an
        // idle engine). chatctl exports its own metrics; -X enable.metrics.push=true
        // turns pushing back on.
        c.set("enable.metrics.push", "false");
        for (k, v) in defaults {
            c.set(*k, *v);
        }
        for (k, v) in &self.props {
            c.set(k, v);
        }
        c
    }

    /// Idempotent, `acks=all`, lz4, Java-compatible partitioning (so `chatctl session`
    /// can compute a key's partition).
    pub fn producer_config(&self) -> ClientConfig {
        self.base(&[
            ("enable.idempotence", "true"),
            ("acks", "all"),
            ("compression.type", "lz4"),
            ("partitioner", "murmur2_random"),
            ("linger.ms", "5"),
        ])
    }

    /// The engine's producer (the gateway's events, the workers' dead letters): never gives
    /// up on a record. While the broker is away the idempotent producer retries; the
    /// gateway's spool and the workers' uncommitted offsets hold what waits on it.
    ///
    /// It lingers 20 ms (`-X linger.ms=N` to change it): no client waits on it (a chat
    /// waits only for the spool), and a gateway's events spread over 24 partitions, so at
    /// 5 ms most batches carried a record or two; fewer, fuller requests cost the gateway
    /// and the broker less (BENCHMARKS.md, 2026-12-08 03:10).
    pub fn engine_producer_config(&self) -> ClientConfig {
        let mut c = self.producer_config();
        c.set("message.timeout.ms", "0").set("queue.buffering.max.messages", "1000000").set("linger.ms", "20");
        for (k, v) in &self.props {
            c.set(k, v);
        }
        c
    }

    /// A consumer of `group` that never commits or stores offsets on its own.
    pub fn consumer_config(&self, group: &str) -> ClientConfig {
        let mut c = self.base(&[
            ("enable.auto.commit", "false"),
            ("enable.auto.offset.store", "false"),
            ("auto.offset.reset", "earliest"),
            ("enable.partition.eof", "false"),
            // When the prefetch queue is full, fetch again soon rather than after
            // librdkafka's default second: a consumer a little slower than its broker
            // otherwise idles in one-second steps.
            ("fetch.queue.backoff.ms", "10"),
            // A fetch the broker holds for want of data returns within 100 ms instead of
            // 500: a worker that pauses and resumes partitions (or a broker that holds a
            // fetch while other partitions have data, as tansu does) otherwise waits out
            // the long poll. Audit worker on tansu: 30k -> 57k events/s.
            ("fetch.wait.max.ms", "100"),
        ]);
        c.set("group.id", group);
        c
    }

    /// A worker's consumer of `group`: as [`consumer_config`](Self::consumer_config), and
    /// one fetch answer (`fetch.max.bytes`, 1 MiB unless given with -X) no larger than what
    /// a worker holds before it pauses a partition (2,048 queued + 2,048 stashed records):
    /// a pause drops what librdkafka prefetched, and the resume fetches it again. With
    /// librdkafka's 50 MiB (tansu caps it at 5 MiB, and builds each answer from the whole
    /// rest of the partition) a 100,000-event backlog stalled near 4,500 rows in 120 s;
    /// with 1 MiB it drains.
    pub fn worker_config(&self, group: &str) -> ClientConfig {
        let mut c = self.consumer_config(group);
        self.default(&mut c, "fetch.max.bytes", "1048576");
        c
    }

    /// A group-less reader (replay, session, tail): assigned partitions, nothing committed.
    pub fn reader_config(&self) -> ClientConfig {
        let mut c = self.consumer_config("chatctl-reader");
        // librdkafka holds a new client's first connection back by half the reconnect
        // backoff (50 ms by default): most of a short command's start-up. The backoff still
        // doubles up to reconnect.backoff.max.ms when a broker is down.
        c.set("enable.auto.commit", "false");
        self.default(&mut c, "reconnect.backoff.ms", "10");
        c
    }

    /// A reader of long ranges (replay, session): big prefetch (and, as every consumer
    /// here, a short `fetch.queue.backoff.ms`).
    pub fn bulk_reader_config(&self) -> ClientConfig {
        let mut c = self.reader_config();
        self.default(&mut c, "queued.min.messages", "200000");
        c
    }

    /// Set `key` unless the operator gave it with -X.
    fn default(&self, c: &mut ClientConfig, key: &str, value: &str) {
        if !self.props.iter().any(|(k, _)| k == key) {
            c.set(key, value);
        }
    }

    pub fn admin_config(&self) -> ClientConfig {
        self.base(&[])
    }

    /// Build a client, turning librdkafka's config refusals into an error naming the
    /// property.
    pub fn create<T: FromClientConfig>(&self, config: &ClientConfig) -> Result<T> {
        config.create().map_err(config_error)
    }

    /// The engine producer of this process for these settings
    /// ([`KafkaSettings::engine_producer_config`]; made on first use, dropped with its last
    /// user). The gateway's events and every worker's dead letters go through one client:
    /// each librdkafka client is threads, connections and timers, even idle.
    pub fn shared_producer(&self) -> Result<std::sync::Arc<engine_producer::EngineProducer>> {
        static ALL: PerProcess<engine_producer::EngineProducer> = std::sync::OnceLock::new();
        let key = format!("{}|{}|{:?}", self.brokers, self.client_id, self.props);
        per_process(&ALL, key, || Ok(std::sync::Arc::new(self.engine_producer(&self.engine_producer_config())?)))
    }

    /// An [`EngineProducer`](engine_producer::EngineProducer) from `config`, its refusals
    /// named as [`create`](Self::create) names them.
    pub fn engine_producer(&self, config: &ClientConfig) -> Result<engine_producer::EngineProducer> {
        engine_producer::EngineProducer::new(config).map_err(config_error)
    }

    pub fn admin(&self) -> Result<AdminClient<DefaultClientContext>> {
        self.create(&self.admin_config())
    }

    /// Fetch cluster metadata (all topics, or one), bounded by the timeout; an unreachable
    /// cluster is [`Error::BrokerUnreachable`] naming the address.
    pub async fn metadata(&self, topic: Option<&str>) -> Result<Metadata> {
        let consumer: BaseConsumer = self.create(&self.reader_config())?;
        let topic = topic.map(str::to_owned);
        let timeout = self.timeout;
        let md = tokio::task::spawn_blocking(move || {
            let md = consumer.fetch_metadata(topic.as_deref(), timeout);
            // Destroying a client takes ~0.1 s (its threads wind down): not the caller's wait.
            dispose(consumer);
            md
        })
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        md.map_err(|e| self.unreachable(e))
    }

    /// A request that failed for want of a usable broker: the authentication or TLS
    /// failure behind it when librdkafka reported one (an [`Error::Security`]), else
    /// [`Error::BrokerUnreachable`] naming the address.
    pub fn unreachable(&self, e: KafkaError) -> Error {
        self.explain(diagnose::recent(self.timeout + Duration::from_secs(5)), e.to_string())
    }

    /// An unreachable-broker error made specific by a security cause, if there is one
    /// (`diagnose::probe` finds it where the failed client was never polled).
    pub fn explain(&self, cause: Option<diagnose::Cause>, reason: String) -> Error {
        use diagnose::Cause;
        const NO_ANSWER: &str = "no answer (connected, or still trying, when the time was up) [";
        let brokers = self.brokers.clone();
        // Explained a second time (after a probe): from librdkafka's own words again.
        let reason = match reason.strip_prefix(NO_ANSWER).and_then(|r| r.strip_suffix(']')) {
            Some(raw) => raw.to_string(),
            None => reason,
        };
        match cause {
            Some(Cause::Authentication(why)) => {
                let prop = |k: &str| self.props.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                let who = match (prop("sasl.mechanism"), prop("sasl.username")) {
                    (Some(m), Some(u)) => format!(" (SASL {m} as {u})"),
                    (Some(m), None) => format!(" (SASL {m})"),
                    _ => String::new(),
                };
                Error::Security(format!("{brokers}: authentication failed{who}: {why}"))
            }
            Some(Cause::Tls(why)) => Error::Security(format!("{brokers}: TLS failed: {why}")),
            Some(Cause::HungUp(why)) => Error::Security(format!(
                "{brokers}: the broker hung up before answering ({why}): it may require TLS or SASL \
                 (--security-protocol, --sasl-mechanism)"
            )),
            // Said in words: what was seen at the address, then librdkafka's own.
            Some(Cause::Refused) => Error::BrokerUnreachable {
                brokers,
                timeout: self.timeout,
                reason: format!("connection refused (nothing listens there) [{reason}]"),
            },
            Some(Cause::Unresolved(why)) => Error::BrokerUnreachable {
                brokers,
                timeout: self.timeout,
                reason: format!("the host name does not resolve ({why})"),
            },
            None => {
                Error::BrokerUnreachable { brokers, timeout: self.timeout, reason: format!("{NO_ANSWER}{reason}]") }
            }
        }
    }
}

/// An error a consumer reports while one broker of several is away (or the cluster blips):
/// librdkafka goes on with the others and reconnects by itself, so a reader warns and
/// keeps reading, within its own time bound.
pub fn is_transient(e: &KafkaError) -> bool {
    use rdkafka::types::RDKafkaErrorCode as C;
    matches!(e, KafkaError::MessageConsumption(C::BrokerTransportFailure | C::AllBrokersDown))
}

/// librdkafka's config refusals as an error naming the property.
pub(crate) fn config_error(e: KafkaError) -> Error {
    match e {
        KafkaError::ClientConfig(_, reason, key, value) => {
            // librdkafka's reason may quote the value: mask it there too.
            let shown = crate::security::shown(&key, &value).to_string();
            let reason = if shown != value && !value.is_empty() { reason.replace(&value, &shown) } else { reason };
            Error::KafkaProperty { key, value: shown, reason }
        }
        other => Error::Kafka(other),
    }
}

/// Values kept once per process and key, alive while something uses them.
pub(crate) type PerProcess<T> =
    std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<String, std::sync::Weak<T>>>>;

/// The value of `cache` for `key`: the one in use, else a new one from `make`.
pub(crate) fn per_process<T>(
    cache: &PerProcess<T>,
    key: String,
    make: impl FnOnce() -> Result<std::sync::Arc<T>>,
) -> Result<std::sync::Arc<T>> {
    let mut all = cache.get_or_init(Default::default).lock().unwrap();
    if let Some(v) = all.get(&key).and_then(std::sync::Weak::upgrade) {
        return Ok(v);
    }
    let v = make()?;
    all.retain(|_, w| w.strong_count() > 0);
    all.insert(key, std::sync::Arc::downgrade(&v));
    Ok(v)
}

/// Drop a librdkafka client on a thread of its own: destroying one waits for its
/// internal threads to wind down (up to ~100 ms), which a command should not wait for
/// when the client has nothing left to send (readers without a group). The process waits
/// for these threads before it exits ([`settle_disposals`]).
pub fn dispose<T: Send + 'static>(client: T) {
    winding_down(std::thread::spawn(move || drop(client)));
}

/// Threads still destroying librdkafka clients.
static WINDING_DOWN: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> = std::sync::Mutex::new(Vec::new());

/// Count `thread` (destroying a client) among those [`settle_disposals`] waits for.
pub(crate) fn winding_down(thread: std::thread::JoinHandle<()>) {
    let mut all = WINDING_DOWN.lock().unwrap_or_else(|p| p.into_inner());
    all.retain(|t| !t.is_finished());
    all.push(thread);
}

/// Wait, up to `bound`, for the clients being destroyed. Call before the process exits:
/// `exit` runs OpenSSL's cleanup while a client still being destroyed may be using TLS,
/// and the process then dies of a signal, silently (seen with SASL_SSL).
pub fn settle_disposals(bound: Duration) {
    let until = std::time::Instant::now() + bound;
    let threads = std::mem::take(&mut *WINDING_DOWN.lock().unwrap_or_else(|p| p.into_inner()));
    for t in threads {
        while !t.is_finished() && std::time::Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        if t.is_finished() {
            let _ = t.join();
        }
    }
}

/// The clients' settings from the resolved settings (here, not in `config`: the layers go
/// commands → … → kafka → config, never back).
impl crate::config::Settings {
    pub fn kafka(&self) -> KafkaSettings {
        KafkaSettings {
            brokers: self.brokers.clone(),
            props: self.kafka.clone(),
            client_id: format!("chatctl-{}", self.node_id),
            timeout: self.timeout,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::producer::FutureProducer;

    #[test]
    fn invalid_property_names_the_property() {
        let mut s = KafkaSettings::new("127.0.0.1:1");
        s.props.push(("no.such.property".into(), "1".into()));
        let err = s.create::<FutureProducer>(&s.producer_config()).err().unwrap();
        match err {
            Error::KafkaProperty { key, .. } => assert_eq!(key, "no.such.property"),
            other => panic!("expected a property error, got {other}"),
        }
    }

    #[test]
    fn passthrough_overrides_defaults() {
        let mut s = KafkaSettings::new("b:9092");
        s.props.push(("compression.type".into(), "zstd".into()));
        let c = s.producer_config();
        assert_eq!(c.get("compression.type"), Some("zstd"));
        assert_eq!(c.get("enable.idempotence"), Some("true"));
        assert_eq!(c.get("partitioner"), Some("murmur2_random"));
        assert_eq!(s.consumer_config("g").get("enable.auto.commit"), Some("false"));
    }

    #[test]
    fn the_engine_lingers_longer_and_x_still_wins() {
        let mut s = KafkaSettings::new("b:9092");
        assert_eq!(s.producer_config().get("linger.ms"), Some("5"));
        let engine = s.engine_producer_config();
        assert_eq!(engine.get("linger.ms"), Some("20"));
        assert_eq!(engine.get("message.timeout.ms"), Some("0"));
        s.props.push(("linger.ms".into(), "2".into()));
        assert_eq!(s.engine_producer_config().get("linger.ms"), Some("2"));
    }

    #[test]
    fn a_broker_away_is_transient_a_bad_record_is_not() {
        use rdkafka::types::RDKafkaErrorCode as C;
        assert!(is_transient(&KafkaError::MessageConsumption(C::BrokerTransportFailure)));
        assert!(is_transient(&KafkaError::MessageConsumption(C::AllBrokersDown)));
        assert!(!is_transient(&KafkaError::MessageConsumption(C::OffsetOutOfRange)));
        assert!(!is_transient(&KafkaError::MetadataFetch(C::BrokerTransportFailure)));
    }

    #[tokio::test]
    async fn unreachable_broker_is_a_bounded_clear_error() {
        let mut s = KafkaSettings::new("127.0.0.1:1");
        s.timeout = Duration::from_secs(2);
        let started = std::time::Instant::now();
        let err = s.metadata(None).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
        assert!(matches!(err, Error::BrokerUnreachable { .. }));
        assert!(err.to_string().contains("127.0.0.1:1"), "{err}");
    }
}
