//! The search indexer: every chat message (CHAT_MESSAGE on `chat-events`) into a tantivy
//! full-text index, once per eventId.
//!
//! The index is local to a node, so each node's indexer reads every partition: its group
//! is `chatctl-search-<node>`. One thread owns the index writer and commits in groups, by
//! time and size: at most every `COMMIT_GAP` while documents keep coming, at once when
//! `BATCH` are waiting; a record's offset moves only after the commit that holds its
//! document, so a crash loses nothing and a redelivery replaces the document (delete by
//! eventId, then add).
//!
//! A rebuild (`replay --into search --rebuild`) writes a fresh index beside the live one
//! (no per-document delete, no wait per document, one commit at the end) and swaps it in
//! when done: searches keep answering from the old index meanwhile.

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use tokio::sync::oneshot;

use super::{Handler, HandlerError, Record};
use crate::error::{Error, Result};
use crate::events::{Event, Payload, CHAT_EVENTS};

/// Where `serve` and `search` keep the index unless told otherwise.
pub const DEFAULT_INDEX: &str = "chatctl-data/search";

/// Most documents in one commit.
const BATCH: usize = 20_000;
/// Least time between two commits while documents keep coming: lets a commit fill with
/// what the workers have in flight instead of committing each trickle.
const COMMIT_GAP: Duration = Duration::from_millis(50);
/// The writer's memory budget (tantivy flushes a segment when it is used up).
const WRITER_HEAP: usize = 100_000_000;
/// Documents a rebuild may have queued ahead of the writer.
const BULK_QUEUE: usize = 8192;

#[derive(Clone, Copy)]
struct Fields {
    event_id: Field,
    session_id: Field,
    conversation_id: Field,
    message_id: Field,
    user_id: Field,
    role: Field,
    content: Field,
    timestamp: Field,
}

/// The schema of a new index. Only what is searched or filtered on is indexed (the
/// content, eventId for replacing a document, sessionId and userId for filters, the time);
/// conversationId, messageId and role are only stored: indexing ids unique to each
/// document filled term dictionaries nobody reads, at a cost to every rebuild.
fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("eventId", STRING | STORED);
    b.add_text_field("sessionId", STRING | STORED);
    b.add_text_field("conversationId", STORED);
    b.add_text_field("messageId", STORED);
    b.add_text_field("userId", STRING | STORED);
    b.add_text_field("role", STORED);
    b.add_text_field("content", TEXT | STORED);
    b.add_i64_field("timestamp", INDEXED | STORED | FAST);
    b.build()
}

impl Fields {
    /// The fields of an index, by name: an index written by an earlier chatctl (which also
    /// indexed conversationId, messageId and role) keeps working as it is.
    fn of(schema: &Schema) -> std::result::Result<Fields, tantivy::TantivyError> {
        let f = |name| schema.get_field(name);
        Ok(Fields {
            event_id: f("eventId")?,
            session_id: f("sessionId")?,
            conversation_id: f("conversationId")?,
            message_id: f("messageId")?,
            user_id: f("userId")?,
            role: f("role")?,
            content: f("content")?,
            timestamp: f("timestamp")?,
        })
    }
}

fn open_index(dir: &Path) -> Result<(Index, Fields)> {
    std::fs::create_dir_all(dir)?;
    let directory = tantivy::directory::MmapDirectory::open(dir).map_err(|e| index_error(dir, e))?;
    let exists = Index::exists(&directory).map_err(|e| index_error(dir, e))?;
    let index = if exists {
        Index::open(directory)
    } else {
        Index::create(directory, schema(), tantivy::IndexSettings::default())
    }
    .map_err(|e| index_error(dir, e))?;
    let fields = Fields::of(&index.schema()).map_err(|e| index_error(dir, e))?;
    Ok((index, fields))
}

fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Config(format!("search index {}: {e}", dir.display()))
}

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
fn rebuild_dir(dir: &Path) -> PathBuf {
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

/// One hit of a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    pub event_id: String,
    pub timestamp: i64,
    pub session_id: String,
    pub conversation_id: String,
    pub message_id: String,
    pub user_id: String,
    pub role: String,
    pub content: String,
}

/// The reading side: searches what is committed (several readers may share a directory
/// with one writer).
pub struct SearchReader {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchReader {
    pub fn open(dir: &Path) -> Result<SearchReader> {
        if !dir.join("meta.json").exists() {
            return Err(Error::NotFound(format!(
                "no search index at {} (run a search worker: chatctl serve --workers search)",
                dir.display()
            )));
        }
        let (index, fields) = open_index(dir)?;
        SearchReader::from_index(index, fields, dir)
    }

    fn from_index(index: Index, fields: Fields, dir: &Path) -> Result<SearchReader> {
        let reader =
            index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(|e| index_error(dir, e))?;
        Ok(SearchReader { index, reader, fields })
    }

    /// Documents matching `query` (tantivy's query language over the message text; empty
    /// = all), narrowed to a session and/or user, best first.
    pub fn search(&self, query: &str, session: Option<&str>, user: Option<&str>, limit: usize) -> Result<Vec<Hit>> {
        let _ = self.reader.reload();
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if query.trim().is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        } else {
            let parsed = QueryParser::for_index(&self.index, vec![f.content])
                .parse_query(query)
                .map_err(|e| Error::usage(format!("bad query {query:?}: {e}")))?;
            clauses.push((Occur::Must, parsed));
        }
        for (field, value) in [(f.session_id, session), (f.user_id, user)] {
            if let Some(v) = value {
                let term = Term::from_field_text(field, v);
                clauses.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
            }
        }
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(|e| Error::Config(e.to_string()))?;
        let text =
            |d: &TantivyDocument, field: Field| d.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_string();
        top.into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = searcher.doc(addr).map_err(|e| Error::Config(e.to_string()))?;
                Ok(Hit {
                    event_id: text(&d, f.event_id),
                    timestamp: d.get_first(f.timestamp).and_then(|v| v.as_i64()).unwrap_or(0),
                    session_id: text(&d, f.session_id),
                    conversation_id: text(&d, f.conversation_id),
                    message_id: text(&d, f.message_id),
                    user_id: text(&d, f.user_id),
                    role: text(&d, f.role),
                    content: text(&d, f.content),
                })
            })
            .collect()
    }

    /// How many documents the index holds.
    pub fn count(&self) -> Result<usize> {
        let _ = self.reader.reload();
        self.reader.searcher().search(&AllQuery, &Count).map_err(|e| Error::Config(e.to_string()))
    }
}

/// The worker.
pub struct Search {
    pub index: SearchIndex,
    group: &'static str,
}

impl Search {
    /// An indexer for this node: its own consumer group, so it reads every partition.
    pub fn new(index: SearchIndex, node_id: &str) -> Search {
        Search { index, group: Box::leak(format!("chatctl-search-{node_id}").into_boxed_str()) }
    }
}

