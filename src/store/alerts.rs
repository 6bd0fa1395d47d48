//! Alert grouping state, Alertmanager-style: occurrences (slow answers, stream errors) are
//! grouped per kind, node and code into windows of event time; a window's first occurrence
//! is alerted at once, the rest reported by digests with counts. Everything is keyed by
//! eventId and kept in the store, so a worker restart neither loses nor repeats a count,
//! and a window being notified is claimed (a lease) so two nodes never send it twice.

use super::writer::WriteError;
use super::{Param, Store};

/// One thing worth an alert.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub event_id: String,
    /// "error" or "slow".
    pub kind: String,
    pub node_id: String,
    /// The STREAM_ERROR errorCode, or "SLA".
    pub code: String,
    pub ts_ms: i64,
    /// Start of its window (event time).
    pub window_ms: i64,
    /// What the first alert of its window says about it.
    pub detail: String,
}

impl Occurrence {
    pub fn window_key(&self) -> String {
        format!("{}|{}|{}|{}", self.kind, self.node_id, self.code, self.window_ms)
    }
}

/// A window of grouped occurrences, with what was already notified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertWindow {
    pub window_key: String,
    pub kind: String,
    pub node_id: String,
    pub code: String,
    pub window_ms: i64,
    pub first_event_id: String,
    pub first_ms: i64,
    pub detail: String,
    pub first_sent: bool,
    /// Occurrences already counted in a message.
    pub notified: i64,
    /// Messages sent for this window.
    pub messages: i64,
    /// The total a message being sent carries (0: none): a sender that died mid-send left
    /// it, and the next one sends that same message again (same id, same count).
    pub pending: i64,
    /// Occurrences recorded.
    pub count: i64,
}

const INSERT_WINDOW: &str = "INSERT INTO alert_windows (window_key, kind, node_id, code, window_ms, first_event_id, \
    first_ms, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (window_key) DO NOTHING";
const INSERT_EVENT: &str =
    "INSERT INTO alert_events (event_id, window_key, ts_ms) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING";
const MARK_DIRTY: &str = "UPDATE alert_windows SET dirty = 1 WHERE window_key = $1 AND dirty = 0";
const CLAIM: &str = "UPDATE alert_windows SET claim_until = $2 WHERE window_key = $1 AND claim_until < $3";
const Q_WINDOW: &str = "SELECT window_key, kind, node_id, code, window_ms, first_event_id, first_ms, detail, \
    first_sent, notified, messages, (SELECT COUNT(*) FROM alert_events e WHERE e.window_key = w.window_key), pending \
    FROM alert_windows w WHERE window_key = $1";
// Still dirty if occurrences arrived after the count this message carried.
const PENDING: &str = "UPDATE alert_windows SET pending = $2 WHERE window_key = $1";
const DONE: &str =
    "UPDATE alert_windows SET first_sent = 1, notified = $2, messages = messages + 1, pending = 0, claim_until = 0, \
    dirty = CASE WHEN (SELECT COUNT(*) FROM alert_events e WHERE e.window_key = $1) > $2 THEN 1 ELSE 0 END \
    WHERE window_key = $1";
const RELEASE: &str = "UPDATE alert_windows SET claim_until = 0 WHERE window_key = $1";
const Q_DUE: &str = "SELECT window_key FROM alert_windows WHERE dirty = 1 AND claim_until < $1 \
    AND (first_sent = 0 OR window_ms + $2 <= $1) ORDER BY window_ms LIMIT 100";

impl Store {
    /// Record an occurrence (idempotent by eventId).
    pub async fn alert_occurrence(&self, o: &Occurrence) -> std::result::Result<(), WriteError> {
        let key = o.window_key();
        self.exec(
            INSERT_WINDOW,
            vec![
                Param::Text(key.clone()),
                Param::Text(o.kind.clone()),
                Param::Text(o.node_id.clone()),
                Param::Text(o.code.clone()),
                Param::Int(o.window_ms),
                Param::Text(o.event_id.clone()),
                Param::Int(o.ts_ms),
                Param::Text(o.detail.clone()),
            ],
        )
        .await?;
        self.exec(INSERT_EVENT, vec![Param::Text(o.event_id.clone()), Param::Text(key.clone()), Param::Int(o.ts_ms)])
            .await?;
        self.exec(MARK_DIRTY, vec![Param::Text(key)]).await
    }

    /// Claim `key` for `lease_ms` (nobody else holds it): the window as it stands, or None.
    pub async fn alert_claim(
        &self,
        key: &str,
        now_ms: i64,
        lease_ms: i64,
    ) -> std::result::Result<Option<AlertWindow>, WriteError> {
        let claimed = self
            .execute(CLAIM, vec![Param::Text(key.into()), Param::Int(now_ms + lease_ms), Param::Int(now_ms)])
            .await?;
        if claimed == 0 {
            return Ok(None);
        }
        let rows = self
            .read(Q_WINDOW, vec![Param::Text(key.into())], |r| AlertWindow {
                window_key: r.text(0),
                kind: r.text(1),
                node_id: r.text(2),
                code: r.text(3),
                window_ms: r.int(4),
                first_event_id: r.text(5),
                first_ms: r.int(6),
                detail: r.text(7),
                first_sent: r.int(8) != 0,
                notified: r.int(9),
                messages: r.int(10),
                count: r.int(11),
                pending: r.int(12),
            })
            .await?;
        Ok(rows.into_iter().next())
    }

    /// A message about `key` counting `total` occurrences in all is about to be sent: kept,
    /// so that if this sender dies mid-send the next sends the very same message.
    pub async fn alert_pending(&self, key: &str, total: i64) -> std::result::Result<(), WriteError> {
        self.execute(PENDING, vec![Param::Text(key.into()), Param::Int(total)]).await.map(drop)
    }

    /// A message about `key` went out counting `notified` occurrences in all; the claim ends.
    pub async fn alert_sent(&self, key: &str, notified: i64) -> std::result::Result<(), WriteError> {
        self.execute(DONE, vec![Param::Text(key.into()), Param::Int(notified)]).await.map(drop)
    }

    /// Give a claim up (the message could not be sent).
    pub async fn alert_release(&self, key: &str) -> std::result::Result<(), WriteError> {
        self.execute(RELEASE, vec![Param::Text(key.into())]).await.map(drop)
    }

    /// Windows with something to send now: a first alert not sent yet, or occurrences not
    /// yet counted in a window that ended `settle_ms` ago (`window + grace`).
    pub async fn alerts_due(&self, now_ms: i64, settle_ms: i64) -> std::result::Result<Vec<String>, WriteError> {
        self.read(Q_DUE, vec![Param::Int(now_ms), Param::Int(settle_ms)], |r| r.text(0)).await
    }
}
