//! Chunk telemetry: the CHUNK_RECEIVED events of an answer's delivered chunks, folded —
//! one event for the chunks delivered within `chunk_events_every` (or saved to Redis
//! together), each chunk's index, length and latency kept in it.

use std::time::Instant;

use chrono::SubsecRound;

use super::answer::Generation;
use super::*;

/// CHUNK_RECEIVED for delivered chunks, being folded into one event.
#[derive(Clone)]
pub(super) struct ChunkFold {
    pub(super) event: ChunkReceived,
    /// When its first chunk was delivered (the fold is published `chunk_events_every` later
    /// at the latest).
    pub(super) since: Instant,
    /// When its last chunk was delivered: the event's timestamp.
    pub(super) last_at: chrono::DateTime<chrono::Utc>,
}

/// Chunks one CHUNK_RECEIVED carries at most (an event stays ~1 KiB).
const MAX_FOLDED_CHUNKS: usize = 64;

impl Gateway {
    /// Record chunk `index`'s delivery: its CHUNK_RECEIVED is folded with the chunks
    /// delivered after it, and published once `chunk_events_every` has passed since the
    /// fold's first chunk (by the answer's loop if no chunk comes), at
    /// [`MAX_FOLDED_CHUNKS`], at the end of a group saved to Redis together, or when the
    /// answer ends here ([`flush_chunks`](Self::flush_chunks)).
    pub(super) fn fold_chunk(&self, gen: &mut Generation, index: u32) {
        let now = chrono::Utc::now();
        let latency_ms = (now.timestamp_millis() - gen.meta.started_ms).max(0) as u64;
        let length = gen.deltas[index as usize].len() as u32;
        // Folded only onto the chunk before it (a fold is a run of indexes).
        match gen.fold.as_mut() {
            Some(f) if f.event.chunk_index as u64 + f.event.count() as u64 == index as u64 => {
                f.event.folded.push((length, latency_ms));
                f.last_at = now;
            }
            _ => {
                self.flush_chunks(gen);
                let event = ChunkReceived {
                    message_id: gen.meta.message_id.clone(),
                    chunk_index: index,
                    content_length: length,
                    latency_ms,
                    folded: Vec::new(),
                };
                gen.fold = Some(ChunkFold { event, since: Instant::now(), last_at: now });
            }
        }
        let fold = gen.fold.as_ref().expect("folded above");
        if fold.event.count() as usize >= MAX_FOLDED_CHUNKS || fold.since.elapsed() >= self.chunk_events_every {
            self.flush_chunks(gen);
        }
    }

    /// Publish the chunk telemetry folded so far, if any.
    pub(super) fn flush_chunks(&self, gen: &mut Generation) {
        if let Some(f) = gen.fold.take() {
            let mut e = self.event(&gen.origin, Payload::ChunkReceived(f.event));
            e.timestamp = f.last_at.trunc_subsecs(3);
            self.publisher.publish(e);
        }
    }
}
