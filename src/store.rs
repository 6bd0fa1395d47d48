//! The audit and analytics store: embedded SQLite by default, PostgreSQL for more than one
//! machine. Writes are idempotent by `eventId` (primary keys, conflicts ignored) and go
//! through a group-commit batcher: each caller waits for its own row to be durable, many
//! rows share one transaction.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, Result};
use crate::events::{Event, Payload};

/// Why a write failed: it decides what a worker does with the record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The store cannot be reached (refused, closed, shutting down): not the row's fault.
    /// Workers wait and retry without limit.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// The store refused this row (invalid data, a constraint): retrying cannot help.
    #[error("store refused the row: {0}")]
    Row(String),
    /// Anything else (a deadlock, a timeout): worth a few retries.
    #[error("store: {0}")]
    Other(String),
}

impl From<WriteError> for Error {
    fn from(e: WriteError) -> Self {
        Error::Broker(e.to_string())
    }
}

/// PostgreSQL's answer, classed: by SQLSTATE class where the server answered (22 data
/// exception, 23 integrity: the row; 08 connection, 53 resources, 57 shutdown: the
/// store), unavailable where it did not (a closed or refused connection).
fn pg_class(e: &tokio_postgres::Error) -> WriteError {
    let msg = e.to_string();
    match e.code().map(|c| &c.code()[..2]) {
        Some("22" | "23") => WriteError::Row(msg),
        Some("08" | "53" | "57") => WriteError::Unavailable(msg),
        Some(_) => WriteError::Other(msg),
        None => WriteError::Unavailable(msg),
    }
}

fn pool_class(e: deadpool_postgres::PoolError) -> WriteError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_class(&e),
        other => WriteError::Unavailable(other.to_string()),
    }
}

/// SQLite's answer, classed: constraint and type errors are the row's, a database that
/// cannot be opened or written (disk full, I/O, read-only) is unavailable.
fn sqlite_class(e: &rusqlite::Error) -> WriteError {
    use rusqlite::ErrorCode as C;
    let msg = e.to_string();
    match e.sqlite_error_code() {
        Some(C::ConstraintViolation | C::TypeMismatch | C::TooBig) => WriteError::Row(msg),
        Some(C::CannotOpen | C::DiskFull | C::ReadOnly | C::SystemIoFailure | C::NotADatabase | C::DatabaseCorrupt) => {
            WriteError::Unavailable(msg)
        }
        _ => WriteError::Other(msg),
    }
}

/// One audit row: the event's searchable columns plus its full JSON.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub event_id: String,
    pub event_type: String,
    pub ts_ms: i64,
    pub session_id: String,
    pub user_id: Option<String>,
    pub message_id: String,
    pub conversation_id: Option<String>,
    pub node_id: String,
    pub latency_ms: Option<i64>,
    pub error_code: Option<String>,
    pub error: Option<String>,
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub payload: String,
}

impl AuditRow {
    /// The row of `e`, read from `topic`/`partition`/`offset`. `raw` is the record's own
    /// payload, kept as it arrived (and not serialised again); without it, `e` is.
    pub fn new(e: &Event, raw: Option<&[u8]>, topic: &str, partition: i32, offset: i64) -> AuditRow {
        let (conversation_id, latency_ms, error_code, error) = match &e.payload {
            Payload::ChatMessage(m) => (Some(m.conversation_id.clone()), None, None, None),
            Payload::SessionStarted(s) => (Some(s.conversation_id.clone()), None, None, None),
            Payload::ChunkReceived(c) => (None, Some(c.latency_ms as i64), None, None),
            Payload::StreamCompleted(c) => {
                (Some(c.conversation_id.clone()), Some(c.total_latency_ms as i64), None, None)
            }
            Payload::StreamError(s) => (None, None, Some(s.error_code.clone()), Some(s.error.clone())),
            Payload::StreamResumed(_) => (None, None, None, None),
        };
        AuditRow {
            event_id: e.event_id.to_string(),
            event_type: e.event_type().to_string(),
            ts_ms: e.timestamp.timestamp_millis(),
            session_id: e.session_id.clone(),
            user_id: e.payload.user_id().map(str::to_owned),
            message_id: e.payload.message_id().to_string(),
            conversation_id,
            node_id: e.metadata.node_id.clone(),
            latency_ms,
            error_code,
            error,
            topic: topic.to_string(),
            partition,
            offset,
            payload: match raw.map(std::str::from_utf8) {
                Some(Ok(text)) => text.to_string(),
                _ => String::from_utf8(e.to_json()).expect("JSON is UTF-8"),
            },
        }
    }
}

