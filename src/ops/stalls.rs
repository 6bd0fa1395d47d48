//! What a user saw of an answer, from Kafka alone: its chunks in order with the time each
//! left its node (CHUNK_RECEIVED), the text cut by their lengths (the assistant
//! CHAT_MESSAGE), and every wait longer than a threshold — before the first chunk or
//! between two — with its cause where the events name one (a takeover after a node was
//! lost, the answer moving to another node, the model's first-token wait).
//! `chatctl session --play` replays one answer at its recorded pace; `chatctl stalls` finds
//! every such wait in a time range of the fleet.
//!
//! Times are the events' own (when each chunk left the node that produced it): a client
//! that resumed elsewhere got the chunks generated meanwhile at once, which is not in the
//! log. A CHUNK_RECEIVED event carries each chunk it folds with its own time (its latency
//! from the request); CHUNK_RECEIVED events coalesced away under back-pressure leave a
//! longer gap behind.

use std::collections::BTreeMap;

use rdkafka::Message;
use serde::Serialize;

use crate::error::Result;
use crate::events::{Event, Payload, Role, CHAT_EVENTS, STREAM_EVENTS};
use crate::kafka::KafkaSettings;
use crate::ops::range::{resolve, RangeSpec};
use crate::ops::replay::{read, Filter, Take};

/// One answer as the log tells it.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub message_id: String,
    pub session_id: String,
    /// SESSION_STARTED (ms since the epoch) and the node that took the chat.
    pub started: Option<(i64, String)>,
    /// By index: (time ms, length, node); the latest event of an index wins (a chunk
    /// generated again after a takeover is the one the client got).
    pub chunks: BTreeMap<u32, (i64, u32, String)>,
    /// Takeovers: (time ms, epoch, from chunk, node, the node that was lost).
    pub takeovers: Vec<(i64, u32, u32, String, Option<String>)>,
    /// NODE_LOST and other stream errors: (time ms, code).
    pub errors: Vec<(i64, String)>,
    pub completed: Option<i64>,
    /// The whole text (the assistant message).
    pub text: Option<String>,
}

/// One chunk as replayed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlayedChunk {
    pub index: u32,
    pub length: u32,
    /// ms after the chat started (or after the first chunk, when its start is not in range).
    pub at_ms: i64,
    /// ms since the chunk before (or since the start, for the first).
    pub gap_ms: i64,
    pub node: String,
    /// Its text, when the assistant message is in range and the lengths add up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A wait longer than the threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stall {
    pub message_id: String,
    pub session_id: String,
    /// The chunk the user waited for.
    pub before_chunk: u32,
    pub gap_ms: i64,
    /// When the wait ended (ms since the epoch).
    pub at_ms: i64,
    /// The node that produced the chunk after the wait.
    pub node: String,
    pub cause: String,
}

impl Stall {
    /// Its cells as people read them (the CLI's table and the console's `:stalls`): when
    /// the wait ended, session, message, the chunk waited for, the wait in seconds, node,
    /// cause.
    pub fn cells(&self) -> Vec<String> {
        vec![
            chrono::DateTime::from_timestamp_millis(self.at_ms)
                .map(|t| t.format("%H:%M:%S%.3f").to_string())
                .unwrap_or_default(),
            self.session_id.clone(),
            self.message_id.clone(),
            self.before_chunk.to_string(),
            format!("{:.2}", self.gap_ms as f64 / 1000.0),
            self.node.clone(),
            self.cause.clone(),
        ]
    }
}

/// Every answer the events speak of, by message id.
pub fn answers<'a>(events: impl IntoIterator<Item = &'a Event>) -> BTreeMap<String, Answer> {
    let mut out: BTreeMap<String, Answer> = BTreeMap::new();
    for e in events {
        add(&mut out, e);
    }
    out
}

