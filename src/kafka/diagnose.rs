//! Why a broker could not be used, in words an operator can act on. librdkafka reports an
//! authentication or TLS failure only to its error and log callbacks, while the request
//! that failed says "Broker transport failure". A tracing layer keeps the last such cause
//! (every client's callbacks reach tracing through the `log` bridge), and
//! [`super::KafkaSettings::unreachable`] turns a failed request into that cause.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};

use super::KafkaSettings;

static LAST: Mutex<Option<(Instant, Cause)>> = Mutex::new(None);

/// What went wrong at the connection level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// SASL: wrong password, unknown user, mechanism not enabled.
    Authentication(String),
    /// TLS: the broker's certificate did not verify, or the handshake failed.
    Tls(String),
    /// The broker closed the connection before answering the first request (it wants TLS
    /// or SASL the client does not speak).
    HungUp(String),
    /// Nothing listens there: not a security matter (a probe stops on it).
    Refused,
    /// The host name does not resolve.
    Unresolved(String),
}

/// Classify one librdkafka error or log line; none for anything else.
pub fn classify(message: &str) -> Option<Cause> {
    let m = message.trim_start_matches("librdkafka:").trim().to_string();
    let lower = m.to_ascii_lowercase();
    if lower.contains("connection refused") {
        Some(Cause::Refused)
    } else if lower.contains("failed to resolve") {
        Some(Cause::Unresolved(m))
    } else if lower.contains("ssl handshake") || lower.contains("certificate") || lower.contains("(local: ssl error)") {
        Some(Cause::Tls(m))
    } else if lower.contains("authentication") {
        Some(Cause::Authentication(m))
    } else if lower.contains("disconnected")
        && (lower.contains("apiversion_query") || lower.contains("closed by peer") || lower.contains("in state up"))
    {
        Some(Cause::HungUp(m))
    } else {
        None
    }
}

/// Remember `message` if it says why connections fail.
pub fn note(message: &str) {
    if let Some(c) = classify(message) {
        *LAST.lock().unwrap() = Some((Instant::now(), c));
    }
}

/// The connection-level cause seen within `within`, if any.
pub fn recent(within: Duration) -> Option<Cause> {
    LAST.lock().unwrap().as_ref().filter(|(at, _)| at.elapsed() <= within).map(|(_, c)| c.clone())
}

fn since(t: Instant) -> Option<Cause> {
    LAST.lock().unwrap().as_ref().filter(|(at, _)| *at >= t).map(|(_, c)| c.clone())
}

/// Connect as `kafka` would and watch librdkafka's callbacks (which only a polled client
/// delivers) for at most `bound`: the security cause of a failure, if it is one. Blocking;
/// for the failure path of a command, not for the engine.
pub fn probe(kafka: &KafkaSettings, bound: Duration) -> Option<Cause> {
    let started = Instant::now();
    let consumer: std::sync::Arc<BaseConsumer> = std::sync::Arc::new(kafka.create(&kafka.reader_config()).ok()?);
    // A metadata request makes it connect (on a thread of its own, left to finish by
    // itself); the loop below serves the callbacks.
    // The asker may hold the last handle, and so destroy the client: counted among the
    // threads the process waits for before it exits.
    let asker = consumer.clone();
    super::winding_down(std::thread::spawn(move || {
        let _ = asker.fetch_metadata(None, bound);
    }));
    let mut found = None;
    while started.elapsed() < bound {
        let _ = consumer.poll(Duration::from_millis(50));
        if let Some(c) = since(started) {
            found = Some(c);
            break;
        }
    }
    super::dispose(consumer);
    found
}

/// The tracing layer that feeds [`note`] from librdkafka's error and warning lines, whatever
/// the log filter shows.
pub struct CaptureLayer;

struct Message(String);

impl Visit for Message {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0 = value.to_string();
        }
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: Subscriber> Layer<S> for CaptureLayer {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if *event.metadata().level() > Level::WARN {
            return;
        }
        let mut m = Message(String::new());
        event.record(&mut m);
        if m.0.starts_with("librdkafka") {
            note(&m.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn librdkafka_lines_are_classified() {
        let auth = "librdkafka: Authentication failure (Local: Authentication failure): sasl_ssl://127.0.0.1:29093/bootstrap: SASL authentication error: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512";
        assert!(matches!(classify(auth), Some(Cause::Authentication(m)) if m.starts_with("Authentication failure")));
        let tls = "librdkafka: SSL handshake failed: error:0A000086:SSL routines::certificate verify failed";
        assert!(matches!(classify(tls), Some(Cause::Tls(_))));
        let hung = "librdkafka: FAIL ssl://127.0.0.1:1/bootstrap: Disconnected (after 2ms in state APIVERSION_QUERY)";
        assert!(matches!(classify(hung), Some(Cause::HungUp(_))));
        // TLS up, then the SASL broker hangs up on a client without credentials.
        let no_sasl = "librdkafka: FAIL [thrd:ssl://127.0.0.1:29093/bootstrap]: ssl://127.0.0.1:29093/bootstrap: Disconnected: SSL connection closed by peer (after 0ms in state UP)";
        assert!(matches!(classify(no_sasl), Some(Cause::HungUp(_))));
        // A certificate failure on a SASL_SSL connection is TLS, not authentication.
        let bad_ca = "librdkafka: Global error: SSL (Local: SSL error): sasl_ssl://127.0.0.1:29093/bootstrap: SSL handshake failed: certificate verify failed";
        assert!(matches!(classify(bad_ca), Some(Cause::Tls(_))));
        assert_eq!(
            classify("librdkafka: FAIL Connect to ipv4#127.0.0.1:1 failed: Connection refused"),
            Some(Cause::Refused)
        );
        assert_eq!(classify("librdkafka: Global error: AllBrokersDown (Local: All broker connections are down)"), None);
    }
}
