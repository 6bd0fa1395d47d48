//! The search indexer: every chat message (CHAT_MESSAGE on `chat-events`) into a tantivy
//! full-text index, once per eventId.
//!
//! The index is local to a node, so each node's indexer reads every partition: its group
//! is `chatctl-search-<node>`. One thread owns the index writer and commits in groups
//! (whatever is waiting, up to 1,000 documents); a record's offset moves only after the
//! commit that holds its document, so a crash loses nothing and a redelivery replaces the document
//! (delete by eventId, then add).

use std::path::{Path, PathBuf};
use std::sync::mpsc;

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

const BATCH: usize = 1000;

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

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let f = Fields {
        event_id: b.add_text_field("eventId", STRING | STORED),
        session_id: b.add_text_field("sessionId", STRING | STORED),
        conversation_id: b.add_text_field("conversationId", STRING | STORED),
        message_id: b.add_text_field("messageId", STRING | STORED),
        user_id: b.add_text_field("userId", STRING | STORED),
        role: b.add_text_field("role", STRING | STORED),
        content: b.add_text_field("content", TEXT | STORED),
        timestamp: b.add_i64_field("timestamp", INDEXED | STORED | FAST),
    };
    (b.build(), f)
}

fn open_index(dir: &Path) -> Result<(Index, Fields)> {
    std::fs::create_dir_all(dir)?;
    let (schema, fields) = schema();
    let directory = tantivy::directory::MmapDirectory::open(dir).map_err(|e| index_error(dir, e))?;
    let index = Index::open_or_create(directory, schema).map_err(|e| index_error(dir, e))?;
    Ok((index, fields))
}

fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Config(format!("search index {}: {e}", dir.display()))
}

enum Op {
    Add(Box<TantivyDocument>, String, oneshot::Sender<std::result::Result<(), String>>),
    Clear(oneshot::Sender<std::result::Result<(), String>>),
}

/// The writing side of an index: a thread owning the tantivy writer.
#[derive(Clone)]
pub struct SearchIndex {
    ops: mpsc::Sender<Op>,
    fields: Fields,
    index: Index,
    dir: PathBuf,
}

impl SearchIndex {
    /// Open (or create) the index at `dir` for writing. One writer per directory: a second
    /// one fails with tantivy's lock error.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let (index, fields) = open_index(dir)?;
        let writer: IndexWriter = index.writer(50_000_000).map_err(|e| index_error(dir, e))?;
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("search-indexer".into())
            .spawn(move || write_loop(writer, fields, rx))
            .map_err(Error::Io)?;
        Ok(SearchIndex { ops: tx, fields, index, dir: dir.to_path_buf() })
    }

    /// Index one chat message, replacing any earlier copy (same eventId). Resolves once it
    /// is committed.
    pub async fn add(&self, event: &Event) -> std::result::Result<(), String> {
        let Payload::ChatMessage(m) = &event.payload else { return Ok(()) };
        let f = self.fields;
        let doc = doc!(
            f.event_id => event.event_id.to_string(),
            f.session_id => event.session_id.clone(),
            f.conversation_id => m.conversation_id.clone(),
            f.message_id => m.message_id.clone(),
            f.user_id => m.user_id.clone(),
            f.role => m.role.as_str(),
            f.content => m.content.clone(),
            f.timestamp => event.timestamp.timestamp_millis(),
        );
        let (tx, rx) = oneshot::channel();
        self.ops.send(Op::Add(Box::new(doc), event.event_id.to_string(), tx)).map_err(|_| "indexer stopped")?;
        rx.await.map_err(|_| "indexer stopped".to_string())?
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

/// Group commit: take every operation already waiting, then commit them together (at
/// most `BATCH` per commit). One waiting document is committed at once; under load,
/// commits grow with the queue.
fn write_loop(mut writer: IndexWriter, f: Fields, rx: mpsc::Receiver<Op>) {
    let mut waiting: Vec<oneshot::Sender<std::result::Result<(), String>>> = Vec::new();
    while let Ok(op) = rx.recv() {
        let mut next = Some(op);
        while let Some(op) = next.take() {
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
                Op::Clear(done) => {
                    commit(&mut writer, &mut waiting);
                    let r = writer
                        .delete_all_documents()
                        .and_then(|_| writer.commit())
                        .map(|_| ())
                        .map_err(|e| e.to_string());
                    let _ = done.send(r);
                }
            }
            if waiting.len() >= BATCH {
                commit(&mut writer, &mut waiting);
            }
            next = rx.try_recv().ok();
        }
        commit(&mut writer, &mut waiting);
    }
    commit(&mut writer, &mut waiting);
}

fn commit(writer: &mut IndexWriter, waiting: &mut Vec<oneshot::Sender<std::result::Result<(), String>>>) {
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
            .search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit.max(1)))
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

    /// Documents keyed by eventId do not depend on order: let them share commits.
    fn in_flight_per_partition(&self) -> usize {
        64
    }

    fn handle<'a>(
        &'a self,
        event: &'a Event,
        _rec: &'a Record,
    ) -> BoxFuture<'a, std::result::Result<(), HandlerError>> {
        Box::pin(async move { self.index.add(event).await.map_err(HandlerError::Transient) })
    }
}
