//! The checker: reads a run's history (every frame each client saw, with its time) and what
//! Kafka and the audit store hold once the run has quiesced, and names every violation of
//! chatctl's promise with the history lines that show it. Pure: its inputs are data, so its
//! own tests feed it histories with each kind of fault.

use std::collections::{BTreeMap, HashMap};

use chatctl::events::{Event, Payload, Role};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One line of the history (JSON Lines): what a client did or saw, `t` ms after the start.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Line {
    pub t: u64,
    pub client: usize,
    /// `connect`, `frame` (a frame received), `chat`/`resume` (a frame sent), `cut` (the
    /// socket died or went silent), `gave-up`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Value>,
}

/// What the stores hold after the run, besides Kafka.
#[derive(Debug, Clone, Default)]
pub struct After {
    /// eventIds of the audit table's rows (one per row).
    pub audit: Vec<String>,
    /// (group, lag) of every worker group.
    pub lag: Vec<(String, i64)>,
    /// Records in the quarantine files.
    pub quarantined: usize,
    /// (node, events still in its spool).
    pub spooled: Vec<(String, usize)>,
    /// The run's start (ms since the epoch): event times are said relative to it.
    pub start_ms: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub what: String,
    /// 1-based history lines that show it (empty when it is about the stores).
    pub lines: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct Verdict {
    pub answers: usize,
    pub completed: usize,
    pub ended_with_error: usize,
    pub chunks: usize,
    pub events: usize,
    pub violations: Vec<Violation>,
}

#[derive(Default)]
struct Answer {
    chunks: BTreeMap<u64, (String, usize)>,
    repeated: Vec<(u64, usize, usize)>,
    terminals: Vec<(usize, Value)>,
    lines: Vec<usize>,
}

/// Check `history` against `events` (every record of chat-events and stream-events) and
/// `after`.
pub fn check(history: &[Line], events: &[Event], after: &After) -> Verdict {
    let mut v = Verdict::default();
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    for (i, l) in history.iter().enumerate() {
        let n = i + 1;
        let Some(f) = l.frame.as_ref().filter(|_| l.kind == "frame") else { continue };
        let id = f["messageId"].as_str().unwrap_or_default();
        if id.is_empty() {
            continue;
        }
        let a = answers.entry(id.to_string()).or_default();
        a.lines.push(n);
        match f["type"].as_str() {
            Some("chunk") => {
                let index = f["index"].as_u64().unwrap_or(u64::MAX);
                let delta = f["delta"].as_str().unwrap_or_default().to_string();
                if let Some((_, first)) = a.chunks.get(&index) {
                    a.repeated.push((index, *first, n));
                } else {
                    a.chunks.insert(index, (delta, n));
                }
            }
            Some("done") | Some("error") => a.terminals.push((n, f.clone())),
            _ => {}
        }
    }
    let recorded: HashMap<&str, &str> = events
        .iter()
        .filter_map(|e| match &e.payload {
            Payload::ChatMessage(m) if m.role == Role::Assistant => Some((m.message_id.as_str(), m.content.as_str())),
            _ => None,
        })
        .collect();
    for (id, a) in &answers {
        v.answers += 1;
        v.chunks += a.chunks.len();
        for (index, first, again) in &a.repeated {
            v.violations.push(Violation {
                what: format!("answer {id}: chunk {index} delivered twice"),
                lines: vec![*first, *again],
            });
        }
        let last = *a.lines.last().expect("an answer has a line");
        match a.terminals.as_slice() {
            [] => v.violations.push(Violation { what: format!("answer {id}: no terminal frame"), lines: vec![last] }),
            [_] => {}
            more => v.violations.push(Violation {
                what: format!("answer {id}: {} terminal frames", more.len()),
                lines: more.iter().map(|(n, _)| *n).collect(),
            }),
        }
        let done = a.terminals.iter().find(|(_, f)| f["type"] == "done");
        // Every index below the end (done's total, else the highest seen) arrived.
        let end = match done {
            Some((_, f)) => f["totalChunks"].as_u64().unwrap_or(0),
            None => a.chunks.keys().next_back().map_or(0, |k| k + 1),
        };
        let missing: Vec<u64> = (0..end).filter(|i| !a.chunks.contains_key(i)).collect();
        if !missing.is_empty() {
            let at = done.map_or(last, |(n, _)| *n);
            v.violations.push(Violation {
                what: format!("answer {id}: chunk(s) {missing:?} never delivered (of {end})"),
                lines: vec![at],
            });
        }
        match done {
            Some((n, _)) => {
                v.completed += 1;
                let text: String = a.chunks.values().map(|(d, _)| d.as_str()).collect();
                match recorded.get(id.as_str()) {
                    None => v.violations.push(Violation {
                        what: format!("answer {id}: done for the client, no assistant message in Kafka"),
                        lines: vec![*n],
                    }),
                    Some(k) if *k != text => {
                        let at =
                            text.bytes().zip(k.bytes()).position(|(a, b)| a != b).unwrap_or(text.len().min(k.len()));
                        v.violations.push(Violation {
                            what: format!(
                                "answer {id}: the client's text ({} bytes) differs from Kafka's ({} bytes) at byte {at}",
                                text.len(),
                                k.len()
                            ),
                            lines: vec![*n],
                        });
                    }
                    Some(_) => {}
                }
            }
            None => v.ended_with_error += usize::from(!a.terminals.is_empty()),
        }
    }
    // Every event once in Kafka, and once in the audit table.
    let mut in_kafka: HashMap<String, usize> = HashMap::new();
    let mut first: HashMap<String, &Event> = HashMap::new();
    for e in events {
        *in_kafka.entry(e.event_id.to_string()).or_default() += 1;
        first.entry(e.event_id.to_string()).or_insert(e);
    }
    v.events = in_kafka.len();
    let mut dup: Vec<_> = in_kafka.iter().filter(|(_, c)| **c > 1).collect();
    dup.sort();
    for (id, c) in dup {
        let e = first[id];
        v.violations.push(Violation {
            what: format!(
                "event {id} ({} of session {} from {}, made at {} ms): {c} times in Kafka",
                e.event_type(),
                e.session_id,
                e.metadata.node_id,
                e.timestamp.timestamp_millis() - after.start_ms
            ),
            lines: vec![],
        });
    }
    let mut rows: HashMap<&str, usize> = HashMap::new();
    for id in &after.audit {
        *rows.entry(id.as_str()).or_default() += 1;
    }
    let mut missing: Vec<&String> = in_kafka.keys().filter(|id| !rows.contains_key(id.as_str())).collect();
    missing.sort();
    for id in missing {
        v.violations.push(Violation { what: format!("event {id}: in Kafka, no audit row"), lines: vec![] });
    }
    let mut extra: Vec<(&&str, &usize)> =
        rows.iter().filter(|(id, c)| **c > 1 || !in_kafka.contains_key(**id)).collect();
    extra.sort();
    for (id, c) in extra {
        v.violations.push(Violation {
            what: format!("audit row {id}: {c} row(s), {} in Kafka", in_kafka.get(*id).copied().unwrap_or(0)),
            lines: vec![],
        });
    }
    for (g, lag) in &after.lag {
        if *lag != 0 {
            v.violations.push(Violation { what: format!("group {g}: lag {lag} after the run"), lines: vec![] });
        }
    }
    if after.quarantined > 0 {
        v.violations.push(Violation { what: format!("{} event(s) quarantined", after.quarantined), lines: vec![] });
    }
    for (node, n) in &after.spooled {
        if *n > 0 {
            v.violations
                .push(Violation { what: format!("node {node}: {n} event(s) left in its spool"), lines: vec![] });
        }
    }
    v
}

/// The violations for people: each with the history lines that show it.
pub fn explain(v: &Verdict, history: &[Line]) -> String {
    let mut out = String::new();
    for x in &v.violations {
        out.push_str(&format!("VIOLATION {}\n", x.what));
        for n in &x.lines {
            if let Some(l) = history.get(n - 1) {
                out.push_str(&format!("  history:{n}: {}\n", serde_json::to_string(l).unwrap_or_default()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatctl::events::ChatMessage;
    use serde_json::json;

    fn frame(t: u64, f: Value) -> Line {
        Line { t, client: 0, kind: "frame".into(), via: Some("node-0".into()), frame: Some(f) }
    }

    fn chunk(i: u64, d: &str) -> Line {
        frame(i, json!({"type":"chunk","messageId":"m1","epoch":0,"index":i,"delta":d}))
    }

    fn done(total: u64) -> Line {
        frame(100, json!({"type":"done","messageId":"m1","totalChunks":total,"contentLength":0,"stopped":false}))
    }

    fn answer(content: &str) -> Event {
        let m = ChatMessage {
            message_id: "m1".into(),
            conversation_id: "c".into(),
            user_id: "u".into(),
            role: Role::Assistant,
            content: content.into(),
            reply_to: None,
        };
        Event::new("s1", "node-0", Payload::ChatMessage(m))
    }

    fn audit_of(events: &[Event]) -> After {
        After { audit: events.iter().map(|e| e.event_id.to_string()).collect(), ..After::default() }
    }

    fn good() -> (Vec<Line>, Vec<Event>) {
        (vec![chunk(0, "a"), chunk(1, "b"), chunk(2, "c"), done(3)], vec![answer("abc")])
    }

    #[test]
    fn a_clean_history_has_no_violation() {
        let (h, e) = good();
        let v = check(&h, &e, &audit_of(&e));
        assert_eq!(v.violations, vec![]);
        assert_eq!((v.answers, v.completed, v.chunks, v.events), (1, 1, 3, 1));
    }

    #[test]
    fn a_lost_chunk_is_named_with_its_line() {
        let (mut h, e) = good();
        h.remove(1);
        let v = check(&h, &e, &audit_of(&e));
        assert!(
            v.violations.iter().any(|x| x.what.contains("chunk(s) [1] never delivered") && x.lines == vec![3]),
            "{v:?}"
        );
    }

    #[test]
    fn a_repeated_chunk_names_both_lines() {
        let (mut h, e) = good();
        h.insert(2, chunk(1, "b"));
        let v = check(&h, &e, &audit_of(&e));
        assert!(
            v.violations.iter().any(|x| x.what.contains("chunk 1 delivered twice") && x.lines == vec![2, 3]),
            "{v:?}"
        );
    }

    #[test]
    fn two_terminal_frames_are_a_violation() {
        let (mut h, e) = good();
        h.push(frame(200, json!({"type":"error","messageId":"m1","code":"DRAINING","message":"x"})));
        let v = check(&h, &e, &audit_of(&e));
        assert!(v.violations.iter().any(|x| x.what.contains("2 terminal frames") && x.lines == vec![4, 5]), "{v:?}");
    }

    #[test]
    fn no_terminal_frame_is_a_violation() {
        let (mut h, e) = good();
        h.pop();
        let v = check(&h, &e, &audit_of(&e));
        assert!(v.violations.iter().any(|x| x.what.contains("no terminal frame")), "{v:?}");
    }

    #[test]
    fn text_that_differs_from_kafka_is_a_violation() {
        let (h, _) = good();
        let e = vec![answer("abd")];
        let v = check(&h, &e, &audit_of(&e));
        assert!(v.violations.iter().any(|x| x.what.contains("differs from Kafka's (3 bytes) at byte 2")), "{v:?}");
    }

    #[test]
    fn a_missing_audit_row_is_a_violation() {
        let (h, e) = good();
        let v = check(&h, &e, &After::default());
        assert!(v.violations.iter().any(|x| x.what.contains("in Kafka, no audit row")), "{v:?}");
    }

    #[test]
    fn a_duplicated_event_is_a_violation() {
        let (h, mut e) = good();
        e.push(e[0].clone());
        let v = check(&h, &e, &audit_of(&e[..1]));
        assert!(v.violations.iter().any(|x| x.what.contains("2 times in Kafka")), "{v:?}");
    }

    #[test]
    fn lag_quarantine_and_spool_left_over_are_violations() {
        let (h, e) = good();
        let mut after = audit_of(&e);
        after.lag = vec![("chatctl-audit".into(), 3)];
        after.quarantined = 1;
        after.spooled = vec![("node-1".into(), 2)];
        let v = check(&h, &e, &after);
        assert_eq!(v.violations.len(), 3, "{v:?}");
    }
}
