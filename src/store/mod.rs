//! The store the workers write to: embedded SQLite by default, PostgreSQL for more than
//! one machine. Writes are idempotent by `eventId` (primary keys, conflicts ignored) and go
//! through a group-commit writer (`writer.rs`): each caller waits for its own row to be
//! durable, many rows share one transaction. One file per domain — `audit.rs` (the audit
//! trail and the seed's three queries), `analytics.rs` (per-minute figures), `training.rs`
//! (prompt/answer pairs) — each with its rows, its SQL and its methods of [`Store`].

mod alerts;
mod analytics;
mod audit;
mod schema;
pub mod search;
mod summary;
mod training;
mod writer;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, Result};

pub use alerts::{AlertWindow, Occurrence};
pub use analytics::{MinuteRow, Sample, ANALYTICS_TABLES};
pub use audit::{AuditRow, ErrorRow, NodeLatencyRow, SessionRow};
use schema::{sqlite_migrations, PG_MIGRATIONS, SCHEMA};
pub use summary::{ConversationSummary, SummaryMessage, SUMMARY_TABLES};
pub use training::{TrainingMessage, TrainingPair, TRAINING_TABLES};
pub use writer::WriteError;
use writer::{batcher, Job, Write};

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
    /// A rebuild's store (PostgreSQL): the schema it writes in, one per run.
    schema: Option<String>,
}

