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
