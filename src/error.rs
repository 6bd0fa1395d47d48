//! The library's error type: each variant is a kind the binary maps to a fixed exit code.

use std::time::Duration;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Settings that cannot be used: a bad config file, an unknown key, a missing profile.
    #[error("{0}")]
    Config(String),

    /// A librdkafka property that librdkafka refuses (from `-X` or the config file).
    #[error("invalid Kafka property `{key}` = `{value}`: {reason}")]
    KafkaProperty { key: String, value: String, reason: String },

    /// No broker answered in time.
    #[error("cannot reach the Kafka broker(s) at {brokers} within {}s: {reason}", timeout.as_secs_f32())]
    BrokerUnreachable { brokers: String, timeout: Duration, reason: String },

    /// The broker refused who we are, or TLS failed: wrong credentials, an unknown CA.
    #[error("{0}")]
    Security(String),

    /// The broker refused a request (it answered, with an error).
    #[error("{0}")]
    Broker(String),

    #[error("kafka: {0}")]
    Kafka(#[from] rdkafka::error::KafkaError),

    /// What the user asked for does not exist (a session, a group, a topic).
    #[error("{0}")]
    NotFound(String),

    /// The operation would harm something running (a reset of a group with members).
    #[error("{0}")]
    Conflict(String),

    /// `--exit-code`: what was checked is not healthy (the text says what).
    #[error("{0}")]
    Unhealthy(String),

    /// `--exit-code`: what was checked works, but is falling behind (Burrow's WARN).
    #[error("{0}")]
    Lagging(String),

    /// The broker lacks the API a request needs (tansu 0.6 has no OffsetDelete).
    #[error("{0}")]
    Unsupported(String),

    /// A service other than the broker (a gateway node, Redis, the store) not reached.
    #[error("{0}")]
    Unavailable(String),

    /// Bad input to a command that clap could not catch (a time range, a filter).
    #[error("{0}")]
    Usage(String),

    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn config(msg: impl Into<String>) -> Self {
        Error::Config(msg.into())
    }

    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage(msg.into())
    }
}

/// An OS error in words: what the user can do about it, not `os error N`.
pub fn io_in_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::AddrInUse => "the address is in use (another process listens there)".into(),
        K::AddrNotAvailable => "no interface of this machine has that address".into(),
        K::PermissionDenied => "permission denied (ports below 1024 need privileges)".into(),
        K::ConnectionRefused => "connection refused (nothing listens there)".into(),
        K::ConnectionReset => "the connection was reset by the other side".into(),
        K::TimedOut => "no answer in time".into(),
        K::NotFound => "not found".into(),
        _ => {
            // The OS's words without " (os error N)".
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}