/// TLS for `sslmode=require`: the server's certificate verified against the web PKI roots,
/// or against the CA in `PGSSLROOTCERT` (libpq's variable) when it is set.
fn postgres_tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots = rustls::RootCertStore::empty();
    match std::env::var_os("PGSSLROOTCERT") {
        Some(path) => {
            let bad =
                |e: &dyn std::fmt::Display| Error::config(format!("PGSSLROOTCERT {}: {e}", path.to_string_lossy()));
            for cert in CertificateDer::pem_file_iter(&path).map_err(|e| bad(&e))? {
                roots.add(cert.map_err(|e| bad(&e))?).map_err(|e| bad(&e))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::config(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// Where a rebuild writes before it swaps in: a file beside the SQLite database, a schema
/// of the PostgreSQL database.
/// A rebuild's copy: the SQLite file's name plus this and the run's id, or the PostgreSQL
/// schema of this name plus the run's id (two rebuilds never share one).
const REBUILD_SUFFIX: &str = ".rebuild-";
const REBUILD_SCHEMA: &str = "chatctl_rebuild_";

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").unwrap_or(url)
}

/// The advisory lock key schema creation holds ("chatctl" in ASCII).
const SCHEMA_LOCK: i64 = 0x63_68_61_74_63_74_6c;

fn store_err(e: impl std::fmt::Display) -> Error {
    Error::Broker(format!("store: {e}"))
}

impl Store {
    /// Open (and create the schema of) `url`: `sqlite://PATH`, a plain path, or
    /// `postgres://...`.
    pub async fn open(url: &str) -> Result<Store> {
        Store::open_in(url, None).await
    }

    /// For a process that serves (the workers): the store opened once it answers. A store
    /// that is down at start (PostgreSQL restarting, not up yet) is waited for, said once
    /// and then every minute, instead of ending the process; settings that can never work
    /// (a bad URL, bad credentials) end it at once.
    pub async fn open_waiting(url: &str) -> Result<Store> {
        let started = std::time::Instant::now();
        let mut said: Option<std::time::Instant> = None;
        let mut pause = Duration::from_millis(200);
        loop {
            match Store::open(url).await {
                Ok(store) => {
                    if said.is_some() {
                        tracing::info!(waited = ?started.elapsed(), "the store answers: workers starting");
                    }
                    return Ok(store);
                }
                Err(Error::Broker(e)) => {
                    if said.is_none_or(|at| at.elapsed() >= Duration::from_secs(60)) {
                        tracing::warn!(
                            store = %crate::security::redact_url(url), error = %e,
                            "the store does not answer yet: waiting for it before starting the workers"
                        );
                        said = Some(std::time::Instant::now());
                    }
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(5));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// For a command that only reads: a SQLite store that does not exist is NotFound
    /// (opening it would create an empty one, and every query would answer "no results"
    /// as if the workers had written nothing).
    pub async fn open_to_read(url: &str) -> Result<Store> {
        if !is_postgres(url) {
            let path = sqlite_path(url);
            if !std::path::Path::new(path).exists() {
                return Err(Error::NotFound(format!(
                    "no store at {path}: no worker has written there (`chatctl serve` runs the workers and writes to \
                     sqlite://chatctl-data/audit.db under its working directory unless given --audit-url); \
                     point --audit-url or CHATCTL_AUDIT_URL at the workers' store"
                )));
            }
        }
        Store::open(url).await
    }

    /// [`open`](Self::open), on PostgreSQL in `schema` (its tables created there).
    async fn open_in(url: &str, schema: Option<&str>) -> Result<Store> {
        let backend = if is_postgres(url) {
            let mut config: tokio_postgres::Config = url
                .parse()
                .map_err(|e| Error::config(format!("bad PostgreSQL URL {}: {e}", crate::security::redact_url(url))))?;
            if let Some(schema) = schema {
                config.options(format!("-c search_path={schema}"));
            }
            let recycling =
                deadpool_postgres::ManagerConfig { recycling_method: deadpool_postgres::RecyclingMethod::Fast };
            let manager = match config.get_ssl_mode() {
                tokio_postgres::config::SslMode::Require => {
                    deadpool_postgres::Manager::from_config(config, postgres_tls()?, recycling)
                }
                _ => deadpool_postgres::Manager::from_config(config, tokio_postgres::NoTls, recycling),
            };
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
            let client = pool
                .get()
                .await
                .map_err(|e| Error::Broker(format!("cannot connect to PostgreSQL: {}", writer::pool_text(&e))))?;
            // Several processes opening one fresh database at once (a fleet's workers starting
            // together) would race on CREATE ... IF NOT EXISTS (a duplicate pg_type row):
            // one creates the schema at a time, under a session advisory lock.
            let pg = |e: tokio_postgres::Error| store_err(writer::pg_text(&e));
            client.batch_execute(&format!("SELECT pg_advisory_lock({SCHEMA_LOCK})")).await.map_err(pg)?;
            let created = match client.batch_execute(SCHEMA).await {
                Ok(()) => client.batch_execute(PG_MIGRATIONS).await,
                Err(e) => Err(e),
            }
            .map_err(pg);
            client.batch_execute(&format!("SELECT pg_advisory_unlock({SCHEMA_LOCK})")).await.map_err(pg)?;
            created?;
            Backend::Postgres(pool)
        } else {
            let path = sqlite_path(url);
            if let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            // Owner-only before SQLite opens it (its WAL and SHM files take its mode).
            crate::security::prepare_private_file(std::path::Path::new(path))?;
            let conn = rusqlite::Connection::open(path).map_err(store_err)?;
            conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;")
                .map_err(store_err)?;
            conn.execute_batch(SCHEMA).map_err(store_err)?;
            sqlite_migrations(&conn).map_err(store_err)?;
            Backend::Sqlite(Arc::new(Mutex::new(conn)))
        };
        let backend = Arc::new(backend);
        let (tx, rx) = mpsc::channel(4096);
        tokio::spawn(batcher(backend.clone(), rx));
        Ok(Store { backend, writes: tx, url: url.to_string(), schema: schema.map(str::to_string) })
    }

    async fn write(&self, write: Write) -> std::result::Result<(), WriteError> {
        let (done, wait) = oneshot::channel();
        let stopped = || WriteError::Unavailable("the store's writer has stopped".into());
        self.writes.send(Job { write, done }).await.map_err(|_| stopped())?;
        wait.await.map_err(|_| stopped())?
    }

    /// One statement through the group-commit writer (its row durable when this returns).
    async fn exec(&self, sql: &'static str, params: Vec<Param>) -> std::result::Result<(), WriteError> {
        self.write(Write { sql, params }).await
    }

    /// One statement on its own, outside the group commit: the rows it changed. For the
    /// few statements whose answer matters (claims).
    async fn execute(&self, sql: &'static str, params: Vec<Param>) -> std::result::Result<u64, WriteError> {
        match &*self.backend {
            Backend::Sqlite(conn) => {
                let conn = conn.clone();
                tokio::task::spawn_blocking(move || {
                    let conn = conn.lock().unwrap();
                    let ps: Vec<&dyn rusqlite::ToSql> = params.iter().map(Param::sqlite).collect();
                    conn.prepare_cached(&sqlite_sql(sql))
                        .and_then(|mut st| st.execute(ps.as_slice()))
                        .map(|n| n as u64)
                        .map_err(|e| writer::sqlite_class(&e))
                })
                .await
                .map_err(|e| WriteError::Other(e.to_string()))?
            }
            Backend::Postgres(pool) => {
                let client = pool.get().await.map_err(writer::pool_class)?;
                let ps: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = params.iter().map(Param::pg).collect();
                client.execute(sql, &ps).await.map_err(|e| writer::pg_class(&e))
            }
        }
    }

    /// [`query`](Self::query) for a worker that writes after it reads: a failed read is the
    /// store being unavailable (the record waits, never dead-lettered).
    async fn read<T: Send + 'static>(
        &self,
        sql: &'static str,
        params: Vec<Param>,
        map: fn(&Rowish) -> T,
    ) -> std::result::Result<Vec<T>, WriteError> {
        self.query(sql, params, map).await.map_err(|e| WriteError::Unavailable(e.to_string()))
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
                    let mut stmt = conn.prepare_cached(&sqlite_sql(sql)).map_err(store_err)?;
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
                let client = pool.get().await.map_err(|e| store_err(writer::pool_text(&e)))?;
                let ps: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = params.iter().map(Param::pg).collect();
                let rows = client.query(sql, &ps).await.map_err(|e| store_err(writer::pg_text(&e)))?;
                Ok(rows.iter().map(|r| map(&Rowish::Pg(r))).collect())
            }
        }
    }

    /// An empty store beside this one, for a rebuild that must not touch the live rows
    /// until it has succeeded: on SQLite the file `<path>.rebuild-<run>`, on PostgreSQL the
    /// schema `chatctl_rebuild_<run>` of the same database, `<run>` new for each call (two
    /// rebuilds never write into one copy). [`swap_in`](Self::swap_in) then replaces the live
    /// tables' rows with its rows in one transaction, and removes the copy.
    pub async fn open_beside(&self) -> Result<Store> {
        let id = uuid::Uuid::now_v7().simple().to_string();
        // The random tail of a v7 id (its head is the time, shared by two runs in one ms).
        let run = &id[id.len() - 12..];
        match &*self.backend {
            Backend::Sqlite(_) => {
                let path = format!("{}{REBUILD_SUFFIX}{run}", sqlite_path(&self.url));
                for f in [path.clone(), format!("{path}-wal"), format!("{path}-shm")] {
                    let _ = std::fs::remove_file(f);
                }
                Store::open(&path).await
            }
            Backend::Postgres(pool) => {
                let schema = format!("{REBUILD_SCHEMA}{run}");
                let client = pool.get().await.map_err(|e| store_err(writer::pool_text(&e)))?;
                client
                    .batch_execute(&format!("CREATE SCHEMA {schema}"))
                    .await
                    .map_err(|e| store_err(writer::pg_text(&e)))?;
                Store::open_in(&self.url, Some(&schema)).await
            }
        }
    }

    /// Remove a rebuild's copy (from [`open_beside`](Self::open_beside)) without swapping it in.
    pub async fn discard_beside(&self, beside: Store) -> Result<()> {
        let schema = beside.schema.clone();
        let path = sqlite_path(&beside.url).to_string();
        drop(beside);
        match (&*self.backend, schema) {
            (Backend::Postgres(pool), Some(schema)) => {
                let client = pool.get().await.map_err(|e| store_err(writer::pool_text(&e)))?;
                let sql = format!("DROP SCHEMA IF EXISTS {schema} CASCADE");
                client.batch_execute(&sql).await.map_err(|e| store_err(writer::pg_text(&e)))?;
            }
            (Backend::Sqlite(_), _) => {
                for f in [path.clone(), format!("{path}-wal"), format!("{path}-shm")] {
                    let _ = std::fs::remove_file(f);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Replace the rows of `tables` with those a rebuild wrote `beside` (from
    /// [`open_beside`](Self::open_beside)), all tables in one transaction: readers see the old
    /// rows or the new, never a table half empty. The rebuild's copy is removed after.
    pub async fn swap_in(&self, beside: Store, tables: &[&'static str]) -> Result<()> {
        match &*self.backend {
            Backend::Sqlite(conn) => {
                let path = sqlite_path(&beside.url).to_string();
                drop(beside);
                let conn = conn.clone();
                let copy = tables
                    .iter()
                    .map(|t| format!("DELETE FROM main.{t}; INSERT INTO main.{t} SELECT * FROM rebuild.{t};"))
                    .collect::<String>();
                let attach = path.clone();
                let swapped = tokio::task::spawn_blocking(move || {
                    let conn = conn.lock().unwrap();
                    conn.execute("ATTACH DATABASE ?1 AS rebuild", [&attach])?;
                    let done = conn.execute_batch(&format!("BEGIN; {copy} COMMIT;"));
                    if done.is_err() {
                        let _ = conn.execute_batch("ROLLBACK");
                    }
                    conn.execute_batch("DETACH DATABASE rebuild")?;
                    done
                })
                .await;
                // Swapped in or not, the copy goes (a failed swap left the live rows alone).
                for f in [path.clone(), format!("{path}-wal"), format!("{path}-shm")] {
                    let _ = std::fs::remove_file(f);
                }
                swapped.map_err(|e| store_err(e.to_string()))?.map_err(store_err)?;
            }
            Backend::Postgres(pool) => {
                let schema = beside.schema.clone().ok_or_else(|| store_err("swap_in: not a rebuild's store"))?;
                drop(beside);
                let copy = tables
                    .iter()
                    .map(|t| format!("DELETE FROM {t}; INSERT INTO {t} SELECT * FROM {schema}.{t};"))
                    .collect::<String>();
                let client = pool.get().await.map_err(|e| store_err(writer::pool_text(&e)))?;
                let pg = |e: tokio_postgres::Error| store_err(writer::pg_text(&e));
                let swapped = client.batch_execute(&format!("BEGIN; {copy} COMMIT;")).await;
                if swapped.is_err() {
                    // The connection goes back to the pool: not inside an aborted transaction.
                    let _ = client.batch_execute("ROLLBACK").await;
                }
                let dropped = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).await;
                swapped.map_err(pg)?;
                dropped.map_err(pg)?;
            }
        }
        Ok(())
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
                pool.get()
                    .await
                    .map_err(|e| store_err(writer::pool_text(&e)))?
                    .execute(sql, &[])
                    .await
                    .map_err(|e| store_err(writer::pg_text(&e)))?;
            }
        }
        Ok(())
    }
}

/// The statement as SQLite reads it: PostgreSQL's `$n` are names to SQLite, numbered in
/// order of first appearance (so `SET a = $2 WHERE b = $1` would bind the wrong way
/// round); `?n` are numbered by `n`, as PostgreSQL's are.
fn sqlite_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

pub(crate) enum Param {
    Text(String),
    Int(i64),
    /// An INTEGER column (PostgreSQL binds by exact type).
    Int32(i32),
    OptText(Option<String>),
    OptInt(Option<i64>),
}

impl Param {
    fn sqlite(&self) -> &dyn rusqlite::ToSql {
        match self {
            Param::Text(s) => s,
            Param::Int(i) => i,
            Param::Int32(i) => i,
            Param::OptText(s) => s,
            Param::OptInt(i) => i,
        }
    }
    fn pg(&self) -> &(dyn tokio_postgres::types::ToSql + Sync) {
        match self {
            Param::Text(s) => s,
            Param::Int(i) => i,
            Param::Int32(i) => i,
            Param::OptText(s) => s,
            Param::OptInt(i) => i,
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
