//! The search indexer: every chat message (CHAT_MESSAGE on `chat-events`) into the node's
//! search index (`store::search`), once per eventId. The index is local to a node, so each
//! node's indexer reads every partition: its group is `chatctl-search-<node>`.

use futures_util::future::BoxFuture;

use super::{Handler, HandlerError, Record};
use crate::events::{Event, CHAT_EVENTS};
pub use crate::store::search::{Hit, SearchIndex, SearchReader, DEFAULT_INDEX};

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
            let r =
                if self.index.is_rebuild() { self.index.add_bulk(event).await } else { self.index.add(event).await };
            r.map_err(HandlerError::Transient)
        })
    }
}
