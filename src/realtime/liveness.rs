//! A node's liveness in Redis: its heartbeat in the node registry, and the dataset's
//! identity, by which a node knows Redis lost everything it held.

use super::*;

/// The dataset's identity: an id set once (by whichever node looks first) that lives as
/// long as the dataset. A node that finds it missing or changed knows Redis lost everything
/// it held (FLUSHALL, a restart without persistence, a failover to an empty replica), not
/// one message: it says so, and its answers in flight are written back.
const DATASET: &str = "chatctl:dataset";

/// KEYS: the dataset key. ARGV: a new id. Answers {1, id} when there is one, else sets the
/// new one and answers {0, it}.
const DATASET_SCRIPT: &str = "local v = redis.call('GET', KEYS[1]) \
    if v then return {1, v} end redis.call('SET', KEYS[1], ARGV[1]) return {0, ARGV[1]}";

/// What a heartbeat found of the dataset's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    /// The one this node knew (or the first it saw).
    Same,
    /// Redis lost the dataset this node knew.
    Lost,
}

impl ResumeBuffer {
    /// This node is alive for another `ttl`: its beat, and its name in the registry's index
    /// (`chatctl:nodes`, node → when it last beat; names silent for an hour are dropped).
    /// Beat (the node registry) and look at the dataset's identity: Lost when Redis no
    /// longer holds the dataset this node knew (see [`DATASET`]).
    pub async fn heartbeat(&self, node: &str, info: &str, ttl: Duration) -> Result<Dataset> {
        let mut conn = self.conn.clone();
        let now = chrono::Utc::now().timestamp_millis();
        let candidate = uuid::Uuid::now_v7().to_string();
        let ((existed, id),): ((i64, String),) = redis::pipe()
            .pset_ex(node_key(node), info, ttl.as_millis() as u64)
            .ignore()
            .zadd(fleet::NODES, node, now)
            .ignore()
            .zrembyscore(fleet::NODES, "-inf", now - 3_600_000)
            .ignore()
            .cmd("EVAL")
            .arg(DATASET_SCRIPT)
            .arg(1)
            .arg(DATASET)
            .arg(&candidate)
            .query_async(&mut conn)
            .await
            .map_err(redis_err)?;
        let mut known = self.dataset.lock().unwrap();
        let seen = match known.as_deref() {
            None => Dataset::Same,
            Some(k) if existed == 1 && k == id => Dataset::Same,
            Some(_) => Dataset::Lost,
        };
        *known = Some(id);
        Ok(seen)
    }
}
