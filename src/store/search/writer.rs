//! The index's writer: one thread, group commits, rebuilds beside the live index.

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::Instant;

use tantivy::{doc, Index, IndexWriter, TantivyDocument, Term};
use tokio::sync::oneshot;

use super::{index_error, open_index, Fields, SearchReader, BATCH, BULK_QUEUE, COMMIT_GAP, WRITER_HEAP};
use crate::error::{Error, Result};
use crate::events::{Event, Payload};

type Done = oneshot::Sender<std::result::Result<(), String>>;

enum Op {
    /// Replace the document with this eventId; answered once committed.
    Add(Box<TantivyDocument>, String, Done),
    /// A rebuild's document: added (the index is fresh: nothing to replace), not answered;
    /// the permit bounds how many wait.
    Bulk(Box<TantivyDocument>, tokio::sync::OwnedSemaphorePermit),
    Clear(Done),
    /// Commit everything and let merges finish; the writer thread ends.
    Finish(Done),
}

/// The writing side of an index: a thread owning the tantivy writer.
#[derive(Clone)]
pub struct SearchIndex {
    ops: mpsc::Sender<Op>,
    fields: Fields,
    index: Index,
    dir: PathBuf,
    /// A rebuild: written in `dir`, swapped into this directory by `finish`.
    swap_into: Option<PathBuf>,
    bulk: Arc<tokio::sync::Semaphore>,
}

impl SearchIndex {
    /// A rebuild's index (written beside the live one, swapped in by `finish`).
    pub fn is_rebuild(&self) -> bool {
        self.swap_into.is_some()
    }

    /// Open (or create) the index at `dir` for writing. One writer per directory: a second
    /// one fails with tantivy's lock error.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let (index, fields) = open_index(dir)?;
        Self::start(index, fields, dir, None)
    }

    fn start(index: Index, fields: Fields, dir: &Path, swap_into: Option<PathBuf>) -> Result<SearchIndex> {
        let writer: IndexWriter = index.writer(WRITER_HEAP).map_err(|e| index_error(dir, e))?;
        if swap_into.is_some() {
            // A rebuild is written once: merging its segments while they are still coming is
            // work done twice; the live worker merges later as it needs.
            writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        }
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("search-indexer".into())
            .spawn(move || write_loop(writer, fields, rx))
            .map_err(Error::Io)?;
        Ok(SearchIndex {
            ops: tx,
            fields,
            index,
            dir: dir.to_path_buf(),
            swap_into,
            bulk: Arc::new(tokio::sync::Semaphore::new(BULK_QUEUE)),
        })
    }

    /// A fresh index to rebuild `dir` into: written beside it (`<dir>.rebuild`), swapped in
    /// by [`finish`](Self::finish). Refused while a search worker writes `dir`.
    pub fn rebuild(dir: &Path) -> Result<SearchIndex> {
        if dir.join("meta.json").exists() {
            let (live, _) = open_index(dir)?;
            // Taking the writer lock for a moment tells whether a worker holds it.
            if let Err(e) = live.writer::<TantivyDocument>(15_000_000) {
                return Err(Error::Conflict(format!(
                    "search index {} is being written ({e}): stop its search worker, or rebuild into another --search-index",
                    dir.display()
                )));
            }
        }
        let fresh = rebuild_dir(dir);
        if fresh.exists() {
            std::fs::remove_dir_all(&fresh)?; // a rebuild that did not finish
        }
        let (index, fields) = open_index(&fresh)?;
        Self::start(index, fields, &fresh, Some(dir.to_path_buf()))
    }

    fn document(&self, event: &Event) -> Option<TantivyDocument> {
        let Payload::ChatMessage(m) = &event.payload else { return None };
        let f = self.fields;
        Some(doc!(
            f.event_id => event.event_id.to_string(),
            f.session_id => event.session_id.clone(),
            f.conversation_id => m.conversation_id.clone(),
            f.message_id => m.message_id.clone(),
            f.user_id => m.user_id.clone(),
            f.role => m.role.as_str(),
            f.content => m.content.clone(),
            f.timestamp => event.timestamp.timestamp_millis(),
        ))
    }

    /// Index one chat message, replacing any earlier copy (same eventId). Resolves once it
    /// is committed.
    pub async fn add(&self, event: &Event) -> std::result::Result<(), String> {
        let Some(doc) = self.document(event) else { return Ok(()) };
        let (tx, rx) = oneshot::channel();
        self.ops.send(Op::Add(Box::new(doc), event.event_id.to_string(), tx)).map_err(|_| "indexer stopped")?;
        rx.await.map_err(|_| "indexer stopped".to_string())?
    }

    /// A rebuild's document: queued (waiting only while the queue is full), committed by
    /// [`finish`](Self::finish).
    pub async fn add_bulk(&self, event: &Event) -> std::result::Result<(), String> {
        let Some(doc) = self.document(event) else { return Ok(()) };
        let permit = self.bulk.clone().acquire_owned().await.map_err(|_| "indexer stopped")?;
        self.queue_bulk(doc, permit)
    }

    /// [`add_bulk`](Self::add_bulk) for a blocking reader (the replay command's read loop,
    /// on a blocking thread of `rt`): no task, no record copy per document.
    pub fn add_bulk_blocking(&self, rt: &tokio::runtime::Handle, event: &Event) -> std::result::Result<(), String> {
        let Some(doc) = self.document(event) else { return Ok(()) };
        let permit = match self.bulk.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => rt.block_on(self.bulk.clone().acquire_owned()).map_err(|_| "indexer stopped")?,
        };
        self.queue_bulk(doc, permit)
    }

    fn queue_bulk(
        &self,
        doc: TantivyDocument,
        permit: tokio::sync::OwnedSemaphorePermit,
    ) -> std::result::Result<(), String> {
        self.ops.send(Op::Bulk(Box::new(doc), permit)).map_err(|_| "indexer stopped".to_string())
    }

    /// Commit everything and stop the writer; a rebuild is then swapped in (the old index
    /// is removed). Searches opened before the swap keep reading the old files.
    pub async fn finish(&self) -> Result<()> {
        let (tx, rx) = oneshot::channel();
        let stopped = || Error::Config("search indexer stopped".into());
        self.ops.send(Op::Finish(tx)).map_err(|_| stopped())?;
        rx.await.map_err(|_| stopped())?.map_err(|e| index_error(&self.dir, e))?;
        if let Some(live) = &self.swap_into {
            let old = live.with_extension("old");
            if old.exists() {
                std::fs::remove_dir_all(&old)?;
            }
            if live.exists() {
                std::fs::rename(live, &old)?;
            }
            std::fs::rename(&self.dir, live)?;
            if old.exists() {
                std::fs::remove_dir_all(&old)?;
            }
        }
        Ok(())
    }

    /// Empty the index (for `replay --into search --rebuild`).
    pub async fn clear(&self) -> Result<()> {
        let (tx, rx) = oneshot::channel();
        self.ops.send(Op::Clear(tx)).map_err(|_| Error::Config("search indexer stopped".into()))?;
        rx.await.map_err(|_| Error::Config("search indexer stopped".into()))?.map_err(|e| index_error(&self.dir, e))
    }

    /// A reader of what is committed.
    pub fn reader(&self) -> Result<SearchReader> {
        SearchReader::from_index(self.index.clone(), self.fields, &self.dir)
    }
}