/// One analytics sample (the analytics worker's idempotent input to per-minute aggregates).
#[derive(Debug, Clone)]
pub struct Sample {
    pub event_id: String,
    pub node_id: String,
    pub minute_ms: i64,
    /// "stream", "chunk" or "error".
    pub kind: &'static str,
    pub latency_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRow {
    pub session_id: String,
    pub first_ms: i64,
    pub last_ms: i64,
    pub streams: i64,
    pub events: i64,
    pub errors: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeLatencyRow {
    pub node_id: String,
    pub streams: i64,
    pub avg_latency_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorRow {
    pub ts_ms: i64,
    pub session_id: String,
    pub message_id: String,
    pub node_id: String,
    pub error_code: String,
    pub error: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MinuteRow {
    pub node_id: String,
    pub minute_ms: i64,
    pub streams: i64,
    pub chunks: i64,
    pub errors: i64,
    pub avg_latency_ms: Option<f64>,
    pub p95_latency_ms: Option<i64>,
}

enum Write {
    Audit(Box<AuditRow>),
    Sample(Sample),
    Message(Box<TrainingMessage>),
}

/// A chat message kept for training export.
#[derive(Debug, Clone)]
pub struct TrainingMessage {
    pub event_id: String,
    pub ts_ms: i64,
    pub conversation_id: String,
    pub message_id: String,
    pub role: String,
    pub content: String,
    pub reply_to: Option<String>,
}

/// One training example: a prompt and the answer it got.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingPair {
    pub conversation_id: String,
    pub message_id: String,
    pub ts_ms: i64,
    pub prompt: String,
    pub completion: String,
}

struct Job {
    write: Write,
    done: oneshot::Sender<std::result::Result<(), WriteError>>,
}

enum Backend {
    Sqlite(Arc<Mutex<rusqlite::Connection>>),
    /// A pool: a connection that breaks (the server restarted) is replaced on next use.
    Postgres(deadpool_postgres::Pool),
}

/// A store handle (cheap to clone).
#[derive(Clone)]
pub struct Store {
    backend: Arc<Backend>,
    writes: mpsc::Sender<Job>,
    pub url: String,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS audit_events (
  event_id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL,
  ts_ms BIGINT NOT NULL,
  session_id TEXT NOT NULL,
  user_id TEXT,
  message_id TEXT NOT NULL,
  conversation_id TEXT,
  node_id TEXT NOT NULL,
  latency_ms BIGINT,
  error_code TEXT,
  error TEXT,
  topic TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  kafka_offset BIGINT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_user_ts ON audit_events (user_id, ts_ms);
CREATE INDEX IF NOT EXISTS audit_type_ts ON audit_events (event_type, ts_ms);
CREATE INDEX IF NOT EXISTS audit_session ON audit_events (session_id);
CREATE TABLE IF NOT EXISTS analytics_samples (
  event_id TEXT PRIMARY KEY,
  node_id TEXT NOT NULL,
  minute_ms BIGINT NOT NULL,
  kind TEXT NOT NULL,
  latency_ms BIGINT
);
CREATE INDEX IF NOT EXISTS analytics_minute ON analytics_samples (minute_ms);
CREATE TABLE IF NOT EXISTS training_messages (
  event_id TEXT PRIMARY KEY,
  ts_ms BIGINT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  role TEXT NOT NULL,
  content TEXT NOT NULL,
  reply_to TEXT
);
CREATE INDEX IF NOT EXISTS training_message ON training_messages (message_id);
CREATE INDEX IF NOT EXISTS training_role_ts ON training_messages (role, ts_ms);
";

const INSERT_AUDIT: &str = "INSERT INTO audit_events (event_id, event_type, ts_ms, session_id, user_id, message_id, \
    conversation_id, node_id, latency_ms, error_code, error, topic, kafka_partition, kafka_offset, payload) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (event_id) DO NOTHING";
const INSERT_SAMPLE: &str = "INSERT INTO analytics_samples (event_id, node_id, minute_ms, kind, latency_ms) \
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING";

const INSERT_MESSAGE: &str = "INSERT INTO training_messages (event_id, ts_ms, conversation_id, message_id, role, \
    content, reply_to) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING";
// An answer and the prompt it replies to; a message delivered twice (two eventIds) pairs once.
const Q_PAIRS: &str = "SELECT a.conversation_id, a.message_id, MIN(a.ts_ms), MIN(u.content), MIN(a.content) \
    FROM training_messages a JOIN training_messages u ON u.message_id = a.reply_to AND u.role = 'user' \
    WHERE a.role = 'assistant' AND a.ts_ms >= $1 AND a.ts_ms < $2 \
    GROUP BY a.conversation_id, a.message_id ORDER BY MIN(a.ts_ms), a.message_id";

const Q_SESSIONS: &str = "SELECT e.session_id, MIN(e.ts_ms), MAX(e.ts_ms), \
    SUM(CASE WHEN e.event_type = 'SESSION_STARTED' THEN 1 ELSE 0 END), COUNT(*), \
    SUM(CASE WHEN e.event_type = 'STREAM_ERROR' THEN 1 ELSE 0 END) \
    FROM audit_events e \
    WHERE e.session_id IN (SELECT session_id FROM audit_events WHERE user_id = $1 AND ts_ms >= $2) AND e.ts_ms >= $2 \
    GROUP BY e.session_id ORDER BY MIN(e.ts_ms)";
const Q_LATENCY: &str = "SELECT node_id, COUNT(*), AVG(CAST(latency_ms AS DOUBLE PRECISION)) FROM audit_events \
    WHERE event_type = 'STREAM_COMPLETED' AND ts_ms >= $1 AND ts_ms < $2 GROUP BY node_id ORDER BY node_id";
const Q_ERRORS: &str = "SELECT ts_ms, session_id, message_id, node_id, error_code, error FROM audit_events \
    WHERE event_type = 'STREAM_ERROR' AND ts_ms >= $1 AND ts_ms < $2 ORDER BY ts_ms";
const Q_SAMPLES: &str = "SELECT node_id, minute_ms, kind, latency_ms FROM analytics_samples \
    WHERE minute_ms >= $1 AND minute_ms < $2 ORDER BY node_id, minute_ms";

fn store_err(e: impl std::fmt::Display) -> Error {
    Error::Broker(format!("store: {e}"))
}

impl Store {
    /// Open (and create the schema of) `url`: `sqlite://PATH`, a plain path, or
    /// `postgres://...`.
    pub async fn open(url: &str) -> Result<Store> {
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let config: tokio_postgres::Config =
                url.parse().map_err(|e| Error::config(format!("bad PostgreSQL URL: {e}")))?;
            let manager = deadpool_postgres::Manager::from_config(
                config,
                tokio_postgres::NoTls,
                deadpool_postgres::ManagerConfig { recycling_method: deadpool_postgres::RecyclingMethod::Fast },
            );
            let timeouts = deadpool_postgres::Timeouts {
                wait: Some(Duration::from_secs(5)),
                create: Some(Duration::from_secs(5)),
                recycle: Some(Duration::from_secs(5)),
            };
            let pool = deadpool_postgres::Pool::builder(manager)
                .max_size(4)
                .timeouts(timeouts)
                .runtime(deadpool_postgres::Runtime::Tokio1)
                .build()
                .map_err(|e| Error::config(format!("PostgreSQL pool: {e}")))?;
            let client = pool.get().await.map_err(|e| Error::Broker(format!("cannot connect to PostgreSQL: {e}")))?;
            client.batch_execute(SCHEMA).await.map_err(store_err)?;
            Backend::Postgres(pool)
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            if let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            let conn = rusqlite::Connection::open(path).map_err(store_err)?;
            conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;")
                .map_err(store_err)?;
            conn.execute_batch(SCHEMA).map_err(store_err)?;
            Backend::Sqlite(Arc::new(Mutex::new(conn)))
        };
        let backend = Arc::new(backend);
        let (tx, rx) = mpsc::channel(4096);
        tokio::spawn(batcher(backend.clone(), rx));
        Ok(Store { backend, writes: tx, url: url.to_string() })
    }

    async fn write(&self, write: Write) -> std::result::Result<(), WriteError> {
        let (done, wait) = oneshot::channel();
        let stopped = || WriteError::Unavailable("the store's writer has stopped".into());
        self.writes.send(Job { write, done }).await.map_err(|_| stopped())?;
        wait.await.map_err(|_| stopped())?
    }

    /// Record an audit row; a row with the same eventId is left as it is.
    pub async fn audit(&self, row: AuditRow) -> std::result::Result<(), WriteError> {
        self.write(Write::Audit(Box::new(row))).await
    }

    pub async fn sample(&self, s: Sample) -> std::result::Result<(), WriteError> {
        self.write(Write::Sample(s)).await
    }

    /// Keep a chat message for training export; one with the same eventId is left as it is.
    pub async fn training_message(&self, m: TrainingMessage) -> std::result::Result<(), WriteError> {
        self.write(Write::Message(Box::new(m))).await
    }

    /// Prompt/answer pairs whose answer is in [from, to), oldest first.
    pub async fn training_pairs(&self, from_ms: i64, to_ms: i64) -> Result<Vec<TrainingPair>> {
        self.query(Q_PAIRS, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| TrainingPair {
            conversation_id: r.text(0),
            message_id: r.text(1),
            ts_ms: r.int(2),
            prompt: r.text(3),
            completion: r.text(4),
        })
        .await
    }

    async fn query<T: Send + 'static>(
        &self,
        sql: &'static str,
        params: Vec<Param>,
        map: fn(&Rowish) -> T,
    ) -> Result<Vec<T>> {
        match &*self.backend {
            Backend::Sqlite(conn) => {
                let conn = conn.clone();
                tokio::task::spawn_blocking(move || {
                    let conn = conn.lock().unwrap();
                    let mut stmt = conn.prepare_cached(sql).map_err(store_err)?;
                    let ps: Vec<&dyn rusqlite::ToSql> = params.iter().map(Param::sqlite).collect();
                    let rows = stmt
                        .query_map(ps.as_slice(), |r| Ok(map(&Rowish::Sqlite(r))))
                        .map_err(store_err)?
                        .collect::<std::result::Result<Vec<T>, _>>()
                        .map_err(store_err)?;
                    Ok(rows)
                })
                .await
                .map_err(|e| store_err(e.to_string()))?
            }
            Backend::Postgres(pool) => {
                let client = pool.get().await.map_err(store_err)?;
                let ps: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = params.iter().map(Param::pg).collect();
                let rows = client.query(sql, &ps).await.map_err(store_err)?;
                Ok(rows.iter().map(|r| map(&Rowish::Pg(r))).collect())
            }
        }
    }

    /// Seed query 1: a user's sessions since `since_ms`.
    pub async fn user_sessions(&self, user: &str, since_ms: i64) -> Result<Vec<SessionRow>> {
        self.query(Q_SESSIONS, vec![Param::Text(user.into()), Param::Int(since_ms)], |r| SessionRow {
            session_id: r.text(0),
            first_ms: r.int(1),
            last_ms: r.int(2),
            streams: r.int(3),
            events: r.int(4),
            errors: r.int(5),
        })
        .await
    }

    /// Seed query 2: average streaming latency per node in [from, to).
    pub async fn node_latency(&self, from_ms: i64, to_ms: i64) -> Result<Vec<NodeLatencyRow>> {
        self.query(Q_LATENCY, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| NodeLatencyRow {
            node_id: r.text(0),
            streams: r.int(1),
            avg_latency_ms: r.float(2),
        })
        .await
    }

    /// Seed query 3: stream errors in [from, to).
    pub async fn errors(&self, from_ms: i64, to_ms: i64) -> Result<Vec<ErrorRow>> {
        self.query(Q_ERRORS, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| ErrorRow {
            ts_ms: r.int(0),
            session_id: r.text(1),
            message_id: r.text(2),
            node_id: r.text(3),
            error_code: r.text(4),
            error: r.text(5),
        })
        .await
    }

    /// Per-node, per-minute aggregates in [from, to).
    pub async fn minutes(&self, from_ms: i64, to_ms: i64) -> Result<Vec<MinuteRow>> {
        let samples = self
            .query(Q_SAMPLES, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| {
                (r.text(0), r.int(1), r.text(2), r.opt_int(3))
            })
            .await?;
        let mut out: Vec<MinuteRow> = Vec::new();
        let mut latencies: Vec<Vec<i64>> = Vec::new();
        for (node, minute, kind, latency) in samples {
            if out.last().is_none_or(|m| m.node_id != node || m.minute_ms != minute) {
                out.push(MinuteRow {
                    node_id: node,
                    minute_ms: minute,
                    streams: 0,
                    chunks: 0,
                    errors: 0,
                    avg_latency_ms: None,
                    p95_latency_ms: None,
                });
                latencies.push(Vec::new());
            }
            let m = out.last_mut().unwrap();
            match kind.as_str() {
                "stream" => {
                    m.streams += 1;
                    latencies.last_mut().unwrap().extend(latency);
                }
                "chunk" => m.chunks += 1,
                _ => m.errors += 1,
            }
        }
        for (m, mut l) in out.iter_mut().zip(latencies) {
            if !l.is_empty() {
                l.sort_unstable();
                m.avg_latency_ms = Some(l.iter().sum::<i64>() as f64 / l.len() as f64);
                // Nearest-rank p95.
                let rank = ((l.len() as f64) * 0.95).ceil() as usize;
                m.p95_latency_ms = Some(l[rank.clamp(1, l.len()) - 1]);
            }
        }
        Ok(out)
    }

    /// Empty the analytics samples (a rebuild by replay starts from here).
    pub async fn clear_analytics(&self) -> Result<()> {
        self.delete_all("DELETE FROM analytics_samples").await
    }

    /// Empty the training messages (a rebuild by replay starts from here).
    pub async fn clear_training(&self) -> Result<()> {
        self.delete_all("DELETE FROM training_messages").await
    }

    async fn delete_all(&self, sql: &'static str) -> Result<()> {
        match &*self.backend {
            Backend::Sqlite(conn) => {
                let conn = conn.clone();
                tokio::task::spawn_blocking(move || conn.lock().unwrap().execute(sql, []))
                    .await
                    .map_err(|e| store_err(e.to_string()))?
                    .map_err(store_err)?;
            }
            Backend::Postgres(pool) => {
                pool.get().await.map_err(store_err)?.execute(sql, &[]).await.map_err(store_err)?;
            }
        }
        Ok(())
    }

    /// (rows, distinct eventIds) of the audit table.
    pub async fn audit_counts(&self) -> Result<(i64, i64)> {
        let rows = self
            .query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM audit_events", vec![], |r| (r.int(0), r.int(1)))
            .await?;
        Ok(rows[0])
    }
}

enum Param {
    Text(String),
    Int(i64),
}

impl Param {
    fn sqlite(&self) -> &dyn rusqlite::ToSql {
        match self {
            Param::Text(s) => s,
            Param::Int(i) => i,
        }
    }
    fn pg(&self) -> &(dyn tokio_postgres::types::ToSql + Sync) {
        match self {
            Param::Text(s) => s,
            Param::Int(i) => i,
        }
    }
}

/// A result row of either backend.
enum Rowish<'a, 'b> {
    Sqlite(&'a rusqlite::Row<'b>),
    Pg(&'a tokio_postgres::Row),
}

impl Rowish<'_, '_> {
    fn text(&self, i: usize) -> String {
        match self {
            Rowish::Sqlite(r) => r.get::<_, Option<String>>(i).ok().flatten().unwrap_or_default(),
            Rowish::Pg(r) => r.get::<_, Option<String>>(i).unwrap_or_default(),
        }
    }
    fn opt_int(&self, i: usize) -> Option<i64> {
        match self {
            Rowish::Sqlite(r) => r.get::<_, Option<i64>>(i).ok().flatten(),
            Rowish::Pg(r) => r.get::<_, Option<i64>>(i),
        }
    }
    fn int(&self, i: usize) -> i64 {
        self.opt_int(i).unwrap_or(0)
    }
    fn float(&self, i: usize) -> f64 {
        match self {
            Rowish::Sqlite(r) => r.get::<_, Option<f64>>(i).ok().flatten().unwrap_or(0.0),
            Rowish::Pg(r) => r.get::<_, Option<f64>>(i).unwrap_or(0.0),
        }
    }
}

/// Group commit: take every write waiting, apply them in one transaction, answer each.
async fn batcher(backend: Arc<Backend>, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < 2000 {
            match rx.try_recv() {
                Ok(j) => jobs.push(j),
                Err(_) => break,
            }
        }
        let (writes, replies): (Vec<Write>, Vec<_>) = jobs.into_iter().map(|j| (j.write, j.done)).unzip();
        let writes = Arc::new(writes);
        match apply(&backend, writes.clone(), None).await {
            // A row refused (or an odd failure) fails the whole transaction: apply the rows
            // one by one so only the offending row's caller hears about it.
            Err(WriteError::Row(_) | WriteError::Other(_)) if writes.len() > 1 => {
                for (i, r) in replies.into_iter().enumerate() {
                    let _ = r.send(apply(&backend, writes.clone(), Some(i)).await);
                }
            }
            result => {
                for r in replies {
                    let _ = r.send(result.clone());
                }
            }
        }
    }
}

/// Apply `writes` (or only the one at `only`) in one transaction.
async fn apply(
    backend: &Arc<Backend>,
    writes: Arc<Vec<Write>>,
    only: Option<usize>,
) -> std::result::Result<(), WriteError> {
    let pick =
        move |writes: &Arc<Vec<Write>>| -> Vec<usize> { only.map_or_else(|| (0..writes.len()).collect(), |i| vec![i]) };
    match &**backend {
        Backend::Sqlite(conn) => {
            let conn = conn.clone();
            tokio::task::spawn_blocking(move || {
                let mut conn = conn.lock().unwrap();
                let c = |e: rusqlite::Error| sqlite_class(&e);
                let tx = conn.transaction().map_err(c)?;
                {
                    let mut audit = tx.prepare_cached(INSERT_AUDIT).map_err(c)?;
                    let mut sample = tx.prepare_cached(INSERT_SAMPLE).map_err(c)?;
                    let mut message = tx.prepare_cached(INSERT_MESSAGE).map_err(c)?;
                    for w in pick(&writes).into_iter().map(|i| &writes[i]) {
                        match w {
                            Write::Audit(r) => audit.execute(rusqlite::params![
                                r.event_id,
                                r.event_type,
                                r.ts_ms,
                                r.session_id,
                                r.user_id,
                                r.message_id,
                                r.conversation_id,
                                r.node_id,
                                r.latency_ms,
                                r.error_code,
                                r.error,
                                r.topic,
                                r.partition,
                                r.offset,
                                r.payload
                            ]),
                            Write::Sample(s) => sample.execute(rusqlite::params![
                                s.event_id,
                                s.node_id,
                                s.minute_ms,
                                s.kind,
                                s.latency_ms
                            ]),
                            Write::Message(m) => message.execute(rusqlite::params![
                                m.event_id,
                                m.ts_ms,
                                m.conversation_id,
                                m.message_id,
                                m.role,
                                m.content,
                                m.reply_to
                            ]),
                        }
                        .map_err(c)?;
                    }
                }
                tx.commit().map_err(c)
            })
            .await
            .map_err(|e| WriteError::Other(e.to_string()))?
        }
        Backend::Postgres(pool) => {
            // One transaction per batch; statements pipelined on one pooled connection.
            let client = pool.get().await.map_err(pool_class)?;
            client.batch_execute("BEGIN").await.map_err(|e| pg_class(&e))?;
            let result: std::result::Result<(), WriteError> = async {
                let audit = client.prepare_cached(INSERT_AUDIT).await.map_err(|e| pg_class(&e))?;
                let sample = client.prepare_cached(INSERT_SAMPLE).await.map_err(|e| pg_class(&e))?;
                let message = client.prepare_cached(INSERT_MESSAGE).await.map_err(|e| pg_class(&e))?;
                let futs = pick(&writes).into_iter().map(|i| &writes[i]).map(|w| async {
                    match w {
                        Write::Audit(r) => {
                            client
                                .execute(
                                    &audit,
                                    &[
                                        &r.event_id,
                                        &r.event_type,
                                        &r.ts_ms,
                                        &r.session_id,
                                        &r.user_id,
                                        &r.message_id,
                                        &r.conversation_id,
                                        &r.node_id,
                                        &r.latency_ms,
                                        &r.error_code,
                                        &r.error,
                                        &r.topic,
                                        &r.partition,
                                        &r.offset,
                                        &r.payload,
                                    ],
                                )
                                .await
                        }
                        Write::Sample(s) => {
                            client
                                .execute(&sample, &[&s.event_id, &s.node_id, &s.minute_ms, &s.kind, &s.latency_ms])
                                .await
                        }
                        Write::Message(m) => {
                            client
                                .execute(
                                    &message,
                                    &[
                                        &m.event_id,
                                        &m.ts_ms,
                                        &m.conversation_id,
                                        &m.message_id,
                                        &m.role,
                                        &m.content,
                                        &m.reply_to,
                                    ],
                                )
                                .await
                        }
                    }
                });
                // The first error in statement order is the cause; those after it only say
                // the transaction was aborted.
                for r in futures_util::future::join_all(futs).await {
                    r.map_err(|e| pg_class(&e))?;
                }
                Ok(())
            }
            .await;
            match result {
                Ok(()) => client.batch_execute("COMMIT").await.map_err(|e| pg_class(&e)),
                Err(e) => {
                    let _ = client.batch_execute("ROLLBACK").await;
                    Err(e)
                }
            }
        }
    }
}