impl Handler for Search {
    fn name(&self) -> &'static str {
        self.group
    }

    fn topics(&self) -> Vec<String> {
        vec![CHAT_EVENTS.into()]
    }

    /// Documents keyed by eventId do not depend on order: let them share commits. Each
    /// record waits for the commit holding its document, so the window bounds a commit's
    /// size: with 64 per partition a backlog drained ~9,000 messages/s in commits of ≤ 768
    /// documents (a tantivy commit writes and syncs a segment); 1,024 per partition lets a
    /// commit fill up (at most `BATCH`).
    fn in_flight_per_partition(&self) -> usize {
        1024
    }

    fn handle<'a>(
        &'a self,
        event: &'a Event,
        _rec: &'a Record,
    ) -> BoxFuture<'a, std::result::Result<(), HandlerError>> {
        Box::pin(async move {
            let r = if self.index.swap_into.is_some() {
                self.index.add_bulk(event).await
            } else {
                self.index.add(event).await
            };
            r.map_err(HandlerError::Transient)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{ChatMessage, Role};

    fn msg(i: usize, text: &str) -> Event {
        Event::new(
            format!("s{i}"),
            "n",
            Payload::ChatMessage(ChatMessage {
                message_id: format!("m{i}"),
                conversation_id: "c".into(),
                user_id: "u".into(),
                role: Role::User,
                content: text.into(),
                reply_to: None,
            }),
        )
    }

    /// A rebuild is written beside the live index and swapped in at the end; a search
    /// opened before keeps answering from the old index meanwhile; a rebuild is refused
    /// while a writer holds the live index.
    #[tokio::test]
    async fn a_rebuild_swaps_in_a_fresh_index() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("index");
        let writer = SearchIndex::open(&live).unwrap();
        writer.add(&msg(0, "old kafka")).await.unwrap();
        writer.add(&msg(1, "old replay")).await.unwrap();
        let refused = SearchIndex::rebuild(&live).err().expect("refused while written");
        assert!(matches!(refused, Error::Conflict(_)), "{refused}");
        writer.finish().await.unwrap();
        drop(writer);

        let before = SearchReader::open(&live).unwrap();
        let rebuild = SearchIndex::rebuild(&live).unwrap();
        for i in 0..100 {
            rebuild.add_bulk(&msg(10 + i, "new kafka")).await.unwrap();
        }
        assert_eq!(before.count().unwrap(), 2, "searches answer from the old index during a rebuild");
        assert_eq!(SearchReader::open(&live).unwrap().count().unwrap(), 2);
        rebuild.finish().await.unwrap();
        let after = SearchReader::open(&live).unwrap();
        assert_eq!(after.count().unwrap(), 100);
        assert!(after.search("old", None, None, 10).unwrap().is_empty());
        assert!(!rebuild_dir(&live).exists() && !live.with_extension("old").exists());
    }

    /// An index written by an earlier chatctl (conversationId, messageId and role indexed
    /// too) is used as it is: written to, replaced by eventId, searched; a rebuild gives it
    /// the current schema.
    #[tokio::test]
    async fn an_index_with_the_earlier_schema_keeps_working() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("index");
        std::fs::create_dir_all(&live).unwrap();
        let mut b = Schema::builder();
        for name in ["eventId", "sessionId", "conversationId", "messageId", "userId", "role"] {
            b.add_text_field(name, STRING | STORED);
        }
        b.add_text_field("content", TEXT | STORED);
        b.add_i64_field("timestamp", INDEXED | STORED | FAST);
        let earlier = b.build();
        Index::create_in_dir(&live, earlier.clone()).unwrap();

        let writer = SearchIndex::open(&live).unwrap();
        let first = msg(0, "kafka before");
        writer.add(&first).await.unwrap();
        let mut again = first.clone();
        if let Payload::ChatMessage(m) = &mut again.payload {
            m.content = "kafka after".into();
        }
        writer.add(&again).await.unwrap();
        writer.add(&msg(1, "redis")).await.unwrap();
        writer.finish().await.unwrap();
        drop(writer);
        let reader = SearchReader::open(&live).unwrap();
        assert_eq!(reader.count().unwrap(), 2, "the same eventId replaced, not added");
        let hits = reader.search("kafka", None, Some("u"), 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].content.as_str(), hits[0].message_id.as_str()), ("kafka after", "m0"));
        assert_eq!(Index::open_in_dir(&live).unwrap().schema(), earlier, "left as it was");

        let rebuild = SearchIndex::rebuild(&live).unwrap();
        rebuild.add_bulk(&msg(2, "kafka rebuilt")).await.unwrap();
        rebuild.finish().await.unwrap();
        assert_eq!(Index::open_in_dir(&live).unwrap().schema(), schema());
        assert_eq!(SearchReader::open(&live).unwrap().search("kafka", None, None, 10).unwrap().len(), 1);
    }
}
