//! A user's share of the fleet, in Redis: concurrent answers (stream slots that lapse by
//! themselves), answers started per minute, and the bytes of the user's recent answers in
//! resume buffers. One script checks and takes them together.

use super::*;

/// Whether a user may start one more answer across the fleet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    Admitted,
    /// The user has its concurrent answers already.
    Full,
    /// The user started its answers per minute already; the next may start in `retry`.
    OverQuota {
        retry: Duration,
    },
    /// The user's answers of the last buffer TTL hold its resume-buffer bytes; the count
    /// lapses in `retry`.
    OverBytes {
        retry: Duration,
    },
}

/// A user's stream slots across the fleet (sorted set: message id -> when the slot lapses).
fn user_streams_key(user: &str) -> String {
    format!("chatctl:user:{{{user}}}:streams")
}

/// What a user's answers of the last buffer TTL hold in resume buffers (bytes).
fn user_bytes_key(user: &str) -> String {
    format!("chatctl:user:{{{user}}}:buffer-bytes")
}

impl ResumeBuffer {
    /// Take one of `user`'s stream slots across the fleet for `message_id`, unless `cap`
    /// are taken: slots are members of a sorted set scored by when they lapse (`ttl`), so a
    /// node that dies without releasing its slots frees them within `ttl`. True when taken.
    pub async fn acquire_stream(
        &self,
        user: &str,
        message_id: &str,
        cap: usize,
        ttl: Duration,
        per_minute: usize,
        max_bytes: usize,
    ) -> Result<Admission> {
        let mut conn = self.conn.clone();
        let (got, ms): (i64, i64) = self
            .acquire_slot
            .key(user_streams_key(user))
            .key(format!("chatctl:user:{{{user}}}:answers"))
            .key(user_bytes_key(user))
            .arg(message_id)
            .arg(cap)
            .arg(ttl.as_millis() as u64)
            .arg(per_minute)
            .arg(max_bytes)
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        let retry = Duration::from_millis(ms.max(0) as u64);
        Ok(match got {
            1.. => Admission::Admitted,
            0 => Admission::Full,
            -1 => Admission::OverQuota { retry },
            _ => Admission::OverBytes { retry },
        })
    }

    /// Count `bytes` of a finished answer against `user`'s resume-buffer quota: the count
    /// lives as long as a buffer (the buffer TTL, from the last answer), so it is what the
    /// user's answers hold in Redis now, at most.
    pub async fn charge_bytes(&self, user: &str, bytes: usize) -> Result<()> {
        let mut conn = self.conn.clone();
        let key = user_bytes_key(user);
        let _: () = redis::pipe()
            .atomic()
            .incr(&key, bytes as u64)
            .ignore()
            .pexpire(&key, self.ttl.as_millis() as i64)
            .ignore()
            .query_async(&mut conn)
            .await
            .map_err(redis_err)?;
        Ok(())
    }

    /// Give `message_id`'s stream slot back (whichever node took it).
    pub async fn release_stream(&self, user: &str, message_id: &str) -> Result<()> {
        let mut conn = self.conn.clone();
        let _: i64 = conn.zrem(user_streams_key(user), message_id).await.map_err(redis_err)?;
        Ok(())
    }
}
