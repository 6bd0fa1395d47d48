//! The fleet as Redis knows it, for operators: each node's heartbeat (its vital signs) and
//! the answers in flight (the lease set and each message's meta hash).
//!
//! A node's heartbeat key `chatctl:{fleet}:node:<id>` holds a [`NodeBeat`] as JSON, rewritten every
//! second with a TTL of three beats. The vitals ride in the beat rather than being scraped
//! from each node's `/metrics`: that listener is on 127.0.0.1 by default, and a console
//! should need one route (to Redis), not one per node.

use std::collections::HashMap;
use std::time::Duration;

use redis::aio::ConnectionManagerConfig;
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};

use super::keys::{self, node_key, NODES, NODE_PREFIX};
use super::{meta_key, redis_err, Primary, RedisTarget};
use crate::error::Result;

/// What a node says about itself every beat.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeBeat {
    pub node: String,
    /// The WebSocket listener.
    pub listen: String,
    pub role: String,
    pub pid: u32,
    pub started_ms: i64,
    /// When this beat was written (the node's clock, ms since the epoch).
    pub beat_ms: i64,
    /// The lease TTL the node runs with: a node silent for longer is lost.
    pub lease_ttl_ms: u64,
    pub draining: bool,
    pub connections: i64,
    /// Answers this node generates.
    pub generating: i64,
    /// Answers generated elsewhere that this node relays to its clients.
    pub following: i64,
    /// Totals since start (rates come from two beats).
    pub chunks_sent: u64,
    pub events_published: u64,
    /// Events waiting for Kafka.
    pub events_queue: i64,
    /// Chunk latency (upstream emit to send) over the last beat, ms; none without chunks.
    pub chunk_p99_ms: Option<u64>,
    pub takeovers: u64,
    pub workers: Vec<WorkerBeat>,
    /// Why Redis could not fail over now (Sentinel or Cluster), "" when it could.
    pub redis_degraded: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct WorkerBeat {
    pub name: String,
    pub processed: u64,
    /// Records behind the log end (librdkafka's figure).
    pub lag: i64,
    pub dead_lettered: u64,
}

/// One answer being generated somewhere in the fleet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InFlight {
    pub message_id: String,
    pub session_id: String,
    pub user_id: String,
    pub owner: String,
    pub epoch: u32,
    /// Chunks buffered so far.
    pub chunks: u32,
    pub started_ms: i64,
    /// `generating`, or how it ended while still in the lease set.
    pub state: String,
    /// A follower on another node watches it (until this Redis-clock deadline).
    pub watched: bool,
}

/// Reads the registry and the lease set (its own connection; nothing is written).
#[derive(Clone)]
pub struct FleetReader {
    conn: Primary,
    /// What never changes in an answer's meta (session, user, start), for the answers in
    /// flight at the last read: asked once per answer, not at every read.
    fixed: std::sync::Arc<std::sync::Mutex<HashMap<String, Fixed>>>,
}

#[derive(Debug, Clone)]
struct Fixed {
    session_id: String,
    user_id: String,
    started_ms: i64,
}

