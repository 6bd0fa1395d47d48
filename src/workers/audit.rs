//! The audit worker: every event of both topics into the audit store, once per eventId.

use futures_util::future::BoxFuture;

use super::{Handler, HandlerError, Record};
use crate::events::{Event, CHAT_EVENTS, STREAM_EVENTS};
use crate::store::{AuditRow, Store};

pub struct Audit {
    pub store: Store,
}

impl Handler for Audit {
    fn name(&self) -> &'static str {
        "chatctl-audit"
    }

    fn topics(&self) -> Vec<String> {
        vec![CHAT_EVENTS.into(), STREAM_EVENTS.into()]
    }

    /// Inserts keyed by eventId do not depend on order: let them share transactions.
    fn in_flight_per_partition(&self) -> usize {
        64
    }

    fn handle<'a>(&'a self, event: &'a Event, rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let row = AuditRow::new(event, rec.payload.as_deref(), &rec.topic, rec.partition, rec.offset);
            self.store.audit(row).await.map_err(HandlerError::from)
        })
    }
}
