//! The group-commit writer: whatever is waiting goes into one transaction, on SQLite or
//! PostgreSQL; a failed batch is split so only the offending row's caller hears about it.
//! Failures are classed (`WriteError`) so workers know what to do with the record.
//! It knows statements, not rows: each domain (audit, analytics, training, summaries,
//! alerts) hands it its SQL and parameters.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use super::{sqlite_sql, Backend, Param};
use crate::error::Error;

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
pub(super) fn pg_class(e: &tokio_postgres::Error) -> WriteError {
    let msg = pg_text(e);
    match e.code().map(|c| &c.code()[..2]) {
        Some("22" | "23") => WriteError::Row(msg),
        Some("08" | "53" | "57") => WriteError::Unavailable(msg),
        Some(_) => WriteError::Other(msg),
        None => WriteError::Unavailable(msg),
    }
}

/// A PostgreSQL error with what the server said (tokio-postgres' own text is only
/// "db error"): `SQLSTATE: message (detail)`, or the client error with its cause.
pub(crate) fn pg_text(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        // Not the server's DETAIL: it quotes row values ("Failing row contains (…)", a
        // key's value), which are prompts and answers, and this text goes to logs and DLQ
        // headers. Where it happened is said by name instead.
        Some(db) => {
            let at: Vec<String> = [("table", db.table()), ("column", db.column()), ("constraint", db.constraint())]
                .into_iter()
                .filter_map(|(what, name)| name.map(|n| format!("{what} {n}")))
                .collect();
            match at.is_empty() {
                true => format!("{}: {}", db.code().code(), db.message()),
                false => format!("{}: {} ({})", db.code().code(), db.message(), at.join(", ")),
            }
        }
        None => match std::error::Error::source(e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        },
    }
}

/// A pool error with the server's own words where there are some.
pub(crate) fn pool_text(e: &deadpool_postgres::PoolError) -> String {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_text(e),
        other => other.to_string(),
    }
}

pub(super) fn pool_class(e: deadpool_postgres::PoolError) -> WriteError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_class(&e),
        other => WriteError::Unavailable(other.to_string()),
    }
}

/// SQLite's answer, classed: constraint and type errors are the row's, a database that
/// cannot be opened or written (disk full, I/O, read-only) is unavailable.
pub(super) fn sqlite_class(e: &rusqlite::Error) -> WriteError {
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

/// One statement for the group commit: SQL valid on both backends, `$n` parameters.
pub(super) struct Write {
    pub(super) sql: &'static str,
    pub(super) params: Vec<Param>,
}

pub(super) struct Job {
    pub(super) write: Write,
    pub(super) done: oneshot::Sender<std::result::Result<(), WriteError>>,
}

/// Group commit: take every write waiting, apply them in one transaction, answer each.
pub(super) async fn batcher(backend: Arc<Backend>, mut rx: mpsc::Receiver<Job>) {
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
    let picked: Vec<usize> = only.map_or_else(|| (0..writes.len()).collect(), |i| vec![i]);
    match &**backend {
        Backend::Sqlite(conn) => {
            let conn = conn.clone();
            tokio::task::spawn_blocking(move || {
                let mut conn = conn.lock().unwrap();
                apply_sqlite(&mut conn, picked.iter().map(|&i| &writes[i]))
            })
            .await
            .map_err(|e| WriteError::Other(e.to_string()))?
        }
        Backend::Postgres(pool) => {
            let client = pool.get().await.map_err(pool_class)?;
            client.batch_execute("BEGIN").await.map_err(|e| pg_class(&e))?;
            match apply_pg(&client, picked.iter().map(|&i| &writes[i])).await {
                Ok(()) => client.batch_execute("COMMIT").await.map_err(|e| pg_class(&e)),
                Err(e) => {
                    let _ = client.batch_execute("ROLLBACK").await;
                    Err(e)
                }
            }
        }
    }
}

fn apply_sqlite<'a>(
    conn: &mut rusqlite::Connection,
    writes: impl Iterator<Item = &'a Write>,
) -> std::result::Result<(), WriteError> {
    let c = |e: rusqlite::Error| sqlite_class(&e);
    let tx = conn.transaction().map_err(c)?;
    // `$n` becomes `?n` once per statement text, not once per row.
    let mut texts: HashMap<&'static str, String> = HashMap::new();
    for w in writes {
        let sql = texts.entry(w.sql).or_insert_with(|| sqlite_sql(w.sql));
        let ps: Vec<&dyn rusqlite::ToSql> = w.params.iter().map(Param::sqlite).collect();
        tx.prepare_cached(sql).and_then(|mut st| st.execute(ps.as_slice())).map_err(c)?;
    }
    tx.commit().map_err(c)
}

/// Inside the caller's transaction: each statement prepared once (cached on the pooled
/// connection), the rows pipelined.
async fn apply_pg<'a>(
    client: &deadpool_postgres::Client,
    writes: impl Iterator<Item = &'a Write>,
) -> std::result::Result<(), WriteError> {
    let writes: Vec<&Write> = writes.collect();
    let mut prepared: HashMap<&'static str, tokio_postgres::Statement> = HashMap::new();
    for w in &writes {
        if !prepared.contains_key(w.sql) {
            prepared.insert(w.sql, client.prepare_cached(w.sql).await.map_err(|e| pg_class(&e))?);
        }
    }
    let futs = writes.iter().map(|w| {
        let ps: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = w.params.iter().map(Param::pg).collect();
        let st = &prepared[w.sql];
        async move { client.execute(st, &ps).await }
    });
    // The first error in statement order is the cause; those after it only say the
    // transaction was aborted.
    for r in futures_util::future::join_all(futs).await {
        r.map_err(|e| pg_class(&e))?;
    }
    Ok(())
}