impl FleetReader {
    pub async fn connect(target: &RedisTarget) -> Result<FleetReader> {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Duration::from_secs(1))
            .set_response_timeout(Duration::from_secs(2))
            .set_number_of_retries(1);
        let conn = Primary::connect(target, config, Duration::from_secs(5)).await?;
        Ok(FleetReader { conn, fixed: Default::default() })
    }

    /// Every node with a live heartbeat key, by id (from the registry's index; a SCAN for
    /// nodes older than it).
    pub async fn nodes(&self) -> Result<Vec<NodeBeat>> {
        let mut conn = self.conn.clone();
        let ids: Vec<String> = conn.zrange(NODES, 0, -1).await.map_err(redis_err)?;
        let keys: Vec<String> = if ids.is_empty() {
            self.conn.scan_keys(&node_key("*"), 10_000).await.map_err(redis_err)?
        } else {
            ids.iter().map(|id| node_key(id)).collect()
        };
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        // The heartbeat keys share one hash tag: one MGET, behind Cluster too.
        let values: Vec<Option<String>> = conn.mget(&keys).await.map_err(redis_err)?;
        let mut nodes: Vec<NodeBeat> = keys
            .iter()
            .zip(values)
            .filter_map(|(k, v)| {
                let v: String = v?;
                let mut beat: NodeBeat = serde_json::from_str(&v).unwrap_or_default();
                if beat.node.is_empty() {
                    beat.node = k.trim_start_matches(NODE_PREFIX).to_string();
                }
                Some(beat)
            })
            .collect();
        nodes.sort_by(|a, b| a.node.cmp(&b.node));
        Ok(nodes)
    }

    /// The answers in the lease set (at most `max`, the oldest leases first), with their
    /// meta: one pipelined round trip for all of them. What never changes in an answer is
    /// asked once (the first read that finds it).
    pub async fn in_flight(&self, max: usize) -> Result<Vec<InFlight>> {
        let ranges = keys::all_leases()
            .into_iter()
            .map(|k| redis::cmd("ZRANGE").arg(k).arg(0).arg(max.saturating_sub(1)).arg("WITHSCORES").to_owned())
            .collect();
        let per: Vec<Vec<(String, f64)>> = self.conn.each(ranges).await.map_err(redis_err)?;
        let mut leased: Vec<(String, f64)> = per.into_iter().flatten().collect();
        leased.sort_by(|a, b| a.1.total_cmp(&b.1));
        let ids: Vec<String> = leased.into_iter().take(max).map(|(id, _)| id).collect();
        let (answers, fixed) = self.read(ids).await?;
        *self.fixed.lock().unwrap() = fixed;
        Ok(answers)
    }

    /// These answers afresh (the ones a screen shows, between reads of the whole list);
    /// those whose meta is gone are left out.
    pub async fn answers(&self, ids: Vec<String>) -> Result<Vec<InFlight>> {
        Ok(self.read(ids).await?.0)
    }

    /// The answers `ids` with their meta (the fixed fields from the cache where known), and
    /// the fixed fields of those found.
    async fn read(&self, ids: Vec<String>) -> Result<(Vec<InFlight>, HashMap<String, Fixed>)> {
        if ids.is_empty() {
            return Ok((Vec::new(), HashMap::new()));
        }
        let known: Vec<Option<Fixed>> = {
            let fixed = self.fixed.lock().unwrap();
            ids.iter().map(|id| fixed.get(id).cloned()).collect()
        };
        let cmds = ids
            .iter()
            .zip(&known)
            .map(|(id, k)| {
                let fields = if k.is_some() { &CHANGING[..] } else { &FIELDS[..] };
                redis::cmd("HMGET").arg(meta_key(id)).arg(fields).to_owned()
            })
            .collect();
        let rows: Vec<Vec<Option<String>>> = self.conn.each(cmds).await.map_err(redis_err)?;
        let now_ms = chrono::Utc::now().timestamp_millis();
        let mut fixed = HashMap::with_capacity(ids.len());
        let mut out = Vec::with_capacity(ids.len());
        for ((id, k), row) in ids.into_iter().zip(known).zip(rows) {
            let answer = match k {
                Some(k) => changing(id, k, &row, now_ms),
                None => in_flight(id, &row, now_ms),
            };
            if let Some(a) = answer {
                let f =
                    Fixed { session_id: a.session_id.clone(), user_id: a.user_id.clone(), started_ms: a.started_ms };
                fixed.insert(a.message_id.clone(), f);
                out.push(a);
            }
        }
        Ok((out, fixed))
    }

    /// Recent answers, generating or ended (their meta lives as long as the resume buffer):
    /// at most `max`, found by SCAN, with their meta in one pipelined round trip.
    pub async fn recent(&self, max: usize) -> Result<Vec<InFlight>> {
        let found = self.conn.scan_keys(keys::META_PATTERN, max).await.map_err(redis_err)?;
        let ids: Vec<String> =
            found.iter().filter_map(|k| keys::message_of_meta_key(k)).map(str::to_string).take(max).collect();
        self.metas(ids).await
    }
}

impl FleetReader {
    /// The meta of each answer in `ids`, in one pipelined round trip (answers whose meta is
    /// gone are left out).
    async fn metas(&self, ids: Vec<String>) -> Result<Vec<InFlight>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let cmds = ids.iter().map(|id| redis::cmd("HMGET").arg(meta_key(id)).arg(&FIELDS[..]).to_owned()).collect();
        let rows: Vec<Vec<Option<String>>> = self.conn.each(cmds).await.map_err(redis_err)?;
        let now_ms = chrono::Utc::now().timestamp_millis();
        Ok(ids.into_iter().zip(rows).filter_map(|(id, row)| in_flight(id, &row, now_ms)).collect())
    }
}

