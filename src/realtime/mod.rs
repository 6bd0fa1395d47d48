//! The real-time path's Redis side: per-message resume buffers. Every chunk is appended to
//! the message's Redis stream and published in one atomic step (a Lua script), so the
//! state a resuming client or a takeover node needs is saved as it goes.

use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::{AsyncCommands, Script};

use crate::error::{Error, Result};

const APPEND: &str = r#"
local id = redis.call('XADD', KEYS[1], '*', 'i', ARGV[1], 'e', ARGV[2], 'd', ARGV[3], 't', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PUBLISH', KEYS[2], ARGV[6])
return id
"#;

/// One buffered entry of a message stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buffered {
    pub index: u32,
    pub epoch: u32,
    pub delta: String,
    /// "" for a chunk; "done" or "error" for the terminal marker.
    pub terminal: String,
}

#[derive(Clone)]
pub struct ResumeBuffer {
    conn: ConnectionManager,
    script: Script,
    ttl: Duration,
}

pub fn stream_key(message_id: &str) -> String {
    format!("chatctl:msg:{{{message_id}}}:chunks")
}

pub fn channel(message_id: &str) -> String {
    format!("chatctl:msg:{{{message_id}}}:live")
}

impl ResumeBuffer {
    pub async fn connect(url: &str, ttl: Duration) -> Result<ResumeBuffer> {
        let client = redis::Client::open(url).map_err(|e| Error::config(format!("redis URL {url:?}: {e}")))?;
        let conn = tokio::time::timeout(Duration::from_secs(5), ConnectionManager::new(client))
            .await
            .map_err(|_| Error::Broker(format!("cannot reach Redis at {url} within 5s")))?
            .map_err(|e| Error::Broker(format!("cannot reach Redis at {url}: {e}")))?;
        Ok(ResumeBuffer { conn, script: Script::new(APPEND), ttl })
    }

    /// Append chunk `index` (or a terminal marker) and publish it, atomically.
    pub async fn append(&self, message_id: &str, epoch: u32, index: u32, delta: &str, terminal: &str) -> Result<()> {
        let payload = serde_json::json!({"i": index, "e": epoch, "d": delta, "t": terminal}).to_string();
        let mut conn = self.conn.clone();
        let _: String = self
            .script
            .key(stream_key(message_id))
            .key(channel(message_id))
            .arg(index)
            .arg(epoch)
            .arg(delta)
            .arg(terminal)
            .arg(self.ttl.as_millis() as u64)
            .arg(payload)
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        Ok(())
    }

    /// Everything buffered for `message_id`, in order.
    pub async fn read_all(&self, message_id: &str) -> Result<Vec<Buffered>> {
        let mut conn = self.conn.clone();
        let reply: redis::streams::StreamRangeReply =
            conn.xrange_all(stream_key(message_id)).await.map_err(redis_err)?;
        Ok(reply
            .ids
            .iter()
            .map(|e| Buffered {
                index: e.get::<u32>("i").unwrap_or(0),
                epoch: e.get::<u32>("e").unwrap_or(0),
                delta: e.get::<String>("d").unwrap_or_default(),
                terminal: e.get::<String>("t").unwrap_or_default(),
            })
            .collect())
    }

    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.conn.clone();
        let _: String = redis::cmd("PING").query_async(&mut conn).await.map_err(redis_err)?;
        Ok(())
    }
}

fn redis_err(e: redis::RedisError) -> Error {
    Error::Broker(format!("redis: {e}"))
}
