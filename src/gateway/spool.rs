//! The gateway's event spool: every event is appended to a local log (fdatasync per batch)
//! before it is handed to the producer, and forgotten only once the broker acknowledged it
//! and every event before it. A crash or kill -9 while the broker is away loses nothing:
//! the next start sends again whatever was not acknowledged (consumers dedupe by eventId,
//! so an event sent twice is harmless). Like vector's and Fluent Bit's disk buffers.
//!
//! Layout of the directory: segments `NNNNNNNNNNNNNNNNNNNN.log` named by the sequence
//! number of their first event, one event (its JSON) per line, and `acked`: the sequence
//! number below which everything was acknowledged (written to a temporary file, then
//! renamed). Segments wholly below it are deleted.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::events::Event;

/// A new segment after this many bytes.
const SEGMENT_BYTES: u64 = 16 << 20;

pub struct Spool {
    dir: PathBuf,
    /// The segment being appended to: (first sequence number, file, bytes). Held across a
    /// batch's write and fdatasync, which `inner` is not: acknowledgements (counted on the
    /// producer's delivery thread) never wait for the disk.
    current: Mutex<Option<(u64, File, u64)>>,
    inner: Mutex<Inner>,
    /// Held (locked) while the spool is open: two processes must never share one.
    _lock: File,
}

struct Inner {
    /// The sequence number of the next event appended.
    next: u64,
    /// The first sequence number of the segment being appended to.
    current_first: Option<u64>,
    /// Sequence numbers spooled and not yet acknowledged.
    unacked: BTreeSet<u64>,
    /// The `acked` mark as last written.
    written_mark: u64,
}

fn segment_name(first: u64) -> String {
    format!("{first:020}.log")
}

impl Spool {
    /// Open (or create) the spool in `dir`. Returns it with the events a previous run left
    /// unacknowledged, oldest first: send them again before anything new.
    pub fn open(dir: &Path) -> std::io::Result<(Spool, Vec<Event>)> {
        std::fs::create_dir_all(dir)?;
        let lock = OpenOptions::new().create(true).truncate(false).write(true).open(dir.join("lock"))?;
        if lock.try_lock().is_err() {
            return Err(std::io::Error::other(format!(
                "{} is in use by another chatctl serve (give each node its own --spool-dir)",
                dir.display()
            )));
        }
        let mark: u64 =
            std::fs::read_to_string(dir.join("acked")).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
        let mut segments = segments(dir)?;
        segments.sort();
        let mut left = Vec::new();
        let mut next = mark;
        let mut bad = 0usize;
        for first in &segments {
            let f = File::open(dir.join(segment_name(*first)))?;
            for (i, line) in BufReader::new(f).lines().enumerate() {
                let seq = first + i as u64;
                next = next.max(seq + 1);
                let Ok(line) = line else { break };
                if seq < mark {
                    continue;
                }
                // A torn last line (crash mid-write, before its batch was synced and
                // handed on) was never sent: nothing to resend.
                match Event::decode(line.as_bytes()) {
                    Ok(e) => left.push(e),
                    Err(_) => bad += 1,
                }
            }
        }
        if bad > 0 {
            tracing::warn!(dir = %dir.display(), lines = bad, "spool: unreadable lines skipped (torn by a crash before they were synced)");
        }
        let spool = Spool {
            dir: dir.to_path_buf(),
            current: Mutex::new(None),
            inner: Mutex::new(Inner { next, current_first: None, unacked: BTreeSet::new(), written_mark: mark }),
            _lock: lock,
        };
        Ok((spool, left))
    }

    /// Append `events` durably (one fdatasync for the batch); their sequence numbers.
    pub fn append(&self, events: &[Event]) -> std::io::Result<Vec<u64>> {
        let jsons: Vec<Vec<u8>> = events.iter().map(Event::to_json).collect();
        self.append_json(&jsons)
    }

    /// Append events already serialized (their JSON, one per item) durably.
    pub fn append_json(&self, events: &[Vec<u8>]) -> std::io::Result<Vec<u64>> {
        // One appender at a time; only appenders move `next`, so it holds while this one
        // writes without `inner`.
        let mut current = self.current.lock().unwrap();
        let start = self.inner.lock().unwrap().next;
        if current.as_ref().is_none_or(|c| c.2 >= SEGMENT_BYTES) {
            let f = crate::security::owner_only(OpenOptions::new().create(true).append(true))
                .open(self.dir.join(segment_name(start)))?;
            // The new file's name must survive a crash too.
            File::open(&self.dir)?.sync_all()?;
            *current = Some((start, f, 0));
            self.inner.lock().unwrap().current_first = Some(start);
        }
        let mut buf = Vec::with_capacity(events.len() * 256);
        for e in events {
            buf.extend_from_slice(e);
            buf.push(b'\n');
        }
        let (_, f, bytes) = current.as_mut().expect("opened above");
        f.write_all(&buf)?;
        f.sync_data()?;
        *bytes += buf.len() as u64;
        let mut inner = self.inner.lock().unwrap();
        inner.next += events.len() as u64;
        let seqs: Vec<u64> = (start..inner.next).collect();
        inner.unacked.extend(seqs.iter().copied());
        Ok(seqs)
    }