const FIELDS: [&str; 8] = ["sessionId", "userId", "owner", "epoch", "next", "startedMs", "state", "w"];

/// The fields of [`FIELDS`] that change while an answer is generated.
const CHANGING: [&str; 5] = ["owner", "epoch", "next", "state", "w"];

/// An answer already known (`k`) from its [`CHANGING`] fields.
fn changing(message_id: String, k: Fixed, row: &[Option<String>], now_ms: i64) -> Option<InFlight> {
    let field = |i: usize| row.get(i).cloned().flatten();
    let number = |i: usize| field(i).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    Some(InFlight {
        message_id,
        session_id: k.session_id,
        user_id: k.user_id,
        owner: field(0)?,
        epoch: number(1) as u32,
        chunks: number(2) as u32,
        started_ms: k.started_ms,
        state: field(3).unwrap_or_default(),
        watched: number(4) > now_ms,
    })
}

fn in_flight(message_id: String, row: &[Option<String>], now_ms: i64) -> Option<InFlight> {
    let field = |i: usize| row.get(i).cloned().flatten();
    let number = |i: usize| field(i).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    // A meta hash gone (expired, deleted) while its id was still in the set: not in flight.
    let owner = field(2)?;
    Some(InFlight {
        message_id,
        session_id: field(0).unwrap_or_default(),
        user_id: field(1).unwrap_or_default(),
        owner,
        epoch: number(3) as u32,
        chunks: number(4) as u32,
        started_ms: number(5),
        state: field(6).unwrap_or_default(),
        watched: number(7) > now_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_read_whole_and_read_by_its_changing_fields_is_the_same() {
        let now = 1_000;
        let v = |s: &str| Some(s.to_string());
        let whole = [v("s1"), v("u1"), v("n2"), v("3"), v("17"), v("900"), v("generating"), v("5000")];
        let first = in_flight("m1".into(), &whole, now).unwrap();
        let fixed = Fixed { session_id: "s1".into(), user_id: "u1".into(), started_ms: 900 };
        let again = changing("m1".into(), fixed.clone(), &[v("n2"), v("3"), v("17"), v("generating"), v("5000")], now);
        assert_eq!(again.as_ref(), Some(&first));
        assert_eq!((first.owner.as_str(), first.epoch, first.chunks, first.watched), ("n2", 3, 17, true));
        // Its meta gone between the two reads: no longer in flight.
        assert_eq!(changing("m1".into(), fixed, &[None, None, None, None, None], now), None);
    }

    #[test]
    fn a_beat_reads_back_and_an_older_node_s_beat_still_reads() {
        let beat = NodeBeat { node: "n1".into(), connections: 3, chunk_p99_ms: Some(12), ..Default::default() };
        let back: NodeBeat = serde_json::from_str(&serde_json::to_string(&beat).unwrap()).unwrap();
        assert_eq!(back, beat);
        // What nodes wrote before the vitals: listen and pid only.
        let old: NodeBeat = serde_json::from_str(r#"{"listen":"127.0.0.1:8080","pid":7}"#).unwrap();
        assert_eq!((old.listen.as_str(), old.pid, old.connections), ("127.0.0.1:8080", 7, 0));
    }

    #[test]
    fn an_in_flight_row_needs_its_meta() {
        let row = |owner: Option<&str>| {
            vec![
                Some("s1".to_string()),
                Some("u1".into()),
                owner.map(str::to_string),
                Some("2".into()),
                Some("17".into()),
                Some("1000".into()),
                Some("generating".into()),
                Some("5000".into()),
            ]
        };
        let f = in_flight("m1".into(), &row(Some("n2")), 4000).unwrap();
        assert_eq!((f.owner.as_str(), f.epoch, f.chunks, f.watched), ("n2", 2, 17, true));
        assert!(!in_flight("m1".into(), &row(Some("n2")), 6000).unwrap().watched);
        assert_eq!(in_flight("m1".into(), &row(None), 0), None);
    }
}