/// One more event into `answers`; the message id of the answer it touched, if any.
pub fn add<'a>(answers: &mut BTreeMap<String, Answer>, e: &'a Event) -> Option<&'a str> {
    let id = e.payload.message_id();
    if id.is_empty() || matches!(&e.payload, Payload::ChatMessage(m) if m.role == Role::User) {
        return None;
    }
    let a = answers.entry(id.to_string()).or_default();
    if a.message_id.is_empty() {
        a.message_id = id.to_string();
        a.session_id = e.session_id.clone();
    }
    let t = e.timestamp.timestamp_millis();
    let node = e.metadata.node_id.clone();
    match &e.payload {
        Payload::SessionStarted(_) => a.started = Some((t, node)),
        Payload::ChunkReceived(c) => {
            for (index, length, latency) in c.chunks() {
                let at_ms = c.at_ms(t, latency);
                if a.chunks.get(&index).is_none_or(|(at, _, _)| *at <= at_ms) {
                    a.chunks.insert(index, (at_ms, length, node.clone()));
                }
            }
        }
        Payload::StreamResumed(r) => a.takeovers.push((t, r.epoch, r.from_chunk, node, r.previous_node_id.clone())),
        Payload::StreamError(s) => a.errors.push((t, s.error_code.clone())),
        Payload::StreamCompleted(_) => a.completed = Some(t),
        Payload::ChatMessage(m) if m.role == Role::Assistant => a.text = Some(m.content.clone()),
        Payload::ChatMessage(_) => {}
    }
    Some(id)
}

/// Both event topics read forward from a time: the first call reads from a minute before
/// it (a wait that ends in range may have begun before), each later one the records
/// appended since the call before (`stalls --watch`). Blocking: run it off the runtime.
pub struct Reader {
    kafka: KafkaSettings,
    since_ms: i64,
    until_ms: Option<i64>,
    /// Where each partition's next read starts, once read.
    next: BTreeMap<(String, i32), i64>,
}

/// How far before the range's start its events are read.
pub const LOOK_BACK_MS: i64 = 60_000;

impl Reader {
    pub fn new(kafka: KafkaSettings, since_ms: i64, until_ms: Option<i64>) -> Reader {
        Reader { kafka, since_ms, until_ms, next: BTreeMap::new() }
    }

    /// The events not read yet, and how many records could not be decoded.
    pub fn next_events(&mut self) -> Result<(Vec<Event>, usize)> {
        let first = self.next.is_empty();
        let spec = if first {
            RangeSpec { since_ms: Some(self.since_ms - LOOK_BACK_MS), until_ms: self.until_ms, ..RangeSpec::default() }
        } else {
            RangeSpec::default()
        };
        let mut resolved = resolve(&self.kafka, &[STREAM_EVENTS, CHAT_EVENTS], &spec)?;
        if !first {
            for r in &mut resolved.ranges {
                if let Some(n) = self.next.get(&(r.topic.clone(), r.partition)) {
                    r.start = (*n).clamp(r.start, r.end);
                    r.check = None;
                }
            }
        }
        let (mut events, mut bad) = (Vec::new(), 0);
        let mut notes = resolved.notes.clone();
        read(
            &self.kafka,
            &resolved.ranges,
            &Filter::default(),
            |m| {
                match m.payload().map(Event::decode) {
                    Some(Ok(e)) => events.push(e),
                    _ => bad += 1,
                }
                Ok(Take::More)
            },
            |_| {},
            &mut notes,
        )?;
        for r in &resolved.ranges {
            self.next.insert((r.topic.clone(), r.partition), r.end);
        }
        Ok((events, bad))
    }
}

/// The stalls of a window that moves with the clock (the console's `:stalls`), kept up to
/// date from the records appended since the last read; answers that ended before the
/// window are forgotten. Blocking: run it off the runtime.
pub struct Follow {
    reader: Reader,
    answers: BTreeMap<String, Answer>,
    pub window_ms: i64,
    pub min_gap_ms: i64,
}

impl Follow {
    pub fn new(kafka: KafkaSettings, window_ms: i64, min_gap_ms: i64, now_ms: i64) -> Follow {
        Follow { reader: Reader::new(kafka, now_ms - window_ms, None), answers: BTreeMap::new(), window_ms, min_gap_ms }
    }

    /// Read what was appended since the last call: the waits in the window that ends at
    /// `now_ms`, latest last, and how many answers with chunks the window holds.
    pub fn read(&mut self, now_ms: i64) -> Result<(Vec<Stall>, usize)> {
        let (events, _) = self.reader.next_events()?;
        for e in &events {
            add(&mut self.answers, e);
        }
        let from = now_ms - self.window_ms;
        self.answers.retain(|_, a| a.last_ms() >= from - LOOK_BACK_MS);
        let mut stalls: Vec<Stall> =
            self.answers.values().flat_map(|a| a.stalls(self.min_gap_ms)).filter(|s| s.at_ms >= from).collect();
        stalls.sort_by_key(|s| s.at_ms);
        Ok((stalls, self.answers.values().filter(|a| !a.chunks.is_empty()).count()))
    }
}