    /// The broker acknowledged `seq`.
    pub fn ack(&self, seq: u64) {
        self.inner.lock().unwrap().unacked.remove(&seq);
    }

    /// Events spooled and not acknowledged.
    pub fn pending(&self) -> usize {
        self.inner.lock().unwrap().unacked.len()
    }

    /// Would a checkpoint write anything?
    pub fn needs_checkpoint(&self) -> bool {
        let inner = self.inner.lock().unwrap();
        inner.unacked.first().copied().unwrap_or(inner.next) != inner.written_mark
    }

    /// Write the `acked` mark (everything below the oldest unacknowledged event) and delete
    /// the segments below it. Cheap when nothing moved.
    pub fn checkpoint(&self) -> std::io::Result<()> {
        // Called from one task at a time; `inner` is held only to read and note the mark.
        let (mark, current) = {
            let inner = self.inner.lock().unwrap();
            let mark = inner.unacked.first().copied().unwrap_or(inner.next);
            if mark == inner.written_mark {
                return Ok(());
            }
            (mark, inner.current_first)
        };
        let tmp = self.dir.join("acked.tmp");
        std::fs::write(&tmp, mark.to_string())?;
        File::open(&tmp)?.sync_data()?;
        std::fs::rename(&tmp, self.dir.join("acked"))?;
        self.inner.lock().unwrap().written_mark = mark;
        let mut firsts = segments(&self.dir)?;
        firsts.sort();
        // A segment is done when the next one starts at or below the mark. (A segment an
        // append opens meanwhile starts above the mark: the mark is at most `next`.)
        for w in firsts.windows(2) {
            if w[1] <= mark && Some(w[0]) != current {
                let _ = std::fs::remove_file(self.dir.join(segment_name(w[0])));
            }
        }
        Ok(())
    }
}

fn segments(dir: &Path) -> std::io::Result<Vec<u64>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let name = e?.file_name();
        let name = name.to_string_lossy();
        if let Some(n) = name.strip_suffix(".log").and_then(|n| n.parse::<u64>().ok()) {
            out.push(n);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::examples;

    fn ev(i: usize) -> Event {
        Event::new(format!("s-{i}"), "n", examples()[i % examples().len()].clone())
    }

    #[test]
    fn unacknowledged_events_come_back_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let events: Vec<Event> = (0..10).map(ev).collect();
        {
            let (spool, left) = Spool::open(dir.path()).unwrap();
            assert!(left.is_empty());
            let seqs = spool.append(&events[..6]).unwrap();
            let more = spool.append(&events[6..]).unwrap();
            assert_eq!(more, vec![6, 7, 8, 9]);
            // 0..4 and 5 acknowledged; 4 is not: everything from 4 on comes back.
            for s in seqs.iter().filter(|s| **s != 4) {
                spool.ack(*s);
            }
            spool.checkpoint().unwrap();
            assert_eq!(spool.pending(), 5);
            // dropped without a clean shutdown: a crash
        }
        let (spool, left) = Spool::open(dir.path()).unwrap();
        let ids: Vec<_> = left.iter().map(|e| e.event_id).collect();
        let want: Vec<_> = events[4..].iter().map(|e| e.event_id).collect();
        assert_eq!(ids, want);
        // New events continue the numbering.
        assert_eq!(spool.append(&events[..1]).unwrap(), vec![10]);
    }

    #[test]
    fn one_process_per_spool() {
        let dir = tempfile::tempdir().unwrap();
        let (first, _) = Spool::open(dir.path()).unwrap();
        let err = Spool::open(dir.path()).err().expect("refused while open");
        assert!(err.to_string().contains("in use by another chatctl serve"), "{err}");
        drop(first);
        assert!(Spool::open(dir.path()).is_ok(), "free again once closed");
    }

    #[test]
    fn acknowledged_segments_are_deleted_and_a_torn_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let (spool, _) = Spool::open(dir.path()).unwrap();
        let seqs = spool.append(&(0..3).map(ev).collect::<Vec<_>>()).unwrap();
        for s in seqs {
            spool.ack(s);
        }
        // Force a second segment, then acknowledge past the first.
        spool.current.lock().unwrap().as_mut().unwrap().2 = SEGMENT_BYTES;
        let s2 = spool.append(&[ev(3)]).unwrap();
        spool.checkpoint().unwrap();
        let segs = segments(dir.path()).unwrap();
        assert_eq!(segs, vec![3], "the first segment is gone, the current one stays");
        assert_eq!(s2, vec![3]);
        drop(spool);
        // A crash mid-write leaves half a line at the end.
        let mut f = OpenOptions::new().append(true).open(dir.path().join(segment_name(3))).unwrap();
        f.write_all(b"{\"eventId\":\"half").unwrap();
        let (_, left) = Spool::open(dir.path()).unwrap();
        assert_eq!(left.len(), 1, "the whole unacknowledged event, not the torn line");
    }
}
