//! The bodies of the fuzz targets (`fuzz/`, run by `scripts/fuzz` under cargo fuzz) and of
//! their regression test (`tests/fuzz_regressions.rs`, which replays every input kept in
//! `fuzz/regressions/`): whatever bytes arrive, the decoders answer with a value or an
//! error, never a panic, and what they accept survives a round trip.

use rdkafka::message::{Header, OwnedHeaders, OwnedMessage, Timestamp};

use crate::events::Event;
use crate::gateway::protocol;
use crate::ops::dlq::{parse, parse_ref, Entry, EntryRef};

/// A client's WebSocket text frame (what `/ws` receives), at the gateway's frame limit.
pub fn frame(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match protocol::parse(text, 16 * 1024) {
        Ok(_) => assert!(text.len() <= 16 * 1024, "a frame over the limit was accepted"),
        // Every refusal is a frame the client can read.
        Err(refusal) => {
            let json = refusal.to_text();
            serde_json::from_str::<serde_json::Value>(&json).expect("the refusal is JSON");
        }
    }
}

/// An event as a worker reads it from Kafka: decoded, or a clear error; an event that
/// decodes encodes to JSON that decodes to the same event.
pub fn event(data: &[u8]) {
    if let Ok(e) = Event::decode(data) {
        let again = Event::decode(&e.to_json()).expect("an event we encoded decodes");
        assert_eq!(again, e, "round trip");
    }
}

/// A DLQ record's headers as `dlq list`/`tail`/`redrive` read them: `data` is split into
/// header names and values at NUL bytes (a missing value where a part is empty), the rest
/// of the record fixed.
pub fn dlq_headers(data: &[u8]) {
    let mut parts = data.split(|b| *b == 0);
    let mut headers = OwnedHeaders::new();
    while let Some(key) = parts.next() {
        let key = String::from_utf8_lossy(key);
        let value = parts.next();
        headers = headers.insert(Header { key: &key, value: value.filter(|v| !v.is_empty()) });
    }
    let m = OwnedMessage::new(
        Some(b"{\"x\":1}".to_vec()),
        Some(b"key".to_vec()),
        "chat-events.dlq".into(),
        Timestamp::CreateTime(1),
        0,
        7,
        Some(headers),
    );
    match (parse_ref(&m), parse(&m)) {
        (EntryRef::Letter(l), Entry::Letter(owned)) => {
            assert_eq!(l.to_owned(), *owned);
            // What `dlq list -o json` prints for it is JSON.
            let line = serde_json::to_string(&l).expect("a letter serializes");
            serde_json::from_str::<serde_json::Value>(&line).expect("valid JSON");
        }
        (EntryRef::Receipt(t, p, o), Entry::Receipt(t2, p2, o2)) => assert_eq!((t, p, o), (t2.as_str(), p2, o2)),
        _ => panic!("parse and parse_ref disagree"),
    }
}