impl Answer {
    /// The time of its latest event (ms since the epoch).
    pub fn last_ms(&self) -> i64 {
        let chunk = self.chunks.values().map(|c| c.0).max();
        [chunk, self.completed, self.started.as_ref().map(|s| s.0), self.errors.last().map(|e| e.0)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(i64::MIN)
    }

    /// The chunks in order, with their times and (where the lengths add up) their text.
    pub fn play(&self) -> Vec<PlayedChunk> {
        let start = self.started.as_ref().map(|(t, _)| *t).or_else(|| self.chunks.values().next().map(|c| c.0));
        let Some(start) = start else { return Vec::new() };
        let texts = self.cut_text();
        let mut prev = start;
        self.chunks
            .iter()
            .enumerate()
            .map(|(k, (index, (t, len, node)))| {
                let chunk = PlayedChunk {
                    index: *index,
                    length: *len,
                    at_ms: t - start,
                    gap_ms: (t - prev).max(0),
                    node: node.clone(),
                    text: texts.as_ref().map(|v| v[k].clone()),
                };
                prev = *t;
                chunk
            })
            .collect()
    }

    /// The text cut by the chunks' lengths (bytes), when it is there and they add up.
    fn cut_text(&self) -> Option<Vec<String>> {
        let text = self.text.as_ref()?;
        let total: usize = self.chunks.values().map(|c| c.1 as usize).sum();
        if total != text.len() {
            return None;
        }
        let mut at = 0;
        let mut out = Vec::with_capacity(self.chunks.len());
        for (_, len, _) in self.chunks.values() {
            let end = at + *len as usize;
            out.push(text.get(at..end)?.to_string());
            at = end;
        }
        Some(out)
    }

    /// Every wait of at least `min_gap_ms`, with its cause.
    pub fn stalls(&self, min_gap_ms: i64) -> Vec<Stall> {
        let played = self.play();
        let mut prev_node = self.started.as_ref().map(|(_, n)| n.clone());
        let mut prev_at: Option<i64> = self.started.as_ref().map(|(t, _)| *t);
        let mut out = Vec::new();
        for c in &played {
            let at = self.chunks[&c.index].0;
            if c.gap_ms >= min_gap_ms && (prev_at.is_some() || c.index > 0) {
                let from = prev_at.unwrap_or(at - c.gap_ms);
                out.push(Stall {
                    message_id: self.message_id.clone(),
                    session_id: self.session_id.clone(),
                    before_chunk: c.index,
                    gap_ms: c.gap_ms,
                    at_ms: at,
                    node: c.node.clone(),
                    cause: self.cause(from, at, c, prev_node.as_deref()),
                });
            }
            prev_node = Some(c.node.clone());
            prev_at = Some(at);
        }
        out
    }

    /// Why the wait between `from` and `to` (ms) before chunk `c` happened, as far as the
    /// events say.
    fn cause(&self, from: i64, to: i64, c: &PlayedChunk, prev_node: Option<&str>) -> String {
        if let Some((_, epoch, chunk, node, lost)) =
            self.takeovers.iter().find(|(t, _, from_chunk, _, _)| *t >= from && *t <= to || *from_chunk == c.index)
        {
            let lost = lost.as_deref().unwrap_or("its node");
            return format!("takeover: {node} continued from chunk {chunk} (epoch {epoch}) after {lost} was lost");
        }
        match prev_node {
            Some(p) if p != c.node => format!("moved: {p} to {} (a drain hand-off or a restart)", c.node),
            _ if c.index == 0 => "the model's first-token wait".to_string(),
            _ => "the model (no event names another cause)".to_string(),
        }
    }
}

/// Per key: how many waits, and the longest (ms).
pub type Tally = BTreeMap<String, (usize, i64)>;

/// Per node and per cause: how many waits, and the longest.
pub fn summary(stalls: &[Stall]) -> (Tally, Tally) {
    let (mut by_node, mut by_cause): (Tally, Tally) = Default::default();
    for s in stalls {
        let kind = s.cause.split(':').next().unwrap_or(&s.cause).to_string();
        for (map, key) in [(&mut by_node, s.node.clone()), (&mut by_cause, kind)] {
            let e = map.entry(key).or_default();
            e.0 += 1;
            e.1 = e.1.max(s.gap_ms);
        }
    }
    (by_node, by_cause)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{ChatMessage, ChunkReceived, SessionStarted, StreamResumed};
    use chrono::TimeZone;

    fn at(ms: i64, node: &str, p: Payload) -> Event {
        Event::at(chrono::Utc.timestamp_millis_opt(ms).unwrap(), "s1", node, p)
    }

    fn chunk(ms: i64, node: &str, i: u32, len: u32) -> Event {
        at(
            ms,
            node,
            Payload::ChunkReceived(ChunkReceived {
                message_id: "m".into(),
                chunk_index: i,
                content_length: len,
                latency_ms: 0,
                folded: Vec::new(),
            }),
        )
    }

    fn taken_over() -> Vec<Event> {
        vec![
            at(
                1_000,
                "a",
                Payload::SessionStarted(SessionStarted {
                    user_id: "u".into(),
                    message_id: "m".into(),
                    conversation_id: "c".into(),
                }),
            ),
            chunk(1_300, "a", 0, 3),
            chunk(1_400, "a", 1, 3),
            at(
                3_900,
                "b",
                Payload::StreamResumed(StreamResumed {
                    message_id: "m".into(),
                    epoch: 1,
                    from_chunk: 2,
                    previous_node_id: Some("a".into()),
                }),
            ),
            chunk(4_000, "b", 2, 3),
            chunk(4_100, "b", 3, 3),
            at(
                4_200,
                "b",
                Payload::ChatMessage(ChatMessage {
                    message_id: "m".into(),
                    conversation_id: "c".into(),
                    user_id: "u".into(),
                    role: Role::Assistant,
                    content: "onetwothrfou".into(),
                    reply_to: None,
                }),
            ),
        ]
    }

    #[test]
    fn a_takeover_is_the_cause_of_its_wait_and_the_text_is_cut_by_the_lengths() {
        let all = answers(&taken_over());
        let a = &all["m"];
        let played = a.play();
        assert_eq!(
            played.iter().map(|c| (c.index, c.at_ms, c.gap_ms)).collect::<Vec<_>>(),
            vec![(0, 300, 300), (1, 400, 100), (2, 3000, 2600), (3, 3100, 100)]
        );
        let text: String = played.iter().map(|c| c.text.clone().unwrap()).collect();
        assert_eq!(text, "onetwothrfou");
        let stalls = a.stalls(1_000);
        assert_eq!(stalls.len(), 1, "{stalls:?}");
        assert_eq!((stalls[0].before_chunk, stalls[0].gap_ms, stalls[0].node.as_str()), (2, 2600, "b"));
        assert_eq!(stalls[0].cause, "takeover: b continued from chunk 2 (epoch 1) after a was lost");
    }

    #[test]
    fn a_slow_first_token_and_a_move_are_named() {
        let mut ev = taken_over();
        ev.retain(|e| !matches!(e.payload, Payload::StreamResumed(_)));
        ev[1] = chunk(3_500, "a", 0, 3);
        let stalls = answers(&ev)["m"].stalls(1_000);
        let causes: Vec<&str> = stalls.iter().map(|s| s.cause.as_str()).collect();
        assert_eq!(causes, vec!["the model's first-token wait", "moved: a to b (a drain hand-off or a restart)"]);
        let (by_node, by_cause) = summary(&stalls);
        assert_eq!(by_node["b"], (1, 2600));
        assert_eq!(by_cause["moved"], (1, 2600));
    }

    #[test]
    fn folded_chunks_play_as_the_chunks_they_stand_for() {
        // The same answer as `taken_over`, each node's two chunks folded into one event
        // stamped with the later chunk's time; the latencies (from the request at 1,000)
        // place the earlier one.
        let fold = |ms: i64, node: &str, first: u32, latencies: (u64, u64)| {
            at(
                ms,
                node,
                Payload::ChunkReceived(ChunkReceived {
                    message_id: "m".into(),
                    chunk_index: first,
                    content_length: 3,
                    latency_ms: latencies.0,
                    folded: vec![(3, latencies.1)],
                }),
            )
        };
        let mut ev = taken_over();
        ev.retain(|e| !matches!(e.payload, Payload::ChunkReceived(_)));
        ev.insert(1, fold(1_400, "a", 0, (300, 400)));
        ev.push(fold(4_100, "b", 2, (3_000, 3_100)));
        let folded = answers(&ev)["m"].play();
        let per_chunk = answers(&taken_over())["m"].play();
        let key =
            |p: &Vec<PlayedChunk>| p.iter().map(|c| (c.index, c.at_ms, c.gap_ms, c.text.clone())).collect::<Vec<_>>();
        assert_eq!(key(&folded), key(&per_chunk));
        assert_eq!(answers(&ev)["m"].stalls(1_000).len(), 1);
    }
}
