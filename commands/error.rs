//! Error kinds → fixed exit codes, each with a hint for the user.

use chatctl::Error;

pub const OK: i32 = 0;
pub const FAILURE: i32 = 1;
pub const USAGE: i32 = 2;
pub const CONFIG: i32 = 3;
pub const NOT_FOUND: i32 = 4;
pub const UNAVAILABLE: i32 = 5;
pub const CONFLICT: i32 = 6;
/// `lag --exit-code`: some group is not OK.
pub const NOT_OK: i32 = 7;
/// `lag --exit-code`: no group is in error, but some group is WARN.
pub const WARN: i32 = 8;

/// The exit code and an optional hint for `err`. A broken pipe (the reader went away, as
/// in `chatctl ... | head`) is success.
pub fn classify(err: &anyhow::Error) -> (i32, Option<&'static str>) {
    if let Some(io) = err.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return (OK, None);
        }
    }
    match err.downcast_ref::<Error>() {
        Some(Error::Io(io)) if io.kind() == std::io::ErrorKind::BrokenPipe => (OK, None),
        Some(Error::Usage(_)) => (USAGE, None),
        Some(Error::Config(_)) => {
            (CONFIG, Some("check the config file (--config / CHATCTL_CONFIG / ./chatctl.toml) and CHATCTL_* variables"))
        }
        Some(Error::KafkaProperty { .. }) => {
            (CONFIG, Some("valid properties: https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md"))
        }
        Some(Error::NotFound(_)) => (NOT_FOUND, None),
        Some(Error::Conflict(_)) => (CONFLICT, None),
        Some(Error::Unhealthy(_)) => (NOT_OK, None),
        Some(Error::Lagging(_)) => (WARN, None),
        Some(Error::Security(_)) => (
            CONFIG,
            Some("check --security-protocol, --ssl-ca, --sasl-mechanism, --sasl-username and the password (CHATCTL_SASL_PASSWORD or --sasl-password-file)"),
        ),
        Some(Error::BrokerUnreachable { .. }) => {
            (UNAVAILABLE, Some("is a broker up and listening at that address? set -b/--brokers, CHATCTL_BROKERS or a context's brokers; --timeout bounds the wait"))
        }
        Some(Error::Broker(_) | Error::Kafka(_)) => (UNAVAILABLE, None),
        Some(Error::Unsupported(_)) => (UNAVAILABLE, Some("the broker does not implement this request")),
        Some(Error::Unavailable(_)) => (UNAVAILABLE, None),
        Some(Error::Io(_)) | None => (FAILURE, None),
    }
}
