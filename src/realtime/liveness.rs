//! A node's liveness in Redis: its heartbeat in the node registry, and the dataset's
//! identity, by which a node knows Redis lost everything it held.

use super::*;

/// The dataset's identity: an id per partition, set once (by whichever node looks first),
/// that lives as long as the partition's keys (`chatctl:{T}:dataset`, see [`keys`]). A node
/// that finds one missing or changed knows Redis lost everything it held there (FLUSHALL, a
/// restart without persistence, a failover to an empty replica, a Cluster shard that lost
/// its data), not one message: it says so, and its answers in flight are written back.
///
/// KEYS: the dataset keys. ARGV: a new id. Answers, per key, {1, id} when there is one,
/// else sets the new one and answers {0, it}.
const DATASET_SCRIPT: &str = "local out = {} for i, k in ipairs(KEYS) do local v = redis.call('GET', k) \
    if v then out[i] = {1, v} else redis.call('SET', k, ARGV[1]) out[i] = {0, ARGV[1]} end end return out";

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
        // The registry's keys share one slot: one pipeline.
        let _: () = redis::pipe()
            .pset_ex(keys::node_key(node), info, ttl.as_millis() as u64)
            .ignore()
            .zadd(keys::NODES, node, now)
            .ignore()
            .zrembyscore(keys::NODES, "-inf", now - 3_600_000)
            .ignore()
            .query_async(&mut conn)
            .await
            .map_err(redis_err)?;
        // The dataset keys: one call on one Redis, one per partition behind Cluster.
        let groups: Vec<Vec<String>> = match self.conn.is_cluster() {
            true => (0..keys::PARTITIONS).map(|k| vec![keys::dataset_key(k)]).collect(),
            false => vec![(0..keys::PARTITIONS).map(keys::dataset_key).collect()],
        };
        let evals = groups
            .iter()
            .map(|ks| redis::cmd("EVAL").arg(DATASET_SCRIPT).arg(ks.len()).arg(ks).arg(&candidate).to_owned())
            .collect();
        let answers: Vec<Vec<(i64, String)>> = self.conn.each(evals).await.map_err(redis_err)?;
        let found: Vec<(i64, String)> = answers.into_iter().flatten().collect();
        let mut known = self.dataset.lock().unwrap();
        let seen = match known.as_deref() {
            None => Dataset::Same,
            Some(k)
                if k.len() == found.len()
                    && k.iter().zip(&found).all(|(k, (existed, id))| *existed == 1 && k == id) =>
            {
                Dataset::Same
            }
            Some(_) => Dataset::Lost,
        };
        *known = Some(found.into_iter().map(|(_, id)| id).collect());
        Ok(seen)
    }
}
