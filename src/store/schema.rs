//! The stores' tables: created if missing on open, and the columns added since a table
//! was first created, for a database an older build made.

/// Every table and index the workers write (PostgreSQL and SQLite alike).
pub(super) const SCHEMA: &str = "
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
  latency_ms BIGINT,
  chunks BIGINT NOT NULL DEFAULT 1
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
CREATE TABLE IF NOT EXISTS summary_messages (
  event_id TEXT PRIMARY KEY,
  ts_ms BIGINT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS summary_messages_conversation ON summary_messages (conversation_id, ts_ms);
CREATE INDEX IF NOT EXISTS summary_messages_user_conversation ON summary_messages (user_id, conversation_id, ts_ms);
-- One summary per user and conversation: a conversation id is the client's choice, so two
-- users' ids may collide. (Older versions keyed `conversation_summaries` by the id alone;
-- `chatctl replay --rebuild summaries` rewrites them here.)
CREATE TABLE IF NOT EXISTS user_conversation_summaries (
  conversation_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  messages BIGINT NOT NULL,
  turns BIGINT NOT NULL,
  last_message_id TEXT NOT NULL,
  last_ts_ms BIGINT NOT NULL,
  model TEXT NOT NULL,
  updated_ms BIGINT NOT NULL,
  PRIMARY KEY (user_id, conversation_id)
);
CREATE TABLE IF NOT EXISTS alert_windows (
  window_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  node_id TEXT NOT NULL,
  code TEXT NOT NULL,
  window_ms BIGINT NOT NULL,
  first_event_id TEXT NOT NULL,
  first_ms BIGINT NOT NULL,
  detail TEXT NOT NULL,
  first_sent BIGINT NOT NULL DEFAULT 0,
  notified BIGINT NOT NULL DEFAULT 0,
  messages BIGINT NOT NULL DEFAULT 0,
  dirty BIGINT NOT NULL DEFAULT 1,
  pending BIGINT NOT NULL DEFAULT 0,
  claim_until BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS alert_windows_dirty ON alert_windows (dirty);
CREATE TABLE IF NOT EXISTS alert_events (
  event_id TEXT PRIMARY KEY,
  window_key TEXT NOT NULL,
  ts_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_events_window ON alert_events (window_key);
";

/// Columns added since a table was first created, for a database made by an older build
/// (`CREATE TABLE IF NOT EXISTS` leaves an existing table as it is).
pub(super) const PG_MIGRATIONS: &str =
    "ALTER TABLE analytics_samples ADD COLUMN IF NOT EXISTS chunks BIGINT NOT NULL DEFAULT 1;";

/// [`PG_MIGRATIONS`] for SQLite, which has no `ADD COLUMN IF NOT EXISTS`.
pub(super) fn sqlite_migrations(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let has: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('analytics_samples') WHERE name = 'chunks')",
        [],
        |r| r.get(0),
    )?;
    if !has {
        conn.execute_batch("ALTER TABLE analytics_samples ADD COLUMN chunks BIGINT NOT NULL DEFAULT 1;")?;
    }
    Ok(())
}
