//! The search index: chat messages in a tantivy full-text index, once per eventId; the
//! writer (`writer.rs`) and the query side (`reader.rs`). The search worker
//! (`workers::search`) feeds the writer, `chatctl search` reads.
//!
//! The index is local to a node. One thread owns the index writer and commits in groups, by
//! time and size: at most every `COMMIT_GAP` while documents keep coming, at once when
//! `BATCH` are waiting; a record's offset moves only after the commit that holds its
//! document, so a crash loses nothing and a redelivery replaces the document (delete by
//! eventId, then add).
//!
//! A rebuild (`replay --into search --rebuild`) writes a fresh index beside the live one
//! (no per-document delete, no wait per document, one commit at the end) and swaps it in
//! when done: searches keep answering from the old index meanwhile.

mod reader;
mod writer;

pub use reader::{Hit, SearchReader};
pub use writer::SearchIndex;

#[cfg(test)]
mod tests;

use std::path::Path;
use std::time::Duration;

use tantivy::schema::{Field, Schema, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::Index;

use crate::error::{Error, Result};

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
    crate::security::private_dir(dir)?;
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