/// Where a rebuild of `dir` is written.
pub(super) fn rebuild_dir(dir: &Path) -> PathBuf {
    let mut name = dir.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".rebuild");
    dir.with_file_name(name)
}

/// Group commit by time and size: documents are added as they come; what waits is
/// committed `COMMIT_GAP` after the last commit (more may come meanwhile), or at once when
/// `BATCH` are waiting. Bulk documents wait for `Finish`.
fn write_loop(mut writer: IndexWriter, f: Fields, rx: mpsc::Receiver<Op>) {
    let mut waiting: Vec<Done> = Vec::new();
    let mut last_commit = Instant::now();
    loop {
        if !waiting.is_empty() && last_commit.elapsed() >= COMMIT_GAP {
            commit(&mut writer, &mut waiting);
            last_commit = Instant::now();
        }
        let op = if waiting.is_empty() {
            match rx.recv() {
                Ok(op) => op,
                Err(_) => break,
            }
        } else {
            let left = COMMIT_GAP.saturating_sub(last_commit.elapsed());
            match rx.recv_timeout(left) {
                Ok(op) => op,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    commit(&mut writer, &mut waiting);
                    last_commit = Instant::now();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        };
        match op {
            Op::Add(doc, id, done) => {
                writer.delete_term(Term::from_field_text(f.event_id, &id));
                match writer.add_document(*doc) {
                    Ok(_) => waiting.push(done),
                    Err(e) => {
                        let _ = done.send(Err(e.to_string()));
                    }
                }
            }
            Op::Bulk(doc, _permit) => {
                if let Err(e) = writer.add_document(*doc) {
                    tracing::warn!(error = %e, "rebuild: document not indexed");
                }
            }
            Op::Clear(done) => {
                commit(&mut writer, &mut waiting);
                let r =
                    writer.delete_all_documents().and_then(|_| writer.commit()).map(|_| ()).map_err(|e| e.to_string());
                let _ = done.send(r);
            }
            Op::Finish(done) => {
                commit(&mut writer, &mut waiting);
                let r =
                    writer.commit().map(drop).and_then(|_| writer.wait_merging_threads()).map_err(|e| e.to_string());
                let _ = done.send(r);
                return;
            }
        }
        if waiting.len() >= BATCH {
            commit(&mut writer, &mut waiting);
            last_commit = Instant::now();
        }
    }
    commit(&mut writer, &mut waiting);
}

fn commit(writer: &mut IndexWriter, waiting: &mut Vec<Done>) {
    if waiting.is_empty() {
        return;
    }
    let r = writer.commit().map(|_| ()).map_err(|e| e.to_string());
    if let Err(e) = &r {
        // Uncommitted documents are dropped: the records will be redelivered.
        tracing::warn!(error = %e, "search index commit failed");
        let _ = writer.rollback();
    }
    for w in waiting.drain(..) {
        let _ = w.send(r.clone());
    }
}
