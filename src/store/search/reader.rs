//! The index's query side: full-text queries with session and user filters.

use std::path::Path;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::{index_error, open_index, Fields};
use crate::error::{Error, Result};

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

    pub(super) fn from_index(index: Index, fields: Fields, dir: &Path) -> Result<SearchReader> {
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
