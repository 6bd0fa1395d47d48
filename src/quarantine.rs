//! Where records go that Kafka refuses for good (too large, invalid, not authorised): a
//! local JSON Lines file, one record per line with why and when, so that nothing is lost
//! and nothing wedges the path behind it (the gateway's spool moves on; a worker's
//! partition moves on). Each quarantined record is named in a log line and counted in
//! `chatctl_events_quarantined_total`. The file holds prompts and answers: it is created
//! readable by its owner only. `chatctl quarantine list` reads it back, and `chatctl
//! quarantine replay` puts its records back on Kafka once the cause is fixed (each once: a
//! ledger beside the file names what was replayed).

use std::io::Write;

use base64::Engine as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rdkafka::error::{KafkaError, RDKafkaErrorCode as C};
use serde_json::{json, Value};

/// The default directory of quarantine files (events and dead letters Kafka refused).
pub const DEFAULT_DIR: &str = "chatctl-data/quarantine";

/// The largest event the gateway hands to Kafka (bytes of JSON): librdkafka's default
/// `message.max.bytes` (1,000,000) less room for the key, headers and record framing.
pub const MAX_EVENT_BYTES: usize = 1_000_000 - 16 * 1024;

/// Whether Kafka refused a record for a reason that sending it again cannot fix.
pub fn is_permanent(e: &KafkaError) -> bool {
    let code = match e {
        KafkaError::MessageProduction(c) => *c,
        _ => match e.rdkafka_error_code() {
            Some(c) => c,
            None => return false,
        },
    };
    matches!(
        code,
        C::MessageSizeTooLarge
            | C::InvalidMessageSize
            | C::InvalidMessage
            | C::InvalidRecord
            | C::MessageBatchTooLarge
            | C::InvalidTopic
            | C::TopicAuthorizationFailed
            | C::ClusterAuthorizationFailed
            | C::InvalidRequiredAcks
    )
}

pub struct Quarantine {
    path: PathBuf,
    file: Mutex<Option<std::fs::File>>,
}

impl Quarantine {
    /// A quarantine at `path` (created with its directory on first use).
    pub fn new(path: impl Into<PathBuf>) -> Quarantine {
        Quarantine { path: path.into(), file: Mutex::new(None) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keep `value` (meant for `topic`) with `reason`. Errors only when the disk refuses
    /// too; the caller then has nowhere left and says so.
    pub fn keep(&self, topic: &str, key: Option<&[u8]>, value: &[u8], reason: &str) -> std::io::Result<()> {
        let text = |b: &[u8]| match std::str::from_utf8(b) {
            Ok(s) => json!(s),
            Err(_) => json!({ "base64": base64::engine::general_purpose::STANDARD.encode(b) }),
        };
        let line = json!({
            "quarantinedAt": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "topic": topic,
            "reason": crate::security::redact_text(reason),
            "bytes": value.len(),
            "key": key.map(text),
            "value": text(value),
        });
        let mut out = serde_json::to_vec(&line).expect("JSON");
        out.push(b'\n');
        let mut f = self.file.lock().unwrap();
        if f.is_none() {
            *f = Some(open_private(&self.path)?);
        }
        let file = f.as_mut().expect("opened");
        file.write_all(&out)?;
        file.sync_data()
    }
}

/// One quarantined record, as read back from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Its line in the file (1-based).
    pub line: usize,
    pub quarantined_at: String,
    pub topic: String,
    pub reason: String,
    pub key: Option<Vec<u8>>,
    pub value: Vec<u8>,
}

impl Kept {
    /// What identifies it across replays: the event's `eventId` when the value is an event,
    /// else its line (the file is only ever appended to).
    pub fn id(&self) -> String {
        serde_json::from_slice::<Value>(&self.value)
            .ok()
            .and_then(|v| v.get("eventId").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_else(|| format!("line:{}", self.line))
    }

    /// The event's type, when the value is an event.
    pub fn event_type(&self) -> Option<String> {
        let v: Value = serde_json::from_slice(&self.value).ok()?;
        v.get("eventType").and_then(Value::as_str).map(str::to_string)
    }
}

/// Every record of a quarantine file, in order. A line that does not parse is an error
/// naming it (the file is chatctl's own: nothing else should write it).
pub fn read(path: &Path) -> std::io::Result<Vec<Kept>> {
    let text = std::fs::read_to_string(path)?;
    let bytes = |v: &Value| -> Option<Vec<u8>> {
        match v {
            Value::String(s) => Some(s.as_bytes().to_vec()),
            Value::Object(o) => o
                .get("base64")
                .and_then(Value::as_str)
                .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok()),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let bad = |why: &str| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}:{}: {why}", path.display(), i + 1))
        };
        let v: Value = serde_json::from_str(l).map_err(|e| bad(&e.to_string()))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        out.push(Kept {
            line: i + 1,
            quarantined_at: field("quarantinedAt"),
            topic: field("topic"),
            reason: field("reason"),
            key: v.get("key").and_then(bytes),
            value: v.get("value").and_then(bytes).ok_or_else(|| bad("no value"))?,
        });
    }
    Ok(out)
}

/// The replay ledger beside a quarantine file (`<file>.replayed`): the id of each record
/// put back on Kafka, one per line, so a record is replayed once whoever runs it again.
pub fn ledger_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".replayed");
    PathBuf::from(p)
}

/// The ids already replayed from `path`.
pub fn replayed(path: &Path) -> std::io::Result<std::collections::HashSet<String>> {
    match std::fs::read_to_string(ledger_path(path)) {
        Ok(t) => Ok(t.lines().map(str::to_string).collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
        Err(e) => Err(e),
    }
}

/// Note `id` as replayed from `path` (synced before the next record is sent).
pub fn note_replayed(path: &Path, id: &str) -> std::io::Result<()> {
    let mut f = open_private(&ledger_path(path))?;
    f.write_all(format!("{id}\n").as_bytes())?;
    f.sync_data()
}

/// Open for appending, owner-only (0600) when created.
fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::security::owner_only(std::fs::OpenOptions::new().create(true).append(true)).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_records_are_json_lines_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let q = Quarantine::new(dir.path().join("q/node.jsonl"));
        q.keep("chat-events", Some(b"s1"), br#"{"big":true}"#, "Broker: Message size too large").unwrap();
        q.keep("stream-events", None, &[0xff, 0x00, 0x01], "refused").unwrap();
        let text = std::fs::read_to_string(q.path()).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["topic"], "chat-events");
        assert_eq!(lines[0]["key"], "s1");
        assert_eq!(lines[0]["value"], r#"{"big":true}"#);
        assert_eq!(lines[1]["value"]["base64"], "/wAB");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(q.path()).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn permanent_refusals_are_told_from_transient_ones() {
        assert!(is_permanent(&KafkaError::MessageProduction(C::MessageSizeTooLarge)));
        assert!(is_permanent(&KafkaError::MessageProduction(C::TopicAuthorizationFailed)));
        assert!(!is_permanent(&KafkaError::MessageProduction(C::QueueFull)));
        assert!(!is_permanent(&KafkaError::MessageProduction(C::MessageTimedOut)));
        assert!(!is_permanent(&KafkaError::MessageProduction(C::AllBrokersDown)));
    }
}
